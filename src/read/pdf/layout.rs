//! From placed glyphs to paragraphs: glyphs on one baseline make a line (a gap wider than a
//! fraction of the font size is a space), lines top to bottom make a page, running headers,
//! footers and page numbers are dropped, and lines are joined into paragraphs the way the
//! corpus's PDF-extracted texts are: one paragraph per line, a word hyphenated at a line end
//! joined again.
//!
//! Where a paragraph ends is read from the layout, as a reader sees it: a line that starts
//! with a clause number or bullet after a finished line, a line after one that ends short of
//! the right margin (its next word would have fitted), a wider gap between lines, a change
//! of font size, or a change of indent after the paragraph's first line.

use super::content::Glyph;
use crate::number::ClauseNumber;

/// A gap between two glyphs wider than this share of the font size is a space.
const SPACE_GAP: f32 = 0.2;
/// Glyphs whose baselines differ by less than this share of the font size share a line.
const BASELINE_TOLERANCE: f32 = 0.4;
/// Headers and footers are looked for in this share of the page height at its top and bottom.
const MARGIN_BAND: f32 = 0.12;

/// One line of a page: its text and where it lies.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Line {
    pub(super) text: String,
    /// 1-based line number on its page, counted top to bottom over all lines (running
    /// headers included), as a reader counts them.
    pub(super) number: usize,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) y: f32,
    pub(super) size: f32,
    /// Average width of a character of the line.
    pub(super) char_width: f32,
}

/// A page as lines, top to bottom, with its height (for headers and footers).
#[derive(Clone, Debug)]
pub(super) struct PageLines {
    pub(super) page: usize,
    pub(super) bottom: f32,
    pub(super) top: f32,
    pub(super) lines: Vec<Line>,
}

/// A paragraph of the document, with the page and line where it starts.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Paragraph {
    pub(super) text: String,
    pub(super) page: usize,
    pub(super) line: usize,
}

/// The lines of one page, top to bottom.
pub(super) fn lines(mut glyphs: Vec<Glyph>) -> Vec<Line> {
    // Group by baseline: a glyph joins a recent line on its baseline, else opens a new one.
    let mut groups: Vec<(f32, f32, Vec<Glyph>)> = Vec::new();
    for glyph in glyphs.drain(..) {
        if glyph.size <= 0.0 {
            continue;
        }
        let found =
            groups.iter_mut().rev().take(8).find(|(y, size, _)| {
                (glyph.y - *y).abs() <= BASELINE_TOLERANCE * size.max(glyph.size)
            });
        match found {
            Some((_, size, members)) => {
                *size = size.max(glyph.size);
                members.push(glyph);
            }
            None => groups.push((glyph.y, glyph.size, vec![glyph])),
        }
    }
    groups.sort_by(|a, b| b.0.total_cmp(&a.0));
    groups
        .into_iter()
        .filter_map(|(y, size, members)| line_of(y, size, members))
        .enumerate()
        .map(|(i, mut line)| {
            line.number = i + 1;
            line
        })
        .collect()
}

fn line_of(y: f32, size: f32, mut glyphs: Vec<Glyph>) -> Option<Line> {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut text = String::new();
    let mut previous: Option<&Glyph> = None;
    let (mut x0, mut x1) = (f32::INFINITY, f32::NEG_INFINITY);
    let mut chars = 0usize;
    for glyph in &glyphs {
        let blank = glyph.text.trim().is_empty();
        if let Some(prev) = previous {
            // A glyph drawn twice over itself (fake bold) is one glyph.
            if prev.text == glyph.text && (glyph.x - prev.x).abs() < 0.1 * glyph.size {
                continue;
            }
            if glyph.x - prev.x_end > SPACE_GAP * glyph.size && !text.ends_with(' ') && !blank {
                text.push(' ');
            }
        }
        if blank {
            if !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
        } else {
            text.push_str(&glyph.text);
            x0 = x0.min(glyph.x);
            x1 = x1.max(glyph.x_end);
            chars += glyph.text.chars().count();
        }
        previous = Some(glyph);
    }
    let mut text = text.trim().to_owned();
    if text.is_empty() {
        return None;
    }
    // A bullet from a symbol font (Word's U+F0B7 of Symbol or Wingdings) has no Unicode
    // meaning; at the start of a line it is a bullet.
    let mut head = text.chars();
    if head.next().is_some_and(is_private_use) && head.next().is_some_and(char::is_whitespace) {
        let first = text.chars().next().map_or(0, char::len_utf8);
        text.replace_range(..first, "•");
    }
    #[allow(
        clippy::cast_precision_loss,
        reason = "a line has far fewer than 2^24 characters"
    )]
    let char_width = (x1 - x0) / chars.max(1) as f32;
    Some(Line {
        text,
        number: 0,
        x0,
        x1,
        y,
        size,
        char_width,
    })
}

fn is_private_use(c: char) -> bool {
    ('\u{e000}'..='\u{f8ff}').contains(&c)
}

/// Whether a line is only a page number: `3`, `- 3 -`, `3 / 7`, `Page 3`, `Стр. 3 из 7`,
/// `3-бет`.
pub(super) fn is_page_number(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/' | '|'))
        .filter(|w| !w.is_empty())
        .collect();
    let is_number = |w: &&str| w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    let is_label = |w: &&str| {
        matches!(
            w.trim_end_matches('.'),
            "page" | "of" | "стр" | "страница" | "из" | "бет" | "беттің" | "лист" | "p"
        )
    };
    !words.is_empty()
        && words.iter().any(is_number)
        && words.iter().all(|w| is_number(w) || is_label(w))
        && words.len() <= 5
}

/// Drops running headers and footers: in the top and bottom bands of each page, page
/// numbers, and lines that recur (digits aside) in the same band on at least half the pages
/// of a document of two pages or more.
pub(super) fn drop_running_lines(pages: &mut [PageLines]) {
    let band_of = |page: &PageLines, line: &Line| {
        let height = page.top - page.bottom;
        if height <= 0.0 {
            None
        } else if line.y >= page.top - MARGIN_BAND * height {
            Some(true)
        } else if line.y <= page.bottom + MARGIN_BAND * height {
            Some(false)
        } else {
            None
        }
    };
    // Digits aside (a page number inside a header), except in a line that starts with a
    // clause number: `2. Жалпы` at the top of one page and `3. Жалпы` at the top of the
    // next are two clauses, not a running header.
    let key = |text: &str| -> String {
        if starts_with_marker(text) {
            return text.to_lowercase();
        }
        text.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect::<String>()
            .to_lowercase()
    };
    let mut seen: std::collections::HashMap<(bool, String), usize> =
        std::collections::HashMap::new();
    for page in pages.iter() {
        let mut keys: Vec<(bool, String)> = page
            .lines
            .iter()
            .filter_map(|line| band_of(page, line).map(|top| (top, key(&line.text))))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let page_count = pages.len();
    for page in pages.iter_mut() {
        let (first, last) = (
            page.lines.first().map(|l| l.number),
            page.lines.last().map(|l| l.number),
        );
        let bands: Vec<Option<bool>> = page.lines.iter().map(|l| band_of(page, l)).collect();
        let mut index = 0;
        page.lines.retain(|line| {
            let band = bands[index];
            index += 1;
            let Some(top) = band else { return true };
            let edge = Some(line.number) == first || Some(line.number) == last;
            let recurring = page_count >= 2
                && seen
                    .get(&(top, key(&line.text)))
                    .is_some_and(|&n| n >= 2 && n * 2 >= page_count);
            !((edge && is_page_number(&line.text)) || recurring)
        });
    }
}

/// Whether a line starts with a clause number or a bullet followed by a space.
fn starts_with_marker(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    if matches!(
        first,
        Some('•' | '●' | '▪' | '■' | '◦' | '-' | '–' | '—' | '✓')
    ) && chars.next().is_some_and(char::is_whitespace)
    {
        return true;
    }
    // A single letter enumerating items: `a.`, `б)`.
    let mut chars = text.chars();
    if let (Some(letter), Some('.' | ')'), Some(space)) = (chars.next(), chars.next(), chars.next())
        && letter.is_lowercase()
        && space.is_whitespace()
    {
        return true;
    }
    ClauseNumber::parse_prefix(text)
        .is_some_and(|(_, len)| text[len..].chars().next().is_none_or(char::is_whitespace))
}

/// Whether a line ends a sentence or an introduction to a list.
fn ends_finished(text: &str) -> bool {
    text.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | ';' | ':' | '!' | '?' | '»' | '"' | ')'))
}

/// The paragraphs of the document, pages in order.
pub(super) fn paragraphs(pages: &[PageLines]) -> Vec<Paragraph> {
    let margins = Margins {
        left: left_margin(pages),
        hanging: hanging_indents(pages),
        right: right_margin(pages),
        spacing: line_spacing(pages),
    };
    let mut out: Vec<Paragraph> = Vec::new();
    let mut previous: Option<(&Line, usize)> = None;
    // Whether the previous line was the first line of its paragraph.
    let mut previous_first = true;
    for page in pages {
        for line in &page.lines {
            let starts = match previous {
                None => true,
                Some((prev, prev_page)) => {
                    starts_paragraph(prev, line, prev_page == page.page, previous_first, &margins)
                }
            };
            match out.last_mut() {
                Some(paragraph) if !starts => join(&mut paragraph.text, &line.text),
                _ => out.push(Paragraph {
                    text: line.text.clone(),
                    page: page.page,
                    line: line.number,
                }),
            }
            previous_first = starts;
            previous = Some((line, page.page));
        }
    }
    out
}

/// Where the text of the document's pages usually starts and ends, and how far apart its
/// baselines usually are.
struct Margins {
    left: f32,
    /// Items are set with hanging indents (the number out in the margin, the lines after it
    /// indented) rather than with first-line indents.
    hanging: bool,
    right: f32,
    spacing: Option<f32>,
}

fn starts_paragraph(
    prev: &Line,
    line: &Line,
    same_page: bool,
    prev_first: bool,
    margins: &Margins,
) -> bool {
    let Margins {
        left,
        hanging,
        right,
        spacing,
    } = margins;
    let (left, hanging, right, spacing) = (*left, *hanging, *right, *spacing);
    let size = prev.size.max(line.size);
    let first_word = line.text.split_whitespace().next().unwrap_or("");
    #[allow(
        clippy::cast_precision_loss,
        reason = "a word has far fewer than 2^24 characters"
    )]
    let needed = (first_word.chars().count() + 1) as f32 * line.char_width;
    let short = right - prev.x1 > needed + 0.5 * size;
    let finished = ends_finished(&prev.text);
    if starts_with_marker(&line.text) && (finished || short) {
        return true;
    }
    if short || (line.size - prev.size).abs() > 0.15 * size {
        return true;
    }
    if same_page
        && let Some(spacing) = spacing
        && prev.y - line.y > 1.6 * spacing
    {
        return true;
    }
    let tolerance = 0.8 * size;
    if hanging {
        // Back at the margin after the indented lines of the item before.
        !prev_first && line.x0 < prev.x0 - tolerance
    } else {
        // A first-line indent.
        line.x0 > left + tolerance && (line.x0 > prev.x0 + tolerance || finished)
    }
}

/// Whether the document sets its numbered items with hanging indents: after a line that
/// starts with a number, the next line starts further right more often than further left.
fn hanging_indents(pages: &[PageLines]) -> bool {
    let (mut hanging, mut first_line) = (0usize, 0usize);
    for page in pages {
        for pair in page.lines.windows(2) {
            let (item, next) = (&pair[0], &pair[1]);
            if !starts_with_marker(&item.text) || starts_with_marker(&next.text) {
                continue;
            }
            let tolerance = 0.8 * item.size;
            if next.x0 > item.x0 + tolerance {
                hanging += 1;
            } else if next.x0 < item.x0 - tolerance {
                first_line += 1;
            }
        }
    }
    hanging > first_line
}

/// The left margin of the text: the leftmost point (to the nearest point) where at least one
/// line in twenty starts.
fn left_margin(pages: &[PageLines]) -> f32 {
    let mut starts: std::collections::BTreeMap<i64, usize> = std::collections::BTreeMap::new();
    let mut total = 0usize;
    for line in pages.iter().flat_map(|p| &p.lines) {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "rounded to whole points on purpose"
        )]
        let at = line.x0.round() as i64;
        *starts.entry(at).or_default() += 1;
        total += 1;
    }
    let enough = (total / 20).max(2).min(total);
    #[allow(clippy::cast_precision_loss, reason = "page coordinates are small")]
    starts
        .into_iter()
        .find(|&(_, count)| count >= enough)
        .map_or(0.0, |(at, _)| at as f32)
}

/// Joins a line to its paragraph: a soft hyphen at the end marks a word broken in two; a
/// hyphen `-` is kept (compound words, `интернет-ресурс`, break there) with no space after.
fn join(paragraph: &mut String, line: &str) {
    let before_hyphen = |p: &str| p.chars().rev().nth(1).is_some_and(char::is_alphabetic);
    let next_is_letter = line.chars().next().is_some_and(char::is_alphabetic);
    if paragraph.ends_with('\u{ad}') && next_is_letter {
        paragraph.pop();
    } else if paragraph.ends_with(['-', '\u{2010}']) && before_hyphen(paragraph) && next_is_letter {
    } else {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

/// The right margin: the median over pages of the right end of each page's longest line.
fn right_margin(pages: &[PageLines]) -> f32 {
    let mut ends: Vec<f32> = pages
        .iter()
        .filter_map(|p| p.lines.iter().map(|l| l.x1).max_by(f32::total_cmp))
        .collect();
    ends.sort_by(f32::total_cmp);
    ends.get(ends.len() / 2).copied().unwrap_or(0.0)
}

/// The usual distance between consecutive baselines, if the document shows one.
fn line_spacing(pages: &[PageLines]) -> Option<f32> {
    let mut gaps: Vec<f32> = pages
        .iter()
        .flat_map(|p| p.lines.windows(2))
        .map(|w| w[0].y - w[1].y)
        .filter(|gap| *gap > 0.0)
        .collect();
    gaps.sort_by(f32::total_cmp);
    gaps.get(gaps.len() / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f32, y: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| {
                #[allow(clippy::cast_precision_loss)]
                let at = x + 5.0 * i as f32;
                Glyph {
                    text: c.to_string(),
                    x: at,
                    x_end: at + 5.0,
                    y,
                    size: 10.0,
                }
            })
            .collect()
    }

    fn line(text: &str, x0: f32, y: f32) -> Line {
        #[allow(clippy::cast_precision_loss)]
        let x1 = x0 + 5.0 * text.chars().count() as f32;
        Line {
            text: text.to_owned(),
            number: 0,
            x0,
            x1,
            y,
            size: 10.0,
            char_width: 5.0,
        }
    }

    fn page(number: usize, lines: Vec<Line>) -> PageLines {
        let lines = lines
            .into_iter()
            .enumerate()
            .map(|(i, mut l)| {
                l.number = i + 1;
                l
            })
            .collect();
        PageLines {
            page: number,
            bottom: 0.0,
            top: 800.0,
            lines,
        }
    }

    fn texts(pages: &[PageLines]) -> Vec<String> {
        paragraphs(pages).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn glyphs_on_one_baseline_make_a_line_and_gaps_make_spaces() {
        let mut all = glyphs("1)", 50.0, 700.0);
        all.extend(glyphs("екінші", 0.0, 688.0));
        // The item text is drawn after its number, a tab stop to the right.
        all.extend(glyphs("бірінші", 80.0, 700.4));
        let lines = lines(all);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["1) бірінші", "екінші"]);
        assert_eq!((lines[0].number, lines[1].number), (1, 2));
    }

    #[test]
    fn a_symbol_font_bullet_becomes_a_bullet() {
        let mut all = glyphs("\u{f0b7} тармақ", 0.0, 10.0);
        all.extend(glyphs("\u{f0b7}", 0.0, 30.0));
        let texts: Vec<String> = lines(all).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, ["\u{f0b7}", "• тармақ"]);
    }

    #[test]
    fn a_glyph_drawn_twice_is_one_glyph() {
        let mut all = glyphs("Ab", 0.0, 10.0);
        all.extend(glyphs("A", 0.3, 10.0));
        assert_eq!(lines(all)[0].text, "Ab");
    }

    #[test]
    fn page_numbers_are_told_apart_from_clause_numbers() {
        for text in ["3", "- 3 -", "3 / 7", "Page 3 of 7", "Стр. 3 из 7", "3-бет"] {
            assert!(is_page_number(text), "{text}");
        }
        for text in ["3.", "1)", "2024 жыл", "3 тармақ", "12345"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn running_headers_and_page_numbers_are_dropped() {
        let body = |t: &str| line(t, 0.0, 400.0);
        let mut pages = vec![
            page(
                1,
                vec![
                    line("ЖШС «Мысал» 2024", 0.0, 790.0),
                    body("Бірінші бет."),
                    line("1", 200.0, 20.0),
                ],
            ),
            page(
                2,
                vec![
                    line("ЖШС «Мысал» 2025", 0.0, 790.0),
                    body("Екінші бет."),
                    line("2", 200.0, 20.0),
                ],
            ),
            page(
                3,
                vec![line("1. Соңғы тармақ", 0.0, 790.0), body("Үшінші бет.")],
            ),
            page(
                4,
                vec![line("2. Соңғы тармақ", 0.0, 790.0), body("Төртінші бет.")],
            ),
        ];
        drop_running_lines(&mut pages);
        let kept: Vec<Vec<&str>> = pages
            .iter()
            .map(|p| p.lines.iter().map(|l| l.text.as_str()).collect())
            .collect();
        assert_eq!(
            kept,
            [
                vec!["Бірінші бет."],
                vec!["Екінші бет."],
                vec!["1. Соңғы тармақ", "Үшінші бет."],
                vec!["2. Соңғы тармақ", "Төртінші бет."],
            ]
        );
    }

    #[test]
    fn lines_join_into_paragraphs_at_what_the_layout_shows() {
        // Right margin at x = 200 (40 characters of 5 points).
        let full = "a".repeat(38) + " b";
        let pages = vec![page(
            1,
            vec![
                line("1. Жалпы ережелер", 0.0, 700.0),
                line(&format!("1.1. {}", &full[5..]), 0.0, 688.0),
                line("жалғасы, және", 0.0, 676.0),
                line("2.1 тармағы бойынша соңы.", 0.0, 664.0),
                // A wider gap starts a paragraph, even after a full line.
                line(&full, 0.0, 640.0),
                line("келесі", 0.0, 628.0),
            ],
        )];
        assert_eq!(
            texts(&pages),
            [
                "1. Жалпы ережелер".to_owned(),
                format!("1.1. {} жалғасы, және", &full[5..]),
                "2.1 тармағы бойынша соңы.".to_owned(),
                format!("{full} келесі"),
            ]
        );
    }

    #[test]
    fn a_paragraph_goes_on_over_a_page_break_and_an_indent_starts_one() {
        let full = "c".repeat(40);
        let pages = vec![
            page(
                1,
                vec![
                    line(&full[..36], 20.0, 700.0),
                    line(&full, 0.0, 688.0),
                    line(&full, 0.0, 676.0),
                ],
            ),
            page(
                2,
                vec![
                    line("жалғасы.", 0.0, 780.0),
                    line(&full[..36], 20.0, 768.0),
                    line(&full, 0.0, 756.0),
                    line("Үшінші", 20.0, 744.0),
                ],
            ),
        ];
        let paragraphs = paragraphs(&pages);
        assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
        assert!(paragraphs[0].text.ends_with(" жалғасы."));
        assert_eq!((paragraphs[1].page, paragraphs[1].line), (2, 2));
        assert_eq!((paragraphs[2].page, paragraphs[2].line), (2, 4));
    }

    #[test]
    fn soft_hyphens_are_removed_and_hyphens_kept() {
        let mut text = "интернет-".to_owned();
        join(&mut text, "ресурс");
        assert_eq!(text, "интернет-ресурс");
        let mut text = "ресур\u{ad}".to_owned();
        join(&mut text, "сы");
        assert_eq!(text, "ресурсы");
        let mut text = "сома -".to_owned();
        join(&mut text, "100");
        assert_eq!(text, "сома - 100");
    }
}
