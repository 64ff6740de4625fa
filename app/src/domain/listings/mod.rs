//! Listings: commodity offers and requests (with HS codes), investment opportunities and
//! logistics route offers. One table, one life cycle (draft → published → expired → archived),
//! trilingual text, and validation shared by the web forms, the CSV import and the API.
pub mod browse;
pub mod csv_io;
pub mod hs;
pub mod hs_picker;
pub mod input;
pub mod logistics;
pub mod moderation;
pub mod photos;
pub mod store;
pub mod validate;

pub use input::ListingInput;
pub use validate::{validate, RefData, Valid};

use serde::{Deserialize, Serialize};

/// Days a listing stays up when no expiry date is given.
pub const DEFAULT_TTL_DAYS: i64 = 90;
/// The furthest expiry date accepted.
pub const MAX_TTL_DAYS: i64 = 366;
/// Days before expiry when the reminder e-mail goes out.
pub const REMINDER_DAYS: i64 = 7;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    Commodity,
    Opportunity,
    Route,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Commodity, Kind::Opportunity, Kind::Route];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Commodity => "commodity",
            Kind::Opportunity => "opportunity",
            Kind::Route => "route",
        }
    }

    /// The plural used in URLs, the CLI and the API (`commodities`, `opportunities`, `routes`).
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Commodity => "commodities",
            Kind::Opportunity => "opportunities",
            Kind::Route => "routes",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        let code = code.trim();
        Kind::ALL.into_iter().find(|k| k.code() == code || k.plural() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Draft,
    Published,
    /// Published by an unverified organisation while moderation of those is on.
    Held,
    Archived,
    /// Taken down by a moderator after a report.
    Removed,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
            Status::Held => "held",
            Status::Archived => "archived",
            Status::Removed => "removed",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        [
            Status::Draft,
            Status::Published,
            Status::Held,
            Status::Archived,
            Status::Removed,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// What readers see: the stored status, with "expired" for a published listing past its date.
pub fn effective_status(
    status: &str,
    expires_at: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> crate::statuses::ListingState {
    use crate::statuses::ListingState;
    match Status::parse(status) {
        Some(Status::Published) if expires_at <= now => ListingState::Expired,
        Some(Status::Published) => ListingState::Published,
        Some(Status::Held) => ListingState::Held,
        Some(Status::Archived) => ListingState::Archived,
        Some(Status::Removed) => ListingState::Removed,
        Some(Status::Draft) | None => ListingState::Draft,
    }
}

/// Settings of the listing rules (from the server's configuration).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    /// Listings of unverified organisations wait for a moderator before they are public.
    pub hold_unverified: bool,
}
