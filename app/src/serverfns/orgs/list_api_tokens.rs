use crate::errors::AppError;
use crate::model::TokensView;
use leptos::prelude::*;

/// An organisation's API tokens (its editors and owners only).
#[server(prefix = "/_fn", endpoint = "orgs/tokens")]
pub async fn list_api_tokens(slug: String) -> Result<TokensView, AppError> {
    crate::state::with_status(
        async move {
            use crate::model::TokenView;
            let db = crate::state::db()?;
            let user = crate::state::require_user()?;
            let (org, tokens) = crate::domain::api_tokens::list(&db, &user, &slug).await?;
            let now = chrono::Utc::now();
            let date = |d: chrono::DateTime<chrono::Utc>| d.format("%Y-%m-%d").to_string();
            Ok(TokensView {
                organisation: org.name,
                verified_at: org.verified_at.map(|d| d.format("%Y-%m-%d").to_string()),
                slug: org.slug,
                tokens: tokens
                    .into_iter()
                    .map(|t| TokenView {
                        id: t.id,
                        name: t.name,
                        prefix: t.prefix,
                        scope: t.scope,
                        created_at: date(t.created_at),
                        expires_at: date(t.expires_at),
                        last_used_at: t.last_used_at.map(date),
                        usable: t.revoked_at.is_none() && t.expires_at > now,
                        revoked: t.revoked_at.is_some(),
                    })
                    .collect(),
            })
        }
        .await,
    )
}
