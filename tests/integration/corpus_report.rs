//! The corpus analysis and report: template families, the cross-company diff, the report
//! files, escaping, atomic writes, skipped files and pairs of files in a folder.

use std::path::{Path, PathBuf};

use kzru_align::corpus::{CorpusOptions, analyze_dir};
use kzru_align::report::{write_atomic, write_corpus_report};
use kzru_align::{BilingualDocument, Differ, Lang, OpKind};

use crate::corpus_dir;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kzru-align-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stem(name: &str) -> &str {
    Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(name)
}

#[test]
fn the_template_family_is_found_and_other_policies_are_not_grouped() {
    let analysis = analyze_dir(&corpus_dir(), &CorpusOptions::new()).unwrap();
    assert_eq!(analysis.documents.len(), 5);
    assert!(
        analysis.skipped.is_empty(),
        "the folder README is not a document"
    );
    assert_eq!(analysis.families.len(), 1);
    let family = &analysis.families[0];
    let members: Vec<&str> = family
        .members
        .iter()
        .map(|&m| stem(&analysis.documents[m].name))
        .collect();
    assert_eq!(members, ["kao-autocheck", "mycar-myverify"]);
    // Both languages of the pair are diffed.
    let langs: Vec<Lang> = family.diffs.iter().map(|d| d.lang).collect();
    assert_eq!(langs, [Lang::Kk, Lang::Ru]);
    // Every pair was measured (a small corpus), and only the family pair is similar.
    assert_eq!(
        analysis.compared_pairs,
        10 + 3,
        "10 Kazakh pairs, 3 Russian"
    );
    // Bounds, not figures: they state the grouping's verdict (one similar pair, the rest far
    // apart), which is what this test is about; the figures are in the report's JSON.
    for pair in &analysis.similarities {
        let names = (
            stem(&analysis.documents[pair.a].name),
            stem(&analysis.documents[pair.b].name),
        );
        if names == ("kao-autocheck", "mycar-myverify") && pair.lang == Lang::Ru {
            assert!(pair.similarity > 0.3, "{pair:?}");
        } else {
            assert!(pair.similarity < 0.05, "{names:?} {pair:?}");
        }
    }
}

#[test]
fn the_family_diff_says_what_kao_changed_in_the_template() {
    let mycar = BilingualDocument::from_path(corpus_dir().join("mycar-myverify.txt")).unwrap();
    let kao = BilingualDocument::from_path(corpus_dir().join("kao-autocheck.txt")).unwrap();
    let diff = Differ::new().compare(&mycar, &kao, Lang::Ru).unwrap();
    assert_eq!(format!("{:.3}", diff.similarity), "0.626");
    assert_eq!(diff.count(OpKind::Equal), 43, "shared template clauses");
    // The company names and registration numbers are the template's fill-ins.
    assert!(
        diff.identity_a.contains(&"MyCar".to_owned())
            && diff.identity_a.contains(&"191140031171".to_owned())
    );
    assert!(diff.identity_b.contains(&"250640020303".to_owned()));
    // Retention: kao keeps data 5 years (9.1), mycar names no period.
    let retention = diff.topics.iter().find(|t| t.topic == "retention").unwrap();
    assert!(
        retention.only_b.iter().any(|v| v.value == "5"),
        "{retention:?}"
    );
    // Contact: kao's e-mail replaces mycar's web address.
    let contact = diff.topics.iter().find(|t| t.topic == "contact").unwrap();
    assert!(
        contact.only_a.iter().any(|v| v.value == "myverify.kz")
            && contact.only_b.iter().any(|v| v.value == "info@kao.kz")
    );
    // Only kao says which language prevails (its 9.12).
    let prevailing = diff
        .topics
        .iter()
        .find(|t| t.topic == "prevailing_language")
        .unwrap();
    assert_eq!((prevailing.added, prevailing.removed), (1, 0));
    let added_9_12 = diff
        .ops
        .iter()
        .find(|op| {
            op.b.as_ref()
                .is_some_and(|b| b.number.as_deref() == Some("9.12."))
        })
        .unwrap();
    assert_eq!(added_9_12.kind, OpKind::Added);
    assert_eq!(added_9_12.b.as_ref().unwrap().line, 400);
    // A changed clause carries its word diff: 9.1 retention period.
    let retention_clause = diff
        .ops
        .iter()
        .find(|op| {
            op.a.as_ref()
                .is_some_and(|a| a.number.as_deref() == Some("9.1."))
        })
        .unwrap();
    assert_eq!(
        retention_clause.b.as_ref().unwrap().number.as_deref(),
        Some("9.1.")
    );
    assert!(
        retention_clause
            .inline
            .iter()
            .any(|p| p.tag == kzru_align::InlineTag::Insert && p.text.contains("5 (пяти) лет"))
    );
    // Renumbered with the same text: 7.6 in mycar is 7.6 in kao, both inside section 9.
    assert!(
        diff.ops
            .iter()
            .any(|op| op.a.as_ref().and_then(|a| a.number.as_deref()) == Some("7.6."))
    );
}

/// `(topic, side, value, line, words the context must hold)`.
type TopicLabel = (&'static str, char, &'static str, usize, &'static str);

/// Every value of the topic table of the template pair (mycar as A, kao as B), labelled by
/// hand from the corpus: `(topic, side, value, line, words the context must hold)`. A value
/// belongs to its topic; nothing else is listed (no postcode under retention, no date of a
/// law under user rights, no «согласно» read as consent).
const TOPIC_LABELS: [(Lang, &[TopicLabel]); 2] = [
    (
        Lang::Ru,
        &[
            // mycar 8.1: after a withdrawal, data are destroyed within one working day.
            (
                "retention",
                'A',
                "1",
                368,
                "В течение 1 (одного) рабочего дня",
            ),
            // kao 9.1: data kept five years.
            ("retention", 'B', "5", 369, "в течение 5 (пяти) лет"),
            // mycar's user agreement is published at its site.
            ("contact", 'A', "myverify.kz", 208, "по адресу: myverify.kz"),
            // mycar 8.1: a withdrawal goes by post to this address.
            (
                "contact",
                'A',
                "050060",
                368,
                "по адресу: 050060 город Алматы",
            ),
            // kao 8.1: a withdrawal goes by e-mail.
            (
                "contact",
                'B',
                "info@kao.kz",
                363,
                "электронный адрес: info@kao.kz",
            ),
            // mycar cites the law on electronic documents, kao does not.
            ("law", 'A', "370-II", 333, "2003 года № 370-II"),
        ],
    ),
    (
        Lang::Kk,
        &[
            ("retention", 'B', "5", 164, "5 (бес) жыл бойы сақтаймыз"),
            // kao 9.5: the cookie that keeps the consent is renewed every 13 months.
            ("retention", 'B', "13", 172, "13 ай ішінде"),
            (
                "contact",
                'A',
                "myverify.kz",
                32,
                "құжат: myverify.kz мекенжай",
            ),
            (
                "contact",
                'B',
                "info@kao.kz",
                158,
                "мекенжайына жіберілуі тиіс: info@kao.kz",
            ),
            ("law", 'A', "370-II", 134, "№ 370-II Заңымен"),
        ],
    ),
];

#[test]
fn the_topic_table_of_the_template_pair_lists_exactly_the_labelled_values_in_their_words() {
    let mycar = BilingualDocument::from_path(corpus_dir().join("mycar-myverify.txt")).unwrap();
    let kao = BilingualDocument::from_path(corpus_dir().join("kao-autocheck.txt")).unwrap();
    for (lang, labels) in TOPIC_LABELS {
        let diff = Differ::new().compare(&mycar, &kao, lang).unwrap();
        let mut found: Vec<(&str, char, String, usize, String)> = Vec::new();
        for topic in &diff.topics {
            for (side, values) in [('A', &topic.only_a), ('B', &topic.only_b)] {
                for v in values {
                    found.push((
                        topic.topic,
                        side,
                        v.value.clone(),
                        v.line,
                        v.context.clone(),
                    ));
                }
            }
        }
        let shown: Vec<(&str, char, &str, usize)> = found
            .iter()
            .map(|(t, side, value, line, _)| (*t, *side, value.as_str(), *line))
            .collect();
        let expected: Vec<(&str, char, &str, usize)> = labels
            .iter()
            .map(|&(t, side, value, line, _)| (t, side, value, line))
            .collect();
        let mut sorted = shown.clone();
        sorted.sort();
        let mut expected_sorted = expected.clone();
        expected_sorted.sort();
        assert_eq!(sorted, expected_sorted, "{lang}: the topic table");
        for &(topic, _, value, _, words) in labels {
            let (.., context) = found.iter().find(|f| f.0 == topic && f.2 == value).unwrap();
            assert!(
                context.contains(words) && context.contains(value),
                "{lang} {topic} {value}: {context}"
            );
        }
    }
}

/// The corpus JSON report: five documents, one family, kao's figures.
fn check_json_report(path: &Path) {
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 5);
    assert_eq!(json["families"].as_array().unwrap().len(), 1);
    let kao = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"].as_str().unwrap().contains("kao"))
        .unwrap();
    assert_eq!(kao["divergences"]["error"], 3);
    assert_eq!(kao["tmx"], "kao-autocheck.tmx");
    assert_eq!(kao["alignment"]["links"].as_array().unwrap().len(), 121);
}

#[test]
fn the_report_is_written_with_json_tmx_and_html() {
    let analysis = analyze_dir(&corpus_dir(), &CorpusOptions::new()).unwrap();
    let out = temp_dir("report");
    let files = write_corpus_report(&analysis, &out).unwrap();
    assert_eq!(files.html, out.join("index.html"));
    let tmx: Vec<String> = files
        .tmx
        .iter()
        .flatten()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        tmx,
        ["aitu-sauda.tmx", "kao-autocheck.tmx", "mycar-myverify.tmx"]
    );
    assert_eq!(
        files.json.is_some(),
        cfg!(feature = "serde"),
        "the JSON report is serde's: written exactly when the feature is on"
    );
    if let Some(json) = &files.json {
        check_json_report(json);
    }
    assert_eq!(files.csv.is_some(), cfg!(feature = "csv"));
    let index = std::fs::read_to_string(&files.html).unwrap();
    for needle in [
        "aitu-sauda.txt",
        "kazeuromobile-simply.txt",
        "Template families",
        "1 template family;",
        "href=\"doc-kao-autocheck.html\"",
    ] {
        assert!(index.contains(needle), "{needle}");
    }
    // One page per document (the corpus is small: one part each), one per family, the index.
    let names: Vec<String> = files
        .pages
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "doc-aitu-sauda.html",
            "doc-idcollect.html",
            "doc-kao-autocheck.html",
            "doc-kazeuromobile-simply.html",
            "doc-mycar-myverify.html",
            "family-1.html",
            "index.html"
        ]
    );
    let kao = std::fs::read_to_string(out.join("doc-kao-autocheck.html")).unwrap();
    for needle in [
        "numbering_mismatch",
        "Numbered differently",
        "data-severity=\"error\"",
        "href=\"index.html\"",
    ] {
        assert!(kao.contains(needle), "{needle}");
    }
    for page in &files.pages {
        let html = std::fs::read_to_string(page).unwrap();
        // Addresses in the documents' text are text; no attribute loads or links anything.
        for external in ["src=\"http", "href=\"http", "url(http", "@import"] {
            assert!(
                !html.contains(external),
                "{}: no external assets ({external})",
                page.display()
            );
        }
        assert!(
            !html.contains("<link ") && !html.contains("<script src"),
            "{}: self-contained",
            page.display()
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left");
}

#[test]
fn html_escapes_quotes_angle_brackets_and_ampersands() {
    let dir = temp_dir("escape");
    std::fs::write(
        dir.join("policy.txt"),
        "1. Жалпы\n\n1.1. «A & B» <ЖШС> және \"C\" 'D' компанияларымен <script>alert(1)</script> жұмыс істейміз.\n\n\
         1. Общие\n\n1.1. Мы работаем с «A & B» <ТОО> и \"C\" 'D' <script>alert(1)</script>.\n",
    )
    .unwrap();
    let analysis = analyze_dir(&dir, &CorpusOptions::new()).unwrap();
    let files = write_corpus_report(&analysis, &dir.join("out")).unwrap();
    let html = std::fs::read_to_string(dir.join("out").join("doc-policy.html")).unwrap();
    assert!(
        files
            .pages
            .contains(&dir.join("out").join("doc-policy.html"))
    );
    assert!(
        html.contains("«A &amp; B» &lt;ТОО&gt; и &quot;C&quot; &apos;D&apos;"),
        "escaped clause text"
    );
    assert!(!html.contains("<ТОО>") && !html.contains("<script>alert"));
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only the report's own script"
    );
}

#[test]
fn an_interrupted_write_leaves_the_previous_file_whole() {
    let dir = temp_dir("atomic");
    let path = dir.join("report.json");
    write_atomic(&path, |out| out.write_all(b"{\"complete\": true}")).unwrap();
    let failed = write_atomic(&path, |out| {
        out.write_all(b"{\"half")?;
        Err(std::io::Error::other("interrupted"))
    });
    assert!(failed.is_err());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{\"complete\": true}"
    );
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["report.json"]);
}

#[test]
fn unreadable_files_are_skipped_with_their_reason_and_the_rest_processed() {
    let dir = temp_dir("skip");
    std::fs::copy(corpus_dir().join("aitu-sauda.txt"), dir.join("good.txt")).unwrap();
    std::fs::write(
        dir.join("binary.txt"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13],
    )
    .unwrap();
    std::fs::write(dir.join("latin1.txt"), b"1. \xc1\xe0\xe7\xe0\n").unwrap();
    std::fs::write(
        dir.join("english.txt"),
        "Privacy policy\n\n1. General terms.\n",
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    let analysis = analyze_dir(&dir, &CorpusOptions::new()).unwrap();
    assert_eq!(analysis.documents.len(), 1);
    let mut reasons: Vec<String> = analysis
        .skipped
        .iter()
        .map(|s| s.error.to_string())
        .collect();
    reasons.sort();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(
        reasons[0].contains("binary.txt") && reasons[0].contains("binary data"),
        "{reasons:?}"
    );
    assert!(reasons[1].contains("empty.txt") && reasons[1].contains("empty"));
    assert!(reasons[2].contains("english.txt") && reasons[2].contains("no Kazakh or Russian"));
    assert!(reasons[3].contains("latin1.txt") && reasons[3].contains("invalid UTF-8 at byte 3"));
    let html = std::fs::read_to_string(
        write_corpus_report(&analysis, &dir.join("out"))
            .unwrap()
            .html,
    )
    .unwrap();
    assert!(html.contains("Skipped files") && html.contains("latin1.txt"));
}

#[test]
fn two_files_of_one_document_in_a_folder_are_paired() {
    let dir = temp_dir("pairs");
    let text = std::fs::read_to_string(corpus_dir().join("mycar-myverify.txt")).unwrap();
    let doc = BilingualDocument::from_text("mycar", text.clone()).unwrap();
    let split = doc.version(Lang::Ru).unwrap().span().start();
    std::fs::write(dir.join("mycar-kk.txt"), &text[..split]).unwrap();
    std::fs::write(dir.join("mycar-ru.txt"), &text[split..]).unwrap();
    let analysis = analyze_dir(&dir, &CorpusOptions::new()).unwrap();
    assert_eq!(analysis.documents.len(), 1);
    let d = &analysis.documents[0];
    assert!(d.name.contains("mycar-kk.txt + ") && d.name.ends_with("mycar-ru.txt"));
    assert_eq!(d.doc.versions().len(), 2);
}
