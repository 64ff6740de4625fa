use crate::errors::AppError;
use crate::model::GateDetail;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "gates/get")]
pub async fn get_gate(id: String) -> Result<GateDetail, AppError> {
    crate::state::with_status(
        async move {
            if id.len() > 64 {
                return Err(AppError::NotFound);
            }
            let reference = crate::state::reference().await?;
            crate::domain::gates::detail(&reference, &id).ok_or(AppError::NotFound)
        }
        .await,
    )
}
