use crate::errors::AppError;
use crate::model::SourceEntry;
use leptos::prelude::*;

#[server(endpoint = "sources/list")]
pub async fn list_sources() -> Result<Vec<SourceEntry>, AppError> {
    let db = crate::state::db()?;
    Ok(crate::domain::sources::all(&db).await?)
}
