//! Counting systems that list markers are drawn in, shared by the readers that render list
//! numbers themselves (Word's automatic numbering, HTML's ordered lists and CSS counters).
//! Each reader keeps its own rules for what happens outside a system's range, because Word
//! and CSS differ there; the arithmetic lives here once.

/// The 26 Latin letters, as CSS `lower-alpha` and Word's `lowerLetter` count.
pub(super) const LATIN: &str = "abcdefghijklmnopqrstuvwxyz";

/// Word's Russian list letters: the alphabet without ё, й, ъ and ь.
#[cfg(feature = "docx")]
pub(super) const RUSSIAN: &str = "абвгдежзиклмнопрстуфхцчшщыэюя";

/// `n` in upper-case Roman numerals; `None` outside 1..=3999, where the system has no form.
pub(super) fn roman(n: i64) -> Option<String> {
    const DIGITS: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if !(1..4000).contains(&n) {
        return None;
    }
    let mut rest = n;
    let mut out = String::new();
    for (size, digits) in DIGITS {
        while rest >= size {
            out.push_str(digits);
            rest -= size;
        }
    }
    Some(out)
}

/// `n` in bijective base `alphabet.len()`: `a`…`z`, `aa`, `ab`… for the Latin letters (CSS
/// `lower-alpha`), `а`…`я`, `аа`… for Word's Russian letters as LibreOffice prints them past
/// the last letter. `None` below 1 and for an empty alphabet.
pub(super) fn bijective(n: i64, alphabet: &str) -> Option<String> {
    let letters: Vec<char> = alphabet.chars().collect();
    let base = i64::try_from(letters.len()).ok().filter(|&b| b > 0)?;
    if n < 1 {
        return None;
    }
    let mut rest = n;
    let mut out = Vec::new();
    while rest > 0 {
        rest -= 1;
        out.push(letters[usize::try_from(rest % base).ok()?]);
        rest /= base;
    }
    Some(out.iter().rev().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_cover_their_range_and_nothing_else() {
        assert_eq!(roman(1).as_deref(), Some("I"));
        assert_eq!(roman(4).as_deref(), Some("IV"));
        assert_eq!(roman(14).as_deref(), Some("XIV"));
        assert_eq!(roman(1999).as_deref(), Some("MCMXCIX"));
        assert_eq!(roman(3999).as_deref(), Some("MMMCMXCIX"));
        assert_eq!(roman(0), None);
        assert_eq!(roman(-3), None);
        assert_eq!(roman(4000), None);
    }

    #[test]
    fn letters_count_in_bijective_base() {
        assert_eq!(bijective(1, LATIN).as_deref(), Some("a"));
        assert_eq!(bijective(26, LATIN).as_deref(), Some("z"));
        assert_eq!(bijective(27, LATIN).as_deref(), Some("aa"));
        assert_eq!(bijective(28, LATIN).as_deref(), Some("ab"));
        assert_eq!(bijective(702, LATIN).as_deref(), Some("zz"));
        assert_eq!(bijective(703, LATIN).as_deref(), Some("aaa"));
        assert_eq!(bijective(0, LATIN), None);
        assert_eq!(bijective(i64::MIN, LATIN), None);
        assert_eq!(bijective(5, ""), None);
    }

    #[cfg(feature = "docx")]
    #[test]
    fn russian_letters_go_on_past_the_last_one() {
        assert_eq!(bijective(1, RUSSIAN).as_deref(), Some("а"));
        assert_eq!(bijective(29, RUSSIAN).as_deref(), Some("я"));
        assert_eq!(bijective(30, RUSSIAN).as_deref(), Some("аа"));
    }

    #[test]
    fn the_largest_values_do_not_overflow() {
        assert!(bijective(i64::MAX, LATIN).is_some_and(|s| s.len() == 14));
    }
}
