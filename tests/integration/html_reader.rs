//! The HTML reader on web pages generated from the corpus: each version's clause tree is
//! written as nested lists whose numbers are not in the text (`<ol>` with `start`, `value`
//! and `type`; or Word's export with `data-list-text` and CSS counters), with scripts,
//! styles and navigation around it, and the numbers must come back as the text has them.
#![cfg(feature = "html")]

use std::fmt::Write as _;

use kzru_align::read::{Format, Origin};
use kzru_align::{
    Aligner, BilingualDocument, Clause, ClauseKind, Lang, NumberStyle, Source, Version,
};

use crate::{corpus_doc, version};

/// How the generated page numbers its lists.
#[derive(Clone, Copy, PartialEq)]
enum Numbering {
    /// HTML's own numbering: nesting, `start`, `value`, `type`.
    Html,
    /// As Word's HTML export writes it: `data-list-text` on the top-level items, CSS
    /// counters for the nested lists.
    WordExport,
}

/// Writes a page from a version's clauses.
struct Page<'a> {
    version: &'a Version,
    numbering: Numbering,
    body: String,
    css: String,
    lists: usize,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn is_listed(clause: &Clause) -> bool {
    clause.number().is_some_and(|n| n.is_hierarchical())
}

impl Page<'_> {
    fn clauses(&mut self, ids: &[&Clause], counters: &[String]) {
        let mut i = 0;
        while i < ids.len() {
            let clause = ids[i];
            if is_listed(clause) {
                let run: Vec<&Clause> = ids[i..]
                    .iter()
                    .take_while(|c| is_listed(c))
                    .copied()
                    .collect();
                i += run.len();
                self.list(&run, counters);
            } else if clause.kind() == ClauseKind::Bullet {
                let run: Vec<&Clause> = ids[i..]
                    .iter()
                    .take_while(|c| c.kind() == ClauseKind::Bullet)
                    .copied()
                    .collect();
                i += run.len();
                self.body.push_str("<ul>");
                for item in run {
                    self.body.push_str("<li>");
                    self.item_body(item, counters, "li");
                }
                self.body.push_str("</ul>\n");
            } else {
                i += 1;
                let tag = if clause.kind() == ClauseKind::Title {
                    "h1"
                } else {
                    "p"
                };
                // Enumerations (`1)`, `а)`) and bullets outside lists keep their typed marker.
                let marker = clause
                    .number()
                    .map(|n| n.as_str())
                    .or(clause.marker())
                    .map(|m| format!("{m} "))
                    .unwrap_or_default();
                let _ = writeln!(
                    self.body,
                    "<{tag}>{marker}{}</{tag}>",
                    escape(clause.text())
                );
                self.children(clause, counters);
            }
        }
    }

    fn children(&mut self, clause: &Clause, counters: &[String]) {
        let children: Vec<&Clause> = clause
            .children()
            .iter()
            .filter_map(|id| self.version.clause(*id))
            .collect();
        self.clauses(&children, counters);
    }

    fn item_body(&mut self, clause: &Clause, counters: &[String], tag: &str) {
        let _ = write!(self.body, "<p>{}</p>", escape(clause.text()));
        self.children(clause, counters);
        let _ = writeln!(self.body, "</{tag}>");
    }

    /// One `<ol>` of sibling clauses numbered `prefix.1.`, `prefix.2.` … or `I.`, `II.` ….
    fn list(&mut self, items: &[&Clause], counters: &[String]) {
        self.lists += 1;
        let id = format!("l{}", self.lists);
        let counter = format!("c{}", self.lists);
        let roman = items[0].number().unwrap().style() == NumberStyle::Roman;
        let first = items[0].number().unwrap().last();
        let mut attrs = String::new();
        if roman {
            attrs.push_str(" type=\"I\"");
        }
        if self.numbering == Numbering::Html && first != 1 {
            let _ = write!(attrs, " start=\"{first}\"");
        }
        let mut chain = counters.to_vec();
        chain.push(counter.clone());
        if self.numbering == Numbering::WordExport {
            let content: Vec<String> = chain
                .iter()
                .map(|c| {
                    format!(
                        "counter({c}, {})",
                        if roman { "upper-roman" } else { "decimal" }
                    )
                })
                .collect();
            let _ = writeln!(
                self.css,
                "#{id} {{ counter-reset: {counter} {} }}\n\
                 #{id} > li > *:first-child:before {{ counter-increment: {counter}; content: {} \". \"; }}",
                first - 1,
                content.join(" \".\" ")
            );
        }
        let _ = write!(self.body, "<ol id=\"{id}\"{attrs}>");
        let mut expected = first;
        // CSS counters cannot skip a number: after a skip, every item states its number, as
        // Word's export does for all of them.
        let mut skipped = false;
        for (k, item) in items.iter().enumerate() {
            let number = item.number().unwrap();
            let n = number.last();
            // A number that does not follow its parent's (a slip such as 7.6 under 9.)
            // cannot come from nesting: the page states it, as Word's export always does.
            let parent_prefix = item
                .parent()
                .and_then(|p| self.version.clause(p))
                .and_then(Clause::number)
                .map(|p| p.components().to_vec());
            let components = number.components();
            let nested_ok = match &parent_prefix {
                Some(prefix) if is_listed(self.version.clause(item.parent().unwrap()).unwrap()) => {
                    components.len() == prefix.len() + 1 && components.starts_with(prefix)
                }
                _ => components.len() == 1,
            };
            let top_level = counters.is_empty();
            let mut li = String::from("<li");
            skipped |= n != expected;
            let stated =
                !nested_ok || (self.numbering == Numbering::WordExport && (top_level || skipped));
            if stated {
                let _ = write!(li, " data-list-text=\"{}\"", number.as_str());
            } else if self.numbering == Numbering::Html && n != expected && k > 0 {
                let _ = write!(li, " value=\"{n}\"");
            }
            li.push('>');
            self.body.push_str(&li);
            self.item_body(item, &chain, "li");
            expected = n + 1;
        }
        self.body.push_str("</ol>\n");
    }
}

/// A web page holding `version` with its numbers in the list structure only.
fn page(version: &Version, numbering: Numbering) -> String {
    let mut page = Page {
        version,
        numbering,
        body: String::new(),
        css: String::new(),
        lists: 0,
    };
    let roots: Vec<&Clause> = version.roots().collect();
    page.clauses(&roots, &[]);
    let lang = version.lang().code();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>1. Not a clause</title>\n\
         <style>li {{ display: block }}\n{}</style>\n\
         <script>document.write('<p>2. Not a clause either</p>');</script></head>\n\
         <body><nav><ol><li>Басты бет</li><li>Байланыс</li></ol></nav>\n{}\
         <script type=\"application/ld+json\">{{\"name\": \"3. Still not\"}}</script>\n\
         <footer><p>© 2024. 4. Барлық құқықтар қорғалған</p></footer></body></html>\n",
        page.css, page.body
    )
}

/// The hierarchical numbers of a version, as components, in document order.
fn numbers(version: &Version) -> Vec<Vec<u32>> {
    version
        .clauses()
        .iter()
        .filter(|c| is_listed(c))
        .map(|c| c.number().unwrap().components().to_vec())
        .collect()
}

fn read_page(name: &str, html: &str) -> BilingualDocument {
    BilingualDocument::from_bytes(name, html.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn check_numbers_come_back(stem: &str, lang: Lang, numbering: Numbering) {
    let text = corpus_doc(stem);
    let text_version = version(&text, lang);
    let html = page(text_version, numbering);
    let doc = read_page(&format!("{stem}.{}.html", lang.code()), &html);
    assert_eq!(doc.sources()[0].format(), Format::Html);
    let read_version = version(&doc, lang);
    assert_eq!(
        numbers(read_version),
        numbers(text_version),
        "{stem} {lang}: the page's list numbers\n{html}"
    );
    let extracted = doc.sources()[0].text();
    for noise in [
        "Not a clause",
        "Still not",
        "Басты бет",
        "құқықтар қорғалған",
        "document.write",
    ] {
        assert!(
            !extracted.contains(noise),
            "{noise:?} leaked into\n{extracted}"
        );
    }
}

#[test]
fn nested_ordered_lists_give_the_corpus_numbers_back() {
    for (stem, lang) in [
        ("kao-autocheck", Lang::Kk),
        ("kao-autocheck", Lang::Ru),
        ("mycar-myverify", Lang::Ru),
        ("kazeuromobile-simply", Lang::Kk),
    ] {
        check_numbers_come_back(stem, lang, Numbering::Html);
    }
}

#[test]
fn word_export_data_list_text_and_css_counters_give_the_corpus_numbers_back() {
    for (stem, lang) in [
        ("kao-autocheck", Lang::Kk),
        ("mycar-myverify", Lang::Kk),
        ("kazeuromobile-simply", Lang::Kk),
    ] {
        check_numbers_come_back(stem, lang, Numbering::WordExport);
    }
}

#[test]
fn a_kazakh_and_a_russian_page_align_like_the_text() {
    let text = corpus_doc("kao-autocheck");
    let kk = page(version(&text, Lang::Kk), Numbering::Html);
    let ru = page(version(&text, Lang::Ru), Numbering::WordExport);
    let doc = BilingualDocument::from_pair(
        Source::from_bytes("kk.html", kk.as_bytes()).unwrap(),
        Source::from_bytes("ru.html", ru.as_bytes()).unwrap(),
    )
    .unwrap();
    let alignment = Aligner::new().align(&doc);
    // Kazakh 9.6 is Russian 7.6, as in the text (the README's example).
    let kk_clause = version(&doc, Lang::Kk).find("9.6").unwrap();
    let ru_clause = doc
        .clause(alignment.counterparts(kk_clause.id())[0])
        .unwrap();
    assert_eq!(ru_clause.number().unwrap().as_str(), "7.6.");
    // Every line cites the element it came from.
    let origin = doc.origin(ru_clause).expect("an origin");
    let Origin::Html { path } = origin else {
        panic!("{origin:?}")
    };
    assert!(
        path.starts_with("body > ol") && path.contains("li:nth-of-type("),
        "{path}"
    );
}

#[test]
fn bullets_and_typed_enumerations_survive() {
    let text = corpus_doc("mycar-myverify");
    let text_version = version(&text, Lang::Kk);
    let doc = read_page("b.html", &page(text_version, Numbering::Html));
    let count = |v: &Version, kind| v.clauses().iter().filter(|c| c.kind() == kind).count();
    for kind in [ClauseKind::Bullet, ClauseKind::Item] {
        assert_eq!(
            count(version(&doc, Lang::Kk), kind),
            count(text_version, kind),
            "{kind:?}"
        );
    }
}
