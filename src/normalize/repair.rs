//! Mixed-script repair: a word typed in two scripts, its look-alike letters replaced so that
//! the whole word is in the script most of its letters are in, and the record of the repair.

use super::fold::{is_latin, lookalikes};
use crate::Span;
use crate::language::is_cyrillic_letter;

/// Which way a mixed-script word was repaired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RepairDirection {
    /// Latin letters inside a mostly Cyrillic word became Cyrillic.
    ToCyrillic,
    /// Cyrillic look-alikes inside a mostly Latin word became Latin.
    ToLatin,
}

/// One word typed in two scripts, and how it was repaired in the normalized text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptRepair {
    /// The word in the original input.
    pub span: Span,
    /// The word as written.
    pub word: String,
    /// The word after repair.
    pub repaired: String,
    /// Which way the repair went.
    pub direction: RepairDirection,
    /// The distinct letter substitutions made, `(from, to)`, sorted.
    pub substitutions: Vec<(char, char)>,
}

/// A repaired word: its new spelling, which way it went, the letters substituted.
pub(super) struct Repaired {
    /// The word after repair.
    pub(super) word: String,
    /// Which way the repair went.
    pub(super) direction: RepairDirection,
    /// The distinct letter substitutions made, `(from, to)`, sorted.
    pub(super) substitutions: Vec<(char, char)>,
}

/// Repairs one mixed-script word, or returns `None` when it is not mixed or cannot be
/// repaired letter by letter (a Latin name with a Kazakh suffix, `Facebookта`, is left as is).
pub(super) fn repair_word(word: &str) -> Option<Repaired> {
    let (mut cyr, mut lat) = (0usize, 0usize);
    for c in word.chars() {
        if is_cyrillic_letter(c) {
            cyr += 1;
        } else if c.is_ascii_alphabetic() || (!c.is_ascii() && is_latin(c)) {
            lat += 1;
        }
    }
    if cyr == 0 || lat == 0 {
        return None;
    }
    let table = lookalikes();
    let (direction, map, foreign): (_, _, fn(char) -> bool) = if cyr >= lat {
        (RepairDirection::ToCyrillic, &table.to_cyrillic, is_latin)
    } else {
        (RepairDirection::ToLatin, &table.to_latin, |c| {
            is_cyrillic_letter(c)
        })
    };
    let mut repaired = String::with_capacity(word.len() + 4);
    let mut substitutions = Vec::new();
    for c in word.chars() {
        if foreign(c) {
            let to = *map.get(&c)?;
            substitutions.push((c, to));
            repaired.push(to);
        } else {
            repaired.push(c);
        }
    }
    substitutions.sort_unstable();
    substitutions.dedup();
    Some(Repaired {
        word: repaired,
        direction,
        substitutions,
    })
}
