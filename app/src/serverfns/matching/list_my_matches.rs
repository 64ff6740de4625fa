use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::{ListingView, MatchesView};
use leptos::prelude::*;

/// The best matches of each published listing of the viewer's active organisation.
#[server(prefix = "/_fn", endpoint = "matching/mine")]
pub async fn list_my_matches(lang: Lang) -> Result<Vec<(ListingView, MatchesView)>, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let user = crate::state::require_user()?;
            let reference = crate::state::reference().await?;
            crate::domain::matching::for_organisation(
                &db,
                Some(&reference),
                crate::domain::actor::Actor::User(&user),
                lang,
            )
            .await
        }
        .await,
    )
}
