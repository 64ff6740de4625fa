//! Accounts: sign-up, confirmation, sign-in and its throttle, sessions, passwords, CSRF,
//! administrators — through HTTP, as a browser without JavaScript would do it.
use crate::helpers::{TestApp, TestResponse};
use app::domain::{accounts, mail};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use sea_orm::{EntityTrait, PaginatorTrait};

const ORIGIN: &str = "http://127.0.0.1:3000";

fn form_body(fields: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(fields).unwrap()
}

impl TestApp {
    /// A same-origin form post, as a browser sends it.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)], cookie: Option<&str>) -> TestResponse {
        let mut builder = Request::builder()
            .method("POST")
            .uri(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", ORIGIN)
            .header("sec-fetch-site", "same-origin");
        if let Some(cookie) = cookie {
            builder = builder.header("cookie", cookie);
        }
        self.request(builder.body(Body::from(form_body(fields))).unwrap()).await
    }

    pub async fn get_as(&self, path: &str, cookie: &str) -> TestResponse {
        self.get_with(path, &[("cookie", cookie)]).await
    }

    /// A same-origin form post from a client address (as the TCP peer).
    pub async fn post_form_from(
        &self,
        addr: &str,
        path: &str,
        fields: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> TestResponse {
        let mut builder = Request::builder()
            .method("POST")
            .uri(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", ORIGIN)
            .header("sec-fetch-site", "same-origin");
        if let Some(cookie) = cookie {
            builder = builder.header("cookie", cookie);
        }
        let mut request = builder.body(Body::from(form_body(fields))).unwrap();
        let peer: std::net::SocketAddr = format!("{addr}:40000").parse().unwrap();
        request.extensions_mut().insert(axum::extract::ConnectInfo(peer));
        self.request(request).await
    }

    /// Signs up (unconfirmed), then signs in, and returns the session cookie (`corridor_session=…`).
    pub async fn sign_up(&self, email: &str, password: &str) -> String {
        let res = self
            .post_form(
                "/account/signup",
                &[
                    ("display_name", "Somchai Phommavong"),
                    ("email", email),
                    ("password", password),
                    ("lang", "lo"),
                ],
                None,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(res.header("location"), Some("/account/signup?sent=1"));
        assert!(session_cookie(&res).is_none(), "sign-up alone signs nobody in");
        let res = self
            .post_form("/account/signin", &[("email", email), ("password", password)], None)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        session_cookie(&res).expect("signed in")
    }

    /// The link in the newest mail to `email`, as a path.
    pub async fn mailed_path(&self, email: &str) -> String {
        let mail = mail::latest_to(&self.db, email)
            .await
            .unwrap()
            .expect("a mail was queued");
        let link = mail::first_link(&mail.body).expect("the mail has a link");
        link.trim_start_matches(ORIGIN).to_owned()
    }
}

pub(crate) fn session_cookie(res: &TestResponse) -> Option<String> {
    res.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("corridor_session=") && !c.starts_with("corridor_session=;"))
        .map(|c| c.split(';').next().unwrap().to_owned())
}

fn token_of(path: &str) -> String {
    path.split("token=").nth(1).expect("a token in the link").to_owned()
}

const GOOD_PASSWORD: &str = "rubber from Attapeu 2026";

#[tokio::test]
async fn a_lao_trader_signs_up_and_confirms_the_email_address() {
    let app = TestApp::new().await;
    let cookie = app.sign_up("somchai@trade.la", GOOD_PASSWORD).await;

    let account = app.get_as("/account?notice=welcome", &cookie).await;
    assert_eq!(account.status, StatusCode::OK);
    assert!(account.body.contains("somchai@trade.la"));
    assert!(account.body.contains("ຍັງບໍ່ໄດ້ຢືນຢັນ") || account.body.contains("not confirmed yet"));

    // The confirmation mail is in the outbox, in the language chosen at sign-up.
    let mail = mail::latest_to(&app.db, "somchai@trade.la").await.unwrap().unwrap();
    assert!(mail.subject.contains("ຢືນຢັນ"), "{}", mail.subject);
    let path = app.mailed_path("somchai@trade.la").await;
    assert!(path.starts_with("/account/confirm?token="), "{path}");

    // Opening the link changes nothing; pressing the button confirms.
    let page = app.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    let user = accounts::find_by_email(&app.db, "somchai@trade.la")
        .await
        .unwrap()
        .unwrap();
    assert!(user.email_confirmed_at.is_none());
    let res = app
        .post_form("/account/confirm", &[("token", &token_of(&path))], Some(&cookie))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let user = accounts::find_by_email(&app.db, "somchai@trade.la")
        .await
        .unwrap()
        .unwrap();
    assert!(user.email_confirmed_at.is_some());

    // The same link cannot be used twice.
    let again = app
        .post_form("/account/confirm", &[("token", &token_of(&path))], Some(&cookie))
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("ລິ້ງນີ້ຖືກໃຊ້ແລ້ວ") || again.body.contains("already been used"));
}

#[tokio::test]
async fn sign_up_with_a_taken_address_answers_as_for_a_new_one_and_mails_the_owner() {
    let app = TestApp::new().await;
    app.sign_up("taken@trade.vn", GOOD_PASSWORD).await;
    let owner = accounts::find_by_email(&app.db, "taken@trade.vn")
        .await
        .unwrap()
        .unwrap();
    let users_before = app::domain::entities::user::Entity::find()
        .count(&app.db)
        .await
        .unwrap();

    let sign_up = |email: &'static str| {
        let app = &app;
        async move {
            app.post_form(
                "/account/signup?lang=en",
                &[
                    ("display_name", "Nguyễn Văn An"),
                    ("email", email),
                    ("password", "an attacker's own phrase 9"),
                ],
                None,
            )
            .await
        }
    };
    let taken = sign_up("Taken@Trade.vn").await;
    let fresh = sign_up("fresh@trade.vn").await;
    for res in [&taken, &fresh] {
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(res.header("location"), Some("/account/signup?sent=1"));
        assert!(session_cookie(res).is_none(), "nobody is signed in by a sign-up");
        assert_eq!(res.body, "", "the answers are byte for byte the same");
    }
    let page = app.get("/account/signup?sent=1&lang=en").await;
    assert!(page.body.contains("Check your mail"), "{}", page.body);

    // The owner is told, in the language of the account, with a way in; the account is unchanged.
    let mail = mail::latest_to(&app.db, "taken@trade.vn").await.unwrap().unwrap();
    assert_eq!(mail.kind, "account_exists");
    assert!(mail.body.contains("/account/forgot"), "{}", mail.body);
    let after = accounts::find_by_email(&app.db, "taken@trade.vn")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.password_hash, owner.password_hash);
    assert_eq!(after.display_name, owner.display_name);
    assert_eq!(
        app::domain::entities::user::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        users_before + 1,
        "only the fresh address got an account"
    );
    // Repeating it does not flood the owner's mailbox.
    for _ in 0..5 {
        sign_up("taken@trade.vn").await;
    }
    let told = mail::sent_last_hour(&app.db, "taken@trade.vn", &["account_exists", "confirm_email"])
        .await
        .unwrap();
    assert!(told <= mail::ACCOUNT_MAILS_PER_HOUR, "{told} mails");

    // The fresh address confirms with its link, which signs it in.
    let path = app.mailed_path("fresh@trade.vn").await;
    let res = app
        .post_form("/account/confirm", &[("token", &token_of(&path))], None)
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.header("location"), Some("/account?notice=welcome"));
    let cookie = session_cookie(&res).expect("the confirmation link signs in");
    let account = app.get_as("/account?notice=welcome&lang=en", &cookie).await;
    assert!(
        account.body.contains("Your e-mail address is confirmed."),
        "{}",
        account.body
    );
}

#[tokio::test]
async fn sign_up_mistakes_are_shown_next_to_the_field_and_nothing_is_saved() {
    let app = TestApp::new().await;
    let weak = app
        .post_form(
            "/account/signup?lang=vi",
            &[("display_name", "An"), ("email", "an@trade.vn"), ("password", "12345")],
            None,
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.body.contains("Mật khẩu cần ít nhất 10 ký tự."));
    assert!(weak.body.contains("aria-invalid=\"true\""));
    assert!(accounts::find_by_email(&app.db, "an@trade.vn").await.unwrap().is_none());
}

#[tokio::test]
async fn signing_in_replaces_the_session_and_signing_out_ends_it() {
    let app = TestApp::new().await;
    let first = app.sign_up("lan@trade.vn", GOOD_PASSWORD).await;
    let res = app
        .post_form(
            "/account/signin",
            &[
                ("email", "LAN@trade.vn "),
                ("password", GOOD_PASSWORD),
                ("next", "/gates"),
            ],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.header("location"), Some("/gates"));
    let cookie_header = res.header("set-cookie").unwrap().to_owned();
    assert!(
        cookie_header.contains("HttpOnly") && cookie_header.contains("SameSite=Lax"),
        "{cookie_header}"
    );
    let second = session_cookie(&res).unwrap();
    assert_ne!(first, second, "a new session id at sign-in");

    let home = app.get_as("/", &second).await;
    assert!(
        home.body.contains("Somchai Phommavong"),
        "the header names the signed-in user"
    );

    let out = app.post_form("/account/signout", &[], Some(&second)).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    let after = app.get_as("/account", &second).await;
    assert_eq!(
        after.status,
        StatusCode::FOUND,
        "a signed-out visitor is sent to sign in"
    );
    assert!(after.header("location").unwrap().starts_with("/account/signin"));
    // The other session still works until "sign out everywhere".
    assert_eq!(app.get_as("/account", &first).await.status, StatusCode::OK);
    app.post_form("/account/signout-everywhere", &[], Some(&first)).await;
    assert_eq!(app.get_as("/account", &first).await.status, StatusCode::FOUND);
}

#[tokio::test]
async fn sign_in_never_redirects_to_another_site() {
    assert_eq!(server::forms::safe_next("//evil.example/x"), "/account");
    assert_eq!(server::forms::safe_next("https://evil.example"), "/account");
    assert_eq!(server::forms::safe_next("/gates?level=main"), "/gates?level=main");
}

#[tokio::test]
async fn wrong_password_and_unknown_address_look_the_same() {
    let app = TestApp::new().await;
    app.sign_up("vong@trade.la", GOOD_PASSWORD).await;
    let wrong = app
        .post_form(
            "/account/signin?lang=en",
            &[("email", "vong@trade.la"), ("password", "not the password")],
            None,
        )
        .await;
    let unknown = app
        .post_form(
            "/account/signin?lang=en",
            &[("email", "nobody@trade.la"), ("password", "not the password")],
            None,
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("The e-mail address or password is not right."));
    assert!(unknown.body.contains("The e-mail address or password is not right."));
    assert!(wrong.body.contains("value=\"vong@trade.la\""), "the address is kept");
}

#[tokio::test]
async fn brute_force_sign_in_gets_429_with_retry_after() {
    let app = TestApp::new().await;
    app.sign_up("target@trade.la", GOOD_PASSWORD).await;
    for attempt in 0..accounts::throttle::MAX_FAILURES_PER_SOURCE {
        let res = app
            .post_form(
                "/account/signin",
                &[("email", "target@trade.la"), ("password", &format!("guess {attempt}"))],
                None,
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "attempt {attempt}");
    }
    // Even the right password is refused now.
    let res = app
        .post_form(
            "/account/signin?lang=en",
            &[("email", "target@trade.la"), ("password", GOOD_PASSWORD)],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = res.header("retry-after").expect("Retry-After").parse().unwrap();
    assert!(retry > 0 && retry <= 3600);
    assert!(res.body.contains("Too many attempts"));
}

#[tokio::test]
async fn a_spoofed_forwarded_for_header_does_not_change_the_client_address() {
    use server::middleware::client_addr;
    let peer: std::net::IpAddr = "203.0.113.9".parse().unwrap();
    let proxy: std::net::IpAddr = "10.0.0.2".parse().unwrap();
    let mut headers = axum::http::HeaderMap::new();
    headers.insert("x-forwarded-for", "198.51.100.7".parse().unwrap());
    assert_eq!(client_addr(Some(peer), &headers, &[]), "203.0.113.9");
    assert_eq!(client_addr(Some(proxy), &headers, &[proxy]), "198.51.100.7");
    headers.insert("x-forwarded-for", "1.2.3.4, 198.51.100.7".parse().unwrap());
    assert_eq!(
        client_addr(Some(proxy), &headers, &[proxy]),
        "198.51.100.7",
        "the nearest untrusted hop"
    );
}

#[tokio::test]
async fn cross_site_form_posts_with_a_session_are_refused() {
    let app = TestApp::new().await;
    let cookie = app.sign_up("victim@trade.vn", GOOD_PASSWORD).await;
    let request = Request::builder()
        .method("POST")
        .uri("/account/signout-everywhere")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", "https://evil.example")
        .header("sec-fetch-site", "cross-site")
        .header("cookie", &cookie)
        .body(Body::empty())
        .unwrap();
    let res = app.request(request).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get_as("/account", &cookie).await.status,
        StatusCode::OK,
        "the session survived"
    );

    // No Sec-Fetch-Site, but an Origin from elsewhere: refused too.
    let request = Request::builder()
        .method("POST")
        .uri("/account/signout")
        .header("origin", "https://evil.example")
        .header("cookie", &cookie)
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.request(request).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn password_reset_link_works_once_and_ends_every_session() {
    let app = TestApp::new().await;
    let cookie = app.sign_up("reset@trade.vn", GOOD_PASSWORD).await;
    let res = app
        .post_form("/account/forgot", &[("email", "reset@trade.vn")], None)
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.header("location"), Some("/account/forgot?sent=1"));
    // Unknown addresses get the same answer and no mail.
    let res = app
        .post_form("/account/forgot", &[("email", "ghost@trade.vn")], None)
        .await;
    assert_eq!(res.header("location"), Some("/account/forgot?sent=1"));
    assert!(mail::latest_to(&app.db, "ghost@trade.vn").await.unwrap().is_none());

    let path = app.mailed_path("reset@trade.vn").await;
    assert!(path.starts_with("/account/reset?token="));
    let token = token_of(&path);
    // A weak new password keeps the link usable.
    let weak = app
        .post_form(
            "/account/reset?lang=en",
            &[("token", &token), ("password", "short")],
            None,
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        weak.body.contains(&format!("value=\"{token}\"")),
        "the token stays in the form"
    );
    let ok = app
        .post_form(
            "/account/reset",
            &[("token", &token), ("password", "a brand new phrase 7")],
            None,
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.get_as("/account", &cookie).await.status,
        StatusCode::FOUND,
        "old sessions ended"
    );
    let reused = app
        .post_form(
            "/account/reset?lang=en",
            &[("token", &token), ("password", "another phrase 8")],
            None,
        )
        .await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reused.body.contains("already been used"));
    let signed_in = app
        .post_form(
            "/account/signin",
            &[("email", "reset@trade.vn"), ("password", "a brand new phrase 7")],
            None,
        )
        .await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn changing_the_password_checks_the_old_one_and_rotates_the_session() {
    let app = TestApp::new().await;
    let cookie = app.sign_up("change@trade.la", GOOD_PASSWORD).await;
    let wrong = app
        .post_form(
            "/account/password?lang=en",
            &[
                ("current_password", "not it at all"),
                ("password", "new phrase for 2027"),
            ],
            Some(&cookie),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("The current password is not right."));
    let ok = app
        .post_form(
            "/account/password",
            &[("current_password", GOOD_PASSWORD), ("password", "new phrase for 2027")],
            Some(&cookie),
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let fresh = session_cookie(&ok).expect("a fresh session");
    assert_ne!(fresh, cookie);
    assert_eq!(
        app.get_as("/account", &cookie).await.status,
        StatusCode::FOUND,
        "the old session ended"
    );
    assert_eq!(app.get_as("/account", &fresh).await.status, StatusCode::OK);
}

#[tokio::test]
async fn only_administrators_see_the_mailbox_and_audit_log() {
    let app = TestApp::new().await;
    let user = app.sign_up("user@trade.vn", GOOD_PASSWORD).await;
    assert_eq!(app.get_as("/admin/audit", &user).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/admin/mailbox").await.status, StatusCode::FOUND);

    accounts::create_admin(&app.db, "admin@corridor.test", "harbour lights 2026")
        .await
        .unwrap();
    let res = app
        .post_form(
            "/account/signin",
            &[("email", "admin@corridor.test"), ("password", "harbour lights 2026")],
            None,
        )
        .await;
    let admin = session_cookie(&res).unwrap();
    let audit = app.get_as("/admin/audit", &admin).await;
    assert_eq!(audit.status, StatusCode::OK);
    assert!(audit.body.contains("account.sign_up"));
    assert!(audit.body.contains("account.sign_in"));
    let mailbox = app.get_as("/admin/mailbox", &admin).await;
    assert!(mailbox.body.contains("user@trade.vn"));
}

#[tokio::test]
async fn server_functions_without_a_session_get_401_and_with_the_wrong_role_403() {
    let app = TestApp::new().await;
    let call = |cookie: Option<String>| {
        let mut builder = Request::builder()
            .method("POST")
            .uri("/_fn/admin/audit")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin");
        if let Some(cookie) = cookie {
            builder = builder.header("cookie", cookie);
        }
        builder.body(Body::empty()).unwrap()
    };
    assert_eq!(app.request(call(None)).await.status, StatusCode::UNAUTHORIZED);
    let user = app.sign_up("plain@trade.vn", GOOD_PASSWORD).await;
    assert_eq!(app.request(call(Some(user))).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_administrator_appoints_a_moderator_who_then_sees_the_queue() {
    let app = TestApp::new().await;
    accounts::create_admin(&app.db, "chief@corridor.test", "harbour lights 2026")
        .await
        .unwrap();
    let res = app
        .post_form(
            "/account/signin",
            &[("email", "chief@corridor.test"), ("password", "harbour lights 2026")],
            None,
        )
        .await;
    let admin = session_cookie(&res).unwrap();
    let future_moderator = app.sign_up("mod-to-be@trade.vn", GOOD_PASSWORD).await;
    assert_eq!(
        app.get_as("/moderation", &future_moderator).await.status,
        StatusCode::FORBIDDEN
    );

    let unknown = app
        .post_form(
            "/admin/roles?lang=en",
            &[("email", "nobody@trade.vn"), ("role", "moderator")],
            Some(&admin),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains("No account uses this address."));
    let own = app
        .post_form(
            "/admin/roles?lang=en",
            &[("email", "chief@corridor.test"), ("role", "user")],
            Some(&admin),
        )
        .await;
    assert!(own.body.contains("You cannot change your own role."));

    let ok = app
        .post_form(
            "/admin/roles",
            &[("email", "mod-to-be@trade.vn"), ("role", "moderator")],
            Some(&admin),
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    // The role applies from the next sign-in.
    assert_eq!(
        app.get_as("/moderation", &future_moderator).await.status,
        StatusCode::FOUND
    );
    let res = app
        .post_form(
            "/account/signin",
            &[("email", "mod-to-be@trade.vn"), ("password", GOOD_PASSWORD)],
            None,
        )
        .await;
    let moderator = session_cookie(&res).unwrap();
    assert_eq!(app.get_as("/moderation", &moderator).await.status, StatusCode::OK);
    assert!(app
        .get_as("/admin/audit", &admin)
        .await
        .body
        .contains("account.role_change"));
}

/// A cross-site form post, without any cookie, as a hostile page makes it.
async fn cross_site_post(
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
    origin: &str,
    site: Option<&str>,
) -> TestResponse {
    let mut builder = Request::builder()
        .method("POST")
        .uri(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", origin);
    if let Some(site) = site {
        builder = builder.header("sec-fetch-site", site);
    }
    app.request(builder.body(Body::from(form_body(fields))).unwrap()).await
}

#[tokio::test]
async fn cross_site_posts_without_cookies_are_refused_so_nobody_is_signed_in_as_the_attacker() {
    let app = TestApp::new().await;
    app.sign_up("attacker@example.la", "correct horse battery staple").await;
    let before = app::domain::entities::mail::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    for (path, fields) in [
        (
            "/account/signin",
            vec![
                ("email", "attacker@example.la"),
                ("password", "correct horse battery staple"),
            ],
        ),
        (
            "/account/signup",
            vec![
                ("display_name", "X"),
                ("email", "new@example.la"),
                ("password", "correct horse battery staple"),
            ],
        ),
        ("/account/forgot", vec![("email", "attacker@example.la")]),
        (
            "/account/reset",
            vec![("token", "x"), ("password", "correct horse battery staple")],
        ),
        ("/account/confirm", vec![("token", "x")]),
    ] {
        for (origin, site) in [
            ("https://evil.example", Some("cross-site")),
            ("https://evil.example", None),
            ("null", None),
            ("http://127.0.0.1:3000", Some("same-site")),
        ] {
            let res = cross_site_post(&app, path, &fields, origin, site).await;
            assert_eq!(res.status, StatusCode::FORBIDDEN, "{path} from {origin} {site:?}");
            assert!(res.header("set-cookie").is_none(), "{path}: a session was made");
        }
    }
    assert!(accounts::find_by_email(&app.db, "new@example.la")
        .await
        .unwrap()
        .is_none());
    assert_eq!(
        app::domain::entities::mail::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        before,
        "no mail was queued"
    );
    // The same sign-in from the site itself works.
    let res = app
        .post_form(
            "/account/signin",
            &[
                ("email", "attacker@example.la"),
                ("password", "correct horse battery staple"),
            ],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn after_sign_in_next_only_leads_to_a_path_of_this_site() {
    use server::forms::safe_next;
    for evil in [
        "/%09/evil.example/x",
        "/\t/evil.example/x",
        "/\n/evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "//evil.example",
        "/%2F/evil.example",
        "/%5Cevil.example",
        "/%2509/evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        " /listings",
        "",
    ] {
        assert_eq!(safe_next(evil), "/account", "{evil:?}");
    }
    for good in [
        "/listings?kind=commodity",
        "/orgs/hung-aloun/edit",
        "/search?q=cao%20su%C3%A0",
    ] {
        let expected = if good.contains("%20") { "/account" } else { good };
        assert_eq!(safe_next(good), expected, "{good:?}");
    }
    let app = TestApp::new().await;
    app.sign_up("traveller@example.vn", "correct horse battery staple")
        .await;
    for evil in ["/%09/evil.example/x", "/\t/evil.example/x", "/\\evil.example"] {
        let res = app
            .post_form(
                "/account/signin",
                &[
                    ("email", "traveller@example.vn"),
                    ("password", "correct horse battery staple"),
                    ("next", evil),
                ],
                None,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(res.header("location"), Some("/account"), "{evil:?}");
    }
}

/// A device cookie (`corridor_device=…`) set by a response.
fn device_cookie(res: &TestResponse) -> Option<String> {
    res.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("corridor_device="))
        .map(|c| c.split(';').next().unwrap().to_owned())
}

/// `n` failed sign-ins for `email`, each from its own address, as recorded by the throttle.
async fn failures_from_many_addresses(app: &TestApp, email: &str, n: u64) {
    for i in 0..n {
        let addr = format!("198.18.{}.{}", i / 250, i % 250 + 1);
        let attempt = accounts::throttle::Attempt {
            email,
            client_addr: &addr,
            known_device: None,
            counts_from: None,
        };
        accounts::throttle::record(&app.db, &attempt, false).await.unwrap();
    }
}

#[tokio::test]
async fn a_stranger_cannot_lock_the_owner_out_but_a_guesser_gets_a_hundred_tries_an_hour() {
    let app = TestApp::new().await;
    let email = "owner@trade.la";
    app.sign_up(email, GOOD_PASSWORD).await;
    // The owner signs in from their phone once: the browser is remembered.
    let res = app
        .post_form_from(
            "203.0.113.10",
            "/account/signin",
            &[("email", email), ("password", GOOD_PASSWORD)],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let device = device_cookie(&res).expect("a device cookie");
    let raw = res.header("set-cookie").unwrap();
    assert!(
        res.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|c| c.starts_with("corridor_device=") && c.contains("HttpOnly") && c.contains("Path=/account/signin")),
        "{raw}"
    );

    // A stranger on the same border-town NAT guesses ten times: that address is slowed down...
    let nat = "203.0.113.10";
    for attempt in 0..accounts::throttle::MAX_FAILURES_PER_SOURCE {
        let res = app
            .post_form_from(
                nat,
                "/account/signin",
                &[("email", email), ("password", &format!("guess {attempt}"))],
                None,
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "guess {attempt}");
    }
    let res = app
        .post_form_from(
            nat,
            "/account/signin?lang=en",
            &[("email", email), ("password", GOOD_PASSWORD)],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS, "the guessing address waits");
    // ...and so, with many more addresses, is every unknown browser once the account has had
    // its hundred failures this hour (the guesser's budget).
    failures_from_many_addresses(&app, email, accounts::throttle::MAX_FAILURES_PER_ACCOUNT).await;
    for addr in ["192.0.2.77", "192.0.2.78"] {
        let res = app
            .post_form_from(
                addr,
                "/account/signin",
                &[("email", email), ("password", GOOD_PASSWORD)],
                None,
            )
            .await;
        assert_eq!(
            res.status,
            StatusCode::TOO_MANY_REQUESTS,
            "an unknown browser at {addr}"
        );
        assert!(res.header("retry-after").is_some());
    }
    // The owner's own browser still gets in, even from the stranger's address.
    let res = app
        .post_form_from(
            nat,
            "/account/signin",
            &[("email", email), ("password", GOOD_PASSWORD)],
            Some(&device),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(session_cookie(&res).is_some());

    // A device cookie of another account does not help the guesser.
    app.sign_up("guesser@trade.vn", GOOD_PASSWORD).await;
    let res = app
        .post_form_from(
            "192.0.2.99",
            "/account/signin",
            &[("email", "guesser@trade.vn"), ("password", GOOD_PASSWORD)],
            None,
        )
        .await;
    let guesser_device = device_cookie(&res).unwrap();
    let res = app
        .post_form_from(
            "192.0.2.99",
            "/account/signin",
            &[("email", email), ("password", "guess 100")],
            Some(&guesser_device),
        )
        .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);

    // A remembered browser's own failures count only against itself.
    for attempt in 0..accounts::throttle::MAX_FAILURES_PER_SOURCE {
        let res = app
            .post_form_from(
                nat,
                "/account/signin",
                &[("email", email), ("password", &format!("typo {attempt}"))],
                Some(&device),
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "typo {attempt}");
    }
    let res = app
        .post_form_from(
            nat,
            "/account/signin",
            &[("email", email), ("password", GOOD_PASSWORD)],
            Some(&device),
        )
        .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_password_reset_lifts_the_sign_in_limits() {
    let app = TestApp::new().await;
    let email = "locked@trade.vn";
    app.sign_up(email, GOOD_PASSWORD).await;
    failures_from_many_addresses(&app, email, accounts::throttle::MAX_FAILURES_PER_ACCOUNT).await;
    let res = app
        .post_form_from(
            "192.0.2.5",
            "/account/signin",
            &[("email", email), ("password", GOOD_PASSWORD)],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    app.post_form("/account/forgot", &[("email", email)], None).await;
    let token = token_of(&app.mailed_path(email).await);
    let res = app
        .post_form(
            "/account/reset",
            &[("token", &token), ("password", "a brand new phrase 7")],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = app
        .post_form_from(
            "192.0.2.5",
            "/account/signin",
            &[("email", email), ("password", "a brand new phrase 7")],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
}

#[tokio::test]
async fn reset_mails_are_limited_and_one_used_link_spends_the_others() {
    let app = TestApp::new().await;
    let email = "often@trade.la";
    app.sign_up(email, GOOD_PASSWORD).await;
    // The confirmation mail of the sign-up counts as one account mail this hour.
    for _ in 0..30 {
        let res = app.post_form("/account/forgot", &[("email", email)], None).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(
            res.header("location"),
            Some("/account/forgot?sent=1"),
            "the same answer every time"
        );
    }
    let resets = mail::sent_last_hour(&app.db, email, &["reset_password"]).await.unwrap();
    assert_eq!(resets, mail::ACCOUNT_MAILS_PER_HOUR - 1, "30 requests, not 30 mails");

    // Two links are out; using the newer one makes the older one useless.
    let mails = app::domain::entities::mail::Entity::find().all(&app.db).await.unwrap();
    let links: Vec<String> = mails
        .iter()
        .filter(|m| m.recipient == email && m.kind == "reset_password")
        .map(|m| token_of(mail::first_link(&m.body).unwrap()))
        .collect();
    assert_eq!(links.len(), 2);
    let res = app
        .post_form(
            "/account/reset",
            &[("token", &links[1]), ("password", "a brand new phrase 7")],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = app
        .post_form(
            "/account/reset?lang=en",
            &[("token", &links[0]), ("password", "the attacker's phrase 8")],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("already been used"), "{}", res.body);
    let res = app
        .post_form(
            "/account/signin",
            &[("email", email), ("password", "a brand new phrase 7")],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn signed_out_visits_to_member_pages_go_to_sign_in_and_come_back() {
    let app = TestApp::with_env(crate::helpers::seeded_database().await, &[]);
    let (_, _, token) = app.org_with_token("owner@steel.vn", "Ha Tinh Steel").await;
    let listing = app.create_listing(&token, &crate::api::steel("Coil", "cau-treo")).await["id"]
        .as_i64()
        .unwrap();
    let edit = format!("/listings/{listing}/edit");
    // Pages whose server call answers "sign in first", with and without a query.
    for (path, next) in [
        ("/my/listings", "/my/listings"),
        (
            "/my/listings?kind=route&lang=lo",
            "/my/listings%3Fkind%3Droute%26lang%3Dlo",
        ),
        (edit.as_str(), edit.as_str()),
        ("/moderation", "/moderation"),
        ("/account", "/account"),
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status, StatusCode::FOUND, "{path}: {}", res.body);
        assert_eq!(
            res.header("location"),
            Some(format!("/account/signin?next={next}").as_str()),
            "{path}"
        );
    }
    // The sign-in form carries `next`, and signing in goes there.
    app.sign_up("back@trading.la", GOOD_PASSWORD).await;
    let page = app.get("/account/signin?next=%2Fmy%2Flistings%3Fkind%3Droute").await;
    assert!(page.body.contains("value=\"/my/listings?kind=route\""), "{}", page.body);
    let res = app
        .post_form(
            "/account/signin",
            &[
                ("email", "back@trading.la"),
                ("password", GOOD_PASSWORD),
                ("next", "/my/listings?kind=route"),
            ],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.header("location"), Some("/my/listings?kind=route"));
}
