//! Evaluation against hand-made labels: how many clauses align as a reader says, how many
//! reports are true, how many real differences are found.
//!
//! The labels are two JSON files (the format of the development set's `gold/` folder):
//!
//! - the alignment: `{NAME: {"links": [[kk_line, ru_line], …]}}`, one link per clause start,
//!   `null` on the side without counterpart; lines are 1-based lines of `NAME.kk.txt` and
//!   `NAME.ru.txt`;
//! - the divergences: `[{"doc", "id", "kinds", "where": [["kk", line], …]}, …]`, every real
//!   difference with the lines where it is.
//!
//! The rules are those of the reference scorer (`gold/score.py`), so that both print the same
//! figures on the same build:
//!
//! - a gold link is right when the Kazakh clause starting at its line is linked to the Russian
//!   clause starting at its line and to at most one more; a `null` side is right when the clause
//!   is linked to nothing;
//! - a report *cites* the start lines of its clauses; it matches a gold item when it cites one
//!   of the item's lines and its kind shares a [family](FAMILIES) with one of the item's kinds
//!   (families joined in list order, as the reference scorer joins them);
//! - reports are taken in order: one matching an item no earlier report matched is *true*,
//!   one matching only items already matched is a *duplicate*, one matching nothing is a
//!   *false alarm*; document-level facts (`no_numbering`, `single_language`, `left_out`) are not scored;
//! - an item is *found* when a report of one of its own kinds cites one of its lines. Recall is
//!   counted apart for items whose only kind is `meaning_mismatch`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::align::Aligner;
use crate::document::BilingualDocument;
use crate::language::Lang;

/// The kind name of differences only a reader sees (a party swapped, a negation lost).
pub const MEANING_MISMATCH: &str = "meaning_mismatch";

/// Kinds of divergence that are close enough for a report of one to stand for an item of
/// another: a clause numbered differently may be reported as out of sequence, a cut sentence as
/// a missing counterpart or a length mismatch.
pub const FAMILIES: [&[&str]; 4] = [
    &[
        "numbering_mismatch",
        "out_of_sequence",
        "numbering_gap",
        "duplicate_number",
        "numbering_style",
        "repeated_text",
    ],
    &[
        "missing_counterpart",
        "length_mismatch",
        "item_count_mismatch",
        "untranslated_fragment",
        "repeated_text",
        MEANING_MISMATCH,
    ],
    &[
        "number_mismatch",
        "contact_mismatch",
        "name_mismatch",
        MEANING_MISMATCH,
    ],
    &["mixed_script"],
];

/// Facts about a whole version, not scored: they cite no clause a reader could check.
const DOCUMENT_LEVEL: [&str; 3] = ["no_numbering", "single_language", "left_out"];

/// Why the labels could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum GoldError {
    /// A label file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A label file is not JSON of the expected shape.
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong there.
        message: String,
    },
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GoldError::Io { path, source } => {
                write!(f, "{}: cannot read: {source}", path.display())
            }
            GoldError::Json {
                path,
                line,
                column,
                message,
            } => write!(
                f,
                "{}:{line}:{column}: not a label file of the expected shape: {message}",
                path.display()
            ),
        }
    }
}

impl std::error::Error for GoldError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GoldError::Io { source, .. } => Some(source),
            GoldError::Json { .. } => None,
        }
    }
}

/// The gold links of one pair.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct GoldPair {
    /// `(kk_line, ru_line)`, either side `None` for a clause without counterpart.
    pub links: Vec<(Option<usize>, Option<usize>)>,
}

/// One real difference between the versions of a pair.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldItem {
    /// The pair (`NAME` of `NAME.kk.txt`).
    pub doc: String,
    /// A short name for the difference, unique within the pair.
    pub id: String,
    /// The kinds a report of it may have (crate kind names, or `meaning_mismatch`).
    pub kinds: Vec<String>,
    /// The lines where it is.
    #[serde(rename = "where")]
    pub lines: Vec<(Lang, usize)>,
}

impl GoldItem {
    fn is_meaning_only(&self) -> bool {
        self.kinds.iter().all(|kind| kind == MEANING_MISMATCH)
    }

    /// Whether a report of `kind` may stand for this item. As in the reference scorer, the
    /// families are joined in list order: once a family is taken in, a later family that
    /// overlaps what was taken so far is taken in too. `repeated_text` and `meaning_mismatch`
    /// belong to two families each, so an item of the first family admits the first three.
    fn admits(&self, kind: &str) -> bool {
        let mut admitted: BTreeSet<&str> = self.kinds.iter().map(String::as_str).collect();
        for family in FAMILIES {
            if family.iter().any(|k| admitted.contains(k)) {
                admitted.extend(family.iter().copied());
            }
        }
        admitted.contains(kind)
    }
}

/// Hand-made labels for a set of pairs.
#[derive(Clone, Debug)]
pub struct Gold {
    pairs: BTreeMap<String, GoldPair>,
    items: Vec<GoldItem>,
}

impl Gold {
    /// Reads the alignment and divergence label files.
    pub fn from_paths(
        alignment: impl AsRef<Path>,
        divergences: impl AsRef<Path>,
    ) -> Result<Gold, GoldError> {
        Ok(Gold {
            pairs: read_json(alignment.as_ref())?,
            items: read_json(divergences.as_ref())?,
        })
    }

    /// Labels from values already in memory.
    pub fn new(pairs: BTreeMap<String, GoldPair>, items: Vec<GoldItem>) -> Gold {
        Gold { pairs, items }
    }

    /// The labelled pairs, by name.
    pub fn pairs(&self) -> &BTreeMap<String, GoldPair> {
        &self.pairs
    }

    /// Every labelled difference.
    pub fn items(&self) -> &[GoldItem] {
        &self.items
    }
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, GoldError> {
    let text = std::fs::read_to_string(path).map_err(|source| GoldError::Io {
        path: path.to_owned(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| GoldError::Json {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// A count out of a total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Ratio {
    /// How many were right (true, found).
    pub hits: usize,
    /// Out of how many.
    pub total: usize,
}

impl Ratio {
    /// `hits / total`, or 0 without any.
    pub fn value(self) -> f64 {
        self.hits as f64 / self.total.max(1) as f64
    }

    fn add(&mut self, hit: bool) {
        self.hits += usize::from(hit);
        self.total += 1;
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.hits, self.total)
    }
}

/// How the reports of one pair were judged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PairScore {
    /// The pair.
    pub name: String,
    /// Gold links the alignment got right.
    pub alignment: Ratio,
    /// Reports that matched a difference no earlier report matched.
    pub true_reports: usize,
    /// Reports that matched only differences already reported.
    pub duplicates: usize,
    /// Reports that matched no difference.
    pub false_alarms: usize,
    /// Why the pair could not be read, if it could not (all its links then count as wrong).
    pub error: Option<String>,
}

/// A report that matched no labelled difference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FalseAlarm {
    /// The pair.
    pub doc: String,
    /// The report's kind.
    pub kind: String,
    /// The lines it cites.
    pub lines: Vec<(Lang, usize)>,
    /// Its message.
    pub message: String,
}

/// A labelled difference that no report of its kinds cited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Miss {
    /// The pair.
    pub doc: String,
    /// The item's id.
    pub id: String,
    /// Its kinds.
    pub kinds: Vec<String>,
    /// Its lines.
    pub lines: Vec<(Lang, usize)>,
}

/// Precision and recall of one kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KindScore {
    /// Reports of this kind that were true.
    pub true_reports: usize,
    /// Reports of this kind that were duplicates.
    pub duplicates: usize,
    /// Reports of this kind that matched nothing.
    pub false_alarms: usize,
    /// Labelled differences of this kind found by a report of this kind.
    pub found: usize,
    /// Labelled differences of this kind.
    pub items: usize,
}

/// Everything an evaluation measured.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Evaluation {
    /// Per pair, in name order.
    pub pairs: Vec<PairScore>,
    /// Gold links right, over all pairs.
    pub alignment: Ratio,
    /// True reports over true reports and false alarms.
    pub precision: Ratio,
    /// Reports that repeated a fact already reported.
    pub duplicates: usize,
    /// Found differences that have a kind other than `meaning_mismatch`.
    pub recall: Ratio,
    /// Found differences whose only kind is `meaning_mismatch`.
    pub meaning_recall: Ratio,
    /// Per kind, by name.
    pub by_kind: BTreeMap<String, KindScore>,
    /// Every false alarm, pair by pair in report order.
    pub false_alarms: Vec<FalseAlarm>,
    /// Every missed difference: first those with a lexical kind, then the meaning-only ones.
    pub misses: Vec<Miss>,
}

impl Evaluation {
    /// The one-line summary, in the reference scorer's words.
    pub fn summary(&self) -> String {
        format!(
            "alignment {} = {:.3}; precision {} = {:.2} ({} duplicates); recall {} = {:.2}; meaning-only {}",
            self.alignment,
            self.alignment.value(),
            self.precision,
            self.precision.value(),
            self.duplicates,
            self.recall,
            self.recall.value(),
            self.meaning_recall,
        )
    }
}

/// Whether the pair `name` is given to the reader Kazakh file first. Half of the pairs come
/// Russian first, as the reference scorer does, because the reader must tell the languages
/// itself.
pub fn kazakh_first(name: &str) -> bool {
    name.bytes().map(usize::from).sum::<usize>() % 2 == 1
}

/// Aligns every labelled pair found in `dir` (`NAME.kk.txt`, `NAME.ru.txt`) with `aligner` and
/// scores it against `gold`.
pub fn evaluate(dir: &Path, gold: &Gold, aligner: &Aligner) -> Evaluation {
    let mut evaluation = Evaluation::default();
    let mut found: BTreeSet<usize> = BTreeSet::new();
    for (name, pair) in &gold.pairs {
        let kk = dir.join(format!("{name}.kk.txt"));
        let ru = dir.join(format!("{name}.ru.txt"));
        let read = if kazakh_first(name) {
            BilingualDocument::from_paths(&kk, &ru)
        } else {
            BilingualDocument::from_paths(&ru, &kk)
        };
        let mut score = PairScore {
            name: name.clone(),
            ..PairScore::default()
        };
        match read {
            Ok(doc) => {
                let alignment = aligner.align(&doc);
                score.alignment = score_links(&doc, alignment.links(), pair);
                let reports = alignment.divergences().iter().map(|d| Report {
                    kind: d.kind().name(),
                    lines: Lang::ALL
                        .iter()
                        .flat_map(|&lang| d.lines().get(lang).iter().map(move |&l| (lang, l)))
                        .collect(),
                    message: d.message(),
                });
                score_reports(name, reports, gold, &mut score, &mut evaluation, &mut found);
            }
            Err(err) => {
                score.alignment.total = pair.links.len();
                score.error = Some(err.to_string());
            }
        }
        evaluation.alignment.hits += score.alignment.hits;
        evaluation.alignment.total += score.alignment.total;
        evaluation.pairs.push(score);
    }
    recall(gold, &found, &mut evaluation);
    evaluation
}

/// The (language, start line) pairs a report cites or an item is labelled with.
type Places = BTreeSet<(Lang, usize)>;

/// One report as the scorer sees it.
struct Report<'a> {
    kind: &'a str,
    lines: Places,
    message: &'a str,
}

fn score_links(doc: &BilingualDocument, links: &[crate::Link], gold: &GoldPair) -> Ratio {
    // (lang, start line) of a clause → the (lang, start lines) it is linked to. Two clauses
    // starting on one line share an entry: the later link wins, as in the reference scorer.
    let mut linked: HashMap<(Lang, usize), Places> = HashMap::new();
    let at = |id| doc.clause(id).map(|c| (c.lang(), c.line()));
    for link in links {
        let kk: BTreeSet<_> = link.kk().iter().filter_map(|&id| at(id)).collect();
        let ru: BTreeSet<_> = link.ru().iter().filter_map(|&id| at(id)).collect();
        for &start in &kk {
            linked.insert(start, ru.clone());
        }
        for &start in &ru {
            linked.insert(start, kk.clone());
        }
    }
    let mut ratio = Ratio::default();
    for &(kk, ru) in &gold.links {
        let right = match (kk, ru) {
            (Some(kk), Some(ru)) => linked
                .get(&(Lang::Kk, kk))
                .is_some_and(|got| got.contains(&(Lang::Ru, ru)) && got.len() <= 2),
            (Some(kk), None) => linked.get(&(Lang::Kk, kk)).is_some_and(BTreeSet::is_empty),
            (None, Some(ru)) => linked.get(&(Lang::Ru, ru)).is_some_and(BTreeSet::is_empty),
            (None, None) => false,
        };
        ratio.add(right);
    }
    ratio
}

fn score_reports<'a>(
    name: &str,
    reports: impl Iterator<Item = Report<'a>>,
    gold: &Gold,
    score: &mut PairScore,
    evaluation: &mut Evaluation,
    found: &mut BTreeSet<usize>,
) {
    let mine: Vec<(usize, &GoldItem, Places)> = gold
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.doc == name)
        .map(|(i, item)| (i, item, item.lines.iter().copied().collect()))
        .collect();
    let mut used: BTreeSet<usize> = BTreeSet::new();
    for report in reports {
        if DOCUMENT_LEVEL.contains(&report.kind) {
            continue;
        }
        let cites = |lines: &Places| !lines.is_disjoint(&report.lines);
        let hits: Vec<usize> = mine
            .iter()
            .filter(|(_, item, lines)| item.admits(report.kind) && cites(lines))
            .map(|(i, _, _)| *i)
            .collect();
        found.extend(
            mine.iter()
                .filter(|(_, item, lines)| {
                    item.kinds.iter().any(|k| k == report.kind) && cites(lines)
                })
                .map(|(i, _, _)| *i),
        );
        let by_kind = evaluation
            .by_kind
            .entry(report.kind.to_owned())
            .or_default();
        if hits.is_empty() {
            score.false_alarms += 1;
            by_kind.false_alarms += 1;
            evaluation.false_alarms.push(FalseAlarm {
                doc: name.to_owned(),
                kind: report.kind.to_owned(),
                lines: report.lines.iter().copied().collect(),
                message: report.message.to_owned(),
            });
        } else if hits.iter().any(|i| !used.contains(i)) {
            score.true_reports += 1;
            by_kind.true_reports += 1;
            used.extend(hits);
        } else {
            score.duplicates += 1;
            by_kind.duplicates += 1;
        }
    }
    evaluation.precision.hits += score.true_reports;
    evaluation.precision.total += score.true_reports + score.false_alarms;
    evaluation.duplicates += score.duplicates;
}

fn recall(gold: &Gold, found: &BTreeSet<usize>, evaluation: &mut Evaluation) {
    let labelled = |item: &GoldItem| gold.pairs.contains_key(&item.doc);
    let (meaning, lexical): (Vec<_>, Vec<_>) = gold
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| labelled(item))
        .partition(|(_, item)| item.is_meaning_only());
    for (ratio, items) in [
        (&mut evaluation.recall, &lexical),
        (&mut evaluation.meaning_recall, &meaning),
    ] {
        for (i, _) in items {
            ratio.add(found.contains(i));
        }
    }
    for (i, item) in lexical.iter().chain(&meaning) {
        for kind in &item.kinds {
            let by_kind = evaluation.by_kind.entry(kind.clone()).or_default();
            by_kind.items += 1;
            by_kind.found += usize::from(found.contains(i));
        }
        if !found.contains(i) {
            evaluation.misses.push(Miss {
                doc: item.doc.clone(),
                id: item.id.clone(),
                kinds: item.kinds.clone(),
                lines: item.lines.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(doc: &str, id: &str, kinds: &[&str], lines: &[(Lang, usize)]) -> GoldItem {
        GoldItem {
            doc: doc.to_owned(),
            id: id.to_owned(),
            kinds: kinds.iter().map(|k| (*k).to_owned()).collect(),
            lines: lines.to_vec(),
        }
    }

    fn report<'a>(kind: &'a str, lines: &[(Lang, usize)]) -> Report<'a> {
        Report {
            kind,
            lines: lines.iter().copied().collect(),
            message: "",
        }
    }

    #[test]
    fn families_admit_close_kinds_only() {
        let cut = item("d", "cut", &["length_mismatch"], &[]);
        assert!(cut.admits("length_mismatch"));
        assert!(cut.admits("missing_counterpart"));
        // The second family takes in the third through `meaning_mismatch`.
        assert!(cut.admits("number_mismatch"));
        assert!(!cut.admits("numbering_gap"));
        let meaning = item("d", "party", &[MEANING_MISMATCH], &[]);
        assert!(meaning.admits("name_mismatch"));
        assert!(meaning.admits("length_mismatch"));
        assert!(!meaning.admits("numbering_gap"));
        // Joined in list order: a numbering item takes in the second family through
        // `repeated_text`, then the third through `meaning_mismatch`.
        let gap = item("d", "gap", &["numbering_gap"], &[]);
        assert!(gap.admits("name_mismatch"));
        assert!(!gap.admits("mixed_script"));
        // …but a third-family item does not take in the second: it comes before.
        let number = item("d", "n", &["number_mismatch"], &[]);
        assert!(!number.admits("length_mismatch"));
    }

    #[test]
    fn reports_are_true_duplicate_or_false_in_order() {
        let gold = Gold::new(
            BTreeMap::from([("d".to_owned(), GoldPair::default())]),
            vec![
                item(
                    "d",
                    "date",
                    &["number_mismatch"],
                    &[(Lang::Kk, 4), (Lang::Ru, 4)],
                ),
                item("d", "gap", &["numbering_gap"], &[(Lang::Kk, 9)]),
                item("other", "x", &["number_mismatch"], &[(Lang::Kk, 4)]),
            ],
        );
        let mut evaluation = Evaluation::default();
        let mut score = PairScore::default();
        let mut found = BTreeSet::new();
        let reports = [
            // Cites the date's line with a kind of its family: true, but not "found" (the kind
            // is not the item's own).
            report("name_mismatch", &[(Lang::Ru, 4)]),
            // The same fact again: a duplicate; its own kind makes the item found.
            report("number_mismatch", &[(Lang::Kk, 4)]),
            // A kind of another family on the gap's line: a false alarm.
            report("mixed_script", &[(Lang::Kk, 9)]),
            // Document-level facts are not scored.
            report("single_language", &[(Lang::Kk, 1)]),
        ];
        score_reports(
            "d",
            reports.into_iter(),
            &gold,
            &mut score,
            &mut evaluation,
            &mut found,
        );
        assert_eq!(
            (score.true_reports, score.duplicates, score.false_alarms),
            (1, 1, 1)
        );
        assert_eq!(found, BTreeSet::from([0]));
        assert_eq!(evaluation.precision, Ratio { hits: 1, total: 2 });
        recall(&gold, &found, &mut evaluation);
        assert_eq!(evaluation.recall, Ratio { hits: 1, total: 2 });
        assert_eq!(evaluation.misses.len(), 1);
        assert_eq!(evaluation.misses[0].id, "gap");
        assert_eq!(evaluation.by_kind["number_mismatch"].found, 1);
        assert_eq!(evaluation.by_kind["mixed_script"].false_alarms, 1);
    }

    #[test]
    fn gold_links_are_scored_on_start_lines() {
        let text = "1. Жалпы ережелер қолданылады.\n2. Тараптардың құқықтары мен міндеттері.\n\n\
                    1. Общие положения применяются.\n2. Права и обязанности сторон.\n";
        let doc = BilingualDocument::from_text("pair.txt", text).unwrap();
        let alignment = Aligner::new().align(&doc);
        let gold = GoldPair {
            links: vec![
                (Some(1), Some(4)),
                (Some(2), Some(5)),
                (Some(2), None),
                (None, Some(4)),
            ],
        };
        let ratio = score_links(&doc, alignment.links(), &gold);
        assert_eq!(ratio, Ratio { hits: 2, total: 4 });
    }

    #[test]
    fn half_of_the_pairs_come_russian_first() {
        assert!(kazakh_first("a"));
        assert!(!kazakh_first("b"));
    }

    #[test]
    fn bad_label_files_name_the_file_and_place() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("alignment.json");
        std::fs::write(&bad, "{\"x\": {\"links\": [[1, \"two\"]]}}").unwrap();
        let err = Gold::from_paths(&bad, &bad).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("{}:1:", bad.display())),
            "{message}"
        );
        let missing = dir.path().join("none.json");
        let err = Gold::from_paths(&missing, &missing).unwrap_err();
        assert!(matches!(err, GoldError::Io { .. }), "{err}");
    }
}
