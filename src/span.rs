//! Byte spans into the original input and the line index that turns them into line numbers.

use std::ops::{Index, Range};

/// A half-open byte range `start..end` into the original input text.
///
/// A `Span` always keeps `start <= end`; every span the crate hands out lies on `char`
/// boundaries of the text it was taken from, so `&text[span]` never panics on that text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// Creates a span; the bounds are ordered, so `Span::new(5, 2)` is `2..5`.
    pub const fn new(start: usize, end: usize) -> Span {
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }

    /// First byte of the span.
    pub const fn start(&self) -> usize {
        self.start
    }

    /// One past the last byte of the span.
    pub const fn end(&self) -> usize {
        self.end
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range`, for slicing.
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether `offset` lies inside the span.
    pub const fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl Index<Span> for String {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self.as_str()[span]
    }
}

/// Offsets of line starts, to turn byte offsets into 1-based line numbers.
///
/// `\n`, `\r\n` and a lone `\r` all end a line, so files saved on any platform
/// number their lines the way an editor shows them.
#[derive(Clone, Debug, Default)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        // From one line break to the next by a vectorized search.
        let mut breaks = memchr::memchr2_iter(b'\n', b'\r', bytes).peekable();
        while let Some(i) = breaks.next() {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                // `\r\n` ends one line: its `\n` is the next break found.
                breaks.next();
                starts.push(i + 2);
            } else {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// 1-based line number of the line that holds `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// Number of lines (a trailing line end opens one more, empty line).
    pub(crate) fn len(&self) -> usize {
        self.starts.len()
    }
}

/// Iterates the lines of `text[range]` as `(start, end)` byte offsets without the line end.
pub(crate) fn lines_in(
    text: &str,
    range: Range<usize>,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let end = range.end;
    let mut pos = range.start;
    std::iter::from_fn(move || {
        if pos >= end {
            return None;
        }
        let start = pos;
        // A vectorized search for the line break: every stage of reading walks the lines.
        let mut i = memchr::memchr2(b'\n', b'\r', &bytes[pos..end]).map_or(end, |at| pos + at);
        let line_end = i;
        if i < end && bytes[i] == b'\r' && i + 1 < end && bytes[i + 1] == b'\n' {
            i += 2;
        } else if i < end {
            i += 1;
        }
        pos = i;
        Some((start, line_end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_orders_its_bounds_and_indexes_str() {
        let s = Span::new(7, 2);
        assert_eq!((s.start(), s.end(), s.len()), (2, 7, 5));
        assert_eq!(&"0123456789"[s], "23456");
        assert!(s.contains(2) && !s.contains(7));
    }

    #[test]
    fn line_index_accepts_lf_crlf_and_cr() {
        let text = "a\nb\r\nc\rd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.len(), 4);
        assert_eq!(idx.line_of(0), 1);
        assert_eq!(idx.line_of(2), 2);
        assert_eq!(idx.line_of(5), 3);
        assert_eq!(idx.line_of(7), 4);
    }

    #[test]
    fn lines_in_strips_every_kind_of_line_end() {
        let text = "ab\r\ncd\ref\ngh";
        let lines: Vec<&str> = lines_in(text, 0..text.len())
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(lines, ["ab", "cd", "ef", "gh"]);
    }
}
