use crate::components::common::{ErrorPage, PageMeta};
use crate::errors::AppError;
use crate::i18n::{t, Lang, Msg};
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
                                        <MailStatus lang sent_at=m.sent_at attempts=m.attempts last_error=m.last_error/>
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

/// Sent (when), queued, or not delivered yet (attempts and the last reason).
#[component]
fn MailStatus(lang: Lang, sent_at: Option<String>, attempts: i32, last_error: Option<String>) -> impl IntoView {
    match (sent_at, attempts) {
        (Some(at), _) => view! { <p class="mail-status sent">{t(lang, Msg::MailSent)} " · " {at}</p> }.into_any(),
        (None, 0) => view! { <p class="mail-status queued">{t(lang, Msg::MailQueued)}</p> }.into_any(),
        (None, attempts) => view! {
            <p class="mail-status failed">
                {t(lang, Msg::MailFailed)} " " {attempts}
                {last_error.map(|e| view! { " · " <code>{e}</code> })}
            </p>
        }
        .into_any(),
    }
}
