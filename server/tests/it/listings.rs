//! Listings through HTTP, as a browser without JavaScript uses them: post, validate, browse,
//! life cycle, permissions, CSV import (all or nothing) and export — on both databases.
use crate::helpers::{TestApp, TestResponse};
use app::domain::entities::{listing, mail, search_outbox};
use app::domain::listings::store::{self, Actor, Save};
use app::domain::listings::{csv_io, Kind, ListingInput, RefData, Rules};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

fn steel_offer(slug: &str) -> Vec<(&'static str, String)> {
    vec![
        ("organisation", slug.to_owned()),
        ("kind", "commodity".into()),
        ("title_vi", "Thép cuộn cán nóng Q235B".into()),
        ("title_en", "Hot-rolled steel coil Q235B".into()),
        ("direction", "offer".into()),
        ("hs_code", "7208".into()),
        ("quantity", "500".into()),
        ("unit", "t".into()),
        ("price", "610".into()),
        ("currency", "USD".into()),
        ("incoterm", "DAP".into()),
        ("province_id", "vn-ha-tinh".into()),
        ("gate_ids", "cau-treo".into()),
        (
            "description_en",
            "Monthly supply.\n\nMill certificates <b>available</b>.".into(),
        ),
        ("save", "publish".into()),
    ]
}

fn pairs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

impl TestApp {
    /// A confirmed owner with an organisation: (cookie, slug).
    async fn trader(&self, email: &str, name: &str) -> (String, String) {
        let cookie = self.confirmed_user(email).await;
        let slug = self.create_org(&cookie, name).await;
        (cookie, slug)
    }

    async fn post_listing(&self, cookie: &str, fields: &[(&'static str, String)]) -> TestResponse {
        self.post_form("/listings/new", &pairs(fields), Some(cookie)).await
    }

    /// Listings written by the test (the seed adds demo listings).
    async fn listing_count(&self) -> u64 {
        listing::Entity::find()
            .filter(listing::Column::Origin.ne("seed"))
            .count(&self.db)
            .await
            .unwrap()
    }

    async fn multipart(&self, path: &str, cookie: &str, fields: &[(&str, &str)], file: &[u8]) -> TestResponse {
        let boundary = "corridorboundary";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"routes.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(file);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let request = Request::builder()
            .method("POST")
            .uri(path)
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .header("sec-fetch-site", "same-origin")
            .header("cookie", cookie)
            .body(Body::from(body))
            .unwrap();
        self.request(request).await
    }
}

fn listing_id(res: &TestResponse) -> i32 {
    let location = res.header("location").expect("redirect");
    location
        .trim_start_matches("/listings/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("listing location: {location}"))
}

#[tokio::test]
async fn a_steel_offer_with_hs_7208_is_posted_and_shows_in_browse_and_detail() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("steel@hatinh.vn", "Ha Tinh Steel Trading").await;
    let res = app.post_listing(&cookie, &steel_offer(&slug)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let id = listing_id(&res);

    let browse = app.get("/listings?kind=commodity&lang=en").await;
    assert_eq!(
        browse.status,
        StatusCode::OK,
        "{}",
        &browse.body[browse.body.find("<main").unwrap_or(0)..]
    );
    assert!(browse.body.contains("Hot-rolled steel coil Q235B"), "{}", browse.body);
    assert!(browse.body.contains("HS 72.08"));

    // Filters combine: the right chapter and gate find it, another chapter does not.
    let hit = app
        .get("/listings?kind=commodity&hs_chapter=72&gate=cau-treo&country=LA")
        .await;
    assert!(hit.body.contains("Hot-rolled steel coil Q235B"));
    let miss = app.get("/listings?kind=commodity&hs_chapter=40").await;
    assert!(!miss.body.contains("Hot-rolled steel coil Q235B"));

    let detail = app.get(&format!("/listings/{id}?lang=vi")).await;
    assert_eq!(detail.status, StatusCode::OK);
    assert!(detail.body.contains("Thép cuộn cán nóng Q235B"));
    // The heading's Vietnamese description and the schema.org Offer.
    assert!(detail.body.contains("không hợp kim được cán phẳng"), "{}", detail.body);
    assert!(detail.body.contains("\"@type\":\"Offer\""));
    assert!(detail.body.contains("\"priceCurrency\":\"USD\""));
    // A price per tonne says per what: a unit price with the UN/CEFACT code of tonnes.
    assert!(detail.body.contains("\"@type\":\"UnitPriceSpecification\""));
    assert!(detail.body.contains("\"unitCode\":\"TNE\""));
    assert!(detail.body.contains("\"seller\":{"));
    // Text is text: the markup typed into the description is escaped, never rendered.
    assert!(!detail.body.contains("<b>available</b>"));
    assert!(detail.body.contains("&lt;b&gt;available&lt;/b&gt;"));

    // Every change leaves a row for the search index, in the same transaction.
    let outbox = search_outbox::Entity::find()
        .filter(search_outbox::Column::Entity.eq("listing"))
        .filter(search_outbox::Column::EntityId.eq(id.to_string()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(outbox, 1);
}

#[tokio::test]
async fn a_lao_wanted_listing_shows_the_original_with_a_language_label() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("buyer@pakse.la", "Attapeu Rubber Buyers").await;
    let fields = vec![
        ("organisation", slug.clone()),
        ("kind", "commodity".into()),
        ("title_lo", "ຕ້ອງການຊື້ຢາງພາລາ 200 ໂຕນ".into()),
        ("direction", "wanted".into()),
        ("hs_code", "4001".into()),
        ("save", "publish".into()),
    ];
    let res = app.post_listing(&cookie, &fields).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let id = listing_id(&res);
    let detail = app.get(&format!("/listings/{id}?lang=en")).await;
    assert!(detail.body.contains("ຕ້ອງການຊື້ຢາງພາລາ 200 ໂຕນ"));
    assert!(
        detail.body.contains("Written in Lao"),
        "written-in label, in the reader's language: {}",
        detail.body
    );
    let vietnamese = app.get(&format!("/listings/{id}?lang=vi")).await;
    assert!(
        vietnamese.body.contains("Bản gốc viết bằng tiếng Lào"),
        "not the Lao name of Lao"
    );
    // schema.org: a Demand, made by the buyer (never called its seller), with absolute URLs.
    let ld: serde_json::Value = serde_json::from_str(
        detail
            .body
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .expect("JSON-LD"),
    )
    .expect("JSON-LD parses");
    assert_eq!(ld["@type"], "Demand");
    assert!(ld.get("seller").is_none(), "{ld}");
    assert_eq!(ld["offeredBy"]["@type"], "Organization");
    assert!(ld["offeredBy"]["url"].as_str().unwrap().starts_with("http"), "{ld}");
    assert!(ld["url"].as_str().unwrap().ends_with(&format!("/listings/{id}")));
    assert!(ld.get("description").is_none(), "no empty description");
}

#[tokio::test]
async fn bad_input_gets_a_message_next_to_each_field_and_saves_nothing() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("typo@hatinh.vn", "Typo Trading").await;
    let mut fields = steel_offer(&slug);
    for (k, v) in fields.iter_mut() {
        match *k {
            "hs_code" => *v = "72x8".into(),
            "quantity" => *v = "-5".into(),
            "province_id" => *v = "atlantis".into(),
            _ => {}
        }
    }
    fields.push(("expires_on", "2020-01-01".into()));
    let res = app
        .post_form("/listings/new?lang=en", &pairs(&fields), Some(&cookie))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    for message in [
        "An HS code is 2, 4 or 6 digits",
        "Must be more than zero.",
        "Unknown province.",
        "The expiry date must be in the future.",
    ] {
        assert!(res.body.contains(message), "missing {message:?}");
    }
    // What was typed is still there.
    assert!(res.body.contains("Hot-rolled steel coil Q235B"));
    assert_eq!(app.listing_count().await, 0);

    // The same in Vietnamese.
    let res = app
        .post_form("/listings/new?lang=vi", &pairs(&fields), Some(&cookie))
        .await;
    assert!(res.body.contains("Mã HS gồm 2, 4 hoặc 6 chữ số"), "{}", res.body);
}

#[tokio::test]
async fn another_organisation_cannot_edit_and_anonymous_is_sent_to_sign_in() {
    let app = TestApp::new().await;
    let (owner, slug) = app.trader("owner@hatinh.vn", "Owner Steel").await;
    let id = listing_id(&app.post_listing(&owner, &steel_offer(&slug)).await);
    let (intruder, other_slug) = app.trader("intruder@else.la", "Other Trading").await;

    let mut fields = steel_offer(&other_slug);
    fields.retain(|(k, _)| *k != "organisation");
    fields.push(("title_en", "Hijacked".into()));
    let res = app
        .post_form(&format!("/listings/{id}/edit"), &pairs(&fields), Some(&intruder))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    // Nor may it post in the other organisation's name.
    let res = app.post_listing(&intruder, &steel_offer(&slug)).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app
        .post_form(&format!("/listings/{id}/step"), &[("step", "archive")], Some(&intruder))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let row = listing::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(row.title_en.as_deref(), Some("Hot-rolled steel coil Q235B"));
    assert_eq!(row.status, "published");

    let res = app
        .post_form(&format!("/listings/{id}/edit"), &pairs(&fields), None)
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(res.header("location").unwrap().starts_with("/account/signin"));
}

#[tokio::test]
async fn drafts_are_private_and_the_life_cycle_moves_on_the_dashboard() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("cycle@hatinh.vn", "Cycle Trading").await;
    let mut fields = steel_offer(&slug);
    fields.retain(|(k, _)| *k != "save");
    fields.push(("save", "draft".into()));
    let id = listing_id(&app.post_listing(&cookie, &fields).await);
    let detail = format!("/listings/{id}");

    assert_eq!(
        app.get(&detail).await.status,
        StatusCode::NOT_FOUND,
        "drafts are private"
    );
    assert!(!app.get("/listings?kind=commodity").await.body.contains("Q235B"));
    assert_eq!(
        app.get_as(&detail, &cookie).await.status,
        StatusCode::OK,
        "members see drafts"
    );
    let mine = app.get_as("/my/listings?lang=en", &cookie).await;
    assert!(mine.body.contains("Draft"), "{}", mine.body);

    let step = |s: &'static str| {
        let cookie = cookie.clone();
        let path = format!("/listings/{id}/step");
        let app = &app;
        async move { app.post_form(&path, &[("step", s)], Some(&cookie)).await }
    };
    assert_eq!(step("publish").await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get(&detail).await.status, StatusCode::OK);
    assert_eq!(step("archive").await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get(&detail).await.status, StatusCode::NOT_FOUND);
    // Renewing an archived listing makes no sense: refused, nothing changes.
    assert_eq!(step("renew").await.status, StatusCode::CONFLICT);
    assert_eq!(step("restore").await.status, StatusCode::SEE_OTHER);
    let row = listing::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(row.status, "draft");
    let outbox = search_outbox::Entity::find()
        .filter(search_outbox::Column::Entity.eq("listing"))
        .filter(search_outbox::Column::EntityId.eq(id.to_string()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(outbox, 4, "create + publish + archive + restore");
}

#[tokio::test]
async fn an_expired_listing_disappears_from_browse_and_renewing_brings_it_back() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("expiry@hatinh.vn", "Expiry Trading").await;
    let id = listing_id(&app.post_listing(&cookie, &steel_offer(&slug)).await);
    let row = listing::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap();
    let mut expired: listing::ActiveModel = row.into();
    expired.expires_at = Set(Utc::now() - Duration::hours(1));
    expired.update(&app.db).await.unwrap();

    assert!(!app.get("/listings?kind=commodity").await.body.contains("Q235B"));
    assert_eq!(app.get(&format!("/listings/{id}")).await.status, StatusCode::NOT_FOUND);
    let mine = app.get_as("/my/listings?lang=en", &cookie).await;
    assert!(mine.body.contains("Expired"));

    let res = app
        .post_form(&format!("/listings/{id}/step"), &[("step", "renew")], Some(&cookie))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(app.get("/listings?kind=commodity").await.body.contains("Q235B"));
}

#[tokio::test]
async fn browse_pages_by_cursor_without_gaps_or_repeats() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("many@hatinh.vn", "Many Trading").await;
    let mut csv = String::from("title_en,direction,hs_code\n");
    for i in 0..27 {
        csv.push_str(&format!("Cassava lot {i:02},offer,0714\n"));
    }
    let res = app
        .multipart(
            "/my/listings/import",
            &cookie,
            &[("organisation", &slug), ("kind", "commodity"), ("publish", "1")],
            csv.as_bytes(),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let mut seen = Vec::new();
    let mut path = "/listings?kind=commodity&lang=en".to_owned();
    for _ in 0..5 {
        let page = app.get(&path).await;
        for i in 0..27 {
            if page.body.contains(&format!("Cassava lot {i:02}<")) {
                seen.push(i);
            }
        }
        match page.body.split("rel=\"next\" href=\"").nth(1) {
            Some(rest) => path = rest.split('"').next().unwrap().replace("&amp;", "&"),
            None => break,
        }
    }
    seen.sort();
    assert_eq!(seen, (0..27).collect::<Vec<_>>());
    // A broken cursor shows the first page with a message, not an error.
    let res = app.get("/listings?kind=commodity&cursor=garbage&lang=en").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("That page link is not valid"));
}

#[tokio::test]
async fn csv_import_is_all_or_nothing_with_a_report_per_row() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("routes@savan.la", "Savan Routes").await;
    let bad = "\u{feff}title_en,direction,origin_place,destination_place,gate_ids,capacity,capacity_unit\n\
               Thakhek to Vung Ang,la_to_vn,Thakhek,Vung Ang port,cha-lo,60,t\n\
               Broken,sideways,Savannakhet,Da Nang,nowhere,-1,t\n";
    let res = app
        .multipart(
            "/my/listings/import?lang=en",
            &cookie,
            &[("organisation", &slug), ("kind", "route"), ("publish", "1")],
            bad.as_bytes(),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("The file was not imported"));
    assert!(
        res.body.contains("<td>3</td><td><code>direction</code>"),
        "{}",
        res.body
    );
    assert!(res.body.contains("<code>gate_ids</code>"));
    assert!(res.body.contains("Unknown border gate."));
    assert_eq!(app.listing_count().await, 0, "nothing is written when any row is bad");

    // Wrong encoding (UTF-16) and unknown columns get their own messages.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("title_en\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    let res = app
        .multipart(
            "/my/listings/import?lang=en",
            &cookie,
            &[("organisation", &slug), ("kind", "route")],
            &utf16,
        )
        .await;
    assert!(res.body.contains("The file is not UTF-8"));
    let res = app
        .multipart(
            "/my/listings/import?lang=en",
            &cookie,
            &[("organisation", &slug), ("kind", "route")],
            b"title_en,colour\nx,red\n",
        )
        .await;
    assert!(res.body.contains("Unknown columns") && res.body.contains("colour"));

    let good = bad.lines().take(2).collect::<Vec<_>>().join("\n");
    let res = app
        .multipart(
            "/my/listings/import",
            &cookie,
            &[("organisation", &slug), ("kind", "route"), ("publish", "1")],
            good.as_bytes(),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.header("location"), Some("/my/listings?notice=imported&n=1"));
    assert_eq!(app.listing_count().await, 1);
    assert!(app
        .get("/listings?kind=route")
        .await
        .body
        .contains("Thakhek to Vung Ang"));
}

#[tokio::test]
async fn exports_neutralise_formulas_and_templates_download() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("formula@hatinh.vn", "Formula Trading").await;
    let mut fields = steel_offer(&slug);
    fields.retain(|(k, _)| *k != "title_en");
    fields.push(("title_en", "=HYPERLINK(\"http://evil\",\"x\")".into()));
    assert_eq!(app.post_listing(&cookie, &fields).await.status, StatusCode::SEE_OTHER);
    let res = app.get("/listings/export.csv?kind=commodity").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(res.body.contains("'=HYPERLINK"), "{}", res.body);
    assert!(!res.body.contains(",=HYPERLINK"));
    // One export: the page's link and the API give the same file in the same language.
    for lang in ["vi", "lo", "en"] {
        let page = app
            .get(&format!("/listings/export.csv?kind=commodity&lang={lang}"))
            .await;
        let api = app
            .get(&format!("/api/v1/listings.csv?kind=commodity&lang={lang}"))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.body, api.body, "{lang}");
    }
    let refused = app.get("/listings/export.csv?lang=vi").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.starts_with("kind: "), "{}", refused.body);
    assert!(
        !refused.body.contains("Err"),
        "the message, not its code: {}",
        refused.body
    );

    let template = app.get("/listings/template/route.csv").await;
    assert_eq!(template.status, StatusCode::OK);
    assert!(template.body.starts_with("title_vi,title_lo,title_en"));
    assert_eq!(
        app.get("/listings/template/ships.csv").await.status,
        StatusCode::NOT_FOUND
    );
}

/// The templates offered for download must import as they are against the real reference data
/// (the unit test in csv_io checks them against a hand-made list, which hid an unknown province).
#[tokio::test]
async fn every_template_passes_against_the_seeded_reference_data() {
    let app = TestApp::new().await;
    let refs = RefData::load(&app.db).await.expect("reference data loads");
    for kind in Kind::ALL {
        let rows = csv_io::check(kind, &csv_io::template(kind), &refs, Utc::now(), |_| {})
            .unwrap_or_else(|e| panic!("the {kind:?} template: {e:?}"));
        assert_eq!(rows.len(), 1);
    }
}

#[tokio::test]
async fn priority_infrastructure_is_kept_by_government_agencies_only() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("infra@hatinh.vn", "Infra Builders").await;
    let fields = vec![
        ("organisation", slug.clone()),
        ("kind", "opportunity".into()),
        ("title_en", "Logistics centre at Cau Treo".into()),
        ("sector", "logistics".into()),
        ("stage", "feasibility".into()),
        ("priority_infra", "1".into()),
        ("infra_type", "logistics_centre".into()),
        ("save", "publish".into()),
    ];
    let res = app
        .post_form("/listings/new?lang=en", &pairs(&fields), Some(&cookie))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Only government agencies maintain"));

    // Once the organisation is a government agency, it may.
    let org = app::domain::organisations::find_by_slug(&app.db, &slug).await.unwrap();
    let mut government: app::domain::entities::organisation::ActiveModel = org.into();
    government.kind = Set("government".into());
    government.update(&app.db).await.unwrap();
    let res = app
        .post_form("/listings/new?lang=en", &pairs(&fields), Some(&cookie))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let listed = app.get("/listings?kind=opportunity&priority=1&sector=logistics").await;
    assert!(listed.body.contains("Logistics centre at Cau Treo"));
    let none = app.get("/listings?kind=opportunity&sector=mining").await;
    assert!(!none.body.contains("Logistics centre at Cau Treo"));
}

#[tokio::test]
async fn unverified_organisations_wait_for_a_moderator_when_configured() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("held@hatinh.vn", "Held Trading").await;
    let client = app::domain::api_tokens::ApiClient {
        token_id: 0,
        organisation_id: app::domain::organisations::find_by_slug(&app.db, &slug)
            .await
            .unwrap()
            .id,
        organisation_slug: slug.clone(),
        scope: app::domain::api_tokens::Scope::Write,
    };
    let input = ListingInput {
        kind: "commodity".into(),
        title_en: "Coffee beans, Bolaven".into(),
        direction: "offer".into(),
        hs_code: "0901".into(),
        ..Default::default()
    };
    let saved = store::create(
        &app.db,
        Actor::Token(&client),
        &slug,
        &input,
        Save::Publish,
        Rules { hold_unverified: true },
    )
    .await
    .unwrap();
    assert_eq!(saved.listing.status, "held");
    assert_eq!(saved.listing.origin, "api");
    assert!(!app.get("/listings?kind=commodity").await.body.contains("Bolaven"));
    let _ = cookie;

    // A moderator releases it.
    let moderator = app.confirmed_user("mod@corridor.test").await;
    app.set_platform_role("mod@corridor.test", "moderator").await;
    let queue = app.get_as("/moderation?lang=en", &moderator).await;
    assert!(queue.body.contains("Coffee beans, Bolaven"), "{}", queue.body);
    let res = app
        .post_form(
            &format!("/moderation/listings/{}", saved.listing.id),
            &[("decision", "release")],
            Some(&moderator),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(app.get("/listings?kind=commodity").await.body.contains("Bolaven"));
}

#[tokio::test]
async fn reports_about_listings_reach_moderators_who_can_remove_them() {
    let app = TestApp::new().await;
    let (owner, slug) = app.trader("fake@scam.vn", "Too Good Steel").await;
    let id = listing_id(&app.post_listing(&owner, &steel_offer(&slug)).await);
    let reporter = app.confirmed_user("careful@buyer.la").await;
    let res = app
        .post_form(
            &format!("/listings/{id}/report"),
            &[("reason", "fraud"), ("details", "Price far below market")],
            Some(&reporter),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // Members cannot report their own listing.
    let res = app
        .post_form(&format!("/listings/{id}/report"), &[("reason", "spam")], Some(&owner))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    let moderator = app.confirmed_user("mod2@corridor.test").await;
    app.set_platform_role("mod2@corridor.test", "moderator").await;
    let queue = app.get_as("/moderation?lang=en", &moderator).await;
    assert!(queue.body.contains("Price far below market"), "{}", queue.body);
    let report_id = queue
        .body
        .split("name=\"report\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("report id in the queue")
        .to_owned();
    let res = app
        .post_form(
            &format!("/moderation/listings/{id}"),
            &[("decision", "remove"), ("report", &report_id)],
            Some(&moderator),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get(&format!("/listings/{id}")).await.status, StatusCode::NOT_FOUND);
    // The owner cannot bring it back.
    let res = app
        .post_form(
            &format!("/listings/{id}/edit"),
            &pairs(&steel_offer(&slug)),
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn owners_are_reminded_seven_days_before_expiry_once() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("remind@hatinh.vn", "Reminder Trading").await;
    let id = listing_id(&app.post_listing(&cookie, &steel_offer(&slug)).await);
    let row = listing::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap();
    let mut soon: listing::ActiveModel = row.into();
    soon.expires_at = Set(Utc::now() + Duration::days(3));
    soon.update(&app.db).await.unwrap();
    let before = mail::Entity::find().count(&app.db).await.unwrap();
    let sent = store::send_expiry_reminders(&app.db, "https://corridor.example", Utc::now())
        .await
        .unwrap();
    assert_eq!(sent, 1);
    assert_eq!(mail::Entity::find().count(&app.db).await.unwrap(), before + 1);
    let latest = app::domain::mail::latest_to(&app.db, "remind@hatinh.vn")
        .await
        .unwrap()
        .unwrap();
    assert!(
        latest.body.contains("https://corridor.example/my/listings"),
        "{}",
        latest.body
    );
    assert_eq!(
        store::send_expiry_reminders(&app.db, "https://corridor.example", Utc::now())
            .await
            .unwrap(),
        0,
        "once per expiry date"
    );
}

#[tokio::test]
async fn verifying_an_organisation_puts_its_listings_under_verified_only() {
    let app = TestApp::new().await;
    let (owner, slug) = app.trader("verify@hatinh.vn", "Verify Steel").await;
    let id = listing_id(&app.post_listing(&owner, &steel_offer(&slug)).await);
    assert!(!app
        .get("/listings?kind=commodity&verified=1")
        .await
        .body
        .contains("Q235B"));
    let detail = app.get(&format!("/listings/{id}?lang=en")).await;
    assert!(detail.body.contains("Not verified"));

    let res = app
        .post_form(
            &format!("/orgs/{slug}/verification"),
            &[
                ("registration_number", "VN-3001"),
                ("evidence", "Business registration, Ha Tinh DPI"),
            ],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let moderator = app.confirmed_user("mod3@corridor.test").await;
    app.set_platform_role("mod3@corridor.test", "moderator").await;
    let queue = app.get_as("/moderation?lang=en", &moderator).await;
    let request = queue
        .body
        .split("/moderation/verifications/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let res = app
        .post_form(
            &format!("/moderation/verifications/{request}"),
            &[("decision", "approve")],
            Some(&moderator),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let verified = app.get("/listings?kind=commodity&verified=1&lang=en").await;
    assert!(verified.body.contains("Q235B"), "{}", verified.body);
    assert!(verified.body.contains("✓"));
    // The search index hears about the change (a second outbox row for the listing).
    let outbox = search_outbox::Entity::find()
        .filter(search_outbox::Column::Entity.eq("listing"))
        .filter(search_outbox::Column::EntityId.eq(id.to_string()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(outbox, 2);
}

#[tokio::test]
async fn a_logistics_provider_describes_its_services_and_is_found_by_gate() {
    let app = TestApp::new().await;
    // `create_org` makes a Lao logistics provider.
    let (cookie, slug) = app.trader("fleet@savan.la", "Savan Fleet").await;
    let fields = [
        ("services", "road_haulage"),
        ("services", "customs_brokerage"),
        ("gate_ids", "lao-bao"),
        ("gate_ids", "cha-lo"),
        ("corridors", "East–West Economic Corridor to Da Nang"),
        ("fleet", "40 tractor units, 12 reefers"),
        ("capacity", "1,200 t a week"),
    ];
    let bad = app
        .post_form(
            &format!("/orgs/{slug}/logistics?lang=en"),
            &[("services", "teleportation"), ("fleet", "40 trucks")],
            Some(&cookie),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("40 trucks"), "what was typed is kept");
    let res = app
        .post_form(&format!("/orgs/{slug}/logistics"), &fields, Some(&cookie))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // The profile is part of the organisation's search document: the index hears of it.
    let org = app::domain::entities::organisation::Entity::find()
        .filter(app::domain::entities::organisation::Column::Slug.eq(slug.clone()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let told = search_outbox::Entity::find()
        .filter(search_outbox::Column::Entity.eq("organisation"))
        .filter(search_outbox::Column::EntityId.eq(org.id.to_string()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(told, 2, "created, then its logistics profile saved");

    // Its route offer shows on its profile with the services.
    let route = vec![
        ("organisation", slug.clone()),
        ("kind", "route".into()),
        ("title_en", "Savannakhet → Da Nang, weekly".into()),
        ("direction", "transit".into()),
        ("province_id", "la-savannakhet".into()),
        ("destination_province_id", "vn-da-nang".into()),
        ("gate_ids", "lao-bao".into()),
        ("save", "publish".into()),
    ];
    assert_eq!(app.post_listing(&cookie, &route).await.status, StatusCode::SEE_OTHER);
    let profile = app.get(&format!("/orgs/{slug}?lang=en")).await;
    assert!(profile.body.contains("Customs brokerage"));
    assert!(profile.body.contains("40 tractor units, 12 reefers"));
    assert!(profile.body.contains("Savannakhet → Da Nang, weekly"));

    let found = app.get("/logistics?gate=lao-bao&service=road_haulage&lang=en").await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(found.body.contains("Savan Fleet"));
    let other_gate = app.get("/logistics?gate=tay-trang").await;
    assert!(!other_gate.body.contains("Savan Fleet"));

    // Only logistics providers have such a profile; others may not edit it.
    let (other, _) = app.trader("other@fleet.la", "Other Fleet").await;
    let res = app
        .post_form(&format!("/orgs/{slug}/logistics"), &fields, Some(&other))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_oversized_csv_gets_a_clear_message_not_a_bare_413() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("big@hatinh.vn", "Big File Trading").await;
    let mut csv = String::from("title_en,direction,hs_code\n");
    while csv.len() < 3 * 1024 * 1024 {
        csv.push_str("Cassava chips from Savannakhet province,offer,0714\n");
    }
    let res = app
        .multipart(
            "/my/listings/import",
            &cookie,
            &[("organisation", &slug), ("kind", "commodity")],
            csv.as_bytes(),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let location = res.header("location").unwrap().to_owned();
    assert_eq!(location, "/my/listings/import?error=too_large");
    let page = app.get_as(&format!("{location}&lang=en"), &cookie).await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        page.body.contains("The file is too large: at most 2 MB"),
        "{}",
        page.body
    );
    assert_eq!(app.listing_count().await, 0);
}

#[tokio::test]
async fn single_line_fields_refuse_line_breaks_so_nothing_reaches_a_mail_subject() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("lines@trade.vn", "Line Steel").await;
    for (field, value) in [
        ("title_en", "Steel coil\r\nBcc: everyone@example.vn"),
        ("title_vi", "Thép\nX"),
        ("title_lo", "ເຫຼັກ\rX"),
    ] {
        let mut fields = steel_offer(&slug);
        fields.retain(|(k, _)| *k != field);
        fields.push((field, value.into()));
        let res = app.post_listing(&cookie, &fields).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {}", res.body);
        assert!(
            res.body.contains("Có ký tự không hợp lệ.")
                || res.body.contains("ມີຕົວອັກສອນທີ່ບໍ່ຖືກຕ້ອງ")
                || res.body.contains("Contains characters that are not allowed."),
            "{field}"
        );
    }
    assert_eq!(app.listing_count().await, 0, "nothing saved");
    // Descriptions keep their paragraphs.
    let res = app.post_listing(&cookie, &steel_offer(&slug)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
}

#[tokio::test]
async fn a_failing_database_shows_the_error_page_not_an_empty_queue() {
    use sea_orm::ConnectionTrait;
    let app = TestApp::new().await;
    let moderator = app.confirmed_user("mod-outage@corridor.test").await;
    app.set_platform_role("mod-outage@corridor.test", "moderator").await;
    let (owner, _slug) = app.trader("outage@trade.vn", "Outage Steel").await;
    assert_eq!(
        app.get_as("/moderation?lang=en", &moderator).await.status,
        StatusCode::OK
    );
    // Tables that refer to listings go first (PostgreSQL refuses to drop a referenced table).
    for table in [
        "introduction_messages",
        "introductions",
        "listing_gates",
        "listing_photos",
    ] {
        app.db
            .execute_unprepared(&format!("DROP TABLE {table}"))
            .await
            .expect("break the schema");
    }
    app.db
        .execute_unprepared("DROP TABLE listings")
        .await
        .expect("break the schema");
    // The moderation queue (its listing half fails)...
    let page = app.get_as("/moderation?lang=en", &moderator).await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", page.body);
    assert!(page.body.contains("Reference"), "{}", page.body);
    assert!(!page.body.to_lowercase().contains("no such table"));
    // ...and the new-listing form, which used to say "you need to be an editor or owner" when the
    // list of the user's organisations could not be read.
    app.db
        .execute_unprepared("DROP TABLE memberships")
        .await
        .expect("break the schema");
    let page = app.get_as("/listings/new?kind=commodity&lang=en", &owner).await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", page.body);
    assert!(
        !page.body.contains("You need to be an editor or owner"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn a_product_word_in_the_hs_field_offers_headings_and_one_click_fills_the_code() {
    let app = TestApp::new().await;
    let (cookie, slug) = app.trader("seller@rubber.la", "Attapeu Rubber").await;
    let before = app.listing_count().await;
    for (word, lang) in [("ຢາງພາລາ", "lo"), ("cao su", "vi"), ("natural rubber", "en")] {
        let mut fields = steel_offer(&slug);
        for (k, v) in fields.iter_mut() {
            if *k == "hs_code" {
                *v = word.to_owned();
            }
        }
        let res = app
            .post_form(&format!("/listings/new?lang={lang}"), &pairs(&fields), Some(&cookie))
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{word}");
        assert!(
            res.body.contains("name=\"hs_pick\" value=\"4001\""),
            "{word}: natural rubber offered: {}",
            res.body
        );
        assert!(res.body.contains("40.01"));
        assert!(
            !res.body.contains("An HS code is 2, 4 or 6 digits"),
            "not told to type digits"
        );
        assert!(res.body.contains("name=\"hs_pick\""));
    }
    // Choosing a heading fills the field and saves nothing yet.
    let mut fields = steel_offer(&slug);
    fields.push(("hs_pick", "4001".into()));
    for (k, v) in fields.iter_mut() {
        if *k == "hs_code" {
            *v = "cao su".into();
        }
    }
    let res = app
        .post_form("/listings/new?lang=vi", &pairs(&fields), Some(&cookie))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("name=\"hs_code\" type=\"text\" value=\"4001\"") || res.body.contains("value=\"4001\""));
    assert!(res.body.contains("Thép cuộn cán nóng Q235B"), "what was typed is kept");
    assert_eq!(app.listing_count().await, before);
    // A word nobody trades is told so.
    let mut fields = steel_offer(&slug);
    for (k, v) in fields.iter_mut() {
        if *k == "hs_code" {
            *v = "zzqx".into();
        }
    }
    let res = app
        .post_form("/listings/new?lang=en", &pairs(&fields), Some(&cookie))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("No heading found for “zzqx”"), "{}", res.body);
}
