//! Length mismatches: a clause much shorter or longer than its counterpart, judged by the
//! document's own length model.

use crate::clause::{Clause, ClauseId};
use crate::document::Version;
use crate::kind::Kind;
use crate::length::LengthModel;
use crate::link::Link;

use super::builder::Builder;
use super::cuts::{self, PieceKind};
use super::wording::{label, quote};

/// Gale–Church deviations beyond this many standard deviations are reported.
const LENGTH_LIMIT: f64 = 4.0;
/// Clauses shorter than this (in characters, both sides) are not judged by length.
const LENGTH_MIN_CHARS: usize = 40;

/// The document's own length model, from its clauses that align with equal numbers: a
/// condensed translation is judged against itself, not against a close one.
pub(super) fn document_length_model(links: &[Link], kk: &Version, ru: &Version) -> LengthModel {
    let pairs: Vec<(usize, usize)> = links
        .iter()
        .filter_map(|link| match (link.kk(), link.ru()) {
            ([a], [b]) => Some((kk.clause(*a)?, ru.clause(*b)?)),
            _ => None,
        })
        .filter(|(a, b)| {
            a.number().is_some()
                && a.number().map(|n| n.components()) == b.number().map(|n| n.components())
        })
        .map(|(a, b)| (a.text().chars().count(), b.text().chars().count()))
        .collect();
    LengthModel::estimate(&pairs)
}

/// Reports the 1–1 link of `a` (Kazakh) and `b` (Russian) when their lengths deviate from
/// `model` by more than [`LENGTH_LIMIT`].
pub(super) fn length_mismatch(
    builder: &mut Builder<'_>,
    order: usize,
    ids: &[ClauseId],
    a: &Clause,
    b: &Clause,
    model: LengthModel,
) {
    let (la, lb) = (a.text().chars().count(), b.text().chars().count());
    if la.max(lb) < LENGTH_MIN_CHARS {
        return;
    }
    // A piece one side lacks is the more specific report of the same fact.
    let pieces = cuts::find(model, a.text(), b.text());
    if !pieces.is_empty() {
        for piece in pieces {
            let (has, lacks) = match piece.lang {
                crate::language::Lang::Kk => (a, b),
                crate::language::Lang::Ru => (b, a),
            };
            let (kind, what) = match piece.kind {
                PieceKind::Sentence => (Kind::MissingCounterpart, "a sentence"),
                PieceKind::ListMember => (Kind::LengthMismatch, "a list member"),
                PieceKind::Parenthetical => (Kind::LengthMismatch, "a parenthetical"),
            };
            builder.push(
                order,
                kind,
                kind.severity(),
                ids.to_vec(),
                format!(
                    "{} has {what} that {} lacks: {}",
                    label(has),
                    label(lacks),
                    quote(piece.text, 12)
                ),
            );
        }
        return;
    }
    let delta = model.delta(la, lb);
    if delta.abs() > LENGTH_LIMIT {
        let expected = (la as f64 * model.ratio).round();
        let (shorter, longer) = if delta < 0.0 { (b, a) } else { (a, b) };
        builder.push(
            order,
            Kind::LengthMismatch,
            Kind::LengthMismatch.severity(),
            ids.to_vec(),
            format!(
                "{} is {} characters, {} {} (about {expected} expected): {} may be cut short or {} padded.",
                label(b),
                lb,
                if delta < 0.0 { "much shorter than" } else { "much longer than" },
                label(a),
                label(shorter),
                label(longer)
            ),
        );
    }
}
