//! The report formats: TMX parses back, JSON follows the documented schema, the text report
//! groups by severity, and the `align` example fails with one line. The JSON and example
//! tests need the `serde` feature.

#[cfg(feature = "serde")]
use std::collections::HashSet;

#[cfg(feature = "serde")]
use kzru_align::report::AlignmentReport;
use kzru_align::report::{TextOptions, write_text, write_tmx};
use kzru_align::{Aligner, BilingualDocument, Lang};
use quick_xml::Reader;
use quick_xml::events::Event;

use crate::corpus_doc;

#[derive(Debug, Default)]
struct Unit {
    props: Vec<(String, String)>,
    tuvs: Vec<(String, String)>,
}

/// Parses TMX with a real XML reader; fails on anything malformed.
fn parse_tmx(xml: &str) -> (Vec<(String, String)>, Vec<Unit>) {
    let mut reader = Reader::from_str(xml);
    let mut header = Vec::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut prop_type = String::new();
    let mut lang = String::new();
    loop {
        match reader.read_event().expect("well-formed TMX") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"header" => {
                for attr in e.attributes() {
                    let attr = attr.unwrap();
                    header.push((
                        String::from_utf8(attr.key.as_ref().to_vec()).unwrap(),
                        attr.unescape_value().unwrap().into_owned(),
                    ));
                }
            }
            Event::Start(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                let attr = |key: &[u8]| {
                    e.attributes()
                        .filter_map(Result::ok)
                        .find(|a| a.key.as_ref() == key)
                        .map(|a| a.unescape_value().unwrap().into_owned())
                        .unwrap_or_default()
                };
                match name.as_str() {
                    "tu" => units.push(Unit::default()),
                    "prop" => prop_type = attr(b"type"),
                    "tuv" => {
                        lang = attr(b"xml:lang");
                        units
                            .last_mut()
                            .unwrap()
                            .tuvs
                            .push((lang.clone(), String::new()));
                    }
                    _ => {}
                }
                stack.push(name);
            }
            Event::Empty(e) if e.name().as_ref() == b"seg" => {
                assert_eq!(stack.last().map(String::as_str), Some("tuv"));
            }
            Event::Text(t) => {
                let text = t.decode().unwrap().into_owned();
                let text = quick_xml::escape::unescape(&text).unwrap().into_owned();
                // Text comes in pieces around entity references: append.
                match stack.last().map(String::as_str) {
                    Some("prop") => units
                        .last_mut()
                        .unwrap()
                        .props
                        .push((prop_type.clone(), text)),
                    Some("seg") => units
                        .last_mut()
                        .unwrap()
                        .tuvs
                        .last_mut()
                        .unwrap()
                        .1
                        .push_str(&text),
                    other => assert!(text.trim().is_empty(), "text {text:?} in {other:?}"),
                }
            }
            Event::GeneralRef(r) => {
                // Entity references inside text (`&amp;`) arrive as their own events.
                let name = r.decode().unwrap().into_owned();
                let decoded = quick_xml::escape::unescape(&format!("&{name};"))
                    .unwrap()
                    .into_owned();
                if let Some("seg") = stack.last().map(String::as_str) {
                    units
                        .last_mut()
                        .unwrap()
                        .tuvs
                        .last_mut()
                        .unwrap()
                        .1
                        .push_str(&decoded);
                }
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    let _ = lang;
    (header, units)
}

#[test]
fn tmx_is_well_formed_with_one_unit_per_link_and_both_languages() {
    let doc = corpus_doc("kao-autocheck");
    let alignment = Aligner::new().align(&doc);
    let mut out = Vec::new();
    write_tmx(&alignment, &mut out).unwrap();
    let xml = String::from_utf8(out).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert!(xml.contains("<tmx version=\"1.4\">"));
    let (header, units) = parse_tmx(&xml);
    assert!(header.contains(&("srclang".into(), "kk".into())));
    for required in [
        "creationtool",
        "creationtoolversion",
        "segtype",
        "o-tmf",
        "adminlang",
        "datatype",
    ] {
        assert!(
            header.iter().any(|(k, _)| k == required),
            "header lacks {required}"
        );
    }
    assert_eq!(units.len(), alignment.links().len());
    for (unit, link) in units.iter().zip(alignment.links()) {
        let langs: Vec<&str> = unit.tuvs.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(langs, ["kk", "ru"]);
        for lang in Lang::ALL {
            let expected: Vec<&str> = link
                .side(lang)
                .iter()
                .map(|&id| doc.clause(id).unwrap().text())
                .collect();
            let seg = &unit.tuvs[usize::from(lang == Lang::Ru)].1;
            assert_eq!(seg, &expected.join(" "));
        }
    }
    // 9.6 and 7.6 share a unit, their numbers in props.
    let slip = units
        .iter()
        .find(|u| u.props.contains(&("x-kk-number".into(), "9.6.".into())))
        .expect("a unit for 9.6");
    assert!(slip.props.contains(&("x-ru-number".into(), "7.6.".into())));
}

#[test]
fn tmx_escapes_markup_characters_in_clause_text() {
    let kk = "1. Шарттар\n\n1.1. Біз «A & B» <ЖШС> және \"C\" компанияларымен жұмыс істейміз.\n";
    let ru = "1. Условия\n\n1.1. Мы работаем с компаниями «A & B» <ТОО> и \"C\".\n";
    let doc = BilingualDocument::from_pair(
        kzru_align::Source::from_text("kk", kk).unwrap(),
        kzru_align::Source::from_text("ru", ru).unwrap(),
    )
    .unwrap();
    let alignment = Aligner::new().align(&doc);
    let mut out = Vec::new();
    write_tmx(&alignment, &mut out).unwrap();
    let xml = String::from_utf8(out).unwrap();
    assert!(xml.contains("&amp;") && xml.contains("&lt;"));
    let (_, units) = parse_tmx(&xml);
    let clause = doc.version(Lang::Ru).unwrap().find("1.1").unwrap();
    assert!(
        units.iter().any(|u| u.tuvs[1].1 == clause.text()),
        "{:?}",
        units
    );
    assert!(clause.text().contains("«A & B» <ТОО>"));
}

/// The JSON report is serde's: without the `serde` feature there is none to check.
#[cfg(feature = "serde")]
#[test]
fn json_follows_the_documented_schema() {
    let doc = corpus_doc("mycar-myverify");
    let alignment = Aligner::new().align(&doc);
    let json = serde_json::to_value(AlignmentReport::new(&alignment)).unwrap();
    // Key order is not part of JSON; compare the key sets (serde_json sorts them here).
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let sorted = |k: &[&str]| {
        let mut k: Vec<String> = k.iter().map(|s| (*s).to_owned()).collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&json),
        sorted(&["source", "clauses", "links", "divergences"])
    );
    assert_eq!(json["source"]["kk"], doc.sources()[0].name());
    let clauses = json["clauses"].as_array().unwrap();
    assert_eq!(clauses.len(), 128 + 125);
    let mut ids = HashSet::new();
    for clause in clauses {
        assert_eq!(
            keys(clause),
            sorted(&[
                "id", "lang", "number", "path", "kind", "line", "parent", "text"
            ])
        );
        assert!(matches!(clause["lang"].as_str(), Some("kk" | "ru")));
        assert!(
            ids.insert(clause["id"].as_str().unwrap().to_owned()),
            "ids are unique"
        );
    }
    let slip = clauses
        .iter()
        .find(|c| c["lang"] == "kk" && c["number"] == "7.6.")
        .unwrap();
    assert_eq!(slip["path"], serde_json::json!([9, 6]));
    assert_eq!(slip["line"], 185);
    assert_eq!(slip["kind"], "clause");
    let mut linked = HashSet::new();
    for link in json["links"].as_array().unwrap() {
        assert!(
            link["score"]
                .as_f64()
                .is_some_and(|s| (0.0..=1.0).contains(&s))
        );
        for side in ["kk", "ru"] {
            for id in link[side].as_array().unwrap() {
                let id = id.as_str().unwrap();
                assert!(id.starts_with(&format!("{side}-")));
                assert!(linked.insert(id.to_owned()), "{id} in two links");
            }
        }
    }
    assert_eq!(linked, ids, "every clause in exactly one link");
    let divergences = json["divergences"].as_array().unwrap();
    // The untranslated Russian table cell at Kazakh line 19 is short and has no Kazakh-only
    // letter to tell it by: only the statistical detector (`lingua`) is trusted to report it.
    // The two slips mycar makes in both versions (6.4 skipped, 7.6 inside section 9) are one
    // report each.
    let expected = if cfg!(feature = "lingua") { 8 } else { 7 };
    assert_eq!(divergences.len(), expected);
    for d in divergences {
        assert_eq!(
            keys(d),
            sorted(&["kind", "severity", "kk", "ru", "lines", "message"])
        );
        assert!(
            d["kind"]
                .as_str()
                .unwrap()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_')
        );
        assert!(matches!(
            d["severity"].as_str(),
            Some("error" | "warning" | "info")
        ));
        assert!(d["lines"]["kk"].is_array() && d["lines"]["ru"].is_array());
    }
    let text = json.to_string();
    assert!(!text.contains("\"kz\""), "ISO 639-1 codes only");
}

#[test]
fn the_text_report_groups_divergences_by_severity_with_both_lines() {
    let doc = corpus_doc("kao-autocheck");
    let alignment = Aligner::new().align(&doc);
    let mut out = Vec::new();
    write_text(&alignment, TextOptions::default(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let errors = text.find("\nERRORS\n").unwrap();
    let warnings = text.find("\nWARNINGS\n").unwrap();
    let info = text.find("\nINFO\n").unwrap();
    assert!(errors < warnings && warnings < info);
    let mismatch = text.find("numbering_mismatch").unwrap();
    assert!(warnings < mismatch && mismatch < info);
    assert!(
        text[mismatch..].lines().next().unwrap().contains("kk 176")
            && text[mismatch..].lines().next().unwrap().contains("ru 383")
    );
    assert!(text.contains("ALIGNED CLAUSES"));
    assert!(
        text.contains(" 176 9.6. "),
        "the side-by-side view shows lines and numbers"
    );
}

/// The executable of the example `name`, built now by cargo with the features of this test
/// build. `cargo test --test integration` does not build the examples, and a test that looked
/// for a prebuilt binary used to pass without running when there was none; building it here
/// is a no-op after a plain `cargo test`, which has built them already.
#[cfg(feature = "serde")]
pub(crate) fn build_example(name: &str) -> std::path::PathBuf {
    let mut features = vec!["serde"];
    features.extend(cfg!(feature = "lingua").then_some("lingua"));
    features.extend(cfg!(feature = "csv").then_some("csv"));
    let features = features.join(" ");
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "build",
            "--quiet",
            "--message-format=json",
            "--example",
            name,
        ])
        .args(["--no-default-features", "--features", &features])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo build --example {name}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Cargo names the executable it built in its `compiler-artifact` message.
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| {
            message["reason"] == "compiler-artifact" && message["target"]["name"] == name
        })
        .find_map(|message| message["executable"].as_str().map(Into::into))
        .unwrap_or_else(|| panic!("cargo built no executable for the example {name}"))
}

/// The example needs the `serde` feature (`required-features` in Cargo.toml): without it
/// cargo cannot build it, so the test exists only where it can run.
#[cfg(feature = "serde")]
#[test]
fn the_align_example_fails_with_one_line_and_a_non_zero_exit() {
    let align = build_example("align");
    for args in [
        vec!["/no/such/file.txt"],
        vec!["corpus/idcollect.txt", "--format", "xml"],
        vec![],
    ] {
        let output = std::process::Command::new(&align)
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(!output.status.success(), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
    }
    let output = std::process::Command::new(&align)
        .args(["corpus/aitu-sauda.txt", "--format", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // The seven divergences `aitu_merges_the_split_item_and_finds_the_extra_one` lists.
    assert_eq!(json["divergences"].as_array().unwrap().len(), 7);
}

/// Bad arguments get clap's whole message on one line: what is missing, or the values allowed.
#[cfg(feature = "serde")]
#[test]
fn argument_errors_say_what_is_missing_and_what_is_allowed() {
    let align = build_example("align");
    let stderr = |args: &[&str]| {
        let output = std::process::Command::new(&align)
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    let missing = stderr(&[]);
    assert!(missing.contains("<FILE>"), "{missing}");
    let bad_format = stderr(&["corpus/idcollect.txt", "--format", "pdf"]);
    assert!(
        bad_format.contains(if cfg!(feature = "csv") {
            "[possible values: text, json, tmx, html, csv]"
        } else {
            "[possible values: text, json, tmx, html]"
        }),
        "{bad_format}"
    );
    let help = std::process::Command::new(&align)
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(
        help.starts_with("Align the Kazakh and Russian versions"),
        "the example's own description, not the crate's: {help}"
    );
}

/// A reader that stops early (`outline … | head -1`) ends the example quietly with success.
#[cfg(feature = "serde")]
#[test]
fn a_reader_that_stops_early_is_no_failure() {
    use std::io::{BufRead, BufReader};
    for (example, args) in [
        ("outline", vec!["corpus/kao-autocheck.txt"]),
        (
            "align",
            vec!["corpus/kao-autocheck.txt", "--format", "json"],
        ),
    ] {
        let exe = build_example(example);
        let mut child = std::process::Command::new(&exe)
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{example}");
        // The pipe is closed here, with most of the output unread.
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{example}: {stderr}");
        assert!(!stderr.contains("panicked"), "{example}: {stderr}");
    }
}

/// A folder without documents is an error naming the folder, not an empty report.
#[cfg(feature = "serde")]
#[test]
fn the_corpus_report_of_an_empty_folder_is_an_error() {
    let report = build_example("corpus_report");
    let empty = tempfile::tempdir().unwrap();
    let out = empty.path().join("report");
    let output = std::process::Command::new(&report)
        .arg(empty.path())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&empty.path().display().to_string()) && stderr.contains("no documents"),
        "{stderr}"
    );
    assert!(!out.exists(), "no report written");
}

/// The fields of the policy diff's JSON are those `docs/diff-json.md` documents, at the top
/// level and in each op.
#[cfg(feature = "serde")]
#[test]
fn diff_json_follows_the_documented_schema() {
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/diff-json.md")).unwrap();
    // The first column of the doc's tables: `a`, `b` (one row may name two fields).
    let documented: HashSet<String> = docs
        .lines()
        .filter(|line| line.starts_with("| `"))
        .flat_map(|line| {
            let cell = line.split('|').nth(1).unwrap_or_default();
            cell.split(',')
                .map(|name| name.trim().trim_matches('`').to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    let a = crate::corpus_doc("kao-autocheck");
    let b = crate::corpus_doc("mycar-myverify");
    let diff = kzru_align::Differ::new().compare(&a, &b, Lang::Ru).unwrap();
    let json = serde_json::to_value(vec![diff]).unwrap();
    let top = json[0].as_object().unwrap();
    let op = json[0]["ops"][0].as_object().unwrap();
    let written: HashSet<String> = top.keys().chain(op.keys()).cloned().collect();
    assert_eq!(written, documented);
}
