//! Full-text search over Vietnamese, Lao and English text (tantivy).
//!
//! The text analysis lives here: the canonical form every analyzer works on (`normalize`),
//! where the words are (`words`, `lao`), what a word becomes (`fold`), the analyzers registered on
//! the index by name (`analysis`) and the cross-language synonyms expanded at query time
//! (`synonyms`, data in `data/search/synonyms.csv`).

pub mod analysis;
mod fold;
mod lao;
mod normalize;
pub mod synonyms;
mod words;

#[cfg(test)]
mod tests;
