//! The PDF reader on PDF files generated here from the corpus: paragraphs set in lines with
//! first-line indents, compound words broken at their hyphen, a running header and page
//! numbers on every page, and a font whose `/ToUnicode` map gives Kazakh `ә` as Latin `ə` (as
//! the fonts of some real files do). The paragraphs, the clause numbers and the letters must
//! come back as the text has them. Also: a scan, a file whose fonts map nothing to Unicode,
//! a damaged file and files past each limit are clear errors.
#![cfg(feature = "pdf")]

use std::collections::BTreeMap;
use std::fmt::Write as _;

use kzru_align::read::{Format, Limits, Origin};
use kzru_align::{BilingualDocument, Error, Lang, Source};
use lopdf::{Document, Object, Stream, dictionary};

use crate::{corpus_doc, version};

/// Font size and the width of every glyph, in points.
const SIZE: f32 = 10.0;
const GLYPH: f32 = 5.0;
/// Characters on a full line, and where lines start.
const WIDTH: usize = 80;
const LEFT: f32 = 60.0;
const INDENT: f32 = 20.0;
const LEADING: f32 = 12.0;

/// A line of text placed on a page.
struct Placed {
    x: f32,
    y: f32,
    text: String,
}

/// Sets paragraphs on A4 pages: first-line indents, words wrapped (compound words may break
/// after their hyphen), a running header and a page number on every page.
fn set_pages(paragraphs: &[String]) -> Vec<Vec<Placed>> {
    let mut pages: Vec<Vec<Placed>> = Vec::new();
    let mut y = 0.0;
    let new_page = |pages: &mut Vec<Vec<Placed>>, y: &mut f32| {
        let number = pages.len() + 1;
        pages.push(vec![
            Placed {
                x: LEFT,
                y: 815.0,
                text: format!("«Мысал» ЖШС — Құпиялылық саясаты, {number}-бөлім"),
            },
            Placed {
                x: 290.0,
                y: 30.0,
                text: format!("{number}"),
            },
        ]);
        *y = 780.0;
    };
    new_page(&mut pages, &mut y);
    for paragraph in paragraphs {
        for (i, line) in wrap(paragraph).into_iter().enumerate() {
            if y < 70.0 {
                new_page(&mut pages, &mut y);
            }
            let x = if i == 0 { LEFT + INDENT } else { LEFT };
            pages.last_mut().unwrap().push(Placed { x, y, text: line });
            y -= LEADING;
        }
    }
    pages
}

/// Greedy line breaking at spaces, and after a hyphen inside a word.
fn wrap(paragraph: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut room = WIDTH - (INDENT / GLYPH) as usize;
    for word in paragraph.split(' ') {
        // Pieces of a word: `интернет-` `ресурс`.
        let mut pieces: Vec<String> = Vec::new();
        let mut rest = word;
        while let Some(at) = rest.find('-').filter(|&at| at > 0 && at + 1 < rest.len()) {
            pieces.push(rest[..=at].to_owned());
            rest = &rest[at + 1..];
        }
        pieces.push(rest.to_owned());
        for (k, piece) in pieces.iter().enumerate() {
            let joiner = if k == 0 && !line.is_empty() { " " } else { "" };
            if !line.is_empty()
                && line.chars().count() + joiner.len() + piece.chars().count() > room
            {
                lines.push(std::mem::take(&mut line));
                room = WIDTH;
                line.push_str(piece);
            } else {
                line.push_str(joiner);
                line.push_str(piece);
            }
        }
    }
    lines.push(line);
    lines
}

/// A PDF of the placed lines, drawn in a simple font whose `/ToUnicode` map gives each code
/// its character; with `schwa_quirk`, Kazakh `ә` and `Ә` are mapped to Latin `ə` and `Ə`.
fn write_pdf(pages: &[Vec<Placed>], schwa_quirk: bool) -> Vec<u8> {
    let mut codes: BTreeMap<char, u8> = BTreeMap::new();
    codes.insert(' ', 32);
    let mut next = 33u8;
    for placed in pages.iter().flatten() {
        for c in placed.text.chars() {
            codes.entry(c).or_insert_with(|| {
                let code = next;
                next = next
                    .checked_add(1)
                    .expect("fewer than 223 distinct characters");
                code
            });
        }
    }
    let mut doc = Document::with_version("1.5");
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n\
         1 begincodespacerange <00> <FF> endcodespacerange\n",
    );
    let entries: Vec<(&char, &u8)> = codes.iter().collect();
    for chunk in entries.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", chunk.len());
        for (c, code) in chunk {
            let shown = match (schwa_quirk, **c) {
                (true, 'ә') => 'ə',
                (true, 'Ә') => 'Ə',
                (_, c) => c,
            };
            let mut units = [0u16; 2];
            let hex: String = shown
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            let _ = writeln!(cmap, "<{code:02X}> <{hex}>");
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap CMapName currentdict /CMap defineresource pop end end\n");
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "FirstChar" => 0,
        "LastChar" => 255,
        "Widths" => vec![Object::Integer(500); 256],
        "ToUnicode" => to_unicode,
    });
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for placed_lines in pages {
        let mut content = format!("BT /F1 {SIZE} Tf\n");
        for placed in placed_lines {
            let hex: String = placed
                .text
                .chars()
                .map(|c| format!("{:02X}", codes[&c]))
                .collect();
            let _ = writeln!(content, "1 0 0 1 {} {} Tm <{hex}> Tj", placed.x, placed.y);
        }
        content.push_str("ET\n");
        kids.push(Object::Reference(add_page(
            &mut doc,
            pages_id,
            font,
            content.into_bytes(),
        )));
    }
    finish(&mut doc, pages_id, kids)
}

fn add_page(
    doc: &mut Document,
    parent: lopdf::ObjectId,
    font: lopdf::ObjectId,
    content: Vec<u8>,
) -> lopdf::ObjectId {
    let content = doc.add_object(Stream::new(dictionary! {}, content));
    doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => parent,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        "Contents" => content,
    })
}

fn finish(doc: &mut Document, pages_id: lopdf::ObjectId, kids: Vec<Object>) -> Vec<u8> {
    let count = i64::try_from(kids.len()).unwrap();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// The Kazakh paragraphs of a corpus document, white space collapsed (tabs included).
fn corpus_paragraphs(stem: &str, lang: Lang) -> Vec<String> {
    let doc = corpus_doc(stem);
    let v = version(&doc, lang);
    let text = &doc.sources()[v.source()].text()[v.span().range()];
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

fn paragraphs_read(doc: &BilingualDocument) -> Vec<String> {
    doc.sources()[0]
        .text()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn paragraphs_numbers_and_letters_come_back_from_a_generated_pdf() {
    let paragraphs = corpus_paragraphs("mycar-myverify", Lang::Kk);
    assert!(paragraphs.iter().any(|p| p.contains('ә')));
    let pages = set_pages(&paragraphs);
    assert!(pages.len() >= 4, "{} pages", pages.len());
    assert!(
        pages.iter().flatten().any(|p| p.text.ends_with('-')),
        "some compound word is broken at its hyphen"
    );
    let pdf = write_pdf(&pages, true);
    let doc = BilingualDocument::from_bytes("mycar.kk.pdf", &pdf).unwrap();
    assert_eq!(doc.sources()[0].format(), Format::Pdf);
    let read = paragraphs_read(&doc);
    for (i, (got, want)) in read.iter().zip(&paragraphs).enumerate() {
        assert_eq!(got, want, "paragraph {}", i + 1);
    }
    assert_eq!(read.len(), paragraphs.len());
    // The same clause numbers as the text, and each cites its page and line.
    let text = corpus_doc("mycar-myverify");
    let numbers = |d: &BilingualDocument| -> Vec<String> {
        version(d, Lang::Kk)
            .clauses()
            .iter()
            .filter_map(|c| c.number().map(|n| n.as_str().to_owned()))
            .collect()
    };
    assert_eq!(numbers(&doc), numbers(&text));
    let last = version(&doc, Lang::Kk).find("9.11").unwrap();
    let Some(Origin::Pdf { page, line }) = doc.origin(last) else {
        panic!("{:?}", doc.origin(last))
    };
    let placed = &pages[*page - 1];
    // Lines are counted top to bottom, the running header being line 1: line n is the body's
    // line n - 1, placed after the header and the page number.
    assert!(placed[*line].text.starts_with("9.11."), "{page}:{line}");
}

#[test]
fn a_scan_without_text_is_a_clear_error() {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let kids = (0..2)
        .map(|_| {
            Object::Reference(add_page(
                &mut doc,
                pages_id,
                font,
                b"q 500 0 0 700 40 60 cm 0 0 1 1 re f Q".to_vec(),
            ))
        })
        .collect();
    let pdf = finish(&mut doc, pages_id, kids);
    let err = Source::from_bytes("scan.pdf", &pdf).unwrap_err();
    assert!(
        matches!(err, Error::NoTextLayer { pages: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("run OCR first"), "{err}");
}

#[test]
fn fonts_that_map_nothing_to_unicode_are_a_clear_error() {
    // A composite font without `/ToUnicode`: its codes say nothing about the letters.
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Arial", "Encoding" => "Identity-H",
    });
    let page = add_page(
        &mut doc,
        pages_id,
        font,
        b"BT /F1 12 Tf 50 700 Td <0011002200330044> Tj ET".to_vec(),
    );
    let pdf = finish(&mut doc, pages_id, vec![Object::Reference(page)]);
    let err = Source::from_bytes("glyphs.pdf", &pdf).unwrap_err();
    assert!(matches!(err, Error::Malformed { .. }), "{err:?}");
    assert!(err.to_string().contains("run OCR first"), "{err}");
}

#[test]
fn a_damaged_pdf_is_a_clear_error() {
    for bytes in [
        &b"%PDF-1.7\n1 0 obj << /Type /Catalog"[..],
        b"%PDF-1.4\n%%EOF",
        b"%PDF-",
    ] {
        let err = Source::from_bytes("bad.pdf", bytes).unwrap_err();
        assert!(matches!(err, Error::Malformed { .. }), "{err:?}");
        assert!(err.to_string().starts_with("bad.pdf: "), "{err}");
    }
}

#[test]
fn files_past_a_limit_are_refused() {
    let pages = set_pages(&corpus_paragraphs("mycar-myverify", Lang::Ru));
    let pdf = write_pdf(&pages, false);
    let read = |limits: &Limits| Source::from_bytes_with_limits("big.pdf", &pdf, limits);
    assert!(read(&Limits::default()).is_ok());
    let mut pages_limit = Limits::default();
    pages_limit.max_pages = 2;
    let mut objects = Limits::default();
    objects.max_entries = 5;
    for (limits, what) in [(pages_limit, "pages"), (objects, "objects")] {
        match read(&limits) {
            Err(Error::LimitExceeded { what: got, .. }) => assert_eq!(got, what),
            other => panic!("{what}: {other:?}"),
        }
    }
    // A content stream that inflates far beyond its size: a bomb.
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let mut bomb = b"BT /F1 12 Tf 50 700 Td (a) Tj ET\n".to_vec();
    bomb.resize(4 << 20, b' ');
    let mut stream = Stream::new(dictionary! {}, bomb);
    stream.compress().unwrap();
    assert!(stream.content.len() < 64 << 10);
    let content = doc.add_object(stream);
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        "Contents" => content,
    });
    let pdf = finish(&mut doc, pages_id, vec![Object::Reference(page)]);
    let mut small = Limits::default();
    small.max_expanded_bytes = 1 << 20;
    let err = Source::from_bytes_with_limits("bomb.pdf", &pdf, &small).unwrap_err();
    assert!(matches!(err, Error::LimitExceeded { .. }), "{err:?}");
    assert!(err.to_string().contains("page 1"), "{err}");
}
