//! `/api/v1`: the public API for integrators — listings (read, create, update, archive, CSV
//! export) and organisations. Thin adapters over `app::domain`: the same browse code and
//! validation as the pages. Every error is `application/problem+json`; GET answers carry a
//! strong `ETag` and honour `If-None-Match`; every call counts against a rate limit (per token,
//! or per client address without one; see `api_limit`). The OpenAPI document is built from
//! the annotations here (`api_docs`).
use crate::api_limit::{Decision, Key, RateLimiter};
use app::domain::accounts::sessions::Client;
use app::domain::accounts::tokens::digest_bytes;
use app::domain::api_tokens::{self, ApiClient, Scope};
use app::domain::listings::browse::{self, PAGE_SIZE};
use app::domain::listings::store::{self, Actor, Save, Step};
use app::domain::listings::{csv_io, ListingInput};
use app::errors::AppError;
use app::i18n::{query_lang, Lang, Msg};
use app::model::{ListingFilters, ListingPage, ListingView, OrgRef, SearchParams, SearchResults, Suggestions};
use app::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::{Deserialize, Deserializer, Serialize};
use std::sync::Arc;
use utoipa::{IntoParams, ToSchema};

// ---------------------------------------------------------------------------------------------
// Problems (RFC 9457)

/// An error, as `application/problem+json`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status says what happened.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// On 422: every field that is not valid.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

/// One invalid field: its name, a stable code, and a message in the response language.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    /// A stable code, e.g. `ErrHsCode`.
    pub code: String,
    pub message: String,
}

fn problem_response(status: StatusCode, problem: &Problem) -> Response {
    let body = serde_json::to_string(problem).unwrap_or_default();
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    if status == StatusCode::UNAUTHORIZED {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}

pub fn problem(status: StatusCode, title: &str, detail: &str) -> Response {
    problem_response(
        status,
        &Problem {
            kind: "about:blank".into(),
            title: title.into(),
            status: status.as_u16(),
            detail: detail.into(),
            errors: Vec::new(),
        },
    )
}

/// An `AppError` answered as a problem; internal errors show only their reference.
pub struct ApiError(pub AppError, pub Lang);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let ApiError(err, lang) = self;
        let status = err.status();
        let (title, detail) = match &err {
            AppError::NotFound => (
                "Not Found",
                "There is nothing here, or it is not visible to you.".to_owned(),
            ),
            AppError::Unauthorized => (
                "Unauthorized",
                "Send an API token: Authorization: Bearer cor_…".to_owned(),
            ),
            AppError::Forbidden => ("Forbidden", "This token may not do this.".to_owned()),
            AppError::Invalid { .. } | AppError::InvalidFields(_) => {
                ("Unprocessable Content", "Some fields are not valid.".to_owned())
            }
            AppError::Conflict(reason) => ("Conflict", reason.clone()),
            AppError::RateLimited { retry_after_secs } => {
                ("Too Many Requests", format!("Retry after {retry_after_secs} s."))
            }
            AppError::Internal { reference } => ("Internal Server Error", format!("Reference {reference}.")),
        };
        let errors = err
            .field_errors()
            .into_iter()
            .map(|(field, msg)| FieldProblem {
                message: msg.text(lang).to_owned(),
                field,
                code: msg.key().to_owned(),
            })
            .collect();
        let mut response = problem_response(
            status,
            &Problem {
                kind: "about:blank".into(),
                title: title.into(),
                status: status.as_u16(),
                detail,
                errors,
            },
        );
        if let AppError::RateLimited { retry_after_secs } = err {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, retry_after_secs.into());
        }
        response
    }
}

trait OrProblem<T> {
    fn or_problem(self, lang: Lang) -> Result<T, ApiError>;
}

impl<T> OrProblem<T> for Result<T, AppError> {
    fn or_problem(self, lang: Lang) -> Result<T, ApiError> {
        self.map_err(|e| ApiError(e, lang))
    }
}

type ApiResult = Result<Response, ApiError>;

// ---------------------------------------------------------------------------------------------
// Authentication, language and rate limit

/// The API client behind the request's bearer token (`None`: no token sent). Put into every
/// `/api/v1` request by `gate`.
#[derive(Clone, Debug)]
pub struct Caller(pub Option<ApiClient>);

#[derive(Clone)]
pub struct GateState {
    pub app: AppState,
    pub limiter: Arc<RateLimiter>,
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, secret) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| secret.trim())
}

/// The response language: `?lang=`, else `Accept-Language`, else English.
pub fn api_lang(query: Option<&str>, headers: &HeaderMap) -> Lang {
    query_lang(query)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(Lang::En)
}

fn limited(limit: u32, retry_after_secs: u64, lang: Lang) -> Response {
    let mut response = ApiError(AppError::RateLimited { retry_after_secs }, lang).into_response();
    response.headers_mut().insert("ratelimit-limit", limit.into());
    response.headers_mut().insert("ratelimit-remaining", 0u32.into());
    response
}

/// Every `/api/v1` request passes here: the token is checked (a token that is sent must be
/// valid: 401 otherwise), then the call is counted — per token, or per client address.
pub async fn gate(State(gate): State<GateState>, mut request: Request, next: Next) -> Response {
    let lang = api_lang(request.uri().query(), request.headers());
    let addr = request
        .extensions()
        .get::<Client>()
        .map(|c| c.addr.clone())
        .unwrap_or_else(|| "unknown".into());
    let anonymous_key = Key::Address(&addr);
    let caller = match bearer(request.headers()) {
        None => None,
        Some(secret) => match api_tokens::authenticate(&gate.app.db, secret).await {
            Ok(Some(client)) => Some(client),
            Ok(None) => {
                // Guessing tokens counts against the address.
                if let Decision::Limited {
                    limit,
                    retry_after_secs,
                } = gate.limiter.check(anonymous_key)
                {
                    return limited(limit, retry_after_secs, lang);
                }
                return problem(
                    StatusCode::UNAUTHORIZED,
                    "Unauthorized",
                    "The token is unknown, expired or revoked.",
                );
            }
            Err(err) => return ApiError(err, lang).into_response(),
        },
    };
    let decision = match &caller {
        Some(client) => gate.limiter.check(Key::Token(client.token_id)),
        None => gate.limiter.check(anonymous_key),
    };
    match decision {
        Decision::Limited {
            limit,
            retry_after_secs,
        } => limited(limit, retry_after_secs, lang),
        Decision::Allowed { limit, remaining } => {
            request.extensions_mut().insert(Caller(caller));
            let mut response = next.run(request).await;
            if limit > 0 {
                response.headers_mut().insert("ratelimit-limit", limit.into());
                response.headers_mut().insert("ratelimit-remaining", remaining.into());
            }
            response
        }
    }
}

fn require_token(caller: &Caller, lang: Lang) -> Result<&ApiClient, ApiError> {
    caller.0.as_ref().ok_or(ApiError(AppError::Unauthorized, lang))
}

fn require_write(caller: &Caller, lang: Lang) -> Result<&ApiClient, ApiError> {
    let client = require_token(caller, lang)?;
    if client.scope != Scope::Write {
        return Err(ApiError(AppError::Forbidden, lang));
    }
    Ok(client)
}

// ---------------------------------------------------------------------------------------------
// Responses with an ETag

/// Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for GET).
fn matches_etag(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == "*" || t == etag)
}

/// A GET answer: a strong ETag (hash of the body), `304` when the client has it already,
/// `Cache-Control: no-cache` (revalidate each time; `private` when a token was sent).
fn cached(
    request_headers: &HeaderMap,
    body: Vec<u8>,
    content_type: &'static str,
    lang: Lang,
    private: bool,
) -> Response {
    let etag = format!("\"{}\"", &digest_bytes(&body)[..32]);
    let cache_control = if private { "private, no-cache" } else { "no-cache" };
    let status = if matches_etag(request_headers, &etag) {
        StatusCode::NOT_MODIFIED
    } else {
        StatusCode::OK
    };
    let mut builder = Response::builder()
        .status(status)
        .header(header::ETAG, &etag)
        .header(header::CACHE_CONTROL, cache_control)
        .header(header::VARY, "Accept-Language, Authorization")
        .header(header::CONTENT_LANGUAGE, lang.code());
    let body = if status == StatusCode::NOT_MODIFIED {
        Body::empty()
    } else {
        builder = builder.header(header::CONTENT_TYPE, content_type);
        Body::from(body)
    };
    builder.body(body).expect("valid response parts")
}

fn cached_json<T: Serialize>(request_headers: &HeaderMap, value: &T, lang: Lang, private: bool) -> Response {
    let body = serde_json::to_vec(value).expect("API values serialise");
    cached(request_headers, body, "application/json", lang, private)
}

// ---------------------------------------------------------------------------------------------
// Queries and bodies

fn yes(value: &Option<String>) -> bool {
    matches!(value.as_deref().map(str::trim), Some("1" | "true" | "yes" | "on"))
}

/// The language parameter of single reads.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// `vi`, `lo` or `en` (else `Accept-Language`).
    pub lang: Option<String>,
}

fn json_body<T: serde::de::DeserializeOwned>(headers: &HeaderMap, body: &Bytes) -> Result<T, Box<Response>> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/json");
    if !content_type.to_ascii_lowercase().contains("json") {
        return Err(Box::new(problem(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Unsupported Media Type",
            "Send the listing as application/json.",
        )));
    }
    serde_json::from_slice(body).map_err(|e| {
        Box::new(problem(
            StatusCode::BAD_REQUEST,
            "Bad Request",
            &format!("The body is not a valid listing: {e}"),
        ))
    })
}

fn listing_id(id: &str, lang: Lang) -> Result<i32, ApiError> {
    id.parse().map_err(|_| ApiError(AppError::NotFound, lang))
}

// ---------------------------------------------------------------------------------------------
// Handlers: one module per resource

pub mod introductions;
pub mod listings;
pub mod me;
pub mod organisations;
pub mod search;

/// Any other `/api/v1/…` address.
pub async fn not_found(headers: HeaderMap, RawQuery(query): RawQuery) -> Response {
    ApiError(AppError::NotFound, api_lang(query.as_deref(), &headers)).into_response()
}

/// A known address with another method.
pub async fn method_not_allowed() -> Response {
    problem(
        StatusCode::METHOD_NOT_ALLOWED,
        "Method Not Allowed",
        "This address does not take this method; see /api/docs.",
    )
}

#[cfg(test)]
mod tests {
    use super::listings::ListingRequest;
    use super::*;

    #[test]
    fn if_none_match_compares_weakly_and_accepts_lists() {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"a\", W/\"b\""));
        assert!(matches_etag(&headers, "\"b\""));
        assert!(matches_etag(&headers, "\"a\""));
        assert!(!matches_etag(&headers, "\"c\""));
        assert!(!matches_etag(&HeaderMap::new(), "\"a\""));
    }

    #[test]
    fn internal_errors_show_only_their_reference() {
        let response = ApiError(
            AppError::Internal {
                reference: "abc123".into(),
            },
            Lang::En,
        )
        .into_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            response.headers().get(header::CONTENT_TYPE).unwrap(),
            "application/problem+json"
        );
    }

    #[test]
    fn numbers_and_nulls_are_accepted_in_string_fields() {
        let request: ListingRequest = serde_json::from_str(
            r#"{"kind":"commodity","quantity":500,"price":"610.5","unit":null,"gate_ids":"cau-treo"}"#,
        )
        .unwrap();
        let input = request.listing;
        assert_eq!(input.quantity, "500");
        assert_eq!(input.price, "610.5");
        assert_eq!(input.unit, "");
        assert_eq!(input.gate_ids, vec!["cau-treo".to_owned()]);
        assert!(serde_json::from_str::<ListingRequest>(r#"{"colour":"red"}"#).is_err());
    }
}
