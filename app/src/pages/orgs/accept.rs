use crate::components::common::{ErrorPage, PageMeta};
use crate::components::form::{use_form_state, FormErrors};
use crate::errors::AppError;
use crate::i18n::{t, Msg};
use crate::pages::account::query_param;
use crate::routes::{use_lang, use_viewer};
use crate::serverfns::orgs::get_invitation::get_invitation;
use leptos::prelude::*;

/// The page an invitation e-mail links to; joining is a POST.
#[component]
pub fn AcceptInvitationPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    let token = query_param("token").unwrap_or_else(|| form.value("token"));
    let signed_in = use_viewer().is_some();
    view! {
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {
                let (token, form) = (token.clone(), form.clone());
                Suspend::new(async move {
                    match get_invitation(token.clone()).await {
                        Ok(name) => {
                            let title = t(lang, Msg::AcceptInvitationTitle).replace("{org}", &name);
                            let next = format!("/invitations/accept?token={token}");
                            view! {
                                <PageMeta lang title=title.clone() description=title.clone()/>
                                <section class="narrow">
                                    <h1>{title}</h1>
                                    <FormErrors lang form=form.clone()/>
                                    {form.error("token").map(|code| view! { <p class="error">{code.text(lang)}</p> })}
                                    {if signed_in {
                                        view! {
                                            <form method="post" action="/invitations/accept">
                                                <input type="hidden" name="token" value=token.clone()/>
                                                <button type="submit">{t(lang, Msg::AcceptButton)}</button>
                                            </form>
                                        }
                                        .into_any()
                                    } else {
                                        view! {
                                            <p>{t(lang, Msg::SignInToAccept)}</p>
                                            <p>
                                                <a class="button" href=format!("/account/signin?next={}", urlencode(&next))>{t(lang, Msg::NavSignIn)}</a>
                                                " "
                                                <a href="/account/signup">{t(lang, Msg::NavSignUp)}</a>
                                            </p>
                                        }
                                        .into_any()
                                    }}
                                </section>
                            }
                            .into_any()
                        }
                        Err(AppError::Invalid { message, .. }) => view! {
                            <section class="narrow">
                                <h1>{t(lang, Msg::ErrTokenInvalid)}</h1>
                                <p class="error">{message.text(lang)}</p>
                            </section>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                    }
                })
            }
        </Suspense>
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
