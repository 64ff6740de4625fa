//! Search benchmark (issue #6): Tantivy against SQLite FTS5 and PostgreSQL full-text search on
//! the same listings, in one run. Not a test: run it by hand, with `--release`:
//!
//! ```text
//! cargo build --release -p server --bin bench-search
//! $CARGO_TARGET_DIR/release/bench-search --rows 200000 \
//!     --postgres postgres://corridor_test:corridor_test@127.0.0.1:5432/corridor_test
//! ```
//!
//! For each backend (a SQLite file in a temporary directory; a new PostgreSQL database next to
//! the one given, dropped at the end) it
//! 1. migrates, seeds and imports `--rows` generated trilingual listings (`csv_io::import`),
//! 2. times a full Tantivy rebuild (`search::rebuild`) and measures the generation on disk,
//! 3. writes the same title and body text the index gets (`index::listing_docs`) to a side
//!    table and builds the alternative from it: an FTS5 table (SQLite) or a `tsvector` table with
//!    a GIN index (PostgreSQL), timed and measured,
//! 4. runs a fixed mix of queries with facet counts and a top-20 page on each engine, the engines
//!    interleaved query by query so machine noise hits them alike, and prints p50 / p99 and
//!    hits,
//! 5. measures indexing lag: a writer creates listings at `--lag-rate` per second (the store's
//!    transaction: listing, gates, outbox row) while a tailer does what the server's indexer does
//!    (`catch_up` every poll interval); lag = commit → first search that finds the listing by a
//!    unique word of its title.
use anyhow::{anyhow, Context, Result};
use app::domain::entities::{listing_gate, organisation};
use app::domain::listings::browse;
use app::domain::listings::csv_io;
use app::domain::listings::store::{self, new_row};
use app::domain::listings::{Kind, RefData, Status, Valid};
use app::domain::search::index::{self, SearchIndex};
use app::domain::search::query::{self, SearchRequest, Sort};
use app::i18n::Lang;
use app::model::SearchParams;
use chrono::Utc;
use clap::Parser;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    QueryFilter, Statement, TransactionTrait, Value,
};
use server::bench_data::{generate_varied, ms, peak_rss_kb, percentile, rate, timed_import, Places, Rng};
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

#[derive(Parser, Debug)]
#[command(about = "Search benchmark: Tantivy vs SQLite FTS5 vs PostgreSQL full-text search (issue #6)")]
struct Args {
    /// Listings to generate and index.
    #[arg(long, default_value_t = 200_000)]
    rows: usize,
    /// Rows per CSV import (one transaction each; bounds the memory of the load).
    #[arg(long, default_value_t = 50_000)]
    chunk: usize,
    /// Timed iterations per query and engine (after `--warmup` untimed ones).
    #[arg(long, default_value_t = 100)]
    iterations: usize,
    #[arg(long, default_value_t = 5)]
    warmup: usize,
    /// An engine stops being timed on a query after this many seconds (and at least 20 iterations).
    #[arg(long, default_value_t = 20.0)]
    max_seconds: f64,
    /// PostgreSQL server to use as well (a database there is created and dropped).
    #[arg(long, env = "BENCH_DATABASE_URL")]
    postgres: Option<String>,
    /// Skip SQLite.
    #[arg(long)]
    no_sqlite: bool,
    /// Seed of the data generator (same seed, same rows).
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Seconds of writing in the indexing-lag test (0 skips it).
    #[arg(long, default_value_t = 30)]
    lag_seconds: u64,
    /// Listings created per second in the indexing-lag test.
    #[arg(long, default_value_t = 100)]
    lag_rate: u64,
    /// Outbox poll intervals (ms) to run the lag test with; the server's is 250.
    #[arg(long, value_delimiter = ',', default_values_t = [250u64, 50])]
    lag_polls: Vec<u64>,
    /// Run the lag test on PostgreSQL too.
    #[arg(long)]
    lag_postgres: bool,
}

// ---------------------------------------------------------------- the query mix

struct QuerySpec {
    name: &'static str,
    text: &'static str,
    filters: Vec<(&'static str, String)>,
}

fn query_mix(places: &Places) -> Vec<QuerySpec> {
    let gate = places
        .gates
        .iter()
        .find(|g| *g == "lao-bao")
        .unwrap_or(&places.gates[0])
        .clone();
    let q = |name, text, filters| QuerySpec { name, text, filters };
    vec![
        q("cao su (vi)", "cao su", vec![]),
        q("thep (vi, no diacritics)", "thep", vec![]),
        q("thép cán nóng (vi, 3 words)", "thép cán nóng", vec![]),
        q("duong mia (vi, no đ)", "duong mia", vec![]),
        q("ຢາງພາລາ (lo)", "ຢາງພາລາ", vec![]),
        q("ເຂົ້າໜຽວ (lo)", "ເຂົ້າໜຽວ", vec![]),
        q("rubber (en)", "rubber", vec![]),
        q("iron ore (en, 2 words)", "iron ore", vec![]),
        q("4001 (HS code)", "4001", vec![]),
        q(
            "coffee beans +country=LA",
            "coffee beans",
            vec![("country", "LA".to_owned())],
        ),
        q(
            "cassava +kind +gate",
            "cassava",
            vec![("kind", "commodity".to_owned()), ("gate", gate)],
        ),
        q("(browse all, facets)", "", vec![]),
        q("agarwood (rare, en)", "agarwood", vec![]),
        q("hoa hoi (rare, vi, no diacr.)", "hoa hoi", vec![]),
    ]
}

// ---------------------------------------------------------------- engines

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sql {
    Fts5,
    Postgres,
}

enum Engine<'a> {
    /// `query::run` on the generation: the index's answer (page of ids, total, 8 facets, snippets).
    Tantivy(&'a index::Generation),
    /// `query::search`: the server path (index, then the page re-checked and loaded from the
    /// database, facet labels).
    TantivyFull(&'a DatabaseConnection, &'a SearchIndex),
    /// The SQL alternative: a top-20 page by rank, and the facet counts over every match.
    Sql(&'a DatabaseConnection, Sql),
}

impl Engine<'_> {
    fn name(&self) -> &'static str {
        match self {
            Engine::Tantivy(_) => "tantivy",
            Engine::TantivyFull(..) => "tantivy+db",
            Engine::Sql(_, Sql::Fts5) => "fts5",
            Engine::Sql(_, Sql::Postgres) => "pg-fts",
        }
    }
}

/// What one search returned: total hits, the page's ids, facet groups with a value.
struct Outcome {
    total: u64,
    page: Vec<i64>,
    facet_groups: usize,
}

async fn run_once(engine: &Engine<'_>, q: &QuerySpec) -> Result<Outcome> {
    match engine {
        Engine::Tantivy(generation) => {
            let request = SearchRequest {
                text: q.text.to_owned(),
                filters: q.filters.clone(),
                sort: Sort::Relevance,
                offset: 0,
                limit: 20,
            };
            let raw = query::run(generation, &request, Utc::now().timestamp_micros())?;
            Ok(Outcome {
                total: raw.total as u64,
                page: raw.hits.iter().map(|h| h.id).collect(),
                facet_groups: raw.facets.iter().filter(|(_, v)| !v.is_empty()).count(),
            })
        }
        Engine::TantivyFull(db, index) => {
            let mut params = SearchParams {
                q: q.text.to_owned(),
                ..SearchParams::default()
            };
            for (name, value) in &q.filters {
                match *name {
                    "kind" => params.kind = value.clone(),
                    "country" => params.country = value.clone(),
                    "gate" => params.gate = value.clone(),
                    "province" => params.province = value.clone(),
                    "hs_chapter" => params.hs_chapter = value.clone(),
                    other => return Err(anyhow!("filter {other} not in the mix")),
                }
            }
            let results = query::search(*db, Some(*index), &params, Lang::Vi)
                .await
                .map_err(|e| anyhow!("{e:?}"))?;
            Ok(Outcome {
                total: results.total,
                page: results
                    .hits
                    .iter()
                    .filter_map(|h| h.listing.as_ref().map(|l| i64::from(l.id)))
                    .collect(),
                facet_groups: results.facets.iter().filter(|g| !g.values.is_empty()).count(),
            })
        }
        Engine::Sql(db, kind) => sql_search(db, *kind, q).await,
    }
}

/// `?` placeholders to PostgreSQL's `$n`.
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push_str(&format!("${n}"));
        } else {
            out.push(c);
        }
    }
    out
}

fn is_lao(c: char) -> bool {
    ('\u{0E80}'..='\u{0EFF}').contains(&c)
}

/// The query text for the SQL engine: every word must match (as the index's strict query does).
/// FTS5: each word a quoted string (a phrase of its tokens). PostgreSQL: `w1 & w2`. A Lao word is
/// a prefix (`"w"*`, `w:*`) in both: their tokenizers keep a whole Lao run (Lao has no spaces
/// between words) as one token, so without it a Lao word matches only a run that is exactly it.
fn sql_text(kind: Sql, text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    Some(match kind {
        Sql::Fts5 => words
            .iter()
            .map(|w| {
                let quoted = format!("\"{}\"", w.replace('"', "\"\""));
                if w.chars().any(is_lao) {
                    format!("{quoted}*")
                } else {
                    quoted
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
        Sql::Postgres => words
            .iter()
            .map(|w| {
                // Not the tsquery operators; Lao vowel signs and tone marks are marks, not alphanumeric.
                let w: String = w.chars().filter(|c| !"&|!():*'\\<>".contains(*c)).collect();
                if w.chars().any(is_lao) {
                    format!("{w}:*")
                } else {
                    w
                }
            })
            .collect::<Vec<_>>()
            .join(" & "),
    })
}

/// FROM, WHERE (with its values) and the rank expression of a SQL search.
fn sql_parts(kind: Sql, q: &QuerySpec) -> (String, String, Vec<Value>, Option<(String, Value)>) {
    let text = sql_text(kind, q.text);
    let mut values: Vec<Value> = Vec::new();
    let mut conds: Vec<String> = Vec::new();
    let (from, rank) = match (&text, kind) {
        (None, _) => ("listings l".to_owned(), None),
        (Some(t), Sql::Fts5) => {
            conds.push("bench_fts MATCH ?".to_owned());
            values.push(t.clone().into());
            (
                // CROSS JOIN keeps the FTS5 table the outer loop: with a plain JOIN SQLite's planner
                // walks listings by its status/expiry index and probes the full-text index per row
                // (measured: 30-260 ms at 5k rows, even for a query with no hits).
                "bench_fts CROSS JOIN listings l ON l.id = bench_fts.rowid".to_owned(),
                Some(("bm25(bench_fts, 2.0, 1.0)".to_owned(), Value::from(None::<String>))),
            )
        }
        (Some(t), Sql::Postgres) => {
            conds.push("f.tsv @@ to_tsquery('bench_search', ?)".to_owned());
            values.push(t.clone().into());
            (
                "bench_tsv f JOIN listings l ON l.id = f.id".to_owned(),
                Some((
                    "ts_rank(f.tsv, to_tsquery('bench_search', ?))".to_owned(),
                    t.clone().into(),
                )),
            )
        }
    };
    conds.push("l.status = 'published'".to_owned());
    conds.push("l.expires_at > ?".to_owned());
    values.push(Utc::now().into());
    for (name, value) in &q.filters {
        match *name {
            "kind" | "country" | "hs_chapter" => {
                conds.push(format!("l.{name} = ?"));
                values.push(value.clone().into());
            }
            "province" => {
                conds.push("(l.province_id = ? OR l.destination_province_id = ?)".to_owned());
                values.push(value.clone().into());
                values.push(value.clone().into());
            }
            "gate" => {
                conds.push(
                    "EXISTS (SELECT 1 FROM listing_gates g WHERE g.listing_id = l.id AND g.gate_id = ?)".to_owned(),
                );
                values.push(value.clone().into());
            }
            _ => {}
        }
    }
    (from, conds.join(" AND "), values, rank)
}

const FACETS_SQL: &str = "\
SELECT 'kind' AS facet, kind AS value, COUNT(*) AS n FROM m GROUP BY kind \
UNION ALL SELECT 'country', country, COUNT(*) FROM m GROUP BY country \
UNION ALL SELECT 'province', p, COUNT(*) FROM (SELECT province_id AS p FROM m UNION ALL SELECT destination_province_id FROM m) x WHERE p IS NOT NULL GROUP BY p \
UNION ALL SELECT 'gate', g.gate_id, COUNT(*) FROM m JOIN listing_gates g ON g.listing_id = m.id GROUP BY g.gate_id \
UNION ALL SELECT 'sector', sector, COUNT(*) FROM m WHERE sector IS NOT NULL GROUP BY sector \
UNION ALL SELECT 'hs_chapter', hs_chapter, COUNT(*) FROM m WHERE hs_chapter IS NOT NULL GROUP BY hs_chapter \
UNION ALL SELECT 'verified', CASE WHEN org_verified THEN 'true' ELSE 'false' END, COUNT(*) FROM m GROUP BY org_verified \
UNION ALL SELECT 'language', 'vi', COUNT(*) FROM m WHERE has_vi \
UNION ALL SELECT 'language', 'lo', COUNT(*) FROM m WHERE has_lo \
UNION ALL SELECT 'language', 'en', COUNT(*) FROM m WHERE has_en";

/// The page (top 20 by rank; newest first without text) and the 8 facet counts over all matches,
/// as two statements: the matches are materialised once for the facets.
async fn sql_search(db: &DatabaseConnection, kind: Sql, q: &QuerySpec) -> Result<Outcome> {
    let backend = db.get_database_backend();
    let (from, cond, values, rank) = sql_parts(kind, q);
    let sql = |s: String| if kind == Sql::Postgres { numbered(&s) } else { s };
    let (page_sql, page_values) = match &rank {
        Some((expr, extra)) => {
            let order = if kind == Sql::Fts5 { "ASC" } else { "DESC" };
            let mut v = Vec::new();
            if kind == Sql::Postgres {
                v.push(extra.clone());
            }
            v.extend(values.iter().cloned());
            (
                format!("SELECT l.id, {expr} AS r FROM {from} WHERE {cond} ORDER BY r {order}, l.id DESC LIMIT 20"),
                v,
            )
        }
        None => (
            format!("SELECT l.id FROM {from} WHERE {cond} ORDER BY l.published_at DESC, l.id DESC LIMIT 20"),
            values.clone(),
        ),
    };
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(backend, sql(page_sql), page_values))
        .await?;
    let page: Vec<i64> = rows
        .iter()
        .map(|r| r.try_get_by_index::<i32>(0).map(i64::from))
        .collect::<Result<_, _>>()?;
    let lang = |code: &str| {
        format!("(COALESCE(l.title_{code}, '') <> '' OR COALESCE(l.description_{code}, '') <> '') AS has_{code}")
    };
    let facet_sql = format!(
        "WITH m AS MATERIALIZED (SELECT l.id, l.kind, l.country, l.province_id, l.destination_province_id, l.sector, \
         l.hs_chapter, l.org_verified, {}, {}, {} FROM {from} WHERE {cond}) {FACETS_SQL}",
        lang("vi"),
        lang("lo"),
        lang("en")
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(backend, sql(facet_sql), values))
        .await?;
    let mut total = 0u64;
    let mut groups: HashMap<String, u64> = HashMap::new();
    for r in &rows {
        let facet: String = r.try_get_by_index(0)?;
        let n: i64 = r.try_get_by_index(2)?;
        if facet == "kind" {
            total += n as u64;
        }
        if n > 0 {
            *groups.entry(facet).or_default() += 1;
        }
    }
    Ok(Outcome {
        total,
        page,
        facet_groups: groups.len(),
    })
}

// ---------------------------------------------------------------- timing

struct Timing {
    engine: &'static str,
    times: Vec<Duration>,
    total: u64,
    page: Vec<i64>,
    facet_groups: usize,
}

impl Timing {
    fn p(&self, p: f64) -> f64 {
        ms(percentile(&self.times, p))
    }
}

/// Each query on every engine; within a query the engines take turns, iteration by iteration.
async fn run_mix(engines: &[Engine<'_>], mix: &[QuerySpec], args: &Args) -> Result<Vec<Vec<Timing>>> {
    let mut all = Vec::new();
    for q in mix {
        let mut timings: Vec<Timing> = Vec::new();
        for engine in engines {
            let mut last = None;
            for _ in 0..args.warmup {
                last = Some(run_once(engine, q).await?);
            }
            let last = match last {
                Some(o) => o,
                None => run_once(engine, q).await?,
            };
            timings.push(Timing {
                engine: engine.name(),
                times: Vec::with_capacity(args.iterations),
                total: last.total,
                page: last.page,
                facet_groups: last.facet_groups,
            });
        }
        let mut spent = vec![Duration::ZERO; engines.len()];
        for i in 0..args.iterations {
            let mut any = false;
            for (e, engine) in engines.iter().enumerate() {
                if i >= 20 && spent[e].as_secs_f64() > args.max_seconds {
                    continue;
                }
                any = true;
                let t = Instant::now();
                run_once(engine, q).await?;
                let d = t.elapsed();
                spent[e] += d;
                timings[e].times.push(d);
            }
            if !any {
                break;
            }
        }
        for t in &mut timings {
            t.times.sort();
        }
        print_query(q, &timings);
        all.push(timings);
    }
    Ok(all)
}

fn print_query(q: &QuerySpec, timings: &[Timing]) {
    let mut line = format!("    {:<30}", q.name);
    for t in timings {
        line.push_str(&format!(
            " | {:>8.2} {:>8.2} {:>7} {:>2}f {:>4}n",
            t.p(50.0),
            t.p(99.0),
            t.total,
            t.facet_groups,
            t.times.len()
        ));
    }
    println!("{line}");
}

fn print_summary(mix: &[QuerySpec], results: &[Vec<Timing>]) {
    let engines: Vec<&str> = results[0].iter().map(|t| t.engine).collect();
    println!("  ratios, alternative / tantivy (index only), per query:");
    for (e, name) in engines.iter().enumerate().skip(1) {
        println!("    {name}:");
        for (q, timings) in mix.iter().zip(results) {
            let base = &timings[0];
            let other = &timings[e];
            let overlap = other.page.iter().filter(|id| base.page.contains(id)).count();
            println!(
                "      {:<30} p50 {:>7.1}×  p99 {:>7.1}×  hits {} vs {}  page overlap {}/{}",
                q.name,
                other.p(50.0) / base.p(50.0).max(1e-6),
                other.p(99.0) / base.p(99.0).max(1e-6),
                other.total,
                base.total,
                overlap,
                base.page.len()
            );
        }
    }
    println!("  overall (all iterations of all queries pooled), ms:");
    let mut pooled: Vec<Vec<Duration>> = vec![Vec::new(); engines.len()];
    for timings in results {
        for (e, t) in timings.iter().enumerate() {
            pooled[e].extend(t.times.iter().copied());
        }
    }
    for p in &mut pooled {
        p.sort();
    }
    let base50 = ms(percentile(&pooled[0], 50.0));
    let base99 = ms(percentile(&pooled[0], 99.0));
    for (e, name) in engines.iter().enumerate() {
        let p50 = ms(percentile(&pooled[e], 50.0));
        let p99 = ms(percentile(&pooled[e], 99.0));
        println!(
            "    {name:<12} p50 {p50:>8.2}  p99 {p99:>8.2}  max {:>8.2}  (n = {})  ratio to tantivy: p50 {:.1}×, p99 {:.1}×",
            ms(*pooled[e].last().unwrap_or(&Duration::ZERO)),
            pooled[e].len(),
            p50 / base50.max(1e-6),
            p99 / base99.max(1e-6)
        );
    }
}

// ---------------------------------------------------------------- building

fn dir_size(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

async fn exec(db: &DatabaseConnection, sql: &str) -> Result<()> {
    db.execute_unprepared(sql).await.with_context(|| sql.to_owned())?;
    Ok(())
}

async fn scalar_i64(db: &DatabaseConnection, sql: &str) -> Result<i64> {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?
        .context("no row")?;
    Ok(row.try_get_by_index::<i64>(0)?)
}

/// The text the index gets (title, body of `index::listing_docs`) into `bench_text`, so the SQL
/// engines search exactly the same words.
async fn write_text_table(db: &DatabaseConnection) -> Result<(usize, Duration)> {
    let started = Instant::now();
    let backend = db.get_database_backend();
    exec(
        db,
        "CREATE TABLE bench_text (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)",
    )
    .await?;
    let ids: Vec<i32> = db
        .query_all_raw(Statement::from_string(backend, "SELECT id FROM listings ORDER BY id"))
        .await?
        .iter()
        .map(|r| r.try_get_by_index::<i32>(0))
        .collect::<Result<_, _>>()?;
    let mut written = 0;
    for chunk in ids.chunks(500) {
        let docs = app::domain::search::docs::listing_docs(db, chunk)
            .await
            .map_err(|e| anyhow!("{e:?}"))?;
        let docs: Vec<_> = docs.into_iter().filter_map(|(_, d)| d.map(|d| (d.id, d))).collect();
        if docs.is_empty() {
            continue;
        }
        let mut values: Vec<Value> = Vec::with_capacity(docs.len() * 3);
        let mut marks = Vec::with_capacity(docs.len());
        for (id, doc) in docs {
            marks.push("(?, ?, ?)");
            values.push(id.into());
            values.push(doc.title.into());
            values.push(doc.body.into());
        }
        written += marks.len();
        let sql = format!("INSERT INTO bench_text (id, title, body) VALUES {}", marks.join(", "));
        let sql = if backend == DbBackend::Postgres {
            numbered(&sql)
        } else {
            sql
        };
        db.execute_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?;
    }
    Ok((written, started.elapsed()))
}

/// SQLite FTS5 over `bench_text`: contentless (the text is in `bench_text`), unicode61 with
/// diacritics removed. Returns build and optimize times and the size of its shadow tables.
async fn build_fts5(db: &DatabaseConnection) -> Result<(Duration, Duration, u64)> {
    let options: Vec<String> = db
        .query_all_raw(Statement::from_string(DbBackend::Sqlite, "PRAGMA compile_options"))
        .await?
        .iter()
        .filter_map(|r| r.try_get_by_index::<String>(0).ok())
        .collect();
    let version = db
        .query_one_raw(Statement::from_string(DbBackend::Sqlite, "SELECT sqlite_version()"))
        .await?
        .and_then(|r| r.try_get_by_index::<String>(0).ok())
        .unwrap_or_default();
    println!(
        "SQLite {version}: ENABLE_FTS5 {}, ENABLE_DBSTAT_VTAB {}",
        options.iter().any(|o| o == "ENABLE_FTS5"),
        options.iter().any(|o| o == "ENABLE_DBSTAT_VTAB")
    );
    let t = Instant::now();
    exec(
        db,
        "CREATE VIRTUAL TABLE bench_fts USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 2')",
    )
    .await?;
    exec(
        db,
        "INSERT INTO bench_fts (rowid, title, body) SELECT id, title, body FROM bench_text",
    )
    .await?;
    let build = t.elapsed();
    let t = Instant::now();
    exec(db, "INSERT INTO bench_fts (bench_fts) VALUES ('optimize')").await?;
    let optimize = t.elapsed();
    let size = scalar_i64(db, "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'bench_fts%'").await?;
    Ok((build, optimize, size as u64))
}

/// PostgreSQL: `bench_tsv (id, tsv)` with title weighted A and body D, config `bench_search` =
/// simple + unaccent when the extension can be created, else simple; a GIN index.
async fn build_pg(db: &DatabaseConnection) -> Result<(Duration, Duration, u64, u64, bool)> {
    let unaccent = db
        .execute_unprepared("CREATE EXTENSION IF NOT EXISTS unaccent")
        .await
        .is_ok();
    exec(db, "CREATE TEXT SEARCH CONFIGURATION bench_search (COPY = simple)").await?;
    if unaccent {
        exec(
            db,
            "ALTER TEXT SEARCH CONFIGURATION bench_search ALTER MAPPING FOR word, hword, hword_part, asciiword, asciihword, hword_asciipart WITH unaccent, simple",
        )
        .await?;
    }
    println!(
        "PostgreSQL text search config bench_search = simple{}",
        if unaccent {
            " + unaccent"
        } else {
            " (unaccent NOT available)"
        }
    );
    let t = Instant::now();
    exec(
        db,
        "CREATE TABLE bench_tsv (id INTEGER PRIMARY KEY, tsv tsvector NOT NULL)",
    )
    .await?;
    exec(
        db,
        "INSERT INTO bench_tsv (id, tsv) SELECT id, setweight(to_tsvector('bench_search', title), 'A') || \
         setweight(to_tsvector('bench_search', body), 'D') FROM bench_text",
    )
    .await?;
    let fill = t.elapsed();
    let t = Instant::now();
    exec(db, "CREATE INDEX bench_tsv_gin ON bench_tsv USING GIN (tsv)").await?;
    exec(db, "ANALYZE bench_tsv").await?;
    let gin = t.elapsed();
    let table = scalar_i64(db, "SELECT pg_table_size('bench_tsv')::bigint").await?;
    let index = scalar_i64(db, "SELECT pg_relation_size('bench_tsv_gin')::bigint").await?;
    Ok((fill, gin, table as u64, index as u64, unaccent))
}

// ---------------------------------------------------------------- indexing lag

/// Lowercase letters for `n`, two letters per digit so two tokens differ in at least two letters
/// (the index also matches Latin words at edit distance 1).
fn token(n: usize) -> String {
    let digits = format!("{n:06}");
    let mut out = String::from("zq");
    for d in digits.bytes() {
        let d = (d - b'0') as usize;
        out.push((b'a' + d as u8) as char);
        out.push((b'p' + d as u8) as char);
    }
    out
}

struct Written {
    id: i32,
    token: String,
    committed: Instant,
}

#[allow(clippy::too_many_arguments)]
async fn lag_test(
    db: &DatabaseConnection,
    index: &SearchIndex,
    places: &Places,
    refs: &RefData,
    args: &Args,
    poll: Duration,
    rng: &mut Rng,
    round: usize,
) -> Result<()> {
    let n = (args.lag_seconds * args.lag_rate) as usize;
    let csv = generate_varied(n, places, rng);
    let text = csv_io::decode(&csv).map_err(|e| anyhow!("{e:?}"))?;
    let mut rows: Vec<Valid> =
        csv_io::check(Kind::Commodity, text, refs, browse::now_micros(), |_| {}).map_err(|e| anyhow!("{e:?}"))?;
    let mut tokens = Vec::with_capacity(n);
    for (i, row) in rows.iter_mut().enumerate() {
        let tok = token(round * 1_000_000 + i);
        for title in row.titles.iter_mut().flatten() {
            title.push(' ');
            title.push_str(&tok);
        }
        tokens.push(tok);
    }
    let org = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq("moit-vietnam"))
        .one(db)
        .await?
        .context("organisation")?;
    let caught = index.catch_up(db).await?;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Written>();
    let writer_db = db.clone();
    let interval = Duration::from_secs_f64(1.0 / args.lag_rate as f64);
    let writer = tokio::spawn(async move {
        let start = Instant::now();
        let mut commits = Vec::with_capacity(rows.len());
        for (i, (valid, token)) in rows.into_iter().zip(tokens).enumerate() {
            tokio::time::sleep_until((start + interval * i as u32).into()).await;
            let t = Instant::now();
            let gates = valid.gate_ids.clone();
            let txn = writer_db.begin().await?;
            let row = new_row(valid, &org, None, Status::Published, "web", browse::now_micros())
                .insert(&txn)
                .await?;
            for (position, gate) in gates.into_iter().enumerate() {
                listing_gate::ActiveModel {
                    listing_id: Set(row.id),
                    gate_id: Set(gate),
                    position: Set(position as i32),
                }
                .insert(&txn)
                .await?;
            }
            app::domain::search::outbox::listings_changed(&txn, &[row.id])
                .await
                .map_err(|e| anyhow!("{e:?}"))?;
            txn.commit().await?;
            let committed = Instant::now();
            commits.push(committed - t);
            if tx
                .send(Written {
                    id: row.id,
                    token,
                    committed,
                })
                .is_err()
            {
                break;
            }
        }
        Ok::<_, anyhow::Error>((start.elapsed(), commits))
    });

    let mut waiting: Vec<Written> = Vec::new();
    let mut lags: Vec<Duration> = Vec::new();
    let mut applies: Vec<Duration> = Vec::new();
    let mut searches: Vec<Duration> = Vec::new();
    let mut tick = tokio::time::interval(poll);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut writer_done = false;
    let mut done_at: Option<Instant> = None;
    loop {
        tick.tick().await;
        let t = Instant::now();
        let applied = index.catch_up(db).await?;
        if applied.rows > 0 {
            applies.push(t.elapsed());
        }
        while let Ok(w) = rx.try_recv() {
            waiting.push(w);
        }
        if rx.is_closed() && rx.is_empty() {
            writer_done = true;
        }
        if applied.rows > 0 && !waiting.is_empty() {
            let generation = index.generation().context("generation")?;
            let mut still = Vec::with_capacity(waiting.len());
            for w in waiting.drain(..) {
                let s = Instant::now();
                let raw = query::run(
                    &generation,
                    &SearchRequest::text(&w.token),
                    Utc::now().timestamp_micros(),
                )?;
                let found = Instant::now();
                searches.push(found - s);
                if raw.hits.iter().any(|h| h.id == i64::from(w.id)) {
                    lags.push(found - w.committed);
                } else {
                    still.push(w);
                }
            }
            waiting = still;
        }
        if writer_done {
            let at = *done_at.get_or_insert_with(Instant::now);
            if waiting.is_empty() || at.elapsed() > Duration::from_secs(30) {
                break;
            }
        }
    }
    let (wrote_for, mut commits) = writer.await??;
    commits.sort();
    lags.sort();
    applies.sort();
    searches.sort();
    let made = commits.len();
    println!(
        "  poll {} ms: {made} listings in {:.1} s ({:.1}/s; commit p50 {:.2} ms, p99 {:.2} ms; caught up {} outbox rows first)",
        poll.as_millis(),
        wrote_for.as_secs_f64(),
        made as f64 / wrote_for.as_secs_f64(),
        ms(percentile(&commits, 50.0)),
        ms(percentile(&commits, 99.0)),
        caught.rows
    );
    println!(
        "    lag commit → searchable: p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms; found {}/{made}{}",
        ms(percentile(&lags, 50.0)),
        ms(percentile(&lags, 99.0)),
        ms(*lags.last().unwrap_or(&Duration::ZERO)),
        lags.len(),
        if waiting.is_empty() {
            String::new()
        } else {
            format!(" ({} NOT found 30 s after the writer stopped)", waiting.len())
        }
    );
    println!(
        "    catch_up with rows: {} calls, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; check search p50 {:.2} ms",
        applies.len(),
        ms(percentile(&applies, 50.0)),
        ms(percentile(&applies, 99.0)),
        ms(*applies.last().unwrap_or(&Duration::ZERO)),
        ms(percentile(&searches, 50.0))
    );
    println!(
        "    target lag ≤ 1 s: {}",
        if !lags.is_empty() && waiting.is_empty() && ms(*lags.last().unwrap_or(&Duration::ZERO)) <= 1000.0 {
            "met (max)"
        } else if !lags.is_empty() && ms(percentile(&lags, 99.0)) <= 1000.0 {
            "met at p99, max over"
        } else {
            "MISSED"
        }
    );
    Ok(())
}

// ---------------------------------------------------------------- one backend

async fn bench_backend(label: &str, db: &DatabaseConnection, args: &Args, root: &Path) -> Result<()> {
    println!("\n=== {label} ===");
    let backend = db.get_database_backend();
    let t = Instant::now();
    app::domain::db::migrate(db).await?;
    app::domain::seed::seed(db).await.map_err(|e| anyhow!("seed: {e:?}"))?;
    println!("migrate + seed: {:.1} s", t.elapsed().as_secs_f64());
    let refs = RefData::load(db).await.map_err(|e| anyhow!("{e:?}"))?;
    let places = Places::from(&refs);

    // 1. Load.
    let mut rng = Rng(args.seed);
    let orgs = [
        "viet-lao-az",
        "moic-laos",
        "moit-vietnam",
        "lao-embassy-hanoi",
        "hung-aloun-logistics",
    ];
    let t = Instant::now();
    let mut done = 0;
    let mut part = 0;
    let mut csv_bytes = 0;
    while done < args.rows {
        let n = args.chunk.min(args.rows - done);
        let csv = generate_varied(n, &places, &mut rng);
        csv_bytes += csv.len();
        timed_import(db, orgs[part % orgs.len()], &csv).await?;
        done += n;
        part += 1;
    }
    let load = t.elapsed();
    organisation::Entity::update_many()
        .col_expr(organisation::Column::VerifiedAt, Expr::value(Utc::now()))
        .filter(organisation::Column::Slug.is_in(["viet-lao-az", "moic-laos"]))
        .exec(db)
        .await?;
    for slug in ["viet-lao-az", "moic-laos"] {
        let org = app::domain::organisations::find_by_slug(db, slug)
            .await
            .map_err(|e| anyhow!("{e:?}"))?;
        store::set_org_verified(db, org.id, true)
            .await
            .map_err(|e| anyhow!("{e:?}"))?;
    }
    if backend == DbBackend::Postgres {
        exec(db, "ANALYZE").await?;
    }
    let last_write = Instant::now();
    println!(
        "loaded {done} listings ({:.0} MB CSV, {part} imports over {} organisations) in {:.1} s ({:.0} rows/s)",
        csv_bytes as f64 / 1e6,
        orgs.len(),
        load.as_secs_f64(),
        rate(done, load)
    );

    // 2. Tantivy full rebuild. Its watermark is the last outbox row older than GAP_GRACE: wait
    // that long so it covers the load (else the tailer would apply the whole load again).
    let settle = index::GAP_GRACE + Duration::from_millis(500);
    if let Some(rest) = settle.checked_sub(last_write.elapsed()) {
        tokio::time::sleep(rest).await;
    }
    let search_index = SearchIndex::empty(root);
    let mut last_print = Instant::now();
    let report = search_index
        .rebuild(db, &mut |done, total| {
            if last_print.elapsed() > Duration::from_secs(10) {
                println!("  rebuild: {done}/{total}");
                last_print = Instant::now();
            }
        })
        .await?;
    let generation = search_index.generation().context("generation after rebuild")?;
    let index_bytes = dir_size(&root.join(&report.generation));
    println!(
        "tantivy rebuild: {} documents in {:.1} s ({:.0} docs/s), {} segments, generation on disk {:.1} MB; target ≤ 60 s: {}",
        report.documents,
        report.elapsed.as_secs_f64(),
        report.documents as f64 / report.elapsed.as_secs_f64(),
        generation.reader.searcher().segment_readers().len(),
        index_bytes as f64 / 1e6,
        if report.elapsed.as_secs_f64() <= 60.0 { "met" } else { "MISSED" }
    );
    let caught = search_index.catch_up(db).await?;
    println!("  outbox after the rebuild: {} rows applied", caught.rows);

    // 3. The SQL alternative, on the same text.
    let (texts, text_time) = write_text_table(db).await?;
    println!(
        "side table bench_text (title, body of index::listing_docs, for the SQL engines): {texts} rows in {:.1} s (not part of their build times)",
        text_time.as_secs_f64()
    );
    let sql = if backend == DbBackend::Sqlite {
        let (build, optimize, size) = build_fts5(db).await?;
        println!(
            "fts5 build: {:.1} s ({:.0} docs/s) + optimize {:.1} s; size {:.1} MB (dbstat, bench_fts* shadow tables; contentless, the text itself is not counted)",
            build.as_secs_f64(),
            rate(texts, build),
            optimize.as_secs_f64(),
            size as f64 / 1e6
        );
        Sql::Fts5
    } else {
        let (fill, gin, table, index, _) = build_pg(db).await?;
        println!(
            "pg-fts build: tsvector table {:.1} s + GIN index {:.1} s = {:.1} s ({:.0} docs/s); size: tsvector table {:.1} MB + GIN {:.1} MB",
            fill.as_secs_f64(),
            gin.as_secs_f64(),
            (fill + gin).as_secs_f64(),
            rate(texts, fill + gin),
            table as f64 / 1e6,
            index as f64 / 1e6
        );
        Sql::Postgres
    };

    // 4. The query mix.
    let mix = query_mix(&places);
    let engines = [
        Engine::Tantivy(&generation),
        Engine::Sql(db, sql),
        Engine::TantivyFull(db, &search_index),
    ];
    println!(
        "\nquery mix: {} queries, page 20 + facet counts, {} iterations after {} warm-up (engine capped at {} s per query), ms",
        mix.len(),
        args.iterations,
        args.warmup,
        args.max_seconds
    );
    let mut header = format!("    {:<30}", "query");
    for e in &engines {
        header.push_str(&format!(" | {:<36}", format!("{} p50 p99 hits facets n", e.name())));
    }
    println!("{header}");
    let results = run_mix(&engines, &mix, args).await?;
    print_summary(&mix, &results);
    let tantivy: Vec<Duration> = {
        let mut all: Vec<Duration> = results.iter().flat_map(|t| t[0].times.iter().copied()).collect();
        all.sort();
        all
    };
    let worst_p99 = results.iter().map(|t| t[0].p(99.0)).fold(0.0, f64::max);
    println!(
        "  targets (tantivy, index with facets): overall p50 {:.2} ms ≤ 5: {}; overall p99 {:.2} ms ≤ 30: {} (worst query p99 {:.2} ms)",
        ms(percentile(&tantivy, 50.0)),
        if ms(percentile(&tantivy, 50.0)) <= 5.0 { "met" } else { "MISSED" },
        ms(percentile(&tantivy, 99.0)),
        if ms(percentile(&tantivy, 99.0)) <= 30.0 { "met" } else { "MISSED" },
        worst_p99
    );
    let slower = results.iter().filter(|t| t[1].p(99.0) >= 10.0 * t[0].p(99.0)).count();
    println!(
        "  ≥ 10× faster than {} at p99: {slower} of {} queries",
        engines[1].name(),
        results.len()
    );

    // 5. Indexing lag.
    if args.lag_seconds > 0 && (backend == DbBackend::Sqlite || args.lag_postgres) {
        println!(
            "\nindexing lag: {} listings/s for {} s through the store's transaction (listing, gates, outbox row); tailer = catch_up every poll",
            args.lag_rate, args.lag_seconds
        );
        for (round, poll) in args.lag_polls.iter().enumerate() {
            lag_test(
                db,
                &search_index,
                &places,
                &refs,
                args,
                Duration::from_millis(*poll),
                &mut rng,
                round,
            )
            .await?;
        }
    }
    drop(generation);
    println!(
        "tantivy index directory at the end: {:.1} MB",
        dir_size(root) as f64 / 1e6
    );
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::parse();
    // Internal errors carry only a reference; their detail goes to the log (standard error).
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(tracing_subscriber::EnvFilter::new("warn,sqlx=off"))
        .init();
    println!(
        "bench-search: rows {}, iterations {}, warmup {}, seed {}, {} CPUs, {}",
        args.rows,
        args.iterations,
        args.warmup,
        args.seed,
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        Utc::now().format("%Y-%m-%d %H:%M UTC")
    );
    let dir = std::env::temp_dir().join(format!("corridor-bench-search-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let mut outcome = Ok(());
    if !args.no_sqlite {
        let path = dir.join("bench.db");
        let db = app::domain::db::connect(&format!("sqlite://{}?mode=rwc", path.display())).await?;
        let result = bench_backend("SQLite (file, WAL)", &db, &args, &dir.join("search-sqlite")).await;
        db.close().await?;
        let size: u64 = std::fs::read_dir(&dir)?
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_file())
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum();
        println!(
            "SQLite files (db + wal, incl. bench_text and bench_fts): {:.1} MB",
            size as f64 / 1e6
        );
        std::fs::remove_dir_all(dir.join("search-sqlite")).ok();
        if let Err(e) = result {
            println!("SQLite run failed: {e:#}");
            outcome = Err(e);
        }
    }
    if let Some(url) = &args.postgres {
        let admin = app::domain::db::connect(url).await?;
        let name = format!("corridor_bench_{}", std::process::id());
        admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await?;
        let (base, _) = url.rsplit_once('/').context("postgres URL ends with /database")?;
        let db = app::domain::db::connect(&format!("{base}/{name}")).await?;
        let result = bench_backend("PostgreSQL", &db, &args, &dir.join("search-postgres")).await;
        if let Ok(size) = scalar_i64(&db, "SELECT pg_database_size(current_database())::bigint").await {
            println!(
                "PostgreSQL database size (incl. bench_text and bench_tsv): {:.1} MB",
                size as f64 / 1e6
            );
        }
        db.close().await?;
        admin.execute_unprepared(&format!("DROP DATABASE {name}")).await?;
        if let Err(e) = result {
            println!("PostgreSQL run failed: {e:#}");
            outcome = outcome.and(Err(e));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    match peak_rss_kb() {
        Some(kb) => println!("\npeak RSS (VmHWM): {:.0} MB", kb as f64 / 1024.0),
        None => println!("\npeak RSS unavailable"),
    }
    outcome
}
