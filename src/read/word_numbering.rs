//! Word's automatic numbering, rendered as Word shows it.
//!
//! In a Word file the clause numbers are usually not in the text: a paragraph says "list
//! `numId` 7, level 1" (`w:numPr`, directly or through its paragraph style), and
//! `word/numbering.xml` says what that list looks like. A `w:num` points at a `w:abstractNum`
//! (perhaps through a numbering style: `w:numStyleLink` to the style whose `w:numPr` names the
//! list that defines it, `w:styleLink`), which has up to nine levels, each with a start value,
//! a number format and a text such as `%1.%2.` whose `%n` is the current value of level `n`.
//! A `w:num` may override levels (`w:lvlOverride`: a `w:startOverride`, or a whole new
//! `w:lvl`).
//!
//! Counting follows what LibreOffice prints for Word files, which the tests compare against:
//! every `w:num` of one abstract list continues one count; a `w:num`'s `w:startOverride`
//! restarts its level at the first paragraph of that `w:num` on a level it overrides (once);
//! a paragraph fixes the levels above it that were not used yet at their start values (so a
//! first `2.1.` in a list starting at 4 makes the next level-1 item `4.3.`... as it does).
//! Two rules follow Word where LibreOffice 7.4 ignores them: `w:lvlRestart` (a level restarts
//! after any higher level is used, or only after level `n`, or never for 0) and `w:isLgl`
//! (every level's value in decimal).

use std::collections::{HashMap, HashSet};

use super::list_marker::{LATIN, RUSSIAN, bijective, roman};
use super::xml::Element;

/// Word has nine list levels.
const LEVELS: usize = 9;
/// Numbering styles may link to each other; follow no more links than this.
const MAX_LINKS: usize = 4;

/// How a level writes its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumFmt {
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    RussianLower,
    RussianUpper,
    Bullet,
    None,
}

impl NumFmt {
    fn parse(value: &str) -> NumFmt {
        match value {
            "decimalZero" => NumFmt::DecimalZero,
            "lowerLetter" => NumFmt::LowerLetter,
            "upperLetter" => NumFmt::UpperLetter,
            "lowerRoman" => NumFmt::LowerRoman,
            "upperRoman" => NumFmt::UpperRoman,
            "russianLower" => NumFmt::RussianLower,
            "russianUpper" => NumFmt::RussianUpper,
            "bullet" => NumFmt::Bullet,
            "none" => NumFmt::None,
            // `decimal`, and the exotic formats (ordinal words, Asian counting systems) that
            // legal documents here do not use: digits at least keep the value.
            _ => NumFmt::Decimal,
        }
    }

    fn render(self, value: i64) -> String {
        match self {
            NumFmt::Decimal | NumFmt::Bullet => value.to_string(),
            NumFmt::DecimalZero if (0..10).contains(&value) => format!("0{value}"),
            NumFmt::DecimalZero => value.to_string(),
            NumFmt::LowerLetter => letters(value, LATIN),
            NumFmt::UpperLetter => letters(value, LATIN).to_uppercase(),
            NumFmt::LowerRoman => {
                roman(value).map_or_else(|| value.to_string(), |r| r.to_lowercase())
            }
            NumFmt::UpperRoman => roman(value).unwrap_or_else(|| value.to_string()),
            NumFmt::RussianLower => bijective(value, RUSSIAN).unwrap_or_else(|| value.to_string()),
            NumFmt::RussianUpper => {
                bijective(value, RUSSIAN).map_or_else(|| value.to_string(), |r| r.to_uppercase())
            }
            NumFmt::None => String::new(),
        }
    }
}

/// `a`…`z`, then `aa`…`zz`, `aaa`…: Word repeats the letter rather than counting in base 26.
fn letters(value: i64, alphabet: &str) -> String {
    let letters: Vec<char> = alphabet.chars().collect();
    let count = letters.len() as i64;
    if value < 1 {
        return value.to_string();
    }
    let letter = letters[((value - 1) % count) as usize];
    // Word stops repeating somewhere; a list of thousands of lettered items is not a legal
    // document, so bound the string rather than the list.
    let times = ((value - 1) / count + 1).min(20) as usize;
    std::iter::repeat_n(letter, times).collect()
}

/// One level of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Level {
    start: i64,
    fmt: NumFmt,
    text: String,
    /// `w:lvlRestart`: restart after this (1-based) level; 0 never; `None` after any higher.
    restart: Option<usize>,
    legal: bool,
    /// `w:pStyle`: the paragraph style this level belongs to.
    style: Option<String>,
}

impl Level {
    fn parse(lvl: &Element) -> Level {
        let number = |name: &str| {
            lvl.child_val(name)
                .and_then(|v| v.trim().parse::<i64>().ok())
        };
        Level {
            // The schema's default start is 0; Word always writes one.
            start: number("w:start").unwrap_or(0),
            fmt: lvl
                .child_val("w:numFmt")
                .map_or(NumFmt::Decimal, NumFmt::parse),
            text: lvl.child_val("w:lvlText").unwrap_or_default().to_owned(),
            restart: number("w:lvlRestart").map(|v| v.clamp(0, LEVELS as i64) as usize),
            legal: lvl.child("w:isLgl").is_some_and(is_on),
            style: lvl.child_val("w:pStyle").map(str::to_owned),
        }
    }
}

/// A toggle element: on unless `w:val` says `0`, `false` or `off`.
pub(super) fn is_on(element: &Element) -> bool {
    !matches!(element.attr("w:val"), Some("0" | "false" | "off"))
}

fn level_index(element: &Element) -> Option<usize> {
    element
        .attr("w:ilvl")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&i| i < LEVELS)
}

#[derive(Clone, Debug, Default)]
struct AbstractList {
    levels: Vec<Option<Level>>,
    style_link: Option<String>,
    num_style_link: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct List {
    abstract_id: String,
    start_overrides: [Option<i64>; LEVELS],
    level_overrides: [Option<Level>; LEVELS],
}

#[derive(Clone, Debug, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

/// What a paragraph says about its numbering: its style and its own `w:numPr`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct ParagraphNumbering {
    pub style: Option<String>,
    pub num_id: Option<String>,
    pub ilvl: Option<usize>,
}

impl ParagraphNumbering {
    /// Reads a `w:pPr`.
    pub fn of(ppr: Option<&Element>) -> ParagraphNumbering {
        let Some(ppr) = ppr else {
            return ParagraphNumbering::default();
        };
        let num_pr = ppr.child("w:numPr");
        ParagraphNumbering {
            style: ppr.child_val("w:pStyle").map(str::to_owned),
            num_id: num_pr
                .and_then(|n| n.child_val("w:numId"))
                .map(|v| v.trim().to_owned()),
            ilvl: num_pr
                .and_then(|n| n.child_val("w:ilvl"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .filter(|&i| i < LEVELS),
        }
    }
}

/// The counts of one list.
#[derive(Clone, Debug, Default)]
struct Counts {
    values: [Option<i64>; LEVELS],
}

/// The lists of a document and their counts so far.
#[derive(Clone, Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, AbstractList>,
    lists: HashMap<String, List>,
    styles: HashMap<String, Style>,
    default_style: Option<String>,
    /// Counts per abstract list (after numbering-style links).
    counts: HashMap<String, Counts>,
    /// The `w:num`s whose `w:startOverride` has been applied.
    restarted: HashSet<String>,
}

impl Numbering {
    /// Reads `word/numbering.xml` and `word/styles.xml` (their root elements), either may be
    /// missing.
    pub fn new(numbering: Option<&Element>, styles: Option<&Element>) -> Numbering {
        let mut out = Numbering::default();
        for element in numbering.into_iter().flat_map(Element::elements) {
            match element.name.as_str() {
                "w:abstractNum" => {
                    let Some(id) = element.attr("w:abstractNumId") else {
                        continue;
                    };
                    let mut list = AbstractList {
                        levels: vec![None; LEVELS],
                        style_link: element.child_val("w:styleLink").map(str::to_owned),
                        num_style_link: element.child_val("w:numStyleLink").map(str::to_owned),
                    };
                    for lvl in element.elements().filter(|e| e.name == "w:lvl") {
                        if let Some(i) = level_index(lvl) {
                            list.levels[i] = Some(Level::parse(lvl));
                        }
                    }
                    out.abstracts.insert(id.trim().to_owned(), list);
                }
                "w:num" => {
                    let (Some(id), Some(abstract_id)) = (
                        element.attr("w:numId"),
                        element.child_val("w:abstractNumId"),
                    ) else {
                        continue;
                    };
                    let mut list = List {
                        abstract_id: abstract_id.trim().to_owned(),
                        ..List::default()
                    };
                    for over in element.elements().filter(|e| e.name == "w:lvlOverride") {
                        let Some(i) = level_index(over) else { continue };
                        list.start_overrides[i] = over
                            .child_val("w:startOverride")
                            .and_then(|v| v.trim().parse().ok());
                        list.level_overrides[i] = over.child("w:lvl").map(Level::parse);
                    }
                    out.lists.insert(id.trim().to_owned(), list);
                }
                _ => {}
            }
        }
        for element in styles.into_iter().flat_map(Element::elements) {
            if element.name != "w:style" {
                continue;
            }
            let Some(id) = element.attr("w:styleId") else {
                continue;
            };
            let num_pr = element.child("w:pPr").and_then(|p| p.child("w:numPr"));
            let style = Style {
                based_on: element.child_val("w:basedOn").map(str::to_owned),
                num_id: num_pr
                    .and_then(|n| n.child_val("w:numId"))
                    .map(|v| v.trim().to_owned()),
                ilvl: num_pr
                    .and_then(|n| n.child_val("w:ilvl"))
                    .and_then(|v| v.trim().parse().ok())
                    .filter(|&i| i < LEVELS),
            };
            if element.attr("w:type") == Some("paragraph")
                && element
                    .attr("w:default")
                    .is_some_and(|v| v == "1" || v == "true")
            {
                out.default_style = Some(id.to_owned());
            }
            out.styles.insert(id.to_owned(), style);
        }
        out
    }

    /// The number Word shows before a paragraph (`"2.1."`, `"а)"`, `"•"`) and its list level,
    /// counting it; `None` for a paragraph that is not in a list.
    pub fn label(&mut self, paragraph: &ParagraphNumbering) -> Option<(String, usize)> {
        let (num_id, ilvl) = self.resolve(paragraph)?;
        let list = self.lists.get(&num_id)?;
        let abstract_id = self.definition(&list.abstract_id)?;
        let levels: Vec<Option<Level>> = (0..LEVELS)
            .map(|i| {
                list.level_overrides[i].clone().or_else(|| {
                    self.abstracts
                        .get(&abstract_id)
                        .and_then(|a| a.levels[i].clone())
                })
            })
            .collect();
        let level = levels[ilvl].clone()?;
        let starts: Vec<i64> = levels
            .iter()
            .map(|l| l.as_ref().map_or(0, |l| l.start))
            .collect();
        let restart = list.start_overrides[ilvl].filter(|_| !self.restarted.contains(&num_id));
        if restart.is_some() {
            self.restarted.insert(num_id);
        }
        let counts = self.counts.entry(abstract_id).or_default();
        counts.values[ilvl] = Some(match restart {
            Some(value) => value,
            // Saturating: a `w:start` of i64::MAX is valid XML.
            None => counts.values[ilvl].map_or(starts[ilvl], |v| v.saturating_add(1)),
        });
        for (value, start) in counts.values.iter_mut().zip(&starts).take(ilvl) {
            value.get_or_insert(*start);
        }
        let deeper = counts.values.iter_mut().zip(&levels).skip(ilvl + 1);
        for (value, level) in deeper {
            let restart = level.as_ref().and_then(|l| l.restart);
            // `w:lvlRestart n` restarts after level n (1-based) or any higher one.
            if restart.is_none_or(|n| n > ilvl) {
                *value = None;
            }
        }
        if level.fmt == NumFmt::Bullet {
            return Some((bullet(&level.text), ilvl));
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .filter(|&d| c == '%' && (1..=LEVELS as u32).contains(&d));
            let Some(digit) = placeholder else {
                label.push(c);
                continue;
            };
            chars.next();
            let i = digit as usize - 1;
            if i > ilvl {
                continue;
            }
            let value = counts.values[i].unwrap_or(starts[i]);
            let fmt = match &levels[i] {
                _ if level.legal => NumFmt::Decimal,
                Some(l) => l.fmt,
                None => NumFmt::Decimal,
            };
            label.push_str(&fmt.render(value));
        }
        let label = label.trim().to_owned();
        (!label.is_empty()).then_some((label, ilvl))
    }

    /// The list and level of a paragraph: its own `w:numPr`, completed by its style's.
    fn resolve(&self, paragraph: &ParagraphNumbering) -> Option<(String, usize)> {
        let style_id = paragraph
            .style
            .clone()
            .or_else(|| self.default_style.clone());
        // Up the `w:basedOn` chain, the first style that names a list, and the first that
        // names a level (a style may set only the level of its parent's list).
        let (mut style_num, mut style_ilvl) = (None, None);
        let mut current = style_id.as_deref();
        for _ in 0..16 {
            let Some(style) = current.and_then(|id| self.styles.get(id)) else {
                break;
            };
            style_num = style_num.or(style.num_id.as_deref());
            style_ilvl = style_ilvl.or(style.ilvl);
            current = style.based_on.as_deref();
        }
        let num_id = paragraph
            .num_id
            .clone()
            .or_else(|| style_num.map(str::to_owned))?;
        if num_id == "0" {
            return None;
        }
        let ilvl = paragraph
            .ilvl
            .or(style_ilvl)
            .or_else(|| {
                // A level tied to the paragraph's style by `w:pStyle`.
                let style = style_id.as_deref()?;
                let list = self.lists.get(&num_id)?;
                let abstract_id = self.definition(&list.abstract_id)?;
                self.abstracts
                    .get(&abstract_id)?
                    .levels
                    .iter()
                    .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style))
            })
            .unwrap_or(0);
        Some((num_id, ilvl))
    }

    /// The abstract list that holds the levels of `abstract_id`, following
    /// `w:numStyleLink` to the abstract list that defines the linked numbering style.
    fn definition(&self, abstract_id: &str) -> Option<String> {
        let mut id = abstract_id.to_owned();
        for _ in 0..MAX_LINKS {
            let list = self.abstracts.get(&id)?;
            let Some(style) = &list.num_style_link else {
                return Some(id);
            };
            let linked = self
                .abstracts
                .iter()
                .find(|(other, a)| **other != id && a.style_link.as_ref() == Some(style))
                .map(|(other, _)| other.clone())
                .or_else(|| {
                    let num_id = self.styles.get(style)?.num_id.as_ref()?;
                    Some(self.lists.get(num_id)?.abstract_id.clone())
                });
            match linked {
                Some(next) if next != id => id = next,
                _ => return Some(id),
            }
        }
        Some(id)
    }
}

/// A bullet as text: the glyph when it is one the segmenter knows as a bullet, else `•`
/// (Word draws most bullets from the Symbol and Wingdings fonts, whose characters sit in the
/// Private Use Area or on ordinary letters such as `o`).
fn bullet(text: &str) -> String {
    const KNOWN: &[char] = &[
        '-', '•', '–', '—', '·', '▪', '●', '○', '◦', '■', '□', '➢', '►',
    ];
    let mut chars = text.trim().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if KNOWN.contains(&c) => c.to_string(),
        _ => "•".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Limits;
    use crate::read::xml::{Keep, Part, parse};

    fn tree(xml: &str) -> Element {
        let part = Part {
            file: "t.docx",
            format: "DOCX",
            name: "word/numbering.xml",
        };
        let xml = format!(
            r#"<w:root xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{xml}</w:root>"#
        );
        let root = parse(&xml, &part, &Limits::new(), &|_| Keep::Element {
            text: false,
        })
        .unwrap();
        root.child("w:root").unwrap().clone()
    }

    fn lvl(ilvl: usize, start: i64, fmt: &str, text: &str, extra: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}<w:lvlText w:val="{text}"/></w:lvl>"#
        )
    }

    fn para(num: &str, ilvl: usize) -> ParagraphNumbering {
        ParagraphNumbering {
            style: None,
            num_id: Some(num.to_owned()),
            ilvl: Some(ilvl),
        }
    }

    fn labels(numbering: &mut Numbering, paragraphs: &[(&str, usize)]) -> Vec<String> {
        paragraphs
            .iter()
            .map(|&(num, ilvl)| {
                numbering
                    .label(&para(num, ilvl))
                    .map_or(String::new(), |(label, _)| label)
            })
            .collect()
    }

    #[test]
    fn formats() {
        let render = |fmt: &str, value| NumFmt::parse(fmt).render(value);
        assert_eq!(render("decimal", 12), "12");
        assert_eq!(render("decimalZero", 7), "07");
        assert_eq!(render("lowerLetter", 28), "bb");
        assert_eq!(render("upperLetter", 3), "C");
        assert_eq!(render("lowerRoman", 14), "xiv");
        assert_eq!(render("upperRoman", 1999), "MCMXCIX");
        assert_eq!(render("russianLower", 29), "я");
        assert_eq!(render("russianLower", 30), "аа");
        assert_eq!(render("russianUpper", 31), "АБ");
        assert_eq!(render("none", 3), "");
        assert_eq!(render("ordinalText", 3), "3");
    }

    #[test]
    fn bullets_from_symbol_fonts_become_a_bullet() {
        assert_eq!(bullet("\u{f0b7}"), "•");
        assert_eq!(bullet("o"), "•");
        assert_eq!(bullet("–"), "–");
        assert_eq!(bullet("➢"), "➢");
    }

    #[test]
    fn levels_count_restart_and_show_the_levels_above() {
        let levels = lvl(0, 1, "decimal", "%1.", "") + &lvl(1, 1, "decimal", "%1.%2.", "");
        let xml = format!(
            r#"<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
        );
        let mut numbering = Numbering::new(Some(&tree(&xml)), None);
        let got = labels(
            &mut numbering,
            &[("1", 1), ("1", 0), ("1", 1), ("1", 1), ("1", 0), ("1", 1)],
        );
        // A first 1.1. fixes level 0 at its start, so the next level-0 item is 2.
        assert_eq!(got, ["1.1.", "2.", "2.1.", "2.2.", "3.", "3.1."]);
        assert_eq!(numbering.label(&para("9", 0)), None, "an unknown list");
        assert_eq!(numbering.label(&para("0", 0)), None, "numId 0: no list");
    }

    #[test]
    fn huge_starts_saturate() {
        let xml = format!(
            r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            lvl(0, i64::MAX, "lowerLetter", "%1)", "")
        );
        let mut numbering = Numbering::new(Some(&tree(&xml)), None);
        let got = labels(&mut numbering, &[("1", 0), ("1", 0)]);
        assert_eq!(got[0], got[1]);
        assert_eq!(got[0].chars().count(), 21, "{got:?}");
    }

    #[test]
    fn lists_of_one_abstract_share_counts_and_restart_once() {
        let xml = format!(
            r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>"#,
            lvl(0, 1, "decimal", "%1.", "")
        );
        let mut numbering = Numbering::new(Some(&tree(&xml)), None);
        let got = labels(
            &mut numbering,
            &[("1", 0), ("2", 0), ("3", 0), ("3", 0), ("1", 0)],
        );
        assert_eq!(got, ["1.", "2.", "7.", "8.", "9."]);
    }

    #[test]
    fn lvl_restart_and_legal_numbering_follow_word() {
        let levels = lvl(0, 1, "upperRoman", "%1.", "")
            + &lvl(1, 1, "decimal", "%1.%2.", "<w:isLgl/>")
            + &lvl(2, 1, "decimal", "%3)", r#"<w:lvlRestart w:val="1"/>"#);
        let xml = format!(
            r#"<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
        );
        let mut numbering = Numbering::new(Some(&tree(&xml)), None);
        let got = labels(
            &mut numbering,
            &[
                ("1", 0),
                ("1", 1),
                ("1", 2),
                ("1", 1),
                ("1", 2),
                ("1", 0),
                ("1", 2),
            ],
        );
        assert_eq!(got, ["I.", "1.1.", "1)", "1.2.", "2)", "II.", "1)"]);
    }

    #[test]
    fn numbering_styles_and_paragraph_styles_lead_to_their_lists() {
        let xml = format!(
            r#"<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="Legal"/></w:abstractNum>
            <w:abstractNum w:abstractNumId="1"><w:styleLink w:val="Legal"/>{}{}</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#,
            lvl(0, 1, "decimal", "Статья %1.", ""),
            lvl(1, 1, "decimal", "%1.%2.", r#"<w:pStyle w:val="Point"/>"#)
        );
        let styles = tree(
            r#"<w:style w:type="numbering" w:styleId="Legal"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Article"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Point"><w:basedOn w:val="Article"/></w:style>"#,
        );
        let mut numbering = Numbering::new(Some(&tree(&xml)), Some(&styles));
        let styled = |style: &str| ParagraphNumbering {
            style: Some(style.to_owned()),
            ..ParagraphNumbering::default()
        };
        assert_eq!(numbering.label(&para("1", 0)).unwrap().0, "Статья 1.");
        assert_eq!(numbering.label(&styled("Article")).unwrap().0, "Статья 2.");
        // Point names no level: the level whose `w:pStyle` is Point.
        assert_eq!(
            numbering.label(&styled("Point")).unwrap(),
            ("2.1.".to_owned(), 1)
        );
    }

    #[test]
    fn a_level_override_replaces_the_level_for_its_list() {
        let xml = format!(
            r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">{}</w:lvlOverride></w:num>"#,
            lvl(0, 1, "decimal", "%1.", ""),
            lvl(0, 3, "russianLower", "%1)", "")
        );
        let mut numbering = Numbering::new(Some(&tree(&xml)), None);
        assert_eq!(labels(&mut numbering, &[("1", 0), ("1", 0)]), ["в)", "г)"]);
    }
}
