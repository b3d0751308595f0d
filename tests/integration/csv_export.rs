//! The CSV export of divergences: RFC 4180 that the `csv` crate reads back, one row per
//! divergence with its places and texts, formula starters made inert, the optional byte
//! order mark, and `align --format csv`.

use kzru_align::report::{CsvOptions, DivergenceCsv};
use kzru_align::{Aligner, BilingualDocument, DivergenceKind};

const HEADER: [&str; 8] = [
    "document", "kind", "severity", "kk place", "ru place", "kk text", "ru text", "message",
];

/// The CSV of one document, read back: the header and the rows.
fn csv_of(name: &str, doc: &BilingualDocument, options: CsvOptions) -> (Vec<u8>, Vec<Vec<String>>) {
    let alignment = Aligner::new().align(doc);
    let mut csv = DivergenceCsv::new(Vec::new(), options).unwrap();
    csv.write_document(name, &alignment).unwrap();
    let bytes = csv.finish().unwrap();
    (bytes.clone(), read_back(&bytes))
}

/// Every record of a CSV file, the header first, a byte order mark skipped.
fn read_back(bytes: &[u8]) -> Vec<Vec<String>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn one_row_per_divergence_with_places_and_texts_that_read_back() {
    let doc = crate::corpus_doc("kao-autocheck");
    let divergences = Aligner::new().align(&doc).divergences().len();
    let (bytes, rows) = csv_of("kao-autocheck.txt", &doc, CsvOptions::new());
    assert!(
        bytes.starts_with(b"document,kind,"),
        "no byte order mark unless asked"
    );
    assert!(
        String::from_utf8(bytes).unwrap().contains("\r\n"),
        "RFC 4180 lines end in CRLF"
    );
    assert_eq!(rows[0], HEADER);
    assert_eq!(rows.len(), 1 + divergences);
    assert!(rows.iter().all(|r| r.len() == 8));
    let renumbered = rows.iter().find(|r| r[1] == "numbering_mismatch").unwrap();
    assert_eq!(renumbered[0], "kao-autocheck.txt");
    assert_eq!(renumbered[2], "warning");
    assert_eq!(
        (renumbered[3].as_str(), renumbered[4].as_str()),
        ("9.6. (line 176)", "7.6. (line 383)")
    );
    assert!(!renumbered[5].is_empty() && !renumbered[6].is_empty());
    assert!(renumbered[7].contains("9.6.") && renumbered[7].contains("7.6."));
    // A run of three Russian bullets without Kazakh counterpart: three places, no Kazakh text.
    let run = rows
        .iter()
        .find(|r| r[1] == "missing_counterpart" && r[4].matches("line").count() == 3)
        .unwrap();
    assert_eq!((run[3].as_str(), run[5].as_str()), ("", ""));
    assert_eq!(run[4], "line 242; line 243; line 244");
}

#[test]
fn a_finding_without_clauses_gives_its_lines() {
    let doc = crate::corpus_doc("idcollect");
    let (_, rows) = csv_of("idcollect.txt", &doc, CsvOptions::new());
    let single = rows.iter().find(|r| r[1] == "single_language").unwrap();
    assert_eq!((single[3].as_str(), single[4].as_str()), ("line 3", ""));
}

#[test]
fn cells_that_would_start_a_formula_are_inert_and_quotes_commas_survive() {
    // The Russian version has a clause the Kazakh lacks, whose text starts as a formula
    // would; the document's name is one.
    let text = "1. Жалпы ережелер.\n\n2. Деректер «A, B» үшін сақталады.\n\n\
                1. Общие положения.\n\n2. Данные \"A, B\" хранятся.\n\n\
                3. @support — адрес для обращений пользователей сервиса.\n";
    let doc = BilingualDocument::from_text("formula.txt", text).unwrap();
    let name = "=cmd|' /C calc'!A0, \"x\"";
    let (_, rows) = csv_of(name, &doc, CsvOptions::new());
    for row in &rows[1..] {
        // Made inert, and its quotes and comma come back as written.
        assert_eq!(row[0], format!("'{name}"));
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
    let missing = rows
        .iter()
        .find(|r| r[1] == DivergenceKind::MissingCounterpart.name())
        .unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(missing[4], "3. (line 9)");
    assert_eq!(
        missing[6],
        "'@support — адрес для обращений пользователей сервиса."
    );
}

#[test]
fn the_byte_order_mark_is_optional() {
    let doc = crate::corpus_doc("aitu-sauda");
    let (bytes, rows) = csv_of("aitu-sauda.txt", &doc, CsvOptions::new().bom(true));
    assert!(bytes.starts_with(b"\xEF\xBB\xBFdocument,kind,"));
    assert_eq!(rows[0], HEADER);
}

#[cfg(feature = "serde")]
#[test]
fn align_writes_csv() {
    let align = crate::formats::build_example("align");
    let output = std::process::Command::new(&align)
        .args(["corpus/mycar-myverify.txt", "--format", "csv", "--bom"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.starts_with(b"\xEF\xBB\xBF"));
    let rows = read_back(&output.stdout);
    let divergences = Aligner::new()
        .align(&crate::corpus_doc("mycar-myverify"))
        .divergences()
        .len();
    assert_eq!(rows.len(), 1 + divergences);
    assert!(
        rows[1..]
            .iter()
            .all(|r| r[0] == "corpus/mycar-myverify.txt")
    );
}
