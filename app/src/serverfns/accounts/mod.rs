pub mod get_account;
