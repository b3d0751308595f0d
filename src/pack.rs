//! A pack: one file holding one bilingual document or several one after another
//! (`kk, ru, kk, ru`), each read as a document of its own.

use std::path::Path;

use crate::document::BilingualDocument;
use crate::error::Result;
use crate::language_block::LanguageBlock;
use crate::load::Source;
use crate::split::{Layout, block_at, split_input};

/// A file of one or more bilingual documents.
///
/// Two bilingual documents concatenated, or a pack of documents each in both languages,
/// reach the reader as one file whose languages alternate. A `Pack` splits it at the changes
/// of language and pairs each language block with the next: `kk, ru, kk, ru` is two
/// documents. Copies of one document, all in one language and then all in the other, stay one
/// document (see [`Version::part_count`](crate::Version::part_count)). Every document keeps
/// the lines and byte offsets of the original file, and all share its text.
///
/// ```
/// use kzru_align::{Lang, Pack};
/// let kk = "1. Жалпы ережелер\n\n1.1. Осы Саясат дербес деректерді қорғау туралы заңнамаға сәйкес әзірленді және барлық қызметкерлерге қолданылады.\n\n";
/// let ru = "1. Общие положения\n\n1.1. Настоящая Политика разработана в соответствии с законодательством о персональных данных и применяется ко всем работникам.\n\n";
/// let pack = Pack::from_text("pack.txt", format!("{kk}{ru}{kk}{ru}"))?;
/// assert_eq!(pack.documents().len(), 2);
/// let second = &pack.documents()[1];
/// assert_eq!(second.version(Lang::Kk).unwrap().find("1.1").unwrap().line(), 11);
/// assert_eq!(pack.name(1), "pack.txt#2");
/// # Ok::<(), kzru_align::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Pack {
    name: String,
    blocks: Vec<LanguageBlock>,
    documents: Vec<BilingualDocument>,
}

impl Pack {
    /// Reads a file of one or more documents.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Pack> {
        Pack::from_source(Source::from_path(path)?)
    }

    /// Takes a text in memory; `name` is used in messages.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Result<Pack> {
        Pack::from_source(Source::from_text(name, text)?)
    }

    /// Decodes bytes (see [`Source::from_bytes`]).
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> Result<Pack> {
        Pack::from_source(Source::from_bytes(name, bytes)?)
    }

    /// Splits one loaded input into its documents. An input whose language blocks cannot be
    /// paired is an [`Error::Unsplittable`](crate::Error::Unsplittable) naming the blocks and
    /// their lines.
    pub fn from_source(source: Source) -> Result<Pack> {
        let name = source.name().to_owned();
        let (documents, blocks) = match split_input(&source)? {
            Layout::Document(ranges) => {
                let blocks = ranges
                    .iter()
                    .map(|r| block_at(&source, r.lang, r.span))
                    .collect();
                (vec![ranges], blocks)
            }
            Layout::Pack { documents, blocks } => (documents, blocks),
        };
        let documents = documents
            .into_iter()
            .enumerate()
            .map(|(i, ranges)| BilingualDocument::of_ranges(source.clone(), ranges, i == 0))
            .collect();
        Ok(Pack {
            name,
            blocks,
            documents,
        })
    }

    /// The input's name.
    pub fn source_name(&self) -> &str {
        &self.name
    }

    /// The documents, in the order of the file.
    pub fn documents(&self) -> &[BilingualDocument] {
        &self.documents
    }

    /// The documents, taken out of the pack.
    pub fn into_documents(self) -> Vec<BilingualDocument> {
        self.documents
    }

    /// The documents with their names (see [`Pack::name`]), taken out of the pack.
    pub fn into_named_documents(self) -> Vec<(String, BilingualDocument)> {
        let count = self.documents.len();
        let name = self.name;
        self.documents
            .into_iter()
            .enumerate()
            .map(|(i, doc)| (document_name(&name, i, count), doc))
            .collect()
    }

    /// The language blocks of the file, in order: one per version of each document.
    pub fn blocks(&self) -> &[LanguageBlock] {
        &self.blocks
    }

    /// A name for document `index` (0-based): the file's name alone when the pack holds one
    /// document, else the name and the 1-based number of the document, `file.txt#2`.
    pub fn name(&self, index: usize) -> String {
        document_name(&self.name, index, self.documents.len())
    }
}

/// The name of document `index` of `count` in the file `name`: see [`Pack::name`].
fn document_name(name: &str, index: usize, count: usize) -> String {
    if count == 1 {
        name.to_owned()
    } else {
        format!("{name}#{}", index + 1)
    }
}
