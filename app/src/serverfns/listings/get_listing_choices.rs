use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::ListingChoices;
use leptos::prelude::*;

/// Provinces, gates, zones, HS chapters and the viewer's organisations, for filters and forms.
#[server(prefix = "/_fn", endpoint = "listings/choices")]
pub async fn get_listing_choices(lang: Lang) -> Result<ListingChoices, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let viewer = crate::state::current_user();
            let reference = crate::state::reference().await?;
            crate::domain::listings::browse::choices(&db, &reference, viewer.as_ref(), lang).await
        }
        .await,
    )
}
