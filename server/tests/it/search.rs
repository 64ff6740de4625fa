//! Search: the index follows the search outbox exactly once (also across a crash), rebuilds
//! swap atomically, queries in three languages, facets, permissions, and the API — on both
//! databases.
use crate::helpers::{seeded_database, TestDb};
use app::domain::entities::{listing, search_outbox};
use app::domain::listings::browse::public_condition;
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

/// Documents the index should hold: public listings, active organisations and every gate.
pub async fn document_count(db: &DatabaseConnection) -> u64 {
    let organisations = app::domain::entities::organisation::Entity::find()
        .filter(app::domain::entities::organisation::Column::Status.eq("active"))
        .count(db)
        .await
        .expect("count");
    let gates = app::domain::entities::border_gate::Entity::find()
        .count(db)
        .await
        .expect("count");
    public_count(db).await + organisations + gates
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
    results
        .hits
        .iter()
        .filter_map(|h| h.listing.as_ref().map(|l| l.id))
        .collect()
}

pub async fn id_by_title(db: &DatabaseConnection, title_en: &str) -> i32 {
    listing::Entity::find()
        .filter(listing::Column::TitleEn.eq(title_en))
        .one(db)
        .await
        .expect("query")
        .unwrap_or_else(|| panic!("listing {title_en}"))
        .id
}

/// Changes a listing as the store does: the row and its outbox row.
pub async fn change(db: &DatabaseConnection, id: i32, edit: impl FnOnce(&mut listing::ActiveModel)) {
    let row = listing::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("query")
        .expect("row");
    let mut active: listing::ActiveModel = row.into();
    edit(&mut active);
    active.updated_at = Set(Utc::now());
    active.update(db).await.expect("update");
    app::domain::search::outbox::listings_changed(db, &[id])
        .await
        .expect("outbox row");
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
    assert_eq!(generation.num_docs(), document_count(db).await);
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
    assert_eq!(generation.num_docs(), document_count(db).await);
    assert_eq!(ids(&find(db, &reopened, "robusta").await), [coffee]);
    assert!(!ids(&find(db, &reopened, "diesel").await).contains(&diesel));
    // Applying again changes nothing: no duplicates.
    let again = reopened.apply_outbox(db, 500).await.expect("apply");
    assert_eq!(again.rows, 0);
    assert_eq!(generation.num_docs(), document_count(db).await);
}

#[tokio::test]
async fn search_rebuild_swaps_generations_while_the_old_one_answers() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let dir = tempfile::tempdir().expect("dir");
    // Nothing on disk yet: start-up builds it.
    let index = SearchIndex::open_or_rebuild(db, dir.path()).await.expect("built");
    let first = index.generation().expect("generation");
    assert_eq!(first.num_docs(), document_count(db).await);
    // `corridor reindex` in another process: a fresh generation, then the pointer moves.
    let mut calls = Vec::new();
    let report = app::domain::search::rebuild(db, dir.path(), &mut |done, total| calls.push((done, total)))
        .await
        .expect("rebuild");
    assert_eq!(report.documents, document_count(db).await);
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
        document_count(db).await
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
    assert_eq!(generation.num_docs(), document_count(db).await);
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
        document_count(&test_db.db).await
    );
}

/// A demo index, caught up.
pub async fn demo_index(db: &DatabaseConnection) -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().expect("dir");
    let index = SearchIndex::create(dir.path()).expect("index");
    index.catch_up(db).await.expect("apply");
    (dir, index)
}

async fn with(db: &DatabaseConnection, index: &SearchIndex, params: SearchParams) -> SearchResults {
    search(db, Some(index), &params, Lang::En)
        .await
        .expect("search answers")
}

#[tokio::test]
async fn search_queries_in_three_languages_with_synonyms_stemming_and_typos() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let (_dir, index) = demo_index(db).await;
    let rubber = id_by_title(db, "Natural rubber RSS3 sheets from Attapeu").await;
    let wanted = id_by_title(db, "Wanted: natural rubber SVR/RSS").await;
    let steel = id_by_title(db, "Hot-rolled steel coil SS400").await;
    let iron = id_by_title(db, "Iron ore and concentrates").await;
    let excavators = id_by_title(db, "Used crawler excavators").await;
    let potash = id_by_title(db, "Potash fertiliser (MOP)").await;
    let diesel = id_by_title(db, "Diesel fuel 0.05S").await;
    let top = |r: &SearchResults, n: usize| ids(r).into_iter().take(n).collect::<Vec<_>>();
    // Vietnamese with and without diacritics.
    for q in ["thép", "thep", "THEP cuon"] {
        assert_eq!(top(&find(db, &index, q).await, 1), [steel], "{q}");
    }
    for q in ["cao su", "cao su tự nhiên", "Cao Su"] {
        let found = ids(&find(db, &index, q).await);
        assert!(found.contains(&rubber) && found.contains(&wanted), "{q}: {found:?}");
    }
    // Lao without spaces: a word inside a longer run, and the synonym across languages.
    let found = ids(&find(db, &index, "ຢາງພາລາ").await);
    assert!(found.contains(&rubber) && found.contains(&wanted), "{found:?}");
    assert!(ids(&find(db, &index, "ທຳມະຊາດ").await).contains(&wanted));
    let found = ids(&find(db, &index, "ເຫຼັກ").await);
    assert!(found.contains(&steel) && found.contains(&iron), "{found:?}");
    // English stemming and synonyms.
    assert_eq!(top(&find(db, &index, "excavator").await, 1), [excavators]);
    assert_eq!(top(&find(db, &index, "fertilizers").await, 1), [potash]);
    assert_eq!(top(&find(db, &index, "phân bón").await, 1), [potash]);
    let found = ids(&find(db, &index, "steel").await);
    assert!(found.contains(&steel), "{found:?}");
    // One typo in a Latin word of 5+ letters.
    assert_eq!(top(&find(db, &index, "diesl").await, 1), [diesel]);
    assert_eq!(top(&find(db, &index, "excavatorz").await, 1), [excavators]);
    // HS code and gate name.
    let found = ids(&find(db, &index, "4001").await);
    assert!(found.contains(&rubber) && found.contains(&wanted), "{found:?}");
    assert!(ids(&find(db, &index, "Cau Treo").await).contains(&steel));
    // Snippets mark the words that matched.
    let results = find(db, &index, "bonded warehousing").await;
    let hit = results.hits.first().expect("a hit");
    assert!(
        hit.snippet
            .iter()
            .any(|p| p.hit && p.text.eq_ignore_ascii_case("warehousing")),
        "{:?}",
        hit.snippet
    );
}

#[tokio::test]
async fn search_bad_input_never_fails() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let (_dir, index) = demo_index(db).await;
    let total = document_count(db).await;
    // Empty: everything, with facets.
    let all = find(db, &index, "").await;
    assert_eq!(all.total, total);
    let kinds = all.facets.iter().find(|f| f.name == "kind").expect("kind facet");
    assert_eq!(kinds.values.iter().map(|v| v.count).sum::<u64>(), total);
    for name in app::model::FACET_NAMES {
        assert!(all.facets.iter().any(|f| f.name == name), "{name}");
    }
    // 10 KB and more, unbalanced quotes, query syntax, control characters.
    let long = "rubber ".repeat(3000);
    assert!(!find(db, &index, &long).await.hits.is_empty());
    let junk = "(((**: AND OR -[ ~2 ^3 \\ } title:".repeat(400);
    find(db, &index, &junk).await;
    assert!(!find(db, &index, "\"cao su").await.hits.is_empty());
    assert!(!find(db, &index, "\"natural rubber\" \"").await.hits.is_empty());
    assert!(!find(db, &index, "title:(steel AND -[").await.hits.is_empty());
    assert!(!find(db, &index, "steel\u{0}\u{7}").await.hits.is_empty());
    let phrase = find(db, &index, "\"rubber natural\"").await;
    assert!(phrase.hits.is_empty() || phrase.total < find(db, &index, "rubber natural").await.total);
    // Unknown facet values: nothing found, no error.
    for params in [
        SearchParams {
            country: "XX".into(),
            ..SearchParams::default()
        },
        SearchParams {
            kind: "spaceships".into(),
            q: "rubber".into(),
            ..SearchParams::default()
        },
        SearchParams {
            gate: "../../etc".into(),
            ..SearchParams::default()
        },
    ] {
        assert_eq!(with(db, &index, params).await.total, 0);
    }
    // A bad sort or cursor is a clear error (422), not a failure.
    for params in [
        SearchParams {
            sort: "sideways".into(),
            ..SearchParams::default()
        },
        SearchParams {
            cursor: "abc".into(),
            ..SearchParams::default()
        },
    ] {
        let err = search(db, Some(&index), &params, Lang::En).await.expect_err("invalid");
        assert_eq!(err.status(), axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    }
    // No index yet: a notice, not an error.
    let none = search(db, None, &SearchParams::default(), Lang::En)
        .await
        .expect("answers");
    assert!(none.notice.is_some());
}

#[tokio::test]
async fn search_filters_combine_sort_and_page() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let (_dir, index) = demo_index(db).await;
    let lao = with(
        db,
        &index,
        SearchParams {
            country: "LA".into(),
            kind: "commodity".into(),
            ..SearchParams::default()
        },
    )
    .await;
    assert!(lao.total >= 5);
    assert!(lao.hits.iter().all(|h| h
        .listing
        .as_ref()
        .is_some_and(|l| l.country == "LA" && l.kind == "commodity")));
    let country = lao.facets.iter().find(|f| f.name == "country").expect("facet");
    let la = country.values.iter().find(|v| v.value == "LA").expect("LA");
    assert!(la.selected);
    assert_eq!(la.count, lao.total);
    // The chosen facet still counts its alternatives (without its own filter, with the others).
    let vn = country
        .values
        .iter()
        .find(|v| v.value == "VN")
        .expect("VN stays listed");
    assert!(!vn.selected);
    let vn_commodities = with(
        db,
        &index,
        SearchParams {
            country: "VN".into(),
            kind: "commodity".into(),
            ..SearchParams::default()
        },
    )
    .await;
    assert_eq!(vn.count, vn_commodities.total);
    assert!(vn.count >= 1);
    // An unselected facet counts within the results.
    let kinds = lao.facets.iter().find(|f| f.name == "kind").expect("facet");
    let commodity = kinds.values.iter().find(|v| v.value == "commodity").expect("commodity");
    assert_eq!(commodity.count, lao.total);
    let gate = with(
        db,
        &index,
        SearchParams {
            q: "rubber".into(),
            gate: "la-lay".into(),
            ..SearchParams::default()
        },
    )
    .await;
    assert_eq!(gate.total, 1);
    assert!(gate.hits[0]
        .listing
        .as_ref()
        .expect("a listing")
        .gates
        .iter()
        .any(|g| g.id == "la-lay"));
    let provinces = gate.facets.iter().find(|f| f.name == "gate").expect("facet");
    assert!(provinces
        .values
        .iter()
        .any(|v| v.value == "la-lay" && v.label.contains("Lay")));
    // Sorts.
    for (sort, key) in [("newest", 0), ("expiring", 1)] {
        let results = with(
            db,
            &index,
            SearchParams {
                sort: sort.into(),
                limit: 100,
                ..SearchParams::default()
            },
        )
        .await;
        let mut keys: Vec<String> = results
            .hits
            .iter()
            .filter_map(|h| h.listing.as_ref())
            .map(|l| {
                if key == 0 {
                    l.published_on.clone().unwrap_or_default()
                } else {
                    l.expires_on.clone()
                }
            })
            .collect();
        if key == 0 {
            keys.reverse();
        }
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{sort}: {keys:?}");
    }
    // Pages: disjoint, complete.
    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = with(
            db,
            &index,
            SearchParams {
                limit: 4,
                cursor: cursor.clone(),
                ..SearchParams::default()
            },
        )
        .await;
        seen.extend(page.hits.iter().map(|h| h.url.clone()));
        match page.next_cursor {
            Some(next) => cursor = next,
            None => break,
        }
    }
    let unique: std::collections::HashSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len());
    assert_eq!(seen.len() as u64, document_count(db).await);
}

#[tokio::test]
async fn search_never_shows_drafts_expired_or_suspended_organisations() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let (_dir, index) = demo_index(db).await;
    let coffee = id_by_title(db, "Bolaven Plateau Arabica green coffee").await;
    let cassava = id_by_title(db, "Dried cassava chips").await;
    let truck = id_by_title(db, "Truck spare parts").await;
    // Changed in the database, the indexer not yet run: the query still hides them.
    let row = listing::Entity::find_by_id(coffee).one(db).await.unwrap().unwrap();
    let mut draft: listing::ActiveModel = row.into();
    draft.status = Set("draft".into());
    draft.update(db).await.unwrap();
    let row = listing::Entity::find_by_id(cassava).one(db).await.unwrap().unwrap();
    let indexed_expiry = row.expires_at;
    let mut expired: listing::ActiveModel = row.into();
    expired.expires_at = Set(Utc::now() - chrono::Duration::minutes(1));
    expired.update(db).await.unwrap();
    assert!(!ids(&find(db, &index, "coffee").await).contains(&coffee));
    assert!(!ids(&find(db, &index, "cassava").await).contains(&cassava));
    // Expiry is checked in the index query itself, against the time of the query: the document
    // still carries its date, and stops matching once that date has passed.
    let raw = |now: chrono::DateTime<Utc>| {
        app::domain::search::query::run(
            &index.generation().unwrap(),
            &app::domain::search::query::SearchRequest::text("cassava"),
            now.timestamp_micros(),
        )
        .unwrap()
        .total
    };
    assert_eq!(raw(indexed_expiry - chrono::Duration::seconds(1)), 1);
    assert_eq!(raw(indexed_expiry), 0);
    // A suspended organisation's listings leave the index through the outbox.
    let org_id = listing::Entity::find_by_id(truck)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .organisation_id;
    let org = app::domain::entities::organisation::Entity::find_by_id(org_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let org_id = org.id;
    let mut suspended: app::domain::entities::organisation::ActiveModel = org.into();
    suspended.status = Set("suspended".into());
    suspended.update(db).await.unwrap();
    app::domain::search::outbox::organisation_and_its_listings_changed(db, org_id)
        .await
        .unwrap();
    index.catch_up(db).await.unwrap();
    assert!(!ids(&find(db, &index, "truck").await).contains(&truck));
    assert_eq!(
        index.generation().unwrap().num_docs(),
        document_count(db).await + 2,
        "the draft and the expired one, not yet told to the index, are still in it (hidden)"
    );
}

#[tokio::test]
async fn search_api_answers_hits_facets_and_problems() {
    let test_db = demo_database().await;
    let dir = tempfile::tempdir().expect("dir");
    let app = crate::helpers::TestApp::with_search(test_db, dir.path()).await;
    let rubber = id_by_title(&app.db, "Natural rubber RSS3 sheets from Attapeu").await;
    let res = app.get("/api/v1/search?q=cao%20su&lang=vi").await;
    assert_eq!(res.status, 200, "{}", res.body);
    let json = res.json();
    let hits: Vec<i64> = json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["listing"]["id"].as_i64().expect("id"))
        .collect();
    assert!(hits.contains(&i64::from(rubber)), "{hits:?}");
    assert!(json["total"].as_u64().expect("total") >= 2);
    assert!(json["facets"]
        .as_array()
        .expect("facets")
        .iter()
        .any(|f| f["name"] == "gate"));
    assert!(res.header("etag").is_some());
    // Facets narrow; an unknown value finds nothing.
    let narrowed = app.get("/api/v1/search?q=rubber&gate=la-lay&verified=0").await.json();
    assert_eq!(narrowed["total"], 1);
    let none = app.get("/api/v1/search?q=rubber&country=XX").await;
    assert_eq!(none.status, 200);
    assert_eq!(none.json()["total"], 0);
    // Bad input: a long query and syntax are fine; a bad sort, cursor or limit is a problem.
    let long = format!("/api/v1/search?q={}", "%22%28rubber%3A".repeat(3000));
    assert_eq!(app.get(&long).await.status, 200);
    assert_eq!(
        app.get("/api/v1/search?q=").await.json()["total"],
        document_count(&app.db).await
    );
    for uri in [
        "/api/v1/search?sort=up",
        "/api/v1/search?cursor=-1",
        "/api/v1/search?limit=0",
        "/api/v1/search?limit=1000",
    ] {
        let res = app.get(uri).await;
        assert_eq!(res.status, 422, "{uri}: {}", res.body);
        assert_eq!(res.header("content-type"), Some("application/problem+json"), "{uri}");
    }
    // Paging through the API.
    let first = app.get("/api/v1/search?limit=3&sort=newest").await.json();
    let cursor = first["next_cursor"].as_str().expect("a next page").to_owned();
    let second = app
        .get(&format!("/api/v1/search?limit=3&sort=newest&cursor={cursor}"))
        .await
        .json();
    assert_ne!(first["hits"][0]["listing"]["id"], second["hits"][0]["listing"]["id"]);
    // Documented.
    let doc = app.get("/api/v1/openapi.json").await.json();
    assert!(doc["paths"]["/api/v1/search"]["get"].is_object());
    assert!(doc["components"]["schemas"]["SearchResults"].is_object());
}

#[tokio::test]
async fn search_api_without_an_index_answers_with_a_notice() {
    let app = crate::helpers::TestApp::new().await;
    let res = app.get("/api/v1/search?q=steel").await;
    assert_eq!(res.status, 200, "{}", res.body);
    assert!(res.json()["notice"].is_string());
}

#[tokio::test]
async fn search_indexer_task_builds_the_missing_index_and_follows_changes_within_a_second() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let dir = tempfile::tempdir().expect("dir");
    let root = dir.path().join("search");
    let settings = server::workers::SearchSettings::new(None, &root, std::time::Duration::from_secs(3600));
    let index = server::workers::start_search(db.clone(), root, settings).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let expected = document_count(db).await;
    while index.generation().is_none_or(|g| g.num_docs() < expected) {
        assert!(std::time::Instant::now() < deadline, "the start-up rebuild finishes");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let potash = id_by_title(db, "Potash fertiliser (MOP)").await;
    change(db, potash, |l| {
        l.title_en = Set(Some("Potash fertiliser granular".into()))
    })
    .await;
    let changed = std::time::Instant::now();
    loop {
        if ids(&find(db, &index, "granular").await) == [potash] {
            break;
        }
        // The worker follows the outbox by itself (no reindex); how fast is a benchmark's
        // figure, not a timed assertion on a shared machine — the bound only stops a hang.
        assert!(
            changed.elapsed() < std::time::Duration::from_secs(10),
            "the change never reached the index"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    eprintln!("index lag {:?}", changed.elapsed());
    assert_eq!(
        index.generation().expect("generation").num_docs(),
        document_count(db).await
    );
}

#[tokio::test]
async fn the_search_page_finds_lao_rubber_from_unaccented_vietnamese_and_facets_narrow_it() {
    let test_db = demo_database().await;
    let dir = tempfile::tempdir().expect("dir");
    let app = crate::helpers::TestApp::with_search(test_db, dir.path()).await;
    // A Vietnamese buyer types "cao su" without accents; the Lao rubber offer is found.
    let page = app.get("/search?q=cao%20su&lang=vi").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Cao su tấm xông khói RSS3 từ Attapeu"),
        "{}",
        page.body
    );
    // Where a description matched, the words are marked.
    let described = app.get("/search?q=warehousing&lang=en").await;
    assert!(
        described.body.contains("<mark>warehousing</mark>"),
        "{}",
        described.body
    );
    // Facet links keep the query and add the filter: the URL is the state, shareable.
    assert!(
        page.body
            .contains("href=\"/search?q=cao%20su&amp;country=LA\" class=\"\">Lào</a>"),
        "{}",
        page.body
    );
    let narrowed = app.get("/search?q=cao%20su&country=LA&lang=vi").await;
    assert!(narrowed.body.contains("Cao su tấm xông khói RSS3"));
    assert!(
        !narrowed.body.contains("Cần mua cao su tự nhiên"),
        "the Vietnamese wanted listing is filtered out"
    );
    // Lao in a longer run, and bad input never errors.
    let lao = app
        .get("/search?q=%E0%BA%A2%E0%BA%B2%E0%BA%87%E0%BA%9E%E0%BA%B2%E0%BA%A5%E0%BA%B2&lang=lo")
        .await;
    assert!(lao.body.contains("ຢາງພາລາແຜ່ນຮົມຄວັນ"), "ຢາງພາລາ finds the rubber offer");
    for q in ["", "%22unbalanced", "%2B%2B%2B%20AND%20(", &"x".repeat(12_000)] {
        let res = app.get(&format!("/search?q={q}")).await;
        assert_eq!(res.status, 200, "{q}");
    }
    let unknown = app.get("/search?q=rubber&province=atlantis&lang=en").await;
    assert_eq!(unknown.status, 200);
    assert!(unknown.body.contains("Nothing matches this search."));
    // Organisations and gate pairs are results too, linked to their pages.
    let gate = app.get("/search?q=cau%20treo&lang=en").await;
    assert!(gate.body.contains("href=\"/gates/cau-treo\""), "{}", gate.body);
    assert!(gate.body.contains("Border gate pair"), "{}", gate.body);
    let org = app.get("/search?q=Hung-Aloun&lang=en").await;
    assert!(org.body.contains("href=\"/orgs/hung-aloun-logistics\""), "{}", org.body);
    // The header search box is on every page.
    assert!(app.get("/").await.body.contains("action=\"/search\""));
}

#[tokio::test]
async fn search_finds_organisations_and_border_gates_and_follows_their_changes() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let (_dir, index) = demo_index(db).await;
    // A gate pair by either side's name, with or without diacritics, or with the words for it.
    for q in [
        "Cầu Treo",
        "cau treo",
        "cửa khẩu Cầu Treo",
        "Cau Treo border gate",
        "Nam Phao",
    ] {
        let results = find(db, &index, q).await;
        let first = results.hits.first().unwrap_or_else(|| panic!("{q}: no hits"));
        assert_eq!(first.url, "/gates/cau-treo", "{q}");
        assert_eq!(first.entity, "gate");
        assert!(first.title.contains("Cau Treo"), "{}", first.title);
    }
    // By its Lao province name, in Lao script.
    let lao = find(db, &index, "ບໍລິຄຳໄຊ").await;
    assert!(lao.hits.iter().any(|h| h.url == "/gates/cau-treo"), "{:?}", lao.hits);
    // Organisations, by name and by what they do.
    let moic = find(db, &index, "Ministry of Industry and Commerce").await;
    let first = moic.hits.first().expect("a hit");
    assert_eq!(first.url, "/orgs/moic-laos");
    assert_eq!(first.entity, "organisation");
    assert_eq!(first.organisation.as_ref().expect("org").slug, "moic-laos");
    // The kind facet narrows to one kind of thing.
    let orgs = with(
        db,
        &index,
        SearchParams {
            kind: "organisation".into(),
            limit: 100,
            ..SearchParams::default()
        },
    )
    .await;
    let active = app::domain::entities::organisation::Entity::find()
        .filter(app::domain::entities::organisation::Column::Status.eq("active"))
        .count(db)
        .await
        .unwrap();
    assert_eq!(orgs.total, active);
    assert!(orgs.hits.iter().all(|h| h.entity == "organisation"));
    let kinds = orgs.facets.iter().find(|f| f.name == "kind").expect("kind facet");
    assert!(kinds
        .values
        .iter()
        .any(|v| v.value == "gate" && v.label == "Border gates" && v.count >= 30));
    // A logistics provider is found by its profile's services and gates (in any language).
    let hung = app::domain::entities::organisation::Entity::find()
        .filter(app::domain::entities::organisation::Column::Slug.eq("hung-aloun-logistics"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    app::domain::entities::logistics_profile::Entity::delete_by_id(hung.id)
        .exec(db)
        .await
        .unwrap();
    app::domain::entities::logistics_profile::ActiveModel {
        organisation_id: Set(hung.id),
        services: Set("warehousing,customs_brokerage".into()),
        gate_ids: Set("cha-lo".into()),
        corridors: Set(None),
        fleet: Set(Some("12 reefer trucks".into())),
        capacity: Set(None),
        updated_at: Set(Utc::now()),
    }
    .insert(db)
    .await
    .unwrap();
    app::domain::search::outbox::organisations_changed(db, &[hung.id])
        .await
        .unwrap();
    index.catch_up(db).await.unwrap();
    for q in ["kho bãi", "reefer", "ການບໍລິການສາງ"] {
        let found = find(db, &index, q).await;
        assert!(
            found.hits.iter().any(|h| h.url == "/orgs/hung-aloun-logistics"),
            "{q}: {:?}",
            found.hits.iter().map(|h| &h.url).collect::<Vec<_>>()
        );
    }
    let at_gate = with(
        db,
        &index,
        SearchParams {
            kind: "organisation".into(),
            gate: "cha-lo".into(),
            ..SearchParams::default()
        },
    )
    .await;
    assert_eq!(
        at_gate.hits.first().map(|h| h.url.as_str()),
        Some("/orgs/hung-aloun-logistics")
    );
    // A renamed organisation is found by its new name once the outbox is applied; a suspended
    // one leaves the index.
    let org = app::domain::entities::organisation::Entity::find()
        .filter(app::domain::entities::organisation::Column::Slug.eq("moic-laos"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let mut renamed: app::domain::entities::organisation::ActiveModel = org.clone().into();
    renamed.name = Set("Lao Ministry of Commerce Quokkas".into());
    renamed.update(db).await.unwrap();
    app::domain::search::outbox::organisation_and_its_listings_changed(db, org.id)
        .await
        .unwrap();
    index.catch_up(db).await.unwrap();
    let found = find(db, &index, "quokkas").await;
    assert_eq!(found.hits.first().map(|h| h.url.as_str()), Some("/orgs/moic-laos"));
    let org_id = org.id;
    let mut suspended: app::domain::entities::organisation::ActiveModel = org.into();
    suspended.status = Set("suspended".into());
    suspended.update(db).await.unwrap();
    // Not yet told to the index: the database check leaves it out already.
    assert!(find(db, &index, "quokkas").await.hits.is_empty());
    app::domain::search::outbox::organisation_and_its_listings_changed(db, org_id)
        .await
        .unwrap();
    index.catch_up(db).await.unwrap();
    assert_eq!(index.generation().unwrap().num_docs(), document_count(db).await);
}

/// The search page reads names from the reference data in memory (issue #11); the answers are
/// the same as with names read from the database, in every language, with facets chosen.
#[tokio::test]
async fn search_with_the_reference_cache_answers_as_from_the_database() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let (_dir, index) = demo_index(db).await;
    let reference = app::domain::reference::Reference::load(db).await.expect("reference");
    for (q, country) in [
        ("cao su", ""),
        ("rubber", "LA"),
        ("", ""),
        ("thep", "VN"),
        ("lao bao", ""),
    ] {
        for lang in [Lang::Vi, Lang::Lo, Lang::En] {
            let params = SearchParams {
                q: q.to_owned(),
                country: country.to_owned(),
                ..SearchParams::default()
            };
            let from_db = search(db, Some(&index), &params, lang).await.expect("search answers");
            let from_memory = app::domain::search::search_with(db, Some(&reference), Some(&index), &params, lang)
                .await
                .expect("search answers");
            assert_eq!(from_memory, from_db, "q={q:?} country={country:?} {lang:?}");
            if q == "cao su" {
                assert!(!from_db.hits.is_empty() && !from_db.facets.is_empty());
            }
        }
    }
}
