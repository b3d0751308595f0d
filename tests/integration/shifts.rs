//! A clause inserted or deleted in one version shifts every later number of its list; a
//! section renumbered in one version changes every number under it. The alignment follows the
//! content, and each fact is reported once: one `missing_counterpart` for the clause, one
//! `numbering_mismatch` for the whole shifted run, no `length_mismatch` on the offset pairs.

use kzru_align::{Aligner, BilingualDocument, Divergence, DivergenceKind, Lang, Source};

/// Twelve clauses of one section, Kazakh and Russian, each saying something else.
const CLAUSES: [(&str, &str); 12] = [
    (
        "Пайдаланушы өзінің дербес деректерін өңдеуге келісім береді.",
        "Пользователь дает согласие на обработку своих персональных данных.",
    ),
    (
        "Компания дербес деректерді 5 (бес) жыл бойы сақтайды.",
        "Компания хранит персональные данные в течение 5 (пяти) лет.",
    ),
    (
        "Пайдаланушы кез келген уақытта келісімін кері қайтарып алуға құқылы.",
        "Пользователь вправе в любое время отозвать свое согласие.",
    ),
    (
        "Компания деректерді үшінші тұлғаларға тек заңнамада көзделген жағдайларда береді.",
        "Компания передает данные третьим лицам только в случаях, предусмотренных законодательством.",
    ),
    (
        "Сұрақтар бойынша info@example.kz электрондық поштасына жазыңыз.",
        "По вопросам пишите на электронную почту info@example.kz.",
    ),
    (
        "Компания деректерді қорғау үшін қажетті шараларды қабылдайды.",
        "Компания принимает необходимые меры для защиты данных.",
    ),
    (
        "Пайдаланушы өтінішті 10 (он) жұмыс күні ішінде қарайды.",
        "Пользователь рассматривает заявление в течение 10 (десяти) рабочих дней.",
    ),
    (
        "Компания сайтта cookie файлдарын пайдаланады.",
        "Компания использует на сайте файлы cookie.",
    ),
    (
        "Пайдаланушы тіркеу кезінде телефон нөмірін көрсетеді.",
        "Пользователь указывает номер телефона при регистрации.",
    ),
    (
        "Компания жарнамалық хабарламаларды тек келісіммен жібереді.",
        "Компания направляет рекламные сообщения только с согласия.",
    ),
    (
        "Дауларды Қазақстан Республикасының заңнамасына сәйкес сот шешеді.",
        "Споры разрешаются судом в соответствии с законодательством Республики Казахстан.",
    ),
    (
        "Осы Саясатқа өзгерістер www.example.kz сайтында жарияланады.",
        "Изменения в настоящую Политику публикуются на сайте www.example.kz.",
    ),
];

/// A clause that one version adds after the sixth.
const EXTRA: (&str, &str) = (
    "Компания дербес деректерді өңдеуді ұйымдастыруға жауапты тұлғаны тағайындайды.",
    "Компания назначает лицо, ответственное за организацию обработки персональных данных.",
);

/// A document of one section numbered `section`, its clauses `section.1`, `section.2`, … in
/// order, one paragraph each: the title on line 1, the heading on line 3, clause k on line
/// 3 + 2k.
fn text(title: &str, heading: &str, section: u32, clauses: &[&str]) -> String {
    let mut out = format!("{title}\n\n{section}. {heading}\n");
    for (k, clause) in clauses.iter().enumerate() {
        out.push_str(&format!("\n{section}.{}. {clause}\n", k + 1));
    }
    out
}

/// The Kazakh and the Russian clauses, with the extra clause after the sixth in `extra_in`.
fn versions(extra_in: Option<Lang>) -> (Vec<&'static str>, Vec<&'static str>) {
    let mut kk: Vec<&str> = CLAUSES.iter().map(|c| c.0).collect();
    let mut ru: Vec<&str> = CLAUSES.iter().map(|c| c.1).collect();
    match extra_in {
        Some(Lang::Kk) => kk.insert(6, EXTRA.0),
        Some(Lang::Ru) => ru.insert(6, EXTRA.1),
        None => {}
    }
    (kk, ru)
}

/// The links, as pairs of first lines (None for a side without clause).
type Links = Vec<(Option<usize>, Option<usize>)>;

/// Aligns a Kazakh and a Russian text: the links and the divergences.
fn align(kk: &str, ru: &str) -> (Links, Vec<Divergence>) {
    let doc = BilingualDocument::from_pair(
        Source::from_text("kk.txt", kk).unwrap(),
        Source::from_text("ru.txt", ru).unwrap(),
    )
    .unwrap();
    let alignment = Aligner::new().align(&doc);
    let line = |ids: &[kzru_align::ClauseId]| ids.first().map(|&id| doc.clause(id).unwrap().line());
    let links = alignment
        .links()
        .iter()
        .map(|l| (line(l.kk()), line(l.ru())))
        .collect();
    (links, alignment.divergences().to_vec())
}

/// The divergences of `kind`.
fn of_kind(divergences: &[Divergence], kind: DivergenceKind) -> Vec<&Divergence> {
    divergences.iter().filter(|d| d.kind() == kind).collect()
}

/// Lines of clauses `from..=to` of a section (clause k is on line 3 + 2k).
fn lines(from: usize, to: usize) -> Vec<usize> {
    (from..=to).map(|k| 3 + 2 * k).collect()
}

#[test]
fn a_clause_inserted_in_russian_is_one_missing_counterpart_and_one_shifted_run() {
    let (kk, ru) = versions(Some(Lang::Ru));
    let (links, divergences) = align(
        &text("ДЕРБЕС ДЕРЕКТЕР САЯСАТЫ", "Тараптардың құқықтары", 4, &kk),
        &text("ПОЛИТИКА ПЕРСОНАЛЬНЫХ ДАННЫХ", "Права сторон", 4, &ru),
    );
    // Kazakh 4.7–4.12 (lines 17–27) follow their content to Russian 4.8–4.13 (lines 19–29);
    // Russian 4.7 (line 17) stands alone.
    for k in 1..=12 {
        let ru_k = if k <= 6 { k } else { k + 1 };
        assert!(
            links.contains(&(Some(3 + 2 * k), Some(3 + 2 * ru_k))),
            "kk 4.{k}: {links:?}"
        );
    }
    assert!(links.contains(&(None, Some(17))), "{links:?}");

    let missing = of_kind(&divergences, DivergenceKind::MissingCounterpart);
    assert_eq!(missing.len(), 1, "{divergences:#?}");
    assert_eq!(missing[0].lines().ru, [17]);
    let shifted = of_kind(&divergences, DivergenceKind::NumberingMismatch);
    assert_eq!(shifted.len(), 1, "{divergences:#?}");
    // Every pair of the run is cited, so that a reader finds each.
    assert_eq!(shifted[0].lines().kk, lines(7, 12));
    assert_eq!(shifted[0].lines().ru, lines(8, 13));
    let message = shifted[0].message();
    for part in ["4.7.–4.12.", "4.8.–4.13.", "shifted by one after ru 4.7."] {
        assert!(message.contains(part), "{message}");
    }
    assert!(of_kind(&divergences, DivergenceKind::LengthMismatch).is_empty());
}

#[test]
fn a_clause_deleted_from_russian_is_one_missing_counterpart_and_one_shifted_run() {
    let (kk, ru) = versions(Some(Lang::Kk));
    let (links, divergences) = align(
        &text("ДЕРБЕС ДЕРЕКТЕР САЯСАТЫ", "Тараптардың құқықтары", 4, &kk),
        &text("ПОЛИТИКА ПЕРСОНАЛЬНЫХ ДАННЫХ", "Права сторон", 4, &ru),
    );
    assert!(links.contains(&(Some(17), None)), "{links:?}");
    assert!(links.contains(&(Some(29), Some(27))), "{links:?}");
    let missing = of_kind(&divergences, DivergenceKind::MissingCounterpart);
    assert_eq!(missing.len(), 1, "{divergences:#?}");
    assert_eq!(missing[0].lines().kk, [17]);
    let shifted = of_kind(&divergences, DivergenceKind::NumberingMismatch);
    assert_eq!(shifted.len(), 1, "{divergences:#?}");
    assert_eq!(shifted[0].lines().kk, lines(8, 13));
    assert_eq!(shifted[0].lines().ru, lines(7, 12));
    assert!(
        shifted[0].message().contains("after kk 4.7."),
        "{}",
        shifted[0].message()
    );
    assert!(of_kind(&divergences, DivergenceKind::LengthMismatch).is_empty());
}

#[test]
fn a_section_renumbered_in_one_version_is_one_numbering_mismatch() {
    let (kk, ru) = versions(None);
    let (links, divergences) = align(
        &text("ДЕРБЕС ДЕРЕКТЕР САЯСАТЫ", "Тараптардың құқықтары", 7, &kk),
        &text("ПОЛИТИКА ПЕРСОНАЛЬНЫХ ДАННЫХ", "Права сторон", 9, &ru),
    );
    for k in 0..=12 {
        assert!(
            links.contains(&(Some(3 + 2 * k), Some(3 + 2 * k))),
            "{links:?}"
        );
    }
    let shifted = of_kind(&divergences, DivergenceKind::NumberingMismatch);
    assert_eq!(shifted.len(), 1, "{divergences:#?}");
    // The section heading and its twelve clauses.
    assert_eq!(shifted[0].lines().kk, lines(0, 12));
    let message = shifted[0].message();
    assert!(
        message.contains("7.–7.12.") && message.contains("9.–9.12."),
        "{message}"
    );
    assert!(of_kind(&divergences, DivergenceKind::MissingCounterpart).is_empty());
}

#[test]
fn two_slips_apart_are_two_numbering_mismatches() {
    // 4.3 numbered 4.4 and 4.9 numbered 4.8 in Russian: two facts, not one run.
    let (kk, ru) = versions(None);
    let ru_text = text("ПОЛИТИКА ПЕРСОНАЛЬНЫХ ДАННЫХ", "Права сторон", 4, &ru)
        .replace("4.3. Пользователь", "4.4. Пользователь")
        .replace("4.9. Пользователь", "4.8. Пользователь");
    let (_, divergences) = align(
        &text("ДЕРБЕС ДЕРЕКТЕР САЯСАТЫ", "Тараптардың құқықтары", 4, &kk),
        &ru_text,
    );
    let shifted = of_kind(&divergences, DivergenceKind::NumberingMismatch);
    assert_eq!(shifted.len(), 2, "{divergences:#?}");
    assert_eq!(shifted[0].lines().kk, [9]);
    assert_eq!(shifted[1].lines().kk, [21]);
}

#[test]
fn eight_clauses_inserted_do_not_pin_the_later_clauses_to_their_numbers() {
    // Equal numbers after the insertion would be pins of the search, eight clauses away from
    // the true pairs, unless their content rules them out.
    let (kk, mut ru) = versions(None);
    let added = [
        EXTRA.1,
        "Компания ведет журнал обращений пользователей.",
        "Компания проводит проверку безопасности ежегодно.",
        "Доступ к данным имеют только уполномоченные работники.",
        "Компания уведомляет уполномоченный орган об утечке.",
        "Резервные копии хранятся на серверах в Казахстане.",
        "Работники проходят обучение правилам защиты данных.",
        "Настоящая политика пересматривается ежегодно.",
    ];
    for (k, clause) in added.iter().enumerate() {
        ru.insert(6 + k, clause);
    }
    let (links, divergences) = align(
        &text("ДЕРБЕС ДЕРЕКТЕР САЯСАТЫ", "Тараптардың құқықтары", 4, &kk),
        &text("ПОЛИТИКА ПЕРСОНАЛЬНЫХ ДАННЫХ", "Права сторон", 4, &ru),
    );
    for k in 7..=12 {
        assert!(
            links.contains(&(Some(3 + 2 * k), Some(3 + 2 * (k + 8)))),
            "kk 4.{k}: {links:?}"
        );
    }
    let missing = of_kind(&divergences, DivergenceKind::MissingCounterpart);
    assert_eq!(missing.len(), 1, "{divergences:#?}");
    assert_eq!(missing[0].lines().ru, lines(7, 14));
    let shifted = of_kind(&divergences, DivergenceKind::NumberingMismatch);
    assert_eq!(shifted.len(), 1, "{divergences:#?}");
    let message = shifted[0].message();
    assert!(
        message.contains("shifted by 8 after ru 4.7.–4.14. (lines 17–31)"),
        "{message}"
    );
    assert!(of_kind(&divergences, DivergenceKind::NumberMismatch).is_empty());
}
