//! The Corridor server process: configuration, router and CLI commands.
pub mod api;
pub mod api_docs;
pub mod api_limit;
pub mod bench_data;
pub mod cli_import;
pub mod compress;
pub mod config;
pub mod feeds;
pub mod forms;
pub mod health;
pub mod http;
pub mod mailer;
pub mod middleware;
pub mod page_cache;
pub mod router;
pub mod workers;

pub use router::build_router;
