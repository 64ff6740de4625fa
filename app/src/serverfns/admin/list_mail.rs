use crate::errors::AppError;
use crate::model::MailView;
use leptos::prelude::*;

/// The newest outgoing mails (administrators only).
#[server(prefix = "/_fn", endpoint = "admin/mail")]
pub async fn list_mail() -> Result<Vec<MailView>, AppError> {
    crate::state::with_status(
        async move {
            crate::state::require(crate::domain::policy::Action::ViewAuditLog)?;
            let db = crate::state::db()?;
            Ok(crate::domain::mail::recent(&db, 100)
                .await?
                .into_iter()
                .map(|m| MailView {
                    id: m.id,
                    recipient: m.recipient,
                    subject: m.subject,
                    body: m.body,
                    created_at: m.created_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                    sent_at: m.sent_at.map(|s| s.format("%Y-%m-%d %H:%M:%S UTC").to_string()),
                    attempts: m.attempts,
                    last_error: m.last_error,
                })
                .collect())
        }
        .await,
    )
}
