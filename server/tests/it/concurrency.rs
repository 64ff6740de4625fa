//! The request path under load (issue #11): several pooled connections for readers, and
//! concurrent writers that queue for SQLite's one write lock instead of failing.
use crate::helpers::{seeded_database, TestApp};
use app::domain::accounts::{CurrentUser, PlatformRole};
use app::domain::entities::{organisation, user};
use app::domain::organisations::{self, OrganisationInput};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use std::collections::HashSet;
use std::time::Duration;

async fn confirmed_user(db: &sea_orm::DatabaseConnection, n: usize) -> CurrentUser {
    let now = Utc::now();
    let row = user::ActiveModel {
        email: Set(format!("writer{n}@example.test")),
        // Not a usable hash: these users never sign in, and hashing 50 passwords would dominate.
        password_hash: Set("-".into()),
        display_name: Set(format!("Writer {n}")),
        preferred_lang: Set("en".into()),
        platform_role: Set(PlatformRole::User.code().into()),
        email_confirmed_at: Set(Some(now)),
        created_at: Set(now),
        password_changed_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert user");
    CurrentUser {
        user_id: row.id,
        email: row.email,
        display_name: row.display_name,
        platform_role: PlatformRole::User,
        email_confirmed: true,
        session_id: String::new(),
    }
}

/// Fifty organisations created at once, all with the same name. Creating one reads (the free
/// slug) and then writes in one transaction: on SQLite in WAL mode a deferred transaction doing
/// that fails at once with "database is locked" when another writer committed in between, so
/// with several pooled connections this fails unless write transactions take the lock up front.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_writers_all_succeed() {
    let test_db = seeded_database().await;
    let db = test_db.db.clone();
    let mut users = Vec::new();
    for n in 0..50 {
        users.push(confirmed_user(&db, n).await);
    }
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(users.len()));
    let tasks: Vec<_> = users
        .into_iter()
        .map(|user| {
            let db = db.clone();
            let start = start.clone();
            tokio::spawn(async move {
                let input = OrganisationInput {
                    name: "Concurrent Rubber Traders".into(),
                    kind: "company".into(),
                    country: "LA".into(),
                    description_en: "Natural rubber from Champasak.".into(),
                    ..Default::default()
                };
                start.wait().await;
                organisations::create(&db, &user, &input).await
            })
        })
        .collect();
    let mut slugs = HashSet::new();
    let mut failures = Vec::new();
    for task in tasks {
        match task.await.expect("task runs") {
            Ok(org) => {
                slugs.insert(org.slug);
            }
            Err(err) => failures.push(format!("{err:?}")),
        }
    }
    assert!(failures.is_empty(), "{} writers failed: {:?}", failures.len(), failures);
    assert_eq!(slugs.len(), 50, "every organisation got its own slug");
    let stored = organisation::Entity::find()
        .filter(organisation::Column::Name.eq("Concurrent Rubber Traders"))
        .count(&db)
        .await
        .unwrap();
    assert_eq!(stored, 50);
}

/// Readers do not wait for each other: a second connection is available while one is held
/// (sea-orm 2 opens SQLite pools with one connection unless told otherwise).
#[tokio::test]
async fn the_pool_serves_several_readers_at_once() {
    use sea_orm::{ConnectionTrait, TransactionTrait};
    let test_db = seeded_database().await;
    let held = test_db.db.begin().await.expect("first connection");
    held.execute_unprepared("SELECT 1").await.unwrap();
    let second = tokio::time::timeout(Duration::from_secs(2), test_db.db.begin())
        .await
        .expect("a second connection without waiting for the first")
        .expect("second connection");
    second.execute_unprepared("SELECT 1").await.unwrap();
    second.rollback().await.unwrap();
    held.rollback().await.unwrap();
}

/// One URL answers in several languages and for several users: caches must key on both.
#[tokio::test]
async fn pages_vary_on_cookie_and_accept_language() {
    let app = TestApp::new().await;
    for path in ["/", "/listings", "/gates", "/sources"] {
        let res = app.get_with(path, &[("accept-encoding", "br")]).await;
        let vary: Vec<String> = res
            .headers
            .get_all("vary")
            .iter()
            .flat_map(|v| v.to_str().unwrap().split(','))
            .map(|v| v.trim().to_ascii_lowercase())
            .collect();
        for needed in ["cookie", "accept-language", "accept-encoding"] {
            assert!(vary.iter().any(|v| v == needed), "{path}: Vary {vary:?} lacks {needed}");
        }
    }
}
