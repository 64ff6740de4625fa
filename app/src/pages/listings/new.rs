use super::form::ListingForm;
use super::KINDS;
use crate::components::common::{ErrorPage, PageMeta};
use crate::components::form::{use_form_state, FormErrors};
use crate::i18n::{t, Msg};
use crate::pages::account::{overview::redirect_to_sign_in, query_param};
use crate::routes::{use_lang, use_viewer};
use crate::serverfns::listings::get_listing_choices::get_listing_choices;
use crate::vocab;
use leptos::prelude::*;

#[component]
pub fn NewListingPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    let kind = query_param("kind")
        .or_else(|| Some(form.value("kind")))
        .filter(|k| KINDS.contains(&k.as_str()))
        .unwrap_or_else(|| "commodity".to_owned());
    let viewer = use_viewer();
    if viewer.is_none() {
        redirect_to_sign_in(&format!("/listings/new?kind={kind}"));
    }
    let confirmed = viewer.as_ref().is_some_and(|v| v.email_confirmed);
    let heading = format!(
        "{} — {}",
        t(lang, Msg::NewListingTitle),
        vocab::label("kind", &kind, lang)
    );
    view! {
        <PageMeta lang title=heading.clone() description=t(lang, Msg::ListingsIntro).to_owned()/>
        <section class="narrow-wide">
            <h1>{heading}</h1>
            <nav class="tabs">
                {KINDS.iter().map(|k| view! {
                    <a href=format!("/listings/new?kind={k}") aria-current=(*k == kind).then_some("page")>{vocab::label("kind", k, lang)}</a>
                }).collect_view()}
            </nav>
            {if !confirmed {
                view! { <FormErrors lang form/> <p class="warning">{t(lang, Msg::ConfirmFirst)}</p> }.into_any()
            } else {
                let kind = kind.clone();
                view! {
                    <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
                        {
                            let (form, kind) = (form.clone(), kind.clone());
                            Suspend::new(async move {
                                // A failed call is the error page with its status, never an empty page.
                                let choices = match get_listing_choices(lang).await {
                                    Ok(value) => value,
                                    Err(error) => return view! { <ErrorPage lang error/> }.into_any(),
                                };
                                if choices.my_organisations.is_empty() {
                                    view! {
                                        <p class="warning">{t(lang, Msg::NeedOrganisation)}</p>
                                        <p><a class="button" href="/orgs/new">{t(lang, Msg::OrgNewTitle)}</a></p>
                                    }
                                    .into_any()
                                } else {
                                    view! {
                                        <ListingForm lang form=form.clone() kind=kind.clone() action=format!("/listings/new?kind={kind}") choices saved=None/>
                                    }
                                    .into_any()
                                }
                            })
                        }
                    </Suspense>
                }
                .into_any()
            }}
        </section>
    }
}
