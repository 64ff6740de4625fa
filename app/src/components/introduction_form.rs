//! "Request an introduction": the form on a listing and on an organisation's profile. A plain
//! form (POST, then back to the page with a notice, or the page again with the errors), so it
//! works without JavaScript.
use crate::components::common::sign_in_href;
use crate::components::form::{use_form_state, Field, FormErrors, SelectField, TextAreaField};
use crate::i18n::{t, Lang, Msg};
use crate::model::IntroductionContext;
use crate::routes::{use_page_address, use_viewer};
use leptos::prelude::*;

#[component]
pub fn RequestIntroduction(
    lang: Lang,
    /// Where the form posts.
    action: String,
    context: IntroductionContext,
    /// The counterpart's name, for the heading.
    counterpart: String,
) -> impl IntoView {
    let form = use_form_state();
    let signed_in = use_viewer().is_some();
    let back = use_page_address();
    let heading = t(lang, Msg::IntroRequestTitle).replace("{name}", &counterpart);
    // Arrived from a suggested match: the introduction records it (the lineage's first link).
    let from_match =
        crate::pages::account::query_param("from").as_deref() == Some("match") || form.value("origin") == "match";
    let body = if !signed_in {
        view! {
            <p>
                <a href=sign_in_href(&back)>{t(lang, Msg::IntroSignInToRequest)}</a>
            </p>
        }
        .into_any()
    } else if let Some(id) = context.open_request {
        view! {
            <p class="notice">
                {t(lang, Msg::IntroAlreadyOpen)} " "
                <a href=format!("/inbox/{id}")>{t(lang, Msg::IntroOpenThread)}</a>
            </p>
        }
        .into_any()
    } else if let Some(reason) = context.reason {
        let link = (reason == Msg::IntroNeedOrganisation)
            .then(|| view! { " " <a href="/orgs/new">{t(lang, Msg::OrgNewTitle)}</a> });
        view! { <p class="muted">{t(lang, reason)} {link}</p> }.into_any()
    } else if context.can_request {
        let own: Vec<(String, String)> = context
            .own_listings
            .iter()
            .map(|l| (l.id.to_string(), l.title.get(lang).to_owned()))
            .filter(|(_, title)| !title.is_empty())
            .collect();
        let from = context.organisation.clone().map(|o| o.name).unwrap_or_default();
        view! {
            <FormErrors lang form=form.clone()/>
            <p class="muted">{t(lang, Msg::IntroPrivacyNote)}</p>
            <form method="post" action=action class="stack" novalidate>
                {from_match.then(|| view! { <input type="hidden" name="origin" value="match"/> })}
                <p>{t(lang, Msg::IntroOnBehalfOf)} " " <strong>{from}</strong></p>
                <TextAreaField lang form=form.clone() name="message" label=Msg::IntroMessageLabel
                    value=form.value("message") input_lang=lang.code()/>
                <Field lang form=form.clone() name="quantity" label=Msg::IntroQuantityLabel required=false/>
                <Field lang form=form.clone() name="price" label=Msg::IntroPriceLabel required=false/>
                <Field lang form=form.clone() name="delivery_window" label=Msg::IntroWindowLabel required=false/>
                {(!own.is_empty()).then(|| view! {
                    <SelectField lang form=form.clone() name="related_listing" label=Msg::IntroRelatedLabel options=own.clone()/>
                })}
                <button type="submit">{t(lang, Msg::IntroSendButton)}</button>
            </form>
        }
        .into_any()
    } else {
        // The viewer's own organisation: nothing to ask.
        ().into_any()
    };
    let open = form.has_errors();
    let show = !signed_in || context.organisation.is_some() || context.reason.is_some();
    show.then(|| {
        view! {
            <section class="introduction" id="introduction">
                <details open=open || context.open_request.is_some()>
                    <summary>{heading}</summary>
                    {body}
                </details>
            </section>
        }
    })
}
