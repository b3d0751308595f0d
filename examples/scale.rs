//! Runs one large case once, for measuring time and peak memory from outside
//! (`/usr/bin/time -v`); see benches/README.md.
//!
//! ```text
//! cargo run --release --example scale -- align 100000
//! cargo run --release --example scale -- corpus 10000
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

use std::process::ExitCode;
use std::time::Instant;

use kzru_align::corpus::{CorpusOptions, analyze_documents};
use kzru_align::{Aligner, BilingualDocument, Lang};
use rayon::prelude::*;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(case), Some(Ok(n))) = (args.first(), args.get(1).map(|n| n.parse::<usize>())) else {
        eprintln!("error: usage: scale align|corpus N");
        return ExitCode::from(2);
    };
    match case.as_str() {
        "align" => {
            let doc = common::pair_document(n);
            let started = Instant::now();
            let alignment = Aligner::new().align(&doc);
            println!(
                "aligned {} × {} clauses in {:.3} s: {} links, {} divergences",
                common::clause_count(&doc, Lang::Kk),
                common::clause_count(&doc, Lang::Ru),
                started.elapsed().as_secs_f64(),
                alignment.links().len(),
                alignment.divergences().len()
            );
        }
        "corpus" => {
            let texts = common::synthetic_policies(n, 42);
            let started = Instant::now();
            let docs: Vec<(String, BilingualDocument)> = texts
                .into_par_iter()
                .map(|(name, text)| {
                    (
                        name.clone(),
                        BilingualDocument::from_text(name, text).unwrap(),
                    )
                })
                .collect();
            let parsed = started.elapsed();
            let analysis = analyze_documents(docs, &CorpusOptions::new());
            println!(
                "{n} policies: parsed in {:.2} s, analysed in {:.2} s; {} pairs measured, {} families, {} family diffs",
                parsed.as_secs_f64(),
                started.elapsed().as_secs_f64(),
                analysis.compared_pairs,
                analysis.families.len(),
                analysis
                    .families
                    .iter()
                    .map(|f| f.diffs.len())
                    .sum::<usize>()
            );
        }
        other => {
            eprintln!("error: unknown case {other}; expected align or corpus");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
