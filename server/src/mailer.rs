//! The mail worker: sends the mail outbox through SMTP (`CORRIDOR_SMTP_URL`).
//!
//! `serve` spawns it only when SMTP is configured. Every `POLL_INTERVAL` it takes up to `BATCH`
//! unsent rows (`app::domain::mail::due`), sends each one on its own connection and records the
//! outcome: `sent_at`, or one more attempt with a short `last_error` (lettre's error text: status
//! code and server reply, never the credentials). After a batch with a failure that may pass
//! (unreachable server, 4xx reply, timeout) it waits `RETRY_BASE`, doubling up to `RETRY_MAX`
//! while failures continue, so an outage does not use up every mail's attempts at once; a
//! permanent refusal (5xx, e.g. an unknown mailbox) concerns that mail only. A mail tried
//! `MAX_ATTEMPTS` times is given up: it stays in the outbox with its last error, for the
//! administrators' mailbox page.
//!
//! Each mail keeps one `Message-ID` across retries (built from its row id and creation time), so
//! a receiving server can recognise a retry of a mail it already took. One worker per database is
//! assumed (a single `corridor serve`).
use crate::config::{SmtpSecurity, SmtpSettings};
use app::domain::entities::mail as outbox;
use app::errors::AppError;
use lettre::message::{header::ContentType, Mailbox};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::DatabaseConnection;
use std::time::Duration;

/// Rows taken per round.
pub const BATCH: u64 = 20;
/// Attempts before a mail is given up.
pub const MAX_ATTEMPTS: i32 = 8;
/// Pause between rounds while all is well.
pub const POLL_INTERVAL: Duration = Duration::from_secs(10);
/// First pause after a round with a failure that may pass; doubled while failures continue
/// (2, 4, 8, … minutes, at most `RETRY_MAX`): eight attempts span about three hours.
pub const RETRY_BASE: Duration = Duration::from_secs(120);
pub const RETRY_MAX: Duration = Duration::from_secs(3600);
/// Connecting, and each SMTP command.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The right-hand side of Message-IDs: the domain of the From address.
    id_domain: String,
}

/// What one round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub failed: usize,
    /// Failures that may pass (server unreachable, 4xx, timeout): the worker backs off.
    pub transient: usize,
}

impl Mailer {
    /// A mailer for `smtp`, sending as `from` (both as `Config` checked them).
    pub fn new(smtp: &SmtpSettings, from: &str) -> anyhow::Result<Mailer> {
        let from: Mailbox = from
            .parse()
            .map_err(|err| anyhow::anyhow!("CORRIDOR_MAIL_FROM {from:?}: {err}"))?;
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
            .port(smtp.port)
            .timeout(Some(SMTP_TIMEOUT));
        builder = match smtp.security {
            SmtpSecurity::StartTls => builder.tls(Tls::Required(TlsParameters::new(smtp.host.clone())?)),
            SmtpSecurity::ImplicitTls => builder.tls(Tls::Wrapper(TlsParameters::new(smtp.host.clone())?)),
            SmtpSecurity::None => builder.tls(Tls::None),
        };
        if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        let id_domain = from.email.domain().to_owned();
        Ok(Mailer {
            transport: builder.build(),
            from,
            id_domain,
        })
    }

    /// The SMTP message for an outbox row: UTF-8 subject (RFC 2047) and plain-text body, From,
    /// To, Date and a Message-ID that stays the same across retries.
    pub fn message(&self, mail: &outbox::Model) -> Result<Message, String> {
        let to: Mailbox = mail
            .recipient
            .parse()
            .map_err(|_| "the recipient is not a valid address".to_owned())?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .message_id(Some(format!(
                "<outbox.{}.{}@{}>",
                mail.id,
                mail.created_at.timestamp(),
                self.id_domain
            )))
            .date_now()
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|err| format!("cannot build the message: {err}"))
    }

    /// Sends what is due, once. Database errors end the round (and are returned).
    pub async fn deliver_due(&self, db: &DatabaseConnection) -> Result<Round, AppError> {
        let mut round = Round::default();
        for mail in app::domain::mail::due(db, BATCH, MAX_ATTEMPTS).await? {
            let outcome = match self.message(&mail) {
                Ok(message) => self.transport.send(message).await.map_err(|err| {
                    let transient = !err.is_permanent();
                    (err.to_string(), transient)
                }),
                Err(reason) => Err((reason, false)),
            };
            match outcome {
                Ok(_) => {
                    app::domain::mail::mark_sent(db, mail.id).await?;
                    tracing::info!(mail = mail.id, recipient = %mail.recipient, "mail sent");
                    round.sent += 1;
                }
                Err((reason, transient)) => {
                    app::domain::mail::mark_failed(db, mail.id, &reason).await?;
                    let attempts = mail.attempts + 1;
                    if attempts >= MAX_ATTEMPTS {
                        tracing::error!(mail = mail.id, attempts, %reason, "mail given up");
                    } else {
                        tracing::warn!(mail = mail.id, attempts, %reason, "mail not sent; will retry");
                    }
                    round.failed += 1;
                    round.transient += usize::from(transient);
                }
            }
        }
        Ok(round)
    }
}

/// The pause before the next round, given how many rounds in a row had a failure that may pass.
pub fn pause_after(failing_rounds: u32) -> Duration {
    if failing_rounds == 0 {
        return POLL_INTERVAL;
    }
    RETRY_BASE
        .saturating_mul(1 << (failing_rounds - 1).min(16))
        .min(RETRY_MAX)
}

/// Runs the worker until the process ends.
pub fn spawn(db: DatabaseConnection, mailer: Mailer) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut failing_rounds = 0u32;
        loop {
            match mailer.deliver_due(&db).await {
                Ok(round) if round.transient > 0 => failing_rounds = failing_rounds.saturating_add(1),
                Ok(_) => failing_rounds = 0,
                Err(err) => tracing::error!("mail worker: {err}"),
            }
            tokio::time::sleep(pause_after(failing_rounds)).await;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_doubles_while_failures_continue() {
        assert_eq!(pause_after(0), POLL_INTERVAL);
        assert_eq!(pause_after(1), RETRY_BASE);
        assert_eq!(pause_after(2), RETRY_BASE * 2);
        assert_eq!(pause_after(3), RETRY_BASE * 4);
        assert_eq!(pause_after(40), RETRY_MAX);
    }
}
