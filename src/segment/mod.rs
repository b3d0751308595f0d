//! Segmentation: one language version of a document becomes a tree of clauses.
//!
//! The text is read line by line. A line starts a clause when it begins with a number
//! (`2.1.`, `2.2.1`, `IV.`, `1)`, `а)`), a bullet (`-`, `•`, `✓`, nested by indentation) or
//! is a row of a tab-separated table. Inside a line, a number starts a clause only where it is
//! the number expected next (`…Политики. 1.6. Политика…` after `1.5.`, `…; 5) …` after
//! `4)`), so that `4.1 – 4.3-тармақтардың`, `ст. 350` or `21 мая 2013 года` stay running
//! text. Unnumbered text belongs to the clause it follows, except a new paragraph after a
//! finished list, which becomes a `paragraph` of the clause above the list. Text before the
//! first numbered clause becomes the title, headings and preamble.
//!
//! Every clause owns the text from its start to the start of the next one, so the clauses
//! cover the version without gaps or overlaps.

use crate::clause::{Clause, ClauseId, ClauseKind};
use crate::language::Lang;
use crate::load::Source;
use crate::normalize::{ScriptRepair, is_collapsible_space, normalize_at};
use crate::number::{ClauseNumber, NumberStyle, successors};
use crate::span::{Span, lines_in};

/// The clauses of one version and the mixed-script words repaired in their text.
pub(crate) struct Segmented {
    pub(crate) clauses: Vec<Clause>,
    pub(crate) repairs: Vec<ScriptRepair>,
}

/// Glyphs that mark bullet items when followed by white space.
const BULLETS: &[char] = &[
    '-', '•', '✓', '✔', '*', '–', '—', '·', '▪', '●', '○', '◦', '■', '□', '➢', '►', '‣', '⁃',
    '\u{f0b7}',
];

/// A previous line at most this long ends a sentence even without punctuation: it is a
/// heading or a list item. Lines broken mid-sentence by PDF extraction are full lines.
const SHORT_LINE: usize = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StartKind {
    /// A block of text before the first numbered clause.
    Block,
    Numbered,
    Bullet,
    TableRow,
    Paragraph,
}

#[derive(Debug)]
struct Start {
    /// Where the clause begins: its first marker or its number.
    offset: usize,
    /// Where its text begins, after markers and number.
    body: usize,
    kind: StartKind,
    number: Option<ClauseNumber>,
    marker: Option<String>,
    heading_level: u8,
    indent: usize,
}

/// What a line begins with.
struct LineHead {
    indent: usize,
    content: usize,
    heading_level: u8,
    marker: Option<Span>,
    number: Option<(ClauseNumber, usize)>,
    body: usize,
}

fn is_space(c: char) -> bool {
    is_collapsible_space(c)
}

fn skip(text: &str, mut at: usize, end: usize, pred: impl Fn(char) -> bool) -> usize {
    while let Some(c) = text[at..end].chars().next() {
        if !pred(c) {
            break;
        }
        at += c.len_utf8();
    }
    at
}

fn skip_bold(text: &str, at: usize, end: usize) -> usize {
    if text[at..end].starts_with("**") {
        at + 2
    } else {
        at
    }
}

fn read_line_head(text: &str, start: usize, end: usize) -> LineHead {
    let mut indent = 0;
    let mut at = start;
    for c in text[start..end].chars() {
        if c == '\t' {
            indent += 4;
        } else if is_space(c) {
            indent += 1;
        } else {
            break;
        }
        at += c.len_utf8();
    }
    // The clause starts at the first visible character, so that an invisible one (a
    // zero-width space left by PDF extraction) still belongs to it; numbers are read after it.
    let content = skip(text, start, at, char::is_whitespace);
    let mut heading_level = 0;
    let hashes = text[at..end].bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && text[at + hashes..end].starts_with([' ', '\t']) {
        heading_level = hashes as u8;
        at = skip(text, at + hashes, end, is_space);
    }
    at = skip_bold(text, at, end);
    let mut marker: Option<Span> = None;
    while let Some(c) = text[at..end].chars().next() {
        let after = at + c.len_utf8();
        let followed_by_space = text[after..end].chars().next().is_some_and(is_space);
        if !BULLETS.contains(&c) || !followed_by_space {
            break;
        }
        marker = Some(Span::new(marker.map_or(at, |m| m.start()), after));
        at = skip_bold(text, skip(text, after, end, is_space), end);
    }
    let mut number = None;
    if let Some((n, len)) = ClauseNumber::parse_prefix(&text[at..end]) {
        number = Some((n, at + len));
        at = skip_bold(text, at + len, end);
    }
    let body = skip(text, at, end, |c| is_space(c) || c == '*');
    LineHead {
        indent,
        content,
        heading_level,
        marker,
        number,
        body,
    }
}

fn starts_upper(s: &str) -> bool {
    s.chars()
        .find(|c| !matches!(c, '*' | '_') && !is_space(*c))
        .is_some_and(|c| c.is_uppercase() || matches!(c, '«' | '"' | '“' | '„' | '\'' | '(' | '['))
}

/// Whether a number read at a line start begins a clause, given the text after it and
/// whether the previous line ended a sentence.
fn accept_line_number(number: &ClauseNumber, after: &str, prev_terminal: bool) -> bool {
    let spaced = after.is_empty() || after.starts_with(is_space);
    let rest = after.trim_start_matches(|c: char| is_space(c) || c == '*');
    let Some(next) = rest.chars().next() else {
        // A number alone on its line, its heading on the next one.
        return number.has_trailing_dot() || number.style() != NumberStyle::Decimal;
    };
    if next.is_ascii_digit()
        || matches!(
            next,
            '%' | '‰' | '/' | '-' | '–' | '—' | ',' | '=' | '+' | '×' | ':' | ';'
        )
    {
        return false;
    }
    let upper = starts_upper(rest);
    if !spaced {
        // `1.Терминдер`: only a dotted or bracketed number directly before a capital.
        return upper
            && (number.has_trailing_dot() || number.style() == NumberStyle::Parenthesized);
    }
    if number.style() == NumberStyle::Roman {
        return upper;
    }
    upper || prev_terminal
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | ';' | ':' | '!' | '?' | '…')
}

/// Whether a line is a row of a tab-separated table: text on both sides of a tab.
fn is_table_row(line: &str) -> bool {
    let content = line.trim_start_matches(is_space);
    match content.split_once('\t') {
        Some((first, rest)) => !first.trim().is_empty() && !rest.trim().is_empty(),
        None => false,
    }
}

struct Scanner<'a> {
    text: &'a str,
    starts: Vec<Start>,
    /// The last decimal number seen, for recognising the next one inside a line.
    current_decimal: Option<Vec<u32>>,
    /// The style and value of the last enumeration item seen.
    current_list: Option<(NumberStyle, u32)>,
    /// Whether a numbered clause, bullet or table row was seen (the preamble is over).
    structured: bool,
}

impl Scanner<'_> {
    /// Whether `number` is the one expected next: the next item of the current list, or a
    /// successor of the current decimal number.
    fn is_expected(&self, number: &ClauseNumber) -> bool {
        match number.style() {
            NumberStyle::Decimal => self
                .current_decimal
                .as_deref()
                .is_some_and(|cur| successors(cur).any(|s| s == number.components())),
            NumberStyle::Roman => false,
            style => self
                .current_list
                .is_some_and(|(s, last)| s == style && number.last() == last + 1),
        }
    }

    fn push(&mut self, start: Start) {
        if let Some(number) = &start.number {
            match number.style() {
                NumberStyle::Decimal => {
                    self.current_decimal = Some(number.components().to_vec());
                    self.current_list = None;
                }
                NumberStyle::Roman => {
                    self.current_decimal = None;
                    self.current_list = None;
                }
                style => self.current_list = Some((style, number.last())),
            }
        } else if start.kind != StartKind::Block {
            self.current_list = None;
        }
        if start.kind != StartKind::Block {
            self.structured = true;
        }
        self.starts.push(start);
    }

    /// Finds clause starts inside `text[from..end]`: numbers that follow the end of a
    /// sentence or list item and are the ones expected next.
    fn scan_inside(&mut self, from: usize, end: usize, indent: usize) {
        let text = self.text;
        let mut at = from;
        while at < end {
            let Some(rel) = text[at..end].find(|c: char| c.is_ascii_digit()) else {
                break;
            };
            let pos = at + rel;
            at = pos + 1;
            let before = &text[from..pos];
            let trimmed = before.trim_end_matches(is_space);
            if trimmed.len() == before.len() {
                continue; // no space before the digit: part of a word or a number
            }
            let Some(separator) = trimmed.chars().next_back() else {
                continue;
            };
            let Some((number, len)) = ClauseNumber::parse_prefix(&text[pos..end]) else {
                continue;
            };
            let after = &text[pos + len..end];
            if !after.starts_with(is_space) {
                continue;
            }
            let rest = after.trim_start_matches(is_space);
            let accepted = match number.style() {
                NumberStyle::Parenthesized | NumberStyle::Letter => {
                    let expected = match (separator, self.current_list) {
                        (':', _) => Some(1),
                        (';', Some((style, last))) if style == number.style() => Some(last + 1),
                        _ => None,
                    };
                    expected == Some(number.last())
                        && rest.chars().next().is_some_and(char::is_alphabetic)
                }
                NumberStyle::Decimal => {
                    matches!(separator, '.' | '!' | '?' | ';')
                        && starts_upper(rest)
                        && self.is_expected(&number)
                }
                _ => false,
            };
            if accepted {
                let body = skip(text, pos + len, end, is_space);
                self.push(Start {
                    offset: pos,
                    body,
                    kind: StartKind::Numbered,
                    number: Some(number),
                    marker: None,
                    heading_level: 0,
                    indent,
                });
                at = body;
            }
        }
    }
}

/// Segments the version of `source` that lies in `range`.
pub(crate) fn segment(source: &Source, source_index: usize, lang: Lang, range: Span) -> Segmented {
    let text = source.text();
    let mut scanner = Scanner {
        text,
        starts: Vec::new(),
        current_decimal: None,
        current_list: None,
        structured: false,
    };
    let mut blank_before = false;
    let mut prev_terminal = true;
    let mut prev_terminal_strict = true;
    for (line_start, line_end) in lines_in(text, range.range()) {
        let line = &text[line_start..line_end];
        if line.chars().all(is_space) {
            blank_before = true;
            continue;
        }
        let head = read_line_head(text, line_start, line_end);
        let marker = head.marker.map(|m| text[m].to_owned());
        let number = head
            .number
            .as_ref()
            .filter(|(n, end)| {
                // A broken line may end without punctuation before the next item; the
                // number expected next starts a clause all the same.
                let context = prev_terminal || scanner.is_expected(n);
                accept_line_number(n, &text[*end..line_end], context)
            })
            .map(|(n, _)| n.clone());
        let last_kind = scanner
            .starts
            .last()
            .map(|s| (s.kind, s.number.as_ref().map(ClauseNumber::style)));
        let kind = if number.is_some() {
            Some(StartKind::Numbered)
        } else if marker.is_some() {
            Some(StartKind::Bullet)
        } else if is_table_row(line) {
            Some(StartKind::TableRow)
        } else if !blank_before && !scanner.starts.is_empty() {
            None
        } else if !scanner.structured {
            Some(StartKind::Block)
        } else {
            let after_list = matches!(
                last_kind,
                Some((StartKind::Bullet | StartKind::TableRow, _))
                    | Some((
                        StartKind::Numbered,
                        Some(NumberStyle::Parenthesized | NumberStyle::Letter)
                    ))
            );
            (after_list && prev_terminal_strict && starts_upper(&text[head.body..line_end]))
                .then_some(StartKind::Paragraph)
        };
        let mut scan_from = head.content;
        if let Some(kind) = kind {
            let body = if kind == StartKind::Numbered || kind == StartKind::Bullet {
                head.body
            } else {
                head.content
            };
            let body = if kind == StartKind::Block
                || kind == StartKind::Paragraph
                || kind == StartKind::TableRow
            {
                skip(text, head.content, line_end, |c| is_space(c) || c == '#')
            } else {
                body
            };
            scanner.push(Start {
                offset: head.content,
                body,
                kind,
                number,
                marker,
                heading_level: head.heading_level,
                indent: head.indent,
            });
            scan_from = body;
        }
        if scanner.structured {
            scanner.scan_inside(scan_from, line_end, head.indent);
        }
        let last = line
            .trim_end_matches(|c: char| is_space(c) || c == '*')
            .chars()
            .next_back();
        prev_terminal_strict = last.is_some_and(ends_sentence);
        prev_terminal = prev_terminal_strict || line.trim().chars().count() <= SHORT_LINE;
        blank_before = false;
    }
    build(source, source_index, lang, range, scanner.starts)
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

fn build(
    source: &Source,
    source_index: usize,
    lang: Lang,
    range: Span,
    starts: Vec<Start>,
) -> Segmented {
    let text = source.text();
    let mut repairs = Vec::new();
    let mut clauses: Vec<Clause> = Vec::with_capacity(starts.len());
    for (index, start) in starts.iter().enumerate() {
        let next = starts.get(index + 1).map_or(range.end(), |n| n.offset);
        let end = trim_end(text, start.offset, next);
        let body = start.body.min(end);
        let normalized = normalize_at(&text[body..end], body);
        repairs.extend_from_slice(normalized.repairs());
        let kind = match start.kind {
            StartKind::Block => ClauseKind::Preamble,
            StartKind::Numbered => match start.number.as_ref().map(ClauseNumber::style) {
                Some(NumberStyle::Parenthesized | NumberStyle::Letter) => ClauseKind::Item,
                _ => ClauseKind::Clause,
            },
            StartKind::Bullet => ClauseKind::Bullet,
            StartKind::TableRow => ClauseKind::TableRow,
            StartKind::Paragraph => ClauseKind::Paragraph,
        };
        clauses.push(Clause {
            id: ClauseId { lang, index },
            kind,
            number: start.number.clone(),
            marker: start.marker.clone(),
            parent: None,
            children: Vec::new(),
            depth: 0,
            source: source_index,
            span: Span::new(start.offset, end),
            line: source.line_of(start.offset),
            end_line: source.line_of(end.saturating_sub(1).max(start.offset)),
            heading: None,
            text: normalized.text().to_owned(),
            heading_level: start.heading_level,
        });
    }
    assign_parents(&mut clauses, &starts);
    assign_kinds(&mut clauses, text);
    Segmented { clauses, repairs }
}

fn list_signature(clause: &Clause) -> String {
    match (&clause.number, clause.kind) {
        (Some(n), _) => match n.style() {
            NumberStyle::Letter => "a)".to_owned(),
            _ => "1)".to_owned(),
        },
        (None, ClauseKind::TableRow) => "\t".to_owned(),
        (None, _) => clause.marker.clone().unwrap_or_default(),
    }
}

fn assign_parents(clauses: &mut [Clause], starts: &[Start]) {
    let mut numbered: Vec<(usize, usize)> = Vec::new();
    // Open list items: (clause index, indentation, marker signature).
    let mut lists: Vec<(usize, usize, String)> = Vec::new();
    let mut container: Option<usize> = None;
    for i in 0..clauses.len() {
        let hierarchical = clauses[i]
            .number
            .as_ref()
            .filter(|n| n.is_hierarchical())
            .map(ClauseNumber::level);
        let parent = match (starts[i].kind, hierarchical) {
            (StartKind::Block, _) => {
                lists.clear();
                numbered.clear();
                container = None;
                None
            }
            (StartKind::Numbered, Some(level)) => {
                while numbered.last().is_some_and(|&(_, l)| l >= level) {
                    numbered.pop();
                }
                let parent = numbered.last().map(|&(p, _)| p);
                numbered.push((i, level));
                lists.clear();
                container = Some(i);
                parent
            }
            (StartKind::Paragraph, _) => {
                lists.clear();
                let parent = numbered.last().map(|&(p, _)| p);
                container = if clauses[i].text.ends_with(':') {
                    Some(i)
                } else {
                    parent
                };
                parent
            }
            _ => {
                let indent = starts[i].indent;
                let signature = list_signature(&clauses[i]);
                while lists.last().is_some_and(|&(_, ind, _)| ind > indent) {
                    lists.pop();
                }
                let same_level = lists
                    .iter()
                    .rposition(|(_, ind, _)| *ind != indent)
                    .map_or(0, |p| p + 1);
                if let Some(pos) = lists[same_level..]
                    .iter()
                    .rposition(|(_, _, sig)| *sig == signature)
                {
                    // A sibling of an item further up the same level: close what opened since.
                    lists.truncate(same_level + pos);
                } else if let Some(&(top, ind, _)) = lists.last()
                    && ind == indent
                    && !clauses[top].text.ends_with(':')
                {
                    // A different marker that does not open a sub-list: a sibling written
                    // differently (reported as a numbering-style finding).
                    lists.pop();
                }
                let parent = lists.last().map(|&(p, _, _)| p).or(container);
                lists.push((i, indent, signature));
                parent
            }
        };
        clauses[i].parent = parent.map(|p| clauses[p].id);
    }
    for i in 0..clauses.len() {
        if let Some(parent) = clauses[i].parent {
            let id = clauses[i].id;
            clauses[i].depth = clauses[parent.index].depth + 1;
            clauses[parent.index].children.push(id);
        }
    }
}

/// Titles, headings and sections: kinds that depend on the text and on the whole version.
fn assign_kinds(clauses: &mut [Clause], text: &str) {
    let mut first_block = true;
    for clause in clauses
        .iter_mut()
        .filter(|c| c.kind == ClauseKind::Preamble)
    {
        let chars = clause.text.chars().count();
        if first_block && chars <= 200 {
            clause.kind = ClauseKind::Title;
        } else if chars <= 80
            && !clause.text.ends_with(ends_sentence)
            && !clause.text.ends_with(',')
        {
            clause.kind = ClauseKind::Heading;
        }
        first_block = false;
    }
    let top_level = clauses
        .iter()
        .filter_map(|c| c.number.as_ref())
        .filter(|n| n.is_hierarchical())
        .map(ClauseNumber::level)
        .min();
    for i in 0..clauses.len() {
        let Some(number) = clauses[i].number.clone() else {
            continue;
        };
        let is_section = match number.style() {
            NumberStyle::Roman => true,
            NumberStyle::Decimal if Some(number.level()) == top_level => {
                let heading = first_line(text, &clauses[i]);
                clauses[i].heading_level > 0
                    || clauses[i]
                        .children
                        .iter()
                        .any(|c| clauses[c.index].number.is_some())
                    || (heading.chars().count() <= 120 && !heading.ends_with([',', ';', ':']))
            }
            _ => false,
        };
        if is_section {
            clauses[i].kind = ClauseKind::Section;
            clauses[i].heading = Some(section_heading(text, &clauses[i]));
        }
    }
}

/// The first line of a clause's own text, after its number.
fn first_line<'t>(text: &'t str, clause: &Clause) -> &'t str {
    let own = &text[clause.span];
    let line = own.split(['\n', '\r']).next().unwrap_or("");
    let number_end = clause
        .number
        .as_ref()
        .and_then(|n| line.find(n.as_str()).map(|at| at + n.as_str().len()))
        .unwrap_or(0);
    line[number_end..].trim_matches(|c: char| is_space(c) || c == '*' || c == '#')
}

/// A section heading, with its second line when the heading was broken over two lines: a
/// short block without closing punctuation right after the first line.
fn section_heading(text: &str, clause: &Clause) -> String {
    let first = first_line(text, clause);
    let mut heading = crate::normalize::normalize(first).text().to_owned();
    let own = &text[clause.span];
    let mut blocks = own
        .split(['\n', '\r'])
        .map(str::trim)
        .skip(1)
        .filter(|l| !l.chars().all(is_space));
    if let Some(second) = blocks.next()
        && second.chars().count() <= 80
        && !second.ends_with(|c: char| ends_sentence(c) || c == ',')
        && !first.ends_with([',', ';', ':'])
        && blocks.next().is_none()
    {
        heading.push(' ');
        heading.push_str(crate::normalize::normalize(second).text());
    }
    heading
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(text: &str) -> Vec<Clause> {
        let source = Source::from_text("t.txt", text).unwrap();
        segment(&source, 0, Lang::Ru, source.body()).clauses
    }

    fn numbers(clauses: &[Clause]) -> Vec<String> {
        clauses
            .iter()
            .map(|c| {
                c.number()
                    .map_or_else(|| c.kind().to_string(), |n| n.to_string())
            })
            .collect()
    }

    #[test]
    fn title_preamble_sections_and_clauses() {
        let cs = clauses(
            "ПОЛИТИКА\n\nВводная часть\n\nНастоящая Политика объясняет, как мы собираем данные.\n\n\
             1. Термины\n\n1.1. Сайт – сайт.\n\n1.2 Пользователь – лицо.\n",
        );
        assert_eq!(
            numbers(&cs),
            ["title", "heading", "preamble", "1.", "1.1.", "1.2"]
        );
        assert_eq!(cs[3].kind(), ClauseKind::Section);
        assert_eq!(cs[3].heading(), Some("Термины"));
        assert_eq!(cs[4].kind(), ClauseKind::Clause);
        assert_eq!(cs[4].parent(), Some(cs[3].id()));
        assert_eq!(cs[5].line(), 11);
        assert_eq!(cs[5].text(), "Пользователь – лицо.");
    }

    #[test]
    fn numbers_in_running_text_do_not_start_clauses() {
        let cs = clauses(
            "1. Общие положения\n\n1.1. Невзирая на положения пунктов 4.1 – 4.3 выше, согласно ст. 350 и Закону \
             от 21 мая 2013 года № 94-V, срок 7 (семи) дней\n2013 года.\n",
        );
        assert_eq!(numbers(&cs), ["1.", "1.1."]);
    }

    #[test]
    fn several_enumeration_items_on_one_line() {
        let cs = clauses(
            "2.2. Цели: 1) оказание услуг; 2) заключение договоров;\n\n3) выполнение; 4) иное; 5) прочее.\n",
        );
        assert_eq!(numbers(&cs), ["2.2.", "1)", "2)", "3)", "4)", "5)"]);
        assert!(cs[1..].iter().all(|c| c.parent() == Some(cs[0].id())));
        assert_eq!(cs[2].text(), "заключение договоров;");
    }

    #[test]
    fn a_clause_number_after_a_sentence_end_inside_a_line_is_the_next_clause() {
        let cs = clauses(
            "1.5. Новая редакция вступает в силу. 1.6. Политика является частью соглашения; TLS v1.2. 1.7. Иное.\n",
        );
        assert_eq!(numbers(&cs), ["1.5.", "1.6.", "1.7."]);
        // A number that is not the expected next one stays text.
        let cs = clauses("1.5. Текст. 4.4. Не пункт.\n");
        assert_eq!(numbers(&cs), ["1.5."]);
    }

    #[test]
    fn bullets_nest_by_indentation_and_by_introducing_colon() {
        let cs = clauses(
            "3.1.2. Данные\n\n• Предоставляемые:\n\n- Фамилия;\n- Имя;\n\n• Получаемые:\n\n- Пол;\n - ✓ банки;\n - ✓ иные.\n",
        );
        assert_eq!(
            cs.iter().map(|c| c.depth()).collect::<Vec<_>>(),
            [0, 1, 2, 2, 1, 2, 3, 3]
        );
        assert_eq!(cs[6].marker(), Some("- ✓"));
        assert_eq!(cs[4].parent(), Some(cs[0].id()));
    }

    #[test]
    fn paragraph_after_a_list_belongs_to_the_clause_above_the_list() {
        let cs = clauses(
            "3.1. Мы собираем:\n\n- адрес;\n- имя.\n\nЭта информация анализируется.\n\nпродолжение абзаца.\n",
        );
        assert_eq!(cs[3].kind(), ClauseKind::Paragraph);
        assert_eq!(cs[3].parent(), Some(cs[0].id()));
        assert_eq!(
            cs[3].text(),
            "Эта информация анализируется. продолжение абзаца."
        );
    }

    #[test]
    fn broken_heading_and_sentence_are_joined() {
        let cs = clauses(
            "3. МЕРЫ БЕЗОПАСНОСТИ, ИСПОЛЬЗУЕМЫЕ ДЛЯ\n\nСОХРАНЕНИЯ КОНФИДЕНЦИАЛЬНОСТИ\n\n3.1. Данные охраняются\nзаконом.\n",
        );
        assert_eq!(
            cs[0].heading(),
            Some("МЕРЫ БЕЗОПАСНОСТИ, ИСПОЛЬЗУЕМЫЕ ДЛЯ СОХРАНЕНИЯ КОНФИДЕНЦИАЛЬНОСТИ")
        );
        assert_eq!(cs[1].text(), "Данные охраняются законом.");
    }

    #[test]
    fn table_rows_and_their_continuations() {
        let cs = clauses(
            "1. Термины\n\nТермин\tОпределение\n<i>Сервис</i>\tпродукт,\n\n\tпозволяющий подписывать\n",
        );
        assert_eq!(numbers(&cs), ["1.", "table_row", "table_row"]);
        assert_eq!(cs[2].text(), "Сервис продукт, позволяющий подписывать");
    }

    #[test]
    fn roman_sections_with_unnumbered_paragraphs() {
        let cs = clauses(
            "Саясат\n\nI. Ақпарат\n\nБірінші абзац.\n\nЕкінші абзац.\n\nII. Жалпы ережелер\n\nМәтін.\n",
        );
        assert_eq!(numbers(&cs), ["title", "I.", "II."]);
        assert_eq!(cs[1].kind(), ClauseKind::Section);
        assert_eq!(cs[1].text(), "Ақпарат Бірінші абзац. Екінші абзац.");
    }

    #[test]
    fn markdown_headings_and_numbered_bullets() {
        let cs = clauses(
            "### 1. ТЕРМИНДЕР\n\n- 2.3. Оператор өңдейді:\n  - 2.3.1 тегі;\n  - 2.3.2 пошта.\n",
        );
        assert_eq!(numbers(&cs), ["1.", "2.3.", "2.3.1", "2.3.2"]);
        assert_eq!(cs[1].marker(), Some("-"));
        assert_eq!(cs[2].parent(), Some(cs[1].id()));
    }

    #[test]
    fn clause_spans_cover_every_non_blank_byte_once() {
        let text = "Заголовок\n\n1. Раздел\n\n1.1. Текст; 1) а; 2) б\n- пункт\n\nабзац\n";
        let cs = clauses(text);
        let mut covered = vec![false; text.len()];
        for c in &cs {
            for (i, slot) in covered
                .iter_mut()
                .enumerate()
                .take(c.span().end())
                .skip(c.span().start())
            {
                assert!(!*slot, "byte {i} in two clauses");
                *slot = true;
            }
        }
        for (i, ch) in text.char_indices() {
            assert!(
                ch.is_whitespace() || covered[i],
                "byte {i} ({ch:?}) in no clause"
            );
        }
    }
}
