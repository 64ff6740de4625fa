use super::form::OrgForm;
use crate::components::common::{ErrorPage, PageMeta, VerifiedBadge};
use crate::components::form::use_form_state;
use crate::errors::AppError;
use crate::i18n::{t, Msg};
use crate::pages::account::overview::redirect_to_sign_in;
use crate::routes::use_lang;
use crate::serverfns::orgs::get_organisation::get_organisation;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn EditOrganisationPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    view! {
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {
                let (slug, form) = (slug.clone(), form.clone());
                Suspend::new(async move {
                    match get_organisation(slug.clone()).await {
                        Ok(org) if org.can_edit => view! {
                            <PageMeta lang title=t(lang, Msg::EditOrgTitle).to_owned() description=org.name.clone()/>
                            <section class="narrow-wide">
                                <p><a href=format!("/orgs/{slug}")>"← " {org.name.clone()}</a><VerifiedBadge lang verified_at=org.verified_at.clone()/></p>
                                <h1>{t(lang, Msg::EditOrgTitle)}</h1>
                                <OrgForm lang form=form.clone() action=format!("/orgs/{slug}/edit") submit=Msg::SaveButton saved=Some(org)/>
                            </section>
                                <section class="narrow">
                                    <h2>{t(lang, Msg::LogoLabel)}</h2>
                                    {form.error("logo").map(|code| view! {
                                        <p class="error" id="logo-error">{code.text(lang)}</p>
                                    })}
                                    <form method="post" action=format!("/orgs/{slug}/logo") enctype="multipart/form-data" class="stack">
                                        <label for="field-logo">{t(lang, Msg::LogoLabel)}</label>
                                        <input id="field-logo" type="file" name="logo" accept="image/png,image/jpeg,image/webp"/>
                                        <button type="submit">{t(lang, Msg::UploadLogo)}</button>
                                    </form>
                                </section>

                        }
                        .into_any(),
                        Ok(_) if crate::routes::use_viewer().is_none() => {
                            redirect_to_sign_in(&format!("/orgs/{slug}/edit"));
                            ().into_any()
                        }
                        Ok(_) => view! { <ErrorPage lang error=AppError::Forbidden/> }.into_any(),
                        Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                    }
                })
            }
        </Suspense>
    }
}
