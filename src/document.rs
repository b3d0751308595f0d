//! A bilingual document: its inputs, its language versions and their clause trees.

use std::collections::BTreeMap;
use std::path::Path;

use crate::clause::{Clause, ClauseId, ClauseKind};
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::kind::Kind;
use crate::language::Lang;
use crate::load::Source;
use crate::normalize::{RepairDirection, ScriptRepair};
use crate::numbering;
use crate::read::Origin;
use crate::segment::segment;
use crate::span::Span;
use crate::split::{Layout, VersionRange, dominant_language, split_input};

/// One language version of a document: its clauses and the problems found in it.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Version {
    lang: Lang,
    source: usize,
    span: Span,
    line: usize,
    end_line: usize,
    clauses: Vec<Clause>,
    findings: Vec<Finding>,
}

impl Version {
    /// The language of this version.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Index of the input it comes from (see [`BilingualDocument::sources`]).
    pub fn source(&self) -> usize {
        self.source
    }

    /// Where it lies in its input.
    pub fn span(&self) -> Span {
        self.span
    }

    /// 1-based line where it starts in its input.
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based line where it ends.
    pub fn end_line(&self) -> usize {
        self.end_line
    }

    /// All clauses in document order.
    pub fn clauses(&self) -> &[Clause] {
        &self.clauses
    }

    /// The clause with `id`, if it belongs to this version.
    pub fn clause(&self, id: ClauseId) -> Option<&Clause> {
        (id.lang == self.lang)
            .then(|| self.clauses.get(id.index))
            .flatten()
    }

    /// The clauses at the top of the tree.
    pub fn roots(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| c.parent().is_none())
    }

    /// The first clause numbered exactly `number` as written without a trailing dot
    /// (`"9.6"` finds `9.6.` and `9.6`).
    pub fn find(&self, number: &str) -> Option<&Clause> {
        let wanted = number.trim_end_matches('.');
        self.clauses.iter().find(|c| {
            c.number()
                .is_some_and(|n| n.as_str().trim_end_matches('.') == wanted)
        })
    }

    /// How many documents the version holds, one after another (see [`Clause::part`]): 1 for
    /// a single document, more for a pack whose numbering restarts at 1 after each title; 0
    /// for a version without clauses.
    pub fn part_count(&self) -> usize {
        self.clauses.last().map_or(0, |c| c.part() + 1)
    }

    /// Numbering and script problems found in this version.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }
}

/// A legal document in Kazakh and Russian: one file holding both versions (in either order),
/// two files with one version each, or a single version whose counterpart is missing.
///
/// ```
/// use kzru_align::{BilingualDocument, Lang};
/// let text = "1. Жалпы ережелер\n\n1.1. Осы Саясат дербес деректерді қорғау туралы заңнамаға сәйкес әзірленді.\n\n\
///             1. Общие положения\n\n1.1. Настоящая Политика разработана в соответствии с законодательством о персональных данных.\n";
/// let doc = BilingualDocument::from_text("policy.txt", text)?;
/// let kk = doc.version(Lang::Kk).unwrap();
/// assert_eq!(kk.find("1.1").unwrap().line(), 3);
/// assert_eq!(doc.version(Lang::Ru).unwrap().find("1.1").unwrap().line(), 7);
/// # Ok::<(), kzru_align::Error>(())
/// ```
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct BilingualDocument {
    #[cfg_attr(feature = "serde", serde(rename = "sources"))]
    inputs: Vec<Source>,
    versions: Vec<Version>,
    findings: Vec<Finding>,
}

impl BilingualDocument {
    /// Reads a file that holds both versions, or one.
    pub fn from_path(path: impl AsRef<Path>) -> Result<BilingualDocument> {
        BilingualDocument::from_source(Source::from_path(path)?)
    }

    /// Reads two files, one version each, in either order.
    pub fn from_paths(
        first: impl AsRef<Path>,
        second: impl AsRef<Path>,
    ) -> Result<BilingualDocument> {
        BilingualDocument::from_pair(Source::from_path(first)?, Source::from_path(second)?)
    }

    /// Takes a text in memory that holds both versions, or one; `name` is used in messages.
    pub fn from_text(
        name: impl Into<String>,
        text: impl Into<String>,
    ) -> Result<BilingualDocument> {
        BilingualDocument::from_source(Source::from_text(name, text)?)
    }

    /// Decodes bytes that hold both versions, or one.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> Result<BilingualDocument> {
        BilingualDocument::from_source(Source::from_bytes(name, bytes)?)
    }

    /// Processes one loaded input that holds both versions, or one.
    ///
    /// An input holding several bilingual documents one after another (`kk, ru, kk, ru`) is
    /// an [`Error::SeveralDocuments`] naming its language blocks: read it as a
    /// [`Pack`](crate::Pack). One whose language blocks cannot be paired is an
    /// [`Error::Unsplittable`].
    pub fn from_source(source: Source) -> Result<BilingualDocument> {
        match split_input(&source)? {
            Layout::Document(ranges) => Ok(BilingualDocument::of_ranges(source, ranges, true)),
            Layout::Pack { blocks, .. } => Err(Error::SeveralDocuments {
                file: source.name().to_owned(),
                blocks,
            }),
        }
    }

    /// One document of `source` made of the versions in `ranges`; with `notices`, the
    /// parts its reader left out are reported as its findings (in a pack, by its first
    /// document only).
    pub(crate) fn of_ranges(
        source: Source,
        ranges: Vec<VersionRange>,
        notices: bool,
    ) -> BilingualDocument {
        let mut doc =
            BilingualDocument::build(vec![source], ranges.into_iter().map(|r| (0, r)).collect());
        if !notices {
            doc.findings.retain(|f| f.kind() != Kind::LeftOut);
        }
        doc
    }

    /// Processes two loaded inputs with one version each, in either order.
    pub fn from_pair(first: Source, second: Source) -> Result<BilingualDocument> {
        let first_lang = dominant_language(&first)?;
        let second_lang = dominant_language(&second)?;
        if first_lang == second_lang {
            return Err(Error::SameLanguage {
                first: first.name().to_owned(),
                second: second.name().to_owned(),
                lang: first_lang,
            });
        }
        let ranges = vec![
            (
                0,
                VersionRange {
                    lang: first_lang,
                    span: first.body(),
                },
            ),
            (
                1,
                VersionRange {
                    lang: second_lang,
                    span: second.body(),
                },
            ),
        ];
        Ok(BilingualDocument::build(vec![first, second], ranges))
    }

    fn build(inputs: Vec<Source>, ranges: Vec<(usize, VersionRange)>) -> BilingualDocument {
        let mut versions: Vec<Version> = ranges
            .into_iter()
            .map(|(index, range)| build_version(&inputs[index], index, range))
            .collect();
        versions.sort_by_key(|v| v.lang);
        let mut findings = Vec::new();
        if let [only] = versions.as_slice() {
            let input = &inputs[only.source];
            let missing = only.lang.other();
            findings.push(
                Finding::new(
                    Kind::SingleLanguage,
                    input.name(),
                    format!(
                        "only the {} version was found; the {} version ({missing}) is missing, so nothing can be compared.",
                        only.lang.name(),
                        missing.name()
                    ),
                )
                .in_lang(only.lang)
                .at(only.span, only.clauses.first().map_or(only.line, Clause::line)),
            );
        }
        findings.extend(inputs.iter().flat_map(left_out_findings));
        BilingualDocument {
            inputs,
            versions,
            findings,
        }
    }

    /// The inputs, in the order given.
    pub fn sources(&self) -> &[Source] {
        &self.inputs
    }

    /// The input a version or clause comes from.
    pub fn source(&self, index: usize) -> Option<&Source> {
        self.inputs.get(index)
    }

    /// The version in `lang`, if the document has one.
    pub fn version(&self, lang: Lang) -> Option<&Version> {
        self.versions.iter().find(|v| v.lang == lang)
    }

    /// The versions found, Kazakh first.
    pub fn versions(&self) -> &[Version] {
        &self.versions
    }

    /// The clause with `id`.
    pub fn clause(&self, id: ClauseId) -> Option<&Clause> {
        self.version(id.lang).and_then(|v| v.clause(id))
    }

    /// The original text of a clause, exactly as it stands in its input.
    pub fn original_text(&self, clause: &Clause) -> &str {
        self.inputs
            .get(clause.source())
            .map_or("", |s| s.slice(clause.span()))
    }

    /// Where a clause came from in its original file, when that file was a Word, PDF or HTML
    /// file: the paragraph (and table cell), page and line, or element path of the clause's
    /// first line. `None` for plain text, whose [`Clause::line`] is the file's own line.
    pub fn origin(&self, clause: &Clause) -> Option<&Origin> {
        self.inputs
            .get(clause.source())
            .and_then(|s| s.origin_of_line(clause.line()))
    }

    /// Findings about the document as a whole (a missing language version, a part a reader
    /// left out).
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Every finding: the document's, then each version's.
    pub fn all_findings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .chain(self.versions.iter().flat_map(|v| v.findings.iter()))
    }
}

/// One `left_out` finding per notice of a reader.
fn left_out_findings(source: &Source) -> impl Iterator<Item = Finding> + '_ {
    source.notices().iter().map(|notice| {
        let message = match &notice.origin {
            Some(origin) => format!("{origin}: {}", notice.message),
            None => notice.message.clone(),
        };
        Finding::new(Kind::LeftOut, source.name(), message)
    })
}

fn build_version(source: &Source, index: usize, range: VersionRange) -> Version {
    let segmented = segment(source, index, range.lang, range.span);
    let mut findings = numbering::check(&segmented.clauses, source.name());
    if !segmented.clauses.iter().any(|c| c.is_numbered()) {
        findings.push(
            Finding::new(
                Kind::NoNumbering,
                source.name(),
                format!(
                    "the {} version has no numbered clauses; it is split into {} paragraphs instead.",
                    range.lang.name(),
                    segmented.clauses.len()
                ),
            )
            .in_lang(range.lang)
            .at(range.span, source.line_of(range.span.start())),
        );
    }
    findings.extend(mixed_script_findings(
        source,
        range.lang,
        &segmented.repairs,
        &segmented.clauses,
    ));
    findings.sort_by_key(|f| (f.span().map(|s| s.start()), f.kind()));
    let content_end = range.span.start() + source.slice(range.span).trim_end().len();
    Version {
        lang: range.lang,
        source: index,
        span: range.span,
        line: source.line_of(range.span.start()),
        end_line: source.line_of(content_end.saturating_sub(1).max(range.span.start())),
        clauses: segmented.clauses,
        findings,
    }
}

/// One finding per distinct substitution (Latin `ə` for `ә` in 200 words is one finding
/// with a count of 200), pointing at its first occurrence.
fn mixed_script_findings(
    source: &Source,
    lang: Lang,
    repairs: &[ScriptRepair],
    clauses: &[Clause],
) -> Vec<Finding> {
    // Keyed by direction and the lower-case letter substitutions.
    type Problem = (RepairDirection, Vec<(char, char)>);
    let mut groups: BTreeMap<Problem, Vec<&ScriptRepair>> = BTreeMap::new();
    for repair in repairs {
        // Upper and lower case of one letter are one problem (`ə` and `Ə`).
        let mut letters: Vec<(char, char)> = repair
            .substitutions
            .iter()
            .map(|&(a, b)| (lower(a), lower(b)))
            .collect();
        letters.dedup();
        groups
            .entry((repair.direction, letters))
            .or_default()
            .push(repair);
    }
    let findings: Vec<Finding> = groups
        .into_iter()
        .map(|((direction, substitutions), words)| {
            let first = words[0];
            let (from, to) = match direction {
                RepairDirection::ToCyrillic => ("Latin", "Cyrillic"),
                RepairDirection::ToLatin => ("Cyrillic", "Latin"),
            };
            let letters: Vec<String> = substitutions
                .iter()
                .map(|(a, b)| {
                    let upper = a.to_uppercase().next().unwrap_or(*a);
                    format!("{a}/{upper} (U+{:04X}) for {b}", u32::from(*a))
                })
                .collect();
            let word_count = if words.len() == 1 {
                "1 word".to_owned()
            } else {
                format!("{} words", words.len())
            };
            let message = format!(
                "{from} letters typed in {to} words: {} in {word_count}, e.g. «{}» read as «{}».",
                letters.join(", "),
                first.word,
                first.repaired
            );
            let clause = clauses
                .iter()
                .find(|c| c.span().contains(first.span.start()))
                .map(Clause::id);
            Finding::new(Kind::MixedScript, source.name(), message)
                .in_lang(lang)
                .at(first.span, source.line_of(first.span.start()))
                .with_clauses(clause.into_iter().collect())
                .with_count(words.len())
        })
        .collect();
    findings
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

impl Clause {
    /// Whether this clause is a heading-like unit (title, heading or section).
    pub fn is_heading(&self) -> bool {
        matches!(
            self.kind(),
            ClauseKind::Title | ClauseKind::Heading | ClauseKind::Section
        )
    }
}
