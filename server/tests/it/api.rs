//! The public REST API `/api/v1`: listings (list, filters, cursor, read, create, update,
//! archive, CSV), organisations, tokens and scopes, ETags, the rate limit, problem+json
//! errors, and the OpenAPI document the handlers are described by.
use crate::helpers::{seeded_database, TestApp, TestResponse};
use app::domain::entities::{api_token, listing};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use serde_json::{json, Value};
use std::collections::HashSet;

impl TestApp {
    /// An API token of `slug` made through the tokens page, as its editors do.
    pub(crate) async fn api_token(&self, cookie: &str, slug: &str, scope: &str) -> String {
        let res = self
            .post_form(
                &format!("/orgs/{slug}/tokens?lang=en"),
                &[("name", "ERP"), ("scope", scope), ("days", "30")],
                Some(cookie),
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        res.body
            .split("<code class=\"secret\">")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .expect("the secret is shown once")
            .to_owned()
    }

    /// An organisation (its owner's e-mail and name) with a write token: (slug, token).
    pub(crate) async fn org_with_token(&self, email: &str, name: &str) -> (String, String, String) {
        let owner = self.confirmed_user(email).await;
        let slug = self.create_org(&owner, name).await;
        let token = self.api_token(&owner, &slug, "write").await;
        (owner, slug, token)
    }

    pub(crate) async fn call(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> TestResponse {
        self.call_with(method, uri, token, body, &[]).await
    }

    async fn call_with(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        body: Option<&Value>,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut builder = Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            builder = builder.header("authorization", format!("Bearer {token}"));
        }
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let body = match body {
            Some(json) => {
                builder = builder.header("content-type", "application/json");
                Body::from(json.to_string())
            }
            None => Body::empty(),
        };
        self.request(builder.body(body).unwrap()).await
    }

    /// Creates a listing through the API and returns its JSON.
    pub(crate) async fn create_listing(&self, token: &str, body: &Value) -> Value {
        let res = self
            .call(Method::POST, "/api/v1/listings", Some(token), Some(body))
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        res.json()
    }
}

pub(crate) fn steel(title: &str, gate: &str) -> Value {
    json!({
        "kind": "commodity",
        "title_en": title,
        "direction": "offer",
        "hs_code": "72.08",
        "quantity": 500,
        "unit": "t",
        "price": "610.5",
        "currency": "usd",
        "province_id": "vn-ha-tinh",
        "gate_ids": [gate],
        "publish": true,
    })
}

fn ids(page: &Value) -> Vec<i64> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect()
}

fn assert_problem(res: &TestResponse, status: StatusCode) -> Value {
    assert_eq!(res.status, status, "{}", res.body);
    assert_eq!(
        res.header("content-type"),
        Some("application/problem+json"),
        "{}",
        res.body
    );
    let problem = res.json();
    assert_eq!(problem["status"], status.as_u16());
    problem
}

#[tokio::test]
async fn listings_are_listed_with_the_browse_filters_and_a_cursor() {
    let app = TestApp::new().await;
    let (_, slug, token) = app.org_with_token("api@hung-aloun.la", "Hung Aloun Trading").await;
    let mut created = Vec::new();
    for n in 0..5 {
        let gate = if n < 3 { "cau-treo" } else { "lao-bao" };
        created.push(
            app.create_listing(&token, &steel(&format!("Steel coil {n}"), gate))
                .await,
        );
    }
    // A draft and another kind are not in the commodity list.
    let mut draft = steel("Draft coil", "cau-treo");
    draft["publish"] = json!(false);
    let draft = app.create_listing(&token, &draft).await;
    assert_eq!(draft["status"], "draft");
    app.create_listing(
        &token,
        &json!({
            "kind": "route", "title_en": "Empty return leg", "direction": "la_to_vn",
            "origin_place": "Thakhek", "destination_place": "Vinh", "gate_ids": ["cau-treo"], "publish": true,
        }),
    )
    .await;

    // Anonymous, two at a time, newest first, to the end.
    let mut seen = Vec::new();
    let mut uri = "/api/v1/listings?kind=commodity&limit=2".to_owned();
    let mut pages = 0;
    loop {
        let res = app.get(&uri).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.header("content-type"), Some("application/json"));
        let page = res.json();
        seen.extend(ids(&page));
        pages += 1;
        match page["next_cursor"].as_str() {
            Some(cursor) => uri = format!("/api/v1/listings?kind=commodity&limit=2&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let mut expected: Vec<i64> = created.iter().map(|l| l["id"].as_i64().unwrap()).collect();
    expected.reverse();
    assert_eq!(seen, expected, "every published commodity once, newest first");

    let by_gate = app.get("/api/v1/listings?kind=commodities&gate=cau-treo").await.json();
    assert_eq!(ids(&by_gate).len(), 3);
    let page = app
        .get(&format!(
            "/api/v1/listings?hs_chapter=72&country=LA&organisation={slug}&direction=offer&province=vn-ha-tinh"
        ))
        .await
        .json();
    assert_eq!(ids(&page).len(), 5);
    assert_eq!(page["items"][0]["hs"]["display"], "72.08");
    assert_eq!(page["items"][0]["gates"][0]["id"], "lao-bao");
    assert_eq!(ids(&app.get("/api/v1/listings?verified=1").await.json()).len(), 0);
    assert_eq!(ids(&app.get("/api/v1/listings?kind=route").await.json()).len(), 1);

    let res = app.get("/api/v1/listings?cursor=nonsense").await;
    let problem = assert_problem(&res, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "cursor");
    assert_problem(
        &app.get("/api/v1/listings?kind=boats").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    assert_problem(
        &app.get("/api/v1/listings?limit=zero").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
}

#[tokio::test]
async fn an_expired_listing_leaves_the_list_and_its_address_is_404() {
    let app = TestApp::new().await;
    let (_, _, token) = app.org_with_token("expiry@trading.la", "Expiry Trading").await;
    let item = app.create_listing(&token, &steel("Rubber soon gone", "cau-treo")).await;
    let id = item["id"].as_i64().unwrap() as i32;
    assert_eq!(app.get(&format!("/api/v1/listings/{id}")).await.status, StatusCode::OK);
    let row = listing::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap();
    let mut active: listing::ActiveModel = row.into();
    active.expires_at = Set(chrono::Utc::now() - chrono::Duration::hours(1));
    active.update(&app.db).await.unwrap();

    assert!(ids(&app.get("/api/v1/listings").await.json()).is_empty());
    assert_problem(&app.get(&format!("/api/v1/listings/{id}")).await, StatusCode::NOT_FOUND);
    // Its own organisation's token still reads it, marked expired.
    let res = app
        .call(Method::GET, &format!("/api/v1/listings/{id}"), Some(&token), None)
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["status"], "expired");
    assert_eq!(res.header("cache-control"), Some("private, no-cache"));
}

#[tokio::test]
async fn a_write_token_creates_updates_and_archives_and_the_json_follows_the_openapi_schema() {
    let app = TestApp::new().await;
    let (_, slug, token) = app.org_with_token("crud@trading.la", "Crud Trading").await;
    let res = app
        .call(
            Method::POST,
            "/api/v1/listings",
            Some(&token),
            Some(&steel("Hot-rolled steel coil", "cau-treo")),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let created = res.json();
    let id = created["id"].as_i64().unwrap();
    let location = res.header("location").unwrap().to_owned();
    assert_eq!(location, format!("/api/v1/listings/{id}"));
    assert_eq!(created["organisation"]["slug"], slug.as_str());
    assert_eq!(created["status"], "published");
    assert_eq!(created["quantity"], 500.0);
    assert_eq!(created["currency"], "USD");
    assert_eq!(created["can_edit"], true);
    let public = app.get(&location).await;
    assert_eq!(public.status, StatusCode::OK);
    assert_eq!(public.json()["title"]["en"], "Hot-rolled steel coil");

    // Full update: the title changes, the kind cannot.
    let mut changed = steel("Cold-rolled steel coil", "lao-bao");
    changed["kind"] = json!("route");
    changed.as_object_mut().unwrap().remove("publish");
    let res = app.call(Method::PUT, &location, Some(&token), Some(&changed)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let updated = res.json();
    assert_eq!(updated["title"]["en"], "Cold-rolled steel coil");
    assert_eq!(updated["kind"], "commodity");
    assert_eq!(updated["status"], "published");
    assert_eq!(updated["gates"][0]["id"], "lao-bao");

    // The OpenAPI document describes what the tests used, and the JSON has every required property.
    let doc = app.get("/api/v1/openapi.json").await;
    assert_eq!(doc.status, StatusCode::OK);
    let doc = doc.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for (path, method) in [
        ("/api/v1/listings", "get"),
        ("/api/v1/listings", "post"),
        ("/api/v1/listings.csv", "get"),
        ("/api/v1/listings/{id}", "get"),
        ("/api/v1/listings/{id}", "put"),
        ("/api/v1/listings/{id}/archive", "post"),
        ("/api/v1/organisations", "get"),
        ("/api/v1/organisations/{slug}", "get"),
        ("/api/v1/me", "get"),
    ] {
        assert!(
            doc["paths"][path][method].is_object(),
            "{method} {path} is not in openapi.json"
        );
    }
    let schemas = &doc["components"]["schemas"];
    let check_required = |schema: &str, value: &Value| {
        let required = schemas[schema]["required"].as_array().expect("required list");
        assert!(!required.is_empty(), "{schema} has required properties");
        for property in required {
            let property = property.as_str().unwrap();
            assert!(
                value.get(property).is_some(),
                "{schema}.{property} missing from {value}"
            );
        }
        for key in value.as_object().unwrap().keys() {
            assert!(
                schemas[schema]["properties"].get(key).is_some(),
                "{schema} does not describe {key}"
            );
        }
    };
    check_required("ListingView", &created);
    check_required("OrgRef", &created["organisation"]);
    check_required("Names", &created["title"]);
    check_required("HsRef", &created["hs"]);
    // The request schema has the fields the tests sent (the listing's own fields are an
    // `allOf` member: the same schema as the form and the CSV columns).
    let request = &schemas["ListingRequest"];
    let described = |key: &str| {
        request["properties"].get(key).is_some()
            || request["allOf"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|part| part["properties"].get(key).is_some())
    };
    for key in steel("x", "y").as_object().unwrap().keys() {
        assert!(described(key), "{key}");
    }
    assert!(described("organisation") && described("publish") && described("priority_infra"));
    let list = app.get("/api/v1/listings").await.json();
    check_required("ListingPage", &list);
    let orgs = app.get("/api/v1/organisations").await.json();
    check_required("OrganisationPage", &orgs);
    let problem = app.get("/api/v1/listings/999999").await.json();
    check_required("Problem", &problem);
    let me = app.call(Method::GET, "/api/v1/me", Some(&token), None).await.json();
    check_required("Me", &me);
    assert_eq!(me["scope"], "write");

    // Archive: it leaves the public list.
    let res = app
        .call(Method::POST, &format!("{location}/archive"), Some(&token), None)
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["status"], "archived");
    assert_problem(&app.get(&location).await, StatusCode::NOT_FOUND);
    assert!(ids(&app.get("/api/v1/listings").await.json()).is_empty());
}

#[tokio::test]
async fn validation_errors_name_every_field_with_a_code_and_a_message() {
    let app = TestApp::new().await;
    let (_, _, token) = app.org_with_token("invalid@trading.la", "Invalid Trading").await;
    let mut body = steel("Bad coil", "cau-treo");
    body["hs_code"] = json!("72x8");
    body["quantity"] = json!(-5);
    body["expires_on"] = json!("2020-01-01");
    body["province_id"] = json!("atlantis");
    let res = app
        .call(Method::POST, "/api/v1/listings", Some(&token), Some(&body))
        .await;
    let problem = assert_problem(&res, StatusCode::UNPROCESSABLE_ENTITY);
    let errors = problem["errors"].as_array().unwrap();
    let code_of = |field: &str| {
        errors
            .iter()
            .find(|e| e["field"] == field)
            .unwrap_or_else(|| panic!("{field} missing from {problem}"))["code"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(code_of("hs_code"), "ErrHsCode");
    assert_eq!(code_of("quantity"), "ErrPositive");
    assert_eq!(code_of("expires_on"), "ErrExpiryPast");
    assert_eq!(code_of("province_id"), "ErrUnknownProvince");
    for error in errors {
        let message = error["message"].as_str().unwrap();
        assert!(!message.is_empty() && !message.starts_with("Err"), "{error}");
    }
    // Messages follow Accept-Language where the catalogue has them.
    let res = app
        .call_with(
            Method::POST,
            "/api/v1/listings",
            Some(&token),
            Some(&json!({ "kind": "commodity", "title_en": "x", "direction": "offer" })),
            &[("accept-language", "vi")],
        )
        .await;
    let problem = assert_problem(&res, StatusCode::UNPROCESSABLE_ENTITY);
    let hs = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["field"] == "hs_code")
        .unwrap();
    assert_eq!(hs["code"], "ErrRequired");
    assert_eq!(hs["message"], "Ô này là bắt buộc.");
    // Not JSON, or unknown fields: 400 problem.
    let res = app
        .call(
            Method::POST,
            "/api/v1/listings",
            Some(&token),
            Some(&json!({ "colour": "red" })),
        )
        .await;
    assert_problem(&res, StatusCode::BAD_REQUEST);
    // Nothing was written.
    assert!(listing::Entity::find().all(&app.db).await.unwrap().is_empty());
}

#[tokio::test]
async fn tokens_decide_who_writes() {
    let app = TestApp::new().await;
    let (owner, slug, token) = app.org_with_token("owner@one.la", "First Trading").await;
    let (_, _, other) = app.org_with_token("owner@two.la", "Second Trading").await;
    let read_only = app.api_token(&owner, &slug, "read").await;
    let item = app.create_listing(&token, &steel("Ours", "cau-treo")).await;
    let uri = format!("/api/v1/listings/{}", item["id"]);
    let body = steel("Changed", "cau-treo");

    // No token.
    let res = app.call(Method::POST, "/api/v1/listings", None, Some(&body)).await;
    assert_problem(&res, StatusCode::UNAUTHORIZED);
    assert_eq!(res.header("www-authenticate"), Some("Bearer"));
    assert_problem(
        &app.call(Method::PUT, &uri, None, Some(&body)).await,
        StatusCode::UNAUTHORIZED,
    );
    assert_problem(
        &app.call(Method::GET, "/api/v1/me", None, None).await,
        StatusCode::UNAUTHORIZED,
    );
    // An unknown token is refused even for public reads.
    assert_problem(
        &app.call(Method::GET, "/api/v1/listings", Some("cor_nope"), None).await,
        StatusCode::UNAUTHORIZED,
    );
    // Read-only.
    assert_problem(
        &app.call(Method::POST, "/api/v1/listings", Some(&read_only), Some(&body))
            .await,
        StatusCode::FORBIDDEN,
    );
    assert_problem(
        &app.call(Method::PUT, &uri, Some(&read_only), Some(&body)).await,
        StatusCode::FORBIDDEN,
    );
    // Another organisation's token.
    assert_problem(
        &app.call(Method::PUT, &uri, Some(&other), Some(&body)).await,
        StatusCode::FORBIDDEN,
    );
    assert_problem(
        &app.call(Method::POST, &format!("{uri}/archive"), Some(&other), None)
            .await,
        StatusCode::FORBIDDEN,
    );
    let mut for_them = body.clone();
    for_them["organisation"] = json!(slug);
    assert_problem(
        &app.call(Method::POST, "/api/v1/listings", Some(&other), Some(&for_them))
            .await,
        StatusCode::FORBIDDEN,
    );
    // A draft is visible to its own organisation's tokens only.
    let mut draft = steel("Draft", "cau-treo");
    draft["publish"] = json!(false);
    let draft = app.create_listing(&token, &draft).await;
    let draft_uri = format!("/api/v1/listings/{}", draft["id"]);
    assert_eq!(
        app.call(Method::GET, &draft_uri, Some(&read_only), None).await.status,
        StatusCode::OK
    );
    assert_problem(
        &app.call(Method::GET, &draft_uri, Some(&other), None).await,
        StatusCode::NOT_FOUND,
    );
    assert_problem(&app.get(&draft_uri).await, StatusCode::NOT_FOUND);
    // An expired token.
    for row in api_token::Entity::find().all(&app.db).await.unwrap() {
        let mut active: api_token::ActiveModel = row.into();
        active.expires_at = Set(chrono::Utc::now() - chrono::Duration::minutes(1));
        active.update(&app.db).await.unwrap();
    }
    assert_problem(
        &app.call(Method::PUT, &uri, Some(&token), Some(&body)).await,
        StatusCode::UNAUTHORIZED,
    );
    // The listing was not changed.
    assert_eq!(app.get(&uri).await.json()["title"]["en"], "Ours");
}

#[tokio::test]
async fn get_answers_carry_an_etag_and_304_when_unchanged() {
    let app = TestApp::new().await;
    let (_, slug, token) = app.org_with_token("etag@trading.la", "Etag Trading").await;
    let item = app.create_listing(&token, &steel("Cached coil", "cau-treo")).await;
    for uri in [
        "/api/v1/listings".to_owned(),
        format!("/api/v1/listings/{}", item["id"]),
        "/api/v1/organisations".to_owned(),
        format!("/api/v1/organisations/{slug}"),
        "/api/v1/listings.csv?kind=commodity".to_owned(),
    ] {
        let first = app.get(&uri).await;
        assert_eq!(first.status, StatusCode::OK, "{uri}");
        let etag = first.header("etag").expect("an ETag").to_owned();
        assert!(etag.starts_with('"') && !etag.starts_with("W/"), "strong: {etag}");
        assert_eq!(first.header("cache-control"), Some("no-cache"));
        let again = app.get_with(&uri, &[("if-none-match", &etag)]).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{uri}");
        assert!(again.body.is_empty());
        assert_eq!(again.header("etag"), Some(etag.as_str()));
        let other = app.get_with(&uri, &[("if-none-match", "\"something-else\"")]).await;
        assert_eq!(other.status, StatusCode::OK);
    }
    // A change makes a new ETag.
    let before = app.get("/api/v1/listings").await.header("etag").unwrap().to_owned();
    app.create_listing(&token, &steel("Another coil", "cau-treo")).await;
    let after = app.get("/api/v1/listings").await.header("etag").unwrap().to_owned();
    assert_ne!(before, after);
}

#[tokio::test]
async fn the_rate_limit_answers_429_with_retry_after() {
    let app = TestApp::with_env(
        seeded_database().await,
        &[("CORRIDOR_API_RATE_ANONYMOUS", "3"), ("CORRIDOR_API_RATE_TOKEN", "4")],
    );
    for _ in 0..3 {
        assert_eq!(app.get("/api/v1/organisations").await.status, StatusCode::OK);
    }
    let res = app.get("/api/v1/listings").await;
    assert_problem(&res, StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = res.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    // A token has its own budget.
    let (_, _, token) = app.org_with_token("busy@trading.la", "Busy Trading").await;
    for n in 0..4 {
        let res = app.call(Method::GET, "/api/v1/me", Some(&token), None).await;
        assert_eq!(res.status, StatusCode::OK, "call {n}: {}", res.body);
        assert_eq!(res.header("ratelimit-remaining"), Some((3 - n).to_string().as_str()));
    }
    let res = app.call(Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_problem(&res, StatusCode::TOO_MANY_REQUESTS);
    assert!(res.header("retry-after").is_some());
}

#[tokio::test]
async fn the_csv_export_neutralises_formulas() {
    let app = TestApp::new().await;
    let (_, _, token) = app.org_with_token("csv@trading.la", "Csv Trading").await;
    app.create_listing(
        &token,
        &steel("=HYPERLINK(\"http://evil.example\",\"coil\")", "cau-treo"),
    )
    .await;
    app.create_listing(&token, &steel("Plain coil", "lao-bao")).await;
    let res = app.get("/api/v1/listings.csv?kind=commodity").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(res
        .header("content-disposition")
        .unwrap()
        .contains("corridor-commodities.csv"));
    let mut lines = res.body.lines();
    assert!(lines.next().unwrap().starts_with("id,organisation,status,published_on"));
    assert!(res.body.contains("'=HYPERLINK"), "{}", res.body);
    assert!(!res.body.contains(",=HYPERLINK"), "{}", res.body);
    assert_eq!(res.body.lines().count(), 3);
    // The same filters as the list.
    let filtered = app.get("/api/v1/listings.csv?kind=commodity&gate=lao-bao").await;
    assert_eq!(filtered.body.lines().count(), 2);
    assert!(filtered.body.contains("Plain coil"));
    // The kind is required.
    let problem = assert_problem(&app.get("/api/v1/listings.csv").await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "kind");
}

#[tokio::test]
async fn organisations_docs_and_unknown_addresses() {
    let app = TestApp::new().await;
    let (_, slug, _) = app.org_with_token("orgs@trading.la", "Directory Trading").await;
    let page = app.get("/api/v1/organisations").await.json();
    let slugs: HashSet<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["slug"].as_str().unwrap())
        .collect();
    assert!(slugs.contains(slug.as_str()), "{page}");
    let org = app.get(&format!("/api/v1/organisations/{slug}")).await;
    assert_eq!(org.status, StatusCode::OK);
    assert_eq!(org.json()["name"], "Directory Trading");
    assert!(org.json().get("verified_on").is_some());
    assert_problem(&app.get("/api/v1/organisations/nobody").await, StatusCode::NOT_FOUND);
    assert_problem(&app.get("/api/v1/nothing-here").await, StatusCode::NOT_FOUND);
    assert_problem(&app.get("/api/v1/listings/not-a-number").await, StatusCode::NOT_FOUND);
    assert_problem(
        &app.call(Method::DELETE, "/api/v1/listings", None, None).await,
        StatusCode::METHOD_NOT_ALLOWED,
    );

    let docs = app.get("/api/docs").await;
    assert_eq!(docs.status, StatusCode::OK);
    assert!(docs.header("content-type").unwrap().starts_with("text/html"));
    for text in [
        "/api/v1/listings/{id}/archive",
        "/api/v1/listings.csv",
        "ListingRequest",
        "If-None-Match",
    ] {
        assert!(docs.body.contains(text), "{text} missing from the docs page");
    }
    assert!(!docs.body.contains("<script"), "no script, nothing fetched");
    assert!(!docs.body.contains("https://"), "nothing from elsewhere");
}
