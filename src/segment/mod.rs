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
//!
//! One child module per step: `lines` runs the line loop, reading each line's head with
//! `line_head` and deciding with `scanner` which numbers start a clause (`sentence` holds the
//! cues both ask); the loop yields `start`s, `parts` finds where a later document of a pack
//! begins (its numbering restarts at 1 after a title), `build` makes the clauses, `tree`
//! links them into a tree and `kinds` tells titles, headings and sections apart.

mod build;
mod kinds;
mod line_head;
mod lines;
mod parts;
mod scanner;
mod sentence;
mod start;
mod tree;

use crate::clause::Clause;
use crate::language::Lang;
use crate::load::Source;
use crate::normalize::ScriptRepair;
use crate::span::Span;

/// The clauses of one version and the mixed-script words repaired in their text.
pub(crate) struct Segmented {
    /// The clauses in text order, linked into a tree.
    pub(crate) clauses: Vec<Clause>,
    /// The mixed-script words repaired while normalizing the clauses' text.
    pub(crate) repairs: Vec<ScriptRepair>,
}

/// Segments the version of `source` that lies in `range`.
pub(crate) fn segment(source: &Source, source_index: usize, lang: Lang, range: Span) -> Segmented {
    let text = source.text();
    let mut starts = lines::find_starts(text, range);
    parts::mark_parts(text, range, &mut starts);
    let (mut clauses, repairs) = build::build(source, source_index, lang, range, &starts);
    tree::assign_parents(&mut clauses, &starts);
    kinds::assign_kinds(&mut clauses, text);
    Segmented { clauses, repairs }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clause::ClauseKind;

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
    fn without_blank_lines_every_line_is_a_unit_unless_it_runs_on_in_lower_case() {
        // A web page copied as text: title, version line, heading, two paragraphs under it.
        let cs = clauses(
            "Политика конфиденциальности\nВерсия: 1.0\n1. Введение\n\
             Обеспечение защиты данных — приоритет.\nОбработка ведётся по закону.\n\
             Заказчик: ТОО «Альфа», БИН 123,\nдействующее на основании Устава.\n",
        );
        let texts: Vec<&str> = cs.iter().map(Clause::text).collect();
        assert_eq!(
            texts,
            [
                "Политика конфиденциальности",
                "Версия: 1.0",
                "Введение",
                "Обеспечение защиты данных — приоритет.",
                "Обработка ведётся по закону.",
                "Заказчик: ТОО «Альфа», БИН 123, действующее на основании Устава.",
            ]
        );
        // The paragraphs under the heading belong to its section.
        assert!(cs[3..].iter().all(|c| c.parent() == Some(cs[2].id())));
    }

    #[test]
    fn with_blank_lines_a_broken_sentence_stays_one_clause() {
        // Lines broken by a PDF extractor inside blank-line separated paragraphs.
        let cs = clauses(
            "1. Общие положения\n\n1.1. Компания обрабатывает данные пользователей, которые\n\
             Пользователь передаёт через сервис, и хранит их.\n\n1.2. Иное.\n",
        );
        assert_eq!(numbers(&cs), ["1.", "1.1.", "1.2."]);
    }

    #[test]
    fn glued_doubled_and_dotless_markers_still_number_their_clause() {
        let cs = clauses(
            "1. Общие положения\n\n1.1. Первый пункт.\n\n1.2.своевременно сообщать.\n\n\
             1.3. 2tick.kz хранит экземпляр.\n\n1.4. 1.4. Повтор номера.\n\n1.5.1.5. Повтор без \
             пробела.\n\n1.6.. Две точки.\n\n2 Обязанности сторон\n\n2.1. Последний пункт.\n",
        );
        assert_eq!(
            numbers(&cs),
            [
                "1.", "1.1.", "1.2.", "1.3.", "1.4.", "1.5.", "1.6.", "2", "2.1."
            ]
        );
        let texts: Vec<&str> = cs.iter().map(Clause::text).collect();
        assert_eq!(texts[3], "2tick.kz хранит экземпляр.");
        assert_eq!(texts[4], "Повтор номера.");
        assert_eq!(texts[6], "Две точки.");
        let slips: Vec<Option<crate::number::NumberSlip>> = cs.iter().map(|c| c.slip).collect();
        use crate::number::NumberSlip::{Doubled, ExtraDots};
        assert_eq!(
            slips,
            [
                None,
                None,
                None,
                None,
                Some(Doubled),
                Some(Doubled),
                Some(ExtraDots),
                None,
                None
            ]
        );
        // A quantity after a finished sentence is no section, even without a dot.
        let cs = clauses("1. Сроки\n\n1.1. Данные хранятся.\n\n5 лет хранятся копии.\n");
        assert_eq!(numbers(&cs), ["1.", "1.1."]);
    }

    #[test]
    fn a_list_restarted_under_a_clause_is_its_items() {
        let cs = clauses(
            "3. Обязанности\n\n3.1. Исполнитель обязан:\n\n1. оказать услуги;\n\n\
             2. сообщать о рисках;\n\n3. хранить тайну.\n\n3.2. Заказчик обязан платить.\n\n\
             4. ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ\n",
        );
        assert_eq!(numbers(&cs), ["3.", "3.1.", "1.", "2.", "3.", "3.2.", "4."]);
        assert!(cs[2..5].iter().all(|c| c.parent() == Some(cs[1].id())));
        assert!(cs[2..5].iter().all(|c| c.kind() == ClauseKind::Item));
        assert_eq!(cs[6].kind(), ClauseKind::Section);
        assert_eq!(cs[6].parent(), None);
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
