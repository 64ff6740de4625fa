//! Server-only domain logic: database access, seeding and the queries behind every page.
//! Plain Rust (no Leptos types), so it is tested without a browser.
pub mod accounts;
pub mod actor;
pub mod api_tokens;
pub mod audit;
pub mod board;
pub mod contacts;
pub mod db;
pub mod entities;
pub mod gates;
pub mod home;
pub mod introductions;
pub mod listings;
pub mod logo;
pub mod mail;
pub mod matching;
pub mod organisations;
pub mod policy;
pub mod reference;
pub mod reports;
pub mod saved_searches;
pub mod search;
pub mod seed;
pub mod sources;
pub mod text;
pub mod trust;
