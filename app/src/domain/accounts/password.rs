//! Password hashing (argon2id, 19 MiB, t=2 — OWASP's recommended minimum) and strength rules.
use crate::errors::AppError;
use crate::i18n::Msg;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

pub const MIN_LENGTH: usize = 10;
pub const MAX_LENGTH: usize = 256;

fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("constant argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Passwords people pick first; rejected whatever their length.
const COMMON: &[&str] = &[
    "password",
    "password1",
    "password123",
    "passw0rd",
    "1234567890",
    "12345678910",
    "123456789a",
    "qwertyuiop",
    "qwerty1234",
    "abcdefghij",
    "iloveyou12",
    "matkhau123",
    "matkhau1234",
    "letmein123",
    "welcome123",
    "admin12345",
    "corridor123",
    "vietnam123",
    "laos123456",
];

/// Rejects short, long, trivially repetitive, common or e-mail-derived passwords.
pub fn check_strength(password: &str, email: &str) -> Result<(), AppError> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(AppError::invalid("password", Msg::ErrPasswordShort));
    }
    if length > MAX_LENGTH {
        return Err(AppError::invalid("password", Msg::ErrPasswordLong));
    }
    let lower = password.to_lowercase();
    let distinct = {
        let mut chars: Vec<char> = lower.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        chars.len()
    };
    let local_part = email.split('@').next().unwrap_or_default();
    if distinct < 4 || COMMON.contains(&lower.as_str()) || (local_part.len() >= 4 && lower.contains(local_part)) {
        return Err(AppError::invalid("password", Msg::ErrPasswordWeak));
    }
    Ok(())
}

/// Hashes off the async runtime (argon2 takes tens of milliseconds by design).
pub async fn hash(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut rand_core::OsRng);
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)
}

pub async fn verify(password: String, stored: String) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let parsed = PasswordHash::new(&stored).map_err(AppError::internal)?;
        Ok(hasher().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .map_err(AppError::internal)?
}

/// Does the work of a verification against a fixed hash, for unknown addresses.
pub async fn verify_dummy(password: String) -> Result<(), AppError> {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let stored = match DUMMY.get() {
        Some(h) => h.clone(),
        None => {
            let h = hash("dummy password for timing".to_owned()).await?;
            DUMMY.get_or_init(|| h).clone()
        }
    };
    verify(password, stored).await.map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(result: Result<(), AppError>) -> String {
        match result {
            Err(AppError::Invalid { message, .. }) => message.key().to_owned(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn weak_passwords_are_refused_with_a_reason() {
        assert_eq!(code(check_strength("short", "a@b.la")), "ErrPasswordShort");
        assert_eq!(code(check_strength("aaaaaaaaaaaa", "a@b.la")), "ErrPasswordWeak");
        assert_eq!(code(check_strength("Password123", "a@b.la")), "ErrPasswordWeak");
        assert_eq!(
            code(check_strength("somchai-rubber-2026", "somchai@trade.la")),
            "ErrPasswordWeak"
        );
        assert_eq!(code(check_strength(&"x1".repeat(200), "a@b.la")), "ErrPasswordLong");
        assert!(check_strength("ຢາງພາລາ ລາວ 2026", "a@b.la").is_ok());
        assert!(check_strength("correct horse battery", "a@b.la").is_ok());
    }

    #[tokio::test]
    async fn hashes_are_argon2id_with_the_required_cost_and_verify() {
        let h = hash("correct horse battery".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("correct horse battery".into(), h.clone()).await.unwrap());
        assert!(!verify("wrong horse battery".into(), h).await.unwrap());
    }
}
