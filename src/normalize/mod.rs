//! Normalization for matching: a clean copy of a text that maps back to the original.
//!
//! The original is never changed. [`normalize`] builds a second string in which
//! - Markdown headings (`## `), bold (`**`), links (`[text](url)`, `<https://…>`), HTML tags
//!   (`<i>`, `</b>`, `<br>`) and entities (`&nbsp;`) are stripped or decoded;
//! - the text is in Unicode NFC;
//! - a word typed in two scripts is repaired: Latin look-alikes inside a Cyrillic word become
//!   Cyrillic (`жəне` → `және`, `серікtestері` → `серіктестері`), Cyrillic look-alikes
//!   inside a Latin word become Latin (`соokie` → `cookie`);
//! - white space (tabs, no-break spaces, line ends) is collapsed to single spaces.
//!
//! Every byte of the result maps back to a byte of the original with
//! [`Normalized::to_original`], and every repaired word is recorded as a [`ScriptRepair`] so
//! that the document can report it as a `mixed_script` finding.
//!
//! One child module per pass or table: `markup` strips the markup, `words` collapses white
//! space, composes and repairs word by word with `repair`, `fold` holds the look-alike table
//! and the letter folding that comparison keys use, and `offsets` the map back to the
//! original that every pass extends.

mod fold;
mod markup;
mod offsets;
mod repair;
mod words;

pub(crate) use fold::{fold_case, fold_to_cyrillic, push_folded_case};
pub use repair::{RepairDirection, ScriptRepair};
pub(crate) use words::is_collapsible_space;

use markup::strip_markup;
use offsets::{Builder, OffsetMap, map_through};
use words::clean_words;

/// A normalized copy of a text, with the map back to the original.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    text: String,
    /// Offset maps, applied in order: the first maps `text` to the markup-stripped text, the
    /// last maps into the original. Each holds `(offset out, offset in)` at every
    /// discontinuity.
    maps: Vec<OffsetMap>,
    repairs: Vec<ScriptRepair>,
}

impl Normalized {
    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The words that were typed in two scripts and repaired.
    pub fn repairs(&self) -> &[ScriptRepair] {
        &self.repairs
    }

    /// Maps a byte offset of the normalized text (on a char boundary) to the offset of the
    /// character it came from in the original input.
    pub fn to_original(&self, offset: usize) -> usize {
        map_through(&self.maps, offset)
    }
}

/// Normalizes `text`, a slice of the original that starts at byte `base` of the original.
pub fn normalize_at(text: &str, base: usize) -> Normalized {
    let mut stripped = Builder::with_capacity(text.len());
    strip_markup(text, base, &mut stripped);
    let mut maps = vec![std::mem::take(&mut stripped.map)];
    // Decoding can uncover markup (`&lt;i&gt;`, `&#42;&#42;`); strip again until nothing
    // changes, so that normalizing a normalized text changes nothing. Every pass that
    // changes the text shortens it, so this ends.
    // The markup characters are ASCII: looked for byte by byte, without decoding.
    while stripped
        .text
        .bytes()
        .any(|b| matches!(b, b'<' | b'&' | b'*' | b'[' | b'#'))
    {
        let mut again = Builder::with_capacity(stripped.text.len());
        strip_markup(&stripped.text, 0, &mut again);
        if again.text == stripped.text {
            break;
        }
        maps.push(std::mem::take(&mut again.map));
        stripped = again;
    }
    maps.reverse();
    let mut out = Builder::with_capacity(stripped.text.len());
    let repairs = clean_words(&stripped.text, &maps, &mut out);
    maps.insert(0, out.map);
    Normalized {
        text: out.text,
        maps,
        repairs,
    }
}

/// Normalizes a whole text (offsets map back into `text` itself).
///
/// ```
/// let n = kzru_align::normalize("## **Сайт** - <i>жəне</i> соokie");
/// assert_eq!(n.text(), "Сайт - және cookie");
/// assert_eq!(n.repairs().len(), 2);
/// ```
pub fn normalize(text: &str) -> Normalized {
    normalize_at(text, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_stripped_and_white_space_collapsed() {
        let n = normalize("### **3. ДЕРБЕС**\n\n<i>Сервис</i>\tMyVerify&nbsp; сервисі");
        assert_eq!(n.text(), "3. ДЕРБЕС Сервис MyVerify сервисі");
    }

    #[test]
    fn links_keep_their_label_and_a_differing_url() {
        let n = normalize(
            "[info@idcollect.kz](mailto:info@idcollect.kz) және [сайт](https://a.kz) <https://idcollect.kz>",
        );
        assert_eq!(
            n.text(),
            "info@idcollect.kz және сайт (https://a.kz) https://idcollect.kz"
        );
    }

    #[test]
    fn latin_schwa_and_look_alikes_become_cyrillic() {
        let n = normalize("жəне сəйкес еркінізben серікtestері");
        assert_eq!(n.text(), "және сәйкес еркінізбен серіктестері");
        let words: Vec<&str> = n.repairs().iter().map(|r| r.word.as_str()).collect();
        assert_eq!(words, ["жəне", "сəйкес", "еркінізben", "серікtestері"]);
        assert_eq!(n.repairs()[0].substitutions, [('ə', 'ә')]);
        assert_eq!(n.repairs()[0].direction, RepairDirection::ToCyrillic);
    }

    #[test]
    fn cyrillic_look_alikes_inside_a_latin_word_become_latin() {
        let n = normalize("IP-мекенжайы, соokie-ден");
        assert_eq!(n.text(), "IP-мекенжайы, cookie-ден");
        assert_eq!(n.repairs()[0].direction, RepairDirection::ToLatin);
        assert_eq!(n.repairs()[0].substitutions, [('о', 'o'), ('с', 'c')]);
    }

    #[test]
    fn a_latin_name_with_a_kazakh_suffix_is_left_alone() {
        let n = normalize("Facebookта және MyCarдың");
        assert_eq!(n.text(), "Facebookта және MyCarдың");
        assert!(n.repairs().is_empty());
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let original = "x\n## **Сайт**\t<i>жəне</i>  [a](mailto:a) соokie";
        let n = normalize(original);
        assert_eq!(n.text(), "x Сайт және a cookie");
        for (word, orig) in [
            ("Сайт", "Сайт"),
            ("және", "жəне"),
            ("cookie", "соokie"),
            ("a", "a"),
        ] {
            let at = n.text().find(word).unwrap();
            let back = n.to_original(at);
            assert!(
                original[back..].starts_with(orig),
                "{word}: {:?}",
                &original[back..]
            );
        }
        let span = n.repairs()[0].span;
        assert_eq!(&original[span.range()], "жəне");
    }

    #[test]
    fn nfc_composes_decomposed_letters() {
        // «й» written as «и» + combining breve.
        let n = normalize("Бізбен байланысу үшін: и\u{306}");
        assert!(n.text().ends_with('й'));
    }

    #[test]
    fn normalization_is_idempotent() {
        for text in [
            "## **A**  жəне\n\nсоokie <b>x</b>",
            "[l](u) &amp;amp; ** **",
            "a\u{a0}\u{200b}b",
        ] {
            let once = normalize(text);
            assert_eq!(normalize(once.text()).text(), once.text(), "{text:?}");
        }
    }
}
