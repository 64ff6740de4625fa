//! `/my/searches`: the signed-in user's saved searches (run, feed, how often to mail, delete), and
//! `/alerts/unsubscribe?token=…`: stop a search's e-mails from the link in the mail, without
//! signing in (a button, so that mail scanners opening the link change nothing).
use crate::components::common::{ErrorPage, PageMeta};
use crate::i18n::{t, Msg};
use crate::pages::account::{overview::redirect_to_sign_in, query_param};
use crate::routes::{use_lang, use_viewer};
use crate::serverfns::saved_searches::{get_unsubscribe::get_unsubscribe, list_saved_searches::list_saved_searches};
use crate::statuses::AlertFrequency;
use crate::vocab;
use leptos::prelude::*;

#[component]
pub fn SavedSearchesPage() -> impl IntoView {
    let lang = use_lang();
    if use_viewer().is_none() {
        redirect_to_sign_in("/my/searches");
    }
    let notice = query_param("notice").and_then(|n| match n.as_str() {
        "saved" => Some(Msg::SavedSearchSavedNotice),
        "deleted" => Some(Msg::SavedSearchDeletedNotice),
        "updated" => Some(Msg::SavedSearchUpdatedNotice),
        _ => None,
    });
    view! {
        <PageMeta lang title=t(lang, Msg::SavedSearchesTitle).to_owned() description=t(lang, Msg::SavedSearchesIntro).to_owned()/>
        <h1>{t(lang, Msg::SavedSearchesTitle)}</h1>
        {notice.map(|n| view! { <p class="notice" role="status">{t(lang, n)}</p> })}
        <crate::components::form::FormErrors lang form=crate::components::form::use_form_state()/>
        <p class="muted">{t(lang, Msg::SavedSearchesIntro)}</p>
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match list_saved_searches().await {
                    Ok(list) if list.is_empty() => view! { <p>{t(lang, Msg::SavedSearchesNone)}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="saved-searches">
                            {list.into_iter().map(|s| {
                                let id = s.id;
                                let field = format!("frequency-{id}");
                                view! {
                                    <li>
                                        <h2>{s.name.clone()}</h2>
                                        <p>
                                            <a href=format!("/search?{}", s.query)>{t(lang, Msg::SavedSearchRun)}</a>
                                            " · "
                                            <a href=format!("/search.atom?{}", s.query) type="application/atom+xml">{t(lang, Msg::AtomFeed)}</a>
                                            {s.last_sent_on.clone().map(|d| view! { " · " <span class="muted">{t(lang, Msg::LastAlert)} " " <time>{d}</time></span> })}
                                        </p>
                                        <form method="post" action=format!("/my/searches/{id}") class="inline-form">
                                            <label for=field.clone()>{t(lang, Msg::SaveSearchFrequency)}</label>
                                            <select id=field name="frequency">
                                                {AlertFrequency::ALL.iter().map(|f| {
                                                    let selected = *f == s.frequency;
                                                    view! { <option value=f.code() selected=selected>{vocab::label("alert_frequency", f.code(), lang)}</option> }
                                                }).collect_view()}
                                            </select>
                                            " " <button type="submit" class="secondary">{t(lang, Msg::SaveButton)}</button>
                                        </form>
                                        <form method="post" action=format!("/my/searches/{id}/delete") class="inline-form">
                                            <button type="submit" class="secondary">{t(lang, Msg::DeleteButton)}</button>
                                        </form>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let lang = use_lang();
    let token = query_param("token").unwrap_or_default();
    let done = query_param("done").is_some();
    view! {
        <PageMeta lang title=t(lang, Msg::UnsubscribeTitle).to_owned() description=String::new()/>
        <h1>{t(lang, Msg::UnsubscribeTitle)}</h1>
        <crate::components::form::FormErrors lang form=crate::components::form::use_form_state()/>
        {if done {
            view! { <p class="notice" role="status">{t(lang, Msg::UnsubscribedNotice)}</p> }.into_any()
        } else {
            view! {
                <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
                    {
                        let token = token.clone();
                        Suspend::new(async move {
                            match get_unsubscribe(token.clone()).await {
                                Ok(name) => view! {
                                    <p>{t(lang, Msg::UnsubscribeAsk).replace("{name}", &name)}</p>
                                    <form method="post" action="/alerts/unsubscribe">
                                        <input type="hidden" name="token" value=token.clone()/>
                                        <button type="submit">{t(lang, Msg::UnsubscribeButton)}</button>
                                    </form>
                                }.into_any(),
                                Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                            }
                        })
                    }
                </Suspense>
            }.into_any()
        }}
    }
}
