//! `/api/v1/organisations`: active organisations and one organisation's profile.
use super::*;

/// Paging of the organisation list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrgQuery {
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Items per page, 1–500 (default 100).
    pub limit: Option<String>,
}

/// A page of organisations.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OrganisationPage {
    pub items: Vec<OrgRef>,
    /// The cursor of the next page, when there is one.
    pub next_cursor: Option<String>,
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
        .map_err(|_| ApiError(AppError::invalid("query", Msg::ErrChooseOne), lang))?;
    let limit = match params.limit.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        None => 100,
        Some(l) => l
            .parse::<u64>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or(ApiError(AppError::invalid("limit", Msg::ErrNumber), lang))?,
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
