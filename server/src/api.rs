//! `/api/v1`: the public API for integrators — listings (read, create, update, archive, CSV
//! export) and organisations. Thin adapters over `app::domain`: the same browse code and
//! validation as the pages. Every error is `application/problem+json`; GET answers carry a
//! strong `ETag` and honour `If-None-Match`; every call counts against a rate limit (per token,
//! or per client address without one; see `api_limit`). The OpenAPI document is built from
//! the annotations here (`api_docs`).
use crate::api_limit::{Decision, RateLimiter};
use app::domain::accounts::sessions::Client;
use app::domain::accounts::tokens::digest_bytes;
use app::domain::api_tokens::{self, ApiClient, Scope};
use app::domain::listings::browse::{self, PAGE_SIZE};
use app::domain::listings::store::{self, Actor, Save, Step};
use app::domain::listings::{csv_io, Kind, ListingInput};
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

/// Rows an export holds at most.
pub const EXPORT_MAX_ROWS: usize = 10_000;

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

/// English texts of listing message codes the catalogue does not (yet) have.
fn english_fallback(code: &str) -> Option<&'static str> {
    Some(match code {
        "ErrHsCode" => "An HS code is 2, 4 or 6 digits of an existing chapter (e.g. 7208 or 4001.10).",
        "ErrPositive" => "Enter a number greater than zero.",
        "ErrNumber" => "Enter a number (digits, with a dot for decimals).",
        "ErrTooLarge" => "This number is too large.",
        "ErrWholeNumber" => "Enter a whole number.",
        "ErrDate" => "Enter a date as YYYY-MM-DD.",
        "ErrExpiryPast" => "The expiry date must be in the future.",
        "ErrExpiryTooFar" => "The expiry date can be at most a year ahead.",
        "ErrUnknownProvince" => "Unknown province: use a current province id.",
        "ErrUnknownGate" => "Unknown border gate.",
        "ErrTooMany" => "Too many entries.",
        "ErrTooLong" => "This text is too long.",
        "ErrControlChars" => "This text contains control characters.",
        "ErrOneTitle" => "Give a title in at least one language.",
        "ErrUnitForQuantity" => "Give the unit of the quantity.",
        "ErrCurrencyForPrice" => "Give the currency of the price.",
        "ErrSizeRange" => "The maximum must not be below the minimum.",
        "ErrRouteEnd" => "Give a province or a place for each end of the route.",
        "ErrWindow" => "The window must end after it starts.",
        "ErrPriorityGovernment" => "Only government agencies list priority infrastructure.",
        "ErrCursor" => "This cursor is not valid; start again without it.",
        "ErrChooseOne" => "Choose one of the listed values.",
        "ErrRequired" => "This field is required.",
        _ => return None,
    })
}

/// The message of a code in `lang`: the catalogue, else English, else the code itself.
pub fn message(code: &str, lang: Lang) -> String {
    Msg::from_key(code)
        .map(|m| m.text(lang).to_owned())
        .or_else(|| english_fallback(code).map(str::to_owned))
        .unwrap_or_else(|| code.to_owned())
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
            .map(|(field, code)| FieldProblem {
                message: message(&code, lang),
                field,
                code,
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
    let anonymous_key = format!("addr:{addr}");
    let caller = match bearer(request.headers()) {
        None => None,
        Some(secret) => match api_tokens::authenticate(&gate.app.db, secret).await {
            Ok(Some(client)) => Some(client),
            Ok(None) => {
                // Guessing tokens counts against the address.
                if let Decision::Limited {
                    limit,
                    retry_after_secs,
                } = gate.limiter.check(&anonymous_key, gate.limiter.per_anonymous)
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
        Some(client) => gate
            .limiter
            .check(&format!("token:{}", client.token_id), gate.limiter.per_token),
        None => gate.limiter.check(&anonymous_key, gate.limiter.per_anonymous),
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

/// Filters of the listing list and export (the browse pages' filters).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// `commodity`, `opportunity` or `route` (plurals accepted). Required for the CSV export.
    pub kind: Option<String>,
    /// `VN` or `LA`: the country of the listing organisation.
    pub country: Option<String>,
    /// A current province id, e.g. `la-khammouane`.
    pub province: Option<String>,
    /// A border gate id, e.g. `cau-treo`.
    pub gate: Option<String>,
    /// An investment sector code.
    pub sector: Option<String>,
    /// A two-digit HS chapter, e.g. `72`.
    pub hs_chapter: Option<String>,
    /// `offer` or `wanted` (commodities), `vn_to_la`, `la_to_vn`… (routes).
    pub direction: Option<String>,
    /// `1`: only listings of verified organisations.
    pub verified: Option<String>,
    /// `1`: only priority infrastructure projects.
    pub priority: Option<String>,
    /// An organisation's slug.
    pub organisation: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Items per page, 1–100 (default 20).
    pub limit: Option<String>,
    /// `vi`, `lo` or `en` (else `Accept-Language`): the language of HS descriptions.
    pub lang: Option<String>,
}

fn yes(value: &Option<String>) -> bool {
    matches!(value.as_deref().map(str::trim), Some("1" | "true" | "yes" | "on"))
}

impl ListQuery {
    fn parse(query: Option<&str>) -> Result<ListQuery, AppError> {
        serde_urlencoded::from_str(query.unwrap_or("")).map_err(|_| AppError::invalid("query", "ErrChooseOne"))
    }

    fn filters(&self) -> ListingFilters {
        ListingFilters::from_query(|name| {
            match name {
                "kind" => &self.kind,
                "country" => &self.country,
                "province" => &self.province,
                "gate" => &self.gate,
                "sector" => &self.sector,
                "hs_chapter" => &self.hs_chapter,
                "direction" => &self.direction,
                "verified" => &self.verified,
                "priority" => &self.priority,
                "organisation" => &self.organisation,
                "cursor" => &self.cursor,
                _ => &None,
            }
            .clone()
        })
    }

    fn limit(&self, default: u64) -> Result<u64, AppError> {
        match self.limit.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            None => Ok(default),
            Some(l) => l
                .parse::<u64>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| AppError::invalid("limit", "ErrNumber")),
        }
    }
}

/// A full-text search (`GET /api/v1/search`): the text and the facet filters of the search page.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// What to look for, in Vietnamese (with or without diacritics), Lao or English; `"…"` for
    /// a phrase. Empty: everything public. Never an error: text past 10 KB is ignored, and
    /// query syntax is read as text.
    pub q: Option<String>,
    /// `commodity`, `opportunity`, `route`, `organisation` or `gate`.
    pub kind: Option<String>,
    /// `VN` or `LA`.
    pub country: Option<String>,
    /// A province id, e.g. `la-attapeu` (either end of a route).
    pub province: Option<String>,
    /// A border gate id, e.g. `lao-bao`.
    pub gate: Option<String>,
    /// An investment sector code.
    pub sector: Option<String>,
    /// A two-digit HS chapter, e.g. `40`.
    pub hs_chapter: Option<String>,
    /// `1`: only listings of verified organisations.
    pub verified: Option<String>,
    /// `vi`, `lo` or `en`: listings with text in this language.
    pub language: Option<String>,
    /// `relevance` (default), `newest` or `expiring` (soonest first).
    pub sort: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Hits per page, 1–100 (default 20).
    pub limit: Option<String>,
    /// `vi`, `lo` or `en` (else `Accept-Language`): the language of names in the answer.
    pub lang: Option<String>,
}

impl SearchQuery {
    fn parse(query: Option<&str>) -> Result<SearchQuery, AppError> {
        serde_urlencoded::from_str(query.unwrap_or("")).map_err(|_| AppError::invalid("query", "ErrChooseOne"))
    }

    fn params(&self) -> Result<SearchParams, AppError> {
        let text = |v: &Option<String>| v.as_deref().unwrap_or("").trim().to_owned();
        let limit = match self.limit.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            None => 0,
            Some(l) => l
                .parse::<u64>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| AppError::invalid("limit", "ErrNumber"))?,
        };
        Ok(SearchParams {
            q: self.q.clone().unwrap_or_default(),
            kind: text(&self.kind),
            country: text(&self.country),
            province: text(&self.province),
            gate: text(&self.gate),
            sector: text(&self.sector),
            hs_chapter: text(&self.hs_chapter),
            verified: yes(&self.verified),
            language: text(&self.language),
            sort: text(&self.sort),
            cursor: text(&self.cursor),
            limit,
        })
    }
}

/// The language parameter of single reads.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// `vi`, `lo` or `en` (else `Accept-Language`).
    pub lang: Option<String>,
}

/// Paging of the organisation list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrgQuery {
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Items per page, 1–500 (default 100).
    pub limit: Option<String>,
}

/// A string field that also takes a JSON number (quantities, prices) or `null` (empty).
fn lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    use serde::de::Error;
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Null => Ok(String::new()),
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        _ => Err(D::Error::custom("expected a string or a number")),
    }
}

/// A list field: an array of strings, one comma-separated string, or `null`.
fn lenient_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    use serde::de::Error;
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Null => Ok(Vec::new()),
        serde_json::Value::String(s) => Ok(vec![s]),
        serde_json::Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                serde_json::Value::String(s) => Ok(s),
                _ => Err(D::Error::custom("expected an array of strings")),
            })
            .collect(),
        _ => Err(D::Error::custom("expected an array of strings")),
    }
}

/// A listing to create or replace. Every field is optional in JSON; which ones are needed
/// depends on `kind` (the validation answers 422 with each problem). Numbers may be sent as
/// JSON numbers or strings; dates as `YYYY-MM-DD`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ListingRequest {
    /// The organisation's slug; defaults to the token's organisation.
    pub organisation: Option<String>,
    /// `commodity`, `opportunity` or `route` (required to create; a listing's kind never changes).
    #[serde(deserialize_with = "lenient")]
    pub kind: String,
    #[serde(deserialize_with = "lenient")]
    pub title_vi: String,
    #[serde(deserialize_with = "lenient")]
    pub title_lo: String,
    #[serde(deserialize_with = "lenient")]
    pub title_en: String,
    #[serde(deserialize_with = "lenient")]
    pub description_vi: String,
    #[serde(deserialize_with = "lenient")]
    pub description_lo: String,
    #[serde(deserialize_with = "lenient")]
    pub description_en: String,
    /// A current province id (`vn-ha-tinh`, `la-khammouane`…); for routes, the origin.
    #[serde(deserialize_with = "lenient")]
    pub province_id: String,
    #[serde(deserialize_with = "lenient")]
    pub destination_province_id: String,
    /// Border gate ids (at most 6; required for routes).
    #[serde(deserialize_with = "lenient_list")]
    pub gate_ids: Vec<String>,
    #[serde(deserialize_with = "lenient")]
    pub sector: String,
    /// Commodities: `offer` or `wanted`; routes: `vn_to_la`, `la_to_vn`…
    #[serde(deserialize_with = "lenient")]
    pub direction: String,
    /// 2, 4 or 6 digits (dots allowed: `72.08`); required for commodities.
    #[serde(deserialize_with = "lenient")]
    pub hs_code: String,
    /// A positive number (JSON number or string).
    #[serde(deserialize_with = "lenient")]
    pub quantity: String,
    #[serde(deserialize_with = "lenient")]
    pub unit: String,
    #[serde(deserialize_with = "lenient")]
    pub frequency: String,
    /// A positive number (JSON number or string).
    #[serde(deserialize_with = "lenient")]
    pub price: String,
    #[serde(deserialize_with = "lenient")]
    pub currency: String,
    #[serde(deserialize_with = "lenient")]
    pub incoterm: String,
    #[serde(deserialize_with = "lenient_list")]
    pub certifications: Vec<String>,
    #[serde(deserialize_with = "lenient")]
    pub economic_zone_id: String,
    /// Whole US dollars (JSON number or string).
    #[serde(deserialize_with = "lenient")]
    pub size_min_usd: String,
    /// Whole US dollars (JSON number or string).
    #[serde(deserialize_with = "lenient")]
    pub size_max_usd: String,
    #[serde(deserialize_with = "lenient")]
    pub stage: String,
    #[serde(deserialize_with = "lenient_list")]
    pub instruments: Vec<String>,
    #[serde(deserialize_with = "lenient")]
    pub incentives: String,
    #[serde(deserialize_with = "lenient")]
    pub land_status: String,
    #[serde(deserialize_with = "lenient")]
    pub contact: String,
    /// Government agencies only.
    pub priority_infra: bool,
    #[serde(deserialize_with = "lenient")]
    pub infra_type: String,
    #[serde(deserialize_with = "lenient")]
    pub origin_place: String,
    #[serde(deserialize_with = "lenient")]
    pub destination_place: String,
    /// `YYYY-MM-DD`
    #[serde(deserialize_with = "lenient")]
    pub window_start: String,
    /// `YYYY-MM-DD`
    #[serde(deserialize_with = "lenient")]
    pub window_end: String,
    /// A positive number (JSON number or string).
    #[serde(deserialize_with = "lenient")]
    pub capacity: String,
    #[serde(deserialize_with = "lenient")]
    pub capacity_unit: String,
    #[serde(deserialize_with = "lenient_list")]
    pub equipment: Vec<String>,
    /// `YYYY-MM-DD`, in the future and at most 366 days ahead; empty: 90 days from today.
    #[serde(deserialize_with = "lenient")]
    pub expires_on: String,
    /// Create: `true` publishes at once, otherwise a draft. Update: `true` publishes,
    /// `false` makes it a draft, absent keeps the status.
    pub publish: Option<bool>,
}

impl ListingRequest {
    fn input(&self) -> ListingInput {
        ListingInput {
            kind: self.kind.clone(),
            title_vi: self.title_vi.clone(),
            title_lo: self.title_lo.clone(),
            title_en: self.title_en.clone(),
            description_vi: self.description_vi.clone(),
            description_lo: self.description_lo.clone(),
            description_en: self.description_en.clone(),
            province_id: self.province_id.clone(),
            destination_province_id: self.destination_province_id.clone(),
            gate_ids: self.gate_ids.clone(),
            sector: self.sector.clone(),
            direction: self.direction.clone(),
            hs_code: self.hs_code.clone(),
            quantity: self.quantity.clone(),
            unit: self.unit.clone(),
            frequency: self.frequency.clone(),
            price: self.price.clone(),
            currency: self.currency.clone(),
            incoterm: self.incoterm.clone(),
            certifications: self.certifications.clone(),
            economic_zone_id: self.economic_zone_id.clone(),
            size_min_usd: self.size_min_usd.clone(),
            size_max_usd: self.size_max_usd.clone(),
            stage: self.stage.clone(),
            instruments: self.instruments.clone(),
            incentives: self.incentives.clone(),
            land_status: self.land_status.clone(),
            contact: self.contact.clone(),
            priority_infra: self.priority_infra,
            infra_type: self.infra_type.clone(),
            origin_place: self.origin_place.clone(),
            destination_place: self.destination_place.clone(),
            window_start: self.window_start.clone(),
            window_end: self.window_end.clone(),
            capacity: self.capacity.clone(),
            capacity_unit: self.capacity_unit.clone(),
            equipment: self.equipment.clone(),
            expires_on: self.expires_on.clone(),
        }
    }
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

/// Who wrote `GET /api/v1/me`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Me {
    /// The slug of the token's organisation.
    pub organisation: String,
    /// `read` or `write`.
    pub scope: String,
}

/// A page of organisations.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OrganisationPage {
    pub items: Vec<OrgRef>,
    /// The cursor of the next page, when there is one.
    pub next_cursor: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Handlers

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

/// Public listings, newest first, with the browse pages' filters and a cursor.
#[utoipa::path(get, path = "/api/v1/listings", tag = "listings", params(ListQuery), security((), ("bearer" = [])),
    responses(
        (status = 200, description = "A page of public listings", body = ListingPage),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 422, description = "A filter or the cursor is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Rate limit reached (see Retry-After)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_listings(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let params = ListQuery::parse(query.as_deref()).or_problem(lang)?;
    let limit = params.limit(PAGE_SIZE).or_problem(lang)?;
    let page = browse::browse(&state.db, &params.filters(), None, lang, limit)
        .await
        .or_problem(lang)?;
    Ok(cached_json(&headers, &page, lang, caller.0.is_some()))
}

/// Full-text search over public listings, organisations and border gate pairs, with facet counts,
/// in Vietnamese (with or without diacritics), Lao (no spaces needed) and English; the search
/// page's code path. `kind=organisation` or `kind=gate` narrows to those.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchQuery), security((), ("bearer" = [])),
    responses(
        (status = 200, description = "A page of hits (each a listing, an organisation or a gate pair, with its page and a snippet) and the facet counts (a chosen facet counts its alternatives)", body = SearchResults),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 422, description = "`sort`, `cursor` or `limit` is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Rate limit reached (see Retry-After)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn search(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let params = SearchQuery::parse(query.as_deref())
        .and_then(|q| q.params())
        .or_problem(lang)?;
    let results = app::domain::search::search(&state.db, state.search.as_deref(), &params, lang)
        .await
        .or_problem(lang)?;
    Ok(cached_json(&headers, &results, lang, caller.0.is_some()))
}

/// Suggestions as you type (`GET /api/v1/search/suggest`).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SuggestQuery {
    /// What the reader has typed so far: the last word may be partial ("cau tr", "thep",
    /// "ຢາງພາ"). Under 2 characters: no suggestions. Never an error: text past 2 KB is ignored,
    /// and query syntax is read as text.
    pub q: Option<String>,
    /// Suggestions at most, 1–20 (default 8).
    pub limit: Option<String>,
    /// `vi`, `lo` or `en` (else `Accept-Language`): the language of the titles.
    pub lang: Option<String>,
}

impl SuggestQuery {
    fn parse(query: Option<&str>) -> Result<SuggestQuery, AppError> {
        serde_urlencoded::from_str(query.unwrap_or("")).map_err(|_| AppError::invalid("query", "ErrChooseOne"))
    }

    fn limit(&self) -> Result<usize, AppError> {
        use app::domain::search::suggest::{DEFAULT_LIMIT, MAX_LIMIT};
        match self.limit.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            None => Ok(DEFAULT_LIMIT),
            Some(l) => l
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_LIMIT).contains(n))
                .ok_or_else(|| AppError::invalid("limit", "ErrNumber")),
        }
    }
}

/// Titles of public listings, organisations and border gates that complete what the reader is
/// typing, best first (titles that complete the last word above descriptions that do), with
/// the page to open: the search boxes' suggestions. Folded Vietnamese and Latin ("thep" finds
/// thép), Lao words and runs without spaces.
#[utoipa::path(get, path = "/api/v1/search/suggest", tag = "search", params(SuggestQuery), security((), ("bearer" = [])),
    responses(
        (status = 200, description = "Suggestions, best first (empty for text under 2 characters, or while the index is being built)", body = Suggestions),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 422, description = "`limit` is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Rate limit reached (see Retry-After)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn suggest(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let params = SuggestQuery::parse(query.as_deref()).or_problem(lang)?;
    let limit = params.limit().or_problem(lang)?;
    let text = params.q.as_deref().unwrap_or("");
    let suggestions = app::domain::search::suggestions(state.search.as_deref(), text, lang, limit)
        .await
        .or_problem(lang)?;
    Ok(cached_json(
        &headers,
        &Suggestions { suggestions },
        lang,
        caller.0.is_some(),
    ))
}

/// Public listings of one kind as CSV (the import format), same filters as the list.
#[utoipa::path(get, path = "/api/v1/listings.csv", tag = "listings", params(ListQuery), security((), ("bearer" = [])),
    responses(
        (status = 200, description = "CSV (UTF-8; cells that a spreadsheet would run as formulas start with an apostrophe)", body = String, content_type = "text/csv"),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 422, description = "`kind` is missing, or a filter is not valid", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn export_listings(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let params = ListQuery::parse(query.as_deref()).or_problem(lang)?;
    let mut filters = params.filters();
    let kind = if filters.kind.is_empty() {
        Err(AppError::invalid("kind", "ErrRequired"))
    } else {
        Kind::parse(&filters.kind).ok_or_else(|| AppError::invalid("kind", "ErrChooseOne"))
    }
    .or_problem(lang)?;
    let mut items: Vec<ListingView> = Vec::new();
    loop {
        let page = browse::browse(&state.db, &filters, None, lang, 100)
            .await
            .or_problem(lang)?;
        items.extend(page.items);
        match page.next_cursor {
            Some(cursor) if items.len() < EXPORT_MAX_ROWS => filters.cursor = cursor,
            _ => break,
        }
    }
    items.truncate(EXPORT_MAX_ROWS);
    let csv = csv_io::export(kind, &items);
    let mut response = cached(
        &headers,
        csv.into_bytes(),
        "text/csv; charset=utf-8",
        lang,
        caller.0.is_some(),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"corridor-{}.csv\"", kind.plural())) {
        response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// One listing: public ones for everyone; the token's own organisation's in every status.
#[utoipa::path(get, path = "/api/v1/listings/{id}", tag = "listings",
    params(("id" = i32, Path, description = "The listing id"), LangQuery), security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The listing", body = ListingView),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, description = "Unknown, or not visible (draft, expired, archived…)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_listing(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let id = listing_id(&id, lang)?;
    let view = browse::get_for_client(&state.db, id, caller.0.as_ref(), lang)
        .await
        .or_problem(lang)?;
    Ok(cached_json(&headers, &view, lang, caller.0.is_some()))
}

fn created(view: &ListingView, lang: Lang) -> Response {
    let mut response = (StatusCode::CREATED, axum::Json(view)).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/listings/{}", view.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
        .headers_mut()
        .insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    response
}

/// Creates a listing (a draft, or published with `publish: true`). Needs a write token.
#[utoipa::path(post, path = "/api/v1/listings", tag = "listings", request_body = ListingRequest, security(("bearer" = [])),
    responses(
        (status = 201, description = "Created; `Location` is its address", body = ListingView),
        (status = 400, description = "The body is not JSON of this shape", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read-only token, or another organisation", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields: `errors` lists each", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_listing(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let client = require_write(&caller, lang)?;
    let request: ListingRequest = match json_body(&headers, &body) {
        Ok(request) => request,
        Err(response) => return Ok(*response),
    };
    let slug = request
        .organisation
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(&client.organisation_slug);
    let save = if request.publish == Some(true) {
        Save::Publish
    } else {
        Save::Draft
    };
    let saved = store::create(
        &state.db,
        Actor::Token(client),
        slug,
        &request.input(),
        save,
        state.listing_rules,
    )
    .await
    .or_problem(lang)?;
    let view = browse::get_for_client(&state.db, saved.listing.id, Some(client), lang)
        .await
        .or_problem(lang)?;
    Ok(created(&view, lang))
}

/// Replaces a listing's fields (its kind never changes). Needs a write token of its organisation.
#[utoipa::path(put, path = "/api/v1/listings/{id}", tag = "listings", request_body = ListingRequest,
    params(("id" = i32, Path, description = "The listing id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "Saved", body = ListingView),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read-only token, or another organisation's listing", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown listing", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Removed by a moderator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields: `errors` lists each", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_listing(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let client = require_write(&caller, lang)?;
    let id = listing_id(&id, lang)?;
    let request: ListingRequest = match json_body(&headers, &body) {
        Ok(request) => request,
        Err(response) => return Ok(*response),
    };
    let save = request.publish.map(|p| if p { Save::Publish } else { Save::Draft });
    store::update(
        &state.db,
        Actor::Token(client),
        id,
        &request.input(),
        save,
        state.listing_rules,
    )
    .await
    .or_problem(lang)?;
    let view = browse::get_for_client(&state.db, id, Some(client), lang)
        .await
        .or_problem(lang)?;
    Ok((
        [(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()))],
        axum::Json(view),
    )
        .into_response())
}

/// Archives a listing (it leaves the public lists). Needs a write token of its organisation.
#[utoipa::path(post, path = "/api/v1/listings/{id}/archive", tag = "listings",
    params(("id" = i32, Path, description = "The listing id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "Archived", body = ListingView),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read-only token, or another organisation's listing", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown listing", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn archive_listing(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let client = require_write(&caller, lang)?;
    let id = listing_id(&id, lang)?;
    store::apply_step(&state.db, Actor::Token(client), id, Step::Archive, state.listing_rules)
        .await
        .or_problem(lang)?;
    let view = browse::get_for_client(&state.db, id, Some(client), lang)
        .await
        .or_problem(lang)?;
    Ok(axum::Json(view).into_response())
}

/// Active organisations, by slug.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations", params(OrgQuery), security((), ("bearer" = [])),
    responses(
        (status = 200, description = "A page of organisations", body = OrganisationPage),
        (status = 304, description = "Not modified (If-None-Match)"),
    ))]
pub async fn list_organisations(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let params: OrgQuery = serde_urlencoded::from_str(query.as_deref().unwrap_or(""))
        .map_err(|_| ApiError(AppError::invalid("query", "ErrChooseOne"), lang))?;
    let limit = match params.limit.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        None => 100,
        Some(l) => l
            .parse::<u64>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or(ApiError(AppError::invalid("limit", "ErrNumber"), lang))?,
    };
    let (items, next_cursor) = browse::organisations(&state.db, params.cursor.as_deref().unwrap_or("").trim(), limit)
        .await
        .or_problem(lang)?;
    let page = OrganisationPage { items, next_cursor };
    Ok(cached_json(&headers, &page, lang, caller.0.is_some()))
}

/// One active organisation.
#[utoipa::path(get, path = "/api/v1/organisations/{slug}", tag = "organisations",
    params(("slug" = String, Path, description = "The organisation's slug")), security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The organisation", body = OrgRef),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, description = "Unknown or not active", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_organisation(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let org = browse::organisation(&state.db, &slug).await.or_problem(lang)?;
    Ok(cached_json(&headers, &org, lang, caller.0.is_some()))
}

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

/// The `/api/v1` routes, behind `gate`, and the documentation (`/api/docs`).
pub fn routes(state: &AppState, limiter: Arc<RateLimiter>) -> axum::Router<AppState> {
    use axum::routing::{any, get, post};
    let gate_state = GateState {
        app: state.clone(),
        limiter,
    };
    let v1 = axum::Router::new()
        .route("/api/v1/me", get(me).fallback(method_not_allowed))
        .route(
            "/api/v1/listings",
            get(list_listings).post(create_listing).fallback(method_not_allowed),
        )
        .route(
            "/api/v1/listings.csv",
            get(export_listings).fallback(method_not_allowed),
        )
        .route(
            "/api/v1/listings/{id}",
            get(get_listing).put(update_listing).fallback(method_not_allowed),
        )
        .route(
            "/api/v1/listings/{id}/archive",
            post(archive_listing).fallback(method_not_allowed),
        )
        .route("/api/v1/search", get(search).fallback(method_not_allowed))
        .route("/api/v1/search/suggest", get(suggest).fallback(method_not_allowed))
        .route(
            "/api/v1/organisations",
            get(list_organisations).fallback(method_not_allowed),
        )
        .route(
            "/api/v1/organisations/{slug}",
            get(get_organisation).fallback(method_not_allowed),
        )
        .route(
            "/api/v1/openapi.json",
            get(crate::api_docs::openapi_json).fallback(method_not_allowed),
        )
        .route("/api/v1", any(not_found))
        .route("/api/v1/{*rest}", any(not_found))
        .layer(axum::middleware::from_fn_with_state(gate_state, gate));
    axum::Router::new()
        .route("/api/docs", get(crate::api_docs::docs_page))
        .merge(v1)
}

#[cfg(test)]
mod tests {
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
    fn messages_fall_back_to_english_then_to_the_code() {
        assert_eq!(message("ErrRequired", Lang::En), "This field is required.");
        assert!(message("ErrHsCode", Lang::En).contains("HS code"));
        assert_eq!(message("ErrSomethingNew", Lang::Vi), "ErrSomethingNew");
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
        let input = request.input();
        assert_eq!(input.quantity, "500");
        assert_eq!(input.price, "610.5");
        assert_eq!(input.unit, "");
        assert_eq!(input.gate_ids, vec!["cau-treo".to_owned()]);
        assert!(serde_json::from_str::<ListingRequest>(r#"{"colour":"red"}"#).is_err());
    }
}
