use crate::components::common::{ErrorPage, PageMeta, VerifiedBadge};
use crate::components::form::{use_form_state, FormErrors};
use crate::errors::AppError;
use crate::i18n::{t, Lang, Msg};
use crate::model::ModerationQueueView;
use crate::pages::account::overview::redirect_to_sign_in;
use crate::routes::use_lang;
use crate::serverfns::orgs::moderation_queue::moderation_queue;
use leptos::prelude::*;

#[component]
pub fn ModerationPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    view! {
        <PageMeta lang title=t(lang, Msg::ModerationTitle).to_owned() description=t(lang, Msg::ModerationTitle).to_owned()/>
        <h1>{t(lang, Msg::ModerationTitle)}</h1>
        <FormErrors lang form/>
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {Suspend::new(async move {
                // Both queues, or the sign-in page, or the error page with its status — never an
                // empty queue when a call fails.
                let all = match moderation_queue().await {
                    Ok(queue) => match crate::serverfns::listings::listing_queue::listing_queue().await {
                        Ok(listings) => crate::serverfns::board::board_queue::board_queue(lang)
                            .await
                            .map(|notices| (queue, listings, notices)),
                        Err(error) => Err(error),
                    },
                    Err(error) => Err(error),
                };
                match all {
                    Ok((queue, listings, notices)) => view! {
                        <Queue lang queue/>
                        <ListingQueue lang items=listings/>
                        <section>
                            <h2>{t(lang, Msg::BoardModerationTitle)}</h2>
                            <crate::pages::board::PendingNotices lang notices with_gate=true/>
                        </section>
                    }.into_any(),
                    Err(AppError::Unauthorized) => {
                        redirect_to_sign_in("/moderation");
                        ().into_any()
                    }
                    Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Held listings and reported listings, with release / remove.
#[component]
fn ListingQueue(lang: Lang, items: Vec<crate::model::QueuedListing>) -> impl IntoView {
    view! {
        <section>
            <h2>{t(lang, Msg::HeldListings)}</h2>
            {items.is_empty().then(|| view! { <p class="muted">{t(lang, Msg::NothingWaiting)}</p> })}
            <ul class="queue">
                {items
                    .into_iter()
                    .map(|(report, item)| {
                        let (title, _) = crate::pages::listings::title_of(&item, lang);
                        let id = item.id;
                        view! {
                            <li>
                                <a href=format!("/listings/{id}")>{title}</a>
                                " · " <crate::pages::listings::OrgName lang org=item.organisation.clone()/>
                                " · " {crate::vocab::label("status", item.status.code(), lang)}
                                {report.clone().map(|(_, reason, details)| view! { <p><strong>{reason}</strong> " " {details}</p> })}
                                <form method="post" action=format!("/moderation/listings/{id}") class="inline">
                                    {report.map(|(rid, _, _)| view! { <input type="hidden" name="report" value=rid.to_string()/> })}
                                    <button type="submit" name="decision" value="release">{t(lang, Msg::ReleaseButton)}</button>
                                    " "
                                    <button type="submit" name="decision" value="remove" class="danger">{t(lang, Msg::RemoveButton)}</button>
                                </form>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Queue(lang: Lang, queue: ModerationQueueView) -> impl IntoView {
    view! {
        <section>
            <h2>{t(lang, Msg::PendingVerifications)}</h2>
            {queue.verifications.is_empty().then(|| view! { <p class="muted">{t(lang, Msg::NothingWaiting)}</p> })}
            <ul class="queue">
                {queue
                    .verifications
                    .into_iter()
                    .map(|v| view! {
                        <li>
                            <a href=format!("/orgs/{}", v.slug)>{v.organisation.clone()}</a>
                            <VerifiedBadge lang verified_at=v.verified_at.clone()/>
                            " · " {v.registration_number.clone()} " · " <span class="muted">{v.created_at.clone()}</span>
                            <p class="evidence">{v.evidence.clone()}</p>
                            {v.document.clone().map(|href| view! { <p><a href=href>{t(lang, Msg::ViewDocument)}</a></p> })}
                            <form method="post" action=format!("/moderation/verifications/{}", v.id) class="inline-form">
                                <button type="submit" name="decision" value="approve">{t(lang, Msg::VerifyButton)}</button>
                                <label for=format!("reason-{}", v.id)>{t(lang, Msg::RejectReason)}</label>
                                <input id=format!("reason-{}", v.id) name="reason" type="text"/>
                                <button type="submit" name="decision" value="reject" class="secondary">{t(lang, Msg::RejectButton)}</button>
                            </form>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
        <section>
            <h2>{t(lang, Msg::OpenReports)}</h2>
            {queue.reports.is_empty().then(|| view! { <p class="muted">{t(lang, Msg::NothingWaiting)}</p> })}
            <ul class="queue">
                {queue
                    .reports
                    .into_iter()
                    .map(|r| view! {
                        <li>
                            <a href=format!("/orgs/{}", r.slug)>{r.organisation.clone()}</a>
                            <VerifiedBadge lang verified_at=r.verified_at.clone()/>
                            " · " <strong>{r.reason.clone()}</strong> " · " <span class="muted">{r.created_at.clone()}</span>
                            <p class="evidence">{r.details.clone()}</p>
                            <form method="post" action=format!("/moderation/reports/{}", r.id) class="inline-form">
                                <button type="submit" name="outcome" value="dismiss" class="secondary">{t(lang, Msg::DismissButton)}</button>
                                <button type="submit" name="outcome" value="hide" class="secondary">{t(lang, Msg::HideButton)}</button>
                                <button type="submit" name="outcome" value="suspend">{t(lang, Msg::SuspendButton)}</button>
                            </form>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
