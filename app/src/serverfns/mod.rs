//! Server functions, one per file, grouped by domain and named verb_noun. Each is a thin
//! adapter: parse → (authorise) → call the domain → map the error.
pub mod accounts;
pub mod admin;
pub mod board;
pub mod gates;
pub mod home;
pub mod introductions;
pub mod listings;
pub mod matching;
pub mod orgs;
pub mod saved_searches;
pub mod search;
pub mod sources;
