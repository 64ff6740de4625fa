//! Every table's entity, in one place. Hand-written to match `migrations/`.
pub mod audit;
pub mod border_gate;
pub mod commodity;
pub mod country;
pub mod economic_zone;
pub mod email_token;
pub mod hs_chapter;
pub mod login_attempt;
pub mod mail;
pub mod milestone;
pub mod milestone_party;
pub mod organisation;
pub mod province;
pub mod session;
pub mod source;
pub mod trade_stat;
pub mod user;
