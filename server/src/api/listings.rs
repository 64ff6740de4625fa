//! `/api/v1/listings`: list (with the browse filters and a cursor), CSV export, read, and —
//! with a write token — create, update and archive.
use super::*;

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

impl ListQuery {
    fn parse(query: Option<&str>) -> Result<ListQuery, AppError> {
        serde_urlencoded::from_str(query.unwrap_or("")).map_err(|_| AppError::invalid("query", Msg::ErrChooseOne))
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
                .ok_or_else(|| AppError::invalid("limit", Msg::ErrNumber)),
        }
    }
}

/// A listing to create or replace: the listing's fields (the same ones as the web form and the
/// CSV columns), plus the organisation and whether to publish. Every field is optional in
/// JSON; which ones are needed depends on `kind` (the validation answers 422 with each
/// problem). Numbers may be sent as JSON numbers or strings; dates as `YYYY-MM-DD`. An unknown
/// key is refused (400).
#[derive(Debug, Default, ToSchema)]
pub struct ListingRequest {
    /// The organisation's slug; defaults to the token's organisation.
    pub organisation: Option<String>,
    #[serde(flatten)]
    #[schema(inline)]
    pub listing: ListingInput,
    /// Create: `true` publishes at once, otherwise a draft. Update: `true` publishes,
    /// `false` makes it a draft, absent keeps the status.
    pub publish: Option<bool>,
}

impl<'de> Deserialize<'de> for ListingRequest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let mut map = serde_json::Map::<String, serde_json::Value>::deserialize(deserializer)?;
        let organisation = match map.remove("organisation") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(slug)) => Some(slug),
            Some(_) => return Err(D::Error::custom("organisation: expected a string")),
        };
        let publish = match map.remove("publish") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::Bool(b)) => Some(b),
            Some(_) => return Err(D::Error::custom("publish: expected true or false")),
        };
        if let Some(unknown) = map.keys().find(|k| !ListingInput::is_field(k)) {
            return Err(D::Error::custom(format!("unknown field `{unknown}`")));
        }
        let listing = serde_json::from_value(serde_json::Value::Object(map)).map_err(D::Error::custom)?;
        Ok(ListingRequest {
            organisation,
            listing,
            publish,
        })
    }
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
    let (kind, csv) = csv_io::export_matching(&state.db, &params.filters(), lang)
        .await
        .or_problem(lang)?;
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
        &request.listing,
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
        &request.listing,
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

/// The matches of one of the token organisation's listings: counterparts and transport, best
/// first, each with its score (0–100) and the reasons that make it up.
#[utoipa::path(get, path = "/api/v1/listings/{id}/matches", tag = "listings",
    params(("id" = i32, Path, description = "The listing id"), LangQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "The matches", body = app::model::MatchesView),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown, or another organisation's listing", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn listing_matches(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<String>,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let client = require_token(&caller, lang)?;
    let id = listing_id(&id, lang)?;
    let reference = state
        .reference
        .get(&state.db)
        .await
        .map_err(AppError::from)
        .or_problem(lang)?;
    let matches = app::domain::matching::for_listing(&state.db, Some(&reference), Actor::Token(client), id, lang)
        .await
        .or_problem(lang)?;
    Ok(cached_json(&headers, &matches, lang, true))
}

/// Adds a photo to one of the token organisation's listings (at most six). The request body is
/// the image itself — JPEG, PNG or WebP, recognised by its bytes, within the request size limit.
/// The server writes it again (upright, at most 1600 px, JPEG without metadata: no location, no
/// camera data) with a thumbnail, and answers the listing with its photos.
#[utoipa::path(post, path = "/api/v1/listings/{id}/photos", tag = "listings",
    params(("id" = i32, Path, description = "The listing id")), security(("bearer" = [])),
    request_body(content = Vec<u8>, content_type = "image/jpeg", description = "The image: image/jpeg, image/png or image/webp"),
    responses(
        (status = 201, description = "Added: the listing with its photos", body = ListingView),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read-only token, or another organisation's listing", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown listing", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a JPEG, PNG or WebP image, or six photos already", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn add_listing_photo(
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
    app::domain::listings::photos::add(&state.db, &state.data_dir, Actor::Token(client), id, body.to_vec())
        .await
        .or_problem(lang)?;
    let view = browse::get_for_client(&state.db, id, Some(client), lang)
        .await
        .or_problem(lang)?;
    Ok((StatusCode::CREATED, axum::Json(view)).into_response())
}

/// Removes a photo of one of the token organisation's listings.
#[utoipa::path(delete, path = "/api/v1/listings/{id}/photos/{photo}", tag = "listings",
    params(("id" = i32, Path, description = "The listing id"), ("photo" = i32, Path, description = "The photo id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read-only token, or another organisation's listing", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown listing or photo", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_listing_photo(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((id, photo)): Path<(String, String)>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let lang = api_lang(query.as_deref(), &headers);
    let client = require_write(&caller, lang)?;
    let id = listing_id(&id, lang)?;
    let photo = listing_id(&photo, lang)?;
    app::domain::listings::photos::remove(&state.db, &state.data_dir, Actor::Token(client), id, photo)
        .await
        .or_problem(lang)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
