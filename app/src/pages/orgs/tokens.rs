use crate::components::common::{ErrorPage, PageMeta, VerifiedBadge};
use crate::components::form::{use_form_state, Field, FormErrors, SelectField};
use crate::errors::AppError;
use crate::i18n::{t, Lang, Msg};
use crate::model::{FormState, TokensView};
use crate::pages::account::overview::redirect_to_sign_in;
use crate::routes::use_lang;
use crate::serverfns::orgs::list_api_tokens::list_api_tokens;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn TokensPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    view! {
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {
                let (slug, form) = (slug.clone(), form.clone());
                Suspend::new(async move {
                    match list_api_tokens(slug.clone()).await {
                        Ok(view) => view! { <Tokens lang view form/> }.into_any(),
                        Err(AppError::Unauthorized) => {
                            redirect_to_sign_in(&format!("/orgs/{slug}/tokens"));
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
fn Tokens(lang: Lang, view: TokensView, form: FormState) -> impl IntoView {
    let slug = view.slug.clone();
    let created = Some(form.value("new_token")).filter(|t| !t.is_empty());
    if created.is_some() {
        // The secret is on this page once: no cache, proxy or back button may keep it.
        crate::components::common::forbid_storing();
    }
    let scopes = vec![
        ("read".to_owned(), t(lang, Msg::ScopeRead).to_owned()),
        ("write".to_owned(), t(lang, Msg::ScopeWrite).to_owned()),
    ];
    let form_for_fields = if created.is_some() {
        FormState::default()
    } else {
        form.clone()
    };
    view! {
        <PageMeta lang title=format!("{} · {}", t(lang, Msg::ApiTokensTitle), view.organisation) description=t(lang, Msg::ApiTokensIntro).to_owned()/>
        <p><a href=format!("/orgs/{slug}")>"← " {view.organisation.clone()}</a><VerifiedBadge lang verified_at=view.verified_at.clone()/></p>
        <h1>{t(lang, Msg::ApiTokensTitle)}</h1>
        <p class="lead">{t(lang, Msg::ApiTokensIntro)}</p>
        {created.map(|secret| view! {
            <div class="notice" role="status">
                <p>{t(lang, Msg::TokenShownOnce)}</p>
                <p><code class="secret">{secret}</code></p>
            </div>
        })}
        <ul class="tokens">
            {view.tokens.into_iter().map(|tok| {
                let action = format!("/orgs/{slug}/tokens/{}/revoke", tok.id);
                view! {
                    <li>
                        <strong>{tok.name.clone()}</strong> " " <code>{format!("{}…", tok.prefix)}</code>
                        " · " {tok.scope.clone()} " · " {t(lang, Msg::TokenExpires)} " " {tok.expires_at.clone()}
                        {tok.last_used_at.clone().map(|u| format!(" · {} {u}", t(lang, Msg::LastActive)))}
                        {tok.revoked.then(|| view! { " · " <span class="badge revoked">{t(lang, Msg::TokenRevoked)}</span> })}
                        {tok.usable.then(|| view! {
                            <form method="post" action=action class="inline">
                                " " <button type="submit" class="link">{t(lang, Msg::RevokeToken)}</button>
                            </form>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        <section class="narrow">
            <h2>{t(lang, Msg::NewTokenTitle)}</h2>
            <form method="post" action=format!("/orgs/{slug}/tokens") class="stack" novalidate>
                <FormErrors lang form=form_for_fields.clone()/>
                <Field lang form=form_for_fields.clone() name="name" label=Msg::TokenName/>
                <SelectField lang form=form_for_fields.clone() name="scope" label=Msg::TokenScope options=scopes selected="read".to_owned()/>
                <Field lang form=form_for_fields.clone() name="days" label=Msg::TokenDays kind="number" value="90".to_owned()/>
                <button type="submit">{t(lang, Msg::CreateTokenButton)}</button>
            </form>
        </section>
    }
}
