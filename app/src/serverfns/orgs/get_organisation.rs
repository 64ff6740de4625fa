use crate::errors::AppError;
use crate::model::OrgView;
use leptos::prelude::*;

/// An organisation's public profile (hidden or suspended ones only for members and moderators).
#[server(prefix = "/_fn", endpoint = "orgs/get")]
pub async fn get_organisation(slug: String) -> Result<OrgView, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let viewer = crate::state::current_user();
            let org = crate::domain::organisations::profile(&db, viewer.as_ref(), &slug).await?;
            super::org_view(&db, viewer.as_ref(), org).await
        }
        .await,
    )
}
