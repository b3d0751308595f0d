//! The HTML pages: a document's divergences sorted by severity and place with readable
//! labels, every row of a run marked, a meaning mismatch's evidence marked on both sides,
//! pages cut under their limit with every link resolving, and no page over 5 MB on a large
//! input.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use kzru_align::corpus::{CorpusOptions, analyze_dir};
use kzru_align::report::{CorpusReport, DEFAULT_PAGE_LIMIT, write_html};
use kzru_align::{Aligner, BilingualDocument, Lang};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kzru-align-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The page of one document, all on one page.
fn page_of(doc: &BilingualDocument) -> String {
    let alignment = Aligner::new().align(doc);
    let mut page = Vec::new();
    write_html(&alignment, &mut page).unwrap();
    String::from_utf8(page).unwrap()
}

/// The value of attribute `name` in each element that starts with `start`, in order.
fn attributes<'a>(html: &'a str, start: &str, name: &str) -> Vec<&'a str> {
    html.match_indices(start)
        .map(|(at, _)| {
            let element = &html[at..at + html[at..].find('>').unwrap()];
            let key = format!(" {name}=\"");
            let from = element
                .find(&key)
                .unwrap_or_else(|| panic!("no {name} in {element}"))
                + key.len();
            &element[from..from + element[from..].find('"').unwrap()]
        })
        .collect()
}

#[test]
fn divergences_come_sorted_by_severity_then_place_with_readable_labels() {
    let html = page_of(&crate::corpus_doc("kao-autocheck"));
    let severities = attributes(&html, "<li class=\"divergence", "data-severity");
    let places = attributes(&html, "<li class=\"divergence", "data-place");
    assert_eq!(severities.len(), 12);
    let rank = |s: &str| {
        ["error", "warning", "info"]
            .iter()
            .position(|x| *x == s)
            .unwrap()
    };
    let keys: Vec<(usize, usize)> = severities
        .iter()
        .zip(&places)
        .map(|(s, p)| (rank(s), p.parse().unwrap_or(usize::MAX)))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
    // Readable labels, one version named where it matters.
    for label in [
        "<span class=\"label\">Clause missing in Kazakh</span>",
        "<span class=\"label\">Numbered differently</span>",
        "<span class=\"label\">Number out of sequence in Russian</span>",
        "<span class=\"label\">Letters of two scripts in Kazakh</span>",
    ] {
        assert!(html.contains(label), "{label}");
    }
    // The filters name kinds by their labels and count them, with plural-free counts.
    assert!(
        html.contains("data-kind=\"missing_counterpart\" checked> Clause missing in Kazakh (2)")
    );
    assert!(html.contains("3 errors</span>, <span class=\"sev-warning\">7 warnings</span>"));
    // The side-by-side view follows the divergences.
    assert!(html.find("id=\"divergences\"").unwrap() < html.find("id=\"side\"").unwrap());
}

#[test]
fn every_row_of_a_run_is_marked_not_only_the_first() {
    // kao: three Russian bullets (lines 242–244) without Kazakh counterpart, one divergence.
    let html = page_of(&crate::corpus_doc("kao-autocheck"));
    let runs: Vec<&str> = attributes(&html, "<li class=\"divergence", "data-rows")
        .into_iter()
        .filter(|rows| rows.split(' ').count() >= 3)
        .collect();
    assert!(!runs.is_empty(), "no divergence over three rows");
    for rows in runs {
        for row in rows.split(' ') {
            assert!(
                html.contains(&format!("<tr id=\"r{row}\" class=\"marked")),
                "row {row} of the run {rows} is not marked"
            );
        }
    }
    let marked = html.matches("class=\"marked").count();
    assert!(marked >= 14, "{marked} rows marked");
}

#[test]
fn a_meaning_mismatch_marks_its_words_on_both_sides() {
    let text = "1. Тұтынушы қызмет ақысын төлеуге міндетті.\n\n\
                2. Осы Шарт Қазақстан Республикасының заңнамасына сәйкес жасалған.\n\n\
                1. Заказчик обязан оплатить услуги.\n\n\
                2. Настоящий Договор заключен в соответствии с законодательством Республики Казахстан.\n";
    let doc = BilingualDocument::from_text("pair.txt", text).unwrap();
    let html = page_of(&doc);
    assert!(html.contains("data-kind=\"meaning_mismatch\""), "{html}");
    let row = attributes(&html, "<li class=\"divergence sev-error\" id=", "data-rows")[0];
    let start = html.find(&format!("<tr id=\"r{row}\"")).unwrap();
    let tr = &html[start..start + html[start..].find("</tr>").unwrap()];
    let kk = &tr[tr.find("lang=\"kk\"").unwrap()..tr.find("lang=\"ru\"").unwrap()];
    let ru = &tr[tr.find("lang=\"ru\"").unwrap()..];
    assert!(kk.contains("<mark class=\"cue\">Тұтынушы</mark>"), "{kk}");
    assert!(ru.contains("<mark class=\"cue\">Заказчик</mark>"), "{ru}");
    // The divergence repeats the evidence words.
    assert!(html.contains("party evidence: kk: «<mark class=\"cue\">Тұтынушы</mark>»"));
}

/// Every local link of the pages in `dir` (`page.html`, `page.html#id`) names a file there,
/// and the id, when there is one, is an element of that file.
fn check_links(dir: &Path, pages: &[PathBuf]) {
    let mut ids: HashMap<String, HashSet<String>> = HashMap::new();
    for page in pages {
        let html = std::fs::read_to_string(page).unwrap();
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let set = attributes(&html, " id=\"", "id");
        ids.insert(name, set.into_iter().map(str::to_owned).collect());
    }
    for page in pages {
        let html = std::fs::read_to_string(page).unwrap();
        let own = page.file_name().unwrap().to_string_lossy().into_owned();
        for href in attributes(&html, "<a ", "href")
            .into_iter()
            .filter(|h| !h.is_empty())
        {
            let (file, id) = href.split_once('#').unwrap_or((href, ""));
            let file = if file.is_empty() { own.as_str() } else { file };
            assert!(dir.join(file).exists(), "{own}: link to a missing {file}");
            if file.ends_with(".html") && !id.is_empty() {
                assert!(ids[file].contains(id), "{own}: no #{id} in {file}");
            }
        }
    }
}

#[test]
fn a_small_page_limit_cuts_every_page_and_every_link_still_resolves() {
    let analysis = analyze_dir(&crate::corpus_dir(), &CorpusOptions::new()).unwrap();
    let dir = temp_dir("paged");
    let limit = 40_000;
    let files = CorpusReport::new()
        .page_limit(limit)
        .write(&analysis, &dir)
        .unwrap();
    let kao_parts: Vec<&PathBuf> = files
        .pages
        .iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("doc-kao-autocheck")
        })
        .collect();
    assert!(kao_parts.len() >= 3, "{kao_parts:?}");
    for page in &files.pages {
        let size = std::fs::metadata(page).unwrap().len() as usize;
        assert!(size <= limit, "{}: {size} bytes", page.display());
    }
    // Every row of kao is on exactly one part, in order.
    let rows: Vec<String> = kao_parts
        .iter()
        .flat_map(|p| {
            let html = std::fs::read_to_string(p).unwrap();
            attributes(&html, "<tr id=\"r", "id")
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let expected: Vec<String> = (0..121).map(|r| format!("r{r}")).collect();
    assert_eq!(rows, expected);
    check_links(&dir, &files.pages);
}

/// `copies` copies of the Kazakh version of a corpus policy, then as many of its Russian
/// version, in one file: a document of tens of thousands of clauses.
fn copies_of(stem: &str, copies: usize) -> String {
    let doc = crate::corpus_doc(stem);
    let text = doc.sources()[0].text();
    let version = |lang| {
        let span = doc.version(lang).unwrap().span();
        format!("{}\n\n", &text[span.start()..span.end()])
    };
    format!(
        "{}{}",
        version(Lang::Kk).repeat(copies),
        version(Lang::Ru).repeat(copies)
    )
}

#[test]
fn no_page_of_a_large_input_is_over_five_megabytes() {
    let input = temp_dir("large-input");
    let text = copies_of("mycar-myverify", 200);
    assert!(text.len() > 14_000_000, "{} bytes", text.len());
    std::fs::write(input.join("copies.txt"), &text).unwrap();
    let analysis = analyze_dir(&input, &CorpusOptions::new()).unwrap();
    assert_eq!(analysis.documents.len(), 1);
    let out = temp_dir("large-report");
    let files = CorpusReport::new().write(&analysis, &out).unwrap();
    assert!(files.pages.len() > 3, "{} pages", files.pages.len());
    for page in &files.pages {
        let size = std::fs::metadata(page).unwrap().len() as usize;
        assert!(
            size <= DEFAULT_PAGE_LIMIT,
            "{}: {size} bytes",
            page.display()
        );
    }
    // The report holds the whole document: every link is a row on one of the pages.
    let links = analysis.documents[0].links.len();
    let rows: usize = files
        .pages
        .iter()
        .map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .matches("<tr id=\"r")
                .count()
        })
        .sum();
    assert_eq!(rows, links);
    check_links(&out, &files.pages);
}

#[cfg(feature = "serde")]
#[test]
fn align_writes_the_page_of_one_document() {
    let align = crate::formats::build_example("align");
    let output = std::process::Command::new(&align)
        .args(["corpus/kao-autocheck.txt", "--format", "html"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = String::from_utf8(output.stdout).unwrap();
    // The page of the corpus report, without its links to the index and the TMX file.
    let doc = BilingualDocument::from_path("corpus/kao-autocheck.txt").unwrap();
    assert!(html == page_of(&doc), "not the page write_html writes");
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    assert!(!html.contains("index.html") && !html.contains(".tmx"));
    assert!(html.contains("<h1>corpus/kao-autocheck.txt</h1>"));
    // With --out, the same page goes to the file.
    let dir = temp_dir("align-html");
    let out = dir.join("kao.html");
    let status = std::process::Command::new(&align)
        .args(["corpus/kao-autocheck.txt", "--format", "html", "--out"])
        .arg(&out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .unwrap();
    assert!(status.success());
    // Written as a file, its links to rows name the file.
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("href=\"kao.html#r29\""));
    assert!(written.replace("href=\"kao.html#", "href=\"#") == html);
}

#[test]
fn write_html_pages_cuts_one_document_into_linked_parts() {
    let doc = crate::corpus_doc("mycar-myverify");
    let alignment = Aligner::new().align(&doc);
    let dir = temp_dir("html-pages");
    let pages =
        kzru_align::report::write_html_pages(&alignment, &dir.join("mycar.html"), 30_000).unwrap();
    let names: Vec<String> = pages
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.len() >= 4, "{names:?}");
    assert_eq!(
        (names[0].as_str(), names[1].as_str()),
        ("mycar.html", "mycar.2.html")
    );
    for page in &pages {
        assert!(std::fs::metadata(page).unwrap().len() <= 30_000);
    }
    check_links(&dir, &pages);
}
