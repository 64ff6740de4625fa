use crate::errors::AppError;
use crate::model::SourceEntry;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "sources/list")]
pub async fn list_sources() -> Result<Vec<SourceEntry>, AppError> {
    crate::state::with_status(
        async move {
            let reference = crate::state::reference().await?;
            Ok(crate::domain::sources::all_from(&reference))
        }
        .await,
    )
}
