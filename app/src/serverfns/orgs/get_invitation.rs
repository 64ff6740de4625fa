use crate::errors::AppError;
use leptos::prelude::*;

/// The name of the organisation an invitation link is for.
#[server(prefix = "/_fn", endpoint = "orgs/invitation")]
pub async fn get_invitation(token: String) -> Result<String, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            Ok(crate::domain::organisations::invitation_organisation(&db, &token)
                .await?
                .name)
        }
        .await,
    )
}
