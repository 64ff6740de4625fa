//! Corridor's user interface: the Leptos app (server-rendered pages with islands of
//! interactivity), its server functions, and — behind the `ssr` feature — the domain logic.
#![recursion_limit = "256"]

pub mod components;
pub mod errors;
pub mod i18n;
pub mod match_reasons;
pub mod model;
pub mod pages;
pub mod routes;
pub mod serverfns;
pub mod statuses;
pub mod vocab;

#[cfg(feature = "ssr")]
pub mod cookies;
#[cfg(feature = "ssr")]
pub mod domain;
#[cfg(feature = "ssr")]
pub mod state;

pub use routes::{shell, App};
