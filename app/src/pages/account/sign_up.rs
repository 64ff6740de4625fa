use super::query_param;
use crate::components::common::PageMeta;
use crate::components::form::{use_form_state, Field, FormErrors};
use crate::i18n::{t, Msg};
use crate::routes::use_lang;
use leptos::prelude::*;

#[component]
pub fn SignUpPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    // After a sign-up the page says the same whether the address was new or taken.
    if query_param("sent").is_some() {
        return view! {
            <PageMeta lang title=t(lang, Msg::SignUpTitle).to_owned() description=t(lang, Msg::SignUpIntro).to_owned()/>
            <section class="narrow">
                <h1>{t(lang, Msg::SignUpTitle)}</h1>
                <p class="notice" role="status">{t(lang, Msg::SignUpSent)}</p>
                <p><a href="/account/signin">{t(lang, Msg::NavSignIn)}</a></p>
            </section>
        }
        .into_any();
    }
    view! {
        <PageMeta lang title=t(lang, Msg::SignUpTitle).to_owned() description=t(lang, Msg::SignUpIntro).to_owned()/>
        <section class="narrow">
            <h1>{t(lang, Msg::SignUpTitle)}</h1>
            <p class="lead">{t(lang, Msg::SignUpIntro)}</p>
            <form method="post" action="/account/signup" class="stack" novalidate>
                <FormErrors lang form=form.clone()/>
                <Field lang form=form.clone() name="display_name" label=Msg::DisplayName autocomplete="name"/>
                <Field lang form=form.clone() name="email" label=Msg::Email kind="email" autocomplete="email"/>
                <Field
                    lang
                    form=form.clone()
                    name="password"
                    label=Msg::Password
                    kind="password"
                    autocomplete="new-password"
                    hint=Msg::PasswordHint
                />
                <input type="hidden" name="lang" value=lang.code()/>
                <button type="submit">{t(lang, Msg::CreateAccountButton)}</button>
            </form>
            <p>{t(lang, Msg::HaveAccount)} " " <a href="/account/signin">{t(lang, Msg::NavSignIn)}</a></p>
        </section>
    }
    .into_any()
}
