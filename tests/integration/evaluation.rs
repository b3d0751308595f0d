//! Quality on the development set (`../shared/devset/`, labelled by hand), asserted as floors
//! that only go up. The pairs are not part of the project (no licence was granted): without
//! the folder these tests print a note and check nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

use kzru_align::Aligner;
use kzru_align::evaluation::{Evaluation, Gold, evaluate};

fn devset() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/devset");
    if dir.join("gold/alignment.json").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "note: {} is absent: the devset evaluation is skipped",
            dir.display()
        );
        None
    }
}

fn evaluate_devset(dir: &Path) -> Evaluation {
    let gold = Gold::from_paths(
        dir.join("gold/alignment.json"),
        dir.join("gold/divergences.json"),
    )
    .expect("the gold labels read");
    evaluate(dir, &gold, &Aligner::new())
}

/// The floors: the figures of the last landed build. Raise them with every improvement; never
/// lower them.
#[test]
fn devset_figures_do_not_fall_below_their_floors() {
    let Some(dir) = devset() else { return };
    let evaluation = evaluate_devset(&dir);
    let summary = evaluation.summary();
    assert_eq!(evaluation.pairs.len(), 8, "{summary}");
    assert!(
        evaluation.pairs.iter().all(|p| p.error.is_none()),
        "{summary}"
    );
    assert!(evaluation.alignment.hits >= 321, "{summary}");
    assert_eq!(evaluation.alignment.total, 324, "{summary}");
    assert!(evaluation.precision.value() >= 1.0, "{summary}");
    assert!(evaluation.recall.hits >= 39, "{summary}");
    assert_eq!(evaluation.recall.total, 44, "{summary}");
    assert_eq!(evaluation.meaning_recall.total, 9, "{summary}");
    assert!(evaluation.meaning_recall.hits >= 8, "{summary}");
    // At most one duplicate report per four true ones.
    assert!(
        evaluation.duplicates * 4 <= evaluation.precision.hits,
        "{summary}"
    );
}

/// The evaluation prints what the reference scorer prints for the same build: run
/// `gold/score.py` on the `align` example that `cargo test` built beside this test.
#[test]
fn evaluation_agrees_with_the_reference_scorer() {
    let Some(dir) = devset() else { return };
    // target/<profile>/deps/integration-… → target/<profile>/examples/align
    let exe = std::env::current_exe().expect("the test binary's path");
    let align = exe
        .parent()
        .and_then(Path::parent)
        .map(|profile| profile.join("examples").join("align"))
        .filter(|align| align.is_file());
    let Some(align) = align else {
        eprintln!("note: the align example is not built beside the tests: comparison skipped");
        return;
    };
    let scored = match Command::new("python3")
        .arg(dir.join("gold/score.py"))
        .arg(&align)
        .arg(&dir)
        .output()
    {
        Ok(output) if output.status.success() => output,
        _ => {
            eprintln!("note: python3 cannot run gold/score.py here: comparison skipped");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&scored.stdout);
    let reference = stdout.lines().last().unwrap_or_default();
    assert_eq!(evaluate_devset(&dir).summary(), reference);
}
