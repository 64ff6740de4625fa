use crate::errors::AppError;
use crate::model::SourceEntry;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "sources/list")]
pub async fn list_sources() -> Result<Vec<SourceEntry>, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            Ok(crate::domain::sources::all(&db).await?)
        }
        .await,
    )
}
