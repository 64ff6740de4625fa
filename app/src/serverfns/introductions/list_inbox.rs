use crate::errors::AppError;
use crate::model::InboxView;
use leptos::prelude::*;

/// The introductions of the viewer's active organisation.
#[server(prefix = "/_fn", endpoint = "introductions/inbox")]
pub async fn list_inbox() -> Result<InboxView, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let user = crate::state::require_user()?;
            crate::domain::introductions::inbox(&db, crate::domain::actor::Actor::User(&user), 200).await
        }
        .await,
    )
}
