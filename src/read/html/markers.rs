//! List markers of a web page: the numbers and bullets a browser draws before list items
//! but that are not in the text. Three sources, most explicit first: the `data-list-text`
//! attribute that Word's HTML export writes on every `<li>`, the CSS counters of the page's
//! style sheet (`counter-reset` on the list, `counter-increment` and `content: counter(…)` on
//! its items), and HTML's own numbering of `<ol>` (`start`, `reversed`, `type`, `value` on an
//! item). A decimal list inside an item numbered `2.` is numbered `2.1.`, `2.2.`, as legal
//! documents number their clauses.

use std::collections::HashMap;

use crate::read::list_marker::{LATIN, bijective, roman};

/// How the numbers of a list are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    /// `1.`, and `2.1.` inside item `2.`.
    Decimal,
    /// `a)`.
    LowerAlpha,
    /// `A)`.
    UpperAlpha,
    /// `iv.`.
    LowerRoman,
    /// `IV.`.
    UpperRoman,
    /// A bullet, `•`.
    Bullet,
    /// No marker (`list-style: none`).
    Hidden,
}

impl Style {
    /// The style an HTML `type` attribute of `<ol>` names.
    fn from_type_attr(value: &str) -> Option<Style> {
        match value.trim() {
            "1" => Some(Style::Decimal),
            "a" => Some(Style::LowerAlpha),
            "A" => Some(Style::UpperAlpha),
            "i" => Some(Style::LowerRoman),
            "I" => Some(Style::UpperRoman),
            _ => None,
        }
    }

    /// The style a CSS `list-style-type` or `counter(name, style)` names.
    fn from_css(value: &str) -> Option<Style> {
        match value.trim().to_ascii_lowercase().as_str() {
            "decimal" | "decimal-leading-zero" => Some(Style::Decimal),
            "lower-alpha" | "lower-latin" => Some(Style::LowerAlpha),
            "upper-alpha" | "upper-latin" => Some(Style::UpperAlpha),
            "lower-roman" => Some(Style::LowerRoman),
            "upper-roman" => Some(Style::UpperRoman),
            "disc" | "circle" | "square" => Some(Style::Bullet),
            "none" => Some(Style::Hidden),
            _ => None,
        }
    }

    /// The list-style type set in an inline `style` attribute (`list-style: none`,
    /// `list-style-type: lower-alpha`), if any.
    pub(super) fn from_inline_style(style: &str) -> Option<Style> {
        declarations(style)
            .filter(|(name, _)| matches!(name.as_str(), "list-style" | "list-style-type"))
            .find_map(|(_, value)| value.split_whitespace().find_map(Style::from_css))
    }

    /// `n` drawn in this style, without punctuation (`"4"`, `"d"`, `"iv"`); `None` for bullets
    /// and hidden markers. Letters and Roman numerals fall back to decimal where they have no
    /// form (zero, negative numbers, Roman numerals past 3999), as CSS does.
    pub(super) fn digits(self, n: i64) -> Option<String> {
        let text = match self {
            Style::Decimal => n.to_string(),
            Style::LowerAlpha | Style::UpperAlpha if n > 0 => {
                let letters = bijective(n, LATIN)?;
                if self == Style::UpperAlpha {
                    letters.to_ascii_uppercase()
                } else {
                    letters
                }
            }
            Style::LowerRoman | Style::UpperRoman if (1..4000).contains(&n) => {
                let roman = roman(n)?;
                if self == Style::LowerRoman {
                    roman.to_ascii_lowercase()
                } else {
                    roman
                }
            }
            Style::Bullet | Style::Hidden => return None,
            _ => n.to_string(),
        };
        Some(text)
    }
}

/// `name: value` pairs of a CSS declaration block, names lower-cased.
fn declarations(block: &str) -> impl Iterator<Item = (String, &str)> {
    block.split(';').filter_map(|decl| {
        let (name, value) = decl.split_once(':')?;
        Some((name.trim().to_ascii_lowercase(), value.trim()))
    })
}

/// Whether a marker is a dotted decimal number (`2.`, `2.1`, `2.1.`), which the items of a
/// decimal list inside its item extend.
fn is_decimal_chain(marker: &str) -> bool {
    let body = marker.strip_suffix('.').unwrap_or(marker);
    !body.is_empty()
        && body
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// A piece of a CSS `content` value: a quoted string or a counter.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Literal(String),
    Counter { name: String, style: Style },
}

/// What the style sheet says about the items of one list (selected by its `id`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct ItemRule {
    /// `counter-increment` of every item.
    increments: Option<Vec<(String, i64)>>,
    /// `counter-increment` of the first item, when a `li:first-child` rule sets it.
    first_increments: Option<Vec<(String, i64)>>,
    /// The `content` drawn before the item.
    content: Option<Vec<Piece>>,
}

/// The CSS counter rules of a page, as Word's and converters' HTML exports write them:
/// `#l1 { counter-reset: c1 1 }`, `#l1 > li > *:first-child:before { counter-increment: c1;
/// content: counter(c1, decimal) ". " }`, and `#l1 > li:first-child > *:first-child:before
/// { counter-increment: c1 0 }`. Rules with other selectors do not number lists and are
/// ignored.
#[derive(Clone, Debug, Default)]
pub(super) struct Counters {
    resets: HashMap<String, Vec<(String, i64)>>,
    items: HashMap<String, ItemRule>,
    values: HashMap<String, i64>,
}

impl Counters {
    /// Reads the counter rules of a style sheet (the text of a `<style>` element); may be
    /// called once per `<style>` element, later rules overriding earlier ones.
    pub(super) fn add_style_sheet(&mut self, css: &str) {
        let css = strip_comments(css);
        for rule in css.split('}') {
            let Some((selectors, block)) = rule.split_once('{') else {
                continue;
            };
            // An at-rule (`@media print {`) opens a block of rules: read the rules inside.
            let selectors = selectors.rsplit('{').next().unwrap_or(selectors);
            for selector in selectors.split(',') {
                self.add_rule(selector, block);
            }
        }
    }

    fn add_rule(&mut self, selector: &str, block: &str) {
        let compact: String = selector.split_whitespace().collect();
        let Some(rest) = compact.strip_prefix('#') else {
            return;
        };
        let id_end = rest.find(['>', ':', '.', '[']).unwrap_or(rest.len());
        let (id, tail) = rest.split_at(id_end);
        let tail = tail.replace("::", ":");
        let (first_only, marker_rule) = match tail.as_str() {
            "" => (false, false),
            ">li>*:first-child:before" | ">li:before" => (false, true),
            ">li:first-child>*:first-child:before" | ">li:first-child:before" => (true, true),
            _ => return,
        };
        for (name, value) in declarations(block) {
            match name.as_str() {
                "counter-reset" if !marker_rule => {
                    self.resets.insert(id.to_owned(), counter_pairs(value, 0));
                }
                "counter-increment" if marker_rule => {
                    let rule = self.items.entry(id.to_owned()).or_default();
                    let pairs = Some(counter_pairs(value, 1));
                    if first_only {
                        rule.first_increments = pairs;
                    } else {
                        rule.increments = pairs;
                    }
                }
                "content" if marker_rule && !first_only => {
                    self.items.entry(id.to_owned()).or_default().content = Some(content(value));
                }
                _ => {}
            }
        }
    }

    /// Whether the style sheet numbers the items of the list with this `id`.
    pub(super) fn numbers(&self, id: &str) -> bool {
        self.items
            .get(id)
            .is_some_and(|rule| rule.content.is_some())
    }

    /// Applies the `counter-reset` of the list with this `id`, when it is opened.
    pub(super) fn open_list(&mut self, id: &str) {
        if let Some(resets) = self.resets.get(id) {
            for (name, value) in resets {
                self.values.insert(name.clone(), *value);
            }
        }
    }

    /// Counts one item of the list with this `id` and returns the marker drawn before it.
    pub(super) fn item(&mut self, id: &str, first: bool) -> Option<String> {
        let rule = self.items.get(id)?;
        let increments = match (&rule.first_increments, first) {
            (Some(first_increments), true) => Some(first_increments),
            _ => rule.increments.as_ref(),
        };
        for (name, by) in increments.into_iter().flatten() {
            let value = self.values.entry(name.clone()).or_insert(0);
            *value = value.saturating_add(*by);
        }
        let mut marker = String::new();
        for piece in rule.content.as_ref()? {
            match piece {
                Piece::Literal(text) => marker.push_str(text),
                Piece::Counter { name, style } => {
                    let value = self.values.get(name).copied().unwrap_or(0);
                    marker.push_str(&style.digits(value).unwrap_or_else(|| "•".to_owned()));
                }
            }
        }
        let marker = marker.trim();
        (!marker.is_empty()).then(|| marker.to_owned())
    }
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// `c1 1 c2` → `[("c1", 1), ("c2", default)]`.
fn counter_pairs(value: &str, default: i64) -> Vec<(String, i64)> {
    let mut pairs: Vec<(String, i64)> = Vec::new();
    for token in value.split_whitespace() {
        match (token.parse::<i64>(), pairs.last_mut()) {
            (Ok(n), Some(last)) => last.1 = n,
            (Ok(_), None) => {}
            (Err(_), _) if token.eq_ignore_ascii_case("none") => {}
            (Err(_), _) => pairs.push((token.to_owned(), default)),
        }
    }
    pairs
}

/// The pieces of a CSS `content` value: `counter(c1, decimal) "." counter(c2) ". "`.
fn content(value: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = value.trim();
    while !rest.is_empty() {
        if let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) {
            let body = &rest[1..];
            let end = body.find(quote).unwrap_or(body.len());
            pieces.push(Piece::Literal(unescape(&body[..end])));
            rest = body.get(end + 1..).unwrap_or("");
        } else if let Some(args) = rest.strip_prefix("counter(") {
            let end = args.find(')').unwrap_or(args.len());
            let mut parts = args[..end].split(',');
            let name = parts.next().unwrap_or("").trim().to_owned();
            let style = parts
                .next()
                .and_then(Style::from_css)
                .unwrap_or(Style::Decimal);
            pieces.push(Piece::Counter { name, style });
            rest = args.get(end + 1..).unwrap_or("");
        } else {
            // Anything else (`attr()`, `counters()`, keywords) draws no number: skip a token.
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            rest = &rest[end..];
        }
        rest = rest.trim_start();
    }
    pieces
}

/// CSS string escapes: `\2022` (a code point in hex) and `\"`.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let mut hex = String::new();
        while hex.len() < 6 && chars.peek().is_some_and(char::is_ascii_hexdigit) {
            hex.extend(chars.next());
        }
        if hex.is_empty() {
            out.extend(chars.next());
        } else {
            if chars.peek() == Some(&' ') {
                chars.next();
            }
            out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
        }
    }
    out
}

/// One open list: how it numbers its items and the number of the next one.
#[derive(Clone, Debug)]
pub(super) struct List {
    style: Style,
    next: i64,
    step: i64,
    /// The `id`, when the style sheet numbers this list.
    css_id: Option<String>,
    items: usize,
}

impl List {
    /// A list element: `ordered` for `<ol>`; `start`, `reversed`, `type` and inline `style`
    /// are its attributes; `item_count` is the number of its `<li>` children (where a
    /// reversed list starts); `css_id` is its `id` when the style sheet numbers it.
    pub(super) fn new(
        ordered: bool,
        attr: impl Fn(&str) -> Option<String>,
        item_count: usize,
        css_id: Option<String>,
    ) -> List {
        let reversed = ordered && attr("reversed").is_some();
        let default_style = if ordered {
            Style::Decimal
        } else {
            Style::Bullet
        };
        let style = attr("style")
            .and_then(|s| Style::from_inline_style(&s))
            .or_else(|| {
                ordered
                    .then(|| attr("type").and_then(|t| Style::from_type_attr(&t)))
                    .flatten()
            })
            .unwrap_or(default_style);
        let count = i64::try_from(item_count).unwrap_or(i64::MAX);
        let start = attr("start")
            .and_then(|s| s.trim().parse::<i64>().ok())
            .unwrap_or(if reversed { count } else { 1 });
        List {
            style,
            next: start,
            step: if reversed { -1 } else { 1 },
            css_id,
            items: 0,
        }
    }

    /// Counts one `<li>` and returns its marker (`"2.1."`, `"b)"`, `"•"`), or `None` when
    /// the list draws none. `value` is the item's `value` attribute, `data_list_text` its
    /// `data-list-text` attribute, `parent` the marker of the item this list is nested in.
    pub(super) fn item(
        &mut self,
        value: Option<&str>,
        data_list_text: Option<&str>,
        parent: Option<&str>,
        counters: &mut Counters,
    ) -> Option<String> {
        if let Some(value) = value.and_then(|v| v.trim().parse::<i64>().ok()) {
            self.next = value;
        }
        let n = self.next;
        self.next = self.next.saturating_add(self.step);
        self.items += 1;
        let first = self.items == 1;
        let css = self
            .css_id
            .as_deref()
            .and_then(|id| counters.item(id, first));
        if let Some(text) = data_list_text.map(str::trim).filter(|t| !t.is_empty()) {
            return Some(clean_marker(text));
        }
        if let Some(css) = css {
            return Some(clean_marker(&css));
        }
        let digits = self.style.digits(n);
        match self.style {
            Style::Hidden => None,
            Style::Bullet => Some("•".to_owned()),
            Style::Decimal => {
                let digits = digits?;
                Some(match parent.filter(|p| is_decimal_chain(p)) {
                    Some(parent) => format!("{}.{digits}.", parent.trim_end_matches('.')),
                    None => format!("{digits}."),
                })
            }
            Style::LowerAlpha | Style::UpperAlpha => digits.map(|d| format!("{d})")),
            Style::LowerRoman | Style::UpperRoman => digits.map(|d| format!("{d}.")),
        }
    }
}

/// A marker as the text shows it: bullets from symbol fonts (Word exports `` from the
/// Symbol font, in the Private Use Area) become `•`.
fn clean_marker(marker: &str) -> String {
    let is_private = |c: char| ('\u{e000}'..='\u{f8ff}').contains(&c);
    if marker.chars().any(is_private) || matches!(marker, "o" | "§" | "▪" | "■" | "●") {
        "•".to_owned()
    } else {
        marker.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(ordered: bool, attrs: &[(&str, &str)], count: usize) -> List {
        let attrs: Vec<(String, String)> = attrs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        List::new(
            ordered,
            |name| {
                attrs
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            },
            count,
            None,
        )
    }

    fn markers(list: &mut List, n: usize, parent: Option<&str>) -> Vec<String> {
        let mut counters = Counters::default();
        (0..n)
            .map(|_| list.item(None, None, parent, &mut counters).unwrap())
            .collect()
    }

    #[test]
    fn ordered_lists_honour_start_type_and_reversed() {
        assert_eq!(
            markers(&mut list(true, &[], 3), 3, None),
            ["1.", "2.", "3."]
        );
        assert_eq!(
            markers(&mut list(true, &[("start", "4")], 2), 2, None),
            ["4.", "5."]
        );
        assert_eq!(
            markers(&mut list(true, &[("type", "a")], 2), 2, None),
            ["a)", "b)"]
        );
        assert_eq!(
            markers(
                &mut list(true, &[("type", "A"), ("start", "27")], 1),
                1,
                None
            ),
            ["AA)"]
        );
        assert_eq!(
            markers(
                &mut list(true, &[("type", "I"), ("start", "3")], 2),
                2,
                None
            ),
            ["III.", "IV."]
        );
        assert_eq!(
            markers(&mut list(true, &[("type", "i")], 1), 1, None),
            ["i."]
        );
        assert_eq!(
            markers(&mut list(true, &[("reversed", "")], 3), 3, None),
            ["3.", "2.", "1."]
        );
        assert_eq!(markers(&mut list(false, &[], 2), 2, None), ["•", "•"]);
    }

    #[test]
    fn a_value_attribute_renumbers_the_item_and_those_after_it() {
        let mut l = list(true, &[], 3);
        let mut counters = Counters::default();
        assert_eq!(l.item(None, None, None, &mut counters).unwrap(), "1.");
        assert_eq!(l.item(Some("7"), None, None, &mut counters).unwrap(), "7.");
        assert_eq!(l.item(None, None, None, &mut counters).unwrap(), "8.");
    }

    #[test]
    fn a_decimal_list_inside_a_decimal_item_extends_its_number() {
        assert_eq!(
            markers(&mut list(true, &[], 2), 2, Some("2.")),
            ["2.1.", "2.2."]
        );
        assert_eq!(markers(&mut list(true, &[], 1), 1, Some("3.4")), ["3.4.1."]);
        // A lettered parent, or a lettered list, starts afresh.
        assert_eq!(markers(&mut list(true, &[], 1), 1, Some("b)")), ["1."]);
        assert_eq!(
            markers(&mut list(true, &[("type", "a")], 1), 1, Some("2.")),
            ["a)"]
        );
    }

    #[test]
    fn list_style_none_hides_the_numbers() {
        let mut l = list(true, &[("style", "margin:0; list-style: none")], 1);
        assert_eq!(l.item(None, None, None, &mut Counters::default()), None);
        let mut l = list(false, &[("style", "list-style-type:lower-alpha")], 1);
        assert_eq!(markers(&mut l, 1, None), ["a)"]);
    }

    #[test]
    fn data_list_text_wins_and_symbol_bullets_become_bullets() {
        let mut l = list(true, &[], 2);
        let mut counters = Counters::default();
        assert_eq!(
            l.item(None, Some(" 5.3. "), None, &mut counters).unwrap(),
            "5.3."
        );
        assert_eq!(
            l.item(None, Some("\u{f0b7}"), None, &mut counters).unwrap(),
            "•"
        );
    }

    #[test]
    fn css_counters_as_word_exports_them() {
        let mut counters = Counters::default();
        counters.add_style_sheet(
            "/* lists */ li {display: block}\n\
             #l1 { padding-left: 0pt; counter-reset: c1 1; }\n\
             #l1 > li > *:first-child:before { counter-increment: c1; content: counter(c1, decimal) \". \"; color: black }\n\
             #l1 > li:first-child > *:first-child:before { counter-increment: c1 0; }\n\
             #l2 { counter-reset: c2 0 }\n\
             #l2 > li > *:first-child::before { counter-increment: c2; content: counter(c1, decimal) \".\" counter(c2, lower-latin) \") \" }\n\
             #l3 > li > *:first-child:before { content: \"\\2022  \" }",
        );
        assert!(counters.numbers("l1") && counters.numbers("l2") && !counters.numbers("l9"));
        counters.open_list("l1");
        assert_eq!(counters.item("l1", true).as_deref(), Some("1."));
        assert_eq!(counters.item("l1", false).as_deref(), Some("2."));
        counters.open_list("l2");
        assert_eq!(counters.item("l2", true).as_deref(), Some("2.a)"));
        assert_eq!(counters.item("l2", false).as_deref(), Some("2.b)"));
        assert_eq!(counters.item("l3", true).as_deref(), Some("•"));
    }

    #[test]
    fn counter_values_parse_like_css() {
        assert_eq!(
            counter_pairs("c1 3 c2", 0),
            [("c1".to_owned(), 3), ("c2".to_owned(), 0)]
        );
        assert!(counter_pairs("none", 1).is_empty());
        assert_eq!(
            content("counter(x) '-' \"\\201C\""),
            [
                Piece::Counter {
                    name: "x".to_owned(),
                    style: Style::Decimal
                },
                Piece::Literal("-".to_owned()),
                Piece::Literal("\u{201c}".to_owned()),
            ]
        );
    }
}
