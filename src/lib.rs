//! Split Kazakh/Russian legal documents into clauses (work in progress).
#![forbid(unsafe_code)]

mod error;
mod language;
mod load;
pub mod normalize;
mod span;

pub use error::{Error, Result};
pub use language::{Evidence, Lang, LanguageGuess, detect_language};
pub use load::{DEFAULT_SIZE_LIMIT, Source};
pub use normalize::{Normalized, normalize};
pub use span::Span;
