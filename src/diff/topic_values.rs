//! Which values of a clause belong to a topic, with the words around them.
//!
//! A clause about contacts and retention states a postcode and a period; the postcode is no
//! retention period. A value belongs to a topic when it stands in a sentence that holds one
//! of the topic's words and it is of a kind the topic states (`data/topics.tsv`, last
//! column): a period for retention, an e-mail, URL or phone for contacts, a law number for
//! the law. A reader sees each value with up to four words either side, so that `5` reads
//! «…в течение 5 (пяти) лет с момента…».

use unicode_segmentation::UnicodeSegmentation;

use crate::Lang;
use crate::anchors::{self, Anchor, AnchorKind};
use crate::meaning::time_unit_at;

/// A kind of value a topic states (the last column of `data/topics.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ValueKind {
    /// An e-mail address.
    Email,
    /// A URL or a domain.
    Url,
    /// A phone number.
    Phone,
    /// A Latin-script proper name (`Google Analytics`).
    Name,
    /// A number with a letter, such as a law number (`94-V`).
    Identifier,
    /// A number followed within three words by a time unit (`5 (пяти) лет`, `30 рабочих
    /// дней`); a year of the calendar (`2013 года`) is a date, not a period.
    Period,
    /// A number no more than two words after a word of the topic (`адресу: 050060`).
    Near,
}

impl ValueKind {
    /// Reads a kind from its name in `data/topics.tsv`.
    pub(super) fn parse(name: &str) -> Option<ValueKind> {
        Some(match name {
            "email" => ValueKind::Email,
            "url" => ValueKind::Url,
            "phone" => ValueKind::Phone,
            "name" => ValueKind::Name,
            "identifier" => ValueKind::Identifier,
            "period" => ValueKind::Period,
            "near" => ValueKind::Near,
            _ => return None,
        })
    }
}

/// The words of a topic in one language: the beginnings of its words, less the beginnings
/// of words that only look like them (`соглас` is consent, `!согласно` is «according to»;
/// `прав` is a right, `!правил` a rule).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct TopicWords {
    stems: Vec<&'static str>,
    not: Vec<&'static str>,
}

impl TopicWords {
    /// Reads a comma-separated list of `data/topics.tsv`: stems, and `!`-prefixed stems
    /// whose words do not count.
    pub(super) fn parse(list: &'static str) -> TopicWords {
        let mut words = TopicWords::default();
        for item in list.split(',').filter(|s| !s.is_empty()) {
            match item.strip_prefix('!') {
                Some(not) => words.not.push(not),
                None => words.stems.push(item),
            }
        }
        words
    }

    /// Whether a lower-case word is one of the topic's words.
    pub(super) fn matches(&self, word: &str) -> bool {
        self.stems.iter().any(|s| word.starts_with(s))
            && !self.not.iter().any(|s| word.starts_with(s))
    }
}

/// A value a clause states about a topic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct FoundValue {
    /// What it is compared by (the anchor key: `info@kao.kz`, `94-в`).
    pub(super) key: String,
    /// As written.
    pub(super) raw: String,
    /// The value with up to [`CONTEXT_WORDS`] words either side, within its sentence; `…`
    /// where the sentence goes on.
    pub(super) context: String,
}

/// Words of context on each side of a value.
const CONTEXT_WORDS: usize = 4;

/// A word of a sentence: where it is and its lower-case form (ё read as е).
struct Word {
    start: usize,
    end: usize,
    lower: String,
}

/// The values of `kinds` that `text` (a normalized clause text in `lang`) states in its
/// sentences that hold one of the topic's `words`; each key once, in text order.
pub(super) fn topic_values(
    text: &str,
    lang: Lang,
    words_of_topic: &TopicWords,
    kinds: &[ValueKind],
) -> Vec<FoundValue> {
    let mut out: Vec<FoundValue> = Vec::new();
    if kinds.is_empty() {
        return out;
    }
    for (at, sentence) in text.split_sentence_bound_indices() {
        let words: Vec<Word> = sentence
            .unicode_word_indices()
            .map(|(start, w)| Word {
                start,
                end: start + w.len(),
                lower: w.to_lowercase().replace('ё', "е"),
            })
            .collect();
        let topic_words: Vec<usize> = (0..words.len())
            .filter(|&i| words_of_topic.matches(&words[i].lower))
            .collect();
        if topic_words.is_empty() {
            continue;
        }
        let mut found: Vec<(usize, FoundValue)> = Vec::new();
        for anchor in anchors::extract(sentence) {
            if out
                .iter()
                .chain(found.iter().map(|(_, v)| v))
                .any(|v| v.key == anchor.key)
            {
                continue;
            }
            let place = occurrences(sentence, &anchor.raw).find_map(|start| {
                let first = words.iter().position(|w| w.end > start)?;
                let end = start + anchor.raw.len();
                let last = words.iter().rposition(|w| w.start < end).unwrap_or(first);
                belongs(&anchor, kinds, &words, first, &topic_words, lang).then_some((
                    start,
                    first,
                    last.max(first),
                ))
            });
            if let Some((start, first, last)) = place {
                let bytes = start..start + anchor.raw.len();
                found.push((
                    at + start,
                    FoundValue {
                        key: anchor.key.clone(),
                        raw: anchor.raw.clone(),
                        context: context(sentence, &words, bytes, first..=last),
                    },
                ));
            }
        }
        found.sort_by_key(|(start, _)| *start);
        out.extend(found.into_iter().map(|(_, v)| v));
    }
    out
}

/// Where `raw` stands in `sentence` as a whole token: not inside a longer run of letters or
/// digits.
fn occurrences<'a>(sentence: &'a str, raw: &'a str) -> impl Iterator<Item = usize> + 'a {
    sentence.match_indices(raw).filter_map(move |(start, _)| {
        let before = sentence[..start].chars().next_back();
        let after = sentence[start + raw.len()..].chars().next();
        let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        (!glued(before) && !glued(after)).then_some(start)
    })
}

/// Whether `anchor`, whose first word is `word`, is a value of one of `kinds` here.
fn belongs(
    anchor: &Anchor,
    kinds: &[ValueKind],
    words: &[Word],
    word: usize,
    topic_words: &[usize],
    lang: Lang,
) -> bool {
    kinds.iter().any(|kind| match (kind, anchor.kind) {
        (ValueKind::Email, AnchorKind::Email)
        | (ValueKind::Url, AnchorKind::Url)
        | (ValueKind::Phone, AnchorKind::Phone)
        | (ValueKind::Identifier, AnchorKind::Identifier) => true,
        (ValueKind::Name, AnchorKind::Name) => anchor.is_proper_name(),
        (ValueKind::Period, AnchorKind::Number) => is_period(anchor, words, word, lang),
        (ValueKind::Near, AnchorKind::Number) => {
            topic_words.iter().any(|&t| t < word && word - t <= 2)
        }
        _ => false,
    })
}

/// Whether the number at word `word` is a period: a time unit within the next three words
/// (past a number in words in brackets and a qualifier: `1 (одного) рабочего дня`) with no
/// other number before it, and not a year of the calendar (`2013 года`, `2013 жылғы`).
fn is_period(anchor: &Anchor, words: &[Word], word: usize, lang: Lang) -> bool {
    let lowers: Vec<String> = words.iter().map(|w| w.lower.clone()).collect();
    // The unit of another number is not this number's: `7 января 2003 года` is no period of 7.
    let unit = (word + 1..=word + 3)
        .take_while(|&i| i < lowers.len() && !lowers[i].contains(|c: char| c.is_ascii_digit()))
        .find(|&i| time_unit_at(&lowers, i, lang).is_some());
    let Some(unit) = unit else {
        return false;
    };
    let calendar_year = anchor.key.len() == 4
        && anchor
            .key
            .parse::<u32>()
            .is_ok_and(|year| (1900..2100).contains(&year))
        && (lowers[unit].starts_with("жыл") || lowers[unit].starts_with("год"));
    !calendar_year
}

/// The value at `bytes` of `sentence`, whose words are `value`, with up to
/// [`CONTEXT_WORDS`] words either side.
fn context(
    sentence: &str,
    words: &[Word],
    bytes: std::ops::Range<usize>,
    value: std::ops::RangeInclusive<usize>,
) -> String {
    let from = value.start().saturating_sub(CONTEXT_WORDS);
    let to = (value.end() + CONTEXT_WORDS).min(words.len() - 1);
    let start = words[from].start.min(bytes.start);
    let end = words[to].end.max(bytes.end);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(sentence[start..end].trim());
    if to + 1 < words.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retention() -> TopicWords {
        TopicWords::parse("хран,срок,уничтож")
    }

    fn contact() -> TopicWords {
        TopicWords::parse("почт,телефон,обращ,адрес,e-mail,контакт")
    }

    fn values(text: &str, words: &TopicWords, kinds: &[ValueKind]) -> Vec<(String, String)> {
        topic_values(text, Lang::Ru, words, kinds)
            .into_iter()
            .map(|v| (v.raw, v.context))
            .collect()
    }

    #[test]
    fn a_postcode_is_no_retention_period_but_a_contact() {
        let text = "Отзыв направляется по адресу: 050060 город Алматы, улица Абая, 10. \
                    В течение 1 (одного) рабочего дня данные уничтожаются.";
        let periods = values(text, &retention(), &[ValueKind::Period]);
        assert_eq!(
            periods,
            [(
                "1".to_owned(),
                "В течение 1 (одного) рабочего дня данные…".to_owned()
            )]
        );
        let contacts = values(text, &contact(), &[ValueKind::Email, ValueKind::Near]);
        assert_eq!(contacts.len(), 1);
        assert_eq!(contacts[0].0, "050060");
        assert_eq!(
            contacts[0].1,
            "Отзыв направляется по адресу: 050060 город Алматы, улица Абая…"
        );
    }

    #[test]
    fn dates_are_no_periods() {
        let text = "Согласно Закону от 7 января 2003 года данные хранятся в течение 3 (трех) лет.";
        let periods: Vec<String> = values(text, &retention(), &[ValueKind::Period])
            .into_iter()
            .map(|(v, _)| v)
            .collect();
        assert_eq!(periods, ["3"]);
        let kazakh = "Деректер 2013 жылғы 21 мамырдағы Заңға сәйкес 5 (бес) жыл бойы сақталады.";
        let found: Vec<String> = topic_values(
            kazakh,
            Lang::Kk,
            &TopicWords::parse("сақта,мерзім"),
            &[ValueKind::Period],
        )
        .into_iter()
        .map(|v| v.raw)
        .collect();
        assert_eq!(found, ["5"]);
    }

    #[test]
    fn a_value_counts_only_in_a_sentence_about_the_topic() {
        let text = "Мы храним данные в защищенном виде. Ответ на запрос дается в течение 10 дней.";
        assert!(values(text, &retention(), &[ValueKind::Period]).is_empty());
    }

    #[test]
    fn a_value_of_another_kind_is_left_to_its_own_topic() {
        let text = "Данные хранятся на сервере, вопросы по адресу info@a.kz или по телефону +7 (727) 123-45-67.";
        assert!(values(text, &retention(), &[ValueKind::Period]).is_empty());
        let contacts: Vec<String> = values(text, &contact(), &[ValueKind::Email, ValueKind::Phone])
            .into_iter()
            .map(|(v, _)| v)
            .collect();
        assert_eq!(contacts, ["info@a.kz", "+7 (727) 123-45-67"]);
    }

    #[test]
    fn excluded_beginnings_do_not_count() {
        let consent = TopicWords::parse("соглас,!согласно,!согласов");
        assert!(consent.matches("согласие") && consent.matches("согласен"));
        assert!(!consent.matches("согласно") && !consent.matches("согласования"));
        assert!(!consent.matches("договор"));
    }

    #[test]
    fn every_kind_name_reads() {
        for name in [
            "email",
            "url",
            "phone",
            "name",
            "identifier",
            "period",
            "near",
        ] {
            assert!(ValueKind::parse(name).is_some(), "{name}");
        }
        assert_eq!(ValueKind::parse("postcode"), None);
    }
}
