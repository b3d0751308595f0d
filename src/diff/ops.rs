//! The edit script: the operations of a diff in A's order, each of B's additions after the
//! operation of the nearest matched clause before it, and the overall shares of text they
//! add up to.

use std::collections::BTreeMap;

use super::inline::{inline_diff, words_equal};
use super::matching::{Matches, Unit};
use super::model::{ClauseRef, DiffOp, OpKind};
use super::topics::topics_of;
use crate::Lang;

/// The operations for matched clauses `matches` of A (`ua`) and B (`ub`), in A's order;
/// `in_order` tells which clauses of A kept their place.
pub(super) fn edit_script(
    ua: &[Unit<'_>],
    ub: &[Unit<'_>],
    matches: &Matches,
    in_order: &[bool],
    lang: Lang,
) -> Vec<DiffOp> {
    let added_after = additions_by_predecessor(&matches.b);
    let push_added = |ops: &mut Vec<DiffOp>, key: Option<usize>| {
        for &j in added_after.get(&key).into_iter().flatten() {
            ops.push(added_op(&ub[j], lang));
        }
    };
    let mut ops: Vec<DiffOp> = Vec::new();
    push_added(&mut ops, None);
    // Additions follow the clauses removed at the same place, as in any diff: they are
    // written when the next matched clause (or the end) is reached.
    let mut pending: Option<usize> = None;
    for (i, x) in ua.iter().enumerate() {
        if matches.a[i].is_some()
            && let Some(p) = pending.take()
        {
            push_added(&mut ops, Some(p));
        }
        match matches.a[i] {
            None => ops.push(removed_op(x, lang)),
            Some((j, similarity)) => {
                ops.push(matched_op(x, &ub[j], similarity, in_order[i], lang));
            }
        }
        if matches.a[i].is_some() {
            pending = Some(i);
        }
    }
    if let Some(p) = pending {
        push_added(&mut ops, Some(p));
    }
    ops
}

/// B's unmatched clauses, keyed by the clause of A matched to the nearest matched clause of B
/// before them (`None` for those before the first match).
fn additions_by_predecessor(match_b: &[Option<usize>]) -> BTreeMap<Option<usize>, Vec<usize>> {
    let mut added_after: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    let mut last_matched_a: Option<usize> = None;
    for (j, m) in match_b.iter().enumerate() {
        match m {
            Some(i) => last_matched_a = Some(*i),
            None => added_after.entry(last_matched_a).or_default().push(j),
        }
    }
    added_after
}

/// A clause as the diff shows it.
fn clause_ref(u: &Unit<'_>) -> ClauseRef {
    ClauseRef {
        id: u.clause.id(),
        number: u.clause.number().map(|n| n.as_str().to_owned()),
        line: u.clause.line(),
        text: u.clause.text().to_owned(),
    }
}

/// The operation for a clause only in B.
fn added_op(y: &Unit<'_>, lang: Lang) -> DiffOp {
    DiffOp {
        kind: OpKind::Added,
        a: None,
        b: Some(clause_ref(y)),
        similarity: 0.0,
        inline: Vec::new(),
        topics: topics_of(&y.lower, lang),
    }
}

/// The operation for a clause only in A.
fn removed_op(x: &Unit<'_>, lang: Lang) -> DiffOp {
    DiffOp {
        kind: OpKind::Removed,
        a: Some(clause_ref(x)),
        b: None,
        similarity: 0.0,
        inline: Vec::new(),
        topics: topics_of(&x.lower, lang),
    }
}

/// The operation for a clause of A matched to one of B with `similarity`: moved when it left
/// the order of the others, else equal or changed, with the word diff of a changed text.
fn matched_op(x: &Unit<'_>, y: &Unit<'_>, similarity: f32, in_order: bool, lang: Lang) -> DiffOp {
    let same = words_equal(&x.lower, &y.lower);
    let kind = if !in_order {
        OpKind::Moved
    } else if same {
        OpKind::Equal
    } else {
        OpKind::Changed
    };
    let inline = if same {
        Vec::new()
    } else {
        inline_diff(x.clause.text(), y.clause.text())
    };
    let mut topics = topics_of(&x.lower, lang);
    topics.extend(topics_of(&y.lower, lang));
    topics.sort_unstable();
    topics.dedup();
    DiffOp {
        kind,
        a: Some(clause_ref(x)),
        b: Some(clause_ref(y)),
        similarity: if same {
            1.0
        } else {
            (similarity * 1000.0).round() / 1000.0
        },
        inline,
        topics,
    }
}

/// The overall similarity (matched text weighted by its similarity) and the shared template
/// (matched text that is the same word for word), each as a share of `total_chars`, the
/// characters of both policies, rounded to three decimals.
pub(super) fn text_shares(ops: &[DiffOp], total_chars: usize) -> (f32, f32) {
    let (mut matched, mut shared) = (0.0f32, 0usize);
    for op in ops {
        if let (Some(x), Some(y)) = (&op.a, &op.b) {
            let weight = (x.text.chars().count() + y.text.chars().count()) as f32;
            matched += op.similarity * weight;
            if op.inline.is_empty() {
                shared += weight as usize;
            }
        }
    }
    let ratio = |part: f32| {
        if total_chars == 0 {
            0.0
        } else {
            ((part / total_chars as f32) * 1000.0).round() / 1000.0
        }
    };
    (ratio(matched), ratio(shared as f32))
}
