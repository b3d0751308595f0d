//! How messages name clauses and quote their text.

use crate::clause::Clause;

/// A clause as a reader finds it: its language and number (`kk 3.1`), or, when it has no
/// number, its kind and line.
pub(super) fn label(clause: &Clause) -> String {
    match clause.number() {
        Some(n) => format!("{} {}", clause.lang(), n.as_str()),
        None => format!(
            "{} {} at line {}",
            clause.lang(),
            clause.kind(),
            clause.line()
        ),
    }
}

/// The first `words` words of `text` in guillemets, with an ellipsis when there are more.
pub(super) fn quote(text: &str, words: usize) -> String {
    let mut out: Vec<&str> = text.split_whitespace().take(words + 1).collect();
    let more = out.len() > words;
    out.truncate(words);
    format!("«{}{}»", out.join(" "), if more { " …" } else { "" })
}
