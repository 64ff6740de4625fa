use crate::errors::AppError;
use crate::model::IntroductionContext;
use leptos::prelude::*;

/// What the "request an introduction" form shows the viewer, about a listing (`listing`) or an
/// organisation (`organisation`, a slug).
#[server(prefix = "/_fn", endpoint = "introductions/context")]
pub async fn get_introduction_context(
    listing: Option<i32>,
    organisation: Option<String>,
) -> Result<IntroductionContext, AppError> {
    use crate::domain::introductions::{context, Target};
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let viewer = crate::state::current_user();
            let target = match (listing, organisation) {
                (Some(id), _) => Target::Listing(id),
                (None, Some(slug)) => Target::Organisation(slug),
                (None, None) => return Err(AppError::NotFound),
            };
            context(&db, viewer.as_ref(), &target).await
        }
        .await,
    )
}
