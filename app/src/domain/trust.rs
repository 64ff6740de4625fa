//! Trust: verification by moderators, endorsement by embassies and trade offices of their own
//! country, reports of organisations (filed through `reports`) and the moderation that answers
//! them. Each step is audited.
use super::accounts::CurrentUser;
use super::audit;
use super::entities::{endorsement, organisation, report, verification_request};
use super::organisations::{find_by_slug, principal, role_of};
use super::policy::{authorise, may_endorse, Action, OrgFacts};
use crate::errors::AppError;
use crate::i18n::Msg;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};

/// An owner asks for verification with the registration number and a note on the evidence.
pub async fn submit_verification(
    db: &DatabaseConnection,
    user: &CurrentUser,
    slug: &str,
    registration_number: &str,
    evidence: &str,
    document: Option<(&std::path::Path, &[u8])>,
) -> Result<(), AppError> {
    let org = find_by_slug(db, slug).await?;
    authorise(
        &principal(db, Some(user), Some(org.id)).await?,
        Action::SubmitVerification,
    )?;
    let registration_number = super::text::field_line(registration_number, "registration_number", 60, true)?;
    let evidence = super::text::field_block(evidence, "evidence", 4000, true)?;
    let pending = verification_request::Entity::find()
        .filter(verification_request::Column::OrganisationId.eq(org.id))
        .filter(verification_request::Column::Status.eq(crate::statuses::VerificationStatus::Pending))
        .count(db)
        .await?;
    if pending > 0 {
        return Err(AppError::invalid("evidence", Msg::ErrVerificationPending));
    }
    let document_path = match document {
        Some((data_dir, bytes)) if !bytes.is_empty() => {
            Some(super::logo::store_document(data_dir, org.id, bytes).await?)
        }
        _ => None,
    };
    let txn = crate::domain::db::begin_write(db).await?;
    verification_request::ActiveModel {
        organisation_id: Set(org.id),
        submitted_by: Set(Some(user.user_id)),
        registration_number: Set(registration_number),
        evidence: Set(evidence),
        status: Set(crate::statuses::VerificationStatus::Pending.code().into()),
        decided_by: Set(None),
        decided_at: Set(None),
        reason: Set(None),
        created_at: Set(Utc::now()),
        document_path: Set(document_path),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Some(user.user_id),
        "verification.submit",
        "organisation",
        slug,
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A moderator verifies or rejects (with a reason) a pending request.
pub async fn decide_verification(
    db: &DatabaseConnection,
    moderator: &CurrentUser,
    request_id: i32,
    approve: bool,
    reason: &str,
) -> Result<organisation::Model, AppError> {
    authorise(&principal(db, Some(moderator), None).await?, Action::Moderate)?;
    let request = verification_request::Entity::find_by_id(request_id)
        .one(db)
        .await?
        .filter(|r| crate::statuses::VerificationStatus::Pending.is(&r.status))
        .ok_or(AppError::NotFound)?;
    let reason = super::text::field_block(reason, "reason", 1000, !approve)?;
    let org = organisation::Entity::find_by_id(request.organisation_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = Utc::now();
    let txn = crate::domain::db::begin_write(db).await?;
    let mut decided: verification_request::ActiveModel = request.into();
    decided.status = Set(if approve {
        crate::statuses::VerificationStatus::Verified
    } else {
        crate::statuses::VerificationStatus::Rejected
    }
    .code()
    .into());
    decided.decided_by = Set(Some(moderator.user_id));
    decided.decided_at = Set(Some(now));
    decided.reason = Set((!reason.is_empty()).then_some(reason));
    decided.update(&txn).await?;
    let mut active: organisation::ActiveModel = org.clone().into();
    if approve {
        active.verified_at = Set(Some(now));
    }
    let org = active.update(&txn).await?;
    if approve {
        super::listings::store::set_org_verified(&txn, org.id, true).await?;
    }
    let action = if approve {
        "verification.approve"
    } else {
        "verification.reject"
    };
    audit::record(
        &txn,
        Some(moderator.user_id),
        action,
        "organisation",
        &org.slug,
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(org)
}

fn facts(org: &organisation::Model) -> OrgFacts<'_> {
    OrgFacts {
        id: org.id,
        kind: &org.kind,
        country: &org.country,
    }
}

/// The viewer's active organisation, when it may endorse `target` on the viewer's behalf
/// (`policy::may_endorse`).
pub async fn can_endorse(
    db: &DatabaseConnection,
    user: &CurrentUser,
    target: &organisation::Model,
) -> Result<Option<organisation::Model>, AppError> {
    let Some(endorser) = super::organisations::active_of(db, user).await? else {
        return Ok(None);
    };
    let role = role_of(db, user.user_id, endorser.id).await?;
    let ok = may_endorse(&user.principal(role), facts(&endorser), facts(target));
    Ok(ok.then_some(endorser))
}

pub async fn endorse(db: &DatabaseConnection, user: &CurrentUser, slug: &str) -> Result<(), AppError> {
    let target = find_by_slug(db, slug).await?;
    let endorser = can_endorse(db, user, &target).await?.ok_or(AppError::Forbidden)?;
    let existing = endorsement::Entity::find()
        .filter(endorsement::Column::OrganisationId.eq(target.id))
        .filter(endorsement::Column::EndorserOrganisationId.eq(endorser.id))
        .filter(endorsement::Column::WithdrawnAt.is_null())
        .count(db)
        .await?;
    if existing > 0 {
        return Ok(());
    }
    let txn = crate::domain::db::begin_write(db).await?;
    endorsement::ActiveModel {
        organisation_id: Set(target.id),
        endorser_organisation_id: Set(endorser.id),
        endorsed_by: Set(Some(user.user_id)),
        created_at: Set(Utc::now()),
        withdrawn_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let details = format!("{{\"endorser\":{:?}}}", endorser.slug);
    audit::record(
        &txn,
        Some(user.user_id),
        "endorsement.add",
        "organisation",
        slug,
        None,
        &details,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Withdraws the active organisation's endorsement of `slug`.
pub async fn withdraw_endorsement(db: &DatabaseConnection, user: &CurrentUser, slug: &str) -> Result<(), AppError> {
    let target = find_by_slug(db, slug).await?;
    let endorser = can_endorse(db, user, &target).await?.ok_or(AppError::Forbidden)?;
    let txn = crate::domain::db::begin_write(db).await?;
    let open = endorsement::Entity::find()
        .filter(endorsement::Column::OrganisationId.eq(target.id))
        .filter(endorsement::Column::EndorserOrganisationId.eq(endorser.id))
        .filter(endorsement::Column::WithdrawnAt.is_null())
        .all(&txn)
        .await?;
    for e in open {
        let mut e: endorsement::ActiveModel = e.into();
        e.withdrawn_at = Set(Some(Utc::now()));
        e.update(&txn).await?;
    }
    audit::record(
        &txn,
        Some(user.user_id),
        "endorsement.withdraw",
        "organisation",
        slug,
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Current endorsements of an organisation: (endorser, since).
pub async fn endorsements_of(
    db: &DatabaseConnection,
    organisation_id: i32,
) -> Result<Vec<(organisation::Model, chrono::DateTime<Utc>)>, AppError> {
    let rows = endorsement::Entity::find()
        .filter(endorsement::Column::OrganisationId.eq(organisation_id))
        .filter(endorsement::Column::WithdrawnAt.is_null())
        .order_by_asc(endorsement::Column::CreatedAt)
        .all(db)
        .await?;
    let endorsers = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(rows.iter().map(|r| r.endorser_organisation_id)))
        .all(db)
        .await?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let e = endorsers.iter().find(|o| o.id == r.endorser_organisation_id)?;
            Some((e.clone(), r.created_at))
        })
        .collect())
}

/// Any signed-in user reports an organisation.
pub async fn report_organisation(
    db: &DatabaseConnection,
    user: &CurrentUser,
    slug: &str,
    reason: &str,
    details: &str,
) -> Result<(), AppError> {
    let org = find_by_slug(db, slug).await?;
    authorise(
        &principal(db, Some(user), Some(org.id)).await?,
        Action::ReportOrganisation,
    )?;
    super::reports::file(db, user, "organisation", org.id, slug, reason, details, true).await
}

/// A moderator answers an open report: `dismiss`, `hide` or `suspend` the organisation.
pub async fn moderate_report(
    db: &DatabaseConnection,
    moderator: &CurrentUser,
    report_id: i32,
    outcome: &str,
) -> Result<(), AppError> {
    authorise(&principal(db, Some(moderator), None).await?, Action::Moderate)?;
    use crate::statuses::{OrgStatus, ReportStatus};
    let (status, org_status) = match outcome {
        "dismiss" => (ReportStatus::Dismissed, None),
        "hide" => (ReportStatus::Hidden, Some(OrgStatus::Hidden)),
        "suspend" => (ReportStatus::Suspended, Some(OrgStatus::Suspended)),
        _ => return Err(AppError::invalid("outcome", Msg::ErrChooseOne)),
    };
    let found = report::Entity::find_by_id(report_id)
        .one(db)
        .await?
        .filter(|r| crate::statuses::ReportStatus::Open.is(&r.status))
        .ok_or(AppError::NotFound)?;
    let org = organisation::Entity::find_by_id(found.subject_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let txn = crate::domain::db::begin_write(db).await?;
    let mut decided: report::ActiveModel = found.into();
    decided.status = Set(status.code().into());
    decided.decided_by = Set(Some(moderator.user_id));
    decided.decided_at = Set(Some(Utc::now()));
    decided.update(&txn).await?;
    if let Some(org_status) = org_status {
        let mut active: organisation::ActiveModel = org.clone().into();
        active.status = Set(org_status.code().into());
        active.update(&txn).await?;
        // Hidden or suspended: its listings leave the search index.
        super::search::outbox::organisation_and_its_listings_changed(&txn, org.id).await?;
    }
    let details = format!("{{\"report\":{report_id},\"outcome\":\"{}\"}}", status.code());
    audit::record(
        &txn,
        Some(moderator.user_id),
        "moderation.report",
        "organisation",
        &org.slug,
        None,
        &details,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// What waits for moderators: pending verifications and open reports, oldest first.
pub async fn queue(
    db: &DatabaseConnection,
    moderator: &CurrentUser,
) -> Result<
    (
        Vec<(verification_request::Model, organisation::Model)>,
        Vec<(report::Model, organisation::Model)>,
    ),
    AppError,
> {
    authorise(&principal(db, Some(moderator), None).await?, Action::Moderate)?;
    let requests = verification_request::Entity::find()
        .filter(verification_request::Column::Status.eq(crate::statuses::VerificationStatus::Pending))
        .order_by_asc(verification_request::Column::CreatedAt)
        .all(db)
        .await?;
    let reports = report::Entity::find()
        .filter(report::Column::SubjectType.eq("organisation"))
        .filter(report::Column::Status.eq(crate::statuses::ReportStatus::Open))
        .order_by_asc(report::Column::CreatedAt)
        .all(db)
        .await?;
    let ids: Vec<i32> = requests
        .iter()
        .map(|r| r.organisation_id)
        .chain(reports.iter().map(|r| r.subject_id))
        .collect();
    let orgs = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let org = |id: i32| orgs.iter().find(|o| o.id == id).cloned();
    Ok((
        requests
            .into_iter()
            .filter_map(|r| org(r.organisation_id).map(|o| (r, o)))
            .collect(),
        reports
            .into_iter()
            .filter_map(|r| org(r.subject_id).map(|o| (r, o)))
            .collect(),
    ))
}
