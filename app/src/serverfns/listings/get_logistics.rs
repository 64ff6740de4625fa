use crate::errors::AppError;
use crate::model::{ListingView, LogisticsView};
use leptos::prelude::*;

/// What an organisation's profile shows beyond the organisation: its public listings and, for
/// logistics providers, their services profile.
#[server(endpoint = "listings/of-organisation")]
pub async fn get_organisation_offer(
    slug: String,
    lang: crate::i18n::Lang,
) -> Result<(Vec<ListingView>, Option<LogisticsView>), AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let viewer = crate::state::current_user();
            let org = crate::domain::organisations::find_by_slug(&db, &slug).await?;
            let filters = crate::model::ListingFilters {
                organisation: slug.clone(),
                ..Default::default()
            };
            let listings = crate::domain::listings::browse::browse(&db, &filters, viewer.as_ref(), lang, 20)
                .await?
                .items;
            let logistics = crate::domain::listings::logistics::of_organisation(&db, org.id).await?;
            Ok((listings, logistics))
        }
        .await,
    )
}
