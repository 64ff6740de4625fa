//! Listings benchmark (issue #5): CSV import throughput and browse latency on SQLite and
//! PostgreSQL. Not a test: run it by hand, with `--release`:
//!
//! ```text
//! cargo run --release -p server --bin bench-listings -- --rows 100000 \
//!     --postgres postgres://corridor_test:corridor_test@127.0.0.1:5432/corridor_test
//! ```
//!
//! For each backend it creates a fresh database (a file in a temporary directory; a new
//! PostgreSQL database next to the one given, dropped at the end), migrates and seeds it, then
//! 1. imports `--naive-rows` generated rows one INSERT per row (the alternative),
//! 2. imports `--rows` generated rows with `csv_io::import` (check and write timed apart),
//! 3. grows the table to `--browse-rows` listings with more imports (other organisations),
//! 4. times `browse` for a fixed mix of filters, then once more without the listings indexes.
use anyhow::{anyhow, Context, Result};
use app::domain::entities::{listing, listing_gate, organisation, search_outbox};
use app::domain::listings::browse::{self, decode_cursor, encode_cursor, filter_condition, PAGE_SIZE};
use app::domain::listings::csv_io;
use app::domain::listings::store::new_row;
use app::domain::listings::{Kind, RefData, Status};
use app::i18n::Lang;
use app::model::ListingFilters;
use chrono::Utc;
use clap::Parser;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Statement, TransactionTrait,
};
use server::bench_data::{describe, generate, ms, peak_rss_kb, percentile, rate, timed_import, Places, Rng};
use std::time::{Duration, Instant};

#[derive(Parser, Debug)]
#[command(about = "Listings benchmark: CSV import rows/s and browse latency (issue #5)")]
struct Args {
    /// Rows of the timed CSV import.
    #[arg(long, default_value_t = 100_000)]
    rows: usize,
    /// Rows of the naive one-INSERT-per-row import (the alternative), extrapolated to --rows.
    #[arg(long, default_value_t = 5_000)]
    naive_rows: usize,
    /// Listings in the table when browse is measured.
    #[arg(long, default_value_t = 200_000)]
    browse_rows: usize,
    /// Timed iterations per browse query (after `--warmup` untimed ones).
    #[arg(long, default_value_t = 200)]
    iterations: usize,
    #[arg(long, default_value_t = 20)]
    warmup: usize,
    /// Iterations per query of the run without indexes (0 skips it).
    #[arg(long, default_value_t = 20)]
    unindexed_iterations: usize,
    /// PostgreSQL server to use as well (a database there is created and dropped).
    #[arg(long, env = "BENCH_DATABASE_URL")]
    postgres: Option<String>,
    /// Skip SQLite.
    #[arg(long)]
    no_sqlite: bool,
    /// Seed of the data generator (same seed, same rows).
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Write the generated CSV of the timed import here (to look at it).
    #[arg(long)]
    dump_csv: Option<std::path::PathBuf>,
}

/// The alternative: the same check, then one INSERT per listing (and per gate and outbox row),
/// in one transaction.
async fn naive_import(db: &DatabaseConnection, org: &str, csv: &[u8]) -> Result<(usize, Duration, Duration)> {
    let start = Instant::now();
    let organisation = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(org))
        .one(db)
        .await?
        .context("organisation")?;
    let refs = RefData::load(db).await.map_err(|e| anyhow!("{e:?}"))?;
    let now = browse::now_micros();
    let text = csv_io::decode(csv).map_err(describe)?;
    let rows = csv_io::check(Kind::Commodity, text, &refs, now, |_| {}).map_err(describe)?;
    let checked = Instant::now();
    let txn = db.begin().await?;
    let n = rows.len();
    for valid in rows {
        let gates = valid.gate_ids.clone();
        let row = new_row(valid, &organisation, None, Status::Published, "csv", now)
            .insert(&txn)
            .await?;
        for (i, gate) in gates.into_iter().enumerate() {
            listing_gate::ActiveModel {
                listing_id: Set(row.id),
                gate_id: Set(gate),
                position: Set(i as i32),
            }
            .insert(&txn)
            .await?;
        }
        search_outbox::ActiveModel {
            entity: Set("listing".into()),
            entity_id: Set(row.id.to_string()),
            op: Set("upsert".into()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok((n, checked - start, checked.elapsed()))
}

// ---------------------------------------------------------------- browse

struct Query {
    name: String,
    filters: ListingFilters,
}

fn query_mix(places: &Places, deep_cursor: String, deep_row: u64) -> Vec<Query> {
    let f = |edit: &dyn Fn(&mut ListingFilters)| {
        let mut filters = ListingFilters::default();
        edit(&mut filters);
        filters
    };
    let province = places
        .la
        .iter()
        .find(|p| p.contains("savannakhet"))
        .unwrap_or(&places.la[0])
        .clone();
    let gate = places
        .gates
        .iter()
        .find(|g| *g == "lao-bao")
        .unwrap_or(&places.gates[0])
        .clone();
    let gate2 = places
        .gates
        .iter()
        .find(|g| *g == "cau-treo")
        .unwrap_or(&places.gates[0])
        .clone();
    vec![
        Query {
            name: "no filter".into(),
            filters: f(&|_| {}),
        },
        Query {
            name: "kind=commodity".into(),
            filters: f(&|q| q.kind = "commodity".into()),
        },
        Query {
            name: "country=LA".into(),
            filters: f(&|q| q.country = "LA".into()),
        },
        Query {
            name: "province".into(),
            filters: f(&|q| q.province = province.clone()),
        },
        Query {
            name: "gate".into(),
            filters: f(&|q| q.gate = gate.clone()),
        },
        Query {
            name: "hs_chapter=40".into(),
            filters: f(&|q| q.hs_chapter = "40".into()),
        },
        Query {
            name: "direction=wanted".into(),
            filters: f(&|q| q.direction = "wanted".into()),
        },
        Query {
            name: "verified only".into(),
            filters: f(&|q| q.verified = true),
        },
        Query {
            name: "combined".into(),
            filters: f(&|q| {
                q.kind = "commodity".into();
                q.country = "VN".into();
                q.hs_chapter = "72".into();
                q.direction = "offer".into();
                q.gate = gate2.clone();
            }),
        },
        Query {
            name: "combined+verified".into(),
            filters: f(&|q| {
                q.kind = "commodity".into();
                q.hs_chapter = "09".into();
                q.direction = "wanted".into();
                q.verified = true;
            }),
        },
        Query {
            name: format!("deep cursor (row {deep_row})"),
            filters: f(&|q| q.cursor = deep_cursor.clone()),
        },
    ]
}

/// The SQL `browse` runs for its page (same condition, order and limit).
fn browse_sql(backend: DbBackend, filters: &ListingFilters) -> Result<Statement> {
    let mut cond = filter_condition(filters, Utc::now()).map_err(|e| anyhow!("{e:?}"))?;
    if let Some((at, id)) = decode_cursor(&filters.cursor) {
        cond = cond.add(
            Condition::any().add(listing::Column::PublishedAt.lt(at)).add(
                Condition::all()
                    .add(listing::Column::PublishedAt.eq(at))
                    .add(listing::Column::Id.lt(id)),
            ),
        );
    }
    Ok(listing::Entity::find()
        .filter(cond)
        .order_by_desc(listing::Column::PublishedAt)
        .order_by_desc(listing::Column::Id)
        .limit(PAGE_SIZE + 1)
        .build(backend))
}

async fn explain(db: &DatabaseConnection, filters: &ListingFilters) -> Result<Vec<String>> {
    let backend = db.get_database_backend();
    let stmt = browse_sql(backend, filters)?;
    let prefix = match backend {
        DbBackend::Sqlite => "EXPLAIN QUERY PLAN ",
        _ => "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ",
    };
    let values = stmt.values.map(|v| v.0).unwrap_or_default();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!("{prefix}{}", stmt.sql),
            values,
        ))
        .await?;
    let col = if backend == DbBackend::Sqlite { 3 } else { 0 };
    Ok(rows
        .iter()
        .filter_map(|r| r.try_get_by_index::<String>(col).ok())
        .collect())
}

struct Stats {
    name: String,
    p50: f64,
    p95: f64,
    p99: f64,
    max: f64,
    items: usize,
}

async fn run_mix(db: &DatabaseConnection, mix: &[Query], iterations: usize, warmup: usize) -> Result<Vec<Stats>> {
    let mut all: Vec<Duration> = Vec::new();
    let mut out = Vec::new();
    for q in mix {
        let mut items = 0;
        for _ in 0..warmup {
            browse::browse(db, &q.filters, None, Lang::Vi, PAGE_SIZE)
                .await
                .map_err(|e| anyhow!("{e:?}"))?;
        }
        let mut times = Vec::with_capacity(iterations);
        for i in 0..iterations {
            let lang = [Lang::Vi, Lang::Lo, Lang::En][i % 3];
            let t = Instant::now();
            let page = browse::browse(db, &q.filters, None, lang, PAGE_SIZE)
                .await
                .map_err(|e| anyhow!("{e:?}"))?;
            times.push(t.elapsed());
            items = page.items.len();
        }
        times.sort();
        all.extend(times.iter().copied());
        out.push(Stats {
            name: q.name.clone(),
            p50: ms(percentile(&times, 50.0)),
            p95: ms(percentile(&times, 95.0)),
            p99: ms(percentile(&times, 99.0)),
            max: ms(*times.last().unwrap_or(&Duration::ZERO)),
            items,
        });
    }
    all.sort();
    out.push(Stats {
        name: "overall".into(),
        p50: ms(percentile(&all, 50.0)),
        p95: ms(percentile(&all, 95.0)),
        p99: ms(percentile(&all, 99.0)),
        max: ms(*all.last().unwrap_or(&Duration::ZERO)),
        items: 0,
    });
    Ok(out)
}

fn print_stats(title: &str, stats: &[Stats]) {
    println!("  {title}");
    println!(
        "    {:<26} {:>8} {:>8} {:>8} {:>8} {:>6}",
        "query", "p50 ms", "p95 ms", "p99 ms", "max ms", "items"
    );
    for s in stats {
        println!(
            "    {:<26} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>6}",
            s.name, s.p50, s.p95, s.p99, s.max, s.items
        );
    }
}

// ---------------------------------------------------------------- one backend

async fn bench_backend(label: &str, db: &DatabaseConnection, args: &Args, rng: &mut Rng) -> Result<()> {
    println!("\n=== {label} ===");
    let t = Instant::now();
    app::domain::db::migrate(db).await?;
    app::domain::seed::seed(db).await.map_err(|e| anyhow!("seed: {e:?}"))?;
    println!("migrate + seed: {:.1} s", t.elapsed().as_secs_f64());
    let refs = RefData::load(db).await.map_err(|e| anyhow!("{e:?}"))?;
    let places = Places::from(&refs);
    println!(
        "reference data: {} VN + {} LA provinces, {} gates, {} HS codes",
        places.vn.len(),
        places.la.len(),
        places.gates.len(),
        refs.hs_codes.len()
    );

    // 1. The alternative: one INSERT per row.
    let naive_csv = generate(args.naive_rows, &places, rng);
    let (naive_n, naive_check, naive_write) = naive_import(db, "hung-aloun-logistics", &naive_csv).await?;
    println!(
        "naive import (one INSERT per row, one transaction): {naive_n} rows, check {:.2} s, write {:.2} s → write {:.0} rows/s, total {:.0} rows/s",
        naive_check.as_secs_f64(),
        naive_write.as_secs_f64(),
        rate(naive_n, naive_write),
        rate(naive_n, naive_check + naive_write)
    );

    // 2. The timed import.
    let csv = generate(args.rows, &places, rng);
    if let Some(path) = &args.dump_csv {
        std::fs::write(path, &csv)?;
    }
    println!("generated CSV: {} rows, {:.1} MB", args.rows, csv.len() as f64 / 1e6);
    let (n, check, write) = timed_import(db, "viet-lao-az", &csv).await?;
    drop(csv);
    let total = check + write;
    println!(
        "csv_io::import: {n} rows in {:.2} s (check {:.2} s = {:.0} rows/s, write {:.2} s = {:.0} rows/s) → {:.0} rows/s",
        total.as_secs_f64(),
        check.as_secs_f64(),
        rate(n, check),
        write.as_secs_f64(),
        rate(n, write),
        rate(n, total)
    );
    println!(
        "  vs naive: write phase {:.1}× faster, whole import {:.1}× faster (naive extrapolated to {n} rows: {:.1} s)",
        rate(n, write) / rate(naive_n, naive_write),
        rate(n, total) / rate(naive_n, naive_check + naive_write),
        n as f64 / rate(naive_n, naive_check + naive_write)
    );
    println!(
        "  target ≥ 5,000 rows/s: {}",
        if rate(n, total) >= 5000.0 { "met" } else { "MISSED" }
    );

    // 3. Grow to --browse-rows listings, spread over the other organisations.
    let have = listing::Entity::find().count(db).await? as usize;
    let orgs = ["moic-laos", "moit-vietnam", "lao-embassy-hanoi", "hung-aloun-logistics"];
    let missing = args.browse_rows.saturating_sub(have);
    let t = Instant::now();
    for (i, org) in orgs.iter().enumerate() {
        let part = missing / orgs.len() + usize::from(i < missing % orgs.len());
        if part > 0 {
            let csv = generate(part, &places, rng);
            timed_import(db, org, &csv).await?;
        }
    }
    // Two organisations verified, so "verified only" matches something.
    organisation::Entity::update_many()
        .col_expr(organisation::Column::VerifiedAt, Expr::value(Utc::now()))
        .filter(organisation::Column::Slug.is_in(["viet-lao-az", "moic-laos"]))
        .exec(db)
        .await?;
    // As the verification decision does: the listings carry the flag.
    for slug in ["viet-lao-az", "moic-laos"] {
        let org = app::domain::organisations::find_by_slug(db, slug)
            .await
            .map_err(|e| anyhow!("{e:?}"))?;
        app::domain::listings::store::set_org_verified(db, org.id, true)
            .await
            .map_err(|e| anyhow!("{e:?}"))?;
    }
    if db.get_database_backend() == DbBackend::Postgres {
        // What autovacuum does shortly after a bulk load; done now so the planner has statistics.
        db.execute_unprepared("ANALYZE").await?;
    }
    let total_rows = listing::Entity::find().count(db).await?;
    println!("grown to {total_rows} listings in {:.1} s", t.elapsed().as_secs_f64());

    // 4. Browse.
    let deep_row = (total_rows / 2).min(10_000);
    let deep = listing::Entity::find()
        .filter(filter_condition(&ListingFilters::default(), Utc::now()).map_err(|e| anyhow!("{e:?}"))?)
        .order_by_desc(listing::Column::PublishedAt)
        .order_by_desc(listing::Column::Id)
        .offset(deep_row)
        .one(db)
        .await?
        .context("deep row")?;
    let cursor = encode_cursor(deep.published_at.context("published")?, deep.id);
    let mix = query_mix(&places, cursor, deep_row);
    let stats = run_mix(db, &mix, args.iterations, args.warmup).await?;
    print_stats(
        &format!(
            "browse, {} listings, {} iterations per query after {} warm-up (ms, server time of browse())",
            total_rows, args.iterations, args.warmup
        ),
        &stats,
    );
    let overall = stats.last().map(|s| s.p99).unwrap_or_default();
    println!(
        "  target p99 ≤ 20 ms: {}",
        if overall <= 20.0 { "met" } else { "MISSED" }
    );
    let slowest = stats[..stats.len() - 1]
        .iter()
        .zip(&mix)
        .max_by(|a, b| a.0.p99.total_cmp(&b.0.p99))
        .map(|(s, q)| (s.name.clone(), q.filters.clone()))
        .context("mix")?;
    println!("  plan of the slowest query ({}):", slowest.0);
    for line in explain(db, &slowest.1).await? {
        println!("    {line}");
    }

    sizes(db).await;

    // 5. The same mix without the listings indexes (the unindexed alternative).
    if args.unindexed_iterations > 0 {
        let indexes: Vec<String> = match db.get_database_backend() {
            DbBackend::Sqlite => db
                .query_all_raw(Statement::from_string(
                    DbBackend::Sqlite,
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('listings', 'listing_gates') AND sql IS NOT NULL",
                ))
                .await?
                .iter()
                .filter_map(|r| r.try_get_by_index::<String>(0).ok())
                .collect(),
            _ => db
                .query_all_raw(Statement::from_string(
                    DbBackend::Postgres,
                    "SELECT indexname::text FROM pg_indexes WHERE tablename IN ('listings', 'listing_gates') AND indexname NOT LIKE '%pkey'",
                ))
                .await?
                .iter()
                .filter_map(|r| r.try_get_by_index::<String>(0).ok())
                .collect(),
        };
        for index in &indexes {
            db.execute_unprepared(&format!("DROP INDEX {index}")).await?;
        }
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared("ANALYZE listings").await?;
        }
        let unindexed = run_mix(db, &mix, args.unindexed_iterations, 2).await?;
        print_stats(
            &format!(
                "same mix WITHOUT the secondary indexes ({}), {} iterations",
                indexes.join(", "),
                args.unindexed_iterations
            ),
            &unindexed,
        );
        for (with, without) in stats.iter().zip(&unindexed) {
            println!(
                "    {:<26} p50 ratio unindexed/indexed {:>7.1}×",
                with.name,
                without.p50 / with.p50.max(1e-6)
            );
        }
    }
    Ok(())
}

async fn sizes(db: &DatabaseConnection) {
    let sql = match db.get_database_backend() {
        DbBackend::Sqlite => {
            "SELECT name, SUM(pgsize) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name IN ('listings','listing_gates','search_outbox')) GROUP BY name ORDER BY 2 DESC"
        }
        _ => {
            "SELECT c.relname::text, pg_relation_size(c.oid)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = current_schema() AND c.relname IN (SELECT tablename FROM pg_tables WHERE tablename IN ('listings','listing_gates','search_outbox') \
             UNION SELECT indexname FROM pg_indexes WHERE tablename IN ('listings','listing_gates','search_outbox')) ORDER BY 2 DESC"
        }
    };
    match db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
    {
        Ok(rows) => {
            println!("  sizes (table / index: MB):");
            for r in rows {
                if let (Ok(name), Ok(bytes)) = (r.try_get_by_index::<String>(0), r.try_get_by_index::<i64>(1)) {
                    println!("    {name:<32} {:>8.1}", bytes as f64 / 1e6);
                }
            }
        }
        Err(e) => println!("  sizes unavailable: {e}"),
    }
    if db.get_database_backend() == DbBackend::Postgres {
        if let Ok(Some(r)) = db
            .query_one_raw(Statement::from_string(
                DbBackend::Postgres,
                "SELECT pg_database_size(current_database())::bigint",
            ))
            .await
        {
            if let Ok(b) = r.try_get_by_index::<i64>(0) {
                println!("  database size: {:.1} MB", b as f64 / 1e6);
            }
        }
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::parse();
    println!(
        "bench-listings: rows {}, naive rows {}, browse rows {}, seed {}, {} CPUs, {}",
        args.rows,
        args.naive_rows,
        args.browse_rows,
        args.seed,
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        Utc::now().format("%Y-%m-%d %H:%M UTC")
    );
    if !args.no_sqlite {
        let dir = std::env::temp_dir().join(format!("corridor-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let path = dir.join("bench.db");
        let db = app::domain::db::connect(&format!("sqlite://{}?mode=rwc", path.display())).await?;
        let mut rng = Rng(args.seed);
        let result = bench_backend("SQLite (file, WAL)", &db, &args, &mut rng).await;
        db.close().await?;
        let size: u64 = std::fs::read_dir(&dir)?
            .filter_map(|e| e.ok()?.metadata().ok())
            .map(|m| m.len())
            .sum();
        println!("  SQLite files (db + wal): {:.1} MB", size as f64 / 1e6);
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
