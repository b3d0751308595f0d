//! Aligns the Kazakh and Russian versions of a document and reports where they disagree.
//!
//! ```text
//! cargo run --example align -- corpus/mycar-myverify.txt
//! cargo run --example align -- kk.txt ru.txt --format json --out report.json
//! cargo run --example align -- corpus/kao-autocheck.txt --format tmx --out kao.tmx
//! cargo run --example align -- corpus/kao-autocheck.txt --format html --out kao.html
//! cargo run --example align -- corpus/kao-autocheck.txt --format csv --bom --out kao.csv
//! ```
//!
//! One file holds both versions; two files hold one version each, in either order (the
//! language of each is detected). Formats: `text` (a readable report), `json`
//! (`docs/align-json.md`), `tmx` (TMX 1.4b, `docs/tmx.md`), `html` (the document's page of
//! the corpus report, `docs/html.md`), `csv` (one row per divergence, `docs/csv.md`). Errors
//! are one line on stderr and a non-zero exit.

mod common;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use kzru_align::report::{
    AlignmentReport, DEFAULT_PAGE_LIMIT, TextOptions, write_html, write_html_pages, write_text,
    write_tmx,
};
#[cfg(feature = "csv")]
use kzru_align::report::{CsvOptions, DivergenceCsv};
use kzru_align::{Aligner, BilingualDocument};

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Tmx,
    Html,
    /// One row per divergence (needs the `csv` feature, on by default).
    #[cfg(feature = "csv")]
    Csv,
}

/// Align the Kazakh and Russian versions of a legal document and report their divergences.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The document (both versions), or one language version of it.
    file: PathBuf,
    /// The other language version, when the versions are separate files.
    other: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write to this file instead of standard output. For `html`, a page over 5 MB is cut
    /// into parts beside it (`NAME.2.html`, …); on standard output it stays one page.
    #[arg(long)]
    out: Option<PathBuf>,
    /// With `--format csv`: start with a UTF-8 byte order mark, for Excel.
    #[arg(long)]
    // Read only by the CSV writer, which needs the `csv` feature.
    #[cfg_attr(not(feature = "csv"), allow(dead_code))]
    bom: bool,
}

fn main() -> ExitCode {
    let args: Args = match common::parse_args() {
        Ok(args) => args,
        Err(code) => return code,
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let doc = match &args.other {
        Some(other) => BilingualDocument::from_paths(&args.file, other),
        None => BilingualDocument::from_path(&args.file),
    }
    .map_err(|e| e.to_string())?;
    let alignment = Aligner::new().align(&doc);
    if let (Format::Html, Some(path)) = (args.format, &args.out) {
        let pages =
            write_html_pages(&alignment, path, DEFAULT_PAGE_LIMIT).map_err(|e| e.to_string())?;
        if pages.len() > 1 {
            eprintln!(
                "{} pages: {} … {}",
                pages.len(),
                pages[0].display(),
                pages[pages.len() - 1].display()
            );
        }
        return Ok(());
    }
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => {
            Box::new(BufWriter::new(File::create(path).map_err(|e| {
                format!("{}: cannot create: {e}", path.display())
            })?))
        }
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let written = match args.format {
        Format::Text => write_text(&alignment, TextOptions::default(), &mut out),
        Format::Json => serde_json::to_writer_pretty(&mut out, &AlignmentReport::new(&alignment))
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Tmx => write_tmx(&alignment, &mut out),
        Format::Html => write_html(&alignment, &mut out),
        #[cfg(feature = "csv")]
        Format::Csv => {
            let name: Vec<&str> = doc.sources().iter().map(|s| s.name()).collect();
            DivergenceCsv::new(&mut out, CsvOptions::new().bom(args.bom)).and_then(|mut csv| {
                csv.write_document(&name.join(" + "), &alignment)?;
                csv.finish().map(drop)
            })
        }
    };
    match written.and_then(|()| out.flush()) {
        // The reader stopped early (`| head`): nothing is wrong.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| format!("cannot write the report: {e}")),
    }
}
