//! API tokens: created by organisation editors and owners, shown once, stored as a hash,
//! expiring, revocable with immediate effect.
use super::accounts::{tokens, CurrentUser};
use super::audit;
use super::entities::{api_token, organisation};
use super::organisations::{find_by_slug, role_of};
use super::policy::OrgRole;
use crate::errors::AppError;
use crate::i18n::Msg;
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};

pub const PREFIX: &str = "cor_";
pub const MAX_DAYS: i64 = 365;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Scope {
    Read,
    Write,
}

impl Scope {
    pub fn code(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::Write => "write",
        }
    }
    pub fn parse(code: &str) -> Option<Scope> {
        match code.trim() {
            "read" => Some(Scope::Read),
            "write" => Some(Scope::Write),
            _ => None,
        }
    }
}

/// Who an API request acts for.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiClient {
    pub token_id: i32,
    pub organisation_id: i32,
    pub organisation_slug: String,
    pub scope: Scope,
}

async fn editor_org(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    slug: &str,
) -> Result<organisation::Model, AppError> {
    let org = find_by_slug(db, slug).await?;
    if !user.email_confirmed || role_of(db, user.user_id, org.id).await? < Some(OrgRole::Editor) {
        return Err(AppError::Forbidden);
    }
    Ok(org)
}

/// Creates a token and returns its secret — the only time it is ever shown.
pub async fn create(
    db: &DatabaseConnection,
    user: &CurrentUser,
    slug: &str,
    name: &str,
    scope: &str,
    days: &str,
) -> Result<String, AppError> {
    let org = editor_org(db, user, slug).await?;
    let name = super::text::line(name, 80)
        .map_err(|problem| problem.into_error("name"))?
        .ok_or_else(|| AppError::invalid("name", Msg::ErrRequired))?;
    let name = name.as_str();
    let scope = Scope::parse(scope).ok_or_else(|| AppError::invalid("scope", Msg::ErrChooseOne))?;
    let days: i64 = days
        .trim()
        .parse()
        .ok()
        .filter(|d| (1..=MAX_DAYS).contains(d))
        .ok_or_else(|| AppError::invalid("days", Msg::ErrTokenDays))?;
    let secret = format!("{PREFIX}{}", tokens::random_secret());
    let now = Utc::now();
    let txn = crate::domain::db::begin_write(db).await?;
    api_token::ActiveModel {
        token_hash: Set(tokens::digest(&secret)),
        prefix: Set(secret.chars().take(10).collect()),
        organisation_id: Set(org.id),
        name: Set(name.to_owned()),
        scope: Set(scope.code().to_owned()),
        created_by: Set(Some(user.user_id)),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(days)),
        revoked_at: Set(None),
        last_used_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Some(user.user_id),
        "api_token.create",
        "organisation",
        slug,
        None,
        &format!("{{\"name\":{name:?}}}"),
    )
    .await?;
    txn.commit().await?;
    Ok(secret)
}

pub async fn list(
    db: &DatabaseConnection,
    user: &CurrentUser,
    slug: &str,
) -> Result<(organisation::Model, Vec<api_token::Model>), AppError> {
    let org = editor_org(db, user, slug).await?;
    let tokens = api_token::Entity::find()
        .filter(api_token::Column::OrganisationId.eq(org.id))
        .order_by_desc(api_token::Column::CreatedAt)
        .all(db)
        .await?;
    Ok((org, tokens))
}

pub async fn revoke(db: &DatabaseConnection, user: &CurrentUser, slug: &str, token_id: i32) -> Result<(), AppError> {
    let org = editor_org(db, user, slug).await?;
    let token = api_token::Entity::find_by_id(token_id)
        .one(db)
        .await?
        .filter(|t| t.organisation_id == org.id)
        .ok_or(AppError::NotFound)?;
    let txn = crate::domain::db::begin_write(db).await?;
    let mut active: api_token::ActiveModel = token.into();
    active.revoked_at = Set(Some(Utc::now()));
    active.update(&txn).await?;
    audit::record(
        &txn,
        Some(user.user_id),
        "api_token.revoke",
        "organisation",
        slug,
        None,
        &format!("{{\"token\":{token_id}}}"),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The client behind a bearer token, if the token is known, unrevoked and unexpired, and its
/// creator may still act for the organisation.
pub async fn authenticate(db: &impl ConnectionTrait, secret: &str) -> Result<Option<ApiClient>, AppError> {
    if !secret.starts_with(PREFIX) || secret.len() > 128 {
        return Ok(None);
    }
    let Some(token) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(tokens::digest(secret)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let now = Utc::now();
    if token.revoked_at.is_some() || token.expires_at <= now {
        return Ok(None);
    }
    let Some(org) = organisation::Entity::find_by_id(token.organisation_id).one(db).await? else {
        return Ok(None);
    };
    if crate::statuses::OrgStatus::Suspended.is(&org.status) {
        return Ok(None);
    }
    // A token acts for its creator: it works only while the creator is still an editor or owner
    // of the organisation (removed, demoted or deleted members' tokens stop at once).
    let creator_role = match token.created_by {
        Some(user_id) => role_of(db, user_id, org.id).await?,
        None => None,
    };
    if creator_role < Some(OrgRole::Editor) {
        return Ok(None);
    }
    if token.last_used_at.is_none_or(|used| used + Duration::minutes(5) <= now) {
        let mut active: api_token::ActiveModel = token.clone().into();
        active.last_used_at = Set(Some(now));
        active.update(db).await?;
    }
    Ok(Some(ApiClient {
        token_id: token.id,
        organisation_id: org.id,
        organisation_slug: org.slug,
        scope: Scope::parse(&token.scope).unwrap_or(Scope::Read),
    }))
}
