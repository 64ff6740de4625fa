use super::query_param;
use crate::components::common::PageMeta;
use crate::components::form::{use_form_state, Field, FormErrors};
use crate::i18n::{t, Msg};
use crate::routes::use_lang;
use leptos::prelude::*;

#[component]
pub fn ForgotPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    let sent = query_param("sent").is_some();
    view! {
        <PageMeta lang title=t(lang, Msg::ForgotTitle).to_owned() description=t(lang, Msg::ForgotIntro).to_owned()/>
        <section class="narrow">
            <h1>{t(lang, Msg::ForgotTitle)}</h1>
            {if sent {
                view! { <p class="notice" role="status">{t(lang, Msg::ResetLinkSent)}</p> }.into_any()
            } else {
                view! {
                    <p class="lead">{t(lang, Msg::ForgotIntro)}</p>
                    <form method="post" action="/account/forgot" class="stack" novalidate>
                        <FormErrors lang form=form.clone()/>
                        <Field lang form=form.clone() name="email" label=Msg::Email kind="email" autocomplete="email"/>
                        <button type="submit">{t(lang, Msg::SendResetLink)}</button>
                    </form>
                }
                .into_any()
            }}
        </section>
    }
}
