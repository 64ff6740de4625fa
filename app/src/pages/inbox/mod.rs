//! The inbox (`/inbox`): the introductions of the viewer's active organisation, and one
//! introduction's page (`/inbox/{id}`) with its answer, the two sides' contacts once accepted,
//! and the message thread.
use crate::components::common::{ErrorPage, PageMeta, VerifiedBadge};
use crate::components::form::{use_form_state, FormErrors, SelectField, TextAreaField};
use crate::i18n::{t, Lang, Msg};
use crate::model::{ContactCard, IntroductionView, ListingLink, MessageView};
use crate::routes::use_lang;
use crate::serverfns::introductions::{get_introduction::get_introduction, list_inbox::list_inbox};
use crate::statuses::{DeclineReason, IntroductionStatus};
use crate::vocab;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

fn status_tag(lang: Lang, status: IntroductionStatus) -> impl IntoView {
    view! { <span class=format!("tag intro-{}", status.code())>{vocab::label("intro_status", status.code(), lang)}</span> }
}

fn listing_link(lang: Lang, listing: &ListingLink) -> impl IntoView {
    let title = listing.title.get(lang);
    let title = if title.is_empty() {
        listing.title.get(listing.title.original_lang()).to_owned()
    } else {
        title.to_owned()
    };
    view! { <a href=format!("/listings/{}", listing.id)>{title}</a> }
}

#[component]
pub fn InboxPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageMeta lang title=t(lang, Msg::InboxTitle).to_owned() description=String::new()/>
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match list_inbox().await {
                    Ok(inbox) => {
                        let Some(org) = inbox.organisation.clone() else {
                            return view! {
                                <h1>{t(lang, Msg::InboxTitle)}</h1>
                                <p>{t(lang, Msg::IntroNeedOrganisation)} " " <a href="/orgs/new">{t(lang, Msg::OrgNewTitle)}</a></p>
                            }.into_any();
                        };
                        let (received, sent): (Vec<_>, Vec<_>) = inbox.items.into_iter().partition(|i| i.received);
                        let section = move |title: Msg, empty: Msg, items: Vec<crate::model::IntroductionSummary>| view! {
                            <section>
                                <h2>{t(lang, title)}</h2>
                                {if items.is_empty() {
                                    view! { <p class="muted">{t(lang, empty)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="inbox">
                                            {items.into_iter().map(|item| view! {
                                                <li class:unread=item.unread>
                                                    <a href=format!("/inbox/{}", item.id)>
                                                        <strong>{item.counterpart.name.clone()}</strong>
                                                    </a>
                                                    {item.unread.then(|| view! { " " <span class="tag unread">{t(lang, Msg::InboxUnread)}</span> })}
                                                    " " {status_tag(lang, item.status)}
                                                    {item.listing.as_ref().map(|l| view! { <br/><span class="muted">{t(lang, Msg::IntroAbout)} " "</span>{listing_link(lang, l)} })}
                                                    <br/><span class="muted">{item.created_on.clone()} " · "</span>{item.excerpt.clone()}
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                            </section>
                        };
                        view! {
                            <h1>{t(lang, Msg::InboxTitle)}</h1>
                            <p class="muted">{t(lang, Msg::InboxFor)} " " <a href=format!("/orgs/{}", org.slug)>{org.name.clone()}</a></p>
                            {section(Msg::InboxReceived, Msg::InboxNoneReceived, received)}
                            {section(Msg::InboxSent, Msg::InboxNoneSent, sent)}
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn IntroductionPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i32>().ok()));
    let notice = crate::pages::account::query_param("notice").and_then(|n| match n.as_str() {
        "sent" => Some(Msg::IntroSentNotice),
        "accepted" => Some(Msg::IntroAcceptedNotice),
        "declined" => Some(Msg::IntroDeclinedNotice),
        "blocked" => Some(Msg::IntroBlockedNotice),
        "reported" => Some(Msg::ReportSentNotice),
        _ => None,
    });
    view! {
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {Suspend::new(async move {
                let result = match id {
                    Some(id) => get_introduction(id).await,
                    None => Err(crate::errors::AppError::NotFound),
                };
                match result {
                    Ok(intro) => view! { <Thread lang intro notice/> }.into_any(),
                    Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn Contact(lang: Lang, card: ContactCard) -> impl IntoView {
    let row = |label: Msg, value: Option<String>| {
        value
            .filter(|v| !v.trim().is_empty())
            .map(|v| view! { <dt>{t(lang, label)}</dt><dd>{v}</dd> })
    };
    let email = card.email.clone().map(
        |e| view! { <dt>{t(lang, Msg::ContactEmailLabel)}</dt><dd><a href=format!("mailto:{e}")>{e.clone()}</a></dd> },
    );
    view! {
        <div class="contact-card">
            <h3><a href=format!("/orgs/{}", card.organisation.slug)>{card.organisation.name.clone()}</a>
                <VerifiedBadge lang verified_at=card.organisation.verified_on.clone()/></h3>
            <dl>
                {row(Msg::ContactPersonLabel, card.person.clone())}
                {email}
                {row(Msg::ContactPhoneLabel, card.phone.clone())}
                {row(Msg::ContactMessagingLabel, card.messaging.clone())}
            </dl>
        </div>
    }
}

#[component]
fn Message(lang: Lang, message: MessageView) -> impl IntoView {
    view! {
        <li class="message" class:mine=message.mine id=format!("message-{}", message.id)>
            <p class="muted">
                <strong>{message.organisation.clone()}</strong>
                {message.sender.clone().map(|s| format!(" · {s}"))}
                " · " <time>{message.sent_at.clone()}</time>
            </p>
            {message.payment_warning.then(|| view! { <p class="warning" role="note">{t(lang, Msg::PaymentWarning)}</p> })}
            <crate::pages::listings::Paragraphs text=message.body.clone()/>
        </li>
    }
}

#[component]
fn Thread(lang: Lang, intro: IntroductionView, notice: Option<Msg>) -> impl IntoView {
    let form = use_form_state();
    let id = intro.id;
    let counterpart = if intro.received {
        intro.requester.clone()
    } else {
        intro.target.clone()
    };
    let title = if intro.received {
        t(lang, Msg::IntroReceivedTitle).replace("{name}", &counterpart.name)
    } else {
        t(lang, Msg::IntroSentTitle).replace("{name}", &counterpart.name)
    };
    let reasons: Vec<(String, String)> = DeclineReason::ALL
        .iter()
        .map(|r| (r.code().to_owned(), vocab::label("decline_reason", r.code(), lang)))
        .collect();
    let report_reasons: Vec<(String, String)> = [
        ("fraud", Msg::ReasonFraud),
        ("spam", Msg::ReasonSpam),
        ("other", Msg::ReasonOther),
    ]
    .into_iter()
    .map(|(code, msg)| (code.to_owned(), t(lang, msg).to_owned()))
    .collect();
    let fact = |label: Msg, value: Option<String>| {
        value
            .filter(|v| !v.trim().is_empty())
            .map(|v| view! { <dt>{t(lang, label)}</dt><dd>{v}</dd> })
    };
    let accepted = intro.status == IntroductionStatus::Accepted;
    view! {
        <PageMeta lang title=title.clone() description=String::new()/>
        <p><a href="/inbox">{"← "}{t(lang, Msg::InboxTitle)}</a></p>
        {notice.map(|n| view! { <p class="notice" role="status">{t(lang, n)}</p> })}
        <FormErrors lang form=form.clone()/>
        <h1>{title}</h1>
        <p>{status_tag(lang, intro.status)} " · " {vocab::label("intro_origin", intro.origin.code(), lang)} " · " <time>{intro.created_on.clone()}</time>
            {(intro.status == IntroductionStatus::Pending).then(|| view! { " · " {t(lang, Msg::IntroExpiresOn)} " " <time>{intro.expires_on.clone()}</time> })}
        </p>
        {intro.payment_warning.then(|| view! { <p class="warning" role="note">{t(lang, Msg::PaymentWarning)}</p> })}
        <article class="intro-request">
            <dl class="facts">
                {intro.listing.as_ref().map(|l| view! { <dt>{t(lang, Msg::IntroAbout)}</dt><dd>{listing_link(lang, l)}</dd> })}
                {intro.related_listing.as_ref().map(|l| view! { <dt>{t(lang, Msg::IntroRelatedLabel)}</dt><dd>{listing_link(lang, l)}</dd> })}
                {fact(Msg::IntroQuantityLabel, intro.quantity.clone())}
                {fact(Msg::IntroPriceLabel, intro.price.clone())}
                {fact(Msg::IntroWindowLabel, intro.delivery_window.clone())}
            </dl>
            <crate::pages::listings::Paragraphs text=intro.message.clone()/>
        </article>
        {intro.decline_reason.map(|reason| view! {
            <p class="notice">
                {t(lang, Msg::IntroDeclineReasonLabel)} ": " {vocab::label("decline_reason", reason.code(), lang)}
                {intro.decline_note.clone().map(|n| view! { " — " {n} })}
            </p>
        })}
        {intro.can_decide.then(|| view! {
            <section class="decide">
                <h2>{t(lang, Msg::IntroAnswerTitle)}</h2>
                <p class="muted">{t(lang, Msg::IntroPrivacyNote)}</p>
                <form method="post" action=format!("/inbox/{id}/accept")>
                    <button type="submit">{t(lang, Msg::IntroAcceptButton)}</button>
                </form>
                <details open=form.error("reason").is_some() || form.error("note").is_some()>
                    <summary>{t(lang, Msg::IntroDeclineButton)}</summary>
                    <form method="post" action=format!("/inbox/{id}/decline") class="stack" novalidate>
                        <SelectField lang form=form.clone() name="reason" label=Msg::IntroDeclineReasonLabel options=reasons.clone()/>
                        <TextAreaField lang form=form.clone() name="note" label=Msg::IntroDeclineNoteLabel
                            value=form.value("note") input_lang=lang.code()/>
                        <button type="submit" class="secondary">{t(lang, Msg::IntroDeclineButton)}</button>
                    </form>
                </details>
            </section>
        })}
        {accepted.then(|| view! {
            <section class="contacts">
                <h2>{t(lang, Msg::IntroContactsTitle)}</h2>
                <div class="contact-cards">
                    {intro.contacts.clone().into_iter().map(|card| view! { <Contact lang card/> }).collect_view()}
                </div>
            </section>
            <section class="thread">
                <h2>{t(lang, Msg::IntroThreadTitle)}</h2>
                {intro.messages.is_empty().then(|| view! { <p class="muted">{t(lang, Msg::IntroNoMessages)}</p> })}
                <ol class="messages">
                    {intro.messages.clone().into_iter().map(|message| view! { <Message lang message/> }).collect_view()}
                </ol>
                {(!intro.blocked).then(|| view! {
                    <form method="post" action=format!("/inbox/{id}/messages") class="stack" novalidate>
                        <TextAreaField lang form=form.clone() name="body" label=Msg::IntroReplyLabel
                            value=form.value("body") input_lang=lang.code()/>
                        <button type="submit">{t(lang, Msg::IntroSendMessage)}</button>
                    </form>
                })}
            </section>
        })}
        <section class="intro-safety">
            {intro.blocked.then(|| view! { <p class="muted">{t(lang, Msg::IntroBlockedNotice)}</p> })}
            {(!intro.blocked).then(|| view! {
                <form method="post" action=format!("/inbox/{id}/block")>
                    <button type="submit" class="secondary">{t(lang, Msg::IntroBlockButton).replace("{name}", &counterpart.name)}</button>
                </form>
            })}
            <details open=form.error("report_details").is_some() || form.error("report_reason").is_some()>
                <summary>{t(lang, Msg::IntroReportTitle)}</summary>
                <form method="post" action=format!("/inbox/{id}/report") class="stack" novalidate>
                    <SelectField lang form=form.clone() name="report_reason" label=Msg::ReportReason options=report_reasons.clone()/>
                    <TextAreaField lang form=form.clone() name="report_details" label=Msg::ReportDetails
                        value=form.value("report_details") input_lang=lang.code()/>
                    <button type="submit">{t(lang, Msg::SendReport)}</button>
                </form>
            </details>
        </section>
    }
}
