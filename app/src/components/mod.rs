pub mod common;
pub mod gate_browser;
pub mod layout;
