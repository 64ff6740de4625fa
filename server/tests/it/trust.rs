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

#[tokio::test]
async fn a_registration_document_is_checked_and_only_moderators_can_read_it() {
    use axum::body::Body;
    use axum::http::Request;
    let app = TestApp::new().await;
    let owner = app.confirmed_user("docs@rubber.la").await;
    let slug = app.create_org(&owner, "Document Rubber").await;
    let multipart = |bytes: &[u8]| {
        let boundary = "corridorboundary";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"registration_number\"\r\n\r\nLA-77\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"evidence\"\r\n\r\nCertificate attached\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"document\"; filename=\"cert.pdf\"\r\n\
             Content-Type: application/pdf\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        Request::builder()
            .method("POST")
            .uri(format!("/orgs/{slug}/verification?lang=en"))
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .header("sec-fetch-site", "same-origin")
            .header("cookie", &owner)
            .body(Body::from(body))
            .unwrap()
    };
    let bad = app.request(multipart(b"MZ\x90\x00 an executable")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("This file is not a PDF, PNG or JPEG."));
    let ok = app.request(multipart(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);

    let moderator = app.confirmed_user("docmod@corridor.test").await;
    app.set_platform_role("docmod@corridor.test", "moderator").await;
    let queue = app.get_as("/moderation?lang=en", &moderator).await;
    let href = format!(
        "/moderation/evidence/{}",
        queue
            .body
            .split("/moderation/evidence/")
            .nth(1)
            .expect("a document link")
            .split('"')
            .next()
            .unwrap()
    );
    let doc = app.get_as(&href, &moderator).await;
    assert_eq!(doc.status, StatusCode::OK);
    assert_eq!(doc.header("content-type"), Some("application/pdf"));
    assert!(doc.body.starts_with("%PDF-"));
    assert_eq!(app.get_as(&href, &owner).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get(&href).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_registration_number_is_one_line_and_the_refused_form_keeps_the_evidence() {
    let app = TestApp::new().await;
    let owner = app.confirmed_user("owner@lines.la").await;
    let slug = app.create_org(&owner, "Line Rubber").await;
    let res = app
        .post_form(
            &format!("/orgs/{slug}/verification?lang=en"),
            &[
                ("registration_number", "LA-01\r\nBcc: x@evil.example"),
                ("evidence", "Certificate of the Attapeu DOIC"),
            ],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("Certificate of the Attapeu DOIC"),
        "the evidence is kept"
    );
    // Nothing was saved: the request can still be made, with a clean number.
    let res = app
        .post_form(
            &format!("/orgs/{slug}/verification"),
            &[
                ("registration_number", "LA-01"),
                ("evidence", "Certificate of the Attapeu DOIC"),
            ],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_refused_report_comes_back_open_with_what_was_typed() {
    let app = TestApp::new().await;
    let owner = app.confirmed_user("owner@reported.vn").await;
    let slug = app.create_org(&owner, "Reported Rubber").await;
    let reporter = app.confirmed_user("reporter@trader.la").await;
    let res = app
        .post_form(
            &format!("/orgs/{slug}/report?lang=en"),
            &[("reason", ""), ("details", "Asked for a deposit by wire")],
            Some(&reporter),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The form sits in a disclosure: refused for its reason, it must be open, not hidden.
    let form = res
        .body
        .find(&format!("action=\"/orgs/{slug}/report\""))
        .expect("the report form");
    let details = res.body[..form].rfind("<details").expect("its disclosure");
    assert!(
        res.body[details..form].starts_with("<details open"),
        "{}",
        &res.body[details..form]
    );
    assert!(res.body[form..].contains("Asked for a deposit by wire"));
}
