//! The values a clause states (numbers, contacts, names, found by `anchors`), and among
//! them the company identity a template is filled in with.

use std::collections::BTreeMap;

use super::model::{ClauseRef, DiffOp};
use crate::anchors::{self, AnchorKind};

/// `(key, as written)` of the values a side of an op states: numbers, contacts, names.
pub(super) fn values(side: &Option<ClauseRef>) -> Vec<(String, String)> {
    side.as_ref().map_or_else(Vec::new, |c| {
        anchors::extract(&c.text)
            .into_iter()
            .filter(|x| x.kind != AnchorKind::Name || x.raw.len() > 2)
            .map(|x| (x.key, x.raw))
            .collect()
    })
}

/// The company's identity a template is filled in with: Latin-script names and
/// registration numbers (nine digits or more: БИН, ИИН) that one policy states and the other
/// never does. They are reported once instead of under every topic.
pub(super) fn identity(ops: &[DiffOp]) -> (Vec<String>, Vec<String>) {
    let is_identity = |key: &str, raw: &str| {
        raw.chars().all(char::is_alphabetic)
            || key.len() >= 9 && key.chars().all(|c| c.is_ascii_digit())
    };
    let collect = |side: fn(&DiffOp) -> &Option<ClauseRef>| {
        let mut all: BTreeMap<String, String> = BTreeMap::new();
        for op in ops {
            for (key, raw) in values(side(op)) {
                all.entry(key).or_insert(raw);
            }
        }
        all
    };
    let (all_a, all_b) = (collect(|op| &op.a), collect(|op| &op.b));
    let only = |mine: &BTreeMap<String, String>, other: &BTreeMap<String, String>| {
        mine.iter()
            .filter(|(key, raw)| !other.contains_key(*key) && is_identity(key, raw))
            .map(|(_, raw)| raw.clone())
            .collect()
    };
    (only(&all_a, &all_b), only(&all_b, &all_a))
}
