//! A Kazakh suffix stripper: the stem of a word form, the shorter stems it may be read as, and
//! whether it is a negated verb.
//!
//! Kazakh stacks suffixes on an unchanging stem. A noun takes plural, possessive and case in
//! that order (`заң-дар-ы-на`: to its laws); a verb takes voice, negation, tense or aspect and
//! person (`бер-іл-ме-й-ді`: is not given). Each suffix has forms that follow the stem's last
//! vowel (back `а о ұ ы`, front `ә е і ө ү`) and its last letter (`-дар` after a voiced
//! consonant, `-тар` after a voiceless one, `-лар` after a vowel). The stripper reads a word
//! from its end as a chain of such suffixes, each allowed to follow the one before it
//! ([`may_follow`]) and each fitting the letters before it ([`fits`]); what is left is a
//! reduction of the word, and the shortest reduction is its stem.
//!
//! A word may be read in several ways, and no rule tells `жағдай-ды` (the situation,
//! accusative) from `жаса-й-ды` (does) without a dictionary; so [`reductions`] keeps every
//! reading and [`super::same_lemma`] compares words by them rather than by one stem. What is
//! deliberately not stripped, because it makes a word of another sense or is mostly the end
//! of a stem: derivation (`-шы`, `-лық`, `-гер`, `-сыз`, the causative `-дыр`/`-т`, the
//! reflexive `-н` after a vowel: `сақтану` is not `сақтау`); the possessives of the first
//! and second person singular `-(ы)м`/`-(ы)ң` (`келісім`, `бөлім` end so); a word-final
//! negation, present `-а`/`-е`, voice or future (`тапсырма`, `бала`, `мысал`, `базар` are
//! nouns); the first person plural of the past `-қ`/`-к` (`серіктестік`, `құқықтық`).

use std::borrow::Cow;

/// Where a suffix stands in the chain of a word form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// `-лар`: plural.
    Plural,
    /// `-ы`, `-сы`: possessive of the third person.
    Possessive3,
    /// `-ыңыз`, `-ымыз`: possessive of the polite second and of the first person plural.
    Possessive12,
    /// A case ending after a stem, a plural or a first or second person possessive.
    Case,
    /// A case ending after a third person possessive: `-на`, `-н`, `-нда`, `-нан`.
    CaseAfter3,
    /// `-ыл`, `-л`, `-ын` (after `л`): passive.
    Passive,
    /// `-ма`, `-ба`, `-па`: negation.
    Negation,
    /// `-а`, `-й`: present and future.
    Present,
    /// `-ды` after the present: third person.
    Person3,
    /// `-мын`, `-сыз`, `-мыз` after the present or a participle.
    Person,
    /// `-ды`, `-ты`: past.
    Past,
    /// `-м`, `-ңыз` after the past or the conditional.
    PersonShort,
    /// `-ған`, `-қан`: past participle.
    PastParticiple,
    /// `-атын`, `-йтын`: habitual participle.
    HabitualParticiple,
    /// `-ар`, `-р`: future participle.
    Future,
    /// `-с` after a negation: negative future (`бер-ме-с`).
    NegativeFuture,
    /// `-са`: conditional.
    Conditional,
    /// `-у`: verbal noun.
    VerbalNoun,
    /// `-ып`, `-п`: gerund.
    Gerund,
    /// `-й` after a negation: negative gerund (`тоқта-ма-й`).
    NegativeGerund,
    /// `-ыңыз`, `-ңыз`: polite imperative.
    Imperative,
    /// `-сын`: imperative of the third person.
    Imperative3,
}

use Slot::*;

/// Whether a suffix of slot `left` (or the stem itself, `None`) may stand right before one of
/// slot `right` (or the end of the word, `None`).
fn may_follow(left: Option<Slot>, right: Option<Slot>) -> bool {
    let Some(right) = right else {
        // The end of the word: a stem alone, or a suffix that may end a word. A final negation,
        // present, voice or future is far more often the end of a noun (`тапсырма`, `бала`,
        // `мысал`, `базар`) than an imperative or a bare participle.
        return !matches!(left, Some(Passive | Negation | Present | Future));
    };
    let nominal_base = matches!(
        left,
        None | Some(PastParticiple | HabitualParticiple | VerbalNoun)
    );
    let verbal_base = matches!(left, None | Some(Passive));
    match right {
        Plural => nominal_base,
        Possessive3 | Possessive12 => nominal_base || left == Some(Plural),
        Case => nominal_base || matches!(left, Some(Plural | Possessive12)),
        CaseAfter3 => left == Some(Possessive3),
        Passive => left.is_none(),
        Negation | Present | Past | PastParticiple | HabitualParticiple | Conditional
        | VerbalNoun => verbal_base || left == Some(Negation),
        Person3 => left == Some(Present),
        Person => matches!(
            left,
            Some(Present | PastParticiple | Future | NegativeFuture)
        ),
        PersonShort => matches!(left, Some(Past | Conditional)),
        NegativeFuture | NegativeGerund => left == Some(Negation),
        // Not after a negation: `тапсырма-ңыз`, `тапсырма-сы-н` are a task's forms far more
        // often than `don't hand over`.
        Future | Gerund | Imperative | Imperative3 => verbal_base,
    }
}

// Classes of the letter a suffix follows.
/// A vowel (`у` is not: suffixes treat it as a consonant, `беру-ді`, `беру-ге`).
const VOWEL: u8 = 1;
const L: u8 = 2;
/// `р й у`.
const SONORANT: u8 = 4;
const NASAL: u8 = 8;
/// `ж з`.
const SIBILANT: u8 = 16;
/// `б в г ғ д`: voiced in Russian loans, which Kazakh often devoices (`клубқа`), so they take
/// either form.
const OBSTRUENT: u8 = 32;
const VOICELESS: u8 = 64;
const VOICED: u8 = L | SONORANT | NASAL | SIBILANT | OBSTRUENT;
const CONSONANT: u8 = VOICED | VOICELESS;
const ANY: u8 = VOWEL | CONSONANT;

/// The class of a letter; `ь` and letters of no class accept every suffix.
fn class(letter: char) -> u8 {
    match letter {
        'а' | 'ә' | 'е' | 'ё' | 'и' | 'о' | 'ө' | 'ұ' | 'ү' | 'ы' | 'і' | 'э' | 'я' => {
            VOWEL
        }
        // `ю` is `йу`, mostly a verbal noun (`жою`): `жою-ды`, `жою-ға`.
        'ю' => VOWEL | SONORANT,
        'л' => L,
        'р' | 'й' | 'у' => SONORANT,
        'м' | 'н' | 'ң' => NASAL,
        'ж' | 'з' => SIBILANT,
        'б' | 'в' | 'г' | 'ғ' | 'д' => OBSTRUENT,
        'п' | 'т' | 'к' | 'қ' | 'с' | 'ш' | 'щ' | 'ф' | 'х' | 'һ' | 'ц' | 'ч' => {
            VOICELESS
        }
        _ => ANY,
    }
}

/// Suffix forms by slot, with the classes of the letter each may follow.
const GROUPS: &[(Slot, u8, &[&str])] = &[
    (Plural, VOWEL | L | SONORANT, &["лар", "лер"]),
    (Plural, VOICED, &["дар", "дер"]),
    (Plural, VOICELESS | OBSTRUENT, &["тар", "тер"]),
    (Possessive3, CONSONANT, &["ы", "і"]),
    (Possessive3, VOWEL, &["сы", "сі"]),
    (Possessive12, CONSONANT, &["ыңыз", "іңіз", "ымыз", "іміз"]),
    (Possessive12, VOWEL, &["ңыз", "ңіз", "мыз", "міз"]),
    (Case, VOWEL | NASAL, &["ның", "нің"]),
    (Case, VOICED, &["дың", "дің"]),
    (Case, VOICELESS | OBSTRUENT, &["тың", "тің"]),
    (
        Case,
        VOWEL | VOICED,
        &["ға", "ге", "да", "де", "дағы", "дегі"],
    ),
    (
        Case,
        VOICELESS | OBSTRUENT,
        &["қа", "ке", "та", "те", "тағы", "тегі"],
    ),
    (Case, VOWEL, &["ны", "ні"]),
    (Case, VOICED, &["ды", "ді"]),
    (Case, VOICELESS | OBSTRUENT, &["ты", "ті"]),
    (
        Case,
        VOWEL | L | SONORANT | SIBILANT | OBSTRUENT,
        &["дан", "ден"],
    ),
    (Case, NASAL, &["нан", "нен"]),
    (Case, VOICELESS | OBSTRUENT, &["тан", "тен"]),
    (Case, VOWEL | L | SONORANT | NASAL, &["мен"]),
    (Case, NASAL | SIBILANT | OBSTRUENT, &["бен"]),
    (Case, VOICELESS | OBSTRUENT, &["пен"]),
    (
        CaseAfter3,
        VOWEL,
        &[
            "на",
            "не",
            "н",
            "нда",
            "нде",
            "нан",
            "нен",
            "ның",
            "нің",
            "мен",
            "ндағы",
            "ндегі",
        ],
    ),
    (Passive, CONSONANT, &["ыл", "іл"]),
    (Passive, VOWEL, &["л"]),
    (Passive, L, &["ын", "ін"]),
    (Negation, VOWEL | L | SONORANT, &["ма", "ме"]),
    (Negation, NASAL | SIBILANT | OBSTRUENT, &["ба", "бе"]),
    (Negation, VOICELESS | OBSTRUENT, &["па", "пе"]),
    (Present, CONSONANT, &["а", "е"]),
    (Present, VOWEL, &["й"]),
    (Person3, ANY, &["ды", "ді"]),
    (
        Person,
        ANY,
        &[
            "мын",
            "мін",
            "сың",
            "сің",
            "сыз",
            "сіз",
            "мыз",
            "міз",
            "сыңдар",
            "сіңдер",
            "сыздар",
            "сіздер",
        ],
    ),
    (
        Person,
        CONSONANT,
        &["бын", "бін", "пын", "пін", "быз", "біз", "пыз", "піз"],
    ),
    (Past, VOWEL | VOICED, &["ды", "ді"]),
    (Past, VOICELESS | OBSTRUENT, &["ты", "ті"]),
    (
        PersonShort,
        ANY,
        &["м", "ң", "ңыз", "ңіз", "ңдар", "ңдер", "ңыздар", "ңіздер"],
    ),
    (PastParticiple, VOWEL | VOICED, &["ған", "ген"]),
    (PastParticiple, VOICELESS | OBSTRUENT, &["қан", "кен"]),
    (HabitualParticiple, CONSONANT, &["атын", "етін"]),
    (HabitualParticiple, VOWEL, &["йтын", "йтін"]),
    (Future, CONSONANT, &["ар", "ер"]),
    (Future, VOWEL, &["р"]),
    (NegativeFuture, VOWEL, &["с"]),
    (Conditional, ANY, &["са", "се"]),
    (VerbalNoun, ANY, &["у"]),
    // `й` and the `у` of a verbal noun are written `ю`: `жой-у` is `жою`.
    (VerbalNoun, VOWEL, &["ю"]),
    (Gerund, CONSONANT, &["ып", "іп"]),
    (Gerund, VOWEL, &["п"]),
    (NegativeGerund, VOWEL, &["й"]),
    (Imperative, CONSONANT, &["ыңыз", "іңіз"]),
    (Imperative, VOWEL, &["ңыз", "ңіз"]),
    (Imperative3, ANY, &["сын", "сін"]),
];

/// Front or back, the vowel harmony of a stem or a suffix.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Harmony {
    Back,
    Front,
}

fn harmony_of(letter: char) -> Option<Harmony> {
    match letter {
        'а' | 'о' | 'ұ' | 'ы' | 'я' | 'ё' => Some(Harmony::Back),
        'ә' | 'е' | 'і' | 'ө' | 'ү' | 'э' => Some(Harmony::Front),
        // `и`, `у`, `ю` are written for either (`оқи` is `оқый`, `ки` is `кій`).
        _ => None,
    }
}

/// The harmony a suffix after `text` must have: that of its last vowel that says one; none
/// after a soft sign (`модульге`) or without such a vowel.
fn stem_harmony(text: &str) -> Option<Harmony> {
    if text.ends_with('ь') {
        return None;
    }
    text.chars().rev().find_map(harmony_of)
}

/// Whether a Kazakh lower-case letter (Cyrillic, with the letters Kazakh adds).
fn is_letter(c: char) -> bool {
    matches!(
        c,
        'а'..='я' | 'ё' | 'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і'
    )
}

/// Whether `suffix` of `slot` may follow `before`: its letters and its harmony fit.
fn fits(before: &str, slot: Slot, after: u8, suffix: &str) -> bool {
    let Some(last) = before.chars().next_back() else {
        return false;
    };
    if after & class(last) == 0 {
        return false;
    }
    // The instrumental `-мен` has one form for both harmonies.
    let own = suffix
        .chars()
        .find_map(harmony_of)
        .filter(|_| !suffix.ends_with("ен"));
    if let (Some(stem), Some(own)) = (stem_harmony(before), own) {
        if stem != own {
            return false;
        }
    }
    match slot {
        // Agent nouns end in -ушы (`пайдаланушы`, `сатушы`): the -ы is no possessive.
        Possessive3 => !before.ends_with("уш"),
        // The conjunctions `немесе` (or) and `әйтпесе` (otherwise) end like negated verbs.
        Negation => !matches!(before, "не" | "әйт"),
        _ => true,
    }
}

/// Whether `stem` may be left once `first` (the suffix right after it, if any) is stripped:
/// two letters or more with a vowel, and three or more before a suffix without a vowel that
/// follows a vowel (`бер` is no `бе-р`, `тау` no `та-у`).
fn is_stem(stem: &str, first: Option<&str>) -> bool {
    let letters = stem.chars().count();
    let ends_in_vowel = stem.chars().next_back().is_some_and(|c| class(c) == VOWEL);
    let bare_suffix = first.is_some_and(|f| !f.chars().any(|c| class(c) == VOWEL));
    letters >= 2
        && stem.chars().any(|c| class(c) == VOWEL || c == 'у')
        && !(ends_in_vowel && bare_suffix && letters < 3)
}

/// A reading of a word: the byte length of its stem, and the letter that the spelling
/// merged into the suffix after it (`жо-ю` is `жой-у`).
type Reading = (usize, Option<char>);

/// The letter a suffix took from the stem's end in writing: the `й` of `ю`.
fn merged_letter(suffix: &str) -> Option<char> {
    (suffix == "ю").then_some('й')
}

/// Collects into `out` the readings of `word[..end]`, where the suffix right after it (if
/// any) is `right`.
fn walk(word: &str, end: usize, right: Option<(Slot, &str)>, out: &mut Vec<Reading>) {
    let head = &word[..end];
    if may_follow(None, right.map(|r| r.0)) {
        let merged = right.and_then(|r| merged_letter(r.1));
        let fits_stem = match merged {
            Some(letter) => is_stem(&format!("{head}{letter}"), Some("у")),
            None => is_stem(head, right.map(|r| r.1)),
        };
        if fits_stem {
            out.push((end, merged));
        }
    }
    for &(slot, after, forms) in GROUPS {
        if !may_follow(Some(slot), right.map(|r| r.0)) {
            continue;
        }
        for &suffix in forms {
            let Some(before) = head.strip_suffix(suffix) else {
                continue;
            };
            if fits(before, slot, after, suffix) {
                walk(word, before.len(), Some((slot, suffix)), out);
            }
        }
    }
}

/// The readings of a lower-case word, longest stem first, the word itself among them. A word
/// with a letter that is not a lower-case Cyrillic one is left whole.
fn readings(word: &str) -> Vec<Reading> {
    let mut found = vec![(word.len(), None)];
    if word.chars().all(is_letter) {
        walk(word, word.len(), None, &mut found);
    }
    found.sort_unstable_by(|a, b| b.cmp(a));
    found.dedup();
    found
}

/// Every stem a lower-case `word` may be read as: the prefixes left when a chain of
/// inflection suffixes is stripped, longest first, the word itself among them.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "for the meaning comparison (issue 11), which does not use it yet"
    )
)]
pub(crate) fn reductions(word: &str) -> Vec<&str> {
    let mut stems: Vec<&str> = readings(word)
        .into_iter()
        .map(|(end, _)| &word[..end])
        .collect();
    stems.dedup();
    stems
}

/// The stems of [`reductions`] as compared: a letter the spelling merged into a suffix
/// restored (`жою`: `жой`), a final `б`, `ғ`, `г` read as the `п`, `қ`, `к` it is before a
/// vowel (`талабы`: `талап`).
pub(crate) fn keys(word: &str) -> Vec<String> {
    readings(word)
        .into_iter()
        .map(|(end, merged)| {
            let mut stem = word[..end].to_owned();
            stem.extend(merged);
            key(&stem).into_owned()
        })
        .collect()
}

/// The stem of a lower-case Kazakh word: its shortest reduction, a prefix of the word
/// (`береді`, `бермейді`, `беріледі`: `бер`; `келісімдерін`: `келісім`).
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "for the meaning comparison (issue 11), which does not use it yet"
    )
)]
pub(crate) fn stem(word: &str) -> &str {
    reductions(word).pop().unwrap_or(word)
}

/// A stem as compared: a final `б`, `ғ`, `г` read as the `п`, `қ`, `к` it is before a
/// vowel (`талаб-ы` is `талап`, `құқығ-ы` is `құқық`).
fn key(stem: &str) -> Cow<'_, str> {
    let Some(last) = stem.chars().next_back() else {
        return Cow::Borrowed(stem);
    };
    let voiceless = match last {
        'б' => 'п',
        'ғ' => 'қ',
        'г' => 'к',
        _ => return Cow::Borrowed(stem),
    };
    let mut key = stem[..stem.len() - last.len_utf8()].to_owned();
    key.push(voiceless);
    Cow::Owned(key)
}

/// What every word that [`reduces_to`] `stem` starts with: the stem without a last letter
/// that may alternate or merge into a suffix (`талап`: `тала`, `жой`: `жо`).
pub(crate) fn common_prefix(stem: &str) -> &str {
    match stem.chars().next_back() {
        Some(last @ ('б' | 'ғ' | 'г' | 'п' | 'қ' | 'к' | 'й')) => {
            &stem[..stem.len() - last.len_utf8()]
        }
        _ => stem,
    }
}

/// Whether a lower-case `word` is `stem` or reduces to it (a final п/қ/к of the stem read as
/// б/ғ/г before a vowel): `бермейді` reduces to `бер`, `талабы` to `талап`.
pub(crate) fn reduces_to(word: &str, stem: &str) -> bool {
    if !word.starts_with(common_prefix(stem)) {
        return false;
    }
    let wanted = key(stem);
    keys(word).iter().any(|k| *k == wanted)
}

/// How a Kazakh word carries a verb negation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Negation {
    /// A negated finite verb, participle or gerund: `бермейді`, `болмаған`, `тоқтамай`.
    Verb,
    /// A negated verbal noun (`сақтамау`, `бермеуге`), often rendered by a noun without a
    /// negation (`нарушение`).
    VerbalNoun,
}

/// What may follow a negation in a finite verb form: `бер-ме-йді`, `көздел-ме-се`,
/// `тоқта-ма-й`, `бер-ме-ді`.
const AFTER_NEGATION: &[&str] = &[
    "йды",
    "йді",
    "ймын",
    "ймін",
    "йсың",
    "йсің",
    "йсыз",
    "йсіз",
    "ймыз",
    "йміз",
    "йсыздар",
    "йсіздер",
    "й",
    "са",
    "се",
    "сам",
    "сем",
    "саң",
    "сең",
    "саңыз",
    "сеңіз",
    "сақ",
    "сек",
    "ды",
    "ді",
    "дым",
    "дім",
    "дың",
    "дің",
    "дыңыз",
    "діңіз",
    "дық",
    "дік",
    "ңыз",
    "ңіз",
    "ңыздар",
    "ңіздер",
];

/// Participles after a negation, which may go on with any ending: `бол-ма-ған`,
/// `көздел-ме-ген-дер-дің`, `ас-па-йтын`.
const PARTICIPLES: &[&str] = &["ған", "ген", "йтын", "йтін"];

/// Whether a lower-case Kazakh word is a negated verb form, and which. The negation must
/// follow a verb stem of two letters or more (not `не`: `немесе`, or) in the form its last
/// letter and vowel call for (`жаз-ба`, `ет-пе`, `бер-ме`), and be followed by a verb ending:
/// nouns in -ма/-ба/-па (`платформа`, `тапсырма`, `қолтаңба`, `ескертпе`) take none.
pub(crate) fn negation(word: &str) -> Option<Negation> {
    // The byte test first: it rules out most words without decoding them.
    if !has_negation_form(word) || !word.chars().all(is_letter) {
        return None;
    }
    let mut found = None;
    for (at, _) in word.char_indices().skip(2) {
        let (head, rest) = word.split_at(at);
        // Every form of the negation is one of these six: the table is searched only where
        // one ends.
        if !ends_with_negation_form(head.as_bytes()) {
            continue;
        }
        let negated = GROUPS
            .iter()
            .filter(|group| group.0 == Negation)
            .flat_map(|&(_, after, forms)| forms.iter().map(move |&form| (after, form)))
            .any(|(after, form)| {
                head.strip_suffix(form).is_some_and(|stem| {
                    stem.chars().count() >= 2 && fits(stem, Negation, after, form)
                })
            });
        if !negated {
            continue;
        }
        let harmonious = |ending: &str| {
            stem_harmony(head) == ending.chars().find_map(harmony_of)
                || !ending.chars().any(|c| harmony_of(c).is_some())
        };
        let finite = PARTICIPLES
            .iter()
            .any(|p| rest.starts_with(p) && harmonious(p))
            || AFTER_NEGATION.iter().any(|e| rest == *e && harmonious(e));
        if finite {
            return Some(Negation::Verb);
        }
        if rest.starts_with('у') {
            found = Some(Negation::VerbalNoun);
        }
    }
    found
}

/// Whether `word` holds one of the negation's forms (`ма`, `ме`, `ба`, `бе`, `па`, `пе`),
/// without which it cannot be negated: one pass over the bytes instead of a walk through the
/// suffix table at every letter, for the most words, which have none.
fn has_negation_form(word: &str) -> bool {
    word.as_bytes().windows(4).any(is_negation_form)
}

/// Whether `bytes` end with one of the negation's forms.
fn ends_with_negation_form(bytes: &[u8]) -> bool {
    bytes
        .len()
        .checked_sub(4)
        .is_some_and(|start| is_negation_form(&bytes[start..]))
}

/// Whether four bytes are one of the negation's forms: in UTF-8, м б п are D0 BC, D0 B1,
/// D0 BF and а е are D0 B0, D0 B5.
fn is_negation_form(bytes: &[u8]) -> bool {
    matches!(bytes, [0xD0, 0xBC | 0xB1 | 0xBF, 0xD0, 0xB0 | 0xB5])
}

/// Whether a lower-case Kazakh word is a negated verb: `бермейді`, `келіспеген`, `жасамаса`,
/// `тоқтамай`; not `немесе`, `платформа`, `тапсырма`, nor a negated verbal noun.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "for the meaning comparison (issue 11), which does not use it yet"
    )
)]
pub(crate) fn is_negated_verb(word: &str) -> bool {
    negation(word) == Some(Negation::Verb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every suffix form of the stripper's table.
    fn all_forms() -> Vec<&'static str> {
        GROUPS.iter().flat_map(|g| g.2.iter().copied()).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Letters followed by suffix forms, so that most cases strip something.
        #[test]
        fn a_stem_is_a_non_empty_prefix_and_a_reduction(
            head in "[а-яёәғқңөұүһі]{1,10}",
            tail in prop::collection::vec(prop::sample::select(all_forms()), 0..4),
        ) {
            let word = format!("{head}{}", tail.concat());
            let stem = stem(&word);
            prop_assert!(!stem.is_empty());
            prop_assert!(stem.chars().count() <= word.chars().count());
            prop_assert!(word.starts_with(stem));
            let reductions = reductions(&word);
            prop_assert_eq!(reductions.first().copied(), Some(word.as_str()));
            prop_assert_eq!(reductions.last().copied(), Some(stem));
            prop_assert!(reductions.iter().all(|r| word.starts_with(r) && !r.is_empty()));
            prop_assert!(reduces_to(&word, &word));
            for key in keys(&word) {
                prop_assert!(reduces_to(&word, &key), "{} does not reduce to {}", word, key);
            }
        }

        /// Any text: no panic, and the stem is still a prefix.
        #[test]
        fn any_text_gives_a_prefix(word in "\\PC{0,12}") {
            let stem = stem(&word);
            prop_assert!(word.starts_with(stem));
            prop_assert!(stem.chars().count() <= word.chars().count());
            prop_assert!(word.is_empty() || !stem.is_empty());
            let _ = negation(&word);
        }
    }

    /// The byte scan finds exactly the words that hold a negation form of the suffix table.
    #[test]
    fn the_negation_forms_are_those_of_the_table() {
        let forms: Vec<&str> = GROUPS
            .iter()
            .filter(|g| g.0 == Negation)
            .flat_map(|g| g.2.iter().copied())
            .collect();
        assert_eq!(forms, ["ма", "ме", "ба", "бе", "па", "пе"]);
        for word in [
            "бермейді",
            "сақтамау",
            "жазба",
            "етпе",
            "бер",
            "мақала",
            "аба",
            "ме",
        ] {
            let by_table = forms.iter().any(|f| word.contains(f));
            assert_eq!(has_negation_form(word), by_table, "{word}");
            for (at, _) in word.char_indices() {
                let head = &word[..at];
                let by_table = forms.iter().any(|f| head.ends_with(f));
                assert_eq!(ends_with_negation_form(head.as_bytes()), by_table, "{head}");
            }
        }
    }

    /// Forms of one word, each with the stem they all share.
    const SHARED_STEMS: &[(&str, &[&str])] = &[
        (
            "келісім",
            &[
                "келісім",
                "келісімі",
                "келісімін",
                "келісімдер",
                "келісімдерін",
                "келісімге",
                "келісімнің",
                "келісімімен",
            ],
        ),
        (
            "бер",
            &[
                "бер",
                "беру",
                "береді",
                "бермейді",
                "берді",
                "берген",
                "беріледі",
                "берілмейді",
                "беріп",
                "берсе",
                "берілетін",
                "бергендердің",
                "беруге",
                "беруі",
                "береміз",
            ],
        ),
        (
            "дерек",
            &["деректер", "деректерді", "деректеріңізді", "деректерінің"],
        ),
        (
            "заң",
            &["заң", "заңы", "заңға", "заңдарына", "заңымен", "заңдағы"],
        ),
        (
            "пайдаланушы",
            &[
                "пайдаланушы",
                "пайдаланушылар",
                "пайдаланушының",
                "пайдаланушыға",
                "пайдаланушысы",
            ],
        ),
        (
            "сақта",
            &["сақтау", "сақталады", "сақтайды", "сақтамайды", "сақталған"],
        ),
        (
            "жина",
            &["жинау", "жиналады", "жинайды", "жинаған", "жинап"],
        ),
        ("өңде", &["өңдеу", "өңделеді", "өңдейді", "өңделмейді"]),
        ("ал", &["ал", "алу", "алады", "алынады", "алды", "алмайды"]),
        (
            "компания",
            &["компания", "компанияға", "компаниясы", "компанияның"],
        ),
        ("ереже", &["ереже", "ережелері", "ережеге"]),
        ("кітап", &["кітаптар", "кітапқа", "кітаптың"]),
    ];

    #[test]
    fn forms_of_a_word_share_its_stem() {
        for (expected, forms) in SHARED_STEMS {
            for form in *forms {
                assert_eq!(stem(form), *expected, "{form}");
                assert!(reduces_to(form, expected), "{form}");
            }
        }
    }

    #[test]
    fn forms_whose_shortest_reading_differs_still_reduce_to_the_stem() {
        for (form, expected) in [
            // п/қ/к voiced before a vowel.
            ("талабы", "талап"),
            ("талаптар", "талап"),
            ("құқығы", "құқық"),
            ("тәртібі", "тәртіп"),
            // й and у written ю.
            ("жою", "жой"),
            ("жоюға", "жой"),
            ("жоюды", "жой"),
            ("жойылады", "жой"),
            // The accusative reads as a past tense too: мыса-л-ды.
            ("мысалды", "мысал"),
            ("жағдайды", "жағдай"),
        ] {
            assert!(
                reduces_to(form, expected),
                "{form} does not reduce to {expected}"
            );
        }
    }

    #[test]
    fn roots_are_never_eaten() {
        for root in [
            "бер",
            "ал",
            "жаз",
            "кел",
            "бол",
            "ет",
            "жүр",
            "тұр",
            "қой",
            "су",
            "ту",
            "тау",
            "ұсын",
            "тиіс",
            "адам",
            "жағдай",
            "мысал",
            "жинақ",
        ] {
            assert!(
                reductions(root).iter().all(|r| r.chars().count() >= 2),
                "{root}: {:?}",
                reductions(root)
            );
        }
        for root in [
            "бер",
            "ал",
            "жаз",
            "кел",
            "бол",
            "ет",
            "жүр",
            "қой",
            "су",
            "тау",
            "адам",
            "жағдай",
        ] {
            assert_eq!(stem(root), root);
        }
    }

    /// Words of another sense that begin with a stem: derivations (`заңгер`, lawyer), compounds
    /// (`келісімшарт`, contract) and nouns made from a verb (`тапсырма`, task).
    const OTHER_SENSES: &[(&str, &str)] = &[
        ("заң", "заңгер"),
        ("заң", "заңсыз"),
        ("заң", "заңнама"),
        ("келісім", "келісімшарт"),
        ("сақтау", "сақтандыру"),
        ("сақтау", "сақтану"),
        ("жинау", "жинақ"),
        ("серіктес", "серіктестік"),
        ("құқық", "құқықтық"),
        ("дерек", "деректеме"),
        ("беру", "беруші"),
        ("тапсыру", "тапсырма"),
        ("тапсыру", "тапсырмасын"),
        ("бағдарлау", "бағдарлама"),
        ("жазу", "жазба"),
        ("ұлт", "ұлттық"),
        ("қызмет", "қызметкер"),
    ];

    #[test]
    fn words_of_another_sense_do_not_share_a_stem() {
        for (word, other) in OTHER_SENSES {
            assert_ne!(stem(word), stem(other), "{word} / {other}");
            let of_other = keys(other);
            assert!(
                !keys(word).iter().any(|k| of_other.contains(k)),
                "{word} {:?} / {other} {:?}",
                keys(word),
                of_other
            );
        }
    }

    #[test]
    fn endings_follow_vowel_harmony_and_the_last_letter() {
        // A front ending after a back stem, and the reverse, is no ending.
        for word in ["заңге", "келісімға", "берды", "адамдер"] {
            assert_eq!(stem(word), word);
        }
        // -тар after a voiceless consonant, -дар after a voiced one, -лар after a vowel.
        assert_eq!(stem("кітаптар"), "кітап");
        assert_eq!(stem("кітапдар"), "кітапдар");
        assert_eq!(stem("заңдар"), "заң");
        assert_eq!(stem("заңтар"), "заңтар");
        assert_eq!(stem("балалар"), "бала");
        // -мен has one form for both harmonies.
        assert_eq!(stem("заңмен"), "заң");
        assert_eq!(stem("келісіммен"), "келісім");
    }

    /// `data/endings.tsv` (the `stem~` patterns) and the stripper must agree on the nominal
    /// endings: each Kazakh ending there is one the stripper strips, or one it leaves on
    /// purpose.
    #[test]
    fn the_endings_of_the_glossary_are_stripped_or_left_on_purpose() {
        // -(ы)м, -(ы)ң: most Kazakh words ending so are stems (`келісім`, `бөлім`); -а, -е:
        // the dative after them.
        const LEFT: &[&str] = &["ым", "ім", "м", "ың", "ің", "ң", "а", "е"];
        let nominal: Vec<&str> = GROUPS
            .iter()
            .filter(|g| matches!(g.0, Plural | Possessive3 | Possessive12 | Case | CaseAfter3))
            .flat_map(|g| g.2.iter().copied())
            .collect();
        let mut unknown = Vec::new();
        for line in crate::tsv::data_lines(include_str!("../data/endings.tsv")) {
            let columns: Vec<&str> = line.split('\t').collect();
            if columns.first() != Some(&"kk") {
                continue;
            }
            for ending in columns[2].split_whitespace() {
                if !nominal.contains(&ending) && !LEFT.contains(&ending) {
                    unknown.push(ending);
                }
            }
        }
        assert!(unknown.is_empty(), "{unknown:?}");
    }

    #[test]
    fn negation_counts_on_verb_forms_only() {
        for verb in [
            "бермейді",
            "келіспеген",
            "жасамаса",
            "тоқтамай",
            "берілмейді",
            "болмаған",
            "көзделмесе",
            "тоқтатпай",
            "келіспеңіз",
            "етпейді",
            "жазбады",
            "көнбейді",
            "жіберілмейтін",
            "бермедік",
        ] {
            assert!(is_negated_verb(verb), "{verb}");
        }
        for word in [
            "немесе",
            "әйтпесе",
            "платформа",
            "заңнама",
            "қолтаңба",
            "тапсырма",
            "бағдарлама",
            "хабарлама",
            "анықтама",
            "құжаттама",
            "жазба",
            "ескертпе",
            "платформаға",
            "тапсырмасын",
            "бағдарламаны",
            "хабарламада",
            "жазбалар",
            "ескертпеде",
            "құжаттамасы",
            "емес",
            "алмас",
            "береді",
            "маңызды",
            // Names in -бай: after п or р the negation would be -па, -ма.
            "жақыпбай",
            "нұрбай",
        ] {
            assert!(!is_negated_verb(word), "{word}");
        }
        for noun in ["сақтамау", "бермеуге", "орындамаудан", "келіспеушілік"]
        {
            assert_eq!(negation(noun), Some(Negation::VerbalNoun), "{noun}");
            assert!(!is_negated_verb(noun), "{noun}");
        }
    }
}
