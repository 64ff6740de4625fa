//! The OpenAPI 3.1 document of `/api/v1`, generated from the handlers' annotations
//! (`/api/v1/openapi.json`), and a plain HTML reading of it (`/api/docs`) rendered on the
//! server: no script, nothing fetched from elsewhere.
use crate::api;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::fmt::Write;
use std::sync::LazyLock;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// What the document says beyond its operations (which come from the router).
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Corridor API",
        version = "1",
        license(name = "MIT"),
        description = "Listings (commodities, investment opportunities, logistics routes) and organisations of the \
Vietnam–Laos trade portal. Reads are public; a bearer token (`Authorization: Bearer cor_…`, created by an \
organisation's editors) also reads its own organisation's listings in every status, and a write token creates, \
updates and archives them. Errors are `application/problem+json`. GET answers carry an `ETag` (send \
`If-None-Match` to get 304). Rate limit per token, or per client address without one, counted per server \
process: 429 with `Retry-After` when reached. Responses follow `?lang=vi|lo|en` or `Accept-Language`."
    ),
    components(schemas(api::Problem, api::FieldProblem)),
    modifiers(&BearerAuth),
    tags(
        (name = "listings", description = "Commodity offers and requests, investment opportunities, route offers"),
        (name = "search", description = "Full-text search with facets, and suggestions as you type (Vietnamese, Lao, English)"),
        (name = "organisations", description = "Active organisations"),
        (name = "introductions", description = "Introductions between organisations (matchmaking): asked, answered, and their message threads; contacts shared only once accepted"),
        (name = "tokens", description = "The calling token"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

/// The document as JSON (built once), from the routes `crate::router::api_v1` registers: an
/// operation exists in the document exactly when its route exists.
pub static OPENAPI_JSON: LazyLock<String> = LazyLock::new(|| {
    let (_, document) = crate::router::api_v1().split_for_parts();
    document.to_pretty_json().expect("the OpenAPI document serialises")
});

/// `GET /api/v1/openapi.json`
pub async fn openapi_json(headers: HeaderMap) -> Response {
    let mut response = api_cached(&headers);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    response
}

fn api_cached(headers: &HeaderMap) -> Response {
    let etag = format!(
        "\"{}\"",
        &app::domain::accounts::tokens::digest_bytes(OPENAPI_JSON.as_bytes())[..32]
    );
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim().trim_start_matches("W/") == etag));
    let parts = [(header::ETAG, etag), (header::CACHE_CONTROL, "no-cache".to_owned())];
    if fresh {
        (axum::http::StatusCode::NOT_MODIFIED, parts).into_response()
    } else {
        (parts, OPENAPI_JSON.as_str()).into_response()
    }
}

/// `GET /api/docs`: the OpenAPI document as a readable page.
pub async fn docs_page() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
            // Its one inline style sheet; no script at all.
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
            ),
        ],
        DOCS_HTML.as_str(),
    )
        .into_response()
}

static DOCS_HTML: LazyLock<String> = LazyLock::new(|| {
    let doc: Value = serde_json::from_str(&OPENAPI_JSON).expect("valid JSON");
    render(&doc)
});

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A schema's name (`$ref`) or type, in words: `ListingView`, `array of OrgRef`, `string`.
fn type_name(schema: &Value) -> String {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap_or(reference);
        return format!("<a href=\"#schema-{0}\">{0}</a>", esc(name));
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(items) = schema.get(key).and_then(Value::as_array) {
            let names: Vec<String> = items
                .iter()
                .filter(|s| s.get("type").and_then(Value::as_str) != Some("null"))
                .map(type_name)
                .collect();
            return names.join(" | ");
        }
    }
    let kind = match schema.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .collect::<Vec<_>>()
            .join(" | "),
        _ => "any".to_owned(),
    };
    if kind == "array" {
        if let Some(items) = schema.get("items") {
            return format!("array of {}", type_name(items));
        }
    }
    esc(&kind)
}

fn nullable(schema: &Value) -> bool {
    match schema.get("type") {
        Some(Value::Array(types)) => types.iter().any(|t| t == "null"),
        _ => ["oneOf", "anyOf"].iter().any(|k| {
            schema
                .get(*k)
                .and_then(Value::as_array)
                .is_some_and(|v| v.iter().any(|s| s.get("type") == Some(&Value::from("null"))))
        }),
    }
}

/// A description as HTML: escaped, with the Markdown code spans the OpenAPI texts use
/// (`` `GET /api/v1/me` ``) as `<code>` (an unpaired backtick stays as it is).
fn text(value: Option<&Value>) -> String {
    let escaped = esc(value.and_then(Value::as_str).unwrap_or(""));
    let parts: Vec<&str> = escaped.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return escaped;
    }
    let mut html = String::with_capacity(escaped.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            html.push_str("<code>");
            html.push_str(part);
            html.push_str("</code>");
        } else {
            html.push_str(part);
        }
    }
    html
}

/// The HTML page of an OpenAPI document.
pub fn render(doc: &Value) -> String {
    let mut html = String::new();
    let title = text(doc.pointer("/info/title"));
    let _ = write!(
        html,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · documentation</title><style>\
         body{{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;line-height:1.45}}\
         code,.path{{font-family:ui-monospace,monospace}}table{{border-collapse:collapse;width:100%;margin:.5rem 0}}\
         td,th{{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}}\
         .op{{border-top:2px solid #246;margin-top:1.5rem;padding-top:.5rem}}.method{{font-weight:bold;text-transform:uppercase}}\
         </style></head><body><main><h1>{title}</h1><p>Version {} · OpenAPI {} · \
         machine-readable: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a></p><p>{}</p>",
        text(doc.pointer("/info/version")),
        text(doc.get("openapi")),
        text(doc.pointer("/info/description")),
    );
    html.push_str("<h2>Operations</h2>");
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        html.push_str("<ul>");
        for (path, item) in paths {
            for (method, op) in item.as_object().into_iter().flatten() {
                let _ = write!(
                    html,
                    "<li><a href=\"#{}\"><span class=\"method\">{}</span> <span class=\"path\">{}</span></a> — {}</li>",
                    esc(&anchor(method, path)),
                    esc(method),
                    esc(path),
                    text(op.get("summary"))
                );
            }
        }
        html.push_str("</ul>");
        for (path, item) in paths {
            for (method, op) in item.as_object().into_iter().flatten() {
                operation(&mut html, path, method, op);
            }
        }
    }
    html.push_str("<h2>Schemas</h2>");
    if let Some(schemas) = doc.pointer("/components/schemas").and_then(Value::as_object) {
        for (name, schema) in schemas {
            let _ = write!(
                html,
                "<section id=\"schema-{0}\"><h3>{0}</h3><p>{1}</p>",
                esc(name),
                text(schema.get("description"))
            );
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                html.push_str("<table><tr><th>property</th><th>type</th><th>required</th><th>description</th></tr>");
                for (prop, prop_schema) in props {
                    let _ = write!(
                        html,
                        "<tr><td><code>{}</code></td><td>{}{}</td><td>{}</td><td>{}</td></tr>",
                        esc(prop),
                        type_name(prop_schema),
                        if nullable(prop_schema) { " or null" } else { "" },
                        if required.contains(&prop.as_str()) { "yes" } else { "no" },
                        text(prop_schema.get("description"))
                    );
                }
                html.push_str("</table>");
            } else {
                let _ = write!(html, "<p>Type: {}</p>", type_name(schema));
            }
            html.push_str("</section>");
        }
    }
    html.push_str("</main></body></html>");
    html
}

fn anchor(method: &str, path: &str) -> String {
    let slug: String = path
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("op-{method}{slug}")
}

fn operation(html: &mut String, path: &str, method: &str, op: &Value) {
    let _ = write!(
        html,
        "<section class=\"op\" id=\"{}\"><h3><span class=\"method\">{}</span> <span class=\"path\">{}</span></h3><p>{}</p>",
        esc(&anchor(method, path)),
        esc(method),
        esc(path),
        text(op.get("description").or_else(|| op.get("summary")))
    );
    let security: Vec<String> = op
        .get("security")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|s| match s.as_object() {
                    Some(o) if o.is_empty() => "none".to_owned(),
                    Some(o) => o.keys().map(|k| esc(k)).collect::<Vec<_>>().join(" + "),
                    None => String::new(),
                })
                .collect()
        })
        .unwrap_or_default();
    if !security.is_empty() {
        let _ = write!(html, "<p>Authentication: {}</p>", security.join(" or "));
    }
    if let Some(params) = op.get("parameters").and_then(Value::as_array) {
        html.push_str(
            "<table><tr><th>parameter</th><th>in</th><th>type</th><th>required</th><th>description</th></tr>",
        );
        for p in params {
            let _ = write!(
                html,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                text(p.get("name")),
                text(p.get("in")),
                p.get("schema").map(type_name).unwrap_or_default(),
                if p.get("required").and_then(Value::as_bool) == Some(true) {
                    "yes"
                } else {
                    "no"
                },
                text(p.get("description"))
            );
        }
        html.push_str("</table>");
    }
    if let Some(content) = op.pointer("/requestBody/content").and_then(Value::as_object) {
        for (media, body) in content {
            let _ = write!(
                html,
                "<p>Request body (<code>{}</code>): {}</p>",
                esc(media),
                body.get("schema").map(type_name).unwrap_or_default()
            );
        }
    }
    if let Some(responses) = op.get("responses").and_then(Value::as_object) {
        html.push_str("<table><tr><th>status</th><th>description</th><th>body</th></tr>");
        for (status, response) in responses {
            let bodies: Vec<String> = response
                .get("content")
                .and_then(Value::as_object)
                .map(|c| {
                    c.iter()
                        .map(|(media, m)| {
                            format!(
                                "<code>{}</code> {}",
                                esc(media),
                                m.get("schema").map(type_name).unwrap_or_default()
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            let _ = write!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(status),
                text(response.get("description")),
                bodies.join("<br>")
            );
        }
        html.push_str("</table>");
    }
    html.push_str("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_is_openapi_3_1_with_every_route_and_the_page_names_them() {
        let doc: Value = serde_json::from_str(&OPENAPI_JSON).unwrap();
        assert!(
            doc["openapi"].as_str().unwrap().starts_with("3.1"),
            "{}",
            doc["openapi"]
        );
        for path in [
            "/api/v1/listings",
            "/api/v1/listings.csv",
            "/api/v1/listings/{id}",
            "/api/v1/listings/{id}/archive",
            "/api/v1/organisations",
            "/api/v1/organisations/{slug}",
            "/api/v1/me",
            "/api/v1/search",
            "/api/v1/search/suggest",
        ] {
            assert!(doc["paths"].get(path).is_some(), "{path} missing");
        }
        for schema in [
            "ListingView",
            "ListingPage",
            "ListingRequest",
            "Problem",
            "OrgRef",
            "Names",
        ] {
            assert!(doc["components"]["schemas"].get(schema).is_some(), "{schema} missing");
        }
        let page = render(&doc);
        assert!(page.contains("/api/v1/listings/{id}/archive"));
        assert!(page.contains("id=\"schema-ListingView\""));
        assert!(!page.contains("<script"));
    }
}
