//! Server-rendered pages: content, status codes and language.
use crate::helpers::TestApp;
use axum::http::StatusCode;

#[tokio::test]
async fn home_shows_headline_trade_figures_with_their_sources() {
    let app = TestApp::new().await;
    let res = app.get_with("/", &[("accept-language", "en-GB,en;q=0.9")]).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.body.contains("<html lang=\"en\""),
        "{}",
        &res.body[..200.min(res.body.len())]
    );
    assert!(
        res.body.contains("$2.98 billion"),
        "latest full year (2025) total is shown"
    );
    assert!(res.body.contains("10M"), "latest period is shown");
    assert!(
        res.body.contains("60% of the $5 billion target"),
        "progress to the target"
    );
    assert!(res.body.contains("VN MOIT"), "reporter basis is shown");
    assert!(res.body.contains("Hung-Aloun Logistics"));
    assert!(res.body.contains("<title>Home · Corridor"));
}

#[tokio::test]
async fn accept_language_picks_the_first_guess_and_the_cookie_wins_over_it() {
    let app = TestApp::new().await;
    let vi = app.get_with("/", &[("accept-language", "vi-VN,vi;q=0.9")]).await;
    assert!(vi.body.contains("<html lang=\"vi\""));
    assert!(vi.body.contains("Trang chủ"));
    let lo = app
        .get_with("/", &[("accept-language", "vi"), ("cookie", "corridor_lang=lo")])
        .await;
    assert!(lo.body.contains("<html lang=\"lo\""));
    assert!(lo.body.contains("ໜ້າຫຼັກ"));
}

#[tokio::test]
async fn choosing_a_language_in_the_url_sets_the_cookie() {
    let app = TestApp::new().await;
    let res = app.get("/gates?lang=lo").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("<html lang=\"lo\""));
    let cookie = res.header("set-cookie").expect("language cookie");
    assert!(cookie.starts_with("corridor_lang=lo;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"));
}

#[tokio::test]
async fn an_unknown_language_code_falls_back_without_error() {
    let app = TestApp::new().await;
    let res = app.get_with("/?lang=xx", &[("accept-language", "fr")]).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("<html lang=\"en\""));
    assert!(res.header("set-cookie").is_none());
}

#[tokio::test]
async fn gate_list_filters_by_level_and_province_as_a_plain_get_form() {
    let app = TestApp::new().await;
    let res = app.get("/gates?level=international&vn=vn-quang-tri&lang=en").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("href=\"/gates/lao-bao\""));
    assert!(res.body.contains("href=\"/gates/la-lay\""));
    // Cha Lo was in Quảng Bình, which merged into Quảng Trị on 1 July 2025.
    assert!(res.body.contains("href=\"/gates/cha-lo\""));
    assert!(
        !res.body.contains("href=\"/gates/cau-treo\""),
        "a Hà Tĩnh gate is filtered out"
    );
    assert!(res.body.contains("3 gate pairs"), "{}", res.body);
    // The form keeps the choice.
    assert!(res.body.contains("<option value=\"international\" selected"));
    assert!(res.body.contains("method=\"get\""));
}

#[tokio::test]
async fn unknown_filter_values_show_every_gate() {
    let app = TestApp::new().await;
    let res = app.get("/gates?level=%3Cscript%3E&lang=en").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("30 gate pairs"));
    assert!(!res.body.contains("<script>"));
}

#[tokio::test]
async fn gate_page_shows_both_sides_coordinates_sources_and_confidence() {
    let app = TestApp::new().await;
    let res = app.get("/gates/na-meo?lang=en").await;
    assert_eq!(res.status, StatusCode::OK);
    for expected in [
        "Na Mèo",
        "Nậm Xôi",
        "Houaphanh",
        "20.29687",
        "B12",
        "Confidence",
        "Thanh Hoa",
    ] {
        assert!(res.body.contains(expected), "missing {expected}");
    }
    assert!(res.body.contains("<title>Na Mèo"));
}

#[tokio::test]
async fn gate_page_in_lao_uses_lao_names() {
    let app = TestApp::new().await;
    let res = app.get("/gates/tay-trang?lang=lo").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("ປາງຫົກ"), "Lao gate name");
    assert!(res.body.contains("ຜົ້ງສາລີ"), "Lao province name");
}

#[tokio::test]
async fn an_unknown_gate_gets_the_404_page() {
    let app = TestApp::new().await;
    let res = app.get("/gates/atlantis?lang=vi").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(res.body.contains("Không tìm thấy trang"));
}

#[tokio::test]
async fn unknown_routes_get_a_404_page_in_the_readers_language() {
    let app = TestApp::new().await;
    for (lang, text) in [
        ("en", "Page not found"),
        ("vi", "Không tìm thấy trang"),
        ("lo", "ບໍ່ພົບໜ້ານີ້"),
    ] {
        let res = app.get(&format!("/no/such/page?lang={lang}")).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        assert!(res.body.contains(text), "{lang}");
        assert!(res.body.contains(&format!("<html lang=\"{lang}\"")));
    }
}

#[tokio::test]
async fn sources_page_lists_every_cited_source() {
    let app = TestApp::new().await;
    let res = app.get("/sources?lang=en").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("id=\"B04\""));
    assert!(res.body.contains("id=\"T28\""));
}

#[tokio::test]
async fn home_page_html_stays_small() {
    let app = TestApp::new().await;
    let res = app.get("/?lang=lo").await;
    assert!(res.body.len() < 60 * 1024, "home page is {} bytes", res.body.len());
}

#[tokio::test]
async fn a_verified_milestone_party_shows_the_badge_with_its_date_on_the_home_page() {
    use app::domain::entities::organisation;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
    let app = TestApp::new().await;
    // One party of the milestone, up to the next party or the end of the list.
    let party_of = |body: &str, name: &str| -> String {
        let start = body
            .find(&format!("<span class=\"party\">{name}"))
            .unwrap_or_else(|| panic!("{name} is listed as a party"));
        let rest = &body[start + 1..];
        let end = [rest.find("<span class=\"party\">"), rest.find("</p>")]
            .into_iter()
            .flatten()
            .min()
            .unwrap();
        rest[..end].to_owned()
    };
    let party = |body: &str| party_of(body, "Hung-Aloun Logistics");
    let before = app.get("/?lang=en").await;
    assert!(!party(&before.body).contains("badge verified"), "not verified yet");

    let org = organisation::Entity::find()
        .filter(organisation::Column::Name.eq("Hung-Aloun Logistics"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("seeded organisation");
    let verified_at = chrono::DateTime::parse_from_rfc3339("2026-03-14T09:30:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let mut active: organisation::ActiveModel = org.into();
    active.verified_at = Set(Some(verified_at));
    active.update(&app.db).await.unwrap();

    let after = app.get("/?lang=en").await;
    assert_eq!(after.status, StatusCode::OK);
    let shown = party(&after.body);
    assert!(shown.contains("badge verified"), "{shown}");
    assert!(shown.contains("Verified"), "{shown}");
    assert!(
        shown.contains("<time datetime=\"2026-03-14\">2026-03-14</time>"),
        "{shown}"
    );
    // The other party of the MoU is not verified: no badge next to it.
    let other = party_of(&after.body, "Viet–Lao AZ JSC");
    assert!(!other.contains("badge"), "{other}");
}

#[tokio::test]
async fn pages_fetch_no_wasm_until_a_reader_reaches_for_an_island() {
    let app = TestApp::new().await;
    for path in ["/?lang=en", "/gates?lang=vi", "/listings?lang=lo", "/search?q=cao+su"] {
        let page = app.get(path).await;
        let head = &page.body[..page.body.find("</head>").expect("a head")];
        // Neither leptos's modulepreload of the JS glue nor its preload of the wasm: a reader
        // with JavaScript off, or one who only reads, downloads neither.
        assert!(!head.contains("modulepreload"), "{path}: {head}");
        assert!(!head.contains("as=\"fetch\""), "{path}: {head}");
        assert!(!head.contains(".wasm\""), "{path}");
        // One nonce'd module script: the loader that waits for a pointer, a touch or the focus.
        let nonce = page
            .header("content-security-policy")
            .expect("a CSP")
            .split("'nonce-")
            .nth(1)
            .and_then(|s| s.split('\'').next())
            .expect("a nonce")
            .to_owned();
        assert!(
            head.contains(&format!("<script type=\"module\" nonce=\"{nonce}\">// Loads the wasm")),
            "{path}: {head}"
        );
        assert!(
            head.contains("\"pointerover\"") && head.contains("\"focusin\""),
            "{path}"
        );
    }
}

#[tokio::test]
async fn lao_pages_preload_the_lao_font_and_the_others_do_not() {
    let app = TestApp::new().await;
    let preload = "<link rel=\"preload\" href=\"/fonts/noto-sans-lao-lao-400-normal.woff2\" as=\"font\" type=\"font/woff2\" crossorigin=\"anonymous\">";
    let lo = app.get("/gates?lang=lo").await;
    assert!(lo.body.contains(preload), "{}", &lo.body[..lo.body.len().min(2000)]);
    assert!(lo.body.contains("noto-sans-lao-lao-700-normal.woff2"));
    for lang in ["vi", "en"] {
        let page = app.get(&format!("/gates?lang={lang}")).await;
        assert!(!page.body.contains("as=\"font\""), "{lang}");
    }
}
