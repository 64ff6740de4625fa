use crate::errors::AppError;
use crate::model::HomeData;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "home")]
pub async fn get_home() -> Result<HomeData, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let reference = crate::state::reference().await?;
            Ok(crate::domain::home::load(&db, &reference).await?)
        }
        .await,
    )
}
