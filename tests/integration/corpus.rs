//! Every corpus document: its versions, its clause structure and the numbering problems that
//! are really in it (read off the files; line numbers are the files' own).

use kzru_align::{ClauseKind, FindingKind, Lang, NumberStyle, Severity};

use crate::{clause, corpus_doc, finding_summary, version};

/// Numbered line starts, found by a deliberately simple reference reader: after indentation,
/// Markdown heading marks, bold and bullets, a decimal, `N)` or Roman number followed by
/// white space. The segmenter must find every one of them at the same line, with the same
/// number; it may find more (numbers in the middle of a line).
fn reference_line_starts(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut rest = line.trim_start_matches([' ', '\t', '\u{a0}']);
        rest = rest.trim_start_matches('#').trim_start();
        loop {
            let before = rest;
            rest = rest.trim_start_matches("**");
            for bullet in ["- ", "• ", "✓ ", "* "] {
                rest = rest.strip_prefix(bullet).unwrap_or(rest).trim_start();
            }
            if rest == before {
                break;
            }
        }
        let number: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ')' | 'I' | 'V' | 'X'))
            .collect();
        let is_number = (number.chars().next().is_some_and(|c| c.is_ascii_digit())
            && (number.ends_with('.') || number.ends_with(')') || number.contains('.'))
            && number
                .split('.')
                .all(|part| part.trim_end_matches(')').len() <= 3))
            || (number.len() > 1
                && number.ends_with('.')
                && number
                    .trim_end_matches('.')
                    .chars()
                    .all(|c| matches!(c, 'I' | 'V' | 'X')));
        let followed_by_space = rest[number.len()..].starts_with([' ', '\u{a0}']);
        if is_number && followed_by_space {
            found.push((i + 1, number.trim_end_matches('.').to_owned()));
        }
    }
    found
}

/// The sections of a version: number as written and line.
fn sections(version: &kzru_align::Version) -> Vec<(String, usize)> {
    version
        .clauses()
        .iter()
        .filter(|c| c.kind() == ClauseKind::Section)
        .map(|c| (c.number().unwrap().to_string(), c.line()))
        .collect()
}

#[test]
fn every_numbered_line_start_of_the_corpus_is_a_clause_with_its_number_and_line() {
    // How many numbered line starts the reference reader finds in each file.
    let expected_counts = [
        ("mycar-myverify", 76),
        ("kao-autocheck", 78),
        ("aitu-sauda", 94),
        ("idcollect", 53),
        ("kazeuromobile-simply", 11),
    ];
    assert_eq!(expected_counts.map(|(stem, _)| stem), crate::CORPUS_STEMS);
    for (stem, expected_count) in expected_counts {
        let doc = corpus_doc(stem);
        let text = doc.sources()[0].text();
        let ours: Vec<(usize, String)> = doc
            .versions()
            .iter()
            .flat_map(|v| v.clauses())
            .filter_map(|c| {
                c.number()
                    .map(|n| (c.line(), n.as_str().trim_end_matches('.').to_owned()))
            })
            .collect();
        let reference = reference_line_starts(text);
        assert_eq!(reference.len(), expected_count, "{stem}");
        for start in &reference {
            assert!(
                ours.contains(start),
                "{stem}: line {} «{}» is not a clause",
                start.0,
                start.1
            );
        }
    }
}

#[test]
fn mycar_kazakh_then_russian_with_the_7_6_slip_and_the_missing_6_4() {
    let doc = corpus_doc("mycar-myverify");
    let (kk, ru) = (version(&doc, Lang::Kk), version(&doc, Lang::Ru));
    assert_eq!(
        (kk.line(), kk.end_line(), ru.line(), ru.end_line()),
        (1, 200, 202, 401)
    );
    assert_eq!((kk.clauses().len(), ru.clauses().len()), (128, 125));
    for v in [kk, ru] {
        assert_eq!(v.clauses().iter().filter(|c| c.is_numbered()).count(), 38);
        let sections: Vec<String> = sections(v).into_iter().map(|(number, _)| number).collect();
        assert_eq!(
            sections,
            ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9."]
        );
        assert_eq!(
            v.clauses()
                .iter()
                .filter(|c| c.kind() == ClauseKind::TableRow)
                .count(),
            12
        );
    }
    assert_eq!(kk.clauses()[0].kind(), ClauseKind::Title);
    assert_eq!(kk.clauses()[0].text(), "ҚҰПИЯЛЫҚ САЯСАТЫ");
    assert_eq!(ru.clauses()[0].text(), "ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ");
    assert_eq!(ru.clauses()[1].kind(), ClauseKind::Heading);
    // 7.6. stands inside section 9 in both versions.
    for (v, line, section_line) in [(kk, 185, 171), (ru, 386, 372)] {
        let slip = clause(v, "7.6");
        assert_eq!(slip.line(), line);
        let parent = v.clause(slip.parent().unwrap()).unwrap();
        assert_eq!(
            (parent.number().unwrap().as_str(), parent.line()),
            ("9.", section_line)
        );
    }
    assert_eq!(clause(kk, "3.1.2").line(), 81);
    assert_eq!(clause(ru, "3.1.2").line(), 278);
    assert_eq!(clause(kk, "9.11").line(), 200);
    // The checkmark bullets nest under the third-party bullet of 6.1.
    let check = kk.clauses().iter().find(|c| c.line() == 143).unwrap();
    assert_eq!((check.marker(), check.depth()), (Some("- ✓"), 3));
    assert_eq!(
        finding_summary(&doc),
        [
            (FindingKind::NumberingGap, Some(Lang::Kk), Some(157)),
            (FindingKind::OutOfSequence, Some(Lang::Kk), Some(185)),
            (FindingKind::NumberingGap, Some(Lang::Ru), Some(356)),
            (FindingKind::OutOfSequence, Some(Lang::Ru), Some(386)),
        ]
    );
    let gap = kk
        .findings()
        .iter()
        .find(|f| f.kind() == FindingKind::NumberingGap)
        .unwrap();
    assert!(
        gap.message().contains("6.4 is missing"),
        "{}",
        gap.message()
    );
}

#[test]
fn kao_9_6_in_kazakh_is_7_6_in_russian_and_mixed_script_words_are_found() {
    let doc = corpus_doc("kao-autocheck");
    let (kk, ru) = (version(&doc, Lang::Kk), version(&doc, Lang::Ru));
    assert_eq!((kk.line(), ru.line(), ru.end_line()), (1, 195, 400));
    assert_eq!((kk.clauses().len(), ru.clauses().len()), (118, 122));
    assert_eq!(clause(kk, "9.6").line(), 176);
    assert!(ru.find("9.6").is_none());
    assert_eq!(clause(ru, "7.6").line(), 383);
    assert_eq!(clause(kk, "9.12").line(), 193);
    assert_eq!(clause(ru, "9.12").line(), 400);
    // A heading broken over two blocks is joined.
    assert_eq!(
        clause(kk, "5").heading(),
        Some("Жеке деректерді алу тәсілдері. Корғау шаралары")
    );
    assert_eq!(
        finding_summary(&doc),
        [
            (FindingKind::MixedScript, Some(Lang::Kk), Some(13)),
            (FindingKind::MixedScript, Some(Lang::Kk), Some(40)),
            (FindingKind::OutOfSequence, Some(Lang::Ru), Some(383)),
        ]
    );
    let ben = &kk.findings()[0];
    assert_eq!(ben.count(), 2, "«еркінізben» and «Сізben»");
    assert_eq!(doc.sources()[0].slice(ben.span().unwrap()), "еркінізben");
    assert_eq!(
        clause(kk, "2.1").text(),
        "Жеке деректер келесі мақсаттарда жиналып, пайдаланылады:"
    );
    let partner = kk.clauses().iter().find(|c| c.line() == 40).unwrap();
    assert!(
        partner.text().contains("серіктестері"),
        "repaired in the normalized text"
    );
    assert!(
        doc.original_text(partner).contains("серікtestері"),
        "the original is untouched"
    );
}

#[test]
fn aitu_pdf_text_with_items_and_clauses_inside_lines() {
    let doc = corpus_doc("aitu-sauda");
    let (kk, ru) = (version(&doc, Lang::Kk), version(&doc, Lang::Ru));
    assert_eq!(
        (kk.line(), kk.end_line(), ru.line(), ru.end_line()),
        (1, 133, 141, 259)
    );
    assert_eq!((kk.clauses().len(), ru.clauses().len()), (58, 56));
    // Numbers that start a clause in the middle of a PDF line.
    for (number, line) in [("1.2", 145), ("1.6", 151), ("3.5", 233)] {
        assert_eq!(clause(ru, number).line(), line, "{number}");
    }
    let items_of = |v: &kzru_align::Version, number: &str| -> Vec<(String, usize)> {
        let parent = clause(v, number);
        parent
            .children()
            .iter()
            .map(|&id| v.clause(id).unwrap())
            .filter(|c| {
                c.number()
                    .is_some_and(|n| n.style() == NumberStyle::Parenthesized)
            })
            .map(|c| (c.number().unwrap().to_string(), c.line()))
            .collect()
    };
    let kk_items = items_of(kk, "2.2");
    assert_eq!(kk_items.len(), 10);
    assert_eq!(kk_items[3..5], [("4)".into(), 35), ("5)".into(), 35)]);
    assert_eq!(
        kk_items[8],
        ("9)".into(), 45),
        "after a line ending in a comma"
    );
    let ru_items = items_of(ru, "2.2");
    assert_eq!(
        ru_items,
        [
            ("1)", 163),
            ("2)", 163),
            ("3)", 165),
            ("4)", 167),
            ("5)", 167),
            ("6)", 169),
            ("7)", 171),
            ("8)", 175)
        ]
        .map(|(n, l)| (n.to_owned(), l))
    );
    assert_eq!(items_of(ru, "3.2").len(), 3);
    assert_eq!(items_of(kk, "3.3").len(), 5);
    // «4.1 – 4.3-тармақтардың» and «TLS v1.2» are running text.
    assert_eq!(kk.clauses().iter().filter(|c| c.line() == 123).count(), 1);
    assert!(kk.find("4.1").unwrap().line() == 111);
    // The heading broken over two lines is joined.
    assert_eq!(
        clause(kk, "3").heading(),
        Some("ҚҰПИЯЛЫЛЫҚТЫ САҚТАУ ҮШІН ПАЙДАЛАНЫЛАТЫН ҚАУІПСІЗДІК ШАРАЛАРЫ")
    );
    assert_eq!(
        clause(ru, "3").heading(),
        Some("МЕРЫ БЕЗОПАСНОСТИ, ИСПОЛЬЗУЕМЫЕ ДЛЯ СОХРАНЕНИЯ КОНФИДЕНЦИАЛЬНОСТИ")
    );
    assert_eq!(
        finding_summary(&doc),
        [
            (FindingKind::MixedScript, Some(Lang::Kk), Some(5)),
            (FindingKind::DuplicateNumber, Some(Lang::Kk), Some(105)),
            (FindingKind::DuplicateNumber, Some(Lang::Ru), Some(233)),
            (FindingKind::NumberingStyle, Some(Lang::Ru), Some(253)),
        ]
    );
    let schwa = &kk.findings()[0];
    assert_eq!(
        schwa.count(),
        114,
        "one finding for the whole document's Latin ə/Ə"
    );
    assert_eq!(schwa.severity(), Severity::Info);
    assert!(clause(kk, "1.1").text().contains("бұдан әрі"));
}

#[test]
fn idcollect_is_kazakh_only_markdown_with_mixed_markers() {
    let doc = corpus_doc("idcollect");
    assert!(doc.version(Lang::Ru).is_none());
    let kk = version(&doc, Lang::Kk);
    assert_eq!(kk.clauses().len(), 73);
    assert_eq!(kk.clauses().iter().filter(|c| c.is_numbered()).count(), 53);
    assert_eq!(
        kk.clauses()[0].text(),
        "ҚҰПИЯЛЫЛЫҚ ЖӘНЕ ДЕРБЕС ДЕРЕКТЕРДІ ӨНДЕУ САЯСАТЫ"
    );
    let sections = sections(kk);
    assert_eq!(
        sections,
        [
            ("1.", 13),
            ("2.", 31),
            ("3.", 51),
            ("4.", 77),
            ("5.", 83),
            ("6.", 104)
        ]
        .map(|(n, l)| (n.to_owned(), l))
    );
    assert!(!clause(kk, "2.2.1").number().unwrap().has_trailing_dot());
    let nested = clause(kk, "2.3.1");
    assert_eq!((nested.line(), nested.marker()), (45, Some("-")));
    assert_eq!(
        kk.clause(nested.parent().unwrap())
            .unwrap()
            .number()
            .unwrap()
            .as_str(),
        "2.3."
    );
    assert_eq!(clause(kk, "6.7").line(), 118);
    assert!(clause(kk, "6.7").text().contains("info@idcollect.kz"));
    assert_eq!(
        finding_summary(&doc),
        [
            (FindingKind::SingleLanguage, Some(Lang::Kk), Some(3)),
            (FindingKind::NumberingStyle, Some(Lang::Kk), Some(33)),
            (FindingKind::NumberingStyle, Some(Lang::Kk), Some(37)),
            (FindingKind::NumberingStyle, Some(Lang::Kk), Some(71)),
            (FindingKind::MixedScript, Some(Lang::Kk), Some(73)),
            (FindingKind::NumberingStyle, Some(Lang::Kk), Some(77)),
        ]
    );
    assert!(clause(kk, "3.9").text().contains("cookie"));
}

#[test]
fn kazeuromobile_is_kazakh_only_with_roman_sections() {
    let doc = corpus_doc("kazeuromobile-simply");
    assert!(doc.version(Lang::Ru).is_none());
    let kk = version(&doc, Lang::Kk);
    let sections = sections(kk);
    let expected = [
        ("I.", 21),
        ("II.", 25),
        ("III.", 35),
        ("IV.", 47),
        ("V.", 61),
        ("VI.", 65),
        ("VII.", 77),
        ("VIII.", 83),
        ("IX.", 91),
        ("X.", 95),
        ("XI.", 101),
    ];
    assert_eq!(sections, expected.map(|(n, l)| (n.to_owned(), l)));
    assert!(
        kk.clauses()[..6].iter().all(|c| !c.is_numbered()),
        "approval block, title and preamble"
    );
    assert_eq!(kk.clauses()[0].kind(), ClauseKind::Title);
    // Unnumbered paragraphs belong to their section.
    let section_two = clause(kk, "II");
    assert_eq!((section_two.line(), section_two.end_line()), (25, 33));
    assert_eq!(
        finding_summary(&doc),
        [(FindingKind::SingleLanguage, Some(Lang::Kk), Some(5))]
    );
}
