//! `/api/v1`: the public API for integrators. Errors are `application/problem+json`.
//! Listings, search and their OpenAPI document come with the listings issue; today it tells a
//! client who its token acts for.
use app::domain::api_tokens::{self, ApiClient};
use app::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

pub fn problem(status: StatusCode, title: &str, detail: &str) -> Response {
    let body = json!({ "type": "about:blank", "title": title, "status": status.as_u16(), "detail": detail });
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/problem+json"),
    );
    if status == StatusCode::UNAUTHORIZED {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
    }
    response
}

/// The client behind the request's bearer token, or the 401 problem to answer with.
pub async fn client(state: &AppState, headers: &HeaderMap) -> Result<ApiClient, Response> {
    let Some(secret) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    else {
        return Err(problem(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "Send an API token: Authorization: Bearer cor_…",
        ));
    };
    match api_tokens::authenticate(&state.db, secret.trim()).await {
        Ok(Some(client)) => Ok(client),
        Ok(None) => Err(problem(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "The token is unknown, expired or revoked.",
        )),
        Err(err) => Err(problem(err.status(), "Internal error", &err.to_string())),
    }
}

/// `GET /api/v1/me`: which organisation and scope the token acts with.
pub async fn me(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match client(&state, &headers).await {
        Ok(client) => axum::Json(json!({
            "organisation": client.organisation_slug,
            "scope": client.scope.code(),
        }))
        .into_response(),
        Err(response) => response,
    }
}
