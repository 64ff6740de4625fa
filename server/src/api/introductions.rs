//! `/api/v1/introductions`: the introductions of the token's organisation — list, ask (write
//! token), read one (with both sides' contacts once accepted), accept or decline (write token,
//! the asked side), and the message thread. The same domain code as the inbox pages.
use super::*;
use app::domain::introductions::{self, Actor, RequestInput, Target};
use app::model::{IntroductionSummary, IntroductionView, MessageView};
use app::statuses::IntroductionOrigin;

/// A request for an introduction: about a listing, or to an organisation.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IntroductionRequest {
    /// The listing it is about (the asked organisation is its owner).
    pub listing: Option<i32>,
    /// Or the asked organisation's slug, when it is about no listing.
    pub organisation: Option<String>,
    /// Who you are and what you look for (at most 2,000 characters).
    pub message: String,
    pub quantity: Option<String>,
    pub price: Option<String>,
    pub delivery_window: Option<String>,
    /// One of your own listings it relates to.
    pub related_listing: Option<i32>,
    /// Where it started: `listing`, `organisation`, `match`, `search` or `event` (default: the
    /// listing or the organisation).
    pub origin: Option<IntroductionOrigin>,
}

/// A decline, with the reason the asker will see.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclineRequest {
    /// `not_a_match`, `price`, `quantity`, `timing` or `other`.
    pub reason: String,
    /// A word for them (required with `other`).
    pub note: Option<String>,
}

/// A message in an accepted introduction's thread.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageRequest {
    pub body: String,
}

fn introduction_id(id: &str, lang: Lang) -> Result<i32, ApiError> {
    id.parse().map_err(|_| ApiError(AppError::NotFound, lang))
}

fn created<T: Serialize>(value: &T, location: String, lang: Lang) -> Response {
    let mut response = (StatusCode::CREATED, axum::Json(value)).into_response();
    if let Ok(location) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
        .headers_mut()
        .insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    response
}

/// The introduction as the token's side sees it (after an action, or to read it).
async fn thread_of(state: &AppState, client: &ApiClient, id: i32, lang: Lang) -> Result<IntroductionView, ApiError> {
    introductions::thread(&state.db, Actor::Token(client), id)
        .await
        .or_problem(lang)
}

/// Private answers: never stored by a shared cache.
fn private_json<T: Serialize>(value: &T) -> Response {
    let mut response = axum::Json(value).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}

/// The token organisation's introductions, asked of it and by it, newest first (at most 200).
#[utoipa::path(get, path = "/api/v1/introductions", tag = "introductions", params(LangQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "The introductions; `received` tells the side", body = Vec<IntroductionSummary>),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_introductions(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let client = require_token(&caller, lang)?;
    let inbox = introductions::inbox(&state.db, Actor::Token(client), 200)
        .await
        .or_problem(lang)?;
    Ok(private_json(&inbox.items))
}

/// Asks another organisation for an introduction, on behalf of the token's. Needs a write token.
/// No contact detail of either side is shared until the other side accepts.
#[utoipa::path(post, path = "/api/v1/introductions", tag = "introductions", request_body = IntroductionRequest, security(("bearer" = [])),
    responses(
        (status = 201, description = "Asked; `Location` is its address", body = IntroductionView),
        (status = 400, description = "The body is not JSON of this shape", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read-only token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such published listing or active organisation", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, an open request already, or blocked", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The organisation's daily number of requests is reached", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_introduction(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let client = require_write(&caller, lang)?;
    let request: IntroductionRequest = match json_body(&headers, &body) {
        Ok(request) => request,
        Err(response) => return Ok(*response),
    };
    let target = match (request.listing, request.organisation.as_deref().map(str::trim)) {
        (Some(id), _) => Target::Listing(id),
        (None, Some(slug)) if !slug.is_empty() => Target::Organisation(slug.to_owned()),
        _ => return Err(ApiError(AppError::invalid("listing", Msg::ErrRequired), lang)),
    };
    let input = RequestInput {
        message: request.message,
        quantity: request.quantity.unwrap_or_default(),
        price: request.price.unwrap_or_default(),
        delivery_window: request.delivery_window.unwrap_or_default(),
        related_listing: request.related_listing.map(|id| id.to_string()).unwrap_or_default(),
        origin: request.origin,
    };
    let asked = introductions::request(&state.db, &state.public_origin, Actor::Token(client), &target, &input)
        .await
        .or_problem(lang)?;
    let view = thread_of(&state, client, asked.id, lang).await?;
    Ok(created(&view, format!("/api/v1/introductions/{}", view.id), lang))
}

/// One introduction as the token's side sees it: both sides' contacts once accepted, the thread.
#[utoipa::path(get, path = "/api/v1/introductions/{id}", tag = "introductions",
    params(("id" = i32, Path, description = "The introduction id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The introduction", body = IntroductionView),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown, or not one of the token organisation's", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_introduction(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<String>,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let client = require_token(&caller, lang)?;
    let id = introduction_id(&id, lang)?;
    let view = thread_of(&state, client, id, lang).await?;
    Ok(private_json(&view))
}

/// Accepts a pending introduction asked of the token's organisation: both sides' contacts are
/// shared from now on. Needs a write token.
#[utoipa::path(post, path = "/api/v1/introductions/{id}/accept", tag = "introductions",
    params(("id" = i32, Path, description = "The introduction id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "Accepted", body = IntroductionView),
        (status = 403, description = "A read-only token, or the asking side", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown, or not one of the token organisation's", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Already answered or expired", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn accept_introduction(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<String>,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let client = require_write(&caller, lang)?;
    let id = introduction_id(&id, lang)?;
    introductions::decide(&state.db, &state.public_origin, Actor::Token(client), id, None)
        .await
        .or_problem(lang)?;
    let view = thread_of(&state, client, id, lang).await?;
    Ok(private_json(&view))
}

/// Declines a pending introduction asked of the token's organisation, with a reason the asker
/// sees. Needs a write token.
#[utoipa::path(post, path = "/api/v1/introductions/{id}/decline", tag = "introductions", request_body = DeclineRequest,
    params(("id" = i32, Path, description = "The introduction id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "Declined", body = IntroductionView),
        (status = 403, description = "A read-only token, or the asking side", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown, or not one of the token organisation's", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No valid reason, or already answered or expired", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn decline_introduction(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let client = require_write(&caller, lang)?;
    let id = introduction_id(&id, lang)?;
    let request: DeclineRequest = match json_body(&headers, &body) {
        Ok(request) => request,
        Err(response) => return Ok(*response),
    };
    let note = request.note.unwrap_or_default();
    introductions::decide(
        &state.db,
        &state.public_origin,
        Actor::Token(client),
        id,
        Some((&request.reason, &note)),
    )
    .await
    .or_problem(lang)?;
    let view = thread_of(&state, client, id, lang).await?;
    Ok(private_json(&view))
}

/// The thread of an introduction, oldest first.
#[utoipa::path(get, path = "/api/v1/introductions/{id}/messages", tag = "introductions",
    params(("id" = i32, Path, description = "The introduction id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The messages", body = Vec<MessageView>),
        (status = 404, description = "Unknown, or not one of the token organisation's", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_messages(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<String>,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let client = require_token(&caller, lang)?;
    let id = introduction_id(&id, lang)?;
    let view = thread_of(&state, client, id, lang).await?;
    Ok(private_json(&view.messages))
}

/// Writes in the thread of an accepted introduction, for the token's side. Needs a write token.
#[utoipa::path(post, path = "/api/v1/introductions/{id}/messages", tag = "introductions", request_body = MessageRequest,
    params(("id" = i32, Path, description = "The introduction id")), security(("bearer" = [])),
    responses(
        (status = 201, description = "Sent", body = MessageView),
        (status = 403, description = "A read-only token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown, or not one of the token organisation's", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty or too long, or the introduction is not accepted", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn post_message(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let client = require_write(&caller, lang)?;
    let id = introduction_id(&id, lang)?;
    let request: MessageRequest = match json_body(&headers, &body) {
        Ok(request) => request,
        Err(response) => return Ok(*response),
    };
    let sent = introductions::post_message(&state.db, &state.public_origin, Actor::Token(client), id, &request.body)
        .await
        .or_problem(lang)?;
    let view = thread_of(&state, client, id, lang).await?;
    let message = view
        .messages
        .into_iter()
        .find(|m| m.id == sent.id)
        .ok_or(ApiError(AppError::NotFound, lang))?;
    Ok(created(&message, format!("/api/v1/introductions/{id}/messages"), lang))
}
