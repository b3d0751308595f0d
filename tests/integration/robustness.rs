//! Inputs nobody has looked at: huge, deep, repetitive, truncated. Each is handled without a
//! panic and without losing text; work stays bounded (counted, not timed).

use kzru_align::{Aligner, BilingualDocument, Error, FindingKind, Lang, Pack, Source};

fn kk_ru(kk: &str, ru: &str) -> BilingualDocument {
    BilingualDocument::from_pair(
        Source::from_text("kk.txt", kk).unwrap(),
        Source::from_text("ru.txt", ru).unwrap(),
    )
    .unwrap()
}

#[test]
fn a_one_megabyte_single_line() {
    let line = "Дербес деректер қорғалады және өңделеді. ".repeat(1 << 20 >> 6);
    // 16 384 copies of a 76-byte sentence: over a mebibyte.
    assert_eq!(line.len(), 1_245_184);
    let doc = BilingualDocument::from_text("line.txt", line.clone()).unwrap();
    let kk = doc.version(Lang::Kk).unwrap();
    assert_eq!(kk.clauses().len(), 1);
    assert_eq!(doc.original_text(&kk.clauses()[0]), line.trim_end());
}

#[test]
fn a_fifty_megabyte_document() {
    let policy = include_str!("../../corpus/mycar-myverify.txt");
    let copies = (50 << 20) / policy.len() + 1;
    let text = policy.repeat(copies);
    // The first whole number of copies past 50 MiB of the 75 525-byte corpus file.
    assert_eq!((policy.len(), copies), (75_525, 695));
    assert!(text.len() >= 50 << 20);
    let end = text.trim_end().len();
    // Copies of a bilingual file, one after another, alternate kk, ru, kk, ru: a pack of
    // 695 documents, not one document with half its text under the wrong language.
    let err = BilingualDocument::from_text("big.txt", text.clone()).unwrap_err();
    assert!(
        matches!(err, Error::SeveralDocuments { ref blocks, .. } if blocks.len() == 2 * copies),
        "{}",
        err.to_string().chars().take(300).collect::<String>()
    );
    let pack = Pack::from_text("big.txt", text).unwrap();
    assert_eq!(pack.documents().len(), copies);
    let alone = BilingualDocument::from_text("one.txt", policy).unwrap();
    let count = |doc: &BilingualDocument| {
        (
            doc.versions()
                .iter()
                .map(|v| v.clauses().len())
                .sum::<usize>(),
            doc.all_findings().count(),
        )
    };
    // Every copy is read as the file alone: its clauses and its findings.
    assert!(
        pack.documents()
            .iter()
            .all(|doc| count(doc) == count(&alone))
    );
    let last = pack.documents()[copies - 1]
        .versions()
        .iter()
        .flat_map(|v| v.clauses())
        .map(|c| c.span().end())
        .max()
        .unwrap();
    assert_eq!(last, end, "the clauses reach the end of the text");
}

#[test]
fn a_hundred_thousand_clauses_in_linear_work() {
    let mut kk = String::new();
    let mut ru = String::new();
    for s in 1..=10_000 {
        kk.push_str(&format!("{s}. Бөлім\n"));
        ru.push_str(&format!("{s}. Раздел\n"));
        for c in 1..=9 {
            kk.push_str(&format!("{s}.{c}. Деректер {c} күн сақталады.\n"));
            ru.push_str(&format!("{s}.{c}. Данные хранятся {c} дней.\n"));
        }
    }
    let doc = kk_ru(&kk, &ru);
    assert_eq!(doc.version(Lang::Kk).unwrap().clauses().len(), 100_000);
    let alignment = Aligner::new().align(&doc);
    assert_eq!(alignment.links().len(), 100_000);
    assert!(
        alignment
            .links()
            .iter()
            .all(|l| l.kk().len() == 1 && l.ru().len() == 1)
    );
    // Anchored by numbers: a few dozen cells a row, not a hundred thousand.
    assert!(
        alignment.cells() < 100_000 * 40,
        "{} cells",
        alignment.cells()
    );
}

/// `copies` copies of the Kazakh version of mycar-myverify followed by `ru_copies` copies
/// of its Russian version, in one file.
fn copies_of_one_policy(copies: usize, ru_copies: usize) -> BilingualDocument {
    let doc = crate::corpus_doc("mycar-myverify");
    let text = &doc.sources()[0];
    let version = |lang| {
        let span = doc.version(lang).unwrap().span();
        format!("{}\n\n", &text.text()[span.start()..span.end()])
    };
    let file = format!(
        "{}{}",
        version(Lang::Kk).repeat(copies),
        version(Lang::Ru).repeat(ru_copies)
    );
    BilingualDocument::from_text("copies.txt", file).unwrap()
}

#[test]
fn copies_of_one_document_align_in_linear_work_even_when_the_counts_differ() {
    for (kk, ru) in [(20, 20), (20, 19)] {
        let doc = copies_of_one_policy(kk, ru);
        let rows = doc.version(Lang::Kk).unwrap().clauses().len();
        let alignment = Aligner::new().align(&doc);
        // Numbers recurring in every copy still pin: a few dozen cells a row, where a band
        // widened by the difference of the versions' lengths took hundreds.
        assert!(
            alignment.cells() < rows * 60,
            "{kk}+{ru} copies: {} cells for {rows} rows",
            alignment.cells()
        );
    }
}

#[test]
fn numbering_two_hundred_levels_deep() {
    let mut text = String::from("Саясат\n\n");
    let mut number = String::new();
    for level in 1..=200 {
        number.push_str(if level == 1 { "1" } else { ".1" });
        text.push_str(&format!("{number}. Тармақ деңгейі {level}.\n"));
    }
    let doc = BilingualDocument::from_text("deep.txt", text).unwrap();
    let kk = doc.version(Lang::Kk).unwrap();
    let deepest = kk.clauses().last().unwrap();
    assert_eq!(deepest.number().unwrap().components().len(), 200);
    assert_eq!(deepest.depth(), 199);
    let alignment = Aligner::new().align(&doc);
    assert_eq!(alignment.links().len(), kk.clauses().len());
}

#[test]
fn a_thirty_digit_clause_number_does_not_overflow() {
    let text =
        "1. Жалпы ережелер\n\n123456789012345678901234567890. Тармақ мәтіні.\n\n2. Қорытынды\n";
    let doc = BilingualDocument::from_text("digits.txt", text).unwrap();
    let kk = doc.version(Lang::Kk).unwrap();
    // Not a clause number: it stays the text of clause 1.
    assert_eq!(kk.clauses().iter().filter(|c| c.is_numbered()).count(), 2);
    assert!(
        kk.find("1")
            .unwrap()
            .text()
            .contains("123456789012345678901234567890")
    );
}

#[test]
fn both_versions_identical_and_a_pair_of_identical_files() {
    let policy = "1. Жалпы ережелер\n\n1.1. Осы Саясат дербес деректерді қорғау туралы заңға сәйкес әзірленді.\n";
    // One file holding the Kazakh text twice: one version, its numbers used twice.
    let doc = BilingualDocument::from_text("twice.txt", format!("{policy}\n{policy}")).unwrap();
    assert_eq!(doc.versions().len(), 1);
    let kinds: Vec<FindingKind> = doc.all_findings().map(|f| f.kind()).collect();
    assert!(
        kinds.contains(&FindingKind::DuplicateNumber)
            && kinds.contains(&FindingKind::SingleLanguage)
    );
    // Two identical files: a typed error.
    let err = BilingualDocument::from_pair(
        Source::from_text("a.txt", policy).unwrap(),
        Source::from_text("b.txt", policy).unwrap(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::SameLanguage { .. }));
}

#[test]
fn a_version_aligned_with_itself_pairs_every_clause_with_itself() {
    for stem in ["mycar-myverify", "aitu-sauda", "kazeuromobile-simply"] {
        let doc = crate::corpus_doc(stem);
        for version in doc.versions() {
            let pairs = Aligner::new().align_versions(version, version);
            assert_eq!(pairs.len(), version.clauses().len());
            assert!(
                pairs
                    .iter()
                    .enumerate()
                    .all(|(i, p)| p.a == [i] && p.b == [i]),
                "{stem}"
            );
        }
    }
}

#[test]
fn a_file_that_ends_in_the_middle_of_a_clause() {
    let full = include_str!("../../corpus/aitu-sauda.txt");
    let mut cut = full.len() * 2 / 3;
    while !full.is_char_boundary(cut) {
        cut -= 1;
    }
    let doc = BilingualDocument::from_text("cut.txt", &full[..cut]).unwrap();
    let last = doc.versions().last().unwrap().clauses().last().unwrap();
    assert_eq!(
        last.span().end(),
        full[..cut].trim_end().len(),
        "the truncated clause keeps its text"
    );
    let _ = Aligner::new().align(&doc);
}

#[test]
fn thousands_of_identical_clauses_and_one_enormous_list_stay_linear() {
    let item = "- Деректер сақталады;\n";
    let list_kk = format!("1. Тізім:\n{}", item.repeat(20_000));
    let list_ru = format!("1. Список:\n{}", "- Данные хранятся;\n".repeat(19_990));
    let doc = kk_ru(&list_kk, &list_ru);
    let alignment = Aligner::new().align(&doc);
    let n = doc.version(Lang::Kk).unwrap().clauses().len();
    assert_eq!(n, 20_001);
    assert!(
        alignment.cells() < n * 250,
        "{} cells for {n} clauses",
        alignment.cells()
    );
    let repeats = alignment
        .divergences()
        .iter()
        .filter(|d| d.kind() == kzru_align::DivergenceKind::RepeatedText)
        .count();
    assert_eq!(repeats, 20_000 - 1 + 19_990 - 1);
}

#[test]
fn the_result_is_the_same_across_runs_and_thread_counts() {
    let doc = crate::corpus_doc("kao-autocheck");
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let a = Aligner::new().align(&doc);
            (a.links().to_vec(), a.divergences().to_vec())
        })
    };
    let first = run(1);
    for threads in [1, 2, 3, 4, 8] {
        assert_eq!(run(threads), first, "{threads} threads");
    }
}
