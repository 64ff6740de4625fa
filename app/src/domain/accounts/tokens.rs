//! One-time tokens sent by e-mail. Only a SHA-256 of each token is stored; a token works once
//! and until it expires.
use super::super::entities::email_token;
use crate::errors::AppError;
use crate::i18n::Msg;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    ConfirmEmail,
    ResetPassword,
}

impl Purpose {
    pub fn code(self) -> &'static str {
        match self {
            Purpose::ConfirmEmail => "confirm_email",
            Purpose::ResetPassword => "reset_password",
        }
    }
}

/// A fresh random secret (256 bits, URL-safe).
pub fn random_secret() -> String {
    use base64::Engine;
    use rand_core::RngCore;
    let mut bytes = [0u8; 32];
    rand_core::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub fn digest(secret: &str) -> String {
    digest_bytes(secret.as_bytes())
}

/// SHA-256 of raw bytes, as hex (also names uploaded files by their content).
pub fn digest_bytes(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

pub async fn issue(
    db: &impl ConnectionTrait,
    user_id: i32,
    purpose: Purpose,
    ttl: Duration,
) -> Result<String, AppError> {
    let secret = random_secret();
    let now = Utc::now();
    email_token::ActiveModel {
        id: Set(digest(&secret)),
        user_id: Set(user_id),
        purpose: Set(purpose.code().to_owned()),
        created_at: Set(now),
        expires_at: Set(now + ttl),
        used_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(secret)
}

async fn find_valid(db: &impl ConnectionTrait, secret: &str, purpose: Purpose) -> Result<email_token::Model, AppError> {
    if secret.is_empty() || secret.len() > 128 {
        return Err(AppError::invalid("token", Msg::ErrTokenInvalid));
    }
    let token = email_token::Entity::find_by_id(digest(secret))
        .one(db)
        .await?
        .filter(|t| t.purpose == purpose.code())
        .ok_or_else(|| AppError::invalid("token", Msg::ErrTokenInvalid))?;
    if token.used_at.is_some() {
        return Err(AppError::invalid("token", Msg::ErrTokenUsed));
    }
    if token.expires_at <= Utc::now() {
        return Err(AppError::invalid("token", Msg::ErrTokenExpired));
    }
    Ok(token)
}

/// The user a valid token belongs to, without spending it.
pub async fn peek(db: &impl ConnectionTrait, secret: &str, purpose: Purpose) -> Result<i32, AppError> {
    Ok(find_valid(db, secret, purpose).await?.user_id)
}

/// Spends a valid token and returns its user.
pub async fn redeem(db: &impl ConnectionTrait, secret: &str, purpose: Purpose) -> Result<i32, AppError> {
    let token = find_valid(db, secret, purpose).await?;
    let user_id = token.user_id;
    let mut active: email_token::ActiveModel = token.into();
    active.used_at = Set(Some(Utc::now()));
    active.update(db).await?;
    Ok(user_id)
}

/// Spends every unused token of a user for one purpose (after a reset, the other reset links
/// mailed earlier must stop working).
pub async fn spend_all(db: &impl ConnectionTrait, user_id: i32, purpose: Purpose) -> Result<u64, AppError> {
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, QueryFilter};
    Ok(email_token::Entity::update_many()
        .col_expr(email_token::Column::UsedAt, Expr::value(Some(Utc::now())))
        .filter(email_token::Column::UserId.eq(user_id))
        .filter(email_token::Column::Purpose.eq(purpose.code()))
        .filter(email_token::Column::UsedAt.is_null())
        .exec(db)
        .await?
        .rows_affected)
}
