//! Mutation tests: one edit to a corpus pair, and exactly the divergence it should cause, at
//! the right lines, with no new false alarm. Edits keep the line count, so that every other
//! divergence keeps its lines and must stay as it was.

use kzru_align::{Aligner, BilingualDocument, DivergenceKind};

type Key = (DivergenceKind, Vec<usize>, Vec<usize>);

fn divergences(text: &str) -> Vec<Key> {
    let doc = BilingualDocument::from_text("mutated.txt", text).unwrap();
    let alignment = Aligner::new().align(&doc);
    alignment
        .divergences()
        .iter()
        .map(|d| (d.kind(), d.lines().kk.clone(), d.lines().ru.clone()))
        .collect()
}

fn original() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/mycar-myverify.txt"
    ))
    .unwrap()
}

/// Replaces `from` by `to` on 1-based line `line`, which must contain it.
fn edit(text: &str, line: usize, from: &str, to: &str) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    assert!(
        lines[line - 1].contains(from),
        "line {line} lacks «{from}»: {}",
        lines[line - 1]
    );
    lines[line - 1] = lines[line - 1].replacen(from, to, 1);
    lines.join("\n")
}

/// Asserts that the mutated text has the baseline's divergences plus exactly `added`
/// (and, optionally, any of `tolerated`), and lost none but `removed`.
fn check(mutated: &str, added: &[Key], removed: &[Key], tolerated: &[DivergenceKind]) {
    let before = divergences(&original());
    let after = divergences(mutated);
    let mut new: Vec<&Key> = after.iter().filter(|d| !before.contains(d)).collect();
    new.retain(|d| !tolerated.contains(&d.0) || added.contains(d));
    new.sort();
    let gone: Vec<&Key> = before.iter().filter(|d| !after.contains(d)).collect();
    let mut added: Vec<&Key> = added.iter().collect();
    added.sort();
    assert_eq!(new, added, "new divergences");
    assert_eq!(
        gone,
        removed.iter().collect::<Vec<_>>(),
        "divergences that went away"
    );
}

#[test]
fn deleting_a_russian_clause() {
    let text = edit(&original(), 390, original().lines().nth(389).unwrap(), "");
    check(
        &text,
        &[
            (DivergenceKind::MissingCounterpart, vec![189], vec![]),
            (DivergenceKind::NumberingGap, vec![], vec![388, 392]),
        ],
        &[],
        &[],
    );
}

#[test]
fn renumbering_a_kazakh_clause() {
    let text = edit(&original(), 169, "8.2.", "8.3.");
    check(
        &text,
        &[
            (DivergenceKind::NumberingGap, vec![167, 169], vec![]),
            (DivergenceKind::NumberingMismatch, vec![169], vec![370]),
        ],
        &[],
        &[],
    );
}

#[test]
fn duplicating_a_clause() {
    let line_173 = original().lines().nth(172).unwrap().to_owned();
    let text = edit(&original(), 174, "", &line_173);
    let added = [
        (DivergenceKind::MissingCounterpart, vec![174], vec![]),
        (DivergenceKind::DuplicateNumber, vec![173, 174], vec![]),
        (DivergenceKind::RepeatedText, vec![173, 174], vec![]),
    ];
    let before = divergences(&original());
    let after = divergences(&text);
    for key in &added {
        assert!(after.contains(key), "{key:?} not in {after:?}");
    }
    // Which of the two copies is left unmatched may go either way; nothing else is new.
    let unexpected: Vec<&Key> = after
        .iter()
        .filter(|d| !before.contains(d) && !added.contains(d))
        .filter(|d| !(d.0 == DivergenceKind::MissingCounterpart && d.1 == [173]))
        .collect();
    assert_eq!(unexpected, Vec::<&Key>::new());
}

#[test]
fn truncating_a_sentence() {
    let line = original().lines().nth(373).unwrap().to_owned();
    let cut: String = line.chars().take(line.chars().count() / 3).collect();
    let text = edit(&original(), 374, &line, &cut);
    check(
        &text,
        &[(DivergenceKind::LengthMismatch, vec![173], vec![374])],
        &[],
        &[],
    );
}

#[test]
fn changing_a_number() {
    let text = edit(&original(), 388, "18-летнего", "16-летнего");
    check(
        &text,
        &[(DivergenceKind::NumberMismatch, vec![187], vec![388])],
        &[],
        &[],
    );
}

#[test]
fn changing_a_web_address() {
    let text = edit(&original(), 208, "myverify.kz", "myverify.com");
    check(
        &text,
        &[(DivergenceKind::ContactMismatch, vec![9], vec![208])],
        &[],
        &[],
    );
}

#[test]
fn changing_a_name() {
    let text = edit(&original(), 378, "Facebook", "Instagram");
    check(
        &text,
        &[(DivergenceKind::NameMismatch, vec![177], vec![378])],
        &[],
        &[],
    );
}

#[test]
fn dropping_a_list_item() {
    let line = original().lines().nth(243).unwrap().to_owned();
    assert!(line.starts_with("- Улучшение качества"));
    let text = edit(&original(), 244, &line, "");
    // 2.1 already lists 15 against 13 items; now 15 against 12, the same divergence.
    check(
        &text,
        &[(DivergenceKind::MissingCounterpart, vec![47], vec![])],
        &[],
        &[],
    );
}

#[test]
fn inserting_a_sentence_of_the_other_language() {
    let text = edit(
        &original(),
        189,
        "жатады.",
        "жатады. Настоящая Политика регулируется законодательством Республики Казахстан.",
    );
    check(
        &text,
        &[(DivergenceKind::UntranslatedFragment, vec![189], vec![])],
        &[],
        &[DivergenceKind::LengthMismatch],
    );
}
