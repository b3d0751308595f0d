//! How a text lays out its paragraphs: separated by blank lines, or one per line.
//!
//! Text copied from a web page or a template puts one paragraph on each line with no blank
//! line between them; text extracted from a PDF or typed in an editor separates paragraphs by
//! blank lines and may break its lines anywhere. Splitting the versions and segmenting them
//! both read paragraphs, so both ask here which layout a text has.

use crate::normalize::is_collapsible_space;
use crate::span::{Span, lines_in};

/// Whether the part `range` of `text` separates its paragraphs by line breaks alone: fewer
/// blank lines than a quarter of its lines of text.
pub(crate) fn lines_are_paragraphs(text: &str, range: Span) -> bool {
    let (mut blank, mut filled) = (0usize, 0usize);
    for (start, end) in lines_in(text, range.range()) {
        if text[start..end].chars().all(is_collapsible_space) {
            blank += 1;
        } else {
            filled += 1;
        }
    }
    filled >= 2 && blank * 4 < filled
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str) -> bool {
        lines_are_paragraphs(text, Span::new(0, text.len()))
    }

    #[test]
    fn one_paragraph_per_line_or_blank_lines_between() {
        assert!(layout("Title\nFirst paragraph.\nSecond paragraph.\n"));
        assert!(!layout(
            "Title\n\nFirst paragraph,\nbroken.\n\nSecond paragraph.\n"
        ));
        assert!(!layout("One line only.\n"));
    }
}
