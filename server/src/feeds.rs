//! Atom feeds (RFC 4287): `/search.atom?…` is the search of the same query string, newest
//! listings first, for a feed reader (issue #12). Written with `atom_syndication`, whose reader
//! the tests use to read it back. Public data only: the same search as the page, which shows
//! what anyone may see.
use app::domain::saved_searches::params_of;
use app::state::AppState;
use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;

/// Entries in a feed.
const FEED_ITEMS: u64 = 50;

pub async fn search_atom(State(state): State<AppState>, headers: HeaderMap, RawQuery(query): RawQuery) -> Response {
    let query = query.unwrap_or_default();
    let lang = app::cookies::reader_lang(&headers, Some(&query));
    let mut params = params_of(&query);
    params.sort = "newest".into();
    params.cursor.clear();
    params.limit = FEED_ITEMS;
    let reference = state.reference.get(&state.db).await.ok();
    let results = match app::domain::search::query::search_with(
        &state.db,
        reference.as_deref(),
        state.search.as_deref(),
        &params,
        lang,
    )
    .await
    {
        Ok(results) => results,
        Err(err) => {
            let status = err.status();
            return (status, status.canonical_reason().unwrap_or("error")).into_response();
        }
    };
    let origin = state.public_origin.trim_end_matches('/');
    let canonical = app::domain::saved_searches::canonical_query(&query);
    let page = format!("{origin}/search?{canonical}");
    let self_url = format!("{origin}/search.atom?{canonical}");
    let now: FixedDateTime = Utc::now().fixed_offset();
    let entries: Vec<Entry> = results
        .hits
        .iter()
        .filter_map(|hit| {
            let item = hit.listing.as_ref()?;
            let updated = chrono::DateTime::parse_from_rfc3339(&item.updated_at).unwrap_or(now);
            let published = item
                .published_on
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc().fixed_offset());
            let url = format!("{origin}{}", hit.url);
            let summary: String = hit.snippet.iter().map(|part| part.text.as_str()).collect();
            Some(Entry {
                id: url.clone(),
                title: Text::plain(hit.title.clone()),
                updated,
                published,
                authors: vec![Person {
                    name: item.organisation.name.clone(),
                    uri: Some(format!("{origin}/orgs/{}", item.organisation.slug)),
                    ..Default::default()
                }],
                links: vec![Link {
                    href: url,
                    rel: "alternate".into(),
                    mime_type: Some("text/html".into()),
                    ..Default::default()
                }],
                summary: (!summary.trim().is_empty()).then(|| Text::plain(summary)),
                ..Default::default()
            })
        })
        .collect();
    let updated = entries.iter().map(|e| e.updated).max().unwrap_or(now);
    let title = match params.q.trim() {
        "" => format!("Corridor · {}", app::i18n::t(lang, app::i18n::Msg::SearchTitle)),
        q => format!("Corridor · {q}"),
    };
    let feed = Feed {
        id: self_url.clone(),
        title: Text::plain(title),
        updated,
        lang: Some(lang.code().to_owned()),
        links: vec![
            Link {
                href: self_url,
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Default::default()
            },
            Link {
                href: page,
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            },
        ],
        entries,
        ..Default::default()
    };
    let mut response = (StatusCode::OK, feed.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    response
        .headers_mut()
        .insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    response
}
