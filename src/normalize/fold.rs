//! Letter folding for comparison keys: lower case, and Latin look-alikes to Cyrillic. Holds
//! the look-alike table of `data/lookalikes.tsv`, which the mixed-script repair reads too.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_script::{Script, UnicodeScript};

/// The look-alike table of `data/lookalikes.tsv`.
pub(super) struct Lookalikes {
    /// Latin letter → its Cyrillic look-alike or transliteration.
    pub(super) to_cyrillic: HashMap<char, char>,
    /// Cyrillic letter → its Latin look-alike.
    pub(super) to_latin: HashMap<char, char>,
}

/// The look-alike table, read once.
pub(super) fn lookalikes() -> &'static Lookalikes {
    static TABLE: OnceLock<Lookalikes> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Lookalikes {
            to_cyrillic: HashMap::new(),
            to_latin: HashMap::new(),
        };
        for line in include_str!("../data/lookalikes.tsv").lines() {
            if !crate::tsv::is_data_line(line) {
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

/// A letter of the Latin script (ASCII or not).
pub(super) fn is_latin(c: char) -> bool {
    c.is_alphabetic() && c.script() == Script::Latin
}

/// Lower case, fast for ASCII and the basic Cyrillic letters (the bulk of Kazakh and Russian
/// text), through the full Unicode mapping for everything else. Letter by letter: unlike
/// `str::to_lowercase` it has no context rules (Greek final sigma), which matching Kazakh and
/// Russian does not need.
pub(crate) fn fold_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_folded_case(text, &mut out);
    out
}

/// Appends [`fold_case`] of `text` to `out`: for a caller that gathers the lower-case forms of
/// many words in one buffer.
pub(crate) fn push_folded_case(text: &str, out: &mut String) {
    let mut rest = text;
    loop {
        // Most words and many clauses are lower case already: each run of characters that
        // stay as they are is copied whole, up to the next character that changes (or that
        // only the Unicode tables can tell about).
        let unchanged = unchanged_len(rest);
        out.push_str(&rest[..unchanged]);
        let mut chars = rest[unchanged..].chars();
        let Some(c) = chars.next() else {
            return;
        };
        push_lower_case(out, c);
        rest = chars.as_str();
    }
}

/// Appends the lower case of `c` to `out`.
fn push_lower_case(out: &mut String, c: char) {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        '\u{0410}'..='\u{042F}' => out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
        '\u{0400}'..='\u{040F}' => out.push(char::from_u32(u32::from(c) + 0x50).unwrap_or(c)),
        _ if c.is_ascii() || ('\u{0430}'..='\u{045F}').contains(&c) => out.push(c),
        // The other Cyrillic letters, Kazakh ones included, come in pairs, capital first (the
        // tables of `char::to_lowercase` are a binary search a letter).
        '\u{0460}'..='\u{0481}' | '\u{048A}'..='\u{04BF}' | '\u{04D0}'..='\u{052F}' => {
            out.push(char::from_u32(u32::from(c) | 1).unwrap_or(c))
        }
        _ => out.extend(c.to_lowercase()),
    }
}

/// The length of the start of `text` that [`fold_case`] leaves as it is. ASCII and the
/// lower-case letters а–я and ѐ–џ (`D0 B0`..`D0 BF`, `D1 80`..`D1 9F`), most of a text, are
/// told by their bytes; only the other characters are decoded.
fn unchanged_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let second = bytes.get(at + 1).copied().unwrap_or(0);
        match b {
            b'A'..=b'Z' => return at,
            0x00..=0x7F => at += 1,
            0xD0 if (0xB0..=0xBF).contains(&second) => at += 2,
            0xD1 if (0x80..=0x9F).contains(&second) => at += 2,
            _ => match text[at..].chars().next() {
                Some(c) if is_lower_case_letter_or_other_ascii(c) => at += c.len_utf8(),
                _ => return at,
            },
        }
    }
    at
}

/// Whether [`fold_case`] leaves `c` as it is, for the characters it decides without the
/// Unicode tables: ASCII other than capitals, and lower-case Cyrillic letters.
fn is_lower_case_letter_or_other_ascii(c: char) -> bool {
    match c {
        'A'..='Z' => false,
        _ if c.is_ascii() => true,
        '\u{0430}'..='\u{045F}' => true,
        '\u{0460}'..='\u{0481}' | '\u{048A}'..='\u{04BF}' | '\u{04D0}'..='\u{052F}' => {
            u32::from(c) & 1 == 1
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::is_cyrillic;

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
    fn fold_case_agrees_with_to_lowercase_on_every_cyrillic_letter() {
        // Alone, after a lower-case letter (the copied prefix) and before one.
        for c in '\u{0400}'..='\u{052F}' {
            for text in [
                c.to_string(),
                format!("ж{c}"),
                format!("{c}ж"),
                format!("a{c}Ж"),
            ] {
                assert_eq!(fold_case(&text), text.to_lowercase(), "U+{:04X}", c as u32);
            }
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
}
