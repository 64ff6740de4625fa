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

/// `corridor reindex`: a full rebuild with a progress line on standard error.
pub async fn reindex(
    db: &DatabaseConnection,
    root: &std::path::Path,
) -> anyhow::Result<app::domain::search::index::RebuildReport> {
    use std::io::Write;
    let started = std::time::Instant::now();
    let mut last_shown = std::time::Instant::now() - Duration::from_secs(1);
    let mut progress = |done: u64, total: u64| {
        if last_shown.elapsed() >= Duration::from_millis(200) || done == total {
            last_shown = std::time::Instant::now();
            let width = 30usize;
            let filled = (done * width as u64).checked_div(total).unwrap_or(width as u64) as usize;
            eprint!(
                "\rindexing [{}{}] {done}/{total} listings, {:.1} s",
                "#".repeat(filled),
                " ".repeat(width - filled.min(width)),
                started.elapsed().as_secs_f64()
            );
            std::io::stderr().flush().ok();
        }
    };
    let report = app::domain::search::rebuild(db, root, &mut progress).await?;
    eprintln!();
    Ok(report)
}
