use crate::errors::AppError;
use crate::model::ModerationQueueView;
use leptos::prelude::*;

/// Pending verification requests and open reports (moderators and administrators).
#[server(prefix = "/_fn", endpoint = "moderation/queue")]
pub async fn moderation_queue() -> Result<ModerationQueueView, AppError> {
    crate::state::with_status(
        async move {
            use crate::model::{QueuedReport, QueuedVerification};
            let db = crate::state::db()?;
            let user = crate::state::require_user()?;
            let (verifications, reports) = crate::domain::trust::queue(&db, &user).await?;
            let date = |d: chrono::DateTime<chrono::Utc>| d.format("%Y-%m-%d %H:%M UTC").to_string();
            Ok(ModerationQueueView {
                verifications: verifications
                    .into_iter()
                    .map(|(r, o)| QueuedVerification {
                        document: r.document_path.map(|f| format!("/moderation/evidence/{f}")),
                        id: r.id,
                        verified_at: o.verified_at.map(|d| d.format("%Y-%m-%d").to_string()),
                        organisation: o.name,
                        slug: o.slug,
                        registration_number: r.registration_number,
                        evidence: r.evidence,
                        created_at: date(r.created_at),
                    })
                    .collect(),
                reports: reports
                    .into_iter()
                    .map(|(r, o)| QueuedReport {
                        id: r.id,
                        verified_at: o.verified_at.map(|d| d.format("%Y-%m-%d").to_string()),
                        organisation: o.name,
                        slug: o.slug,
                        reason: r.reason,
                        details: r.details,
                        created_at: date(r.created_at),
                    })
                    .collect(),
            })
        }
        .await,
    )
}
