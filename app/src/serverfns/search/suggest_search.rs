use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::Suggestion;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// Titles completing what the reader is typing in a search box (the `SearchBox` island calls
/// this as they type): the same domain function as `GET /api/v1/search/suggest`. A read, so a GET.
#[server(prefix = "/_fn", endpoint = "search/suggest", input = GetUrl)]
pub async fn suggest_search(q: String, lang: Lang) -> Result<Vec<Suggestion>, AppError> {
    crate::state::with_status(
        async move {
            let state = use_context::<crate::state::AppState>()
                .ok_or_else(|| AppError::internal("AppState missing from context"))?;
            let limit = crate::domain::search::suggest::DEFAULT_LIMIT;
            crate::domain::search::suggestions(state.search.as_deref(), &q, lang, limit).await
        }
        .await,
    )
}
