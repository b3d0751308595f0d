//! The Word reader: the paragraphs and tables of `word/document.xml` in reading order, each
//! numbered paragraph preceded by the number Word shows for it (see [`word_numbering`]).
//!
//! What is read: the body's paragraphs, tables (row by row, nested tables inside their cell),
//! content controls, hyperlinks, smart tags, inserted text of tracked changes, field results.
//! What is not: deleted text of tracked changes, hidden text, field codes, text boxes and
//! drawings, headers, footers, footnotes and comments.
//!
//! [`word_numbering`]: super::word_numbering

use super::archive::Archive;
use super::extracted::{Extracted, Origin, TableCell};
use super::languages::{Block, Line, Paragraph, arrange};
use super::limits::Limits;
use super::word_numbering::{Numbering, ParagraphNumbering, is_on};
use super::xml::{self, Element, Keep, Node, Part};
use crate::error::{Error, Result};

const FORMAT: &str = "DOCX";
/// Where Word puts the main part; `_rels/.rels` may say otherwise.
const DEFAULT_DOCUMENT: &str = "word/document.xml";
const OFFICE_DOCUMENT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

/// Reads a Word document.
pub(super) fn read(name: &str, bytes: &[u8], limits: &Limits) -> Result<Extracted> {
    let mut archive = Archive::open(name, FORMAT, bytes, limits)?;
    let document_part = main_part(&mut archive, name, limits)?;
    let document = archive
        .read_text(&document_part)?
        .ok_or_else(|| Error::Malformed {
            file: name.to_owned(),
            format: FORMAT,
            place: "zip container".to_owned(),
            message: format!("no {document_part}: not a Word document"),
        })?;
    let folder = document_part
        .rsplit_once('/')
        .map_or(String::new(), |(dir, _)| format!("{dir}/"));
    let mut parse_part = |part_name: String| -> Result<Option<Element>> {
        let Some(text) = archive.read_text(&part_name)? else {
            return Ok(None);
        };
        let part = Part {
            file: name,
            format: FORMAT,
            name: &part_name,
        };
        xml::parse(&text, &part, limits, &|_| Keep::Element { text: false }).map(Some)
    };
    let numbering_xml = parse_part(format!("{folder}numbering.xml"))?;
    let styles_xml = parse_part(format!("{folder}styles.xml"))?;
    let numbering = Numbering::new(
        numbering_xml.as_ref().and_then(|r| r.child("w:numbering")),
        styles_xml.as_ref().and_then(|r| r.child("w:styles")),
    );
    let part = Part {
        file: name,
        format: FORMAT,
        name: &document_part,
    };
    let root = xml::parse(&document, &part, limits, &keep_in_document)?;
    let body = root
        .child("w:document")
        .and_then(|d| d.child("w:body"))
        .ok_or_else(|| part.malformed(0, "no w:document/w:body element"))?;
    let mut reader = BodyReader {
        numbering,
        paragraphs: 0,
        tables: 0,
    };
    let blocks = reader.blocks(body, None);
    Ok(arrange(blocks))
}

/// The main part named by the package relationships, or Word's usual name.
fn main_part(archive: &mut Archive<'_>, name: &str, limits: &Limits) -> Result<String> {
    let Some(rels) = archive.read_text("_rels/.rels")? else {
        return Ok(DEFAULT_DOCUMENT.to_owned());
    };
    let part = Part {
        file: name,
        format: FORMAT,
        name: "_rels/.rels",
    };
    let root = xml::parse(&rels, &part, limits, &|_| Keep::Element { text: false })?;
    let target = root
        .child("rel:Relationships")
        .into_iter()
        .flat_map(Element::elements)
        .find(|r| r.attr("Type") == Some(OFFICE_DOCUMENT))
        .and_then(|r| r.attr("Target"))
        .map(|t| t.trim_start_matches('/').to_owned());
    Ok(target.unwrap_or_else(|| DEFAULT_DOCUMENT.to_owned()))
}

/// Which elements of `document.xml` the reader needs; see the module docs for why the
/// skipped ones are skipped. Unknown wrappers (hyperlinks, content controls, smart tags,
/// inserted runs, `mc:Choice`) are transparent.
fn keep_in_document(name: &str) -> Keep {
    match name {
        "w:t" => Keep::Element { text: true },
        "w:document" | "w:body" | "w:p" | "w:pPr" | "w:pStyle" | "w:numPr" | "w:ilvl"
        | "w:numId" | "w:r" | "w:rPr" | "w:vanish" | "w:tab" | "w:ptab" | "w:br" | "w:cr"
        | "w:tbl" | "w:tr" | "w:tc" | "w:noBreakHyphen" | "w:sym" => Keep::Element { text: false },
        "w:del"
        | "w:moveFrom"
        | "w:delText"
        | "w:delInstrText"
        | "w:instrText"
        | "w:drawing"
        | "w:pict"
        | "w:object"
        | "mc:Fallback"
        | "w:sdtPr"
        | "w:sdtEndPr"
        | "w:pPrChange"
        | "w:rPrChange"
        | "w:tblPr"
        | "w:tblGrid"
        | "w:trPr"
        | "w:tcPr"
        | "w:sectPr"
        | "w:fldData"
        | "w:tblPrEx"
        | "w:footnoteReference"
        | "w:endnoteReference" => Keep::Skip,
        _ => Keep::Transparent,
    }
}

/// Walks the body, counting paragraphs and tables and numbering paragraphs in document
/// order (Word numbers the paragraphs of table cells in the same count).
struct BodyReader {
    numbering: Numbering,
    paragraphs: usize,
    tables: usize,
}

impl BodyReader {
    fn blocks(&mut self, container: &Element, cell: Option<TableCell>) -> Vec<Block> {
        let mut blocks = Vec::new();
        for element in container.elements() {
            match element.name.as_str() {
                "w:p" => {
                    let paragraph = self.paragraph(element, cell);
                    if !paragraph.is_empty() {
                        blocks.push(Block::Paragraph(paragraph));
                    }
                }
                "w:tbl" => blocks.push(Block::Table(self.table(element))),
                _ => {}
            }
        }
        blocks
    }

    fn table(&mut self, table: &Element) -> Vec<Vec<Vec<Paragraph>>> {
        self.tables += 1;
        let index = self.tables;
        let mut rows = Vec::new();
        for (r, row) in table.elements().filter(|e| e.name == "w:tr").enumerate() {
            let mut cells = Vec::new();
            for (c, tc) in row.elements().filter(|e| e.name == "w:tc").enumerate() {
                let place = TableCell {
                    table: index,
                    row: r + 1,
                    column: c + 1,
                };
                // A nested table's paragraphs stay in the cell that holds it.
                let paragraphs = self
                    .blocks(tc, Some(place))
                    .into_iter()
                    .flat_map(|block| match block {
                        Block::Paragraph(p) => vec![p],
                        Block::Table(rows) => rows.into_iter().flatten().flatten().collect(),
                    })
                    .collect();
                cells.push(paragraphs);
            }
            rows.push(cells);
        }
        rows
    }

    /// The lines of a paragraph, its number first; empty when it has no visible text.
    fn paragraph(&mut self, p: &Element, cell: Option<TableCell>) -> Paragraph {
        self.paragraphs += 1;
        let origin = Origin::Docx {
            paragraph: self.paragraphs,
            table: cell,
        };
        // The number is counted even when the text is empty: Word shows it.
        let label = self
            .numbering
            .label(&ParagraphNumbering::of(p.child("w:pPr")));
        let text = paragraph_text(p);
        // Typed indentation is kept, and a list level indents by two spaces a level: the
        // segmenter reads nesting from indentation.
        let typed_indent = |line: &str| {
            line.chars()
                .take_while(|c| c.is_whitespace())
                .map(|c| if c == '\t' { 4 } else { 1 })
                .sum::<usize>()
        };
        let mut lines: Vec<Line> = text
            .split('\n')
            .filter(|l| !l.trim().is_empty())
            .map(|l| Line {
                indent: typed_indent(l),
                text: l.trim().to_owned(),
                origin: origin.clone(),
            })
            .collect();
        if let (Some((label, level)), Some(first)) = (label, lines.first_mut()) {
            first.indent += 2 * level;
            first.text = format!("{label} {}", first.text);
        }
        lines
    }
}

/// The visible text of a paragraph; line breaks as `\n`.
fn paragraph_text(p: &Element) -> String {
    let mut text = String::new();
    for run in p.elements().filter(|e| e.name == "w:r") {
        let hidden = run
            .child("w:rPr")
            .and_then(|r| r.child("w:vanish"))
            .is_some_and(is_on);
        if hidden {
            continue;
        }
        for node in &run.children {
            let Node::Element(e) = node else { continue };
            match e.name.as_str() {
                "w:t" => text.push_str(&e.text()),
                "w:tab" | "w:ptab" => text.push('\t'),
                "w:br" | "w:cr" => text.push('\n'),
                "w:noBreakHyphen" => text.push('-'),
                "w:sym" => text.extend(symbol(e)),
                _ => {}
            }
        }
    }
    text
}

/// The character of a `w:sym`, unless it is a glyph of a symbol font (Private Use Area).
fn symbol(sym: &Element) -> Option<char> {
    let code = u32::from_str_radix(sym.attr("w:char")?.trim(), 16).ok()?;
    char::from_u32(code).filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of a body given as XML, numbering left out.
    fn lines(body: &str) -> Vec<String> {
        let xml = format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
        );
        let part = Part {
            file: "t.docx",
            format: FORMAT,
            name: DEFAULT_DOCUMENT,
        };
        let root = xml::parse(&xml, &part, &Limits::new(), &keep_in_document).unwrap();
        let body = root.child("w:document").unwrap().child("w:body").unwrap();
        let mut reader = BodyReader {
            numbering: Numbering::default(),
            paragraphs: 0,
            tables: 0,
        };
        let text = arrange(reader.blocks(body, None)).text;
        text.lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn run(text: &str) -> String {
        format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
    }

    #[test]
    fn what_word_shows_is_read_and_what_it_hides_is_not() {
        let body = format!(
            "<w:p>{}<w:del><w:r><w:delText>жойылған </w:delText></w:r></w:del><w:ins>{}</w:ins>\
             <w:r><w:rPr><w:vanish/></w:rPr><w:t>жасырын</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
             <w:hyperlink>{}</w:hyperlink></w:p>",
            run("1. Жалпы "),
            run("ережелер "),
            run("7 "),
            run("сілтеме")
        );
        assert_eq!(lines(&body), ["1. Жалпы ережелер 7 сілтеме"]);
    }

    #[test]
    fn alternate_content_is_read_once_and_drawings_not_at_all() {
        let body = format!(
            "<w:p><mc:AlternateContent><mc:Choice>{}</mc:Choice><mc:Fallback>{}</mc:Fallback></mc:AlternateContent>\
             <w:r><w:drawing><w:p>{}</w:p></w:drawing></w:r></w:p>",
            run("бір рет"),
            run("бір рет"),
            run("сурет")
        );
        assert_eq!(lines(&body), ["бір рет"]);
    }

    #[test]
    fn breaks_split_lines_and_symbols_become_characters() {
        let body = format!(
            "<w:p>{}<w:r><w:br/><w:t>1.2. Екінші</w:t><w:noBreakHyphen/><w:t>жол</w:t><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/><w:sym w:char=\"2116\"/></w:r></w:p>",
            run("1.1. Бірінші")
        );
        assert_eq!(lines(&body), ["1.1. Бірінші", "1.2. Екінші-жол№"]);
    }

    #[test]
    fn paragraphs_and_cells_are_counted_in_document_order() {
        let body = format!(
            "<w:p>{}</w:p><w:tbl><w:tr><w:tc><w:p>{}</w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p>{}</w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
            run("кіріспе"),
            run("ұяшық"),
            run("ішкі")
        );
        let xml = format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        let part = Part {
            file: "t.docx",
            format: FORMAT,
            name: DEFAULT_DOCUMENT,
        };
        let root = xml::parse(&xml, &part, &Limits::new(), &keep_in_document).unwrap();
        let body = root.child("w:document").unwrap().child("w:body").unwrap();
        let mut reader = BodyReader {
            numbering: Numbering::default(),
            paragraphs: 0,
            tables: 0,
        };
        let extracted = arrange(reader.blocks(body, None));
        let cell = |table, row, column| Some(TableCell { table, row, column });
        let origins: Vec<&Origin> = extracted.origins.iter().step_by(2).collect();
        assert_eq!(
            origins,
            [
                &Origin::Docx {
                    paragraph: 1,
                    table: None
                },
                &Origin::Docx {
                    paragraph: 2,
                    table: cell(1, 1, 1)
                },
                // A nested table counts as a table of its own, and stays in its cell.
                &Origin::Docx {
                    paragraph: 3,
                    table: cell(2, 1, 1)
                },
            ]
        );
    }
}
