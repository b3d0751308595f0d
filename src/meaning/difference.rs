//! What a rule of the comparison finds, and the small helpers every rule reads skeletons
//! with.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::language::ByLang;

use super::evidence::MeaningSubKind;
use super::lexicon::Role;
use super::skeleton::{Item, Skeleton};

/// Words a side needs for the negation, exception and qualifier rules to judge it.
pub(crate) const MIN_WORDS: usize = 3;

/// A difference found by a rule: its sub-kind and, per side, the words it rests on (ranges
/// of words of the skeleton) with their concepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Difference {
    pub(crate) sub_kind: MeaningSubKind,
    pub(crate) words: ByLang<Vec<(Range<usize>, &'static str)>>,
    /// For a party difference: the concepts only each side names, which the document-level
    /// pass uses to recognise a naming convention of the translation.
    pub(crate) swap: Option<ByLang<Vec<&'static str>>>,
}

/// The items of a side with one of the roles, in the order of the clause.
pub(crate) fn items_of<'s>(side: &'s Skeleton, roles: &[Role]) -> Vec<&'s Item> {
    side.items
        .iter()
        .filter(|i| roles.contains(&i.role))
        .collect()
}

/// The words and concepts of items, as a difference quotes them.
pub(crate) fn quote(items: &[&Item]) -> Vec<(Range<usize>, &'static str)> {
    items.iter().map(|i| (i.words.clone(), i.concept)).collect()
}

/// The concepts of items.
pub(crate) fn concepts(items: &[&Item]) -> BTreeSet<&'static str> {
    items.iter().map(|i| i.concept).collect()
}

/// The items whose concept is in `only`.
pub(crate) fn keep<'s>(items: &[&'s Item], only: &BTreeSet<&str>) -> Vec<&'s Item> {
    items
        .iter()
        .filter(|i| only.contains(i.concept))
        .copied()
        .collect()
}
