use crate::errors::AppError;
use leptos::prelude::*;

/// Listings waiting for moderators: open reports (id, reason, details) and held listings.
#[server(prefix = "/_fn", endpoint = "listings/queue")]
pub async fn listing_queue() -> Result<Vec<crate::model::QueuedListing>, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let user = crate::state::require_user()?;
            crate::domain::listings::moderation::queue(&db, &user).await
        }
        .await,
    )
}
