//! Every table's entity, in one place. Hand-written to match `migrations/`.
pub mod border_gate;
pub mod commodity;
pub mod country;
pub mod economic_zone;
pub mod hs_chapter;
pub mod milestone;
pub mod milestone_party;
pub mod organisation;
pub mod province;
pub mod source;
pub mod trade_stat;
