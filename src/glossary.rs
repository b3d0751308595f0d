//! A small Kazakh–Russian glossary of privacy-law terms (`дербес деректер` ↔
//! `персональные данные`), kept in `data/glossary.tsv` and compiled into the crate.
//!
//! Each side of an entry is a sequence of word patterns, one per word of the term; a term
//! occurs where consecutive words of the lower-cased text match its patterns. A pattern says
//! how far a word may go beyond its stem:
//!
//! | written | matches | example |
//! |---|---|---|
//! | `stem` | any word that starts with the stem | `хран`: хранение, хранить |
//! | `stem~` | the stem, bare or with the inflection endings of its language (`data/endings.tsv`) | `закон~`: закона, законами, not законный |
//! | `stem(a\|b\|…)` | the stem followed by exactly one of the endings; an empty one is the bare stem, `word()` the word alone | `пол(\|а\|у\|ом)`: пол, пола, not получать |
//! | `stem!(a\|b\|…)` | any word that starts with the stem, except those that go on with one of these | `сақта!(н)`: сақтау, not сақтандыру |
//! | `word^` | Kazakh: the word reduces to `word` by the suffix stripper of `morphology::kazakh`, a final п/қ/к of `word` read as б/ғ/г before a vowel; Russian: the word has the Snowball stem of `word` (`morphology::russian`) | `бер^`: береді, бермейді, беріледі, not беруші; `талап^`: талабы; `передача^`: передачи, передачей, not передать |
//!
//! A bare stem is enough for a long, unambiguous one; a short stem that begins common words
//! of another sense (`пол` and `пользователь`, `заң` and `заңгер`) says which endings it
//! takes, or which derivation it does not take. `word^` follows the morphology of the word
//! rather than its letters: in Kazakh write the bare stem (a noun's nominative, a verb's root:
//! `келісім^`, `бер^`, `жина^`), in Russian any form (`передача^`). It matches no word of
//! another root but may match a derivation the stripper or Snowball cannot tell from an
//! inflection (`заң^`: заңды, also lawful; `закон^`: законный; see `docs/morphology.md`).
//! The tests check every entry on its example
//! phrases (`data/glossary-examples.tsv`) and every pattern against common words of other
//! senses.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::language::{ByLang, Lang};
use crate::morphology;

/// One glossary entry: the word patterns of the term in each language.
pub(crate) type Term = ByLang<Vec<WordPattern>>;

/// How one word of a term matches a word of the text (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordPattern {
    /// The pattern as written in `data/glossary.tsv`. Patterns are read from the data files
    /// compiled into the crate, once a process: borrowing their text spares the hundreds of
    /// small allocations the tables would otherwise cost every process at start.
    written: &'static str,
    stem: &'static str,
    rest: Rest,
}

/// What may follow the stem in a matching word.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Rest {
    /// `stem`: anything.
    Any,
    /// `stem~`: nothing, or inflection endings of the language.
    Inflection,
    /// `stem(a|b)`: exactly one of these; the empty one is the bare stem.
    OneOf(Vec<&'static str>),
    /// `stem!(a|b)`: anything that does not start with one of these.
    NoneOf(Vec<&'static str>),
    /// `word^`: a form of the word (see [`Lemma`]).
    Lemma(Lemma),
}

/// What `word^` compares a word with, in each language.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Lemma {
    /// The written word: the Kazakh stem a matching word reduces to.
    kk: &'static str,
    /// The Snowball stem of the written word, which a matching Russian word has.
    ru: String,
}

impl Lemma {
    fn matches(&self, word: &str, lang: Lang) -> bool {
        match lang {
            Lang::Kk => morphology::kazakh::reduces_to(word, self.kk),
            Lang::Ru => {
                let word = morphology::russian::fold(word);
                word.starts_with(self.ru.as_str()) && morphology::russian::stem(&word) == self.ru
            }
        }
    }
}

impl WordPattern {
    /// Reads one pattern as written in the glossary; `None` if it is malformed. The meaning
    /// lexicon (`data/concepts.tsv`) writes its patterns the same way.
    pub(crate) fn parse(written: &'static str) -> Option<Self> {
        // Cyrillic and ASCII decided by a range; the Unicode tables for the rest.
        let lower = |c: char| {
            c.is_ascii_lowercase() || ('\u{0430}'..='\u{045F}').contains(&c) || c.is_lowercase()
        };
        let letters = |s: &str| s.chars().all(lower);
        let (stem, rest) = if let Some(word) = written.strip_suffix('^') {
            if word.is_empty() || !letters(word) || word.contains('ё') {
                return None;
            }
            let lemma = Lemma {
                kk: word,
                ru: morphology::russian::stem(word),
            };
            // Every matching word of either language starts with the shorter of the two, both
            // prefixes of the word.
            let kk_prefix = morphology::kazakh::common_prefix(word);
            if !word.starts_with(lemma.ru.as_str()) {
                return None;
            }
            (
                &word[..kk_prefix.len().min(lemma.ru.len())],
                Rest::Lemma(lemma),
            )
        } else if let Some(stem) = written.strip_suffix('~') {
            (stem, Rest::Inflection)
        } else if let Some(head) = written.strip_suffix(')') {
            let (stem, list) = head.split_once('(')?;
            let endings: Vec<&str> = list.split('|').collect();
            if !endings.iter().all(|e| letters(e)) {
                return None;
            }
            match stem.strip_suffix('!') {
                Some(stem) if endings.iter().all(|e| !e.is_empty()) => {
                    (stem, Rest::NoneOf(endings))
                }
                Some(_) => return None,
                None => (stem, Rest::OneOf(endings)),
            }
        } else {
            (written, Rest::Any)
        };
        (!stem.is_empty() && letters(stem)).then_some(WordPattern {
            written,
            stem,
            rest,
        })
    }

    /// The stem, which every matching word starts with.
    pub(crate) fn stem(&self) -> &'static str {
        self.stem
    }

    /// Whether a lower-case `word` of a text in `lang` matches.
    pub(crate) fn matches(&self, word: &str, lang: Lang) -> bool {
        // Before the prefix test: a Russian word is compared with `ё` read as `е`.
        if let Rest::Lemma(lemma) = &self.rest {
            return lemma.matches(word, lang);
        }
        let Some(rest) = word.strip_prefix(self.stem) else {
            return false;
        };
        match &self.rest {
            Rest::Any => true,
            Rest::Inflection => is_inflection(rest, inflection_slots(lang)),
            Rest::OneOf(endings) => endings.contains(&rest),
            Rest::NoneOf(endings) => !endings.iter().any(|e| rest.starts_with(e)),
            Rest::Lemma(lemma) => lemma.matches(word, lang),
        }
    }
}

impl std::fmt::Display for WordPattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.written)
    }
}

/// The inflection endings of each language, slot by slot, from `data/endings.tsv`.
fn inflection_slots(lang: Lang) -> &'static [Vec<&'static str>] {
    static SLOTS: OnceLock<ByLang<Vec<Vec<&'static str>>>> = OnceLock::new();
    let slots = SLOTS.get_or_init(|| {
        let mut slots = ByLang {
            kk: Vec::new(),
            ru: Vec::new(),
        };
        for line in include_str!("data/endings.tsv").lines() {
            if !crate::tsv::is_data_line(line) {
                continue;
            }
            let mut columns = line.split('\t');
            let (Some(lang), Some(_slot), Some(endings)) =
                (columns.next(), columns.next(), columns.next())
            else {
                continue;
            };
            let side = match lang {
                "kk" => &mut slots.kk,
                "ru" => &mut slots.ru,
                _ => continue,
            };
            side.push(endings.split_ascii_whitespace().collect());
        }
        slots
    });
    slots.get(lang)
}

/// Whether `rest` is nothing, or at most one ending of each slot, in the order of the slots.
fn is_inflection(rest: &str, slots: &[Vec<&str>]) -> bool {
    // Nothing is an inflection whatever the slots left: said at once rather than slot by slot.
    if rest.is_empty() {
        return true;
    }
    let Some((slot, later)) = slots.split_first() else {
        return false;
    };
    // Endings are compared from their second byte, which tells most Cyrillic letters apart
    // (the first is one of two lead bytes): a call to compare the whole ending is made for few.
    let second = rest.as_bytes().get(1);
    is_inflection(rest, later)
        || slot.iter().any(|ending| {
            (ending.len() < 2 || ending.as_bytes().get(1) == second)
                && rest
                    .strip_prefix(ending)
                    .is_some_and(|after| is_inflection(after, later))
        })
}

/// One line of `data/glossary.tsv`, or `None` for a comment, a blank or a malformed line (the
/// tests check that every line that is not a comment reads).
fn parse_line(line: &'static str) -> Option<Term> {
    if !crate::tsv::is_data_line(line) {
        return None;
    }
    let (kk, ru) = line.split_once('\t')?;
    let patterns = |side: &'static str| {
        let patterns: Option<Vec<WordPattern>> = side
            .split_ascii_whitespace()
            .map(WordPattern::parse)
            .collect();
        patterns.filter(|p| !p.is_empty())
    };
    Some(Term {
        kk: patterns(kk)?,
        ru: patterns(ru)?,
    })
}

pub(crate) fn terms() -> &'static [Term] {
    static TERMS: OnceLock<Vec<Term>> = OnceLock::new();
    TERMS.get_or_init(|| {
        include_str!("data/glossary.tsv")
            .lines()
            .filter_map(parse_line)
            .collect()
    })
}

/// The concept of each term: the index of the first term with the same Kazakh or the same
/// Russian side, so that `дербес деректер` and `жеке деректер`, both `персональные
/// данные`, count as one.
fn concepts() -> &'static [u16] {
    static CONCEPTS: OnceLock<Vec<u16>> = OnceLock::new();
    CONCEPTS.get_or_init(|| {
        let terms = terms();
        (0..terms.len())
            .map(|i| {
                let first =
                    (0..i).find(|&j| terms[j].kk == terms[i].kk || terms[j].ru == terms[i].ru);
                first.unwrap_or(i) as u16
            })
            .collect()
    })
}

/// The concepts (see [`concepts`]) of the glossary terms that occur in a normalized text in
/// `lang`, sorted and without repeats.
#[cfg(test)]
pub(crate) fn find_terms(text: &str, lang: Lang) -> Vec<u16> {
    let lower = text.to_lowercase();
    let words: Vec<&str> =
        unicode_segmentation::UnicodeSegmentation::unicode_words(lower.as_str()).collect();
    find_terms_in_words(&words, lang)
}

/// Terms by the first letter of their first stem.
struct FirstLetters {
    /// The letters below [`FirstLetters::DIRECT`] (ASCII, Latin, Cyrillic: every stem of the
    /// glossary) by code point: looked up for every word of every clause, where hashing the
    /// letter cost more than the rest of the look-up.
    direct: Vec<Vec<usize>>,
    other: HashMap<char, Vec<usize>>,
}

impl FirstLetters {
    const DIRECT: usize = 0x530;

    fn of(lang: Lang) -> FirstLetters {
        let mut index = FirstLetters {
            direct: vec![Vec::new(); Self::DIRECT],
            other: HashMap::new(),
        };
        for (i, term) in terms().iter().enumerate() {
            if let Some(first) = term.get(lang).first().and_then(|p| p.stem().chars().next()) {
                match index.direct.get_mut(first as usize) {
                    Some(terms) => terms.push(i),
                    None => index.other.entry(first).or_default().push(i),
                }
            }
        }
        index
    }

    /// The terms whose first stem starts with `first`, in file order.
    fn get(&self, first: char) -> &[usize] {
        match self.direct.get(first as usize) {
            Some(terms) => terms,
            None => self.other.get(&first).map_or(&[], Vec::as_slice),
        }
    }
}

/// Terms of each language by the first letter of their first stem.
fn by_first_letter(lang: Lang) -> &'static FirstLetters {
    static INDEX: OnceLock<ByLang<FirstLetters>> = OnceLock::new();
    INDEX
        .get_or_init(|| ByLang {
            kk: FirstLetters::of(Lang::Kk),
            ru: FirstLetters::of(Lang::Ru),
        })
        .get(lang)
}

/// [`find_terms`] on the lower-case words of a text.
pub(crate) fn find_terms_in_words(words: &[&str], lang: Lang) -> Vec<u16> {
    let index = by_first_letter(lang);
    let mut found = Vec::new();
    for (at, word) in words.iter().enumerate() {
        let Some(first) = word.chars().next() else {
            continue;
        };
        // Every word a pattern matches starts with its stem, `ё` read as `е`: the quick
        // prefix test passes over most terms of the same first letter.
        let prefilter = !crate::words::has_char(word, 'ё');
        for &t in index.get(first) {
            let patterns = terms()[t].get(lang);
            if prefilter
                && patterns
                    .first()
                    .is_some_and(|p| !word.starts_with(p.stem()))
            {
                continue;
            }
            let fits = patterns.len() <= words.len() - at
                && words[at..]
                    .iter()
                    .zip(patterns)
                    .all(|(word, pattern)| pattern.matches(word, lang));
            if fits {
                found.push(concepts()[t]);
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// [`is_inflection`] as it was first written: slot by slot, every ending compared whole.
    fn is_inflection_reference(rest: &str, slots: &[Vec<&str>]) -> bool {
        let Some((slot, later)) = slots.split_first() else {
            return rest.is_empty();
        };
        is_inflection_reference(rest, later)
            || slot.iter().any(|ending| {
                rest.strip_prefix(ending)
                    .is_some_and(|after| is_inflection_reference(after, later))
            })
    }

    proptest::proptest! {
        /// Endings of each language strung together, a letter or two around them, and a
        /// made-up slot with one-byte and empty endings.
        #[test]
        fn the_quick_inflection_test_agrees_with_the_plain_one(
            picks in proptest::collection::vec(0usize..64, 0..4),
            extra in "[аa]?",
        ) {
            let own: Vec<Vec<&str>> = vec![vec!["a", "", "ab"], vec!["ә", "a"]];
            for slots in [inflection_slots(Lang::Kk), inflection_slots(Lang::Ru), &own[..]] {
                let endings: Vec<&str> = slots.iter().flatten().copied().collect();
                let mut rest: String = picks.iter().map(|&i| endings[i % endings.len()]).collect();
                rest.push_str(&extra);
                proptest::prop_assert_eq!(
                    is_inflection(&rest, slots),
                    is_inflection_reference(&rest, slots),
                    "{:?}", rest
                );
            }
        }
    }

    /// A side of an entry as written in `data/glossary.tsv`.
    fn written(patterns: &[WordPattern]) -> String {
        let words: Vec<String> = patterns.iter().map(ToString::to_string).collect();
        words.join(" ")
    }

    /// One line of `data/glossary-examples.tsv`: an entry, named by its patterns as written in
    /// `data/glossary.tsv`, and a phrase in each language where it must occur.
    struct Example {
        kk_patterns: &'static str,
        ru_patterns: &'static str,
        kk: &'static str,
        ru: &'static str,
    }

    fn examples() -> Vec<Example> {
        crate::tsv::data_lines(include_str!("data/glossary-examples.tsv"))
            .map(|line| match line.split('\t').collect::<Vec<_>>()[..] {
                [kk_patterns, ru_patterns, kk, ru] => Example {
                    kk_patterns,
                    ru_patterns,
                    kk,
                    ru,
                },
                _ => panic!("glossary-examples.tsv: not four columns: {line:?}"),
            })
            .collect()
    }

    /// The examples of a glossary entry (one or more lines of the examples file).
    fn examples_of(term: &Term) -> Vec<Example> {
        let (kk, ru) = (written(&term.kk), written(&term.ru));
        examples()
            .into_iter()
            .filter(|e| e.kk_patterns == kk && e.ru_patterns == ru)
            .collect()
    }

    /// The entries that occur in `text`, by a plain scan of every entry over every position:
    /// the reference the indexed [`find_terms_in_words`] must agree with.
    fn entries_in(text: &str, lang: Lang) -> Vec<usize> {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.unicode_words().collect();
        (0..terms().len())
            .filter(|&t| {
                let patterns = terms()[t].get(lang);
                words.windows(patterns.len()).any(|window| {
                    window
                        .iter()
                        .zip(patterns)
                        .all(|(word, pattern)| pattern.matches(word, lang))
                })
            })
            .collect()
    }

    /// The concept of the entry written `kk_patterns` in Kazakh.
    fn concept(kk_patterns: &str) -> u16 {
        let t = terms()
            .iter()
            .position(|t| written(&t.kk) == kk_patterns)
            .unwrap_or_else(|| panic!("no entry «{kk_patterns}»"));
        concepts()[t]
    }

    fn pattern(written: &'static str) -> WordPattern {
        WordPattern::parse(written).unwrap_or_else(|| panic!("«{written}» does not parse"))
    }

    #[test]
    fn a_bare_stem_matches_every_word_that_starts_with_it() {
        let p = pattern("хран");
        assert!(p.matches("хран", Lang::Ru));
        assert!(p.matches("хранение", Lang::Ru));
        assert!(!p.matches("охрана", Lang::Ru));
    }

    #[test]
    fn a_stem_with_endings_matches_only_those_endings() {
        let p = pattern("пол(|а|у|ом)");
        for word in ["пол", "пола", "полу", "полом"] {
            assert!(p.matches(word, Lang::Ru), "{word}");
        }
        for word in ["поле", "получать", "полностью", "по"] {
            assert!(!p.matches(word, Lang::Ru), "{word}");
        }
        let exact = pattern("туған()");
        assert!(exact.matches("туған", Lang::Kk));
        assert!(!exact.matches("туғандары", Lang::Kk));
    }

    #[test]
    fn a_stem_with_exceptions_matches_all_but_the_words_that_go_on_with_them() {
        let p = pattern("сақта!(н)");
        for word in ["сақта", "сақтау", "сақталады", "сақтайды"] {
            assert!(p.matches(word, Lang::Kk), "{word}");
        }
        for word in ["сақтандыру", "сақтану", "сақ"] {
            assert!(!p.matches(word, Lang::Kk), "{word}");
        }
    }

    #[test]
    fn an_inflected_stem_takes_the_endings_of_its_language_in_their_order() {
        let ru = pattern("закон~");
        for word in ["закон", "закона", "законами", "законах"] {
            assert!(ru.matches(word, Lang::Ru), "{word}");
        }
        for word in ["законный", "законодательство", "законность"]
        {
            assert!(!ru.matches(word, Lang::Ru), "{word}");
        }
        let kk = pattern("заң~");
        // Plural, possessive and case suffixes stack, in that order.
        for word in ["заң", "заңы", "заңға", "заңдарына", "заңымен", "заңдағы"]
        {
            assert!(kk.matches(word, Lang::Kk), "{word}");
        }
        for word in ["заңгер", "заңсыз", "заңнама", "заңынлар", "заңғалар"]
        {
            assert!(!kk.matches(word, Lang::Kk), "{word}");
        }
        // Each language has its own endings: `дарына` is no Russian ending.
        assert!(!kk.matches("заңдарына", Lang::Ru));
    }

    #[test]
    fn a_word_with_a_caret_matches_its_forms_by_morphology() {
        let give = pattern("бер^");
        for word in [
            "бер",
            "беру",
            "береді",
            "бермейді",
            "беріледі",
            "берген",
            "беруге",
        ] {
            assert!(give.matches(word, Lang::Kk), "{word}");
        }
        for word in ["беруші", "берік", "бе", "кебер"] {
            assert!(!give.matches(word, Lang::Kk), "{word}");
        }
        let law = pattern("заң^");
        for word in ["заң", "заңы", "заңға", "заңдарына", "заңымен"] {
            assert!(law.matches(word, Lang::Kk), "{word}");
        }
        for word in ["заңгер", "заңсыз", "заңнама", "заңнамасы", "заңдылық"]
        {
            assert!(!law.matches(word, Lang::Kk), "{word}");
        }
        // A final п/қ/к of the stem is voiced before a vowel.
        let requirement = pattern("талап^");
        for word in ["талап", "талабы", "талаптар", "талапқа"] {
            assert!(requirement.matches(word, Lang::Kk), "{word}");
        }
        assert!(!requirement.matches("талау", Lang::Kk));
        let transfer = pattern("передача^");
        for word in ["передача", "передачи", "передачу", "передачей"]
        {
            assert!(transfer.matches(word, Lang::Ru), "{word}");
        }
        for word in ["передать", "передатчик", "передатчика"] {
            assert!(!transfer.matches(word, Lang::Ru), "{word}");
        }
        let sex = pattern("пол^");
        assert!(sex.matches("пола", Lang::Ru));
        for word in ["пользователь", "получать", "полностью", "полиция"]
        {
            assert!(!sex.matches(word, Lang::Ru), "{word}");
        }
        // ё is read as е in the text; a pattern writes е.
        assert!(pattern("передает^").matches("передаёт", Lang::Ru));
    }

    #[test]
    fn a_word_with_a_caret_keeps_the_exclusions_of_the_other_patterns() {
        // `закон~` and `закон^` differ: Snowball reads `законный` as a form of `закон`.
        let inflected = pattern("закон~");
        let lemma = pattern("закон^");
        for word in ["закон", "закона", "законами"] {
            assert!(inflected.matches(word, Lang::Ru) && lemma.matches(word, Lang::Ru));
        }
        assert!(!inflected.matches("законный", Lang::Ru));
        assert!(lemma.matches("законный", Lang::Ru));
        assert!(!lemma.matches("законодательство", Lang::Ru));
    }

    #[test]
    fn every_word_a_caret_pattern_matches_starts_with_its_stem() {
        for (lang, written, words) in [
            (Lang::Kk, "бер^", &["бермейді", "береді", "беріледі"][..]),
            (Lang::Kk, "талап^", &["талабы", "талаптар"]),
            (Lang::Kk, "жой^", &["жою", "жоюға", "жойылады"]),
            (Lang::Ru, "передача^", &["передачи", "передачу"]),
            (
                Lang::Ru,
                "пользователь^",
                &["пользователя", "пользователей"],
            ),
        ] {
            let p = pattern(written);
            for word in words {
                assert!(p.matches(word, lang), "{written} {word}");
                assert!(word.starts_with(p.stem()), "{written} {word}");
            }
        }
    }

    #[test]
    fn malformed_patterns_are_refused() {
        for written in [
            "",
            "~",
            "(а|б)",
            "пол(а",
            "пол(а|б",
            "пол!(|а)",
            "пол!()",
            "пол(А)",
            "Пол",
            "по-л",
            "^",
            "Бер^",
            "бер~^",
            "передаёт^",
        ] {
            assert!(WordPattern::parse(written).is_none(), "«{written}»");
        }
        assert!(WordPattern::parse("пол()").is_some());
    }

    #[test]
    fn every_line_of_the_glossary_reads() {
        let lines = crate::tsv::data_lines(include_str!("data/glossary.tsv")).count();
        assert_eq!(terms().len(), lines);
        assert!(!inflection_slots(Lang::Kk).is_empty() && !inflection_slots(Lang::Ru).is_empty());
    }

    #[test]
    fn terms_match_inflected_forms_in_both_languages() {
        let kk = find_terms(
            "Дербес деректерді қорғау туралы Қазақстан Республикасының Заңы",
            Lang::Kk,
        );
        let ru = find_terms(
            "Закон Республики Казахстан о защите персональных данных",
            Lang::Ru,
        );
        let mut expected = vec![
            concept("дербес~ дерек!(теме)"),
            concept("қорға"),
            concept("қазақстан республика"),
            concept("заң~"),
        ];
        expected.sort_unstable();
        assert_eq!(kk, expected);
        assert_eq!(ru, expected);
    }

    #[test]
    fn every_entry_has_an_example_and_every_example_an_entry() {
        let missing: Vec<String> = terms()
            .iter()
            .filter(|term| examples_of(term).is_empty())
            .map(|term| format!("{}\t{}", written(&term.kk), written(&term.ru)))
            .collect();
        assert!(
            missing.is_empty(),
            "entries of glossary.tsv without a line in glossary-examples.tsv: {missing:#?}"
        );
        let stale: Vec<String> = examples()
            .iter()
            .filter(|e| {
                !terms()
                    .iter()
                    .any(|t| written(&t.kk) == e.kk_patterns && written(&t.ru) == e.ru_patterns)
            })
            .map(|e| format!("{}\t{}", e.kk_patterns, e.ru_patterns))
            .collect();
        assert!(stale.is_empty(), "examples of no entry: {stale:#?}");
    }

    #[test]
    fn every_entry_occurs_in_its_own_examples_in_both_languages() {
        for (t, term) in terms().iter().enumerate() {
            for example in examples_of(term) {
                for (lang, phrase) in [(Lang::Kk, example.kk), (Lang::Ru, example.ru)] {
                    assert!(
                        entries_in(phrase, lang).contains(&t),
                        "{lang} «{}» does not occur in «{phrase}»",
                        written(term.get(lang))
                    );
                    assert!(
                        find_terms(phrase, lang).contains(&concepts()[t]),
                        "{lang} «{}» is not found in «{phrase}»",
                        written(term.get(lang))
                    );
                }
            }
        }
    }

    /// Common words of legal texts and privacy policies that begin like a stem of the
    /// glossary but mean something else (`пол`, sex, and `пользователь`), with the stem of the
    /// one pattern that is their own sense, if any (`политика` is `политик`). No pattern may
    /// match a word of another sense. For a stem that begins no such word, a few near misses
    /// keep it honest (`ұлттық` does not begin with `ұлты`).
    const OTHER_SENSE_WORDS: [(Lang, &[(&str, &str)]); 2] = [
        (
            Lang::Kk,
            &[
                ("дербестік", ""),            // autonomy (дербес: personal)
                ("деректеме", ""),            // bank details (дерек: data)
                ("деректемелері", ""),        // its details (дерек: data)
                ("жекеше", ""),               // private (жеке дерек: personal data)
                ("жекелеген", ""),            // separate, certain (жеке)
                ("жекешелендіру", ""),        // privatization (жеке)
                ("саясаты", "саясат"),        // its policy
                ("саясаткер", ""),            // politician (саясат: policy)
                ("саясаттану", ""),           // political science (саясат)
                ("келісімі", "келісім"),      // its consent
                ("келісімшарт", ""),          // contract (келісім: consent)
                ("келісімшартқа", ""),        // to the contract (келісім)
                ("жинау", "жина"),            // collecting
                ("жиналады", "жина"),         // is collected
                ("жинақ", ""),                // savings (жина: collect)
                ("жинақтаушы", ""),           // accumulative (pension fund) (жина)
                ("жиналыс", ""),              // meeting (жина)
                ("сақталады", "сақта"),       // is stored
                ("сақтандыру", ""),           // insurance (сақта: store)
                ("сақтандырушы", ""),         // insurer (сақта)
                ("сақтану", ""),              // to beware (сақта)
                ("шартқа", "шарт"),           // to the contract
                ("шарттары", ""),             // its conditions (шарт: contract)
                ("шарттар", ""),              // conditions (шарт)
                ("шартсыз", ""),              // unconditional (шарт)
                ("банктің", "банк"),          // of the bank
                ("банкрот", ""),              // bankrupt (банк: bank)
                ("банкроттық", ""),           // bankruptcy (банк)
                ("банкнот", ""),              // banknote (банк)
                ("серіктестері", "серіктес"), // its partners
                ("серіктестік", ""),          // partnership, LLP (серіктес: partner)
                ("серіктестігі", ""),         // its partnership, LLP (серіктес)
                ("серіктестіктің", ""),       // of the partnership, LLP (серіктес)
                ("заңдарына", "заң"),         // to its laws
                ("заңгер", ""),               // lawyer (заң: law)
                ("заңсыз", ""),               // unlawful (заң)
                ("заңдылық", ""),             // legality (заң)
                ("заңнамасы", "заңнама"),     // its legislation
                ("құқықтары", "құқы"),        // its rights
                ("құқықтық", ""),             // legal (құқы: right)
                ("тегінің", "тегі"),          // of the surname
                ("тегін", ""),                // free of charge (тегі: surname)
                ("тегіс", ""),                // smooth, entire (тегі)
                ("тегінде", ""),              // by origin (тегі)
                ("туғандары", ""),            // relatives (туған: born)
                ("туғандар", ""),             // relatives (туған)
                ("туғандық", ""),             // kinship (туған)
                ("ұлттық", ""),               // national (ұлты: nationality)
                ("жыныстық", ""),             // sexual (жынысы: sex)
                ("байланысу", "байланыс"),    // to contact
                ("байланысты", ""),           // in connection with (байланыс: contact)
                ("байланыстыру", ""),         // linking (байланыс)
                ("байланыссыз", ""),          // unconnected (байланыс)
                ("бейнежазба", "бейне"),      // video recording
                ("бейнелеу", ""),             // depicting (бейне: video)
                ("бейнеленген", ""),          // depicted (бейне)
                ("бейнелі", ""),              // figurative (бейне)
                ("қызмет", ""),               // service (қызметкер: employee)
                ("құрылым", ""),              // structure (құрылғы: device)
                ("мекеме", ""),               // institution (мекенжай: address)
            ],
        ),
        (
            Lang::Ru,
            &[
                ("персонал", ""),                        // staff (персональн: personal)
                ("данные", "данн"),                      // data
                ("данный", ""),                          // this, given (данн: data)
                ("данная", ""),                          // this (данн)
                ("данное", ""),                          // this (данн)
                ("политика", "политик"),                 // policy
                ("политический", ""),                    // political (политик: policy)
                ("согласия", "согласи"),                 // of the consent
                ("согласно", ""),                        // according to (соглас: consent)
                ("согласование", ""),                    // approval (соглас)
                ("согласовать", ""),                     // to approve (соглас)
                ("соглашение", ""),                      // agreement (согласи: consent)
                ("лицам", "лиц"),                        // to persons
                ("лицензия", ""),                        // licence (лиц: person)
                ("лицензиат", ""),                       // licensee (лиц)
                ("лицевой", ""),                         // personal (account) (лиц)
                ("сборе", "сбор"),                       // on collecting
                ("сборник", ""),                         // collection (book) (сбор: collecting)
                ("сборка", ""),                          // assembly (сбор)
                ("сборочный", ""),                       // assembly (сбор)
                ("адресу", "адрес"),                     // to the address
                ("адресат", ""),                         // addressee (адрес: address)
                ("адресный", ""),                        // targeted (адрес)
                ("адресовать", ""),                      // to direct to (адрес)
                ("договорного", "договор"),              // contractual
                ("договориться", ""),                    // to agree (договор: contract)
                ("договорённость", ""),                  // arrangement (договор)
                ("договоренность", ""),                  // arrangement (договор)
                ("правами", "прав"),                     // with the rights
                ("правовой", ""),                        // legal (прав: rights)
                ("правила", ""),                         // rules (прав: rights)
                ("правительство", ""),                   // government (прав)
                ("правильно", ""),                       // correctly (прав)
                ("правление", ""),                       // board (прав)
                ("целях", "цел"),                        // for the purposes
                ("целостность", ""),                     // integrity (цел: purpose)
                ("целый", ""),                           // whole (цел)
                ("целом", ""),                           // (on the) whole (цел)
                ("целесообразно", ""),                   // expedient (цел)
                ("банковской", "банк"),                  // of a bank (card)
                ("банкротство", ""),                     // bankruptcy (банк: bank)
                ("банкрот", ""),                         // bankrupt (банк)
                ("банкнота", ""),                        // banknote (банк)
                ("рекламные", "реклам"),                 // advertising
                ("рекламация", ""),                      // complaint (реклам: advertising)
                ("рекламационный", ""),                  // of complaints (реклам)
                ("рекламаций", ""),                      // of complaints (реклам)
                ("законами", "закон"),                   // by the laws
                ("законодательство", "законодательств"), // legislation
                ("законный", ""),                        // lawful (закон: law)
                ("законность", ""),                      // legality (закон)
                ("фотографии", "фотографи"),             // of the photograph
                ("фотограф", ""),                        // photographer (фотографи: photograph)
                ("фотографировать", ""),                 // to take photographs (фотографи)
                ("пола", "пол"),                         // of the sex
                ("пользоваться", ""),                    // to use (пол: sex)
                ("пользователь", "пользовател"),         // user
                ("получать", ""),                        // to receive (пол)
                ("полностью", ""),                       // fully (пол)
                ("полный", ""),                          // full (пол)
                ("полномочия", ""),                      // powers (пол)
                ("поля", ""),                            // (form) fields (пол)
                ("полиция", ""),                         // police (пол)
                ("удостоверяющий", "удостовер"),         // certifying
                ("удостоверение", ""),                   // identity card (удостовер: certify)
                ("удостоверения", ""),                   // of the identity card (удостовер)
                ("информировать", ""),                   // to inform (информац: information)
            ],
        ),
    ];

    #[test]
    fn no_pattern_matches_a_common_word_of_another_sense() {
        let mut found = Vec::new();
        for (lang, words) in OTHER_SENSE_WORDS {
            for &(word, own_stem) in words {
                let matching: Vec<&WordPattern> = terms()
                    .iter()
                    .flat_map(|term| term.get(lang))
                    .filter(|p| p.matches(word, lang))
                    .collect();
                found.extend(
                    matching
                        .iter()
                        .filter(|p| p.stem() != own_stem)
                        .map(|p| format!("{lang} «{p}» matches «{word}»")),
                );
                assert!(
                    own_stem.is_empty() || matching.iter().any(|p| p.stem() == own_stem),
                    "{lang} «{word}» does not match its own «{own_stem}»"
                );
            }
        }
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn the_index_by_first_letter_finds_what_a_plain_scan_finds() {
        let mut phrases: Vec<(Lang, &str)> = Vec::new();
        for example in examples() {
            phrases.push((Lang::Kk, example.kk));
            phrases.push((Lang::Ru, example.ru));
        }
        for (lang, words) in OTHER_SENSE_WORDS {
            phrases.extend(words.iter().map(|&(word, _)| (lang, word)));
        }
        for (lang, phrase) in phrases {
            let mut expected: Vec<u16> = entries_in(phrase, lang)
                .into_iter()
                .map(|t| concepts()[t])
                .collect();
            expected.sort_unstable();
            expected.dedup();
            assert_eq!(find_terms(phrase, lang), expected, "{lang} «{phrase}»");
        }
    }
}
