//! Header (navigation, language switcher), main area and footer.
use crate::components::search_box::SearchBox;
use crate::i18n::{lang_href, t, Lang, Msg};
use crate::routes::PageRequest;
use leptos::prelude::*;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let request = use_context::<PageRequest>().unwrap_or_default();
    let lang = request.lang;
    let nav = [
        ("/", Msg::NavHome),
        ("/listings", Msg::NavListings),
        ("/logistics", Msg::NavLogistics),
        ("/gates", Msg::NavGates),
        ("/sources", Msg::NavSources),
    ];
    let current = request.path.clone();
    view! {
        <a class="skip" href="#main">{t(lang, Msg::SkipToContent)}</a>
        <header class="site-header">
            <div class="bar">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true">"⇄"</span>
                    <span>{t(lang, Msg::SiteName)}</span>
                </a>
                <div class="tools">
                    <SearchBox
                        lang
                        input_id="header-q".to_owned()
                        class="header-search".to_owned()
                        value=String::new()
                        placeholder=t(lang, Msg::SearchTitle).to_owned()
                        label=t(lang, Msg::SiteSearchLabel).to_owned()
                    />
                    <AccountLinks lang viewer=request.viewer.clone()/>
                    <LanguageSwitcher request=request.clone()/>
                </div>
            </div>
            <nav class="main-nav" aria-label=t(lang, Msg::MainNavigation)>
                {nav
                    .into_iter()
                    .map(|(href, msg)| {
                        let active = if href == "/" { current == "/" } else { current.starts_with(href) };
                        view! {
                            <a href=href aria-current=active.then_some("page")>{t(lang, msg)}</a>
                        }
                    })
                    .collect_view()}
            </nav>
        </header>
        <main id="main">{children()}</main>
        <footer class="site-footer">
            <p>{t(lang, Msg::FooterData)} " " <a href="/sources">{t(lang, Msg::FooterSourcesLink)}</a></p>
            <p class="muted">{t(lang, Msg::Tagline)}</p>
        </footer>
    }
}

/// Plain links, so switching works without JavaScript and the URL can be shared;
/// the server remembers the choice in a cookie.
#[component]
fn LanguageSwitcher(request: PageRequest) -> impl IntoView {
    let lang = request.lang;
    view! {
        <nav class="lang-switcher" aria-label=t(lang, Msg::LanguageLabel)>
            {Lang::ALL
                .into_iter()
                .map(|option| {
                    let href = lang_href(&request.path, request.query.as_deref(), option);
                    view! {
                        <a
                            href=href
                            hreflang=option.code()
                            lang=option.code()
                            aria-current=(option == lang).then_some("true")
                        >
                            {option.endonym()}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// Sign in / create account, or the signed-in user's links and a sign-out button (a POST form).
#[component]
fn AccountLinks(lang: Lang, viewer: Option<crate::model::Viewer>) -> impl IntoView {
    match viewer {
        None => view! {
            <nav class="account-links" aria-label=t(lang, Msg::NavAccount)>
                <a href="/account/signin">{t(lang, Msg::NavSignIn)}</a>
                <a href="/account/signup">{t(lang, Msg::NavSignUp)}</a>
            </nav>
        }
        .into_any(),
        Some(viewer) => view! {
            <nav class="account-links" aria-label=t(lang, Msg::NavAccount)>
                <a href="/account">{viewer.display_name.clone()}</a>
                <a href="/inbox">
                    {t(lang, Msg::InboxTitle)}
                    {(viewer.unread > 0).then(|| view! {
                        " " <span class="count" aria-label=crate::i18n::count(lang, viewer.unread, Msg::InboxUnreadCountOne, Msg::InboxUnreadCount)>{viewer.unread}</span>
                    })}
                </a>
                {viewer.is_moderator.then(|| view! { <a href="/moderation">{t(lang, Msg::ModerationTitle)}</a> })}
                {viewer.is_admin.then(|| view! { <a href="/admin/audit">{t(lang, Msg::NavAdmin)}</a> })}
                <form method="post" action="/account/signout" class="inline">
                    <button type="submit" class="link">{t(lang, Msg::SignOut)}</button>
                </form>
            </nav>
        }
        .into_any(),
    }
}
