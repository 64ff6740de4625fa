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

/// How often the indexer looks at the search outbox (and at the `current` pointer a
/// `corridor reindex` moves).
pub const INDEX_POLL: Duration = Duration::from_millis(250);

/// The search index of `serve`: opened from `root`, or — missing, corrupt, of another schema —
/// rebuilt from the database in the background (searches answer with a notice meanwhile; the
/// reason is logged). Then the indexer task tails the outbox every [`INDEX_POLL`].
pub async fn start_search(
    db: DatabaseConnection,
    root: std::path::PathBuf,
) -> std::sync::Arc<app::domain::search::SearchIndex> {
    use app::domain::search::SearchIndex;
    use std::sync::Arc;
    let index = match SearchIndex::open(&root) {
        Ok(index) => Arc::new(index),
        Err(why) => {
            tracing::warn!(
                "search index: {why}; rebuilding it from the database (searches answer with a notice meanwhile)"
            );
            let index = Arc::new(SearchIndex::empty(&root));
            let building = index.clone();
            let building_db = db.clone();
            tokio::spawn(async move {
                match building.rebuild(&building_db, &mut |_, _| {}).await {
                    Ok(report) => tracing::info!(
                        documents = report.documents,
                        seconds = report.elapsed.as_secs_f64(),
                        "search index rebuilt"
                    ),
                    Err(err) => tracing::error!("search index rebuild failed: {err}"),
                }
            });
            index
        }
    };
    let indexer = index.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(INDEX_POLL);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut failing = false;
        loop {
            tick.tick().await;
            if let Err(err) = indexer.refresh() {
                tracing::warn!("search index: cannot switch to the new generation: {err}");
            }
            match indexer.catch_up(&db).await {
                Ok(applied) => {
                    if failing {
                        tracing::info!("search indexer recovered");
                        failing = false;
                    }
                    if applied.rows > 0 {
                        tracing::debug!(
                            rows = applied.rows,
                            outbox_id = applied.watermark,
                            "search index updated"
                        );
                    }
                }
                Err(err) => {
                    if !failing {
                        tracing::warn!("search indexer: {err}");
                    }
                    failing = true;
                }
            }
        }
    });
    index
}
