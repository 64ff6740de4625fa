pub mod get_invitation;
pub mod get_organisation;
pub mod list_members;
pub mod list_my_organisations;

/// The view of an organisation for a viewer (server only).
#[cfg(feature = "ssr")]
pub(crate) async fn org_view(
    db: &sea_orm::DatabaseConnection,
    viewer: Option<&crate::domain::accounts::CurrentUser>,
    org: crate::domain::entities::organisation::Model,
) -> Result<crate::model::OrgView, crate::errors::AppError> {
    use crate::domain::organisations::principal;
    use crate::domain::policy::{allowed, Action, Principal};
    let who = principal(db, viewer, Some(org.id)).await?;
    let viewer_role = match &who {
        Principal::User {
            role_in_organisation, ..
        } => role_in_organisation.map(|r| r.code().to_owned()),
        Principal::Anonymous => None,
    };
    Ok(crate::model::OrgView {
        can_edit: allowed(&who, Action::EditOrganisation),
        can_manage_members: allowed(&who, Action::ManageMembers),
        viewer_role,
        slug: org.slug,
        name: org.name,
        kind: org.kind,
        country: org.country,
        registration_number: org.registration_number,
        website: org.website,
        description: crate::model::Names {
            vi: org.description_vi.unwrap_or_default(),
            lo: org.description_lo.unwrap_or_default(),
            en: org.description_en.unwrap_or_default(),
        },
        status: org.status,
        verified_at: org.verified_at.map(|d| d.format("%Y-%m-%d").to_string()),
        created_at: org.created_at.format("%Y-%m-%d").to_string(),
    })
}
