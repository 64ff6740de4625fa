//! Migrations, seed and the data queries, on the backend under test.
use crate::helpers::{empty_database, seeded_database};
use app::domain::entities::{
    border_gate, commodity, economic_zone, hs_chapter, milestone, milestone_party, organisation, province, source,
    trade_stat,
};
use app::domain::{gates, home};
use app::model::{GateFilter, GateLevel};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

/// Every seeded row of every table, in a stable order, as text.
async fn snapshot(db: &DatabaseConnection) -> Vec<String> {
    async fn rows<E: EntityTrait>(db: &DatabaseConnection) -> Vec<String>
    where
        E::Model: std::fmt::Debug,
    {
        let mut rows: Vec<String> = E::find()
            .all(db)
            .await
            .expect("read table")
            .iter()
            .map(|m| format!("{m:?}"))
            .collect();
        rows.sort();
        rows
    }
    let mut all = Vec::new();
    all.extend(rows::<source::Entity>(db).await);
    all.extend(rows::<province::Entity>(db).await);
    all.extend(rows::<border_gate::Entity>(db).await);
    all.extend(rows::<economic_zone::Entity>(db).await);
    all.extend(rows::<hs_chapter::Entity>(db).await);
    all.extend(rows::<commodity::Entity>(db).await);
    all.extend(rows::<trade_stat::Entity>(db).await);
    all.extend(rows::<organisation::Entity>(db).await);
    all.extend(rows::<milestone::Entity>(db).await);
    all.extend(rows::<milestone_party::Entity>(db).await);
    all
}

#[tokio::test]
async fn migrations_apply_to_an_empty_database_and_leave_nothing_pending() {
    let test_db = empty_database().await;
    assert!(app::domain::db::pending_migrations(&test_db.db).await.unwrap() > 0);
    app::domain::db::migrate(&test_db.db).await.expect("migrations apply");
    assert_eq!(app::domain::db::pending_migrations(&test_db.db).await.unwrap(), 0);
    assert_eq!(border_gate::Entity::find().count(&test_db.db).await.unwrap(), 0);
    // Applying again is a no-op.
    app::domain::db::migrate(&test_db.db)
        .await
        .expect("second run is a no-op");
}

#[tokio::test]
async fn seed_loads_every_reference_row() {
    let test_db = seeded_database().await;
    let db = &test_db.db;
    assert_eq!(border_gate::Entity::find().count(db).await.unwrap(), 30);
    assert_eq!(province::Entity::find().count(db).await.unwrap(), 29);
    assert_eq!(economic_zone::Entity::find().count(db).await.unwrap(), 13);
    assert_eq!(hs_chapter::Entity::find().count(db).await.unwrap(), 97);
    assert_eq!(commodity::Entity::find().count(db).await.unwrap(), 31);
    assert_eq!(trade_stat::Entity::find().count(db).await.unwrap(), 32);
    assert!(source::Entity::find().count(db).await.unwrap() > 100);
    let orgs: Vec<String> = organisation::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.slug)
        .collect();
    for slug in ["viet-lao-az", "hung-aloun-logistics", "lao-embassy-hanoi"] {
        assert!(orgs.iter().any(|o| o == slug), "{slug} missing from {orgs:?}");
    }
    // The merger relation: Kon Tum (pre-2025) continues in the new Quảng Ngãi.
    let kon_tum = province::Entity::find_by_id("vn-kon-tum-pre".to_owned())
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kon_tum.successor_id.as_deref(), Some("vn-quang-ngai"));
    let bo_y = border_gate::Entity::find_by_id("bo-y".to_owned())
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(bo_y.vn_province_id, "vn-quang-ngai");
    assert_eq!(bo_y.vn_province_former_id.as_deref(), Some("vn-kon-tum-pre"));
    assert_eq!(bo_y.la_province_id, "la-attapeu");
}

#[tokio::test]
async fn running_the_seed_twice_changes_nothing() {
    let test_db = seeded_database().await;
    let before = snapshot(&test_db.db).await;
    let report = app::domain::seed::seed(&test_db.db).await.expect("second seed");
    assert_eq!(report.border_gates, 30);
    let after = snapshot(&test_db.db).await;
    assert_eq!(before.len(), after.len());
    assert!(before == after, "the second seed changed rows");
}

#[tokio::test]
async fn gate_filters_combine_level_and_provinces() {
    let test_db = seeded_database().await;
    let reference = app::domain::reference::Reference::load(&test_db.db).await.unwrap();
    let db = &reference;
    let all = gates::list(db, &GateFilter::default());
    assert_eq!(all.len(), 30);
    // International gates come first.
    assert_eq!(all[0].level, GateLevel::International);

    let international = gates::list(
        db,
        &GateFilter {
            level: Some(GateLevel::International),
            ..Default::default()
        },
    );
    assert_eq!(international.len(), 10);
    assert!(international.iter().all(|g| g.level == GateLevel::International));

    let nghe_an = GateFilter {
        vn_province: Some("vn-nghe-an".into()),
        ..Default::default()
    };
    let rows = gates::list(db, &nghe_an);
    assert_eq!(rows.len(), 5, "{rows:?}");

    let combined = GateFilter {
        level: Some(GateLevel::International),
        vn_province: Some("vn-quang-tri".into()),
        la_province: Some("la-savannakhet".into()),
    };
    let ids: Vec<String> = gates::list(db, &combined).into_iter().map(|g| g.id).collect();
    assert_eq!(ids, vec!["lao-bao".to_owned()]);

    let nothing = GateFilter {
        vn_province: Some("no-such-province".into()),
        ..Default::default()
    };
    assert!(gates::list(db, &nothing).is_empty());
}

#[tokio::test]
async fn gate_detail_has_both_sides_zones_and_sources() {
    let test_db = seeded_database().await;
    let reference = app::domain::reference::Reference::load(&test_db.db).await.unwrap();
    let gate = gates::detail(&reference, "cau-treo").expect("Cầu Treo exists");
    assert_eq!(gate.row.vn_name, "Cầu Treo");
    assert_eq!(gate.row.la_province.en, "Bolikhamxay");
    assert!(gate.lat.is_some() && gate.lon.is_some());
    assert!(gate.economic_zones.iter().any(|z| z.id == "vn-cau-treo-bgez"));
    assert!(
        gate.sources.iter().all(|s| !s.citation.is_empty()),
        "{:?}",
        gate.sources
    );
    assert!(gates::detail(&reference, "atlantis").is_none());
    // The citations come from the reference data in memory: the same as the database's.
    let from_db = app::domain::sources::resolve(
        &test_db.db,
        &gate.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
    )
    .await
    .unwrap();
    assert_eq!(
        gate.sources.iter().map(|s| (&s.id, &s.citation)).collect::<Vec<_>>(),
        from_db.iter().map(|s| (&s.id, &s.citation)).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn the_sources_page_lists_the_sources_table_from_memory() {
    let test_db = seeded_database().await;
    let reference = app::domain::reference::Reference::load(&test_db.db).await.unwrap();
    let from_memory = app::domain::sources::all_from(&reference);
    let from_db = app::domain::sources::all(&test_db.db).await.unwrap();
    assert!(from_memory.len() > 10, "{}", from_memory.len());
    assert_eq!(
        from_memory
            .iter()
            .map(|s| (&s.id, &s.dataset, &s.citation, &s.supports))
            .collect::<Vec<_>>(),
        from_db
            .iter()
            .map(|s| (&s.id, &s.dataset, &s.citation, &s.supports))
            .collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn home_figures_come_from_the_statistics_table() {
    let test_db = seeded_database().await;
    let reference = app::domain::reference::Reference::load(&test_db.db).await.unwrap();
    let data = home::load(&test_db.db, &reference).await.unwrap();
    let fy = data.latest_full_year.expect("a full year");
    assert_eq!((fy.year, fy.months), (2025, 12));
    let period = data.latest_period.expect("a partial period");
    assert_eq!((period.year, period.period.as_str()), (2025, "10M"));
    // 2024 has a main and an alternative figure; the main one is preferred.
    let y2024 = data.full_years.iter().find(|f| f.year == 2024).unwrap();
    assert_eq!(y2024.id, "2024-FY");
    assert_eq!(data.gate_count, 30);
    assert!(data
        .milestones
        .iter()
        .any(|m| m.id == "2025-11-14-az-hung-aloun-mou" && m.parties.iter().any(|p| p.name == "Hung-Aloun Logistics")));
}

#[tokio::test]
async fn demo_listings_are_valid_published_and_seeded_once() {
    let test_db = crate::helpers::seeded_database().await;
    let first = app::domain::seed::seed_demo_listings(&test_db.db)
        .await
        .expect("demo listings load");
    let again = app::domain::seed::seed_demo_listings(&test_db.db)
        .await
        .expect("and again");
    assert_eq!(first, again);
    assert!(first >= 15, "{first}");
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(
        app::domain::entities::listing::Entity::find()
            .count(&test_db.db)
            .await
            .unwrap() as usize,
        first,
        "seeded once"
    );
    let filters = app::model::ListingFilters {
        kind: "commodity".into(),
        ..Default::default()
    };
    let page = app::domain::listings::browse::browse(&test_db.db, &filters, None, app::i18n::Lang::Lo, 50)
        .await
        .unwrap();
    assert!(page
        .items
        .iter()
        .any(|l| l.hs.as_ref().is_some_and(|h| h.code == "4001")));
    assert!(page
        .items
        .iter()
        .all(|l| l.status == app::statuses::ListingState::Published));
    let priority = app::model::ListingFilters {
        kind: "opportunity".into(),
        priority: true,
        ..Default::default()
    };
    let page = app::domain::listings::browse::browse(&test_db.db, &priority, None, app::i18n::Lang::En, 50)
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1, "one demo project on the priority list");
}
