//! Qualifiers: words that narrow or condition what a clause says (`досрочного` расторжения,
//! an early termination; `насколько это целесообразно`, as far as reasonable; a `письменное`
//! notice). A qualifier on one side only widens or narrows the clause on the other: the
//! duty "to go on performing as far as reasonable" becomes unconditional. Reported with the
//! `exception` sub-kind, which the taxonomy keeps for a lost qualifier or exception.

use std::collections::BTreeSet;

use crate::language::ByLang;

use super::difference::{Difference, MIN_WORDS, concepts, items_of, keep, quote};
use super::evidence::MeaningSubKind;
use super::lexicon::Role;
use super::skeleton::Skeleton;

/// The qualifiers one side has and the other lacks, when both sides say enough to judge.
pub(crate) fn qualifier(sides: &ByLang<&Skeleton>) -> Option<Difference> {
    if sides.kk.words.len() < MIN_WORDS || sides.ru.words.len() < MIN_WORDS {
        return None;
    }
    let kk = items_of(sides.kk, &[Role::Qualifier]);
    let ru = items_of(sides.ru, &[Role::Qualifier]);
    let (a, b) = (concepts(&kk), concepts(&ru));
    let only_kk: BTreeSet<&str> = a.difference(&b).copied().collect();
    let only_ru: BTreeSet<&str> = b.difference(&a).copied().collect();
    if only_kk.is_empty() && only_ru.is_empty() {
        return None;
    }
    Some(Difference {
        sub_kind: MeaningSubKind::Exception,
        words: ByLang {
            kk: quote(&keep(&kk, &only_kk)),
            ru: quote(&keep(&ru, &only_ru)),
        },
        swap: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::compare::compare;
    use super::super::skeleton::skeleton;
    use super::*;
    use crate::language::Lang;

    fn found(kk: &str, ru: &str) -> Vec<Vec<&'static str>> {
        compare(&skeleton(kk, Lang::Kk), &skeleton(ru, Lang::Ru))
            .into_iter()
            .filter(|d| d.sub_kind == MeaningSubKind::Exception)
            .map(|d| {
                d.words
                    .kk
                    .iter()
                    .chain(&d.words.ru)
                    .map(|(_, c)| *c)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn an_early_termination_against_any_termination() {
        assert_eq!(
            found(
                "Тараптар Шартты бұзу ниеті туралы бір-бірін хабардар етеді.",
                "О намерении досрочного расторжения Договора стороны уведомляют друг друга."
            ),
            vec![vec!["early"]]
        );
        assert!(
            found(
                "Тараптар Шартты мерзімінен бұрын бұзу ниеті туралы хабардар етеді.",
                "О намерении досрочного расторжения Договора стороны уведомляют друг друга."
            )
            .is_empty()
        );
    }

    #[test]
    fn as_far_as_reasonable_on_one_side_only() {
        assert_eq!(
            found(
                "Компания міндеттемелерін орындауды жалғастырады.",
                "Компания продолжает выполнять обязательства, насколько это возможно."
            ),
            vec![vec!["as_far_as"]]
        );
        assert!(
            found(
                "Компания мүмкіндігінше міндеттемелерін орындауды жалғастырады.",
                "Компания продолжает выполнять обязательства, насколько это возможно."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_written_notice_against_a_notice() {
        assert_eq!(
            found(
                "Клиент Компанияны жазбаша хабардар етеді.",
                "Клиент уведомляет Компанию об этом."
            ),
            vec![vec!["written"]]
        );
    }

    #[test]
    fn the_same_qualifiers_on_both_sides_are_silent() {
        assert!(
            found(
                "Пациент ақылы емделуден өз еркімен бас тартады.",
                "Пациент добровольно отказывается от платного лечения."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_thin_side_is_silent() {
        assert!(found("Жазбаша", "Уведомление").is_empty());
    }
}
