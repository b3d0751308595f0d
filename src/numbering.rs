//! Numbering checks: whether a version numbers its clauses consistently (sequence, gaps,
//! duplicates, one way of writing numbers and markers). Reading a number is `number.rs`.

use std::collections::HashMap;

use crate::clause::{Clause, ClauseId};
use crate::finding::Finding;
use crate::kind::Kind;
use crate::number::{ClauseNumber, NumberStyle, join, roman};

/// Checks the numbering of one version's clauses; `file` names the input in the findings.
pub(crate) fn check(clauses: &[Clause], file: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    check_hierarchy(clauses, file, &mut findings);
    check_lists(clauses, file, &mut findings);
    check_trailing_dots(clauses, file, &mut findings);
    check_markers(clauses, file, &mut findings);
    check_slips(clauses, file, &mut findings);
    findings.sort_by_key(|f| (f.span().map(|s| s.start()), f.kind()));
    findings
}

fn finding(
    kind: Kind,
    clause: &Clause,
    file: &str,
    message: String,
    others: &[ClauseId],
) -> Finding {
    let mut ids = vec![clause.id];
    ids.extend_from_slice(others);
    Finding::new(kind, file, message)
        .in_lang(clause.lang())
        .at(clause.span, clause.line)
        .with_clauses(ids)
}

fn hierarchical(clause: &Clause) -> Option<&ClauseNumber> {
    clause.number.as_ref().filter(|n| n.is_hierarchical())
}

fn check_hierarchy(clauses: &[Clause], file: &str, findings: &mut Vec<Finding>) {
    // Each document of a pack numbers its clauses on its own (see `Clause::part`).
    // The last sibling seen for each (part, parent, level, style): its id and the slot it
    // filled.
    type Siblings = (usize, Option<ClauseId>, usize, bool);
    let mut last_sibling: HashMap<Siblings, (ClauseId, u32)> = HashMap::new();
    let mut seen: HashMap<(usize, bool, Vec<u32>), ClauseId> = HashMap::new();
    for clause in clauses {
        let Some(number) = hierarchical(clause) else {
            continue;
        };
        let is_roman = number.style() == NumberStyle::Roman;
        let parent = clause.parent.map(|id| &clauses[id.index]);
        let parent_number = parent
            .and_then(hierarchical)
            .filter(|n| n.style() == NumberStyle::Decimal);
        let mut misplaced = false;
        if let Some(pn) = parent_number
            && !is_roman
            && (number.components().len() <= pn.components().len()
                || number.components()[..pn.components().len()] != pn.components()[..])
        {
            misplaced = true;
            let expected = join(pn.components());
            findings.push(finding(
                Kind::OutOfSequence,
                clause,
                file,
                format!(
                    "{} stands inside {} {}; expected a number starting with {expected}.",
                    number.as_str(),
                    if pn.components().len() == 1 {
                        "section"
                    } else {
                        "clause"
                    },
                    pn.dotted(),
                ),
                &[parent.map_or(clause.id, |p| p.id)],
            ));
        }
        let number_key = (clause.part, is_roman, number.components().to_vec());
        if let Some(&first) = seen.get(&number_key) {
            findings.push(finding(
                Kind::DuplicateNumber,
                clause,
                file,
                format!(
                    "{} is used twice: first at line {}.",
                    number.as_str(),
                    clauses[first.index].line
                ),
                &[first],
            ));
            // A duplicate takes no new slot: the next number continues after it.
            continue;
        }
        seen.insert(number_key, clause.id);
        let key = (clause.part, clause.parent, number.level(), is_roman);
        let slot = number.last();
        match last_sibling.get(&key) {
            Some(&(prev_id, prev_slot)) => {
                let prev = &clauses[prev_id.index];
                if slot > prev_slot + 1 {
                    let missing = missing_range(number, prev_slot + 1, slot - 1);
                    findings.push(finding(
                        Kind::NumberingGap,
                        clause,
                        file,
                        format!(
                            "{} follows {}: {missing} missing.",
                            number.as_str(),
                            prev_label(prev)
                        ),
                        &[prev_id],
                    ));
                } else if slot <= prev_slot && !misplaced {
                    findings.push(finding(
                        Kind::OutOfSequence,
                        clause,
                        file,
                        format!("{} comes after {}.", number.as_str(), prev_label(prev)),
                        &[prev_id],
                    ));
                }
            }
            None if slot > 1 && !misplaced => {
                let missing = missing_range(number, 1, slot - 1);
                findings.push(finding(
                    Kind::NumberingGap,
                    clause,
                    file,
                    format!(
                        "{} is the first of its level here: {missing} missing.",
                        number.as_str()
                    ),
                    &[],
                ));
            }
            None => {}
        }
        last_sibling.insert(
            key,
            (
                clause.id,
                slot.max(last_sibling.get(&key).map_or(0, |s| s.1)),
            ),
        );
    }
}

fn prev_label(clause: &Clause) -> String {
    clause
        .number
        .as_ref()
        .map_or_else(String::new, |n| n.as_str().to_owned())
}

fn missing_range(number: &ClauseNumber, from: u32, to: u32) -> String {
    let label = |last: u32| match number.style() {
        NumberStyle::Decimal => {
            let mut c = number.components().to_vec();
            if let Some(l) = c.last_mut() {
                *l = last;
            }
            join(&c)
        }
        NumberStyle::Roman => roman(last),
        NumberStyle::Parenthesized => format!("{last})"),
        NumberStyle::DottedItem => format!("{last}."),
        NumberStyle::Letter => format!("item {last}"),
    };
    if from == to {
        format!("{} is", label(from))
    } else if to - from < 4 {
        let all: Vec<String> = (from..=to).map(label).collect();
        format!("{} are", all.join(", "))
    } else {
        format!("{} to {} are", label(from), label(to))
    }
}

fn check_lists(clauses: &[Clause], file: &str, findings: &mut Vec<Finding>) {
    // The roots of each document of a pack, then the children of each clause.
    let parts = clauses.last().map_or(0, |c| c.part + 1);
    let roots = (0..parts).map(|part| {
        clauses
            .iter()
            .filter(|c| c.parent.is_none() && c.part == part)
            .collect::<Vec<&Clause>>()
    });
    let children = clauses.iter().map(|parent| {
        parent
            .children
            .iter()
            .map(|c| &clauses[c.index])
            .collect::<Vec<&Clause>>()
    });
    for children in roots.chain(children) {
        for style in [
            NumberStyle::Parenthesized,
            NumberStyle::Letter,
            NumberStyle::DottedItem,
        ] {
            let mut prev: Option<&Clause> = None;
            for &child in children
                .iter()
                .filter(|c| c.number.as_ref().is_some_and(|n| n.style() == style))
            {
                let Some(number) = &child.number else {
                    continue;
                };
                let value = number.last();
                match prev.and_then(|p| p.number.as_ref().map(|n| (p, n.last()))) {
                    // A list that starts again at 1 is a new list under the same clause.
                    _ if value == 1 => {}
                    None => {
                        if style != NumberStyle::Letter {
                            findings.push(finding(
                                Kind::NumberingGap,
                                child,
                                file,
                                format!(
                                    "the list starts at {}: {} missing.",
                                    number.as_str(),
                                    missing_range(number, 1, value - 1)
                                ),
                                &[],
                            ));
                        }
                    }
                    Some((p, last)) if value == last => findings.push(finding(
                        Kind::DuplicateNumber,
                        child,
                        file,
                        format!(
                            "item {} is numbered twice in one list (first at line {}).",
                            number.as_str(),
                            p.line
                        ),
                        &[p.id],
                    )),
                    Some((p, last)) if value < last => findings.push(finding(
                        Kind::OutOfSequence,
                        child,
                        file,
                        format!("item {} comes after {}.", number.as_str(), prev_label(p)),
                        &[p.id],
                    )),
                    Some((p, last)) if value > last + 1 && style != NumberStyle::Letter => findings
                        .push(finding(
                            Kind::NumberingGap,
                            child,
                            file,
                            format!(
                                "item {} follows {}: {} missing.",
                                number.as_str(),
                                prev_label(p),
                                missing_range(number, last + 1, value - 1)
                            ),
                            &[p.id],
                        )),
                    Some(_) => {}
                }
                prev = Some(child);
            }
        }
    }
}

/// How a clause's marker is written (bullet glyphs and Markdown heading marks), for
/// comparing siblings.
fn marks(clause: &Clause) -> String {
    let mut marks = clause.marker.clone().unwrap_or_default();
    for _ in 0..clause.heading_level {
        marks.push('#');
    }
    marks
}

/// Decimal numbers of one level written both with and without a trailing dot.
fn check_trailing_dots(clauses: &[Clause], file: &str, findings: &mut Vec<Finding>) {
    // Trailing dots compare across the whole document, level by level: `5.1` is odd beside
    // thirty `x.y.` clauses even when it is the only clause of its section. Each document of
    // a pack has its own way.
    let mut by_level: HashMap<(usize, usize), Vec<&Clause>> = HashMap::new();
    for clause in clauses {
        if let Some(n) = clause
            .number
            .as_ref()
            .filter(|n| n.style() == NumberStyle::Decimal)
        {
            by_level
                .entry((clause.part, n.components().len()))
                .or_default()
                .push(clause);
        }
    }
    let mut levels: Vec<_> = by_level.into_iter().collect();
    levels.sort_by_key(|(key, _)| *key);
    for ((_, level), group) in levels {
        let with_dot = group
            .iter()
            .filter(|c| c.number.as_ref().is_some_and(|n| n.has_trailing_dot()))
            .count();
        let without = group.len() - with_dot;
        if with_dot == 0 || without == 0 {
            continue;
        }
        let minority_dot = with_dot < without;
        let odd: Vec<&&Clause> = group
            .iter()
            .filter(|c| {
                c.number
                    .as_ref()
                    .is_some_and(|n| n.has_trailing_dot() == minority_dot)
            })
            .collect();
        let names: Vec<&str> = odd
            .iter()
            .filter_map(|c| c.number.as_ref().map(ClauseNumber::as_str))
            .collect();
        let message = format!(
            "level-{level} numbers are written both with and without a trailing dot: {} {} {} the other {}.",
            list_names(&names),
            if names.len() == 1 {
                "is written"
            } else {
                "are written"
            },
            if minority_dot {
                "with a dot, unlike"
            } else {
                "without a dot, unlike"
            },
            group.len() - odd.len()
        );
        let ids: Vec<ClauseId> = odd.iter().skip(1).map(|c| c.id).collect();
        findings
            .push(finding(Kind::NumberingStyle, odd[0], file, message, &ids).with_count(odd.len()));
    }
}

/// Siblings of one family (hierarchical numbers, enumerations, bullets) written with
/// different markers (bullet glyphs, heading marks).
fn check_markers(clauses: &[Clause], file: &str, findings: &mut Vec<Finding>) {
    // Markers compare among siblings: one list, one way of writing.
    let mut groups: HashMap<(usize, Option<ClauseId>, u8), Vec<&Clause>> = HashMap::new();
    for clause in clauses {
        let family = match (&clause.number, clause.kind) {
            (Some(n), _) if n.is_hierarchical() => 0,
            (Some(_), _) => 1,
            (None, crate::ClauseKind::Bullet) => 2,
            _ => continue,
        };
        groups
            .entry((clause.part, clause.parent, family))
            .or_default()
            .push(clause);
    }
    let mut groups: Vec<_> = groups
        .into_iter()
        .filter(|(_, g)| g.len() > 1)
        .map(|((_, _, family), g)| (family, g))
        .collect();
    groups.sort_by_key(|(_, g)| g[0].span.start());
    for (family, group) in groups {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for clause in &group {
            let m = marks(clause);
            match counts.iter_mut().find(|(k, _)| *k == m) {
                Some((_, n)) => *n += 1,
                None => counts.push((m, 1)),
            }
        }
        if counts.len() < 2 {
            continue;
        }
        // The way most siblings write it; on a tie between numbered clauses, a bullet before
        // the number is the slip: `- 4.2.` after `4.1.` is the odd one, not `4.1.`.
        let majority = counts
            .iter()
            .max_by_key(|(k, n)| (*n, family == 0 && k.is_empty()))
            .map(|(k, _)| k.clone())
            .unwrap_or_default();
        let odd: Vec<&&Clause> = group.iter().filter(|c| marks(c) != majority).collect();
        let describe = |m: &str| {
            if m.is_empty() {
                "no marker".to_owned()
            } else {
                format!("«{m}»")
            }
        };
        let names: Vec<String> = odd
            .iter()
            .map(|c| {
                c.number
                    .as_ref()
                    .map_or_else(|| format!("line {}", c.line), |n| n.as_str().to_owned())
            })
            .collect();
        let message = format!(
            "mixed markers in one list: {} {} {}, the other {} have {}.",
            list_names(&names.iter().map(String::as_str).collect::<Vec<_>>()),
            if odd.len() == 1 { "has" } else { "have" },
            odd.iter()
                .map(|c| describe(&marks(c)))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
                .join(" or "),
            group.len() - odd.len(),
            describe(&majority)
        );
        let ids: Vec<ClauseId> = odd.iter().skip(1).map(|c| c.id).collect();
        findings
            .push(finding(Kind::NumberingStyle, odd[0], file, message, &ids).with_count(odd.len()));
    }
}

/// Numbers written with a slip that the segmenter read past: twice (`4.1. 4.1.`) or with
/// extra dots (`7.4..`).
fn check_slips(clauses: &[Clause], file: &str, findings: &mut Vec<Finding>) {
    for clause in clauses {
        if let (Some(slip), Some(number)) = (clause.slip, &clause.number) {
            findings.push(finding(
                Kind::NumberingStyle,
                clause,
                file,
                format!("{} {}.", number.as_str(), slip.describe()),
                &[],
            ));
        }
    }
}

fn list_names(names: &[&str]) -> String {
    if names.len() <= 6 {
        names.join(", ")
    } else {
        format!("{} and {} more", names[..5].join(", "), names.len() - 5)
    }
}

#[cfg(test)]
mod tests {
    use crate::document::BilingualDocument;
    use crate::kind::Kind;
    use crate::language::Lang;

    /// `(kind, line, message)` of the numbering findings of a Kazakh text.
    fn findings(text: &str) -> Vec<(Kind, Option<usize>, String)> {
        let doc = BilingualDocument::from_text("t.txt", text).unwrap();
        doc.version(Lang::Kk)
            .unwrap()
            .findings()
            .iter()
            .filter(|f| f.kind() != Kind::SingleLanguage)
            .map(|f| (f.kind(), f.line(), f.message().to_owned()))
            .collect()
    }

    #[test]
    fn a_number_written_twice_or_with_extra_dots_is_a_style_finding() {
        let found = findings(
            "1. Жалпы ережелер\n\n1.1. Бірінші тармақ.\n\n1.2. 1.2. Екінші тармақ.\n\n\
             1.3.. Үшінші тармақ.\n",
        );
        assert_eq!(
            found,
            [
                (
                    Kind::NumberingStyle,
                    Some(5),
                    "1.2. is written twice.".to_owned()
                ),
                (
                    Kind::NumberingStyle,
                    Some(7),
                    "1.3. is written with more than one dot.".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_bullet_before_a_clause_number_is_the_odd_marker_on_a_tie() {
        let found = findings(
            "1. Жалпы ережелер\n\n2. Тараптардың құқықтары\n\n2.1. Орындаушы құқылы:\n\n\
             - емдеуді тоқтатуға;\n\n- 2.2. Тапсырыс беруші құқылы.\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(9), "{found:?}");
        assert!(found[0].2.contains("2.2. has «-»"), "{found:?}");
    }

    #[test]
    fn each_document_of_a_pack_is_numbered_on_its_own() {
        let pack = "ЖАРИЯ ОФЕРТА\n\n1. Жалпы ережелер\n\n1.1. Орындаушы қызмет көрсетеді.\n\n\
             2. Төлем\n\n2.1. Тапсырыс беруші төлейді.\n\nҚҰПИЯЛЫЛЫҚ САЯСАТЫ\n\n\
             1. Терминдер\n\n1.1. Сайт – сайт.\n\n2. Мақсаттар\n\n2.1. Деректер қажет.\n\n\
             ҚАЙТАРУ ЕРЕЖЕЛЕРІ\n\n1. Қайтару\n\n1.1. Ақша қайтарылады.\n\n1.2. Мерзімі.\n";
        assert_eq!(findings(pack), []);
        // A gap inside a document is still one.
        let gap = pack.replace("1.2. Мерзімі.", "1.4. Мерзімі.");
        let found = findings(&gap);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Kind::NumberingGap);
        assert_eq!(found[0].1, Some(27));
    }
}
