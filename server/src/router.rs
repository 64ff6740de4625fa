//! Every route of the server in one place.
use crate::api_limit::RateLimiter;
use crate::forms::{accounts, admin, board, introductions, listings, organisations, searches, tokens, trust, uploads};
use crate::{api, config::Config, health, middleware};
use app::state::AppState;
use app::{shell, App};
use axum::{
    body::Body,
    http::{header, HeaderValue, Request, Response, StatusCode},
    routing::{get, post},
    Router,
};
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::any::Any;
use std::sync::Arc;
use tower::ServiceBuilder;
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    services::ServeDir,
    set_header::SetResponseHeaderLayer,
    timeout::TimeoutLayer,
    trace::TraceLayer,
};
use utoipa::OpenApi;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};
use utoipa_axum::routes;

/// Builds the application: pages (Leptos, server-rendered), server functions, health checks,
/// static assets, and the layers every request passes through.
pub fn build_router(state: AppState, config: &Config) -> Router {
    let routes = generate_route_list(App);
    let pkg_dir = config.site_root.join(&*state.leptos_options.site_pkg_dir);

    // Hashed file names (cargo-leptos `hash-files`) never change content: cache for a year.
    let pkg = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        ))
        // scripts/precompress.sh writes .br/.gz next to each file at build time (brotli -q 11
        // beats on-the-fly compression by ~20% on the wasm); files without them are compressed
        // by the layer below.
        .service(ServeDir::new(pkg_dir).precompressed_br().precompressed_gzip());

    let x_request_id = header::HeaderName::from_static("x-request-id");
    let hsts = config.public_origin.starts_with("https://").then(|| {
        SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        )
    });
    Router::new()
        .route("/healthz", get(health::healthz))
        // Browsers ask for it whatever the page links; the icon is an SVG.
        .route("/favicon.ico", get(|| async { axum::response::Redirect::permanent("/favicon.svg") }))
        .route("/readyz", get(health::readyz))
        // Account forms (the GET side of each path is the Leptos page).
        .route("/account/signup", post(accounts::sign_up))
        .route("/account/signin", post(accounts::sign_in))
        .route("/account/signout", post(accounts::sign_out))
        .route("/account/signout-everywhere", post(accounts::sign_out_everywhere))
        .route("/account/confirm", post(accounts::confirm_email))
        .route("/account/resend-confirmation", post(accounts::resend_confirmation))
        .route("/account/forgot", post(accounts::forgot_password))
        .route("/account/reset", post(accounts::reset_password))
        .route("/account/password", post(accounts::change_password))
        .route("/account/active-organisation", post(organisations::switch_organisation))
        .route("/admin/roles", post(admin::set_platform_role))
        // Listings.
        .route("/listings/new", post(listings::create_listing))
        .route("/listings/{id}/edit", post(listings::update_listing))
        .route("/listings/{id}/step", post(listings::listing_step))
        .route("/listings/{id}/report", post(listings::report_listing))
        .route("/moderation/listings/{id}", post(listings::moderate_listing))
        .route("/my/listings/import", post(listings::import_listings))
        .route("/listings/template/{file}", get(listings::template))
        .route("/listings/export.csv", get(listings::export_csv))
        .route("/orgs/{slug}/logistics", post(listings::save_logistics))
        .route("/orgs/new", post(organisations::create_organisation))
        .route("/orgs/{slug}/edit", post(organisations::update_organisation))
        .route("/orgs/{slug}/members/invite", post(organisations::invite_member))
        .route("/orgs/{slug}/members/role", post(organisations::change_member_role))
        .route("/invitations/accept", post(organisations::accept_invitation))
        .route("/orgs/{slug}/verification", post(trust::submit_verification))
        .route("/orgs/{slug}/report", post(trust::report_organisation))
        .route("/orgs/{slug}/endorsement", post(trust::endorse))
        .route("/orgs/{slug}/endorsement/withdraw", post(trust::withdraw_endorsement))
        .route("/moderation/verifications/{id}", post(trust::decide_verification))
        .route("/moderation/reports/{id}", post(trust::moderate_report))
        .route("/orgs/{slug}/tokens", post(tokens::create_api_token))
        .route("/orgs/{slug}/tokens/{id}/revoke", post(tokens::revoke_api_token))
        .route("/orgs/{slug}/logo", post(organisations::upload_logo))
        // Introductions (matchmaking): asked on a listing or a profile, answered in the inbox.
        .route("/listings/{id}/introduction", post(introductions::request_from_listing))
        .route("/orgs/{slug}/introduction", post(introductions::request_from_organisation))
        .route("/inbox/{id}/accept", post(introductions::accept))
        .route("/inbox/{id}/decline", post(introductions::decline))
        .route("/inbox/{id}/messages", post(introductions::post_message))
        .route("/inbox/{id}/block", post(introductions::block))
        .route("/inbox/{id}/report", post(introductions::report))
        // Saved searches, their alerts and feeds.
        .route("/search/saved", post(searches::save_search))
        // The border market board: post, take down, decide; a minimal account from the board.
        .route("/gates/{id}/board", post(board::post_notice))
        .route("/gates/{id}/board/join", post(board::join))
        .route("/board/{id}/withdraw", post(board::withdraw))
        .route("/board/{id}/moderate", post(board::moderate))
        .route("/my/searches/{id}", post(searches::update_search))
        .route("/my/searches/{id}/delete", post(searches::delete_search))
        .route("/alerts/unsubscribe", post(searches::unsubscribe))
        .route("/search.atom", get(crate::feeds::search_atom))
        .route("/uploads/logos/{file}", get(uploads::serve_logo))
        .route("/uploads/photos/{file}", get(uploads::serve_photo))
        .route("/listings/{id}/photos", post(listings::add_photo))
        .route("/listings/{id}/photos/{photo}/delete", post(listings::remove_photo))
        .route("/moderation/evidence/{file}", get(uploads::serve_evidence))
        // The public API for integrators (own error format, token check and rate limit).
        .route("/api/docs", get(crate::api_docs::docs_page))
        .merge(api_v1_service(
            &state,
            Arc::new(RateLimiter::per_minute(config.api_rate_token, config.api_rate_anonymous)),
        ))
        .nest_service("/pkg", pkg)
        .leptos_routes(&state, routes, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        // The other files of the site root (favicon, fonts), and the not-found page for any other
        // path. Not `leptos_axum::file_and_error_handler`: it answers a static file inside
        // `Owner::new()`, a child of whatever reactive owner is current on the worker thread, which
        // can be a page still rendering on it; its `ResponseOptions` are then found by context and
        // moved onto the file's response. Measured (Playwright, 6 parallel signed-in browsers):
        // about 2% of pages lost their Content-Security-Policy to a concurrent `/favicon.svg` that
        // way, and with the fallback policy (`default-src 'none'`) their islands never loaded.
        .fallback_service(
            ServeDir::new(&config.site_root)
                .precompressed_br()
                .precompressed_gzip()
                .append_index_html_on_directories(false)
                .call_fallback_on_method_not_allowed(true)
                .fallback(axum::routing::any(not_found).with_state(state.clone())),
        )
        .layer(axum::middleware::from_fn(middleware::server_fn_errors))
        // Inside `identify` (it must know who is signed in) and inside the language cookie and
        // `Vary` layers (they add their headers to every answer, cached or not).
        .layer(axum::middleware::from_fn_with_state(
            crate::page_cache::PageCache::new(config.page_cache_ttl),
            crate::page_cache::cache_pages,
        ))
        .layer(axum::middleware::from_fn(middleware::remember_language))
        .layer(axum::middleware::from_fn(vary_on_language))
        .layer(axum::middleware::from_fn_with_state(state.clone(), middleware::identify))
        .layer(axum::middleware::from_fn(middleware::same_origin_mutations))
        .layer(axum::Extension(middleware::RequestPolicy {
            public_origin: config.public_origin.clone(),
            trusted_proxies: config.trusted_proxies.clone(),
        }))
        // Pages and JSON compressed in one piece, sized to the body (server/src/compress.rs); what
        // it leaves (CSV exports, which stream) the CompressionLayer below compresses as a stream.
        .layer(axum::middleware::from_fn_with_state(
            config.compression_quality,
            crate::compress::compress,
        ))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(x_request_id.clone(), MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<Body>| {
                    let id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
                    tracing::info_span!("request", method = %request.method(), uri = %request.uri().path(), request_id = %id)
                }))
                .layer(PropagateRequestIdLayer::new(x_request_id))
                .layer(CatchPanicLayer::custom(panic_response))
                .layer(
                    CompressionLayer::new()
                        .br(true)
                        .gzip(true)
                        .quality(tower_http::CompressionLevel::Precise(config.compression_quality as i32)),
                )
                .layer(RequestBodyLimitLayer::new(config.body_limit_bytes))
                .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, config.request_timeout)),
        )
        // Outside the body limit, so it sees the limit's 413.
        .layer(axum::middleware::from_fn(listings::import_too_large))
        // Headers every response carries. Pages send their own Content-Security-Policy (with the
        // render's script nonce, see `app::routes::content_security_policy`); every other response
        // (JSON, CSV, files, redirects, errors) gets one that allows nothing to run or frame it.
        .layer(
            ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                ))
                .layer(SetResponseHeaderLayer::overriding(
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("strict-origin-when-cross-origin"),
                ))
                .layer(SetResponseHeaderLayer::overriding(
                    header::X_FRAME_OPTIONS,
                    HeaderValue::from_static("DENY"),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(
                        "default-src 'none'; img-src 'self'; style-src 'self'; font-src 'self'; \
                         base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
                    ),
                )),
        )
        .layer(tower::util::option_layer(hsts))
        .with_state(state)
}

/// Every `/api/v1` operation, registered once with its OpenAPI annotation (`#[utoipa::path]` on
/// the handler): the router serves these and `api_docs` derives the document from them. A
/// method a path does not take answers 405 as problem+json.
pub fn api_v1() -> OpenApiRouter<AppState> {
    use crate::api::{introductions, listings, me, organisations, search};
    fn others_refused(route: UtoipaMethodRouter<AppState>) -> UtoipaMethodRouter<AppState> {
        let (schemas, paths, method_router) = route;
        (schemas, paths, method_router.fallback(api::method_not_allowed))
    }
    OpenApiRouter::with_openapi(crate::api_docs::ApiDoc::openapi())
        .routes(others_refused(routes!(me::me)))
        .routes(others_refused(routes!(
            listings::list_listings,
            listings::create_listing
        )))
        .routes(others_refused(routes!(listings::export_listings)))
        .routes(others_refused(routes!(listings::get_listing, listings::update_listing)))
        .routes(others_refused(routes!(listings::archive_listing)))
        .routes(others_refused(routes!(listings::listing_matches)))
        .routes(others_refused(routes!(listings::add_listing_photo)))
        .routes(others_refused(routes!(listings::delete_listing_photo)))
        .routes(others_refused(routes!(search::search)))
        .routes(others_refused(routes!(search::suggest)))
        .routes(others_refused(routes!(organisations::list_organisations)))
        .routes(others_refused(routes!(organisations::get_organisation)))
        .routes(others_refused(routes!(
            introductions::list_introductions,
            introductions::create_introduction
        )))
        .routes(others_refused(routes!(introductions::get_introduction)))
        .routes(others_refused(routes!(introductions::accept_introduction)))
        .routes(others_refused(routes!(introductions::decline_introduction)))
        .routes(others_refused(routes!(
            introductions::list_messages,
            introductions::post_message
        )))
}

/// The API with its document, its 404s, and the gate every call passes (token, scope, rate limit).
fn api_v1_service(state: &AppState, limiter: Arc<RateLimiter>) -> Router<AppState> {
    use axum::routing::any;
    let gate = api::GateState {
        app: state.clone(),
        limiter,
    };
    let (operations, _document) = api_v1().split_for_parts();
    operations
        .route(
            "/api/v1/openapi.json",
            get(crate::api_docs::openapi_json).fallback(api::method_not_allowed),
        )
        .route("/api/v1", any(api::not_found))
        .route("/api/v1/{*rest}", any(api::not_found))
        .layer(axum::middleware::from_fn_with_state(gate, api::gate))
}

/// One URL answers in the language named by `?lang`, the `corridor_lang` cookie or
/// `Accept-Language`, and for the session cookie's user: caches must key on both headers
/// (the compression layer adds `Accept-Encoding`). Hashed static files depend on neither.
async fn vary_on_language(request: axum::extract::Request, next: axum::middleware::Next) -> Response<Body> {
    let is_static = request.uri().path().starts_with("/pkg/") || request.uri().path().starts_with("/fonts/");
    let mut response = next.run(request).await;
    if !is_static {
        response
            .headers_mut()
            .append(header::VARY, HeaderValue::from_static("cookie, accept-language"));
    }
    response
}

/// The not-found page for a path nothing else answers, rendered under a reactive root of its
/// own like every page.
async fn not_found(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: Request<Body>,
) -> Response<Body> {
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || leptos::prelude::provide_context(state.clone()),
        move || shell(options.clone()),
    );
    let mut response = handler(request).await;
    // The page sets its 404; a status it set on purpose (a redirect, say) stays.
    if response.status() == StatusCode::OK {
        *response.status_mut() = StatusCode::NOT_FOUND;
    }
    response
}

/// A panic becomes a plain 500 page with a reference; the panic message goes to the log only.
fn panic_response(err: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let reference = uuid::Uuid::new_v4().simple().to_string()[..12].to_owned();
    let detail = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("panic");
    tracing::error!(%reference, detail, "handler panicked");
    let body = format!(
        "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>Error · Corridor</title>\
         <h1>Something went wrong · Đã xảy ra lỗi · ເກີດຂໍ້ຜິດພາດ</h1>\
         <p>Reference: <code>{reference}</code></p><p><a href=\"/\">Corridor</a></p></html>"
    );
    Response::builder()
        .status(StatusCode::INTERNAL_SERVER_ERROR)
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .body(Body::from(body))
        .expect("static response parts are valid")
}
