pub mod common;
pub mod form;
pub mod gate_browser;
pub mod introduction_form;
pub mod island_loader;
pub mod layout;
pub mod search_box;
