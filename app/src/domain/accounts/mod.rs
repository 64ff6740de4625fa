//! Accounts: sign-up, e-mail confirmation, sign-in with throttling, database sessions,
//! password change and reset. Every security-relevant step writes the audit log.
pub mod devices;
pub mod password;
pub mod sessions;
pub mod throttle;
pub mod tokens;

use super::entities::user;
use super::{audit, mail};
use crate::errors::AppError;
use crate::i18n::Lang;
use crate::i18n::Msg;
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter,
};

pub use sessions::{CurrentUser, NewSession};

pub use super::policy::PlatformRole;

/// Where links in e-mails point (e.g. `https://corridor.example`).
#[derive(Clone, Debug)]
pub struct Origin(pub String);

pub const CONFIRM_TOKEN_TTL_HOURS: i64 = 48;
pub const RESET_TOKEN_TTL_HOURS: i64 = 1;

/// Checks and normalises an e-mail address (trimmed, lower-cased).
pub fn normalise_email(raw: &str) -> Result<String, AppError> {
    let email = raw.trim().to_lowercase();
    let valid = email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            }
            None => false,
        };
    // `.invalid` never delivers (RFC 2606), and `phone.invalid` names the accounts made with a
    // phone number: nobody may sign up with such an address.
    if valid && !email.ends_with(".invalid") {
        Ok(email)
    } else {
        Err(AppError::invalid("email", Msg::ErrEmailInvalid))
    }
}

/// Accounts made with a phone number from one client address in an hour.
pub const PHONE_SIGN_UPS_PER_HOUR: u64 = 5;

/// The reserved e-mail domain of accounts made with a phone number.
pub const PHONE_ACCOUNT_DOMAIN: &str = "@phone.invalid";

/// Checks a phone number (6 to 15 digits; spaces, `+`, `-`, `.` and brackets allowed) and
/// writes it as `+` (when given) and digits, so that one number has one spelling.
pub fn normalise_phone(raw: &str, field: &str) -> Result<String, AppError> {
    let raw = raw.trim();
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let allowed = raw.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if !allowed || !(6..=15).contains(&digits.len()) {
        return Err(AppError::invalid(field, Msg::ErrPhone));
    }
    // `+84 …`, `(+84) …` and `0084 …` are one international number.
    let international = raw.trim_start_matches(['(', ' ']).starts_with('+');
    Ok(match digits.strip_prefix("00") {
        _ if international => format!("+{digits}"),
        Some(rest) if rest.len() >= 6 => format!("+{rest}"),
        _ => digits,
    })
}

/// The key an account signs in with: an e-mail address, lower-cased, or for a phone number the
/// reserved address of its account.
pub fn login_key(raw: &str) -> String {
    let raw = raw.trim();
    if !raw.contains('@') {
        if let Ok(phone) = normalise_phone(raw, "email") {
            return format!("{phone}{PHONE_ACCOUNT_DOMAIN}");
        }
    }
    raw.to_lowercase()
}

/// Whether an address is a phone account's reserved one (nothing is mailed to it).
pub fn is_phone_account_address(email: &str) -> bool {
    email.ends_with(PHONE_ACCOUNT_DOMAIN)
}

/// A minimal account made with a phone number (a border resident posting on a gate's board):
/// no e-mail, so nothing to confirm; it may post board notices and nothing that needs a
/// confirmed address. Signs the new account in. A taken number is refused with a pointer to
/// sign-in (there is no mailbox to warn its owner through).
pub async fn sign_up_with_phone(
    db: &DatabaseConnection,
    raw_phone: &str,
    password_input: &str,
    display_name: &str,
    lang: Lang,
    client: &sessions::Client,
) -> Result<SignedIn, AppError> {
    let display_name = validate_display_name(display_name)?;
    let phone = normalise_phone(raw_phone, "contact")?;
    // Nothing confirms a phone number: at most `PHONE_SIGN_UPS_PER_HOUR` accounts an hour from
    // one address, so nobody takes a village's numbers (or floods the boards) in one go.
    let hour_ago = Utc::now() - Duration::hours(1);
    let recent = crate::domain::entities::audit::Entity::find()
        .filter(crate::domain::entities::audit::Column::Action.eq("account.sign_up_phone"))
        .filter(crate::domain::entities::audit::Column::ClientAddr.eq(client.addr.as_str()))
        .filter(crate::domain::entities::audit::Column::At.gt(hour_ago))
        .count(db)
        .await?;
    if recent >= PHONE_SIGN_UPS_PER_HOUR {
        return Err(AppError::RateLimited { retry_after_secs: 3600 });
    }
    let key = format!("{phone}{PHONE_ACCOUNT_DOMAIN}");
    password::check_strength(password_input, &phone)?;
    let hash = password::hash(password_input.to_owned()).await?;
    let taken = || AppError::invalid("contact", Msg::ErrPhoneTaken);
    if find_by_email(db, &key).await?.is_some() {
        return Err(taken());
    }
    let now = Utc::now();
    let txn = crate::domain::db::begin_write(db).await?;
    let inserted = user::ActiveModel {
        email: Set(key),
        phone: Set(Some(phone)),
        password_hash: Set(hash),
        display_name: Set(display_name),
        preferred_lang: Set(lang.code().to_owned()),
        platform_role: Set(PlatformRole::User.code().to_owned()),
        email_confirmed_at: Set(None),
        created_at: Set(now),
        password_changed_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    let account = match inserted {
        Ok(account) => account,
        Err(err) if matches!(err.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            return Err(taken());
        }
        Err(err) => return Err(err.into()),
    };
    audit::record(
        &txn,
        Some(account.id),
        "account.sign_up_phone",
        "user",
        &account.id.to_string(),
        Some(&client.addr),
        "{}",
    )
    .await?;
    let session = sessions::create(&txn, account.id, client).await?;
    txn.commit().await?;
    Ok(SignedIn {
        account,
        session,
        new_device: None,
    })
}

fn validate_display_name(raw: &str) -> Result<String, AppError> {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(AppError::invalid("display_name", Msg::ErrDisplayNameInvalid));
    }
    Ok(name.to_owned())
}

pub struct SignUp<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub display_name: &'a str,
    pub lang: Lang,
}

/// What a sign-up did. The page answers the same for both ("check your mail"), so the form
/// does not tell anyone which addresses have an account.
#[derive(Debug)]
pub enum SignUpOutcome {
    /// A new, unconfirmed account; the confirmation link is in the outbox.
    Created(user::Model),
    /// The address already had an account: its owner was mailed (at most
    /// `mail::ACCOUNT_MAILS_PER_HOUR` an hour) and nothing else changed.
    AlreadyRegistered,
}

/// Creates an unconfirmed account and queues the confirmation e-mail, in one transaction; for
/// an address that has an account, mails its owner instead.
pub async fn sign_up(db: &DatabaseConnection, origin: &Origin, input: SignUp<'_>) -> Result<SignUpOutcome, AppError> {
    let email = normalise_email(input.email)?;
    let display_name = validate_display_name(input.display_name)?;
    password::check_strength(input.password, &email)?;
    // Hash first either way, so the answer takes as long for a taken address as for a new one.
    let hash = password::hash(input.password.to_owned()).await?;
    if let Some(existing) = find_by_email(db, &email).await? {
        tell_owner_of_sign_up(db, origin, &existing).await?;
        return Ok(SignUpOutcome::AlreadyRegistered);
    }
    let now = Utc::now();
    let txn = crate::domain::db::begin_write(db).await?;
    let inserted = user::ActiveModel {
        email: Set(email.clone()),
        password_hash: Set(hash),
        display_name: Set(display_name),
        preferred_lang: Set(input.lang.code().to_owned()),
        platform_role: Set(PlatformRole::User.code().to_owned()),
        email_confirmed_at: Set(None),
        created_at: Set(now),
        password_changed_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    let created = match inserted {
        Ok(created) => created,
        // Two sign-ups racing for one address: the unique index decides, and the loser is told
        // the same as any other sign-up with a taken address.
        Err(err) if matches!(err.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            drop(txn);
            if let Some(existing) = find_by_email(db, &email).await? {
                tell_owner_of_sign_up(db, origin, &existing).await?;
            }
            return Ok(SignUpOutcome::AlreadyRegistered);
        }
        Err(err) => return Err(err.into()),
    };
    send_confirmation(&txn, origin, &created).await?;
    audit::record(
        &txn,
        Some(created.id),
        "account.sign_up",
        "user",
        &created.id.to_string(),
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(SignUpOutcome::Created(created))
}

/// Mails the owner of an address that somebody tried to sign up with.
async fn tell_owner_of_sign_up(
    db: &DatabaseConnection,
    origin: &Origin,
    account: &user::Model,
) -> Result<(), AppError> {
    let txn = crate::domain::db::begin_write(db).await?;
    if !mail::account_mail_allowed(&txn, &account.email).await? {
        return Ok(());
    }
    let lang = Lang::parse(&account.preferred_lang).unwrap_or_default();
    let signin_link = format!("{}/account/signin", origin.0);
    let reset_link = format!("{}/account/forgot", origin.0);
    mail::enqueue(
        &txn,
        &account.email,
        mail::Template::AccountExists {
            signin_link: &signin_link,
            reset_link: &reset_link,
        },
        lang,
    )
    .await?;
    audit::record(
        &txn,
        Some(account.id),
        "account.sign_up_existing",
        "user",
        &account.id.to_string(),
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

async fn send_confirmation(db: &impl ConnectionTrait, origin: &Origin, account: &user::Model) -> Result<(), AppError> {
    let token = tokens::issue(
        db,
        account.id,
        tokens::Purpose::ConfirmEmail,
        Duration::hours(CONFIRM_TOKEN_TTL_HOURS),
    )
    .await?;
    let lang = Lang::parse(&account.preferred_lang).unwrap_or_default();
    let link = format!("{}/account/confirm?token={token}", origin.0);
    mail::enqueue(db, &account.email, mail::Template::ConfirmEmail { link: &link }, lang).await
}

/// Sends a fresh confirmation link (the old ones stay valid until they expire).
pub async fn resend_confirmation(db: &DatabaseConnection, origin: &Origin, user_id: i32) -> Result<(), AppError> {
    let account = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if account.email_confirmed_at.is_some() {
        return Ok(());
    }
    send_confirmation(db, origin, &account).await
}

/// Confirms the address a confirmation token was sent to.
pub async fn confirm_email(db: &DatabaseConnection, token: &str) -> Result<user::Model, AppError> {
    let txn = crate::domain::db::begin_write(db).await?;
    let user_id = tokens::redeem(&txn, token, tokens::Purpose::ConfirmEmail).await?;
    let account = user::Entity::find_by_id(user_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut active: user::ActiveModel = account.clone().into();
    if account.email_confirmed_at.is_none() {
        active.email_confirmed_at = Set(Some(Utc::now()));
    }
    let updated = active.update(&txn).await?;
    audit::record(
        &txn,
        Some(user_id),
        "account.confirm_email",
        "user",
        &user_id.to_string(),
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

pub async fn find_by_email(db: &impl ConnectionTrait, email: &str) -> Result<Option<user::Model>, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?)
}

/// A successful sign-in: the account, its new session, and a device secret to set when the
/// browser had no device cookie yet.
pub struct SignedIn {
    pub account: user::Model,
    pub session: NewSession,
    pub new_device: Option<String>,
}

/// Signs in: throttled per account and device or client address (see `throttle`); a wrong
/// e-mail and a wrong password look the same from outside.
pub async fn sign_in(
    db: &DatabaseConnection,
    raw_email: &str,
    password_input: &str,
    client: &sessions::Client,
    device_secret: Option<&str>,
) -> Result<SignedIn, AppError> {
    let email = login_key(raw_email);
    let account = find_by_email(db, &email).await?;
    let known_device = match &account {
        Some(account) => devices::known(db, device_secret, account.id).await?,
        None => None,
    };
    let attempt = throttle::Attempt {
        email: &email,
        client_addr: &client.addr,
        known_device: known_device.as_deref(),
        counts_from: account.as_ref().map(|a| a.password_changed_at),
    };
    throttle::check(db, &attempt).await?;
    let verified = match &account {
        Some(account) => password::verify(password_input.to_owned(), account.password_hash.clone()).await?,
        None => {
            // Spend the same time as a real check so timing does not reveal which addresses exist.
            password::verify_dummy(password_input.to_owned()).await?;
            false
        }
    };
    throttle::record(db, &attempt, verified).await?;
    let Some(account) = account.filter(|_| verified) else {
        audit::record(
            db,
            None,
            "account.sign_in_failed",
            "email",
            &email,
            Some(&client.addr),
            "{}",
        )
        .await?;
        return Err(AppError::invalid("password", Msg::ErrBadCredentials));
    };
    let session = sessions::create(db, account.id, client).await?;
    let new_device = devices::remember(db, device_secret, account.id).await?;
    audit::record(
        db,
        Some(account.id),
        "account.sign_in",
        "user",
        &account.id.to_string(),
        Some(&client.addr),
        "{}",
    )
    .await?;
    Ok(SignedIn {
        account,
        session,
        new_device,
    })
}

/// Changes the password after checking the current one; every other session ends and the
/// current one is replaced by a fresh one (returned).
pub async fn change_password(
    db: &DatabaseConnection,
    current: &CurrentUser,
    current_password: &str,
    new_password: &str,
    client: &sessions::Client,
) -> Result<NewSession, AppError> {
    let account = user::Entity::find_by_id(current.user_id)
        .one(db)
        .await?
        .ok_or(AppError::Unauthorized)?;
    if !password::verify(current_password.to_owned(), account.password_hash.clone()).await? {
        return Err(AppError::invalid("current_password", Msg::ErrBadCurrentPassword));
    }
    password::check_strength(new_password, &account.email)?;
    let hash = password::hash(new_password.to_owned()).await?;
    let txn = crate::domain::db::begin_write(db).await?;
    let mut active: user::ActiveModel = account.into();
    active.password_hash = Set(hash);
    active.password_changed_at = Set(Utc::now());
    active.update(&txn).await?;
    sessions::end_all(&txn, current.user_id).await?;
    tokens::spend_all(&txn, current.user_id, tokens::Purpose::ResetPassword).await?;
    let session = sessions::create(&txn, current.user_id, client).await?;
    audit::record(
        &txn,
        Some(current.user_id),
        "account.change_password",
        "user",
        &current.user_id.to_string(),
        Some(&client.addr),
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(session)
}

/// Queues a reset link if the address has an account; answers the same either way.
pub async fn request_password_reset(db: &DatabaseConnection, origin: &Origin, raw_email: &str) -> Result<(), AppError> {
    let email = normalise_email(raw_email)?;
    let Some(account) = find_by_email(db, &email).await? else {
        return Ok(());
    };
    let txn = crate::domain::db::begin_write(db).await?;
    if !mail::account_mail_allowed(&txn, &account.email).await? {
        // Enough links are on their way; answer the same, send nothing more this hour.
        tracing::info!(
            user_id = account.id,
            "reset link not sent: hourly limit of account mails"
        );
        return Ok(());
    }
    let token = tokens::issue(
        &txn,
        account.id,
        tokens::Purpose::ResetPassword,
        Duration::hours(RESET_TOKEN_TTL_HOURS),
    )
    .await?;
    let link = format!("{}/account/reset?token={token}", origin.0);
    let lang = Lang::parse(&account.preferred_lang).unwrap_or_default();
    mail::enqueue(
        &txn,
        &account.email,
        mail::Template::ResetPassword { link: &link },
        lang,
    )
    .await?;
    audit::record(
        &txn,
        Some(account.id),
        "account.reset_requested",
        "user",
        &account.id.to_string(),
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Sets a new password with a reset token; the token and every other reset link are spent,
/// every session ends, and the sign-in limits start afresh (they count from the new password).
pub async fn reset_password(db: &DatabaseConnection, token: &str, new_password: &str) -> Result<(), AppError> {
    // Look the token up without spending it, so a weak password can be corrected with the same link.
    let user_id = tokens::peek(db, token, tokens::Purpose::ResetPassword).await?;
    let account = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    password::check_strength(new_password, &account.email)?;
    let hash = password::hash(new_password.to_owned()).await?;
    // Receiving the link proves the address too.
    let confirmed_at = account.email_confirmed_at.unwrap_or_else(Utc::now);
    let txn = crate::domain::db::begin_write(db).await?;
    tokens::redeem(&txn, token, tokens::Purpose::ResetPassword).await?;
    // The other reset links mailed earlier stop working, and so do the remembered browsers.
    tokens::spend_all(&txn, user_id, tokens::Purpose::ResetPassword).await?;
    devices::forget_all(&txn, user_id).await?;
    let mut active: user::ActiveModel = account.into();
    active.password_hash = Set(hash);
    active.password_changed_at = Set(Utc::now());
    active.email_confirmed_at = Set(Some(confirmed_at));
    active.update(&txn).await?;
    sessions::end_all(&txn, user_id).await?;
    audit::record(
        &txn,
        Some(user_id),
        "account.reset_password",
        "user",
        &user_id.to_string(),
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Creates a confirmed platform administrator (`corridor create-admin`).
pub async fn create_admin(
    db: &DatabaseConnection,
    raw_email: &str,
    password_input: &str,
) -> Result<user::Model, AppError> {
    let email = normalise_email(raw_email)?;
    password::check_strength(password_input, &email)?;
    if find_by_email(db, &email).await?.is_some() {
        return Err(AppError::invalid("email", Msg::ErrEmailTaken));
    }
    let hash = password::hash(password_input.to_owned()).await?;
    let now = Utc::now();
    let txn = crate::domain::db::begin_write(db).await?;
    let display_name = email.split('@').next().unwrap_or("admin").to_owned();
    let created = user::ActiveModel {
        email: Set(email),
        password_hash: Set(hash),
        display_name: Set(display_name),
        preferred_lang: Set(Lang::default().code().to_owned()),
        platform_role: Set(PlatformRole::Admin.code().to_owned()),
        email_confirmed_at: Set(Some(now)),
        created_at: Set(now),
        password_changed_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        None,
        "account.create_admin",
        "user",
        &created.id.to_string(),
        None,
        "{\"via\":\"cli\"}",
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

/// An administrator gives an account a platform role (user, moderator, admin). Administrators
/// cannot change their own role, so the platform never loses its last administrator by accident.
pub async fn set_platform_role(
    db: &DatabaseConnection,
    admin: &CurrentUser,
    raw_email: &str,
    role: &str,
) -> Result<user::Model, AppError> {
    crate::domain::policy::authorise(&admin.principal(None), crate::domain::policy::Action::SetPlatformRoles)?;
    let role = match role.trim() {
        "user" => PlatformRole::User,
        "moderator" => PlatformRole::Moderator,
        "admin" => PlatformRole::Admin,
        _ => return Err(AppError::invalid("role", Msg::ErrChooseOne)),
    };
    let email = normalise_email(raw_email)?;
    let account = find_by_email(db, &email)
        .await?
        .ok_or_else(|| AppError::invalid("email", Msg::ErrNoSuchAccount))?;
    if account.id == admin.user_id {
        return Err(AppError::invalid("email", Msg::ErrOwnRole));
    }
    let txn = crate::domain::db::begin_write(db).await?;
    let mut active: user::ActiveModel = account.into();
    active.platform_role = Set(role.code().to_owned());
    let updated = active.update(&txn).await?;
    // A role change ends the account's sessions, so the new role applies from the next sign-in.
    sessions::end_all(&txn, updated.id).await?;
    let details = format!("{{\"role\":\"{}\"}}", role.code());
    audit::record(
        &txn,
        Some(admin.user_id),
        "account.role_change",
        "user",
        &updated.id.to_string(),
        None,
        &details,
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}
