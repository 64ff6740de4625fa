pub mod get_introduction;
pub mod get_introduction_context;
pub mod list_inbox;
