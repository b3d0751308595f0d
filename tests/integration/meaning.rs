//! The meaning-mutation suite (`tests/data/meaning-mutations.tsv`): hand-written clause pairs
//! and one edit each; the unedited pairs must give no `meaning_mismatch`, and the edits of
//! each sub-kind the stage reports must be found at least as often as the floors say.

use std::collections::BTreeMap;

use kzru_align::{Aligner, BilingualDocument, DivergenceKind, MeaningSubKind};

/// One line of the suite.
struct Mutation {
    expected: &'static str,
    edited: &'static str,
    kk: &'static str,
    ru: &'static str,
    after: &'static str,
}

fn mutations() -> Vec<Mutation> {
    include_str!("../data/meaning-mutations.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| match line.split('\t').collect::<Vec<_>>()[..] {
            [expected, edited, kk, ru, after] => Mutation {
                expected,
                edited,
                kk,
                ru,
                after,
            },
            _ => panic!("meaning-mutations.tsv: not five columns: {line:?}"),
        })
        .collect()
}

/// The sub-kinds of the meaning mismatches of a document with the clause pair as its first
/// clause; a second clause in each language, with no meaning difference, keeps a short
/// clause from being read as the other language.
fn meaning_of(kk: &str, ru: &str) -> Vec<MeaningSubKind> {
    let text = format!(
        "1. {kk}\n\n2. Осы Шарт Қазақстан Республикасының заңнамасына сәйкес жасалған.\n\n\
         1. {ru}\n\n2. Настоящий Договор заключен в соответствии с законодательством \
         Республики Казахстан.\n"
    );
    let doc = BilingualDocument::from_text("pair.txt", &text).unwrap();
    let alignment = Aligner::new().align(&doc);
    alignment
        .divergences()
        .iter()
        .filter(|d| d.kind() == DivergenceKind::MeaningMismatch)
        .map(|d| {
            d.meaning()
                .expect("a meaning mismatch carries its evidence")
                .sub_kind()
        })
        .collect()
}

/// Recall the suite must reach per sub-kind.
const FLOORS: &[(&str, f64)] = &[
    ("party", 0.8),
    ("modality", 0.8),
    ("negation", 0.8),
    ("exception", 0.8),
    ("unit", 0.8),
    ("quantity", 0.8),
    ("action", 0.8),
    ("list_member", 0.8),
    ("subject", 0.8),
];

#[test]
fn the_suite_has_sixty_edits_or_more() {
    assert!(mutations().len() >= 60);
}

#[test]
fn unedited_pairs_give_no_meaning_mismatch() {
    let alarms: Vec<String> = mutations()
        .iter()
        .filter_map(|m| {
            let found = meaning_of(m.kk, m.ru);
            (!found.is_empty()).then(|| format!("{found:?}: {} / {}", m.kk, m.ru))
        })
        .collect();
    assert!(alarms.is_empty(), "{alarms:#?}");
}

#[test]
fn recall_per_sub_kind_reaches_its_floor() {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    for m in mutations() {
        let (kk, ru) = match m.edited {
            "kk" => (m.after, m.ru),
            "ru" => (m.kk, m.after),
            other => panic!("edited side must be kk or ru, not {other}"),
        };
        let found = meaning_of(kk, ru);
        let hit = found.iter().any(|s| s.name() == m.expected);
        let entry = counts.entry(m.expected).or_default();
        entry.1 += 1;
        if hit {
            entry.0 += 1;
        } else {
            missed.push(format!("{} ({found:?}): {kk} / {ru}", m.expected));
        }
    }
    for (sub_kind, (found, all)) in &counts {
        eprintln!("meaning mutations: {sub_kind} {found}/{all}");
    }
    for line in &missed {
        eprintln!("  missed: {line}");
    }
    for &(sub_kind, floor) in FLOORS {
        let (found, all) = counts.get(sub_kind).copied().unwrap_or((0, 0));
        assert!(all > 0, "no mutation of {sub_kind}");
        assert!(
            found as f64 / all as f64 >= floor,
            "{sub_kind}: {found}/{all} below {floor}; missed: {missed:#?}"
        );
    }
}
