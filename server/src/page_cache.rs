//! A short-lived cache of the pages anonymous readers get (micro-caching).
//!
//! Most requests are readers who are not signed in, asking for the same few pages (`/`,
//! `/listings`, a listing, a gate); rendering each of them anew costs a few database round trips
//! and the render, milliseconds of CPU on a 2-core machine. This cache keeps a rendered page for a
//! moment (`CORRIDOR_PAGE_CACHE_MS`, default 1,000 ms; 0 turns it off) and answers the same
//! request from it:
//!
//! - only `GET` requests of readers who are not signed in (no `CurrentUser` after `identify`),
//!   for pages (not `/api`, `/_fn`, assets); only `200 text/html` answers without `Set-Cookie`
//!   and without `Cache-Control: no-store` or `private`;
//! - keyed by the whole URI and the language the page is rendered in (`?lang=`, the language
//!   cookie, `Accept-Language`, resolved as the page resolves it);
//! - every hit gets a fresh script nonce: the page's nonce (in the body and in its
//!   Content-Security-Policy) is replaced by a new random one, so no two responses share a nonce;
//! - any write this process answers (any method but GET/HEAD/OPTIONS) empties the cache, and a
//!   page rendered across such a write is not stored, so a reader never sees a page older than
//!   the last write here; writes made by another process (a second server, `corridor import`)
//!   show within the time-to-live;
//! - bounded: at most `MAX_ENTRIES` pages and `MAX_TOTAL_BYTES`; when full, expired pages go,
//!   then everything.
use app::domain::accounts::CurrentUser;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderMap, Method, StatusCode};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Pages kept at most (a page is 10–60 KB: a few tens of MB at worst).
pub const MAX_ENTRIES: usize = 1024;
/// A page longer than this is not kept.
const MAX_PAGE_BYTES: usize = 1 << 20;
/// The pages kept take at most this much memory together.
pub const MAX_TOTAL_BYTES: usize = 64 << 20;

struct Entry {
    stored: Instant,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    /// The nonce the page was rendered with (replaced on every hit).
    nonce: Option<String>,
}

/// The cache (cheap to clone; one per process).
#[derive(Clone)]
pub struct PageCache {
    inner: Arc<Inner>,
}

struct Inner {
    ttl: Duration,
    entries: Mutex<HashMap<String, Arc<Entry>>>,
    /// Bumped by every write; a render that saw another generation is not stored.
    generation: AtomicU64,
}

impl PageCache {
    pub fn new(ttl: Duration) -> Self {
        PageCache {
            inner: Arc::new(Inner {
                ttl,
                entries: Mutex::new(HashMap::new()),
                generation: AtomicU64::new(0),
            }),
        }
    }

    pub fn enabled(&self) -> bool {
        !self.inner.ttl.is_zero()
    }

    fn get(&self, key: &str) -> Option<Arc<Entry>> {
        let entries = self.inner.entries.lock().expect("page cache lock");
        entries
            .get(key)
            .filter(|e| e.stored.elapsed() < self.inner.ttl)
            .cloned()
    }

    fn put(&self, key: String, entry: Entry, generation: u64) {
        let mut entries = self.inner.entries.lock().expect("page cache lock");
        if self.inner.generation.load(Ordering::SeqCst) != generation {
            return;
        }
        let full = |entries: &HashMap<String, Arc<Entry>>| {
            entries.len() >= MAX_ENTRIES
                || entries.values().map(|e| e.body.len()).sum::<usize>() + entry.body.len() > MAX_TOTAL_BYTES
        };
        if full(&entries) {
            let ttl = self.inner.ttl;
            entries.retain(|_, e| e.stored.elapsed() < ttl);
            if full(&entries) {
                entries.clear();
            }
        }
        entries.insert(key, Arc::new(entry));
    }

    /// Forgets every page (after a write).
    pub fn clear(&self) {
        let mut entries = self.inner.entries.lock().expect("page cache lock");
        self.inner.generation.fetch_add(1, Ordering::SeqCst);
        entries.clear();
    }

    pub fn len(&self) -> usize {
        self.inner.entries.lock().expect("page cache lock").len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Paths that are never pages.
fn is_page_path(path: &str) -> bool {
    !(path.starts_with("/api/")
        || path == "/api"
        || path.starts_with("/_fn/")
        || path.starts_with("/pkg/")
        || path.starts_with("/fonts/")
        || path.starts_with("/uploads/")
        || path == "/healthz"
        || path == "/readyz"
        || path.contains('.'))
}

/// The script nonce of a page, from its Content-Security-Policy (`'nonce-…'`).
fn nonce_of(headers: &HeaderMap) -> Option<String> {
    let csp = headers.get(header::CONTENT_SECURITY_POLICY)?.to_str().ok()?;
    let rest = csp.split("'nonce-").nth(1)?;
    let nonce = rest.split('\'').next()?;
    (nonce.len() >= 16).then(|| nonce.to_owned())
}

/// Replaces every occurrence of `old` in `bytes` by `new`.
fn replace_all(bytes: &[u8], old: &[u8], new: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 64);
    let mut rest = bytes;
    while let Some(at) = find(rest, old) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(new);
        rest = &rest[at + old.len()..];
    }
    out.extend_from_slice(rest);
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    let mut from = 0;
    while let Some(offset) = haystack[from..=haystack.len() - needle.len()]
        .iter()
        .position(|&b| b == first)
    {
        let at = from + offset;
        if &haystack[at..at + needle.len()] == needle {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The response for a hit: the stored page with a fresh nonce.
fn answer(entry: &Entry) -> Response {
    let mut headers = entry.headers.clone();
    let body = match &entry.nonce {
        Some(old) => {
            let fresh = leptos::nonce::Nonce::new();
            let fresh = fresh.as_inner().as_ref();
            if let Some(csp) = headers
                .get(header::CONTENT_SECURITY_POLICY)
                .and_then(|v| v.to_str().ok())
            {
                if let Ok(value) = csp.replace(old.as_str(), fresh).parse() {
                    headers.insert(header::CONTENT_SECURITY_POLICY, value);
                }
            }
            Bytes::from(replace_all(&entry.body, old.as_bytes(), fresh.as_bytes()))
        }
        None => entry.body.clone(),
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = entry.status;
    *response.headers_mut() = headers;
    response
}

/// The middleware (inside `identify`, so a signed-in reader is known).
pub async fn cache_pages(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    if !matches!(method, Method::GET | Method::HEAD | Method::OPTIONS) {
        // A write: whatever it changes, no page stored before it is served after it.
        let response = next.run(request).await;
        cache.clear();
        return response;
    }
    if !cache.enabled()
        || method != Method::GET
        || request.extensions().get::<CurrentUser>().is_some()
        || !is_page_path(request.uri().path())
    {
        return next.run(request).await;
    }
    let lang = app::cookies::reader_lang(request.headers(), request.uri().query());
    let key = format!("{}\u{0}{}", lang.code(), request.uri());
    if let Some(entry) = cache.get(&key) {
        return answer(&entry);
    }
    let generation = cache.inner.generation.load(Ordering::SeqCst);
    let response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let private = response
        .headers()
        .get_all(header::CACHE_CONTROL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("no-store") || v.contains("private"));
    if response.status() != StatusCode::OK || !html || private || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(body) => body,
        Err(error) => {
            tracing::error!("page not cached: {error}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let nonce = nonce_of(&parts.headers);
    cache.put(
        key,
        Entry {
            stored: Instant::now(),
            status: parts.status,
            headers: parts.headers.clone(),
            body: body.clone(),
            nonce,
        },
        generation,
    );
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_all_replaces_every_occurrence() {
        assert_eq!(replace_all(b"a NONCE b NONCE", b"NONCE", b"fresh"), b"a fresh b fresh");
        assert_eq!(replace_all(b"nothing", b"NONCE", b"x"), b"nothing");
        assert_eq!(replace_all(b"NONCENONCE", b"NONCE", b"n"), b"nn");
    }

    #[test]
    fn the_nonce_comes_from_the_policy() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'nonce-AbCdEfGhIjKlMnOpQrStUv' 'strict-dynamic'"
                .parse()
                .unwrap(),
        );
        assert_eq!(nonce_of(&headers).as_deref(), Some("AbCdEfGhIjKlMnOpQrStUv"));
        assert_eq!(nonce_of(&HeaderMap::new()), None);
    }

    #[test]
    fn pages_are_not_assets_or_api() {
        for page in [
            "/",
            "/listings",
            "/listings/12",
            "/gates/lao-bao",
            "/orgs/viet-lao-az",
            "/search",
        ] {
            assert!(is_page_path(page), "{page}");
        }
        for other in [
            "/api/v1/listings",
            "/_fn/suggest",
            "/pkg/corridor.abc.wasm",
            "/favicon.svg",
            "/healthz",
            "/fonts/x.woff2",
        ] {
            assert!(!is_page_path(other), "{other}");
        }
    }

    #[test]
    fn a_write_between_render_and_store_keeps_the_page_out() {
        let cache = PageCache::new(Duration::from_secs(60));
        let entry = || Entry {
            stored: Instant::now(),
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: Bytes::from_static(b"page"),
            nonce: None,
        };
        let before = cache.inner.generation.load(Ordering::SeqCst);
        cache.clear();
        cache.put("k".into(), entry(), before);
        assert!(cache.get("k").is_none());
        let now = cache.inner.generation.load(Ordering::SeqCst);
        cache.put("k".into(), entry(), now);
        assert!(cache.get("k").is_some());
        for i in 0..MAX_ENTRIES + 10 {
            cache.put(format!("k{i}"), entry(), now);
        }
        assert!(cache.len() <= MAX_ENTRIES);
    }
}
