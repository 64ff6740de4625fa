//! Every page route in one place, and the HTML shell.
use crate::components::island_loader::IslandScripts;
use crate::components::layout::Layout;
use crate::i18n::Lang;
use crate::model::Viewer;
use crate::pages::account::{
    confirm::ConfirmPage, forgot::ForgotPage, overview::AccountPage, reset::ResetPage, sign_in::SignInPage,
    sign_up::SignUpPage,
};
use crate::pages::admin::{audit::AuditPage, mailbox::MailboxPage};
use crate::pages::board::{BoardJoinPage, BoardPage};
use crate::pages::inbox::{InboxPage, IntroductionPage};
use crate::pages::listings::{
    browse::BrowseListingsPage,
    detail::ListingPage,
    edit::EditListingPage,
    import::ImportPage,
    logistics::{EditLogisticsPage, LogisticsPartnersPage},
    mine::MyListingsPage,
    new::NewListingPage,
};
use crate::pages::moderation::ModerationPage;
use crate::pages::orgs::{
    accept::AcceptInvitationPage, edit::EditOrganisationPage, members::MembersPage, new::NewOrganisationPage,
    profile::OrganisationPage, tokens::TokensPage,
};
use crate::pages::search::SearchPage;
use crate::pages::{gate::GatePage, gates::GatesPage, home::HomePage, not_found::NotFound, sources::SourcesPage};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The request as the page sees it: language, path and query (for the language switcher).
#[derive(Clone, Debug, Default)]
pub struct PageRequest {
    pub lang: Lang,
    pub path: String,
    pub query: Option<String>,
    pub viewer: Option<Viewer>,
    /// The address users reach the portal at (`CORRIDOR_PUBLIC_ORIGIN`), for absolute URLs.
    pub public_origin: String,
}

#[cfg(feature = "ssr")]
fn page_request() -> PageRequest {
    let Some(parts) = use_context::<http::request::Parts>() else {
        return PageRequest::default();
    };
    let query = parts.uri.query();
    PageRequest {
        public_origin: use_context::<crate::state::AppState>()
            .map(|state| state.public_origin.clone())
            .unwrap_or_default(),
        lang: crate::cookies::reader_lang(&parts.headers, query),
        path: parts.uri.path().to_owned(),
        query: query.map(str::to_owned),
        viewer: parts
            .extensions
            .get::<crate::domain::accounts::CurrentUser>()
            .map(|user| {
                use crate::domain::policy::{allowed, Action};
                let platform = user.principal(None);
                Viewer {
                    user_id: user.user_id,
                    display_name: user.display_name.clone(),
                    email: user.email.clone(),
                    email_confirmed: user.email_confirmed,
                    is_admin: allowed(&platform, Action::ViewAuditLog),
                    is_moderator: allowed(&platform, Action::Moderate),
                    unread: parts
                        .extensions
                        .get::<crate::domain::introductions::Unread>()
                        .map_or(0, |u| u.0),
                }
            }),
    }
}

#[cfg(not(feature = "ssr"))]
fn page_request() -> PageRequest {
    PageRequest::default()
}

/// The signed-in user, as the page sees it.
pub fn use_viewer() -> Option<Viewer> {
    use_context::<PageRequest>().and_then(|r| r.viewer)
}

/// This page's address: its path and query (what sign-in comes back to).
pub fn use_page_address() -> String {
    match use_context::<PageRequest>() {
        Some(PageRequest {
            path,
            query: Some(query),
            ..
        }) => format!("{path}?{query}"),
        Some(request) => request.path,
        None => "/".to_owned(),
    }
}

/// The public origin (`https://…`), for absolute URLs in structured data.
pub fn use_public_origin() -> String {
    use_context::<PageRequest>()
        .map(|r| r.public_origin)
        .unwrap_or_default()
}

/// The page language, provided by the shell.
pub fn use_lang() -> Lang {
    use_context::<PageRequest>().map(|r| r.lang).unwrap_or_default()
}

/// The Content-Security-Policy of a page: scripts only with this response's nonce (leptos_axum
/// makes one per render and puts it on every script it writes: the island loader and resolved
/// resources), `strict-dynamic` so the nonce'd loader may import the wasm glue, WebAssembly
/// compilation allowed, nothing else inline.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
}

#[cfg(feature = "ssr")]
fn send_security_policy() {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    if let Ok(value) = http::HeaderValue::from_str(&content_security_policy(&nonce)) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

pub fn shell(options: LeptosOptions) -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    send_security_policy();
    let request = page_request();
    let lang = request.lang;
    provide_context(request);
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0b5d4b"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                // Lao pages draw their text in Noto Sans Lao from the first paint (style/main.css).
                {(lang == Lang::Lo).then(|| view! {
                    <link rel="preload" href="/fonts/noto-sans-lao-lao-400-normal.woff2" r#as="font" r#type="font/woff2" crossorigin="anonymous"/>
                    <link rel="preload" href="/fonts/noto-sans-lao-lao-700-normal.woff2" r#as="font" r#type="font/woff2" crossorigin="anonymous"/>
                })}
                // The islands' wasm loads when a reader first reaches for one (components::island_loader).
                <IslandScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/gates") view=GatesPage ssr=SsrMode::Async/>
                    <Route path=path!("/gates/:id") view=GatePage ssr=SsrMode::Async/>
                    <Route path=path!("/gates/:id/board") view=BoardPage ssr=SsrMode::Async/>
                    <Route path=path!("/gates/:id/board/join") view=BoardJoinPage ssr=SsrMode::Async/>
                    <Route path=path!("/sources") view=SourcesPage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/signup") view=SignUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/signin") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/confirm") view=ConfirmPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/forgot") view=ForgotPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/reset") view=ResetPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/mailbox") view=MailboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view=AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/moderation") view=ModerationPage ssr=SsrMode::Async/>
                    <Route path=path!("/orgs/new") view=NewOrganisationPage ssr=SsrMode::Async/>
                    <Route path=path!("/orgs/:slug") view=OrganisationPage ssr=SsrMode::Async/>
                    <Route path=path!("/orgs/:slug/edit") view=EditOrganisationPage ssr=SsrMode::Async/>
                    <Route path=path!("/orgs/:slug/members") view=MembersPage ssr=SsrMode::Async/>
                    <Route path=path!("/orgs/:slug/logistics") view=EditLogisticsPage ssr=SsrMode::Async/>
                    <Route path=path!("/orgs/:slug/tokens") view=TokensPage ssr=SsrMode::Async/>
                    <Route path=path!("/listings") view=BrowseListingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/listings/new") view=NewListingPage ssr=SsrMode::Async/>
                    <Route path=path!("/listings/:id") view=ListingPage ssr=SsrMode::Async/>
                    <Route path=path!("/listings/:id/edit") view=EditListingPage ssr=SsrMode::Async/>
                    <Route path=path!("/my/listings") view=MyListingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("/logistics") view=LogisticsPartnersPage ssr=SsrMode::Async/>
                    <Route path=path!("/my/listings/import") view=ImportPage ssr=SsrMode::Async/>
                    <Route path=path!("/invitations/accept") view=AcceptInvitationPage ssr=SsrMode::Async/>
                    <Route path=path!("/inbox") view=InboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/my/searches") view=crate::pages::searches::SavedSearchesPage ssr=SsrMode::Async/>
                    <Route path=path!("/alerts/unsubscribe") view=crate::pages::searches::UnsubscribePage ssr=SsrMode::Async/>
                    <Route path=path!("/my/matches") view=crate::pages::listings::matches::MyMatchesPage ssr=SsrMode::Async/>
                    <Route path=path!("/inbox/:id") view=IntroductionPage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
