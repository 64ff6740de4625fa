//! Matching benchmark (issue #12): the matches of one listing among `--rows` listings, on SQLite
//! and PostgreSQL, against the straightforward alternative in the same run. Not a test: run it by
//! hand, with `--release`:
//!
//! ```text
//! cargo build --release -p server --bin bench-matches
//! $CARGO_TARGET_DIR/release/bench-matches --rows 200000 \
//!     --postgres postgres://corridor_test:corridor_test@127.0.0.1:5432/corridor_test
//! ```
//!
//! For each backend (a SQLite file in a temporary directory; a new PostgreSQL database next to
//! the one given, dropped at the end) it migrates, seeds and imports `--rows` generated commodity
//! listings (the generator of bench-listings and bench-search: 14 goods, offers and wanted,
//! both countries, one or two gates each) over four organisations, then for `--queries` listings
//! drawn at random times
//! - `matching::compute`: one narrow query of the candidates (chapter, opposite direction,
//!   public), scored in memory, gates and languages read for the short list only, the views of
//!   the matches, plus the transport matches;
//! - the alternative: the same candidates read as whole rows with the gates of every one of them
//!   (what a first implementation would do), scored the same way (without the views), so the
//!   ratio shows what the narrow read and the short list buy.
//!
//! Target (issue #12): p99 ≤ 50 ms at 200k listings on both backends.
use anyhow::{anyhow, Context, Result};
use app::domain::entities::{listing, listing_gate};
use app::domain::listings::browse::public_condition;
use app::domain::listings::RefData;
use app::i18n::Lang;
use chrono::Utc;
use clap::Parser;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use server::bench_data::{generate, ms, peak_rss_kb, percentile, timed_import, Places, Rng};
use std::time::{Duration, Instant};

#[derive(Parser, Debug)]
#[command(about = "Matching benchmark: matches of one listing among many (issue #12)")]
struct Args {
    /// Listings to generate.
    #[arg(long, default_value_t = 200_000)]
    rows: usize,
    /// Rows per CSV import (one transaction each).
    #[arg(long, default_value_t = 50_000)]
    chunk: usize,
    /// Listings whose matches are timed (each once per way, after `--warmup` untimed ones).
    #[arg(long, default_value_t = 200)]
    queries: usize,
    #[arg(long, default_value_t = 10)]
    warmup: usize,
    /// PostgreSQL server to use as well (a database there is created and dropped).
    #[arg(long, env = "BENCH_DATABASE_URL")]
    postgres: Option<String>,
    /// Skip SQLite.
    #[arg(long)]
    no_sqlite: bool,
    /// Seed of the data generator (same seed, same rows).
    #[arg(long, default_value_t = 42)]
    seed: u64,
}

const ORGANISATIONS: [&str; 4] = [
    "demo-lao-exporter",
    "demo-vn-exporter",
    "viet-lao-az",
    "hung-aloun-logistics",
];

/// The alternative: every candidate as a whole row, and the gates of all of them.
async fn naive(db: &DatabaseConnection, item: &listing::Model) -> Result<usize> {
    let now = Utc::now();
    let Some(chapter) = item.hs_chapter.clone() else {
        return Ok(0);
    };
    let opposite = if item.direction.as_deref() == Some("wanted") {
        "offer"
    } else {
        "wanted"
    };
    let rows = listing::Entity::find()
        .filter(listing::Column::HsChapter.eq(chapter))
        .filter(listing::Column::Kind.eq("commodity"))
        .filter(listing::Column::Direction.eq(opposite))
        .filter(listing::Column::OrganisationId.ne(item.organisation_id))
        .filter(public_condition(now))
        .all(db)
        .await?;
    let mut gates = 0;
    for ids in rows.chunks(500) {
        gates += listing_gate::Entity::find()
            .filter(listing_gate::Column::ListingId.is_in(ids.iter().map(|r| r.id)))
            .all(db)
            .await?
            .len();
    }
    Ok(rows.len() + gates)
}

fn summary(label: &str, times: &mut [Duration]) -> (f64, f64) {
    times.sort();
    let (p50, p99) = (ms(percentile(times, 0.5)), ms(percentile(times, 0.99)));
    println!(
        "  {label:<44} n {:>4}  p50 {:>8.2} ms  p99 {:>8.2} ms  max {:>8.2} ms",
        times.len(),
        p50,
        p99,
        ms(*times.last().unwrap_or(&Duration::ZERO))
    );
    (p50, p99)
}

async fn bench_backend(label: &str, db: &DatabaseConnection, args: &Args, rng: &mut Rng) -> Result<()> {
    println!("\n=== {label} ===");
    let t = Instant::now();
    app::domain::db::migrate(db).await?;
    app::domain::seed::seed(db).await.map_err(|e| anyhow!("seed: {e:?}"))?;
    let refs = RefData::load(db).await.map_err(|e| anyhow!("{e:?}"))?;
    let places = Places::from(&refs);
    let mut done = 0;
    let mut chunk_no = 0;
    while done < args.rows {
        let n = args.chunk.min(args.rows - done);
        let csv = generate(n, &places, rng);
        let org = ORGANISATIONS[chunk_no % ORGANISATIONS.len()];
        timed_import(db, org, &csv)
            .await
            .with_context(|| format!("import into {org}"))?;
        done += n;
        chunk_no += 1;
    }
    println!(
        "migrate + seed + import {} listings: {:.1} s",
        args.rows,
        t.elapsed().as_secs_f64()
    );
    if db.get_database_backend() == sea_orm::DbBackend::Sqlite {
        db.execute_unprepared("PRAGMA optimize").await?;
    }
    let ids: Vec<i32> = listing::Entity::find()
        .select_only()
        .column(listing::Column::Id)
        .filter(listing::Column::Kind.eq("commodity"))
        .filter(public_condition(Utc::now()))
        .into_tuple()
        .all(db)
        .await?;
    let sample: Vec<i32> = (0..args.queries + args.warmup).map(|_| *rng.pick(&ids)).collect();
    let mut with_matching = Vec::new();
    let mut with_naive = Vec::new();
    let (mut goods, mut transport, mut candidates) = (0usize, 0usize, 0usize);
    for (n, id) in sample.iter().enumerate() {
        let item = listing::Entity::find_by_id(*id).one(db).await?.context("listing")?;
        // Alternate which way goes first, so caches favour neither.
        let (a, b) = if n % 2 == 0 {
            let t = Instant::now();
            let m = app::domain::matching::compute(db, None, &item, Lang::En, Utc::now())
                .await
                .map_err(|e| anyhow!("{e:?}"))?;
            let a = t.elapsed();
            goods += m.goods.len();
            transport += m.transport.len();
            let t = Instant::now();
            candidates += naive(db, &item).await?;
            (a, t.elapsed())
        } else {
            let t = Instant::now();
            candidates += naive(db, &item).await?;
            let b = t.elapsed();
            let t = Instant::now();
            let m = app::domain::matching::compute(db, None, &item, Lang::En, Utc::now())
                .await
                .map_err(|e| anyhow!("{e:?}"))?;
            goods += m.goods.len();
            transport += m.transport.len();
            (t.elapsed(), b)
        };
        if n >= args.warmup {
            with_matching.push(a);
            with_naive.push(b);
        }
    }
    let n = sample.len().max(1);
    println!(
        "  per listing: {:.1} goods matches, {:.1} transport matches shown; {:.0} candidate rows + gates read by the alternative",
        goods as f64 / n as f64,
        transport as f64 / n as f64,
        candidates as f64 / n as f64
    );
    let (p50, p99) = summary("matching::compute (goods + transport, views)", &mut with_matching);
    let (np50, np99) = summary("alternative: whole rows + every gate", &mut with_naive);
    println!(
        "  ratio alternative / matching: p50 {:.1}×, p99 {:.1}×;  target p99 ≤ 50 ms: {}",
        np50 / p50,
        np99 / p99,
        if p99 <= 50.0 { "met" } else { "MISSED" }
    );
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::parse();
    println!(
        "bench-matches: rows {}, queries {}, seed {}, {} CPUs, {}",
        args.rows,
        args.queries,
        args.seed,
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        Utc::now().format("%Y-%m-%d %H:%M UTC")
    );
    if !args.no_sqlite {
        let dir = std::env::temp_dir().join(format!("corridor-bench-matches-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let path = dir.join("bench.db");
        let db = app::domain::db::connect(&format!("sqlite://{}?mode=rwc", path.display())).await?;
        let mut rng = Rng(args.seed);
        let result = bench_backend("SQLite (file, WAL)", &db, &args, &mut rng).await;
        db.close().await?;
        std::fs::remove_dir_all(&dir)?;
        result?;
    }
    if let Some(url) = &args.postgres {
        let admin = app::domain::db::connect(url).await?;
        let name = format!("corridor_bench_{}", std::process::id());
        admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await?;
        let (base, _) = url.rsplit_once('/').context("postgres URL ends with /database")?;
        let db = app::domain::db::connect(&format!("{base}/{name}")).await?;
        let mut rng = Rng(args.seed);
        let result = bench_backend("PostgreSQL", &db, &args, &mut rng).await;
        db.close().await?;
        admin.execute_unprepared(&format!("DROP DATABASE {name}")).await?;
        result?;
    }
    match peak_rss_kb() {
        Some(kb) => println!("\npeak RSS (VmHWM): {:.0} MB", kb as f64 / 1024.0),
        None => println!("\npeak RSS unavailable"),
    }
    Ok(())
}
