//! The statistical Kazakh/Russian detector (`lingua` feature): lingua's character n-gram
//! models of the two languages, read straight from its model crates and scored the way lingua
//! 1.8 scores them for a detector built from Kazakh and Russian only.
//!
//! Why not `lingua::LanguageDetector` itself: on its first question it compiles a Unicode word
//! pattern over twelve scripts into a regex and builds that regex's lazy automaton, about 8 M
//! instructions — more than reading and aligning a short document — and every process pays
//! it again. The models are finite-state transducers included in the binary; opening one reads
//! its header and nothing else. What is left of lingua's work for two Cyrillic languages is a
//! handful of steps: split into words, the letter rules, and summed log probabilities of n-grams.
//!
//! The steps and their order follow `LanguageDetector::compute_language_confidence_values`
//! (lingua 1.8.0, `detector.rs`); a test compares the two on lingua's own 6,000 Kazakh and
//! Russian test sentences, words and word pairs, on every line of the corpus and on random
//! strings. Two differences, both outside what this crate sends here: letters of scripts other
//! than Latin and Cyrillic are told by `char::is_alphabetic` (lingua's `\p{L}`, with runs of
//! Bengali, Devanagari and the like kept whole), and n-gram log probabilities are summed in
//! sorted order, where lingua sums them in the order of a hash set (the last bits of its
//! values change from one process to the next).

use std::ops::Range;
use std::sync::OnceLock;

use fst::Map;
use unicode_script::{Script, UnicodeScript};

use crate::lang::{ByLang, Lang};

/// A text with at least this many letters is scored by trigrams alone (lingua's cut-off).
const LONG_TEXT_LETTERS: usize = 120;

/// Letters that lingua counts as Kazakh's own (`Language::unique_characters`), lower case.
/// Narrower than [`crate::language::is_kazakh_only_letter`]: `і`, `ө`, `ү`, `һ` are not among them.
const KAZAKH_UNIQUE: &[char] = &['ә', 'ғ', 'қ', 'ң', 'ұ'];

/// Letters that point to Kazakh among these two languages (lingua's `CHARS_TO_LANGUAGES_MAPPING`
/// entries `ӨөҮү` and `Іі`), lower case: when the words hold them at least half as many times
/// as there are words, the text is Kazakh. Lingua's entries for `ЁёЫыЭэ` and `ЩщЪъ` also name
/// both languages, but sit inside its block for Estonian, Hungarian, Portuguese or Vietnamese
/// and so are not there for a Kazakh/Russian build; as here.
const KAZAKH_POINTERS: &[char] = &['ө', 'ү', 'і'];

/// The two models, opened once (a header read each: the data is in the binary).
fn models() -> Option<&'static ByLang<Map<&'static [u8]>>> {
    static MODELS: OnceLock<Option<ByLang<Map<&'static [u8]>>>> = OnceLock::new();
    MODELS
        .get_or_init(|| {
            let open =
                |file: Option<&'static include_dir::File<'static>>| Map::new(file?.contents()).ok();
            Some(ByLang {
                kk: open(
                    lingua_kazakh_language_model::KAZAKH_MODELS_DIRECTORY.get_file("ngrams.fst"),
                )?,
                ru: open(
                    lingua_russian_language_model::RUSSIAN_MODELS_DIRECTORY.get_file("ngrams.fst"),
                )?,
            })
        })
        .as_ref()
}

/// How likely `text` is Kazakh and how likely Russian, each from 0 to 1 and together 1 when
/// the models could say anything (both 0 when they could not): the values of lingua's
/// `compute_language_confidence_values` for a Kazakh/Russian detector.
pub(crate) fn confidence_values(text: &str) -> ByLang<f64> {
    let mut values = ByLang { kk: 0.0, ru: 0.0 };
    let lower = text.trim().to_lowercase();
    let words = words(&lower);
    if words.is_empty() {
        return values;
    }
    if is_kazakh_by_letters(&words) {
        values.kk = 1.0;
        return values;
    }
    match candidates(&words) {
        Candidates::Neither => return values,
        Candidates::Kazakh => {
            values.kk = 1.0;
            return values;
        }
        Candidates::Both => {}
    }
    let Some(models) = models() else {
        return values;
    };
    let letters: usize = words.iter().map(|w| w.chars().count()).sum();
    let lengths = if letters >= LONG_TEXT_LETTERS {
        3..4
    } else {
        1..6
    };
    let mut sums: ByLang<f64> = ByLang { kk: 0.0, ru: 0.0 };
    let mut first_length: Option<ByLang<Option<f64>>> = None;
    let mut unigrams_known = ByLang {
        kk: 0usize,
        ru: 0usize,
    };
    let scored = scored_ngrams(&words, lengths.clone(), models);
    for (length, ngrams) in lengths.zip(scored) {
        if letters < length {
            continue;
        }
        let mut by_length = ByLang { kk: None, ru: None };
        for lang in Lang::ALL {
            if length == 1 {
                *unigrams_known.get_mut(lang) =
                    ngrams.iter().filter(|n| n.score.get(lang).known).count();
            }
            // Summed in the n-grams' sorted order, always the same.
            let sum: f64 = ngrams
                .iter()
                .filter_map(|n| n.score.get(lang).log_probability)
                .sum();
            if sum < 0.0 {
                *by_length.get_mut(lang) = Some(sum);
                *sums.get_mut(lang) += sum;
            }
        }
        first_length.get_or_insert(by_length);
    }
    let mut probabilities = ByLang { kk: None, ru: None };
    for lang in Lang::ALL {
        let mut sum = *sums.get(lang);
        let known = *unigrams_known.get(lang);
        if known > 0 {
            sum /= known as f64;
        }
        if sum != 0.0 {
            *probabilities.get_mut(lang) = Some(sum.exp());
        }
    }
    let denominator = probabilities.kk.unwrap_or(0.0) + probabilities.ru.unwrap_or(0.0);
    if probabilities.kk.is_none() && probabilities.ru.is_none() {
        return values;
    }
    if denominator == 0.0 {
        // Too long a text for the exponent: the likelier language by the first n-gram length
        // takes all, as in lingua.
        match first_length.map(|f| (f.kk, f.ru)) {
            Some((Some(kk), Some(ru))) if kk > ru => values.kk = 1.0,
            Some((Some(_), Some(_)) | (None, Some(_))) => values.ru = 1.0,
            Some((Some(_), None)) => values.kk = 1.0,
            _ => {}
        }
        return values;
    }
    for lang in Lang::ALL {
        if let Some(p) = *probabilities.get(lang) {
            *values.get_mut(lang) = p / denominator;
        }
    }
    values
}

/// What a model says of an n-gram.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Score {
    /// The log probability of the n-gram, or of the longest of its prefixes the model has
    /// (lingua tries the n-gram, then drops one character at a time).
    log_probability: Option<f64>,
    /// Whether the model has the n-gram itself (for unigrams: lingua's count of known ones).
    known: bool,
}

/// An n-gram of the words with what each model says of it.
struct ScoredNgram<'a> {
    ngram: &'a str,
    score: ByLang<Score>,
}

/// For each length of `lengths`, every n-gram of that many characters of the words, each
/// once, in sorted order, with each model's [`Score`].
///
/// The n-grams that start at one character are prefixes of each other, and so is every key
/// of a model met on the way down it: one walk from each start, as long as the longest length,
/// scores the n-grams of every length there (lingua looks each one up, and backs off, anew).
fn scored_ngrams<'a>(
    words: &[&'a str],
    lengths: Range<usize>,
    models: &ByLang<Map<&'static [u8]>>,
) -> Vec<Vec<ScoredNgram<'a>>> {
    let mut out: Vec<Vec<ScoredNgram<'a>>> = lengths.clone().map(|_| Vec::new()).collect();
    let longest = lengths.end.saturating_sub(1);
    let mut starts: Vec<usize> = Vec::new();
    let mut walked: ByLang<Vec<Score>> = ByLang::default();
    for word in words {
        starts.clear();
        starts.extend(word.char_indices().map(|(i, _)| i).chain([word.len()]));
        for first in 0..starts.len() - 1 {
            let last = (first + longest).min(starts.len() - 1);
            let span = &starts[first..=last];
            for lang in Lang::ALL {
                walk_prefixes(models.get(lang), word, span, walked.get_mut(lang));
            }
            for (length, bucket) in lengths.clone().zip(&mut out) {
                let Some(&end) = span.get(length) else {
                    continue;
                };
                bucket.push(ScoredNgram {
                    ngram: &word[span[0]..end],
                    score: ByLang {
                        kk: walked.kk[length - 1],
                        ru: walked.ru[length - 1],
                    },
                });
            }
        }
    }
    for bucket in &mut out {
        // Equal n-grams have equal scores: which one is kept does not matter.
        bucket.sort_unstable_by(|a, b| a.ngram.cmp(b.ngram));
        bucket.dedup_by(|a, b| a.ngram == b.ngram);
    }
    out
}

/// Walks `model` down `word` from character boundary `span[0]`, writing to `out` the
/// [`Score`] of the n-gram that ends at each later boundary of `span`. The keys are whole
/// strings, so every key met on the way is a prefix ending at a character boundary, and the
/// last one met is the longest.
fn walk_prefixes(model: &Map<&'static [u8]>, word: &str, span: &[usize], out: &mut Vec<Score>) {
    out.clear();
    let fst = model.as_fst();
    let mut node = fst.root();
    let mut output = fst::raw::Output::zero();
    let mut longest = None;
    let bytes = word.as_bytes();
    let mut stuck = false;
    for pair in span.windows(2) {
        let mut known = false;
        if !stuck {
            for &byte in &bytes[pair[0]..pair[1]] {
                let Some(i) = node.find_input(byte) else {
                    stuck = true;
                    break;
                };
                let transition = node.transition(i);
                output = output.cat(transition.out);
                node = fst.node(transition.addr);
                if node.is_final() {
                    longest = Some(output.cat(node.final_output()).value());
                }
            }
            known = !stuck && node.is_final();
        }
        out.push(Score {
            log_probability: longest.map(f64::from_bits),
            known,
        });
    }
}

/// Every n-gram of `length` characters of the words, each once, in sorted order.
#[cfg(test)]
fn distinct_ngrams<'a>(words: &[&'a str], length: usize) -> Vec<&'a str> {
    let mut ngrams = Vec::new();
    for word in words {
        let starts: Vec<usize> = word
            .char_indices()
            .map(|(i, _)| i)
            .chain([word.len()])
            .collect();
        for window in starts.windows(length + 1) {
            ngrams.push(&word[window[0]..window[length]]);
        }
    }
    ngrams.sort_unstable();
    ngrams.dedup();
    ngrams
}

/// Lingua's first rule for these two languages: Kazakh when fewer than half of the words lack
/// one of Kazakh's own letters.
fn is_kazakh_by_letters(words: &[&str]) -> bool {
    let without = words
        .iter()
        .filter(|w| !w.chars().any(|c| KAZAKH_UNIQUE.contains(&c)))
        .count();
    (without as f64) < words.len() as f64 * 0.5
}

/// The languages left after lingua's second rule (`filter_languages_by_rules`). For these two
/// languages Russian is never left alone: no letter points to it only.
enum Candidates {
    /// Most letters are in a script other than Cyrillic.
    Neither,
    /// The words hold enough letters pointing to Kazakh.
    Kazakh,
    Both,
}

fn candidates(words: &[&str]) -> Candidates {
    // Letters by script, for the words written in one script of lingua's alphabets.
    let mut by_alphabet: Vec<(usize, usize)> = Vec::new();
    for word in words {
        let mut chars = word.chars();
        let Some(alphabet) = chars.next().and_then(alphabet) else {
            continue;
        };
        if chars.all(|c| self::alphabet(c) == Some(alphabet)) {
            let count = word.chars().count();
            match by_alphabet.iter_mut().find(|(a, _)| *a == alphabet) {
                Some((_, n)) => *n += count,
                None => by_alphabet.push((alphabet, count)),
            }
        }
    }
    if by_alphabet.is_empty() {
        return Candidates::Both;
    }
    if by_alphabet.len() > 1 && by_alphabet.iter().all(|&(_, n)| n == by_alphabet[0].1) {
        return Candidates::Both;
    }
    // The most frequent script; a tie goes to the first in lingua's order of alphabets.
    let most = by_alphabet
        .iter()
        .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))
        .map(|&(a, _)| a);
    if most != alphabet('а') {
        return Candidates::Neither;
    }
    let pointers: usize = words
        .iter()
        .map(|w| KAZAKH_POINTERS.iter().filter(|&&c| w.contains(c)).count())
        .sum();
    if pointers as f64 >= words.len() as f64 * 0.5 {
        Candidates::Kazakh
    } else {
        Candidates::Both
    }
}

/// The position of a character's script in lingua's list of alphabets (alphabetical: Arabic,
/// Armenian, Bengali, Cyrillic, …), `None` for a script outside it.
fn alphabet(c: char) -> Option<usize> {
    const ALPHABETS: [Script; 18] = [
        Script::Arabic,
        Script::Armenian,
        Script::Bengali,
        Script::Cyrillic,
        Script::Devanagari,
        Script::Georgian,
        Script::Greek,
        Script::Gujarati,
        Script::Gurmukhi,
        Script::Han,
        Script::Hangul,
        Script::Hebrew,
        Script::Hiragana,
        Script::Katakana,
        Script::Latin,
        Script::Tamil,
        Script::Telugu,
        Script::Thai,
    ];
    let script = c.script();
    ALPHABETS.iter().position(|&s| s == script)
}

/// Lingua's words: runs of letters (`\p{L}+`), a Chinese or Japanese character on its own.
fn words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_letter(c) {
            if !c.is_ascii()
                && matches!(
                    c.script(),
                    Script::Han | Script::Hiragana | Script::Katakana
                )
            {
                if let Some(s) = start.take() {
                    words.push(&text[s..i]);
                }
                words.push(&text[i..i + c.len_utf8()]);
            } else if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            words.push(&text[s..i]);
        }
    }
    if let Some(s) = start {
        words.push(&text[s..]);
    }
    words
}

/// A letter in Unicode's sense (general category L): exact for ASCII, Latin-1, Latin
/// Extended-A/B and Cyrillic; elsewhere `char::is_alphabetic` less letter-like numbers and
/// symbols (Roman numerals, circled letters).
fn is_letter(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        'ª' | 'µ' | 'º' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' => true,
        '\u{0080}'..='\u{00FF}' => false,
        '\u{0100}'..='\u{024F}' => true,
        '\u{0482}'..='\u{0489}' => false,
        '\u{0400}'..='\u{052F}' => true,
        '\u{2160}'..='\u{2188}' | '\u{24B6}'..='\u{24E9}' => false,
        _ => c.is_alphabetic(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters() {
        assert_eq!(
            words("договор №5, «веб-сайт» и google.com"),
            ["договор", "веб", "сайт", "и", "google", "com"]
        );
        assert_eq!(words("ǆa\u{301}б ⅳ"), ["ǆa", "б"]);
        assert_eq!(words("чай茶茶"), ["чай", "茶", "茶"]);
    }

    #[test]
    fn the_letter_test_agrees_with_the_unicode_categories_it_claims_to_know() {
        // Letters by category in the blocks the test is exact for: every Cyrillic character
        // but the thousands sign and the combining marks, every Latin Extended one.
        for c in '\u{0400}'..='\u{052F}' {
            assert_eq!(
                is_letter(c),
                !('\u{0482}'..='\u{0489}').contains(&c),
                "{c:?}"
            );
        }
        for c in '\u{0100}'..='\u{024F}' {
            assert!(is_letter(c), "{c:?}");
        }
        assert!(!is_letter('Ⅳ') && !is_letter('Ⓐ') && !is_letter('\u{301}'));
    }

    #[test]
    fn kazakh_own_letters_in_half_of_the_words_decide() {
        assert_eq!(confidence_values("қазақ тілі").kk, 1.0);
        // One word of two without such a letter is not enough: the models decide.
        let values = confidence_values("қала мен");
        assert!(values.kk < 1.0 && values.kk > 0.5, "{values:?}");
    }

    #[test]
    fn a_text_mostly_in_latin_letters_gets_no_values() {
        assert_eq!(
            confidence_values("Google Analytics веб"),
            ByLang { kk: 0.0, ru: 0.0 }
        );
        assert_eq!(confidence_values("2024, 15 %"), ByLang { kk: 0.0, ru: 0.0 });
    }

    #[test]
    fn letters_pointing_to_one_language_in_half_of_the_words_decide() {
        // `і` points to Kazakh alone (Belarusian and Ukrainian are not asked).
        assert_eq!(confidence_values("бизнес іс").kk, 1.0);
    }

    #[test]
    fn the_models_tell_the_languages_apart() {
        for (text, lang) in [
            ("Вводная часть", Lang::Ru),
            ("Политика конфиденциальности", Lang::Ru),
            ("Жеке кабинет", Lang::Kk),
            ("Байланыс телефоны", Lang::Kk),
            ("Жалпы ережелер", Lang::Kk),
        ] {
            let values = confidence_values(text);
            assert!(
                (values.kk + values.ru - 1.0).abs() < 1e-9,
                "{text}: {values:?}"
            );
            assert!(*values.get(lang) > 0.5, "{text}: {values:?}");
        }
    }

    /// What [`walk_prefixes`] says of one whole n-gram.
    fn score_of(model: &Map<&'static [u8]>, ngram: &str) -> Score {
        let span: Vec<usize> = ngram
            .char_indices()
            .map(|(i, _)| i)
            .chain([ngram.len()])
            .collect();
        let mut scores = Vec::new();
        walk_prefixes(model, ngram, &span, &mut scores);
        scores.last().copied().unwrap_or(Score {
            log_probability: None,
            known: false,
        })
    }

    /// Lingua's back-off as it is written: the n-gram, then one character fewer at a time.
    fn log_probability_by_dropping_characters(
        model: &Map<&'static [u8]>,
        ngram: &str,
    ) -> Option<f64> {
        let mut end = ngram.len();
        while end > 0 {
            if let Some(bits) = model.get(&ngram.as_bytes()[..end]) {
                return Some(f64::from_bits(bits));
            }
            end = ngram[..end].char_indices().next_back()?.0;
        }
        None
    }

    #[test]
    fn one_walk_finds_what_dropping_characters_finds() {
        let models = models().unwrap();
        let text = "персональные деректерді өңдеу жөніндегі саясатқа келісім щъёэ ww中 ";
        let words = words(text);
        for length in 1..=5 {
            for ngram in distinct_ngrams(&words, length) {
                for model in [&models.kk, &models.ru] {
                    assert_eq!(
                        score_of(model, ngram).log_probability,
                        log_probability_by_dropping_characters(model, ngram),
                        "{ngram}"
                    );
                }
            }
        }
    }

    #[test]
    fn ngrams_are_distinct_and_whole_characters() {
        assert_eq!(distinct_ngrams(&["абаб", "ба"], 2), ["аб", "ба"]);
        assert_eq!(distinct_ngrams(&["аб"], 3), Vec::<&str>::new());
    }

    #[test]
    fn a_missing_ngram_backs_off_to_its_prefixes() {
        let models = models().unwrap();
        let log_probability = |ngram| score_of(&models.ru, ngram).log_probability;
        let whole = log_probability("прав").unwrap();
        let backed_off = log_probability("правъ").unwrap();
        assert!(whole < 0.0);
        assert_eq!(
            backed_off,
            log_probability("прав").unwrap(),
            "«правъ» is not Russian; «прав» is"
        );
        assert_eq!(log_probability("ww中"), None);
    }

    /// Lingua's values for `text`, from a detector built as this crate built it before.
    fn lingua_values(detector: &lingua::LanguageDetector, text: &str) -> ByLang<f64> {
        let mut values = ByLang { kk: 0.0, ru: 0.0 };
        for (language, value) in detector.compute_language_confidence_values(text) {
            match language {
                lingua::Language::Kazakh => values.kk = value,
                lingua::Language::Russian => values.ru = value,
            }
        }
        values
    }

    fn assert_same_as_lingua(detector: &lingua::LanguageDetector, text: &str) {
        let ours = confidence_values(text);
        let theirs = lingua_values(detector, text);
        assert!(
            (ours.kk - theirs.kk).abs() < 1e-9 && (ours.ru - theirs.ru).abs() < 1e-9,
            "{text:?}: ours {ours:?}, lingua {theirs:?}"
        );
    }

    fn lingua_detector() -> lingua::LanguageDetector {
        use lingua::Language::{Kazakh, Russian};
        lingua::LanguageDetectorBuilder::from_languages(&[Kazakh, Russian]).build()
    }

    /// The words of `text` without a letter of Kazakh's own: Kazakh words the letters cannot
    /// tell from Russian ones, which only the models can place (`бастап ел тез мен`).
    fn words_without_kazakh_letters(text: &str) -> String {
        let kazakh = |c: char| {
            let c = c.to_lowercase().next().unwrap_or(c);
            KAZAKH_UNIQUE.contains(&c) || KAZAKH_POINTERS.contains(&c) || c == 'һ'
        };
        text.split_whitespace()
            .filter(|word| !word.chars().any(kazakh))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_values_are_lingua_s_on_its_test_data_and_on_the_corpus() {
        let detector = lingua_detector();
        let mut texts: Vec<String> = Vec::new();
        for directory in [
            lingua_kazakh_language_model::KAZAKH_TESTDATA_DIRECTORY,
            lingua_russian_language_model::RUSSIAN_TESTDATA_DIRECTORY,
        ] {
            for file in directory.files() {
                let lines = file.contents_utf8().unwrap().lines();
                texts.extend(lines.map(String::from));
            }
        }
        assert!(
            texts.len() >= 6000,
            "{} lines of lingua's test data",
            texts.len()
        );
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for entry in std::fs::read_dir(corpus).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            texts.extend(text.lines().map(String::from));
        }
        let mut statistical = 0;
        for text in &texts {
            for text in [text.clone(), words_without_kazakh_letters(text)] {
                assert_same_as_lingua(&detector, &text);
                let values = confidence_values(&text);
                statistical += usize::from(values.kk > 0.0 && values.ru > 0.0);
            }
        }
        // Most of the texts went through the n-gram models, not only through the letter rules.
        assert!(
            statistical * 2 > texts.len(),
            "{statistical} of {} texts",
            texts.len()
        );
    }

    /// What [`scored_ngrams`] must give: the distinct n-grams of each length, each looked up
    /// on its own as lingua does (the n-gram, then one character fewer at a time).
    fn assert_scored_one_by_one(words: &[&str], lengths: Range<usize>) {
        let models = models().unwrap();
        let scored = scored_ngrams(words, lengths.clone(), models);
        for (length, ngrams) in lengths.zip(scored) {
            let expected: Vec<(&str, Score, Score)> = distinct_ngrams(words, length)
                .into_iter()
                .map(|ngram| {
                    let score = |model: &Map<&'static [u8]>| Score {
                        log_probability: log_probability_by_dropping_characters(model, ngram),
                        known: model.get(ngram.as_bytes()).is_some(),
                    };
                    (ngram, score(&models.kk), score(&models.ru))
                })
                .collect();
            let got: Vec<(&str, Score, Score)> = ngrams
                .iter()
                .map(|n| (n.ngram, n.score.kk, n.score.ru))
                .collect();
            assert_eq!(got, expected, "length {length} of {words:?}");
        }
    }

    #[test]
    fn one_walk_a_start_scores_the_n_grams_of_every_length() {
        let text = "персональные деректерді өңдеу жөніндегі саясатқа келісім щъёэ ww中 ъъъ а";
        assert_scored_one_by_one(&words(text), 1..6);
        assert_scored_one_by_one(&words(text), 3..4);
        for line in include_str!("../corpus/mycar-myverify.txt").lines() {
            let lower = line.to_lowercase();
            assert_scored_one_by_one(&words(&lower), 1..6);
        }
    }

    proptest::proptest! {
        #[test]
        fn one_walk_a_start_scores_as_a_look_up_an_n_gram(
            text in "[а-яёәғқңөұүһі a-z0-9.中ъ]{0,40}"
        ) {
            assert_scored_one_by_one(&words(&text), 1..6);
            assert_scored_one_by_one(&words(&text), 3..4);
        }

        #[test]
        fn the_values_are_lingua_s_on_random_text(
            text in "[а-яёәғқңөұүһіА-ЯӘҚІ a-zA-Z0-9.,«»№-]{0,60}"
        ) {
            assert_same_as_lingua(&lingua_detector(), &text);
        }
    }
}
