//! Actions: what a party does. Two rules read them.
//!
//! - `reversed`: an action on one side whose opposite the other side names instead: data
//!   stored against data deleted, a contract extended against terminated, consent given
//!   against withdrawn. Only the pairs of [`OPPOSITES`] count: a translation renders one
//!   verb by many, but never an action by its opposite.
//! - `declared`: the same action declared on one side (`отказываюсь`, I refuse) and only a
//!   possibility on the other (`бас тарту мүмкіндігі`, the possibility of refusing): a
//!   declaration turned into a possibility.

use crate::language::{ByLang, Lang};

use super::difference::{Difference, items_of, quote};
use super::evidence::MeaningSubKind;
use super::lexicon::Role;
use super::skeleton::{Item, Skeleton};

/// Pairs of an action and the action that undoes or reverses it (concepts of
/// `data/concepts.tsv`).
pub(crate) const OPPOSITES: &[(&str, &str)] = &[
    ("store", "delete"),
    ("collect", "delete"),
    ("consent", "withdraw"),
    ("consent", "refuse"),
    ("accept", "refuse"),
    ("extend", "terminate"),
    ("pay", "refund"),
    ("permit", "forbid"),
    ("increase", "decrease"),
    ("block", "unblock"),
];

fn has(items: &[&Item], concept: &str) -> bool {
    items.iter().any(|i| i.concept == concept)
}

fn named<'s>(items: &[&'s Item], concept: &str) -> Vec<&'s Item> {
    items
        .iter()
        .filter(|i| i.concept == concept)
        .copied()
        .collect()
}

/// One side names the reversing action `second` of a pair, the other lacks it and names
/// the `first` instead. The first may stand on both sides: consent is what a withdrawal
/// withdraws (`келісімін кері қайтарып алады` against `дает согласие`).
pub(crate) fn reversed(sides: &ByLang<&Skeleton>) -> Option<Difference> {
    let kk = items_of(sides.kk, &[Role::Action, Role::Operation]);
    let ru = items_of(sides.ru, &[Role::Action, Role::Operation]);
    for &(first, second) in OPPOSITES {
        for (ours, theirs) in [(&kk, &ru), (&ru, &kk)] {
            if has(ours, second) && !has(theirs, second) && has(theirs, first) {
                let (a, b) = (named(ours, second), named(theirs, first));
                let words = if std::ptr::eq(ours, &kk) {
                    ByLang {
                        kk: quote(&a),
                        ru: quote(&b),
                    }
                } else {
                    ByLang {
                        kk: quote(&b),
                        ru: quote(&a),
                    }
                };
                return Some(Difference {
                    sub_kind: MeaningSubKind::Action,
                    words,
                    swap: None,
                });
            }
        }
    }
    None
}

/// How a clause puts an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// In the first person: I refuse, I consent.
    Declared,
    /// As a possibility or a right: the possibility of refusing, may refuse.
    Possible,
    /// Otherwise.
    Stated,
}

/// Endings of a first-person verb: Russian `отказываюсь`, `соглашаюсь`, `подтверждаю`;
/// Kazakh `тартамын`, `келісемін`, `береміз`.
fn first_person(word: &str, lang: Lang) -> bool {
    let endings: &[&str] = match lang {
        Lang::Ru => &["юсь", "усь", "аю", "яю"],
        // The vowel or й before the person ending is the verb's present tense: `келісімін`
        // (the consent, accusative) is a noun.
        Lang::Kk => &[
            "амын", "емін", "ймын", "ймін", "амыз", "еміз", "ймыз", "йміз",
        ],
    };
    endings.iter().any(|e| word.ends_with(e))
}

/// Whether a word says possibility: `мүмкіндігі`, `возможности`, a modal item.
fn says_possibility(side: &Skeleton, at: usize) -> bool {
    let word = side.lower(&side.words[at]);
    word.starts_with("мүмкін")
        || word.starts_with("возможн")
        || side
            .items
            .iter()
            .any(|i| i.words.contains(&at) && matches!(i.role, Role::Possibility | Role::Right))
}

/// How a side puts the action `item`: a Kazakh possibility follows the verbal noun (`бас
/// тарту мүмкіндігі`), a Russian one comes before it (`возможность отказаться`).
fn mode(side: &Skeleton, item: &Item, lang: Lang) -> Mode {
    let last = side.lower(&side.words[item.words.end - 1]);
    if first_person(last, lang) {
        return Mode::Declared;
    }
    let near: Vec<usize> = match lang {
        Lang::Kk => (item.words.end..(item.words.end + 2).min(side.words.len())).collect(),
        Lang::Ru => (item.words.start.saturating_sub(3)..item.words.start).collect(),
    };
    if near.into_iter().any(|at| says_possibility(side, at)) {
        Mode::Possible
    } else {
        Mode::Stated
    }
}

/// The same action declared on one side and a possibility on the other.
pub(crate) fn declared(sides: &ByLang<&Skeleton>) -> Option<Difference> {
    let kk = items_of(sides.kk, &[Role::Action, Role::Operation]);
    let ru = items_of(sides.ru, &[Role::Action, Role::Operation]);
    for a in &kk {
        let mode_kk = mode(sides.kk, a, Lang::Kk);
        if mode_kk == Mode::Stated {
            continue;
        }
        for b in ru.iter().filter(|b| b.concept == a.concept) {
            let mode_ru = mode(sides.ru, b, Lang::Ru);
            if mode_ru != Mode::Stated && mode_ru != mode_kk {
                return Some(Difference {
                    sub_kind: MeaningSubKind::Modality,
                    words: ByLang {
                        kk: quote(&[*a]),
                        ru: quote(&[*b]),
                    },
                    swap: None,
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::compare::compare;
    use super::super::skeleton::skeleton;
    use super::*;

    fn sub_kinds(kk: &str, ru: &str) -> Vec<MeaningSubKind> {
        compare(&skeleton(kk, Lang::Kk), &skeleton(ru, Lang::Ru))
            .iter()
            .map(|d| d.sub_kind)
            .collect()
    }

    #[test]
    fn stored_against_deleted() {
        assert!(
            sub_kinds("Оператор деректерді сақтайды.", "Оператор удаляет данные.")
                .contains(&MeaningSubKind::Action)
        );
        assert!(
            !sub_kinds("Оператор деректерді сақтайды.", "Оператор хранит данные.")
                .contains(&MeaningSubKind::Action)
        );
    }

    #[test]
    fn consent_withdrawn_against_given() {
        assert!(
            sub_kinds(
                "Пайдаланушы келісімін кері қайтарып алады.",
                "Пользователь дает свое согласие."
            )
            .contains(&MeaningSubKind::Action)
        );
        assert!(
            !sub_kinds(
                "Пайдаланушы келісімін кері қайтарып алады.",
                "Пользователь отзывает свое согласие."
            )
            .contains(&MeaningSubKind::Action)
        );
    }

    #[test]
    fn a_side_naming_both_actions_is_silent() {
        assert!(
            !sub_kinds(
                "Деректер жойылғанға дейін сақталады.",
                "Данные хранятся до их удаления."
            )
            .contains(&MeaningSubKind::Action)
        );
    }

    #[test]
    fn a_declaration_against_a_possibility() {
        assert!(sub_kinds(
            "Маған ақылы емделу пайдасына тегін емдеуден бас тарту мүмкіндігі туралы хабарланды.",
            "Я проинформирован и добровольно отказываюсь от бесплатного лечения в пользу платного."
        )
        .contains(&MeaningSubKind::Modality));
        assert!(
            !sub_kinds(
                "Мен тегін емдеуден өз еркімен бас тартамын.",
                "Я добровольно отказываюсь от бесплатного лечения."
            )
            .contains(&MeaningSubKind::Modality)
        );
    }
}
