//! Normalization for matching: a clean copy of a text that maps back to the original.
//!
//! The original is never changed. [`normalize`] builds a second string in which
//! - Markdown headings (`## `), bold (`**`), links (`[text](url)`, `<https://…>`), HTML tags
//!   (`<i>`, `</b>`, `<br>`) and entities (`&nbsp;`) are stripped or decoded;
//! - the text is in Unicode NFC;
//! - a word typed in two scripts is repaired: Latin look-alikes inside a Cyrillic word become
//!   Cyrillic (`жəне` → `және`, `серікtestері` → `серіктестері`), Cyrillic look-alikes
//!   inside a Latin word become Latin (`соokie` → `cookie`);
//! - white space (tabs, no-break spaces, line ends) is collapsed to single spaces.
//!
//! Every byte of the result maps back to a byte of the original with
//! [`Normalized::to_original`], and every repaired word is recorded as a [`ScriptRepair`] so
//! that the document can report it as a `mixed_script` finding.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};
use unicode_script::{Script, UnicodeScript};

use crate::language::{is_cyrillic, is_cyrillic_letter};
use crate::span::Span;

/// Which way a mixed-script word was repaired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RepairDirection {
    /// Latin letters inside a mostly Cyrillic word became Cyrillic.
    ToCyrillic,
    /// Cyrillic look-alikes inside a mostly Latin word became Latin.
    ToLatin,
}

/// One word typed in two scripts, and how it was repaired in the normalized text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptRepair {
    /// The word in the original input.
    pub span: Span,
    /// The word as written.
    pub word: String,
    /// The word after repair.
    pub repaired: String,
    /// Which way the repair went.
    pub direction: RepairDirection,
    /// The distinct letter substitutions made, `(from, to)`, sorted.
    pub substitutions: Vec<(char, char)>,
}

/// A normalized copy of a text, with the map back to the original.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    text: String,
    /// Offset maps, applied in order: the first maps `text` to the markup-stripped text, the
    /// last maps into the original. Each holds `(offset out, offset in)` at every
    /// discontinuity.
    maps: Vec<Vec<(usize, usize)>>,
    repairs: Vec<ScriptRepair>,
}

impl Normalized {
    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The words that were typed in two scripts and repaired.
    pub fn repairs(&self) -> &[ScriptRepair] {
        &self.repairs
    }

    /// Maps a byte offset of the normalized text (on a char boundary) to the offset of the
    /// character it came from in the original input.
    pub fn to_original(&self, offset: usize) -> usize {
        self.maps.iter().fold(offset, |at, map| map_offset(map, at))
    }
}

fn map_offset(map: &[(usize, usize)], offset: usize) -> usize {
    match map.partition_point(|&(from, _)| from <= offset) {
        0 => offset,
        i => {
            let (from, to) = map[i - 1];
            to + (offset - from)
        }
    }
}

/// Normalizes `text`, a slice of the original that starts at byte `base` of the original.
pub fn normalize_at(text: &str, base: usize) -> Normalized {
    let mut stripped = Builder::default();
    strip_markup(text, base, &mut stripped);
    let mut maps = vec![std::mem::take(&mut stripped.map)];
    // Decoding can uncover markup (`&lt;i&gt;`, `&#42;&#42;`); strip again until nothing
    // changes, so that normalizing a normalized text changes nothing. Every pass that
    // changes the text shortens it, so this ends.
    while stripped.text.contains(['<', '&', '*', '[', '#']) {
        let mut again = Builder::default();
        strip_markup(&stripped.text, 0, &mut again);
        if again.text == stripped.text {
            break;
        }
        maps.push(std::mem::take(&mut again.map));
        stripped = again;
    }
    maps.reverse();
    let mut out = Builder::default();
    let repairs = clean_words(&stripped.text, &maps, &mut out);
    maps.insert(0, out.map);
    Normalized {
        text: out.text,
        maps,
        repairs,
    }
}

/// Normalizes a whole text (offsets map back into `text` itself).
///
/// ```
/// let n = kzru_align::normalize("## **Сайт** - <i>жəне</i> соokie");
/// assert_eq!(n.text(), "Сайт - және cookie");
/// assert_eq!(n.repairs().len(), 2);
/// ```
pub fn normalize(text: &str) -> Normalized {
    normalize_at(text, 0)
}

/// Accumulates output text and the offset map back to the input.
#[derive(Default)]
struct Builder {
    text: String,
    map: Vec<(usize, usize)>,
}

impl Builder {
    /// Appends `s`, which is the input found at `from`, byte for byte.
    fn copy(&mut self, s: &str, from: usize) {
        if s.is_empty() {
            return;
        }
        let at = self.text.len();
        let continues = self.map.last().is_some_and(|&(o, i)| i + (at - o) == from);
        if !continues {
            self.map.push((at, from));
        }
        self.text.push_str(s);
    }

    /// Appends `s`, which replaces the input character found at `from`.
    fn replace(&mut self, s: &str, from: usize) {
        for c in s.chars() {
            self.map.push((self.text.len(), from));
            self.text.push(c);
        }
    }
}

const BLOCK_TAGS: &[&str] = &[
    "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "tbody", "thead",
];
const INLINE_TAGS: &[&str] = &[
    "i", "b", "u", "em", "strong", "span", "sup", "sub", "a", "font", "small", "big", "s",
    "strike", "mark", "code",
];

fn strip_markup(text: &str, base: usize, out: &mut Builder) {
    let bytes = text.as_bytes();
    let mut line_start = true;
    let mut i = 0;
    let mut run = 0; // start of the pending run of copied text
    let flush = |out: &mut Builder, run: usize, end: usize| out.copy(&text[run..end], base + run);
    while i < bytes.len() {
        let b = bytes[i];
        if line_start {
            // A Markdown heading marker: `#`..`######` then a space.
            let rest = &text[i..];
            // Any white space may indent a heading mark, as it collapses away afterwards.
            let indent = rest.len() - rest.trim_start_matches(is_collapsible_space).len();
            let hashes = rest[indent..].bytes().take_while(|&c| c == b'#').count();
            if (1..=6).contains(&hashes)
                && rest[indent + hashes..].starts_with(is_collapsible_space)
            {
                flush(out, run, i);
                i += indent + hashes;
                run = i;
            }
            line_start = false;
            continue;
        }
        match b {
            b'\n' | b'\r' => {
                line_start = true;
                i += 1;
            }
            b'*' if bytes.get(i + 1) == Some(&b'*') => {
                flush(out, run, i);
                i += 2;
                run = i;
            }
            b'<' => match html_tag(&text[i..]) {
                Some(Tag::Skip { len, block }) => {
                    flush(out, run, i);
                    if block {
                        out.replace(" ", base + i);
                    }
                    i += len;
                    run = i;
                }
                Some(Tag::Autolink { len }) => {
                    flush(out, run, i);
                    out.copy(&text[i + 1..i + len - 1], base + i + 1);
                    i += len;
                    run = i;
                }
                None => i += 1,
            },
            b'&' => match entity(&text[i..]) {
                Some((len, c)) => {
                    flush(out, run, i);
                    out.replace(c.encode_utf8(&mut [0; 4]), base + i);
                    i += len;
                    run = i;
                }
                None => i += 1,
            },
            b'[' => match markdown_link(&text[i..]) {
                Some(link) => {
                    flush(out, run, i);
                    let label = &text[i + 1..i + 1 + link.label_len];
                    out.copy(label, base + i + 1);
                    let url_at = i + link.url_start;
                    let url = &text[url_at..url_at + link.url_len];
                    let bare = url.trim_start_matches("mailto:").trim_start_matches("tel:");
                    if bare != label.trim() {
                        out.replace(" (", base + url_at);
                        out.copy(url, base + url_at);
                        out.replace(")", base + url_at + link.url_len);
                    }
                    i += link.len;
                    run = i;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
    flush(out, run, bytes.len());
}

enum Tag {
    Skip { len: usize, block: bool },
    Autolink { len: usize },
}

/// Longest tag read, in bytes: a `<` in running text must not swallow the next page.
const MAX_TAG_LEN: usize = 256;

fn html_tag(s: &str) -> Option<Tag> {
    let close = s.as_bytes()[..s.len().min(MAX_TAG_LEN)]
        .iter()
        .position(|&b| b == b'>')?;
    let inner = &s[1..close];
    // HTML allows line breaks inside a tag; reading them here keeps normalization
    // idempotent (collapsing white space would otherwise make the tag appear later).
    if inner.contains('<') {
        return None;
    }
    let lower = inner.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")
    {
        return (!inner.contains(char::is_whitespace)).then_some(Tag::Autolink { len: close + 1 });
    }
    let name = lower.trim_start_matches('/');
    let name = name
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("");
    if BLOCK_TAGS.contains(&name) {
        Some(Tag::Skip {
            len: close + 1,
            block: true,
        })
    } else if INLINE_TAGS.contains(&name) {
        Some(Tag::Skip {
            len: close + 1,
            block: false,
        })
    } else {
        None
    }
}

fn entity(s: &str) -> Option<(usize, char)> {
    let end = s.as_bytes()[..s.len().min(12)]
        .iter()
        .position(|&b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "#39" => '\'',
        "laquo" => '«',
        "raquo" => '»',
        "ndash" => '–',
        "mdash" => '—',
        _ => {
            let code =
                if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()?
                } else {
                    name.strip_prefix('#')?.parse().ok()?
                };
            char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace())?
        }
    };
    Some((end + 1, c))
}

struct Link {
    len: usize,
    label_len: usize,
    url_start: usize,
    url_len: usize,
}

fn markdown_link(s: &str) -> Option<Link> {
    let line = &s[..s.find(['\n', '\r']).unwrap_or(s.len())];
    let close = line.find("](")?;
    if line[1..close].contains(['[', ']']) {
        return None;
    }
    let url_start = close + 2;
    let url_len = line[url_start..].find(')')?;
    let url = &line[url_start..url_start + url_len];
    if url.is_empty() || url.contains(char::is_whitespace) {
        return None;
    }
    Some(Link {
        len: url_start + url_len + 1,
        label_len: close - 1,
        url_start,
        url_len,
    })
}

/// The look-alike table of `data/lookalikes.tsv`.
struct Lookalikes {
    to_cyrillic: HashMap<char, char>,
    to_latin: HashMap<char, char>,
}

fn lookalikes() -> &'static Lookalikes {
    static TABLE: OnceLock<Lookalikes> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Lookalikes {
            to_cyrillic: HashMap::new(),
            to_latin: HashMap::new(),
        };
        for line in include_str!("../data/lookalikes.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(lat), Some(cyr), Some(usage)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let (Some(lat), Some(cyr)) = (lat.chars().next(), cyr.chars().next()) else {
                continue;
            };
            if matches!(usage, "both" | "to_cyr") {
                table.to_cyrillic.insert(lat, cyr);
            }
            if matches!(usage, "both" | "to_lat") {
                table.to_latin.insert(cyr, lat);
            }
        }
        table
    })
}

/// The Cyrillic counterpart of a Latin letter (`V` → `В`, by look or by transliteration), or
/// the letter itself: a key for comparing identifiers typed in either script (`94-V`, `94-В`).
pub(crate) fn fold_to_cyrillic(c: char) -> char {
    lookalikes().to_cyrillic.get(&c).copied().unwrap_or(c)
}

fn is_latin(c: char) -> bool {
    c.is_alphabetic() && c.script() == Script::Latin
}

/// A repaired word: its new spelling, which way it went, the letters substituted.
struct Repaired {
    word: String,
    direction: RepairDirection,
    substitutions: Vec<(char, char)>,
}

/// Repairs one mixed-script word, or returns `None` when it is not mixed or cannot be
/// repaired letter by letter (a Latin name with a Kazakh suffix, `Facebookта`, is left as is).
fn repair_word(word: &str) -> Option<Repaired> {
    let (mut cyr, mut lat) = (0usize, 0usize);
    for c in word.chars() {
        if is_cyrillic_letter(c) {
            cyr += 1;
        } else if c.is_ascii_alphabetic() || (!c.is_ascii() && is_latin(c)) {
            lat += 1;
        }
    }
    if cyr == 0 || lat == 0 {
        return None;
    }
    let table = lookalikes();
    let (direction, map, foreign): (_, _, fn(char) -> bool) = if cyr >= lat {
        (RepairDirection::ToCyrillic, &table.to_cyrillic, is_latin)
    } else {
        (RepairDirection::ToLatin, &table.to_latin, |c| {
            is_cyrillic(c) && c.is_alphabetic()
        })
    };
    let mut repaired = String::with_capacity(word.len() + 4);
    let mut substitutions = Vec::new();
    for c in word.chars() {
        if foreign(c) {
            let to = *map.get(&c)?;
            substitutions.push((c, to));
            repaired.push(to);
        } else {
            repaired.push(c);
        }
    }
    substitutions.sort_unstable();
    substitutions.dedup();
    Some(Repaired {
        word: repaired,
        direction,
        substitutions,
    })
}

/// Collapses white space, composes to NFC and repairs mixed-script words, mapping every
/// piece of output back to `input` (whose own map to the source is `input_map`).
fn clean_words(
    input: &str,
    input_maps: &[Vec<(usize, usize)>],
    out: &mut Builder,
) -> Vec<ScriptRepair> {
    let to_source = |at: usize| input_maps.iter().fold(at, |at, map| map_offset(map, at));
    let mut repairs = Vec::new();
    let mut pending_space = false;
    for token in (Tokens { text: input, at: 0 }) {
        if token.space {
            pending_space = true;
            continue;
        }
        let (at, text) = (token.at, &input[token.at..token.end]);
        if pending_space && !out.text.is_empty() {
            out.replace(" ", at);
        }
        pending_space = false;
        if token.may_mix
            && let Some(Repaired {
                word: repaired,
                direction,
                substitutions,
            }) = repair_word(text)
        {
            let start = to_source(at);
            // A mixed-script word holds at least two letters, so it has a last char.
            let (last_at, last) = text.char_indices().next_back().unwrap_or((0, ' '));
            let end = to_source(at + last_at) + last.len_utf8();
            repairs.push(ScriptRepair {
                span: Span::new(start, end),
                word: text.to_owned(),
                repaired: repaired.clone(),
                direction,
                substitutions,
            });
            let repaired_nfc: String = repaired.nfc().collect();
            out.replace(&repaired_nfc, at);
        } else if !token.may_compose
            || is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
        {
            out.copy(text, at);
        } else {
            let composed: String = text.nfc().collect();
            if composed == text {
                out.copy(text, at);
            } else {
                out.replace(&composed, at);
            }
        }
    }
    repairs
}

/// A piece of text for [`clean_words`]: a run of white space, a word (letters, digits and
/// combining marks) or a single other character.
struct Token {
    at: usize,
    end: usize,
    space: bool,
    /// Letters of more than one script, or letters outside ASCII and Cyrillic: worth a
    /// mixed-script check.
    may_mix: bool,
    /// Characters NFC might change (anything outside ASCII and precomposed Cyrillic).
    may_compose: bool,
}

/// Splits a text into [`Token`]s. Words are runs of letters, which is all the script repair
/// needs; ASCII and Cyrillic, the bulk of the text, are classified by range, and only other
/// characters reach the Unicode tables (full word segmentation made normalization the
/// slowest step of reading a document).
struct Tokens<'t> {
    text: &'t str,
    at: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || is_cyrillic(c)
        || (!c.is_ascii()
            && (c.is_alphanumeric()
                || unicode_normalization::char::is_combining_mark(c)
                || matches!(c, '\u{ad}' | '\u{200d}')))
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let rest = &self.text[self.at..];
        let first = rest.chars().next()?;
        let start = self.at;
        let mut end = start + first.len_utf8();
        let mut token = Token {
            at: start,
            end,
            space: false,
            may_mix: false,
            may_compose: !first.is_ascii() && !is_cyrillic(first),
        };
        if is_collapsible_space(first) {
            token.space = true;
            for c in rest[first.len_utf8()..].chars() {
                if !is_collapsible_space(c) {
                    break;
                }
                end += c.len_utf8();
            }
        } else if is_word_char(first) {
            let (mut latin, mut cyrillic, mut other) = (false, false, false);
            end = start;
            let mut chars = rest.chars().peekable();
            while let Some(c) = chars.next() {
                // A dot or apostrophe between two letters stays inside the word, as in Unicode
                // word boundaries: «Т.А.Ә.» is one word, its Latin «Ə» repaired in context.
                let joins = matches!(c, '.' | '\'' | '’')
                    && end > start
                    && chars.peek().is_some_and(|&n| is_word_char(n));
                if !is_word_char(c) && !joins {
                    break;
                }
                if c.is_ascii_alphabetic() {
                    latin = true;
                } else if is_cyrillic(c) {
                    cyrillic = true;
                } else if !c.is_ascii() {
                    other = true;
                }
                end += c.len_utf8();
            }
            token.may_mix = (latin && cyrillic) || other;
            // Precomposed Cyrillic is NFC already; a combining mark is "other" above.
            token.may_compose = other;
        }
        token.end = end;
        self.at = end;
        Some(token)
    }
}

/// Lower case, fast for ASCII and the basic Cyrillic letters (the bulk of Kazakh and Russian
/// text), through the full Unicode mapping for everything else. Letter by letter: unlike
/// `str::to_lowercase` it has no context rules (Greek final sigma), which matching Kazakh and
/// Russian does not need.
pub(crate) fn fold_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\u{0410}'..='\u{042F}' => out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
            '\u{0400}'..='\u{040F}' => out.push(char::from_u32(u32::from(c) + 0x50).unwrap_or(c)),
            _ if c.is_ascii() || ('\u{0430}'..='\u{045F}').contains(&c) => out.push(c),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// White space, and the invisible characters that PDF extraction leaves between words.
pub(crate) fn is_collapsible_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_stripped_and_white_space_collapsed() {
        let n = normalize("### **3. ДЕРБЕС**\n\n<i>Сервис</i>\tMyVerify&nbsp; сервисі");
        assert_eq!(n.text(), "3. ДЕРБЕС Сервис MyVerify сервисі");
    }

    #[test]
    fn links_keep_their_label_and_a_differing_url() {
        let n = normalize(
            "[info@idcollect.kz](mailto:info@idcollect.kz) және [сайт](https://a.kz) <https://idcollect.kz>",
        );
        assert_eq!(
            n.text(),
            "info@idcollect.kz және сайт (https://a.kz) https://idcollect.kz"
        );
    }

    #[test]
    fn latin_schwa_and_look_alikes_become_cyrillic() {
        let n = normalize("жəне сəйкес еркінізben серікtestері");
        assert_eq!(n.text(), "және сәйкес еркінізбен серіктестері");
        let words: Vec<&str> = n.repairs().iter().map(|r| r.word.as_str()).collect();
        assert_eq!(words, ["жəне", "сəйкес", "еркінізben", "серікtestері"]);
        assert_eq!(n.repairs()[0].substitutions, [('ə', 'ә')]);
        assert_eq!(n.repairs()[0].direction, RepairDirection::ToCyrillic);
    }

    #[test]
    fn cyrillic_look_alikes_inside_a_latin_word_become_latin() {
        let n = normalize("IP-мекенжайы, соokie-ден");
        assert_eq!(n.text(), "IP-мекенжайы, cookie-ден");
        assert_eq!(n.repairs()[0].direction, RepairDirection::ToLatin);
        assert_eq!(n.repairs()[0].substitutions, [('о', 'o'), ('с', 'c')]);
    }

    #[test]
    fn a_latin_name_with_a_kazakh_suffix_is_left_alone() {
        let n = normalize("Facebookта және MyCarдың");
        assert_eq!(n.text(), "Facebookта және MyCarдың");
        assert!(n.repairs().is_empty());
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let original = "x\n## **Сайт**\t<i>жəне</i>  [a](mailto:a) соokie";
        let n = normalize(original);
        assert_eq!(n.text(), "x Сайт және a cookie");
        for (word, orig) in [
            ("Сайт", "Сайт"),
            ("және", "жəне"),
            ("cookie", "соokie"),
            ("a", "a"),
        ] {
            let at = n.text().find(word).unwrap();
            let back = n.to_original(at);
            assert!(
                original[back..].starts_with(orig),
                "{word}: {:?}",
                &original[back..]
            );
        }
        let span = n.repairs()[0].span;
        assert_eq!(&original[span.range()], "жəне");
    }

    #[test]
    fn nfc_composes_decomposed_letters() {
        // «й» written as «и» + combining breve.
        let n = normalize("Бізбен байланысу үшін: и\u{306}");
        assert!(n.text().ends_with('й'));
    }

    #[test]
    fn every_lookalike_row_pairs_a_latin_and_a_cyrillic_letter() {
        let table = lookalikes();
        assert!(table.to_cyrillic.len() >= 40 && table.to_latin.len() >= 20);
        for (&lat, &cyr) in &table.to_cyrillic {
            assert!(is_latin(lat) && is_cyrillic(cyr), "{lat} {cyr}");
        }
        for (&cyr, &lat) in &table.to_latin {
            assert!(is_latin(lat) && is_cyrillic(cyr), "{lat} {cyr}");
        }
    }

    #[test]
    fn fold_case_agrees_with_to_lowercase() {
        for text in [
            "ҚҰПИЯЛЫҚ САЯСАТЫ",
            "ПОЛИТИКА Ёлка ЎЇЄІ",
            "MyCar Group",
            "ƏӘҒҚҢӨҰҮҺ",
            "Straße Σ",
        ] {
            assert_eq!(fold_case(text), text.to_lowercase(), "{text}");
        }
    }

    #[test]
    fn normalization_is_idempotent() {
        for text in [
            "## **A**  жəне\n\nсоokie <b>x</b>",
            "[l](u) &amp;amp; ** **",
            "a\u{a0}\u{200b}b",
        ] {
            let once = normalize(text);
            assert_eq!(normalize(once.text()).text(), once.text(), "{text:?}");
        }
    }
}
