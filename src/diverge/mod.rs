//! Divergences: every place where the Kazakh and the Russian versions disagree.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use crate::anchors::{self, Anchor, AnchorKind};
use crate::clause::{Clause, ClauseId, ClauseKind};
use crate::document::{BilingualDocument, Version};
use crate::kind::{Kind, Severity};
use crate::language::{
    ByLang, Evidence, Lang, detect_language, is_cyrillic_letter, is_kazakh_only_letter,
};
use crate::length::LengthModel;
use crate::link::Link;
use crate::normalize::normalize;
use crate::number::ClauseNumber;

/// The 1-based lines of a divergence, each in its own version's file.
pub type Lines = ByLang<Vec<usize>>;

/// One disagreement between the versions, with the clauses and lines to check it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Divergence {
    kind: Kind,
    severity: Severity,
    #[cfg_attr(feature = "serde", serde(flatten))]
    clauses: ByLang<Vec<ClauseId>>,
    lines: Lines,
    message: String,
}

impl Divergence {
    /// What kind of disagreement.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// How serious it is.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The clauses involved on the side of `lang`.
    pub fn side(&self, lang: Lang) -> &[ClauseId] {
        self.clauses.get(lang)
    }

    /// The clauses involved on both sides.
    pub fn clauses(&self) -> &ByLang<Vec<ClauseId>> {
        &self.clauses
    }

    /// The lines in each version's file.
    pub fn lines(&self) -> &Lines {
        &self.lines
    }

    /// A plain-language message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Divergence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines = |l: &[usize]| l.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
        write!(f, "{} [{}]", self.severity, self.kind)?;
        if !self.lines.kk.is_empty() {
            write!(f, " kk:{}", lines(&self.lines.kk))?;
        }
        if !self.lines.ru.is_empty() {
            write!(f, " ru:{}", lines(&self.lines.ru))?;
        }
        write!(f, ": {}", self.message)
    }
}

struct Builder<'d> {
    doc: &'d BilingualDocument,
    out: Vec<(usize, Divergence)>,
}

impl Builder<'_> {
    fn push(
        &mut self,
        order: usize,
        kind: Kind,
        severity: Severity,
        mut ids: Vec<ClauseId>,
        message: String,
    ) {
        ids.sort();
        ids.dedup();
        let (kk, ru): (Vec<ClauseId>, Vec<ClauseId>) =
            ids.into_iter().partition(|id| id.lang == Lang::Kk);
        let line_of = |id: &ClauseId| self.doc.clause(*id).map(Clause::line);
        let lines = Lines {
            kk: kk.iter().filter_map(line_of).collect(),
            ru: ru.iter().filter_map(line_of).collect(),
        };
        self.out.push((
            order,
            Divergence {
                kind,
                severity,
                clauses: ByLang { kk, ru },
                lines,
                message,
            },
        ));
    }
}

fn label(clause: &Clause) -> String {
    match clause.number() {
        Some(n) => format!("{} {}", clause.lang(), n.as_str()),
        None => format!(
            "{} {} at line {}",
            clause.lang(),
            clause.kind(),
            clause.line()
        ),
    }
}

fn quote(text: &str, words: usize) -> String {
    let mut out: Vec<&str> = text.split_whitespace().take(words + 1).collect();
    let more = out.len() > words;
    out.truncate(words);
    format!("«{}{}»", out.join(" "), if more { " …" } else { "" })
}

/// Finds every divergence of an aligned document.
/// Finds every divergence of an aligned document; `anchors` holds each clause's anchors when
/// the aligner extracted them already.
pub(crate) fn find(
    doc: &BilingualDocument,
    links: &[Link],
    anchors: Option<&ByLang<Vec<Vec<Anchor>>>>,
) -> Vec<Divergence> {
    let mut builder = Builder {
        doc,
        out: Vec::new(),
    };
    let mut link_index: HashMap<ClauseId, usize> = HashMap::new();
    for (index, link) in links.iter().enumerate() {
        for &id in link.kk().iter().chain(link.ru()) {
            link_index.insert(id, index);
        }
    }
    let order_of = |ids: &[ClauseId]| {
        ids.iter()
            .filter_map(|id| link_index.get(id))
            .min()
            .copied()
            .unwrap_or(0)
    };
    for finding in doc.all_findings() {
        let ids = finding.clauses().to_vec();
        let order = order_of(&ids);
        builder.push(
            order,
            finding.kind(),
            finding.severity(),
            ids,
            finding.message().to_owned(),
        );
        if let (Some(line), true) = (finding.line(), finding.clauses().is_empty()) {
            let last = builder.out.len() - 1;
            if let Some(lang) = finding.lang() {
                builder.out[last].1.lines.get_mut(lang).push(line);
            }
        }
    }
    if let (Some(kk), Some(ru)) = (doc.version(Lang::Kk), doc.version(Lang::Ru)) {
        missing_counterparts(&mut builder, links, doc);
        let model = document_length_model(links, kk, ru);
        // Each link and each clause is judged on its own: in parallel, each task with its own
        // builder; the final sort makes the order independent of the threads.
        let compared: Vec<(usize, Divergence)> = links
            .par_iter()
            .enumerate()
            .filter(|(_, link)| !link.is_unmatched())
            .flat_map_iter(|(order, link)| {
                let mut local = Builder {
                    doc,
                    out: Vec::new(),
                };
                compare_link(&mut local, order, link, kk, ru, model, anchors);
                local.out
            })
            .collect();
        builder.out.extend(compared);
        item_counts(&mut builder, links, kk, ru);
        for version in [kk, ru] {
            let fragments: Vec<(usize, Divergence)> = version
                .clauses()
                .par_iter()
                .flat_map_iter(|clause| {
                    let mut local = Builder {
                        doc,
                        out: Vec::new(),
                    };
                    untranslated_fragments(&mut local, version, clause, &order_of);
                    local.out
                })
                .collect();
            builder.out.extend(fragments);
        }
    }
    for version in doc.versions() {
        repeated_text(&mut builder, version, &order_of);
    }
    let mut out = builder.out;
    out.sort_by_key(|(order, d)| (*order, d.kind));
    out.into_iter().map(|(_, d)| d).collect()
}

/// Runs of consecutive unmatched clauses of one language become one divergence each.
fn missing_counterparts(builder: &mut Builder<'_>, links: &[Link], doc: &BilingualDocument) {
    let mut index = 0;
    while index < links.len() {
        let link = &links[index];
        if !link.is_unmatched() {
            index += 1;
            continue;
        }
        let lang = if link.kk().is_empty() {
            Lang::Ru
        } else {
            Lang::Kk
        };
        let start = index;
        let mut ids = Vec::new();
        while index < links.len()
            && links[index].is_unmatched()
            && !links[index].side(lang).is_empty()
        {
            ids.extend_from_slice(links[index].side(lang));
            index += 1;
        }
        let clauses: Vec<&Clause> = ids.iter().filter_map(|&id| doc.clause(id)).collect();
        let substantial = clauses
            .iter()
            .any(|c| c.is_numbered() || c.text().chars().count() >= 60);
        let severity = if substantial {
            Severity::Error
        } else {
            Severity::Warning
        };
        let Some(first) = clauses.first() else {
            continue;
        };
        let message = if clauses.len() == 1 {
            format!(
                "{} has no {} counterpart: {}",
                label(first),
                lang.other().name(),
                quote(first.text(), 12)
            )
        } else {
            format!(
                "{} clauses from {} on have no {} counterpart, starting {}",
                clauses.len(),
                label(first),
                lang.other().name(),
                quote(first.text(), 12)
            )
        };
        builder.push(start, Kind::MissingCounterpart, severity, ids, message);
    }
}

/// The document's own length model, from its clauses that align with equal numbers: a
/// condensed translation is judged against itself, not against a close one.
fn document_length_model(links: &[Link], kk: &Version, ru: &Version) -> LengthModel {
    let pairs: Vec<(usize, usize)> = links
        .iter()
        .filter_map(|link| match (link.kk(), link.ru()) {
            ([a], [b]) => Some((kk.clause(*a)?, ru.clause(*b)?)),
            _ => None,
        })
        .filter(|(a, b)| {
            a.number().is_some()
                && a.number().map(|n| n.components()) == b.number().map(|n| n.components())
        })
        .map(|(a, b)| (a.text().chars().count(), b.text().chars().count()))
        .collect();
    LengthModel::estimate(&pairs)
}

fn compare_link(
    builder: &mut Builder<'_>,
    order: usize,
    link: &Link,
    kk: &Version,
    ru: &Version,
    model: LengthModel,
    known: Option<&ByLang<Vec<Vec<Anchor>>>>,
) {
    let a: Vec<&Clause> = link.kk().iter().filter_map(|&id| kk.clause(id)).collect();
    let b: Vec<&Clause> = link.ru().iter().filter_map(|&id| ru.clause(id)).collect();
    let ids: Vec<ClauseId> = link.kk().iter().chain(link.ru()).copied().collect();
    let (Some(&first_a), Some(&first_b)) = (a.first(), b.first()) else {
        return;
    };
    if let (Some(na), Some(nb)) = (first_a.number(), first_b.number())
        && na.components() != nb.components()
        && na.style() == nb.style()
    {
        builder.push(
            order,
            Kind::NumberingMismatch,
            Kind::NumberingMismatch.severity(),
            ids.clone(),
            format!(
                "the same clause is numbered {} in Kazakh (line {}) and {} in Russian (line {}).",
                na.as_str(),
                first_a.line(),
                nb.as_str(),
                first_b.line()
            ),
        );
    }
    let of = |clause: &Clause| match known.and_then(|k| k.get(clause.lang()).get(clause.id().index))
    {
        Some(found) => found.clone(),
        None => anchors::extract(clause.text()),
    };
    let anchors_a: Vec<Anchor> = a.iter().flat_map(|c| of(c)).collect();
    let anchors_b: Vec<Anchor> = b.iter().flat_map(|c| of(c)).collect();
    compare_anchors(builder, order, &ids, &anchors_a, &anchors_b);
    if a.len() == 1 && b.len() == 1 {
        length(builder, order, &ids, first_a, first_b, model);
    }
}

fn keys(anchors: &[Anchor], pred: impl Fn(AnchorKind) -> bool) -> BTreeSet<&str> {
    anchors
        .iter()
        .filter(|x| pred(x.kind))
        .map(|x| x.key.as_str())
        .collect()
}

fn raws<'a>(
    anchors: &'a [Anchor],
    keys: &BTreeSet<&str>,
    pred: impl Fn(AnchorKind) -> bool,
) -> Vec<&'a str> {
    let mut out: Vec<&str> = anchors
        .iter()
        .filter(|x| pred(x.kind) && keys.contains(x.key.as_str()))
        .map(|x| x.raw.as_str())
        .collect();
    out.dedup();
    out
}

fn compare_anchors(
    builder: &mut Builder<'_>,
    order: usize,
    ids: &[ClauseId],
    a: &[Anchor],
    b: &[Anchor],
) {
    // What each kind compares: its anchors, and how the message names them.
    type Comparison = (Kind, fn(AnchorKind) -> bool, &'static str);
    let groups: [Comparison; 3] = [
        (
            Kind::NumberMismatch,
            |k| matches!(k, AnchorKind::Number | AnchorKind::Identifier),
            "numbers",
        ),
        (Kind::ContactMismatch, AnchorKind::is_contact, "contacts"),
        (
            Kind::NameMismatch,
            |k| k == AnchorKind::Name,
            "Latin-script names",
        ),
    ];
    for (kind, pred, what) in groups {
        let (ka, kb) = (keys(a, pred), keys(b, pred));
        let only_a: BTreeSet<&str> = ka.difference(&kb).copied().collect();
        let only_b: BTreeSet<&str> = kb.difference(&ka).copied().collect();
        if !only_a.is_empty() || !only_b.is_empty() {
            let sides: Vec<String> = [
                (Lang::Kk, raws(a, &only_a, pred)),
                (Lang::Ru, raws(b, &only_b, pred)),
            ]
            .into_iter()
            .filter(|(_, raw)| !raw.is_empty())
            .map(|(lang, raw)| format!("only in {}: {}", lang.name(), raw.join(", ")))
            .collect();
            let message = format!("{what} differ; {}.", sides.join("; "));
            builder.push(order, kind, kind.severity(), ids.to_vec(), message);
        }
        if kind == Kind::NumberMismatch {
            // The same identifier with its letter typed in the other script: 94-V and 94-В.
            for x in a.iter().filter(|x| x.kind == AnchorKind::Identifier) {
                if let Some(y) = b
                    .iter()
                    .find(|y| y.kind == AnchorKind::Identifier && y.key == x.key && y.raw != x.raw)
                {
                    let script = |s: &str| {
                        if s.chars().any(crate::language::is_cyrillic) {
                            "Cyrillic"
                        } else {
                            "Latin"
                        }
                    };
                    builder.push(
                        order,
                        kind,
                        Severity::Warning,
                        ids.to_vec(),
                        format!(
                            "identifier {} in Kazakh is {} in Russian: its letter is {} on one side and {} on the other.",
                            x.raw,
                            y.raw,
                            script(&x.raw),
                            script(&y.raw)
                        ),
                    );
                }
            }
        }
    }
}

/// Gale–Church deviations beyond this many standard deviations are reported.
const LENGTH_LIMIT: f64 = 4.0;
/// Clauses shorter than this (in characters, both sides) are not judged by length.
const LENGTH_MIN_CHARS: usize = 40;

fn length(
    builder: &mut Builder<'_>,
    order: usize,
    ids: &[ClauseId],
    a: &Clause,
    b: &Clause,
    model: LengthModel,
) {
    let (la, lb) = (a.text().chars().count(), b.text().chars().count());
    if la.max(lb) < LENGTH_MIN_CHARS {
        return;
    }
    let delta = model.delta(la, lb);
    if delta.abs() > LENGTH_LIMIT {
        let expected = (la as f64 * model.ratio).round();
        let (shorter, longer) = if delta < 0.0 { (b, a) } else { (a, b) };
        builder.push(
            order,
            Kind::LengthMismatch,
            Kind::LengthMismatch.severity(),
            ids.to_vec(),
            format!(
                "{} is {} characters, {} {} (about {expected} expected): {} may be cut short or {} padded.",
                label(b),
                lb,
                if delta < 0.0 { "much shorter than" } else { "much longer than" },
                label(a),
                label(shorter),
                label(longer)
            ),
        );
    }
}

/// List items below a clause, not counting those of numbered sub-clauses nor the items
/// that only introduce a sub-list (`• Пайдаланушы ұсынатын деректер:`), so that one version
/// nesting its list by indentation and the other writing it flat count the same.
fn list_items(clause: &Clause, version: &Version) -> usize {
    // An explicit stack rather than recursion: a list nested ten thousand levels deep must
    // not overflow the stack of a worker thread.
    let mut count = 0;
    let mut stack: Vec<ClauseId> = clause.children().to_vec();
    while let Some(id) = stack.pop() {
        let Some(child) = version.clause(id) else {
            continue;
        };
        if child.number().is_some_and(ClauseNumber::is_hierarchical) {
            continue;
        }
        let is_item = matches!(child.kind(), ClauseKind::Item | ClauseKind::Bullet);
        let has_items = child
            .children()
            .iter()
            .filter_map(|&c| version.clause(c))
            .any(|c| {
                matches!(c.kind(), ClauseKind::Item | ClauseKind::Bullet)
                    && !c.number().is_some_and(ClauseNumber::is_hierarchical)
            });
        let introduces = has_items && child.text().ends_with(':');
        count += usize::from(is_item && !introduces);
        stack.extend_from_slice(child.children());
    }
    count
}

fn is_ancestor(ancestor: &Clause, clause: &Clause, version: &Version) -> bool {
    let mut cursor = clause.parent();
    while let Some(id) = cursor {
        if id == ancestor.id() {
            return true;
        }
        cursor = version.clause(id).and_then(Clause::parent);
    }
    false
}

/// Lists of different length in linked clauses. A difference deep in a list also shows in
/// every clause above it; it is reported once, where it is.
fn item_counts(builder: &mut Builder<'_>, links: &[Link], kk: &Version, ru: &Version) {
    let mut found: Vec<(usize, &Clause, &Clause, usize, usize)> = Vec::new();
    for (order, link) in links.iter().enumerate() {
        let ([a], [b]) = (link.kk(), link.ru()) else {
            continue;
        };
        let (Some(a), Some(b)) = (kk.clause(*a), ru.clause(*b)) else {
            continue;
        };
        let (na, nb) = (list_items(a, kk), list_items(b, ru));
        // A list missing on one side altogether is a missing counterpart, reported as such.
        if na != nb && na > 0 && nb > 0 {
            found.push((order, a, b, na, nb));
        }
    }
    for &(order, a, b, na, nb) in &found {
        let deeper = found.iter().any(|&(_, x, y, nx, ny)| {
            (x.id() != a.id() || y.id() != b.id())
                && nx.abs_diff(ny) == na.abs_diff(nb)
                && is_ancestor(a, x, kk)
                && is_ancestor(b, y, ru)
        });
        if !deeper {
            builder.push(
                order,
                Kind::ItemCountMismatch,
                Kind::ItemCountMismatch.severity(),
                vec![a.id(), b.id()],
                format!("{} lists {na} items, {} lists {nb}.", label(a), label(b)),
            );
        }
    }
}

/// Pieces of a clause's original text (table cells, lines, sentences) written in the other
/// language.
fn untranslated_fragments(
    builder: &mut Builder<'_>,
    version: &Version,
    clause: &Clause,
    order_of: &(impl Fn(&[ClauseId]) -> usize + Sync),
) {
    let doc = builder.doc;
    let other = version.lang().other();
    {
        let original = doc.original_text(clause);
        for cell in original.split(['\t', '\n', '\r']) {
            // Sentences end at their punctuation; a rough split is enough to find a sentence
            // of the other language, and far cheaper than full sentence segmentation.
            for sentence in cell.split_inclusive(['.', '!', '?', ';']) {
                // Most sentences are plainly in their version's language: a Kazakh sentence has
                // Kazakh-only letters, a Russian one none. Only the others are worth a detector.
                let (mut kazakh, mut cyrillic) = (0usize, 0usize);
                for c in sentence.chars() {
                    if is_kazakh_only_letter(c) {
                        kazakh += 1;
                    } else if is_cyrillic_letter(c) {
                        cyrillic += 1;
                    }
                }
                let suspicious = match other {
                    Lang::Ru => kazakh == 0 && cyrillic >= 15,
                    Lang::Kk => kazakh > 0,
                };
                if !suspicious {
                    continue;
                }
                let text = normalize(sentence);
                let text = text.text();
                let words = text.unicode_words().count();
                if words < 2 {
                    continue;
                }
                let guess = detect_language(text);
                let strong = match (other, guess.evidence) {
                    (_, Evidence::Letters) => true,
                    (Lang::Ru, Evidence::Detector) => {
                        guess.confidence >= 0.95 && guess.cyrillic_letters >= 15
                    }
                    _ => false,
                };
                if guess.lang == Some(other) && strong {
                    builder.push(
                        order_of(&[clause.id()]),
                        Kind::UntranslatedFragment,
                        Kind::UntranslatedFragment.severity(),
                        vec![clause.id()],
                        format!(
                            "{} text inside the {} version, {}: {}",
                            other.name(),
                            version.lang().name(),
                            label(clause),
                            quote(text, 12)
                        ),
                    );
                }
            }
        }
    }
}

/// Siblings with the same text: a list item or clause written twice.
fn repeated_text(
    builder: &mut Builder<'_>,
    version: &Version,
    order_of: &impl Fn(&[ClauseId]) -> usize,
) {
    // Equal texts have equal lengths (case folding keeps the length of Cyrillic and Latin
    // letters), so only clauses that share a parent and a length are compared.
    let mut buckets: HashMap<(Option<ClauseId>, usize), Vec<&Clause>> = HashMap::new();
    for clause in version
        .clauses()
        .iter()
        .filter(|c| c.text().chars().count() >= 15)
    {
        buckets
            .entry((clause.parent(), clause.text().len()))
            .or_default()
            .push(clause);
    }
    let mut groups: Vec<Vec<&Clause>> = buckets.into_values().filter(|b| b.len() > 1).collect();
    groups.sort_by_key(|g| g[0].id());
    for group in groups {
        let mut seen: HashMap<String, ClauseId> = HashMap::new();
        for clause in group {
            let key = crate::normalize::fold_case(clause.text());
            match seen.get(&key) {
                Some(&first) => {
                    let first_line = version.clause(first).map_or(0, Clause::line);
                    builder.push(
                        order_of(&[clause.id()]),
                        Kind::RepeatedText,
                        Kind::RepeatedText.severity(),
                        vec![clause.id(), first],
                        format!(
                            "{} repeats line {first_line} word for word: {}",
                            label(clause),
                            quote(clause.text(), 10)
                        ),
                    );
                }
                None => {
                    seen.insert(key, clause.id());
                }
            }
        }
    }
}
