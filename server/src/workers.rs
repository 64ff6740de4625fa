//! Background jobs of `serve`.
use sea_orm::DatabaseConnection;
use std::time::Duration;

/// Every hour: queue the "your listing expires in 7 days" e-mails (each listing once per expiry
/// date; safe with several servers, which claim each reminder in the database).
pub fn spawn_expiry_reminders(db: DatabaseConnection, public_origin: String) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            match app::domain::listings::store::send_expiry_reminders(&db, &public_origin, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(reminders = n, "listing expiry reminders queued"),
                Err(err) => tracing::warn!("expiry reminders: {err}"),
            }
        }
    });
}
