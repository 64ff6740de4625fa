use crate::errors::AppError;
use crate::model::{GateFilter, GateRow};
use leptos::prelude::*;

/// Gates matching a filter (the gate list island calls this as filters change).
#[server(endpoint = "gates/list")]
pub async fn list_gates(filter: GateFilter) -> Result<Vec<GateRow>, AppError> {
    let db = crate::state::db()?;
    Ok(crate::domain::gates::list(&db, &filter).await?)
}
