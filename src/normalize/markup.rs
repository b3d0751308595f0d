//! Markup stripping: Markdown headings, bold and links, HTML tags and autolinks, and HTML
//! entities, removed or decoded while the offset map keeps every byte's origin.

use super::offsets::Builder;
use super::words::is_collapsible_space;

/// HTML tags that break a line: each becomes a space, so the words on either side stay apart.
const BLOCK_TAGS: &[&str] = &[
    "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "tbody", "thead",
];
/// HTML tags inside a line: dropped without a trace.
const INLINE_TAGS: &[&str] = &[
    "i", "b", "u", "em", "strong", "span", "sup", "sub", "a", "font", "small", "big", "s",
    "strike", "mark", "code",
];

/// Writes `text`, found at byte `base` of the input, to `out` without its markup: headings,
/// bold and inline tags dropped, block tags as a space, links as their label (and the URL
/// when it differs), entities decoded.
pub(super) fn strip_markup(text: &str, base: usize, out: &mut Builder) {
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
            // Plain text runs on to the next byte that may open markup or end a line.
            _ => {
                i += 1 + bytes[i + 1..]
                    .iter()
                    .position(|&c| matches!(c, b'\n' | b'\r' | b'*' | b'<' | b'&' | b'['))
                    .unwrap_or(bytes.len() - i - 1);
            }
        }
    }
    flush(out, run, bytes.len());
}

/// What a `<` opens: markup to skip (a block tag leaves a space), or an autolink whose URL
/// is kept.
enum Tag {
    Skip { len: usize, block: bool },
    Autolink { len: usize },
}

/// Longest tag read, in bytes: a `<` in running text must not swallow the next page.
const MAX_TAG_LEN: usize = 256;

/// Reads the HTML tag or autolink at the start of `s`, or `None` when the `<` is text.
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

/// Decodes the HTML entity at the start of `s`: its length in bytes and its character.
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

/// A Markdown link `[label](url)` at the start of a text, measured in bytes.
struct Link {
    len: usize,
    label_len: usize,
    url_start: usize,
    url_len: usize,
}

/// Reads the Markdown link at the start of `s`, which must close on the same line.
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
