use super::title_of;
use crate::components::common::{ErrorPage, PageMeta};
use crate::components::form::{use_form_state, FormErrors};
use crate::i18n::{t, Lang, Msg};
use crate::model::ListingView;
use crate::pages::account::{overview::redirect_to_sign_in, query_param};
use crate::routes::{use_lang, use_viewer};
use crate::serverfns::listings::list_my_listings::list_my_listings;
use crate::vocab;
use leptos::prelude::*;

#[component]
pub fn MyListingsPage() -> impl IntoView {
    let lang = use_lang();
    if use_viewer().is_none() {
        redirect_to_sign_in("/my/listings");
    }
    let form = use_form_state();
    let notice = query_param("notice").and_then(|n| match n.as_str() {
        "saved" => Some(t(lang, Msg::ListingSavedNotice).to_owned()),
        "imported" => Some(t(lang, Msg::ImportDoneNotice).replace("{n}", &query_param("n").unwrap_or_default())),
        _ => None,
    });
    view! {
        <PageMeta lang title=t(lang, Msg::MyListingsTitle).to_owned() description=t(lang, Msg::ListingsIntro).to_owned()/>
        <section>
            <h1>{t(lang, Msg::MyListingsTitle)}</h1>
            {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
            <FormErrors lang form/>
            <p>
                <a class="button" href="/listings/new">{t(lang, Msg::NewListingButton)}</a>
                " "
                <a href="/my/listings/import">{t(lang, Msg::ImportTitle)}</a>
            </p>
            <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
                {Suspend::new(async move {
                    match list_my_listings(lang).await {
                        Ok(orgs) if orgs.is_empty() => view! { <p class="warning">{t(lang, Msg::NeedOrganisation)}</p> }.into_any(),
                        Ok(orgs) => orgs
                            .into_iter()
                            .map(|(slug, name, items)| view! {
                                <h2><a href=format!("/orgs/{slug}")>{name}</a></h2>
                                <Table lang items/>
                            })
                            .collect_view()
                            .into_any(),
                        Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Table(lang: Lang, items: Vec<ListingView>) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="empty">{t(lang, Msg::NoOwnListingsYet)} " " <a href="/listings/new">{t(lang, Msg::NewListingButton)}</a></p> }.into_any();
    }
    let step = move |id: i32, step: &'static str, label: Msg| {
        view! {
            <form method="post" action=format!("/listings/{id}/step") class="inline">
                <input type="hidden" name="step" value=step/>
                <button type="submit" class="link">{t(lang, label)}</button>
            </form>
        }
    };
    view! {
        <table class="listings-table">
            <thead>
                <tr>
                    <th>{t(lang, Msg::TitleEn).split(' ').next().unwrap_or_default().to_owned()}</th>
                    <th>{t(lang, Msg::Status)}</th>
                    <th>{t(lang, Msg::ExpiresOn)}</th>
                    <th><span class="visually-hidden">{t(lang, Msg::ActionsHeading)}</span></th>
                </tr>
            </thead>
            <tbody>
                {items
                    .into_iter()
                    .map(|item| {
                        let (title, _) = title_of(&item, lang);
                        let id = item.id;
                        let status = item.status;
                        view! {
                            <tr>
                                <td>
                                    <span class="muted small">{vocab::label("kind", &item.kind, lang)}</span><br/>
                                    <a href=format!("/listings/{id}")>{title}</a>
                                </td>
                                <td>{vocab::label("status", status.code(), lang)}</td>
                                <td>{item.expires_on.clone()}</td>
                                <td class="actions">
                                    {status.editable().then(|| view! { <a href=format!("/listings/{id}/edit")>{t(lang, Msg::EditButton)}</a> })}
                                    {status.publishable().then(|| step(id, "publish", Msg::PublishButton))}
                                    {status.renewable().then(|| step(id, "renew", Msg::RenewButton))}
                                    {status.archivable().then(|| step(id, "archive", Msg::ArchiveButton))}
                                    {status.restorable().then(|| step(id, "restore", Msg::RestoreButton))}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
