use super::query_param;
use crate::components::common::{ErrorPage, PageMeta, VerifiedBadge};
use crate::components::form::{use_form_state, Field, FormErrors};
use crate::errors::AppError;
use crate::i18n::{t, Lang, Msg};
use crate::model::{AccountView, FormState, MyOrgView};
use crate::routes::use_lang;
use crate::serverfns::accounts::get_account::get_account;
use crate::serverfns::orgs::list_my_organisations::list_my_organisations;
use leptos::prelude::*;

/// Sends a signed-out visitor to the sign-in page, coming back to `next` afterwards.
pub fn redirect_to_sign_in(next: &str) {
    crate::components::common::redirect_to(&crate::components::common::sign_in_href(next));
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    let notice = query_param("notice").and_then(|n| match n.as_str() {
        "welcome" => Some(Msg::WelcomeNotice),
        "confirmed" => Some(Msg::AccountConfirmedNotice),
        "password" => Some(Msg::PasswordChangedNotice),
        "resent" => Some(Msg::ConfirmationSent),
        _ => None,
    });
    view! {
        <PageMeta lang title=t(lang, Msg::AccountTitle).to_owned() description=t(lang, Msg::AccountTitle).to_owned()/>
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {
                let form = form.clone();
                Suspend::new(async move {
                    let loaded = match get_account().await {
                        Ok(account) => list_my_organisations().await.map(|orgs| (account, orgs)),
                        Err(err) => Err(err),
                    };
                    match loaded {
                        Ok((account, orgs)) => view! { <AccountBody lang account orgs notice form/> }.into_any(),
                        Err(AppError::Unauthorized) => {
                            redirect_to_sign_in("/account");
                            ().into_any()
                        }
                        Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                    }
                })
            }
        </Suspense>
    }
}

#[component]
fn AccountBody(
    lang: Lang,
    account: AccountView,
    orgs: Vec<MyOrgView>,
    notice: Option<Msg>,
    form: FormState,
) -> impl IntoView {
    let notice = notice.map(|n| t(lang, n).replace("{email}", &account.email));
    view! {
        <h1>{t(lang, Msg::AccountTitle)}</h1>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <dl>
            <dt>{t(lang, Msg::DisplayName)}</dt>
            <dd>{account.display_name.clone()}</dd>
            {match account.phone.clone() {
                Some(phone) => view! {
                    <dt>{t(lang, Msg::BoardContactLabel)}</dt>
                    <dd>{phone}</dd>
                }.into_any(),
                None => view! {
                    <dt>{t(lang, Msg::Email)}</dt>
                    <dd>
                        {account.email.clone()} " "
                        {account.email_confirmed.then(|| view! { <span class="badge">{t(lang, Msg::EmailConfirmed)}</span> })}
                    </dd>
                }.into_any(),
            }}
        </dl>
        {(!account.email_confirmed && account.phone.is_none()).then(|| view! {
            <div class="warning">
                <p>{t(lang, Msg::EmailUnconfirmed)}</p>
                <form method="post" action="/account/resend-confirmation">
                    <button type="submit" class="secondary">{t(lang, Msg::ResendConfirmation)}</button>
                </form>
            </div>
        })}
        <section>
            <h2>{t(lang, Msg::MyOrganisations)}</h2>
            {orgs.is_empty().then(|| view! { <p>{t(lang, Msg::NoOrganisationsYet)}</p> })}
            <ul class="my-orgs">
                {orgs
                    .into_iter()
                    .map(|o| view! {
                        <li>
                            <a href=format!("/orgs/{}", o.slug)>{o.name.clone()}</a>
                            <VerifiedBadge lang verified_at=o.verified_at.clone()/>
                            " · " {t(lang, crate::pages::orgs::role_label(&o.role))}
                            {if o.active {
                                view! { " · " <span class="badge">{t(lang, Msg::ActiveOrganisation)}</span> }.into_any()
                            } else {
                                view! {
                                    <form method="post" action="/account/active-organisation" class="inline">
                                        <input type="hidden" name="organisation" value=o.slug.clone()/>
                                        " " <button type="submit" class="link">{t(lang, Msg::MakeActive)}</button>
                                    </form>
                                }
                                .into_any()
                            }}
                        </li>
                    })
                    .collect_view()}
            </ul>
            <p><a class="button" href="/orgs/new">{t(lang, Msg::OrgNewTitle)}</a></p>
        </section>
        <section>
            <h2>{t(lang, Msg::ChangePasswordTitle)}</h2>
            <form method="post" action="/account/password" class="stack narrow" novalidate>
                <FormErrors lang form=form.clone()/>
                <Field lang form=form.clone() name="current_password" label=Msg::CurrentPassword kind="password" autocomplete="current-password"/>
                <Field
                    lang
                    form=form.clone()
                    name="password"
                    label=Msg::NewPassword
                    kind="password"
                    autocomplete="new-password"
                    hint=Msg::PasswordHint
                />
                <button type="submit">{t(lang, Msg::ChangePasswordButton)}</button>
            </form>
        </section>
        <section>
            <h2>{t(lang, Msg::SessionsTitle)}</h2>
            <ul class="sessions">
                {account
                    .sessions
                    .into_iter()
                    .map(|s| view! {
                        <li>
                            <strong>{s.user_agent.clone().unwrap_or_else(|| "—".into())}</strong>
                            {s.current.then(|| view! { " (" {t(lang, Msg::ThisDevice)} ")" })}
                            <br/>
                            <span class="muted">
                                {t(lang, Msg::LastActive)} ": " {s.last_seen_at.clone()}
                                {s.client_addr.clone().map(|a| format!(" · {a}"))}
                            </span>
                        </li>
                    })
                    .collect_view()}
            </ul>
            <form method="post" action="/account/signout-everywhere">
                <button type="submit" class="secondary">{t(lang, Msg::SignOutEverywhere)}</button>
            </form>
        </section>
    }
}
