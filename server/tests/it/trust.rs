//! Trust: verification, endorsement, reports and moderation, as users do them over HTTP.
use crate::helpers::TestApp;
use axum::http::StatusCode;

fn org(name: &str, kind: &str, country: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", name.to_owned()),
        ("kind", kind.to_owned()),
        ("country", country.to_owned()),
        ("description_en", format!("{name}, a test organisation")),
    ]
}

fn pairs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[tokio::test]
async fn a_moderator_verifies_an_organisation_and_the_badge_appears() {
    let app = TestApp::new().await;
    let owner = app.confirmed_user("owner@rubber.la").await;
    let slug = app.create_org(&owner, "Attapeu Rubber").await;
    let res = app
        .post_form(
            &format!("/orgs/{slug}/verification?lang=en"),
            &[("registration_number", "LA-01"), ("evidence", "")],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "evidence is required");
    let res = app
        .post_form(
            &format!("/orgs/{slug}/verification"),
            &[
                ("registration_number", "LA-01-2024"),
                ("evidence", "Enterprise registration certificate, Attapeu DOIC"),
            ],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);

    let moderator = app.confirmed_user("mod@corridor.test").await;
    app.set_platform_role("mod@corridor.test", "moderator").await;
    let queue = app.get_as("/moderation?lang=en", &moderator).await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.body.contains("Enterprise registration certificate"));
    let id = queue
        .body
        .split("/moderation/verifications/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    // Rejecting needs a reason.
    let res = app
        .post_form(
            &format!("/moderation/verifications/{id}?lang=en"),
            &[("decision", "reject"), ("reason", "")],
            Some(&moderator),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .post_form(
            &format!("/moderation/verifications/{id}"),
            &[("decision", "approve")],
            Some(&moderator),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);

    let page = app.get(&format!("/orgs/{slug}?lang=en")).await;
    assert!(page.body.contains("Verified by Corridor on"), "the badge with its date");
    // An ordinary member cannot decide verifications.
    assert_eq!(app.get_as("/moderation", &owner).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_embassy_endorses_an_organisation_of_its_own_country_and_can_withdraw() {
    let app = TestApp::new().await;
    let trader = app.confirmed_user("trader@coffee.la").await;
    let target = app.create_org(&trader, "Bolaven Coffee").await;
    let officer = app.confirmed_user("officer@embassy.la").await;
    let res = app
        .post_form(
            "/orgs/new",
            &pairs(&org("Lao Embassy Trade Office", "embassy", "LA")),
            Some(&officer),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = app
        .post_form(&format!("/orgs/{target}/endorsement"), &[], Some(&officer))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = app.get(&format!("/orgs/{target}?lang=en")).await;
    assert!(page.body.contains("Endorsed by"));
    assert!(page.body.contains("Lao Embassy Trade Office"));

    // A Vietnamese company's owner is no embassy: refused.
    let vn = app.confirmed_user("owner@steel.vn").await;
    app.post_form("/orgs/new", &pairs(&org("Viet Steel", "company", "VN")), Some(&vn))
        .await;
    assert_eq!(
        app.post_form(&format!("/orgs/{target}/endorsement"), &[], Some(&vn))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    let res = app
        .post_form(&format!("/orgs/{target}/endorsement/withdraw"), &[], Some(&officer))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(!app
        .get(&format!("/orgs/{target}?lang=en"))
        .await
        .body
        .contains("Endorsed by"));
}

#[tokio::test]
async fn a_reported_fake_company_is_suspended_and_disappears_from_public_view() {
    let app = TestApp::new().await;
    let faker = app.confirmed_user("fake@scam.example").await;
    let slug = app.create_org(&faker, "Totally Real Rubber").await;
    let reporter = app.sign_up("honest@trade.vn", "rubber from Attapeu 2026").await;
    let res = app
        .post_form(
            &format!("/orgs/{slug}/report?lang=en"),
            &[("reason", "fraud"), ("details", "")],
            Some(&reporter),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "details are required");
    let res = app
        .post_form(
            &format!("/orgs/{slug}/report"),
            &[
                ("reason", "fraud"),
                ("details", "Asked for a deposit by wire and vanished"),
            ],
            Some(&reporter),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);

    let moderator = app.confirmed_user("mod2@corridor.test").await;
    app.set_platform_role("mod2@corridor.test", "moderator").await;
    let queue = app.get_as("/moderation?lang=en", &moderator).await;
    assert!(queue.body.contains("Asked for a deposit by wire"));
    let id = queue
        .body
        .split("/moderation/reports/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let res = app
        .post_form(
            &format!("/moderation/reports/{id}"),
            &[("outcome", "suspend")],
            Some(&moderator),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);

    assert_eq!(
        app.get(&format!("/orgs/{slug}")).await.status,
        StatusCode::NOT_FOUND,
        "hidden from the public"
    );
    assert_eq!(
        app.get_as(&format!("/orgs/{slug}"), &moderator).await.status,
        StatusCode::OK
    );
    let audit = app_audit_actions(&app).await;
    for action in ["report.create", "moderation.report"] {
        assert!(audit.iter().any(|a| a == action), "{action} audited");
    }
}

async fn app_audit_actions(app: &TestApp) -> Vec<String> {
    app::domain::audit::recent(&app.db, 500)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect()
}
