//! The Word reader on generated files (corpus texts with Word's automatic numbering, every
//! numbering feature, bilingual tables, a third-language section, bad files) and on the real
//! samples in `../shared/formats/` when present; numbers compared with what LibreOffice prints
//! when `soffice` is installed (each skips with a note otherwise).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use kzru_align::read::{Format, Limits, Origin};
use kzru_align::{Aligner, BilingualDocument, Error, FindingKind, Lang, Source};

use super::CORPUS_STEMS;
use super::docx_build::{Block, Docx, Para, decimal_levels, level, zip_of};

// ---------------------------------------------------------------------------------------
// Helpers: corpus texts as Word files, labels of lines, LibreOffice.

/// A numbered line of a text: `2.1. Text` → ([2, 1], trailing dot, "Text").
fn dotted_number(line: &str) -> Option<(Vec<i64>, bool, &str)> {
    let (head, rest) = line.split_once(char::is_whitespace)?;
    let dot = head.ends_with('.');
    let parts: Vec<&str> = head.trim_end_matches('.').split('.').collect();
    let values: Vec<i64> = parts
        .iter()
        .map(|p| {
            (!p.is_empty()
                && !p.starts_with('0')
                && p.len() < 4
                && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
        })
        .collect::<Option<_>>()?;
    // `2024 жылғы` is a year, not clause 2024.
    (values.len() <= 9 && (dot || values.len() > 1) && !rest.trim().is_empty()).then_some((
        values,
        dot,
        rest.trim(),
    ))
}

/// A text as a Word file whose dotted clause numbers (`2.1.`, `3.4`) are Word's automatic
/// numbering: one list per style (with and without the trailing dot), level = depth. A number
/// that is not the next one on its own level comes from a new `w:num` restarting that level
/// (`w:startOverride`), as Word writes "set numbering value"; one that does not fit the levels
/// above it (a `7.6.` inside section 9) stays typed, as such slips are in real files. Returns
/// the file and the lines the reader must give back.
fn corpus_docx(text: &str) -> (Docx, Vec<String>) {
    let mut docx = Docx::default();
    docx.abstract_num(1, &decimal_levels(true), "")
        .abstract_num(2, &decimal_levels(false), "")
        .num(1, 1, "")
        .num(2, 2, "");
    // The counts of each list, shared by all its `w:num`s.
    let mut counts = [[None::<i64>; 9]; 2];
    let mut next_num = 3;
    let mut expected = Vec::new();
    // Typed indentation stays: it nests bullet lists.
    for line in text.lines().map(str::trim_end).filter(|l| !l.is_empty()) {
        let numbered = dotted_number(line.trim_start()).filter(|(values, dot, _)| {
            let counts = &counts[usize::from(!dot)];
            let k = values.len() - 1;
            (0..k).all(|i| counts[i].unwrap_or(1) == values[i])
        });
        let Some((values, dot, rest)) = numbered else {
            docx.para(Para::plain(line));
            expected.push(normalized(line));
            continue;
        };
        let style = usize::from(!dot);
        let counts = &mut counts[style];
        let k = values.len() - 1;
        let mut num = style as u32 + 1;
        if counts[k].map_or(1, |v| v + 1) != values[k] {
            let restart = format!(
                r#"<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{}"/></w:lvlOverride>"#,
                values[k]
            );
            docx.num(next_num, num, &restart);
            num = next_num;
            next_num += 1;
        }
        counts[k] = Some(values[k]);
        for count in &mut counts[..k] {
            count.get_or_insert(1);
        }
        counts[k + 1..].fill(None);
        docx.para(Para::numbered(num, k as u32, rest));
        let number: Vec<String> = values.iter().map(i64::to_string).collect();
        let number = number.join(".") + if dot { "." } else { "" };
        expected.push(normalized(&format!("{number} {rest}")));
    }
    (docx, expected)
}

fn normalized(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The non-blank lines of an extracted text, white space collapsed.
fn lines_of(source: &Source) -> Vec<String> {
    source
        .text()
        .lines()
        .map(normalized)
        .filter(|l| !l.is_empty())
        .collect()
}

/// A line's list label and the rest: `("2.1.", "Text")`, `("а)", …)`, `("•", …)`, or
/// `("", line)` when it has none.
fn split_label(line: &str) -> (String, String) {
    let line = normalized(line);
    let Some((head, rest)) = line.split_once(' ') else {
        return (String::new(), line);
    };
    let numeric = head.starts_with(|c: char| c.is_ascii_digit())
        && head
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ')');
    // `а)`, `(iv)`, `I.1.`: both sides are split alike, so a `г.` taken for a label is
    // harmless.
    let lettered = head.ends_with(['.', ')'])
        && head.chars().count() <= 8
        && head
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '(' | ')'));
    let bullet = head.chars().count() == 1 && !head.chars().all(char::is_alphanumeric);
    if numeric || lettered || bullet {
        (head.to_owned(), rest.to_owned())
    } else {
        (String::new(), line)
    }
}

/// Labels by the text they stand before (its first 60 characters).
fn labels_by_text(lines: &[String]) -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for line in lines {
        let (label, rest) = split_label(line);
        map.entry(rest.chars().take(60).collect())
            .or_default()
            .push(label);
    }
    map
}

/// Where the real samples are: `$KZRU_SHARED_DIR/formats` or `../shared/formats`.
fn formats_dir() -> Option<PathBuf> {
    let shared = std::env::var_os("KZRU_SHARED_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    );
    let dir = shared.join("formats");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "note: {} is absent: the real Word samples are skipped",
            dir.display()
        );
        None
    }
}

/// The text LibreOffice makes of a Word file (`soffice --headless --convert-to txt`), or
/// `None` with a note when `soffice` is not installed.
fn soffice_text(docx: &Path) -> Option<String> {
    let out = tempfile::tempdir().unwrap();
    // A profile of its own: parallel tests would otherwise fight over the default one.
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        out.path().display()
    );
    let run = Command::new("soffice")
        .arg(profile)
        .args(["--headless", "--convert-to", "txt:Text", "--outdir"])
        .arg(out.path())
        .arg(docx)
        .output();
    match run {
        Err(_) => {
            eprintln!("note: soffice is not installed: the LibreOffice comparison is skipped");
            return None;
        }
        Ok(output) => assert!(output.status.success(), "soffice failed: {output:?}"),
    }
    let stem = docx.file_stem().unwrap().to_string_lossy();
    let text = std::fs::read_to_string(out.path().join(format!("{stem}.txt"))).unwrap();
    Some(text.trim_start_matches('\u{feff}').to_owned())
}

/// Compares the labels of our lines with LibreOffice's, by the text after them: returns how
/// many labelled lines were compared, and the disagreements.
fn compare_with_soffice(ours: &[String], soffice: &str) -> (usize, Vec<String>) {
    let theirs: Vec<String> = soffice.lines().map(normalized).collect();
    let theirs = labels_by_text(&theirs);
    let mut compared = 0;
    let mut differences = Vec::new();
    for (text, labels) in labels_by_text(ours) {
        let Some(their_labels) = theirs.get(&text) else {
            continue;
        };
        for label in labels.iter().filter(|l| !l.is_empty()) {
            compared += 1;
            if !their_labels.contains(label) {
                differences.push(format!("{label} {text} (LibreOffice: {their_labels:?})"));
            }
        }
    }
    differences.sort();
    (compared, differences)
}

fn write_temp(bytes: &[u8], name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn extracted(bytes: &[u8]) -> Source {
    Source::from_bytes("test.docx", bytes).unwrap_or_else(|e| panic!("{e}"))
}

// ---------------------------------------------------------------------------------------
// Corpus texts as Word files.

#[test]
fn corpus_texts_with_automatic_numbering_read_back_line_for_line() {
    for stem in CORPUS_STEMS {
        let path = format!("{}/corpus/{stem}.txt", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let (docx, expected) = corpus_docx(&text);
        let source = extracted(&docx.build());
        assert_eq!(source.format(), Format::Docx);
        assert_eq!(lines_of(&source), expected, "{stem}");
    }
}

#[test]
fn corpus_documents_as_word_files_align_as_their_texts_do() {
    let numbers = |doc: &BilingualDocument, lang| -> Vec<String> {
        doc.version(lang).map_or_else(Vec::new, |v| {
            v.clauses()
                .iter()
                .filter_map(|c| c.number().map(|n| n.as_str().to_owned()))
                .collect()
        })
    };
    let kinds = |doc: &BilingualDocument| -> Vec<String> {
        let mut kinds: Vec<String> = Aligner::new()
            .align(doc)
            .divergences()
            .iter()
            .map(|d| d.kind().to_string())
            .collect();
        kinds.sort();
        kinds
    };
    for stem in CORPUS_STEMS {
        let path = format!("{}/corpus/{stem}.txt", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let from_text = BilingualDocument::from_text("doc.txt", text.as_str()).unwrap();
        let (docx, _) = corpus_docx(&text);
        let from_docx = BilingualDocument::from_bytes("doc.docx", &docx.build()).unwrap();
        for lang in Lang::ALL {
            assert_eq!(
                numbers(&from_docx, lang),
                numbers(&from_text, lang),
                "{stem} {lang}"
            );
        }
        assert_eq!(kinds(&from_docx), kinds(&from_text), "{stem}");
    }
    let path = format!("{}/corpus/kao-autocheck.txt", env!("CARGO_MANIFEST_DIR"));
    let (docx, _) = corpus_docx(&std::fs::read_to_string(&path).unwrap());
    let from_docx = BilingualDocument::from_bytes("kao.docx", &docx.build()).unwrap();
    // The slip of the corpus (Russian 7.6. for Kazakh 9.6.) is typed in the Word file: its
    // clause cites the paragraph it stands in.
    let ru = from_docx.version(Lang::Ru).unwrap();
    let slip = ru.find("7.6").unwrap();
    assert!(
        matches!(
            from_docx.origin(slip),
            Some(Origin::Docx { table: None, .. })
        ),
        "{:?}",
        from_docx.origin(slip)
    );
}

#[test]
fn generated_corpus_numbers_match_libreoffice() {
    let path = format!("{}/corpus/mycar-myverify.txt", env!("CARGO_MANIFEST_DIR"));
    let (docx, expected) = corpus_docx(&std::fs::read_to_string(path).unwrap());
    let (_dir, file) = write_temp(&docx.build(), "mycar.docx");
    let Some(soffice) = soffice_text(&file) else {
        return;
    };
    let ours = lines_of(&Source::from_path(&file).unwrap());
    assert_eq!(ours, expected);
    let (compared, differences) = compare_with_soffice(&ours, &soffice);
    assert!(compared > 100, "only {compared} numbered lines compared");
    assert!(differences.is_empty(), "{differences:#?}");
}

// ---------------------------------------------------------------------------------------
// Every numbering feature, with the labels Word shows.

fn override_start(level: u32, value: i64) -> String {
    format!(r#"<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{value}"/></w:lvlOverride>"#)
}

/// Lists using every feature of `numbering.xml`.
fn numbering_lists() -> Docx {
    let mut docx = Docx::default();
    let dec = decimal_levels(true);
    // Shared counts and restarts: every `w:num` of abstract 10 continues one count; a
    // `w:startOverride` restarts its level once, at the first paragraph of its `w:num` on a
    // level it overrides.
    docx.abstract_num(10, &dec, "")
        .num(1, 10, "")
        .num(2, 10, "")
        .num(3, 10, &override_start(0, 7))
        .num(4, 10, &(override_start(0, 7) + &override_start(1, 6)))
        .num(5, 10, &override_start(1, 6));
    // Roman numbers, legal numbering (`w:isLgl`), Russian letters.
    let legal = level(0, 1, "upperRoman", "%1.", "")
        + &level(1, 1, "decimal", "%1.%2.", "<w:isLgl/>")
        + &level(2, 1, "russianLower", "%3)", "");
    docx.abstract_num(11, &legal, "").num(11, 11, "");
    // `w:lvlRestart 0`: level 1 never restarts.
    let never = level(0, 1, "decimal", "%1.", "")
        + &level(1, 1, "decimal", "%2.", r#"<w:lvlRestart w:val="0"/>"#);
    docx.abstract_num(12, &never, "").num(12, 12, "");
    // `w:numStyleLink` → numbering style → `w:num` 14 → abstract 14 (`w:styleLink`).
    docx.abstract_num(13, "", r#"<w:numStyleLink w:val="LinkedList"/>"#)
        .abstract_num(
            14,
            &level(0, 3, "decimal", "Статья %1.", ""),
            r#"<w:styleLink w:val="LinkedList"/>"#,
        )
        .num(13, 13, "")
        .num(14, 14, "");
    // Paragraph styles that number (Section: level 0; Clause, based on it: level 1).
    docx.abstract_num(15, &dec, "").num(15, 15, "");
    docx.styles = concat!(
        r#"<w:style w:type="numbering" w:styleId="LinkedList"><w:name w:val="LinkedList"/><w:pPr><w:numPr><w:numId w:val="14"/></w:numPr></w:pPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Section"><w:name w:val="Section"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="15"/></w:numPr></w:pPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="Clause"/><w:basedOn w:val="Section"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>"#,
    )
    .to_owned();
    // A `w:lvl` override: another start and format for one `w:num`.
    let letter_override = r#"<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride>"#;
    docx.abstract_num(16, &level(0, 1, "decimal", "%1.", ""), "")
        .num(16, 16, letter_override);
    // Levels not used yet show their start, and are fixed at it.
    let unused = level(0, 4, "decimal", "%1.", "")
        + &level(1, 2, "decimal", "%1.%2.", "")
        + &level(2, 1, "lowerRoman", "(%3)", "");
    docx.abstract_num(19, &unused, "")
        .num(19, 19, "")
        .num(20, 19, &override_start(0, 1));
    // `w:lvlRestart 1`: level 2 restarts only after level 1 (that is, level 0).
    let restart_after_first = level(0, 1, "decimal", "%1.", "")
        + &level(1, 1, "decimal", "%1.%2.", "")
        + &level(2, 1, "decimal", "%1.%2.%3.", r#"<w:lvlRestart w:val="1"/>"#);
    docx.abstract_num(23, &restart_after_first, "")
        .num(23, 23, "");
    // Other formats and a bullet from the Symbol font.
    let formats = level(0, 1, "decimalZero", "%1.", "")
        + &level(1, 1, "upperLetter", "%2.", "")
        + &level(2, 1, "bullet", "\u{f0b7}", "");
    docx.abstract_num(22, &formats, "").num(22, 22, "");
    docx.abstract_num(17, &level(0, 1, "lowerLetter", "%1)", ""), "")
        .num(17, 17, "");
    docx.abstract_num(18, &level(0, 1, "russianLower", "%1)", ""), "")
        .num(18, 18, "");
    docx
}

/// A paragraph: label (empty for none), text, list (`numId`, level), style.
type Row = (
    &'static str,
    &'static str,
    Option<(u32, u32)>,
    Option<&'static str>,
);

// Label (empty for none), text, list (`numId`, level), style. The texts are Cyrillic: a
// run of Latin-script paragraphs would be a third-language section, and left out.
const FEATURE_PARAGRAPHS: &[Row] = &[
    ("1.", "Пункт A one", Some((1, 0)), None),
    ("1.1.", "Пункт A one one", Some((1, 1)), None),
    ("1.2.", "Пункт A one two", Some((1, 1)), None),
    ("2.", "Пункт A two via num2", Some((2, 0)), None),
    ("2.1.", "Пункт A two one via num2", Some((2, 1)), None),
    ("7.", "Пункт A seven via num3", Some((3, 0)), None),
    ("7.1.", "Пункт A seven one via num3", Some((3, 1)), None),
    ("8.", "Пункт A back to num1", Some((1, 0)), None),
    ("8.1.", "Пункт A back to num1 sub", Some((1, 1)), None),
    ("8.6.", "Пункт A num4 at level1 first", Some((4, 1)), None),
    ("8.7.", "Пункт A num4 at level1 second", Some((4, 1)), None),
    ("9.", "Пункт A num4 level0", Some((4, 0)), None),
    ("10.", "Пункт A num1 again", Some((1, 0)), None),
    ("10.6.", "Пункт A num5 level1 first", Some((5, 1)), None),
    ("10.7.", "Пункт A num5 level1 second", Some((5, 1)), None),
    ("10.8.", "Пункт A num1 level1", Some((1, 1)), None),
    ("I.", "Пункт B roman", Some((11, 0)), None),
    ("1.1.", "Пункт B legal", Some((11, 1)), None),
    ("1.2.", "Пункт B legal two", Some((11, 1)), None),
    ("а)", "Пункт B rus", Some((11, 2)), None),
    ("б)", "Пункт B rus2", Some((11, 2)), None),
    ("II.", "Пункт B roman2", Some((11, 0)), None),
    ("2.1.", "Пункт B legal after roman2", Some((11, 1)), None),
    ("1.", "Пункт C one", Some((12, 0)), None),
    ("1.", "Пункт C sub", Some((12, 1)), None),
    ("2.", "Пункт C sub2", Some((12, 1)), None),
    ("2.", "Пункт C two", Some((12, 0)), None),
    ("3.", "Пункт C sub after two", Some((12, 1)), None),
    ("Статья 3.", "Пункт D linked", Some((13, 0)), None),
    ("Статья 4.", "Пункт D linked via 14", Some((14, 0)), None),
    ("Статья 5.", "Пункт D linked again", Some((13, 0)), None),
    ("1.", "Пункт E section", None, Some("Section")),
    ("1.1.", "Пункт E clause", None, Some("Clause")),
    ("1.2.", "Пункт E clause2", None, Some("Clause")),
    ("2.", "Пункт E section2", None, Some("Section")),
    ("2.1.", "Пункт E clause3", None, Some("Clause")),
    (
        "2.2.",
        "Пункт E direct level",
        Some((15, 1)),
        Some("Section"),
    ),
    ("", "Пункт E numId zero", Some((0, 0)), Some("Section")),
    ("E)", "Пункт F letter", Some((16, 0)), None),
    ("F)", "Пункт F letter2", Some((16, 0)), None),
    ("(i)", "Пункт H level2 first", Some((19, 2)), None),
    ("4.3.", "Пункт H level1", Some((19, 1)), None),
    ("5.", "Пункт H level0", Some((19, 0)), None),
    ("(i)", "Пункт H num20 level2", Some((20, 2)), None),
    ("1.", "Пункт H num20 level0", Some((20, 0)), None),
    ("1.", "Пункт K one", Some((23, 0)), None),
    ("1.1.", "Пункт K sub", Some((23, 1)), None),
    ("1.1.1.", "Пункт K subsub", Some((23, 2)), None),
    ("1.2.", "Пункт K sub2", Some((23, 1)), None),
    ("1.2.2.", "Пункт K subsub after sub2", Some((23, 2)), None),
    ("2.", "Пункт K two", Some((23, 0)), None),
    ("2.1.1.", "Пункт K subsub after two", Some((23, 2)), None),
    ("01.", "Пункт J zero", Some((22, 0)), None),
    ("A.", "Пункт J letter", Some((22, 1)), None),
    ("•", "Пункт J bullet", Some((22, 2)), None),
];

/// The lists of [`numbering_lists`] in paragraphs, and the lines Word shows for them.
fn numbering_features() -> (Docx, Vec<String>) {
    let mut docx = numbering_lists();
    let mut expected = Vec::new();
    for &(label, text, num, style) in FEATURE_PARAGRAPHS {
        docx.para(Para {
            text: text.to_owned(),
            num,
            style: style.map(str::to_owned),
        });
        expected.push(normalized(&format!("{label} {text}")));
    }
    const LATIN: [&str; 29] = [
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
        "s", "t", "u", "v", "w", "x", "y", "z", "aa", "bb", "cc",
    ];
    for (i, letter) in LATIN.iter().enumerate() {
        docx.para(Para::numbered(17, 0, &format!("Пункт G {}", i + 1)));
        expected.push(format!("{letter}) Пункт G {}", i + 1));
    }
    let russian: Vec<String> = "абвгдежзиклмнопрстуфхцчшщыэюя"
        .chars()
        .map(String::from)
        .chain(["аа", "аб", "ав"].map(String::from))
        .collect();
    for (i, letter) in russian.iter().enumerate() {
        docx.para(Para::numbered(18, 0, &format!("Пункт R {}", i + 1)));
        expected.push(format!("{letter}) Пункт R {}", i + 1));
    }
    (docx, expected)
}

#[test]
fn every_numbering_feature_is_rendered_as_word_shows_it() {
    let (docx, expected) = numbering_features();
    let source = extracted(&docx.build());
    assert_eq!(lines_of(&source), expected);
}

/// LibreOffice 7.4 prints the same numbers except where it ignores `w:isLgl` (`I.1.` for
/// Word's `1.1.`) and `w:lvlRestart` (it restarts every level after any higher one), and it
/// draws the Symbol-font bullet as `▪`; nothing else may differ.
#[test]
fn numbering_features_match_libreoffice_but_for_what_it_ignores() {
    let (docx, expected) = numbering_features();
    let (_dir, file) = write_temp(&docx.build(), "numbering.docx");
    let Some(soffice) = soffice_text(&file) else {
        return;
    };
    let (compared, differences) = compare_with_soffice(&expected, &soffice);
    // All but `Статья 3.` and the like, whose label holds a space: they must stand verbatim.
    assert_eq!(compared, expected.len() - 4, "{soffice}");
    let theirs: Vec<String> = soffice.lines().map(normalized).collect();
    for line in expected.iter().filter(|l| l.starts_with("Статья")) {
        assert!(theirs.contains(line), "{line} in {soffice}");
    }
    let ignored = [
        "1.1. Пункт B legal (LibreOffice: [\"I.1.\"])",
        "1.2. Пункт B legal two (LibreOffice: [\"I.2.\"])",
        "1.2.2. Пункт K subsub after sub2 (LibreOffice: [\"1.2.1.\"])",
        "2.1. Пункт B legal after roman2 (LibreOffice: [\"II.1.\"])",
        "3. Пункт C sub after two (LibreOffice: [\"1.\"])",
        "• Пункт J bullet (LibreOffice: [\"▪\"])",
    ];
    assert_eq!(differences, ignored, "{soffice}");
}

// ---------------------------------------------------------------------------------------
// Bilingual tables and a third language.

/// The non-blank lines of each version of a corpus document, as `from_text` finds them.
fn version_lines(stem: &str) -> (Vec<String>, Vec<String>) {
    let path = format!("{}/corpus/{stem}.txt", env!("CARGO_MANIFEST_DIR"));
    let doc = BilingualDocument::from_path(&path).unwrap();
    let lines = |lang| -> Vec<String> {
        let version = doc.version(lang).unwrap();
        doc.source(version.source()).unwrap().text()[version.span()]
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    (lines(Lang::Kk), lines(Lang::Ru))
}

fn numbers(doc: &BilingualDocument, lang: Lang) -> Vec<String> {
    doc.version(lang)
        .unwrap()
        .clauses()
        .iter()
        .filter_map(|c| c.number().map(|n| n.as_str().to_owned()))
        .collect()
}

/// A two-column table of the two versions, row by row, with the Kazakh column on the side
/// given, and a third column in English when given.
fn bilingual_table(kk: &[String], ru: &[String], kk_left: bool, english: &[&str]) -> Docx {
    let cell = |lines: &[String], i: usize| -> Vec<Para> {
        lines.get(i).map(|l| Para::plain(l)).into_iter().collect()
    };
    let rows: Vec<Vec<Vec<Para>>> = (0..kk.len().max(ru.len()))
        .map(|i| {
            let (left, right) = if kk_left {
                (cell(kk, i), cell(ru, i))
            } else {
                (cell(ru, i), cell(kk, i))
            };
            let mut row = vec![left, right];
            if !english.is_empty() {
                row.push(english.get(i).map(|e| Para::plain(e)).into_iter().collect());
            }
            row
        })
        .collect();
    let mut docx = Docx::default();
    docx.para(Para::plain(
        "ДЕРБЕС ДЕРЕКТЕР САЯСАТЫ / ПОЛИТИКА ПЕРСОНАЛЬНЫХ ДАННЫХ",
    ));
    docx.body.push(Block::Table(rows));
    docx
}

#[test]
fn a_bilingual_table_is_read_as_two_versions_whichever_side_each_is_on() {
    let (kk, ru) = version_lines("kao-autocheck");
    let text_doc = BilingualDocument::from_path(format!(
        "{}/corpus/kao-autocheck.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    for kk_left in [true, false] {
        let docx = bilingual_table(&kk, &ru, kk_left, &[]);
        let doc = BilingualDocument::from_bytes("table.docx", &docx.build()).unwrap();
        for lang in Lang::ALL {
            assert_eq!(
                numbers(&doc, lang),
                numbers(&text_doc, lang),
                "{lang}, kk left: {kk_left}"
            );
        }
        // Every clause cites its cell: Kazakh ones the Kazakh column.
        let kk_column = if kk_left { 1 } else { 2 };
        let version = doc.version(Lang::Kk).unwrap();
        let clause = version.find("9.6").unwrap();
        match doc.origin(clause) {
            Some(Origin::Docx {
                table: Some(cell), ..
            }) => assert_eq!((cell.table, cell.column), (1, kk_column)),
            other => panic!("{other:?}"),
        }
        let alignment = Aligner::new().align(&doc);
        assert!(
            alignment
                .divergences()
                .iter()
                .any(|d| d.kind() == FindingKind::NumberingMismatch),
            "the corpus's 9.6/7.6 slip is found"
        );
    }
}

const ENGLISH: [&str; 4] = [
    "1. General provisions of this Policy and the terms used in it.",
    "1.1. This Policy explains how the Company collects, uses and shares your personal data.",
    "1.2. By using the Service you agree to the processing of your personal data as described.",
    "1.3. The Company may change this Policy at any time by publishing a new version on the site.",
];

#[test]
fn an_english_column_is_left_out_with_a_finding() {
    let (kk, ru) = version_lines("mycar-myverify");
    let docx = bilingual_table(&kk, &ru, true, &ENGLISH);
    let doc = BilingualDocument::from_bytes("three.docx", &docx.build()).unwrap();
    assert_eq!(doc.versions().len(), 2);
    let left_out: Vec<String> = doc
        .all_findings()
        .filter(|f| f.kind() == FindingKind::LeftOut)
        .map(|f| f.message().to_owned())
        .collect();
    assert_eq!(left_out.len(), 1, "{left_out:?}");
    assert!(
        left_out[0]
            .starts_with("table 1, row 1, column 3 (paragraph 4): a table column in English"),
        "{left_out:?}"
    );
    let text = doc.sources()[0].text();
    assert!(!text.contains("General provisions"));
}

#[test]
fn an_english_section_after_the_two_versions_is_left_out_with_a_finding() {
    let (kk, ru) = version_lines("kao-autocheck");
    let mut docx = Docx::default();
    for line in kk.iter().chain(&ru) {
        docx.para(Para::plain(line));
    }
    for line in ENGLISH.iter().cycle().take(12) {
        docx.para(Para::plain(line));
    }
    let doc = BilingualDocument::from_bytes("three.docx", &docx.build()).unwrap();
    let left_out: Vec<&str> = doc
        .all_findings()
        .filter(|f| f.kind() == FindingKind::LeftOut)
        .map(|f| f.message())
        .collect();
    let first = kk.len() + ru.len() + 1;
    assert_eq!(
        left_out,
        [format!(
            "paragraph {first}: a section in English (Latin script), 12 paragraphs through paragraph {}, is left out of the alignment",
            first + 11
        )]
    );
    let ru_version = doc.version(Lang::Ru).unwrap();
    assert!(!doc.sources()[0].text()[ru_version.span()].contains("This Policy"));
    // A few Latin-script lines (a company name, a bank's details) are not a section.
    let mut docx = Docx::default();
    for line in kk.iter().chain(&ru).chain(
        ["KAO Solutions LLP", "SWIFT HSBKKZKX"]
            .map(String::from)
            .iter(),
    ) {
        docx.para(Para::plain(line));
    }
    let doc = BilingualDocument::from_bytes("two.docx", &docx.build()).unwrap();
    assert!(doc.all_findings().all(|f| f.kind() != FindingKind::LeftOut));
}

// ---------------------------------------------------------------------------------------
// Bad files.

fn docx_error(bytes: &[u8], limits: &Limits) -> Error {
    Source::from_bytes_with_limits("bad.docx", bytes, limits).unwrap_err()
}

fn with_document(document: &str) -> Vec<u8> {
    zip_of(&[("word/document.xml", document.to_owned())])
}

#[test]
fn bad_word_files_are_typed_errors_naming_file_and_place() {
    let limits = Limits::default();
    let legacy = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    let err = BilingualDocument::from_bytes("old.doc", &legacy).unwrap_err();
    assert_eq!(
        err.to_string(),
        "old.doc: a legacy Word .doc file (or another pre-2007 Office file); save it as .docx"
    );
    let err = docx_error(&zip_of(&[("xl/workbook.xml", "<x/>".into())]), &limits);
    assert!(matches!(err, Error::Unsupported { .. }), "{err}");
    let (docx, _) = corpus_docx("1. Жалпы ережелер");
    let bytes = docx.build();
    let err = docx_error(&bytes[..bytes.len() - 30], &limits);
    assert!(
        err.to_string()
            .starts_with("bad.docx: zip container: damaged DOCX file"),
        "{err}"
    );
    let err = docx_error(
        &with_document("<w:document><w:body><w:p></w:body>"),
        &limits,
    );
    assert!(
        err.to_string()
            .starts_with("bad.docx: word/document.xml, byte "),
        "{err}"
    );
    assert!(matches!(err, Error::Malformed { .. }));
    let err = docx_error(&with_document(r#"<?xml version="1.0"?><x/>"#), &limits);
    assert!(err.to_string().contains("no w:document/w:body"), "{err}");
    // A Word file with no text is empty, like an empty text file.
    let empty = format!(
        r#"<w:document xmlns:w="{}"><w:body><w:p/></w:body></w:document>"#,
        super::docx_build::W
    );
    assert!(matches!(
        docx_error(&with_document(&empty), &limits),
        Error::Empty { .. }
    ));
}

#[test]
fn word_files_beyond_the_limits_are_refused() {
    let w = super::docx_build::W;
    // A bomb: a megabyte of spaces in a few kilobytes.
    let bomb = format!(
        r#"<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>"#,
        " ".repeat(1 << 20)
    );
    let bytes = with_document(&bomb);
    assert!(bytes.len() < 10_000);
    let mut limits = Limits::default();
    limits.max_expanded_bytes = 100_000;
    let err = docx_error(&bytes, &limits);
    assert!(
        matches!(
            err,
            Error::LimitExceeded {
                what: "decompressed bytes",
                limit: 100_000,
                ..
            }
        ),
        "{err}"
    );
    // Ten thousand nested content controls.
    let deep = format!(
        r#"<w:document xmlns:w="{w}"><w:body>{}{}</w:body></w:document>"#,
        "<w:sdt><w:sdtContent>".repeat(10_000),
        "</w:sdtContent></w:sdt>".repeat(10_000)
    );
    let err = docx_error(&with_document(&deep), &Limits::default());
    assert!(
        err.to_string()
            .starts_with("bad.docx: word/document.xml, byte ")
            && err.to_string().contains("XML nesting depth (256)"),
        "{err}"
    );
    let mut limits = Limits::default();
    limits.max_entries = 3;
    let (docx, _) = corpus_docx("1. Жалпы ережелер");
    let err = docx_error(&docx.build(), &limits);
    assert!(
        matches!(
            err,
            Error::LimitExceeded {
                what: "zip entries",
                ..
            }
        ),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// The real samples.

fn real_samples() -> Vec<PathBuf> {
    let Some(dir) = formats_dir() else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    if files.is_empty() {
        eprintln!(
            "note: no .docx in {}: the real Word samples are skipped",
            dir.display()
        );
    }
    files
}

#[test]
fn real_word_samples_number_as_libreoffice_does() {
    for file in real_samples() {
        let ours = lines_of(&Source::from_path(&file).unwrap());
        let Some(soffice) = soffice_text(&file) else {
            return;
        };
        let (compared, differences) = compare_with_soffice(&ours, &soffice);
        let labelled = ours.iter().filter(|l| !split_label(l).0.is_empty()).count();
        eprintln!(
            "{}: {compared} of {labelled} numbered lines compared with LibreOffice",
            file.display()
        );
        assert!(
            compared * 10 >= labelled * 9,
            "{}: {compared} of {labelled}",
            file.display()
        );
        assert!(
            differences.is_empty(),
            "{}: {differences:#?}",
            file.display()
        );
    }
}

#[test]
fn real_word_samples_give_both_versions() {
    for file in real_samples() {
        let doc = BilingualDocument::from_path(&file).unwrap();
        let name = file.display();
        for lang in Lang::ALL {
            let version = doc
                .version(lang)
                .unwrap_or_else(|| panic!("{name}: no {lang}"));
            assert!(version.clauses().len() > 50, "{name}: {lang}");
            assert!(
                version.clauses().iter().all(|c| doc.origin(c).is_some()),
                "{name}"
            );
        }
        let trilingual = file.to_string_lossy().contains("-en.");
        let left_out = doc.all_findings().any(|f| f.kind() == FindingKind::LeftOut);
        assert_eq!(left_out, trilingual, "{name}");
        // Numbered clauses in both versions, from Word's numbering or typed.
        assert!(
            numbers(&doc, Lang::Kk).len() > 30 && numbers(&doc, Lang::Ru).len() > 30,
            "{name}"
        );
    }
}

#[test]
fn a_folder_of_word_files_is_analysed_and_a_legacy_doc_skipped_with_its_reason() {
    let (kk, ru) = version_lines("kao-autocheck");
    let docx_of = |lines: &[String]| {
        let mut docx = Docx::default();
        for line in lines {
            docx.para(Para::plain(line));
        }
        docx.build()
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("policy.kk.docx"), docx_of(&kk)).unwrap();
    std::fs::write(dir.path().join("policy.ru.docx"), docx_of(&ru)).unwrap();
    let legacy = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    std::fs::write(dir.path().join("old.doc"), legacy).unwrap();
    let analysis =
        kzru_align::corpus::analyze_dir(dir.path(), &kzru_align::corpus::CorpusOptions::new())
            .unwrap();
    assert_eq!(analysis.documents.len(), 1);
    let doc = &analysis.documents[0].doc;
    assert_eq!(doc.sources().len(), 2, "the two files are one document");
    for lang in Lang::ALL {
        let version = doc.version(lang).unwrap();
        assert!(version.clauses().iter().all(|c| doc.origin(c).is_some()));
    }
    assert_eq!(analysis.skipped.len(), 1);
    assert!(matches!(
        analysis.skipped[0].error,
        Error::Unsupported { .. }
    ));
}
