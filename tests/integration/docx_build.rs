//! Writes Word files for the reader's tests: a minimal but complete `.docx` (content types,
//! relationships, document, numbering and styles parts), with paragraphs, numbered
//! paragraphs and tables given as plain values, so that each test says what it builds.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A paragraph of the body: text, and optionally a list (`numId`, level) and a style.
#[derive(Clone, Debug, Default)]
pub struct Para {
    pub text: String,
    pub num: Option<(u32, u32)>,
    pub style: Option<String>,
}

impl Para {
    pub fn plain(text: &str) -> Para {
        Para {
            text: text.to_owned(),
            ..Para::default()
        }
    }

    pub fn numbered(num_id: u32, level: u32, text: &str) -> Para {
        Para {
            text: text.to_owned(),
            num: Some((num_id, level)),
            style: None,
        }
    }
}

/// A block of the body.
#[derive(Clone, Debug)]
pub enum Block {
    Para(Para),
    /// Rows of cells of paragraphs.
    Table(Vec<Vec<Vec<Para>>>),
}

/// A level of an abstract list: start, format, text (`%1.%2.`), and extra XML inside `w:lvl`
/// (`<w:isLgl/>`, `<w:lvlRestart w:val="0"/>`).
pub fn level(ilvl: u32, start: i64, fmt: &str, text: &str, extra: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{}" w:hanging="360"/></w:pPr></w:lvl>"#,
        360 * (ilvl + 1)
    )
}

/// Decimal levels `%1.`, `%1.%2.`, … (`dot`: with the trailing dot).
pub fn decimal_levels(dot: bool) -> String {
    (0..9)
        .map(|i| {
            let parts: Vec<String> = (1..=i + 1).map(|n| format!("%{n}")).collect();
            let mut text = parts.join(".");
            if dot || i == 0 {
                text.push('.');
            }
            level(i, 1, "decimal", &text, "")
        })
        .collect()
}

/// The parts of a Word file.
#[derive(Clone, Debug, Default)]
pub struct Docx {
    /// `w:abstractNum` and `w:num` elements.
    pub numbering: String,
    /// `w:style` elements.
    pub styles: String,
    pub body: Vec<Block>,
}

impl Docx {
    pub fn abstract_num(&mut self, id: u32, levels: &str, extra: &str) -> &mut Docx {
        write!(
            self.numbering,
            r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="multilevel"/>{extra}{levels}</w:abstractNum>"#
        )
        .unwrap();
        self
    }

    /// A `w:num`; `overrides` is XML of `w:lvlOverride` elements.
    pub fn num(&mut self, id: u32, abstract_id: u32, overrides: &str) -> &mut Docx {
        write!(
            self.numbering,
            r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>"#
        )
        .unwrap();
        self
    }

    pub fn para(&mut self, para: Para) -> &mut Docx {
        self.body.push(Block::Para(para));
        self
    }

    /// The bytes of the `.docx`.
    pub fn build(&self) -> Vec<u8> {
        let mut body = String::new();
        for block in &self.body {
            match block {
                Block::Para(p) => body.push_str(&para_xml(p)),
                Block::Table(rows) => body.push_str(&table_xml(rows)),
            }
        }
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
        );
        let numbering = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">{}</w:numbering>"#,
            self.numbering
        );
        let styles = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>{}</w:styles>"#,
            self.styles
        );
        zip_of(&[
            ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
            ("_rels/.rels", PACKAGE_RELS.to_owned()),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
            ("word/document.xml", document),
            ("word/numbering.xml", numbering),
            ("word/styles.xml", styles),
        ])
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn para_xml(p: &Para) -> String {
    let mut ppr = String::new();
    if let Some(style) = &p.style {
        write!(ppr, r#"<w:pStyle w:val="{style}"/>"#).unwrap();
    }
    if let Some((num, ilvl)) = p.num {
        write!(
            ppr,
            r#"<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>"#
        )
        .unwrap();
    }
    // Split the text over two runs, as Word does at every change of formatting.
    let split = p
        .text
        .char_indices()
        .nth(p.text.chars().count() / 2)
        .map_or(0, |(i, _)| i);
    let (a, b) = p.text.split_at(split);
    format!(
        r#"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        escape(a),
        escape(b)
    )
}

fn table_xml(rows: &[Vec<Vec<Para>>]) -> String {
    let mut xml = String::from(r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>"#);
    for row in rows {
        xml.push_str("<w:tr>");
        for cell in row {
            xml.push_str(r#"<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>"#);
            for p in cell {
                xml.push_str(&para_xml(p));
            }
            if cell.is_empty() {
                xml.push_str("<w:p/>");
            }
            xml.push_str("</w:tc>");
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl><w:p/>");
    xml
}

/// A zip of named text entries.
pub fn zip_of(entries: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, data) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(data.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
