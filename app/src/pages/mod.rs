pub mod account;
pub mod admin;
pub mod gate;
pub mod gates;
pub mod home;
pub mod not_found;
pub mod orgs;
pub mod sources;
