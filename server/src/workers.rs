//! Background jobs of `serve`.
use sea_orm::DatabaseConnection;
use std::time::Duration;

/// Every hour: queue the "your listing expires in 7 days" e-mails (each listing once per expiry
/// date; safe with several servers, which claim each reminder in the database), and mark the
/// introductions left unanswered for 14 days as expired (readers already see them so), and queue
/// the weekly matches digest of whoever has not had it for a week.
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
            match app::domain::matching::send_digests(&db, &public_origin, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(mails = n, "weekly matches digests queued"),
                Err(err) => tracing::warn!("matches digest: {err}"),
            }
            match app::domain::introductions::expire_due(&db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(introductions = n, "unanswered introductions expired"),
                Err(err) => tracing::warn!("introduction expiry: {err}"),
            }
        }
    });
}

/// Every five minutes: the saved searches' alert mails (each search when its period is due, with
/// the listings published since its last one).
pub fn spawn_search_alerts(
    db: DatabaseConnection,
    search: Option<std::sync::Arc<app::domain::search::SearchIndex>>,
    public_origin: String,
) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(300));
        loop {
            tick.tick().await;
            let sent = app::domain::saved_searches::send_alerts(
                &db,
                search.as_deref(),
                None,
                &public_origin,
                chrono::Utc::now(),
            )
            .await;
            match sent {
                Ok(0) => {}
                Ok(n) => tracing::info!(mails = n, "saved search alerts queued"),
                Err(err) => tracing::warn!("saved search alerts: {err}"),
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
                "\rindexing [{}{}] {done}/{total} documents, {:.1} s",
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

/// How the indexer of `serve` shares the outbox with other servers.
#[derive(Clone, Debug)]
pub struct SearchSettings {
    /// The name it registers under (one per index directory).
    pub indexer: String,
    /// Outbox rows older than this are pruned even if an indexer has not applied them.
    pub outbox_retention: Duration,
}

impl SearchSettings {
    /// `CORRIDOR_SEARCH_INDEXER`, else the host name and the index directory; the retention
    /// from `CORRIDOR_SEARCH_OUTBOX_RETENTION_HOURS`.
    pub fn new(indexer: Option<String>, root: &std::path::Path, outbox_retention: Duration) -> SearchSettings {
        let indexer = indexer.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| {
            let host = std::fs::read_to_string("/etc/hostname")
                .ok()
                .or_else(|| std::env::var("HOSTNAME").ok())
                .map(|h| h.trim().to_owned())
                .filter(|h| !h.is_empty())
                .unwrap_or_else(|| "localhost".to_owned());
            let dir = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_owned());
            format!("{host}:{}", dir.display())
        });
        SearchSettings {
            indexer,
            outbox_retention,
        }
    }
}

/// How often a running indexer tells the database how far it is (also after every change).
pub const REGISTER_EVERY: Duration = Duration::from_secs(30);
/// How often `serve` prunes the search outbox.
pub const PRUNE_EVERY: Duration = Duration::from_secs(600);

/// The search index of `serve`: opened from `root`, or — missing, corrupt, of another schema —
/// rebuilt from the database in the background (searches answer with a notice meanwhile; the
/// reason is logged). Then the indexer task tails the outbox every [`INDEX_POLL`], registers how
/// far it is under `settings.indexer` (so other servers do not prune the outbox past it), prunes
/// the outbox every [`PRUNE_EVERY`], and rebuilds when rows it had not applied were pruned.
pub async fn start_search(
    db: DatabaseConnection,
    root: std::path::PathBuf,
    settings: SearchSettings,
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
        use app::domain::search::index::{self as search_index, SearchError};
        let mut tick = tokio::time::interval(INDEX_POLL);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut failing = false;
        let mut registered: Option<(String, i64, std::time::Instant)> = None;
        let mut last_prune = std::time::Instant::now();
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
                Err(SearchError::Behind {
                    watermark,
                    pruned_through,
                }) => {
                    tracing::warn!(
                        watermark,
                        pruned_through,
                        "search index: the outbox was pruned past this index (it was away longer than the retention \
                         window); rebuilding it from the database"
                    );
                    if let Err(err) = indexer.rebuild(&db, &mut |_, _| {}).await {
                        tracing::error!("search index rebuild failed: {err}");
                    }
                }
                Err(err) => {
                    if !failing {
                        tracing::warn!("search indexer: {err}");
                    }
                    failing = true;
                }
            }
            if let Some(generation) = indexer.generation() {
                let now = (generation.name.clone(), generation.watermark());
                let due = registered.as_ref().is_none_or(|(name, watermark, at)| {
                    (name, watermark) != (&now.0, &now.1) || at.elapsed() >= REGISTER_EVERY
                });
                if due {
                    match search_index::register(&db, &settings.indexer, &generation).await {
                        Ok(()) => registered = Some((now.0, now.1, std::time::Instant::now())),
                        Err(err) => tracing::warn!("search indexer: cannot register: {err}"),
                    }
                }
            }
            if last_prune.elapsed() >= PRUNE_EVERY {
                last_prune = std::time::Instant::now();
                match search_index::prune(&db, settings.outbox_retention).await {
                    Ok(pruned) if pruned.rows > 0 => tracing::info!(
                        rows = pruned.rows,
                        through = pruned.through,
                        live_indexers = pruned.live_indexers,
                        "search outbox pruned"
                    ),
                    Ok(_) => {}
                    Err(err) => tracing::warn!("search outbox: cannot prune: {err}"),
                }
            }
        }
    });
    index
}
