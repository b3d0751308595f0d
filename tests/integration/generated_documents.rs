//! Generated bilingual documents for the property tests: one outline (sections, clauses,
//! sub-items, bullets) written once in Kazakh and once in Russian, then each version mutated
//! the way real documents go wrong (lines deleted, duplicated, renumbered or swapped, markers
//! glued to their text, Latin words, digits, e-mails, stray characters, very long lines, CRLF,
//! no blank lines).
//!
//! Every generated version is a valid input by construction: the Kazakh title always has
//! Kazakh-only letters and no mutation touches it, no text has a NUL or more than a few
//! control characters, and no mutation adds a Kazakh-only letter to the Russian version. So
//! every generated document loads, and the properties reach their invariants on every case.

use proptest::prelude::*;
use proptest::sample::Index;

/// Parallel sentences of a privacy policy: `(Kazakh, Russian)`. Every Kazakh sentence has
/// Kazakh-only letters (ә ғ қ ң ө ұ ү һ і); the Russian ones have none.
const SENTENCES: &[(&str, &str)] = &[
    (
        "Компания дербес деректерді заңнамаға сәйкес өңдейді.",
        "Компания обрабатывает персональные данные в соответствии с законодательством.",
    ),
    (
        "Пайдаланушы өз деректерін кез келген уақытта өзгерте алады.",
        "Пользователь может изменить свои данные в любое время.",
    ),
    (
        "Деректер үшінші тұлғаларға берілмейді.",
        "Данные не передаются третьим лицам.",
    ),
    (
        "Біз деректерді бес жыл бойы сақтаймыз.",
        "Мы храним данные в течение пяти лет.",
    ),
    (
        "Сұрақтар бойынша қолдау қызметіне хабарласыңыз.",
        "По всем вопросам обращайтесь в службу поддержки.",
    ),
    (
        "Осы Саясат сайтта жарияланған күннен бастап күшіне енеді.",
        "Настоящая Политика вступает в силу с момента публикации на сайте.",
    ),
    (
        "Құрылғы туралы ақпарат қызметті жақсарту үшін жиналады.",
        "Информация об устройстве собирается для улучшения сервиса.",
    ),
    (
        "Пайдаланушы өз келісімін қайтарып алуға құқылы.",
        "Пользователь вправе отозвать свое согласие.",
    ),
    (
        "Деректерді қорғау үшін шифрлау қолданылады.",
        "Для защиты данных применяется шифрование.",
    ),
    (
        "Біз мынадай деректерді жинаймыз:",
        "Мы собираем следующие данные:",
    ),
    (
        "Һәр өзгеріс туралы пайдаланушыға хабарлама жіберіледі.",
        "О каждом изменении пользователю направляется уведомление.",
    ),
];

/// Parallel list items: `(Kazakh, Russian)`.
const ITEMS: &[(&str, &str)] = &[
    ("тегі, аты, әкесінің аты;", "фамилия, имя, отчество;"),
    ("телефон нөмірі;", "номер телефона;"),
    ("электрондық пошта мекенжайы;", "адрес электронной почты;"),
    ("құрылғы туралы ақпарат;", "информация об устройстве;"),
    ("төлем деректері.", "платежные данные."),
];

/// Parallel section headings: `(Kazakh, Russian)`. Some Kazakh ones have no Kazakh-only
/// letter, as in real documents («Жалпы ережелер»).
const HEADINGS: &[(&str, &str)] = &[
    ("Жалпы ережелер", "Общие положения"),
    ("Деректерді жинау", "Сбор данных"),
    ("Деректерді сақтау мерзімі", "Срок хранения данных"),
    ("Пайдаланушының құқықтары", "Права пользователя"),
    ("Байланыс ақпараты", "Контактная информация"),
    ("Қорытынды ережелер", "Заключительные положения"),
];

/// The titles that open each version; the Kazakh one has Kazakh-only letters.
const TITLES: (&str, &str) = (
    "ДЕРБЕС ДЕРЕКТЕРДІ ҚОРҒАУ САЯСАТЫ",
    "ПОЛИТИКА ЗАЩИТЫ ПЕРСОНАЛЬНЫХ ДАННЫХ",
);

/// Text appended to a line: Latin words, digits, e-mails, links, markup.
const APPENDED: &[&str] = &[
    " Google Analytics",
    " cookie файлдары",
    " HTTPS, TLS v1.2",
    " 2024",
    " 5 (бес)",
    " +7 (727) 000 00 00",
    " info@example.kz",
    " [сайт](https://example.kz)",
    " <i>курсив</i>",
    " &nbsp;&amp;",
    " **",
    " ✓",
];

/// Text put before a line: indentation, invisible characters, heading and bullet marks.
const PREFIXED: &[&str] = &[
    "\t", "  ", "\u{a0}", "\u{200b}", "### ", "**", "- ", "• ", "✓ ", "> ",
];

/// Stray characters inserted anywhere in a line: invisible and format characters, lone
/// carriage returns, the replacement character, Latin look-alikes of Cyrillic letters (`ə`
/// only in the Kazakh version), markup characters. The two allowed control characters (`\u{b}`, `\u{c}`) do not make the
/// text binary.
const STRAY: &[char] = &[
    '\u{a0}', '\u{200b}', '\u{feff}', '\u{ad}', '\t', '\r', '\u{b}', '\u{c}', '\u{fffd}',
    '\u{2028}', 'ə', 'i', 'o', '*', '#', '<', '>', '&', ';', '.', ')',
];

/// How a section number is written.
#[derive(Clone, Copy, Debug)]
pub enum SectionStyle {
    /// `1. Heading`
    Decimal,
    /// `IV. Heading`
    Roman,
    /// `### 1. Heading`
    Markdown,
    /// `**1. Heading**`
    Bold,
}

/// How the items under a clause are marked.
#[derive(Clone, Copy, Debug)]
pub enum ItemStyle {
    /// `1.1.1. item`
    Decimal,
    /// `1) item`
    Paren,
    /// `а) item`
    Letter,
    /// `- item`
    Dash,
    /// `• item`
    Bullet,
}

/// One clause: a sentence, and the items under it with their style.
#[derive(Clone, Debug)]
pub struct ClauseSpec {
    sentence: usize,
    items: Vec<usize>,
    item_style: ItemStyle,
}

/// One section: a heading and its clauses.
#[derive(Clone, Debug)]
pub struct SectionSpec {
    heading: usize,
    clauses: Vec<ClauseSpec>,
}

/// The structure both versions share.
#[derive(Clone, Debug)]
pub struct Outline {
    sections: Vec<SectionSpec>,
    section_style: SectionStyle,
    /// `1.1.` or `1.1` for clause numbers.
    trailing_dot: bool,
}

/// One change to a version's lines (never its title). Positions are picked among the lines
/// there are when the mutation applies.
#[derive(Clone, Debug)]
pub enum Mutation {
    /// A line is lost.
    Delete(Index),
    /// A line is repeated right after itself.
    Duplicate(Index),
    /// The first number of a line is replaced.
    Renumber(Index, u32),
    /// Two lines change places.
    Swap(Index, Index),
    /// The space after a line's marker goes (`1.1.Текст`).
    GlueMarker(Index),
    /// Latin words, digits, an e-mail or markup at the end of a line.
    Append(Index, &'static str),
    /// Indentation or a mark before a line.
    Prefix(Index, &'static str),
    /// A stray character somewhere in a line.
    Stray(Index, Index, char),
    /// A line repeated until it is thousands of bytes long.
    Lengthen(Index, usize),
    /// A line joined to the next one (a PDF line break lost).
    JoinNext(Index),
}

/// How the lines of a version are put together.
#[derive(Clone, Copy, Debug)]
pub enum LineEnd {
    /// `\n`
    Lf,
    /// `\r\n`
    CrLf,
    /// `\r\n` and `\n` alternating.
    Mixed,
}

/// The text layout of a version.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    line_end: LineEnd,
    /// A blank line between lines, or none at all.
    blank_lines: bool,
    /// Spaces at the end of every line.
    trailing_spaces: bool,
}

/// A Kazakh and a Russian version of one outline, each mutated and laid out on its own.
#[derive(Clone, Debug)]
pub struct Generated {
    /// The Kazakh version's text.
    pub kk: String,
    /// The Russian version's text.
    pub ru: String,
}

impl Generated {
    /// Both versions in one text, Kazakh first, as the corpus files hold them.
    pub fn joined(&self) -> String {
        format!("{}\n\n{}", self.kk, self.ru)
    }
}

fn clause_spec() -> impl Strategy<Value = ClauseSpec> {
    let item_style = prop_oneof![
        Just(ItemStyle::Decimal),
        Just(ItemStyle::Paren),
        Just(ItemStyle::Letter),
        Just(ItemStyle::Dash),
        Just(ItemStyle::Bullet),
    ];
    (
        0..SENTENCES.len(),
        prop::collection::vec(0..ITEMS.len(), 0..4),
        item_style,
    )
        .prop_map(|(sentence, items, item_style)| ClauseSpec {
            sentence,
            items,
            item_style,
        })
}

fn outline() -> impl Strategy<Value = Outline> {
    let section = (
        0..HEADINGS.len(),
        prop::collection::vec(clause_spec(), 0..5),
    )
        .prop_map(|(heading, clauses)| SectionSpec { heading, clauses });
    let section_style = prop_oneof![
        4 => Just(SectionStyle::Decimal),
        1 => Just(SectionStyle::Roman),
        1 => Just(SectionStyle::Markdown),
        1 => Just(SectionStyle::Bold),
    ];
    (
        prop::collection::vec(section, 1..6),
        section_style,
        any::<bool>(),
    )
        .prop_map(|(sections, section_style, trailing_dot)| Outline {
            sections,
            section_style,
            trailing_dot,
        })
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::Delete),
        any::<Index>().prop_map(Mutation::Duplicate),
        (any::<Index>(), 0..40u32).prop_map(|(at, n)| Mutation::Renumber(at, n)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        any::<Index>().prop_map(Mutation::GlueMarker),
        (any::<Index>(), prop::sample::select(APPENDED))
            .prop_map(|(at, text)| Mutation::Append(at, text)),
        (any::<Index>(), prop::sample::select(PREFIXED))
            .prop_map(|(at, text)| Mutation::Prefix(at, text)),
        (any::<Index>(), any::<Index>(), prop::sample::select(STRAY))
            .prop_map(|(at, within, c)| Mutation::Stray(at, within, c)),
        (any::<Index>(), 20..80usize).prop_map(|(at, times)| Mutation::Lengthen(at, times)),
        any::<Index>().prop_map(Mutation::JoinNext),
    ]
}

fn layout() -> impl Strategy<Value = Layout> {
    let line_end = prop_oneof![
        3 => Just(LineEnd::Lf),
        1 => Just(LineEnd::CrLf),
        1 => Just(LineEnd::Mixed),
    ];
    (
        line_end,
        prop::bool::weighted(0.7),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(line_end, blank_lines, trailing_spaces)| Layout {
            line_end,
            blank_lines,
            trailing_spaces,
        })
}

/// A generated bilingual document: one outline, each version with up to `max_mutations`
/// mutations and its own layout.
pub fn bilingual_document(max_mutations: usize) -> impl Strategy<Value = Generated> {
    let version = || {
        (
            prop::collection::vec(mutation(), 0..=max_mutations),
            layout(),
        )
    };
    (outline(), version(), version()).prop_map(|(outline, (kk_mut, kk_lay), (ru_mut, ru_lay))| {
        Generated {
            kk: write_version(&outline, Side::Kk, &kk_mut, kk_lay),
            ru: write_version(&outline, Side::Ru, &ru_mut, ru_lay),
        }
    })
}

/// Which text of the parallel pairs a version takes.
#[derive(Clone, Copy)]
enum Side {
    Kk,
    Ru,
}

impl Side {
    fn pick(self, pair: (&'static str, &'static str)) -> &'static str {
        match self {
            Side::Kk => pair.0,
            Side::Ru => pair.1,
        }
    }
}

/// `n` in Roman numerals (up to 39, more than the outlines need).
fn roman(n: usize) -> String {
    const NUMERALS: [(usize, &str); 5] = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut rest = n;
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while rest >= value {
            out.push_str(numeral);
            rest -= value;
        }
    }
    out
}

/// The lines of one version of `outline`, before mutation (without the title).
fn outline_lines(outline: &Outline, side: Side) -> Vec<String> {
    let mut lines = Vec::new();
    let dot = if outline.trailing_dot { "." } else { "" };
    for (s, section) in outline.sections.iter().enumerate() {
        let s = s + 1;
        let heading = side.pick(HEADINGS[section.heading]);
        lines.push(match outline.section_style {
            SectionStyle::Decimal => format!("{s}. {heading}"),
            SectionStyle::Roman => format!("{}. {heading}", roman(s)),
            SectionStyle::Markdown => format!("### {s}. {heading}"),
            SectionStyle::Bold => format!("**{s}. {heading}**"),
        });
        for (c, clause) in section.clauses.iter().enumerate() {
            let c = c + 1;
            let sentence = side.pick(SENTENCES[clause.sentence]);
            lines.push(format!("{s}.{c}{dot} {sentence}"));
            for (k, &item) in clause.items.iter().enumerate() {
                let k = k + 1;
                let item = side.pick(ITEMS[item]);
                lines.push(match clause.item_style {
                    ItemStyle::Decimal => format!("{s}.{c}.{k}{dot} {item}"),
                    ItemStyle::Paren => format!("{k}) {item}"),
                    ItemStyle::Letter => {
                        let letter = ['а', 'б', 'в', 'г', 'д'][(k - 1) % 5];
                        format!("{letter}) {item}")
                    }
                    ItemStyle::Dash => format!("- {item}"),
                    ItemStyle::Bullet => format!("• {item}"),
                });
            }
        }
    }
    lines
}

/// Applies one mutation to the lines of a version in `side`'s language.
fn mutate(lines: &mut Vec<String>, mutation: &Mutation, side: Side) {
    if lines.is_empty() {
        return;
    }
    let at = |index: &Index| index.index(lines.len());
    match mutation {
        Mutation::Delete(i) => {
            // Keep one line: a version of a title alone is still a version.
            if lines.len() > 1 {
                lines.remove(at(i));
            }
        }
        Mutation::Duplicate(i) => {
            let i = at(i);
            lines.insert(i + 1, lines[i].clone());
        }
        Mutation::Renumber(i, n) => {
            let i = at(i);
            let line = &lines[i];
            if let Some(start) = line.find(|c: char| c.is_ascii_digit()) {
                let len = line[start..]
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(line.len() - start);
                lines[i].replace_range(start..start + len, &n.to_string());
            }
        }
        Mutation::Swap(a, b) => {
            let (a, b) = (at(a), at(b));
            lines.swap(a, b);
        }
        Mutation::GlueMarker(i) => {
            let i = at(i);
            if let Some(space) = lines[i].find(' ') {
                lines[i].remove(space);
            }
        }
        Mutation::Append(i, text) => {
            let i = at(i);
            lines[i].push_str(text);
        }
        Mutation::Prefix(i, text) => {
            let i = at(i);
            lines[i].insert_str(0, text);
        }
        Mutation::Stray(i, within, c) => {
            let i = at(i);
            let line = &lines[i];
            let boundaries: Vec<usize> = line
                .char_indices()
                .map(|(b, _)| b)
                .chain([line.len()])
                .collect();
            let byte = boundaries[within.index(boundaries.len())];
            // Latin `ə` counts as a Kazakh letter: the Russian version must not get one, or
            // a short Russian version could be taken for Kazakh.
            let c = match (side, *c) {
                (Side::Ru, 'ə') => 'e',
                (_, c) => c,
            };
            lines[i].insert(byte, c);
        }
        Mutation::Lengthen(i, times) => {
            let i = at(i);
            // The line's text without its marker, repeated.
            let text = lines[i]
                .split_once(' ')
                .map_or(lines[i].as_str(), |(_, t)| t)
                .to_owned();
            for _ in 0..*times {
                lines[i].push(' ');
                lines[i].push_str(&text);
            }
        }
        Mutation::JoinNext(i) => {
            let i = at(i);
            if i + 1 < lines.len() {
                let next = lines.remove(i + 1);
                lines[i].push(' ');
                lines[i].push_str(&next);
            }
        }
    }
}

/// One version of the outline: title, mutated lines, laid out.
fn write_version(outline: &Outline, side: Side, mutations: &[Mutation], layout: Layout) -> String {
    let mut lines = outline_lines(outline, side);
    for mutation in mutations {
        mutate(&mut lines, mutation, side);
    }
    lines.insert(0, side.pick(TITLES).to_owned());
    let mut text = String::new();
    for (n, line) in lines.iter().enumerate() {
        let end = match layout.line_end {
            LineEnd::Lf => "\n",
            LineEnd::CrLf => "\r\n",
            LineEnd::Mixed if n % 2 == 0 => "\r\n",
            LineEnd::Mixed => "\n",
        };
        text.push_str(line);
        if layout.trailing_spaces {
            text.push_str("  ");
        }
        text.push_str(end);
        if layout.blank_lines {
            text.push_str(end);
        }
    }
    text
}
