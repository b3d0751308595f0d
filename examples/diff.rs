//! Compares the policies of two companies clause by clause.
//!
//! ```text
//! cargo run --example diff -- corpus/mycar-myverify.txt corpus/kao-autocheck.txt --lang ru
//! cargo run --example diff -- A.txt B.txt --format json
//! ```
//!
//! `text` is a coloured diff in the terminal (plain when the output is not a terminal or
//! `NO_COLOR` is set); `json` is the `PolicyDiff` (`docs/corpus-report.md`); `html` is a
//! self-contained page. Without `--lang`, every language both policies have is compared.

mod common;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use clap::{Parser, ValueEnum};
use kzru_align::report::write_diff_html;
use kzru_align::{BilingualDocument, Differ, InlineTag, Lang, OpKind, PolicyDiff};

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Kk,
    Ru,
}

/// Compare two companies' policies clause by clause.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Policy A.
    a: PathBuf,
    /// Policy B.
    b: PathBuf,
    /// Compare only this language.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

fn main() -> ExitCode {
    let args: Args = match common::parse_args() {
        Ok(args) => args,
        Err(code) => return code,
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> io::Result<()> {
    let load =
        |p: &PathBuf| BilingualDocument::from_path(p).map_err(|e| io::Error::other(e.to_string()));
    let (a, b) = (load(&args.a)?, load(&args.b)?);
    let langs: Vec<Lang> = match args.lang {
        Some(LangArg::Kk) => vec![Lang::Kk],
        Some(LangArg::Ru) => vec![Lang::Ru],
        None => Lang::ALL.to_vec(),
    };
    let diffs: Vec<PolicyDiff> = langs
        .iter()
        .filter_map(|&l| Differ::new().compare(&a, &b, l))
        .collect();
    if diffs.is_empty() {
        return Err(io::Error::other(
            "the two policies have no language version in common",
        ));
    }
    let mut out = anstream::stdout().lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &diffs).map_err(io::Error::from)?;
            writeln!(out)
        }
        Format::Html => write_diff_html(&diffs, &mut out),
        Format::Text => diffs.iter().try_for_each(|d| text(d, &mut out)),
    }
}

fn text(diff: &PolicyDiff, out: &mut impl Write) -> io::Result<()> {
    let bold = Style::new().bold();
    let red = AnsiColor::Red.on_default();
    let green = AnsiColor::Green.on_default();
    let dim = Style::new().dimmed();
    writeln!(
        out,
        "{bold}{} ↔ {} ({}){bold:#}: similarity {:.2}, shared template text {:.0}%",
        diff.a,
        diff.b,
        diff.lang,
        diff.similarity,
        diff.shared * 100.0
    )?;
    if !diff.identity_a.is_empty() || !diff.identity_b.is_empty() {
        writeln!(
            out,
            "filled in: {red}{}{red:#} → {green}{}{green:#}",
            diff.identity_a.join(", "),
            diff.identity_b.join(", ")
        )?;
    }
    for t in &diff.topics {
        writeln!(
            out,
            "  {:<20} {} changed, {} added, {} removed",
            t.label, t.changed, t.added, t.removed,
        )?;
        // Each value a side alone states, in the words around it.
        for (side, values) in [("A", &t.only_a), ("B", &t.only_b)] {
            for v in values {
                writeln!(
                    out,
                    "      {side}: {} (line {}) «{}»",
                    v.value, v.line, v.context
                )?;
            }
        }
    }
    writeln!(out)?;
    for op in &diff.ops {
        let side = |c: &Option<kzru_align::ClauseRef>| {
            c.as_ref().map_or_else(
                || "—".to_owned(),
                |c| format!("{}:{}", c.number.as_deref().unwrap_or("¶"), c.line),
            )
        };
        let head = format!(
            "{:<8} A {:<12} B {:<12}",
            op.kind.name(),
            side(&op.a),
            side(&op.b)
        );
        match op.kind {
            OpKind::Equal => writeln!(out, "{dim}{head}{dim:#}")?,
            OpKind::Added => writeln!(
                out,
                "{green}{head} + {}{green:#}",
                op.b.as_ref().map_or("", |c| &c.text)
            )?,
            OpKind::Removed => writeln!(
                out,
                "{red}{head} - {}{red:#}",
                op.a.as_ref().map_or("", |c| &c.text)
            )?,
            OpKind::Changed | OpKind::Moved => {
                write!(out, "{bold}{head}{bold:#} ")?;
                for piece in &op.inline {
                    match piece.tag {
                        InlineTag::Equal => write!(out, "{}", piece.text)?,
                        InlineTag::Delete => write!(out, "{red}[-{}-]{red:#}", piece.text)?,
                        InlineTag::Insert => write!(out, "{green}{{+{}+}}{green:#}", piece.text)?,
                    }
                }
                writeln!(out)?;
            }
            _ => writeln!(out, "{head}")?,
        }
    }
    writeln!(out)
}
