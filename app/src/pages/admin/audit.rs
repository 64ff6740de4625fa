use crate::components::common::{ErrorPage, PageMeta, ScrollTable};
use crate::errors::AppError;
use crate::i18n::{t, Msg};
use crate::pages::account::overview::redirect_to_sign_in;
use crate::routes::use_lang;
use crate::serverfns::admin::list_audit::list_audit;
use leptos::prelude::*;

#[component]
pub fn AuditPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageMeta lang title=t(lang, Msg::AuditTitle).to_owned() description=t(lang, Msg::AuditTitle).to_owned()/>
        <h1>{t(lang, Msg::AuditTitle)}</h1>
        <RoleForm lang/>
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match list_audit().await {
                    Ok(entries) => view! {
                        <ScrollTable label=t(lang, Msg::AuditTitle).to_owned()>
                            <table>
                                <tbody>
                                    {entries
                                        .into_iter()
                                        .map(|e| view! {
                                            <tr>
                                                <td>{e.at}</td>
                                                <td>{e.actor.unwrap_or_else(|| "—".into())}</td>
                                                <td><code>{e.action}</code></td>
                                                <td>{e.subject}</td>
                                                <td>{e.client_addr.unwrap_or_default()}</td>
                                            </tr>
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </ScrollTable>
                    }
                    .into_any(),
                    Err(AppError::Unauthorized) => {
                        redirect_to_sign_in("/admin/audit");
                        ().into_any()
                    }
                    Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Administrators appoint moderators (and other administrators) here.
#[component]
fn RoleForm(lang: crate::i18n::Lang) -> impl IntoView {
    use crate::components::form::{use_form_state, Field, FormErrors, SelectField};
    let form = use_form_state();
    let changed = crate::pages::account::query_param("notice").is_some_and(|n| n == "role");
    let roles = vec![
        ("user".to_owned(), t(lang, Msg::PlatformRoleUser).to_owned()),
        ("moderator".to_owned(), t(lang, Msg::PlatformRoleModerator).to_owned()),
        ("admin".to_owned(), t(lang, Msg::PlatformRoleAdmin).to_owned()),
    ];
    view! {
        <section class="narrow">
            <h2>{t(lang, Msg::PlatformRolesTitle)}</h2>
            {changed.then(|| view! { <p class="notice" role="status">{t(lang, Msg::RoleChangedNotice)}</p> })}
            <form method="post" action="/admin/roles" class="stack" novalidate>
                <FormErrors lang form=form.clone()/>
                <Field lang form=form.clone() name="email" label=Msg::Email kind="email"/>
                <SelectField lang form=form.clone() name="role" label=Msg::RoleLabel options=roles selected="moderator".to_owned()/>
                <button type="submit">{t(lang, Msg::SetRoleButton)}</button>
            </form>
        </section>
    }
}
