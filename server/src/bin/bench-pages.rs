//! Request-path benchmark (issue #11): every page template next to a static file served by the
//! same process, measured with `wrk`. Not a test: run it by hand after a release build.
//!
//! ```text
//! source scripts/env.sh   # LEPTOS_OUTPUT_NAME=corridor, as the release build has it
//! cargo build --release -p server --bin corridor --bin bench-pages
//! target/release/bench-pages                      # SQLite, demo data
//! target/release/bench-pages --listings 200000 \
//!     --postgres postgres://corridor_test:corridor_test@127.0.0.1:5432/postgres
//! ```
//!
//! For each backend it makes a fresh database (a file in a temporary directory; a new
//! PostgreSQL database next to the one given, dropped at the end), runs `corridor seed` (the
//! demo data), optionally imports `--listings` generated listings (bench_data's generator),
//! starts `corridor serve` from the same directory as this binary with `LEPTOS_SITE_ROOT` at a
//! temporary directory holding a generated ~20 KB stylesheet under /pkg, then runs
//! `wrk -c<connections> -t<threads> -d<seconds>s --latency` against each URL and prints
//! req/s, p50, p99 and the rate as a share of the static file's — once with every page rendered
//! for every request (`CORRIDOR_PAGE_CACHE_MS=0`) and once with the anonymous page cache (1 s).
use anyhow::{bail, Context, Result};
use app::domain::entities::{listing, organisation};
use app::domain::listings::RefData;
use clap::Parser;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use server::bench_data::{generate, timed_import, Places, Rng};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Parser, Debug)]
#[command(about = "Request-path benchmark: req/s per page template next to a static file (issue #11)")]
struct Args {
    /// Generated listings imported on top of the demo data (0: demo data only).
    #[arg(long, default_value_t = 0)]
    listings: usize,
    /// PostgreSQL server to use as well (a database there is created and dropped).
    #[arg(long, env = "BENCH_DATABASE_URL")]
    postgres: Option<String>,
    /// Skip SQLite.
    #[arg(long)]
    no_sqlite: bool,
    /// wrk connections.
    #[arg(long, default_value_t = 50)]
    connections: usize,
    /// wrk threads.
    #[arg(long, default_value_t = 2)]
    threads: usize,
    /// Seconds per URL.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Port of the server under test.
    #[arg(long, default_value_t = 3917)]
    port: u16,
    /// The server binary (default: `corridor` next to this one).
    #[arg(long)]
    server: Option<PathBuf>,
    /// Seed of the data generator.
    #[arg(long, default_value_t = 42)]
    seed: u64,
}

struct Measured {
    name: String,
    rate: f64,
    p50_ms: f64,
    p99_ms: f64,
    non_2xx: u64,
}

/// `wrk --latency` prints "50%    1.23ms"; units us, ms or s.
fn latency_ms(out: &str, label: &str) -> f64 {
    out.lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix(label))
        .and_then(|v| {
            let v = v.trim();
            let (num, unit) = v.split_at(v.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(v.len()));
            let n: f64 = num.parse().ok()?;
            Some(match unit {
                "us" => n / 1000.0,
                "s" => n * 1000.0,
                "m" => n * 60_000.0,
                _ => n,
            })
        })
        .unwrap_or(f64::NAN)
}

fn run_wrk(args: &Args, name: &str, url: &str) -> Result<Measured> {
    let out = Command::new("wrk")
        .args([
            format!("-t{}", args.threads),
            format!("-c{}", args.connections),
            format!("-d{}s", args.seconds),
            "--latency".into(),
            // Browsers send these; without Accept-Encoding the static file would go uncompressed.
            "-H".into(),
            "Accept-Encoding: br, gzip".into(),
            "-H".into(),
            "Accept-Language: vi".into(),
            url.into(),
        ])
        .output()
        .context("run wrk (apt-get install wrk)")?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        bail!("wrk failed on {url}: {text}{}", String::from_utf8_lossy(&out.stderr));
    }
    let rate = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .context("wrk printed no Requests/sec")?;
    let non_2xx = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Non-2xx or 3xx responses:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    Ok(Measured {
        name: name.to_owned(),
        rate,
        p50_ms: latency_ms(&text, "50%"),
        p99_ms: latency_ms(&text, "99%"),
        non_2xx,
    })
}

/// A stylesheet of realistic size (~20 KB), so the static file is not a trivially small one.
fn write_site(root: &Path) -> Result<()> {
    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg)?;
    let mut css = String::new();
    let mut i = 0;
    while css.len() < 20_000 {
        css.push_str(&format!(
            ".rule-{i} {{ margin: {}px {}px; padding: 0.{}rem; color: #{:06x}; border-bottom: 1px solid #ddd; }}\n",
            i % 17,
            i % 11,
            i % 9,
            (i * 2_654_435) % 0xff_ffff
        ));
        i += 1;
    }
    std::fs::write(pkg.join("bench.css"), css)?;
    Ok(())
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn corridor(args: &Args) -> Result<PathBuf> {
    match &args.server {
        Some(path) => Ok(path.clone()),
        None => Ok(std::env::current_exe()?.with_file_name("corridor")),
    }
}

fn env_for(database_url: &str, work: &Path, port: u16) -> Vec<(String, String)> {
    vec![
        // The seed and the first server run render every page; see `bench_backend` for the cache.
        ("CORRIDOR_PAGE_CACHE_MS".into(), "0".into()),
        ("DATABASE_URL".into(), database_url.into()),
        ("LEPTOS_SITE_ROOT".into(), work.join("site").display().to_string()),
        ("LEPTOS_SITE_ADDR".into(), format!("127.0.0.1:{port}")),
        ("CORRIDOR_DATA_DIR".into(), work.join("data").display().to_string()),
        ("CORRIDOR_LOG".into(), "warn".into()),
    ]
}

async fn wait_ready(base: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(out) = Command::new("curl").args(["-fsS", &format!("{base}/readyz")]).output() {
            if out.status.success() {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    bail!("the server did not become ready at {base}")
}

/// Waits until the server's search index holds at least `documents` documents (`/readyz`), so the
/// indexer's start-up build does not share the CPU with the measurements; then a moment more.
async fn wait_indexed(base: &str, documents: u64) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(900);
    while Instant::now() < deadline {
        if let Ok(out) = Command::new("curl").args(["-fsS", &format!("{base}/readyz")]).output() {
            let ready: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
            if ready["search"]["documents"].as_u64().is_some_and(|n| n >= documents) {
                tokio::time::sleep(Duration::from_secs(2)).await;
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    bail!("the search index at {base} did not reach {documents} documents")
}

fn status_of(url: &str) -> String {
    Command::new("curl")
        .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", url])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

async fn bench_backend(label: &str, database_url: &str, args: &Args) -> Result<()> {
    let work = std::env::temp_dir().join(format!("corridor-bench-pages-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(work.join("data"))?;
    write_site(&work.join("site"))?;
    let env = env_for(database_url, &work, args.port);
    let started = Instant::now();
    let seed = Command::new(corridor(args)?)
        .arg("seed")
        .envs(env.iter().cloned())
        .stdout(Stdio::null())
        .status()
        .context("run corridor seed")?;
    if !seed.success() {
        bail!("corridor seed failed");
    }
    println!("\n== {label}: seeded in {:.1} s", started.elapsed().as_secs_f64());
    let db = app::domain::db::connect(database_url).await?;
    if args.listings > 0 {
        let refs = RefData::load(&db).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let places = Places::from(&refs);
        let mut rng = Rng(args.seed);
        let started = Instant::now();
        let mut done = 0;
        while done < args.listings {
            let n = (args.listings - done).min(20_000);
            let csv = generate(n, &places, &mut rng);
            timed_import(&db, "viet-lao-az", &csv).await?;
            done += n;
        }
        println!(
            "   imported {done} generated listings in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    let listing_id = listing::Entity::find()
        .filter(listing::Column::Status.eq("published"))
        .order_by_desc(listing::Column::PublishedAt)
        .one(&db)
        .await?
        .context("a published listing")?
        .id;
    let org = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq("viet-lao-az"))
        .one(&db)
        .await?
        .context("the demo organisation viet-lao-az")?;
    let count = |sql: &'static str| {
        let db = &db;
        async move {
            Ok::<i64, sea_orm::DbErr>(
                db.query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), sql))
                    .await?
                    .and_then(|r| r.try_get_by_index(0).ok())
                    .unwrap_or(0),
            )
        }
    };
    let listings_count = count("SELECT COUNT(*) FROM listings").await?;
    // Published listings are search documents (so are organisations and gates).
    let published = count("SELECT COUNT(*) FROM listings WHERE status = 'published'").await?;
    db.close().await?;

    let pages: Vec<(&str, String)> = vec![
        ("static /pkg/bench.css", "/pkg/bench.css".into()),
        ("/", "/".into()),
        ("/listings", "/listings".into()),
        ("listing page", format!("/listings/{listing_id}")),
        ("organisation page", format!("/orgs/{}", org.slug)),
        ("/gates", "/gates".into()),
        ("gate page", "/gates/lao-bao".into()),
        ("/search?q=cao+su", "/search?q=cao+su".into()),
        ("/sources", "/sources".into()),
        ("/logistics", "/logistics".into()),
    ];
    println!(
        "   {listings_count} listings; wrk -t{} -c{} -d{}s per URL; {} CPUs",
        args.threads,
        args.connections,
        args.seconds,
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0)
    );
    // Every page twice in one run: rendered for every request (CORRIDOR_PAGE_CACHE_MS=0), then
    // with the anonymous page cache at its default (1 s). The static file is measured in each.
    let mut runs: Vec<(String, Vec<Measured>)> = Vec::new();
    for (mode, ttl) in [("rendered every time", "0"), ("page cache 1 s", "1000")] {
        let mut env = env.clone();
        env.retain(|(k, _)| k != "CORRIDOR_PAGE_CACHE_MS");
        env.push(("CORRIDOR_PAGE_CACHE_MS".into(), ttl.into()));
        let server = Server(
            Command::new(corridor(args)?)
                .arg("serve")
                .envs(env.iter().cloned())
                .stdout(Stdio::null())
                .spawn()
                .context("start corridor serve")?,
        );
        let base = format!("http://127.0.0.1:{}", args.port);
        wait_ready(&base).await?;
        // The search index is built from the database by the server's indexer: measure after it.
        wait_indexed(&base, published as u64).await?;
        let mut results = Vec::new();
        for (name, path) in &pages {
            let url = format!("{base}{path}");
            let status = status_of(&url);
            if status != "200" {
                bail!("{url} answered {status}");
            }
            results.push(run_wrk(args, name, &url)?);
        }
        drop(server);
        runs.push((mode.to_owned(), results));
    }
    for (mode, results) in &runs {
        let static_rate = results[0].rate;
        println!("\n   {mode}:");
        println!(
            "   {:<24} {:>10} {:>9} {:>9} {:>8} {:>7}",
            "page", "req/s", "p50 ms", "p99 ms", "static", "non-2xx"
        );
        for m in results {
            println!(
                "   {:<24} {:>10.0} {:>9.2} {:>9.2} {:>7.0}% {:>7}",
                m.name,
                m.rate,
                m.p50_ms,
                m.p99_ms,
                100.0 * m.rate / static_rate,
                m.non_2xx
            );
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::parse();
    println!(
        "bench-pages: {} generated listings on top of the demo data, {}",
        args.listings,
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC")
    );
    if !args.no_sqlite {
        let dir = std::env::temp_dir().join(format!("corridor-bench-pages-db-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let url = format!("sqlite://{}?mode=rwc", dir.join("bench.db").display());
        let result = bench_backend("SQLite (file, WAL)", &url, &args).await;
        std::fs::remove_dir_all(&dir)?;
        result?;
    }
    if let Some(url) = &args.postgres {
        let admin = app::domain::db::connect(url).await?;
        let name = format!("corridor_bench_pages_{}", std::process::id());
        admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await?;
        let (base, _) = url.rsplit_once('/').context("postgres URL ends with /database")?;
        let result = bench_backend("PostgreSQL", &format!("{base}/{name}"), &args).await;
        admin.execute_unprepared(&format!("DROP DATABASE {name}")).await?;
        result?;
    }
    Ok(())
}
