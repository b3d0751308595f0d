//! Split Kazakh/Russian legal documents into clauses (work in progress).
#![forbid(unsafe_code)]

mod clause;
mod document;
mod error;
mod finding;
mod numbering;
mod segment;
mod language;
mod load;
pub mod normalize;
mod span;
mod split;

pub use clause::{Clause, ClauseId, ClauseKind};
pub use document::{BilingualDocument, Version};
pub use error::{Error, Result};
pub use finding::{Finding, FindingKind, Severity};
pub use numbering::{ClauseNumber, NumberStyle};
pub use language::{Evidence, Lang, LanguageGuess, detect_language};
pub use load::{DEFAULT_SIZE_LIMIT, Source};
pub use normalize::{Normalized, normalize};
pub use span::Span;
