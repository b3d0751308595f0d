//! TMX 1.4b, the translation-memory exchange format: one translation unit per link.
//!
//! The layout is documented in `docs/tmx.md`.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::pieces::link_text;
use super::view::AlignedDocument;
use crate::{Clause, Lang};

/// Writes an aligned document as TMX 1.4b: one `<tu>` per link with a `<tuv xml:lang="kk">`
/// and a `<tuv xml:lang="ru">` (an empty `<seg/>` for a side without counterpart), clause
/// numbers and lines as `<prop>`s.
///
/// `document` is an [`AlignedDocument`] or anything that converts into one, such as an
/// `&Alignment`.
pub fn write_tmx<'a, W: Write>(document: impl Into<AlignedDocument<'a>>, out: W) -> io::Result<()> {
    write_units(&[(None, document.into())], out)
}

/// Writes the documents of a [`Pack`](crate::Pack) as one TMX 1.4b file: the units of each
/// document in turn, numbered on across documents, each with a `<prop type="x-document">`
/// naming its document (`file.txt#2`).
pub fn write_tmx_pack<W: Write>(
    documents: &[(&str, AlignedDocument<'_>)],
    out: W,
) -> io::Result<()> {
    let named: Vec<(Option<&str>, AlignedDocument<'_>)> = documents
        .iter()
        .map(|&(name, document)| (Some(name), document))
        .collect();
    write_units(&named, out)
}

/// The TMX file of `documents`, each with its name as a property when it has one.
fn write_units<W: Write>(
    documents: &[(Option<&str>, AlignedDocument<'_>)],
    out: W,
) -> io::Result<()> {
    let units = documents.iter().flat_map(|(name, document)| {
        document
            .links
            .iter()
            .map(move |link| (*name, document.doc, link))
    });
    let mut writer = Writer::new_with_indent(out, b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("tmx")
        .with_attribute(("version", "1.4"))
        .write_inner_content(|w| {
            w.create_element("header")
                .with_attributes([
                    ("creationtool", "kzru-align"),
                    ("creationtoolversion", env!("CARGO_PKG_VERSION")),
                    ("segtype", "paragraph"),
                    ("o-tmf", "kzru-align"),
                    ("adminlang", "en"),
                    ("srclang", "kk"),
                    ("datatype", "plaintext"),
                ])
                .write_empty()?;
            w.create_element("body").write_inner_content(|w| {
                for (index, (name, doc, link)) in units.enumerate() {
                    let tuid = (index + 1).to_string();
                    let score = format!("{:.3}", link.score());
                    w.create_element("tu")
                        .with_attribute(("tuid", tuid.as_str()))
                        .write_inner_content(|w| {
                            if let Some(name) = name {
                                w.create_element("prop")
                                    .with_attribute(("type", "x-document"))
                                    .write_text_content(BytesText::new(name))?;
                            }
                            for lang in Lang::ALL {
                                let clauses: Vec<&Clause> = link
                                    .side(lang)
                                    .iter()
                                    .filter_map(|&id| doc.clause(id))
                                    .collect();
                                let numbers: Vec<&str> = clauses
                                    .iter()
                                    .filter_map(|c| c.number().map(|n| n.as_str()))
                                    .collect();
                                if !numbers.is_empty() {
                                    let kind = format!("x-{lang}-number");
                                    w.create_element("prop")
                                        .with_attribute(("type", kind.as_str()))
                                        .write_text_content(BytesText::new(&numbers.join(" ")))?;
                                }
                                if let Some(first) = clauses.first() {
                                    let kind = format!("x-{lang}-line");
                                    w.create_element("prop")
                                        .with_attribute(("type", kind.as_str()))
                                        .write_text_content(BytesText::new(
                                            &first.line().to_string(),
                                        ))?;
                                }
                            }
                            w.create_element("prop")
                                .with_attribute(("type", "x-score"))
                                .write_text_content(BytesText::new(&score))?;
                            for lang in Lang::ALL {
                                let text = link_text(doc, link.side(lang));
                                w.create_element("tuv")
                                    .with_attribute(("xml:lang", lang.code()))
                                    .write_inner_content(|w| {
                                        if text.is_empty() {
                                            w.create_element("seg").write_empty()?;
                                        } else {
                                            w.create_element("seg")
                                                .write_text_content(BytesText::new(&text))?;
                                        }
                                        Ok::<(), io::Error>(())
                                    })?;
                            }
                            Ok::<(), io::Error>(())
                        })?;
                }
                Ok::<(), io::Error>(())
            })?;
            Ok::<(), io::Error>(())
        })?;
    writer.get_mut().write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{AlignedDocument, write_tmx};
    use crate::{Aligner, BilingualDocument};

    #[test]
    fn tmx_of_the_borrowed_view_equals_tmx_of_the_alignment() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/kao-autocheck.txt");
        let doc = BilingualDocument::from_path(path).unwrap();
        let alignment = Aligner::new().align(&doc);
        let mut of_alignment = Vec::new();
        write_tmx(&alignment, &mut of_alignment).unwrap();
        let view = AlignedDocument {
            doc: &doc,
            links: alignment.links(),
            divergences: alignment.divergences(),
        };
        let mut of_view = Vec::new();
        write_tmx(view, &mut of_view).unwrap();
        assert!(
            of_alignment.len() > 1000,
            "a real document gives real units"
        );
        assert_eq!(
            String::from_utf8(of_view).unwrap(),
            String::from_utf8(of_alignment).unwrap()
        );
    }
}
