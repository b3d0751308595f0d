//! A pre-scan of a page's nesting depth, before parsing: the HTML5 parser's work grows with
//! the square of the depth (every start tag looks down the stack of open elements), so
//! 200,000 nested `<div>`s would take it minutes. The scan counts start and end tags without
//! parsing and overestimates (every unclosed start tag counts), so the reader refuses only
//! pages nested several times deeper than its exact limit on the parsed tree.

/// Elements that never hold content, and elements a later sibling closes implicitly: neither
/// deepens the nesting when left unclosed.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb",
    "rt", "rtc", "rp", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// The byte offset of the first start tag past `limit` levels of nesting, counting start
/// and end tags without parsing (void and implicitly closed elements aside, raw text and
/// comments skipped).
pub(super) fn nested_beyond(text: &str, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(found) = memchr_lt(&bytes[at..]) {
        let start = at + found;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let tag_end = find(bytes, name_start, b">").unwrap_or(bytes.len());
        at = (tag_end + 1).min(bytes.len());
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = text[name_start..name_start + name_len].to_ascii_lowercase();
        if NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if RAW_TEXT.contains(&name.as_str()) {
            let end_tag = format!("</{name}");
            at = find_ignore_case(bytes, at, end_tag.as_bytes()).unwrap_or(bytes.len());
        } else if bytes[..tag_end].last() != Some(&b'/') {
            depth += 1;
            if depth > limit {
                return Some(start);
            }
        }
    }
    None
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_void_raw_text_and_comments_do_not_nest() {
        let flat = "<p>a<li>b<br><img src=x><input/>".repeat(2_000)
            + &"<script>if (a<b) { '<div>'.repeat(9) }</script><!-- <div><div> -->".repeat(600);
        assert_eq!(nested_beyond(&flat, 1024), None);
        assert_eq!(nested_beyond("<div><span><b>", 2), Some(11));
        let closed = "<div></div><div><SPAN></span><b>";
        assert_eq!(nested_beyond(closed, 1), Some(16));
        assert_eq!(nested_beyond(closed, 2), None);
        // A tag never closed by `>` ends the scan (one pass, not one per `<`).
        assert_eq!(nested_beyond(&"<a".repeat(100_000), 1), None);
    }
}
