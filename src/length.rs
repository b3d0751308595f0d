//! Length statistics: how long a faithful Russian translation of a Kazakh text is expected
//! to be, in the manner of Gale and Church (1993).
//!
//! The aligner scores every clause pair by [`length_probability`]; the divergence checks
//! measure each document's own [`LengthModel`] and flag clauses far off it.

/// Expected length of a Russian clause per character of its Kazakh counterpart, and the
/// variance per character, measured on the 125 numbered clauses of the three bilingual
/// corpus documents that align with equal numbers (the test
/// `align::tests::length_model_matches_the_corpus` measures them again). Two documents are
/// close translations (ratio 1.01 and 0.99, variance 1.4 and 2.0), one is condensed (1.29,
/// 24): the pooled figures keep the score tolerant of either.
pub(crate) const LENGTH_RATIO: f64 = 1.07;
/// The variance per character that goes with [`LENGTH_RATIO`].
pub(crate) const LENGTH_VARIANCE: f64 = 12.7;

/// A length model: expected ratio and variance per character.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LengthModel {
    /// Expected Russian characters per Kazakh character.
    pub(crate) ratio: f64,
    /// Variance of the Russian length per Kazakh character.
    pub(crate) variance: f64,
}

impl LengthModel {
    /// The model measured on the whole corpus.
    pub(crate) const CORPUS: LengthModel = LengthModel {
        ratio: LENGTH_RATIO,
        variance: LENGTH_VARIANCE,
    };

    /// The model for judging a document too short to measure its own: the corpus ratio with
    /// a variance between that of the close translations (1.4–2.0) and of the condensed one
    /// (24), so that a clause cut to a third still stands out.
    pub(crate) const FALLBACK: LengthModel = LengthModel {
        ratio: LENGTH_RATIO,
        variance: 4.0,
    };

    /// Estimates the model of one document from pairs `(kazakh chars, russian chars)` that are
    /// known to translate each other; the pairs furthest off are left out of the variance
    /// (a truncated clause must not hide itself by widening the model). Falls back to
    /// [`LengthModel::FALLBACK`] with fewer than eight pairs.
    pub(crate) fn estimate(pairs: &[(usize, usize)]) -> LengthModel {
        if pairs.len() < 8 {
            return LengthModel::FALLBACK;
        }
        let sum_kk: f64 = pairs.iter().map(|p| p.0 as f64).sum();
        let sum_ru: f64 = pairs.iter().map(|p| p.1 as f64).sum();
        if sum_kk == 0.0 {
            return LengthModel::FALLBACK;
        }
        let ratio = sum_ru / sum_kk;
        let mut residuals: Vec<(f64, f64)> = pairs
            .iter()
            .map(|&(k, r)| ((r as f64 - ratio * k as f64).powi(2), k as f64))
            .collect();
        residuals.sort_by(|a, b| (a.0 / a.1.max(1.0)).total_cmp(&(b.0 / b.1.max(1.0))));
        let kept = &residuals[..residuals.len() - residuals.len() / 10];
        let variance =
            kept.iter().map(|r| r.0).sum::<f64>() / kept.iter().map(|r| r.1).sum::<f64>().max(1.0);
        LengthModel {
            ratio,
            // Never stricter than a close translation of the corpus.
            variance: variance.max(1.5),
        }
    }

    /// The Gale–Church deviation: how many standard deviations `ru` is from the length this
    /// model predicts for `kk`.
    pub(crate) fn delta(self, kk: usize, ru: usize) -> f64 {
        let (l1, l2) = (kk as f64, ru as f64);
        let mean = (l1 + l2 / self.ratio) / 2.0;
        if mean == 0.0 {
            return 0.0;
        }
        (l2 - l1 * self.ratio) / (mean * self.variance).sqrt()
    }
}

/// Gale–Church: how probable it is that a Kazakh text of `kk` characters translates to a
/// Russian one of `ru` characters (two-sided tail of the normal distribution).
pub(crate) fn length_probability(kk: usize, ru: usize) -> f64 {
    let delta = length_delta(kk, ru);
    2.0 * (1.0 - normal_cdf(delta.abs()))
}

/// The Gale–Church deviation of `ru` from the length the corpus model predicts for `kk`.
pub(crate) fn length_delta(kk: usize, ru: usize) -> f64 {
    LengthModel::CORPUS.delta(kk, ru)
}

/// The standard normal distribution function (Abramowitz and Stegun 26.2.17, error < 7.5e-8).
pub(crate) fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * x.abs());
    let poly = t
        * (0.319_381_530
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let tail = (-x * x / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt() * poly;
    if x >= 0.0 { 1.0 - tail } else { tail }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_cdf_matches_known_values() {
        for (x, p) in [
            (0.0, 0.5),
            (1.0, 0.841_344_7),
            (1.96, 0.975_002_1),
            (-1.0, 0.158_655_3),
        ] {
            assert!((normal_cdf(x) - p).abs() < 1e-6, "{x}");
        }
    }

    #[test]
    fn a_document_model_ignores_its_worst_outliers() {
        let mut pairs: Vec<(usize, usize)> = (1..=20).map(|i| (100 * i, 130 * i)).collect();
        pairs.push((1000, 100));
        let model = LengthModel::estimate(&pairs);
        assert!((model.ratio - 1.24).abs() < 0.05, "{model:?}");
        assert!(model.delta(1000, 100).abs() > 10.0);
        assert_eq!(LengthModel::estimate(&pairs[..3]), LengthModel::FALLBACK);
    }

    #[test]
    fn length_probability_prefers_the_expected_ratio() {
        assert!(length_probability(100, 107) > 0.9);
        assert!(length_probability(300, 100) < 0.01);
        assert!(length_probability(0, 0) > 0.99);
    }
}
