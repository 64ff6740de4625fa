//! Matches (issue #12): quality against the judged set in `data/matching/` (precision@5), the
//! reasons shown, who may see them, and routes for goods — on both databases.
use crate::helpers::TestApp;
use app::domain::entities::{listing, listing_gate, organisation};
use app::i18n::Lang;
use app::model::MatchReason;
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::collections::HashMap;

const ORGANISATIONS: &str = include_str!("../../../data/matching/organisations.csv");
const LISTINGS: &str = include_str!("../../../data/matching/listings.csv");
const JUDGED: &str = include_str!("../../../data/matching/judged_matches.csv");

fn rows(csv: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(csv.as_bytes());
    reader
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_owned).collect())
        .collect()
}

/// Loads the judged market; returns listing key → id.
async fn load_market(db: &DatabaseConnection) -> HashMap<String, i32> {
    let now = Utc::now();
    let mut orgs = HashMap::new();
    for row in rows(ORGANISATIONS) {
        let org = organisation::ActiveModel {
            slug: Set(format!("judged-{}", row[0].replace('_', "-"))),
            name: Set(format!("Judged {}", row[0])),
            kind: Set("company".into()),
            country: Set(row[1].clone()),
            created_at: Set(now),
            status: Set("active".into()),
            verified_at: Set((row[2] == "yes").then_some(now)),
            languages: Set(Some(row[3].replace(';', ","))),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("organisation");
        orgs.insert(row[0].clone(), (org.id, row[1].clone(), row[2] == "yes"));
    }
    let mut ids = HashMap::new();
    for row in rows(LISTINGS) {
        let (org_id, country, verified) = orgs[&row[1]].clone();
        let (status, expires_at) = match row[7].as_str() {
            "expired" => ("published", now - Duration::days(1)),
            other => (other, now + Duration::days(60)),
        };
        let hs = row[3].clone();
        let item = listing::ActiveModel {
            organisation_id: Set(org_id),
            kind: Set("commodity".into()),
            status: Set(status.into()),
            country: Set(country),
            title_en: Set(Some(row[8].clone())),
            original_lang: Set("en".into()),
            direction: Set(Some(row[2].clone())),
            hs_chapter: Set(Some(hs[..2].to_owned())),
            hs_code: Set(Some(hs)),
            quantity: Set(row[4].parse().ok()),
            unit: Set(Some(row[5].clone())),
            priority_infra: Set(false),
            expires_at: Set(expires_at),
            published_at: Set(Some(now - Duration::days(1))),
            created_at: Set(now),
            updated_at: Set(now),
            origin: Set("test".into()),
            org_verified: Set(verified),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("listing");
        for (position, gate) in row[6].split(';').filter(|g| !g.is_empty()).enumerate() {
            listing_gate::ActiveModel {
                listing_id: Set(item.id),
                gate_id: Set(gate.to_owned()),
                position: Set(position as i32),
            }
            .insert(db)
            .await
            .expect("listing gate");
        }
        ids.insert(row[0].clone(), item.id);
    }
    ids
}

#[tokio::test]
async fn matches_reach_a_precision_at_five_of_at_least_0_8_on_the_judged_set() {
    let app = TestApp::new().await;
    let ids = load_market(&app.db).await;
    let key_of: HashMap<i32, String> = ids.iter().map(|(k, v)| (*v, k.clone())).collect();
    let mut precisions = Vec::new();
    let mut recalls = Vec::new();
    let mut report = Vec::new();
    for row in rows(JUDGED) {
        let query = &row[0];
        let expected: Vec<&str> = row[1].split(';').filter(|k| !k.is_empty()).collect();
        let item = listing::Entity::find_by_id(ids[query])
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let matches = app::domain::matching::compute(&app.db, None, &item, Lang::En, Utc::now())
            .await
            .unwrap();
        let shown: Vec<String> = matches
            .goods
            .iter()
            .take(5)
            .map(|m| {
                key_of
                    .get(&m.listing.id)
                    .cloned()
                    .unwrap_or_else(|| format!("other {}", m.listing.id))
            })
            .collect();
        if expected.is_empty() {
            assert!(shown.is_empty(), "{query} has no counterpart but got {shown:?}");
            continue;
        }
        let hits = shown.iter().filter(|k| expected.contains(&k.as_str())).count();
        let precision = if shown.is_empty() {
            0.0
        } else {
            hits as f64 / shown.len() as f64
        };
        report.push(format!("{query}: {precision:.2} shown {shown:?} expected {expected:?}"));
        precisions.push(precision);
        recalls.push(hits as f64 / expected.len().min(5) as f64);
    }
    assert!(precisions.len() >= 40, "at least 40 judged listings with counterparts");
    let mean = precisions.iter().sum::<f64>() / precisions.len() as f64;
    let recall = recalls.iter().sum::<f64>() / recalls.len() as f64;
    println!(
        "precision@5 = {mean:.3}, recall@5 = {recall:.3} over {} listings\n{}",
        precisions.len(),
        report.join("\n")
    );
    assert!(mean >= 0.8, "precision@5 {mean:.3}:\n{}", report.join("\n"));
}

#[tokio::test]
async fn a_match_explains_its_score_and_the_best_comes_first() {
    let app = TestApp::new().await;
    let ids = load_market(&app.db).await;
    let wanted = listing::Entity::find_by_id(ids["W1"])
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let matches = app::domain::matching::compute(&app.db, None, &wanted, Lang::En, Utc::now())
        .await
        .unwrap();
    let first = &matches.goods[0];
    // The Lao TSNR offer through the same gate beats the Vietnamese one at home and the RSS sheets.
    assert_eq!(first.listing.id, ids["L1"], "{:?}", matches.goods);
    assert!(first
        .reasons
        .contains(&MatchReason::SameSubheading { code: "4001.22".into() }));
    assert!(first.reasons.contains(&MatchReason::AcrossTheBorder {
        from: "LA".into(),
        to: "VN".into()
    }));
    assert!(first.reasons.contains(&MatchReason::SharedGate { gate: "bo-y".into() }));
    assert!(first.reasons.contains(&MatchReason::QuantityCover { percent: 80 }));
    assert!(first.reasons.contains(&MatchReason::Verified));
    assert!(first
        .reasons
        .contains(&MatchReason::SharedLanguage { lang: "vi".into() }));
    assert_eq!(first.score, 45 + 20 + 10 + 8 + 10 + 5);
    let scores: Vec<u32> = matches.goods.iter().map(|m| m.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first: {scores:?}");
    let domestic = matches.goods.iter().find(|m| m.listing.id == ids["L4"]).unwrap();
    assert!(!domestic
        .reasons
        .iter()
        .any(|r| matches!(r, MatchReason::AcrossTheBorder { .. })));
    assert!(domestic.score < first.score);
}

#[tokio::test]
async fn the_owner_sees_matches_with_reasons_in_their_language_and_nobody_else_does() {
    let app = TestApp::new().await;
    // A Lao seller offers rubber (HS 40.01) through Bờ Y.
    let seller = app.confirmed_user("seller@rubber.la").await;
    let res = app
        .post_form(
            "/orgs/new",
            &[
                ("name", "Attapeu Rubber"),
                ("kind", "company"),
                ("country", "LA"),
                ("description_lo", "ຢາງພາລາ"),
            ],
            Some(&seller),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = app
        .post_form(
            "/listings/new",
            &[
                ("organisation", "attapeu-rubber"),
                ("kind", "commodity"),
                ("title_lo", "ຢາງພາລາ RSS3"),
                ("direction", "offer"),
                ("hs_code", "4001"),
                ("quantity", "200"),
                ("unit", "t"),
                ("gate_ids", "bo-y"),
                ("save", "publish"),
            ],
            Some(&seller),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let offer_id: i32 = res
        .header("location")
        .unwrap()
        .trim_start_matches("/listings/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let owner = app.confirmed_user("buyer@tyres.vn").await;
    let res = app
        .post_form(
            "/orgs/new",
            &[
                ("name", "Hanoi Tyres"),
                ("kind", "company"),
                ("country", "VN"),
                ("description_en", "Tyres"),
            ],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let slug = "hanoi-tyres".to_owned();
    let res = app
        .post_form(
            "/listings/new",
            &[
                ("organisation", slug.as_str()),
                ("kind", "commodity"),
                ("title_vi", "Cần mua cao su SVR10"),
                ("direction", "wanted"),
                ("hs_code", "4001.22"),
                ("quantity", "250"),
                ("unit", "t"),
                ("gate_ids", "bo-y"),
                ("save", "publish"),
            ],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let path = res.header("location").unwrap().split('?').next().unwrap().to_owned();
    let id: i32 = path.trim_start_matches("/listings/").parse().unwrap();
    let page = app.get_as(&format!("{path}?lang=vi"), &owner).await;
    assert!(page.body.contains("Kết nối phù hợp"), "{}", page.body);
    assert!(
        page.body.contains("cùng nhóm HS 40.01"),
        "the reason, in Vietnamese: {}",
        page.body
    );
    assert!(page.body.contains("qua biên giới, Lào → Việt Nam"));
    assert!(page.body.contains("from=match#introduction"));
    let stranger = app.confirmed_user("someone@else.la").await;
    let other = app.get_as(&format!("{path}?lang=vi"), &stranger).await;
    assert!(
        !other.body.contains("Kết nối phù hợp"),
        "only the owner sees the matches"
    );
    assert!(!app
        .get(&format!("{path}?lang=vi"))
        .await
        .body
        .contains("Kết nối phù hợp"));
    let mine = app.get_as("/my/matches?lang=en", &owner).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains("same HS heading 40.01"), "{}", mine.body);
    // The API: the owner's token only.
    let token = app.api_token(&owner, &slug, "read").await;
    let res = app
        .call(
            axum::http::Method::GET,
            &format!("/api/v1/listings/{id}/matches"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let json = res.json();
    assert!(json["goods"][0]["score"].as_u64().unwrap() > 0);
    assert!(json["goods"][0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["kind"] == "same_heading"));
    let (_, _, other_token) = app.org_with_token("x@other.la", "Other").await;
    let res = app
        .call(
            axum::http::Method::GET,
            &format!("/api/v1/listings/{id}/matches"),
            Some(&other_token),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    // Asking from a match records where the introduction started.
    let seed_offer = listing::Entity::find_by_id(offer_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let form = app
        .get_as(&format!("/listings/{}?lang=en&from=match", seed_offer.id), &owner)
        .await;
    assert!(form.body.contains("name=\"origin\" value=\"match\""));
    let res = app
        .post_form(
            &format!("/listings/{}/introduction", seed_offer.id),
            &[("message", "Saw you in our matches"), ("origin", "match")],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let intro = app::domain::entities::introduction::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(intro.origin, "match");

    // The weekly digest: once a week per editor, in their language, with the reasons.
    let origin = "http://127.0.0.1:3000";
    let sent = app::domain::matching::send_digests(&app.db, origin, Utc::now())
        .await
        .unwrap();
    assert_eq!(sent, 2, "the buyer's owner and the seller's owner");
    let digest = app::domain::mail::latest_to(&app.db, "buyer@tyres.vn")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(digest.kind, "matches_digest");
    assert!(digest.body.contains("Cần mua cao su SVR10"), "{}", digest.body);
    assert!(digest.body.contains("/my/matches"));
    assert_eq!(
        app::domain::matching::send_digests(&app.db, origin, Utc::now())
            .await
            .unwrap(),
        0,
        "not twice in a week"
    );
    let later = Utc::now() + Duration::days(8);
    assert_eq!(
        app::domain::matching::send_digests(&app.db, origin, later)
            .await
            .unwrap(),
        2
    );
}

#[tokio::test]
async fn goods_meet_routes_in_their_direction_and_backhaul_the_other_way() {
    let app = TestApp::new().await;
    let ids = load_market(&app.db).await;
    let now = Utc::now();
    let carrier = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq("judged-vn-steel"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut routes = HashMap::new();
    for (key, direction, gate, window_end) in [
        ("forward", "la_to_vn", "bo-y", Some(now + Duration::days(30))),
        ("backhaul", "vn_to_la", "bo-y", None),
        ("elsewhere", "la_to_vn", "na-meo", None),
        ("over", "la_to_vn", "bo-y", Some(now - Duration::days(3))),
    ] {
        let route = listing::ActiveModel {
            organisation_id: Set(carrier.id),
            kind: Set("route".into()),
            status: Set("published".into()),
            country: Set("VN".into()),
            title_en: Set(Some(format!("Trucks {key}"))),
            original_lang: Set("en".into()),
            direction: Set(Some(direction.into())),
            window_end: Set(window_end.map(|d| d.date_naive())),
            priority_infra: Set(false),
            expires_at: Set(now + Duration::days(60)),
            published_at: Set(Some(now)),
            created_at: Set(now),
            updated_at: Set(now),
            origin: Set("test".into()),
            org_verified: Set(true),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        listing_gate::ActiveModel {
            listing_id: Set(route.id),
            gate_id: Set(gate.into()),
            position: Set(0),
        }
        .insert(&app.db)
        .await
        .unwrap();
        routes.insert(route.id, key);
    }
    // The Lao rubber offer (LA → VN through Bờ Y).
    let offer = listing::Entity::find_by_id(ids["L1"])
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let matches = app::domain::matching::compute(&app.db, None, &offer, Lang::En, now)
        .await
        .unwrap();
    let shown: Vec<&str> = matches.transport.iter().map(|m| routes[&m.listing.id]).collect();
    assert_eq!(shown[0], "forward", "{shown:?}");
    assert!(shown.contains(&"backhaul"));
    assert!(!shown.contains(&"over"), "a window that has ended");
    let backhaul = matches
        .transport
        .iter()
        .find(|m| routes[&m.listing.id] == "backhaul")
        .unwrap();
    assert!(backhaul.reasons.contains(&MatchReason::Backhaul {
        direction: "vn_to_la".into()
    }));
    let elsewhere = matches
        .transport
        .iter()
        .find(|m| routes[&m.listing.id] == "elsewhere")
        .unwrap();
    assert!(!elsewhere
        .reasons
        .iter()
        .any(|r| matches!(r, MatchReason::RouteGate { .. })));
    // And from the route: the goods it can carry.
    let forward_id = *routes.iter().find(|(_, k)| **k == "forward").unwrap().0;
    let route = listing::Entity::find_by_id(forward_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let goods = app::domain::matching::compute(&app.db, None, &route, Lang::En, now)
        .await
        .unwrap();
    let first = &goods.goods[0];
    assert!(first.reasons.contains(&MatchReason::RouteDirection {
        direction: "la_to_vn".into()
    }));
    assert!(first.reasons.contains(&MatchReason::RouteGate { gate: "bo-y".into() }));
}

/// Investor ↔ opportunity (issue #12): an investor states its interests on its profile (public),
/// and meets the opportunities of its sectors in its provinces whose size fits its ticket; the
/// opportunity's owner sees the investor, with the reasons, on its listing.
#[tokio::test]
async fn an_investor_meets_the_opportunities_its_interests_describe() {
    let app = TestApp::new().await;
    let investor = app.confirmed_user("deals@mekong-capital.vn").await;
    let interests = |min: &str, max: &str| -> Vec<(&'static str, String)> {
        vec![
            ("name", "Mekong Capital Partners".into()),
            ("kind", "investor".into()),
            ("country", "VN".into()),
            (
                "description_en",
                "A Vietnamese fund investing across the border.".into(),
            ),
            ("invest_sectors", "agriculture".into()),
            ("invest_sectors", "energy".into()),
            ("invest_provinces", "la-attapeu".into()),
            ("invest_provinces", "la-sekong".into()),
            ("invest_instruments", "equity".into()),
            ("invest_ticket_min", min.into()),
            ("invest_ticket_max", max.into()),
        ]
    };
    // A ticket range upside down is refused with a message, in the reader's language.
    let fields = interests("3,000,000", "1,000,000");
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form("/orgs/new?lang=vi", &pairs, Some(&investor)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Mức đầu tư tối đa không được nhỏ hơn mức tối thiểu."));
    let fields = interests("1,000,000", "$3 000 000");
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form("/orgs/new", &pairs, Some(&investor)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let investor_slug = res
        .header("location")
        .unwrap()
        .trim_start_matches("/orgs/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let profile = app.get(&format!("/orgs/{investor_slug}?lang=en")).await;
    assert!(profile.body.contains("Investment interests"));
    // Amounts are grouped as the portal groups numbers ("$1 000 000").
    let ticket: String = profile
        .body
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "$–".contains(*c))
        .collect();
    assert!(ticket.contains("$1000000–$3000000"), "{}", profile.body);
    assert!(profile.body.contains("Attapeu"));

    // A Lao project owner posts three opportunities.
    let owner = app.confirmed_user("projects@attapeu.la").await;
    let owner_slug = app.create_org(&owner, "Attapeu Projects").await;
    let mut ids = HashMap::new();
    for (key, title, sector, province, min, max) in [
        (
            "fits",
            "Rubber processing plant, Attapeu",
            "agriculture",
            "la-attapeu",
            "2000000",
            "5000000",
        ),
        (
            "too_big",
            "Hydropower plant, Sekong",
            "energy",
            "la-sekong",
            "50000000",
            "80000000",
        ),
        (
            "other_sector",
            "Eco-lodge, Attapeu",
            "tourism",
            "la-attapeu",
            "1000000",
            "2000000",
        ),
    ] {
        let fields = [
            ("organisation", owner_slug.as_str()),
            ("kind", "opportunity"),
            ("title_en", title),
            ("sector", sector),
            ("stage", "feasibility"),
            ("province_id", province),
            ("size_min_usd", min),
            ("size_max_usd", max),
            ("instruments", "equity"),
            ("instruments", "loan"),
            ("save", "publish"),
        ];
        let res = app.post_form("/listings/new", &fields, Some(&owner)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let id: i32 = res
            .header("location")
            .unwrap()
            .trim_start_matches("/listings/")
            .split(['?', '/'])
            .next()
            .unwrap()
            .parse()
            .unwrap();
        ids.insert(key, id);
    }

    // Saved with an English title only: the owner is asked for the other languages.
    let saved = app
        .get_as(&format!("/listings/{}?notice=saved&lang=en", ids["fits"]), &owner)
        .await;
    assert!(saved.body.contains("Readers across the border"), "{}", saved.body);
    assert!(saved.body.contains("in Vietnamese, Lao."), "{}", saved.body);

    // The investor's matches: the plant, with its reasons; not the too-big dam nor the lodge.
    let mine = app.get_as("/my/matches?lang=en", &investor).await;
    assert!(
        mine.body.contains("Opportunities for your investment interests"),
        "{}",
        mine.body
    );
    assert!(mine.body.contains("Rubber processing plant, Attapeu"));
    assert!(
        mine.body
            .contains("sector High-tech agriculture · in Attapeu · the size fits the ticket · as Equity"),
        "{}",
        mine.body
    );
    assert!(!mine.body.contains("Hydropower plant, Sekong"));
    assert!(!mine.body.contains("Eco-lodge, Attapeu"));

    // The owner sees the investor on the plant's page (and only there), with a way to ask.
    let page = app.get_as(&format!("/listings/{}?lang=en", ids["fits"]), &owner).await;
    assert!(page.body.contains("Investors interested"), "{}", page.body);
    assert!(page.body.contains("Mekong Capital Partners"));
    assert!(page
        .body
        .contains(&format!("/orgs/{investor_slug}?from=match#introduction")));
    let lodge = app
        .get_as(&format!("/listings/{}?lang=en", ids["other_sector"]), &owner)
        .await;
    assert!(!lodge.body.contains("Mekong Capital Partners"));
    // Visitors do not see anybody's matches.
    let public = app.get(&format!("/listings/{}?lang=en", ids["fits"])).await;
    assert!(!public.body.contains("Investors interested"));

    // An investor organisation that stated nothing is pointed to its profile form.
    let other = app.confirmed_user("fund@vientiane.la").await;
    let fields = [
        ("name", "Vientiane Growth Fund"),
        ("kind", "investor"),
        ("country", "LA"),
        ("description_en", "A Lao fund."),
    ];
    let res = app.post_form("/orgs/new", &fields, Some(&other)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let mine = app.get_as("/my/matches?lang=en", &other).await;
    assert!(mine.body.contains("State your investment interests"), "{}", mine.body);
}
