use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::{SearchParams, SearchResults};
use leptos::prelude::*;

/// The search page's results: the same domain function as `GET /api/v1/search`.
#[server(prefix = "/_fn", endpoint = "search/run")]
pub async fn run_search(params: SearchParams, lang: Lang) -> Result<SearchResults, AppError> {
    crate::state::with_status(
        async move {
            let state = use_context::<crate::state::AppState>()
                .ok_or_else(|| AppError::internal("AppState missing from context"))?;
            let reference = state.reference.get(&state.db).await?;
            crate::domain::search::query::search_with(
                &state.db,
                Some(&reference),
                state.search.as_deref(),
                &params,
                lang,
            )
            .await
        }
        .await,
    )
}
