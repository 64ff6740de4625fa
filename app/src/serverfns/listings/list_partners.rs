use crate::errors::AppError;
use crate::model::LogisticsPartner;
use leptos::prelude::*;

/// Logistics providers covering a gate and offering a service (both optional).
#[server(prefix = "/_fn", endpoint = "listings/partners")]
pub async fn list_partners(gate: String, service: String) -> Result<Vec<LogisticsPartner>, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let reference = crate::state::reference().await?;
            crate::domain::listings::logistics::partners(&db, Some(&reference), &gate, &service).await
        }
        .await,
    )
}
