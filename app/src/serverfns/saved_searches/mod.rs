pub mod get_unsubscribe;
pub mod list_saved_searches;
