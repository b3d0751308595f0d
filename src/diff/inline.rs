//! Word-level comparison of two matched clauses: whether they hold the same words, and
//! where the words differ, as runs of equal, deleted and inserted text.

use similar::{Algorithm, ChangeTag};
use unicode_segmentation::UnicodeSegmentation;

use super::model::{InlineChange, InlineTag};

/// Whether two texts hold the same words in the same order (white space and punctuation
/// between them aside).
pub(super) fn words_equal(a: &str, b: &str) -> bool {
    a.unicode_words().eq(b.unicode_words())
}

/// The word-level diff of `a` and `b`: equal runs, and each changed region as one deletion
/// followed by one insertion.
pub(super) fn inline_diff(a: &str, b: &str) -> Vec<InlineChange> {
    let pieces = similar::utils::diff_words(Algorithm::Patience, a, b);
    let mut out: Vec<InlineChange> = Vec::new();
    // A change region: deletions and insertions with nothing but white space between them,
    // shown as one deletion followed by one insertion rather than word by word.
    let (mut deleted, mut inserted, mut gap) = (String::new(), String::new(), String::new());
    let flush = |out: &mut Vec<InlineChange>, deleted: &mut String, inserted: &mut String| {
        for (tag, text) in [(InlineTag::Delete, deleted), (InlineTag::Insert, inserted)] {
            if !text.is_empty() {
                out.push(InlineChange {
                    tag,
                    text: std::mem::take(text),
                });
            }
        }
    };
    let push_equal = |out: &mut Vec<InlineChange>, text: &str| match out.last_mut() {
        Some(last) if last.tag == InlineTag::Equal => last.text.push_str(text),
        _ => out.push(InlineChange {
            tag: InlineTag::Equal,
            text: text.to_owned(),
        }),
    };
    for (tag, text) in pieces {
        match tag {
            ChangeTag::Delete | ChangeTag::Insert => {
                if !gap.is_empty() {
                    // White space inside the region belongs to both of its sides.
                    deleted.push_str(&gap);
                    inserted.push_str(&gap);
                    gap.clear();
                }
                let target = if tag == ChangeTag::Delete {
                    &mut deleted
                } else {
                    &mut inserted
                };
                target.push_str(text);
            }
            ChangeTag::Equal
                if text.trim().is_empty() && !(deleted.is_empty() && inserted.is_empty()) =>
            {
                gap.push_str(text)
            }
            ChangeTag::Equal => {
                flush(&mut out, &mut deleted, &mut inserted);
                if !gap.is_empty() {
                    push_equal(&mut out, &std::mem::take(&mut gap));
                }
                push_equal(&mut out, text);
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    if !gap.is_empty() {
        push_equal(&mut out, &gap);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewritten_passage_is_one_deletion_and_one_insertion() {
        let inline = inline_diff(
            "хранить данные столько времени, сколько нужно.",
            "хранить данные в течение 5 лет.",
        );
        let tags: Vec<InlineTag> = inline.iter().map(|c| c.tag).collect();
        assert_eq!(
            tags,
            [InlineTag::Equal, InlineTag::Delete, InlineTag::Insert]
        );
        assert_eq!(inline[1].text, "столько времени, сколько нужно.");
        assert_eq!(inline[2].text, "в течение 5 лет.");
    }
}
