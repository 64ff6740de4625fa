use crate::errors::AppError;
use crate::model::ProvinceOption;
use leptos::prelude::*;

/// The provinces offered by the gate filters: (Vietnamese, Lao).
#[server(endpoint = "gates/filters")]
pub async fn get_gate_filters() -> Result<(Vec<ProvinceOption>, Vec<ProvinceOption>), AppError> {
    let db = crate::state::db()?;
    Ok(crate::domain::gates::province_options(&db).await?)
}
