//! Prints each language version's clause tree and the findings of a document.
//!
//! ```text
//! cargo run --example outline -- corpus/mycar-myverify.txt
//! cargo run --example outline -- kk.txt ru.txt --json
//! ```
//!
//! With one file, the file holds both versions (or one); with two, one version each, in either
//! order. `--json` prints the document model as JSON (schema in `docs/outline-json.md`).

mod common;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use kzru_align::{BilingualDocument, Clause};

/// Print the clause tree and findings of a Kazakh/Russian document.
#[derive(Parser)]
#[command(version)]
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
    let args: Args = match common::parse_args() {
        Ok(args) => args,
        Err(code) => return code,
    };
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
    let mut out = BufWriter::new(io::stdout().lock());
    let written = if args.json {
        serde_json::to_writer_pretty(&mut out, &doc)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        write_outline(&doc, &mut out)
    };
    common::finish(written.and_then(|()| out.flush()), "the outline")
}

fn write_outline(doc: &BilingualDocument, out: &mut impl Write) -> io::Result<()> {
    for version in doc.versions() {
        let source = doc.source(version.source()).map_or("?", |s| s.name());
        writeln!(
            out,
            "== {} ({}) — {source}, lines {}–{}, {} clauses",
            version.lang().name(),
            version.lang(),
            version.line(),
            version.end_line(),
            version.clauses().len()
        )?;
        for clause in version.clauses() {
            write_clause(clause, out)?;
        }
        writeln!(out)?;
    }
    let findings: Vec<_> = doc.all_findings().collect();
    writeln!(out, "== Findings ({})", findings.len())?;
    for finding in findings {
        writeln!(out, "{finding}")?;
    }
    Ok(())
}

fn write_clause(clause: &Clause, out: &mut impl Write) -> io::Result<()> {
    let number = clause.number().map_or("", |n| n.as_str());
    let marker = clause.marker().map(|m| format!("{m} ")).unwrap_or_default();
    let words: String = clause
        .heading()
        .unwrap_or(clause.text())
        .chars()
        .take(70)
        .collect();
    writeln!(
        out,
        "{:>5}  {}{marker}{number:<8} {:<9} {words}",
        clause.line(),
        "  ".repeat(clause.depth()),
        clause.kind().name(),
    )
}
