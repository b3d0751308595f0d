//! Words of a text as `unicode-segmentation`'s `unicode_word_indices` cuts them (the word
//! boundaries of UAX #29, keeping the pieces with a letter or a digit), computed by a small
//! state machine when every character of the text is one whose word-break class is known
//! here: ASCII, the Cyrillic letters, Latin `ə`/`Ə` and the punctuation common in Kazakh and
//! Russian documents. Any other character sends the whole text to `unicode-segmentation`.
//!
//! Why: the general segmenter looks every character up in the Unicode tables, and the meaning
//! skeleton, the glossary and the cognates cut every clause into words; that look-up was a
//! tenth of a whole document's run.

use unicode_segmentation::{UnicodeSegmentation, UnicodeWordIndices};

/// The word-break classes of UAX #29 that occur among the characters handled here.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// ALetter: ASCII and Cyrillic letters, `ə`, `Ə`.
    Letter,
    /// Numeric: ASCII digits.
    Digit,
    /// ExtendNumLet: `_`, which joins letters and digits.
    Connector,
    /// MidLetter: `:`, inside a word between two letters.
    MidLetter,
    /// MidNumLet: `.`, `'`, `‘`, `’`, between two letters or two digits.
    MidNumLet,
    /// MidNum: `,`, `;`, between two digits.
    MidNum,
    /// Everything else handled here: white space and punctuation that always breaks.
    Other,
}

/// The classes of the ASCII characters, by code.
const ASCII: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Connector,
            b':' => Class::MidLetter,
            b'.' | b'\'' => Class::MidNumLet,
            b',' | b';' => Class::MidNum,
            // The rest of ASCII, controls included, breaks (`"` only differs next to Hebrew).
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

/// The class of `c`, or `None` for a character the fast path does not know (a combining
/// mark, a format character, another script, other punctuation).
#[inline]
fn class(c: char) -> Option<Class> {
    if c.is_ascii() {
        return Some(ASCII[c as usize]);
    }
    Some(match c {
        // Cyrillic letters, less the combining marks and the thousands sign U+0482–U+0489.
        '\u{0400}'..='\u{0481}' | '\u{048a}'..='\u{052f}' | 'ə' | 'Ə' => Class::Letter,
        '\u{2018}' | '\u{2019}' => Class::MidNumLet,
        // No-break space, «», °, §, dashes and hyphens, quotation marks, bullet, ellipsis,
        // numero sign, check mark.
        '\u{a0}'
        | '«'
        | '»'
        | '°'
        | '§'
        | '\u{2010}'..='\u{2015}'
        | '“'
        | '”'
        | '„'
        | '•'
        | '…'
        | '№'
        | '✓' => Class::Other,
        _ => return None,
    })
}

/// Whether a non-ASCII character that starts with byte `lead` is a Cyrillic letter whatever
/// its second byte: `D0`, `D1` and `D3` lead U+0400–U+047F and U+04C0–U+04FF, all letters
/// for [`class`] (`D2` leads the thousands sign and combining marks too). Most characters of
/// a Kazakh or Russian text are told this way without decoding them.
const fn leads_cyrillic_letter(lead: u8) -> bool {
    matches!(lead, 0xD0 | 0xD1 | 0xD3)
}

/// The class and length of a character told by its first byte alone: an ASCII character or a
/// Cyrillic letter ([`leads_cyrillic_letter`]); `None` for a character to decode. One look-up
/// a character instead of two tests: the word cutter runs over every clause twice.
const LEAD: [Option<(Class, u8)>; 256] = {
    let mut table = [None; 256];
    let mut b = 0;
    while b < 256 {
        if b < 128 {
            table[b] = Some((ASCII[b], 1));
        } else if leads_cyrillic_letter(b as u8) {
            table[b] = Some((Class::Letter, 2));
        }
        b += 1;
    }
    table
};

/// Whether every character of `text` has a [`class`].
fn all_classified(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if let Some((_, len)) = LEAD[usize::from(b)] {
            at += usize::from(len);
        } else {
            match text[at..].chars().next() {
                Some(c) if class(c).is_some() => at += c.len_utf8(),
                _ => return false,
            }
        }
    }
    true
}

/// The words of `text` with their byte offsets, exactly as
/// `UnicodeSegmentation::unicode_word_indices` gives them.
pub(crate) fn word_indices(text: &str) -> WordIndices<'_> {
    if all_classified(text) {
        WordIndices::Fast(Fast { text, at: 0 })
    } else {
        WordIndices::Unicode(text.unicode_word_indices())
    }
}

/// The words of `text`, exactly as `UnicodeSegmentation::unicode_words` gives them.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    word_indices(text).map(|(_, word)| word)
}

/// Whether `word` holds `c`: `memchr` for the last byte of `c`, which for a word is quicker
/// than `str::contains` with a character outside ASCII (that sets up a substring search) or a
/// walk that decodes every character. UTF-8 being self-synchronising, the bytes of `c` ending
/// there are `c`.
pub(crate) fn has_char(word: &str, c: char) -> bool {
    let mut buffer = [0; 4];
    let needle = c.encode_utf8(&mut buffer).as_bytes();
    let last = needle[needle.len() - 1];
    let bytes = word.as_bytes();
    memchr::memchr_iter(last, bytes).any(|at| bytes[..=at].ends_with(needle))
}

/// The non-empty pieces of `text` between the characters `breaks` says yes to. A character
/// whose lead byte `never_breaks` accepts is taken as two bytes that never break, without being
/// decoded: the bulk of a Cyrillic text is passed that way, and only the other characters
/// outside ASCII are decoded. `never_breaks` must accept only lead bytes of two-byte characters
/// that `breaks` says no to.
pub(crate) fn pieces_between(
    text: &str,
    never_breaks: impl Fn(u8) -> bool,
    breaks: impl Fn(char) -> bool,
) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let (mut start, mut at) = (0, 0);
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(at) {
            let (len, breaks_here) = if b.is_ascii() {
                (1, breaks(char::from(b)))
            } else if never_breaks(b) {
                (2, false)
            } else {
                let c = text[at..].chars().next()?;
                (c.len_utf8(), breaks(c))
            };
            at += len;
            if breaks_here {
                let piece = &text[start..at - len];
                start = at;
                if !piece.is_empty() {
                    return Some(piece);
                }
            }
        }
        let piece = &text[start..];
        start = text.len();
        (!piece.is_empty()).then_some(piece)
    })
}

/// The iterator of [`word_indices`].
pub(crate) enum WordIndices<'t> {
    Fast(Fast<'t>),
    Unicode(UnicodeWordIndices<'t>),
}

impl<'t> Iterator for WordIndices<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<(usize, &'t str)> {
        match self {
            WordIndices::Fast(fast) => fast.next(),
            WordIndices::Unicode(unicode) => unicode.next(),
        }
    }
}

/// The state machine over a text whose every character has a [`class`].
pub(crate) struct Fast<'t> {
    text: &'t str,
    at: usize,
}

fn is_word_class(class: Class) -> bool {
    matches!(class, Class::Letter | Class::Digit | Class::Connector)
}

impl<'t> Fast<'t> {
    /// The class of the character at byte `at`, with its length, if there is one.
    #[inline(always)]
    fn class_at(&self, at: usize) -> Option<(Class, usize)> {
        let &b = self.text.as_bytes().get(at)?;
        match LEAD[usize::from(b)] {
            Some((class, len)) => Some((class, usize::from(len))),
            None => self.decoded_class_at(at),
        }
    }

    /// [`Fast::class_at`] for a character its first byte does not tell: kept out of line, so
    /// that the common case stays a table look-up inside the loops.
    #[inline(never)]
    fn decoded_class_at(&self, at: usize) -> Option<(Class, usize)> {
        let c = self.text.get(at..)?.chars().next()?;
        Some((class(c).unwrap_or(Class::Other), c.len_utf8()))
    }
}

impl<'t> Iterator for Fast<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<(usize, &'t str)> {
        let bytes = self.text.as_bytes();
        loop {
            // Skip to the first character of a word: pieces without a letter, a digit or `_`
            // are never words.
            loop {
                let (class, len) = self.class_at(self.at)?;
                if is_word_class(class) {
                    break;
                }
                self.at += len;
            }
            let start = self.at;
            loop {
                self.at = word_run_end(bytes, self.at);
                let Some((class, len)) = self.class_at(self.at) else {
                    break;
                };
                if is_word_class(class) {
                    // A letter its first byte does not tell (`ə`).
                    self.at += len;
                    continue;
                }
                // A middle character stays inside the word when the same kind is on both
                // sides: WB6/7 (letter, `:` `.` `'`, letter) and WB11/12 (digit, `,` `;` `.`
                // `'`, digit). The word so far ends with a word character (a middle one is
                // only taken with one after it).
                let previous = class_before(bytes, self.at);
                let next = self.class_at(self.at + len).map(|(c, _)| c);
                let joins = matches!(
                    (previous, class, next),
                    (
                        Class::Letter,
                        Class::MidLetter | Class::MidNumLet,
                        Some(Class::Letter)
                    ) | (
                        Class::Digit,
                        Class::MidNum | Class::MidNumLet,
                        Some(Class::Digit)
                    )
                );
                if !joins {
                    break;
                }
                self.at += len;
            }
            let word = &self.text[start..self.at];
            // Only `_` is not a word (it has no alphanumeric character): look for the next
            // one. A middle character only joins letters or digits, so any other byte is one.
            if bytes[start] != b'_' || word.bytes().any(|b| b != b'_') {
                return Some((start, word));
            }
        }
    }
}

/// The first byte of a character in a run of word characters: what [`word_run_end`] steps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    /// Not told by this byte: the run stops and [`Fast::class_at`] decides.
    Stop,
    /// An ASCII letter, digit or `_`.
    Ascii,
    /// The first byte of a two-byte Cyrillic letter (see [`leads_cyrillic_letter`]).
    Cyrillic,
    /// `D2`: a Cyrillic letter (U+0480, U+0481, U+048A–U+04BF: `қ`, `ң`, `ү`, `ұ`, `ғ`,
    /// `һ`) but for the thousands sign and the combining marks U+0482–U+0489.
    CyrillicD2,
}

/// [`Run`] by first byte: the word characters of [`LEAD`], and `D2`.
const RUN: [Run; 256] = {
    let mut table = [Run::Stop; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match LEAD[b] {
            Some((Class::Letter | Class::Digit | Class::Connector, 1)) => Run::Ascii,
            Some((Class::Letter, 2)) => Run::Cyrillic,
            _ if b == 0xD2 => Run::CyrillicD2,
            _ => Run::Stop,
        };
        b += 1;
    }
    table
};

/// Where the run of word characters that starts at byte `at` ends, for the characters their
/// bytes tell without decoding: the bulk of every word, stepped without a class.
#[inline(always)]
fn word_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&b) = bytes.get(at) {
        match RUN[usize::from(b)] {
            Run::Ascii => at += 1,
            Run::Cyrillic => at += 2,
            Run::CyrillicD2 if matches!(bytes.get(at + 1), Some(0x80 | 0x81 | 0x8A..=0xBF)) => {
                at += 2;
            }
            _ => break,
        }
    }
    at
}

/// The class of the word character that ends at byte `at`: every character outside ASCII
/// that [`class`] counts in a word is a letter.
fn class_before(bytes: &[u8], at: usize) -> Class {
    match at.checked_sub(1).and_then(|i| bytes.get(i)) {
        Some(&b) if b.is_ascii() => ASCII[usize::from(b)],
        Some(_) => Class::Letter,
        None => Class::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.unicode_word_indices().collect()
    }

    fn fast(text: &str) -> Vec<(usize, &str)> {
        assert!(
            text.chars().all(|c| class(c).is_some()),
            "{text:?} is not for the fast path"
        );
        Fast { text, at: 0 }.collect()
    }

    #[test]
    fn every_known_character_breaks_as_unicode_segmentation_says() {
        let known: Vec<char> = ('\0'..='\u{3000}')
            .filter(|&c| class(c).is_some())
            .collect();
        assert!(known.len() > 400, "{}", known.len());
        for c in known {
            for context in ["a{}b", "1{}2", "a{}1", "1{}a", "{}", "я{}я", "_{}_", " {} "] {
                let text = context.replace("{}", &c.to_string());
                assert_eq!(fast(&text), reference(&text), "{c:?} U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn the_cyrillic_lead_bytes_lead_only_letters() {
        for c in
            ('\u{80}'..='\u{7ff}').filter(|c| leads_cyrillic_letter(c.to_string().as_bytes()[0]))
        {
            assert_eq!(class(c), Some(Class::Letter), "U+{:04X}", c as u32);
        }
        assert!(!all_classified("a\u{483}b") && all_classified("Қазақ тілі, ə 1.2"));
    }

    #[test]
    fn every_short_string_of_the_classes_agrees() {
        let alphabet = [
            'a', 'Z', 'қ', 'Я', '7', '_', ':', '.', '\'', '’', ',', ';', ' ', '-', '«', '\n', 'ə',
        ];
        let n = alphabet.len();
        for len in 1..=5u32 {
            for mut code in 0..n.pow(len) {
                let mut text = String::new();
                for _ in 0..len {
                    text.push(alphabet[code % n]);
                    code /= n;
                }
                assert_eq!(fast(&text), reference(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn other_characters_take_the_general_path() {
        // A combining acute accent and a soft hyphen join what is around them.
        for text in ["зна\u{301}ние и", "пере\u{ad}дача", "a·b", "日本語 текст"]
        {
            assert!(matches!(word_indices(text), WordIndices::Unicode(_)));
            assert_eq!(word_indices(text).collect::<Vec<_>>(), reference(text));
        }
    }

    #[test]
    fn has_char_finds_a_letter_anywhere() {
        assert!(has_char("ёлка", 'ё') && has_char("её", 'ё') && has_char("aΣ", 'Σ'));
        assert!(!has_char("елка", 'ё') && !has_char("", 'ё'));
        // `Б` ends with the byte `ё` ends with (0x91): only the whole sequence counts.
        assert!(!has_char("Бб", 'ё') && has_char("Бё", 'ё') && !has_char("ё", 'Б'));
    }

    proptest::proptest! {
        /// Long mixes of the characters the quick path knows, `D2` letters (`қ`, `ң`, `Ҁ`),
        /// a letter it decodes (`ə`) and every kind of middle character among them, cut as
        /// `unicode-segmentation` cuts them.
        #[test]
        fn the_word_runs_agree_with_unicode_segmentation(
            text in "[aZ7_:.',; «»№—қңҚҢҀҁһүұәӘіІёЁяЯəƏ\u{2019}\n-]{0,40}"
        ) {
            proptest::prop_assert!(all_classified(&text));
            proptest::prop_assert_eq!(fast(&text), reference(&text));
        }

        /// With or without the quick pass over Cyrillic lead bytes, the pieces are those of a
        /// split at the breaks, empty ones left out.
        #[test]
        fn pieces_are_the_non_empty_parts_between_breaks(text in "[a-zа-яә ,.«»\u{483}ΣӘ]{0,24}") {
            let breaks = |c: char| c.is_whitespace() || matches!(c, ',' | '«' | '»');
            let expected: Vec<&str> = text.split(breaks).filter(|p| !p.is_empty()).collect();
            let quick: Vec<&str> = pieces_between(&text, |lead| lead == 0xD0 || lead == 0xD1, breaks).collect();
            let decoded: Vec<&str> = pieces_between(&text, |_| false, breaks).collect();
            proptest::prop_assert_eq!(&quick, &expected);
            proptest::prop_assert_eq!(&decoded, &expected);
        }

        #[test]
        fn has_char_agrees_with_a_walk_over_the_characters(
            word in "[a-zа-яёА-ЯЁәіңғүұқөһΣσ.]{0,12}",
            c in "[aяёЁБәΣ]",
        ) {
            let c = c.chars().next().unwrap_or('a');
            proptest::prop_assert_eq!(has_char(&word, c), word.chars().any(|x| x == c));
        }
    }

    #[test]
    fn a_clause_cuts_into_its_words() {
        let text =
            "3.1. Пайдаланушы ақпаратты (1,5 млн. теңге) e-mail: info@site.kz арқылы_жібереді";
        assert!(matches!(word_indices(text), WordIndices::Fast(_)));
        assert_eq!(word_indices(text).collect::<Vec<_>>(), reference(text));
        assert_eq!(
            words("a.b c:d 1,5 2.").collect::<Vec<_>>(),
            ["a.b", "c:d", "1,5", "2"]
        );
    }
}
