//! Putting the blocks a reader found into an order the version split understands.
//!
//! Bilingual documents are often set as a table of two columns, Kazakh on one side and
//! Russian on the other, row by row. Read row by row, such a table interleaves the two
//! languages, and the version split would find dozens of language blocks; so a table whose
//! columns are in different languages (by their detected language, whatever their position)
//! is read column by column: every Kazakh cell of the document goes to the Kazakh version,
//! every Russian cell to the Russian version, and the paragraphs outside such tables follow
//! their own language. A document without such tables keeps its order.
//!
//! A section in a third language written in Latin script (the English version of a
//! trilingual contract) is left out, with a notice, rather than aligned with anything.

use super::extracted::{Extracted, Origin};
use crate::language::{Lang, detect_language};

/// One line of a paragraph, with its indentation (spaces) and its origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    pub indent: usize,
    pub text: String,
    pub origin: Origin,
}

/// The lines of one paragraph (more than one when it holds line breaks).
pub(crate) type Paragraph = Vec<Line>;

/// What a reader found, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Block {
    Paragraph(Paragraph),
    /// Rows of cells of paragraphs.
    Table(Vec<Vec<Vec<Paragraph>>>),
}

/// A unit is Latin-script prose when it has at least this many Latin letters (outside
/// placeholders, e-mails and URLs) and four times as many as Cyrillic ones.
const LATIN_PROSE_LETTERS: usize = 12;
/// A run of Latin-script paragraphs is a section in a third language from this many on;
/// fewer are a title, a company name, a quoted term.
const SECTION_PARAGRAPHS: usize = 3;

/// The language of a unit of text, as far as sorting it goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tongue {
    Version(Lang),
    /// Latin-script prose: a third language.
    Latin,
    /// Too little text to say (numbers, placeholders, signature lines).
    Neutral,
}

fn tongue(text: &str) -> Tongue {
    let (latin, cyrillic) = letter_counts(text);
    if latin >= LATIN_PROSE_LETTERS && latin > 4 * cyrillic {
        return Tongue::Latin;
    }
    match detect_language(text).lang {
        Some(lang) => Tongue::Version(lang),
        None => Tongue::Neutral,
    }
}

/// [`tongue`] without the language detector: Latin prose, too little Cyrillic to say
/// (neutral), or some Cyrillic language (given as Kazakh: only its script counts here).
fn script_tongue(text: &str) -> Tongue {
    let (latin, cyrillic) = letter_counts(text);
    if latin >= LATIN_PROSE_LETTERS && latin > 4 * cyrillic {
        Tongue::Latin
    } else if cyrillic < 3 {
        Tongue::Neutral
    } else {
        Tongue::Version(Lang::Kk)
    }
}

/// Latin and Cyrillic letters of the words that are prose: placeholders (`{{NAME}}`,
/// `${name}`), e-mails and URLs do not count.
fn letter_counts(text: &str) -> (usize, usize) {
    let (mut latin, mut cyrillic) = (0, 0);
    for word in text.split_whitespace() {
        if word.contains('@')
            || word.contains("://")
            || word.starts_with("www.")
            || word.contains("{{")
            || word.contains("${")
            || word.contains('_')
        {
            continue;
        }
        for c in word.chars() {
            if c.is_ascii_alphabetic() {
                latin += 1;
            } else if crate::language::is_cyrillic_letter(c) {
                cyrillic += 1;
            }
        }
    }
    (latin, cyrillic)
}

fn paragraph_text(paragraph: &Paragraph) -> String {
    paragraph
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The language of each column of a table, when two columns are Kazakh and Russian.
fn bilingual_columns(rows: &[Vec<Vec<Paragraph>>]) -> Option<Vec<Tongue>> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let wide_rows = rows.iter().filter(|r| r.len() >= 2).count();
    if width < 2 || wide_rows * 2 < rows.len() {
        return None;
    }
    let columns: Vec<Tongue> = (0..width)
        .map(|c| {
            let text: Vec<String> = rows
                .iter()
                .filter(|r| r.len() >= 2)
                .filter_map(|r| r.get(c))
                .flatten()
                .map(paragraph_text)
                .collect();
            tongue(&text.join("\n"))
        })
        .collect();
    let has = |lang| columns.contains(&Tongue::Version(lang));
    (has(Lang::Kk) && has(Lang::Ru)).then_some(columns)
}

/// Latin-script paragraphs form a section only with at least this many Latin letters in all.
const SECTION_LETTERS: usize = 200;
/// Words that tell English from other Latin-script languages in a notice.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "to", "shall", "is", "in", "for", "or", "by", "with", "this",
];

/// Where a paragraph goes.
enum Slot {
    /// Outside bilingual tables: goes by its own language.
    Loose(Paragraph),
    /// In the column of one language of a bilingual table.
    Column(Lang, Paragraph),
    /// In a column of a bilingual table without language (numbers, placeholders): both.
    Shared(Paragraph),
    /// Left out.
    Dropped,
}

/// Sorts the blocks into the text of an [`Extracted`]: see the module docs.
pub(crate) fn arrange(blocks: Vec<Block>) -> Extracted {
    let mut out = Extracted::new();
    let mut slots = Vec::new();
    let mut bilingual = false;
    for block in blocks {
        match block {
            Block::Paragraph(p) => slots.push(Slot::Loose(p)),
            Block::Table(rows) => match bilingual_columns(&rows) {
                None => slots.extend(rows.into_iter().flatten().flatten().map(Slot::Loose)),
                Some(columns) => {
                    bilingual = true;
                    let mut foreign = Vec::new();
                    for row in rows {
                        // A row of one merged cell belongs to no column.
                        let merged = row.len() < 2;
                        for (c, cell) in row.into_iter().enumerate() {
                            let tongue = columns.get(c).copied().filter(|_| !merged);
                            for p in cell {
                                slots.push(match tongue {
                                    Some(Tongue::Version(lang)) => Slot::Column(lang, p),
                                    Some(Tongue::Neutral) => Slot::Shared(p),
                                    Some(Tongue::Latin) => {
                                        foreign.push(p);
                                        Slot::Dropped
                                    }
                                    None => Slot::Loose(p),
                                });
                            }
                        }
                    }
                    if !foreign.is_empty() {
                        left_out(
                            &mut out,
                            &foreign.iter().collect::<Vec<_>>(),
                            "a table column",
                        );
                    }
                }
            },
        }
    }
    drop_third_language(&mut slots, &mut out);
    if bilingual {
        let (kk, ru) = by_language(slots);
        for paragraph in kk.iter().chain(&ru) {
            write(&mut out, paragraph);
        }
    } else {
        for slot in &slots {
            match slot {
                Slot::Loose(p) | Slot::Column(_, p) | Slot::Shared(p) => write(&mut out, p),
                Slot::Dropped => {}
            }
        }
    }
    out
}

fn write(out: &mut Extracted, paragraph: &Paragraph) {
    for line in paragraph {
        out.push_indented(line.indent, &line.text, line.origin.clone());
    }
    out.push_blank();
}

/// The Kazakh and the Russian paragraphs of a document with bilingual tables, each in
/// document order. A paragraph without a language of its own (a number, a placeholder, a
/// signature line) follows the paragraph before it; at the start it goes to both.
fn by_language(slots: Vec<Slot>) -> (Vec<Paragraph>, Vec<Paragraph>) {
    let (mut kk, mut ru) = (Vec::new(), Vec::new());
    let mut last: Option<Lang> = None;
    for slot in slots {
        let (lang, paragraph) = match slot {
            Slot::Column(lang, p) => (Some(lang), p),
            Slot::Shared(p) => (None, p),
            Slot::Loose(p) => match tongue(&paragraph_text(&p)) {
                Tongue::Version(lang) => (Some(lang), p),
                Tongue::Latin | Tongue::Neutral => (last, p),
            },
            Slot::Dropped => continue,
        };
        match lang {
            Some(Lang::Kk) => kk.push(paragraph),
            Some(Lang::Ru) => ru.push(paragraph),
            None => {
                kk.push(paragraph.clone());
                ru.push(paragraph);
            }
        }
        last = lang.or(last);
    }
    (kk, ru)
}

/// Leaves out runs of Latin-script paragraphs long enough to be a section, with a notice.
fn drop_third_language(slots: &mut [Slot], out: &mut Extracted) {
    // Only Latin against the rest matters here: letter counts, not the detector.
    let tongues: Vec<Option<Tongue>> = slots
        .iter()
        .map(|slot| match slot {
            Slot::Loose(p) => Some(script_tongue(&paragraph_text(p))),
            _ => None,
        })
        .collect();
    let mut i = 0;
    while i < slots.len() {
        if tongues[i] != Some(Tongue::Latin) {
            i += 1;
            continue;
        }
        // The run: Latin and neutral paragraphs, ending at its last Latin one.
        let mut end = i;
        let mut j = i;
        while j < slots.len() && matches!(tongues[j], Some(Tongue::Latin | Tongue::Neutral)) {
            if tongues[j] == Some(Tongue::Latin) {
                end = j;
            }
            j += 1;
        }
        let paragraphs: Vec<&Paragraph> = slots[i..=end]
            .iter()
            .filter_map(|slot| match slot {
                Slot::Loose(p) => Some(p),
                _ => None,
            })
            .collect();
        let latin = (i..=end)
            .filter(|&k| tongues[k] == Some(Tongue::Latin))
            .count();
        let letters: usize = paragraphs
            .iter()
            .map(|p| letter_counts(&paragraph_text(p)).0)
            .sum();
        if latin >= SECTION_PARAGRAPHS && letters >= SECTION_LETTERS {
            left_out(out, &paragraphs, "a section");
            for slot in &mut slots[i..=end] {
                *slot = Slot::Dropped;
            }
        }
        i = j.max(i + 1);
    }
}

/// The notice for paragraphs in a third language that are left out.
fn left_out(out: &mut Extracted, paragraphs: &[&Paragraph], what: &str) {
    let text: String = paragraphs
        .iter()
        .map(|p| paragraph_text(p))
        .collect::<Vec<_>>()
        .join(" ");
    let language = if is_english(&text) {
        "English"
    } else {
        "a third language"
    };
    let first = paragraphs
        .first()
        .and_then(|p| p.first())
        .map(|l| l.origin.clone());
    let through = paragraphs
        .last()
        .and_then(|p| p.last())
        .map_or(String::new(), |l| format!(" through {}", l.origin));
    out.notice(
        first,
        format!(
            "{what} in {language} (Latin script), {} paragraphs{through}, is left out of the alignment",
            paragraphs.len()
        ),
    );
}

fn is_english(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    let common = words
        .iter()
        .filter(|w| ENGLISH_WORDS.contains(&w.as_str()))
        .count();
    !words.is_empty() && common * 20 >= words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(n: usize, text: &str) -> Paragraph {
        vec![Line {
            indent: 0,
            text: text.to_owned(),
            origin: Origin::Docx {
                paragraph: n,
                table: None,
            },
        }]
    }

    #[test]
    fn tongues() {
        assert_eq!(
            tongue("Дербес деректерді қорғау"),
            Tongue::Version(Lang::Kk)
        );
        assert_eq!(
            tongue("Защита персональных данных"),
            Tongue::Version(Lang::Ru)
        );
        assert_eq!(tongue("Protection of personal data"), Tongue::Latin);
        assert_eq!(
            tongue("{{CLIENT_NAME}}, ${iin}, info@kao.kz"),
            Tongue::Neutral
        );
        assert_eq!(tongue("________ 2024"), Tongue::Neutral);
    }

    #[test]
    fn a_table_is_bilingual_by_the_languages_of_its_columns() {
        let row = |a: &str, b: &str| vec![vec![para(1, a)], vec![para(2, b)]];
        let rows = vec![
            row("Жалпы ережелер", "Общие положения"),
            row("Дербес деректерді қорғау", "Защита персональных данных"),
        ];
        let kk = Tongue::Version(Lang::Kk);
        let ru = Tongue::Version(Lang::Ru);
        assert_eq!(bilingual_columns(&rows), Some(vec![kk, ru]));
        let swapped: Vec<_> = rows
            .iter()
            .map(|r| vec![r[1].clone(), r[0].clone()])
            .collect();
        assert_eq!(bilingual_columns(&swapped), Some(vec![ru, kk]));
        let same = vec![row("Общие положения", "Защита персональных данных")];
        assert_eq!(bilingual_columns(&same), None);
    }

    #[test]
    fn bilingual_tables_give_all_kazakh_then_all_russian() {
        let row = |a, b| {
            vec![
                vec![para(a, "Жалпы ережелер")],
                vec![para(b, "Общие положения")],
            ]
        };
        let blocks = vec![
            Block::Paragraph(para(1, "№ ${number}")),
            Block::Table(vec![row(2, 3), row(4, 5)]),
            Block::Paragraph(para(6, "${date}")),
            Block::Table(vec![row(7, 8)]),
        ];
        let out = arrange(blocks);
        let lines: Vec<&str> = out.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "№ ${number}",
                "Жалпы ережелер",
                "Жалпы ережелер",
                "Жалпы ережелер",
                "№ ${number}",
                "Общие положения",
                "Общие положения",
                "${date}",
                "Общие положения"
            ]
        );
        let paragraphs: Vec<usize> = out
            .origins
            .iter()
            .step_by(2)
            .map(|o| match o {
                Origin::Docx { paragraph, .. } => *paragraph,
                _ => 0,
            })
            .collect();
        // A neutral paragraph at the start goes to both versions; later, it follows the
        // Russian cell before it.
        assert_eq!(paragraphs, [1, 2, 4, 7, 1, 3, 5, 6, 8]);
    }
}
