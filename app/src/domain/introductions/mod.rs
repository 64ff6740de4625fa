//! Introductions (issue #12): how a buyer reaches a seller. A member of one organisation asks
//! another organisation for an introduction — about one of its listings, or from its profile —
//! with a message and, optionally, the quantity, price and delivery window it has in mind and
//! which of its own listings the request relates to. The asked organisation accepts or declines
//! (with a reason the asker sees); unanswered requests expire after 14 days.
//!
//! Contact privacy is the point: before acceptance neither side sees the other's contact person,
//! e-mail, phone or messaging handle anywhere. `contacts_visible` is the one rule every surface
//! asks (the introduction thread, the organisation profile, a listing's contact field, the API).
//! After acceptance both sides see each other's contacts and share a message thread.
//!
//! Abuse limits: at most `DAILY_LIMIT_VERIFIED` requests per organisation per 24 hours
//! (`DAILY_LIMIT_UNVERIFIED` when not verified), one open request per listing per asking
//! organisation (also a unique index), blocks, and reports into the one moderation queue. Every
//! step is audited.
pub mod payment;

use super::accounts::CurrentUser;
pub use super::actor::Actor;
use super::audit;
pub use super::contacts::{contacts_visible, visible_among};
use super::entities::{
    introduction, introduction_message, listing, membership, organisation, organisation_block, user,
};
use super::listings::browse::org_ref;
use super::mail::{self, Template};
use super::organisations::{active_of, find_by_slug, role_of};
use super::policy::{authorise, Action};
use crate::errors::AppError;
use crate::i18n::{Lang, Msg};
use crate::model::{
    ContactCard, InboxView, IntroductionContext, IntroductionSummary, IntroductionView, ListingLink, MessageView, Names,
};
use crate::statuses::{DeclineReason, IntroductionOrigin, IntroductionStatus, OrgStatus};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::{HashMap, HashSet};

/// How long a request waits for an answer.
pub const PENDING_DAYS: i64 = 14;
/// Requests an organisation may send in 24 hours, verified or not.
pub const DAILY_LIMIT_VERIFIED: u64 = 20;
pub const DAILY_LIMIT_UNVERIFIED: u64 = 5;
/// Longest request message and thread message, in characters.
pub const MESSAGE_CHARS: usize = 2000;

/// What a request is about.
#[derive(Clone, Debug)]
pub enum Target {
    /// One of the target organisation's listings (by id).
    Listing(i32),
    /// The organisation itself (by slug), from its profile.
    Organisation(String),
}

/// What the asker typed.
#[derive(Clone, Debug, Default)]
pub struct RequestInput {
    pub message: String,
    pub quantity: String,
    pub price: String,
    pub delivery_window: String,
    /// The id of one of the asker's own listings, or empty.
    pub related_listing: String,
    /// Where the request started; `None` means where the target says (listing or profile).
    pub origin: Option<IntroductionOrigin>,
}

/// An introduction's status as of `now`: a pending one past its date is expired.
pub fn effective(intro: &introduction::Model, now: DateTime<Utc>) -> IntroductionStatus {
    match IntroductionStatus::parse(&intro.status) {
        Some(IntroductionStatus::Pending) if intro.expires_at <= now => IntroductionStatus::Expired,
        Some(status) => status,
        None => IntroductionStatus::Expired,
    }
}

/// The contact card of an organisation (its own fields; else `fallback_email`). Callers show it
/// only where `contacts_visible` allows.
pub fn contact_card(org: &organisation::Model, fallback_email: Option<String>) -> ContactCard {
    ContactCard {
        organisation: org_ref(org),
        person: org.contact_person.clone(),
        email: org.contact_email.clone().or(fallback_email),
        phone: org.contact_phone.clone(),
        messaging: org.contact_messaging.clone(),
    }
}

/// A listing that may be asked about: published, not expired, of an active organisation.
async fn askable_listing(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(listing::Model, organisation::Model), AppError> {
    let item = listing::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let published = super::listings::effective_status(&item.status, item.expires_at, now)
        == crate::statuses::ListingState::Published;
    let org = organisation::Entity::find_by_id(item.organisation_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if !published || !OrgStatus::Active.is(&org.status) {
        return Err(AppError::NotFound);
    }
    Ok((item, org))
}

async fn resolve_target(
    db: &impl ConnectionTrait,
    target: &Target,
    now: DateTime<Utc>,
) -> Result<(Option<listing::Model>, organisation::Model), AppError> {
    match target {
        Target::Listing(id) => {
            let (item, org) = askable_listing(db, *id, now).await?;
            Ok((Some(item), org))
        }
        Target::Organisation(slug) => {
            let org = find_by_slug(db, slug).await?;
            if !OrgStatus::Active.is(&org.status) {
                return Err(AppError::NotFound);
            }
            Ok((None, org))
        }
    }
}

async fn is_blocked(db: &impl ConnectionTrait, by: i32, whom: i32) -> Result<bool, AppError> {
    Ok(organisation_block::Entity::find_by_id((by, whom))
        .one(db)
        .await?
        .is_some())
}

/// The open (pending, not expired) request of `requester` about this target, if any.
async fn open_request(
    db: &impl ConnectionTrait,
    requester: i32,
    target_org: i32,
    listing_id: Option<i32>,
    now: DateTime<Utc>,
) -> Result<Option<introduction::Model>, AppError> {
    let mut query = introduction::Entity::find()
        .filter(introduction::Column::RequesterOrganisationId.eq(requester))
        .filter(introduction::Column::TargetOrganisationId.eq(target_org))
        .filter(introduction::Column::Status.eq(IntroductionStatus::Pending))
        .filter(introduction::Column::ExpiresAt.gt(now));
    query = match listing_id {
        Some(id) => query.filter(introduction::Column::ListingId.eq(id)),
        None => query.filter(introduction::Column::ListingId.is_null()),
    };
    Ok(query.one(db).await?)
}

/// What the request form on a listing or a profile shows the viewer.
pub async fn context(
    db: &impl ConnectionTrait,
    viewer: Option<&CurrentUser>,
    target: &Target,
) -> Result<IntroductionContext, AppError> {
    let Some(user) = viewer else {
        return Ok(IntroductionContext::default());
    };
    let now = Utc::now();
    let Ok((item, target_org)) = resolve_target(db, target, now).await else {
        return Ok(IntroductionContext::default());
    };
    let Some(own) = active_of(db, user).await? else {
        return Ok(IntroductionContext {
            reason: Some(Msg::IntroNeedOrganisation),
            ..Default::default()
        });
    };
    let role = role_of(db, user.user_id, own.id).await?;
    let mut context = IntroductionContext {
        organisation: Some(org_ref(&own)),
        ..Default::default()
    };
    if own.id == target_org.id {
        return Ok(context);
    }
    if !super::policy::allowed(&user.principal(role), Action::RequestIntroduction) {
        context.reason = Some(Msg::IntroNeedEditor);
        return Ok(context);
    }
    context.open_request = open_request(db, own.id, target_org.id, item.as_ref().map(|i| i.id), now)
        .await?
        .map(|i| i.id);
    context.can_request = context.open_request.is_none();
    context.own_listings = own_listings(db, own.id, now).await?;
    Ok(context)
}

/// An organisation's published listings, newest first (at most 50), to relate a request to.
async fn own_listings(db: &impl ConnectionTrait, org: i32, now: DateTime<Utc>) -> Result<Vec<ListingLink>, AppError> {
    Ok(listing::Entity::find()
        .filter(listing::Column::OrganisationId.eq(org))
        .filter(listing::Column::Status.eq(super::listings::Status::Published.code()))
        .filter(listing::Column::ExpiresAt.gt(now))
        .order_by_desc(listing::Column::Id)
        .limit(50)
        .all(db)
        .await?
        .iter()
        .map(link)
        .collect())
}

fn link(item: &listing::Model) -> ListingLink {
    ListingLink {
        id: item.id,
        title: Names {
            vi: item.title_vi.clone().unwrap_or_default(),
            lo: item.title_lo.clone().unwrap_or_default(),
            en: item.title_en.clone().unwrap_or_default(),
        },
    }
}

/// The members of an organisation who answer for it (owners and editors), with their language.
pub(crate) async fn answerers(db: &impl ConnectionTrait, org: i32) -> Result<Vec<user::Model>, AppError> {
    let ids: Vec<i32> = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(org))
        .filter(membership::Column::Role.is_in(["owner", "editor"]))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?)
}

/// Queues a mail to each answerer of `org`, in their language.
async fn mail_organisation(db: &impl ConnectionTrait, org: i32, template: Template<'_>) -> Result<(), AppError> {
    for recipient in answerers(db, org).await? {
        let lang = Lang::parse(&recipient.preferred_lang).unwrap_or_default();
        mail::enqueue(db, &recipient.email, template, lang).await?;
    }
    Ok(())
}

/// Asks `target` for an introduction on behalf of the actor's organisation (a member's active
/// one, or the token's).
pub async fn request(
    db: &DatabaseConnection,
    origin_url: &str,
    actor: Actor<'_>,
    target: &Target,
    input: &RequestInput,
) -> Result<introduction::Model, AppError> {
    let now = Utc::now();
    let (item, target_org) = resolve_target(db, target, now).await?;
    let own = actor
        .organisation(db)
        .await?
        .ok_or_else(|| AppError::invalid("organisation", Msg::IntroNeedOrganisation))?;
    actor.authorise(db, own.id, Action::RequestIntroduction).await?;
    if own.id == target_org.id {
        return Err(AppError::invalid("message", Msg::IntroOwnOrganisation));
    }
    if !OrgStatus::Active.is(&own.status) {
        return Err(AppError::Forbidden);
    }
    let mut problems = Vec::new();
    let message = super::text::field_block(&input.message, "message", MESSAGE_CHARS, true)
        .map_err(|e| problems.extend(e.field_errors()))
        .ok();
    let quantity = super::text::optional_line(&input.quantity, "quantity", 120)
        .map_err(|e| problems.extend(e.field_errors()))
        .ok()
        .flatten();
    let price = super::text::optional_line(&input.price, "price", 120)
        .map_err(|e| problems.extend(e.field_errors()))
        .ok()
        .flatten();
    let delivery_window = super::text::optional_line(&input.delivery_window, "delivery_window", 120)
        .map_err(|e| problems.extend(e.field_errors()))
        .ok()
        .flatten();
    let related = match input.related_listing.trim() {
        "" => None,
        raw => match raw.parse::<i32>() {
            Ok(id) => {
                let found = listing::Entity::find_by_id(id)
                    .one(db)
                    .await?
                    .filter(|l| l.organisation_id == own.id);
                if found.is_none() {
                    problems.push(("related_listing".into(), Msg::ErrChooseOne));
                }
                found.map(|l| l.id)
            }
            Err(_) => {
                problems.push(("related_listing".into(), Msg::ErrChooseOne));
                None
            }
        },
    };
    if !problems.is_empty() {
        return Err(AppError::InvalidFields(problems));
    }
    let message = message.unwrap_or_default();
    if is_blocked(db, target_org.id, own.id).await? {
        return Err(AppError::invalid("message", Msg::IntroBlocked));
    }
    let listing_id = item.as_ref().map(|i| i.id);
    if open_request(db, own.id, target_org.id, listing_id, now)
        .await?
        .is_some()
    {
        return Err(AppError::invalid("message", Msg::IntroAlreadyOpen));
    }
    let limit = if own.verified_at.is_some() {
        DAILY_LIMIT_VERIFIED
    } else {
        DAILY_LIMIT_UNVERIFIED
    };
    let day_ago = now - Duration::hours(24);
    let sent_today = introduction::Entity::find()
        .filter(introduction::Column::RequesterOrganisationId.eq(own.id))
        .filter(introduction::Column::CreatedAt.gt(day_ago))
        .order_by_asc(introduction::Column::CreatedAt)
        .all(db)
        .await?;
    if sent_today.len() as u64 >= limit {
        // The oldest request of the window leaves it first.
        let frees_at = sent_today[0].created_at + Duration::hours(24);
        let retry_after_secs = std::cmp::max((frees_at - now).num_seconds(), 60) as u64;
        return Err(AppError::RateLimited { retry_after_secs });
    }
    let origin = input.origin.unwrap_or(match target {
        Target::Listing(_) => IntroductionOrigin::Listing,
        Target::Organisation(_) => IntroductionOrigin::Organisation,
    });
    let txn = super::db::begin_write(db).await?;
    // A request left pending past its date is expired, so it no longer holds the unique
    // "one open request per listing" slot.
    introduction::Entity::update_many()
        .col_expr(
            introduction::Column::Status,
            Expr::value(IntroductionStatus::Expired.code()),
        )
        .filter(introduction::Column::RequesterOrganisationId.eq(own.id))
        .filter(introduction::Column::Status.eq(IntroductionStatus::Pending))
        .filter(introduction::Column::ExpiresAt.lte(now))
        .exec(&txn)
        .await?;
    let created = introduction::ActiveModel {
        requester_organisation_id: Set(own.id),
        requester_user_id: Set(actor.user_id()),
        target_organisation_id: Set(target_org.id),
        listing_id: Set(listing_id),
        related_listing_id: Set(related),
        origin: Set(origin.code().to_owned()),
        message: Set(message),
        quantity: Set(quantity),
        price: Set(price),
        delivery_window: Set(delivery_window),
        status: Set(IntroductionStatus::Pending.code().to_owned()),
        decline_reason: Set(None),
        decline_note: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        expires_at: Set(now + Duration::days(PENDING_DAYS)),
        created_at: Set(now),
        requester_activity_at: Set(now),
        target_activity_at: Set(None),
        requester_seen_at: Set(Some(now)),
        target_seen_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|err| {
        // Two requests at once: the unique index keeps one.
        if matches!(err.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) {
            AppError::invalid("message", Msg::IntroAlreadyOpen)
        } else {
            AppError::from(err)
        }
    })?;
    let link = format!("{origin_url}/inbox/{}", created.id);
    mail_organisation(
        &txn,
        target_org.id,
        Template::IntroductionRequested {
            from: &own.name,
            link: &link,
        },
    )
    .await?;
    audit::record(
        &txn,
        actor.user_id(),
        "introduction.request",
        "introduction",
        &created.id.to_string(),
        None,
        &serde_json::json!({ "from": own.slug, "to": target_org.slug, "listing": listing_id, "via": actor.origin() })
            .to_string(),
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

/// Which side of `intro` the actor belongs to (`true`: the asked side), once it may do
/// `action` there.
async fn side_of(
    db: &impl ConnectionTrait,
    actor: Actor<'_>,
    intro: &introduction::Model,
    action: Action,
) -> Result<bool, AppError> {
    for (org, received) in [
        (intro.target_organisation_id, true),
        (intro.requester_organisation_id, false),
    ] {
        if actor.belongs_to(db, org).await? {
            actor.authorise(db, org, action).await?;
            return Ok(received);
        }
    }
    // Not a member of either side: as if it did not exist.
    Err(AppError::NotFound)
}

async fn load(db: &impl ConnectionTrait, id: i32) -> Result<introduction::Model, AppError> {
    introduction::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The asked organisation accepts (`reason` = `None`) or declines with a reason.
pub async fn decide(
    db: &DatabaseConnection,
    origin_url: &str,
    actor: Actor<'_>,
    id: i32,
    decline: Option<(&str, &str)>,
) -> Result<introduction::Model, AppError> {
    let intro = load(db, id).await?;
    let received = side_of(db, actor, &intro, Action::AnswerIntroduction).await?;
    if !received {
        return Err(AppError::Forbidden);
    }
    let now = Utc::now();
    if effective(&intro, now) != IntroductionStatus::Pending {
        return Err(AppError::invalid("decision", Msg::IntroNotPending));
    }
    let (status, reason, note) = match decline {
        None => (IntroductionStatus::Accepted, None, None),
        Some((reason, note)) => {
            let reason = DeclineReason::parse(reason).ok_or_else(|| AppError::invalid("reason", Msg::ErrChooseOne))?;
            let note = super::text::field_block(note, "note", 1000, reason == DeclineReason::Other)?;
            (
                IntroductionStatus::Declined,
                Some(reason.code().to_owned()),
                (!note.is_empty()).then_some(note),
            )
        }
    };
    let txn = super::db::begin_write(db).await?;
    let mut active: introduction::ActiveModel = intro.clone().into();
    active.status = Set(status.code().to_owned());
    active.decline_reason = Set(reason);
    active.decline_note = Set(note);
    active.decided_by = Set(actor.user_id());
    active.decided_at = Set(Some(now));
    active.target_activity_at = Set(Some(now));
    active.target_seen_at = Set(Some(now));
    let updated = active.update(&txn).await?;
    let target = organisation::Entity::find_by_id(intro.target_organisation_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let link = format!("{origin_url}/inbox/{id}");
    let accepted = status == IntroductionStatus::Accepted;
    let template = if accepted {
        Template::IntroductionAccepted {
            by: &target.name,
            link: &link,
        }
    } else {
        Template::IntroductionDeclined {
            by: &target.name,
            link: &link,
        }
    };
    mail_organisation(&txn, intro.requester_organisation_id, template).await?;
    audit::record(
        &txn,
        actor.user_id(),
        if accepted {
            "introduction.accept"
        } else {
            "introduction.decline"
        },
        "introduction",
        &id.to_string(),
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// A message in an accepted introduction's thread, from the actor's side.
pub async fn post_message(
    db: &DatabaseConnection,
    origin_url: &str,
    actor: Actor<'_>,
    id: i32,
    body: &str,
) -> Result<introduction_message::Model, AppError> {
    let intro = load(db, id).await?;
    let received = side_of(db, actor, &intro, Action::RequestIntroduction).await?;
    if effective(&intro, Utc::now()) != IntroductionStatus::Accepted {
        return Err(AppError::invalid("body", Msg::IntroNotAccepted));
    }
    let body = super::text::field_block(body, "body", MESSAGE_CHARS, true)?;
    let (mine, theirs) = if received {
        (intro.target_organisation_id, intro.requester_organisation_id)
    } else {
        (intro.requester_organisation_id, intro.target_organisation_id)
    };
    if is_blocked(db, theirs, mine).await? {
        return Err(AppError::invalid("body", Msg::IntroBlocked));
    }
    let now = Utc::now();
    let txn = super::db::begin_write(db).await?;
    let message = introduction_message::ActiveModel {
        introduction_id: Set(id),
        sender_organisation_id: Set(mine),
        sender_user_id: Set(actor.user_id()),
        body: Set(body),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut active: introduction::ActiveModel = intro.into();
    if received {
        active.target_activity_at = Set(Some(now));
        active.target_seen_at = Set(Some(now));
    } else {
        active.requester_activity_at = Set(now);
        active.requester_seen_at = Set(Some(now));
    }
    active.update(&txn).await?;
    let sender = organisation::Entity::find_by_id(mine)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let link = format!("{origin_url}/inbox/{id}");
    mail_organisation(
        &txn,
        theirs,
        Template::IntroductionMessage {
            from: &sender.name,
            link: &link,
        },
    )
    .await?;
    audit::record(
        &txn,
        actor.user_id(),
        "introduction.message",
        "introduction",
        &id.to_string(),
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(message)
}

/// The asked side blocks the asker: no more requests or messages from it; a pending request
/// is declined.
pub async fn block_sender(db: &DatabaseConnection, user: &CurrentUser, id: i32) -> Result<(), AppError> {
    let intro = load(db, id).await?;
    let received = side_of(db, Actor::User(user), &intro, Action::AnswerIntroduction).await?;
    let (mine, theirs) = if received {
        (intro.target_organisation_id, intro.requester_organisation_id)
    } else {
        (intro.requester_organisation_id, intro.target_organisation_id)
    };
    let now = Utc::now();
    let txn = super::db::begin_write(db).await?;
    if !is_blocked(&txn, mine, theirs).await? {
        organisation_block::ActiveModel {
            organisation_id: Set(mine),
            blocked_organisation_id: Set(theirs),
            created_by: Set(Some(user.user_id)),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    if received && effective(&intro, now) == IntroductionStatus::Pending {
        let mut active: introduction::ActiveModel = intro.into();
        active.status = Set(IntroductionStatus::Declined.code().to_owned());
        active.decline_reason = Set(Some(DeclineReason::NotAMatch.code().to_owned()));
        active.decided_by = Set(Some(user.user_id));
        active.decided_at = Set(Some(now));
        active.target_activity_at = Set(Some(now));
        active.update(&txn).await?;
    }
    audit::record(
        &txn,
        Some(user.user_id),
        "introduction.block",
        "introduction",
        &id.to_string(),
        None,
        &serde_json::json!({ "blocked": theirs }).to_string(),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Reports the other side of an introduction to the moderators (the report names it).
pub async fn report_sender(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: i32,
    reason: &str,
    details: &str,
) -> Result<(), AppError> {
    let intro = load(db, id).await?;
    let received = side_of(db, Actor::User(user), &intro, Action::ReadIntroductions).await?;
    let theirs = if received {
        intro.requester_organisation_id
    } else {
        intro.target_organisation_id
    };
    let other = organisation::Entity::find_by_id(theirs)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    authorise(
        &user.principal(role_of(db, user.user_id, other.id).await?),
        Action::ReportOrganisation,
    )?;
    let details = format!("[introduction {id}] {}", details.trim());
    super::reports::file(db, user, "organisation", other.id, &other.slug, reason, &details, false).await
}

/// Marks requests pending past their date as expired (the hourly worker; readers already see
/// them as expired through `effective`).
pub async fn expire_due(db: &DatabaseConnection) -> Result<u64, AppError> {
    let txn = super::db::begin_write(db).await?;
    let result = introduction::Entity::update_many()
        .col_expr(
            introduction::Column::Status,
            Expr::value(IntroductionStatus::Expired.code()),
        )
        .filter(introduction::Column::Status.eq(IntroductionStatus::Pending))
        .filter(introduction::Column::ExpiresAt.lte(Utc::now()))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(result.rows_affected)
}

/// Whether the other side did something `side` has not seen.
fn unread_for(intro: &introduction::Model, received: bool) -> bool {
    let (their_activity, seen) = if received {
        (Some(intro.requester_activity_at), intro.target_seen_at)
    } else {
        (intro.target_activity_at, intro.requester_seen_at)
    };
    match (their_activity, seen) {
        (Some(activity), Some(seen)) => activity > seen,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// The signed-in user's unread introductions, put in the request's extensions by the session
/// middleware for the header's badge.
#[derive(Clone, Copy, Debug)]
pub struct Unread(pub u64);

/// Introductions with something unread, over every organisation the user may read for.
pub async fn unread_count(db: &impl ConnectionTrait, user: &CurrentUser) -> Result<u64, AppError> {
    let mine: Vec<i32> = super::contacts::member_of(db, user.user_id).await?;
    if mine.is_empty() {
        return Ok(0);
    }
    let received = introduction::Entity::find()
        .filter(introduction::Column::TargetOrganisationId.is_in(mine.clone()))
        .filter(Condition::any().add(introduction::Column::TargetSeenAt.is_null()).add(
            Expr::col(introduction::Column::RequesterActivityAt).gt(Expr::col(introduction::Column::TargetSeenAt)),
        ))
        .count(db)
        .await?;
    let sent = introduction::Entity::find()
        .filter(introduction::Column::RequesterOrganisationId.is_in(mine))
        .filter(introduction::Column::TargetActivityAt.is_not_null())
        .filter(
            Condition::any()
                .add(introduction::Column::RequesterSeenAt.is_null())
                .add(
                    Expr::col(introduction::Column::TargetActivityAt)
                        .gt(Expr::col(introduction::Column::RequesterSeenAt)),
                ),
        )
        .count(db)
        .await?;
    Ok(received + sent)
}

/// Rows of an entity by id (one query), keyed by id.
async fn by_ids<E>(
    db: &impl ConnectionTrait,
    id_column: E::Column,
    ids: impl IntoIterator<Item = i32>,
    id_of: fn(&E::Model) -> i32,
) -> Result<HashMap<i32, E::Model>, AppError>
where
    E: EntityTrait,
{
    let ids: HashSet<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(E::find()
        .filter(id_column.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|row| (id_of(&row), row))
        .collect())
}

async fn orgs_by_id(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, organisation::Model>, AppError> {
    by_ids::<organisation::Entity>(db, organisation::Column::Id, ids, |o| o.id).await
}

async fn listings_by_id(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, listing::Model>, AppError> {
    by_ids::<listing::Entity>(db, listing::Column::Id, ids, |l| l.id).await
}

/// The inbox of the user's active organisation: received and sent, newest activity first
/// (at most `limit`).
pub async fn inbox(db: &impl ConnectionTrait, actor: Actor<'_>, limit: u64) -> Result<InboxView, AppError> {
    let Some(own) = actor.organisation(db).await? else {
        return Ok(InboxView::default());
    };
    actor.authorise(db, own.id, Action::ReadIntroductions).await?;
    let rows = introduction::Entity::find()
        .filter(
            Condition::any()
                .add(introduction::Column::TargetOrganisationId.eq(own.id))
                .add(introduction::Column::RequesterOrganisationId.eq(own.id)),
        )
        .order_by_desc(introduction::Column::CreatedAt)
        .order_by_desc(introduction::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let orgs = orgs_by_id(
        db,
        rows.iter()
            .flat_map(|r| [r.requester_organisation_id, r.target_organisation_id]),
    )
    .await?;
    let listings = listings_by_id(db, rows.iter().filter_map(|r| r.listing_id)).await?;
    let now = Utc::now();
    let items = rows
        .iter()
        .filter_map(|r| {
            let received = r.target_organisation_id == own.id;
            let counterpart = orgs.get(if received {
                &r.requester_organisation_id
            } else {
                &r.target_organisation_id
            })?;
            Some(IntroductionSummary {
                id: r.id,
                received,
                counterpart: org_ref(counterpart),
                listing: r.listing_id.and_then(|id| listings.get(&id)).map(link),
                status: effective(r, now),
                created_on: r.created_at.date_naive().to_string(),
                unread: unread_for(r, received),
                excerpt: r.message.chars().take(140).collect(),
            })
        })
        .collect();
    Ok(InboxView {
        organisation: Some(org_ref(&own)),
        items,
    })
}

/// One introduction as the user's side sees it; marks it read for that side.
pub async fn thread(db: &DatabaseConnection, actor: Actor<'_>, id: i32) -> Result<IntroductionView, AppError> {
    let intro = load(db, id).await?;
    let received = side_of(db, actor, &intro, Action::ReadIntroductions).await?;
    let now = Utc::now();
    if unread_for(&intro, received) {
        let mut active: introduction::ActiveModel = intro.clone().into();
        if received {
            active.target_seen_at = Set(Some(now));
        } else {
            active.requester_seen_at = Set(Some(now));
        }
        let txn = super::db::begin_write(db).await?;
        active.update(&txn).await?;
        txn.commit().await?;
    }
    let orgs = orgs_by_id(db, [intro.requester_organisation_id, intro.target_organisation_id]).await?;
    let requester = orgs.get(&intro.requester_organisation_id).ok_or(AppError::NotFound)?;
    let target = orgs.get(&intro.target_organisation_id).ok_or(AppError::NotFound)?;
    let listings = listings_by_id(db, [intro.listing_id, intro.related_listing_id].into_iter().flatten()).await?;
    let status = effective(&intro, now);
    let (mine, theirs) = if received {
        (target.id, requester.id)
    } else {
        (requester.id, target.id)
    };
    let can_answer = actor.may(db, mine, Action::AnswerIntroduction).await?;
    let contacts = if status == IntroductionStatus::Accepted {
        let requester_email = match intro.requester_user_id {
            Some(uid) => user::Entity::find_by_id(uid).one(db).await?.map(|u| u.email),
            None => None,
        };
        let target_email = match intro.decided_by {
            Some(uid) => user::Entity::find_by_id(uid).one(db).await?.map(|u| u.email),
            None => None,
        };
        vec![
            contact_card(requester, requester_email),
            contact_card(target, target_email),
        ]
    } else {
        Vec::new()
    };
    let messages = introduction_message::Entity::find()
        .filter(introduction_message::Column::IntroductionId.eq(id))
        .order_by_asc(introduction_message::Column::Id)
        .all(db)
        .await?;
    let sender_ids: HashSet<i32> = messages.iter().filter_map(|m| m.sender_user_id).collect();
    let senders: HashMap<i32, String> = if sender_ids.is_empty() {
        HashMap::new()
    } else {
        user::Entity::find()
            .filter(user::Column::Id.is_in(sender_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect()
    };
    let messages = messages
        .into_iter()
        .map(|m| MessageView {
            id: m.id,
            mine: m.sender_organisation_id == mine,
            organisation: orgs
                .get(&m.sender_organisation_id)
                .map(|o| o.name.clone())
                .unwrap_or_default(),
            sender: m.sender_user_id.and_then(|id| senders.get(&id).cloned()),
            payment_warning: payment::looks_like_payment_instructions(&m.body),
            body: m.body,
            sent_at: m.created_at.format("%Y-%m-%d %H:%M").to_string(),
        })
        .collect();
    Ok(IntroductionView {
        id,
        received,
        requester: org_ref(requester),
        target: org_ref(target),
        listing: intro.listing_id.and_then(|id| listings.get(&id)).map(link),
        related_listing: intro.related_listing_id.and_then(|id| listings.get(&id)).map(link),
        origin: IntroductionOrigin::parse(&intro.origin).unwrap_or(IntroductionOrigin::Listing),
        payment_warning: payment::looks_like_payment_instructions(&intro.message)
            || [&intro.quantity, &intro.price, &intro.delivery_window]
                .into_iter()
                .flatten()
                .any(|t| payment::looks_like_payment_instructions(t)),
        message: intro.message.clone(),
        quantity: intro.quantity.clone(),
        price: intro.price.clone(),
        delivery_window: intro.delivery_window.clone(),
        status,
        decline_reason: intro.decline_reason.as_deref().and_then(DeclineReason::parse),
        decline_note: intro.decline_note.clone(),
        created_on: intro.created_at.date_naive().to_string(),
        expires_on: intro.expires_at.date_naive().to_string(),
        can_decide: received && status == IntroductionStatus::Pending && can_answer,
        blocked: is_blocked(db, mine, theirs).await?,
        contacts,
        messages,
    })
}
