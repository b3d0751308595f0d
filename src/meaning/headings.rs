//! The subject of a heading: «Тараптардың жауапкершілігі» (liability of the parties) over
//! clauses that the other version heads «Обязанности сторон» (duties of the parties), or a
//! heading that adds «жалпы ережелер» (general provisions) to «Предмет договора». Only two
//! headings are compared, each by the topics of `data/concepts.tsv` it names; a heading
//! without a known topic keeps the rule silent.

use std::collections::BTreeSet;

use crate::language::ByLang;

use super::difference::{Difference, keep, quote};
use super::evidence::MeaningSubKind;
use super::skeleton::{Item, Skeleton};

/// The most words a heading may have for its topics to be compared: a longer one reads as
/// a sentence, whose topics a translation may order and name otherwise.
const MAX_WORDS: usize = 8;

/// Two headings that name different topics: one names a topic the other does not.
pub(crate) fn subject(sides: &ByLang<&Skeleton>) -> Option<Difference> {
    let short = |s: &Skeleton| s.heading && s.words.len() <= MAX_WORDS;
    if !(short(sides.kk) && short(sides.ru)) {
        return None;
    }
    let kk: Vec<&Item> = sides.kk.topics.iter().collect();
    let ru: Vec<&Item> = sides.ru.topics.iter().collect();
    if kk.is_empty() || ru.is_empty() {
        return None;
    }
    let set =
        |items: &[&Item]| -> BTreeSet<&'static str> { items.iter().map(|i| i.concept).collect() };
    let (a, b) = (set(&kk), set(&ru));
    if a == b {
        return None;
    }
    let only_kk: BTreeSet<&str> = a.difference(&b).copied().collect();
    let only_ru: BTreeSet<&str> = b.difference(&a).copied().collect();
    // A side that adds nothing is quoted whole, so that the report shows what it is about.
    let shown = |items: &[&Item], only: &BTreeSet<&str>| {
        if only.is_empty() {
            quote(items)
        } else {
            quote(&keep(items, only))
        }
    };
    Some(Difference {
        sub_kind: MeaningSubKind::Subject,
        words: ByLang {
            kk: shown(&kk, &only_kk),
            ru: shown(&ru, &only_ru),
        },
        swap: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::skeleton::skeleton;
    use super::*;
    use crate::language::Lang;

    fn heading(text: &str, lang: Lang) -> Skeleton {
        let mut s = skeleton(text, lang);
        s.heading = true;
        s
    }

    fn subject_of(kk: &str, ru: &str) -> Option<Difference> {
        let (kk, ru) = (heading(kk, Lang::Kk), heading(ru, Lang::Ru));
        subject(&ByLang { kk: &kk, ru: &ru })
    }

    #[test]
    fn liability_against_duties() {
        let d = subject_of("Тараптардың жауапкершілігі", "Обязанности сторон").unwrap();
        assert_eq!(d.words.kk[0].1, "liability");
        assert_eq!(d.words.ru[0].1, "duties");
    }

    #[test]
    fn a_topic_added_on_one_side() {
        let d = subject_of("Шарттың мәні және жалпы ережелері", "Предмет договора").unwrap();
        assert_eq!(
            d.words.kk.iter().map(|w| w.1).collect::<Vec<_>>(),
            ["general_provisions"]
        );
        assert_eq!(
            d.words.ru.iter().map(|w| w.1).collect::<Vec<_>>(),
            ["subject_matter"]
        );
    }

    #[test]
    fn the_same_topics_in_other_words_are_silent() {
        for (kk, ru) in [
            (
                "Тараптардың құқықтары мен міндеттері",
                "Права и обязанности сторон",
            ),
            (
                "Қызметтердің құны және төлем тәртібі",
                "Стоимость услуг и порядок оплаты",
            ),
            ("Шарттың қолданылу мерзімі", "Срок действия договора"),
            ("Форс-мажор", "Форс-мажор"),
            ("Қорытынды ережелер", "Заключительные положения"),
            ("Тараптардың деректемелері", "Реквизиты сторон"),
        ] {
            assert!(subject_of(kk, ru).is_none(), "{kk} / {ru}");
        }
    }

    #[test]
    fn a_heading_without_a_known_topic_is_silent() {
        assert!(subject_of("Басқа да талаптар", "Ответственность сторон").is_none());
    }

    #[test]
    fn running_text_is_not_a_heading() {
        let kk = skeleton("Тараптардың жауапкершілігі", Lang::Kk);
        let ru = skeleton("Обязанности сторон", Lang::Ru);
        assert!(subject(&ByLang { kk: &kk, ru: &ru }).is_none());
    }
}
