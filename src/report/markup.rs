//! What every HTML page of the crate shares: escaping, counted nouns, text cut to a size a
//! page can hold, and the frame of a self-contained page (its style and script inline).

use std::fmt::Write;

/// The style sheet of every page, print styles included.
pub(crate) const STYLE: &str = include_str!("../data/report.css");
/// The script of the report pages: filters, and details opened for printing.
pub(crate) const SCRIPT: &str = include_str!("../data/report.js");

/// The longest text of one clause (in bytes, before escaping) a page shows; longer text is
/// cut with a note naming its lines, so that one clause of a huge paragraph cannot make a
/// page too large to open.
pub(crate) const CELL_LIMIT: usize = 32 * 1024;

/// `text` escaped for HTML text and attribute values.
pub(crate) fn esc(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

/// A count with its noun: `1 error`, `2 errors`, `0 errors`.
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `text` cut to at most `limit` bytes at a character boundary, and the number of bytes
/// left out.
pub(crate) fn cut(text: &str, limit: usize) -> (&str, usize) {
    if text.len() <= limit {
        return (text, 0);
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], text.len() - end)
}

/// The note that follows a text cut by [`cut`].
pub(crate) fn cut_note(left_out: usize) -> String {
    format!(
        " <span class=\"cut\">… {} more; see the file</span>",
        counted(left_out, "byte", "bytes")
    )
}

/// A file name without its folder and extension, for the narrow columns of the heat map;
/// the files of a pair joined by ` + `.
pub(crate) fn short_name(name: &str) -> String {
    name.split(" + ")
        .map(|p| {
            std::path::Path::new(p)
                .file_stem()
                .map_or_else(|| p.to_owned(), |s| s.to_string_lossy().into_owned())
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The start of a page up to and including `<body>`: its title and the inline style.
pub(crate) fn page_start(html: &mut String, title: &str) {
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    );
}

/// The end of a page: the inline script, then `</body></html>`.
pub(crate) fn page_end(html: &mut String) {
    let _ = write!(html, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_nouns_agree_with_their_number() {
        assert_eq!(counted(1, "error", "errors"), "1 error");
        assert_eq!(counted(0, "error", "errors"), "0 errors");
        assert_eq!(
            counted(1, "template family", "template families"),
            "1 template family"
        );
        assert_eq!(counted(2, "info", "info"), "2 info");
    }

    #[test]
    fn cut_keeps_whole_characters() {
        assert_eq!(cut("абв", 10), ("абв", 0));
        // Each Cyrillic letter is two bytes: three bytes hold one letter.
        assert_eq!(cut("абв", 3), ("а", 4));
        assert_eq!(cut("", 0), ("", 0));
    }

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
    }
}
