//! Policy diffs as HTML: the page of `diff --format html`, and the pieces the corpus report
//! shows of its template families (a diff's summary and topic table on the index, the
//! clause-by-clause operations on the family's own page).

use std::fmt::Write;
use std::io;

use super::markup::{CELL_LIMIT, STYLE, counted, cut, cut_note, esc};
use crate::{ClauseRef, DiffOp, InlineTag, OpKind, PolicyDiff, TopicValue};

/// Writes policy diffs as one self-contained HTML page.
pub fn write_diff_html<W: io::Write>(diffs: &[PolicyDiff], mut out: W) -> io::Result<()> {
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>kzru-align policy diff</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n<h1>Policy diff</h1>\n"
    );
    for diff in diffs {
        html.push_str("<div class=\"diff\">");
        diff_summary(&mut html, diff);
        html.push_str("<ol class=\"ops\">\n");
        for item in op_items(diff) {
            op_item(&mut html, diff, item);
        }
        html.push_str("</ol></div>\n");
    }
    let _ = write!(
        html,
        "<script>document.body.dataset.ready = \"true\";</script>\n</body>\n</html>\n"
    );
    out.write_all(html.as_bytes())
}

/// A diff's heading, counts, the template's fill-ins and its topic table.
pub(crate) fn diff_summary(html: &mut String, diff: &PolicyDiff) {
    let _ = writeln!(
        html,
        "<h4>{} ↔ {} ({}): similarity {:.2}, shared template text {:.0}%</h4>",
        esc(&diff.a),
        esc(&diff.b),
        diff.lang,
        diff.similarity,
        diff.shared * 100.0
    );
    let counts: Vec<String> = [
        OpKind::Equal,
        OpKind::Changed,
        OpKind::Moved,
        OpKind::Added,
        OpKind::Removed,
    ]
    .iter()
    .map(|&k| format!("{} {}", diff.count(k), k.name()))
    .collect();
    let _ = writeln!(html, "<p>{}</p>", counts.join(" · "));
    if !diff.identity_a.is_empty() || !diff.identity_b.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"identity\">Filled in: <del>{}</del> → <ins>{}</ins></p>",
            esc(&diff.identity_a.join(", ")),
            esc(&diff.identity_b.join(", "))
        );
    }
    html.push_str("<table class=\"topics\"><thead><tr><th>topic</th><th>changed</th><th>added</th><th>removed</th><th>only in A</th><th>only in B</th></tr></thead><tbody>\n");
    for t in &diff.topics {
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(t.label),
            t.changed,
            t.added,
            t.removed,
            values(&t.only_a),
            values(&t.only_b)
        );
    }
    html.push_str("</tbody></table>\n");
}

/// The values of a topic cell, each in the words around it with the value marked.
fn values(values: &[TopicValue]) -> String {
    if values.is_empty() {
        return String::new();
    }
    let mut out = String::from("<ul class=\"values\">");
    for v in values {
        let context = match v.context.find(&v.value) {
            Some(at) => format!(
                "{}<mark>{}</mark>{}",
                esc(&v.context[..at]),
                esc(&v.value),
                esc(&v.context[at + v.value.len()..])
            ),
            None => esc(&v.context),
        };
        let _ = write!(
            out,
            "<li><span class=\"context\">{context}</span> <span class=\"line\">line {}</span></li>",
            v.line
        );
    }
    out.push_str("</ul>");
    out
}

/// One item of a diff's list of operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OpItem {
    /// A run of this many equal clauses, shown as one line.
    Equal(usize),
    /// The operation at this index of `diff.ops`.
    Op(usize),
}

/// The items of a diff's operation list: runs of equal clauses folded into one.
pub(crate) fn op_items(diff: &PolicyDiff) -> Vec<OpItem> {
    let mut items = Vec::new();
    let mut equal = 0;
    for (index, op) in diff.ops.iter().enumerate() {
        if op.kind == OpKind::Equal {
            equal += 1;
            continue;
        }
        if equal > 0 {
            items.push(OpItem::Equal(equal));
            equal = 0;
        }
        items.push(OpItem::Op(index));
    }
    if equal > 0 {
        items.push(OpItem::Equal(equal));
    }
    items
}

/// Renders one item of the operation list.
pub(crate) fn op_item(html: &mut String, diff: &PolicyDiff, item: OpItem) {
    let op = match item {
        OpItem::Equal(run) => {
            let _ = writeln!(
                html,
                "<li class=\"op equal\">{} equal</li>",
                counted(run, "clause", "clauses")
            );
            return;
        }
        OpItem::Op(index) => &diff.ops[index],
    };
    let side = |c: &Option<ClauseRef>| {
        c.as_ref().map_or_else(
            || "—".to_owned(),
            |c| format!("{} line {}", esc(c.number.as_deref().unwrap_or("")), c.line),
        )
    };
    let _ = writeln!(
        html,
        "<li class=\"op {kind}\"><span class=\"tag\">{kind}</span> A: {} · B: {} <div class=\"text\">{}</div></li>",
        side(&op.a),
        side(&op.b),
        op_text(op),
        kind = op.kind.name()
    );
}

/// The text of an operation: its word diff, or the clause's text; at most [`CELL_LIMIT`]
/// bytes of it.
fn op_text(op: &DiffOp) -> String {
    let mut body = String::new();
    let mut room = CELL_LIMIT;
    let mut left_out = 0;
    let mut piece = |tag: Option<InlineTag>, text: &str| {
        let (shown, rest) = cut(text, room);
        room -= shown.len();
        left_out += rest;
        if shown.is_empty() {
            return;
        }
        let _ = match tag {
            None | Some(InlineTag::Equal) => write!(body, "{}", esc(shown)),
            Some(InlineTag::Delete) => write!(body, "<del>{}</del>", esc(shown)),
            Some(InlineTag::Insert) => write!(body, "<ins>{}</ins>", esc(shown)),
        };
    };
    if op.inline.is_empty() {
        let clause = op.a.as_ref().or(op.b.as_ref());
        piece(None, clause.map_or("", |c| c.text.as_str()));
    } else {
        for change in &op.inline {
            piece(Some(change.tag), &change.text);
        }
    }
    if left_out > 0 {
        body.push_str(&cut_note(left_out));
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_value_is_shown_marked_in_its_words() {
        let shown = values(&[TopicValue {
            value: "5".to_owned(),
            context: "…в течение 5 (пяти) лет <с>…".to_owned(),
            line: 369,
        }]);
        assert_eq!(
            shown,
            "<ul class=\"values\"><li><span class=\"context\">…в течение <mark>5</mark> (пяти) лет &lt;с&gt;…</span> \
             <span class=\"line\">line 369</span></li></ul>"
        );
        assert_eq!(values(&[]), "");
    }
}
