use crate::errors::AppError;
use crate::model::MyOrgView;
use leptos::prelude::*;

/// The signed-in user's organisations, with the session's active one marked.
#[server(prefix = "/_fn", endpoint = "orgs/mine")]
pub async fn list_my_organisations() -> Result<Vec<MyOrgView>, AppError> {
    crate::state::with_status(
        async move {
            use crate::domain::organisations::{active_of, memberships_of};
            let db = crate::state::db()?;
            let user = crate::state::require_user()?;
            let active = active_of(&db, &user).await?.map(|o| o.id);
            Ok(memberships_of(&db, user.user_id)
                .await?
                .into_iter()
                .map(|(org, role)| MyOrgView {
                    active: Some(org.id) == active,
                    verified_at: org.verified_at.map(|d| d.format("%Y-%m-%d").to_string()),
                    slug: org.slug,
                    name: org.name,
                    role: role.code().to_owned(),
                })
                .collect())
        }
        .await,
    )
}
