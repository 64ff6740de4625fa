//! Search suggestions as you type: what a reader sees under the search box while typing, in
//! three languages, never a draft or an expired listing, and the same answers from the server
//! function of the `SearchBox` island and from `GET /api/v1/search/suggest` — on both databases.
use crate::helpers::TestApp;
use crate::search::{change, demo_database, demo_index, id_by_title};
use app::domain::search::{suggestions, SearchIndex};
use app::i18n::Lang;
use app::model::Suggestion;
use chrono::Utc;
use sea_orm::ActiveValue::Set;

async fn suggest(index: &SearchIndex, text: &str, lang: Lang) -> Vec<Suggestion> {
    suggestions(Some(index), text, lang, 8)
        .await
        .expect("suggestions answer")
}

fn titles(found: &[Suggestion]) -> Vec<&str> {
    found.iter().map(|s| s.title.as_str()).collect()
}

#[tokio::test]
async fn suggest_completes_a_partial_word_in_vietnamese_english_and_lao() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let (_dir, index) = demo_index(db).await;
    let rubber_en = "Natural rubber RSS3 sheets from Attapeu";
    let rubber = id_by_title(db, rubber_en).await;
    // "cao" (as in cao su, rubber) suggests the Lao rubber offer, titled in the reader's language.
    let found = suggest(&index, "cao", Lang::En).await;
    let offer = found
        .iter()
        .find(|s| s.title == rubber_en)
        .unwrap_or_else(|| panic!("{:?}", titles(&found)));
    assert_eq!(offer.url, format!("/listings/{rubber}"));
    assert_eq!(offer.entity, "listing");
    assert_eq!(offer.kind, "Commodities");
    let found = suggest(&index, "cao", Lang::Vi).await;
    assert!(
        titles(&found).contains(&"Cao su tấm xông khói RSS3 từ Attapeu"),
        "{found:?}"
    );
    // Unaccented Vietnamese, the last word partial: the Cầu Treo gate first (its title), then
    // listings that name the gate.
    for text in ["cau tr", "Cầu Tr", "cau treo", "CAU TRE"] {
        let found = suggest(&index, text, Lang::Vi).await;
        let first = found.first().unwrap_or_else(|| panic!("{text}: nothing"));
        assert_eq!(first.url, "/gates/cau-treo", "{text}: {found:?}");
        assert_eq!(first.entity, "gate");
        assert!(first.title.starts_with("Cầu Treo"), "{}", first.title);
        assert_eq!(first.kind, "Cửa khẩu");
    }
    let steel = suggest(&index, "thep", Lang::Vi).await;
    assert_eq!(steel[0].title, "Thép cuộn cán nóng SS400", "{steel:?}");
    assert_eq!(
        suggest(&index, "excava", Lang::En).await[0].title,
        "Used crawler excavators"
    );
    // Lao: a dictionary word, a word cut short, and the middle of a run without spaces.
    for text in ["ຢາງ", "ຢາງພາ", "ຢາງພາລ"] {
        let found = suggest(&index, text, Lang::Lo).await;
        assert!(
            titles(&found).contains(&"ຢາງພາລາແຜ່ນຮົມຄວັນ RSS3 ຈາກອັດຕະປື"),
            "{text}: {:?}",
            titles(&found)
        );
        assert!(
            titles(&found).contains(&"ຕ້ອງການຊື້ຢາງພາລາທຳມະຊາດ"),
            "{text}: {:?}",
            titles(&found)
        );
    }
    // Organisations by the start of their name.
    let found = suggest(&index, "Ministry of Indus", Lang::En).await;
    assert!(found.iter().any(|s| s.url == "/orgs/moic-laos"), "{found:?}");
    // At most 8, each title once.
    let many = suggest(&index, "ca", Lang::En).await;
    assert!(!many.is_empty() && many.len() <= 8, "{many:?}");
    let mut distinct = titles(&many);
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), many.len(), "{many:?}");
}

#[tokio::test]
async fn suggest_never_shows_drafts_or_expired_listings() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let (_dir, index) = demo_index(db).await;
    let potash = id_by_title(db, "Potash fertiliser (MOP)").await;
    let cassava = id_by_title(db, "Dried cassava chips").await;
    let potash_title = "Potash fertiliser (MOP)";
    let cassava_title = "Dried cassava chips";
    assert!(titles(&suggest(&index, "potas", Lang::En).await).contains(&potash_title));
    assert!(titles(&suggest(&index, "cassa", Lang::En).await).contains(&cassava_title));
    // Back to draft: gone once the indexer has applied the outbox.
    change(db, potash, |l| l.status = Set("draft".into())).await;
    index.catch_up(db).await.expect("apply");
    assert!(!titles(&suggest(&index, "potas", Lang::En).await).contains(&potash_title));
    // Expiring: hidden the moment it expires, with no change for the index to apply (the expiry
    // is checked at query time).
    let expiry = Utc::now() + chrono::Duration::seconds(2);
    change(db, cassava, |l| l.expires_at = Set(expiry)).await;
    index.catch_up(db).await.expect("apply");
    assert!(titles(&suggest(&index, "cassa", Lang::En).await).contains(&cassava_title));
    let wait = (expiry - Utc::now()).to_std().unwrap_or_default() + std::time::Duration::from_millis(100);
    tokio::time::sleep(wait).await;
    assert!(!titles(&suggest(&index, "cassa", Lang::En).await).contains(&cassava_title));
}

#[tokio::test]
async fn suggest_odd_input_never_fails() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let (_dir, index) = demo_index(db).await;
    for text in ["", " ", "c", "ຢ", "  a  "] {
        assert!(suggest(&index, text, Lang::En).await.is_empty(), "{text:?}");
    }
    let long = "cao su ".repeat(1500);
    let ten_kb = "x".repeat(10 * 1024);
    for text in [
        long.as_str(),
        ten_kb.as_str(),
        "\"cau tr",
        "cau \"tr",
        "“cau tr”",
        "(((**: AND OR -[ ~2 ^3 \\ } title:",
        "steel\u{0}\u{7}coil",
        "\u{0}\u{0}\u{0}",
        "ຢາງພາລາ\u{200B}",
        "%00%22",
    ] {
        suggest(&index, text, Lang::En).await;
    }
    assert_eq!(suggest(&index, "\"cau tr", Lang::En).await[0].url, "/gates/cau-treo");
    // No index yet (being built): no suggestions, no error.
    assert!(suggestions(None, "cau tr", Lang::En, 8)
        .await
        .expect("answers")
        .is_empty());
}

#[tokio::test]
async fn suggest_api_and_server_function_answer_json_and_are_documented() {
    let test_db = demo_database().await;
    let dir = tempfile::tempdir().expect("dir");
    let app = TestApp::with_search(test_db, dir.path()).await;
    let res = app.get("/api/v1/search/suggest?q=cau%20tr&lang=vi").await;
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(res.header("content-type"), Some("application/json"));
    assert!(res.header("etag").is_some());
    let json = res.json();
    let first = &json["suggestions"][0];
    assert_eq!(first["url"], "/gates/cau-treo", "{json}");
    assert_eq!(first["entity"], "gate");
    assert_eq!(first["kind"], "Cửa khẩu");
    assert!(
        first["title"].as_str().expect("title").starts_with("Cầu Treo"),
        "{json}"
    );
    // The language from Accept-Language too; a limit.
    let json = app
        .get_with("/api/v1/search/suggest?q=thep&limit=1", &[("accept-language", "vi")])
        .await
        .json();
    assert_eq!(json["suggestions"].as_array().expect("list").len(), 1);
    assert_eq!(json["suggestions"][0]["title"], "Thép cuộn cán nóng SS400");
    // Odd input: an empty list or suggestions, never an error; a bad limit is a problem.
    let ten_kb = format!("/api/v1/search/suggest?q={}", "%22%28rubber%3A".repeat(800));
    for uri in [
        "/api/v1/search/suggest",
        "/api/v1/search/suggest?q=",
        "/api/v1/search/suggest?q=c",
        "/api/v1/search/suggest?q=%22cau%20tr",
        "/api/v1/search/suggest?q=%00%07steel%1F",
        "/api/v1/search/suggest?q=%FF%FE",
        ten_kb.as_str(),
    ] {
        let res = app.get(uri).await;
        assert_eq!(res.status, 200, "{uri}: {}", res.body);
        assert!(res.json()["suggestions"].is_array(), "{uri}");
    }
    for uri in [
        "/api/v1/search/suggest?q=cao&limit=0",
        "/api/v1/search/suggest?q=cao&limit=21",
        "/api/v1/search/suggest?q=cao&limit=many",
    ] {
        let res = app.get(uri).await;
        assert_eq!(res.status, 422, "{uri}: {}", res.body);
        assert_eq!(res.header("content-type"), Some("application/problem+json"), "{uri}");
    }
    assert_eq!(
        app.request(
            axum::http::Request::post("/api/v1/search/suggest")
                .body(axum::body::Body::empty())
                .expect("request")
        )
        .await
        .status,
        405
    );
    // The island's server function (a GET): the same answer.
    let res = app.get("/_fn/search/suggest?q=cau%20tr&lang=Vi").await;
    assert_eq!(res.status, 200, "{}", res.body);
    let list = res.json();
    assert_eq!(list[0]["url"], "/gates/cau-treo", "{list}");
    let res = app
        .get(&format!("/_fn/search/suggest?q={}&lang=En", "%22%28x".repeat(3000)))
        .await;
    assert_eq!(res.status, 200, "{}", res.body);
    // Documented in the OpenAPI document and on the readable page.
    let doc = app.get("/api/v1/openapi.json").await.json();
    let operation = &doc["paths"]["/api/v1/search/suggest"]["get"];
    assert!(operation.is_object(), "{}", doc["paths"]);
    let params: Vec<&str> = operation["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(params, ["q", "limit", "lang"]);
    assert!(doc["components"]["schemas"]["Suggestions"].is_object());
    assert!(doc["components"]["schemas"]["Suggestion"].is_object());
    assert!(app.get("/api/docs").await.body.contains("/api/v1/search/suggest"));
}

#[tokio::test]
async fn suggest_api_without_an_index_answers_an_empty_list() {
    let app = TestApp::new().await;
    let res = app.get("/api/v1/search/suggest?q=steel").await;
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(res.json()["suggestions"], serde_json::json!([]));
}

#[tokio::test]
async fn suggest_search_boxes_render_as_plain_get_forms() {
    let app = TestApp::new().await;
    let page = app.get("/search?q=cao%20su&lang=en").await;
    assert_eq!(page.status, 200);
    // Without JavaScript nothing changes: a GET form with a search input named q, its id kept,
    // and no combobox role until the island hydrates.
    for id in ["header-q", "search-q"] {
        assert!(page.body.contains(&format!("id=\"{id}\"")), "{id}");
        assert!(page.body.contains(&format!("id=\"{id}-suggestions\"")), "{id}");
    }
    assert!(page.body.contains("value=\"cao su\""), "{}", page.body);
    assert!(page
        .body
        .contains("<form method=\"get\" action=\"/search\" role=\"search\""));
    assert!(!page.body.contains("role=\"combobox\""));
}
