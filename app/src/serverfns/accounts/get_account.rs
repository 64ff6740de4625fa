use crate::errors::AppError;
use crate::model::AccountView;
use leptos::prelude::*;

/// The signed-in user's account and sessions.
#[server(prefix = "/_fn", endpoint = "account/get")]
pub async fn get_account() -> Result<AccountView, AppError> {
    crate::state::with_status(
        async move {
            use crate::domain::{accounts::sessions, entities::user};
            use crate::model::SessionView;
            use sea_orm::EntityTrait;
            let current = crate::state::require_user()?;
            let db = crate::state::db()?;
            let account = user::Entity::find_by_id(current.user_id)
                .one(&db)
                .await?
                .ok_or(AppError::Unauthorized)?;
            let sessions = sessions::list(&db, current.user_id)
                .await?
                .into_iter()
                .map(|s| SessionView {
                    created_at: s.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                    last_seen_at: s.last_seen_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                    user_agent: s.user_agent,
                    client_addr: s.client_addr,
                    current: s.id == current.session_id,
                })
                .collect();
            Ok(AccountView {
                phone: account.phone,
                email: account.email,
                display_name: account.display_name,
                email_confirmed: account.email_confirmed_at.is_some(),
                sessions,
            })
        }
        .await,
    )
}
