//! The lexicon of concepts, read from `data/concepts.tsv` (see its header): each line a
//! concept, its role, and its word patterns in each language, written as in the glossary.

use std::sync::OnceLock;

use crate::glossary::WordPattern;
use crate::language::{ByLang, Lang};

/// What a concept does in a clause; the comparison reads the roles, not the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Role {
    /// Who acts or is acted on: the customer, the operator, a third party.
    Party,
    /// A negation outside a bound.
    Negation,
    /// An exception to the rule of the clause.
    Exception,
    /// A duty: must, is obliged.
    Duty,
    /// A right: is entitled.
    Right,
    /// A possibility: may.
    Possibility,
    /// A time unit, or the qualifier calendar.
    Unit,
    /// A number word.
    Number,
    /// `only`, `in the cases`: a condition that may render an exception.
    Condition,
    /// A bound written with a negation (`не менее`): neither a negation nor anything else.
    Limit,
    /// A word that only looks negated (`немесе`): shields it from the negation rule.
    Plain,
    /// A qualifier that narrows or conditions what the clause says: early, written, free of
    /// charge, as far as reasonable.
    Qualifier,
    /// What a party does: consent, withdraw, refuse, pay, terminate.
    Action,
    /// What is done to data or a thing, the kind of action a list names: collect, record,
    /// store, transfer, delete.
    Operation,
    /// A thing that is listed: a kind of personal data, a value to respect.
    Member,
    /// What a heading is about: general provisions, liability, force majeure.
    Topic,
}

impl Role {
    fn parse(name: &str) -> Option<Role> {
        Some(match name {
            "party" => Role::Party,
            "negation" => Role::Negation,
            "exception" => Role::Exception,
            "modality_duty" => Role::Duty,
            "modality_right" => Role::Right,
            "modality_possibility" => Role::Possibility,
            "unit" => Role::Unit,
            "number" => Role::Number,
            "condition" => Role::Condition,
            "limit" => Role::Limit,
            "plain" => Role::Plain,
            "qualifier" => Role::Qualifier,
            "action" => Role::Action,
            "operation" => Role::Operation,
            "member" => Role::Member,
            "topic" => Role::Topic,
            _ => return None,
        })
    }
}

/// One line of the lexicon.
#[derive(Debug)]
pub(crate) struct Entry {
    /// The concept id (a number's value for a number word).
    pub(crate) concept: &'static str,
    pub(crate) role: Role,
    /// The word patterns of each side; empty where the line has `-`.
    pub(crate) patterns: ByLang<Vec<WordPattern>>,
    /// The Kazakh patterns with the Kazakh letters folded (see [`fold_kazakh`]).
    pub(crate) folded: Vec<WordPattern>,
}

/// A word with its Kazakh letters replaced by the Russian letters a text typed without a
/// Kazakh keyboard puts for them: `өндеу` for `өңдеу`, `кызмет` for `қызмет`.
pub(crate) fn fold_kazakh(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'ә' => 'а',
            'ғ' => 'г',
            'қ' => 'к',
            'ң' => 'н',
            'ө' => 'о',
            'ұ' | 'ү' => 'у',
            'һ' => 'х',
            'і' => 'и',
            other => other,
        })
        .collect()
}

/// One line of `data/concepts.tsv`; `None` for a comment or a blank, `Some(Err)` with the
/// line for a malformed one (the tests check there is none).
fn parse_line(line: &'static str) -> Option<Result<Entry, &'static str>> {
    if !crate::tsv::is_data_line(line) {
        return None;
    }
    let columns: Vec<&str> = line.split('\t').collect();
    let [concept, role, kk, ru] = columns[..] else {
        return Some(Err(line));
    };
    let side = |written: &str| -> Option<Vec<WordPattern>> {
        if written == "-" {
            return Some(Vec::new());
        }
        let patterns: Option<Vec<WordPattern>> =
            written.split_whitespace().map(WordPattern::parse).collect();
        patterns.filter(|p| !p.is_empty())
    };
    let entry = (|| {
        let patterns = ByLang {
            kk: side(kk)?,
            ru: side(ru)?,
        };
        (!patterns.kk.is_empty() || !patterns.ru.is_empty()).then_some(())?;
        let folded = if kk == "-" {
            Vec::new()
        } else {
            side(&fold_kazakh(kk))?
        };
        Some(Entry {
            concept,
            role: Role::parse(role)?,
            patterns,
            folded,
        })
    })();
    Some(entry.ok_or(line))
}

/// Every entry of the lexicon, in the order of the file; malformed lines are skipped (and
/// fail the tests).
pub(crate) fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        include_str!("../data/concepts.tsv")
            .lines()
            .filter_map(parse_line)
            .filter_map(Result::ok)
            .collect()
    })
}

/// The longest entry (in words) whose patterns of `lang` match the words from `at`, with its
/// length; the first in file order among equals. Topics are left out: they are read from
/// headings only ([`longest_topic_at`]), so that they never shadow the roles of running text.
pub(crate) fn longest_at(
    words: &[String],
    at: usize,
    lang: Lang,
) -> Option<(&'static Entry, usize)> {
    longest_where(words, at, lang, |role| role != Role::Topic)
}

/// The longest entry, topics left out, whose folded Kazakh patterns match the folded words
/// from `at` (see [`fold_kazakh`]): for a word no pattern matches as it is written.
pub(crate) fn longest_folded_at(folded: &[String], at: usize) -> Option<(&'static Entry, usize)> {
    longest_folded_where(folded, at, |role| role != Role::Topic)
}

/// The longest topic entry whose folded Kazakh patterns match the folded words from `at`.
pub(crate) fn longest_folded_topic_at(
    folded: &[String],
    at: usize,
) -> Option<(&'static Entry, usize)> {
    longest_folded_where(folded, at, |role| role == Role::Topic)
}

fn longest_folded_where(
    folded: &[String],
    at: usize,
    wanted: impl Fn(Role) -> bool,
) -> Option<(&'static Entry, usize)> {
    let mut best: Option<(&'static Entry, usize)> = None;
    for entry in entries().iter().filter(|e| wanted(e.role)) {
        let n = entry.folded.len();
        if n == 0 || at + n > folded.len() || best.is_some_and(|(_, len)| len >= n) {
            continue;
        }
        let fits = folded[at..at + n]
            .iter()
            .zip(&entry.folded)
            .all(|(word, pattern)| pattern.matches(word, Lang::Kk));
        if fits {
            best = Some((entry, n));
        }
    }
    best
}

/// The longest topic entry that matches the words from `at`, as [`longest_at`] does.
pub(crate) fn longest_topic_at(
    words: &[String],
    at: usize,
    lang: Lang,
) -> Option<(&'static Entry, usize)> {
    longest_where(words, at, lang, |role| role == Role::Topic)
}

fn longest_where(
    words: &[String],
    at: usize,
    lang: Lang,
    wanted: impl Fn(Role) -> bool,
) -> Option<(&'static Entry, usize)> {
    let mut best: Option<(&'static Entry, usize)> = None;
    for entry in entries().iter().filter(|e| wanted(e.role)) {
        let patterns = entry.patterns.get(lang);
        let n = patterns.len();
        if n == 0 || at + n > words.len() || best.is_some_and(|(_, len)| len >= n) {
            continue;
        }
        let fits = words[at..at + n]
            .iter()
            .zip(patterns)
            .all(|(word, pattern)| pattern.matches(word, lang));
        if fits {
            best = Some((entry, n));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_reads() {
        let bad: Vec<&str> = include_str!("../data/concepts.tsv")
            .lines()
            .filter_map(parse_line)
            .filter_map(Result::err)
            .collect();
        assert!(bad.is_empty(), "malformed lines: {bad:#?}");
        assert!(entries().len() > 100);
    }

    /// The example phrases of `data/concept-examples.tsv`: concept, Kazakh, Russian.
    fn examples() -> Vec<(&'static str, &'static str, &'static str)> {
        crate::tsv::data_lines(include_str!("../data/concept-examples.tsv"))
            .map(|line| match line.split('\t').collect::<Vec<_>>()[..] {
                [concept, kk, ru] => (concept, kk, ru),
                _ => panic!("concept-examples.tsv: not three columns: {line:?}"),
            })
            .collect()
    }

    fn words_of(phrase: &str) -> Vec<String> {
        unicode_segmentation::UnicodeSegmentation::unicode_words(phrase)
            .map(|w| w.to_lowercase().replace('ё', "е"))
            .collect()
    }

    #[test]
    fn every_line_matches_an_example_of_its_concept() {
        let examples = examples();
        let mut missing = Vec::new();
        for entry in entries() {
            for lang in Lang::ALL {
                let patterns = entry.patterns.get(lang);
                if patterns.is_empty() {
                    continue;
                }
                let found = examples.iter().filter(|e| e.0 == entry.concept).any(|e| {
                    let phrase = match lang {
                        Lang::Kk => e.1,
                        Lang::Ru => e.2,
                    };
                    let words = words_of(phrase);
                    let matches_here = words
                        .windows(patterns.len())
                        .any(|window| window.iter().zip(patterns).all(|(w, p)| p.matches(w, lang)));
                    let skeleton = crate::meaning::skeleton::skeleton(phrase, lang);
                    matches_here
                        && skeleton
                            .items
                            .iter()
                            .chain(&skeleton.topics)
                            .any(|i| i.concept == entry.concept)
                });
                if !found {
                    let written: Vec<String> = patterns.iter().map(ToString::to_string).collect();
                    missing.push(format!("{} {lang}: {}", entry.concept, written.join(" ")));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "lines without a matching example: {missing:#?}"
        );
    }

    #[test]
    fn every_example_names_a_concept_of_the_lexicon() {
        for (concept, _, _) in examples() {
            assert!(entries().iter().any(|e| e.concept == concept), "{concept}");
        }
    }

    #[test]
    fn number_concepts_are_their_values() {
        for entry in entries().iter().filter(|e| e.role == Role::Number) {
            assert!(entry.concept.parse::<u64>().is_ok(), "{}", entry.concept);
        }
    }

    #[test]
    fn the_longest_line_wins() {
        let words = |s: &str| -> Vec<String> { s.split(' ').map(str::to_owned).collect() };
        let (e, n) = longest_at(&words("не менее трех"), 0, Lang::Ru).unwrap();
        assert_eq!((e.role, n), (Role::Limit, 2));
        let (e, n) = longest_at(&words("сатып алушы"), 0, Lang::Kk).unwrap();
        assert_eq!((e.concept, n), ("buyer", 2));
        let (e, _) = longest_at(&words("сатушы"), 0, Lang::Kk).unwrap();
        assert_eq!(e.concept, "seller");
        assert!(longest_at(&words("тиісті"), 0, Lang::Kk).is_none());
    }
}
