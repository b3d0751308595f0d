//! One small bilingual policy and one variant per divergence kind: the clean pair gives no
//! divergence at all, each variant exactly the divergence it was built to show.

use kzru_align::{Aligner, BilingualDocument, DivergenceKind, Severity, Source};

const KK: &str = "ҚҰПИЯЛЫЛЫҚ САЯСАТЫ

1. Жалпы ережелер

1.1. Осы Саясат дербес деректерді қорғау туралы Қазақстан Республикасының заңнамасына сәйкес әзірленді.

1.2. Компания дербес деректерді 5 (бес) жыл бойы сақтайды.

1.3. Біз мынадай деректерді жинаймыз:

- тегі, аты, әкесінің аты;
- телефон нөмірі;
- электрондық пошта мекенжайы.

2. Байланыс

2.1. Сұрақтар бойынша info@example.kz электрондық поштасына немесе +7 (727) 000 00 00 телефоны арқылы хабарласыңыз.

2.2. Біз Google Analytics қызметін пайдаланамыз.
";

const RU: &str = "ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ

1. Общие положения

1.1. Настоящая Политика разработана в соответствии с законодательством Республики Казахстан о защите персональных данных.

1.2. Компания хранит персональные данные в течение 5 (пяти) лет.

1.3. Мы собираем следующие данные:

- фамилия, имя, отчество;
- номер телефона;
- адрес электронной почты.

2. Контакты

2.1. По вопросам обращайтесь по электронной почте info@example.kz или по телефону +7 (727) 000 00 00.

2.2. Мы используем сервис Google Analytics.
";

/// The kinds found in the pair, sorted, each once.
fn kinds(kk: &str, ru: &str) -> Vec<DivergenceKind> {
    let mut kinds: Vec<DivergenceKind> = divergences(kk, ru).iter().map(|d| d.kind()).collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

/// The divergences of a Kazakh and a Russian text, as two files.
fn divergences(kk: &str, ru: &str) -> Vec<kzru_align::Divergence> {
    let doc = BilingualDocument::from_pair(
        Source::from_text("kk.txt", kk).unwrap(),
        Source::from_text("ru.txt", ru).unwrap(),
    )
    .unwrap();
    Aligner::new().align(&doc).divergences().to_vec()
}

#[test]
fn the_clean_pair_has_no_divergence() {
    assert_eq!(kinds(KK, RU), []);
}

#[test]
fn missing_counterpart() {
    let ru = RU.replace(
        "1.2. Компания хранит персональные данные в течение 5 (пяти) лет.\n\n",
        "",
    );
    assert_eq!(
        kinds(KK, &ru),
        [
            DivergenceKind::MissingCounterpart,
            DivergenceKind::NumberingGap
        ]
    );
    let doc = BilingualDocument::from_pair(
        Source::from_text("kk", KK).unwrap(),
        Source::from_text("ru", ru).unwrap(),
    )
    .unwrap();
    let alignment = Aligner::new().align(&doc);
    let missing = alignment
        .divergences()
        .iter()
        .find(|d| d.kind() == DivergenceKind::MissingCounterpart)
        .unwrap();
    assert_eq!(
        (missing.lines().kk.as_slice(), missing.lines().ru.as_slice()),
        (&[7][..], &[][..])
    );
    assert_eq!(missing.severity(), Severity::Error);
}

#[test]
fn numbering_mismatch() {
    let ru = RU.replace("2.2. Мы используем", "2.3. Мы используем");
    assert_eq!(
        kinds(KK, &ru),
        [
            DivergenceKind::NumberingMismatch,
            DivergenceKind::NumberingGap
        ]
    );
}

#[test]
fn out_of_sequence_in_one_version() {
    let ru = RU.replace("2.2. Мы используем", "1.4. Мы используем");
    let found = kinds(KK, &ru);
    assert!(found.contains(&DivergenceKind::OutOfSequence), "{found:?}");
    assert!(
        found.contains(&DivergenceKind::NumberingMismatch),
        "{found:?}"
    );
}

#[test]
fn duplicate_number() {
    let kk = KK.replace("1.2. Компания", "1.1. Компания");
    // 1.1, 1.1, 1.3: the second 1.1 is a duplicate, and 1.2 is missing.
    assert_eq!(
        kinds(&kk, RU),
        [
            DivergenceKind::NumberingMismatch,
            DivergenceKind::NumberingGap,
            DivergenceKind::DuplicateNumber
        ]
    );
}

#[test]
fn numbering_gap() {
    let kk = KK.replace("1.3. Біз", "1.4. Біз");
    let ru = RU.replace("1.3. Мы", "1.4. Мы");
    assert_eq!(kinds(&kk, &ru), [DivergenceKind::NumberingGap]);
}

#[test]
fn numbering_style() {
    let ru = RU.replace("1.2. Компания", "1.2 Компания");
    assert_eq!(kinds(KK, &ru), [DivergenceKind::NumberingStyle]);
}

/// The divergences of `kind` between a Kazakh and a Russian text.
fn of_kind(kk: &str, ru: &str, kind: DivergenceKind) -> Vec<kzru_align::Divergence> {
    divergences(kk, ru)
        .into_iter()
        .filter(|d| d.kind() == kind)
        .collect()
}

/// Russian legal forms and requisites labels in Kazakh requisites are one untranslated
/// fragment for the version; ЖШС against ТОО is a translation.
#[test]
fn russian_legal_forms_in_kazakh_requisites_are_reported_once() {
    let kk = format!(
        "{KK}\nДеректемелер\n\n«Мысал» ЖШС\n\nБанк: АО «Kaspi Bank»\n\nБИН: 123456789012\n"
    );
    let ru =
        format!("{RU}\nРеквизиты\n\nТОО «Мысал»\n\nБанк: АО «Kaspi Bank»\n\nБИН: 123456789012\n");
    let fragments = of_kind(&kk, &ru, DivergenceKind::UntranslatedFragment);
    assert_eq!(fragments.len(), 1, "{fragments:?}");
    // The requisites run on in the last clause (no numbered line ends it): one clause.
    assert_eq!(fragments[0].lines().kk.len(), 1, "{fragments:?}");
    assert!(fragments[0].lines().ru.is_empty(), "{fragments:?}");
    assert!(
        fragments[0].message().contains("АО (in Kazakh: АҚ)"),
        "{fragments:?}"
    );
    assert!(
        fragments[0].message().contains("БИН (in Kazakh: БСН)"),
        "{fragments:?}"
    );
}

/// A slip both versions make in the same clause is one fact: one report with both lines.
#[test]
fn a_numbering_slip_in_both_versions_is_one_report() {
    let kk = KK.replace("1.3. Біз", "1.3 Біз");
    let ru = RU.replace("1.3. Мы", "1.3 Мы");
    let style = of_kind(&kk, &ru, DivergenceKind::NumberingStyle);
    assert_eq!(style.len(), 1, "{style:?}");
    assert_eq!(
        (style[0].lines().kk.len(), style[0].lines().ru.len()),
        (1, 1)
    );
    assert!(
        style[0].message().starts_with("in both versions: "),
        "{style:?}"
    );
}

#[test]
fn no_numbering() {
    let strip = |s: &str| {
        s.lines()
            .map(|l| l.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' '))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let found = kinds(&strip(KK), &strip(RU));
    assert!(found.contains(&DivergenceKind::NoNumbering), "{found:?}");
}

#[test]
fn meaning_mismatch() {
    // A unit changed in words and digits alike: the number check does not see it.
    let ru = RU.replace("5 (пяти) лет", "5 (пяти) месяцев");
    assert_eq!(kinds(KK, &ru), [DivergenceKind::MeaningMismatch]);
    let doc = BilingualDocument::from_pair(
        Source::from_text("kk.txt", KK).unwrap(),
        Source::from_text("ru.txt", ru.as_str()).unwrap(),
    )
    .unwrap();
    let alignment = Aligner::new().align(&doc);
    let d = &alignment.divergences()[0];
    assert_eq!(d.severity(), Severity::Error);
    let meaning = d.meaning().unwrap();
    assert_eq!(meaning.sub_kind(), kzru_align::MeaningSubKind::Unit);
    let ru_cue = &meaning.cues().ru[0];
    assert_eq!(&ru[ru_cue.span().range()], ru_cue.text());
    assert!(ru_cue.text().contains("месяцев"), "{ru_cue:?}");
}

#[test]
fn number_mismatch() {
    let ru = RU.replace("5 (пяти) лет", "3 (трех) лет");
    assert_eq!(kinds(KK, &ru), [DivergenceKind::NumberMismatch]);
}

#[test]
fn identifier_typed_in_the_other_script() {
    let kk = KK.replace("заңнамасына сәйкес", "№ 94-V Заңына сәйкес");
    let ru = RU.replace(
        "о защите персональных данных",
        "№ 94-В о защите персональных данных",
    );
    assert_eq!(kinds(&kk, &ru), [DivergenceKind::NumberMismatch]);
}

#[test]
fn contact_mismatch() {
    let ru = RU.replace("info@example.kz", "support@example.kz");
    assert_eq!(kinds(KK, &ru), [DivergenceKind::ContactMismatch]);
    let ru = RU.replace("000 00 00", "111 11 11");
    assert_eq!(kinds(KK, &ru), [DivergenceKind::ContactMismatch]);
}

#[test]
fn name_mismatch() {
    let ru = RU.replace("Google Analytics", "Yandex Metrica");
    assert_eq!(kinds(KK, &ru), [DivergenceKind::NameMismatch]);
}

#[test]
fn item_count_mismatch() {
    let ru = RU.replace("- номер телефона;\n", "");
    assert_eq!(
        kinds(KK, &ru),
        [
            DivergenceKind::MissingCounterpart,
            DivergenceKind::ItemCountMismatch
        ]
    );
}

#[test]
fn length_mismatch() {
    let ru = RU.replace(
        "Настоящая Политика разработана в соответствии с законодательством Республики Казахстан о защите персональных данных.",
        "Настоящая Политика разработана.",
    );
    assert_eq!(kinds(KK, &ru), [DivergenceKind::LengthMismatch]);
}

/// A short Russian sentence (46 letters, none of them Kazakh-only) in a Kazakh clause. The
/// letters cannot tell such a sentence's language and the function-word fallback is not trusted
/// to report it, so this needs the statistical detector; without it, see the next test.
#[cfg(feature = "lingua")]
#[test]
fn untranslated_fragment() {
    let kk = KK.replace(
        "5 (бес) жыл бойы сақтайды.",
        "5 (бес) жыл бойы сақтайды. Срок хранения может быть продлен по требованию закона.",
    );
    assert_an_untranslated_fragment(&kinds(&kk, RU));
}

/// The kinds found when a Russian sentence is inserted into a Kazakh clause: the fragment,
/// and at most the length of that clause.
fn assert_an_untranslated_fragment(found: &[DivergenceKind]) {
    assert!(
        found.contains(&DivergenceKind::UntranslatedFragment),
        "{found:?}"
    );
    assert!(
        found.iter().all(|k| matches!(
            k,
            DivergenceKind::UntranslatedFragment | DivergenceKind::LengthMismatch
        )),
        "{found:?}"
    );
}

/// A Russian sentence long enough (over 60 Cyrillic letters, none Kazakh-only) for its letters
/// alone to decide its language: found with or without the statistical detector.
#[test]
fn untranslated_fragment_told_by_its_letters() {
    let kk = KK.replace(
        "5 (бес) жыл бойы сақтайды.",
        "5 (бес) жыл бойы сақтайды. Срок хранения персональных данных может быть продлен по требованию уполномоченного органа.",
    );
    assert_an_untranslated_fragment(&kinds(&kk, RU));
}

#[test]
fn mixed_script() {
    let kk = KK.replace("сәйкес", "сəйкес");
    assert_eq!(kinds(&kk, RU), [DivergenceKind::MixedScript]);
}

#[test]
fn repeated_text() {
    let kk = KK.replace(
        "- телефон нөмірі;\n",
        "- телефон нөмірі;\n- телефон нөмірі және пошта;\n- телефон нөмірі және пошта;\n",
    );
    let ru = RU.replace(
        "- номер телефона;\n",
        "- номер телефона;\n- номер телефона и почта;\n",
    );
    assert_eq!(
        kinds(&kk, &ru),
        [
            DivergenceKind::MissingCounterpart,
            DivergenceKind::ItemCountMismatch,
            DivergenceKind::RepeatedText
        ]
    );
}

#[test]
fn single_language() {
    let doc = BilingualDocument::from_text("kk.txt", KK).unwrap();
    let alignment = Aligner::new().align(&doc);
    let kinds: Vec<DivergenceKind> = alignment.divergences().iter().map(|d| d.kind()).collect();
    assert_eq!(kinds, [DivergenceKind::SingleLanguage]);
    assert!(
        alignment
            .links()
            .iter()
            .all(|l| l.ru().is_empty() && l.kk().len() == 1)
    );
}

/// `left_out` comes from the readers of Word, PDF and HTML files (tests in `readers.rs`):
/// a plain-text input, whatever languages it holds, never has any.
#[test]
fn left_out_is_never_reported_for_plain_text() {
    let text = format!("{KK}\n\nPrivacy policy\n\n1. General provisions apply.\n");
    let doc = BilingualDocument::from_text("kk.txt", text).unwrap();
    assert!(
        doc.all_findings()
            .all(|f| f.kind() != DivergenceKind::LeftOut)
    );
    assert_eq!(DivergenceKind::LeftOut.severity(), Severity::Info);
}

#[test]
fn every_kind_is_named_in_snake_case_and_has_a_test_above() {
    let names: Vec<&str> = DivergenceKind::ALL.iter().map(|k| k.name()).collect();
    for name in &names {
        assert!(
            name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{name}"
        );
    }
    let this_file = include_str!("divergences.rs");
    for name in names {
        let covered = this_file.contains(&format!("fn {name}()"))
            || this_file.contains(&format!("fn {name}_"));
        assert!(covered, "no test for {name}");
    }
}
