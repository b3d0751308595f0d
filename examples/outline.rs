//! Prints each language version's clause tree and the findings of a document.
//!
//! ```text
//! cargo run --example outline -- corpus/mycar-myverify.txt
//! cargo run --example outline -- kk.txt ru.txt --json
//! ```
//!
//! With one file, the file holds both versions (or one); with two, one version each, in either
//! order. `--json` prints the document model as JSON (schema in `docs/outline-json.md`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use kzru_align::{BilingualDocument, Clause};

/// Print the clause tree and findings of a Kazakh/Russian document.
#[derive(Parser)]
#[command(version, about)]
struct Args {
    /// The document (both versions), or its first language version.
    file: PathBuf,
    /// The other language version, when the versions are separate files.
    other: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let doc = match &args.other {
        Some(other) => BilingualDocument::from_paths(&args.file, other),
        None => BilingualDocument::from_path(&args.file),
    };
    let doc = match doc {
        Ok(doc) => doc,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    if args.json {
        match serde_json::to_string_pretty(&doc) {
            Ok(json) => println!("{json}"),
            Err(err) => {
                eprintln!("error: cannot write JSON: {err}");
                return ExitCode::FAILURE;
            }
        }
        return ExitCode::SUCCESS;
    }
    for version in doc.versions() {
        let source = doc.source(version.source()).map_or("?", |s| s.name());
        println!(
            "== {} ({}) — {source}, lines {}–{}, {} clauses",
            version.lang().name(),
            version.lang(),
            version.line(),
            version.end_line(),
            version.clauses().len()
        );
        for clause in version.clauses() {
            print_clause(clause);
        }
        println!();
    }
    let findings: Vec<_> = doc.all_findings().collect();
    println!("== Findings ({})", findings.len());
    for finding in findings {
        println!("{finding}");
    }
    ExitCode::SUCCESS
}

fn print_clause(clause: &Clause) {
    let number = clause.number().map_or("", |n| n.as_str());
    let marker = clause.marker().map(|m| format!("{m} ")).unwrap_or_default();
    let words: String = clause
        .heading()
        .unwrap_or(clause.text())
        .chars()
        .take(70)
        .collect();
    println!(
        "{:>5}  {}{marker}{number:<8} {:<9} {words}",
        clause.line(),
        "  ".repeat(clause.depth()),
        clause.kind().name(),
    );
}
