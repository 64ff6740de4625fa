pub mod get_invitation;
pub mod get_organisation;
pub mod list_api_tokens;
pub mod list_members;
pub mod list_my_organisations;
pub mod list_provinces;
pub mod moderation_queue;

/// The view of an organisation for a viewer (server only).
#[cfg(feature = "ssr")]
pub(crate) async fn org_view(
    db: &sea_orm::DatabaseConnection,
    viewer: Option<&crate::domain::accounts::CurrentUser>,
    org: crate::domain::entities::organisation::Model,
) -> Result<crate::model::OrgView, crate::errors::AppError> {
    use crate::domain::organisations::principal;
    use crate::domain::policy::{allowed, Action, Principal};
    // Independent reads, run together rather than one after another.
    let verification_pending = async {
        use crate::domain::entities::verification_request as vr;
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        Ok::<_, crate::errors::AppError>(
            vr::Entity::find()
                .filter(vr::Column::OrganisationId.eq(org.id))
                .filter(vr::Column::Status.eq(crate::statuses::VerificationStatus::Pending))
                .count(db)
                .await?
                > 0,
        )
    };
    let endorser = async {
        match viewer {
            Some(viewer) => crate::domain::trust::can_endorse(db, viewer, &org).await,
            None => Ok(None),
        }
    };
    let (who, endorsements, endorser, verification_pending, reference, contact_visible) = tokio::try_join!(
        principal(db, viewer, Some(org.id)),
        crate::domain::trust::endorsements_of(db, org.id),
        endorser,
        verification_pending,
        crate::state::reference(),
        crate::domain::contacts::contacts_visible(db, viewer, org.id),
    )?;
    let contact = contact_visible.then(|| crate::domain::introductions::contact_card(&org, None));
    let viewer_role = match &who {
        Principal::User {
            role_in_organisation, ..
        } => role_in_organisation.map(|r| r.code().to_owned()),
        Principal::Anonymous => None,
    };
    Ok(crate::model::OrgView {
        investment: crate::domain::organisations::investment_view(&org, &reference),
        contact,
        endorsed_by_viewer: endorser
            .as_ref()
            .is_some_and(|e| endorsements.iter().any(|(endorser, _)| endorser.slug == e.slug)),
        can_endorse: endorser.is_some(),
        endorsements: endorsements
            .into_iter()
            .map(|(endorser, since)| crate::model::EndorsementView {
                endorser_verified_at: endorser.verified_at.map(|d| d.format("%Y-%m-%d").to_string()),
                endorser: endorser.name,
                endorser_slug: endorser.slug,
                since: since.format("%Y-%m-%d").to_string(),
            })
            .collect(),
        logo: org.logo_path.clone().map(|file| format!("/uploads/logos/{file}")),
        province: org
            .province_id
            .as_deref()
            .and_then(|id| reference.province(id))
            .map(|p| crate::model::Names {
                vi: p.name_vi.clone(),
                lo: p.name_lo.clone().unwrap_or_default(),
                en: p.name_en.clone(),
            }),
        province_id: org.province_id.clone(),
        sectors: crate::domain::listings::browse::split(&org.sectors),
        languages: crate::domain::listings::browse::split(&org.languages),
        can_submit_verification: allowed(&who, Action::SubmitVerification),
        verification_pending,
        can_report: allowed(&who, Action::ReportOrganisation),
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
        // A stored status no version of the site wrote: shown as it would be by default.
        status: crate::statuses::OrgStatus::parse(&org.status).unwrap_or(crate::statuses::OrgStatus::Active),
        verified_at: org.verified_at.map(|d| d.format("%Y-%m-%d").to_string()),
        created_at: org.created_at.format("%Y-%m-%d").to_string(),
    })
}
