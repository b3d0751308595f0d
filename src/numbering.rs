//! Clause numbers: reading them (`2.2.1`, `9.6.`, `IV.`, `1)`, `а)`) and checking that a
//! version numbers its clauses consistently.

use std::collections::HashMap;
use std::fmt;

use crate::clause::{Clause, ClauseId};
use crate::finding::{Finding, FindingKind};

/// How a clause number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NumberStyle {
    /// Dotted decimal: `1.`, `2.1.`, `2.2.1`.
    Decimal,
    /// Roman numeral: `I.` to `XXXIX.` (Cyrillic `І` and `Х` typed for `I` and `X` included).
    Roman,
    /// Enumeration with a parenthesis: `1)`.
    Parenthesized,
    /// Letter enumeration: `а)`, `b)`.
    Letter,
}

/// A clause number as written, with its numeric components.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ClauseNumber {
    raw: String,
    style: NumberStyle,
    components: Vec<u32>,
    trailing_dot: bool,
}

impl ClauseNumber {
    /// Reads a clause number at the start of `s`; returns it and the bytes it takes (its
    /// trailing `.` or `)` included). Only the form is checked here: whether a number at a
    /// given place really starts a clause is the segmenter's decision.
    ///
    /// ```
    /// use kzru_align::{ClauseNumber, NumberStyle};
    /// let (n, len) = ClauseNumber::parse_prefix("9.6. Біз").unwrap();
    /// assert_eq!((n.as_str(), n.components(), len), ("9.6.", &[9, 6][..], 4));
    /// assert_eq!(ClauseNumber::parse_prefix("IV. Жалпы").unwrap().0.components(), [4]);
    /// assert_eq!(ClauseNumber::parse_prefix("3) оның").unwrap().0.style(), NumberStyle::Parenthesized);
    /// assert!(ClauseNumber::parse_prefix("2013 жылғы").is_none());
    /// ```
    pub fn parse_prefix(s: &str) -> Option<(ClauseNumber, usize)> {
        parse_decimal(s)
            .or_else(|| parse_roman(s))
            .or_else(|| parse_letter(s))
    }

    /// The number as written (`"9.6."`, `"1)"`, `"IV."`).
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// How it is written.
    pub fn style(&self) -> NumberStyle {
        self.style
    }

    /// Numeric components: `[9, 6]` for `9.6.`, `[4]` for `IV.`, `[3]` for `3)` and `в)`.
    pub fn components(&self) -> &[u32] {
        &self.components
    }

    /// Whether a decimal or Roman number ends with a dot (`5.1.` rather than `5.1`).
    pub fn has_trailing_dot(&self) -> bool {
        self.trailing_dot
    }

    /// The last component.
    pub fn last(&self) -> u32 {
        self.components.last().copied().unwrap_or(0)
    }

    /// Nesting level of a decimal number (`2.2.1` is 3); Roman sections are level 0, above
    /// decimal ones; enumerations have no level of their own and return 1.
    pub fn level(&self) -> usize {
        match self.style {
            NumberStyle::Decimal => self.components.len(),
            NumberStyle::Roman => 0,
            NumberStyle::Parenthesized | NumberStyle::Letter => 1,
        }
    }

    /// The components as a dotted string without a trailing dot (`"9.6"`), for messages.
    pub fn dotted(&self) -> String {
        match self.style {
            NumberStyle::Decimal => join(&self.components),
            _ => self.raw.clone(),
        }
    }
}

impl fmt::Display for ClauseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

fn join(components: &[u32]) -> String {
    components
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// At most three digits in a component after the first: a four-digit year ends a date
/// (`21.05.2013`), not a clause number. The first component may have up to six (section
/// 1000 of a long register); a bare year is never a clause number anyway, for it has no dot.
const MAX_DIGITS: usize = 3;
const MAX_FIRST_DIGITS: usize = 6;

fn parse_decimal(s: &str) -> Option<(ClauseNumber, usize)> {
    let bytes = s.as_bytes();
    let mut components = Vec::new();
    let mut i = 0;
    loop {
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let limit = if components.is_empty() {
            MAX_FIRST_DIGITS
        } else {
            MAX_DIGITS
        };
        if digits == 0 || digits > limit {
            return None;
        }
        components.push(s[i..i + digits].parse().ok()?);
        i += digits;
        if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        break;
    }
    if components[0] == 0 {
        return None;
    }
    let (style, trailing_dot, len) = match bytes.get(i) {
        Some(b'.') => (NumberStyle::Decimal, true, i + 1),
        Some(b')') if components.len() == 1 => (NumberStyle::Parenthesized, false, i + 1),
        // `1` alone is a bare number in running text; `2.2.1` without a dot is a clause number.
        _ if components.len() > 1 => (NumberStyle::Decimal, false, i),
        _ => return None,
    };
    Some((
        ClauseNumber {
            raw: s[..len].to_owned(),
            style,
            components,
            trailing_dot,
        },
        len,
    ))
}

fn parse_roman(s: &str) -> Option<(ClauseNumber, usize)> {
    let mut value_digits = Vec::new();
    let mut len = 0;
    for c in s.chars() {
        let digit = match c {
            'I' | 'І' => 1,
            'V' => 5,
            'X' | 'Х' => 10,
            _ => break,
        };
        value_digits.push(digit);
        len += c.len_utf8();
    }
    if value_digits.is_empty() || !s[len..].starts_with('.') {
        return None;
    }
    let mut value = 0i32;
    for (i, &d) in value_digits.iter().enumerate() {
        if value_digits.get(i + 1).is_some_and(|&next| next > d) {
            value -= d;
        } else {
            value += d;
        }
    }
    let value = u32::try_from(value).ok().filter(|v| (1..40).contains(v))?;
    // Only canonical numerals: `IIII.` or `VX.` are not section numbers.
    if roman(value) != s[..len].replace('І', "I").replace('Х', "X") {
        return None;
    }
    Some((
        ClauseNumber {
            raw: s[..=len].to_owned(),
            style: NumberStyle::Roman,
            components: vec![value],
            trailing_dot: true,
        },
        len + 1,
    ))
}

fn roman(mut value: u32) -> String {
    let mut out = String::new();
    for (v, s) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while value >= v {
            out.push_str(s);
            value -= v;
        }
    }
    out
}

const LATIN_LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";
const CYRILLIC_LETTERS: &str = "абвгдежзиклмнопрстуфхцчшщэюя";

fn parse_letter(s: &str) -> Option<(ClauseNumber, usize)> {
    let mut chars = s.chars();
    let letter = chars.next()?;
    if chars.next() != Some(')') {
        return None;
    }
    let position = LATIN_LETTERS
        .chars()
        .position(|c| c == letter)
        .or_else(|| CYRILLIC_LETTERS.chars().position(|c| c == letter))?;
    let len = letter.len_utf8() + 1;
    Some((
        ClauseNumber {
            raw: s[..len].to_owned(),
            style: NumberStyle::Letter,
            components: vec![position as u32 + 1],
            trailing_dot: false,
        },
        len,
    ))
}

/// The numbers that may come next after `current` in a hierarchical numbering: its first
/// child, its next sibling, or the next sibling of any ancestor.
pub(crate) fn successors(current: &[u32]) -> impl Iterator<Item = Vec<u32>> + '_ {
    let first_child = current.iter().copied().chain([1]).collect();
    std::iter::once(first_child).chain((1..=current.len()).rev().map(move |len| {
        let mut next = current[..len].to_vec();
        next[len - 1] += 1;
        next
    }))
}

/// Checks the numbering of one version's clauses; `file` names the input in the findings.
pub(crate) fn check(clauses: &[Clause], file: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    check_hierarchy(clauses, file, &mut findings);
    check_lists(clauses, file, &mut findings);
    check_style(clauses, file, &mut findings);
    findings.sort_by_key(|f| (f.span().map(|s| s.start()), f.kind()));
    findings
}

fn finding(
    kind: FindingKind,
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
    clause
        .number
        .as_ref()
        .filter(|n| matches!(n.style, NumberStyle::Decimal | NumberStyle::Roman))
}

fn check_hierarchy(clauses: &[Clause], file: &str, findings: &mut Vec<Finding>) {
    // The last sibling seen for each (parent, level, style): its id and the slot it filled.
    let mut last_sibling: HashMap<(Option<ClauseId>, usize, bool), (ClauseId, u32)> =
        HashMap::new();
    let mut seen: HashMap<(bool, Vec<u32>), ClauseId> = HashMap::new();
    for clause in clauses {
        let Some(number) = hierarchical(clause) else {
            continue;
        };
        let roman = number.style == NumberStyle::Roman;
        let parent = clause.parent.map(|id| &clauses[id.index]);
        let parent_number = parent
            .and_then(hierarchical)
            .filter(|n| n.style == NumberStyle::Decimal);
        let mut misplaced = false;
        if let Some(pn) = parent_number
            && !roman
            && (number.components.len() <= pn.components.len()
                || number.components[..pn.components.len()] != pn.components[..])
        {
            misplaced = true;
            let expected = join(&pn.components);
            findings.push(finding(
                FindingKind::OutOfSequence,
                clause,
                file,
                format!(
                    "{} stands inside {} {}; expected a number starting with {expected}.",
                    number.as_str(),
                    if pn.components.len() == 1 {
                        "section"
                    } else {
                        "clause"
                    },
                    pn.dotted(),
                ),
                &[parent.map_or(clause.id, |p| p.id)],
            ));
        }
        if let Some(&first) = seen.get(&(roman, number.components.clone())) {
            findings.push(finding(
                FindingKind::DuplicateNumber,
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
        seen.insert((roman, number.components.clone()), clause.id);
        let key = (clause.parent, number.level(), roman);
        let slot = number.last();
        match last_sibling.get(&key) {
            Some(&(prev_id, prev_slot)) => {
                let prev = &clauses[prev_id.index];
                if slot > prev_slot + 1 {
                    let missing = missing_range(number, prev_slot + 1, slot - 1);
                    findings.push(finding(
                        FindingKind::NumberingGap,
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
                        FindingKind::OutOfSequence,
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
                    FindingKind::NumberingGap,
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
    let label = |last: u32| match number.style {
        NumberStyle::Decimal => {
            let mut c = number.components.clone();
            if let Some(l) = c.last_mut() {
                *l = last;
            }
            join(&c)
        }
        NumberStyle::Roman => roman(last),
        NumberStyle::Parenthesized => format!("{last})"),
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
    for parent in std::iter::once(None).chain(clauses.iter().map(|c| Some(c.id))) {
        let children: Vec<&Clause> = match parent {
            Some(id) => clauses[id.index]
                .children
                .iter()
                .map(|c| &clauses[c.index])
                .collect(),
            None => clauses.iter().filter(|c| c.parent.is_none()).collect(),
        };
        for style in [NumberStyle::Parenthesized, NumberStyle::Letter] {
            let mut prev: Option<&Clause> = None;
            for &child in children
                .iter()
                .filter(|c| c.number.as_ref().is_some_and(|n| n.style == style))
            {
                let Some(number) = &child.number else {
                    continue;
                };
                let value = number.last();
                match prev.and_then(|p| p.number.as_ref().map(|n| (p, n.last()))) {
                    // A list that starts again at 1 is a new list under the same clause.
                    _ if value == 1 => {}
                    None => {
                        if style == NumberStyle::Parenthesized {
                            findings.push(finding(
                                FindingKind::NumberingGap,
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
                        FindingKind::DuplicateNumber,
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
                        FindingKind::OutOfSequence,
                        child,
                        file,
                        format!("item {} comes after {}.", number.as_str(), prev_label(p)),
                        &[p.id],
                    )),
                    Some((p, last)) if value > last + 1 && style == NumberStyle::Parenthesized => {
                        findings.push(finding(
                            FindingKind::NumberingGap,
                            child,
                            file,
                            format!(
                                "item {} follows {}: {} missing.",
                                number.as_str(),
                                prev_label(p),
                                missing_range(number, last + 1, value - 1)
                            ),
                            &[p.id],
                        ))
                    }
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

fn check_style(clauses: &[Clause], file: &str, findings: &mut Vec<Finding>) {
    // Trailing dots compare across the whole version, level by level: `5.1` is odd beside
    // thirty `x.y.` clauses even when it is the only clause of its section.
    let mut by_level: HashMap<usize, Vec<&Clause>> = HashMap::new();
    for clause in clauses {
        if let Some(n) = clause
            .number
            .as_ref()
            .filter(|n| n.style == NumberStyle::Decimal)
        {
            by_level.entry(n.components.len()).or_default().push(clause);
        }
    }
    let mut levels: Vec<_> = by_level.into_iter().collect();
    levels.sort_by_key(|(level, _)| *level);
    for (level, group) in levels {
        let with_dot = group
            .iter()
            .filter(|c| c.number.as_ref().is_some_and(|n| n.trailing_dot))
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
                    .is_some_and(|n| n.trailing_dot == minority_dot)
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
        findings.push(
            finding(FindingKind::NumberingStyle, odd[0], file, message, &ids).with_count(odd.len()),
        );
    }
    // Markers (bullets, heading marks) compare among siblings: one list, one way of writing.
    let mut groups: HashMap<(Option<ClauseId>, u8), Vec<&Clause>> = HashMap::new();
    for clause in clauses {
        let family = match (&clause.number, clause.kind) {
            (Some(n), _) if n.style == NumberStyle::Decimal || n.style == NumberStyle::Roman => 0,
            (Some(_), _) => 1,
            (None, crate::ClauseKind::Bullet) => 2,
            _ => continue,
        };
        groups
            .entry((clause.parent, family))
            .or_default()
            .push(clause);
    }
    let mut groups: Vec<_> = groups.into_values().filter(|g| g.len() > 1).collect();
    groups.sort_by_key(|g| g[0].span.start());
    for group in groups {
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
        let majority = counts
            .iter()
            .max_by_key(|(_, n)| *n)
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
        findings.push(
            finding(FindingKind::NumberingStyle, odd[0], file, message, &ids).with_count(odd.len()),
        );
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
    use super::*;

    #[test]
    fn decimal_numbers_with_and_without_dot() {
        let (n, len) = ClauseNumber::parse_prefix("2.2.1 Пайдаланушыға").unwrap();
        assert_eq!(
            (n.components(), n.has_trailing_dot(), len, n.level()),
            (&[2, 2, 1][..], false, 5, 3)
        );
        let (n, _) = ClauseNumber::parse_prefix("5.1. Біз").unwrap();
        assert!(n.has_trailing_dot());
        assert_eq!(n.dotted(), "5.1");
    }

    #[test]
    fn running_text_numbers_are_not_clause_numbers() {
        for text in [
            "21 мая",
            "2013 жылғы",
            "1-бапқа",
            "350-бабына",
            "0.5 %",
            "1234567. x",
            "21.05.2013 ж.",
        ] {
            assert!(ClauseNumber::parse_prefix(text).is_none(), "{text}");
        }
    }

    #[test]
    fn roman_numerals_accept_cyrillic_look_alikes_and_reject_non_canonical() {
        assert_eq!(
            ClauseNumber::parse_prefix("XI. Саясат")
                .unwrap()
                .0
                .components(),
            [11]
        );
        assert_eq!(
            ClauseNumber::parse_prefix("ІХ. Дербес")
                .unwrap()
                .0
                .components(),
            [9]
        );
        assert!(ClauseNumber::parse_prefix("IIII. x").is_none());
        assert!(ClauseNumber::parse_prefix("I x").is_none());
    }

    #[test]
    fn enumerations_and_letters() {
        let (n, len) = ClauseNumber::parse_prefix("10) Пайдаланушыға").unwrap();
        assert_eq!(
            (n.style(), n.last(), len),
            (NumberStyle::Parenthesized, 10, 3)
        );
        let (n, _) = ClauseNumber::parse_prefix("в) текст").unwrap();
        assert_eq!((n.style(), n.last()), (NumberStyle::Letter, 3));
    }

    #[test]
    fn a_thirty_digit_number_does_not_overflow() {
        assert!(ClauseNumber::parse_prefix("123456789012345678901234567890. Текст").is_none());
    }

    #[test]
    fn successors_of_a_path() {
        let next: Vec<Vec<u32>> = successors(&[3, 1, 2]).collect();
        assert_eq!(next, [vec![3, 1, 2, 1], vec![3, 1, 3], vec![3, 2], vec![4]]);
    }
}
