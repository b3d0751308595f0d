//! What the examples share: reading their arguments with one-line errors.

use std::process::ExitCode;

use clap::Parser;

/// Parses the command line. `--help` and `--version` print and end with success; bad
/// arguments end with their first line on stderr and exit code 2, without clap's full usage.
pub fn parse_args<T: Parser>() -> Result<T, ExitCode> {
    match T::try_parse() {
        Ok(args) => Ok(args),
        Err(err) if !err.use_stderr() => {
            let _ = err.print();
            Err(ExitCode::SUCCESS)
        }
        Err(err) => {
            let message = err.to_string();
            let first = message.lines().next().unwrap_or("bad arguments");
            eprintln!("error: {}", first.trim_start_matches("error: "));
            Err(ExitCode::from(2))
        }
    }
}
