//! What the examples share: reading their arguments with one-line errors, and writing to a
//! reader that may stop early.

use std::io;
use std::process::ExitCode;

use clap::Parser;

/// Parses the command line. `--help` and `--version` print and end with success; bad
/// arguments end with clap's whole message joined on one line on stderr (what is wrong, and
/// the allowed values or the missing arguments), and exit code 2.
pub fn parse_args<T: Parser>() -> Result<T, ExitCode> {
    match T::try_parse() {
        Ok(args) => Ok(args),
        Err(err) if !err.use_stderr() => {
            let _ = err.print();
            Err(ExitCode::SUCCESS)
        }
        Err(err) => {
            eprintln!("error: {} (see --help)", one_line(&err.to_string()));
            Err(ExitCode::from(2))
        }
    }
}

/// Clap's multi-line message as one line: its usage and "for more information" lines left
/// out, the rest (the problem, the missing arguments, the possible values) kept in order.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|line| {
            !line.is_empty()
                && !line.starts_with("Usage:")
                && !line.starts_with("For more information")
        })
        .map(|line| line.trim_start_matches("error: "))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The exit of a run that wrote its output: a reader that stopped early (`| head`) is no
/// failure; any other write error is, with its message.
#[allow(dead_code)] // not every example writes through it
pub fn finish(written: io::Result<()>, what: &str) -> ExitCode {
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: cannot write {what}: {err}");
            ExitCode::FAILURE
        }
    }
}
