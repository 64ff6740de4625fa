//! Database sessions: a random 256-bit secret in an HttpOnly cookie, its SHA-256 in the
//! database. Sessions end after 7 idle days or 30 days in all, at sign-out, or everywhere at
//! once; they are replaced at sign-in and when the password changes.
use super::super::entities::{session, user};
use super::tokens::{digest, random_secret};
use super::PlatformRole;
use crate::errors::AppError;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

pub const ABSOLUTE_TTL_DAYS: i64 = 30;
pub const IDLE_TTL_DAYS: i64 = 7;
/// `last_seen_at` is written at most this often, not on every request.
const TOUCH_EVERY_MINUTES: i64 = 5;

/// Who is asking: the client address (see `throttle`) and browser.
#[derive(Clone, Debug, Default)]
pub struct Client {
    pub addr: String,
    pub user_agent: Option<String>,
}

#[derive(Clone, Debug)]
pub struct NewSession {
    pub secret: String,
    pub expires_at: DateTime<Utc>,
}

/// The signed-in user of a request.
#[derive(Clone, Debug, PartialEq)]
pub struct CurrentUser {
    pub user_id: i32,
    pub email: String,
    pub display_name: String,
    pub platform_role: PlatformRole,
    pub email_confirmed: bool,
    /// Digest of the session secret (the session's primary key).
    pub session_id: String,
}

impl CurrentUser {
    /// This user as the policy sees them, with their role in the organisation acted on.
    pub fn principal(
        &self,
        role_in_organisation: Option<crate::domain::policy::OrgRole>,
    ) -> crate::domain::policy::Principal {
        crate::domain::policy::Principal::User {
            user_id: self.user_id,
            email_confirmed: self.email_confirmed,
            platform_role: self.platform_role,
            role_in_organisation,
        }
    }
}

pub async fn create(db: &impl ConnectionTrait, user_id: i32, client: &Client) -> Result<NewSession, AppError> {
    let secret = random_secret();
    let now = Utc::now();
    let expires_at = now + Duration::days(ABSOLUTE_TTL_DAYS);
    session::ActiveModel {
        id: Set(digest(&secret)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(expires_at),
        client_addr: Set(Some(client.addr.chars().take(64).collect())),
        user_agent: Set(client.user_agent.as_ref().map(|ua| ua.chars().take(200).collect())),
        active_organisation_id: Set(None),
    }
    .insert(db)
    .await?;
    Ok(NewSession { secret, expires_at })
}

/// The user behind a session cookie, if the session is alive.
pub async fn resolve(db: &impl ConnectionTrait, secret: &str) -> Result<Option<CurrentUser>, AppError> {
    if secret.is_empty() || secret.len() > 128 {
        return Ok(None);
    }
    let Some((found, Some(account))) = session::Entity::find_by_id(digest(secret))
        .find_also_related(user::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let now = Utc::now();
    if found.expires_at <= now || found.last_seen_at + Duration::days(IDLE_TTL_DAYS) <= now {
        session::Entity::delete_by_id(found.id).exec(db).await?;
        return Ok(None);
    }
    if found.last_seen_at + Duration::minutes(TOUCH_EVERY_MINUTES) <= now {
        let mut active: session::ActiveModel = found.clone().into();
        active.last_seen_at = Set(now);
        active.update(db).await?;
    }
    Ok(Some(CurrentUser {
        user_id: account.id,
        email: account.email,
        display_name: account.display_name,
        platform_role: PlatformRole::parse(&account.platform_role),
        email_confirmed: account.email_confirmed_at.is_some(),
        session_id: found.id,
    }))
}

pub async fn end(db: &impl ConnectionTrait, session_id: &str) -> Result<(), AppError> {
    session::Entity::delete_by_id(session_id.to_owned()).exec(db).await?;
    Ok(())
}

/// Signs the user out everywhere.
pub async fn end_all(db: &impl ConnectionTrait, user_id: i32) -> Result<u64, AppError> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?
        .rows_affected)
}

pub async fn list(db: &impl ConnectionTrait, user_id: i32) -> Result<Vec<session::Model>, AppError> {
    Ok(session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .order_by_desc(session::Column::LastSeenAt)
        .all(db)
        .await?)
}
