//! Server integration tests: one binary, built once, run against SQLite (default) and
//! PostgreSQL (`TEST_DATABASE_URL=postgres://…`; see scripts/test.sh).
mod helpers;

mod accounts;
mod api;
mod assets;
mod board;
mod cli;
mod concurrency;
mod config;
mod data;
mod errors;
mod headers;
mod health;
mod introductions;
mod listings;
mod logo;
mod mail;
mod matching;
mod multi_server;
mod orgs;
mod page_cache;
mod pages;
mod photos;
mod relevance;
mod saved_searches;
mod search;
mod suggest;
mod tokens;
mod trust;
mod xss;
