pub mod run_search;
pub mod suggest_search;
