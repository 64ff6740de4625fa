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
            crate::domain::search::query::search(&state.db, state.search.as_deref(), &params, lang).await
        }
        .await,
    )
}
