//! Scores the crate against hand-made labels: how many clauses align as the labels say, how
//! many reports are true, how many labelled differences are found.
//!
//! ```text
//! cargo run --release --example evaluate -- ../shared/devset \
//!     ../shared/devset/gold/alignment.json ../shared/devset/gold/divergences.json
//! cargo run --release --example evaluate -- DIR ALIGNMENT DIVERGENCES --format json
//! ```
//!
//! `DIR` holds the pairs as `NAME.kk.txt` and `NAME.ru.txt`; the label files and the scoring
//! rules are described in the `kzru_align::evaluation` module docs. The text output gives per
//! pair the alignment and the reports judged true, duplicate or false; per kind the reports and
//! the labelled differences found; every false alarm and every miss; and last the summary line
//! in the words of the reference scorer (`gold/score.py`), which prints the same figures.

mod common;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use kzru_align::Aligner;
use kzru_align::evaluation::{Evaluation, Gold, evaluate};

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Score alignment and divergence reports against hand-made labels.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The folder of pairs (`NAME.kk.txt`, `NAME.ru.txt`).
    dir: PathBuf,
    /// The gold alignment (`{NAME: {"links": [[kk_line, ru_line], …]}}`).
    alignment: PathBuf,
    /// The gold divergences (`[{"doc", "id", "kinds", "where"}, …]`).
    divergences: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

fn main() -> ExitCode {
    let args: Args = match common::parse_args() {
        Ok(args) => args,
        Err(code) => return code,
    };
    let gold = match Gold::from_paths(&args.alignment, &args.divergences) {
        Ok(gold) => gold,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    let evaluation = evaluate(&args.dir, &gold, &Aligner::new());
    let mut out = BufWriter::new(io::stdout().lock());
    let written = match args.format {
        Format::Text => write_text(&evaluation, &mut out),
        Format::Json => serde_json::to_writer_pretty(&mut out, &evaluation)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out)),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader stopped early (`| head`): nothing is wrong.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the evaluation: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_text(evaluation: &Evaluation, out: &mut impl Write) -> io::Result<()> {
    for pair in &evaluation.pairs {
        match &pair.error {
            Some(error) => writeln!(out, "{}: cannot read: {error}", pair.name)?,
            None => writeln!(
                out,
                "{}: alignment {}; reports {} true, {} duplicate, {} false",
                pair.name, pair.alignment, pair.true_reports, pair.duplicates, pair.false_alarms
            )?,
        }
    }
    writeln!(out, "\nkind                      true  dup false   found")?;
    for (kind, score) in &evaluation.by_kind {
        writeln!(
            out,
            "{kind:<24} {:>5} {:>4} {:>5}   {}/{}",
            score.true_reports, score.duplicates, score.false_alarms, score.found, score.items
        )?;
    }
    writeln!(out)?;
    for alarm in &evaluation.false_alarms {
        let lines: Vec<String> = alarm
            .lines
            .iter()
            .map(|(l, n)| format!("{l}:{n}"))
            .collect();
        let message: String = alarm.message.chars().take(100).collect();
        writeln!(
            out,
            "  false alarm: {}: {} [{}] {message}",
            alarm.doc,
            alarm.kind,
            lines.join(" ")
        )?;
    }
    for miss in &evaluation.misses {
        let lines: Vec<String> = miss.lines.iter().map(|(l, n)| format!("{l}:{n}")).collect();
        writeln!(
            out,
            "  missed: {} {} [{}] at {}",
            miss.doc,
            miss.id,
            miss.kinds.join(", "),
            lines.join(" ")
        )?;
    }
    writeln!(out, "{}", evaluation.summary())
}
