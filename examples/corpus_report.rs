//! The main job: analyse a folder of Kazakh/Russian documents and write the corpus report.
//!
//! ```text
//! cargo run --release --example corpus_report              # corpus/ → target/report/
//! cargo run --release --example corpus_report -- DIR --out OUT
//! ```
//!
//! Every document is processed in parallel (split into versions, segmented, aligned, its
//! divergences found); the policies are compared per language and grouped into template
//! families. Prints a summary table; writes `index.html` and a page per document and per
//! template family (self-contained, none over 5 MB), `report.json` (`docs/corpus-report.md`),
//! `divergences.csv` (`docs/csv.md`) and one TMX file per bilingual document, each atomically.
//! Word files are read with their automatic numbering (`docs/readers.md`).
//! Files that cannot be read are skipped with a warning and listed in the report.

mod common;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use kzru_align::corpus::{CorpusOptions, analyze_inputs, inputs_of_dir};
use kzru_align::report::CorpusReport;
use kzru_align::{Lang, Severity};

/// Analyse a folder of Kazakh/Russian documents and write the corpus report.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The folder of documents (`.txt`, `.md`, `.docx`, `.pdf`, `.html`, read by their
    /// content; pairs named `x-kk.txt`, `x-ru.txt` or `x.kk.docx`, `x.ru.docx`).
    #[arg(default_value = "corpus")]
    dir: PathBuf,
    /// Where to write the report.
    #[arg(long, default_value = "target/report")]
    out: PathBuf,
    /// Start `divergences.csv` with a UTF-8 byte order mark, for Excel.
    #[arg(long)]
    csv_bom: bool,
}

fn main() -> ExitCode {
    let args: Args = match common::parse_args() {
        Ok(args) => args,
        Err(code) => return code,
    };
    let started = Instant::now();
    let inputs = match inputs_of_dir(&args.dir) {
        Ok(inputs) => inputs,
        Err(err) => {
            eprintln!(
                "error: {}: cannot list the folder: {err}",
                args.dir.display()
            );
            return ExitCode::FAILURE;
        }
    };
    if inputs.is_empty() {
        eprintln!(
            "error: {}: no documents to analyse (.txt, .md, .docx, .pdf or .html files)",
            args.dir.display()
        );
        return ExitCode::FAILURE;
    }
    // A progress bar for long runs; indicatif draws nothing when stderr is not a terminal.
    let bar = if inputs.len() >= 20 {
        ProgressBar::new(inputs.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let analysis = analyze_inputs(&inputs, &CorpusOptions::new(), &|_| bar.inc(1));
    bar.finish_and_clear();
    for skipped in &analysis.skipped {
        eprintln!("warning: skipped {}", skipped.error);
    }
    let files = match CorpusReport::new()
        .csv_bom(args.csv_bom)
        .write(&analysis, &args.out)
    {
        Ok(files) => files,
        Err(err) => {
            // The error names the folder or file that could not be written.
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };

    println!(
        "{:<44} {:>9} {:>9} {:>7} {:>8} {:>6}",
        "document", "kk", "ru", "errors", "warnings", "info"
    );
    for d in &analysis.documents {
        let clauses = |lang| {
            d.doc
                .version(lang)
                .map_or_else(|| "—".to_owned(), |v| format!("{} cl.", v.clauses().len()))
        };
        let count = |s| d.divergences.iter().filter(|x| x.severity() == s).count();
        let name: String = d
            .name
            .chars()
            .rev()
            .take(44)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        println!(
            "{name:<44} {:>9} {:>9} {:>7} {:>8} {:>6}",
            clauses(Lang::Kk),
            clauses(Lang::Ru),
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info)
        );
    }
    let mut pairs = analysis.similarities.clone();
    pairs.sort_by(|a, b| b.similarity.total_cmp(&a.similarity));
    println!();
    println!("Most similar pairs:");
    for p in pairs.iter().take(5) {
        println!(
            "  {:.2} ({}) {} ~ {}",
            p.similarity, p.lang, analysis.documents[p.a].name, analysis.documents[p.b].name
        );
    }
    println!();
    println!("Template families: {}", analysis.families.len());
    for (i, family) in analysis.families.iter().enumerate() {
        let names: Vec<&str> = family
            .members
            .iter()
            .map(|&m| analysis.documents[m].name.as_str())
            .collect();
        println!("  {}. {}", i + 1, names.join(", "));
        for diff in &family.diffs {
            println!(
                "     {}: similarity {:.2}, shared text {:.0}%",
                diff.lang,
                diff.similarity,
                diff.shared * 100.0
            );
        }
    }
    if !analysis.skipped.is_empty() {
        println!();
        println!("Skipped: {}", analysis.skipped.len());
    }
    println!();
    println!(
        "Report: {} ({} documents in {:.0} ms)",
        files.html.display(),
        analysis.documents.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    ExitCode::SUCCESS
}
