//! Pages of bounded size. A report of a huge input is cut into several files, each under a
//! byte limit, so that every page still opens in a browser.
//!
//! A page's content is a list of blocks (a divergence, a row of the side-by-side table, a
//! document of the index), each in an optional section (a list, a table) that is closed at
//! the end of a page and opened again on the next. Blocks are laid out in two passes: the
//! first renders every block once to measure it, with every link to another block given the
//! longest file name a page can have, and cuts the pages; the second renders them again
//! with the real links and writes the pages. A real link is never longer than the one
//! measured, so no page exceeds the limit unless one block alone does (blocks cut their text
//! to stay far below it: see [`CELL_LIMIT`](super::markup::CELL_LIMIT)).

use std::path::{Path, PathBuf};

use super::markup::{page_end, page_start};
use super::write::write_atomic;
use crate::Result;

/// A part of a page that a page break may cut: closed before the break, opened again after.
pub(crate) struct Section {
    /// The markup that opens it (a heading, `<table>` with its header row, `<tbody>`).
    pub(crate) open: String,
    /// The markup that closes it.
    pub(crate) close: &'static str,
}

/// What a paged page holds.
pub(crate) trait PagedContent {
    /// The page title (the `<title>` of every page).
    fn title(&self) -> String;

    /// How many blocks there are.
    fn blocks(&self) -> usize;

    /// The sections blocks can belong to.
    fn sections(&self) -> &[Section];

    /// The section of `block`, if any.
    fn section(&self, block: usize) -> Option<usize>;

    /// Renders `block` into `out`. `file_of` gives the file name of the page that holds
    /// another block, for links to it.
    fn render(&self, block: usize, file_of: &dyn Fn(usize) -> String, out: &mut String);

    /// Renders the top of page `page` of `pages` (after `<body>`): the title and the links
    /// between the pages; `file` gives the file name of a page.
    fn header(&self, page: usize, pages: usize, file: &dyn Fn(usize) -> String, out: &mut String);
}

/// Room kept on every page for what the measurement does not see exactly.
const MARGIN: usize = 1024;

/// The page of every block, cutting a new page wherever the next block would take the page
/// over `limit` bytes; `file` names page `n`.
pub(crate) fn lay_out(
    content: &impl PagedContent,
    file: &dyn Fn(usize) -> String,
    limit: usize,
) -> Vec<usize> {
    let n = content.blocks();
    // The longest page name there can be: no more pages than blocks.
    let longest = file(n);
    let file_of = |_: usize| longest.clone();
    let mut frame = String::new();
    page_start(&mut frame, &content.title());
    content.header(n, n + 1, &|_| longest.clone(), &mut frame);
    page_end(&mut frame);
    let overhead = frame.len() + MARGIN;
    let wrap = |section: Option<usize>| {
        section.map_or(0, |s| {
            let s = &content.sections()[s];
            s.open.len() + s.close.len()
        })
    };
    let mut page_of = Vec::with_capacity(n);
    let mut scratch = String::new();
    let (mut page, mut used, mut on_page, mut open) = (0, overhead, 0, None);
    for block in 0..n {
        scratch.clear();
        content.render(block, &file_of, &mut scratch);
        let section = content.section(block);
        let opens = if section == open { 0 } else { wrap(section) };
        if on_page > 0 && used.saturating_add(scratch.len() + opens) > limit {
            page += 1;
            (used, on_page) = (overhead, 0);
            used += wrap(section);
        } else {
            used += opens;
        }
        used += scratch.len();
        on_page += 1;
        open = section;
        page_of.push(page);
    }
    page_of
}

/// Renders the pages laid out by [`lay_out`] and hands each to `emit` with its number, in
/// order; returns how many there were (one at least, even without blocks).
pub(crate) fn render_pages<E>(
    content: &impl PagedContent,
    page_of: &[usize],
    file: &dyn Fn(usize) -> String,
    emit: &mut dyn FnMut(usize, &str) -> std::result::Result<(), E>,
) -> std::result::Result<usize, E> {
    let pages = page_of.last().map_or(1, |last| last + 1);
    let file_of = |block: usize| file(page_of.get(block).copied().unwrap_or(0));
    let start = |html: &mut String, page: usize| {
        page_start(html, &content.title());
        content.header(page, pages, file, html);
    };
    let close = |html: &mut String, open: Option<usize>| {
        if let Some(s) = open {
            html.push_str(content.sections()[s].close);
        }
    };
    let mut html = String::new();
    let (mut page, mut open) = (0, None);
    start(&mut html, 0);
    for (block, &block_page) in page_of.iter().enumerate() {
        if block_page != page {
            close(&mut html, open.take());
            page_end(&mut html);
            emit(page, &html)?;
            html.clear();
            page = block_page;
            start(&mut html, page);
        }
        let section = content.section(block);
        if section != open {
            close(&mut html, open);
            if let Some(s) = section {
                html.push_str(&content.sections()[s].open);
            }
            open = section;
        }
        content.render(block, &file_of, &mut html);
    }
    close(&mut html, open);
    page_end(&mut html);
    emit(page, &html)?;
    Ok(pages)
}

/// Lays out `content` in pages of at most `limit` bytes and writes them into `dir`, page `n`
/// under the name `file(n)`; returns the files written and the page of every block.
pub(crate) fn write_paged(
    content: &impl PagedContent,
    file: &dyn Fn(usize) -> String,
    limit: usize,
    dir: &Path,
) -> Result<(Vec<PathBuf>, Vec<usize>)> {
    let page_of = lay_out(content, file, limit);
    let mut written = Vec::new();
    render_pages(content, &page_of, file, &mut |n, html| {
        let path = dir.join(file(n));
        write_atomic(&path, |out| out.write_all(html.as_bytes()))?;
        written.push(path);
        Ok(())
    })?;
    Ok((written, page_of))
}

/// The links between the pages of one paged page, for its header: `part 2 of 3 · ← previous
/// · next →`; nothing when there is one page.
pub(crate) fn page_links(page: usize, pages: usize, file: &dyn Fn(usize) -> String) -> String {
    if pages <= 1 {
        return String::new();
    }
    let mut out = format!("<nav class=\"pages\">part {} of {pages}", page + 1);
    if page > 0 {
        out.push_str(&format!(
            " · <a rel=\"prev\" href=\"{}\">← previous</a>",
            super::markup::esc(&file(page - 1))
        ));
    }
    if page + 1 < pages {
        out.push_str(&format!(
            " · <a rel=\"next\" href=\"{}\">next →</a>",
            super::markup::esc(&file(page + 1))
        ));
    }
    out.push_str("</nav>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbered list items of a given size in one section, after an unsectioned heading;
    /// item 0 links to the last item.
    struct Items {
        sizes: Vec<usize>,
        sections: Vec<Section>,
    }

    impl PagedContent for Items {
        fn title(&self) -> String {
            "items".to_owned()
        }
        fn blocks(&self) -> usize {
            self.sizes.len()
        }
        fn sections(&self) -> &[Section] {
            &self.sections
        }
        fn section(&self, block: usize) -> Option<usize> {
            (block > 0).then_some(0)
        }
        fn render(&self, block: usize, file_of: &dyn Fn(usize) -> String, out: &mut String) {
            if block == 1 {
                out.push_str(&format!(
                    "<a href=\"{}#last\">",
                    file_of(self.sizes.len() - 1)
                ));
            }
            out.push_str(&format!("[[{block}]]"));
            out.push_str(&"x".repeat(self.sizes[block]));
        }
        fn header(
            &self,
            page: usize,
            pages: usize,
            file: &dyn Fn(usize) -> String,
            out: &mut String,
        ) {
            out.push_str(&page_links(page, pages, file));
        }
    }

    fn items(sizes: Vec<usize>) -> Items {
        Items {
            sizes,
            sections: vec![Section {
                open: "<ol>".to_owned(),
                close: "</ol>",
            }],
        }
    }

    fn pages_of(content: &Items, limit: usize) -> Vec<String> {
        let file = |n: usize| format!("p{n}.html");
        let page_of = lay_out(content, &file, limit);
        let mut pages = Vec::new();
        let count = render_pages(content, &page_of, &file, &mut |n, html| {
            assert_eq!(n, pages.len());
            pages.push(html.to_owned());
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(count, pages.len());
        pages
    }

    #[test]
    fn every_page_stays_under_the_limit_and_sections_reopen() {
        let content = items(vec![100; 200]);
        let limit = 12_000;
        let pages = pages_of(&content, limit);
        assert!(pages.len() > 2, "{} pages", pages.len());
        for page in &pages {
            assert!(page.len() <= limit, "{} bytes", page.len());
            assert_eq!(page.matches("<ol>").count(), page.matches("</ol>").count());
            assert!(page.ends_with("</html>\n"));
        }
        // Every block once, in order.
        let all = pages.concat();
        let mut at = 0;
        for block in 0..200 {
            let marker = format!("[[{block}]]");
            assert_eq!(all.matches(&marker).count(), 1, "{marker}");
            let found = all.find(&marker).unwrap();
            assert!(found > at, "{marker} out of order");
            at = found;
        }
        // The link of item 1 names the page that holds the last item.
        let last_page = pages.len() - 1;
        assert!(pages[0].contains(&format!("href=\"p{last_page}.html#last\"")));
        assert!(pages[1].contains("part 2 of") && pages[1].contains("href=\"p0.html\">← previous"));
    }

    #[test]
    fn without_a_limit_everything_is_one_page() {
        let pages = pages_of(&items(vec![10; 50]), usize::MAX);
        assert_eq!(pages.len(), 1);
        assert!(!pages[0].contains("part 1"));
    }

    #[test]
    fn a_block_larger_than_the_limit_gets_a_page_of_its_own() {
        let pages = pages_of(&items(vec![10, 10, 50_000, 10]), 20_000);
        assert_eq!(pages.len(), 3);
        assert!(pages[1].len() > 50_000);
    }

    #[test]
    fn no_blocks_is_one_empty_page() {
        let pages = pages_of(&items(Vec::new()), 1000);
        assert_eq!(pages.len(), 1);
        assert!(pages[0].contains("<title>items</title>"));
    }
}
