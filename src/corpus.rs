//! Corpus analysis: every document of a folder processed in parallel, the similarity of the
//! policies per language, and their template families.
//!
//! Policies are compared through the sets of five-word shingles of their text. Finding the
//! similar pairs among thousands of documents does not compare every pair: each shingle set
//! gets a MinHash signature, and only documents that agree on a whole band of the signature
//! (locality-sensitive hashing, 64 bands of 2 rows) become candidates, whose Jaccard
//! similarity is then computed exactly. Pairs above the family threshold in either language
//! join their documents into one template family; within a family every policy is diffed
//! clause by clause against the first.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::align::Aligner;
use crate::diff::{Differ, PolicyDiff};
use crate::diverge::Divergence;
use crate::document::BilingualDocument;
use crate::error::Error;
use crate::language::Lang;
use crate::link::Link;
use crate::pack::Pack;

/// Words per shingle.
const SHINGLE_WORDS: usize = 5;
/// MinHash functions per signature, in `BANDS` bands of `ROWS` rows: a pair with Jaccard
/// similarity s becomes a candidate with probability 1 − (1 − s²)⁶⁴, about 0.99 at s = 0.25
/// and 0.03 at s = 0.02.
const BANDS: usize = 64;
const ROWS: usize = 2;
/// Candidate pairs measured at once (in parallel) before the families are updated.
const CANDIDATE_CHUNK: usize = 1024;

/// Options of a corpus analysis.
#[derive(Clone, Debug)]
pub struct CorpusOptions {
    family_threshold: f32,
    heat_map_limit: usize,
    family_diff_limit: usize,
    aligner: Aligner,
    differ: Differ,
}

impl Default for CorpusOptions {
    fn default() -> CorpusOptions {
        CorpusOptions::new()
    }
}

impl CorpusOptions {
    /// Defaults: families from a shingle similarity of 0.15; all pairs compared for the heat
    /// map up to 60 documents.
    pub const fn new() -> CorpusOptions {
        CorpusOptions {
            family_threshold: 0.15,
            heat_map_limit: 60,
            family_diff_limit: 50,
            aligner: Aligner::new(),
            differ: Differ::new(),
        }
    }

    /// Two policies whose shingle similarity reaches this in either language are one
    /// template family (default 0.15; unrelated policies stay below 0.02).
    pub const fn family_threshold(mut self, threshold: f32) -> CorpusOptions {
        self.family_threshold = threshold;
        self
    }

    /// Up to this many documents, every pair is measured (for the heat map); beyond it only
    /// the candidate pairs are (default 60).
    pub const fn heat_map_limit(mut self, limit: usize) -> CorpusOptions {
        self.heat_map_limit = limit;
        self
    }

    /// In a family, the first member is diffed clause by clause against at most this many
    /// others (default 50): a family of two thousand copies of one template needs a few
    /// diffs to show what is shared, not two thousand.
    pub const fn family_diff_limit(mut self, limit: usize) -> CorpusOptions {
        self.family_diff_limit = limit;
        self
    }
}

/// One processed document.
#[derive(Debug)]
pub struct DocumentResult {
    /// A name for the document: its file, or the files of its pair joined by ` + `; a
    /// document of a file holding several is named by the file and its number, `file.txt#2`.
    pub name: String,
    /// The document.
    pub doc: BilingualDocument,
    /// The alignment's links.
    pub links: Vec<Link>,
    /// The alignment's divergences.
    pub divergences: Vec<Divergence>,
}

/// A file that could not be processed, and why.
#[derive(Debug)]
pub struct Skipped {
    /// The file (or the first file of a pair).
    pub path: PathBuf,
    /// What went wrong.
    pub error: Error,
}

/// The similarity of two documents in one language.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PairSimilarity {
    /// Index of the first document.
    pub a: usize,
    /// Index of the second document (`a < b`).
    pub b: usize,
    /// The language compared.
    pub lang: Lang,
    /// Jaccard similarity of their five-word shingle sets, 0 to 1.
    pub similarity: f32,
}

/// Policies built from one template.
#[derive(Debug)]
pub struct Family {
    /// Indexes of the member documents, in input order.
    pub members: Vec<usize>,
    /// Each member after the first, diffed against the first, in each shared language.
    pub diffs: Vec<PolicyDiff>,
}

/// The result of a corpus analysis.
#[derive(Debug, Default)]
pub struct CorpusAnalysis {
    /// The documents processed, in the order of their file names.
    pub documents: Vec<DocumentResult>,
    /// The files that could not be processed.
    pub skipped: Vec<Skipped>,
    /// Measured pair similarities: every pair up to the heat-map limit, else the candidates.
    pub similarities: Vec<PairSimilarity>,
    /// The template families (two members or more).
    pub families: Vec<Family>,
    /// Number of pairs whose similarity was computed exactly.
    pub compared_pairs: usize,
}

/// The file name extensions of the documents a folder holds. The extension only picks the
/// files; each is read as what its content is (see [`crate::read::sniff`]), and a `.doc` is
/// listed so that it is skipped with a clear error rather than silently.
const DOCUMENT_EXTENSIONS: [&str; 7] = ["txt", "md", "docx", "doc", "pdf", "html", "htm"];

/// The inputs of a folder: single files, and pairs of files whose names differ only by a
/// language tag (`policy-kk.txt` and `policy-ru.txt`, `_kz`, `.ru`, …). Text, Markdown,
/// Word, PDF and HTML files are taken.
pub fn inputs_of_dir(dir: &Path) -> std::io::Result<Vec<Vec<PathBuf>>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|e| {
                    DOCUMENT_EXTENSIONS
                        .iter()
                        .any(|known| e.eq_ignore_ascii_case(known))
                })
        })
        // A folder's README describes the folder; it is not one of its documents.
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().to_lowercase().starts_with("readme"))
        })
        .collect();
    files.sort();
    let mut groups: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for file in files {
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        groups.entry(untagged(&stem)).or_default().push(file);
    }
    Ok(groups
        .into_values()
        .flat_map(|group| {
            if group.len() == 2 {
                vec![group]
            } else {
                group.into_iter().map(|f| vec![f]).collect()
            }
        })
        .collect())
}

/// A file stem without its language tag.
fn untagged(stem: &str) -> String {
    let lower = stem.to_lowercase();
    for tag in ["kk", "kz", "kaz", "ru", "rus"] {
        for sep in ['-', '_', '.', ' '] {
            if let Some(base) = lower.strip_suffix(&format!("{sep}{tag}")) {
                return base.to_owned();
            }
        }
    }
    lower
}

/// Analyses every text, Markdown, Word, PDF and HTML file of a folder. A file that cannot be read or is not a
/// Kazakh/Russian document is skipped and listed in [`CorpusAnalysis::skipped`]; only a
/// folder that cannot be listed is an error.
pub fn analyze_dir(dir: &Path, options: &CorpusOptions) -> std::io::Result<CorpusAnalysis> {
    Ok(analyze_inputs(&inputs_of_dir(dir)?, options, &|_| {}))
}

/// Analyses inputs (one file, or two files of one document each); `progress` is called
/// once per input as it is done, from any thread.
pub fn analyze_inputs(
    inputs: &[Vec<PathBuf>],
    options: &CorpusOptions,
    progress: &(dyn Fn(&Path) + Sync),
) -> CorpusAnalysis {
    let processed: Vec<std::result::Result<DocumentResult, Skipped>> = inputs
        .par_iter()
        .flat_map_iter(|input| {
            let results = process(input, &options.aligner);
            if let Some(first) = input.first() {
                progress(first);
            }
            results
        })
        .collect();
    let (mut documents, mut skipped) = (Vec::new(), Vec::new());
    for result in processed {
        match result {
            Ok(document) => documents.push(document),
            Err(s) => skipped.push(s),
        }
    }
    finish(documents, skipped, options)
}

/// Analyses documents already in memory, each with a name.
pub fn analyze_documents(
    documents: Vec<(String, BilingualDocument)>,
    options: &CorpusOptions,
) -> CorpusAnalysis {
    let documents = documents
        .into_par_iter()
        .map(|(name, doc)| {
            let (links, divergences) = options.aligner.align(&doc).into_parts();
            DocumentResult {
                name,
                doc,
                links,
                divergences,
            }
        })
        .collect();
    finish(documents, Vec::new(), options)
}

fn finish(
    documents: Vec<DocumentResult>,
    skipped: Vec<Skipped>,
    options: &CorpusOptions,
) -> CorpusAnalysis {
    let mut analysis = CorpusAnalysis {
        documents,
        skipped,
        ..CorpusAnalysis::default()
    };
    let mut forest = Forest::new(analysis.documents.len());
    let (similarities, compared) = similarities(&analysis.documents, options, &mut forest);
    analysis.compared_pairs = compared;
    analysis.families = families(&analysis.documents, &mut forest, options);
    analysis.similarities = similarities;
    analysis
}

/// The documents of one input: one file (which may hold a pack of documents, each named
/// `file#2`, see [`Pack::name`]), or two files of one document.
fn process(
    input: &[PathBuf],
    aligner: &Aligner,
) -> Vec<std::result::Result<DocumentResult, Skipped>> {
    let skipped = |error: Error| Skipped {
        path: input.first().cloned().unwrap_or_default(),
        error,
    };
    let named: Vec<(String, BilingualDocument)> = match input {
        [one] => match Pack::from_path(one) {
            Ok(pack) => pack.into_named_documents(),
            Err(error) => return vec![Err(skipped(error))],
        },
        [a, b] => match BilingualDocument::from_paths(a, b) {
            Ok(doc) => vec![(format!("{} + {}", a.display(), b.display()), doc)],
            Err(error) => return vec![Err(skipped(error))],
        },
        _ => {
            return vec![Err(skipped(Error::Empty {
                file: String::new(),
            }))];
        }
    };
    named
        .into_iter()
        .map(|(name, doc)| {
            let (links, divergences) = aligner.align(&doc).into_parts();
            Ok(DocumentResult {
                name,
                doc,
                links,
                divergences,
            })
        })
        .collect()
}

/// Shingle hashes of a version's text, sorted and without repeats.
fn shingles(doc: &BilingualDocument, lang: Lang) -> Vec<u64> {
    let Some(version) = doc.version(lang) else {
        return Vec::new();
    };
    let mut words: Vec<String> = Vec::new();
    for clause in version.clauses() {
        let lower = crate::normalize::fold_case(clause.text());
        words.extend(
            unicode_segmentation::UnicodeSegmentation::unicode_words(lower.as_str())
                .map(str::to_owned),
        );
    }
    let mut out: Vec<u64> = words
        .windows(SHINGLE_WORDS)
        .map(|w| {
            let mut hasher = std::hash::DefaultHasher::new();
            w.hash(&mut hasher);
            hasher.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (shared, na, nb) = crate::sets::overlap([a, &[]], [b, &[]]);
    shared as f32 / (na + nb - shared) as f32
}

/// MinHash signature: for each of the `BANDS × ROWS` functions, the least hash of the set
/// under that function (a multiply–xorshift mix of the shingle hash with a fixed seed).
fn signature(set: &[u64]) -> Vec<u64> {
    (0..BANDS * ROWS)
        .map(|k| {
            let seed = 0x9E37_79B9_7F4A_7C15u64.wrapping_mul(k as u64 + 1);
            set.iter()
                .map(|&x| {
                    let mut h = (x ^ seed).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                    h ^= h >> 31;
                    h.wrapping_mul(0x94D0_49BB_1331_11EB)
                })
                .min()
                .unwrap_or(u64::MAX)
        })
        .collect()
}

/// Union–find over documents: the template families.
struct Forest {
    parent: Vec<usize>,
}

impl Forest {
    fn new(n: usize) -> Forest {
        Forest {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Measures the pairs worth measuring, per language, and joins the documents of similar
/// pairs into families. A small corpus has every pair measured (for the heat map). A large
/// one has only MinHash candidates measured, and of those only the ones that could still
/// join two families: a family of thousands of copies of one template needs a spanning tree
/// of measurements, not all its pairs. Returns the measurements and how many there were.
fn similarities(
    documents: &[DocumentResult],
    options: &CorpusOptions,
    forest: &mut Forest,
) -> (Vec<PairSimilarity>, usize) {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let sets: Vec<Vec<u64>> = documents
            .par_iter()
            .map(|d| shingles(&d.doc, lang))
            .collect();
        let present: Vec<usize> = (0..sets.len()).filter(|&i| !sets[i].is_empty()).collect();
        let measure = |a: usize, b: usize| PairSimilarity {
            a,
            b,
            lang,
            similarity: (jaccard(&sets[a], &sets[b]) * 1000.0).round() / 1000.0,
        };
        // Measures pairs in parallel, joins the similar ones into one family, keeps them.
        let measure_and_join =
            |pairs: &[(usize, usize)], out: &mut Vec<PairSimilarity>, forest: &mut Forest| {
                let measured: Vec<PairSimilarity> =
                    pairs.par_iter().map(|&(a, b)| measure(a, b)).collect();
                for pair in measured
                    .iter()
                    .filter(|p| p.similarity >= options.family_threshold)
                {
                    forest.join(pair.a, pair.b);
                }
                out.extend(measured);
            };
        if present.len() <= options.heat_map_limit {
            let pairs: Vec<(usize, usize)> = present
                .iter()
                .enumerate()
                .flat_map(|(k, &a)| present[k + 1..].iter().map(move |&b| (a, b)))
                .collect();
            measure_and_join(&pairs, &mut out, forest);
            continue;
        }
        // Candidates in chunks: drop those already in one family, measure the rest of the
        // chunk in parallel, join. Only pairs inside one chunk can be redundant.
        for chunk in candidates(&sets, &present).chunks(CANDIDATE_CHUNK) {
            let open: Vec<(usize, usize)> = chunk
                .iter()
                .copied()
                .filter(|&(a, b)| forest.root(a) != forest.root(b))
                .collect();
            measure_and_join(&open, &mut out, forest);
        }
    }
    let compared = out.len();
    (out, compared)
}

/// Candidate pairs by locality-sensitive hashing of MinHash signatures: documents that share
/// a band of their signature. Each bucket yields its first member paired with each other
/// one, which is enough to connect the bucket.
fn candidates(sets: &[Vec<u64>], present: &[usize]) -> Vec<(usize, usize)> {
    let signatures: Vec<(usize, Vec<u64>)> = present
        .par_iter()
        .map(|&i| (i, signature(&sets[i])))
        .collect();
    let mut pairs = Vec::new();
    for band in 0..BANDS {
        let mut buckets: HashMap<&[u64], Vec<usize>> = HashMap::new();
        for (i, sig) in &signatures {
            buckets
                .entry(&sig[band * ROWS..(band + 1) * ROWS])
                .or_default()
                .push(*i);
        }
        let mut members: Vec<&Vec<usize>> = buckets.values().filter(|m| m.len() > 1).collect();
        // The order of a HashMap is not stable; sort for a result that does not vary.
        members.sort();
        for bucket in members {
            for &other in &bucket[1..] {
                pairs.push((bucket[0].min(other), bucket[0].max(other)));
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    pairs.retain(|p| seen.insert(*p));
    pairs
}

fn families(
    documents: &[DocumentResult],
    forest: &mut Forest,
    options: &CorpusOptions,
) -> Vec<Family> {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..documents.len() {
        let r = forest.root(i);
        groups.entry(r).or_default().push(i);
    }
    groups
        .into_values()
        .filter(|members| members.len() > 1)
        .map(|members| {
            let first = &documents[members[0]].doc;
            let diffs = members[1..]
                .iter()
                .take(options.family_diff_limit)
                .collect::<Vec<_>>()
                .par_iter()
                .flat_map_iter(|&&m| {
                    Lang::ALL.into_iter().filter_map(move |lang| {
                        options.differ.compare(first, &documents[m].doc, lang)
                    })
                })
                .collect();
            Family { members, diffs }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_pair_files() {
        assert_eq!(untagged("policy-kk"), "policy");
        assert_eq!(untagged("Policy_RU"), "policy");
        assert_eq!(untagged("offer.kz"), "offer");
        assert_eq!(untagged("mycar-myverify"), "mycar-myverify");
    }

    #[test]
    fn minhash_agrees_with_jaccard() {
        let a: Vec<u64> = (0..1000).collect();
        let b: Vec<u64> = (500..1500).collect();
        let exact = jaccard(&a, &b);
        let (sa, sb) = (signature(&a), signature(&b));
        let estimate = sa.iter().zip(&sb).filter(|(x, y)| x == y).count() as f32 / sa.len() as f32;
        assert!((exact - 1.0 / 3.0).abs() < 1e-3);
        assert!((estimate - exact).abs() < 0.12, "{estimate} vs {exact}");
    }
}
