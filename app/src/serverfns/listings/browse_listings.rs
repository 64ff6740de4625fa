use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::{ListingFilters, ListingPage};
use leptos::prelude::*;

/// One page of public listings with filters (newest first, by cursor).
#[server(prefix = "/_fn", endpoint = "listings/browse")]
pub async fn browse_listings(filters: ListingFilters, lang: Lang) -> Result<ListingPage, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let viewer = crate::state::current_user();
            let reference = crate::state::reference().await?;
            crate::domain::listings::browse::browse_with(
                &db,
                Some(&reference),
                &filters,
                viewer.as_ref(),
                lang,
                crate::domain::listings::browse::PAGE_SIZE,
            )
            .await
        }
        .await,
    )
}
