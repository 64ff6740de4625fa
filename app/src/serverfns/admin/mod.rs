pub mod list_audit;
pub mod list_mail;
