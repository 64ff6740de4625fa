//! `TestApp`: the whole router on a fresh database of the backend under test.
use app::state::AppState;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use server::config::Config;
use tower::ServiceExt;

/// Which backend the tests run on: PostgreSQL when `TEST_DATABASE_URL` names a server,
/// SQLite otherwise.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| u.starts_with("postgres"))
}

pub struct TestDb {
    pub url: String,
    pub db: DatabaseConnection,
    // Keeps the SQLite file alive for the test's duration.
    _dir: Option<tempfile::TempDir>,
}

/// A new, empty database (nothing migrated).
pub async fn empty_database() -> TestDb {
    if let Some(admin_url) = postgres_admin_url() {
        let admin = app::domain::db::connect(&admin_url)
            .await
            .expect("connect to the PostgreSQL test server");
        let name = format!("corridor_t_{}", uuid::Uuid::new_v4().simple());
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create test database");
        admin.close().await.ok();
        let base = admin_url
            .rsplit_once('/')
            .map(|(base, _)| base)
            .expect("database url has a path");
        let url = format!("{base}/{name}");
        let db = app::domain::db::connect(&url)
            .await
            .expect("connect to the test database");
        TestDb { url, db, _dir: None }
    } else {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("corridor.db").display());
        let db = app::domain::db::connect(&url)
            .await
            .expect("open the SQLite test database");
        TestDb {
            url,
            db,
            _dir: Some(dir),
        }
    }
}

/// A migrated and seeded database.
pub async fn seeded_database() -> TestDb {
    let test_db = empty_database().await;
    app::domain::db::migrate(&test_db.db).await.expect("migrations apply");
    app::domain::seed::seed(&test_db.db).await.expect("seed loads");
    test_db
}

pub struct TestApp {
    pub router: Router,
    pub db: DatabaseConnection,
    // Keeps the database (and its SQLite file) alive as long as the app.
    _test_db: TestDb,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as it came (images, compressed files).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

impl TestDb {
    /// A directory for this test's uploads.
    pub fn data_dir(&self) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("corridor-test-data-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("test data dir");
        dir
    }
}

impl TestApp {
    /// The portal on a migrated, seeded database.
    pub async fn new() -> TestApp {
        Self::on(seeded_database().await)
    }

    pub fn on(test_db: TestDb) -> TestApp {
        Self::with_site_root(test_db, "target/site")
    }

    /// The portal serving built assets from `site_root`.
    pub fn with_site_root(test_db: TestDb, site_root: &str) -> TestApp {
        Self::with_env(test_db, &[("LEPTOS_SITE_ROOT", site_root)])
    }

    /// The portal with these settings (environment variable name, value) on top of the defaults.
    pub fn with_env(test_db: TestDb, env: &[(&str, &str)]) -> TestApp {
        Self::build(test_db, env, None)
    }

    fn build(
        test_db: TestDb,
        env: &[(&str, &str)],
        search: Option<std::sync::Arc<app::domain::search::SearchIndex>>,
    ) -> TestApp {
        let config = Config::from_lookup(|name| match name {
            "DATABASE_URL" => Some(test_db.url.clone()),
            // Tests read their own writes through paths that bypass HTTP (the database, the
            // indexer): the page cache is off unless a test turns it on (tests/it/page_cache.rs).
            "CORRIDOR_PAGE_CACHE_MS" => Some(env.iter().find(|(k, _)| *k == name).map_or("0", |(_, v)| *v).to_owned()),
            _ => env.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned()),
        })
        .expect("test config");
        let site_root = config.site_root.display().to_string();
        let leptos_options = LeptosOptions::builder()
            .output_name("corridor")
            .site_root(site_root.as_str())
            .build();
        let state = AppState {
            db: test_db.db.clone(),
            leptos_options,
            public_origin: config.public_origin.clone(),
            data_dir: test_db.data_dir(),
            listing_rules: app::domain::listings::Rules {
                hold_unverified: config.hold_unverified_listings,
            },
            search,
            reference: Default::default(),
        };
        TestApp {
            router: server::build_router(state, &config),
            db: test_db.db.clone(),
            _test_db: test_db,
        }
    }

    /// The portal with a search index over its database (caught up with the outbox).
    pub async fn with_search(test_db: TestDb, index_dir: &std::path::Path) -> TestApp {
        let index = app::domain::search::SearchIndex::create(index_dir).expect("search index");
        index.catch_up(&test_db.db).await.expect("index the outbox");
        Self::build(
            test_db,
            &[("LEPTOS_SITE_ROOT", "target/site")],
            Some(std::sync::Arc::new(index)),
        )
    }

    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let response = self.router.clone().oneshot(request).await.expect("router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&self, uri: &str) -> TestResponse {
        self.get_with(uri, &[]).await
    }

    pub async fn get_with(&self, uri: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut builder = Request::builder().method(Method::GET).uri(uri);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        self.request(builder.body(Body::empty()).expect("request")).await
    }
}
