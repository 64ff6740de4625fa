use crate::errors::AppError;
use crate::model::ListingView;
use leptos::prelude::*;

/// Listings waiting for moderators: open reports (id, reason, details) and held listings.
#[server(endpoint = "listings/queue")]
pub async fn listing_queue() -> Result<Vec<(Option<(i32, String, String)>, ListingView)>, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let user = crate::state::require_user()?;
            crate::domain::listings::moderation::queue(&db, &user).await
        }
        .await,
    )
}
