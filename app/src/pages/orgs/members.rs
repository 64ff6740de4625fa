use super::{role_label, ROLES};
use crate::components::common::{ErrorPage, PageMeta, VerifiedBadge};
use crate::components::form::{use_form_state, Field, FormErrors, SelectField};
use crate::errors::AppError;
use crate::i18n::{t, Lang, Msg};
use crate::model::{FormState, MembersView};
use crate::pages::account::overview::redirect_to_sign_in;
use crate::routes::use_lang;
use crate::serverfns::orgs::list_members::list_members;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MembersPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let invited = crate::pages::account::query_param("notice").is_some_and(|n| n == "invited");
    view! {
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {
                let (slug, form) = (slug.clone(), form.clone());
                Suspend::new(async move {
                    match list_members(slug.clone()).await {
                        Ok(view) => view! { <Members lang view form invited/> }.into_any(),
                        Err(AppError::Unauthorized) => {
                            redirect_to_sign_in(&format!("/orgs/{slug}/members"));
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
fn Members(lang: Lang, view: MembersView, form: FormState, invited: bool) -> impl IntoView {
    let org = view.organisation;
    let slug = org.slug.clone();
    let manage = org.can_manage_members;
    let roles: Vec<(String, String)> = ROLES
        .iter()
        .map(|r| (r.to_string(), t(lang, role_label(r)).to_owned()))
        .collect();
    view! {
        <PageMeta lang title=format!("{} · {}", t(lang, Msg::OrgMembersTitle), org.name) description=org.name.clone()/>
        <p>
            <a href=format!("/orgs/{slug}")>"← " {org.name.clone()}</a>
            <VerifiedBadge lang verified_at=org.verified_at.clone()/>
        </p>
        <h1>{t(lang, Msg::OrgMembersTitle)}</h1>
        {invited.then(|| view! { <p class="notice" role="status">{t(lang, Msg::InvitationSentNotice)}</p> })}
        <FormErrors lang form=form.clone()/>
        <ul class="members">
            {view
                .members
                .into_iter()
                .map(|m| {
                    let action = format!("/orgs/{slug}/members/role");
                    let roles = roles.clone();
                    view! {
                        <li>
                            <strong>{m.display_name.clone()}</strong> " " <span class="muted">{m.email.clone()}</span>
                            " · " {t(lang, role_label(&m.role))}
                            {manage.then(|| view! {
                                <form method="post" action=action class="inline-form">
                                    <input type="hidden" name="member" value=m.user_id.to_string()/>
                                    <label class="visually-hidden" for=format!("role-{}", m.user_id)>{t(lang, Msg::RoleLabel)}</label>
                                    <select id=format!("role-{}", m.user_id) name="role">
                                        {roles
                                            .into_iter()
                                            .map(|(code, label)| {
                                                let selected = code == m.role;
                                                view! { <option value=code selected=selected>{label}</option> }
                                            })
                                            .collect_view()}
                                        <option value="remove">{t(lang, Msg::RemoveMember)}</option>
                                    </select>
                                    <button type="submit" class="secondary">{t(lang, Msg::ChangeRole)}</button>
                                </form>
                            })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {manage.then(|| view! {
            <section class="narrow">
                <h2>{t(lang, Msg::InviteTitle)}</h2>
                <form method="post" action=format!("/orgs/{slug}/members/invite") class="stack" novalidate>
                    <Field lang form=form.clone() name="email" label=Msg::Email kind="email"/>
                    <SelectField lang form=form.clone() name="role" label=Msg::RoleLabel options=roles.clone() selected="editor".to_owned()/>
                    <button type="submit">{t(lang, Msg::InviteButton)}</button>
                </form>
            </section>
        })}
    }
}
