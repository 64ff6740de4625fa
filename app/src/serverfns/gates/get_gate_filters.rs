use crate::errors::AppError;
use crate::model::GateFilterOptions;
use leptos::prelude::*;

/// The provinces offered by the gate filters, and the number of gates.
#[server(prefix = "/_fn", endpoint = "gates/filters")]
pub async fn get_gate_filters() -> Result<GateFilterOptions, AppError> {
    crate::state::with_status(
        async move {
            let reference = crate::state::reference().await?;
            let (vn_provinces, la_provinces) = crate::domain::gates::province_options(&reference);
            let total_gates = reference.gates().len() as u64;
            Ok(GateFilterOptions {
                vn_provinces,
                la_provinces,
                total_gates,
            })
        }
        .await,
    )
}
