//! Reports of fraud, spam or abuse about anything on the site (an organisation, a listing; later a
//! sender of introductions): one table, one moderation queue. Whoever offers a "report" button
//! checks the permission first (`policy::Action::Report…`) and files it here.
use super::accounts::CurrentUser;
use super::audit;
use super::entities::report;
use crate::errors::AppError;
use crate::i18n::Msg;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection};

/// The reasons a report may give.
pub const REPORT_REASONS: [&str; 3] = ["fraud", "spam", "other"];

/// Checks a report (reason one of `REPORT_REASONS`, details at most 2,000 characters) and writes
/// it with its audit entry. The caller has checked that `user` may report the subject.
#[allow(clippy::too_many_arguments)]
pub async fn file(
    db: &DatabaseConnection,
    user: &CurrentUser,
    subject_type: &str,
    subject_id: i32,
    subject_key: &str,
    reason: &str,
    details: &str,
    details_required: bool,
) -> Result<(), AppError> {
    if !REPORT_REASONS.contains(&reason) {
        return Err(AppError::invalid("reason", Msg::ErrChooseOne));
    }
    let details = super::text::field_block(details, "details", 2000, details_required)?;
    let txn = crate::domain::db::begin_write(db).await?;
    report::ActiveModel {
        subject_type: Set(subject_type.into()),
        subject_id: Set(subject_id),
        reporter_id: Set(Some(user.user_id)),
        reason: Set(reason.to_owned()),
        details: Set(details),
        status: Set(crate::statuses::ReportStatus::Open.code().into()),
        decided_by: Set(None),
        decided_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Some(user.user_id),
        "report.create",
        subject_type,
        subject_key,
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
