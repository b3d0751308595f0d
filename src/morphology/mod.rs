//! Morphology that lets a word pattern match the forms of a word: a Kazakh suffix stripper
//! ([`kazakh`]) and the Snowball Russian stemmer ([`russian`]).
//!
//! Both work on single lower-case words and know no dictionary: they say which forms may be
//! one word, not which are. `docs/morphology.md` lists what each strips and its known limits.

pub(crate) mod kazakh;
pub(crate) mod russian;

use crate::language::Lang;

/// Whether two lower-case words of `lang` may be forms of one word. Kazakh: some reduction of
/// one (see [`kazakh::keys`]) is one of the other, a final п/қ/к read as б/ғ/г before
/// a vowel (`пайдаланушылар` and `пайдаланушының`; `талап` and `талабы`; `беру` and
/// `бермейді`); Russian: the two have the same Snowball stem (`передача`, `передачу`).
///
/// This is looser than a `stem^` word pattern, which asks the word to reduce to the written
/// stem itself: two Kazakh words may share a short reduction by chance (`талап`, a
/// requirement, read as the gerund `тала-п`, shares `тала` with `талау`, plunder).
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "for the meaning comparison (issue 11), which does not use it yet"
    )
)]
pub(crate) fn same_lemma(a: &str, b: &str, lang: Lang) -> bool {
    match lang {
        Lang::Kk => {
            let of_b = kazakh::keys(b);
            kazakh::keys(a).iter().any(|k| of_b.contains(k))
        }
        Lang::Ru => russian::stem(a) == russian::stem(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn forms_of_one_word_are_one_lemma() {
        for (lang, a, b) in [
            (Lang::Kk, "пайдаланушылар", "пайдаланушының"),
            (Lang::Kk, "талап", "талабы"),
            (Lang::Kk, "беру", "бермейді"),
            (Lang::Kk, "жою", "жойылады"),
            (Lang::Kk, "мысалда", "мысалды"),
            (Lang::Kk, "келісімін", "келісімдер"),
            (Lang::Ru, "передача", "передачу"),
            (Lang::Ru, "пользователь", "пользователей"),
        ] {
            assert!(same_lemma(a, b, lang), "{lang} {a} / {b}");
        }
    }

    #[test]
    fn words_of_another_sense_are_not() {
        for (lang, a, b) in [
            (Lang::Kk, "заң", "заңгер"),
            (Lang::Kk, "келісім", "келісімшарт"),
            (Lang::Kk, "сақтау", "сақтандыру"),
            (Lang::Kk, "беру", "беруші"),
            (Lang::Ru, "пол", "пользователь"),
            (Lang::Ru, "передача", "передать"),
        ] {
            assert!(!same_lemma(a, b, lang), "{lang} {a} / {b}");
        }
    }

    proptest! {
        #[test]
        fn same_lemma_is_reflexive_and_symmetric(
            a in "[а-яәғқңөұүі]{1,8}(лар|дың|ы|ға|у|ған|ды)?",
            b in "[а-яәғқңөұүі]{1,8}(лер|нің|сі|ге|ді|ген)?",
        ) {
            for lang in Lang::ALL {
                prop_assert!(same_lemma(&a, &a, lang));
                prop_assert_eq!(same_lemma(&a, &b, lang), same_lemma(&b, &a, lang));
            }
        }
    }
}
