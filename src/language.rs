//! Language detection: is a block of text Kazakh or Russian?
//!
//! Kazakh is written in Cyrillic with nine letters Russian lacks (ә ғ қ ң ө ұ ү һ і). Their
//! density decides almost every block of a real document. What is left, short blocks with
//! none of those letters (a heading such as «Вводная часть», a list item «- Жынысы;»), goes
//! to a statistical detector restricted to these two languages (the `lingua` feature: lingua's
//! n-gram models, scored in `language_model`), or without it to a count of frequent function
//! words.

pub use crate::lang::{ByLang, Lang};

/// What a language decision rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Evidence {
    /// Letters only Kazakh has, or a long Cyrillic text without any of them.
    Letters,
    /// The statistical detector (`lingua` feature).
    Detector,
    /// Counts of frequent Kazakh and Russian function words.
    FunctionWords,
    /// Too little Cyrillic text to say anything.
    None,
}

/// The outcome of [`detect_language`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LanguageGuess {
    /// The language, or `None` when the text has too little Cyrillic to decide.
    pub lang: Option<Lang>,
    /// How sure the guess is, from 0 to 1.
    pub confidence: f32,
    /// What the guess rests on.
    pub evidence: Evidence,
    /// Number of Cyrillic letters in the text: the weight of this guess when blocks are
    /// combined.
    pub cyrillic_letters: usize,
}

/// Kazakh letters that Russian does not have, lower and upper case. Latin `ə`/`Ə` count too:
/// they stand for `ә`/`Ә` in texts typed on a Latin layout (see [`crate::normalize`]).
pub(crate) fn is_kazakh_only_letter(c: char) -> bool {
    matches!(
        c,
        'ә' | 'ғ'
            | 'қ'
            | 'ң'
            | 'ө'
            | 'ұ'
            | 'ү'
            | 'һ'
            | 'і'
            | 'Ә'
            | 'Ғ'
            | 'Қ'
            | 'Ң'
            | 'Ө'
            | 'Ұ'
            | 'Ү'
            | 'Һ'
            | 'І'
            | 'ə'
            | 'Ə'
    )
}

pub(crate) fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

/// A Cyrillic letter: the Cyrillic blocks less their combining marks and signs. A range
/// check, because `char::is_alphabetic` takes its slow path for every non-ASCII letter.
pub(crate) fn is_cyrillic_letter(c: char) -> bool {
    is_cyrillic(c) && !matches!(c, '\u{0482}'..='\u{0489}')
}

/// `char::is_alphanumeric`, by a range check for ASCII and Cyrillic (the bulk of the text),
/// where the standard library takes its slow table search for every non-ASCII letter.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if is_cyrillic(c) {
        is_cyrillic_letter(c)
    } else {
        c.is_alphanumeric()
    }
}

/// `char::is_alphabetic`, by a range check for ASCII and Cyrillic, as [`is_alphanumeric`].
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if is_cyrillic(c) {
        is_cyrillic_letter(c)
    } else {
        c.is_alphabetic()
    }
}

/// Cyrillic texts at least this long with no Kazakh-only letter are Russian: a Kazakh
/// sentence of this length without one of its nine letters is practically unheard of.
const LONG_BLOCK_LETTERS: usize = 60;

/// Guesses whether `text` is Kazakh or Russian.
///
/// ```
/// use kzru_align::{detect_language, Lang};
/// assert_eq!(detect_language("Дербес деректерді қорғау саясаты").lang, Some(Lang::Kk));
/// assert_eq!(detect_language("Политика конфиденциальности персональных данных").lang, Some(Lang::Ru));
/// assert_eq!(detect_language("HTTPS, TLS v1.2").lang, None);
/// ```
pub fn detect_language(text: &str) -> LanguageGuess {
    detect_by_letters(text).unwrap_or_else(|| {
        let cyrillic_letters = text
            .chars()
            .filter(|&c| is_cyrillic_letter(c) || is_kazakh_only_letter(c))
            .count();
        let (lang, confidence, evidence) = detect_short(text);
        LanguageGuess {
            lang,
            confidence,
            evidence,
            cyrillic_letters,
        }
    })
}

/// The guess the letters alone allow: Kazakh-only letters, a long text without them, or too
/// little Cyrillic to say anything. `None` when a detector must decide.
pub(crate) fn detect_by_letters(text: &str) -> Option<LanguageGuess> {
    let mut cyrillic = 0usize;
    let mut kazakh = 0usize;
    for c in text.chars() {
        // The basic alphabet А–я, most letters of either language, is Cyrillic and not
        // Kazakh-only, and ASCII is neither: both told by a range check first.
        if ('\u{0410}'..='\u{044F}').contains(&c) {
            cyrillic += 1;
            continue;
        }
        if c.is_ascii() {
            continue;
        }
        if is_kazakh_only_letter(c) {
            kazakh += 1;
            cyrillic += 1;
        } else if is_cyrillic_letter(c) {
            cyrillic += 1;
        }
    }
    let guess = |lang, confidence, evidence| LanguageGuess {
        lang,
        confidence,
        evidence,
        cyrillic_letters: cyrillic,
    };
    if cyrillic < 3 {
        return Some(guess(None, 0.0, Evidence::None));
    }
    // One Kazakh letter in a short block decides; in a long Russian paragraph a quoted
    // Kazakh name («Қазпочта») must not, hence a density of at least 1.5 %.
    if kazakh > 0 && (kazakh * 1000 >= cyrillic * 15 || cyrillic < 40) {
        let confidence = (0.75 + kazakh as f32 / cyrillic as f32 * 2.5).min(1.0);
        return Some(guess(Some(Lang::Kk), confidence, Evidence::Letters));
    }
    if kazakh == 0 && cyrillic >= LONG_BLOCK_LETTERS {
        return Some(guess(Some(Lang::Ru), 0.95, Evidence::Letters));
    }
    None
}

#[cfg(feature = "lingua")]
fn detect_short(text: &str) -> (Option<Lang>, f32, Evidence) {
    // Only the Cyrillic words: Latin names and digits tell nothing between Kazakh and
    // Russian (and a Latin word outnumbering the Cyrillic ones would silence the models).
    let cyrillic: String = text
        .split_whitespace()
        .filter(|word| word.chars().any(is_cyrillic_letter))
        .collect::<Vec<_>>()
        .join(" ");
    let values = crate::language_model::confidence_values(&cyrillic);
    // Equal values go to Kazakh, as lingua sorts them.
    let (lang, confidence) = if values.kk >= values.ru {
        (Lang::Kk, values.kk)
    } else {
        (Lang::Ru, values.ru)
    };
    if confidence > 0.0 {
        (Some(lang), confidence as f32, Evidence::Detector)
    } else {
        function_words(text)
    }
}

#[cfg(not(feature = "lingua"))]
fn detect_short(text: &str) -> (Option<Lang>, f32, Evidence) {
    function_words(text)
}

/// Frequent words of one language that the other does not use.
const KAZAKH_WORDS: &[&str] = &[
    "және",
    "мен",
    "бен",
    "пен",
    "осы",
    "немесе",
    "бойынша",
    "туралы",
    "үшін",
    "деп",
    "бар",
    "жоқ",
    "да",
    "де",
    "та",
    "те",
    "ал",
    "бұл",
    "сол",
    "оның",
    "біз",
    "сіз",
    "емес",
    "бері",
    "дейін",
    "кейін",
    "арқылы",
];
const RUSSIAN_WORDS: &[&str] = &[
    "и",
    "в",
    "на",
    "с",
    "по",
    "для",
    "не",
    "что",
    "от",
    "к",
    "о",
    "из",
    "или",
    "при",
    "это",
    "как",
    "за",
    "со",
    "его",
    "ее",
    "их",
    "мы",
    "вы",
    "без",
    "до",
    "либо",
    "также",
];

fn function_words(text: &str) -> (Option<Lang>, f32, Evidence) {
    let (mut kk, mut ru) = (0usize, 0usize);
    for word in unicode_segmentation::UnicodeSegmentation::unicode_words(text) {
        let lower = word.to_lowercase();
        kk += usize::from(KAZAKH_WORDS.contains(&lower.as_str()));
        ru += usize::from(RUSSIAN_WORDS.contains(&lower.as_str()));
    }
    match kk.cmp(&ru) {
        std::cmp::Ordering::Greater => (Some(Lang::Kk), 0.6, Evidence::FunctionWords),
        std::cmp::Ordering::Less => (Some(Lang::Ru), 0.6, Evidence::FunctionWords),
        // No Kazakh-only letter and no deciding word: Russian is the likelier, but barely.
        std::cmp::Ordering::Equal => (Some(Lang::Ru), 0.3, Evidence::FunctionWords),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_alphanumeric_test_agrees_with_the_standard_one() {
        for c in ('\0'..='\u{0600}').chain(['ə', 'Ə', '²', '½', '٣', '中']) {
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn the_quick_alphabetic_test_agrees_with_the_standard_one() {
        for c in ('\0'..='\u{0600}').chain(['ə', 'Ə', '²', 'Ⅳ', '٣', '中', 'ǅ']) {
            assert_eq!(
                is_alphabetic(c),
                c.is_alphabetic(),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn kazakh_letters_decide() {
        let g = detect_language("Кіріспе бөлім");
        assert_eq!((g.lang, g.evidence), (Some(Lang::Kk), Evidence::Letters));
        // Latin schwa typed for ә still marks Kazakh.
        assert_eq!(detect_language("жəне").lang, Some(Lang::Kk));
    }

    #[test]
    fn a_quoted_kazakh_name_does_not_make_a_russian_paragraph_kazakh() {
        let text = "Оператор передает персональные данные в АО «Қазпочта» исключительно в целях доставки \
                    корреспонденции Пользователю и в соответствии с требованиями законодательства.";
        assert_eq!(detect_language(text).lang, Some(Lang::Ru));
    }

    #[test]
    fn long_cyrillic_without_kazakh_letters_is_russian() {
        let g = detect_language(
            "Настоящая Политика объясняет, как именно мы собираем и используем данные",
        );
        assert_eq!((g.lang, g.evidence), (Some(Lang::Ru), Evidence::Letters));
    }

    #[test]
    fn short_blocks_without_kazakh_letters_go_to_the_fallback() {
        for (text, lang) in [
            ("Вводная часть", Lang::Ru),
            ("Политика конфиденциальности", Lang::Ru),
        ] {
            let g = detect_language(text);
            assert_eq!(g.lang, Some(lang), "{text}");
            assert_ne!(g.evidence, Evidence::Letters);
        }
    }

    #[test]
    fn function_words_fallback_tells_the_languages_apart() {
        assert_eq!(function_words("Сервис және сайт").0, Some(Lang::Kk));
        assert_eq!(function_words("Сервис и сайт для вас").0, Some(Lang::Ru));
    }

    #[test]
    fn codes_are_iso_639_1() {
        assert_eq!(Lang::Kk.code(), "kk");
        assert_eq!(Lang::Ru.to_string(), "ru");
        assert_eq!(Lang::Kk.other(), Lang::Ru);
    }

    #[test]
    fn latin_words_do_not_move_the_detector() {
        for text in [
            "Жеке кабинет",
            "Личный кабинет",
            "Байланыс телефоны",
            "Контактный телефон",
        ] {
            let with_latin = format!("{text} Google Analytics, SMS v2");
            assert_eq!(
                detect_language(&with_latin).lang,
                detect_language(text).lang,
                "{text}"
            );
        }
    }
}
