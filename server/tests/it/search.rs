//! Search: the index follows the search outbox exactly once (also across a crash), rebuilds
//! swap atomically, queries in three languages, facets, permissions, and the API — on both
//! databases.
use crate::helpers::{seeded_database, TestDb};
use app::domain::entities::{listing, search_outbox};
use app::domain::listings::browse::public_condition;
use app::domain::listings::store;
use app::domain::search::index::{changes_of, pending};
use app::domain::search::{search, SearchIndex};
use app::i18n::Lang;
use app::model::{SearchParams, SearchResults};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};

/// A seeded database with the demo listings (each with its outbox row).
pub async fn demo_database() -> TestDb {
    let test_db = seeded_database().await;
    app::domain::seed::seed_demo_listings(&test_db.db)
        .await
        .expect("demo listings");
    test_db
}

pub async fn public_count(db: &DatabaseConnection) -> u64 {
    listing::Entity::find()
        .filter(public_condition(Utc::now()))
        .count(db)
        .await
        .expect("count")
}

pub async fn find(db: &DatabaseConnection, index: &SearchIndex, q: &str) -> SearchResults {
    let params = SearchParams {
        q: q.to_owned(),
        ..SearchParams::default()
    };
    search(db, Some(index), &params, Lang::En)
        .await
        .expect("search answers")
}

pub fn ids(results: &SearchResults) -> Vec<i32> {
    results.hits.iter().map(|h| h.listing.id).collect()
}

async fn id_by_title(db: &DatabaseConnection, title_en: &str) -> i32 {
    listing::Entity::find()
        .filter(listing::Column::TitleEn.eq(title_en))
        .one(db)
        .await
        .expect("query")
        .unwrap_or_else(|| panic!("listing {title_en}"))
        .id
}

/// Changes a listing as the store does: the row and its outbox row.
async fn change(db: &DatabaseConnection, id: i32, edit: impl FnOnce(&mut listing::ActiveModel)) {
    let row = listing::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("query")
        .expect("row");
    let mut active: listing::ActiveModel = row.into();
    edit(&mut active);
    active.updated_at = Set(Utc::now());
    active.update(db).await.expect("update");
    store::enqueue_index(db, id, "upsert").await.expect("outbox row");
}

#[tokio::test]
async fn search_index_applies_the_outbox_and_finds_listings() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let dir = tempfile::tempdir().expect("dir");
    let index = SearchIndex::create(dir.path()).expect("index");
    let applied = index.catch_up(db).await.expect("apply");
    let last = search_outbox::Entity::find().count(db).await.expect("count");
    assert!(applied.rows as u64 >= last.min(1), "{applied:?}");
    let generation = index.generation().expect("generation");
    assert_eq!(generation.num_docs(), public_count(db).await);
    assert!(generation.num_docs() >= 10, "{}", generation.num_docs());
    let results = find(db, &index, "natural rubber").await;
    let rubber = id_by_title(db, "Natural rubber RSS3 sheets from Attapeu").await;
    assert!(ids(&results).contains(&rubber), "{:?}", ids(&results));
    // The watermark is in the commit: a reopened index starts from it.
    let watermark = generation.watermark();
    drop(generation);
    drop(index);
    let reopened = SearchIndex::open(dir.path()).expect("reopen");
    assert_eq!(reopened.generation().expect("generation").watermark(), watermark);
}

#[tokio::test]
async fn search_index_update_replaces_the_document_and_unpublishing_deletes_it() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let dir = tempfile::tempdir().expect("dir");
    let index = SearchIndex::create(dir.path()).expect("index");
    index.catch_up(db).await.expect("apply");
    let before = index.generation().expect("generation").num_docs();
    let id = id_by_title(db, "Licensed sawn timber").await;
    change(db, id, |l| l.title_en = Set(Some("Licensed sawn teakwood".into()))).await;
    change(db, id, |l| {
        l.description_en = Set(Some("Kiln dried, FSC chain of custody.".into()))
    })
    .await;
    index.catch_up(db).await.expect("apply");
    assert_eq!(index.generation().expect("generation").num_docs(), before);
    assert_eq!(ids(&find(db, &index, "teakwood").await), [id]);
    assert!(find(db, &index, "kiln").await.hits.len() == 1);
    // Back to draft: gone from the index, not only hidden.
    change(db, id, |l| l.status = Set("draft".into())).await;
    index.catch_up(db).await.expect("apply");
    assert_eq!(index.generation().expect("generation").num_docs(), before - 1);
    assert!(find(db, &index, "teakwood").await.hits.is_empty());
}

#[tokio::test]
async fn search_index_resumes_from_its_commit_after_a_crash_between_db_and_index_commit() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let dir = tempfile::tempdir().expect("dir");
    let index = SearchIndex::create(dir.path()).expect("index");
    index.catch_up(db).await.expect("apply");
    let watermark = index.generation().expect("generation").watermark();
    let coffee = id_by_title(db, "Bolaven Plateau Arabica green coffee").await;
    let diesel = id_by_title(db, "Diesel fuel 0.05S").await;
    change(db, coffee, |l| {
        l.title_en = Set(Some("Bolaven Plateau Robusta green coffee".into()))
    })
    .await;
    change(db, diesel, |l| l.status = Set("archived".into())).await;
    // The indexer stages the batch, then the process dies before the index commit.
    {
        let generation = index.generation().expect("generation");
        let (rows, _next) = pending(db, watermark, 500).await.expect("pending");
        assert_eq!(rows.len(), 2);
        let changes = changes_of(db, &rows).await.expect("changes");
        generation.stage(&changes).expect("stage");
    }
    drop(index);
    let reopened = SearchIndex::open(dir.path()).expect("reopen after the crash");
    let generation = reopened.generation().expect("generation");
    assert_eq!(generation.watermark(), watermark, "resumes from the committed position");
    assert!(
        find(db, &reopened, "robusta").await.hits.is_empty(),
        "nothing uncommitted survived"
    );
    drop(generation);
    reopened.catch_up(db).await.expect("apply again");
    let generation = reopened.generation().expect("generation");
    assert_eq!(generation.num_docs(), public_count(db).await);
    assert_eq!(ids(&find(db, &reopened, "robusta").await), [coffee]);
    assert!(!ids(&find(db, &reopened, "diesel").await).contains(&diesel));
    // Applying again changes nothing: no duplicates.
    let again = reopened.apply_outbox(db, 500).await.expect("apply");
    assert_eq!(again.rows, 0);
    assert_eq!(generation.num_docs(), public_count(db).await);
}

#[tokio::test]
async fn search_rebuild_swaps_generations_while_the_old_one_answers() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let dir = tempfile::tempdir().expect("dir");
    // Nothing on disk yet: start-up builds it.
    let index = SearchIndex::open_or_rebuild(db, dir.path()).await.expect("built");
    let first = index.generation().expect("generation");
    assert_eq!(first.num_docs(), public_count(db).await);
    // `corridor reindex` in another process: a fresh generation, then the pointer moves.
    let mut calls = Vec::new();
    let report = app::domain::search::rebuild(db, dir.path(), &mut |done, total| calls.push((done, total)))
        .await
        .expect("rebuild");
    assert_eq!(report.documents, public_count(db).await);
    assert_eq!(calls.last().copied(), Some((report.documents, report.documents)));
    assert_ne!(report.generation, first.name);
    // Until the server looks at the pointer, the old generation answers.
    assert_eq!(index.generation().expect("generation").name, first.name);
    assert!(!find(db, &index, "cassava").await.hits.is_empty());
    assert!(index.refresh().expect("refresh"));
    let second = index.generation().expect("generation");
    assert_eq!(second.name, report.generation);
    assert_eq!(second.num_docs(), first.num_docs());
    assert!(!find(db, &index, "cassava").await.hits.is_empty());
    // Searches still holding the old generation keep working.
    let old = app::domain::search::query::run(
        &first,
        &app::domain::search::query::SearchRequest::text("cassava"),
        Utc::now().timestamp_micros(),
    )
    .expect("old generation answers");
    assert_eq!(old.total, 1);
    // The one replaced is kept for such searches; the one before it goes on the next swap.
    assert!(dir.path().join(&first.name).exists());
    drop(first);
    let third = app::domain::search::rebuild(db, dir.path(), &mut |_, _| {})
        .await
        .expect("rebuild");
    assert!(index.refresh().expect("refresh"));
    assert_eq!(index.generation().expect("generation").name, third.generation);
    let generations = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .filter(|e| e.path().is_dir())
        .count();
    assert_eq!(generations, 2, "current and the one it replaced");
    // Changes made after the snapshot still arrive through the outbox.
    let timber = id_by_title(db, "Licensed sawn timber").await;
    change(db, timber, |l| l.title_en = Set(Some("Licensed sawn rosewood".into()))).await;
    index.catch_up(db).await.expect("apply");
    assert_eq!(ids(&find(db, &index, "rosewood").await), [timber]);
    assert_eq!(
        index.generation().expect("generation").num_docs(),
        public_count(db).await
    );
}

#[tokio::test]
async fn search_start_up_with_a_corrupt_index_rebuilds_it() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let dir = tempfile::tempdir().expect("dir");
    let index = SearchIndex::create(dir.path()).expect("index");
    index.catch_up(db).await.expect("apply");
    let name = index.generation().expect("generation").name.clone();
    drop(index);
    std::fs::write(dir.path().join(&name).join("meta.json"), b"{ not json").expect("corrupt");
    let why = SearchIndex::open(dir.path()).expect_err("a corrupt index does not open");
    assert!(why.contains(&name), "{why}");
    let index = SearchIndex::open_or_rebuild(db, dir.path()).await.expect("rebuilt");
    let generation = index.generation().expect("generation");
    assert_ne!(generation.name, name);
    assert_eq!(generation.num_docs(), public_count(db).await);
    assert!(!find(db, &index, "excavators").await.hits.is_empty());
    // A pointer to nothing is the same story.
    drop(generation);
    drop(index);
    std::fs::write(dir.path().join("current"), b"g0-missing").expect("pointer");
    let why = SearchIndex::open(dir.path()).expect_err("missing generation");
    assert!(why.contains("g0-missing"), "{why}");
}

#[tokio::test]
async fn search_reindex_command_builds_the_index_with_progress() {
    let test_db = demo_database().await;
    let data = tempfile::tempdir().expect("dir");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_corridor"))
        .arg("reindex")
        .env("DATABASE_URL", &test_db.url)
        .env("CORRIDOR_DATA_DIR", data.path())
        .env("CORRIDOR_LOG", "info")
        .output()
        .expect("run corridor");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("indexing ["), "{stderr}");
    assert!(stderr.contains("search index rebuilt"), "{stderr}");
    let index = SearchIndex::open(&data.path().join("search")).expect("the index is there");
    assert_eq!(
        index.generation().expect("generation").num_docs(),
        public_count(&test_db.db).await
    );
}
