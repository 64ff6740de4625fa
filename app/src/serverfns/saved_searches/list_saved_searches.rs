use crate::errors::AppError;
use crate::model::SavedSearchView;
use leptos::prelude::*;

/// The signed-in user's saved searches.
#[server(prefix = "/_fn", endpoint = "saved-searches/list")]
pub async fn list_saved_searches() -> Result<Vec<SavedSearchView>, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let user = crate::state::require_user()?;
            crate::domain::saved_searches::list(&db, &user).await
        }
        .await,
    )
}
