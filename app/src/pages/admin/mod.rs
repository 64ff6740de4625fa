pub mod audit;
pub mod mailbox;
