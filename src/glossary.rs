//! A small Kazakh–Russian glossary of privacy-law terms (`дербес деректер` ↔
//! `персональные данные`), kept in `data/glossary.tsv` and compiled into the crate.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::language::Lang;

/// One glossary entry: the word stems of the term in each language.
pub(crate) struct Term {
    pub(crate) kk: Vec<String>,
    pub(crate) ru: Vec<String>,
}

impl Term {
    fn stems(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
        }
    }
}

pub(crate) fn terms() -> &'static [Term] {
    static TERMS: OnceLock<Vec<Term>> = OnceLock::new();
    TERMS.get_or_init(|| {
        include_str!("data/glossary.tsv")
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| {
                let (kk, ru) = line.split_once('\t')?;
                let stems = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
                Some(Term {
                    kk: stems(kk),
                    ru: stems(ru),
                })
            })
            .collect()
    })
}

/// The concept of each term: the index of the first term with the same Kazakh or the same
/// Russian side, so that `дербес деректер` and `жеке деректер`, both `персональные
/// данные`, count as one.
fn concepts() -> &'static [u16] {
    static CONCEPTS: OnceLock<Vec<u16>> = OnceLock::new();
    CONCEPTS.get_or_init(|| {
        let terms = terms();
        (0..terms.len())
            .map(|i| {
                let first =
                    (0..i).find(|&j| terms[j].kk == terms[i].kk || terms[j].ru == terms[i].ru);
                first.unwrap_or(i) as u16
            })
            .collect()
    })
}

/// The concepts (see [`concepts`]) of the glossary terms that occur in a normalized text in
/// `lang`, sorted and without repeats.
#[cfg(test)]
pub(crate) fn find_terms(text: &str, lang: Lang) -> Vec<u16> {
    let lower = text.to_lowercase();
    let words: Vec<&str> =
        unicode_segmentation::UnicodeSegmentation::unicode_words(lower.as_str()).collect();
    find_terms_in_words(&words, lang)
}

/// Terms of each language by the first letter of their first stem.
fn by_first_letter(lang: Lang) -> &'static HashMap<char, Vec<usize>> {
    static INDEX: OnceLock<[HashMap<char, Vec<usize>>; 2]> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let build = |lang: Lang| {
            let mut map: HashMap<char, Vec<usize>> = HashMap::new();
            for (i, term) in terms().iter().enumerate() {
                if let Some(first) = term.stems(lang).first().and_then(|s| s.chars().next()) {
                    map.entry(first).or_default().push(i);
                }
            }
            map
        };
        [build(Lang::Kk), build(Lang::Ru)]
    });
    &index[usize::from(lang == Lang::Ru)]
}

/// [`find_terms`] on the lower-case words of a text.
pub(crate) fn find_terms_in_words(words: &[&str], lang: Lang) -> Vec<u16> {
    let index = by_first_letter(lang);
    let mut found = Vec::new();
    for (at, word) in words.iter().enumerate() {
        let Some(first) = word.chars().next() else {
            continue;
        };
        for &t in index.get(&first).into_iter().flatten() {
            let stems = terms()[t].stems(lang);
            let fits = stems.len() <= words.len() - at
                && words[at..]
                    .iter()
                    .zip(stems)
                    .all(|(word, stem)| word.starts_with(stem.as_str()));
            if fits {
                found.push(concepts()[t]);
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_match_inflected_forms_in_both_languages() {
        let kk = find_terms(
            "Дербес деректерді қорғау туралы Қазақстан Республикасының Заңы",
            Lang::Kk,
        );
        let ru = find_terms(
            "Закон Республики Казахстан о защите персональных данных",
            Lang::Ru,
        );
        assert!(!kk.is_empty());
        assert_eq!(kk, ru);
    }

    #[test]
    fn every_entry_occurs_in_the_corpus_in_both_languages() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut kk_text = String::new();
        let mut ru_text = String::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let doc = crate::BilingualDocument::from_path(&path).unwrap();
                for version in doc.versions() {
                    let target = if version.lang() == Lang::Kk {
                        &mut kk_text
                    } else {
                        &mut ru_text
                    };
                    for clause in version.clauses() {
                        target.push_str(clause.text());
                        target.push('\n');
                    }
                }
            }
        }
        for (index, term) in terms().iter().enumerate() {
            let index = concepts()[index];
            assert!(
                find_terms(&kk_text, Lang::Kk).contains(&index),
                "kk «{}» not in the corpus",
                term.kk.join(" ")
            );
            assert!(
                find_terms(&ru_text, Lang::Ru).contains(&index),
                "ru «{}» not in the corpus",
                term.ru.join(" ")
            );
        }
        assert!(terms().len() >= 40);
    }
}
