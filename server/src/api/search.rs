//! `/api/v1/search` (full text with facets) and `/api/v1/search/suggest` (as you type).
use super::*;

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
        serde_urlencoded::from_str(query.unwrap_or("")).map_err(|_| AppError::invalid("query", Msg::ErrChooseOne))
    }

    fn params(&self) -> Result<SearchParams, AppError> {
        let text = |v: &Option<String>| v.as_deref().unwrap_or("").trim().to_owned();
        let limit = match self.limit.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            None => 0,
            Some(l) => l
                .parse::<u64>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| AppError::invalid("limit", Msg::ErrNumber))?,
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
        serde_urlencoded::from_str(query.unwrap_or("")).map_err(|_| AppError::invalid("query", Msg::ErrChooseOne))
    }

    fn limit(&self) -> Result<usize, AppError> {
        use app::domain::search::suggest::{DEFAULT_LIMIT, MAX_LIMIT};
        match self.limit.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            None => Ok(DEFAULT_LIMIT),
            Some(l) => l
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_LIMIT).contains(n))
                .ok_or_else(|| AppError::invalid("limit", Msg::ErrNumber)),
        }
    }
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
    // Names from the reference data in memory; should it fail to load, from the database.
    let reference = state.reference.get(&state.db).await.ok();
    let results =
        app::domain::search::search_with(&state.db, reference.as_deref(), state.search.as_deref(), &params, lang)
            .await
            .or_problem(lang)?;
    Ok(cached_json(&headers, &results, lang, caller.0.is_some()))
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
