//! The skeleton of a clause: the concepts of the lexicon it holds, word by word, with its
//! numbers and its Kazakh verb negations. Built from the normalized clause text; every item
//! keeps the range of words it covers, so that the comparison can quote it.

use std::ops::Range;

use crate::language::Lang;
use crate::morphology::kazakh::{self, Negation};

use super::lexicon::{self, Role};

/// One word of the clause: its bytes in the clause text and those of its lower-case form (ё
/// read as е) in [`Skeleton::lowers`].
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub(crate) bytes: Range<usize>,
    lower: Range<usize>,
}

/// A concept found in the clause.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub(crate) role: Role,
    pub(crate) concept: &'static str,
    pub(crate) words: Range<usize>,
}

/// A number: a run of number words, or digits.
#[derive(Debug, Clone)]
pub(crate) struct Quantity {
    pub(crate) value: u64,
    pub(crate) words: Range<usize>,
    /// Written in words rather than digits.
    pub(crate) spelled: bool,
}

/// What the comparison reads of one clause.
#[derive(Debug, Clone, Default)]
pub(crate) struct Skeleton {
    /// The clause text the words index into.
    pub(crate) text: String,
    pub(crate) words: Vec<Word>,
    /// The lower-case forms of the words, one after the other: one buffer for the clause
    /// rather than a string a word.
    lowers: String,
    pub(crate) items: Vec<Item>,
    pub(crate) numbers: Vec<Quantity>,
    /// A negation the rule cannot place: a word negated by a prefix or a suffix (Russian
    /// `неисполнение`, `без`; Kazakh `-сыз`, a negated verbal noun `сақтамау`), which a
    /// translation may render with a negation or without one. It silences the negation rule.
    pub(crate) shielded: bool,
    /// The topics of a short clause (at most [`HEADING_WORDS`] words): what it is about if it
    /// is a heading.
    pub(crate) topics: Vec<Item>,
    /// Whether the clause is a heading (set by the caller, which knows the clause's kind).
    pub(crate) heading: bool,
}

/// The most words a clause may have for its topics to be read.
pub(crate) const HEADING_WORDS: usize = 12;

impl Skeleton {
    /// The lower-case form of a word of this skeleton (ё read as е).
    pub(crate) fn lower(&self, word: &Word) -> &str {
        &self.lowers[word.lower.clone()]
    }
}

/// Whether a Kazakh word is a negated verb form (`Some(true)`), a negated verbal noun
/// (`Some(false)`), or neither: see [`kazakh::negation`]. Nouns in -ма (`платформа`,
/// `тапсырма`) take no verb ending; the lexicon lists those that could (`plain`).
fn kazakh_negated(word: &str) -> Option<bool> {
    kazakh::negation(word).map(|n| n == Negation::Verb)
}

/// Whether a Kazakh word carries the privative suffix -сыз/-сіз (`келісімінсіз`, `ақысыз`):
/// not the pronoun `сіз` and its forms.
fn kazakh_privative(word: &str) -> bool {
    // The first occurrence of each suffix, as `str::find` would give it, but found in one walk
    // over the letters: `find` with a string sets up a substring search, for every word.
    let after_two_letters = |suffix: &str| {
        word.char_indices()
            .position(|(at, _)| word[at..].starts_with(suffix))
            .is_some_and(|letters_before| letters_before >= 2)
    };
    !word.starts_with("сіз") && (after_two_letters("сыз") || after_two_letters("сіз"))
}

/// Whether a Russian word is negated by a prefix (`неисполнение`, `бесплатно`) or is `без`.
fn russian_privative(word: &str) -> bool {
    word == "без"
        || ["не", "без", "бес"].iter().any(|p| {
            word.strip_prefix(p)
                .is_some_and(|rest| rest.chars().count() >= 4)
        })
}

/// Whether the Kazakh word at `at` is `басқа` or `өзге` after an ablative and before a
/// punctuation mark or the end (`(тестілік деректерден басқа)`: except the test data), which
/// says `кроме`. Followed by a word it is mostly the adjective (`Пациенттен басқа жазбаша
/// нұсқаулар`: other written instructions from the Patient); after a demonstrative it means
/// moreover (`бұдан басқа`).
fn is_kazakh_except(text: &str, words: &[Word], lowers: &[&str], at: usize) -> bool {
    const ABLATIVE: &[&str] = &["дан", "ден", "тан", "тен", "нан", "нен"];
    const DEMONSTRATIVE: &[&str] = &["бұдан", "одан", "мұнан", "осыдан", "сонан", "содан"];
    if !matches!(lowers[at], "басқа" | "өзге") || followed_by_word(text, &words[at]) {
        return false;
    }
    // The ablative right before, or before a parenthetical: `Компаниядан (оның қызметкерлері
    // арқылы) басқа`.
    (1..=8.min(at)).map(|back| at - back).any(|before| {
        let between = text[words[before].bytes.end..words[at].bytes.start].trim();
        let adjacent = between.is_empty()
            || (between.starts_with('(') && between.ends_with(')'))
            || (between.starts_with('«') && between.ends_with('»'));
        adjacent
            && ABLATIVE.iter().any(|e| lowers[before].ends_with(e))
            && !DEMONSTRATIVE.contains(&lowers[before])
    })
}

/// Whether the next thing after `word` in `text`, past spaces, is a letter or a digit.
fn followed_by_word(text: &str, word: &Word) -> bool {
    text[word.bytes.end..]
        .chars()
        .find(|c| !c.is_whitespace())
        .is_some_and(crate::language::is_alphanumeric)
}

/// What lower-casing the words of a clause needs beyond a letter-by-letter mapping, asked once
/// a clause rather than once a word, as most clauses need neither.
#[derive(Clone, Copy)]
struct Lowering {
    /// The clause holds a Greek capital sigma, for which `str::to_lowercase` has a rule.
    sigma: bool,
    /// The clause holds `ё` or `Ё`, read as `е`.
    yo: bool,
}

impl Lowering {
    fn of(text: &str) -> Lowering {
        // A vectorized search: a clause is long, and a walk over its bytes cost more than the
        // checks of its words it spares.
        let has = |c: &str| memchr::memmem::find(text.as_bytes(), c.as_bytes()).is_some();
        Lowering {
            sigma: has("Σ"),
            yo: has("ё") || has("Ё"),
        }
    }
}

/// Appends a word of a clause lowered as `lowering` says, lower-cased, `ё` read as `е`, to
/// `out`: what the lexicon's patterns are matched with.
fn push_lower_word(word: &str, lowering: Lowering, out: &mut String) {
    // `str::to_lowercase` differs from a letter-by-letter mapping only at a Greek capital
    // sigma; the letter-by-letter one is quick for Cyrillic.
    let start = out.len();
    if lowering.sigma && crate::words::has_char(word, 'Σ') {
        out.push_str(&word.to_lowercase());
    } else {
        crate::normalize::push_folded_case(word, out);
    }
    if lowering.yo && crate::words::has_char(&out[start..], 'ё') {
        let replaced = out[start..].replace('ё', "е");
        out.truncate(start);
        out.push_str(&replaced);
    }
}

/// The skeleton of a normalized clause text in `lang`.
pub(crate) fn skeleton(text: &str, lang: Lang) -> Skeleton {
    let mut lower_text = String::with_capacity(text.len());
    let lowering = Lowering::of(text);
    let words: Vec<Word> = crate::words::word_indices(text)
        .map(|(at, word)| {
            let start = lower_text.len();
            push_lower_word(word, lowering, &mut lower_text);
            Word {
                bytes: at..at + word.len(),
                lower: start..lower_text.len(),
            }
        })
        .collect();
    let lowers: Vec<&str> = words.iter().map(|w| &lower_text[w.lower.clone()]).collect();
    // The Kazakh words with their Kazakh letters folded, those that have one in one buffer.
    let mut folded_text = String::new();
    let folded_at: Vec<Option<Range<usize>>> = match lang {
        Lang::Kk => lowers
            .iter()
            .map(|w| {
                let start = folded_text.len();
                lexicon::push_folded_kazakh(w, &mut folded_text).then_some(start..folded_text.len())
            })
            .collect(),
        Lang::Ru => Vec::new(),
    };
    let folded: Vec<&str> = lowers
        .iter()
        .zip(&folded_at)
        .map(|(&word, at)| at.clone().map_or(word, |at| &folded_text[at]))
        .collect();
    let mut skeleton = Skeleton::default();
    let mut at = 0;
    while at < lowers.len() {
        let found = lexicon::longest_at(&lowers, at, lang).or_else(|| match lang {
            Lang::Kk => lexicon::longest_folded_at(&folded, at),
            Lang::Ru => None,
        });
        if let Some((entry, len)) = found {
            skeleton.items.push(Item {
                role: entry.role,
                concept: entry.concept,
                words: at..at + len,
            });
            // A Kazakh verb the lexicon reads as an action may be negated all the same:
            // `қайтарылмайды` is `refund` and `not`.
            let last = at + len - 1;
            if lang == Lang::Kk && matches!(entry.role, Role::Action | Role::Operation) {
                match kazakh_negated(lowers[last]) {
                    Some(true) => skeleton.items.push(Item {
                        role: Role::Negation,
                        concept: "negation",
                        words: last..last + 1,
                    }),
                    Some(false) => skeleton.shielded = true,
                    None => {}
                }
            }
            at += len;
            continue;
        }
        let word = lowers[at];
        match lang {
            Lang::Kk if is_kazakh_except(text, &words, &lowers, at) => {
                skeleton.items.push(Item {
                    role: Role::Exception,
                    concept: "except",
                    words: at..at + 1,
                });
            }
            Lang::Kk => match kazakh_negated(word) {
                Some(true) => skeleton.items.push(Item {
                    role: Role::Negation,
                    concept: "negation",
                    words: at..at + 1,
                }),
                Some(false) => skeleton.shielded = true,
                None => skeleton.shielded |= kazakh_privative(word),
            },
            Lang::Ru => skeleton.shielded |= russian_privative(word),
        }
        at += 1;
    }
    skeleton.numbers = numbers(&lowers, &skeleton.items);
    if lowers.len() <= HEADING_WORDS {
        skeleton.topics = topics(&lowers, &folded, lang);
    }
    skeleton.words = words;
    skeleton.lowers = lower_text;
    skeleton.text = text.to_owned();
    skeleton
}

/// The topics named in the words of a heading.
fn topics(words: &[&str], folded: &[&str], lang: Lang) -> Vec<Item> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let found = lexicon::longest_topic_at(words, at, lang).or_else(|| match lang {
            Lang::Kk => lexicon::longest_folded_topic_at(folded, at),
            Lang::Ru => None,
        });
        match found {
            Some((entry, len)) => {
                out.push(Item {
                    role: entry.role,
                    concept: entry.concept,
                    words: at..at + len,
                });
                at += len;
            }
            None => at += 1,
        }
    }
    out
}

/// The numbers of a clause: digits, and runs of number words added up (`он бес`: 15) or
/// multiplied by a hundred or a thousand (`екі жүз`: 200).
fn numbers(words: &[&str], items: &[Item]) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut run: Option<(u64, u64, Range<usize>)> = None;
    let flush = |run: &mut Option<(u64, u64, Range<usize>)>, out: &mut Vec<Quantity>| {
        if let Some((total, current, words)) = run.take() {
            out.push(Quantity {
                value: total + current,
                words,
                spelled: true,
            });
        }
    };
    for item in items {
        let Ok(value) = item.concept.parse::<u64>() else {
            flush(&mut run, &mut out);
            continue;
        };
        if item.role != Role::Number {
            continue;
        }
        let (mut total, mut current, mut range) = match run.take() {
            Some((t, c, r)) if r.end == item.words.start => (t, c, r),
            other => {
                run = other;
                flush(&mut run, &mut out);
                (0, 0, item.words.clone())
            }
        };
        if value >= 100 {
            current = current.max(1) * value;
            if value >= 1000 {
                total += current;
                current = 0;
            }
        } else {
            current += value;
        }
        range.end = item.words.end;
        run = Some((total, current, range));
    }
    flush(&mut run, &mut out);
    for (i, word) in words.iter().enumerate() {
        if !word.is_empty() && word.len() <= 12 && word.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(value) = word.parse::<u64>() {
                out.push(Quantity {
                    value,
                    words: i..i + 1,
                    spelled: false,
                });
            }
        }
    }
    out.sort_by_key(|q| q.words.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str, lang: Lang) -> Vec<(Role, &'static str)> {
        skeleton(text, lang)
            .items
            .iter()
            .map(|i| (i.role, i.concept))
            .collect()
    }

    fn values(text: &str, lang: Lang) -> Vec<u64> {
        skeleton(text, lang)
            .numbers
            .iter()
            .map(|q| q.value)
            .collect()
    }

    #[test]
    fn kazakh_verb_negation_fires_on_verb_forms_only() {
        for word in [
            "бермейді",
            "болмаған",
            "көзделмесе",
            "тоқтатпай",
            "келіспеңіз",
        ] {
            assert_eq!(kazakh_negated(word), Some(true), "{word}");
        }
        assert_eq!(kazakh_negated("көзделмегендердің"), Some(true));
        assert_eq!(kazakh_negated("етпейді"), Some(true));
        for word in ["сақтамау", "бермеуге", "етпеуге"] {
            assert_eq!(kazakh_negated(word), Some(false), "{word}");
        }
        for word in [
            "немесе",
            "платформа",
            "заңнама",
            "қолтаңба",
            "тапсырма",
            "емес",
            "береді",
            "адамды",
            "маңызды",
            "жағдай",
        ] {
            assert_eq!(kazakh_negated(word), None, "{word}");
        }
    }

    #[test]
    fn nouns_in_ma_are_no_negation_in_a_clause() {
        let text = "Платформа немесе бағдарлама тапсырманы хабарламада көрсетеді";
        assert!(
            roles(text, Lang::Kk)
                .iter()
                .all(|(r, _)| *r != Role::Negation)
        );
        assert!(
            roles("Оператор деректерді бермейді", Lang::Kk).contains(&(Role::Negation, "negation"))
        );
    }

    #[test]
    fn privative_words_shield() {
        assert!(skeleton("келісімінсіз береді", Lang::Kk).shielded);
        assert!(!skeleton("сізге береді", Lang::Kk).shielded);
        assert!(skeleton("в случае неисполнения", Lang::Ru).shielded);
        assert!(skeleton("без согласия", Lang::Ru).shielded);
        assert!(!skeleton("не передает", Lang::Ru).shielded);
    }

    proptest::proptest! {
        /// Asking the clause once whether it needs the sigma rule or `ё` → `е` lowers each of
        /// its words as asking the word would.
        #[test]
        fn a_clause_asked_once_lowers_its_words_as_each_word_asked(
            text in "[a-zA-ZаяАЯёЁәӘΣσ .,]{0,24}",
        ) {
            let lowering = Lowering::of(&text);
            let always = Lowering { sigma: true, yo: true };
            for (_, word) in crate::words::word_indices(&text) {
                let (mut asked_once, mut asked_each) = (String::new(), String::new());
                push_lower_word(word, lowering, &mut asked_once);
                push_lower_word(word, always, &mut asked_each);
                proptest::prop_assert_eq!(asked_once, asked_each);
            }
        }

        /// The suffix counts only where its first occurrence has two letters before it:
        /// `сызсыз` is not privative, `ақысыз` is.
        #[test]
        fn the_privative_suffix_is_found_where_str_find_finds_it(word in "[асызіқ]{0,9}") {
            let first_after_two = |s: &str| {
                word.find(s).is_some_and(|at| word[..at].chars().count() >= 2)
            };
            let expected =
                !word.starts_with("сіз") && (first_after_two("сыз") || first_after_two("сіз"));
            proptest::prop_assert_eq!(kazakh_privative(&word), expected);
        }
    }

    #[test]
    fn number_words_add_up_and_digits_count() {
        assert_eq!(values("он бес күн", Lang::Kk), [15]);
        assert_eq!(values("екі жүз теңге", Lang::Kk), [200]);
        assert_eq!(values("10 (десяти) рабочих дней", Lang::Ru), [10, 10]);
        assert_eq!(
            values("двадцати пяти дней и трех месяцев", Lang::Ru),
            [25, 3]
        );
        assert_eq!(values("сто двадцать", Lang::Ru), [120]);
        assert_eq!(values("одиннадцать тысяч", Lang::Ru), [11000]);
    }

    #[test]
    fn basqa_after_an_ablative_is_an_exception() {
        let found = roles("деректерді жою (тестілік деректерден басқа)", Lang::Kk);
        assert_eq!(
            found,
            [(Role::Operation, "delete"), (Role::Exception, "except")]
        );
        assert_eq!(
            roles("Бұл деректерден басқа, тізім", Lang::Kk)[0].0,
            Role::Exception
        );
        // Followed by a noun it is the adjective: other instructions from the Patient.
        assert!(
            roles("Пациенттен басқа нұсқаулар түспесе", Lang::Kk)
                .iter()
                .all(|(r, _)| *r != Role::Exception)
        );
        let parenthetical = roles(
            "Компаниядан (оның қызметкерлері арқылы) басқа, тұлғалар",
            Lang::Kk,
        );
        assert!(
            parenthetical.contains(&(Role::Exception, "except")),
            "{parenthetical:?}"
        );
        assert!(roles("басқа тұлғалар", Lang::Kk).is_empty());
        assert!(roles("бұдан басқа", Lang::Kk).is_empty());
    }

    #[test]
    fn kazakh_typed_without_kazakh_letters_still_reads() {
        assert_eq!(
            roles("деректерді жинау, өндеу және сактау", Lang::Kk),
            [
                (Role::Operation, "collect"),
                (Role::Operation, "process"),
                (Role::Operation, "store")
            ]
        );
    }

    #[test]
    fn a_negated_action_is_an_action_and_a_negation() {
        assert_eq!(
            roles("алдын ала төлем қайтарылмайды", Lang::Kk),
            [
                (Role::Qualifier, "prior"),
                (Role::Action, "pay"),
                (Role::Action, "refund"),
                (Role::Negation, "negation")
            ]
        );
        assert!(skeleton("деректерді сақтамау", Lang::Kk).shielded);
    }

    #[test]
    fn limits_are_no_negation() {
        assert_eq!(roles("не менее трех дней", Lang::Ru)[0].0, Role::Limit);
        assert_eq!(roles("кешіктірмей", Lang::Kk)[0].0, Role::Limit);
    }
}
