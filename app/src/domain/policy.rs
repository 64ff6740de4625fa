//! The one place that decides permissions: `allowed(principal, action, organisation)`.
//! Every form handler and server function asks here; the authorisation matrix test
//! (`data/authz_matrix.csv`) pins the whole table down.
use super::accounts::PlatformRole;
use serde::{Deserialize, Serialize};

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
}

impl Action {
    pub const ALL: [Action; 11] = [
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
    }
}
