//! The border market board: per border gate, short buy / sell / transport / labour notices that
//! traders and border residents post (any account; a resident signs up with a name and a phone
//! number, see `accounts::sign_up_with_phone`). A notice waits until a platform moderator or
//! the trade office of the gate's province approves it, then shows for `NOTICE_DAYS` days with
//! its phone number — the point of a board. Nothing else of the poster (e-mail, account) shows.
//!
//! Expiry is read, not written: a notice whose `expires_at` has passed is no longer on the board
//! and reads as expired to its poster; no worker needs to run for that to be true.
use super::accounts::CurrentUser;
use super::entities::{board_notice, border_gate, membership, organisation};
use super::policy::{allowed, authorise, Action, OrgRole};
use super::reference::Reference;
use super::{audit, text};
use crate::errors::AppError;
use crate::i18n::{Lang, Msg};
use crate::model::{BoardNoticeView, BoardView};
use crate::statuses::{BoardKind, NoticeStatus};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

/// How long a notice stays on the board after approval (and how long it waits for one).
pub const NOTICE_DAYS: i64 = 14;
/// The longest notice text, in characters: a board is for short notices.
pub const BODY_MAX: usize = 300;
/// Notices one account may post in 24 hours.
pub const NOTICES_PER_DAY: usize = 5;
/// Notices per board page: 12 of the longest Lao notices (3 bytes a character) keep the page
/// under 30 KB of HTML for a slow border connection, with the posting form and the poster's own
/// notices too (15 made 29.8 KB for a reader who is not signed in: no room for the form).
pub const PAGE_SIZE: u64 = 12;

/// What a poster writes.
#[derive(Clone, Debug, Default)]
pub struct NoticeInput {
    pub kind: String,
    pub body: String,
    pub quantity: String,
    pub price: String,
    pub phone: String,
    pub lang: String,
}

/// A moderator's decision on a pending notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
}

impl Decision {
    pub fn parse(code: &str) -> Option<Decision> {
        match code {
            "approve" => Some(Decision::Approve),
            "reject" => Some(Decision::Reject),
            _ => None,
        }
    }
}

fn gate_or_404<'a>(reference: &'a Reference, gate_id: &str) -> Result<&'a border_gate::Model, AppError> {
    reference.gate(gate_id).ok_or(AppError::NotFound)
}

/// The gate's name as the board shows it: both sides, the Lao side in the reader's language.
fn gate_name(gate: &border_gate::Model, lang: Lang) -> String {
    let la = match lang {
        Lang::Lo => gate.la_name_lo.clone().unwrap_or_else(|| gate.la_name_vi.clone()),
        Lang::En => gate.la_name_en.clone().unwrap_or_else(|| gate.la_name_vi.clone()),
        Lang::Vi => gate.la_name_vi.clone(),
    };
    format!("{} – {}", gate.vn_name, la)
}

/// Whether the user may approve and reject notices of this gate: a platform moderator, or an
/// editor (or owner) of a verified, active government organisation of the gate's Vietnamese or
/// Lao province (its trade office).
pub async fn may_moderate(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    gate: &border_gate::Model,
) -> Result<bool, AppError> {
    if allowed(&user.principal(None), Action::ModerateBoard) {
        return Ok(true);
    }
    let role = trade_office_role(db, user, &[gate.vn_province_id.as_str(), gate.la_province_id.as_str()]).await?;
    Ok(allowed(&user.principal(role), Action::ModerateBoard))
}

/// The user's best role in a trade office of one of these provinces.
async fn trade_office_role(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    provinces: &[&str],
) -> Result<Option<OrgRole>, AppError> {
    let offices: Vec<i32> = organisation::Entity::find()
        .select_only()
        .column(organisation::Column::Id)
        .filter(organisation::Column::Kind.eq("government"))
        .filter(organisation::Column::Status.eq("active"))
        .filter(organisation::Column::VerifiedAt.is_not_null())
        .filter(organisation::Column::ProvinceId.is_in(provinces.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    if offices.is_empty() {
        return Ok(None);
    }
    let roles = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user.user_id))
        .filter(membership::Column::OrganisationId.is_in(offices))
        .all(db)
        .await?;
    Ok(roles.iter().filter_map(|m| OrgRole::parse(&m.role)).max())
}

/// The provinces whose trade office the user speaks for (editor or owner of a verified, active
/// government organisation there).
async fn trade_office_provinces(db: &impl ConnectionTrait, user: &CurrentUser) -> Result<Vec<String>, AppError> {
    let memberships = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user.user_id))
        .all(db)
        .await?;
    let editing: Vec<i32> = memberships
        .iter()
        .filter(|m| OrgRole::parse(&m.role) >= Some(OrgRole::Editor))
        .map(|m| m.organisation_id)
        .collect();
    if editing.is_empty() || !user.email_confirmed {
        return Ok(Vec::new());
    }
    let offices = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(editing))
        .filter(organisation::Column::Kind.eq("government"))
        .filter(organisation::Column::Status.eq("active"))
        .filter(organisation::Column::VerifiedAt.is_not_null())
        .all(db)
        .await?;
    Ok(offices.into_iter().filter_map(|o| o.province_id).collect())
}

/// Posts a notice on a gate's board; it waits for a moderator. Returns its id.
pub async fn post(
    db: &DatabaseConnection,
    reference: &Reference,
    user: &CurrentUser,
    gate_id: &str,
    input: &NoticeInput,
    client_addr: Option<&str>,
) -> Result<i32, AppError> {
    authorise(&user.principal(None), Action::PostBoardNotice)?;
    let gate = gate_or_404(reference, gate_id)?;
    let kind = BoardKind::parse(input.kind.trim()).ok_or_else(|| AppError::invalid("kind", Msg::ErrRequired))?;
    let body = text::field_block(&input.body, "body", BODY_MAX, true)?;
    let quantity = super::text::optional_line(&input.quantity, "quantity", 100)?;
    let price = super::text::optional_line(&input.price, "price", 100)?;
    let phone = super::accounts::normalise_phone(&input.phone, "phone")?;
    let lang = Lang::parse(input.lang.trim()).ok_or_else(|| AppError::invalid("lang", Msg::ErrRequired))?;
    let now = Utc::now();
    let txn = super::db::begin_write(db).await?;
    // One poster's posts one after another, so two at once cannot both pass the daily limit.
    super::db::serialise_on(&txn, super::db::LOCK_BOARD_POSTER + i64::from(user.user_id)).await?;
    let day_ago = now - Duration::hours(24);
    let today = board_notice::Entity::find()
        .filter(board_notice::Column::UserId.eq(user.user_id))
        .filter(board_notice::Column::CreatedAt.gt(day_ago))
        .order_by_asc(board_notice::Column::CreatedAt)
        .all(&txn)
        .await?;
    if today.len() >= NOTICES_PER_DAY {
        let frees_at = today[0].created_at + Duration::hours(24);
        let retry_after_secs = std::cmp::max((frees_at - now).num_seconds(), 60) as u64;
        return Err(AppError::RateLimited { retry_after_secs });
    }
    let notice = board_notice::ActiveModel {
        gate_id: Set(gate.id.clone()),
        kind: Set(kind.code().to_owned()),
        body: Set(body),
        quantity: Set(quantity),
        price: Set(price),
        phone: Set(phone),
        poster_name: Set(user.display_name.clone()),
        lang: Set(lang.code().to_owned()),
        user_id: Set(Some(user.user_id)),
        status: Set(NoticeStatus::Pending.code().to_owned()),
        reject_reason: Set(None),
        moderated_by: Set(None),
        moderated_at: Set(None),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(NOTICE_DAYS)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Some(user.user_id),
        "board.post",
        "board_notice",
        &notice.id.to_string(),
        client_addr,
        &serde_json::json!({ "gate": gate.id }).to_string(),
    )
    .await?;
    txn.commit().await?;
    Ok(notice.id)
}

fn view(notice: board_notice::Model, reference: &Reference, lang: Lang, now: DateTime<Utc>) -> BoardNoticeView {
    let gate_name = reference
        .gate(&notice.gate_id)
        .map(|g| gate_name(g, lang))
        .unwrap_or_default();
    BoardNoticeView {
        id: notice.id,
        gate_id: notice.gate_id,
        gate_name,
        kind: BoardKind::parse(&notice.kind).unwrap_or(BoardKind::Sell),
        status: NoticeStatus::parse(&notice.status).unwrap_or(NoticeStatus::Pending),
        expired: notice.expires_at <= now,
        body: notice.body,
        quantity: notice.quantity,
        price: notice.price,
        phone: notice.phone,
        poster_name: notice.poster_name,
        lang: notice.lang,
        reject_reason: notice.reject_reason,
        posted_on: notice.created_at.format("%Y-%m-%d").to_string(),
        expires_on: notice.expires_at.format("%Y-%m-%d").to_string(),
    }
}

/// A gate's board as the viewer sees it: the live notices (newest first, one page, optionally
/// of one kind), the viewer's own notices on this gate whatever their state, and — for those
/// who may moderate it — the notices waiting.
pub async fn board(
    db: &impl ConnectionTrait,
    reference: &Reference,
    viewer: Option<&CurrentUser>,
    gate_id: &str,
    kind: Option<BoardKind>,
    page: u64,
    lang: Lang,
) -> Result<BoardView, AppError> {
    let gate = gate_or_404(reference, gate_id)?;
    let now = Utc::now();
    let mut live = board_notice::Entity::find()
        .filter(board_notice::Column::GateId.eq(&gate.id))
        .filter(board_notice::Column::Status.eq(NoticeStatus::Approved.code()))
        .filter(board_notice::Column::ExpiresAt.gt(now));
    if let Some(kind) = kind {
        live = live.filter(board_notice::Column::Kind.eq(kind.code()));
    }
    let page = page.max(1);
    let mut notices = live
        .order_by_desc(board_notice::Column::ModeratedAt)
        .order_by_desc(board_notice::Column::Id)
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE + 1)
        .all(db)
        .await?;
    let has_more = notices.len() as u64 > PAGE_SIZE;
    notices.truncate(PAGE_SIZE as usize);
    let (mine, pending, may_moderate) = match viewer {
        Some(user) => {
            let mine = board_notice::Entity::find()
                .filter(board_notice::Column::GateId.eq(&gate.id))
                .filter(board_notice::Column::UserId.eq(user.user_id))
                .filter(board_notice::Column::Status.ne(NoticeStatus::Withdrawn.code()))
                .filter(board_notice::Column::ExpiresAt.gt(now - Duration::days(NOTICE_DAYS)))
                .order_by_desc(board_notice::Column::Id)
                .limit(20)
                .all(db)
                .await?;
            let may = may_moderate(db, user, gate).await?;
            let pending = if may {
                pending_query(Some(&gate.id), now).limit(50).all(db).await?
            } else {
                Vec::new()
            };
            (mine, pending, may)
        }
        None => (Vec::new(), Vec::new(), false),
    };
    let default_phone = match viewer {
        Some(user) => super::entities::user::Entity::find_by_id(user.user_id)
            .one(db)
            .await?
            .and_then(|u| u.phone),
        None => None,
    };
    Ok(BoardView {
        gate_id: gate.id.clone(),
        gate_name: gate_name(gate, lang),
        notices: notices.into_iter().map(|n| view(n, reference, lang, now)).collect(),
        page,
        has_more,
        mine: mine.into_iter().map(|n| view(n, reference, lang, now)).collect(),
        pending: pending.into_iter().map(|n| view(n, reference, lang, now)).collect(),
        may_moderate,
        default_phone,
    })
}

fn pending_query(gate_id: Option<&str>, now: DateTime<Utc>) -> sea_orm::Select<board_notice::Entity> {
    let mut query = board_notice::Entity::find()
        .filter(board_notice::Column::Status.eq(NoticeStatus::Pending.code()))
        .filter(board_notice::Column::ExpiresAt.gt(now));
    if let Some(gate_id) = gate_id {
        query = query.filter(board_notice::Column::GateId.eq(gate_id));
    }
    query.order_by_asc(board_notice::Column::CreatedAt)
}

/// The notices waiting for this user's decision, across gates: all of them for platform
/// moderators, those of their provinces' gates for trade offices (the moderation queue).
pub async fn moderation_queue(
    db: &impl ConnectionTrait,
    reference: &Reference,
    user: &CurrentUser,
    lang: Lang,
) -> Result<Vec<BoardNoticeView>, AppError> {
    let now = Utc::now();
    let query = pending_query(None, now);
    let query = if allowed(&user.principal(None), Action::ModerateBoard) {
        query
    } else {
        let provinces = trade_office_provinces(db, user).await?;
        if provinces.is_empty() {
            return Ok(Vec::new());
        }
        let gates: Vec<String> = reference
            .gates()
            .iter()
            .filter(|g| provinces.contains(&g.vn_province_id) || provinces.contains(&g.la_province_id))
            .map(|g| g.id.clone())
            .collect();
        query.filter(board_notice::Column::GateId.is_in(gates))
    };
    Ok(query
        .limit(100)
        .all(db)
        .await?
        .into_iter()
        .map(|n| view(n, reference, lang, now))
        .collect())
}

/// Approves or rejects a pending notice. Approval starts its `NOTICE_DAYS` on the board; a
/// rejection needs a reason the poster will read. Returns the notice's gate.
pub async fn moderate(
    db: &DatabaseConnection,
    reference: &Reference,
    user: &CurrentUser,
    notice_id: i32,
    decision: Decision,
    reason: &str,
) -> Result<String, AppError> {
    let txn = super::db::begin_write(db).await?;
    let notice = board_notice::Entity::find_by_id(notice_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let gate = gate_or_404(reference, &notice.gate_id)?;
    if !may_moderate(&txn, user, gate).await? {
        return Err(AppError::Forbidden);
    }
    let now = Utc::now();
    if !NoticeStatus::Pending.is(&notice.status) || notice.expires_at <= now {
        return Err(AppError::Conflict(
            "this notice is no longer waiting for a decision".into(),
        ));
    }
    let reason = text::field_line(reason, "reason", 300, decision == Decision::Reject)?;
    let gate_id = notice.gate_id.clone();
    // Only while it still waits: a withdrawal or another moderator's decision made meanwhile
    // wins, and this one is refused.
    let mut update = board_notice::Entity::update_many()
        .col_expr(board_notice::Column::ModeratedBy, Expr::value(user.user_id))
        .col_expr(board_notice::Column::ModeratedAt, Expr::value(now));
    update = match decision {
        Decision::Approve => update
            .col_expr(board_notice::Column::Status, Expr::value(NoticeStatus::Approved.code()))
            .col_expr(
                board_notice::Column::ExpiresAt,
                Expr::value(now + Duration::days(NOTICE_DAYS)),
            ),
        Decision::Reject => update
            .col_expr(board_notice::Column::Status, Expr::value(NoticeStatus::Rejected.code()))
            .col_expr(board_notice::Column::RejectReason, Expr::value(reason)),
    };
    let changed = update
        .filter(board_notice::Column::Id.eq(notice_id))
        .filter(board_notice::Column::Status.eq(NoticeStatus::Pending.code()))
        .exec(&txn)
        .await?
        .rows_affected;
    if changed == 0 {
        return Err(AppError::Conflict(
            "this notice is no longer waiting for a decision".into(),
        ));
    }
    let action = match decision {
        Decision::Approve => "board.approve",
        Decision::Reject => "board.reject",
    };
    audit::record(
        &txn,
        Some(user.user_id),
        action,
        "board_notice",
        &notice_id.to_string(),
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(gate_id)
}

/// The poster takes a notice down (waiting or on the board). Returns its gate.
pub async fn withdraw(db: &DatabaseConnection, user: &CurrentUser, notice_id: i32) -> Result<String, AppError> {
    let txn = super::db::begin_write(db).await?;
    let notice = board_notice::Entity::find_by_id(notice_id)
        .one(&txn)
        .await?
        .filter(|n| n.user_id == Some(user.user_id))
        .ok_or(AppError::NotFound)?;
    if !(NoticeStatus::Pending.is(&notice.status) || NoticeStatus::Approved.is(&notice.status)) {
        return Err(AppError::Conflict("this notice is not on the board".into()));
    }
    let gate_id = notice.gate_id.clone();
    let changed = board_notice::Entity::update_many()
        .col_expr(
            board_notice::Column::Status,
            Expr::value(NoticeStatus::Withdrawn.code()),
        )
        .filter(board_notice::Column::Id.eq(notice_id))
        .filter(board_notice::Column::Status.is_in([NoticeStatus::Pending.code(), NoticeStatus::Approved.code()]))
        .exec(&txn)
        .await?
        .rows_affected;
    if changed == 0 {
        return Err(AppError::Conflict("this notice is not on the board".into()));
    }
    audit::record(
        &txn,
        Some(user.user_id),
        "board.withdraw",
        "board_notice",
        &notice_id.to_string(),
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(gate_id)
}

/// The gate a notice is on (where a form about it shows its errors).
pub async fn gate_of(db: &impl ConnectionTrait, notice_id: i32) -> Result<Option<String>, AppError> {
    Ok(board_notice::Entity::find_by_id(notice_id)
        .one(db)
        .await?
        .map(|n| n.gate_id))
}

/// A demo notice of `data/demo/board.json` (fictional: every poster is marked "Demo").
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoNotice {
    gate: String,
    kind: String,
    lang: String,
    body: String,
    quantity: String,
    price: String,
    phone: String,
    poster: String,
}

const DEMO_BOARD: &str = include_str!("../../../data/demo/board.json");

/// `corridor seed`: the demo notices, approved, on their boards for `NOTICE_DAYS` from now (a
/// second seed moves their dates instead of adding them again). Each is checked as a poster's
/// would be; returns how many there are.
pub async fn seed_demo(db: &DatabaseConnection, reference: &Reference) -> Result<usize, AppError> {
    let notices: Vec<DemoNotice> = serde_json::from_str(DEMO_BOARD).map_err(AppError::internal)?;
    let now = Utc::now();
    let txn = super::db::begin_write(db).await?;
    let existing = board_notice::Entity::find()
        .filter(board_notice::Column::UserId.is_null())
        .filter(board_notice::Column::PosterName.starts_with("Demo"))
        .all(&txn)
        .await?;
    if !existing.is_empty() {
        for notice in &existing {
            let mut active: board_notice::ActiveModel = notice.clone().into();
            active.moderated_at = Set(Some(now));
            active.expires_at = Set(now + Duration::days(NOTICE_DAYS));
            active.update(&txn).await?;
        }
        txn.commit().await?;
        return Ok(existing.len());
    }
    for (n, demo) in notices.iter().enumerate() {
        let wrong = |what: &str| AppError::internal(format!("data/demo/board.json row {}: {what}", n + 1));
        let gate = reference.gate(&demo.gate).ok_or_else(|| wrong("unknown gate"))?;
        let kind = BoardKind::parse(&demo.kind).ok_or_else(|| wrong("unknown kind"))?;
        let lang = Lang::parse(&demo.lang).ok_or_else(|| wrong("unknown language"))?;
        let body = text::field_block(&demo.body, "body", BODY_MAX, true).map_err(|_| wrong("body"))?;
        let phone = super::accounts::normalise_phone(&demo.phone, "phone").map_err(|_| wrong("phone"))?;
        if !demo.poster.starts_with("Demo") {
            return Err(wrong("a demo poster's name starts with \"Demo\""));
        }
        board_notice::ActiveModel {
            gate_id: Set(gate.id.clone()),
            kind: Set(kind.code().to_owned()),
            body: Set(body),
            quantity: Set(super::text::optional_line(&demo.quantity, "quantity", 100).map_err(|_| wrong("quantity"))?),
            price: Set(super::text::optional_line(&demo.price, "price", 100).map_err(|_| wrong("price"))?),
            phone: Set(phone),
            poster_name: Set(demo.poster.clone()),
            lang: Set(lang.code().to_owned()),
            user_id: Set(None),
            status: Set(NoticeStatus::Approved.code().to_owned()),
            reject_reason: Set(None),
            moderated_by: Set(None),
            moderated_at: Set(Some(now)),
            created_at: Set(now),
            expires_at: Set(now + Duration::days(NOTICE_DAYS)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(notices.len())
}
