//! Cuts inside a paired clause: a sentence, a list member or a parenthetical that one version
//! has and the other lacks. A clause of five sentences that lost one may still be long enough
//! to pass the length check; its sentences, aligned on their lengths, show the one left over.
//!
//! A piece is reported only when it explains the length difference of the two clauses:
//! without it the two are closer to the length the document's ratio predicts than with it.
//! A translation that says the same in other words (or with the verb moved to the last item
//! of a list) keeps the lengths in proportion and is not reported.

use std::collections::BTreeSet;

use crate::anchors;
use crate::language::{Lang, detect_language, is_alphabetic, is_cyrillic_letter};
use crate::length::{LengthModel, normal_cdf};

/// Fewer words than this are not worth a report: a lost «и т.д.» or a gloss.
const MIN_WORDS: usize = 4;

/// The clauses must differ by at least this many standard deviations of the document's model
/// before a piece is looked for.
const MIN_DEVIATION: f64 = 1.5;

/// What kind of piece is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PieceKind {
    /// A whole sentence.
    Sentence,
    /// A member of a list written inside a sentence (after a colon, between semicolons).
    ListMember,
    /// A parenthetical: examples, an explanation, a citation in brackets.
    Parenthetical,
}

/// A piece of text that one version of a clause pair has and the other lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Cut<'t> {
    /// The version that has the piece.
    pub(super) lang: Lang,
    /// What the piece is.
    pub(super) kind: PieceKind,
    /// The piece, as it stands in that version's clause text.
    pub(super) text: &'t str,
}

/// A unit of a clause: a sentence or a list member, with what ends it.
#[derive(Clone, Copy, Debug)]
struct Unit<'t> {
    text: &'t str,
    kind: PieceKind,
}

fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(is_alphabetic))
        .count()
}

fn cyrillic_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().filter(|&c| is_cyrillic_letter(c)).count() >= 2)
        .count()
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Whether the dot at byte `at` of `text` ends a sentence rather than an abbreviation
/// (`г.`, `ст.`, `т.б.`, `ж.`), an initial (`А.`) or a number (`21.05.2013`, `2.1.`).
fn ends_sentence_at(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let word: &str = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '«')
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|&c| is_alphabetic(c)).count();
    if word.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    letters > 3 || (letters == 3 && word.chars().all(char::is_lowercase))
}

/// Splits a clause text into sentences, and sentences into the members of a list they hold
/// (after a colon, between semicolons). A unit after a colon or a semicolon, or ending in a
/// semicolon, is a list member; the lead-in before a colon is part of its sentence.
fn units(text: &str) -> Vec<Unit<'_>> {
    fn push<'t>(out: &mut Vec<Unit<'t>>, piece: &'t str, ends_member: bool, in_list: bool) {
        let piece = piece.trim();
        if !piece.is_empty() {
            let kind = if in_list || ends_member {
                PieceKind::ListMember
            } else {
                PieceKind::Sentence
            };
            out.push(Unit { text: piece, kind });
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut in_list = false;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        // Only punctuation followed by white space cuts; the next character is looked at
        // for those alone.
        if depth > 0 || !matches!(c, '.' | '!' | '?' | ';' | ':') {
            continue;
        }
        let end = at + c.len_utf8();
        let spaced = text[end..].chars().next().is_some_and(char::is_whitespace);
        match c {
            '.' | '!' | '?' if spaced => {
                let following = text[end..].trim_start().chars().next();
                let capital = following.is_some_and(|f| f.is_uppercase() || f == '«');
                if capital && (c != '.' || ends_sentence_at(text, at)) {
                    push(&mut out, &text[start..end], false, in_list);
                    start = end;
                    in_list = false;
                }
            }
            ';' if spaced => {
                push(&mut out, &text[start..end], true, in_list);
                start = end;
                in_list = true;
            }
            ':' if spaced => {
                push(&mut out, &text[start..end], false, in_list);
                start = end;
                in_list = true;
            }
            _ => {}
        }
    }
    push(&mut out, &text[start..], false, in_list);
    out
}

/// The parentheticals of a text that hold at least two words of running Cyrillic text (an
/// English gloss such as `(as is)` or a number in words `(бес)` is not a piece of content).
fn parentheticals(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    for (at, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    open = at;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let group = &text[open..=at];
                    if cyrillic_words(group) >= 2 {
                        out.push(group);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Cost of a Gale–Church move: the negative log of its prior and of the length fit.
fn fit_cost(model: LengthModel, kk: usize, ru: usize) -> f64 {
    let delta = model.delta(kk, ru).abs();
    let p = (2.0 * (1.0 - normal_cdf(delta))).max(1e-12);
    -p.ln()
}

/// Aligns the units of both sides on their lengths (1–1, 1–0, 0–1, 2–1, 1–2) and returns the
/// units left without a counterpart, by side.
fn unmatched<'t>(model: LengthModel, kk: &[Unit<'t>], ru: &[Unit<'t>]) -> Vec<(Lang, Unit<'t>)> {
    // Priors of Gale and Church (1993): most units pair one to one.
    const SKIP: f64 = 5.3;
    const MERGE: f64 = 2.4;
    let (n, m) = (kk.len(), ru.len());
    // Each unit's length counted once, not at every cell that looks at it.
    let (kk_chars, ru_chars): (Vec<usize>, Vec<usize>) = (
        kk.iter().map(|u| chars(u.text)).collect(),
        ru.iter().map(|u| chars(u.text)).collect(),
    );
    let len = |lengths: &[usize]| lengths.iter().sum::<usize>();
    let mut cost = vec![vec![f64::INFINITY; m + 1]; n + 1];
    let mut back = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    cost[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = cost[i][j];
            if !here.is_finite() {
                continue;
            }
            let moves: [(usize, usize, f64); 5] = [
                (1, 1, 0.0),
                (1, 0, SKIP),
                (0, 1, SKIP),
                (2, 1, MERGE),
                (1, 2, MERGE),
            ];
            for (di, dj, prior) in moves {
                if i + di > n || j + dj > m {
                    continue;
                }
                let fit = if di == 0 || dj == 0 {
                    0.0
                } else {
                    fit_cost(model, len(&kk_chars[i..i + di]), len(&ru_chars[j..j + dj]))
                };
                let total = here + prior + fit;
                if total < cost[i + di][j + dj] {
                    cost[i + di][j + dj] = total;
                    back[i + di][j + dj] = (i, j);
                }
            }
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (pi, pj) = back[i][j];
        if pj == j {
            out.push((Lang::Kk, kk[pi]));
        } else if pi == i {
            out.push((Lang::Ru, ru[pj]));
        }
        (i, j) = (pi, pj);
    }
    out.reverse();
    out
}

/// Whether leaving `piece` out of the side of `lang` brings the two lengths closer to what the
/// model predicts: the piece explains the difference.
fn explains(model: LengthModel, kk: usize, ru: usize, lang: Lang, piece: usize) -> bool {
    let before = model.delta(kk, ru);
    let after = match lang {
        Lang::Kk => model.delta(kk.saturating_sub(piece), ru),
        Lang::Ru => model.delta(kk, ru.saturating_sub(piece)),
    };
    let longer_side = match lang {
        Lang::Kk => before < 0.0,
        Lang::Ru => before > 0.0,
    };
    longer_side && before.abs() >= MIN_DEVIATION && after.abs() < before.abs() / 2.0
}

/// Whether `piece` of `own` (the clause of `lang`) is in fact there in `other`, in other
/// words: the anchors it carries (numbers, names, addresses) or the titles it quotes are found
/// in `other` and nowhere else in `own`. A law cited in brackets on one side and in running
/// text on the other is one citation. A piece in the other language is no cut either: that is
/// an untranslated fragment, reported as such.
fn has_counterpart(lang: Lang, own: &str, other: &str, piece: &str) -> bool {
    if detect_language(piece)
        .lang
        .is_some_and(|found| found != lang)
    {
        return true;
    }
    let keys = |text: &str| -> BTreeSet<String> {
        anchors::extract(text).into_iter().map(|a| a.key).collect()
    };
    let quotes = |text: &str| text.matches('«').count();
    let start = piece.as_ptr() as usize - own.as_ptr() as usize;
    let rest = format!("{} {}", &own[..start], &own[start + piece.len()..]);
    let (rest_keys, other_keys) = (keys(&rest), keys(other));
    let carried = keys(piece)
        .into_iter()
        .any(|key| other_keys.contains(&key) && !rest_keys.contains(&key));
    carried || (quotes(piece) > 0 && quotes(other) > quotes(&rest))
}

/// The pieces that one of two paired clause texts has and the other lacks.
pub(super) fn find<'t>(model: LengthModel, kk: &'t str, ru: &'t str) -> Vec<Cut<'t>> {
    let (lk, lr) = (chars(kk), chars(ru));
    let mut out = Vec::new();
    // Every piece reported must explain a deviation of at least `MIN_DEVIATION` (see
    // `explains`): clauses closer than that to the model have none to look for.
    if model.delta(lk, lr).abs() < MIN_DEVIATION {
        return out;
    }
    // Parentheticals first: the most precise evidence, and they must not be counted again as
    // part of a sentence.
    let (pk, pr) = (parentheticals(kk), parentheticals(ru));
    let (lang, more, fewer) = if pr.len() > pk.len() {
        (Lang::Ru, &pr, &pk)
    } else {
        (Lang::Kk, &pk, &pr)
    };
    if more.len() > fewer.len() {
        // The groups the other side also has are those nearest to its groups by place in the
        // clause; the rest are candidates, the longest first.
        let (own, other) = match lang {
            Lang::Kk => (kk, ru),
            Lang::Ru => (ru, kk),
        };
        let place = |text: &str, group: &str| {
            (group.as_ptr() as usize - text.as_ptr() as usize) as f64 / text.len().max(1) as f64
        };
        let mut taken = vec![false; more.len()];
        for group in fewer.iter() {
            let at = place(other, group);
            if let Some((index, _)) =
                more.iter()
                    .enumerate()
                    .filter(|(i, _)| !taken[*i])
                    .min_by(|a, b| {
                        (place(own, a.1) - at)
                            .abs()
                            .total_cmp(&(place(own, b.1) - at).abs())
                    })
            {
                taken[index] = true;
            }
        }
        for (group, _) in more.iter().zip(&taken).filter(|(_, taken)| !**taken) {
            if words(group) >= MIN_WORDS - 2
                && explains(model, lk, lr, lang, chars(group))
                && !has_counterpart(lang, own, other, group)
            {
                out.push(Cut {
                    lang,
                    kind: PieceKind::Parenthetical,
                    text: group,
                });
            }
        }
    }
    if !out.is_empty() {
        return out;
    }
    let (uk, ur) = (units(kk), units(ru));
    if uk.len() == ur.len() {
        return out;
    }
    for (lang, unit) in unmatched(model, &uk, &ur) {
        let (own, other) = match lang {
            Lang::Kk => (kk, ru),
            Lang::Ru => (ru, kk),
        };
        if words(unit.text) >= MIN_WORDS
            && explains(model, lk, lr, lang, chars(unit.text))
            && !has_counterpart(lang, own, other, unit.text)
        {
            out.push(Cut {
                lang,
                kind: unit.kind,
                text: unit.text,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLOSE: LengthModel = LengthModel {
        ratio: 1.0,
        variance: 1.5,
    };

    #[test]
    fn a_sentence_only_one_version_has() {
        let kk =
            "Даулар келіссөздер жолымен шешіледі. Шарт қол қойылған күннен бастап күшіне енеді.";
        let ru = "Споры решаются путём переговоров. При недостижении соглашения споры подлежат \
                  рассмотрению в суде по месту нахождения Администрации. Договор вступает в силу \
                  с момента подписания.";
        let cuts = find(CLOSE, kk, ru);
        assert_eq!(cuts.len(), 1, "{cuts:?}");
        assert_eq!(cuts[0].lang, Lang::Ru);
        assert_eq!(cuts[0].kind, PieceKind::Sentence);
        assert!(cuts[0].text.starts_with("При недостижении"), "{cuts:?}");
    }

    #[test]
    fn a_parenthetical_only_one_version_has() {
        let kk = "Платформа cookie файлдарын пайдаланады.";
        let ru = "Платформа использует cookie (небольшие текстовые файлы, сохраняемые в браузере).";
        let cuts = find(CLOSE, kk, ru);
        assert_eq!(
            cuts,
            [Cut {
                lang: Lang::Ru,
                kind: PieceKind::Parenthetical,
                text: "(небольшие текстовые файлы, сохраняемые в браузере)"
            }]
        );
    }

    #[test]
    fn a_list_member_only_one_version_has() {
        let kk = "Пайдаланушы құқылы: ақпарат алуға; деректерді түзетуге.";
        let ru = "Пользователь вправе: получать информацию; исправлять данные; отзывать согласие \
                  на обработку своих персональных данных.";
        let cuts = find(CLOSE, kk, ru);
        assert_eq!(cuts.len(), 1, "{cuts:?}");
        assert_eq!(cuts[0].kind, PieceKind::ListMember);
        assert!(cuts[0].text.starts_with("отзывать"), "{cuts:?}");
    }

    #[test]
    fn the_same_content_in_other_words_is_no_cut() {
        // Two sentences against one of the same length: a split, not a cut.
        let kk = "Тараптар осы Шартты орындауға міндетті және оны бұзғаны үшін жауап береді.";
        let ru = "Стороны обязаны исполнять Договор. За нарушение они несут ответственность.";
        assert_eq!(find(CLOSE, kk, ru), []);
        // An English gloss in brackets on one side only is not content.
        let kk = "Қызмет «қалай бар болса, солай» (as is) ұсынылады.";
        let ru = "Сервис предоставляется «как есть».";
        assert_eq!(find(CLOSE, kk, ru), []);
        // A parenthetical whose text the other side has without brackets keeps the lengths.
        let kk = "Деректер үшінші тұлғаларға (серіктестерге) берілмейді.";
        let ru = "Данные не передаются третьим лицам, в том числе партнёрам.";
        assert_eq!(find(CLOSE, kk, ru), []);
    }

    #[test]
    fn a_citation_in_brackets_on_one_side_and_in_the_text_on_the_other_is_no_cut() {
        let kk = "Деректер 5 жыл сақталады (ҚР «Төлемдер туралы» Заңына сәйкес).";
        let ru = "Данные хранятся 5 лет.";
        assert_eq!(
            find(CLOSE, kk, ru).len(),
            1,
            "the citation is only in Kazakh"
        );
        let ru = "Данные хранятся 5 лет согласно закону РК «О платежах».";
        assert_eq!(find(CLOSE, kk, ru), [], "the same citation, reworded");
        let kk = "Деректер сақталады (2013 жылғы 21 мамырдағы № 94-V Заң бойынша).";
        let ru = "Данные хранятся в соответствии с Законом № 94-V.";
        assert_eq!(find(CLOSE, kk, ru), [], "the law number is there");
    }

    #[test]
    fn a_sentence_of_the_other_language_is_a_fragment_not_a_cut() {
        let kk = "Деректер сақталады. Персональные данные хранятся в течение пяти лет на серверах.";
        let ru = "Данные хранятся.";
        assert_eq!(find(CLOSE, kk, ru), []);
    }

    #[test]
    fn abbreviations_and_numbers_do_not_end_sentences() {
        let found: Vec<&str> = units("2013 ж. 21 мамырдағы Заң, ст. 350 және т.б. Келесі сөйлем.")
            .iter()
            .map(|u| u.text)
            .collect();
        assert_eq!(
            found,
            ["2013 ж. 21 мамырдағы Заң, ст. 350 және т.б. Келесі сөйлем."]
        );
        let found: Vec<&str> = units("Бірінші сөйлем. Екінші сөйлем (мысалы. Ішінде).")
            .iter()
            .map(|u| u.text)
            .collect();
        assert_eq!(
            found,
            ["Бірінші сөйлем.", "Екінші сөйлем (мысалы. Ішінде)."]
        );
    }
}
