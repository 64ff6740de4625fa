//! Writes: create, edit, publish, renew, archive — each checked by `policy`, each writing a
//! search outbox row in the same transaction, and the audit trail for moderation.
use super::input::ListingInput;
use super::validate::{validate, Problems, RefData, Valid};
use super::{Rules, Status, DEFAULT_TTL_DAYS, REMINDER_DAYS};
use crate::domain::accounts::CurrentUser;
use crate::domain::api_tokens::Scope;
use crate::domain::entities::{listing, listing_gate, membership, organisation, user};
use crate::domain::organisations::principal;
use crate::domain::policy::authorise;
use crate::domain::policy::Action;
use crate::domain::{audit, mail};
use crate::errors::AppError;
use crate::i18n::Lang;
use crate::i18n::Msg;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

/// Who is writing: a signed-in member, or an API token of the organisation.
pub use crate::domain::actor::Actor;

/// Checks that `actor` may write the listings of `organisation`.
pub async fn authorise_listings(
    db: &impl ConnectionTrait,
    actor: Actor<'_>,
    organisation: &organisation::Model,
) -> Result<(), AppError> {
    match actor {
        Actor::User(user) => authorise(
            &principal(db, Some(user), Some(organisation.id)).await?,
            Action::EditListings,
        ),
        Actor::Token(client) => {
            if client.organisation_id != organisation.id || client.scope != Scope::Write {
                Err(AppError::Forbidden)
            } else {
                Ok(())
            }
        }
    }
}

/// Whether to save as a draft or publish at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Save {
    Draft,
    Publish,
}

/// The result of a save: the row, and whether its HS code was not in the table (a warning).
#[derive(Clone, Debug)]
pub struct Saved {
    pub listing: listing::Model,
    pub hs_unknown: bool,
}

fn invalid(problems: Problems) -> AppError {
    AppError::InvalidFields(problems)
}

/// Rules that need the organisation: only government agencies keep the priority
/// infrastructure list.
fn check_organisation(valid: &Valid, organisation: &organisation::Model) -> Result<(), AppError> {
    if valid.priority_infra && organisation.kind != "government" {
        return Err(AppError::invalid("priority_infra", Msg::ErrPriorityGovernment));
    }
    Ok(())
}

/// The status a listing gets when it is published.
fn published_status(organisation: &organisation::Model, rules: Rules) -> Status {
    if rules.hold_unverified && organisation.verified_at.is_none() {
        Status::Held
    } else {
        Status::Published
    }
}

fn fill(model: &mut listing::ActiveModel, valid: Valid) {
    let [title_vi, title_lo, title_en] = valid.titles;
    let [description_vi, description_lo, description_en] = valid.descriptions;
    model.kind = Set(valid.kind.code().to_owned());
    model.title_vi = Set(title_vi);
    model.title_lo = Set(title_lo);
    model.title_en = Set(title_en);
    model.description_vi = Set(description_vi);
    model.description_lo = Set(description_lo);
    model.description_en = Set(description_en);
    model.original_lang = Set(valid.original_lang.code().to_owned());
    model.province_id = Set(valid.province_id);
    model.destination_province_id = Set(valid.destination_province_id);
    model.sector = Set(valid.sector);
    model.direction = Set(valid.direction);
    model.hs_code = Set(valid.hs_code);
    model.hs_chapter = Set(valid.hs_chapter);
    model.quantity = Set(valid.quantity);
    model.unit = Set(valid.unit);
    model.frequency = Set(valid.frequency);
    model.price = Set(valid.price);
    model.currency = Set(valid.currency);
    model.incoterm = Set(valid.incoterm);
    model.certifications = Set(valid.certifications);
    model.economic_zone_id = Set(valid.economic_zone_id);
    model.size_min_usd = Set(valid.size_min_usd);
    model.size_max_usd = Set(valid.size_max_usd);
    model.stage = Set(valid.stage);
    model.instruments = Set(valid.instruments);
    model.incentives = Set(valid.incentives);
    model.land_status = Set(valid.land_status);
    model.contact = Set(valid.contact);
    model.priority_infra = Set(valid.priority_infra);
    model.infra_type = Set(valid.infra_type);
    model.origin_place = Set(valid.origin_place);
    model.destination_place = Set(valid.destination_place);
    model.window_start = Set(valid.window_start);
    model.window_end = Set(valid.window_end);
    model.capacity = Set(valid.capacity);
    model.capacity_unit = Set(valid.capacity_unit);
    model.equipment = Set(valid.equipment);
    model.expires_at = Set(valid.expires_at);
}

/// A new listing row (not yet inserted) for `organisation`.
pub fn new_row(
    valid: Valid,
    organisation: &organisation::Model,
    created_by: Option<i32>,
    status: Status,
    origin: &str,
    now: DateTime<Utc>,
) -> listing::ActiveModel {
    let mut model = listing::ActiveModel {
        organisation_id: Set(organisation.id),
        created_by: Set(created_by),
        status: Set(status.code().to_owned()),
        country: Set(organisation.country.clone()),
        published_at: Set((status == Status::Published || status == Status::Held).then_some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        reminder_sent_at: Set(None),
        origin: Set(origin.to_owned()),
        org_verified: Set(organisation.verified_at.is_some()),
        ..Default::default()
    };
    fill(&mut model, valid);
    model
}

/// After a verification decision: every listing of the organisation carries the flag, and the
/// search index hears about each (same transaction as the decision).
pub async fn set_org_verified(db: &impl ConnectionTrait, organisation_id: i32, verified: bool) -> Result<(), AppError> {
    listing::Entity::update_many()
        .col_expr(listing::Column::OrgVerified, Expr::value(verified))
        .filter(listing::Column::OrganisationId.eq(organisation_id))
        .exec(db)
        .await?;
    crate::domain::search::outbox::organisation_and_its_listings_changed(db, organisation_id).await
}

async fn set_gates(db: &impl ConnectionTrait, listing_id: i32, gate_ids: &[String]) -> Result<(), AppError> {
    listing_gate::Entity::delete_many()
        .filter(listing_gate::Column::ListingId.eq(listing_id))
        .exec(db)
        .await?;
    if gate_ids.is_empty() {
        return Ok(());
    }
    listing_gate::Entity::insert_many(gate_ids.iter().enumerate().map(|(i, gate)| listing_gate::ActiveModel {
        listing_id: Set(listing_id),
        gate_id: Set(gate.clone()),
        position: Set(i as i32),
    }))
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Creates a listing for `organisation` (its slug).
pub async fn create(
    db: &DatabaseConnection,
    actor: Actor<'_>,
    organisation_slug: &str,
    input: &ListingInput,
    save: Save,
    rules: Rules,
) -> Result<Saved, AppError> {
    let organisation = crate::domain::organisations::find_by_slug(db, organisation_slug).await?;
    authorise_listings(db, actor, &organisation).await?;
    if !crate::statuses::OrgStatus::Active.is(&organisation.status) {
        return Err(AppError::Forbidden);
    }
    let now = super::browse::now_micros();
    let refs = RefData::load(db).await?;
    let valid = validate(input, &refs, now).map_err(invalid)?;
    check_organisation(&valid, &organisation)?;
    let hs_unknown = valid.hs_unknown;
    let gates = valid.gate_ids.clone();
    let status = match save {
        Save::Draft => Status::Draft,
        Save::Publish => published_status(&organisation, rules),
    };
    let txn = crate::domain::db::begin_write(db).await?;
    let created = new_row(valid, &organisation, actor.user_id(), status, actor.origin(), now)
        .insert(&txn)
        .await?;
    set_gates(&txn, created.id, &gates).await?;
    crate::domain::search::outbox::listings_changed(&txn, &[created.id]).await?;
    txn.commit().await?;
    Ok(Saved {
        listing: created,
        hs_unknown,
    })
}

/// The listing with its organisation, for a writer; `NotFound` when it does not exist.
pub(crate) async fn for_writing(
    db: &impl ConnectionTrait,
    actor: Actor<'_>,
    id: i32,
) -> Result<(listing::Model, organisation::Model), AppError> {
    let row = listing::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let organisation = organisation::Entity::find_by_id(row.organisation_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    authorise_listings(db, actor, &organisation).await?;
    if row.status == Status::Removed.code() {
        // Taken down by a moderator: the owners see it but cannot bring it back.
        return Err(AppError::Conflict("removed".into()));
    }
    Ok((row, organisation))
}

/// Saves an edit. The kind cannot change. A published listing stays published (or goes to
/// moderation again when the organisation's listings are held).
pub async fn update(
    db: &DatabaseConnection,
    actor: Actor<'_>,
    id: i32,
    input: &ListingInput,
    save: Option<Save>,
    rules: Rules,
) -> Result<Saved, AppError> {
    let (row, organisation) = for_writing(db, actor, id).await?;
    let now = super::browse::now_micros();
    let refs = RefData::load(db).await?;
    let mut input = input.clone();
    input.kind = row.kind.clone();
    let valid = validate(&input, &refs, now).map_err(invalid)?;
    check_organisation(&valid, &organisation)?;
    let hs_unknown = valid.hs_unknown;
    let gates = valid.gate_ids.clone();
    let txn = crate::domain::db::begin_write(db).await?;
    let old_expiry = row.expires_at;
    let mut model: listing::ActiveModel = row.into();
    fill(&mut model, valid);
    model.updated_at = Set(now);
    model.org_verified = Set(organisation.verified_at.is_some());
    if model.expires_at.as_ref() != &old_expiry {
        model.reminder_sent_at = Set(None);
    }
    match save {
        Some(Save::Publish) => {
            let status = published_status(&organisation, rules);
            model.status = Set(status.code().to_owned());
            model.published_at = Set(Some(now));
        }
        Some(Save::Draft) => model.status = Set(Status::Draft.code().to_owned()),
        None => {}
    }
    let saved = model.update(&txn).await?;
    set_gates(&txn, saved.id, &gates).await?;
    crate::domain::search::outbox::listings_changed(&txn, &[saved.id]).await?;
    txn.commit().await?;
    Ok(Saved {
        listing: saved,
        hs_unknown,
    })
}

/// A life-cycle step of the "my listings" dashboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Publish,
    /// Another `DEFAULT_TTL_DAYS` from today (published again if it had expired).
    Renew,
    Archive,
    /// Back to draft from the archive.
    Restore,
}

impl Step {
    pub fn parse(code: &str) -> Option<Step> {
        match code {
            "publish" => Some(Step::Publish),
            "renew" => Some(Step::Renew),
            "archive" => Some(Step::Archive),
            "restore" => Some(Step::Restore),
            _ => None,
        }
    }
}

pub async fn apply_step(
    db: &DatabaseConnection,
    actor: Actor<'_>,
    id: i32,
    step: Step,
    rules: Rules,
) -> Result<listing::Model, AppError> {
    let (row, organisation) = for_writing(db, actor, id).await?;
    let now = super::browse::now_micros();
    let status = Status::parse(&row.status).unwrap_or(Status::Draft);
    let mut model: listing::ActiveModel = row.clone().into();
    match step {
        Step::Publish => {
            if status != Status::Draft {
                return Err(AppError::Conflict("only drafts are published".into()));
            }
            if row.expires_at <= now {
                model.expires_at = Set(now + Duration::days(DEFAULT_TTL_DAYS));
            }
            model.status = Set(published_status(&organisation, rules).code().to_owned());
            model.published_at = Set(Some(now));
        }
        Step::Renew => {
            if status == Status::Archived {
                return Err(AppError::Conflict("restore first".into()));
            }
            model.expires_at = Set(now + Duration::days(DEFAULT_TTL_DAYS));
            model.reminder_sent_at = Set(None);
        }
        Step::Archive => model.status = Set(Status::Archived.code().to_owned()),
        Step::Restore => {
            if status != Status::Archived {
                return Err(AppError::Conflict("only archived listings are restored".into()));
            }
            model.status = Set(Status::Draft.code().to_owned());
        }
    }
    model.updated_at = Set(now);
    let txn = crate::domain::db::begin_write(db).await?;
    let saved = model.update(&txn).await?;
    crate::domain::search::outbox::listings_changed(&txn, &[saved.id]).await?;
    txn.commit().await?;
    Ok(saved)
}

/// A moderator releases a held listing or removes a listing (after a report).
pub async fn moderate(
    db: &DatabaseConnection,
    moderator: &CurrentUser,
    id: i32,
    release: bool,
) -> Result<listing::Model, AppError> {
    authorise(&principal(db, Some(moderator), None).await?, Action::Moderate)?;
    let row = listing::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let txn = crate::domain::db::begin_write(db).await?;
    let mut model: listing::ActiveModel = row.into();
    let status = if release { Status::Published } else { Status::Removed };
    model.status = Set(status.code().to_owned());
    model.updated_at = Set(Utc::now());
    let saved = model.update(&txn).await?;
    crate::domain::search::outbox::listings_changed(&txn, &[saved.id]).await?;
    audit::record(
        &txn,
        Some(moderator.user_id),
        if release { "listing.release" } else { "listing.remove" },
        "listing",
        &saved.id.to_string(),
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// Queues the "your listing expires in 7 days" e-mail for published listings that expire
/// within `REMINDER_DAYS`, once per expiry date; returns how many were queued.
pub async fn send_expiry_reminders(
    db: &DatabaseConnection,
    public_origin: &str,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let due = listing::Entity::find()
        .filter(listing::Column::Status.eq(Status::Published.code()))
        .filter(listing::Column::ExpiresAt.gt(now))
        .filter(listing::Column::ExpiresAt.lte(now + Duration::days(REMINDER_DAYS)))
        .filter(listing::Column::ReminderSentAt.is_null())
        .all(db)
        .await?;
    let mut sent = 0;
    for row in due {
        // The author, or else the organisation's owners.
        let mut recipients: Vec<user::Model> = Vec::new();
        if let Some(author) = row.created_by {
            recipients.extend(user::Entity::find_by_id(author).one(db).await?);
        }
        if recipients.is_empty() {
            let owners: Vec<i32> = membership::Entity::find()
                .filter(membership::Column::OrganisationId.eq(row.organisation_id))
                .filter(membership::Column::Role.eq("owner"))
                .all(db)
                .await?
                .into_iter()
                .map(|m| m.user_id)
                .collect();
            recipients = user::Entity::find()
                .filter(user::Column::Id.is_in(owners))
                .all(db)
                .await?;
        }
        let title = super::browse::title_in(&row, Lang::En).0;
        let link = format!("{public_origin}/my/listings");
        let txn = crate::domain::db::begin_write(db).await?;
        for recipient in &recipients {
            let lang = Lang::parse(&recipient.preferred_lang).unwrap_or_default();
            mail::enqueue(
                &txn,
                &recipient.email,
                mail::Template::ListingExpiring {
                    title: &title,
                    expires_on: &row.expires_at.date_naive().to_string(),
                    link: &link,
                },
                lang,
            )
            .await?;
        }
        // Claims the row so a second worker does not send the same reminder.
        let claimed = listing::Entity::update_many()
            .col_expr(listing::Column::ReminderSentAt, Expr::value(now))
            .filter(listing::Column::Id.eq(row.id))
            .filter(listing::Column::ReminderSentAt.is_null())
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 1 {
            txn.commit().await?;
            sent += 1;
        } else {
            txn.rollback().await?;
        }
    }
    Ok(sent)
}
