//! The page of one template family: its members, then each diff of the family with what
//! each company changed topic by topic and the clause-by-clause operations.

use std::fmt::Write;

use super::diff_html::{OpItem, diff_summary, op_item, op_items};
use super::markup::{counted, esc};
use super::paging::{PagedContent, Section, page_links};
use crate::corpus::{CorpusAnalysis, Family};

/// One block of a family's page.
#[derive(Clone, Copy)]
enum Block {
    Intro,
    Member(usize),
    DiffHead(usize),
    Op(usize, OpItem),
}

/// A family's page, ready to be laid out in pages.
pub(crate) struct FamilyPage<'a> {
    analysis: &'a CorpusAnalysis,
    family: &'a Family,
    /// Its 0-based number among the families.
    number: usize,
    /// The first page of each document of the corpus.
    documents: &'a [String],
    /// The index page.
    index: &'a str,
    blocks: Vec<Block>,
    /// The members' list, then one operation list per diff.
    sections: Vec<Section>,
}

impl<'a> FamilyPage<'a> {
    /// The page of family `number` of `analysis`.
    pub(crate) fn new(
        analysis: &'a CorpusAnalysis,
        number: usize,
        documents: &'a [String],
        index: &'a str,
    ) -> FamilyPage<'a> {
        let family = &analysis.families[number];
        let mut blocks = vec![Block::Intro];
        blocks.extend((0..family.members.len()).map(Block::Member));
        let mut sections = vec![Section {
            open: "<ul class=\"members\">\n".to_owned(),
            close: "</ul>\n",
        }];
        for (d, diff) in family.diffs.iter().enumerate() {
            blocks.push(Block::DiffHead(d));
            blocks.extend(op_items(diff).into_iter().map(|item| Block::Op(d, item)));
            sections.push(Section {
                open: format!("<ol class=\"ops\" data-diff=\"{d}\">\n"),
                close: "</ol>\n",
            });
        }
        FamilyPage {
            analysis,
            family,
            number,
            documents,
            index,
            blocks,
            sections,
        }
    }
}

impl FamilyPage<'_> {
    /// The block that opens diff `d` (its anchor is `diff-{d}`).
    pub(crate) fn diff_block(&self, d: usize) -> Option<usize> {
        self.blocks
            .iter()
            .position(|b| matches!(b, Block::DiffHead(x) if *x == d))
    }
}

impl PagedContent for FamilyPage<'_> {
    fn title(&self) -> String {
        format!("Template family {} — kzru-align", self.number + 1)
    }

    fn blocks(&self) -> usize {
        self.blocks.len()
    }

    fn sections(&self) -> &[Section] {
        &self.sections
    }

    fn section(&self, block: usize) -> Option<usize> {
        match self.blocks[block] {
            Block::Intro | Block::DiffHead(_) => None,
            Block::Member(_) => Some(0),
            Block::Op(d, _) => Some(1 + d),
        }
    }

    fn render(&self, block: usize, _: &dyn Fn(usize) -> String, html: &mut String) {
        match self.blocks[block] {
            Block::Intro => {
                let _ = writeln!(
                    html,
                    "<p>{} built from one template; each is compared with the first, in each language both have.</p>",
                    counted(self.family.members.len(), "document", "documents")
                );
            }
            Block::Member(m) => {
                let doc = self.family.members[m];
                let _ = writeln!(
                    html,
                    "<li><a href=\"{}\">{}</a></li>",
                    esc(&self.documents[doc]),
                    esc(&self.analysis.documents[doc].name)
                );
            }
            Block::DiffHead(d) => {
                let _ = write!(html, "<div class=\"diff\" id=\"diff-{d}\">");
                diff_summary(html, &self.family.diffs[d]);
                html.push_str("</div>\n");
            }
            Block::Op(d, item) => op_item(html, &self.family.diffs[d], item),
        }
    }

    fn header(&self, page: usize, pages: usize, file: &dyn Fn(usize) -> String, out: &mut String) {
        let _ = writeln!(
            out,
            "<header><p class=\"back\"><a href=\"{}\">← all documents</a></p><h1>Template family {}</h1>",
            esc(self.index),
            self.number + 1
        );
        out.push_str(&page_links(page, pages, file));
        out.push_str("</header>\n");
    }
}
