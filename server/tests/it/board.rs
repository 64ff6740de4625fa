//! The border market board (issue #12): a border resident makes a minimal account with a phone
//! number, posts on the Cầu Treo board, the notice waits for the trade office of Hà Tĩnh (or a
//! platform moderator), shows for 14 days with its phone number and nothing else of the poster;
//! limits, withdrawal, rejection with a reason, page weight — on both databases.
use crate::accounts::session_cookie;
use crate::helpers::TestApp;
use app::domain::entities::{board_notice, mail, organisation};
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

const BOARD: &str = "/gates/cau-treo/board";
const PASSWORD: &str = "correct horse battery staple";

impl TestApp {
    /// A minimal account made on a board with a phone number; returns its session cookie.
    async fn resident(&self, name: &str, phone: &str) -> String {
        let res = self
            .post_form(
                &format!("{BOARD}/join"),
                &[
                    ("display_name", name),
                    ("contact", phone),
                    ("password", PASSWORD),
                    ("lang", "vi"),
                ],
                None,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(res.header("location"), Some("/gates/cau-treo/board?notice=joined#post"));
        session_cookie(&res).expect("the new account is signed in")
    }

    async fn post_notice(&self, cookie: &str, body: &str) -> crate::helpers::TestResponse {
        self.post_form(
            &format!("{BOARD}?lang=en"),
            &[
                ("kind", "sell"),
                ("body", body),
                ("quantity", "2 tấn"),
                ("price", "8.000 đ/kg"),
                ("phone", "+856 20 5551 2345"),
                ("lang", "vi"),
            ],
            Some(cookie),
        )
        .await
    }

    /// A confirmed member (editor) of a verified government organisation of `province`.
    async fn trade_office(&self, email: &str, name: &str, province: &str) -> String {
        let cookie = self.confirmed_user(email).await;
        let slug = self.create_org(&cookie, name).await;
        let org = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq(slug))
            .one(&self.db)
            .await
            .unwrap()
            .unwrap();
        let mut active: organisation::ActiveModel = org.into();
        active.kind = Set("government".into());
        active.province_id = Set(Some(province.into()));
        active.verified_at = Set(Some(Utc::now()));
        active.update(&self.db).await.unwrap();
        cookie
    }

    async fn notice_ids(&self) -> Vec<i32> {
        board_notice::Entity::find()
            .all(&self.db)
            .await
            .unwrap()
            .into_iter()
            .map(|n| n.id)
            .collect()
    }
}

#[tokio::test]
async fn a_resident_posts_on_the_cau_treo_board_and_the_ha_tinh_trade_office_approves_it() {
    let app = TestApp::new().await;
    // The gate page leads to its board; the board invites visitors to sign in or join.
    let gate = app.get("/gates/cau-treo?lang=en").await;
    assert!(gate.body.contains("href=\"/gates/cau-treo/board\""), "{}", gate.body);
    let board = app.get(&format!("{BOARD}?lang=en")).await;
    assert_eq!(board.status, StatusCode::OK);
    assert!(board.body.contains("No notices on this board right now."));
    assert!(board.body.contains("href=\"/gates/cau-treo/board/join\""));
    assert_eq!(app.get("/gates/nowhere/board").await.status, StatusCode::NOT_FOUND);

    let resident = app.resident("Bà Lan", "+856 20 5551 2345").await;
    // One number, one account (written another way, it is the same number).
    let again = app
        .post_form(
            &format!("{BOARD}/join?lang=en"),
            &[
                ("display_name", "Someone"),
                ("contact", "+856-20-5551-2345"),
                ("password", PASSWORD),
            ],
            None,
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("already has an account"), "{}", again.body);
    // A bad number is refused in the reader's language, with what was typed kept.
    let bad = app
        .post_form(
            &format!("{BOARD}/join?lang=vi"),
            &[("display_name", "Bà Lan"), ("contact", "12ab"), ("password", PASSWORD)],
            None,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Nhập số điện thoại"), "{}", bad.body);
    assert!(bad.body.contains("value=\"Bà Lan\""));

    // Nobody takes the number's account through the e-mail sign-up.
    let squat = app
        .post_form(
            "/account/signup?lang=en",
            &[
                ("display_name", "Squatter"),
                ("email", "+8562055512345@phone.invalid"),
                ("password", PASSWORD),
            ],
            None,
        )
        .await;
    assert_eq!(squat.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Written the international way with 00, it is the same number.
    let res = app
        .post_form(
            "/account/signin",
            &[("email", "00856 20 5551 2345"), ("password", PASSWORD)],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    // The resident signs in again with the number, however spaced.
    let res = app
        .post_form(
            "/account/signin",
            &[("email", "+856 2055 512 345"), ("password", PASSWORD)],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(session_cookie(&res).is_some());
    let account = app.get_as("/account?lang=en", &resident).await;
    assert!(account.body.contains("+8562055512345"));
    assert!(
        !account.body.contains("phone.invalid"),
        "the reserved address stays inside"
    );
    assert!(!account.body.contains("Resend"), "nothing to confirm without an e-mail");

    // The form is there, with the account's number filled in.
    let board = app.get_as(&format!("{BOARD}?lang=en"), &resident).await;
    assert!(board.body.contains("action=\"/gates/cau-treo/board\""));
    assert!(board.body.contains("value=\"+8562055512345\""));
    // A notice without text is refused, nothing saved.
    let res = app.post_notice(&resident, "  ").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(board_notice::Entity::find().count(&app.db).await.unwrap(), 0);

    let text = "Bán 2 tấn chuối tiêu, giao tại chợ Cầu Treo sáng thứ Bảy";
    let res = app.post_notice(&resident, text).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // Waiting: not on the board, but the poster sees it with its state.
    assert!(!app.get(&format!("{BOARD}?lang=en")).await.body.contains(text));
    let mine = app.get_as(&format!("{BOARD}?lang=en"), &resident).await;
    assert!(mine.body.contains(text));
    assert!(mine.body.contains("Waiting for a moderator"));

    // The trade office of another province may not decide; Hà Tĩnh's may.
    let id = app.notice_ids().await[0];
    let nghe_an = app
        .trade_office("office@nghean.gov.vn", "Sở Công Thương Nghệ An", "vn-nghe-an")
        .await;
    let page = app.get_as(&format!("{BOARD}?lang=en"), &nghe_an).await;
    assert!(!page.body.contains("Waiting for a decision"));
    let res = app
        .post_form(
            &format!("/board/{id}/moderate"),
            &[("decision", "approve")],
            Some(&nghe_an),
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let ha_tinh = app
        .trade_office("office@hatinh.gov.vn", "Sở Công Thương Hà Tĩnh", "vn-ha-tinh")
        .await;
    let page = app.get_as(&format!("{BOARD}?lang=en"), &ha_tinh).await;
    assert!(page.body.contains("Waiting for a decision"));
    assert!(page.body.contains(text));
    let res = app
        .post_form(
            &format!("/board/{id}/moderate"),
            &[("decision", "approve")],
            Some(&ha_tinh),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // Deciding twice is refused.
    let res = app
        .post_form(
            &format!("/board/{id}/moderate"),
            &[("decision", "reject"), ("reason", "x")],
            Some(&ha_tinh),
        )
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);

    // On the board for everyone, with the number to call and nothing else of the poster.
    let board = app.get(&format!("{BOARD}?lang=lo")).await;
    assert!(board.body.contains(text));
    assert!(board.body.contains("href=\"tel:+8562055512345\""));
    assert!(board.body.contains("Bà Lan"));
    assert!(!board.body.contains("phone.invalid"));
    assert!(board.body.len() < 30_000, "board page is {} bytes", board.body.len());
    let sell = app.get(&format!("{BOARD}?kind=sell&lang=en")).await;
    assert!(sell.body.contains(text));
    let transport = app.get(&format!("{BOARD}?kind=transport&lang=en")).await;
    assert!(!transport.body.contains(text));
    // Another gate's board does not show it.
    assert!(!app.get("/gates/lao-bao/board?lang=en").await.body.contains(text));

    // Nothing was ever mailed to the phone account's reserved address.
    let mails = mail::Entity::find()
        .filter(mail::Column::Recipient.contains("phone.invalid"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(mails, 0);

    // Fourteen days later it is gone from the board and reads as expired to its poster.
    let notice = board_notice::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(notice.expires_at > Utc::now() + Duration::days(13));
    let mut active: board_notice::ActiveModel = notice.into();
    active.expires_at = Set(Utc::now() - Duration::minutes(1));
    active.update(&app.db).await.unwrap();
    assert!(!app.get(&format!("{BOARD}?lang=en")).await.body.contains(text));
    let mine = app.get_as(&format!("{BOARD}?lang=en"), &resident).await;
    assert!(mine.body.contains("Expired"));
}

#[tokio::test]
async fn a_moderator_rejects_with_a_reason_posters_withdraw_and_a_day_holds_five_notices() {
    let app = TestApp::new().await;
    let resident = app.resident("Thao Keo", "020 7777 8888").await;
    let other = app.resident("Nang Dao", "020 7777 9999").await;
    let moderator = app.confirmed_user("mod@corridor.test").await;
    app.set_platform_role("mod@corridor.test", "moderator").await;

    assert_eq!(
        app.post_notice(&resident, "ຂາຍກາເຟ 500 ກິໂລ").await.status,
        StatusCode::SEE_OTHER
    );
    let id = app.notice_ids().await[0];
    // Platform moderators see every board's waiting notices in their queue.
    let queue = app.get_as("/moderation?lang=en", &moderator).await;
    assert!(queue.body.contains("ຂາຍກາເຟ 500 ກິໂລ"), "{}", queue.body);
    assert!(queue.body.contains("href=\"/gates/cau-treo/board\""));
    // A rejection needs a reason, which the poster then reads.
    let res = app
        .post_form(
            &format!("/board/{id}/moderate?lang=en"),
            &[("decision", "reject"), ("reason", "")],
            Some(&moderator),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .post_form(
            &format!("/board/{id}/moderate"),
            &[("decision", "reject"), ("reason", "Please add the price")],
            Some(&moderator),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let mine = app.get_as(&format!("{BOARD}?lang=en"), &resident).await;
    assert!(mine.body.contains("Please add the price"));
    assert!(!app.get(BOARD).await.body.contains("ຂາຍກາເຟ"));

    // Only its poster takes a notice down.
    assert_eq!(
        app.post_notice(&resident, "Bán ớt khô 300 kg").await.status,
        StatusCode::SEE_OTHER
    );
    let second = *app.notice_ids().await.iter().max().unwrap();
    let res = app
        .post_form(&format!("/board/{second}/withdraw"), &[], Some(&other))
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = app
        .post_form(&format!("/board/{second}/withdraw"), &[], Some(&resident))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let withdrawn = board_notice::Entity::find_by_id(second)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(withdrawn.status, "withdrawn");
    let res = app
        .post_form(
            &format!("/board/{second}/moderate"),
            &[("decision", "approve")],
            Some(&moderator),
        )
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT, "a withdrawn notice is not decided");
    assert!(res.body.contains("This changed in the meantime"), "{}", res.body);

    // Five notices a day per account (the two above count), then 429 with Retry-After.
    for n in 0..3 {
        let res = app.post_notice(&resident, &format!("Notice {n}")).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
    }
    let res = app.post_notice(&resident, "One too many").await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(res.header("retry-after").is_some());
    assert_eq!(app.notice_ids().await.len(), 5);
    // Anonymous posts go to sign-in; nothing is saved.
    let res = app
        .post_form(
            BOARD,
            &[("kind", "sell"), ("body", "x"), ("phone", "0205551234"), ("lang", "lo")],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(res.header("location").unwrap().starts_with("/account/signin"));
    assert_eq!(app.notice_ids().await.len(), 5);
}

#[tokio::test]
async fn a_full_board_page_stays_under_30_kb_and_pages_to_older_notices() {
    let app = TestApp::new().await;
    let now = Utc::now();
    // 20 live notices of the longest length (300 Lao characters): one page holds 12.
    for n in 0..20 {
        board_notice::ActiveModel {
            gate_id: Set("cau-treo".into()),
            kind: Set(["sell", "buy", "transport", "labour"][n % 4].into()),
            body: Set(format!("{n:02} {}", "ຂາຍເຂົ້າໜຽວ ".repeat(25))
                .chars()
                .take(300)
                .collect()),
            quantity: Set(Some("10 tấn / ໂຕນ".into())),
            price: Set(Some("12.000 kíp/kg".into())),
            phone: Set("+8562055500000".into()),
            poster_name: Set("Người bán ở chợ biên giới Cầu Treo".into()),
            lang: Set("lo".into()),
            user_id: Set(None),
            status: Set("approved".into()),
            reject_reason: Set(None),
            moderated_by: Set(None),
            moderated_at: Set(Some(now - Duration::minutes(n as i64))),
            created_at: Set(now - Duration::hours(1)),
            expires_at: Set(now + Duration::days(13)),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let page = app.get(&format!("{BOARD}?lang=vi")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body.matches("class=\"board-notice\"").count(), 12);
    assert!(page.body.len() < 30_000, "board page is {} bytes", page.body.len());
    assert!(page.body.contains("href=\"/gates/cau-treo/board?page=2\""));
    // Signed in, with the posting form and a notice of one's own waiting, still under 30 KB.
    let resident = app
        .resident("Người bán ở chợ biên giới Cầu Treo", "+856 20 5550 0001")
        .await;
    let long = "ຂາຍເຂົ້າໜຽວ ".repeat(25).chars().take(300).collect::<String>();
    assert_eq!(app.post_notice(&resident, &long).await.status, StatusCode::SEE_OTHER);
    let mine = app.get_as(&format!("{BOARD}?lang=vi"), &resident).await;
    assert!(mine.body.contains("action=\"/gates/cau-treo/board\""));
    assert!(
        mine.body.len() < 30_000,
        "signed-in board page is {} bytes",
        mine.body.len()
    );
    let older = app.get(&format!("{BOARD}?page=2&lang=vi")).await;
    assert_eq!(older.body.matches("class=\"board-notice\"").count(), 8);
    assert!(older.body.contains(">19 "), "the oldest approval is last");
}

#[tokio::test]
async fn the_demo_notices_are_seeded_once_and_show_on_their_boards() {
    let app = TestApp::new().await;
    let reference = app::domain::reference::Reference::load(&app.db).await.unwrap();
    assert_eq!(app::domain::board::seed_demo(&app.db, &reference).await.unwrap(), 6);
    // Seeding again refreshes their dates; it does not add them twice.
    assert_eq!(app::domain::board::seed_demo(&app.db, &reference).await.unwrap(), 6);
    assert_eq!(board_notice::Entity::find().count(&app.db).await.unwrap(), 6);
    let board = app.get("/gates/lao-bao/board?lang=en").await;
    assert!(board.body.contains("bán chuối tiêu xanh"), "{}", board.body);
    assert!(board.body.contains("Demo: hộ kinh doanh Lao Bảo"));
    assert_eq!(board.body.matches("class=\"board-notice\"").count(), 2);
}

#[tokio::test]
async fn a_verified_company_that_calls_itself_a_trade_office_loses_its_verification() {
    let app = TestApp::new().await;
    let resident = app.resident("Bà Lan", "+856 20 5551 0000").await;
    assert_eq!(
        app.post_notice(&resident, "Bán gạo nếp").await.status,
        StatusCode::SEE_OTHER
    );
    let id = app.notice_ids().await[0];
    // A verified company of Hà Tĩnh...
    let owner = app.confirmed_user("owner@trader.vn").await;
    let slug = app.create_org(&owner, "Hương Sơn Trading").await;
    let org = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(&slug))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut active: organisation::ActiveModel = org.into();
    active.verified_at = Set(Some(Utc::now()));
    active.update(&app.db).await.unwrap();
    // ...edits itself into "government" of Hà Tĩnh: the verification goes with the change.
    let fields = [
        ("name", "Sở Công Thương Hà Tĩnh"),
        ("kind", "government"),
        ("country", "VN"),
        ("province_id", "vn-ha-tinh"),
        ("description_vi", "Giả danh cơ quan thương mại."),
    ];
    let res = app
        .post_form(&format!("/orgs/{slug}/edit"), &fields, Some(&owner))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let org = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(&slug))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(org.verified_at.is_none());
    let res = app
        .post_form(
            &format!("/board/{id}/moderate"),
            &[("decision", "approve")],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn phone_accounts_from_one_address_are_limited_per_hour() {
    let app = TestApp::new().await;
    for n in 0..5 {
        app.resident("Somchai", &format!("+856 20 5552 000{n}")).await;
    }
    let res = app
        .post_form(
            &format!("{BOARD}/join?lang=en"),
            &[
                ("display_name", "Sixth"),
                ("contact", "+856 20 5552 0009"),
                ("password", PASSWORD),
            ],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(res.header("retry-after").is_some());
}
