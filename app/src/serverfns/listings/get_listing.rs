use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::ListingView;
use leptos::prelude::*;

/// One listing, if the viewer may see it.
#[server(prefix = "/_fn", endpoint = "listings/get")]
pub async fn get_listing(id: i32, lang: Lang) -> Result<ListingView, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let viewer = crate::state::current_user();
            let reference = crate::state::reference().await?;
            crate::domain::listings::browse::get_with(&db, Some(&reference), id, viewer.as_ref(), lang).await
        }
        .await,
    )
}
