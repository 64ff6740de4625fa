//! Several servers on one database: each keeps its own search index by tailing the same
//! outbox. A listing created through one is found through the other; a server killed with
//! SIGKILL in the middle of a batch resumes from its last commit and ends up with exactly the
//! database's documents; the outbox is pruned only past every live indexer, and an index the
//! pruning left behind rebuilds itself. On SQLite (one file, two processes) and PostgreSQL.
use crate::helpers::TestApp;
use crate::search::{demo_database, document_count};
use app::domain::entities::{search_indexer, search_outbox};
use app::domain::listings::csv_io::{self, Importer};
use app::domain::listings::store::Save;
use app::domain::listings::{Kind, Rules};
use app::domain::search::index::{self as search_index, SearchError};
use app::domain::search::SearchIndex;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `corridor serve` process.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(url: &str, data: &Path, name: &str) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(env!("CARGO_BIN_EXE_corridor"))
            .arg("serve")
            .env("DATABASE_URL", url)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("LEPTOS_OUTPUT_NAME", "corridor")
            .env("CORRIDOR_DATA_DIR", data)
            .env("CORRIDOR_SEARCH_INDEXER", name)
            .env("CORRIDOR_API_RATE_ANONYMOUS", "0")
            .env("CORRIDOR_API_RATE_TOKEN", "0")
            .env("CORRIDOR_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start corridor serve");
        Server { child, port }
    }

    /// A request over a fresh connection: (status, body).
    fn call(&self, method: &str, path: &str, token: Option<&str>, body: Option<&str>) -> Option<(u16, String)> {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
        let mut request = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if let Some(token) = token {
            request.push_str(&format!("Authorization: Bearer {token}\r\n"));
        }
        let body = body.unwrap_or_default();
        if !body.is_empty() {
            request.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        request.push_str("\r\n");
        request.push_str(body);
        stream.write_all(request.as_bytes()).ok()?;
        let mut response = String::new();
        stream.read_to_string(&mut response).ok()?;
        let status = response.get(9..12)?.parse().ok()?;
        let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned())?;
        Some((status, body))
    }

    fn json(&self, path: &str) -> Option<serde_json::Value> {
        let (status, body) = self.call("GET", path, None, None)?;
        (status == 200).then(|| serde_json::from_str(&body).ok())?
    }

    /// (documents, last applied outbox id) of its search index, once it has one.
    fn search_state(&self) -> Option<(u64, i64)> {
        let ready = self.json("/readyz")?;
        let search = &ready["search"];
        Some((search["documents"].as_u64()?, search["outbox_id"].as_i64()?))
    }

    fn wait_until(&self, what: &str, timeout: Duration, mut done: impl FnMut(&Server) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(start.elapsed() < timeout, "{what}: not within {timeout:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGKILL: no shutdown, no last commit.
    fn kill(&mut self) {
        self.child.kill().expect("kill -9");
        self.child.wait().ok();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

async fn last_outbox_id(db: &sea_orm::DatabaseConnection) -> i64 {
    search_outbox::Entity::find()
        .order_by_desc(search_outbox::Column::Id)
        .one(db)
        .await
        .unwrap()
        .map_or(0, |r| r.id)
}

/// `n` commodity offers as a CSV file (the template's example, retitled).
fn commodities_csv(n: usize, word: &str) -> Vec<u8> {
    let template = csv_io::template(Kind::Commodity);
    let mut reader = csv::Reader::from_reader(template.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let example = reader.records().next().unwrap().unwrap();
    let title = headers.iter().position(|h| h == "title_en").unwrap();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&headers).unwrap();
    for i in 0..n {
        let row: Vec<String> = example
            .iter()
            .enumerate()
            .map(|(c, v)| {
                if c == title {
                    format!("{word} steel coil lot {i}")
                } else {
                    v.to_owned()
                }
            })
            .collect();
        writer.write_record(&row).unwrap();
    }
    writer.into_inner().unwrap()
}

#[tokio::test]
async fn two_servers_on_one_database_follow_the_outbox_and_a_killed_one_resumes_exactly() {
    let test_db = demo_database().await;
    let url = test_db.url.clone();
    let app = TestApp::on(test_db);
    let db = app.db.clone();
    let (_, slug, token) = app.org_with_token("ops@quokka.la", "Quokka Freight").await;
    let data_a = tempfile::tempdir().unwrap();
    let data_b = tempfile::tempdir().unwrap();
    let a = Server::start(&url, data_a.path(), "server-a");
    let mut b = Server::start(&url, data_b.path(), "server-b");
    let expected = document_count(&db).await;
    for server in [&a, &b] {
        server.wait_until("the start-up build", Duration::from_secs(60), |s| {
            s.search_state().is_some_and(|(docs, _)| docs == expected)
        });
    }
    // Created through A, found through B within 2 s.
    let body = serde_json::json!({
        "kind": "commodity",
        "title_en": "Wallaby-grade rubber gaskets",
        "direction": "offer",
        "hs_code": "4016.93",
        "province_id": "vn-ha-tinh",
        "publish": true,
    })
    .to_string();
    let (status, created) = a
        .call("POST", "/api/v1/listings", Some(&token), Some(&body))
        .expect("A answers");
    assert_eq!(status, 201, "{created}");
    // The target is 2 s (measured in docs/benchmarks.md); the test allows more, because the
    // two cores of a test machine are shared with the other tests running at the same time.
    let created_at = Instant::now();
    b.wait_until("found through B", Duration::from_secs(10), |s| {
        s.json("/api/v1/search?q=wallaby")
            .is_some_and(|r| r["total"] == 1 && r["hits"][0]["title"] == "Wallaby-grade rubber gaskets")
    });
    eprintln!("created through A, found through B after {:?}", created_at.elapsed());
    // Both servers registered how far they are.
    let start = Instant::now();
    loop {
        let registered = search_indexer::Entity::find().all(&db).await.unwrap();
        let names: Vec<&str> = registered.iter().map(|r| r.name.as_str()).collect();
        if names.contains(&"server-a") && names.contains(&"server-b") {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "{names:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A bulk import (one transaction), then B killed with SIGKILL while it applies the batches.
    let (_, before) = b.search_state().unwrap();
    let written = csv_io::import(
        &db,
        Importer::Operator,
        &slug,
        Kind::Commodity,
        &commodities_csv(2_000, "Numbat"),
        Save::Publish,
        Rules::default(),
        |_, _| {},
    )
    .await
    .expect("import");
    assert_eq!(written, 2_000);
    let last = last_outbox_id(&db).await;
    b.wait_until("B starts applying the import", Duration::from_secs(30), |s| {
        s.search_state().is_some_and(|(_, id)| id > before)
    });
    let (_, at_kill) = b.search_state().unwrap();
    b.kill();
    eprintln!("B killed at outbox id {at_kill} of {last} (started from {before})");
    // Restarted on the same index directory: it resumes from its last commit.
    let b = Server::start(&url, data_b.path(), "server-b");
    let expected = document_count(&db).await;
    b.wait_until("B catches up after the restart", Duration::from_secs(90), |s| {
        s.search_state().is_some_and(|(_, id)| id >= last)
    });
    let (documents, _) = b.search_state().unwrap();
    assert_eq!(documents, expected, "no lost and no duplicate documents");
    let numbats = b.json("/api/v1/search?q=numbat&limit=1").expect("search");
    assert_eq!(numbats["total"], 2_000);
    let everything = b.json("/api/v1/search?q=").expect("search");
    assert_eq!(everything["total"].as_u64(), Some(expected));
    // A has them all too.
    a.wait_until("A catches up", Duration::from_secs(90), |s| {
        s.search_state()
            .is_some_and(|(docs, id)| id >= last && docs == expected)
    });
}

#[tokio::test]
async fn the_outbox_is_pruned_past_every_live_indexer_and_an_index_left_behind_rebuilds() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let dir_a = tempfile::tempdir().unwrap();
    let dir_b = tempfile::tempdir().unwrap();
    let a = SearchIndex::create(dir_a.path()).unwrap();
    let b = SearchIndex::create(dir_b.path()).unwrap();
    a.catch_up(db).await.unwrap();
    b.catch_up(db).await.unwrap();
    search_index::register(db, "a", &a.generation().unwrap()).await.unwrap();
    search_index::register(db, "b", &b.generation().unwrap()).await.unwrap();
    let b_at = b.generation().unwrap().watermark();
    // More changes; only A applies them.
    let ids: Vec<i32> = app::domain::entities::listing::Entity::find()
        .all(db)
        .await
        .unwrap()
        .iter()
        .map(|l| l.id)
        .collect();
    app::domain::search::outbox::listings_changed(db, &ids).await.unwrap();
    a.catch_up(db).await.unwrap();
    search_index::register(db, "a", &a.generation().unwrap()).await.unwrap();
    let a_at = a.generation().unwrap().watermark();
    assert!(a_at > b_at);
    // Pruned only as far as the slower live indexer.
    let retention = Duration::from_secs(3600);
    let pruned = search_index::prune(db, retention).await.unwrap();
    assert_eq!(pruned.through, b_at);
    assert_eq!(pruned.live_indexers, 2);
    let left = search_outbox::Entity::find().count(db).await.unwrap();
    assert_eq!(left as i64, a_at - b_at, "the rows B has not applied stay");
    assert_eq!(search_index::pruned_through(db).await.unwrap(), b_at);
    // Pruning again changes nothing.
    assert_eq!(search_index::prune(db, retention).await.unwrap().rows, 0);
    // B goes quiet for longer than the retention window: it no longer holds the outbox back.
    let mut away: search_indexer::ActiveModel = search_indexer::Entity::find_by_id("b".to_owned())
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .into();
    away.seen_at = Set(chrono::Utc::now() - chrono::Duration::hours(2));
    away.update(db).await.unwrap();
    let pruned = search_index::prune(db, retention).await.unwrap();
    assert_eq!((pruned.through, pruned.live_indexers), (a_at, 1));
    assert_eq!(search_outbox::Entity::find().count(db).await.unwrap(), 0);
    // A new change: A follows it; B finds the hole the pruning left and asks for a rebuild.
    app::domain::search::outbox::gates_changed(db, &["cau-treo".to_owned()])
        .await
        .unwrap();
    assert_eq!(a.catch_up(db).await.unwrap().rows, 1);
    match b.catch_up(db).await {
        Err(SearchError::Behind {
            watermark,
            pruned_through,
        }) => assert_eq!((watermark, pruned_through), (b_at, a_at)),
        other => panic!("expected Behind, got {other:?}"),
    }
    b.rebuild(db, &mut |_, _| {}).await.unwrap();
    let rebuilt = b.generation().unwrap();
    assert!(rebuilt.watermark() >= a_at, "{} < {a_at}", rebuilt.watermark());
    b.catch_up(db).await.unwrap();
    assert_eq!(b.generation().unwrap().num_docs(), document_count(db).await);
    // Rows older than the retention window go even when an indexer has not applied them.
    search_index::register(db, "a", &a.generation().unwrap()).await.unwrap();
    let mut stuck: search_indexer::ActiveModel = search_indexer::Entity::find_by_id("a".to_owned())
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .into();
    stuck.watermark = Set(0);
    stuck.update(db).await.unwrap();
    let old = search_outbox::ActiveModel {
        entity: Set("gate".into()),
        entity_id: Set("lao-bao".into()),
        op: Set("upsert".into()),
        created_at: Set(chrono::Utc::now() - chrono::Duration::hours(3)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let pruned = search_index::prune(db, retention).await.unwrap();
    assert!(pruned.through >= old.id);
    assert!(search_outbox::Entity::find()
        .filter(search_outbox::Column::Id.eq(old.id))
        .one(db)
        .await
        .unwrap()
        .is_none());
}
