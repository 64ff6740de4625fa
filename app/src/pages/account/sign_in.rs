use super::query_param;
use crate::components::common::PageMeta;
use crate::components::form::{use_form_state, Field, FormErrors};
use crate::i18n::{t, Msg};
use crate::routes::use_lang;
use leptos::prelude::*;

#[component]
pub fn SignInPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    let next = query_param("next").unwrap_or_else(|| form.value("next"));
    let notice = query_param("notice")
        .filter(|n| n == "reset")
        .map(|_| t(lang, Msg::ResetDoneNotice));
    view! {
        <PageMeta lang title=t(lang, Msg::SignInTitle).to_owned() description=t(lang, Msg::Tagline).to_owned()/>
        <section class="narrow">
            <h1>{t(lang, Msg::SignInTitle)}</h1>
            {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
            <form method="post" action="/account/signin" class="stack" novalidate>
                <FormErrors lang form=form.clone()/>
                <Field lang form=form.clone() name="email" label=Msg::EmailOrPhone autocomplete="username"/>
                <Field
                    lang
                    form=form.clone()
                    name="password"
                    label=Msg::Password
                    kind="password"
                    autocomplete="current-password"
                />
                <input type="hidden" name="next" value=next/>
                <button type="submit">{t(lang, Msg::SignInButton)}</button>
            </form>
            <p><a href="/account/forgot">{t(lang, Msg::ForgotPasswordLink)}</a></p>
            <p>{t(lang, Msg::NoAccountYet)} " " <a href="/account/signup">{t(lang, Msg::NavSignUp)}</a></p>
        </section>
    }
}
