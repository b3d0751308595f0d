//! Values that survive translation unchanged (numbers and identifiers, contacts, Latin-script
//! names), compared between the two sides of a link.

use std::collections::BTreeSet;

use crate::anchors::{self, Anchor, AnchorKind};
use crate::clause::{Clause, ClauseId};
use crate::kind::{Kind, Severity};
use crate::language::{ByLang, Lang};

use super::builder::Builder;

/// The anchors of `clauses` in order: those the aligner extracted already (`known`, per
/// language and clause index), else extracted now.
pub(super) fn anchors_of(
    clauses: &[&Clause],
    known: Option<&ByLang<Vec<Vec<Anchor>>>>,
) -> Vec<Anchor> {
    let of = |clause: &Clause| match known.and_then(|k| k.get(clause.lang()).get(clause.id().index))
    {
        Some(found) => found.clone(),
        None => anchors::extract(clause.text()),
    };
    clauses.iter().flat_map(|c| of(c)).collect()
}

/// The keys of the anchors whose kind satisfies `pred`.
fn keys(anchors: &[Anchor], pred: impl Fn(AnchorKind) -> bool) -> BTreeSet<&str> {
    anchors
        .iter()
        .filter(|x| pred(x.kind))
        .map(|x| x.key.as_str())
        .collect()
}

/// The anchors as written (`raw`) whose kind satisfies `pred` and whose key is in `keys`,
/// without immediate repeats.
fn raws<'a>(
    anchors: &'a [Anchor],
    keys: &BTreeSet<&str>,
    pred: impl Fn(AnchorKind) -> bool,
) -> Vec<&'a str> {
    let mut out: Vec<&str> = anchors
        .iter()
        .filter(|x| pred(x.kind) && keys.contains(x.key.as_str()))
        .map(|x| x.raw.as_str())
        .collect();
    out.dedup();
    out
}

/// Compares the anchors `a` (Kazakh side) and `b` (Russian side) of one link, kind by kind:
/// numbers, contacts, then Latin-script names.
pub(super) fn compare_anchors(
    builder: &mut Builder<'_>,
    order: usize,
    ids: &[ClauseId],
    a: &[Anchor],
    b: &[Anchor],
) {
    // What each kind compares: its anchors, and how the message names them.
    type Comparison = (Kind, fn(AnchorKind) -> bool, &'static str);
    let groups: [Comparison; 3] = [
        (
            Kind::NumberMismatch,
            |k| matches!(k, AnchorKind::Number | AnchorKind::Identifier),
            "numbers",
        ),
        (Kind::ContactMismatch, AnchorKind::is_contact, "contacts"),
        (
            Kind::NameMismatch,
            |k| k == AnchorKind::Name,
            "Latin-script names",
        ),
    ];
    // Common Latin words and short abbreviations are wording, not names (see
    // `Anchor::is_proper_name`); they still help the aligner, but are compared here only when
    // one of their occurrences on either side reads as a name (`Cookie` against `cookie`).
    let proper: BTreeSet<&str> = a
        .iter()
        .chain(b)
        .filter(|x| x.kind == AnchorKind::Name && x.is_proper_name())
        .map(|x| x.key.as_str())
        .collect();
    let compared = |anchors: &[Anchor]| -> Vec<Anchor> {
        anchors
            .iter()
            .filter(|x| x.kind != AnchorKind::Name || proper.contains(x.key.as_str()))
            .cloned()
            .collect()
    };
    let (a, b) = (&compared(a)[..], &compared(b)[..]);
    for (kind, pred, what) in groups {
        let (ka, kb) = (keys(a, pred), keys(b, pred));
        let only_a: BTreeSet<&str> = ka.difference(&kb).copied().collect();
        let only_b: BTreeSet<&str> = kb.difference(&ka).copied().collect();
        if !only_a.is_empty() || !only_b.is_empty() {
            let sides: Vec<String> = [
                (Lang::Kk, raws(a, &only_a, pred)),
                (Lang::Ru, raws(b, &only_b, pred)),
            ]
            .into_iter()
            .filter(|(_, raw)| !raw.is_empty())
            .map(|(lang, raw)| format!("only in {}: {}", lang.name(), raw.join(", ")))
            .collect();
            let message = format!("{what} differ; {}.", sides.join("; "));
            builder.push(order, kind, kind.severity(), ids.to_vec(), message);
        }
        if kind == Kind::NumberMismatch {
            identifier_scripts(builder, order, ids, a, b);
        }
    }
}

/// The same identifier with its letter typed in the other script: 94-V and 94-В. Reported as
/// a number mismatch, but only as a warning: the reader sees the same identifier.
fn identifier_scripts(
    builder: &mut Builder<'_>,
    order: usize,
    ids: &[ClauseId],
    a: &[Anchor],
    b: &[Anchor],
) {
    let script = |s: &str| {
        if s.chars().any(crate::language::is_cyrillic) {
            "Cyrillic"
        } else {
            "Latin"
        }
    };
    for x in a.iter().filter(|x| x.kind == AnchorKind::Identifier) {
        if let Some(y) = b
            .iter()
            .find(|y| y.kind == AnchorKind::Identifier && y.key == x.key && y.raw != x.raw)
        {
            builder.push(
                order,
                Kind::NumberMismatch,
                Severity::Warning,
                ids.to_vec(),
                format!(
                    "identifier {} in Kazakh is {} in Russian: its letter is {} on one side and {} on the other.",
                    x.raw,
                    y.raw,
                    script(&x.raw),
                    script(&y.raw)
                ),
            );
        }
    }
}
