//! Alignment: pairing every Kazakh clause with its Russian counterpart, or with none.
//!
//! Each pair of clauses gets a score in [0, 1] from what a careful bilingual reader looks
//! at: the clause number and its place in the tree first; then what survives translation
//! (digits, dates, law numbers, e-mails, URLs, phones, Latin-script names); the glossary
//! terms of both languages; and the ratio of the two lengths, which for a faithful
//! translation stays close to the ratio measured on the corpus (in the manner of
//! Gale and Church, 1993). Dynamic programming then finds the best monotonic alignment with
//! 1–1, 1–0, 0–1, 1–2 and 2–1 links. For long documents it runs in a band around the
//! diagonal, so that time and memory grow linearly with the length.
//!
//! This module holds the public model ([`Alignment`], [`Pairing`]) and the [`Aligner`]; its
//! children hold the steps: `features` (what is extracted from each clause), `score` (the
//! [`Weights`] and the score of a link), `pins` (the clauses the alignment passes through)
//! and `dp` (the search between them).

mod dp;
mod features;
mod pins;
mod score;

pub use score::Weights;
// `Link` lives in a leaf module so that the divergence checks can read links without
// importing the aligner; re-exported here because an alignment is made of links.
pub use crate::link::Link;

use crate::anchors;
use crate::clause::ClauseId;
use crate::diverge::{self, Divergence};
use crate::document::{BilingualDocument, Version};
use crate::language::{ByLang, Lang};
use dp::{Search, Step};
use features::Features;

/// The alignment of a document's two versions and the divergences found between them.
#[derive(Debug)]
pub struct Alignment<'d> {
    doc: &'d BilingualDocument,
    links: Vec<Link>,
    divergences: Vec<Divergence>,
    cells: usize,
}

/// How two versions pair up, by clause index in each (see [`Aligner::align_versions`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Pairing {
    /// Indexes into the first version's clauses (none when the second's clause has no
    /// counterpart).
    pub a: Vec<usize>,
    /// Indexes into the second version's clauses.
    pub b: Vec<usize>,
    /// How sure the pairing is, from 0 to 1.
    pub score: f32,
}

impl<'d> Alignment<'d> {
    /// The document that was aligned.
    pub fn document(&self) -> &'d BilingualDocument {
        self.doc
    }

    /// The links in document order. Every clause of both versions is in exactly one.
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// Every disagreement found, in the order of the Kazakh (else Russian) lines.
    pub fn divergences(&self) -> &[Divergence] {
        &self.divergences
    }

    /// The links and divergences, without the borrow of the document (to keep them beside
    /// the document they belong to).
    pub fn into_parts(self) -> (Vec<Link>, Vec<Divergence>) {
        (self.links, self.divergences)
    }

    /// Reassembles an alignment from [`Alignment::into_parts`] and its document.
    pub fn from_parts(
        doc: &'d BilingualDocument,
        links: Vec<Link>,
        divergences: Vec<Divergence>,
    ) -> Alignment<'d> {
        // The work done is not part of the parts.
        Alignment {
            doc,
            links,
            divergences,
            cells: 0,
        }
    }

    /// How many cells of the alignment matrix the dynamic programming visited: the work it
    /// did. It grows about linearly with the length of numbered documents.
    pub fn cells(&self) -> usize {
        self.cells
    }

    /// The link that holds `id`.
    pub fn link_of(&self, id: ClauseId) -> Option<&Link> {
        self.links.iter().find(|l| l.side(id.lang).contains(&id))
    }

    /// The clauses paired with `id` in the other language.
    pub fn counterparts(&self, id: ClauseId) -> &[ClauseId] {
        self.link_of(id).map_or(&[], |l| l.side(id.lang.other()))
    }
}

/// Aligns the versions of documents. Configure once, align many.
///
/// ```
/// use kzru_align::{Aligner, BilingualDocument, Lang};
/// let doc = BilingualDocument::from_path("corpus/kao-autocheck.txt")?;
/// let alignment = Aligner::new().align(&doc);
/// let kk = doc.version(Lang::Kk).unwrap().find("9.6").unwrap();
/// let ru = alignment.counterparts(kk.id());
/// assert_eq!(doc.clause(ru[0]).unwrap().number().unwrap().as_str(), "7.6.");
/// # Ok::<(), kzru_align::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Aligner {
    band: usize,
    link_threshold: f32,
    merge_penalty: f32,
    skip_penalty: f32,
    weights: Weights,
}

impl Default for Aligner {
    fn default() -> Aligner {
        Aligner::new()
    }
}

impl Aligner {
    /// The default aligner.
    pub const fn new() -> Aligner {
        Aligner {
            band: 48,
            link_threshold: 0.4,
            merge_penalty: 0.06,
            skip_penalty: 0.1,
            weights: Weights::new(),
        }
    }

    /// Half-width of the band around the diagonal for long documents, on top of the
    /// difference in clause counts (default 48).
    pub const fn band(mut self, band: usize) -> Aligner {
        self.band = band;
        self
    }

    /// Pairs scoring below this are left unmatched rather than linked (default 0.4).
    pub const fn link_threshold(mut self, threshold: f32) -> Aligner {
        self.link_threshold = threshold;
        self
    }

    /// What a 1–2 or 2–1 link costs on top of its score, so that a clause is linked with two
    /// only when the second adds to the score (default 0.06). Two clauses that are one
    /// sentence broken in two (the first ends without closing punctuation, the second starts
    /// in lower case) merge at no cost.
    pub const fn merge_penalty(mut self, penalty: f32) -> Aligner {
        self.merge_penalty = penalty;
        self
    }

    /// What leaving a clause without counterpart costs (default 0.1): of two places a list
    /// item can go, a weak link beats two clauses without counterpart.
    pub const fn skip_penalty(mut self, penalty: f32) -> Aligner {
        self.skip_penalty = penalty;
        self
    }

    /// The weights of the evidence that scores a clause pair (default [`Weights::new`]).
    pub const fn weights(mut self, weights: Weights) -> Aligner {
        self.weights = weights;
        self
    }

    /// Aligns the two versions of `doc` and finds their divergences. A document with one
    /// version gets one unmatched link per clause.
    pub fn align<'d>(&self, doc: &'d BilingualDocument) -> Alignment<'d> {
        // The anchors of every clause, extracted once for the alignment and kept for the
        // divergences.
        let mut anchors: Option<ByLang<Vec<Vec<anchors::Anchor>>>> = None;
        let mut cells = 0;
        let links = match (doc.version(Lang::Kk), doc.version(Lang::Ru)) {
            (Some(kk), Some(ru)) => {
                let (links, extracted, visited) = self.link(kk, ru);
                anchors = Some(extracted);
                cells = visited;
                links
            }
            (Some(only), None) | (None, Some(only)) => only
                .clauses()
                .iter()
                .map(|c| {
                    let mut clauses: ByLang<Vec<ClauseId>> = ByLang::default();
                    clauses.get_mut(only.lang()).push(c.id());
                    Link::new(clauses, 0.0)
                })
                .collect(),
            (None, None) => Vec::new(),
        };
        let divergences = diverge::find(doc, &links, anchors.as_ref());
        Alignment {
            doc,
            links,
            divergences,
            cells,
        }
    }

    /// Aligns any two versions, in the same language or not: two editions of one Russian
    /// policy, or a version with itself. No divergences are looked for.
    ///
    /// ```
    /// use kzru_align::{Aligner, BilingualDocument, Lang};
    /// let doc = BilingualDocument::from_path("corpus/idcollect.txt")?;
    /// let kk = doc.version(Lang::Kk).unwrap();
    /// let pairs = Aligner::new().align_versions(kk, kk);
    /// assert!(pairs.iter().all(|p| p.a.len() == 1 && p.a == p.b));
    /// # Ok::<(), kzru_align::Error>(())
    /// ```
    pub fn align_versions(&self, a: &Version, b: &Version) -> Vec<Pairing> {
        let [(fa, _), (fb, _)] = Features::of_versions(a, b);
        let (steps, _) = self.search().best_path(&fa, &fb);
        steps
            .into_iter()
            .map(|step| Pairing {
                a: (step.i..step.i + step.di).collect(),
                b: (step.j..step.j + step.dj).collect(),
                score: rounded(&step),
            })
            .collect()
    }

    /// The links of two versions, the anchors of their clauses and the number of cells the
    /// search visited.
    fn link(
        &self,
        kk: &Version,
        ru: &Version,
    ) -> (Vec<Link>, ByLang<Vec<Vec<anchors::Anchor>>>, usize) {
        let [(a, anchors_kk), (b, anchors_ru)] = Features::of_versions(kk, ru);
        let (steps, cells) = self.search().best_path(&a, &b);
        let links = steps
            .into_iter()
            .map(|step| {
                let clauses = ByLang {
                    kk: (step.i..step.i + step.di)
                        .map(|i| kk.clauses()[i].id())
                        .collect(),
                    ru: (step.j..step.j + step.dj)
                        .map(|j| ru.clauses()[j].id())
                        .collect(),
                };
                Link::new(clauses, rounded(&step))
            })
            .collect();
        (
            links,
            ByLang {
                kk: anchors_kk,
                ru: anchors_ru,
            },
            cells,
        )
    }

    /// The settings of the dynamic programming.
    fn search(&self) -> Search {
        Search {
            band: self.band,
            link_threshold: self.link_threshold,
            merge_penalty: self.merge_penalty,
            skip_penalty: self.skip_penalty,
            weights: self.weights,
        }
    }
}

/// The score of a step to three decimals: the score is evidence for a reader, not a
/// measurement.
fn rounded(step: &Step) -> f32 {
    (step.score * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::length::{LENGTH_RATIO, LENGTH_VARIANCE};
    use crate::load::Source;

    /// How `aligner` pairs the clauses of a Kazakh and a Russian text, title first.
    fn pairings(aligner: &Aligner, kk: &str, ru: &str) -> Vec<(Vec<usize>, Vec<usize>, f32)> {
        let doc = BilingualDocument::from_pair(
            Source::from_text("kk.txt", format!("Дербес деректер саясаты\n\n{kk}")).unwrap(),
            Source::from_text("ru.txt", format!("Политика персональных данных\n\n{ru}")).unwrap(),
        )
        .unwrap();
        let (kk, ru) = (
            doc.version(Lang::Kk).unwrap(),
            doc.version(Lang::Ru).unwrap(),
        );
        aligner
            .align_versions(kk, ru)
            .into_iter()
            .map(|p| (p.a, p.b, p.score))
            .collect()
    }

    /// Clause 2 says something else in each version, under another number.
    const UNRELATED_KK: &str = "1. Компания деректерді 30 күн сақтайды.\n\n\
        2. Шағымдар support@a.kz мекенжайына 2024 жылдан бастап жіберіледі.\n\n\
        3. Пайдаланушы келісім береді.\n";
    const UNRELATED_RU: &str = "1. Компания хранит данные 30 дней.\n\n\
        7. Сайт использует cookie https://b.ru для статистики 15 раз.\n\n\
        3. Пользователь дает согласие.\n";

    #[test]
    fn a_weight_set_through_the_aligner_changes_the_score() {
        let kk = "9.6. Компания осы Саясатқа өзгерістер енгізуге құқылы.\n";
        let ru = "7.6. Компания вправе вносить изменения в настоящую Политику.\n";
        let default = pairings(&Aligner::new(), kk, ru);
        assert_eq!(
            default,
            pairings(&Aligner::new().weights(Weights::default()), kk, ru)
        );
        let mut weights = Weights::new();
        // Take 9.6 and 7.6 for the same number.
        weights.number_slip_credit = 1.0;
        let trusting = pairings(&Aligner::new().weights(weights), kk, ru);
        assert_eq!((&default[1].0, &default[1].1), (&vec![1], &vec![1]));
        assert_eq!((&trusting[1].0, &trusting[1].1), (&vec![1], &vec![1]));
        assert!(
            trusting[1].2 > default[1].2 + 0.1,
            "{default:?} {trusting:?}"
        );
    }

    #[test]
    fn a_weight_set_through_the_aligner_changes_a_link() {
        let linked = |aligner: &Aligner| {
            pairings(aligner, UNRELATED_KK, UNRELATED_RU)
                .iter()
                .any(|(a, b, _)| a == &[2] && b == &[2])
        };
        assert!(linked(&Aligner::new()));
        let mut weights = Weights::new();
        // Clause numbers that differ now weigh against the pair much more.
        weights.number = 12.0;
        assert!(!linked(&Aligner::new().weights(weights)));
    }

    #[test]
    fn the_skip_penalty_decides_between_a_weak_link_and_none() {
        let unmatched = |aligner: &Aligner| {
            pairings(aligner, UNRELATED_KK, UNRELATED_RU)
                .iter()
                .filter(|(a, b, _)| a.is_empty() || b.is_empty())
                .count()
        };
        assert_eq!(unmatched(&Aligner::new()), 0);
        assert_eq!(unmatched(&Aligner::new().skip_penalty(0.0)), 2);
    }

    #[test]
    fn the_merge_penalty_decides_between_one_and_two_clauses() {
        let kk = "1. Компания деректерді 30 күн сақтайды және www.example.kz сайтында \
            жариялайды.\n\n2. Пайдаланушы келісім береді.\n";
        let ru = "1. Компания хранит данные 30 дней.\n\n\
            2. Данные публикуются на сайте www.example.kz.\n\n\
            3. Пользователь дает согласие.\n";
        let first = |aligner: &Aligner| pairings(aligner, kk, ru)[1].1.clone();
        assert_eq!(first(&Aligner::new()), [1, 2]);
        assert_eq!(first(&Aligner::new().merge_penalty(1.0)), [1]);
    }

    #[test]
    fn length_model_matches_the_corpus() {
        let mut pairs = Vec::new();
        for stem in ["mycar-myverify", "kao-autocheck", "aitu-sauda"] {
            let path = format!("{}/corpus/{stem}.txt", env!("CARGO_MANIFEST_DIR"));
            let doc = crate::BilingualDocument::from_path(path).unwrap();
            for link in Aligner::new().align(&doc).links() {
                if let ([a], [b]) = (link.kk(), link.ru()) {
                    let (a, b) = (doc.clause(*a).unwrap(), doc.clause(*b).unwrap());
                    if a.number().is_some()
                        && a.number().map(|n| n.components()) == b.number().map(|n| n.components())
                    {
                        pairs.push((
                            a.text().chars().count() as f64,
                            b.text().chars().count() as f64,
                        ));
                    }
                }
            }
        }
        assert_eq!(pairs.len(), 125);
        let ratio = pairs.iter().map(|p| p.1).sum::<f64>() / pairs.iter().map(|p| p.0).sum::<f64>();
        let variance = pairs
            .iter()
            .map(|p| (p.1 - ratio * p.0).powi(2))
            .sum::<f64>()
            / pairs.iter().map(|p| p.0).sum::<f64>();
        assert!(
            (ratio - LENGTH_RATIO).abs() < 0.01,
            "measured ratio {ratio:.3}"
        );
        assert!(
            (variance - LENGTH_VARIANCE).abs() < 0.5,
            "measured variance {variance:.2}"
        );
    }
}
