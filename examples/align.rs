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
    AlignedDocument, AlignmentReport, DEFAULT_PAGE_LIMIT, NamedReport, PackReport, TextOptions,
    write_html, write_html_pages, write_text, write_tmx, write_tmx_pack,
};
#[cfg(feature = "csv")]
use kzru_align::report::{CsvOptions, DivergenceCsv};
use kzru_align::{Aligner, Alignment, BilingualDocument, Pack};

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
    match &args.other {
        Some(other) => {
            let doc =
                BilingualDocument::from_paths(&args.file, other).map_err(|e| e.to_string())?;
            write_document(args, &doc)
        }
        None => {
            let pack = Pack::from_path(&args.file).map_err(|e| e.to_string())?;
            match pack.documents() {
                [doc] => write_document(args, doc),
                _ => write_pack(args, &pack),
            }
        }
    }
}

/// Where the report goes: the `--out` file or standard output.
fn output(args: &Args) -> Result<Box<dyn Write>, String> {
    Ok(match &args.out {
        Some(path) => {
            Box::new(BufWriter::new(File::create(path).map_err(|e| {
                format!("{}: cannot create: {e}", path.display())
            })?))
        }
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// The end of a run that wrote its report.
fn finished(written: io::Result<()>, out: &mut dyn Write) -> Result<(), String> {
    match written.and_then(|()| out.flush()) {
        // The reader stopped early (`| head`): nothing is wrong.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| format!("cannot write the report: {e}")),
    }
}

/// Writes the report of a file holding several documents (`docs/align-json.md`, "Packs"):
/// each document in turn under its name, `file.txt#2`.
fn write_pack(args: &Args, pack: &Pack) -> Result<(), String> {
    let aligner = Aligner::new();
    let alignments: Vec<Alignment> = pack.documents().iter().map(|d| aligner.align(d)).collect();
    let names: Vec<String> = (0..alignments.len()).map(|i| pack.name(i)).collect();
    if let Format::Html = args.format {
        // One page per document, beside the `--out` file: nothing goes to `out`.
        return write_pack_pages(args, pack, &alignments, &names);
    }
    let mut out = output(args)?;
    let written = match args.format {
        Format::Text => {
            alignments
                .iter()
                .zip(&names)
                .enumerate()
                .try_for_each(|(i, (alignment, name))| {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    writeln!(out, "# document {} of {}: {name}", i + 1, alignments.len())?;
                    write_text(alignment, TextOptions::default(), &mut out)
                })
        }
        Format::Json => {
            let report = PackReport {
                source: pack.source_name(),
                blocks: pack.blocks(),
                documents: alignments
                    .iter()
                    .zip(&names)
                    .map(|(alignment, name)| NamedReport {
                        name: name.clone(),
                        report: AlignmentReport::new(alignment),
                    })
                    .collect(),
            };
            serde_json::to_writer_pretty(&mut out, &report)
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out))
        }
        Format::Tmx => {
            let documents: Vec<(&str, AlignedDocument)> = names
                .iter()
                .zip(&alignments)
                .map(|(name, alignment)| (name.as_str(), alignment.into()))
                .collect();
            write_tmx_pack(&documents, &mut out)
        }
        // Written above, page by page.
        Format::Html => Ok(()),
        #[cfg(feature = "csv")]
        Format::Csv => {
            DivergenceCsv::new(&mut out, CsvOptions::new().bom(args.bom)).and_then(|mut csv| {
                for (name, alignment) in names.iter().zip(&alignments) {
                    csv.write_document(name, alignment)?;
                }
                csv.finish().map(drop)
            })
        }
    };
    finished(written, &mut out)
}

/// Writes one HTML page (or its parts) per document of a pack: `FILE-1.html`, `FILE-2.html`, …
/// beside the `--out` file.
fn write_pack_pages(
    args: &Args,
    pack: &Pack,
    alignments: &[Alignment],
    names: &[String],
) -> Result<(), String> {
    let Some(path) = &args.out else {
        return Err(format!(
            "{} holds {} documents: give --out FILE.html, and each is written to FILE-1.html, FILE-2.html, …",
            pack.source_name(),
            alignments.len()
        ));
    };
    for (i, alignment) in alignments.iter().enumerate() {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let extension = path
            .extension()
            .map_or("html".into(), |e| e.to_string_lossy());
        let page = path.with_file_name(format!("{stem}-{}.{extension}", i + 1));
        write_html_pages(alignment, &page, DEFAULT_PAGE_LIMIT).map_err(|e| e.to_string())?;
        eprintln!("{}: {}", names[i], page.display());
    }
    Ok(())
}

/// Writes the report of one document.
fn write_document(args: &Args, doc: &BilingualDocument) -> Result<(), String> {
    let alignment = Aligner::new().align(doc);
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
    let mut out = output(args)?;
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
    finished(written, &mut out)
}
