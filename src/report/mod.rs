//! Reports of an alignment and of a corpus: a readable text report, a JSON report, TMX 1.4b,
//! CSV of the divergences and self-contained HTML pages, one module per format.
//!
//! The JSON schema is documented in `docs/align-json.md` (one document) and
//! `docs/corpus-report.md` (a corpus), the TMX layout in `docs/tmx.md`, the CSV columns in
//! `docs/csv.md` and the HTML pages in `docs/html.md`.
//!
//! The writers of one document take an [`AlignedDocument`], a borrowed view of a document, its
//! links and its divergences; an `&`[`Alignment`](crate::Alignment) converts into one, so
//! `write_text(&alignment, …)` works as well as a view built from a corpus result. Every file
//! the crate writes goes through [`write_atomic`], whose errors name the file.

mod corpus;
mod diff_html;
#[cfg(feature = "csv")]
mod divergence_csv;
mod document_page;
mod family_page;
mod index_page;
mod json;
mod marks;
mod markup;
mod paging;
mod pieces;
mod text;
mod tmx;
mod view;
mod write;

pub use corpus::{CorpusFiles, CorpusReport, DEFAULT_PAGE_LIMIT, write_corpus_report};
pub use diff_html::write_diff_html;
#[cfg(feature = "csv")]
pub use divergence_csv::{CsvOptions, DivergenceCsv};
pub use document_page::{write_html, write_html_pages};
pub use json::{AlignmentReport, ClauseRecord, NamedReport, PackReport, SourceFiles};
pub use text::{TextOptions, write_text};
pub use tmx::{write_tmx, write_tmx_pack};
pub use view::AlignedDocument;
pub use write::write_atomic;
