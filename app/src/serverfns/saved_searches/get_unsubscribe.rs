use crate::errors::AppError;
use leptos::prelude::*;

/// The name of the saved search an unsubscribe link stops (no sign-in: the link's secret is the
/// key).
#[server(prefix = "/_fn", endpoint = "saved-searches/unsubscribe")]
pub async fn get_unsubscribe(token: String) -> Result<String, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            Ok(crate::domain::saved_searches::by_token(&db, &token).await?.name)
        }
        .await,
    )
}
