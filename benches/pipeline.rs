//! Benchmarks of the pipeline on the corpus: normalization and segmentation throughput,
//! alignment of each bilingual document, the whole corpus report, the statistical language
//! detector against lingua's, and rayon's speed-up.
//! Results and the commands to reproduce them: benches/README.md.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kzru_align::corpus::{CorpusOptions, analyze_dir, analyze_documents};
use kzru_align::report::write_corpus_report;
use kzru_align::{Aligner, BilingualDocument, detect_language, normalize};

fn segmentation(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment");
    for (name, text) in common::CORPUS {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| BilingualDocument::from_text(name, black_box(text)).unwrap());
        });
    }
    group.finish();
    let mut group = c.benchmark_group("normalize");
    for (name, text) in common::CORPUS {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| normalize(black_box(text)))
        });
    }
    group.finish();
}

fn alignment(c: &mut Criterion) {
    let mut group = c.benchmark_group("align");
    for (name, text) in &common::CORPUS[..3] {
        let doc = BilingualDocument::from_text(*name, *text).unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(name), &doc, |b, doc| {
            b.iter(|| Aligner::new().align(doc))
        });
    }
    group.finish();
}

/// Each bilingual corpus document end to end as `examples/align --format json` runs it, in
/// MB/s of input.
fn end_to_end(c: &mut Criterion) {
    let mut group = c.benchmark_group("align_json");
    for (name, text) in &common::CORPUS[..3] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| common::align_to_json(name, black_box(text)))
        });
    }
    group.finish();
}

fn corpus_report(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = std::env::temp_dir().join(format!("kzru-align-bench-{}", std::process::id()));
    let mut group = c.benchmark_group("corpus_report");
    group.bench_function("analysis", |b| {
        b.iter(|| analyze_dir(&dir, &CorpusOptions::new()).unwrap())
    });
    group.bench_function("analysis_and_files", |b| {
        b.iter(|| {
            let analysis = analyze_dir(&dir, &CorpusOptions::new()).unwrap();
            write_corpus_report(&analysis, &out).unwrap()
        })
    });
    group.finish();
}

fn threads(c: &mut Criterion) {
    let texts = common::synthetic_policies(100, 7);
    let mut group = c.benchmark_group("rayon_100_policies");
    group.sample_size(10);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for threads in [1, cores] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        group.bench_with_input(BenchmarkId::new("threads", threads), &texts, |b, texts| {
            b.iter(|| {
                pool.install(|| {
                    let docs = common::parse_all(texts);
                    analyze_documents(docs, &CorpusOptions::new())
                })
            })
        });
    }
    group.finish();
}

/// The statistical detector on what reaches it in the corpus: the lines without a Kazakh-only
/// letter and with fewer Cyrillic letters than decide by themselves. Ours (lingua's models,
/// scored in `language_model`) against `lingua::LanguageDetector`, both warm: the start-up
/// that the replacement removed is a once-per-process cost, measured in benches/README.md.
fn detector(c: &mut Criterion) {
    use lingua::Language::{Kazakh, Russian};
    let kazakh_only = |c: char| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c);
    let lines: Vec<&str> = common::CORPUS
        .iter()
        .flat_map(|(_, text)| text.lines())
        .filter(|line| {
            let cyrillic = line
                .chars()
                .filter(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(*c)))
                .count();
            (3..60).contains(&cyrillic) && !line.chars().any(kazakh_only)
        })
        .collect();
    let bytes: usize = lines.iter().map(|l| l.len()).sum();
    let lingua = lingua::LanguageDetectorBuilder::from_languages(&[Kazakh, Russian]).build();
    let mut group = c.benchmark_group("detector");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(BenchmarkId::new("ours", lines.len()), |b| {
        b.iter(|| {
            for line in &lines {
                black_box(detect_language(black_box(line)));
            }
        })
    });
    group.bench_function(BenchmarkId::new("lingua", lines.len()), |b| {
        b.iter(|| {
            for line in &lines {
                black_box(lingua.compute_language_confidence_values(black_box(*line)));
            }
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    segmentation,
    detector,
    alignment,
    end_to_end,
    corpus_report,
    threads
);
criterion_main!(benches);
