use crate::errors::AppError;
use crate::model::AuditView;
use leptos::prelude::*;

/// The newest audit-log entries (administrators only).
#[server(prefix = "/_fn", endpoint = "admin/audit")]
pub async fn list_audit() -> Result<Vec<AuditView>, AppError> {
    crate::state::with_status(
        async move {
            use crate::domain::entities::user;
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            use std::collections::HashMap;
            crate::state::require(crate::domain::policy::Action::ViewAuditLog)?;
            let db = crate::state::db()?;
            let entries = crate::domain::audit::recent(&db, 200).await?;
            let actor_ids: Vec<i32> = entries.iter().filter_map(|e| e.actor_user_id).collect();
            let actors: HashMap<i32, String> = user::Entity::find()
                .filter(user::Column::Id.is_in(actor_ids))
                .all(&db)
                .await?
                .into_iter()
                .map(|u| (u.id, u.email))
                .collect();
            Ok(entries
                .into_iter()
                .map(|e| AuditView {
                    at: e.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                    actor: e.actor_user_id.and_then(|id| actors.get(&id).cloned()),
                    action: e.action,
                    subject: format!("{} {}", e.subject_type, e.subject_id),
                    client_addr: e.client_addr,
                })
                .collect())
        }
        .await,
    )
}
