//! The offset map: how a byte of a rewritten text maps back to the byte of the input it came
//! from, and the builder that writes a text and its map together.

/// `(offset out, offset in)` at every discontinuity between a rewritten text and its input,
/// sorted by the offset out; between two entries the texts run byte for byte.
pub(super) type OffsetMap = Vec<(usize, usize)>;

/// Maps `offset` of a rewritten text back to its input through one map.
fn map_offset(map: &[(usize, usize)], offset: usize) -> usize {
    match map.partition_point(|&(from, _)| from <= offset) {
        0 => offset,
        i => {
            let (from, to) = map[i - 1];
            to + (offset - from)
        }
    }
}

/// Maps `offset` back through a chain of maps, applied in order: the first map is that of
/// the text `offset` is in, the last leads into the original.
pub(super) fn map_through(maps: &[OffsetMap], offset: usize) -> usize {
    maps.iter().fold(offset, |at, map| map_offset(map, at))
}

/// Accumulates output text and the offset map back to the input.
#[derive(Default)]
pub(super) struct Builder {
    /// The text written so far.
    pub(super) text: String,
    /// Its map back to the input.
    pub(super) map: OffsetMap,
}

impl Builder {
    /// An empty builder with room for `len` bytes of text: a rewritten text is about as long
    /// as its input, and growing the string step by step costs a copy at every step.
    pub(super) fn with_capacity(len: usize) -> Builder {
        Builder {
            text: String::with_capacity(len),
            map: OffsetMap::new(),
        }
    }

    /// Appends `s`, which is the input found at `from`, byte for byte.
    pub(super) fn copy(&mut self, s: &str, from: usize) {
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
    pub(super) fn replace(&mut self, s: &str, from: usize) {
        for c in s.chars() {
            self.map.push((self.text.len(), from));
            self.text.push(c);
        }
    }
}
