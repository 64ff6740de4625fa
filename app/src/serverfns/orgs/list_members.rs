use crate::errors::AppError;
use crate::model::MembersView;
use leptos::prelude::*;

/// Members of an organisation (members and moderators only).
#[server(prefix = "/_fn", endpoint = "orgs/members")]
pub async fn list_members(slug: String) -> Result<MembersView, AppError> {
    crate::state::with_status(
        async move {
            use crate::model::MemberView;
            let db = crate::state::db()?;
            let viewer = crate::state::require_user()?;
            let (org, members) = crate::domain::organisations::members(&db, &viewer, &slug).await?;
            Ok(MembersView {
                organisation: super::org_view(&db, Some(&viewer), org).await?,
                members: members
                    .into_iter()
                    .map(|(user, role)| MemberView {
                        user_id: user.id,
                        display_name: user.display_name,
                        email: user.email,
                        role: role.code().to_owned(),
                    })
                    .collect(),
            })
        }
        .await,
    )
}
