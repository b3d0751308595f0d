//! The lexicon of concepts, read from `data/concepts.tsv` (see its header): each line a
//! concept, its role, and its word patterns in each language, written as in the glossary.

use std::borrow::Cow;
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
pub(crate) fn fold_kazakh(word: &str) -> Cow<'_, str> {
    let mut folded = String::new();
    if push_folded_kazakh(word, &mut folded) {
        folded.into()
    } else {
        Cow::Borrowed(word)
    }
}

/// Appends [`fold_kazakh`] of `word` to `out` if `word` has a Kazakh letter, and says whether
/// it had: for a caller that gathers the folded words of a clause in one buffer.
pub(crate) fn push_folded_kazakh(word: &str, out: &mut String) -> bool {
    // Every Kazakh letter is a two-byte character: only those are decoded, and the text
    // between the letters that fold is copied a run at a time.
    let bytes = word.as_bytes();
    let (mut at, mut copied, mut kazakh) = (0, 0, false);
    while let Some(&lead) = bytes.get(at) {
        if !(0xC2..=0xDF).contains(&lead) {
            // ASCII, or a byte of a longer character (its continuation bytes are never
            // two-byte leads).
            at += 1;
            continue;
        }
        let second = bytes.get(at + 1).copied().unwrap_or(0);
        let c = char::from_u32((u32::from(lead & 0x1F) << 6) | u32::from(second & 0x3F));
        if let Some(c) = c.filter(|&c| crate::language::is_kazakh_only_letter(c)) {
            if !kazakh {
                kazakh = true;
                out.reserve(word.len());
            }
            if let Some(folded) = fold_kazakh_letter(c) {
                out.push_str(&word[copied..at]);
                out.push(folded);
                copied = at + 2;
            }
        }
        at += 2;
    }
    if kazakh {
        out.push_str(&word[copied..]);
    }
    kazakh
}

/// The Russian letter a lower-case Kazakh letter folds to.
fn fold_kazakh_letter(c: char) -> Option<char> {
    Some(match c {
        'ә' => 'а',
        'ғ' => 'г',
        'қ' => 'к',
        'ң' => 'н',
        'ө' => 'о',
        'ұ' | 'ү' => 'у',
        'һ' => 'х',
        'і' => 'и',
        _ => return None,
    })
}

/// [`push_folded_kazakh`] as a walk over the characters: what the byte-level one must give.
#[cfg(test)]
fn push_folded_kazakh_by_chars(word: &str, out: &mut String) -> bool {
    let Some(first) = word.find(crate::language::is_kazakh_only_letter) else {
        return false;
    };
    out.push_str(&word[..first]);
    out.extend(
        word[first..]
            .chars()
            .map(|c| fold_kazakh_letter(c).unwrap_or(c)),
    );
    true
}

/// One line of `data/concepts.tsv`; `None` for a comment or a blank, `Some(Err)` with the
/// line for a malformed one (the tests check there is none).
fn parse_line(line: &'static str) -> Option<Result<Entry, &'static str>> {
    if !crate::tsv::is_data_line(line) {
        return None;
    }
    let mut columns = line.split('\t');
    let (Some(concept), Some(role), Some(kk), Some(ru), None) = (
        columns.next(),
        columns.next(),
        columns.next(),
        columns.next(),
        columns.next(),
    ) else {
        return Some(Err(line));
    };
    let side = |written: &'static str| -> Option<Vec<WordPattern>> {
        if written == "-" {
            return Some(Vec::new());
        }
        let patterns: Option<Vec<WordPattern>> =
            // Patterns are separated by spaces; a pattern holding another white space does
            // not read, and fails the tests.
            written.split_ascii_whitespace().map(WordPattern::parse).collect();
        patterns.filter(|p| !p.is_empty())
    };
    let entry = (|| {
        let patterns = ByLang {
            kk: side(kk)?,
            ru: side(ru)?,
        };
        (!patterns.kk.is_empty() || !patterns.ru.is_empty()).then_some(())?;
        let folded = match fold_kazakh(kk) {
            _ if kk == "-" => Vec::new(),
            Cow::Borrowed(kk) => side(kk)?,
            // The patterns borrow their text for the life of the process (see
            // `WordPattern`): a folded side is kept as long, once for each line of the
            // lexicon, which is read once.
            Cow::Owned(folded) => side(folded.leak())?,
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

/// Which patterns of an entry a look-up compares with the words of a clause.
#[derive(Clone, Copy)]
enum Side {
    /// The patterns of a language as written.
    Written(Lang),
    /// The folded Kazakh patterns (see [`fold_kazakh`]).
    Folded,
}

impl Side {
    fn patterns(self, entry: &Entry) -> &[WordPattern] {
        match self {
            Side::Written(lang) => entry.patterns.get(lang),
            Side::Folded => &entry.folded,
        }
    }

    fn lang(self) -> Lang {
        match self {
            Side::Written(lang) => lang,
            Side::Folded => Lang::Kk,
        }
    }

    fn slot(self) -> usize {
        match self {
            Side::Written(Lang::Kk) => 0,
            Side::Written(Lang::Ru) => 1,
            Side::Folded => 2,
        }
    }
}

/// The entries by their first pattern's stem, for each [`Side`], topics and the other roles
/// apart: a trie of the stems' letters, each node listing the entries whose stem ends there,
/// in file order. The entries to try for a word are met walking its letters down.
#[derive(Default)]
struct Stems {
    nodes: Vec<StemNode>,
    /// The root's children by letter for the first [`DIRECT`] code points (ASCII, Latin,
    /// Cyrillic), 0 for none: every look-up starts there, and the root has dozens of children.
    first: Vec<u32>,
}

/// A node of [`Stems`]. Its children are a chain of siblings rather than a vector a node: the
/// trie is built in every process, and a vector a node was most of its cost.
#[derive(Default)]
struct StemNode {
    letter: char,
    /// The first child, 0 for none (the root is no one's child).
    first_child: u32,
    /// The next child of the same parent, 0 for none.
    next_sibling: u32,
    entries: Vec<u16>,
}

/// Code points below this have their own slot among the root's children.
const DIRECT: usize = 0x530;

impl Stems {
    fn insert(&mut self, stem: &str, entry: u16) {
        if self.nodes.is_empty() {
            // About two nodes a stem: reserved at once rather than grown a doubling at a time.
            self.nodes.reserve(1024);
            self.nodes.push(StemNode::default());
            self.first = vec![0; DIRECT];
        }
        let mut node = 0usize;
        for c in stem.chars() {
            node = match self.child(node, c) {
                Some(child) => child,
                None => {
                    let child = self.nodes.len();
                    let id = u32::try_from(child).expect("fewer than 2^32 trie nodes");
                    self.nodes.push(StemNode {
                        letter: c,
                        first_child: 0,
                        next_sibling: self.nodes[node].first_child,
                        entries: Vec::new(),
                    });
                    self.nodes[node].first_child = id;
                    if node == 0 && (c as usize) < DIRECT {
                        self.first[c as usize] = id;
                    }
                    child
                }
            };
        }
        self.nodes[node].entries.push(entry);
    }

    fn child(&self, node: usize, c: char) -> Option<usize> {
        if node == 0 && (c as usize) < DIRECT {
            return self
                .first
                .get(c as usize)
                .filter(|&&id| id != 0)
                .map(|&id| id as usize);
        }
        let mut child = self.nodes.get(node)?.first_child as usize;
        while child != 0 {
            let candidate = &self.nodes[child];
            if candidate.letter == c {
                return Some(child);
            }
            child = candidate.next_sibling as usize;
        }
        None
    }

    /// Calls `found` with each entry whose stem is a prefix of `word`, shortest stems first.
    fn for_each_prefix_of(&self, word: &str, mut found: impl FnMut(u16)) {
        let mut node = 0usize;
        for c in word.chars() {
            let Some(child) = self.child(node, c) else {
                break;
            };
            node = child;
            for &entry in &self.nodes[node].entries {
                found(entry);
            }
        }
    }
}

fn stem_index(side: Side, topics: bool) -> &'static Stems {
    static INDEX: OnceLock<[Stems; 6]> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: [Stems; 6] = Default::default();
        for side in [
            Side::Written(Lang::Kk),
            Side::Written(Lang::Ru),
            Side::Folded,
        ] {
            for (i, entry) in entries().iter().enumerate() {
                let Some(stem) = side.patterns(entry).first().map(WordPattern::stem) else {
                    continue;
                };
                if stem.is_empty() {
                    continue;
                }
                let slot = side.slot() * 2 + usize::from(entry.role == Role::Topic);
                let i = u16::try_from(i).expect("the lexicon has fewer than 65,536 entries");
                index[slot].insert(stem, i);
            }
        }
        index
    });
    &index[side.slot() * 2 + usize::from(topics)]
}

/// The longest entry (in words) whose patterns of `lang` match the words from `at`, with its
/// length; the first in file order among equals. Topics are left out: they are read from
/// headings only ([`longest_topic_at`]), so that they never shadow the roles of running text.
pub(crate) fn longest_at(
    words: &[impl AsRef<str>],
    at: usize,
    lang: Lang,
) -> Option<(&'static Entry, usize)> {
    longest(words, at, Side::Written(lang), false)
}

/// The longest entry, topics left out, whose folded Kazakh patterns match the folded words
/// from `at` (see [`fold_kazakh`]): for a word no pattern matches as it is written.
pub(crate) fn longest_folded_at(
    folded: &[impl AsRef<str>],
    at: usize,
) -> Option<(&'static Entry, usize)> {
    longest(folded, at, Side::Folded, false)
}

/// The longest topic entry whose folded Kazakh patterns match the folded words from `at`.
pub(crate) fn longest_folded_topic_at(
    folded: &[impl AsRef<str>],
    at: usize,
) -> Option<(&'static Entry, usize)> {
    longest(folded, at, Side::Folded, true)
}

/// The longest topic entry that matches the words from `at`, as [`longest_at`] does.
pub(crate) fn longest_topic_at(
    words: &[impl AsRef<str>],
    at: usize,
    lang: Lang,
) -> Option<(&'static Entry, usize)> {
    longest(words, at, Side::Written(lang), true)
}

fn longest(
    words: &[impl AsRef<str>],
    at: usize,
    side: Side,
    topics: bool,
) -> Option<(&'static Entry, usize)> {
    let word = words.get(at)?.as_ref();
    if word.is_empty() {
        return None;
    }
    // Every word a pattern matches starts with the pattern's stem, `ё` read as `е` (see
    // `WordPattern::stem`): the entries to try are those whose stem is a prefix of the word,
    // found by walking its letters down a trie, where the entries of the word's first letter
    // are hundreds (passing them over was most of a skeleton's time). The trie gives them
    // by stem length, not in file order: among equally long matches the first in file order
    // wins, as it would in a scan of the file.
    let stems = stem_index(side, topics);
    let entries = entries();
    let mut best: Option<(u16, usize)> = None;
    let mut consider = |i: u16| {
        let patterns = side.patterns(&entries[usize::from(i)]);
        let n = patterns.len();
        let beaten = best.is_some_and(|(first, len)| len > n || (len == n && first <= i));
        if beaten || at + n > words.len() {
            return;
        }
        let fits = words[at..at + n]
            .iter()
            .zip(patterns)
            .all(|(word, pattern)| pattern.matches(word.as_ref(), side.lang()));
        if fits {
            best = Some((i, n));
        }
    };
    stems.for_each_prefix_of(word, &mut consider);
    if crate::words::has_char(word, 'ё') {
        stems.for_each_prefix_of(&word.replace('ё', "е"), &mut consider);
    }
    best.map(|(i, n)| (&entries[usize::from(i)], n))
}

/// The reference the index must agree with: every entry of the roles wanted, in file order.
#[cfg(test)]
fn longest_by_scan(
    words: &[String],
    at: usize,
    side: Side,
    topics: bool,
) -> Option<(&'static Entry, usize)> {
    let mut best: Option<(&'static Entry, usize)> = None;
    for entry in entries()
        .iter()
        .filter(|e| (e.role == Role::Topic) == topics)
    {
        let patterns = side.patterns(entry);
        let n = patterns.len();
        if n == 0 || at + n > words.len() || best.is_some_and(|(_, len)| len >= n) {
            continue;
        }
        let fits = words[at..at + n]
            .iter()
            .zip(patterns)
            .all(|(word, pattern)| pattern.matches(word, side.lang()));
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

    /// The look-up by stem finds what a scan of the whole lexicon finds, on every example
    /// phrase of the lexicon, folded or not, with `ё` read as `е` or kept, and on words that
    /// begin with `ё` or hold it.
    #[test]
    fn the_index_finds_what_a_scan_finds() {
        let mut phrases: Vec<(Vec<String>, Lang)> = Vec::new();
        for (_, kk, ru) in examples() {
            phrases.push((words_of(kk), Lang::Kk));
            phrases.push((words_of(ru), Lang::Ru));
            let kept: Vec<String> = unicode_segmentation::UnicodeSegmentation::unicode_words(ru)
                .map(str::to_lowercase)
                .collect();
            if kept.iter().any(|w| w.contains('ё')) {
                phrases.push((kept, Lang::Ru));
            }
        }
        let raw = |s: &str| -> Vec<String> { s.split(' ').map(str::to_owned).collect() };
        phrases.push((raw("ёмкость передачу ёлка"), Lang::Ru));
        phrases.push((raw("передаёт её данные отзовёт согласие"), Lang::Ru));
        phrases.push((raw("ёлка"), Lang::Kk));
        let mut compared = 0;
        for (words, lang) in &phrases {
            let folded: Vec<String> = words.iter().map(|w| fold_kazakh(w).into_owned()).collect();
            for at in 0..words.len() {
                for topics in [false, true] {
                    let mut sides = vec![(Side::Written(*lang), words)];
                    if *lang == Lang::Kk {
                        sides.push((Side::Folded, &folded));
                    }
                    for (side, words) in sides {
                        let key = |found: Option<(&'static Entry, usize)>| {
                            found.map(|(e, n)| (e as *const Entry, n))
                        };
                        assert_eq!(
                            key(longest(words, at, side, topics)),
                            key(longest_by_scan(words, at, side, topics)),
                            "{words:?} at {at}"
                        );
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 1000, "{compared}");
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

    proptest::proptest! {
        /// The byte-level fold appends what a walk over the characters appends, to a buffer
        /// that already holds text, and says the same about the word.
        #[test]
        fn the_fold_by_bytes_is_the_fold_by_characters(
            word in "[aZ7 .әғқңөұүһіӘҒҚҢӨҰҮҺІəƏабвёЁяЯ€日\u{301}]{0,16}"
        ) {
            let (mut by_bytes, mut by_chars) = ("x".to_owned(), "x".to_owned());
            let kazakh = push_folded_kazakh(&word, &mut by_bytes);
            proptest::prop_assert_eq!(kazakh, push_folded_kazakh_by_chars(&word, &mut by_chars));
            proptest::prop_assert_eq!(by_bytes, by_chars);
        }
    }
}
