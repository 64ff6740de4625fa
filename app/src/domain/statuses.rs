//! The statuses stored as text columns, as enums: a misspelt status does not compile. Each has
//! `code()` (what the column holds) and `parse()`; listings have their own (`listings::Status`).

macro_rules! status {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

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
        assert_eq!(OrgStatus::parse("Active"), None);
    }
}
