//! Benchmarks of scale: alignment of synthetic documents of 1k, 10k and 100k clauses per
//! version, a file of N copies of one policy in each language (numbers recurring in every
//! copy), and the cross-company analysis of 100, 1,000 and 10,000 synthetic policies.
//! Results: benches/README.md.

mod common;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use kzru_align::corpus::{CorpusOptions, analyze_documents};
use kzru_align::{Aligner, Lang};

fn alignment(c: &mut Criterion) {
    let mut group = c.benchmark_group("align_synthetic");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    for clauses in [1_000, 10_000, 100_000] {
        let doc = common::pair_document(clauses);
        let bytes: usize = doc.sources().iter().map(|s| s.text().len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        let id = BenchmarkId::from_parameter(common::clause_count(&doc, Lang::Kk));
        group.bench_with_input(id, &doc, |b, doc| b.iter(|| Aligner::new().align(doc)));
    }
    group.finish();
}

/// The scale series of issue 13: 7, 35, 70 and 700 copies of mycar-myverify in each
/// language (700 copies: the 50 MB input, about a minute for criterion's ten samples), read,
/// aligned and written as JSON.
fn repeated(c: &mut Criterion) {
    let mut group = c.benchmark_group("repeated_policy");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    for copies in [7, 35, 70, 700] {
        let text = common::repeated_policy(copies);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(copies), &text, |b, text| {
            b.iter(|| common::align_to_json("copies.txt", text))
        });
    }
    group.finish();
}

fn corpus_analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("corpus_analysis");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    for n in [100, 1_000, 10_000] {
        let texts = common::synthetic_policies(n, 42);
        group.bench_with_input(BenchmarkId::from_parameter(n), &texts, |b, texts| {
            b.iter(|| {
                let docs = common::parse_all(texts);
                analyze_documents(docs, &CorpusOptions::new())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, alignment, repeated, corpus_analysis);
criterion_main!(benches);
