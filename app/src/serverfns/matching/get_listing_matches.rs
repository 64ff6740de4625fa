use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::MatchesView;
use leptos::prelude::*;

/// The matches of one of the viewer's organisation's listings.
#[server(prefix = "/_fn", endpoint = "matching/listing")]
pub async fn get_listing_matches(id: i32, lang: Lang) -> Result<MatchesView, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let user = crate::state::require_user()?;
            let reference = crate::state::reference().await?;
            crate::domain::matching::for_listing(
                &db,
                Some(&reference),
                crate::domain::actor::Actor::User(&user),
                id,
                lang,
            )
            .await
        }
        .await,
    )
}
