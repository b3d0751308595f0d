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

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use rayon::prelude::*;
use similar::{Algorithm, ChangeTag};
use unicode_segmentation::UnicodeSegmentation;

use crate::anchors::{self, AnchorKind};
use crate::clause::{Clause, ClauseId};
use crate::document::{BilingualDocument, Version};
use crate::language::Lang;

/// What happened to a clause between policy A and policy B. Serialized in `snake_case`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum OpKind {
    /// The same text in both (white space and case aside), in the same order.
    Equal,
    /// A matching clause whose text differs.
    Changed,
    /// A matching clause (equal or changed) that stands elsewhere in the order.
    Moved,
    /// Only in B.
    Added,
    /// Only in A.
    Removed,
}

impl OpKind {
    /// The `snake_case` name.
    pub const fn name(self) -> &'static str {
        match self {
            OpKind::Equal => "equal",
            OpKind::Changed => "changed",
            OpKind::Moved => "moved",
            OpKind::Added => "added",
            OpKind::Removed => "removed",
        }
    }
}

/// A clause as a diff shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ClauseRef {
    /// Its id in its own document.
    pub id: ClauseId,
    /// Its number as written.
    pub number: Option<String>,
    /// 1-based line in its file.
    pub line: usize,
    /// Its normalized text.
    pub text: String,
}

/// Whether a piece of an inline diff is in both, only in A or only in B.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum InlineTag {
    /// In both.
    Equal,
    /// Only in A.
    Delete,
    /// Only in B.
    Insert,
}

/// A piece of a word-level diff.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct InlineChange {
    /// Where the piece is.
    pub tag: InlineTag,
    /// The words, with the spaces between them.
    pub text: String,
}

/// One step of the diff.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DiffOp {
    /// What happened.
    pub kind: OpKind,
    /// The clause in A (none when added).
    pub a: Option<ClauseRef>,
    /// The clause in B (none when removed).
    pub b: Option<ClauseRef>,
    /// Content similarity of the two, 0 to 1 (0 when one is missing).
    pub similarity: f32,
    /// The word-level diff of a changed or moved clause whose text differs.
    pub inline: Vec<InlineChange>,
    /// Topics of the clause (`retention`, `contact`, …).
    pub topics: Vec<&'static str>,
}

/// What one topic looks like in the diff: how many of its clauses changed, and the values
/// (numbers, contacts, names) that differ.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TopicChange {
    /// Topic id (`retention`).
    pub topic: &'static str,
    /// Readable label (`retention period`).
    pub label: &'static str,
    /// Clauses of this topic in both, with different text.
    pub changed: usize,
    /// Clauses of this topic only in B.
    pub added: usize,
    /// Clauses of this topic only in A.
    pub removed: usize,
    /// Values only A states in these clauses.
    pub only_a: Vec<String>,
    /// Values only B states.
    pub only_b: Vec<String>,
}

/// The clause-by-clause comparison of two policies in one language.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PolicyDiff {
    /// Name of policy A (its file).
    pub a: String,
    /// Name of policy B.
    pub b: String,
    /// The language compared.
    pub lang: Lang,
    /// Overall similarity, 0 to 1: matched text weighted by length over all text.
    pub similarity: f32,
    /// Share of the text of both that is the same, word for word: the shared template.
    pub shared: f32,
    /// The operations, in the order of A with B's additions where they stand.
    pub ops: Vec<DiffOp>,
    /// What changed, topic by topic.
    pub topics: Vec<TopicChange>,
    /// The template's fill-ins: Latin-script names and registration numbers that only A
    /// states…
    pub identity_a: Vec<String>,
    /// …and as B states them.
    pub identity_b: Vec<String>,
}

impl PolicyDiff {
    /// Number of operations of a kind.
    pub fn count(&self, kind: OpKind) -> usize {
        self.ops.iter().filter(|op| op.kind == kind).count()
    }
}

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

struct Unit<'a> {
    clause: &'a Clause,
    stems: Vec<u64>,
    lower: String,
    chars: usize,
}

impl<'a> Unit<'a> {
    fn new(clause: &'a Clause) -> Unit<'a> {
        let lower = crate::normalize::fold_case(clause.text());
        Unit {
            clause,
            stems: stems(&lower),
            chars: lower.chars().count(),
            lower,
        }
    }
}

/// Word stems (the first six letters, enough to join the inflected forms of Kazakh and
/// Russian words) hashed, sorted and without repeats.
pub(crate) fn stems(lower: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let mut out: Vec<u64> = lower
        .unicode_words()
        .map(|w| {
            let stem: String = w.chars().take(6).collect();
            let mut hasher = std::hash::DefaultHasher::new();
            stem.hash(&mut hasher);
            hasher.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn dice(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (shared, na, nb) = crate::align::overlap([a, &[]], [b, &[]]);
    2.0 * shared as f32 / (na + nb) as f32
}

/// Below this stem similarity two clauses are not compared character by character.
const STEM_FILTER: f32 = 0.2;
/// A stem in more than a quarter of B's clauses (and at least this many) is no evidence.
const COMMON_STEM_MIN: usize = 50;
/// Each clause of A is compared with at most this many clauses of B.
const CANDIDATES_PER_CLAUSE: usize = 200;
/// Inside a gap between matched neighbours, clauses match from this similarity…
const GAP_THRESHOLD: f32 = 0.25;
/// …and from this one when the gap holds a single clause on each side.
const SINGLE_GAP_THRESHOLD: f32 = 0.15;

/// Content similarity of two clauses: word stems and character bigrams.
fn similarity(x: &Unit<'_>, y: &Unit<'_>) -> f32 {
    0.6 * dice(&x.stems, &y.stems) + 0.4 * strsim::sorensen_dice(&x.lower, &y.lower) as f32
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

    /// Pairs the clauses left between two matched neighbours: in a gap bounded by matches on
    /// both sides, an unmatched clause of A and one of B are most likely counterparts, so
    /// they match from a lower similarity (a rewritten retention clause that keeps only its
    /// opening words, say).
    fn fill_gaps(
        &self,
        ua: &[Unit<'_>],
        ub: &[Unit<'_>],
        match_a: &mut [Option<(usize, f32)>],
        match_b: &mut [Option<usize>],
    ) {
        let mut i = 0;
        while i < ua.len() {
            if match_a[i].is_some() {
                i += 1;
                continue;
            }
            let start = i;
            while i < ua.len() && match_a[i].is_none() {
                i += 1;
            }
            // B's gap lies between the partners of the matches around A's gap.
            let low = start
                .checked_sub(1)
                .and_then(|p| match_a[p])
                .map_or(0, |(j, _)| j + 1);
            let high = match_a
                .get(i)
                .copied()
                .flatten()
                .map_or(ub.len(), |(j, _)| j);
            if low >= high {
                continue;
            }
            let open_b: Vec<usize> = (low..high).filter(|&b| match_b[b].is_none()).collect();
            // One clause on each side of a gap with matches before and after it: the gap
            // itself says they correspond.
            let bounded = start > 0 && i < ua.len();
            let single = i - start == 1 && open_b.len() == 1;
            let threshold = if bounded && single {
                SINGLE_GAP_THRESHOLD
            } else {
                GAP_THRESHOLD
            };
            let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
            for (a, unit) in ua.iter().enumerate().take(i).skip(start) {
                for &b in &open_b {
                    let similarity = similarity(unit, &ub[b]);
                    if similarity >= threshold {
                        pairs.push((similarity, a, b));
                    }
                }
            }
            pairs.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
            for (similarity, a, b) in pairs {
                if match_a[a].is_none() && match_b[b].is_none() {
                    match_a[a] = Some((b, similarity));
                    match_b[b] = Some(a);
                }
            }
        }
    }

    /// Compares two versions in the same language.
    pub fn compare_versions(
        &self,
        a: &Version,
        b: &Version,
        a_name: String,
        b_name: String,
    ) -> PolicyDiff {
        let ua: Vec<Unit<'_>> = a
            .clauses()
            .iter()
            .filter(|c| !c.text().is_empty())
            .map(Unit::new)
            .collect();
        let ub: Vec<Unit<'_>> = b
            .clauses()
            .iter()
            .filter(|c| !c.text().is_empty())
            .map(Unit::new)
            .collect();
        // Candidates through an inverted index of B's stems, not all pairs: a stem shared by
        // most clauses (a grammatical word) is no evidence and is passed over, and each clause
        // of A keeps the clauses of B it shares the most stems with. Work grows with the
        // clauses, not with their product.
        let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
        for (j, y) in ub.iter().enumerate() {
            for &stem in &y.stems {
                postings.entry(stem).or_default().push(j);
            }
        }
        let common = (ub.len() / 4).max(COMMON_STEM_MIN);
        let (units_b, postings) = (&ub, &postings);
        let candidates: Vec<(f32, usize, usize)> = ua
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, x)| {
                let mut shared: HashMap<usize, usize> = HashMap::new();
                for stem in &x.stems {
                    if let Some(list) = postings.get(stem).filter(|l| l.len() <= common) {
                        for &j in list {
                            *shared.entry(j).or_default() += 1;
                        }
                    }
                }
                let mut best: Vec<(usize, usize)> =
                    shared.into_iter().map(|(j, n)| (n, j)).collect();
                best.sort_unstable_by(|p, q| q.cmp(p));
                best.truncate(CANDIDATES_PER_CLAUSE);
                best.into_iter().filter_map(move |(_, j)| {
                    let y = &units_b[j];
                    if dice(&x.stems, &y.stems) < STEM_FILTER {
                        return None;
                    }
                    let similarity = similarity(x, y);
                    (similarity >= self.match_threshold).then_some((similarity, i, j))
                })
            })
            .collect();
        let mut candidates = candidates;
        // Best first; ties by position, so that the result does not depend on the order of
        // the candidates.
        candidates.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
        let mut match_a: Vec<Option<(usize, f32)>> = vec![None; ua.len()];
        let mut match_b: Vec<Option<usize>> = vec![None; ub.len()];
        for (similarity, i, j) in candidates {
            if match_a[i].is_none() && match_b[j].is_none() {
                match_a[i] = Some((j, similarity));
                match_b[j] = Some(i);
            }
        }
        self.fill_gaps(&ua, &ub, &mut match_a, &mut match_b);
        let in_order = longest_increasing(&match_a);
        let clause_ref = |u: &Unit<'_>| ClauseRef {
            id: u.clause.id(),
            number: u.clause.number().map(|n| n.as_str().to_owned()),
            line: u.clause.line(),
            text: u.clause.text().to_owned(),
        };
        // Ops in A's order; B's additions after the op of the nearest matched clause before them.
        let mut ops: Vec<DiffOp> = Vec::new();
        let mut added_after: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
        let mut last_matched_a: Option<usize> = None;
        let mut b_to_a: Vec<Option<usize>> = vec![None; ub.len()];
        for (j, m) in match_b.iter().enumerate() {
            if let Some(i) = m {
                b_to_a[j] = Some(*i);
            }
        }
        for (j, m) in b_to_a.iter().enumerate() {
            match m {
                Some(i) => last_matched_a = Some(*i),
                None => added_after.entry(last_matched_a).or_default().push(j),
            }
        }
        let topic_of = |text: &str| topics_of(text, a.lang());
        let push_added =
            |ops: &mut Vec<DiffOp>,
             key: Option<usize>,
             added_after: &BTreeMap<Option<usize>, Vec<usize>>| {
                for &j in added_after.get(&key).into_iter().flatten() {
                    ops.push(DiffOp {
                        kind: OpKind::Added,
                        a: None,
                        b: Some(clause_ref(&ub[j])),
                        similarity: 0.0,
                        inline: Vec::new(),
                        topics: topic_of(&ub[j].lower),
                    });
                }
            };
        push_added(&mut ops, None, &added_after);
        // Additions follow the clauses removed at the same place, as in any diff: they are
        // written when the next matched clause (or the end) is reached.
        let mut pending: Option<usize> = None;
        for (i, x) in ua.iter().enumerate() {
            if match_a[i].is_some()
                && let Some(p) = pending.take()
            {
                push_added(&mut ops, Some(p), &added_after);
            }
            match match_a[i] {
                None => ops.push(DiffOp {
                    kind: OpKind::Removed,
                    a: Some(clause_ref(x)),
                    b: None,
                    similarity: 0.0,
                    inline: Vec::new(),
                    topics: topic_of(&x.lower),
                }),
                Some((j, similarity)) => {
                    let y = &ub[j];
                    let same = words_equal(&x.lower, &y.lower);
                    let kind = if !in_order[i] {
                        OpKind::Moved
                    } else if same {
                        OpKind::Equal
                    } else {
                        OpKind::Changed
                    };
                    let inline = if same {
                        Vec::new()
                    } else {
                        inline_diff(x.clause.text(), y.clause.text())
                    };
                    let mut topics = topic_of(&x.lower);
                    topics.extend(topic_of(&y.lower));
                    topics.sort_unstable();
                    topics.dedup();
                    ops.push(DiffOp {
                        kind,
                        a: Some(clause_ref(x)),
                        b: Some(clause_ref(y)),
                        similarity: if same {
                            1.0
                        } else {
                            (similarity * 1000.0).round() / 1000.0
                        },
                        inline,
                        topics,
                    });
                }
            }
            if match_a[i].is_some() {
                pending = Some(i);
            }
        }
        if let Some(p) = pending {
            push_added(&mut ops, Some(p), &added_after);
        }
        let total: usize =
            ua.iter().map(|u| u.chars).sum::<usize>() + ub.iter().map(|u| u.chars).sum::<usize>();
        let (mut matched, mut shared) = (0.0f32, 0usize);
        for op in &ops {
            if let (Some(x), Some(y)) = (&op.a, &op.b) {
                let weight = (x.text.chars().count() + y.text.chars().count()) as f32;
                matched += op.similarity * weight;
                if op.inline.is_empty() {
                    shared += weight as usize;
                }
            }
        }
        let ratio = |part: f32| {
            if total == 0 {
                0.0
            } else {
                ((part / total as f32) * 1000.0).round() / 1000.0
            }
        };
        let (identity_a, identity_b) = identity(&ops);
        let topics = topic_changes(&ops, &identity_a, &identity_b);
        PolicyDiff {
            a: a_name,
            b: b_name,
            lang: a.lang(),
            similarity: ratio(matched),
            shared: ratio(shared as f32),
            ops,
            topics,
            identity_a,
            identity_b,
        }
    }
}

fn words_equal(a: &str, b: &str) -> bool {
    a.unicode_words().eq(b.unicode_words())
}

/// Which matched clauses keep their relative order: the longest increasing subsequence of
/// B positions taken in A order (patience sorting, O(n log n)).
fn longest_increasing(match_a: &[Option<(usize, f32)>]) -> Vec<bool> {
    let items: Vec<(usize, usize)> = match_a
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.map(|(j, _)| (i, j)))
        .collect();
    // Unmatched clauses are never "moved".
    let mut keep: Vec<bool> = match_a.iter().map(Option::is_none).collect();
    for (i, _) in crate::align::longest_increasing_run(&items) {
        keep[i] = true;
    }
    keep
}

fn inline_diff(a: &str, b: &str) -> Vec<InlineChange> {
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

struct Topic {
    id: &'static str,
    label: &'static str,
    kk: Vec<&'static str>,
    ru: Vec<&'static str>,
}

fn topics() -> &'static [Topic] {
    static TOPICS: OnceLock<Vec<Topic>> = OnceLock::new();
    TOPICS.get_or_init(|| {
        include_str!("../data/topics.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                Some(Topic {
                    id: cols.next()?,
                    label: cols.next()?,
                    kk: cols.next()?.split(',').collect(),
                    ru: cols.next()?.split(',').collect(),
                })
            })
            .collect()
    })
}

fn topics_of(lower: &str, lang: Lang) -> Vec<&'static str> {
    let words: Vec<&str> = lower.unicode_words().collect();
    topics()
        .iter()
        .filter(|t| {
            let stems = if lang == Lang::Kk { &t.kk } else { &t.ru };
            words.iter().any(|w| stems.iter().any(|s| w.starts_with(s)))
        })
        .map(|t| t.id)
        .collect()
}

/// `(key, as written)` of the values a side of an op states: numbers, contacts, names.
fn values(side: &Option<ClauseRef>) -> Vec<(String, String)> {
    side.as_ref().map_or_else(Vec::new, |c| {
        anchors::extract(&c.text)
            .into_iter()
            .filter(|x| x.kind != AnchorKind::Name || x.raw.len() > 2)
            .map(|x| (x.key, x.raw))
            .collect()
    })
}

fn differs(op: &DiffOp) -> bool {
    !op.inline.is_empty() || op.a.is_none() || op.b.is_none()
}

/// The company's identity a template is filled in with: Latin-script names and
/// registration numbers (nine digits or more: БИН, ИИН) that one policy states and the other
/// never does. They are reported once instead of under every topic.
fn identity(ops: &[DiffOp]) -> (Vec<String>, Vec<String>) {
    let is_identity = |key: &str, raw: &str| {
        raw.chars().all(char::is_alphabetic)
            || key.len() >= 9 && key.chars().all(|c| c.is_ascii_digit())
    };
    let collect = |side: fn(&DiffOp) -> &Option<ClauseRef>| {
        let mut all: BTreeMap<String, String> = BTreeMap::new();
        for op in ops {
            for (key, raw) in values(side(op)) {
                all.entry(key).or_insert(raw);
            }
        }
        all
    };
    let (all_a, all_b) = (collect(|op| &op.a), collect(|op| &op.b));
    let only = |mine: &BTreeMap<String, String>, other: &BTreeMap<String, String>| {
        mine.iter()
            .filter(|(key, raw)| !other.contains_key(*key) && is_identity(key, raw))
            .map(|(_, raw)| raw.clone())
            .collect()
    };
    (only(&all_a, &all_b), only(&all_b, &all_a))
}

fn topic_changes(ops: &[DiffOp], identity_a: &[String], identity_b: &[String]) -> Vec<TopicChange> {
    let mut out = Vec::new();
    for topic in topics() {
        let mine: Vec<&DiffOp> = ops
            .iter()
            .filter(|op| op.topics.contains(&topic.id))
            .collect();
        let count = |f: &dyn Fn(&DiffOp) -> bool| mine.iter().filter(|op| f(op)).count();
        let changed = count(&|op| op.a.is_some() && op.b.is_some() && !op.inline.is_empty());
        let added = count(&|op| op.kind == OpKind::Added);
        let removed = count(&|op| op.kind == OpKind::Removed);
        if changed + added + removed == 0 {
            continue;
        }
        // One-sided over the topic as a whole: a value A states in one clause and B in
        // another is not a change.
        let differing: Vec<&DiffOp> = mine.iter().copied().filter(|op| differs(op)).collect();
        let side_values = |a: bool| {
            let mut all: Vec<(String, String)> = Vec::new();
            for op in &differing {
                for value in values(if a { &op.a } else { &op.b }) {
                    if !all.iter().any(|(k, _)| *k == value.0) {
                        all.push(value);
                    }
                }
            }
            all
        };
        let (values_a, values_b) = (side_values(true), side_values(false));
        let only = |mine: &[(String, String)],
                    other: &[(String, String)],
                    identity: &[String]|
         -> Vec<String> {
            mine.iter()
                .filter(|(k, raw)| {
                    !other.iter().any(|(key, _)| key == k) && !identity.contains(raw)
                })
                .map(|(_, raw)| raw.clone())
                .collect()
        };
        let only_a = only(&values_a, &values_b, identity_a);
        let only_b = only(&values_b, &values_a, identity_b);
        out.push(TopicChange {
            topic: topic.id,
            label: topic.label,
            changed,
            added,
            removed,
            only_a,
            only_b,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BilingualDocument;

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
        assert!(topic.only_a.contains(&"5".to_owned()) && topic.only_b.contains(&"3".to_owned()));
        let contact = diff.topics.iter().find(|t| t.topic == "contact").unwrap();
        assert_eq!(
            (contact.only_a.as_slice(), contact.only_b.as_slice()),
            (&["info@a.kz".to_owned()][..], &["info@b.kz".to_owned()][..])
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

    #[test]
    fn longest_increasing_keeps_the_order_of_most() {
        let m = [
            Some((0, 1.0)),
            Some((3, 1.0)),
            Some((1, 1.0)),
            Some((2, 1.0)),
            None,
        ];
        assert_eq!(longest_increasing(&m), [true, false, true, true, true]);
    }
}
