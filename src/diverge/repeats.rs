//! Repeated text: the same clause written twice in one version.

use std::collections::HashMap;

use crate::clause::{Clause, ClauseId};
use crate::document::Version;
use crate::kind::Kind;
use crate::normalize::fold_case;

use super::builder::Builder;
use super::order::LinkOrder;
use super::wording::{label, quote};

/// Siblings with the same text: a list item or clause written twice.
pub(super) fn repeated_text(builder: &mut Builder<'_>, version: &Version, order: &LinkOrder) {
    // Equal texts have equal lengths (case folding keeps the length of Cyrillic and Latin
    // letters), so only clauses that share a parent and a length are compared.
    let mut buckets: HashMap<(Option<ClauseId>, usize), Vec<&Clause>> = HashMap::new();
    for clause in version
        .clauses()
        .iter()
        .filter(|c| c.text().chars().nth(14).is_some())
    {
        buckets
            .entry((clause.parent(), clause.text().len()))
            .or_default()
            .push(clause);
    }
    let mut groups: Vec<Vec<&Clause>> = buckets.into_values().filter(|b| b.len() > 1).collect();
    groups.sort_by_key(|g| g[0].id());
    for group in groups {
        let mut seen: HashMap<String, ClauseId> = HashMap::new();
        for clause in group {
            let key = fold_case(clause.text());
            match seen.get(&key) {
                Some(&first) => {
                    let first_line = version.clause(first).map_or(0, Clause::line);
                    builder.push(
                        order.of(&[clause.id()]),
                        Kind::RepeatedText,
                        Kind::RepeatedText.severity(),
                        vec![clause.id(), first],
                        format!(
                            "{} repeats line {first_line} word for word: {}",
                            label(clause),
                            quote(clause.text(), 10)
                        ),
                    );
                }
                None => {
                    seen.insert(key, clause.id());
                }
            }
        }
    }
}
