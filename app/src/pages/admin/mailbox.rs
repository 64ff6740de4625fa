use crate::components::common::{ErrorPage, PageMeta};
use crate::errors::AppError;
use crate::i18n::{t, Msg};
use crate::pages::account::overview::redirect_to_sign_in;
use crate::routes::use_lang;
use crate::serverfns::admin::list_mail::list_mail;
use leptos::prelude::*;

#[component]
pub fn MailboxPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageMeta lang title=t(lang, Msg::MailboxTitle).to_owned() description=t(lang, Msg::MailboxIntro).to_owned()/>
        <h1>{t(lang, Msg::MailboxTitle)}</h1>
        <p class="lead">{t(lang, Msg::MailboxIntro)}</p>
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match list_mail().await {
                    Ok(mails) => view! {
                        <ol class="mailbox">
                            {mails
                                .into_iter()
                                .map(|m| view! {
                                    <li id=format!("mail-{}", m.id)>
                                        <p><strong>{m.subject}</strong></p>
                                        <p class="muted">{m.recipient} " · " {m.created_at}</p>
                                        <pre>{m.body}</pre>
                                    </li>
                                })
                                .collect_view()}
                        </ol>
                    }
                    .into_any(),
                    Err(AppError::Unauthorized) => {
                        redirect_to_sign_in("/admin/mailbox");
                        ().into_any()
                    }
                    Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
