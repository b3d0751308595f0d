//! The Russian stem of a word: the Snowball Russian stemmer (`rust-stemmers`), after `ё` is
//! read as `е`.
//!
//! Snowball removes inflection endings and the commonest derivational ones (`-ость`, `-ост`)
//! inside the part of the word after its first vowel, so a stem is never empty for a word
//! with a vowel and always a prefix of the word it came from. It knows no words: `данные`
//! (data) and `данный` (this) share the stem `дан`, `пол` (sex) and `поле` (field) share
//! `пол`, while `закон` and `законный` do not. Its stems are not idempotent: the stem of a
//! stem may be shorter still (`законн` gives `закон`), so a stem is only ever compared with
//! the stem of another word.

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// A lower-case word with `ё` read as `е`, as the rest of the crate compares Russian words.
pub(crate) fn fold(word: &str) -> Cow<'_, str> {
    if word.contains('ё') {
        Cow::Owned(word.replace('ё', "е"))
    } else {
        Cow::Borrowed(word)
    }
}

/// The Snowball stem of a lower-case Russian word, `ё` read as `е`: `передача`, `передачи`,
/// `передачу` give `передач`.
pub(crate) fn stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    let stemmer = STEMMER.get_or_init(|| Stemmer::create(Algorithm::Russian));
    stemmer.stem(&fold(word)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn a_stem_is_a_non_empty_prefix_of_the_folded_word(word in "[а-яё]{1,16}") {
            let stem = stem(&word);
            prop_assert!(!stem.is_empty());
            prop_assert!(stem.chars().count() <= word.chars().count());
            prop_assert!(fold(&word).starts_with(stem.as_str()));
        }

        /// Any text: no panic, never longer, never empty.
        #[test]
        fn any_text_gives_a_short_enough_stem(word in "\\PC{1,12}") {
            let stem = stem(&word);
            prop_assert!(!stem.is_empty());
            prop_assert!(stem.chars().count() <= word.chars().count());
        }
    }

    #[test]
    fn forms_of_a_word_share_a_stem() {
        for forms in [
            &["передача", "передачи", "передачу", "передачей", "передаче"][..],
            &[
                "пользователь",
                "пользователя",
                "пользователей",
                "пользователем",
            ],
            &["согласие", "согласия", "согласием", "согласии"],
            &["закон", "закона", "законами", "законе"],
            &["обязан", "обязана", "обязаны"],
            &["передает", "передаёт", "передают"],
            &["третье", "третьим", "третьих", "третьему"],
            &["лицо", "лица", "лицам", "лицами"],
        ] {
            let first = stem(forms[0]);
            for form in forms {
                assert_eq!(stem(form), first, "{form} / {}", forms[0]);
            }
        }
    }

    #[test]
    fn words_of_another_sense_keep_their_own_stem() {
        for (word, other) in [
            ("пол", "пользователь"),
            ("пол", "получать"),
            ("закон", "законодательство"),
            ("передача", "передать"),
            ("лицо", "лицензия"),
            ("сбор", "сборник"),
            ("согласие", "согласно"),
            ("персональные", "персонал"),
            ("право", "правовой"),
        ] {
            assert_ne!(stem(word), stem(other), "{word} / {other}");
        }
    }

    /// Snowball knows no words: these pairs of senses share a stem. Kept as a test so that the
    /// limits listed in `docs/morphology.md` stay true.
    #[test]
    fn known_merges_of_snowball() {
        for (word, other) in [
            ("закон", "законный"),
            ("данные", "данный"),
            ("пол", "поле"),
            ("договор", "договориться"),
        ] {
            assert_eq!(stem(word), stem(other), "{word} / {other}");
        }
    }
}
