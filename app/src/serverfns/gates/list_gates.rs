use crate::errors::AppError;
use crate::model::{GateFilter, GateRow};
use leptos::prelude::*;

/// Gates matching a filter (the gate list island calls this as filters change).
#[server(prefix = "/_fn", endpoint = "gates/list")]
pub async fn list_gates(filter: GateFilter) -> Result<Vec<GateRow>, AppError> {
    crate::state::with_status(
        async move {
            let reference = crate::state::reference().await?;
            Ok(crate::domain::gates::list(&reference, &filter))
        }
        .await,
    )
}
