//! Inputs that once broke the crate, each with what broke.

use kzru_align::{BilingualDocument, Lang, normalize};

/// An HTML entity check sliced the text at a byte that fell inside a Cyrillic letter and
/// panicked («&nbsp; сервисі» had `р` across byte 12).
#[test]
fn entity_lookahead_on_cyrillic_text_does_not_slice_inside_a_letter() {
    assert_eq!(normalize("&nbsp; сервисі").text(), "сервисі");
    assert_eq!(normalize("&жжжжжжжжж;").text(), "&жжжжжжжжж;");
}

/// aitu-sauda line 45: `9)` follows a PDF line that ends in a comma; it was read as text.
#[test]
fn an_expected_item_after_a_line_ending_in_a_comma_is_an_item() {
    let text = "2.2. Мақсаттары:\n\n8) хабарламаларды жіберу, сондай-ақ Пайдаланушыларға ақпарат беру үшін өте ұзын жол осында жалғасады,\n\n9) қызметтер сапасын жақсарту;\n";
    let doc = BilingualDocument::from_text("t", text).unwrap();
    let kk = doc.version(Lang::Kk).unwrap();
    assert_eq!(kk.find("9)").map(|c| c.line()), Some(5));
}

/// Short bilingual texts were taken for one language: a second version needed 150 letters.
/// This Russian version (41 letters, no Kazakh-only one, no long block) weighs enough only with
/// the statistical detector's confidence; the function-word fallback gives it too little.
#[cfg(feature = "lingua")]
#[test]
fn a_short_bilingual_text_still_has_two_versions() {
    let text = "1. Жалпы ережелер\n\n1.1. Осы Саясат заңға сәйкес әзірленді.\n\n1. Общие положения\n\n1.1. Политика разработана по закону.\n";
    let doc = BilingualDocument::from_text("t", text).unwrap();
    assert_eq!(doc.versions().len(), 2);
}

/// The same regression where the letters decide (one Russian sentence of over 60 letters), so
/// that it holds with or without the statistical detector.
#[test]
fn a_short_bilingual_text_decided_by_its_letters_has_two_versions() {
    let text = "1. Жалпы ережелер\n\n1.1. Осы Саясат заңға сәйкес әзірленді.\n\n1. Общие положения\n\n1.1. Политика разработана в соответствии с законом о персональных данных.\n";
    let doc = BilingualDocument::from_text("t", text).unwrap();
    assert_eq!(doc.versions().len(), 2);
    let ru = doc.version(Lang::Ru).unwrap();
    assert_eq!((ru.line(), ru.clauses().len()), (5, 2));
}

/// Property testing: a zero-width space before the first word was in no clause (the clause
/// began after invisible characters), so text went missing from the clause spans.
#[test]
fn an_invisible_character_before_a_clause_belongs_to_it() {
    let text = "\u{200b}Дербес деректер туралы саясат\n\n\u{200b}1. Жалпы ережелер\n";
    let doc = BilingualDocument::from_text("t", text).unwrap();
    let kk = doc.version(Lang::Kk).unwrap();
    assert_eq!(kk.clauses()[0].span().start(), 0);
    let section = kk
        .find("1")
        .expect("the number after a zero-width space is read");
    assert!(doc.original_text(section).starts_with('\u{200b}'));
}

/// Property testing: a heading mark after a no-break space survived the first pass, and
/// normalizing the normalized text then removed it (normalization was not idempotent).
#[test]
fn a_heading_mark_after_a_no_break_space_is_stripped() {
    let once = normalize("\u{a0}### [a](mailto:a) ");
    assert_eq!(once.text(), "a");
    assert_eq!(normalize(once.text()).text(), "a");
}

/// Property testing: a tag broken by a line end (`<a \n>`) was read only after white space
/// collapsed, so a second normalization removed it (not idempotent).
#[test]
fn a_tag_broken_over_two_lines_is_stripped_at_once() {
    let once = normalize("&lt;[a](mailto:a) \n>");
    assert_eq!(normalize(once.text()).text(), once.text());
    assert_eq!(normalize("x <i\n>курсив</i> y").text(), "x курсив y");
}

/// Property testing: a Latin letter glued to a Cyrillic word across markup (`a<i>Дербес`) is
/// repaired to Cyrillic; the repair's span must enclose the markup, so that its ends are the
/// written word's ends.
#[test]
fn a_word_repaired_across_stripped_markup_spans_the_written_word() {
    let text = "a<i>Дербес деректер ";
    let normalized = normalize(text);
    assert_eq!(normalized.text(), "аДербес деректер");
    let [repair] = normalized.repairs() else {
        panic!("one repair: {:?}", normalized.repairs());
    };
    assert_eq!(&text[repair.span.range()], "a<i>Дербес");
    assert_eq!(repair.word, "aДербес");
}
