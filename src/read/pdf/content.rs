//! The text of one PDF page as placed glyphs: a small interpreter of the page's content
//! stream that follows the text and graphics state (`BT`, `Tf`, `Td`, `Tm`, `TJ`, `cm`,
//! `q`/`Q`, form XObjects) and decodes each shown code through its font's `/ToUnicode`
//! map, or the font's encoding when it has none. Only where each glyph lands matters here;
//! nothing is drawn.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

/// Form XObjects nest at most this deep (a form drawing a form …); deeper ones are skipped.
pub(super) const MAX_FORM_DEPTH: usize = 12;

/// `q` saves at most this many graphics states; further saves are ignored.
const MAX_SAVED_STATES: usize = 1024;

/// A glyph placed on the page, in the page's user space (points, y upwards).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Glyph {
    /// The Unicode text of the glyph (usually one character; a ligature gives two).
    pub(super) text: String,
    /// Left edge of the glyph on its baseline.
    pub(super) x: f32,
    /// Where the next glyph would start: the right edge plus character spacing.
    pub(super) x_end: f32,
    /// The baseline.
    pub(super) y: f32,
    /// The font size as drawn.
    pub(super) size: f32,
}

/// An affine matrix `[a b c d e f]`, as PDF writes them (row vectors: `p' = p × M`).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self × other`: `self` applied first.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn from_operands(operands: &[Object]) -> Option<Matrix> {
        let numbers: Vec<f32> = operands.iter().filter_map(number).collect();
        let m: [f32; 6] = numbers.try_into().ok()?;
        m.iter().all(|v| v.is_finite()).then_some(Matrix(m))
    }
}

fn number(object: &Object) -> Option<f32> {
    object.as_float().ok().filter(|v| v.is_finite())
}

/// How a font turns the bytes of a shown string into codes, text and widths.
struct Font<'a> {
    decoder: Decoder<'a>,
    /// Codes are two bytes (a composite `Type0` font), not one.
    two_byte: bool,
    /// Widths of single codes, in thousandths of the font size.
    widths: HashMap<u32, f32>,
    /// Widths of ranges of codes (`/W` arrays of composite fonts).
    width_ranges: Vec<(u32, u32, f32)>,
    default_width: f32,
}

enum Decoder<'a> {
    /// The font's `/ToUnicode` map (an `Encoding::UnicodeMapEncoding`): what the text
    /// means, whatever the glyphs.
    Unicode(Encoding<'a>),
    /// The font's encoding (`/WinAnsiEncoding`, `/Differences`, …).
    Encoding(Encoding<'a>),
    /// Neither: the codes cannot be read as text.
    Unknown,
}

impl Font<'_> {
    fn width(&self, code: u32) -> f32 {
        if let Some(w) = self.widths.get(&code) {
            return *w;
        }
        self.width_ranges
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
            .map_or(self.default_width, |(_, _, w)| *w)
    }

    fn text(&self, bytes: &[u8]) -> String {
        match &self.decoder {
            Decoder::Unicode(encoding) => encoding
                .bytes_to_string(bytes)
                .unwrap_or_else(|_| '\u{fffd}'.to_string()),
            Decoder::Encoding(encoding) if !self.two_byte => encoding
                .bytes_to_string(bytes)
                .unwrap_or_else(|_| '\u{fffd}'.to_string()),
            _ => '\u{fffd}'.to_string(),
        }
    }
}

/// What a content stream may change and `q`/`Q` save and restore.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<usize>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

impl State {
    fn new(ctm: Matrix) -> State {
        State {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Why reading a page's content stopped early.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Stop {
    /// The glyphs of the document passed the limit.
    TooManyGlyphs,
    /// A content stream decompressed past the limit, at this object.
    TooLarge(Option<ObjectId>),
}

/// Reads the glyphs of pages; fonts are read once per document.
pub(super) struct Interpreter<'a> {
    doc: &'a Document,
    fonts: Vec<Font<'a>>,
    /// Fonts already read, by the address of their dictionary in the document.
    font_index: HashMap<usize, usize>,
    max_stream: usize,
    /// Bytes of content streams the document may still decompress.
    budget: usize,
    max_glyphs: usize,
    glyph_count: usize,
}

impl<'a> Interpreter<'a> {
    /// An interpreter that decompresses no content stream past `max_stream` bytes, all of
    /// them together not past `budget` bytes, and places at most `max_glyphs` glyphs in the
    /// whole document.
    pub(super) fn new(
        doc: &'a Document,
        max_stream: usize,
        budget: usize,
        max_glyphs: usize,
    ) -> Self {
        Interpreter {
            doc,
            fonts: Vec::new(),
            font_index: HashMap::new(),
            max_stream,
            budget,
            max_glyphs,
            glyph_count: 0,
        }
    }

    /// The most the next content stream may decompress to.
    fn stream_limit(&self) -> usize {
        self.max_stream.min(self.budget)
    }

    /// Counts a decompressed content stream against the document's budget.
    fn spend(&mut self, content: &[u8], id: ObjectId) -> Result<(), Stop> {
        self.budget = self
            .budget
            .checked_sub(content.len())
            .ok_or(Stop::TooLarge(Some(id)))?;
        Ok(())
    }

    /// The glyphs of the page `page_id`, in the order the content stream draws them.
    pub(super) fn page(&mut self, page_id: ObjectId) -> Result<Vec<Glyph>, Stop> {
        let doc = self.doc;
        let content = doc
            .get_page_content_with_limit(page_id, self.stream_limit())
            .map_err(|err| match err {
                lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                    ..
                }) => Stop::TooLarge(Some(page_id)),
                _ => Stop::TooLarge(None),
            });
        // A page whose content cannot be read at all has no text; a bomb is an error.
        let content = match content {
            Ok(content) => content,
            Err(Stop::TooLarge(None)) => return Ok(Vec::new()),
            Err(stop) => return Err(stop),
        };
        self.spend(&content, page_id)?;
        let mut resources: Vec<&'a Dictionary> = Vec::new();
        if let Ok((own, inherited)) = doc.get_page_resources(page_id) {
            resources.extend(own);
            resources.extend(
                inherited
                    .into_iter()
                    .filter_map(|id| doc.get_dictionary(id).ok()),
            );
        }
        let mut glyphs = Vec::new();
        let mut forms = Vec::new();
        self.run(
            &content,
            &resources,
            Matrix::IDENTITY,
            &mut forms,
            &mut glyphs,
        )?;
        Ok(glyphs)
    }

    /// Interprets one content stream (a page's, or a form's with its own resources).
    fn run(
        &mut self,
        content: &[u8],
        resources: &[&'a Dictionary],
        ctm: Matrix,
        forms: &mut Vec<ObjectId>,
        glyphs: &mut Vec<Glyph>,
    ) -> Result<(), Stop> {
        let mut state = State::new(ctm);
        let mut saved: Vec<State> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        for operation in lopdf::content::Content::decode_iter(content) {
            // A damaged operator ends the stream: what came before it is kept.
            let Ok(operation) = operation else { break };
            let ops = operation.operands.as_slice();
            let num = |i: usize| ops.get(i).and_then(number);
            match operation.operator.as_str() {
                "q" if saved.len() < MAX_SAVED_STATES => saved.push(state.clone()),
                "Q" => {
                    if let Some(previous) = saved.pop() {
                        state = previous;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::from_operands(ops) {
                        state.ctm = m.then(state.ctm);
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    state.font = ops
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| self.font(resources, name));
                    state.size = num(1).unwrap_or(0.0);
                }
                "Tc" => state.char_spacing = num(0).unwrap_or(0.0),
                "Tw" => state.word_spacing = num(0).unwrap_or(0.0),
                "Tz" => state.scale = num(0).unwrap_or(100.0) / 100.0,
                "TL" => state.leading = num(0).unwrap_or(0.0),
                "Ts" => state.rise = num(0).unwrap_or(0.0),
                "Td" | "TD" => {
                    let (x, y) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                    if operation.operator == "TD" {
                        state.leading = -y;
                    }
                    tlm = Matrix::translate(x, y).then(tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = Matrix::from_operands(ops) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if operation.operator == "\"" {
                        state.word_spacing = num(0).unwrap_or(state.word_spacing);
                        state.char_spacing = num(1).unwrap_or(state.char_spacing);
                    }
                    if operation.operator != "Tj" {
                        tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                        tm = tlm;
                    }
                    if let Some(bytes) = ops.last().and_then(|o| o.as_str().ok()) {
                        self.show(bytes, &state, &mut tm, glyphs)?;
                    }
                }
                "TJ" => {
                    let Some(items) = ops.first().and_then(|o| o.as_array().ok()) else {
                        continue;
                    };
                    for item in items {
                        if let Ok(bytes) = item.as_str() {
                            self.show(bytes, &state, &mut tm, glyphs)?;
                        } else if let Some(adjust) = number(item) {
                            let tx = -adjust / 1000.0 * state.size * state.scale;
                            tm = Matrix::translate(tx, 0.0).then(tm);
                        }
                    }
                }
                "Do" => {
                    if let Some(name) = ops.first().and_then(|o| o.as_name().ok()) {
                        self.form(name, resources, &state, forms, glyphs)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Draws a form XObject: its own content stream, in its own resources (or the
    /// caller's), through its `/Matrix`.
    fn form(
        &mut self,
        name: &[u8],
        resources: &[&'a Dictionary],
        state: &State,
        forms: &mut Vec<ObjectId>,
        glyphs: &mut Vec<Glyph>,
    ) -> Result<(), Stop> {
        let doc = self.doc;
        let Some(Object::Reference(id)) = lookup(doc, resources, b"XObject", name) else {
            return Ok(());
        };
        if forms.len() >= MAX_FORM_DEPTH || forms.contains(id) {
            return Ok(());
        }
        let Ok(stream) = doc.get_object(*id).and_then(Object::as_stream) else {
            return Ok(());
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return Ok(());
        }
        let content = match stream.decompressed_content_with_limit(self.stream_limit()) {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => return Err(Stop::TooLarge(Some(*id))),
            // An uncompressed stream, or one that cannot be decompressed: as stored.
            Err(_) if stream.content.len() <= self.stream_limit() => stream.content.clone(),
            Err(_) => return Err(Stop::TooLarge(Some(*id))),
        };
        self.spend(&content, *id)?;
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| doc.dereference(r).ok())
            .and_then(|(_, r)| r.as_dict().ok());
        let mut form_resources: Vec<&'a Dictionary> = own.into_iter().collect();
        form_resources.extend_from_slice(resources);
        let matrix = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|m| m.as_array().ok())
            .and_then(|m| Matrix::from_operands(m))
            .unwrap_or(Matrix::IDENTITY);
        forms.push(*id);
        let result = self.run(
            &content,
            &form_resources,
            matrix.then(state.ctm),
            forms,
            glyphs,
        );
        forms.pop();
        result
    }

    /// Places the glyphs of one shown string and moves the text matrix past them.
    fn show(
        &mut self,
        bytes: &[u8],
        state: &State,
        tm: &mut Matrix,
        glyphs: &mut Vec<Glyph>,
    ) -> Result<(), Stop> {
        let Some(font) = state.font.and_then(|i| self.fonts.get(i)) else {
            return Ok(());
        };
        let step = if font.two_byte { 2 } else { 1 };
        for chunk in bytes.chunks(step) {
            let code = chunk.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
            let width = font.width(code) / 1000.0;
            let space = step == 1 && code == 32;
            let advance = (width * state.size
                + state.char_spacing
                + if space { state.word_spacing } else { 0.0 })
                * state.scale;
            let render = Matrix([
                state.size * state.scale,
                0.0,
                0.0,
                state.size,
                0.0,
                state.rise,
            ])
            .then(*tm)
            .then(state.ctm);
            let next = Matrix::translate(advance, 0.0).then(*tm);
            let end = next.then(state.ctm);
            let [_, _, c, d, x, y] = render.0;
            let size = (c * c + d * d).sqrt();
            let text = font.text(chunk);
            *tm = next;
            if !(x.is_finite() && y.is_finite() && size.is_finite()) {
                continue;
            }
            self.glyph_count += 1;
            if self.glyph_count > self.max_glyphs {
                return Err(Stop::TooManyGlyphs);
            }
            glyphs.push(Glyph {
                text,
                x,
                x_end: end.0[4],
                y,
                size,
            });
        }
        Ok(())
    }

    /// The font named `name` in the resources, read on first use.
    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Option<usize> {
        let doc = self.doc;
        let object = lookup(doc, resources, b"Font", name)?;
        let dict = doc.dereference(object).ok()?.1.as_dict().ok()?;
        let key = std::ptr::from_ref(dict) as usize;
        if let Some(&index) = self.font_index.get(&key) {
            return Some(index);
        }
        let font = read_font(doc, dict, self.max_stream);
        self.fonts.push(font);
        self.font_index.insert(key, self.fonts.len() - 1);
        Some(self.fonts.len() - 1)
    }
}

/// The resource `name` of `category` (`/Font`, `/XObject`), nearest resources first.
fn lookup<'a>(
    doc: &'a Document,
    resources: &[&'a Dictionary],
    category: &[u8],
    name: &[u8],
) -> Option<&'a Object> {
    resources.iter().find_map(|dict| {
        let (_, group) = doc.dereference(dict.get(category).ok()?).ok()?;
        group.as_dict().ok()?.get(name).ok()
    })
}

fn read_font<'a>(doc: &'a Document, dict: &'a Dictionary, max_stream: usize) -> Font<'a> {
    let two_byte = dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0");
    let decoder = to_unicode(doc, dict, max_stream)
        .map(Decoder::Unicode)
        .or_else(|| {
            dict.get_font_encoding_with_limit(doc, max_stream)
                .ok()
                .map(Decoder::Encoding)
        })
        .unwrap_or(Decoder::Unknown);
    let mut font = Font {
        decoder,
        two_byte,
        widths: HashMap::new(),
        width_ranges: Vec::new(),
        default_width: 500.0,
    };
    let deref = |object: &'a Object| doc.dereference(object).ok().map(|(_, o)| o);
    if two_byte {
        let descendant = dict
            .get(b"DescendantFonts")
            .ok()
            .and_then(deref)
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(deref)
            .and_then(|o| o.as_dict().ok());
        if let Some(cid_font) = descendant {
            font.default_width = cid_font.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
            if let Some(w) = cid_font
                .get(b"W")
                .ok()
                .and_then(deref)
                .and_then(|o| o.as_array().ok())
            {
                read_cid_widths(w, deref, &mut font);
            }
        }
    } else {
        let first = dict
            .get(b"FirstChar")
            .ok()
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(0);
        if let Some(widths) = dict
            .get(b"Widths")
            .ok()
            .and_then(deref)
            .and_then(|o| o.as_array().ok())
        {
            for (i, w) in widths.iter().enumerate().take(256) {
                let code = u32::try_from(first.saturating_add(i as i64)).ok();
                if let (Some(code), Some(w)) = (code, deref(w).and_then(number)) {
                    font.widths.insert(code, w);
                }
            }
        }
    }
    font
}

/// A composite font's `/W` array: `c [w1 w2 …]` gives codes from `c` on one width each,
/// `c_first c_last w` one width for a range.
fn read_cid_widths<'a>(
    w: &'a [Object],
    deref: impl Fn(&'a Object) -> Option<&'a Object>,
    font: &mut Font<'_>,
) {
    let mut i = 0;
    while i < w.len() {
        let first = deref(&w[i]).and_then(|o| o.as_i64().ok());
        let next = w.get(i + 1).and_then(&deref);
        match (first, next) {
            (Some(first), Some(Object::Array(list))) => {
                for (k, width) in list.iter().enumerate().take(65_536) {
                    let code = u32::try_from(first.saturating_add(k as i64)).ok();
                    if let (Some(code), Some(width)) = (code, number(width)) {
                        font.widths.insert(code, width);
                    }
                }
                i += 2;
            }
            (Some(first), Some(last)) => {
                let last = last.as_i64().ok();
                let width = w.get(i + 2).and_then(&deref).and_then(number);
                if let (Ok(lo), Some(Ok(hi)), Some(width)) =
                    (u32::try_from(first), last.map(u32::try_from), width)
                {
                    font.width_ranges.push((lo, hi, width));
                }
                i += 3;
            }
            _ => i += 1,
        }
    }
}

/// The font's `/ToUnicode` map, read through lopdf (which reads it only for fonts without
/// an `/Encoding`: the map is handed over in a dictionary holding nothing else).
fn to_unicode<'a>(doc: &Document, font: &Dictionary, max_stream: usize) -> Option<Encoding<'a>> {
    let map = font.get(b"ToUnicode").ok()?.clone();
    let mut only_map = Dictionary::new();
    only_map.set("Type", Object::Name(b"Font".to_vec()));
    only_map.set("ToUnicode", map);
    match only_map.get_font_encoding_with_limit(doc, max_stream) {
        // The map is owned: it outlives the dictionary it was read through.
        Ok(Encoding::UnicodeMapEncoding(cmap)) => Some(Encoding::UnicodeMapEncoding(cmap)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let moved = Matrix::translate(10.0, 5.0).then(scale);
        assert_eq!(moved.0, [2.0, 0.0, 0.0, 2.0, 20.0, 10.0]);
        assert_eq!(Matrix::IDENTITY.then(moved), moved);
        assert_eq!(Matrix::from_operands(&[Object::Integer(1)]), None);
    }
}
