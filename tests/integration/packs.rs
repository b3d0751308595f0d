//! Files holding more than two language blocks: packs of bilingual documents (`kk, ru, kk,
//! ru`), copies of one document (`kk × N, ru × N`), and blocks that cannot be paired.

use kzru_align::corpus::{CorpusOptions, analyze_inputs};
use kzru_align::{Aligner, BilingualDocument, Error, Lang, Pack};

/// A Kazakh policy of `clauses` clauses, named by `title`.
fn kazakh(title: &str, clauses: usize) -> String {
    let mut text = format!("{title} ҚҰПИЯЛЫҚ САЯСАТЫ\n\n1. Жалпы ережелер\n\n");
    for n in 1..=clauses {
        text.push_str(&format!(
            "1.{n}. Компания пайдаланушының дербес деректерін Қазақстан Республикасының заңнамасына сәйкес {n} жұмыс күні ішінде өңдейді және қорғайды.\n\n"
        ));
    }
    text
}

/// The Russian counterpart of [`kazakh`].
fn russian(title: &str, clauses: usize) -> String {
    let mut text = format!("ПОЛИТИКА {title}\n\n1. Общие положения\n\n");
    for n in 1..=clauses {
        text.push_str(&format!(
            "1.{n}. Компания обрабатывает и защищает персональные данные пользователя в соответствии с законодательством Республики Казахстан в течение {n} рабочих дней.\n\n"
        ));
    }
    text
}

fn langs(pack: &Pack) -> Vec<Lang> {
    pack.blocks().iter().map(|b| b.lang()).collect()
}

#[test]
fn kazakh_russian_kazakh_russian_is_two_documents_with_the_files_lines() {
    let first = format!(
        "{}{}",
        kazakh("ДЕРБЕС", 4),
        russian("КОНФИДЕНЦИАЛЬНОСТИ", 4)
    );
    let second = format!("{}{}", kazakh("COOKIE", 6), russian("COOKIE", 6));
    let text = format!("{first}{second}");
    let pack = Pack::from_text("pack.txt", text.clone()).unwrap();
    assert_eq!(langs(&pack), [Lang::Kk, Lang::Ru, Lang::Kk, Lang::Ru]);
    assert_eq!(pack.documents().len(), 2);
    assert_eq!(
        (pack.name(0), pack.name(1)),
        ("pack.txt#1".to_owned(), "pack.txt#2".to_owned())
    );
    let offset = first.lines().count();
    for (doc, clauses, first_line) in [
        (&pack.documents()[0], 4, 1),
        (&pack.documents()[1], 6, offset + 1),
    ] {
        let kk = doc.version(Lang::Kk).unwrap();
        let ru = doc.version(Lang::Ru).unwrap();
        assert_eq!(kk.line(), first_line);
        assert_eq!(
            kk.clauses().iter().filter(|c| c.is_numbered()).count(),
            clauses + 1
        );
        assert_eq!(
            ru.clauses().iter().filter(|c| c.is_numbered()).count(),
            clauses + 1
        );
        // Lines are the file's own: clause 1.1 of the second document is far below line 10.
        let clause = kk.find("1.1").unwrap();
        assert_eq!(
            text.lines().nth(clause.line() - 1).unwrap(),
            doc.original_text(clause).lines().next().unwrap()
        );
        assert!(ru.line() > kk.end_line());
        let alignment = Aligner::new().align(doc);
        let paired = alignment
            .links()
            .iter()
            .filter(|l| !l.is_unmatched())
            .count();
        assert_eq!(
            paired,
            clauses + 2,
            "the title, the section and its clauses"
        );
    }
    assert!(
        pack.documents()[1]
            .version(Lang::Kk)
            .unwrap()
            .find("1.1")
            .unwrap()
            .line()
            > offset
    );
    // The documents share the file's text rather than copying it.
    let texts: Vec<*const u8> = pack
        .documents()
        .iter()
        .map(|d| d.sources()[0].text().as_ptr())
        .collect();
    assert_eq!(texts[0], texts[1]);
    // Read as one document, the file is refused with the blocks and their lines.
    let err = BilingualDocument::from_text("pack.txt", text).unwrap_err();
    assert!(
        matches!(err, Error::SeveralDocuments { ref blocks, .. } if blocks.len() == 4),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.starts_with("pack.txt: holds 2 bilingual documents"),
        "{message}"
    );
    assert!(
        message.contains(&format!("kk lines 1–{}", pack.blocks()[0].end_line())),
        "{message}"
    );
    assert!(
        message.contains(&format!("kk lines {}–", offset + 1)),
        "{message}"
    );
    assert!(message.contains("Pack"), "{message}");
}

#[test]
fn russian_kazakh_russian_kazakh_is_two_documents() {
    let text = format!(
        "{}{}{}{}",
        russian("А", 5),
        kazakh("А", 5),
        russian("Б", 3),
        kazakh("Б", 3)
    );
    let pack = Pack::from_text("ru-first.txt", text).unwrap();
    assert_eq!(langs(&pack), [Lang::Ru, Lang::Kk, Lang::Ru, Lang::Kk]);
    assert_eq!(pack.documents().len(), 2);
    for doc in pack.documents() {
        assert_eq!(doc.versions().len(), 2);
        // Each version starts at its title, not in the middle of the other's text.
        let ru = doc.version(Lang::Ru).unwrap();
        assert!(
            ru.clauses()[0].text().starts_with("ПОЛИТИКА"),
            "{:?}",
            ru.clauses()[0].text()
        );
    }
}

#[test]
fn copies_of_one_document_stay_one_document_with_equal_or_unequal_counts() {
    for (kk_copies, ru_copies) in [(3, 3), (3, 2), (2, 3)] {
        let text = format!(
            "{}{}",
            kazakh("ДЕРБЕС", 4).repeat(kk_copies),
            russian("КОНФИДЕНЦИАЛЬНОСТИ", 4).repeat(ru_copies)
        );
        let pack = Pack::from_text("copies.txt", text.clone()).unwrap();
        assert_eq!(
            langs(&pack),
            [Lang::Kk, Lang::Ru],
            "{kk_copies} + {ru_copies}"
        );
        assert_eq!(pack.documents().len(), 1);
        assert_eq!(pack.name(0), "copies.txt");
        let doc = BilingualDocument::from_text("copies.txt", text).unwrap();
        assert_eq!(doc.version(Lang::Kk).unwrap().part_count(), kk_copies);
        assert_eq!(doc.version(Lang::Ru).unwrap().part_count(), ru_copies);
    }
}

#[test]
fn a_block_without_counterpart_is_refused_naming_the_blocks_and_lines() {
    let text = format!("{}{}{}", kazakh("А", 5), russian("А", 5), kazakh("Б", 5));
    for err in [
        Pack::from_text("odd.txt", text.clone()).unwrap_err(),
        BilingualDocument::from_text("odd.txt", text.clone()).unwrap_err(),
    ] {
        let Error::Unsplittable { ref blocks, .. } = err else {
            panic!("expected Unsplittable, got {err:?}");
        };
        assert_eq!(
            blocks.iter().map(|b| b.lang()).collect::<Vec<_>>(),
            [Lang::Kk, Lang::Ru, Lang::Kk]
        );
        let message = err.to_string();
        assert!(
            message.starts_with("odd.txt: the languages alternate"),
            "{message}"
        );
        assert!(message.contains("kk lines 1–"), "{message}");
        assert!(message.contains("an odd number"), "{message}");
    }
}

#[test]
fn a_russian_paragraph_quoted_inside_the_kazakh_version_is_no_document() {
    let quote = "«Компания вправе изменять настоящую Политику без предварительного уведомления пользователя».\n\n";
    let kk = kazakh("ДЕРБЕС", 8);
    let (head, tail) = kk.split_at(kk.find("1.5.").unwrap());
    let text = format!("{head}{quote}{tail}{}", russian("КОНФИДЕНЦИАЛЬНОСТИ", 8));
    let pack = Pack::from_text("quote.txt", text).unwrap();
    assert_eq!(langs(&pack), [Lang::Kk, Lang::Ru]);
    assert_eq!(pack.documents().len(), 1);
}

#[test]
fn a_corpus_file_twice_is_two_documents_each_aligned_as_the_file_alone() {
    let path = crate::corpus_dir().join("kao-autocheck.txt");
    let single = std::fs::read_to_string(&path).unwrap();
    let alone = BilingualDocument::from_text("kao.txt", single.clone()).unwrap();
    let pairs = |doc: &BilingualDocument| {
        Aligner::new()
            .align(doc)
            .links()
            .iter()
            .filter(|l| !l.is_unmatched())
            .count()
    };
    let twice = format!("{single}\n{single}");
    let pack = Pack::from_text("kao2.txt", twice).unwrap();
    assert_eq!(langs(&pack), [Lang::Kk, Lang::Ru, Lang::Kk, Lang::Ru]);
    let lines = single.lines().count();
    for (i, doc) in pack.documents().iter().enumerate() {
        assert_eq!(pairs(doc), pairs(&alone), "document {}", i + 1);
        for lang in Lang::ALL {
            let (own, base) = (doc.version(lang).unwrap(), alone.version(lang).unwrap());
            assert_eq!(own.clauses().len(), base.clauses().len());
            // Every clause keeps its line in the file: the line it has alone, moved down by
            // the copies before it.
            for (clause, alone) in own.clauses().iter().zip(base.clauses()) {
                assert_eq!(
                    clause.line(),
                    alone.line() + i * lines,
                    "{lang} of document {}",
                    i + 1
                );
                assert_eq!(clause.text(), alone.text());
            }
        }
    }
}

#[test]
fn the_corpus_pipeline_gives_one_result_per_document_of_a_pack() {
    let dir = std::env::temp_dir().join(format!("kzru-packs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("pack.txt");
    let text = format!(
        "{}{}{}{}",
        kazakh("А", 5),
        russian("А", 5),
        kazakh("Б", 3),
        russian("Б", 3)
    );
    std::fs::write(&file, text).unwrap();
    let analysis = analyze_inputs(&[vec![file.clone()]], &CorpusOptions::new(), &|_| {});
    std::fs::remove_dir_all(&dir).ok();
    let names: Vec<String> = analysis.documents.iter().map(|d| d.name.clone()).collect();
    let file = file.display().to_string();
    assert_eq!(names, [format!("{file}#1"), format!("{file}#2")]);
    assert!(analysis.skipped.is_empty());
    assert!(
        analysis
            .documents
            .iter()
            .all(|d| d.doc.versions().len() == 2)
    );
}

#[test]
fn blocks_too_unequal_to_be_one_texts_versions_are_refused() {
    // A long Kazakh text, a short Russian one, a short Kazakh one, a long Russian one: paired
    // in order, a long version would face a short one.
    let text = format!(
        "{}{}{}{}",
        kazakh("А", 12),
        russian("Б", 2),
        kazakh("Б", 2),
        russian("А", 12)
    );
    let err = Pack::from_text("unequal.txt", text).unwrap_err();
    let Error::Unsplittable { ref blocks, .. } = err else {
        panic!("expected Unsplittable, got {err:?}");
    };
    assert_eq!(blocks.len(), 4);
    assert!(err.to_string().contains("too unequal"), "{err}");
}
