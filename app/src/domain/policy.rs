//! The one place that decides permissions: `allowed(principal, action)` (and `authorise`, its
//! `Result` form), plus `may_endorse` for the one decision that also depends on the two
//! organisations. Domain functions gather the facts (a principal's role in the organisation
//! acted on: `organisations::principal`) and ask here; nothing else compares roles. The
//! authorisation matrix test (`data/authz_matrix.csv`) pins the whole table down. It depends on
//! no other domain module (a user becomes a principal by `CurrentUser::principal`).
use crate::errors::AppError;
use serde::{Deserialize, Serialize};

/// Platform roles, separate from roles inside an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlatformRole {
    User,
    Moderator,
    Admin,
}

impl PlatformRole {
    pub fn code(self) -> &'static str {
        match self {
            PlatformRole::User => "user",
            PlatformRole::Moderator => "moderator",
            PlatformRole::Admin => "admin",
        }
    }
    pub fn parse(code: &str) -> PlatformRole {
        match code {
            "admin" => PlatformRole::Admin,
            "moderator" => PlatformRole::Moderator,
            _ => PlatformRole::User,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OrgRole {
    Viewer,
    Editor,
    Owner,
}

impl OrgRole {
    pub const ALL: [OrgRole; 3] = [OrgRole::Owner, OrgRole::Editor, OrgRole::Viewer];

    pub fn code(self) -> &'static str {
        match self {
            OrgRole::Owner => "owner",
            OrgRole::Editor => "editor",
            OrgRole::Viewer => "viewer",
        }
    }

    pub fn parse(code: &str) -> Option<OrgRole> {
        OrgRole::ALL.into_iter().find(|r| r.code() == code.trim())
    }
}

/// Who is acting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Principal {
    Anonymous,
    User {
        user_id: i32,
        email_confirmed: bool,
        platform_role: PlatformRole,
        /// The user's role in the organisation the action is about, if any.
        role_in_organisation: Option<OrgRole>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Create a new organisation (the creator becomes its owner).
    CreateOrganisation,
    /// Edit an organisation's profile.
    EditOrganisation,
    /// See the member list of an organisation.
    ViewMembers,
    /// Invite members, change their roles, remove them.
    ManageMembers,
    /// See an organisation that moderators hid or suspended.
    ViewHiddenOrganisation,
    /// Read the audit log and the development mailbox.
    ViewAuditLog,
    /// Ask for the organisation to be verified.
    SubmitVerification,
    /// Decide verification requests and reports (hide, suspend, dismiss).
    Moderate,
    /// Report an organisation for fraud or spam.
    ReportOrganisation,
    /// Create, edit, publish, renew and archive the organisation's listings, import them from CSV.
    EditListings,
    /// Report a listing of another organisation.
    ReportListing,
    /// See an organisation's listings that are not public (drafts, held, expired, archived).
    ViewPrivateListings,
    /// Endorse another organisation on behalf of one's own (the role is in the endorsing
    /// organisation; which organisations may endorse which is `may_endorse`).
    Endorse,
    /// Give an account a platform role (user, moderator, administrator).
    SetPlatformRoles,
    /// Ask another organisation for an introduction on behalf of one's own (the role is in the
    /// asking organisation), and write in the threads of its accepted introductions.
    RequestIntroduction,
    /// Accept or decline an introduction asked of one's organisation, block or report its sender
    /// (the role is in the asked organisation).
    AnswerIntroduction,
    /// Read an organisation's introductions and their threads (any member; moderators do not
    /// read private correspondence).
    ReadIntroductions,
    /// Post a notice on a border gate's market board (any account: border residents need no
    /// organisation and no confirmed e-mail; every notice waits for a moderator).
    PostBoardNotice,
    /// Approve or reject board notices of a gate (platform moderators, and editors of the trade
    /// office of the gate's province: a verified government organisation there — the role is
    /// in that organisation, which `board::may_moderate` finds).
    ModerateBoard,
}

impl Action {
    pub const ALL: [Action; 19] = [
        Action::CreateOrganisation,
        Action::EditOrganisation,
        Action::ViewMembers,
        Action::ManageMembers,
        Action::ViewHiddenOrganisation,
        Action::ViewAuditLog,
        Action::SubmitVerification,
        Action::Moderate,
        Action::ReportOrganisation,
        Action::EditListings,
        Action::ReportListing,
        Action::ViewPrivateListings,
        Action::Endorse,
        Action::SetPlatformRoles,
        Action::RequestIntroduction,
        Action::AnswerIntroduction,
        Action::ReadIntroductions,
        Action::PostBoardNotice,
        Action::ModerateBoard,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Action::CreateOrganisation => "create_organisation",
            Action::EditOrganisation => "edit_organisation",
            Action::ViewMembers => "view_members",
            Action::ManageMembers => "manage_members",
            Action::ViewHiddenOrganisation => "view_hidden_organisation",
            Action::ViewAuditLog => "view_audit_log",
            Action::SubmitVerification => "submit_verification",
            Action::Moderate => "moderate",
            Action::ReportOrganisation => "report_organisation",
            Action::EditListings => "edit_listings",
            Action::ReportListing => "report_listing",
            Action::ViewPrivateListings => "view_private_listings",
            Action::Endorse => "endorse",
            Action::SetPlatformRoles => "set_platform_roles",
            Action::RequestIntroduction => "request_introduction",
            Action::AnswerIntroduction => "answer_introduction",
            Action::ReadIntroductions => "read_introductions",
            Action::PostBoardNotice => "post_board_notice",
            Action::ModerateBoard => "moderate_board",
        }
    }
}

pub fn allowed(principal: &Principal, action: Action) -> bool {
    let Principal::User {
        email_confirmed,
        platform_role,
        role_in_organisation,
        ..
    } = principal
    else {
        return false;
    };
    let is_admin = *platform_role == PlatformRole::Admin;
    let is_moderator = *platform_role != PlatformRole::User;
    let role = *role_in_organisation;
    match action {
        // Publishing anything needs a confirmed address.
        Action::CreateOrganisation => *email_confirmed,
        Action::EditOrganisation => *email_confirmed && role >= Some(OrgRole::Editor),
        Action::ViewMembers => role.is_some() || is_moderator,
        Action::ManageMembers => *email_confirmed && role == Some(OrgRole::Owner),
        Action::ViewHiddenOrganisation => role.is_some() || is_moderator,
        Action::ViewAuditLog => is_admin,
        Action::SubmitVerification => *email_confirmed && role == Some(OrgRole::Owner),
        Action::Moderate => is_moderator,
        // Anyone signed in may report, except about their own organisation.
        Action::ReportOrganisation => role.is_none(),
        Action::EditListings => *email_confirmed && role >= Some(OrgRole::Editor),
        Action::ReportListing => role.is_none(),
        Action::ViewPrivateListings => role.is_some() || is_moderator,
        Action::Endorse => *email_confirmed && role >= Some(OrgRole::Editor),
        Action::SetPlatformRoles => is_admin,
        // Speaking for an organisation to another one needs a confirmed address and the right
        // to edit what it publishes.
        Action::RequestIntroduction | Action::AnswerIntroduction => *email_confirmed && role >= Some(OrgRole::Editor),
        Action::ReadIntroductions => role.is_some(),
        Action::PostBoardNotice => true,
        Action::ModerateBoard => is_moderator || (*email_confirmed && role >= Some(OrgRole::Editor)),
    }
}

/// `Ok` when allowed; `Unauthorized` for the anonymous, `Forbidden` otherwise.
pub fn authorise(principal: &Principal, action: Action) -> Result<(), AppError> {
    if allowed(principal, action) {
        Ok(())
    } else if *principal == Principal::Anonymous {
        Err(AppError::Unauthorized)
    } else {
        Err(AppError::Forbidden)
    }
}

/// What an endorsement decision needs to know of an organisation.
#[derive(Clone, Copy, Debug)]
pub struct OrgFacts<'a> {
    pub id: i32,
    pub kind: &'a str,
    pub country: &'a str,
}

/// Whether `principal` (with their role in `endorser`) may endorse `target` on its behalf: an
/// embassy endorses other organisations of its own country.
pub fn may_endorse(principal: &Principal, endorser: OrgFacts<'_>, target: OrgFacts<'_>) -> bool {
    allowed(principal, Action::Endorse)
        && endorser.kind == "embassy"
        && endorser.country == target.country
        && endorser.id != target.id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_embassys_editor_endorses_and_only_its_own_country() {
        let editor = Principal::User {
            user_id: 1,
            email_confirmed: true,
            platform_role: PlatformRole::User,
            role_in_organisation: Some(OrgRole::Editor),
        };
        let embassy = OrgFacts {
            id: 1,
            kind: "embassy",
            country: "LA",
        };
        let trader = OrgFacts {
            id: 2,
            kind: "trader",
            country: "LA",
        };
        let vn_trader = OrgFacts {
            id: 3,
            kind: "trader",
            country: "VN",
        };
        assert!(may_endorse(&editor, embassy, trader));
        assert!(!may_endorse(&editor, embassy, vn_trader));
        assert!(!may_endorse(&editor, embassy, embassy));
        assert!(!may_endorse(&editor, trader, vn_trader));
        let viewer = Principal::User {
            user_id: 1,
            email_confirmed: true,
            platform_role: PlatformRole::User,
            role_in_organisation: Some(OrgRole::Viewer),
        };
        assert!(!may_endorse(&viewer, embassy, trader));
        assert!(!may_endorse(&Principal::Anonymous, embassy, trader));
    }
}
