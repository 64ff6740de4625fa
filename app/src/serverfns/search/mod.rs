pub mod run_search;
