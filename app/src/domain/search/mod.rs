//! Full-text search over Vietnamese, Lao and English text (tantivy).
//!
//! The text analysis lives here: the canonical form every analyzer works on (`normalize`),
//! where the words are (`words`, `lao`), what a word becomes (`fold`), the analyzers registered on
//! the index by name (`analysis`) and the cross-language synonyms expanded at query time
//! (`synonyms`, data in `data/search/synonyms.csv`). The index on disk, its schema and how it
//! follows the database's search outbox are in `index`; turning what users type into a query,
//! facets and snippets in `query`; titles that complete a partly typed query in `suggest`.

pub mod analysis;
pub mod docs;
mod fold;
pub mod index;
mod lao;
mod normalize;
pub mod outbox;
pub mod query;
pub mod suggest;
pub mod synonyms;
mod words;

pub use index::{rebuild, SearchIndex};
pub use query::{search, search_with};
pub use suggest::{suggest, suggestions};

#[cfg(test)]
mod tests;
