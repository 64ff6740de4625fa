//! Statuses as enums, shared by the domain (what a text column holds) and the page views (what
//! a reader sees): a misspelt status does not compile, and no page compares strings. Each has
//! `code()` (the stored and serialised text, also the `vocab` key of its label) and `parse()`.
//! A listing's stored status is `domain::listings::Status`; what readers see of it, with
//! "expired", is `ListingState` here.

macro_rules! status {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        pub enum $name { $(#[serde(rename = $code)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// Whether a stored column value is this status.
            pub fn is(self, stored: &str) -> bool {
                stored == self.code()
            }
        }

        #[cfg(feature = "ssr")]
        impl From<$name> for sea_orm::Value {
            fn from(status: $name) -> sea_orm::Value {
                status.code().into()
            }
        }
    };
}

status!(
    /// An organisation: shown (`Active`), hidden from lists and search by a moderator, or
    /// suspended (its profile says so, its listings and API tokens stop).
    OrgStatus { Active => "active", Hidden => "hidden", Suspended => "suspended" }
);

status!(
    /// A verification request: waiting for a moderator, or decided.
    VerificationStatus { Pending => "pending", Verified => "verified", Rejected => "rejected" }
);

status!(
    /// A report about an organisation or a listing: open, or what the moderator decided.
    ReportStatus { Open => "open", Dismissed => "dismissed", Hidden => "hidden", Suspended => "suspended", Removed => "removed" }
);

status!(
    /// A listing as readers see it: its stored status, with `Expired` for a published listing
    /// past its date (`domain::listings::effective_status`).
    ListingState {
        Draft => "draft",
        Published => "published",
        Held => "held",
        Expired => "expired",
        Archived => "archived",
        Removed => "removed",
    }
);

status!(
    /// An introduction: waiting for the target organisation (14 days at most), or what became of
    /// it. A pending one past its date reads as `Expired` (`domain::introductions::effective`).
    IntroductionStatus {
        Pending => "pending",
        Accepted => "accepted",
        Declined => "declined",
        Expired => "expired",
    }
);

status!(
    /// Why an introduction was declined (the requester sees it).
    DeclineReason {
        NotAMatch => "not_a_match",
        Price => "price",
        Quantity => "quantity",
        Timing => "timing",
        Other => "other",
    }
);

status!(
    /// Where an introduction started: the first link of listing → introduction → meeting → MoU.
    IntroductionOrigin {
        Listing => "listing",
        Organisation => "organisation",
        Match => "match",
        Search => "search",
        Event => "event",
    }
);

status!(
    /// How often a saved search mails what is new (`Off`: kept, not mailed).
    AlertFrequency { Immediate => "immediate", Daily => "daily", Weekly => "weekly", Off => "off" }
);

status!(
    /// What a border market board notice is about.
    BoardKind { Sell => "sell", Buy => "buy", Transport => "transport", Labour => "labour" }
);

status!(
    /// A board notice: held for a moderator (`Pending`), on the board (`Approved`, until it
    /// expires), refused (`Rejected`, with a reason the poster sees) or taken down by its poster.
    NoticeStatus { Pending => "pending", Approved => "approved", Rejected => "rejected", Withdrawn => "withdrawn" }
);

#[allow(clippy::derivable_impls)] // the variants come from the macro
impl Default for ListingState {
    fn default() -> Self {
        ListingState::Draft
    }
}

/// The life-cycle steps the "my listings" dashboard offers (the store refuses the others).
impl ListingState {
    pub fn editable(self) -> bool {
        self != ListingState::Removed
    }
    pub fn publishable(self) -> bool {
        self == ListingState::Draft
    }
    pub fn renewable(self) -> bool {
        matches!(
            self,
            ListingState::Published | ListingState::Expired | ListingState::Held
        )
    }
    pub fn archivable(self) -> bool {
        matches!(
            self,
            ListingState::Draft | ListingState::Published | ListingState::Expired | ListingState::Held
        )
    }
    pub fn restorable(self) -> bool {
        self == ListingState::Archived
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_parses_back_from_its_code() {
        for s in OrgStatus::ALL {
            assert_eq!(OrgStatus::parse(s.code()), Some(*s));
        }
        for s in VerificationStatus::ALL {
            assert_eq!(VerificationStatus::parse(s.code()), Some(*s));
        }
        for s in ReportStatus::ALL {
            assert_eq!(ReportStatus::parse(s.code()), Some(*s));
        }
        for s in ListingState::ALL {
            assert_eq!(ListingState::parse(s.code()), Some(*s));
            assert_eq!(serde_json::to_string(s).unwrap(), format!("\"{}\"", s.code()));
        }
        assert_eq!(OrgStatus::parse("Active"), None);
    }
}
