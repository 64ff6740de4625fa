//! Saved searches, their alert mails, the one-click unsubscribe and the Atom feed of a search
//! (issue #12), on both databases.
use crate::helpers::TestApp;
use crate::search::demo_database;
use app::domain::entities::{listing, saved_search};
use app::domain::search::SearchIndex;
use axum::http::StatusCode;
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const ORIGIN: &str = "http://127.0.0.1:3000";

#[tokio::test]
async fn a_trader_saves_a_search_gets_what_is_new_by_mail_and_stops_it_with_one_link() {
    let dir = tempfile::tempdir().expect("dir");
    let app = TestApp::with_search(demo_database().await, dir.path()).await;
    let buyer = app.confirmed_user("buyer@tyres.vn").await;
    // Anonymous readers get the feed and an invitation to sign in; members the save form.
    let page = app.get("/search?q=cao+su&lang=en").await;
    assert!(page.body.contains("/search.atom?q=cao%20su"), "{}", page.body);
    assert!(page.body.contains("Sign in to save this search"));
    let page = app.get_as("/search?q=cao+su&lang=en", &buyer).await;
    assert!(page.body.contains("action=\"/search/saved\""));
    // An empty name is refused, with the search kept.
    let res = app
        .post_form(
            "/search/saved?lang=en",
            &[("query", "q=cao%20su"), ("name", ""), ("frequency", "immediate")],
            Some(&buyer),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .post_form(
            "/search/saved",
            &[
                ("query", "q=cao%20su&cursor=zzz&sort=newest"),
                ("name", "Rubber"),
                ("frequency", "immediate"),
            ],
            Some(&buyer),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let mine = app.get_as("/my/searches?lang=en", &buyer).await;
    assert!(mine.body.contains("Rubber"));
    assert!(
        mine.body.contains("href=\"/search?q=cao%20su\""),
        "kept without cursor or sort"
    );
    let saved = saved_search::Entity::find().one(&app.db).await.unwrap().unwrap();

    // Nothing new yet: no mail.
    let index_dir = tempfile::tempdir().expect("dir");
    let index = SearchIndex::create(index_dir.path()).expect("index");
    index.catch_up(&app.db).await.expect("index");
    let alerts = |now| app::domain::saved_searches::send_alerts(&app.db, Some(&index), None, ORIGIN, now);
    assert_eq!(alerts(Utc::now()).await.unwrap(), 0);

    // A Lao seller posts rubber: the buyer is mailed once, with the listing and the way out.
    let seller = app.confirmed_user("seller@rubber.la").await;
    let slug = app.create_org(&seller, "Attapeu Rubber").await;
    let res = app
        .post_form(
            "/listings/new",
            &[
                ("organisation", slug.as_str()),
                ("kind", "commodity"),
                ("title_vi", "Cao su SVR10 từ Attapeu"),
                ("direction", "offer"),
                ("hs_code", "4001"),
                ("save", "publish"),
            ],
            Some(&seller),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    index.catch_up(&app.db).await.expect("index");
    assert_eq!(alerts(Utc::now()).await.unwrap(), 1);
    let mail = app::domain::mail::latest_to(&app.db, "buyer@tyres.vn")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mail.kind, "search_alert");
    assert!(mail.body.contains("Cao su SVR10 từ Attapeu"), "{}", mail.body);
    assert!(
        !mail.body.contains("Natural rubber RSS3 sheets from Attapeu"),
        "only what is new"
    );
    let link = format!("/alerts/unsubscribe?token={}", saved.unsubscribe_token);
    assert!(mail.body.contains(&link));
    assert_eq!(alerts(Utc::now()).await.unwrap(), 0, "nothing new since");

    // The link, opened without signing in, asks; the button stops the mails.
    let ask = app.get(&format!("{link}&lang=en")).await;
    assert_eq!(ask.status, StatusCode::OK);
    assert!(ask.body.contains("Stop the e-mails of “Rubber”"), "{}", ask.body);
    assert_eq!(
        saved_search::Entity::find_by_id(saved.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .frequency,
        "immediate",
        "opening the link changes nothing"
    );
    let res = app
        .post_form(
            "/alerts/unsubscribe",
            &[("token", saved.unsubscribe_token.as_str())],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        saved_search::Entity::find_by_id(saved.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .frequency,
        "off"
    );
    assert_eq!(
        app.get("/alerts/unsubscribe?token=not-a-real-token-at-all")
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Someone else cannot change or delete it.
    let other = app.confirmed_user("other@example.la").await;
    let res = app
        .post_form(&format!("/my/searches/{}/delete", saved.id), &[], Some(&other))
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = app
        .post_form(&format!("/my/searches/{}/delete", saved.id), &[], Some(&buyer))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(saved_search::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn every_search_has_an_atom_feed_a_feed_reader_accepts() {
    let dir = tempfile::tempdir().expect("dir");
    let app = TestApp::with_search(demo_database().await, dir.path()).await;
    let res = app.get("/search.atom?q=cao+su&lang=vi").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.header("content-type"), Some("application/atom+xml; charset=utf-8"));
    let feed: atom_syndication::Feed = res.body.parse().expect("a valid Atom document");
    assert!(!feed.entries().is_empty());
    assert_eq!(feed.lang(), Some("vi"));
    assert!(feed
        .links()
        .iter()
        .any(|l| l.rel() == "self" && l.href().starts_with("http")));
    for entry in feed.entries() {
        assert!(entry.id().starts_with("http"), "{}", entry.id());
        assert!(entry.links()[0].href().contains("/listings/"));
    }
    let rubber = listing::Entity::find()
        .filter(listing::Column::TitleEn.eq("Natural rubber RSS3 sheets from Attapeu"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(feed
        .entries()
        .iter()
        .any(|e| e.id().ends_with(&format!("/listings/{}", rubber.id))));
    // Text that looks like markup stays text in the feed.
    let res = app
        .get("/search.atom?q=%3C%2Ftitle%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .await;
    let feed: atom_syndication::Feed = res.body.parse().expect("still valid");
    assert!(feed.title().as_str().contains("</title><script>"));
    assert!(!res.body.contains("<script>"));
}
