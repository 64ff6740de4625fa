use super::form::OrgForm;
use crate::components::common::PageMeta;
use crate::components::form::{use_form_state, FormErrors};
use crate::i18n::{t, Msg};
use crate::pages::account::overview::redirect_to_sign_in;
use crate::routes::{use_lang, PageRequest};
use leptos::prelude::*;

#[component]
pub fn NewOrganisationPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    let viewer = use_context::<PageRequest>().and_then(|r| r.viewer);
    if viewer.is_none() {
        redirect_to_sign_in("/orgs/new");
    }
    let confirmed = viewer.as_ref().is_some_and(|v| v.email_confirmed);
    view! {
        <PageMeta lang title=t(lang, Msg::OrgNewTitle).to_owned() description=t(lang, Msg::OrgNewIntro).to_owned()/>
        <section class="narrow-wide">
            <h1>{t(lang, Msg::OrgNewTitle)}</h1>
            <p class="lead">{t(lang, Msg::OrgNewIntro)}</p>
            {if confirmed {
                view! { <OrgForm lang form action="/orgs/new".to_owned() submit=Msg::CreateOrgButton saved=None/> }
                    .into_any()
            } else {
                view! {
                    <FormErrors lang form/>
                    <p class="warning">{t(lang, Msg::ConfirmFirst)}</p>
                }
                .into_any()
            }}
        </section>
    }
}
