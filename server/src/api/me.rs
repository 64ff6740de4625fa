//! `GET /api/v1/me`: which organisation and scope the calling token acts with.
use super::*;

/// Who wrote `GET /api/v1/me`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Me {
    /// The slug of the token's organisation.
    pub organisation: String,
    /// `read` or `write`.
    pub scope: String,
}

/// Which organisation and scope the token acts with.
#[utoipa::path(get, path = "/api/v1/me", tag = "tokens", security(("bearer" = [])),
    responses(
        (status = 200, description = "The token's organisation and scope", body = Me),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn me(Extension(caller): Extension<Caller>, headers: HeaderMap, RawQuery(query): RawQuery) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let client = require_token(&caller, lang)?;
    let me = Me {
        organisation: client.organisation_slug.clone(),
        scope: client.scope.code().to_owned(),
    };
    Ok(cached_json(&headers, &me, lang, true))
}
