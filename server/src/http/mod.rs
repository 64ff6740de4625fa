//! Request plumbing: extractors (`extract`) and the mapping of results to responses (`respond`).
pub mod extract;
pub mod respond;
