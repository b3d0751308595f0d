//! The web page reader (feature `html`): the text a reader of the page sees, in reading
//! order, one block element (paragraph, heading, list item, table row) per line, with the
//! list numbers the browser draws and the text does not hold.
//!
//! - Parsed as a browser does (html5ever, through `scraper`), so unclosed tags and stray
//!   markup read as they display.
//! - Left out: `<head>`, scripts, styles, `<noscript>`, `<template>`, navigation (`<nav>`),
//!   forms' controls, embedded objects, elements hidden by `hidden`, `aria-hidden="true"` or
//!   an inline `display: none`, and page banners and footers (`<header>`, `<footer>`) except
//!   the headings inside them, where pages put their title.
//! - List items start with their marker: `data-list-text`, CSS counters, or the `<ol>`
//!   numbering (see `markers`); `<ul>` items with `•`. A marker is not added to an item whose
//!   text already starts with a clause number.
//! - A table row is one line, its cells separated by tabs.
//! - `lang` attributes are not trusted: the language of every block is detected from its text.
//!
//! Every line's [`Origin::Html`] is the path of the element it came from,
//! `body > div:nth-of-type(2) > ol > li:nth-of-type(3)`. Nesting deeper than
//! [`Limits::max_depth`] is refused with [`Error::LimitExceeded`].

mod markers;
mod nesting;

use std::collections::HashMap;

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::extracted::{Extracted, Origin};
use super::limits::Limits;
use crate::error::{Error, Result};
use crate::number::ClauseNumber;
use markers::{Counters, List};
use nesting::nested_beyond;

/// Elements whose content is never shown as text.
const DROPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "iframe", "object", "embed", "svg",
    "math", "canvas", "select", "button", "textarea", "datalist", "audio", "video", "map",
    "dialog",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "caption",
    "tr",
    "ul",
    "legend",
];

/// Blocks after which a blank line separates what follows: paragraphs, headings and whole
/// lists or tables (the items of one list, the rows of one table stay together).
const PARAGRAPHS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ol",
    "ul",
    "table",
    "dl",
    "blockquote",
    "pre",
    "address",
    "figure",
];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// The pre-scan refuses a page whose tags nest more than this many times `max_depth` deep.
/// The scan counts every unclosed start tag, so it overestimates; the exact check on the
/// parsed tree is `max_depth`.
const PRE_SCAN_FACTOR: usize = 4;

/// Reads a web page. `name` names the file in errors.
///
/// # Errors
///
/// [`Error::InvalidUtf8`] when the page is not UTF-8 (a legacy charset is not converted:
/// save the page as UTF-8); [`Error::LimitExceeded`] when elements nest deeper than
/// [`Limits::max_depth`].
pub(crate) fn read(name: &str, bytes: &[u8], limits: &Limits) -> Result<Extracted> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let offset = err.valid_up_to();
        Error::InvalidUtf8 {
            file: name.to_owned(),
            offset,
            line: 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count(),
        }
    })?;
    // The parser's work grows with the square of the nesting depth (every start tag looks
    // down the stack of open elements): refuse an absurdly nested page before parsing it.
    if let Some(offset) = nested_beyond(text, PRE_SCAN_FACTOR * limits.max_depth) {
        return Err(Error::LimitExceeded {
            file: name.to_owned(),
            format: "HTML",
            place: format!("byte {offset}"),
            what: "nesting depth",
            limit: limits.max_depth as u64,
        });
    }
    let page = Html::parse_document(text);
    let mut walker = Walker::new(name, limits);
    for style in page.tree.nodes().filter(|n| is_element(n, "style")) {
        let css: String = style
            .children()
            .filter_map(|c| c.value().as_text().map(|t| &**t))
            .collect();
        walker.counters.add_style_sheet(&css);
    }
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => walker.open(node)?,
            Edge::Close(node) => walker.close(node),
        }
    }
    walker.flush();
    Ok(walker.out)
}

fn is_element(node: &NodeRef<'_, Node>, tag: &str) -> bool {
    node.value().as_element().is_some_and(|e| e.name() == tag)
}

/// What the walker remembers of an open element.
struct Open {
    tag: String,
    /// Its path segment: `li`, or `li:nth-of-type(3)` when it has siblings of its type.
    segment: String,
    /// How many children of each type it has, and how many of them were opened so far.
    child_types: HashMap<String, (usize, usize)>,
    /// Whether it was a list (`<ol>`, `<ul>`), pushed on `lists`.
    list: bool,
    /// Whether it was a list item, its marker pushed on `items`.
    item: bool,
}

/// Walks the page's tree once, in document order, building the lines.
struct Walker<'a> {
    name: &'a str,
    limits: &'a Limits,
    out: Extracted,
    /// The text of the line being built, white space collapsed.
    line: String,
    /// Where the line being built started.
    line_origin: Option<Origin>,
    open: Vec<Open>,
    lists: Vec<List>,
    /// Markers of the open list items, innermost last.
    items: Vec<Option<String>>,
    /// The marker of the item whose first line has not been written yet.
    pending_marker: Option<String>,
    counters: Counters,
    /// Depth inside a dropped element (0: outside any).
    dropped: usize,
    /// Depth inside a `<header>` or `<footer>`, and inside a heading.
    banner: usize,
    heading: usize,
    /// Depth inside table cells and `<pre>`.
    cell: usize,
    pre: usize,
}

impl<'a> Walker<'a> {
    fn new(name: &'a str, limits: &'a Limits) -> Walker<'a> {
        Walker {
            name,
            limits,
            out: Extracted::new(),
            line: String::new(),
            line_origin: None,
            open: Vec::new(),
            lists: Vec::new(),
            items: Vec::new(),
            pending_marker: None,
            counters: Counters::default(),
            dropped: 0,
            banner: 0,
            heading: 0,
            cell: 0,
            pre: 0,
        }
    }

    fn open(&mut self, node: NodeRef<'_, Node>) -> Result<()> {
        match node.value() {
            Node::Text(text) => {
                self.text(&text.text);
                Ok(())
            }
            Node::Element(_) => self.open_element(node),
            _ => Ok(()),
        }
    }

    fn open_element(&mut self, node: NodeRef<'_, Node>) -> Result<()> {
        let Some(element) = node.value().as_element() else {
            return Ok(());
        };
        let tag = element.name().to_ascii_lowercase();
        if self.open.len() >= self.limits.max_depth {
            let path = self.path();
            let head: Vec<&str> = path.splitn(5, " > ").take(4).collect();
            return Err(Error::LimitExceeded {
                file: self.name.to_owned(),
                format: "HTML",
                place: format!("{} > …", head.join(" > ")),
                what: "nesting depth",
                limit: self.limits.max_depth as u64,
            });
        }
        let segment = self.segment_of(&tag);
        let mut open = Open {
            tag: tag.clone(),
            segment,
            child_types: child_types(node),
            list: false,
            item: false,
        };
        if self.dropped > 0 || DROPPED.contains(&tag.as_str()) || is_hidden(element) {
            self.dropped += 1;
            self.open.push(open);
            return Ok(());
        }
        if BLOCKS.contains(&tag.as_str()) {
            self.break_line();
        }
        match tag.as_str() {
            "header" | "footer" => self.banner += 1,
            "td" | "th" => self.cell += 1,
            "pre" => self.pre += 1,
            "br" | "hr" if self.cell > 0 => self.line.push(' '),
            "br" | "hr" => self.flush(),
            "ol" | "ul" => {
                let id = element
                    .id()
                    .filter(|id| self.counters.numbers(id))
                    .map(str::to_owned);
                if let Some(id) = &id {
                    self.counters.open_list(id);
                }
                let items = node.children().filter(|c| is_element(c, "li")).count();
                let attr = |name: &str| element.attr(name).map(str::to_owned);
                self.lists.push(List::new(tag == "ol", attr, items, id));
                open.list = true;
            }
            "li" => {
                let parent = self.items.iter().rev().flatten().next().cloned();
                let marker = self.lists.last_mut().and_then(|list| {
                    list.item(
                        element.attr("value"),
                        element.attr("data-list-text"),
                        parent.as_deref(),
                        &mut self.counters,
                    )
                });
                self.pending_marker.clone_from(&marker);
                self.items.push(marker);
                open.item = true;
            }
            _ => {}
        }
        if HEADINGS.contains(&tag.as_str()) {
            self.heading += 1;
        }
        self.open.push(open);
        Ok(())
    }

    fn close(&mut self, node: NodeRef<'_, Node>) {
        if !node.value().is_element() {
            return;
        }
        let Some(open) = self.open.pop() else {
            return;
        };
        if self.dropped > 0 {
            self.dropped -= 1;
            return;
        }
        let tag = open.tag.as_str();
        if matches!(tag, "td" | "th") {
            self.cell = self.cell.saturating_sub(1);
            let trimmed = self.line.trim_end().len();
            self.line.truncate(trimmed);
            self.line.push('\t');
        }
        if BLOCKS.contains(&tag) {
            self.break_line();
        }
        match tag {
            "header" | "footer" => self.banner = self.banner.saturating_sub(1),
            "pre" => self.pre = self.pre.saturating_sub(1),
            _ => {}
        }
        if HEADINGS.contains(&tag) {
            self.heading = self.heading.saturating_sub(1);
        }
        if open.list {
            self.lists.pop();
        }
        if open.item {
            self.items.pop();
            self.pending_marker = None;
        }
        if self.cell == 0 && PARAGRAPHS.contains(&tag) && self.items.is_empty() {
            self.out.push_blank();
        }
    }

    /// Appends a text node to the line, white space collapsed (kept inside `<pre>`).
    fn text(&mut self, text: &str) {
        if self.dropped > 0 || (self.banner > 0 && self.heading == 0) {
            return;
        }
        if self.pre > 0 && self.cell == 0 {
            let mut lines = text.split('\n');
            if let Some(first) = lines.next() {
                self.append(first, true);
            }
            for line in lines {
                self.flush();
                self.append(line, true);
            }
            return;
        }
        self.append(text, false);
    }

    fn append(&mut self, text: &str, keep_spaces: bool) {
        if self.line_origin.is_none() {
            if text.trim().is_empty() {
                return;
            }
            self.line_origin = Some(Origin::Html {
                path: self.block_path(),
            });
        }
        for c in text.chars() {
            let space = matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}');
            if space && !keep_spaces {
                if !self.line.is_empty() && !self.line.ends_with([' ', '\t']) {
                    self.line.push(' ');
                }
            } else {
                self.line.push(c);
            }
        }
    }

    /// Ends the line at a block's edge; inside a table cell, where the row is the line, a
    /// space separates the blocks instead.
    fn break_line(&mut self) {
        if self.cell == 0 {
            self.flush();
        } else if !self.line.is_empty() && !self.line.ends_with([' ', '\t']) {
            self.line.push(' ');
        }
    }

    /// Writes the line being built, its item's marker first.
    fn flush(&mut self) {
        let Some(origin) = self.line_origin.take() else {
            self.line.clear();
            return;
        };
        let text = std::mem::take(&mut self.line);
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        match self.pending_marker.take() {
            Some(marker) if !starts_with_number(text, &marker) => {
                self.out.push_line(&format!("{marker} {text}"), origin);
            }
            _ => self.out.push_line(text, origin),
        }
    }

    /// The path segment of a new child of the innermost open element.
    fn segment_of(&mut self, tag: &str) -> String {
        let Some(parent) = self.open.last_mut() else {
            return tag.to_owned();
        };
        match parent.child_types.get_mut(tag) {
            Some((total, seen)) if *total > 1 => {
                *seen += 1;
                format!("{tag}:nth-of-type({seen})")
            }
            _ => tag.to_owned(),
        }
    }

    /// The path of the innermost open element, from `body` (or the root when the page has
    /// no body).
    fn path(&self) -> String {
        self.path_to(self.open.len())
    }

    /// The path of the innermost open block or table cell: where a line of text starts
    /// (`li`, not the `strong` inside it).
    fn block_path(&self) -> String {
        let end = self
            .open
            .iter()
            .rposition(|o| {
                BLOCKS.contains(&o.tag.as_str()) || matches!(o.tag.as_str(), "td" | "th")
            })
            .map_or(self.open.len(), |i| i + 1);
        self.path_to(end)
    }

    fn path_to(&self, end: usize) -> String {
        let open = &self.open[..end];
        let start = open.iter().position(|o| o.tag == "body").unwrap_or(0);
        let segments: Vec<&str> = open[start..].iter().map(|o| o.segment.as_str()).collect();
        segments.join(" > ")
    }
}

/// How many element children of each type `node` has (the second number counts those seen).
fn child_types(node: NodeRef<'_, Node>) -> HashMap<String, (usize, usize)> {
    let mut types: HashMap<String, (usize, usize)> = HashMap::new();
    for child in node.children() {
        if let Some(element) = child.value().as_element() {
            types
                .entry(element.name().to_ascii_lowercase())
                .or_default()
                .0 += 1;
        }
    }
    types
}

/// Hidden from the reader: `hidden`, `aria-hidden="true"`, an inline `display: none` or
/// `visibility: hidden`.
fn is_hidden(element: &scraper::node::Element) -> bool {
    if element.attr("hidden").is_some()
        || element
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

/// Whether an item's text already starts with its marker, or with a clause number of its
/// own (a page that typed the numbers and hid the browser's).
fn starts_with_number(text: &str, marker: &str) -> bool {
    if text.starts_with(marker) && marker != "•" {
        return true;
    }
    ClauseNumber::parse_prefix(text)
        .is_some_and(|(_, len)| text[len..].chars().next().is_none_or(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(html: &str) -> Vec<String> {
        read("t.html", html.as_bytes(), &Limits::default())
            .unwrap()
            .text
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn blocks_become_lines_and_hidden_parts_are_dropped() {
        let page = "<!DOCTYPE html><html lang=kk><head><title>T</title><style>p{}</style></head>\
            <body><nav><a href=/>Басты бет</a></nav><header><a>RU</a><h1>Саясат</h1></header>\
            <p>Бірінші  <b>абзац</b>\n жалғасы</p><script>var x = '<p>no</p>';</script>\
            <div hidden>жасырын</div><p style='display: none'>жоқ</p>\
            <p>Екінші<br>жол</p><footer>© 2024</footer></body></html>";
        assert_eq!(
            lines(page),
            ["Саясат", "Бірінші абзац жалғасы", "Екінші", "жол"]
        );
    }

    #[test]
    fn nested_ordered_lists_number_like_clauses() {
        let page = "<ol><li>Жалпы</li><li>Терминдер<ol><li>Сервис</li><li>Компания</li></ol></li>\
            <li value=5>Соңғы</li></ol>";
        assert_eq!(
            lines(page),
            [
                "1. Жалпы",
                "2. Терминдер",
                "2.1. Сервис",
                "2.2. Компания",
                "5. Соңғы"
            ]
        );
    }

    #[test]
    fn start_type_and_bullets() {
        let page = "<ol start=3><li>үш<ol type=a><li>әріп</li></ol></li></ol>\
            <ol type=I><li>бөлім</li></ol><ul><li>тармақ</li></ul>";
        assert_eq!(lines(page), ["3. үш", "a) әріп", "I. бөлім", "• тармақ"]);
    }

    #[test]
    fn word_export_numbers_from_data_list_text_and_css_counters() {
        let page = "<html><head><style>#l1 { counter-reset: c1 1 }\
            #l1 > li > *:first-child:before { counter-increment: c1; content: counter(c1, decimal) \". \" }\
            #l1 > li:first-child > *:first-child:before { counter-increment: c1 0 }\
            #l2 > li > *:first-child:before { counter-increment: c2; content: counter(c1) \".\" counter(c2) \". \" }\
            </style></head><body><ol id=l1><li data-list-text='1.'><p>Анықтамалар</p><p>Мәтін</p></li>\
            <li><p>Пайдалану</p><ol id=l2><li><p>Бірінші</p></li></ol></li></ol></body></html>";
        assert_eq!(
            lines(page),
            ["1. Анықтамалар", "Мәтін", "2. Пайдалану", "2.1. Бірінші"]
        );
    }

    #[test]
    fn typed_numbers_are_not_doubled() {
        let page = "<ol><li>1.1. Мәтін</li><li>2) Мәтін</li><li>2024 жылы</li></ol>";
        assert_eq!(lines(page), ["1.1. Мәтін", "2) Мәтін", "3. 2024 жылы"]);
    }

    #[test]
    fn table_rows_are_lines_with_tab_separated_cells() {
        let page = "<table><tr><th>Термин</th><th>Мазмұны</th></tr>\
            <tr><td><p>Сервис</p></td><td>Қызметтер <p>жиынтығы</p></td></tr></table>";
        assert_eq!(
            lines(page),
            ["Термин\tМазмұны", "Сервис\tҚызметтер жиынтығы"]
        );
    }

    #[test]
    fn origins_are_element_paths() {
        let page =
            "<body><div><p>a</p></div><div><ol><li>x</li><li><b>y</b></li></ol></div></body>";
        let out = read("t.html", page.as_bytes(), &Limits::default()).unwrap();
        let origin = |text: &str| {
            let line = out.text.lines().position(|l| l == text).unwrap();
            out.origins[line].to_string()
        };
        assert_eq!(origin("a"), "body > div:nth-of-type(1) > p");
        assert_eq!(
            origin("2. y"),
            "body > div:nth-of-type(2) > ol > li:nth-of-type(2)"
        );
        assert_eq!(out.origins.len(), out.text.lines().count());
    }

    #[test]
    fn deep_nesting_and_bad_encoding_are_typed_errors() {
        let deep = "<div>".repeat(300) + "x";
        let err = read("deep.html", deep.as_bytes(), &Limits::default()).unwrap_err();
        assert!(
            matches!(
                err,
                Error::LimitExceeded {
                    what: "nesting depth",
                    limit: 256,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().starts_with("deep.html: body > div > div"));
        let err = read("cp1251.html", b"<p>\xcf\xf0\xe8</p>", &Limits::default()).unwrap_err();
        assert!(
            matches!(err, Error::InvalidUtf8 { offset: 3, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn absurd_nesting_is_refused_before_parsing() {
        // 200,000 nested elements would take the parser minutes.
        let deep = "<div>".repeat(200_000) + "x";
        let err = read("deep.html", deep.as_bytes(), &Limits::default()).unwrap_err();
        assert!(
            matches!(err, Error::LimitExceeded { ref place, .. } if place == "byte 5120"),
            "{err:?}"
        );
    }

    #[test]
    fn pre_keeps_its_lines() {
        assert_eq!(lines("<pre>1. Бір\n2. Екі</pre>"), ["1. Бір", "2. Екі"]);
    }
}
