//! Divergences: every place where the Kazakh and the Russian versions disagree.
//!
//! This module holds the entry point, [`find`], which runs the families of checks in a fixed
//! order and sorts what they report by the place in the alignment. Its children hold the
//! public model (`divergence`: [`Divergence`], [`Lines`]), how divergences are collected
//! (`builder`, `order`, `wording`) and one family of checks each:
//!
//! - `findings`: what reading and segmenting each version found, reported as divergences;
//! - `counterparts`: runs of clauses with no counterpart in the other version;
//! - `numbering`: clauses numbered differently, one report per run with the same shift;
//! - per link, `values` (numbers, contacts and
//!   Latin-script names) and `length` (a length far from the document's own model, or a
//!   sentence, list member or parenthetical that one version lacks, found by `cuts`);
//! - `lists`: lists with different numbers of items;
//! - `meaning`: what 1–1 links say differently in words (parties, modality, negation,
//!   exceptions, units, quantities), from the concepts of [`crate::meaning`];
//! - `fragments`: text of the other language inside a version;
//! - `repeats`: the same text written twice.

mod builder;
mod counterparts;
mod cuts;
mod divergence;
mod findings;
mod fragments;
mod length;
mod lists;
mod meaning;
mod numbering;
mod order;
mod repeats;
mod values;
mod wording;

pub use divergence::{Divergence, Lines};

use rayon::prelude::*;

use crate::anchors::Anchor;
use crate::clause::{Clause, ClauseId};
use crate::document::{BilingualDocument, Version};
use crate::language::{ByLang, Lang};
use crate::length::LengthModel;
use crate::link::Link;
use builder::Builder;
use order::LinkOrder;

/// Finds every divergence of an aligned document; `anchors` holds each clause's anchors when
/// the aligner extracted them already.
pub(crate) fn find(
    doc: &BilingualDocument,
    links: &[Link],
    anchors: Option<&ByLang<Vec<Vec<Anchor>>>>,
) -> Vec<Divergence> {
    let mut builder = Builder::new(doc);
    let order = LinkOrder::new(links);
    findings::findings(&mut builder, doc, &order);
    if let (Some(kk), Some(ru)) = (doc.version(Lang::Kk), doc.version(Lang::Ru)) {
        counterparts::missing_counterparts(&mut builder, links, doc);
        numbering::numbering_mismatches(&mut builder, links, kk, ru);
        let model = length::document_length_model(links, kk, ru);
        // Each link and each clause is judged on its own: in parallel, each task with its own
        // builder; the final sort makes the order independent of the threads.
        let compared: Vec<Builder<'_>> = links
            .par_iter()
            .enumerate()
            .filter(|(_, link)| !link.is_unmatched())
            .map(|(order, link)| {
                let mut local = Builder::new(doc);
                compare_link(&mut local, order, link, kk, ru, model, anchors);
                local
            })
            .collect();
        for local in compared {
            builder.extend(local);
        }
        lists::item_counts(&mut builder, links, kk, ru);
        meaning::meaning_mismatches(&mut builder, links, kk, ru);
        for version in [kk, ru] {
            let fragments: Vec<Builder<'_>> = version
                .clauses()
                .par_iter()
                .map(|clause| {
                    let mut local = Builder::new(doc);
                    fragments::untranslated_fragments(&mut local, version, clause, &order);
                    local
                })
                .collect();
            for local in fragments {
                builder.extend(local);
            }
            fragments::foreign_legal_forms(&mut builder, version, &order);
        }
    }
    for version in doc.versions() {
        repeats::repeated_text(&mut builder, version, &order);
    }
    builder.finish()
}

/// The checks of one link with clauses on both sides: values, and (for a 1–1 link) length.
fn compare_link(
    builder: &mut Builder<'_>,
    order: usize,
    link: &Link,
    kk: &Version,
    ru: &Version,
    model: LengthModel,
    known: Option<&ByLang<Vec<Vec<Anchor>>>>,
) {
    let a: Vec<&Clause> = link.kk().iter().filter_map(|&id| kk.clause(id)).collect();
    let b: Vec<&Clause> = link.ru().iter().filter_map(|&id| ru.clause(id)).collect();
    let ids: Vec<ClauseId> = link.kk().iter().chain(link.ru()).copied().collect();
    let (Some(&first_a), Some(&first_b)) = (a.first(), b.first()) else {
        return;
    };
    let anchors_a = values::anchors_of(&a, known);
    let anchors_b = values::anchors_of(&b, known);
    values::compare_anchors(builder, order, &ids, &anchors_a, &anchors_b);
    if a.len() == 1 && b.len() == 1 {
        length::length_mismatch(builder, order, &ids, first_a, first_b, model);
    }
}
