//! Sign-in throttling, kept in the database so every server process sees the same counts.
//! An address's failures are limited per hour, and so are a client's; a trusted proxy's
//! X-Forwarded-For is the client address only when the operator configured that proxy.
use super::super::entities::login_attempt;
use crate::errors::AppError;
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

/// Failed sign-ins allowed per account per hour.
pub const MAX_FAILURES_PER_ACCOUNT: u64 = 10;
/// Failed sign-ins allowed per client address per hour (many people share a border-town NAT).
pub const MAX_FAILURES_PER_CLIENT: u64 = 50;
pub const WINDOW_MINUTES: i64 = 60;

pub async fn check(db: &impl ConnectionTrait, email: &str, client_addr: &str) -> Result<(), AppError> {
    let since = Utc::now() - Duration::minutes(WINDOW_MINUTES);
    let failures = |column: login_attempt::Column, value: &str| {
        login_attempt::Entity::find()
            .filter(column.eq(value.to_owned()))
            .filter(login_attempt::Column::Succeeded.eq(false))
            .filter(login_attempt::Column::AttemptedAt.gt(since))
    };
    for (column, value, limit) in [
        (login_attempt::Column::Email, email, MAX_FAILURES_PER_ACCOUNT),
        (login_attempt::Column::ClientAddr, client_addr, MAX_FAILURES_PER_CLIENT),
    ] {
        if failures(column, value).count(db).await? >= limit {
            // Retry when the oldest failure in the window leaves it.
            let oldest = failures(column, value)
                .order_by_desc(login_attempt::Column::AttemptedAt)
                .offset(limit - 1)
                .one(db)
                .await?
                .map(|a| a.attempted_at)
                .unwrap_or(since);
            let retry_after = (oldest + Duration::minutes(WINDOW_MINUTES) - Utc::now())
                .num_seconds()
                .max(1) as u64;
            return Err(AppError::RateLimited {
                retry_after_secs: retry_after,
            });
        }
    }
    Ok(())
}

pub async fn record(
    db: &impl ConnectionTrait,
    email: &str,
    client_addr: &str,
    succeeded: bool,
) -> Result<(), AppError> {
    login_attempt::ActiveModel {
        email: Set(email.to_owned()),
        client_addr: Set(client_addr.to_owned()),
        succeeded: Set(succeeded),
        attempted_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
