//! The comparison of two skeletons, role by role. Each rule is conservative: it speaks only
//! when both sides say something of its role and what they say cannot be the same; a side
//! too thin to compare keeps it silent.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::language::ByLang;

use super::difference::{Difference, MIN_WORDS, concepts, items_of, quote};
use super::evidence::MeaningSubKind;
use super::lexicon::Role;
use super::skeleton::{Item, Skeleton};
use super::{actions, headings, lists, qualifiers};

/// Every difference between the skeletons of two aligned clauses.
pub(crate) fn compare(kk: &Skeleton, ru: &Skeleton) -> Vec<Difference> {
    let sides = ByLang { kk, ru };
    let mut out = Vec::new();
    out.extend(party(&sides));
    out.extend(modality(&sides));
    out.extend(negation(&sides));
    out.extend(exception(&sides));
    out.extend(unit(&sides));
    out.extend(quantity(&sides));
    out.extend(qualifiers::qualifier(&sides));
    out.extend(actions::reversed(&sides));
    out.extend(actions::declared(&sides));
    out.extend(lists::member(&sides));
    out.extend(headings::subject(&sides));
    out
}

/// Both sides name parties, and each names one the other does not: `Заказчик обязан`
/// against `Тұтынушы міндетті`. A party named on one side only (a pronoun on the other) is
/// no difference.
fn party(sides: &ByLang<&Skeleton>) -> Option<Difference> {
    let kk = items_of(sides.kk, &[Role::Party]);
    let ru = items_of(sides.ru, &[Role::Party]);
    let (a, b) = (concepts(&kk), concepts(&ru));
    let only_kk: Vec<&'static str> = a.difference(&b).copied().collect();
    let only_ru: Vec<&'static str> = b.difference(&a).copied().collect();
    if only_kk.is_empty() || only_ru.is_empty() {
        return None;
    }
    let keep = |items: &[&Item], only: &[&str]| -> Vec<(Range<usize>, &'static str)> {
        let kept: Vec<&Item> = items
            .iter()
            .filter(|i| only.contains(&i.concept))
            .copied()
            .collect();
        quote(&kept)
    };
    Some(Difference {
        sub_kind: MeaningSubKind::Party,
        words: ByLang {
            kk: keep(&kk, &only_kk),
            ru: keep(&ru, &only_ru),
        },
        swap: Some(ByLang {
            kk: only_kk,
            ru: only_ru,
        }),
    })
}

/// One side a duty and no permission, the other a right or a possibility and no duty.
fn modality(sides: &ByLang<&Skeleton>) -> Option<Difference> {
    const PERMISSION: &[Role] = &[Role::Right, Role::Possibility];
    let (dk, pk, dr, pr) = (
        items_of(sides.kk, &[Role::Duty]),
        items_of(sides.kk, PERMISSION),
        items_of(sides.ru, &[Role::Duty]),
        items_of(sides.ru, PERMISSION),
    );
    let flipped = (!dk.is_empty() && pk.is_empty() && dr.is_empty() && !pr.is_empty())
        || (dk.is_empty() && !pk.is_empty() && !dr.is_empty() && pr.is_empty());
    flipped.then(|| Difference {
        sub_kind: MeaningSubKind::Modality,
        words: ByLang {
            kk: quote(&[dk, pk].concat()),
            ru: quote(&[dr, pr].concat()),
        },
        swap: None,
    })
}

/// One side negated and the other not, when neither has an exception (whose `если иное не`
/// a translation may render without a negation) nor a negation the rule cannot place.
fn negation(sides: &ByLang<&Skeleton>) -> Option<Difference> {
    let thin = |s: &Skeleton| s.words.len() < MIN_WORDS;
    if thin(sides.kk) || thin(sides.ru) || sides.kk.shielded || sides.ru.shielded {
        return None;
    }
    if [sides.kk, sides.ru]
        .iter()
        .any(|s| !items_of(s, &[Role::Exception]).is_empty())
    {
        return None;
    }
    let kk = items_of(sides.kk, &[Role::Negation]);
    let ru = items_of(sides.ru, &[Role::Negation]);
    (kk.is_empty() != ru.is_empty()).then(|| Difference {
        sub_kind: MeaningSubKind::Negation,
        words: ByLang {
            kk: quote(&kk),
            ru: quote(&ru),
        },
        swap: None,
    })
}

/// An exception on one side only, when the other side states no condition (`тек … жағдайларда`,
/// only in the cases), which is how a translation may render the exception.
fn exception(sides: &ByLang<&Skeleton>) -> Option<Difference> {
    let thin = |s: &Skeleton| s.words.len() < MIN_WORDS;
    if thin(sides.kk) || thin(sides.ru) {
        return None;
    }
    let kk = items_of(sides.kk, &[Role::Exception]);
    let ru = items_of(sides.ru, &[Role::Exception]);
    let lacking = if kk.is_empty() { sides.kk } else { sides.ru };
    if !items_of(lacking, &[Role::Condition]).is_empty() {
        return None;
    }
    (kk.is_empty() != ru.is_empty()).then(|| Difference {
        sub_kind: MeaningSubKind::Exception,
        words: ByLang {
            kk: quote(&kk),
            ru: quote(&ru),
        },
        swap: None,
    })
}

/// The base unit of a unit concept: a working day is a day for the number rule.
fn base_unit(concept: &str) -> &str {
    if concept == "working_day" {
        "day"
    } else {
        concept
    }
}

/// The numbers of a side with the unit that follows each within two words:
/// `(value, base unit, words of the number and the unit)`.
fn counted_units(side: &Skeleton) -> Vec<(u64, &'static str, Range<usize>)> {
    let units: Vec<&Item> = side
        .items
        .iter()
        .filter(|i| i.role == Role::Unit && i.concept != "calendar")
        .collect();
    let mut out = Vec::new();
    for q in &side.numbers {
        let next = units
            .iter()
            .find(|u| u.words.start >= q.words.end && u.words.start <= q.words.end + 2);
        if let Some(unit) = next {
            out.push((
                q.value,
                base_unit(unit.concept),
                q.words.start..unit.words.end,
            ));
        }
    }
    out
}

/// The working days and the calendar qualifiers of a side.
fn day_kinds(side: &Skeleton) -> (Vec<&Item>, Vec<&Item>) {
    let units = items_of(side, &[Role::Unit]);
    let working = units
        .iter()
        .filter(|i| i.concept == "working_day")
        .copied()
        .collect();
    let calendar = units
        .iter()
        .filter(|i| i.concept == "calendar")
        .copied()
        .collect();
    (working, calendar)
}

/// The same number with another time unit (`три месяца` against `үш жыл`), or working days
/// on one side against calendar days on the other.
fn unit(sides: &ByLang<&Skeleton>) -> Option<Difference> {
    let ((wk, ck), (wr, cr)) = (day_kinds(sides.kk), day_kinds(sides.ru));
    if (!wk.is_empty() && ck.is_empty() && wr.is_empty() && !cr.is_empty())
        || (wk.is_empty() && !ck.is_empty() && !wr.is_empty() && cr.is_empty())
    {
        return Some(Difference {
            sub_kind: MeaningSubKind::Unit,
            words: ByLang {
                kk: quote(&[wk, ck].concat()),
                ru: quote(&[wr, cr].concat()),
            },
            swap: None,
        });
    }
    let (kk, ru) = (counted_units(sides.kk), counted_units(sides.ru));
    for &(value, _, _) in &kk {
        let units_of =
            |side: &[(u64, &'static str, Range<usize>)]| -> Vec<(Range<usize>, &'static str)> {
                side.iter()
                    .filter(|(v, _, _)| *v == value)
                    .map(|(_, u, r)| (r.clone(), *u))
                    .collect()
            };
        let (a, b) = (units_of(&kk), units_of(&ru));
        let disjoint = !b.is_empty() && a.iter().all(|(_, u)| b.iter().all(|(_, w)| u != w));
        if disjoint {
            return Some(Difference {
                sub_kind: MeaningSubKind::Unit,
                words: ByLang { kk: a, ru: b },
                swap: None,
            });
        }
    }
    None
}

/// A number written in words on one side that the other lacks, while the other has a
/// number this side lacks. When the digits differ too, `number_mismatch` reports it.
fn quantity(sides: &ByLang<&Skeleton>) -> Option<Difference> {
    let digits = |s: &Skeleton| -> BTreeSet<u64> {
        s.numbers
            .iter()
            .filter(|q| !q.spelled)
            .map(|q| q.value)
            .collect()
    };
    if digits(sides.kk) != digits(sides.ru) {
        return None;
    }
    let values = |s: &Skeleton| -> BTreeSet<u64> { s.numbers.iter().map(|q| q.value).collect() };
    let (a, b) = (values(sides.kk), values(sides.ru));
    let only = |s: &Skeleton, other: &BTreeSet<u64>| -> Vec<(Range<usize>, &'static str)> {
        s.numbers
            .iter()
            .filter(|q| !other.contains(&q.value))
            .map(|q| {
                (
                    q.words.clone(),
                    if q.spelled { "spelled" } else { "digits" },
                )
            })
            .collect()
    };
    let (kk, ru) = (only(sides.kk, &b), only(sides.ru, &a));
    let spelled = kk.iter().chain(&ru).any(|(_, c)| *c == "spelled");
    (!kk.is_empty() && !ru.is_empty() && spelled).then_some(Difference {
        sub_kind: MeaningSubKind::Quantity,
        words: ByLang { kk, ru },
        swap: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::skeleton::skeleton;
    use super::*;
    use crate::language::Lang;

    fn sub_kinds(kk: &str, ru: &str) -> Vec<MeaningSubKind> {
        compare(&skeleton(kk, Lang::Kk), &skeleton(ru, Lang::Ru))
            .iter()
            .map(|d| d.sub_kind)
            .collect()
    }

    use MeaningSubKind::*;

    #[test]
    fn a_party_swapped_is_a_party_difference() {
        assert_eq!(
            sub_kinds(
                "Тұтынушы ақы төлеуге міндетті",
                "Заказчик обязан оплатить услуги"
            ),
            [Party]
        );
        assert!(
            sub_kinds(
                "Тапсырыс беруші ақы төлеуге міндетті",
                "Заказчик обязан оплатить"
            )
            .is_empty()
        );
        // A party on one side only: a pronoun on the other.
        assert!(sub_kinds("Ол ақы төлеуге міндетті", "Заказчик обязан оплатить").is_empty());
    }

    #[test]
    fn a_duty_against_a_right_is_a_modality_difference() {
        assert_eq!(
            sub_kinds(
                "Компания Саясатты өзгертуге міндетті",
                "Компания вправе изменить Политику"
            ),
            [Modality]
        );
        assert!(
            sub_kinds(
                "Компания Саясатты өзгертуге құқылы",
                "Компания вправе изменить Политику"
            )
            .is_empty()
        );
        assert!(
            sub_kinds(
                "Компания Саясатты өзгертуге құқылы",
                "Компания может изменить Политику"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_negation_on_one_side_only() {
        assert_eq!(
            sub_kinds(
                "Оператор деректерді үшінші тұлғаларға бермейді",
                "Оператор передает данные третьим лицам"
            ),
            [Negation]
        );
        assert!(
            sub_kinds(
                "Оператор деректерді үшінші тұлғаларға бермейді",
                "Оператор не передает данные третьим лицам"
            )
            .is_empty()
        );
        // A bound is no negation; a privative word silences the rule.
        assert!(
            sub_kinds(
                "Он күннен кешіктірмей хабарлайды",
                "Уведомляет не позднее десяти дней"
            )
            .is_empty()
        );
        assert!(
            sub_kinds(
                "Деректерді келісімінсіз беруге тыйым салынады",
                "Запрещено не передавать данные без согласия"
            )
            .is_empty()
        );
    }

    #[test]
    fn an_exception_on_one_side_only() {
        assert_eq!(
            sub_kinds(
                "Заңда көзделген жағдайларды қоспағанда деректер берілмейді",
                "Данные третьим лицам не передаются"
            ),
            [Exception]
        );
        // The exception rendered as a condition: only in the cases the law provides.
        assert!(
            sub_kinds(
                "Деректер тек заңда көзделген жағдайларда беріледі",
                "Данные не передаются, за исключением случаев, предусмотренных законом"
            )
            .is_empty()
        );
    }

    #[test]
    fn another_unit_with_the_same_number() {
        assert_eq!(
            sub_kinds(
                "Шарт үш жыл мерзімге жасалады",
                "Договор заключается сроком на три месяца"
            ),
            [Unit]
        );
        assert_eq!(
            sub_kinds(
                "Он жұмыс күні ішінде жауап береді",
                "Отвечает в течение десяти календарных дней"
            ),
            [Unit]
        );
        assert!(
            sub_kinds(
                "Он жұмыс күні ішінде жауап береді",
                "Отвечает в течение десяти рабочих дней"
            )
            .is_empty()
        );
        assert!(
            sub_kinds(
                "Күнтізбелік отыз күн ішінде",
                "В течение 30 (тридцати) календарных дней"
            )
            .is_empty()
        );
    }

    #[test]
    fn another_quantity_in_words() {
        assert_eq!(
            sub_kinds(
                "Бес күн ішінде жауап береді",
                "Отвечает в течение трех дней"
            ),
            [Quantity]
        );
        // Digits alone are the number check's; one number missing on a side is no swap.
        assert!(sub_kinds("5 күн ішінде жауап береді", "Отвечает в течение 3 дней").is_empty());
        assert!(sub_kinds("5 (бес) жыл сақталады", "Хранится 3 (трех) лет").is_empty());
        assert!(sub_kinds("Бір жыл ішінде 10 күн", "В течение года 10 дней").is_empty());
    }
}
