//! Synthetic inputs for the benchmarks and the scale measurements, built from the corpus.
#![allow(dead_code)] // Each bench and example uses part of this module.

use kzru_align::{Aligner, BilingualDocument, Lang};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The corpus files, compiled in.
pub const CORPUS: [(&str, &str); 5] = [
    (
        "mycar-myverify",
        include_str!("../../corpus/mycar-myverify.txt"),
    ),
    (
        "kao-autocheck",
        include_str!("../../corpus/kao-autocheck.txt"),
    ),
    ("aitu-sauda", include_str!("../../corpus/aitu-sauda.txt")),
    ("idcollect", include_str!("../../corpus/idcollect.txt")),
    (
        "kazeuromobile-simply",
        include_str!("../../corpus/kazeuromobile-simply.txt"),
    ),
];

/// Texts of the corpus clauses that align with equal numbers: `(kazakh, russian)`.
pub fn clause_pairs() -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (name, text) in &CORPUS[..3] {
        let doc = BilingualDocument::from_text(*name, *text).expect("corpus document");
        for link in Aligner::new().align(&doc).links() {
            if let ([a], [b]) = (link.kk(), link.ru()) {
                let (a, b) = (doc.clause(*a).unwrap(), doc.clause(*b).unwrap());
                let same = a.number().is_some()
                    && a.number().map(|n| n.components()) == b.number().map(|n| n.components());
                if same && a.text().len() > 40 {
                    pairs.push((a.text().to_owned(), b.text().to_owned()));
                }
            }
        }
    }
    pairs
}

/// A Kazakh and a Russian file with about `clauses` numbered clauses each, built from the
/// corpus clause pairs with fresh, consistent numbering (sections of ten clauses), and a few
/// divergences injected: every 997th Russian clause left out, every 1999th renumbered, every
/// 2999th with a different number in its text.
pub fn synthetic_pair(clauses: usize) -> (String, String) {
    let pairs = clause_pairs();
    let (mut kk, mut ru) = (
        String::from("ҚҰПИЯЛЫЛЫҚ САЯСАТЫ\n\n"),
        String::from("ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ\n\n"),
    );
    let mut k = 0;
    let mut section = 0;
    while k < clauses {
        section += 1;
        kk.push_str(&format!("{section}. Бөлім {section}\n\n"));
        ru.push_str(&format!("{section}. Раздел {section}\n\n"));
        k += 1;
        for c in 1..=10 {
            if k >= clauses {
                break;
            }
            let (a, b) = &pairs[k % pairs.len()];
            kk.push_str(&format!("{section}.{c}. {a} ({k})\n\n"));
            k += 1;
            if k % 997 == 0 {
                continue;
            }
            let number = if k % 1999 == 0 {
                format!("{section}.{}.", c + 1)
            } else {
                format!("{section}.{c}.")
            };
            let tag = if k % 2999 == 0 { k + 1 } else { k - 1 };
            ru.push_str(&format!("{number} {b} ({tag})\n\n"));
        }
    }
    (kk, ru)
}

/// `n` synthetic policies: copies of the five corpus documents, each with random edits (a
/// company number in its first line, 3 % of its lines dropped, 5 % with a digit changed),
/// so that they form five template families with real differences.
pub fn synthetic_policies(n: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = StdRng::seed_from_u64(seed);
    (0..n)
        .map(|k| {
            let (name, base) = CORPUS[k % CORPUS.len()];
            let mut out = String::with_capacity(base.len() + 64);
            let mut first = true;
            for line in base.lines() {
                if !line.trim().is_empty() && rng.random_bool(0.03) {
                    continue;
                }
                let mut line = line.to_owned();
                if rng.random_bool(0.05)
                    && let Some(at) = line.find(|c: char| c.is_ascii_digit())
                {
                    let digit = char::from(b'0' + rng.random_range(0..10u8));
                    line.replace_range(at..at + 1, &digit.to_string());
                }
                if first && !line.trim().is_empty() {
                    line.push_str(&format!(" №{k}"));
                    first = false;
                }
                out.push_str(&line);
                out.push('\n');
            }
            (format!("{name}-{k}.txt"), out)
        })
        .collect()
}

/// The language versions of a synthetic pair as one document.
pub fn pair_document(clauses: usize) -> BilingualDocument {
    let (kk, ru) = synthetic_pair(clauses);
    BilingualDocument::from_pair(
        kzru_align::Source::from_text("kk.txt", kk).unwrap(),
        kzru_align::Source::from_text("ru.txt", ru).unwrap(),
    )
    .unwrap()
}

/// Number of clauses of a document's version.
pub fn clause_count(doc: &BilingualDocument, lang: Lang) -> usize {
    doc.version(lang).map_or(0, |v| v.clauses().len())
}

/// Reads synthetic policies in parallel, as a folder run would.
pub fn parse_all(texts: &[(String, String)]) -> Vec<(String, BilingualDocument)> {
    use rayon::prelude::*;
    texts
        .par_iter()
        .map(|(name, text)| {
            (
                name.clone(),
                BilingualDocument::from_text(name.clone(), text.clone()).expect("synthetic policy"),
            )
        })
        .collect()
}

/// One file of `copies` copies of the Kazakh version of mycar-myverify followed by `copies`
/// copies of its Russian version: the same numbers recur in every copy (issue 13).
pub fn repeated_policy(copies: usize) -> String {
    let (name, text) = CORPUS[0];
    let doc = BilingualDocument::from_text(name, text).expect("corpus document");
    let version = |lang| {
        let span = doc.version(lang).expect("both versions").span();
        format!("{}\n\n", &text[span.start()..span.end()])
    };
    version(Lang::Kk).repeat(copies) + &version(Lang::Ru).repeat(copies)
}

/// What `examples/align FILE --format json` does after reading the file: read the versions,
/// align them, write the JSON report (here to nowhere).
#[cfg(feature = "serde")]
pub fn align_to_json(name: &str, text: &str) {
    let doc = BilingualDocument::from_text(name, text).expect("document");
    let alignment = Aligner::new().align(&doc);
    let report = kzru_align::report::AlignmentReport::new(&alignment);
    serde_json::to_writer_pretty(std::io::sink(), &report).expect("report");
}
