//! `/gates/{id}/board`: a border gate's market board — short buy / sell / transport / work notices
//! with a phone number, for traders and border residents on slow connections (plain HTML and
//! forms, no script needed, one small page), and `/gates/{id}/board/join`: a minimal account
//! made with a name and a phone number (or an e-mail).
use crate::components::common::{sign_in_href, ErrorPage, PageMeta};
use crate::components::form::{use_form_state, Field, FormErrors, SelectField, TextAreaField};
use crate::i18n::{language_name, t, Lang, Msg};
use crate::model::{BoardNoticeView, BoardView};
use crate::pages::account::query_param;
use crate::routes::{use_lang, use_page_address, use_viewer};
use crate::serverfns::board::get_board::get_board;
use crate::statuses::{BoardKind, NoticeStatus};
use crate::vocab;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

fn board_href(gate_id: &str, kind: Option<BoardKind>, page: u64) -> String {
    let mut href = format!("/gates/{gate_id}/board");
    let mut sep = '?';
    if let Some(kind) = kind {
        href.push_str(&format!("{sep}kind={}", kind.code()));
        sep = '&';
    }
    if page > 1 {
        href.push_str(&format!("{sep}page={page}"));
    }
    href
}

#[component]
pub fn BoardPage() -> impl IntoView {
    let lang = use_lang();
    let gate_id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let kind = query_param("kind").and_then(|k| BoardKind::parse(&k));
    let page = query_param("page")
        .and_then(|p| p.parse::<u64>().ok())
        .unwrap_or(1)
        .max(1);
    let notice = query_param("notice").and_then(|n| match n.as_str() {
        "posted" => Some(Msg::BoardPostedNotice),
        "withdrawn" => Some(Msg::BoardWithdrawnNotice),
        "approved" => Some(Msg::BoardApprovedNotice),
        "rejected" => Some(Msg::BoardRejectedNotice),
        "joined" => Some(Msg::BoardJoinedNotice),
        _ => None,
    });
    view! {
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {
                let gate_id = gate_id.clone();
                Suspend::new(async move {
                    match get_board(gate_id, kind, page, lang).await {
                        Ok(board) => view! { <BoardBody lang board kind notice/> }.into_any(),
                        Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                    }
                })
            }
        </Suspense>
    }
}

#[component]
fn BoardBody(lang: Lang, board: BoardView, kind: Option<BoardKind>, notice: Option<Msg>) -> impl IntoView {
    let title = t(lang, Msg::BoardTitle).replace("{gate}", &board.gate_name);
    let gate_id = board.gate_id.clone();
    let filters = {
        let gate_id = gate_id.clone();
        let all = (kind.is_none()).then_some("page");
        view! {
            <nav class="board-kinds" aria-label=t(lang, Msg::BoardKinds)>
                <a href=board_href(&gate_id, None, 1) aria-current=all>{t(lang, Msg::BoardAll)}</a>
                {BoardKind::ALL.iter().map(|k| {
                    let current = (kind == Some(*k)).then_some("page");
                    view! { " · " <a href=board_href(&gate_id, Some(*k), 1) aria-current=current>{vocab::label("board_kind", k.code(), lang)}</a> }
                }).collect_view()}
            </nav>
        }
    };
    let paging = {
        let newer = (board.page > 1).then(|| board_href(&gate_id, kind, board.page - 1));
        let older = board.has_more.then(|| board_href(&gate_id, kind, board.page + 1));
        (newer.is_some() || older.is_some()).then(|| {
            view! {
                <p class="paging">
                    {newer.map(|h| view! { <a href=h rel="prev">{t(lang, Msg::BoardNewer)}</a> " " })}
                    {older.map(|h| view! { <a href=h rel="next">{t(lang, Msg::BoardOlder)}</a> })}
                </p>
            }
        })
    };
    let notices = if board.notices.is_empty() {
        view! { <p>{t(lang, Msg::BoardNone)}</p> }.into_any()
    } else {
        view! {
            <ul class="board">
                {board.notices.iter().cloned().map(|n| view! { <NoticeItem lang notice=n/> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <PageMeta lang title=title.clone() description=t(lang, Msg::BoardIntro).to_owned()/>
        <p><a href=format!("/gates/{gate_id}")>{board.gate_name.clone()}</a></p>
        <h1>{title}</h1>
        {notice.map(|n| view! { <p class="notice" role="status">{t(lang, n)}</p> })}
        <p class="muted">{t(lang, Msg::BoardIntro)}</p>
        {filters}
        {notices}
        {paging}
        <PostNotice lang gate_id=gate_id.clone() default_phone=board.default_phone.clone()/>
        {(!board.mine.is_empty()).then(|| view! {
            <section class="board-mine">
                <h2>{t(lang, Msg::BoardMineTitle)}</h2>
                <ul class="board">
                    {board.mine.iter().cloned().map(|n| view! { <MyNotice lang notice=n/> }).collect_view()}
                </ul>
            </section>
        })}
        {board.may_moderate.then(|| view! {
            <section class="board-pending">
                <h2>{t(lang, Msg::BoardPendingTitle)}</h2>
                <PendingNotices lang notices=board.pending.clone()/>
            </section>
        })}
    }
}

/// The facts line of a notice: kind, quantity, price.
fn notice_facts(lang: Lang, n: &BoardNoticeView) -> impl IntoView {
    let kind_class = format!("tag board-{}", n.kind.code());
    view! {
        <span class=kind_class>{vocab::label("board_kind", n.kind.code(), lang)}</span>
        {n.quantity.clone().map(|q| view! { " · " <span>{t(lang, Msg::BoardQuantityLabel)} ": " {q}</span> })}
        {n.price.clone().map(|p| view! { " · " <span>{t(lang, Msg::BoardPriceLabel)} ": " {p}</span> })}
    }
}

fn tel_href(phone: &str) -> String {
    format!(
        "tel:{}",
        phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect::<String>()
    )
}

#[component]
fn NoticeItem(lang: Lang, notice: BoardNoticeView) -> impl IntoView {
    let n = notice;
    view! {
        <li class="board-notice" id=format!("notice-{}", n.id)>
            <p>{notice_facts(lang, &n)}</p>
            <p class="board-body" lang=n.lang.clone()>{n.body.clone()}</p>
            <p>
                <a class="tel" href=tel_href(&n.phone)>{t(lang, Msg::BoardCall)} " " {n.phone.clone()}</a>
                " · " {n.poster_name.clone()}
                " · " <span class="muted">{t(lang, Msg::BoardPostedOn)} " " <time>{n.posted_on.clone()}</time>
                " · " {t(lang, Msg::BoardUntil)} " " <time>{n.expires_on.clone()}</time></span>
            </p>
        </li>
    }
}

fn status_tag(lang: Lang, n: &BoardNoticeView) -> impl IntoView {
    if n.expired && matches!(n.status, NoticeStatus::Approved | NoticeStatus::Pending) {
        view! { <span class="tag notice-expired">{t(lang, Msg::BoardExpired)}</span> }.into_any()
    } else {
        let class = format!("tag notice-{}", n.status.code());
        view! { <span class=class>{vocab::label("notice_status", n.status.code(), lang)}</span> }.into_any()
    }
}

#[component]
fn MyNotice(lang: Lang, notice: BoardNoticeView) -> impl IntoView {
    let n = notice;
    let can_withdraw = !n.expired && matches!(n.status, NoticeStatus::Pending | NoticeStatus::Approved);
    view! {
        <li class="board-notice" id=format!("my-{}", n.id)>
            <p>{status_tag(lang, &n)} " " {notice_facts(lang, &n)}</p>
            <p class="board-body" lang=n.lang.clone()>{n.body.clone()}</p>
            {n.reject_reason.clone().map(|r| view! { <p class="error">{t(lang, Msg::BoardRejectedBecause)} " " {r}</p> })}
            {can_withdraw.then(|| view! {
                <form method="post" action=format!("/board/{}/withdraw", n.id) class="inline-form">
                    <button type="submit" class="secondary">{t(lang, Msg::BoardWithdrawButton)}</button>
                </form>
            })}
        </li>
    }
}

/// Pending notices with their decision forms (the board's moderators, and `/moderation`).
#[component]
pub fn PendingNotices(lang: Lang, notices: Vec<BoardNoticeView>, #[prop(optional)] with_gate: bool) -> impl IntoView {
    if notices.is_empty() {
        return view! { <p>{t(lang, Msg::NothingWaiting)}</p> }.into_any();
    }
    view! {
        <ul class="board">
            {notices.into_iter().map(|n| {
                let reason_id = format!("reason-{}", n.id);
                view! {
                    <li class="board-notice">
                        {with_gate.then(|| view! { <p><a href=format!("/gates/{}/board", n.gate_id)>{n.gate_name.clone()}</a></p> })}
                        <p>{notice_facts(lang, &n)}</p>
                        <p class="board-body" lang=n.lang.clone()>{n.body.clone()}</p>
                        <p class="muted">{n.poster_name.clone()} " · " {n.phone.clone()} " · " <time>{n.posted_on.clone()}</time></p>
                        <form method="post" action=format!("/board/{}/moderate", n.id) class="inline-form">
                            <input type="hidden" name="decision" value="approve"/>
                            <button type="submit">{t(lang, Msg::BoardApproveButton)}</button>
                        </form>
                        <form method="post" action=format!("/board/{}/moderate", n.id) class="inline-form">
                            <input type="hidden" name="decision" value="reject"/>
                            <label for=reason_id.clone()>{t(lang, Msg::BoardRejectReasonLabel)}</label>
                            " " <input id=reason_id name="reason" maxlength="300" required/>
                            " " <button type="submit" class="secondary">{t(lang, Msg::BoardRejectButton)}</button>
                        </form>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn PostNotice(lang: Lang, gate_id: String, default_phone: Option<String>) -> impl IntoView {
    let form = use_form_state();
    let back = use_page_address();
    let body = if use_viewer().is_none() {
        view! {
            <p><a href=sign_in_href(&back)>{t(lang, Msg::BoardSignIn)}</a></p>
            <p><a href=format!("/gates/{gate_id}/board/join")>{t(lang, Msg::BoardJoinLink)}</a></p>
        }
        .into_any()
    } else {
        let kinds: Vec<(String, String)> = BoardKind::ALL
            .iter()
            .map(|k| (k.code().to_owned(), vocab::label("board_kind", k.code(), lang)))
            .collect();
        // Lao and Vietnamese first: the board is for both sides of the border.
        let langs: Vec<(String, String)> = [Lang::Lo, Lang::Vi, Lang::En]
            .into_iter()
            .map(|l| (l.code().to_owned(), language_name(lang, l).to_owned()))
            .collect();
        let phone = if form.values.is_empty() {
            default_phone.unwrap_or_default()
        } else {
            form.value("phone")
        };
        view! {
            <FormErrors lang form=form.clone()/>
            <p class="muted">{t(lang, Msg::BoardPostHint)}</p>
            <form method="post" action=format!("/gates/{gate_id}/board") class="stack" novalidate>
                <SelectField lang form=form.clone() name="kind" label=Msg::BoardKindLabel options=kinds/>
                <TextAreaField lang form=form.clone() name="body" label=Msg::BoardBodyLabel
                    value=form.value("body") input_lang=lang.code()/>
                <Field lang form=form.clone() name="quantity" label=Msg::BoardQuantityLabel required=false/>
                <Field lang form=form.clone() name="price" label=Msg::BoardPriceLabel required=false/>
                <Field lang form=form.clone() name="phone" label=Msg::BoardPhoneLabel kind="tel" autocomplete="tel" value=phone/>
                <SelectField lang form=form.clone() name="lang" label=Msg::BoardLangLabel options=langs selected=lang.code().to_owned()/>
                <button type="submit">{t(lang, Msg::BoardPostButton)}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <section class="board-post" id="post">
            <h2>{t(lang, Msg::BoardPostTitle)}</h2>
            {body}
        </section>
    }
}

/// `/gates/{id}/board/join`: a minimal account for the board.
#[component]
pub fn BoardJoinPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    let gate_id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let back = format!("/gates/{gate_id}/board");
    view! {
        <PageMeta lang title=t(lang, Msg::BoardJoinTitle).to_owned() description=t(lang, Msg::BoardJoinIntro).to_owned()/>
        <section class="narrow">
            <p><a href=back.clone()>{t(lang, Msg::BoardLink)}</a></p>
            <h1>{t(lang, Msg::BoardJoinTitle)}</h1>
            <p class="lead">{t(lang, Msg::BoardJoinIntro)}</p>
            <form method="post" action=format!("/gates/{gate_id}/board/join") class="stack" novalidate>
                <FormErrors lang form=form.clone()/>
                <Field lang form=form.clone() name="display_name" label=Msg::DisplayName autocomplete="name"/>
                <Field lang form=form.clone() name="contact" label=Msg::BoardContactLabel autocomplete="username"/>
                <Field
                    lang
                    form=form.clone()
                    name="password"
                    label=Msg::Password
                    kind="password"
                    autocomplete="new-password"
                    hint=Msg::PasswordHint
                />
                <input type="hidden" name="lang" value=lang.code()/>
                <button type="submit">{t(lang, Msg::CreateAccountButton)}</button>
            </form>
            <p>{t(lang, Msg::HaveAccount)} " " <a href=sign_in_href(&back)>{t(lang, Msg::NavSignIn)}</a></p>
        </section>
    }
}
