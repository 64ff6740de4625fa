//! Organisations, members, invitations — and the authorisation matrix (data/authz_matrix.csv).
use crate::helpers::TestApp;
use app::domain::accounts;
use app::domain::entities::user;
use app::domain::policy::{allowed, Action, OrgRole, Principal};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

const PASSWORD: &str = "rubber from Attapeu 2026";
const MATRIX: &str = include_str!("../../../data/authz_matrix.csv");
const PRINCIPALS: [&str; 8] = [
    "anonymous",
    "unconfirmed",
    "viewer",
    "editor",
    "owner",
    "other_owner",
    "moderator",
    "admin",
];

fn org_fields(name: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", name.to_owned()),
        ("kind", "logistics".to_owned()),
        ("country", "LA".to_owned()),
        ("registration_number", "LA-0123".to_owned()),
        ("website", "https://example.la".to_owned()),
        ("description_lo", "ບໍລິການຂົນສົ່ງຜ່ານດ່ານລາວບາວ".to_owned()),
        ("description_en", "".to_owned()),
        ("description_vi", "".to_owned()),
    ]
}

impl TestApp {
    pub async fn confirmed_user(&self, email: &str) -> String {
        let cookie = self.sign_up(email, PASSWORD).await;
        let path = self.mailed_path(email).await;
        let token = path.split("token=").nth(1).unwrap().to_owned();
        let res = self
            .post_form("/account/confirm", &[("token", &token)], Some(&cookie))
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        cookie
    }

    pub async fn create_org(&self, cookie: &str, name: &str) -> String {
        let fields = org_fields(name);
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = self.post_form("/orgs/new", &pairs, Some(cookie)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let location = res.header("location").unwrap();
        location
            .trim_start_matches("/orgs/")
            .split('?')
            .next()
            .unwrap()
            .to_owned()
    }

    pub async fn invite_and_join(&self, owner: &str, slug: &str, email: &str, role: &str, member: &str) {
        let res = self
            .post_form(
                &format!("/orgs/{slug}/members/invite"),
                &[("email", email), ("role", role)],
                Some(owner),
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let path = self.mailed_path(email).await;
        assert!(path.starts_with("/invitations/accept?token="), "{path}");
        let token = path.split("token=").nth(1).unwrap().to_owned();
        let res = self
            .post_form("/invitations/accept", &[("token", &token)], Some(member))
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(res.header("location"), Some(format!("/orgs/{slug}").as_str()));
    }

    pub async fn set_platform_role(&self, email: &str, role: &str) {
        let account = accounts::find_by_email(&self.db, email).await.unwrap().unwrap();
        let mut active: user::ActiveModel = account.into();
        active.platform_role = Set(role.to_owned());
        active.update(&self.db).await.unwrap();
    }
}

#[tokio::test]
async fn a_trader_creates_an_organisation_and_its_profile_is_public() {
    let app = TestApp::new().await;
    let owner = app.confirmed_user("owner@hung-aloun.la").await;
    let slug = app.create_org(&owner, "Sông Mê Kông Logistics – Lao Bảo").await;
    assert_eq!(slug, "song-me-kong-logistics-lao-bao");
    let page = app.get(&format!("/orgs/{slug}?lang=en")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Sông Mê Kông Logistics – Lao Bảo"));
    assert!(page.body.contains("application/ld+json"));
    assert!(page.body.contains("\"@type\":\"Organization\""));
    assert!(
        page.body.contains("Written in"),
        "the Lao description is shown with its language"
    );
    // A second organisation with the same name gets its own address.
    let second = app.create_org(&owner, "Sông Mê Kông Logistics – Lao Bảo").await;
    assert_eq!(second, "song-me-kong-logistics-lao-bao-2");
}

#[tokio::test]
async fn an_unconfirmed_account_cannot_create_an_organisation() {
    let app = TestApp::new().await;
    let cookie = app.sign_up("new@trade.la", PASSWORD).await;
    let fields = org_fields("Too Early Co");
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form("/orgs/new", &pairs, Some(&cookie)).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn organisation_form_mistakes_keep_what_was_typed() {
    let app = TestApp::new().await;
    let owner = app.confirmed_user("typist@trade.vn").await;
    let res = app
        .post_form(
            "/orgs/new?lang=en",
            &[
                ("name", "Thép Việt"),
                ("kind", "spaceship"),
                ("country", "VN"),
                ("description_vi", "Xuất khẩu thép"),
            ],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Choose one of the options."));
    assert!(res.body.contains("value=\"Thép Việt\""));
    assert!(res.body.contains("Xuất khẩu thép"));
}

#[tokio::test]
async fn the_last_owner_cannot_leave_and_invitations_are_for_the_invited_address() {
    let app = TestApp::new().await;
    let owner = app.confirmed_user("boss@trade.vn").await;
    let slug = app.create_org(&owner, "Viet Steel Export").await;
    let owner_id = accounts::find_by_email(&app.db, "boss@trade.vn")
        .await
        .unwrap()
        .unwrap()
        .id;
    let res = app
        .post_form(
            &format!("/orgs/{slug}/members/role?lang=en"),
            &[("member", &owner_id.to_string()), ("role", "viewer")],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("An organisation needs at least one owner."));

    app.post_form(
        &format!("/orgs/{slug}/members/invite"),
        &[("email", "colleague@trade.vn"), ("role", "editor")],
        Some(&owner),
    )
    .await;
    let path = app.mailed_path("colleague@trade.vn").await;
    let token = path.split("token=").nth(1).unwrap().to_owned();
    let stranger = app.confirmed_user("stranger@trade.vn").await;
    let res = app
        .post_form("/invitations/accept?lang=en", &[("token", &token)], Some(&stranger))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("This invitation is for another e-mail address."));
}

/// The expected table, as (subject, principal) → allowed.
fn matrix(kind: &str) -> Vec<(String, Vec<bool>)> {
    MATRIX
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("kind,"))
        .filter_map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[0] == kind).then(|| {
                let allows = cells[2..].iter().map(|c| match *c {
                    "allow" => true,
                    "deny" => false,
                    other => panic!("matrix cell {other:?}"),
                });
                (cells[1].to_owned(), allows.collect())
            })
        })
        .collect()
}

#[test]
fn the_policy_matches_the_authorisation_matrix() {
    use app::domain::accounts::PlatformRole::{Admin, Moderator, User};
    let user = |confirmed: bool, role: Option<OrgRole>, platform| Principal::User {
        user_id: 1,
        email_confirmed: confirmed,
        platform_role: platform,
        role_in_organisation: role,
    };
    let principals = [
        Principal::Anonymous,
        user(false, None, User),
        user(true, Some(OrgRole::Viewer), User),
        user(true, Some(OrgRole::Editor), User),
        user(true, Some(OrgRole::Owner), User),
        user(true, None, User),
        user(true, None, Moderator),
        user(true, None, Admin),
    ];
    let rows = matrix("action");
    assert_eq!(rows.len(), Action::ALL.len(), "every action has a row");
    let mut wrong = Vec::new();
    for action in Action::ALL {
        let (_, expected) = rows.iter().find(|(s, _)| s == action.code()).expect("a row per action");
        for (i, principal) in principals.iter().enumerate() {
            if allowed(principal, action) != expected[i] {
                wrong.push(format!(
                    "{} × {}: expected {}",
                    action.code(),
                    PRINCIPALS[i],
                    expected[i]
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "policy differs from the matrix:\n{}",
        wrong.join("\n")
    );
}

/// A request body of the matrix test.
enum MatrixBody {
    Form(Vec<(&'static str, String)>),
    /// A multipart form with one file field (name, bytes).
    File(&'static str, &'static [u8]),
    /// The CSV import of the organisation (its slug): a one-row commodity file.
    Import(String),
}

impl MatrixBody {
    fn into_request(self, builder: axum::http::request::Builder) -> Request<Body> {
        match self {
            MatrixBody::Form(fields) => builder
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(serde_urlencoded::to_string(&fields).unwrap()))
                .unwrap(),
            MatrixBody::File(name, bytes) => {
                let boundary = "matrixboundary";
                let mut body = format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"f.png\"\r\nContent-Type: image/png\r\n\r\n"
                )
                .into_bytes();
                body.extend_from_slice(bytes);
                body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
                builder
                    .header("content-type", format!("multipart/form-data; boundary={boundary}"))
                    .body(Body::from(body))
                    .unwrap()
            }
            MatrixBody::Import(slug) => {
                let boundary = "matrixboundary";
                let mut body = String::new();
                for (name, value) in [("organisation", slug.as_str()), ("kind", "commodity"), ("publish", "1")] {
                    body.push_str(&format!(
                        "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                    ));
                }
                body.push_str(&format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\nContent-Type: text/csv\r\n\r\n\
                     title_en,direction,hs_code\nMatrix rubber,offer,4001\n\r\n--{boundary}--\r\n"
                ));
                builder
                    .header("content-type", format!("multipart/form-data; boundary={boundary}"))
                    .body(Body::from(body))
                    .unwrap()
            }
        }
    }
}

#[tokio::test]
async fn every_route_allows_and_denies_exactly_as_the_matrix_says() {
    use crate::accounts::session_cookie;
    let app = TestApp::new().await;
    let owner = app.confirmed_user("owner@matrix.la").await;
    let slug = app.create_org(&owner, "Matrix Trading").await;
    let viewer = app.confirmed_user("viewer@matrix.la").await;
    app.invite_and_join(&owner, &slug, "viewer@matrix.la", "viewer", &viewer)
        .await;
    let editor = app.confirmed_user("editor@matrix.la").await;
    app.invite_and_join(&owner, &slug, "editor@matrix.la", "editor", &editor)
        .await;
    // The other owner's organisation is the embassy of the same country (Laos), active in their
    // session: the one principal who may endorse Matrix Trading.
    let other_owner = app.confirmed_user("other@matrix.la").await;
    let mut embassy = org_fields("Other Embassy");
    embassy[1].1 = "embassy".into();
    let pairs: Vec<(&str, &str)> = embassy.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form("/orgs/new", &pairs, Some(&other_owner)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let embassy_slug = "other-embassy".to_owned();
    let unconfirmed = app.sign_up("unconfirmed@matrix.la", PASSWORD).await;
    app.sign_up("bystander@matrix.la", PASSWORD).await;
    let moderator = app.confirmed_user("moderator@matrix.la").await;
    app.set_platform_role("moderator@matrix.la", "moderator").await;
    let admin = app.confirmed_user("admin@matrix.la").await;
    app.set_platform_role("admin@matrix.la", "admin").await;
    let emails = [
        "bystander@matrix.la",
        "unconfirmed@matrix.la",
        "viewer@matrix.la",
        "editor@matrix.la",
        "owner@matrix.la",
        "other@matrix.la",
        "moderator@matrix.la",
        "admin@matrix.la",
    ];
    // The organisation each principal's session has active (restored after account routes).
    let home: [Option<&str>; 8] = [
        None,
        None,
        Some(&slug),
        Some(&slug),
        Some(&slug),
        Some(&embassy_slug),
        None,
        None,
    ];
    let mut sessions: Vec<Option<String>> = vec![
        None,
        Some(unconfirmed),
        Some(viewer),
        Some(editor),
        Some(owner.clone()),
        Some(other_owner),
        Some(moderator),
        Some(admin),
    ];
    let owner_id = accounts::find_by_email(&app.db, "owner@matrix.la")
        .await
        .unwrap()
        .unwrap()
        .id;
    // An API token of Matrix Trading, to revoke.
    let res = app
        .post_form(
            &format!("/orgs/{slug}/tokens"),
            &[("name", "matrix"), ("scope", "read"), ("days", "30")],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let token_id = app::domain::entities::api_token::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    // Invitations to a third organisation, each addressed to one principal's own e-mail
    // (anonymous presents the bystander's): accepting one is every account's own business.
    let inviter = app.confirmed_user("inviter@matrix.la").await;
    let third = app.create_org(&inviter, "Invitation Trading").await;
    let mut invitations = Vec::new();
    for email in emails {
        let res = app
            .post_form(
                &format!("/orgs/{third}/members/invite"),
                &[("email", email), ("role", "viewer")],
                Some(&inviter),
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let path = app.mailed_path(email).await;
        invitations.push(path.split("token=").nth(1).unwrap().to_owned());
    }
    // A published listing of Matrix Trading.
    let listing_fields: Vec<(&'static str, String)> = vec![
        ("organisation", slug.clone()),
        ("kind", "commodity".into()),
        ("title_en", "Matrix steel".into()),
        ("direction", "offer".into()),
        ("hs_code", "7208".into()),
        ("save", "publish".into()),
    ];
    let res = app
        .post_form(
            "/listings/new",
            &listing_fields.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>(),
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let listing_id = res
        .header("location")
        .unwrap()
        .trim_start_matches("/listings/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let org_fields = org_fields("Matrix Trading");
    let mut wrong = Vec::new();
    for (route, expected) in matrix("route") {
        let (method, path) = route.split_once(' ').unwrap();
        let path = path
            .replace("{slug}", &slug)
            .replace("{token}", &token_id.to_string())
            .replace("{listing}", &listing_id);
        for i in 0..PRINCIPALS.len() {
            let body = match path.as_str() {
                "/listings/new" => MatrixBody::Form(listing_fields.clone()),
                p if p.starts_with("/listings/") && p.ends_with("/edit") => MatrixBody::Form(listing_fields.clone()),
                p if p.ends_with("/step") => MatrixBody::Form(vec![("step", "renew".into())]),
                p if p.starts_with("/moderation/listings/") => MatrixBody::Form(vec![("decision", "release".into())]),
                p if p.ends_with("/logistics") => MatrixBody::Form(vec![
                    ("services", "road_haulage".into()),
                    ("gate_ids", "lao-bao".into()),
                ]),
                "/my/listings/import" => MatrixBody::Import(slug.clone()),
                p if p.ends_with("/members/invite") => {
                    MatrixBody::Form(vec![("email", format!("new{i}@matrix.la")), ("role", "viewer".into())])
                }
                // The owner "changes" their own role to owner: allowed, and changes nothing.
                p if p.ends_with("/members/role") => {
                    MatrixBody::Form(vec![("member", owner_id.to_string()), ("role", "owner".into())])
                }
                p if p.ends_with("/verification") => MatrixBody::Form(vec![
                    ("registration_number", "LA-1".into()),
                    ("evidence", "certificate".into()),
                ]),
                p if p.ends_with("/report") => {
                    MatrixBody::Form(vec![("reason", "spam".into()), ("details", "matrix check".into())])
                }
                p if p.ends_with("/endorsement") || p.ends_with("/withdraw") || p.ends_with("/revoke") => {
                    MatrixBody::Form(vec![])
                }
                p if p.ends_with("/tokens") => MatrixBody::Form(vec![
                    ("name", format!("matrix {i}")),
                    ("scope", "read".into()),
                    ("days", "30".into()),
                ]),
                p if p.ends_with("/logo") => MatrixBody::File("logo", crate::logo::PNG),
                // The same password again: a valid change.
                "/account/password" => MatrixBody::Form(vec![
                    ("current_password", PASSWORD.into()),
                    ("password", PASSWORD.into()),
                ]),
                "/account/signout-everywhere" => MatrixBody::Form(vec![]),
                "/account/active-organisation" => MatrixBody::Form(vec![("organisation", slug.clone())]),
                "/invitations/accept" => MatrixBody::Form(vec![("token", invitations[i].clone())]),
                "/admin/roles" => {
                    MatrixBody::Form(vec![("email", "bystander@matrix.la".into()), ("role", "user".into())])
                }
                "/_fn/orgs/members" => MatrixBody::Form(vec![("slug", slug.clone())]),
                p if p.starts_with("/api/") => MatrixBody::Form(vec![]),
                _ => MatrixBody::Form(org_fields.clone()),
            };
            let mut request = Request::builder()
                .method(method)
                .uri(&path)
                .header("sec-fetch-site", "same-origin");
            if let Some(cookie) = &sessions[i] {
                request = request.header("cookie", cookie.as_str());
            }
            let request = if method == "GET" {
                request.body(Body::empty()).unwrap()
            } else {
                body.into_request(request)
            };
            let res = app.request(request).await;
            let location = res.header("location").unwrap_or_default();
            let cleared_session = res
                .headers
                .get_all("set-cookie")
                .iter()
                .any(|c| c.to_str().unwrap_or_default().starts_with("corridor_session=;"));
            let allowed = match res.status {
                // Signing out everywhere ends in the sign-in page, with the session cookie cleared.
                StatusCode::SEE_OTHER if path == "/account/signout-everywhere" => cleared_session,
                StatusCode::OK => true,
                StatusCode::SEE_OTHER | StatusCode::FOUND => !location.starts_with("/account/signin"),
                StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED => false,
                other => {
                    wrong.push(format!("{route} × {}: unexpected status {other}", PRINCIPALS[i]));
                    continue;
                }
            };
            if allowed != expected[i] {
                wrong.push(format!(
                    "{route} × {}: expected {}, got {} ({})",
                    PRINCIPALS[i], expected[i], allowed, res.status
                ));
            }
            // Some routes change the principal itself (its session, its active organisation — creating
            // or joining one makes it active —, its confirmation): put it back as it was.
            if i > 0 && method == "POST" {
                if let Some(cookie) = session_cookie(&res) {
                    sessions[i] = Some(cookie);
                }
                if cleared_session {
                    let res = app
                        .post_form("/account/signin", &[("email", emails[i]), ("password", PASSWORD)], None)
                        .await;
                    sessions[i] = Some(session_cookie(&res).expect("signed in again"));
                }
                if let Some(home) = home[i] {
                    let res = app
                        .post_form(
                            "/account/active-organisation",
                            &[("organisation", home)],
                            sessions[i].as_deref(),
                        )
                        .await;
                    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
                }
                if PRINCIPALS[i] == "unconfirmed" {
                    // Accepting an invitation confirms the address; this principal stays unconfirmed.
                    let account = accounts::find_by_email(&app.db, emails[i]).await.unwrap().unwrap();
                    let mut account: user::ActiveModel = account.into();
                    account.email_confirmed_at = Set(None);
                    account.update(&app.db).await.unwrap();
                }
            }
        }
    }
    assert!(wrong.is_empty(), "routes differ from the matrix:\n{}", wrong.join("\n"));
}

#[tokio::test]
async fn sectors_languages_and_province_are_checked_and_shown() {
    let app = TestApp::new().await;
    let owner = app.confirmed_user("profile@trade.la").await;
    let mut fields: Vec<(&str, String)> = org_fields("Savan Logistics");
    fields.push(("province_id", "vn-nghe-an".into()));
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form("/orgs/new?lang=en", &pairs, Some(&owner)).await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a Vietnamese province for a Lao organisation"
    );
    assert!(res.body.contains("This province is not in the chosen country."));

    let mut fields: Vec<(&str, String)> = org_fields("Savan Logistics");
    fields.extend([
        ("province_id", "la-savannakhet".into()),
        ("sectors", "logistics".into()),
        ("sectors", "import_export".into()),
        ("languages", "lo".into()),
        ("languages", "vi".into()),
    ]);
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form("/orgs/new", &pairs, Some(&owner)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = app.get(&format!("{}&lang=en", res.header("location").unwrap())).await;
    assert!(page.body.contains("Savannakhet"));
    assert!(page.body.contains("Logistics, Import-export"));
    assert!(page.body.contains("ພາສາລາວ, Tiếng Việt"));

    fields.push(("sectors", "piracy".into()));
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form("/orgs/new", &pairs, Some(&owner)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "unknown sector");
}

#[tokio::test]
async fn an_organisation_name_is_one_line_so_it_cannot_add_mail_headers() {
    let app = TestApp::new().await;
    let cookie = app.confirmed_user("crlf@trade.la").await;
    let mut fields = org_fields("Acme\r\nBcc: everyone@example.la");
    fields.push(("lang", "en".to_owned()));
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form("/orgs/new", &pairs, Some(&cookie)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains("Contains characters that are not allowed."),
        "{}",
        res.body
    );
    let orgs = app::domain::entities::organisation::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert!(orgs.iter().all(|o| !o.name.contains('\n') && !o.name.contains('\r')));
    // A description keeps its line breaks.
    let slug = app.create_org(&cookie, "Acme Border Trading").await;
    assert!(!slug.is_empty());
}
