use crate::errors::AppError;
use crate::model::{ListingView, LogisticsView};
use leptos::prelude::*;

/// What an organisation's profile shows beyond the organisation: its public listings and, for
/// logistics providers, their services profile.
#[server(prefix = "/_fn", endpoint = "listings/of-organisation")]
pub async fn get_organisation_offer(
    slug: String,
    lang: crate::i18n::Lang,
) -> Result<(Vec<ListingView>, Option<LogisticsView>), AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let viewer = crate::state::current_user();
            let reference = crate::state::reference().await?;
            let filters = crate::model::ListingFilters {
                organisation: slug.clone(),
                ..Default::default()
            };
            // The listings and the services profile do not depend on each other.
            let (page, logistics) = tokio::try_join!(
                crate::domain::listings::browse::browse_with(
                    &db,
                    Some(&reference),
                    &filters,
                    viewer.as_ref(),
                    lang,
                    20
                ),
                async {
                    let org = crate::domain::organisations::find_by_slug(&db, &slug).await?;
                    crate::domain::listings::logistics::of_organisation_with(&db, Some(&reference), org.id).await
                },
            )?;
            Ok((page.items, logistics))
        }
        .await,
    )
}
