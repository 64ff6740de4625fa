//! Reports about listings and the moderators' decisions on them (release a held listing,
//! remove a reported or held one), each with an audit entry.
use super::browse::views;
use super::Status;
use crate::domain::accounts::CurrentUser;
use crate::domain::entities::{listing, report};
use crate::domain::listings::store;
use crate::domain::organisations::principal;
use crate::domain::policy::authorise;
use crate::domain::policy::Action;
use crate::errors::AppError;
use crate::i18n::Lang;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::HashSet;

/// A signed-in user who is not a member of the listing's organisation reports it.
pub async fn report(
    db: &DatabaseConnection,
    user: &CurrentUser,
    listing_id: i32,
    reason: &str,
    details: &str,
) -> Result<(), AppError> {
    let view = super::browse::get(db, listing_id, Some(user), Lang::En).await?;
    let row = listing::Entity::find_by_id(view.id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    authorise(
        &principal(db, Some(user), Some(row.organisation_id)).await?,
        Action::ReportListing,
    )?;
    crate::domain::reports::file(db, user, "listing", row.id, &row.id.to_string(), reason, details, false).await
}

/// Held listings and open listing reports, oldest first: (report id and reason, listing).
pub async fn queue(
    db: &DatabaseConnection,
    moderator: &CurrentUser,
) -> Result<Vec<crate::model::QueuedListing>, AppError> {
    authorise(&principal(db, Some(moderator), None).await?, Action::Moderate)?;
    let reports = report::Entity::find()
        .filter(report::Column::SubjectType.eq("listing"))
        .filter(report::Column::Status.eq(crate::statuses::ReportStatus::Open))
        .order_by_asc(report::Column::CreatedAt)
        .all(db)
        .await?;
    let held = listing::Entity::find()
        .filter(listing::Column::Status.eq(Status::Held.code()))
        .order_by_asc(listing::Column::UpdatedAt)
        .all(db)
        .await?;
    let reported_ids: Vec<i32> = reports.iter().map(|r| r.subject_id).collect();
    let reported = listing::Entity::find()
        .filter(listing::Column::Id.is_in(reported_ids))
        .all(db)
        .await?;
    let all: Vec<listing::Model> = held.into_iter().chain(reported).collect();
    let listed = views(db, all, Lang::En, &HashSet::new()).await?;
    let mut out: Vec<crate::model::QueuedListing> = Vec::new();
    for r in &reports {
        if let Some(v) = listed.iter().find(|v| v.id == r.subject_id) {
            out.push((Some((r.id, r.reason.clone(), r.details.clone())), v.clone()));
        }
    }
    for v in listed
        .iter()
        .filter(|v| v.status == crate::statuses::ListingState::Held)
    {
        if !out.iter().any(|(_, o)| o.id == v.id) {
            out.push((None, v.clone()));
        }
    }
    Ok(out)
}

/// Releases (publishes) or removes a listing; closes the report it answers, if any.
pub async fn decide(
    db: &DatabaseConnection,
    moderator: &CurrentUser,
    listing_id: i32,
    release: bool,
    report_id: Option<i32>,
) -> Result<(), AppError> {
    store::moderate(db, moderator, listing_id, release).await?;
    if let Some(report_id) = report_id {
        if let Some(found) = report::Entity::find_by_id(report_id).one(db).await?.filter(|r| {
            r.subject_type == "listing"
                && r.subject_id == listing_id
                && crate::statuses::ReportStatus::Open.is(&r.status)
        }) {
            let mut decided: report::ActiveModel = found.into();
            decided.status = Set(if release {
                crate::statuses::ReportStatus::Dismissed
            } else {
                crate::statuses::ReportStatus::Removed
            }
            .code()
            .into());
            decided.decided_by = Set(Some(moderator.user_id));
            decided.decided_at = Set(Some(Utc::now()));
            decided.update(db).await?;
        }
    }
    Ok(())
}
