//! A list member more or less inside one sentence: «к достоинству, ценностям, убеждениям и
//! правам» against «қадір-қасиетіне, құндылықтарына және сенімдеріне» (rights left out), or
//! «хранятся, обрабатываются и уничтожаются» against «сақталады және жойылады». A list is a
//! run of listed things (`member` and `operation` concepts) joined by commas or conjunctions.
//! The rule speaks only when the two sides hold lists with all members but one in common (two
//! at least), and the member left is nowhere in the other clause.

use std::collections::BTreeSet;

use crate::language::ByLang;

use super::difference::{Difference, items_of, quote};
use super::evidence::MeaningSubKind;
use super::lexicon::Role;
use super::skeleton::{Item, Skeleton};

/// Words that join the members of a list.
const CONJUNCTIONS: &[&str] = &[
    "и",
    "или",
    "также",
    "а",
    "либо",
    "және",
    "мен",
    "бен",
    "пен",
    "немесе",
    "не",
    "да",
    "де",
    "та",
    "те",
    "сондай",
    "ақ",
];

/// The most words a member may carry before or after it inside a list (`личностным
/// ценностям`, `күтім алуыма`).
const MAX_GAP_WORDS: usize = 2;

/// The least members a list needs for a member it lacks to count.
const MIN_MEMBERS: usize = 3;

/// Whether the text between two items joins them as members of one list: a comma, a
/// semicolon or a conjunction, and at most [`MAX_GAP_WORDS`] other words: more, and the
/// word is an object's verb rather than a member (`заңнамасын сақтай отырып`, observing the
/// law, after a list of operations).
fn joined(side: &Skeleton, left: &Item, right: &Item) -> bool {
    let between = &side.words[left.words.end..right.words.start];
    let others = between
        .iter()
        .filter(|w| !CONJUNCTIONS.contains(&side.lower(w)))
        .count();
    if others > MAX_GAP_WORDS {
        return false;
    }
    let (from, to) = (
        side.words[left.words.end - 1].bytes.end,
        side.words[right.words.start].bytes.start,
    );
    let punctuated = side.text[from..to].contains([',', ';']);
    punctuated || between.len() > others
}

/// The lists of a side: runs of listed things joined as [`joined`] says, with two members or
/// more.
fn lists(side: &Skeleton) -> Vec<Vec<&Item>> {
    let listed = items_of(side, &[Role::Member, Role::Operation]);
    let mut out: Vec<Vec<&Item>> = Vec::new();
    let mut run: Vec<&Item> = Vec::new();
    for item in listed {
        if let Some(&last) = run.last() {
            if !joined(side, last, item) {
                out.push(std::mem::take(&mut run));
            }
        }
        run.push(item);
    }
    out.push(run);
    out.retain(|run| run.len() >= 2);
    out
}

fn concepts_of(items: &[&Item]) -> BTreeSet<&'static str> {
    items.iter().map(|i| i.concept).collect()
}

/// A member of a list of one side that the other clause lacks, while the other holds a list
/// sharing two members or more with it.
pub(crate) fn member(sides: &ByLang<&Skeleton>) -> Option<Difference> {
    let (kk, ru) = (lists(sides.kk), lists(sides.ru));
    lacking(&kk, &ru, sides.ru)
        .map(|(missing, other)| ByLang {
            kk: quote(&missing),
            ru: quote(&other),
        })
        .or_else(|| {
            lacking(&ru, &kk, sides.kk).map(|(missing, other)| ByLang {
                kk: quote(&other),
                ru: quote(&missing),
            })
        })
        .map(|words| Difference {
            sub_kind: MeaningSubKind::ListMember,
            words,
            swap: None,
        })
}

/// The members of a list of `ours` that the `other` clause lacks, with the list of the other
/// side that shares the most members with it.
fn lacking<'s>(
    ours: &[Vec<&'s Item>],
    theirs: &[Vec<&'s Item>],
    other: &Skeleton,
) -> Option<(Vec<&'s Item>, Vec<&'s Item>)> {
    let everywhere: BTreeSet<&str> = other.items.iter().map(|i| i.concept).collect();
    for list in ours {
        let members = concepts_of(list);
        if members.len() < MIN_MEMBERS {
            continue;
        }
        let Some(best) = theirs
            .iter()
            .max_by_key(|t| concepts_of(t).intersection(&members).count())
        else {
            continue;
        };
        // The two lists must be nearly the same: all members but one in common. Lists that
        // differ more are a paraphrase («согласие на обработку» against «жинауға, жазуға…
        // келісім»), not a member lost.
        let shared = concepts_of(best).intersection(&members).count();
        if shared < 2 || shared + 1 < members.len() {
            continue;
        }
        let missing: Vec<&Item> = list
            .iter()
            .filter(|i| !everywhere.contains(i.concept))
            .copied()
            .collect();
        if !missing.is_empty() {
            return Some((missing, best.clone()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::skeleton::skeleton;
    use super::*;
    use crate::language::Lang;

    fn missing(kk: &str, ru: &str) -> Option<ByLang<Vec<&'static str>>> {
        let (kk, ru) = (skeleton(kk, Lang::Kk), skeleton(ru, Lang::Ru));
        member(&ByLang { kk: &kk, ru: &ru }).map(|d| ByLang {
            kk: d.words.kk.iter().map(|w| w.1).collect(),
            ru: d.words.ru.iter().map(|w| w.1).collect(),
        })
    }

    #[test]
    fn a_value_left_out_of_a_list() {
        let found = missing(
            "Пациенттің қадір-қасиетіне, құндылықтарына және сенімдеріне құрметпен қарайды.",
            "Пациенту гарантируется уважение к достоинству, ценностям, убеждениям и правам.",
        )
        .unwrap();
        assert_eq!(found.ru, ["rights"]);
    }

    #[test]
    fn an_operation_left_out_of_a_list() {
        let found = missing(
            "Деректер сақталады, өңделеді және жойылады.",
            "Данные хранятся и уничтожаются.",
        )
        .unwrap();
        assert_eq!(found.kk, ["process"]);
    }

    #[test]
    fn the_same_list_in_other_words_is_silent() {
        assert!(
            missing(
                "Оператор тегін, атын, телефон нөмірін және электрондық пошта мекенжайын жинайды.",
                "Оператор собирает фамилию, имя, номер телефона и адрес электронной почты.",
            )
            .is_none()
        );
    }

    #[test]
    fn a_member_elsewhere_in_the_other_clause_is_silent() {
        assert!(
            missing(
                "Деректер сақталады және жойылады, сондай-ақ өңделеді.",
                "Данные хранятся, обрабатываются и уничтожаются.",
            )
            .is_none()
        );
    }

    #[test]
    fn two_members_in_common_are_needed() {
        assert!(
            missing(
                "Пайдаланушы деректерді жоя алады.",
                "Данные хранятся, обрабатываются и уничтожаются.",
            )
            .is_none()
        );
    }

    #[test]
    fn words_far_apart_are_no_list() {
        let side = skeleton(
            "Данные хранятся на серверах компании в стране, а затем уничтожаются.",
            Lang::Ru,
        );
        assert!(
            lists(&side).iter().all(|l| l.len() < 2),
            "{:?}",
            lists(&side)
        );
    }
}
