//! A small, bounded element tree over quick-xml for the XML parts of Office files.
//!
//! Names are canonical whatever prefixes the file declares (`w:p` for WordprocessingML's
//! paragraph in the transitional or strict namespace, `mc:Fallback`, `r:id`), so that a file
//! written with `ns0:` prefixes reads like one written by Word. Each caller says which elements
//! it wants ([`Keep`]): the rest are dropped, or made transparent (their children take their
//! place), so a large `document.xml` costs memory in proportion to its text, not its markup.
//! Nesting is bounded by [`Limits::max_depth`](super::Limits::max_depth), so walking the tree
//! recursively is safe.

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

use super::limits::Limits;
use crate::error::{Error, Result};

/// Namespaces the readers know, with the prefix their names get.
const NAMESPACES: &[(&str, &str)] = &[
    (
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "w",
    ),
    ("http://purl.oclc.org/ooxml/wordprocessingml/main", "w"),
    (
        "http://schemas.openxmlformats.org/markup-compatibility/2006",
        "mc",
    ),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "r",
    ),
    (
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
        "r",
    ),
    (
        "http://schemas.openxmlformats.org/package/2006/relationships",
        "rel",
    ),
];

/// What to do with an element (by canonical name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Keep {
    /// Keep it, with its attributes; `text` says whether its character data is kept.
    Element { text: bool },
    /// Drop it but keep its children in its place.
    Transparent,
    /// Drop it and everything inside.
    Skip,
}

/// An element: canonical name, attributes, children.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

/// A child of an element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of attribute `name` (canonical, `w:val`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element called `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The `w:val` of child `name`.
    pub fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|e| e.attr("w:val"))
    }

    /// The character data directly inside.
    pub fn text(&self) -> String {
        self.children
            .iter()
            .filter_map(|node| match node {
                Node::Text(t) => Some(t.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }
}

/// Where a parse happens, for errors.
pub(super) struct Part<'a> {
    /// The input file.
    pub file: &'a str,
    /// The format, for messages (`"DOCX"`).
    pub format: &'static str,
    /// The part inside the file (`word/document.xml`).
    pub name: &'a str,
}

impl Part<'_> {
    pub fn malformed(&self, offset: u64, message: impl std::fmt::Display) -> Error {
        Error::Malformed {
            file: self.file.to_owned(),
            format: self.format,
            place: format!("{}, byte {offset}", self.name),
            message: message.to_string(),
        }
    }
}

/// Parses `xml` into the tree of the elements `keep` wants; the root is a synthetic element
/// named `""` holding the document's top-level kept elements.
pub(super) fn parse(
    xml: &str,
    part: &Part<'_>,
    limits: &Limits,
    keep: &dyn Fn(&str) -> Keep,
) -> Result<Element> {
    let mut reader = NsReader::from_str(xml);
    // Word writes `<w:t xml:space="preserve"> </w:t>`: the spaces are text.
    reader.config_mut().trim_text(false);
    // Open elements: (kept element or None when transparent, keeps text), plus how many
    // levels of skipped elements we are inside.
    let mut stack: Vec<(Option<Element>, bool)> = vec![(Some(Element::default()), false)];
    let mut skipping = 0usize;
    loop {
        let position = reader.buffer_position();
        // The namespace borrows the reader: keep only its prefix.
        let read = reader
            .read_resolved_event()
            .map(|(namespace, event)| (prefix(&namespace), event));
        let (element_prefix, event) = match read {
            Ok(read) => read,
            Err(e) => return Err(part.malformed(reader.error_position(), e)),
        };
        match event {
            Event::Start(_) if skipping > 0 => {
                skipping += 1;
                check_depth(stack.len() + skipping, part, position, limits)?;
            }
            Event::Empty(_) if skipping > 0 => {}
            Event::End(_) if skipping > 0 => skipping -= 1,
            Event::Start(ref start) | Event::Empty(ref start) => {
                let is_start = matches!(event, Event::Start(_));
                let name = canonical(element_prefix, start.local_name().as_ref());
                let decision = keep(&name);
                if is_start {
                    check_depth(stack.len() + 1, part, position, limits)?;
                }
                let element = match decision {
                    Keep::Skip => {
                        if is_start {
                            skipping = 1;
                        }
                        continue;
                    }
                    Keep::Transparent => None,
                    Keep::Element { .. } => {
                        let mut element = Element {
                            name,
                            ..Element::default()
                        };
                        for attr in start.attributes() {
                            let attr = attr.map_err(|e| part.malformed(position, e))?;
                            let (ns, local) = reader.resolve_attribute(attr.key);
                            let key = canonical(prefix(&ns), local.as_ref());
                            let value = attr
                                .unescape_value()
                                .map_err(|e| part.malformed(position, e))?;
                            element.attrs.push((key, value.into_owned()));
                        }
                        Some(element)
                    }
                };
                let text = matches!(decision, Keep::Element { text: true });
                if is_start {
                    stack.push((element, text));
                } else if let Some(element) = element {
                    push_child(&mut stack, Node::Element(element));
                }
            }
            Event::End(_) => {
                let Some((element, _)) = stack.pop() else {
                    return Err(part.malformed(position, "unexpected end tag"));
                };
                if stack.is_empty() {
                    return Err(part.malformed(position, "unexpected end tag"));
                }
                if let Some(element) = element {
                    push_child(&mut stack, Node::Element(element));
                }
            }
            Event::Text(text) if keeps_text(&stack) && skipping == 0 => {
                let text = text.decode().map_err(|e| part.malformed(position, e))?;
                push_text(&mut stack, &text);
            }
            Event::CData(data) if keeps_text(&stack) && skipping == 0 => {
                let text = data.decode().map_err(|e| part.malformed(position, e))?;
                push_text(&mut stack, &text);
            }
            Event::GeneralRef(reference) if keeps_text(&stack) && skipping == 0 => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = reference
                            .decode()
                            .map_err(|e| part.malformed(position, e))?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| {
                                part.malformed(position, format!("unknown entity &{name};"))
                            })?
                            .to_owned()
                    }
                    Err(e) => return Err(part.malformed(position, e)),
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 || skipping > 0 {
        return Err(part.malformed(reader.buffer_position(), "the XML ends inside an element"));
    }
    Ok(stack.pop().and_then(|(root, _)| root).unwrap_or_default())
}

fn check_depth(depth: usize, part: &Part<'_>, position: u64, limits: &Limits) -> Result<()> {
    if depth > limits.max_depth {
        return Err(Error::LimitExceeded {
            file: part.file.to_owned(),
            format: part.format,
            place: format!("{}, byte {position}", part.name),
            what: "XML nesting depth",
            limit: limits.max_depth as u64,
        });
    }
    Ok(())
}

fn keeps_text(stack: &[(Option<Element>, bool)]) -> bool {
    stack.last().is_some_and(|(_, text)| *text)
}

/// Adds a node to the nearest kept element (transparent ones pass it on).
fn push_child(stack: &mut [(Option<Element>, bool)], node: Node) {
    if let Some(element) = stack.iter_mut().rev().find_map(|(e, _)| e.as_mut()) {
        element.children.push(node);
    }
}

fn push_text(stack: &mut [(Option<Element>, bool)], text: &str) {
    if let Some(element) = stack.iter_mut().rev().find_map(|(e, _)| e.as_mut()) {
        match element.children.last_mut() {
            Some(Node::Text(last)) => last.push_str(text),
            _ => element.children.push(Node::Text(text.to_owned())),
        }
    }
}

/// The canonical prefix of a namespace: `""` for none, `"?"` for one the readers ignore.
fn prefix(namespace: &ResolveResult<'_>) -> &'static str {
    match namespace {
        ResolveResult::Bound(ns) => NAMESPACES
            .iter()
            .find(|(uri, _)| uri.as_bytes() == ns.as_ref())
            .map_or("?", |(_, prefix)| prefix),
        ResolveResult::Unbound => "",
        ResolveResult::Unknown(_) => "?",
    }
}

fn canonical(prefix: &str, local: &[u8]) -> String {
    let local = String::from_utf8_lossy(local);
    if prefix.is_empty() {
        local.into_owned()
    } else {
        format!("{prefix}:{local}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PART: Part<'static> = Part {
        file: "t.docx",
        format: "DOCX",
        name: "word/document.xml",
    };

    fn all(_: &str) -> Keep {
        Keep::Element { text: true }
    }

    #[test]
    fn names_are_canonical_whatever_the_prefix() {
        let xml = r#"<ns0:p xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ns0:val="1"><x:q xmlns:x="urn:other"/></ns0:p>"#;
        let root = parse(xml, &PART, &Limits::new(), &all).unwrap();
        let p = root.child("w:p").unwrap();
        assert_eq!(p.attr("w:val"), Some("1"));
        assert!(p.child("?:q").is_some());
    }

    #[test]
    fn text_keeps_entities_and_spaces() {
        let xml = r#"<t xml:space="preserve"> a &amp; b &#x4D9; <![CDATA[<c>]]></t>"#;
        let root = parse(xml, &PART, &Limits::new(), &all).unwrap();
        assert_eq!(root.child("t").unwrap().text(), " a & b ә <c>");
    }

    #[test]
    fn skipped_and_transparent_elements() {
        let keep = |name: &str| match name {
            "skip" => Keep::Skip,
            "wrap" => Keep::Transparent,
            _ => Keep::Element { text: true },
        };
        let xml = "<r><wrap><a>1</a></wrap><skip><a>2</a><skip/></skip><a>3</a></r>";
        let root = parse(xml, &PART, &Limits::new(), &keep).unwrap();
        let texts: Vec<String> = root
            .child("r")
            .unwrap()
            .elements()
            .map(Element::text)
            .collect();
        assert_eq!(texts, ["1", "3"]);
    }

    #[test]
    fn depth_is_bounded_in_skipped_subtrees_too() {
        let mut limits = Limits::new();
        limits.max_depth = 5;
        let keep = |name: &str| {
            if name == "s" {
                Keep::Skip
            } else {
                Keep::Element { text: false }
            }
        };
        let ok = "<a><s><b><b/></b></s></a>";
        assert!(parse(ok, &PART, &limits, &keep).is_ok());
        let deep = format!("<a><s>{}{}</s></a>", "<b>".repeat(5), "</b>".repeat(5));
        let err = parse(&deep, &PART, &limits, &keep).unwrap_err();
        assert!(
            matches!(
                err,
                Error::LimitExceeded {
                    what: "XML nesting depth",
                    limit: 5,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn broken_xml_is_an_error_with_its_byte() {
        for xml in ["<a><b></a>", "<a>", "<a>&bogus;</a>", "</a>"] {
            let err = parse(xml, &PART, &Limits::new(), &all).unwrap_err();
            assert!(
                err.to_string()
                    .starts_with("t.docx: word/document.xml, byte "),
                "{xml}: {err}"
            );
        }
    }
}
