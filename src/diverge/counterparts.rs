//! Missing counterparts: clauses of one version that the other version does not have.

use crate::clause::Clause;
use crate::document::BilingualDocument;
use crate::kind::{Kind, Severity};
use crate::language::Lang;
use crate::link::Link;

use super::builder::Builder;
use super::wording::{label, quote};

/// Runs of consecutive unmatched clauses of one language become one divergence each.
pub(super) fn missing_counterparts(
    builder: &mut Builder<'_>,
    links: &[Link],
    doc: &BilingualDocument,
) {
    let mut index = 0;
    while index < links.len() {
        let link = &links[index];
        if !link.is_unmatched() {
            index += 1;
            continue;
        }
        let lang = if link.kk().is_empty() {
            Lang::Ru
        } else {
            Lang::Kk
        };
        let start = index;
        let mut ids = Vec::new();
        while index < links.len()
            && links[index].is_unmatched()
            && !links[index].side(lang).is_empty()
        {
            ids.extend_from_slice(links[index].side(lang));
            index += 1;
        }
        let clauses: Vec<&Clause> = ids.iter().filter_map(|&id| doc.clause(id)).collect();
        let substantial = clauses
            .iter()
            .any(|c| c.is_numbered() || c.text().chars().count() >= 60);
        let severity = if substantial {
            Severity::Error
        } else {
            Severity::Warning
        };
        let Some(first) = clauses.first() else {
            continue;
        };
        let message = if clauses.len() == 1 {
            format!(
                "{} has no {} counterpart: {}",
                label(first),
                lang.other().name(),
                quote(first.text(), 12)
            )
        } else {
            format!(
                "{} clauses from {} on have no {} counterpart, starting {}",
                clauses.len(),
                label(first),
                lang.other().name(),
                quote(first.text(), 12)
            )
        };
        builder.push(start, Kind::MissingCounterpart, severity, ids, message);
    }
}
