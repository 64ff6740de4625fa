pub mod list_sources;
