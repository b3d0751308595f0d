//! Meaning mismatches: the 1–1 links of clauses compared concept by concept by
//! [`crate::meaning`], each difference reported with its sub-kind and its words.

use crate::clause::Clause;
use crate::document::{BilingualDocument, Version};
use crate::kind::Kind;
use crate::language::ByLang;
use crate::link::Link;
use crate::meaning::{self, Side};

use super::builder::Builder;

/// Reports the meaning mismatches of the 1–1 links.
pub(super) fn meaning_mismatches(
    builder: &mut Builder<'_>,
    links: &[Link],
    kk: &Version,
    ru: &Version,
) {
    let doc = builder.doc();
    let mut orders = Vec::new();
    let mut pairs = Vec::new();
    for (order, link) in links.iter().enumerate() {
        if let ([a], [b]) = (link.kk(), link.ru()) {
            if let (Some(a), Some(b)) = (kk.clause(*a), ru.clause(*b)) {
                orders.push((order, [a.id(), b.id()]));
                pairs.push(ByLang {
                    kk: side(doc, a),
                    ru: side(doc, b),
                });
            }
        }
    }
    for (i, mismatch) in meaning::mismatches(&pairs) {
        let (order, ids) = orders[i];
        let severity = mismatch.sub_kind().severity();
        let message = meaning::message(&mismatch);
        builder
            .push(
                order,
                Kind::MeaningMismatch,
                severity,
                ids.to_vec(),
                message,
            )
            .set_meaning(mismatch);
    }
}

fn side<'a>(doc: &'a BilingualDocument, clause: &'a Clause) -> Side<'a> {
    Side {
        clause,
        original: doc.original_text(clause),
    }
}
