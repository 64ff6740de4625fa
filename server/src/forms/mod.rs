//! Form posts of the pages, one module per domain. Each handler takes its extractors (the
//! signed-in user, the submitted form, path parameters), calls the domain, and either redirects
//! (303, POST-redirect-GET) or renders the same page again with what was typed and what is
//! wrong (`crate::http::respond`), so every form works without JavaScript and loses nothing.
pub mod accounts;
pub mod admin;
pub mod board;
pub mod introductions;
pub mod listings;
pub mod organisations;
pub mod searches;
pub mod tokens;
pub mod trust;
pub mod uploads;

pub use crate::http::respond::safe_next;
