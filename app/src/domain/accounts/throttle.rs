//! Sign-in throttling, kept in the database so every server process sees the same counts.
//!
//! A stranger must not be able to lock an account's owner out, while a guesser gets at most
//! about a hundred tries per account per hour. So failures are counted:
//! - per account and *known device*: a browser that once signed in to the account holds a
//!   device cookie (see `devices`); its attempts count only against itself, so nobody else's
//!   failures can lock it out;
//! - otherwise per account and client address (10 an hour), per client address over all
//!   accounts (50 an hour: many people share a border-town NAT), and per account over all
//!   unknown devices (100 an hour — the guesser's budget; a known device still gets in).
//!
//! Failures before the account's last password change do not count: a reset lifts every limit.
//! A trusted proxy's X-Forwarded-For is the client address only when the operator configured it.
use super::super::entities::login_attempt;
use crate::errors::AppError;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Select,
};

/// Failed sign-ins allowed per hour for one account from one known device, or from one
/// client address without one.
pub const MAX_FAILURES_PER_SOURCE: u64 = 10;
/// Failed sign-ins allowed per hour for one account from all unknown devices together.
pub const MAX_FAILURES_PER_ACCOUNT: u64 = 100;
/// Failed sign-ins allowed per hour from one client address, over all accounts.
pub const MAX_FAILURES_PER_CLIENT: u64 = 50;
pub const WINDOW_MINUTES: i64 = 60;

/// One sign-in attempt, as the throttle sees it.
#[derive(Clone, Debug)]
pub struct Attempt<'a> {
    /// The address typed (normalised), whether or not it has an account.
    pub email: &'a str,
    pub client_addr: &'a str,
    /// Digest of the device cookie, when it names a device known to this account.
    pub known_device: Option<&'a str>,
    /// Failures before this moment (the account's last password change) do not count.
    pub counts_from: Option<DateTime<Utc>>,
}

fn failures() -> Select<login_attempt::Entity> {
    login_attempt::Entity::find().filter(login_attempt::Column::Succeeded.eq(false))
}

/// Refuses the attempt with `RateLimited` (and when to retry) if any of its counters is full.
pub async fn check(db: &impl ConnectionTrait, attempt: &Attempt<'_>) -> Result<(), AppError> {
    let window_start = Utc::now() - Duration::minutes(WINDOW_MINUTES);
    let account_since = attempt.counts_from.map_or(window_start, |t| t.max(window_start));
    let of_account = || {
        failures()
            .filter(login_attempt::Column::Email.eq(attempt.email))
            .filter(login_attempt::Column::AttemptedAt.gt(account_since))
    };
    let counters: Vec<(Select<login_attempt::Entity>, u64)> = match attempt.known_device {
        Some(device) => vec![(
            of_account().filter(login_attempt::Column::Device.eq(device)),
            MAX_FAILURES_PER_SOURCE,
        )],
        None => vec![
            (
                of_account()
                    .filter(login_attempt::Column::Device.is_null())
                    .filter(login_attempt::Column::ClientAddr.eq(attempt.client_addr)),
                MAX_FAILURES_PER_SOURCE,
            ),
            (
                failures()
                    .filter(login_attempt::Column::ClientAddr.eq(attempt.client_addr))
                    .filter(login_attempt::Column::Device.is_null())
                    .filter(login_attempt::Column::AttemptedAt.gt(window_start)),
                MAX_FAILURES_PER_CLIENT,
            ),
            (
                of_account().filter(login_attempt::Column::Device.is_null()),
                MAX_FAILURES_PER_ACCOUNT,
            ),
        ],
    };
    for (query, limit) in counters {
        if query.clone().count(db).await? >= limit {
            // Retry when the oldest failure that fills the counter leaves the window.
            let oldest = query
                .order_by_desc(login_attempt::Column::AttemptedAt)
                .offset(limit - 1)
                .one(db)
                .await?
                .map_or(window_start, |a| a.attempted_at);
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

pub async fn record(db: &impl ConnectionTrait, attempt: &Attempt<'_>, succeeded: bool) -> Result<(), AppError> {
    login_attempt::ActiveModel {
        email: Set(attempt.email.to_owned()),
        client_addr: Set(attempt.client_addr.to_owned()),
        succeeded: Set(succeeded),
        attempted_at: Set(Utc::now()),
        device: Set(attempt.known_device.map(str::to_owned)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
