//! Device cookies: a browser that signed in to an account is remembered (a random secret in an
//! HttpOnly cookie sent only to the sign-in form, its SHA-256 with the account in
//! `known_devices`). Its sign-in failures are counted on their own (see `throttle`), so nobody
//! else's failures can lock the owner out of a browser they already use.
use super::super::entities::known_device;
use super::tokens::{digest, random_secret};
use crate::errors::AppError;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// Browsers keep a cookie for at most 400 days (the cookie itself: `cookies::DEVICE`).
pub const TTL_DAYS: i64 = 400;

/// The digest of `secret` if it names a device known to this account.
pub async fn known(db: &impl ConnectionTrait, secret: Option<&str>, user_id: i32) -> Result<Option<String>, AppError> {
    let Some(secret) = secret.filter(|s| !s.is_empty() && s.len() <= 128) else {
        return Ok(None);
    };
    let id = digest(secret);
    let found = known_device::Entity::find_by_id((id.clone(), user_id)).one(db).await?;
    Ok(found
        .filter(|d| d.last_used_at + Duration::days(TTL_DAYS) > Utc::now())
        .map(|_| id))
}

/// Remembers this browser for the account after a successful sign-in. Returns the cookie
/// secret to set when the browser had none (a browser keeps one secret for every account).
pub async fn remember(
    db: &impl ConnectionTrait,
    secret: Option<&str>,
    user_id: i32,
) -> Result<Option<String>, AppError> {
    let now = Utc::now();
    let (secret, fresh) = match secret.filter(|s| !s.is_empty() && s.len() <= 128) {
        Some(secret) => (secret.to_owned(), false),
        None => (random_secret(), true),
    };
    let id = digest(&secret);
    match known_device::Entity::find_by_id((id.clone(), user_id)).one(db).await? {
        Some(found) => {
            let mut active: known_device::ActiveModel = found.into();
            active.last_used_at = Set(now);
            active.update(db).await?;
        }
        None => {
            known_device::ActiveModel {
                id: Set(id),
                user_id: Set(user_id),
                created_at: Set(now),
                last_used_at: Set(now),
            }
            .insert(db)
            .await?;
        }
    }
    Ok(fresh.then_some(secret))
}

/// Forgets every device of an account (after a password reset, the old browsers start over).
pub async fn forget_all(db: &impl ConnectionTrait, user_id: i32) -> Result<(), AppError> {
    known_device::Entity::delete_many()
        .filter(known_device::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}
