//! Cross-company policy diff: two policies of different companies compared clause by
//! clause, in one language.
//!
//! Many policies are filled-in copies of a common template, renumbered and reordered, so
//! clauses are matched by content, not by number: a similarity from word-stem sets and from
//! strsim's character-bigram Sørensen–Dice, greedy best-first. Matched clauses are `equal`
//! or `changed` (with a word-level diff from `similar`), or `moved` when they left the order
//! of the others; the rest are `added` or `removed`. Each operation is tagged with the topics
//! it touches (retention period, contact channel, third parties, prevailing language, …),
//! so that the report can say what the shared template is and what each company changed.
//!
//! One child module per concept: `model` (the public types), `matching` (which clause is
//! which), `ops` (the operations in order), `inline` (word-level changes), `topics` and
//! `values` (the values clauses state, and the company identity among them).

mod inline;
mod matching;
mod model;
mod ops;
mod topic_values;
mod topics;
mod values;

pub use model::{
    ClauseRef, DiffOp, InlineChange, InlineTag, OpKind, PolicyDiff, TopicChange, TopicValue,
};

use crate::{BilingualDocument, Lang, Version};
use matching::{longest_increasing, match_clauses, units};
use ops::{edit_script, text_shares};
use topics::topic_changes;
use values::identity;

/// Compares policies. Configure once, compare many.
#[derive(Clone, Debug)]
pub struct Differ {
    match_threshold: f32,
}

impl Default for Differ {
    fn default() -> Differ {
        Differ::new()
    }
}

impl Differ {
    /// The default differ: clauses match from a similarity of 0.45.
    pub const fn new() -> Differ {
        Differ {
            match_threshold: 0.45,
        }
    }

    /// Clauses less similar than this are not matched (default 0.45).
    pub const fn match_threshold(mut self, threshold: f32) -> Differ {
        self.match_threshold = threshold;
        self
    }

    /// Compares the `lang` versions of two documents; `None` when either lacks that version.
    pub fn compare(
        &self,
        a: &BilingualDocument,
        b: &BilingualDocument,
        lang: Lang,
    ) -> Option<PolicyDiff> {
        let (va, vb) = (a.version(lang)?, b.version(lang)?);
        let name = |d: &BilingualDocument, v: &Version| {
            d.source(v.source())
                .map_or_else(String::new, |s| s.name().to_owned())
        };
        Some(self.compare_versions(va, vb, name(a, va), name(b, vb)))
    }

    /// Compares two versions in the same language.
    pub fn compare_versions(
        &self,
        a: &Version,
        b: &Version,
        a_name: String,
        b_name: String,
    ) -> PolicyDiff {
        let (ua, ub) = (units(a), units(b));
        let matches = match_clauses(&ua, &ub, self.match_threshold);
        let in_order = longest_increasing(&matches.a);
        let ops = edit_script(&ua, &ub, &matches, &in_order, a.lang());
        let total: usize =
            ua.iter().map(|u| u.chars).sum::<usize>() + ub.iter().map(|u| u.chars).sum::<usize>();
        let (similarity, shared) = text_shares(&ops, total);
        let (identity_a, identity_b) = identity(&ops);
        let topics = topic_changes(&ops, a.lang(), &identity_a, &identity_b);
        PolicyDiff {
            a: a_name,
            b: b_name,
            lang: a.lang(),
            similarity,
            shared,
            ops,
            topics,
            identity_a,
            identity_b,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, text: &str) -> BilingualDocument {
        BilingualDocument::from_text(name, text).unwrap()
    }

    const A: &str = "1. Жалпы ережелер\n\n1.1. Осы Саясат дербес деректерді қорғау туралы заңға сәйкес әзірленді.\n\n\
                     1.2. Біз деректерді 5 (бес) жыл бойы сақтаймыз.\n\n1.3. Сұрақтар бойынша info@a.kz поштасына жазыңыз.\n\n\
                     1.4. Біз cookie файлдарын пайдаланамыз.\n";

    #[test]
    fn equal_changed_added_removed_and_topics() {
        let b = "1. Жалпы ережелер\n\n1.1. Осы Саясат дербес деректерді қорғау туралы заңға сәйкес әзірленді.\n\n\
                 1.2. Біз деректерді 3 (үш) жыл бойы сақтаймыз.\n\n1.3. Сұрақтар бойынша info@b.kz поштасына жазыңыз.\n\n\
                 1.4. Біз деректерді үшінші тұлғаларға бермейміз.\n";
        let diff = Differ::new()
            .compare(&doc("a.txt", A), &doc("b.txt", b), Lang::Kk)
            .unwrap();
        let kinds: Vec<OpKind> = diff.ops.iter().map(|op| op.kind).collect();
        assert_eq!(
            kinds,
            [
                OpKind::Equal,
                OpKind::Equal,
                OpKind::Changed,
                OpKind::Changed,
                OpKind::Removed,
                OpKind::Added
            ]
        );
        let retention = &diff.ops[2];
        assert_eq!(
            (
                retention.a.as_ref().unwrap().line,
                retention.b.as_ref().unwrap().line
            ),
            (5, 5)
        );
        assert!(
            retention
                .inline
                .iter()
                .any(|c| c.tag == InlineTag::Delete && c.text.contains('5'))
        );
        assert!(
            retention
                .inline
                .iter()
                .any(|c| c.tag == InlineTag::Insert && c.text.contains('3'))
        );
        let topic = diff.topics.iter().find(|t| t.topic == "retention").unwrap();
        let values =
            |v: &[TopicValue]| -> Vec<String> { v.iter().map(|v| v.value.clone()).collect() };
        assert_eq!(
            (values(&topic.only_a), values(&topic.only_b)),
            (vec!["5".to_owned()], vec!["3".to_owned()])
        );
        assert_eq!(
            topic.only_a[0].context,
            "Біз деректерді 5 (бес) жыл бойы сақтаймыз"
        );
        assert_eq!(topic.only_a[0].line, 5);
        let contact = diff.topics.iter().find(|t| t.topic == "contact").unwrap();
        assert_eq!(
            (values(&contact.only_a), values(&contact.only_b)),
            (vec!["info@a.kz".to_owned()], vec!["info@b.kz".to_owned()])
        );
        assert!(
            diff.similarity > 0.5 && diff.similarity < 1.0,
            "{}",
            diff.similarity
        );
        assert!(diff.shared > 0.2);
    }

    #[test]
    fn renumbered_and_moved_clauses_match_by_content() {
        // B moves 1.4 to the front and renumbers everything.
        let b = "1. Жалпы ережелер\n\n1.1. Біз cookie файлдарын пайдаланамыз.\n\n\
                 1.2. Осы Саясат дербес деректерді қорғау туралы заңға сәйкес әзірленді.\n\n\
                 1.3. Біз деректерді 5 (бес) жыл бойы сақтаймыз.\n\n1.4. Сұрақтар бойынша info@a.kz поштасына жазыңыз.\n";
        let diff = Differ::new()
            .compare(&doc("a.txt", A), &doc("b.txt", b), Lang::Kk)
            .unwrap();
        let moved: Vec<&DiffOp> = diff
            .ops
            .iter()
            .filter(|op| op.kind == OpKind::Moved)
            .collect();
        assert_eq!(moved.len(), 1);
        assert_eq!(moved[0].a.as_ref().unwrap().number.as_deref(), Some("1.4."));
        assert_eq!(moved[0].b.as_ref().unwrap().number.as_deref(), Some("1.1."));
        assert_eq!(
            diff.count(OpKind::Equal),
            4,
            "renumbered clauses with the same text are equal"
        );
        assert_eq!(diff.count(OpKind::Added) + diff.count(OpKind::Removed), 0);
        assert!((diff.similarity - 1.0).abs() < 1e-6);
    }

    #[test]
    fn a_missing_language_gives_no_diff() {
        assert!(
            Differ::new()
                .compare(&doc("a.txt", A), &doc("b.txt", A), Lang::Ru)
                .is_none()
        );
    }
}
