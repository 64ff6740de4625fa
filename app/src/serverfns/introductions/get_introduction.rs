use crate::errors::AppError;
use crate::model::IntroductionView;
use leptos::prelude::*;

/// One introduction as the viewer's side sees it (read from then on).
#[server(prefix = "/_fn", endpoint = "introductions/get")]
pub async fn get_introduction(id: i32) -> Result<IntroductionView, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let user = crate::state::require_user()?;
            crate::domain::introductions::thread(&db, crate::domain::actor::Actor::User(&user), id).await
        }
        .await,
    )
}
