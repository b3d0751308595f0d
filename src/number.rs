//! Clause numbers as written (`2.2.1`, `9.6.`, `IV.`, `1)`, `а)`): reading them, their
//! styles, and which numbers may follow one another. Checking that a version numbers its
//! clauses consistently is a separate concept, in `numbering.rs`.

use std::fmt;

/// How a clause number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NumberStyle {
    /// Dotted decimal: `1.`, `2.1.`, `2.2.1`.
    Decimal,
    /// Roman numeral: `I.` to `XXXIX.` (Cyrillic `І` and `Х` typed for `I` and `X` included).
    Roman,
    /// Enumeration with a parenthesis: `1)`.
    Parenthesized,
    /// Letter enumeration: `а)`, `b)`.
    Letter,
    /// An enumeration written like a section number, `1.`, `2.`, restarted under a clause
    /// that introduces it (`3.2. Орындаушы міндетті:`): the items of a list, not sections.
    DottedItem,
}

impl NumberStyle {
    /// Whether numbers of this style build the clause tree: decimal (`2.2.1`) and Roman
    /// (`IV.`) numbers nest sections and clauses, while enumerations (`1)`, `а)`) only count
    /// the items of one list.
    ///
    /// ```
    /// use kzru_align::NumberStyle;
    /// assert!(NumberStyle::Roman.is_hierarchical());
    /// assert!(!NumberStyle::Letter.is_hierarchical());
    /// ```
    pub const fn is_hierarchical(self) -> bool {
        matches!(self, NumberStyle::Decimal | NumberStyle::Roman)
    }
}

/// A slip in how a clause number is written at the start of its clause, which the segmenter
/// reads past (the clause is still the one it numbers) and the numbering checks report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum NumberSlip {
    /// Written twice: `4.1. 4.1.`, `6.3.6.3.`, `2. 2. ОБЩИЕ`.
    Doubled,
    /// More than one dot after it: `7.4..`.
    ExtraDots,
}

impl NumberSlip {
    /// How a message describes the slip.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            NumberSlip::Doubled => "is written twice",
            NumberSlip::ExtraDots => "is written with more than one dot",
        }
    }
}

/// A clause number as written, with its numeric components.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ClauseNumber {
    raw: String,
    style: NumberStyle,
    components: Vec<u32>,
    trailing_dot: bool,
}

impl ClauseNumber {
    /// Reads a clause number at the start of `s`; returns it and the bytes it takes (its
    /// trailing `.` or `)` included). Only the form is checked here: whether a number at a
    /// given place really starts a clause is the segmenter's decision.
    ///
    /// ```
    /// use kzru_align::{ClauseNumber, NumberStyle};
    /// let (n, len) = ClauseNumber::parse_prefix("9.6. Біз").unwrap();
    /// assert_eq!((n.as_str(), n.components(), len), ("9.6.", &[9, 6][..], 4));
    /// assert_eq!(ClauseNumber::parse_prefix("IV. Жалпы").unwrap().0.components(), [4]);
    /// assert_eq!(ClauseNumber::parse_prefix("3) оның").unwrap().0.style(), NumberStyle::Parenthesized);
    /// assert!(ClauseNumber::parse_prefix("2013 жылғы").is_none());
    /// ```
    pub fn parse_prefix(s: &str) -> Option<(ClauseNumber, usize)> {
        parse_decimal(s)
            .or_else(|| parse_roman(s))
            .or_else(|| parse_letter(s))
    }

    /// The number as written (`"9.6."`, `"1)"`, `"IV."`).
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// How it is written.
    pub fn style(&self) -> NumberStyle {
        self.style
    }

    /// Numeric components: `[9, 6]` for `9.6.`, `[4]` for `IV.`, `[3]` for `3)` and `в)`.
    pub fn components(&self) -> &[u32] {
        &self.components
    }

    /// Whether its style builds the clause tree (decimal or Roman); see
    /// [`NumberStyle::is_hierarchical`].
    pub fn is_hierarchical(&self) -> bool {
        self.style.is_hierarchical()
    }

    /// Whether a decimal or Roman number ends with a dot (`5.1.` rather than `5.1`).
    pub fn has_trailing_dot(&self) -> bool {
        self.trailing_dot
    }

    /// The last component.
    pub fn last(&self) -> u32 {
        self.components.last().copied().unwrap_or(0)
    }

    /// Nesting level of a decimal number (`2.2.1` is 3); Roman sections are level 0, above
    /// decimal ones; enumerations have no level of their own and return 1.
    pub fn level(&self) -> usize {
        match self.style {
            NumberStyle::Decimal => self.components.len(),
            NumberStyle::Roman => 0,
            NumberStyle::Parenthesized | NumberStyle::Letter | NumberStyle::DottedItem => 1,
        }
    }

    /// The same number read as the item of a list restarted inside a clause: `2.` under
    /// `3.2.` is item 2, not section 2. Only a one-component decimal number with its dot can
    /// be one.
    pub(crate) fn as_dotted_item(&self) -> Option<ClauseNumber> {
        (self.style == NumberStyle::Decimal && self.components.len() == 1 && self.trailing_dot)
            .then(|| ClauseNumber {
                style: NumberStyle::DottedItem,
                ..self.clone()
            })
    }

    /// The number written twice without a space, `6.3.6.3.`, read as the `6.3.` it repeats:
    /// the first half of an even number of components equal to the second half.
    pub(crate) fn halved(&self) -> Option<ClauseNumber> {
        let n = self.components.len();
        if self.style != NumberStyle::Decimal || n < 2 || n % 2 != 0 {
            return None;
        }
        let (first, second) = self.components.split_at(n / 2);
        if first != second {
            return None;
        }
        // The raw text of the first half: its components and the dot after them.
        let mut dots = 0;
        let end = self.raw.char_indices().find_map(|(at, c)| {
            if c == '.' {
                dots += 1;
                (dots == n / 2).then_some(at + 1)
            } else {
                None
            }
        })?;
        Some(ClauseNumber {
            raw: self.raw[..end].to_owned(),
            style: NumberStyle::Decimal,
            components: first.to_vec(),
            trailing_dot: true,
        })
    }

    /// Reads a section number written without its dot, `3 Тараптардың`: one to three digits
    /// and a space. Such a number is a clause number only where the segmenter expects the
    /// next section; elsewhere it is a quantity (`5 жыл`).
    pub(crate) fn parse_bare_section(s: &str) -> Option<(ClauseNumber, usize)> {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) || !s[digits..].starts_with([' ', '\t']) {
            return None;
        }
        let value: u32 = s[..digits].parse().ok()?;
        (value > 0).then(|| {
            (
                ClauseNumber {
                    raw: s[..digits].to_owned(),
                    style: NumberStyle::Decimal,
                    components: vec![value],
                    trailing_dot: false,
                },
                digits,
            )
        })
    }

    /// The components as a dotted string without a trailing dot (`"9.6"`), for messages.
    pub fn dotted(&self) -> String {
        match self.style {
            NumberStyle::Decimal => join(&self.components),
            _ => self.raw.clone(),
        }
    }
}

impl fmt::Display for ClauseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// Components joined with dots, without a trailing dot: `9.6` for `[9, 6]`.
pub(crate) fn join(components: &[u32]) -> String {
    components
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// At most three digits in a component after the first: a four-digit year ends a date
/// (`21.05.2013`), not a clause number. The first component may have up to six (section
/// 1000 of a long register); a bare year is never a clause number anyway, for it has no dot.
const MAX_DIGITS: usize = 3;
const MAX_FIRST_DIGITS: usize = 6;

fn parse_decimal(s: &str) -> Option<(ClauseNumber, usize)> {
    let bytes = s.as_bytes();
    let mut components = Vec::new();
    let mut i = 0;
    loop {
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let limit = if components.is_empty() {
            MAX_FIRST_DIGITS
        } else {
            MAX_DIGITS
        };
        if digits == 0 || digits > limit {
            return None;
        }
        components.push(s[i..i + digits].parse().ok()?);
        i += digits;
        if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        break;
    }
    if components[0] == 0 {
        return None;
    }
    let (style, trailing_dot, len) = match bytes.get(i) {
        Some(b'.') => (NumberStyle::Decimal, true, i + 1),
        Some(b')') if components.len() == 1 => (NumberStyle::Parenthesized, false, i + 1),
        // `1` alone is a bare number in running text; `2.2.1` without a dot is a clause number.
        _ if components.len() > 1 => (NumberStyle::Decimal, false, i),
        _ => return None,
    };
    Some((
        ClauseNumber {
            raw: s[..len].to_owned(),
            style,
            components,
            trailing_dot,
        },
        len,
    ))
}

fn parse_roman(s: &str) -> Option<(ClauseNumber, usize)> {
    let mut value_digits = Vec::new();
    let mut len = 0;
    for c in s.chars() {
        let digit = match c {
            'I' | 'І' => 1,
            'V' => 5,
            'X' | 'Х' => 10,
            _ => break,
        };
        value_digits.push(digit);
        len += c.len_utf8();
    }
    if value_digits.is_empty() || !s[len..].starts_with('.') {
        return None;
    }
    let mut value = 0i32;
    for (i, &d) in value_digits.iter().enumerate() {
        if value_digits.get(i + 1).is_some_and(|&next| next > d) {
            value -= d;
        } else {
            value += d;
        }
    }
    let value = u32::try_from(value).ok().filter(|v| (1..40).contains(v))?;
    // Only canonical numerals: `IIII.` or `VX.` are not section numbers.
    if roman(value) != s[..len].replace('І', "I").replace('Х', "X") {
        return None;
    }
    Some((
        ClauseNumber {
            raw: s[..=len].to_owned(),
            style: NumberStyle::Roman,
            components: vec![value],
            trailing_dot: true,
        },
        len + 1,
    ))
}

/// The canonical Roman numeral of `value`, in Latin letters (`IX` for 9); for values below 40,
/// the range of section numbers.
pub(crate) fn roman(mut value: u32) -> String {
    let mut out = String::new();
    for (v, s) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while value >= v {
            out.push_str(s);
            value -= v;
        }
    }
    out
}

const LATIN_LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";
const CYRILLIC_LETTERS: &str = "абвгдежзиклмнопрстуфхцчшщэюя";

fn parse_letter(s: &str) -> Option<(ClauseNumber, usize)> {
    let mut chars = s.chars();
    let letter = chars.next()?;
    if chars.next() != Some(')') {
        return None;
    }
    let position = LATIN_LETTERS
        .chars()
        .position(|c| c == letter)
        .or_else(|| CYRILLIC_LETTERS.chars().position(|c| c == letter))?;
    let len = letter.len_utf8() + 1;
    Some((
        ClauseNumber {
            raw: s[..len].to_owned(),
            style: NumberStyle::Letter,
            components: vec![position as u32 + 1],
            trailing_dot: false,
        },
        len,
    ))
}

/// The numbers that may come next after `current` in a hierarchical numbering: its first
/// child, its next sibling, or the next sibling of any ancestor.
pub(crate) fn successors(current: &[u32]) -> impl Iterator<Item = Vec<u32>> + '_ {
    let first_child = current.iter().copied().chain([1]).collect();
    std::iter::once(first_child).chain((1..=current.len()).rev().map(move |len| {
        let mut next = current[..len].to_vec();
        next[len - 1] += 1;
        next
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_numbers_with_and_without_dot() {
        let (n, len) = ClauseNumber::parse_prefix("2.2.1 Пайдаланушыға").unwrap();
        assert_eq!(
            (n.components(), n.has_trailing_dot(), len, n.level()),
            (&[2, 2, 1][..], false, 5, 3)
        );
        let (n, _) = ClauseNumber::parse_prefix("5.1. Біз").unwrap();
        assert!(n.has_trailing_dot());
        assert_eq!(n.dotted(), "5.1");
    }

    #[test]
    fn running_text_numbers_are_not_clause_numbers() {
        for text in [
            "21 мая",
            "2013 жылғы",
            "1-бапқа",
            "350-бабына",
            "0.5 %",
            "1234567. x",
            "21.05.2013 ж.",
        ] {
            assert!(ClauseNumber::parse_prefix(text).is_none(), "{text}");
        }
    }

    #[test]
    fn roman_numerals_accept_cyrillic_look_alikes_and_reject_non_canonical() {
        assert_eq!(
            ClauseNumber::parse_prefix("XI. Саясат")
                .unwrap()
                .0
                .components(),
            [11]
        );
        assert_eq!(
            ClauseNumber::parse_prefix("ІХ. Дербес")
                .unwrap()
                .0
                .components(),
            [9]
        );
        assert!(ClauseNumber::parse_prefix("IIII. x").is_none());
        assert!(ClauseNumber::parse_prefix("I x").is_none());
    }

    #[test]
    fn enumerations_and_letters() {
        let (n, len) = ClauseNumber::parse_prefix("10) Пайдаланушыға").unwrap();
        assert_eq!(
            (n.style(), n.last(), len),
            (NumberStyle::Parenthesized, 10, 3)
        );
        let (n, _) = ClauseNumber::parse_prefix("в) текст").unwrap();
        assert_eq!((n.style(), n.last()), (NumberStyle::Letter, 3));
    }

    #[test]
    fn a_thirty_digit_number_does_not_overflow() {
        assert!(ClauseNumber::parse_prefix("123456789012345678901234567890. Текст").is_none());
    }

    #[test]
    fn decimal_and_roman_numbers_are_hierarchical_enumerations_are_not() {
        let hierarchical: Vec<NumberStyle> = [
            NumberStyle::Decimal,
            NumberStyle::Roman,
            NumberStyle::Parenthesized,
            NumberStyle::Letter,
        ]
        .into_iter()
        .filter(|s| s.is_hierarchical())
        .collect();
        assert_eq!(hierarchical, [NumberStyle::Decimal, NumberStyle::Roman]);
        for (text, expected) in [
            ("2.2.1 x", true),
            ("IV. x", true),
            ("3) x", false),
            ("в) x", false),
        ] {
            let (n, _) = ClauseNumber::parse_prefix(text).unwrap();
            assert_eq!(n.is_hierarchical(), expected, "{text}");
        }
    }

    #[test]
    fn join_and_roman_write_numbers_for_messages() {
        assert_eq!(join(&[9, 6]), "9.6");
        assert_eq!(join(&[4]), "4");
        assert_eq!(
            [1, 4, 9, 14, 39].map(roman),
            ["I", "IV", "IX", "XIV", "XXXIX"]
        );
    }

    #[test]
    fn successors_of_a_path() {
        let next: Vec<Vec<u32>> = successors(&[3, 1, 2]).collect();
        assert_eq!(next, [vec![3, 1, 2, 1], vec![3, 1, 3], vec![3, 2], vec![4]]);
    }

    #[test]
    fn restarted_items_doubled_numbers_and_bare_sections() {
        let (one, _) = ClauseNumber::parse_prefix("1. бірінші").unwrap();
        let item = one.as_dotted_item().unwrap();
        assert_eq!(
            (item.as_str(), item.style(), item.last()),
            ("1.", NumberStyle::DottedItem, 1)
        );
        assert!(!item.is_hierarchical());
        assert!(
            ClauseNumber::parse_prefix("1.1. x")
                .unwrap()
                .0
                .as_dotted_item()
                .is_none()
        );

        let (twice, _) = ClauseNumber::parse_prefix("6.3.6.3. Мәтін").unwrap();
        let half = twice.halved().unwrap();
        assert_eq!((half.as_str(), half.components()), ("6.3.", &[6, 3][..]));
        assert!(
            ClauseNumber::parse_prefix("1.2.1.3. x")
                .unwrap()
                .0
                .halved()
                .is_none()
        );
        assert!(
            ClauseNumber::parse_prefix("6.3. x")
                .unwrap()
                .0
                .halved()
                .is_none()
        );

        let (bare, len) = ClauseNumber::parse_bare_section("3 Тараптардың").unwrap();
        assert_eq!(
            (
                bare.as_str(),
                bare.components(),
                bare.has_trailing_dot(),
                len
            ),
            ("3", &[3][..], false, 1)
        );
        assert!(ClauseNumber::parse_bare_section("2013 жылы").is_none());
        assert!(ClauseNumber::parse_bare_section("0 x").is_none());
        assert!(ClauseNumber::parse_bare_section("3. x").is_none());
    }
}
