//! Read Kazakh/Russian legal documents, split each language version into its numbered
//! clauses, align the two versions and report where they disagree; compare the policies of
//! different companies clause by clause.
//!
//! Companies in Kazakhstan publish privacy policies, offers and contracts in Kazakh (`kk`)
//! and Russian (`ru`), and both versions bind them. This crate reads such a document, as
//! one file holding both versions or as two files, and turns each version into a tree of
//! clauses that keep their exact place (byte span, line) in the original file, together
//! with the numbering and script problems found on the way.
//!
//! # Pipeline
//!
//! | stage | module | what it does |
//! |---|---|---|
//! | load | [`Source`] | decode bytes (UTF-8, UTF-16 with BOM), keep the original text, typed errors |
//! | read | [`read`] | Word, PDF and HTML files told by content, to text with the origin of every line |
//! | normalize | [`normalize()`] | strip Markdown/HTML, NFC, repair mixed-script words, collapse white space |
//! | detect language | [`detect_language`] | Kazakh-only letters first, a two-language detector for short blocks |
//! | split versions | [`BilingualDocument`], [`Pack`] | find the Kazakh and the Russian version of an input; the documents of a file holding several |
//! | segment | [`Clause`] | title, preamble, sections, clauses, items, bullets, table rows |
//! | check numbering | [`Finding`] | out of sequence, gaps, duplicates, mixed styles |
//! | align | [`Aligner`] | pair every Kazakh clause with its Russian counterpart, or none |
//! | find divergences | [`Divergence`] | every disagreement, with the clauses and lines of both sides |
//! | compare meaning | [`MeaningMismatch`] | parties, modality, negation, exceptions, units and quantities of aligned clauses, from a lexicon of concepts |
//! | diff | [`Differ`] | two companies' policies clause by clause: shared template, changes |
//! | evaluate | [`evaluation`] | alignment, precision and recall against hand-made labels (`serde` feature) |
//! | corpus | [`corpus`] | a folder in parallel: similarity, template families |
//! | report | [`report`] | text, JSON, TMX 1.4b, and one self-contained HTML page |
//!
//! # Example
//!
//! ```
//! use kzru_align::{BilingualDocument, FindingKind, Lang};
//!
//! let text = "\
//! 9. Қорытынды ережелер
//!
//! 9.5. Сіз cookie файлдарын пайдалануға келісім бересіз.
//!
//! 7.6. Компания осы Саясатқа өзгерістер енгізуге құқылы.
//!
//! 9. Заключительные положения
//!
//! 9.5. Вы даете согласие на использование файлов cookie и иных технологий.
//!
//! 9.6. Компания вправе вносить изменения в настоящую Политику.
//! ";
//! let doc = BilingualDocument::from_text("policy.txt", text)?;
//! let kk = doc.version(Lang::Kk).expect("a Kazakh version");
//! let slip = kk.find("7.6").expect("clause 7.6");
//! assert_eq!(slip.line(), 5);
//! assert_eq!(kk.clause(slip.parent().unwrap()).unwrap().number().unwrap().as_str(), "9.");
//! assert!(kk.findings().iter().any(|f| f.kind() == FindingKind::OutOfSequence));
//! assert_eq!(doc.version(Lang::Ru).unwrap().find("9.6").unwrap().line(), 11);
//! # Ok::<(), kzru_align::Error>(())
//! ```
//!
//! # Features
//!
//! - `serde` (default): `Serialize` for the document model, in `snake_case` with ISO 639-1
//!   language codes; the JSON schema is in `docs/outline-json.md`.
//! - `lingua` (default): a statistical detector for short blocks without Kazakh-only letters:
//!   lingua's Kazakh and Russian n-gram models (its model crates, read with `fst`), scored as
//!   the `lingua` detector restricted to these two languages scores them, without its start-up.
//!   Without it, a count of function words decides.
//! - `html` (default): the web page reader of [`read`] (an HTML5 parser, `scraper`).
//! - `pdf`: the PDF reader of [`read`] (`lopdf`; off by default for its weight).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod align;
mod anchors;
mod clause;
pub mod corpus;
mod diff;
mod diverge;
mod document;
mod error;
#[cfg(feature = "serde")]
pub mod evaluation;
mod finding;
mod glossary;
mod kind;
mod lang;
mod language;
mod language_block;
#[cfg(feature = "lingua")]
mod language_model;
mod layout;
mod length;
mod link;
mod load;
mod meaning;
mod morphology;
pub mod normalize;
mod number;
mod numbering;
mod pack;
pub mod read;
pub mod report;
mod segment;
mod sets;
mod span;
mod split;
mod tsv;
mod words;

pub use align::{Aligner, Alignment, Pairing, Weights};
pub use clause::{Clause, ClauseId, ClauseKind};
pub use diff::{
    ClauseRef, DiffOp, Differ, InlineChange, InlineTag, OpKind, PolicyDiff, TopicChange, TopicValue,
};
pub use diverge::{Divergence, Lines};
pub use document::{BilingualDocument, Version};
pub use error::{Error, Result};
pub use finding::Finding;
// The names `Kind` had when findings and divergences had one enum each; a renamed re-export
// rather than a type alias, so that `use DivergenceKind::*` keeps working.
/// [`Kind`] under its earlier name, for the kind of a [`Finding`] (a kind of
/// [`Scope::Version`]).
#[doc(no_inline)]
pub use kind::Kind as FindingKind;
/// [`Kind`] under its earlier name, for the kind of a [`Divergence`].
#[doc(no_inline)]
pub use kind::Kind as DivergenceKind;
pub use kind::{Kind, ParseKindError, Scope, Severity};
pub use language::{ByLang, Evidence, Lang, LanguageGuess, detect_language};
pub use language_block::LanguageBlock;
pub use link::Link;
pub use load::{DEFAULT_SIZE_LIMIT, Source};
pub use meaning::{Cue, MeaningMismatch, MeaningSubKind};
pub use normalize::{Normalized, normalize};
pub use number::{ClauseNumber, NumberStyle};
pub use pack::Pack;
pub use span::Span;

/// The README's examples, compiled and run as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
