use super::query_param;
use crate::components::common::PageMeta;
use crate::components::form::{use_form_state, FormErrors};
use crate::i18n::{t, Msg};
use crate::routes::use_lang;
use leptos::prelude::*;

/// The link in the confirmation e-mail opens this page; confirming is a POST (a GET never
/// changes anything, so mail scanners that follow links cannot confirm by accident).
#[component]
pub fn ConfirmPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    let token = query_param("token").unwrap_or_else(|| form.value("token"));
    view! {
        <PageMeta lang title=t(lang, Msg::ConfirmTitle).to_owned() description=t(lang, Msg::ConfirmIntro).to_owned()/>
        <section class="narrow">
            <h1>{t(lang, Msg::ConfirmTitle)}</h1>
            <FormErrors lang form=form.clone()/>
            {form.error("token").map(|code| view! { <p class="error">{code.text(lang)}</p> })}
            <p>{t(lang, Msg::ConfirmIntro)}</p>
            <form method="post" action="/account/confirm">
                <input type="hidden" name="token" value=token/>
                <button type="submit">{t(lang, Msg::ConfirmButton)}</button>
            </form>
        </section>
    }
}
