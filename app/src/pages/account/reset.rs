use super::query_param;
use crate::components::common::PageMeta;
use crate::components::form::{use_form_state, Field, FormErrors};
use crate::i18n::{t, Msg};
use crate::routes::use_lang;
use leptos::prelude::*;

#[component]
pub fn ResetPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    let token = query_param("token").unwrap_or_else(|| form.value("token"));
    view! {
        <PageMeta lang title=t(lang, Msg::ResetTitle).to_owned() description=t(lang, Msg::ForgotIntro).to_owned()/>
        <section class="narrow">
            <h1>{t(lang, Msg::ResetTitle)}</h1>
            <form method="post" action="/account/reset" class="stack" novalidate>
                <FormErrors lang form=form.clone()/>
                {form.error("token").map(|code| view! {
                    <p class="error">
                        {code.text(lang)} " "
                        <a href="/account/forgot">{t(lang, Msg::SendResetLink)}</a>
                    </p>
                })}
                <input type="hidden" name="token" value=token/>
                <Field
                    lang
                    form=form.clone()
                    name="password"
                    label=Msg::NewPassword
                    kind="password"
                    autocomplete="new-password"
                    hint=Msg::PasswordHint
                />
                <button type="submit">{t(lang, Msg::ResetButton)}</button>
            </form>
        </section>
    }
}
