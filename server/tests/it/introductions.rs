//! Introductions (issue #12): a buyer reaches a seller. Through HTTP as a browser without
//! JavaScript does it, on both databases: request, accept / decline, contacts only after
//! acceptance (surface by surface), the thread, limits, expiry, blocks and reports.
use crate::helpers::{TestApp, TestResponse};
use app::domain::entities::{introduction, listing, mail, organisation, report};
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// Contact details that must not leak before acceptance (each is unique in the page).
const PERSON: &str = "Khamla Sisouphanh";
const PHONE: &str = "+856 20 5555 0199";
const EMAIL: &str = "sales@attapeu-rubber.example";
const HANDLE: &str = "whatsapp-attapeu-rubber-77";
const LISTING_CONTACT: &str = "rubber-desk@attapeu-rubber.example";

struct Market {
    seller: String,
    seller_slug: String,
    buyer: String,
    buyer_slug: String,
    listing_id: i32,
}

fn rubber_offer(slug: &str) -> Vec<(&'static str, String)> {
    vec![
        ("organisation", slug.to_owned()),
        ("kind", "opportunity".into()),
        ("title_lo", "ໂຮງງານປຸງແຕ່ງຢາງພາລາ ອັດຕະປື".into()),
        ("title_en", "Rubber processing plant, Attapeu".into()),
        ("sector", "agriculture".into()),
        ("stage", "feasibility".into()),
        ("size_min_usd", "2000000".into()),
        ("size_max_usd", "5000000".into()),
        ("contact", LISTING_CONTACT.into()),
        ("province_id", "la-attapeu".into()),
        ("save", "publish".into()),
    ]
}

impl TestApp {
    /// A Lao seller with contact details and a published listing, and a Vietnamese buyer.
    async fn market(&self) -> Market {
        let seller = self.confirmed_user("seller@attapeu-rubber.la").await;
        let seller_slug = self.create_org(&seller, "Attapeu Rubber").await;
        let org = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq(&seller_slug))
            .one(&self.db)
            .await
            .unwrap()
            .unwrap();
        let mut active: organisation::ActiveModel = org.into();
        active.contact_person = Set(Some(PERSON.into()));
        active.contact_phone = Set(Some(PHONE.into()));
        active.contact_email = Set(Some(EMAIL.into()));
        active.contact_messaging = Set(Some(HANDLE.into()));
        active.update(&self.db).await.unwrap();
        let fields = rubber_offer(&seller_slug);
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = self.post_form("/listings/new", &pairs, Some(&seller)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let listing_id = res
            .header("location")
            .unwrap()
            .trim_start_matches("/listings/")
            .split('?')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let buyer = self.confirmed_user("buyer@hanoi-tyres.vn").await;
        let buyer_slug = self.create_org(&buyer, "Hanoi Tyres").await;
        Market {
            seller,
            seller_slug,
            buyer,
            buyer_slug,
            listing_id,
        }
    }

    async fn ask(&self, cookie: &str, listing_id: i32, message: &str) -> TestResponse {
        self.post_form(
            &format!("/listings/{listing_id}/introduction?lang=en"),
            &[
                ("message", message),
                ("quantity", "200 t a month"),
                ("price", "1,600 USD/t DAP Bờ Y"),
                ("delivery_window", "March–May 2027"),
            ],
            Some(cookie),
        )
        .await
    }

    async fn only_introduction(&self) -> introduction::Model {
        let mut all = introduction::Entity::find().all(&self.db).await.unwrap();
        assert_eq!(all.len(), 1);
        all.pop().unwrap()
    }
}

fn assert_no_contact(surface: &str, body: &str) {
    for secret in [PERSON, PHONE, EMAIL, HANDLE, LISTING_CONTACT] {
        assert!(!body.contains(secret), "{surface} shows {secret} before acceptance");
    }
}

#[tokio::test]
async fn a_buyer_asks_the_seller_accepts_and_both_see_contacts_and_write() {
    let app = TestApp::new().await;
    let m = app.market().await;
    // The listing offers the form to the buyer, and says the contacts are private.
    let page = app
        .get_as(&format!("/listings/{}?lang=en", m.listing_id), &m.buyer)
        .await;
    assert!(
        page.body.contains("Request an introduction to Attapeu Rubber"),
        "{}",
        page.body
    );
    assert!(page
        .body
        .contains(&format!("action=\"/listings/{}/introduction\"", m.listing_id)));
    assert_no_contact("the listing page (buyer)", &page.body);

    let res = app
        .ask(
            &m.buyer,
            m.listing_id,
            "We make tyres in Hà Nội and need 200 t of rubber a month.",
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(res.header("location").unwrap().contains("notice=introduction"));
    let intro = app.only_introduction().await;
    assert_eq!(intro.status, "pending");
    assert_eq!(intro.origin, "listing");
    assert_eq!(intro.listing_id, Some(m.listing_id));
    assert_eq!(
        intro.expires_at.date_naive(),
        (Utc::now() + Duration::days(14)).date_naive()
    );
    // The seller's editors are mailed, in their language (sign-up chose Lao).
    let mailed = mail::Entity::find()
        .filter(mail::Column::Recipient.eq("seller@attapeu-rubber.la"))
        .filter(mail::Column::Kind.eq("introduction_requested"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the seller is told");
    assert!(mailed.subject.contains("ຂໍແນະນຳຕົວ"), "{}", mailed.subject);
    assert!(mailed.body.contains(&format!("/inbox/{}", intro.id)));

    // Before acceptance: no contact on the thread either (buyer and seller), and the seller's
    // header shows one unread introduction.
    let thread = format!("/inbox/{}?lang=en", intro.id);
    let buyer_view = app.get_as(&thread, &m.buyer).await;
    assert_eq!(buyer_view.status, StatusCode::OK);
    assert_no_contact("the buyer's thread before acceptance", &buyer_view.body);
    let inbox = app.get_as("/inbox?lang=en", &m.seller).await;
    assert!(inbox.body.contains("Hanoi Tyres"), "{}", inbox.body);
    assert!(inbox.body.contains("class=\"count\""), "the unread badge");
    let seller_view = app.get_as(&thread, &m.seller).await;
    assert!(seller_view.body.contains("Accept and share contacts"));
    assert!(seller_view.body.contains("200 t a month"));
    assert_no_contact("the seller's thread before acceptance", &seller_view.body);
    // Reading it cleared the badge.
    let inbox = app.get_as("/inbox?lang=en", &m.seller).await;
    assert!(!inbox.body.contains("class=\"count\""), "read now");
    // The buyer cannot answer its own request.
    let res = app
        .post_form(&format!("/inbox/{}/accept", intro.id), &[], Some(&m.buyer))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    // Messages wait for acceptance.
    let res = app
        .post_form(
            &format!("/inbox/{}/messages?lang=en", intro.id),
            &[("body", "Hello?")],
            Some(&m.buyer),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);

    let res = app
        .post_form(&format!("/inbox/{}/accept", intro.id), &[], Some(&m.seller))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let buyer_view = app.get_as(&thread, &m.buyer).await;
    for contact in [PERSON, PHONE, EMAIL, HANDLE] {
        assert!(buyer_view.body.contains(contact), "the buyer sees {contact}");
    }
    assert!(
        buyer_view.body.contains("buyer@hanoi-tyres.vn"),
        "the buyer's own side, by its e-mail"
    );
    let seller_view = app.get_as(&thread, &m.seller).await;
    assert!(
        seller_view.body.contains("buyer@hanoi-tyres.vn"),
        "the seller sees the buyer"
    );
    // The listing's own contact field opens to the accepted counterpart only.
    let page = app
        .get_as(&format!("/listings/{}?lang=en", m.listing_id), &m.buyer)
        .await;
    assert!(page.body.contains(LISTING_CONTACT));
    let stranger = app.confirmed_user("stranger@example.vn").await;
    let page = app
        .get_as(&format!("/listings/{}?lang=en", m.listing_id), &stranger)
        .await;
    assert_no_contact("the listing page for a stranger after acceptance", &page.body);
    assert_eq!(
        app.get_as(&thread, &stranger).await.status,
        StatusCode::NOT_FOUND,
        "only the two sides read a thread"
    );

    // The thread: the buyer writes, the seller reads and answers; each message mails the other side.
    let res = app
        .post_form(
            &format!("/inbox/{}/messages", intro.id),
            &[("body", "Can you send a sample of RSS3 to Hà Tĩnh?")],
            Some(&m.buyer),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = app
        .post_form(
            &format!("/inbox/{}/messages", intro.id),
            &[("body", "Yes, next week via Cầu Treo.")],
            Some(&m.seller),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let buyer_view = app.get_as(&thread, &m.buyer).await;
    assert!(buyer_view.body.contains("Can you send a sample of RSS3 to Hà Tĩnh?"));
    assert!(buyer_view.body.contains("Yes, next week via Cầu Treo."));
    let told = mail::Entity::find()
        .filter(mail::Column::Kind.eq("introduction_message"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(told, 2);
    let _ = m.seller_slug;
    let _ = m.buyer_slug;
}

#[tokio::test]
async fn contacts_stay_private_on_every_surface_before_acceptance() {
    let app = TestApp::new().await;
    let m = app.market().await;
    let res = app.ask(&m.buyer, m.listing_id, "Interested in the plant.").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let surfaces = [
        format!("/listings/{}?lang=en", m.listing_id),
        format!("/listings/{}?lang=vi", m.listing_id),
        format!("/orgs/{}?lang=en", m.seller_slug),
        "/listings?lang=en".to_owned(),
        "/listings?kind=opportunity&lang=lo".to_owned(),
        format!("/api/v1/listings/{}", m.listing_id),
        "/api/v1/listings?kind=opportunity".to_owned(),
        format!("/api/v1/organisations/{}", m.seller_slug),
        "/listings/export.csv?kind=opportunity".to_owned(),
        "/api/v1/listings/export.csv?kind=opportunity".to_owned(),
    ];
    for surface in &surfaces {
        let anonymous = app.get(surface).await;
        assert_no_contact(&format!("{surface} (anonymous)"), &anonymous.body);
        let buyer = app.get_as(surface, &m.buyer).await;
        assert_no_contact(&format!("{surface} (the asking buyer)"), &buyer.body);
    }
    // The seller's own members do see their listing's contact.
    let own = app
        .get_as(&format!("/listings/{}?lang=en", m.listing_id), &m.seller)
        .await;
    assert!(own.body.contains(LISTING_CONTACT));
}

#[tokio::test]
async fn a_declined_request_shows_its_reason_and_cannot_be_answered_twice() {
    let app = TestApp::new().await;
    let m = app.market().await;
    app.ask(&m.buyer, m.listing_id, "Can you supply 2,000 t?").await;
    let intro = app.only_introduction().await;
    // "Other" needs a word of explanation.
    let res = app
        .post_form(
            &format!("/inbox/{}/decline?lang=en", intro.id),
            &[("reason", "other"), ("note", "")],
            Some(&m.seller),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .post_form(
            &format!("/inbox/{}/decline?lang=en", intro.id),
            &[("reason", "quantity"), ("note", "We produce 300 t a year.")],
            Some(&m.seller),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let view = app.get_as(&format!("/inbox/{}?lang=vi", intro.id), &m.buyer).await;
    assert!(
        view.body.contains("Số lượng không phù hợp"),
        "the reason in the reader's language"
    );
    assert!(view.body.contains("We produce 300 t a year."));
    assert_no_contact("a declined thread", &view.body);
    let res = app
        .post_form(&format!("/inbox/{}/accept?lang=en", intro.id), &[], Some(&m.seller))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "already answered");
    let mailed = mail::Entity::find()
        .filter(mail::Column::Kind.eq("introduction_declined"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(mailed, 1);
}

#[tokio::test]
async fn one_open_request_per_listing_and_a_daily_limit_per_organisation() {
    let app = TestApp::new().await;
    let m = app.market().await;
    assert_eq!(
        app.ask(&m.buyer, m.listing_id, "First").await.status,
        StatusCode::SEE_OTHER
    );
    let again = app.ask(&m.buyer, m.listing_id, "Second").await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("already has an open request"), "{}", again.body);
    // Nobody asks its own organisation.
    let own = app.ask(&m.seller, m.listing_id, "Me").await;
    assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY);

    // An unverified organisation sends at most 5 a day: 4 more listings to ask about.
    let seller_org = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(&m.seller_slug))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let template = listing::Entity::find_by_id(m.listing_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut ids = Vec::new();
    for n in 0..5 {
        let mut copy: listing::ActiveModel = template.clone().into();
        copy.id = sea_orm::ActiveValue::NotSet;
        copy.title_en = Set(Some(format!("Rubber lot {n}")));
        ids.push(copy.insert(&app.db).await.unwrap().id);
    }
    let _ = seller_org;
    for id in &ids[..4] {
        assert_eq!(app.ask(&m.buyer, *id, "More").await.status, StatusCode::SEE_OTHER);
    }
    let over = app.ask(&m.buyer, ids[4], "One too many").await;
    assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS, "{}", over.body);
    assert_eq!(introduction::Entity::find().count(&app.db).await.unwrap(), 5);
}

#[tokio::test]
async fn an_unanswered_request_expires_after_fourteen_days_and_may_be_asked_again() {
    let app = TestApp::new().await;
    let m = app.market().await;
    app.ask(&m.buyer, m.listing_id, "Hello").await;
    let intro = app.only_introduction().await;
    let mut old: introduction::ActiveModel = intro.clone().into();
    old.created_at = Set(Utc::now() - Duration::days(15));
    old.expires_at = Set(Utc::now() - Duration::days(1));
    old.update(&app.db).await.unwrap();
    let view = app.get_as(&format!("/inbox/{}?lang=en", intro.id), &m.seller).await;
    assert!(view.body.contains("Expired unanswered"), "read as expired at once");
    assert!(!view.body.contains("Accept and share contacts"));
    let res = app
        .post_form(&format!("/inbox/{}/accept?lang=en", intro.id), &[], Some(&m.seller))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The slot is free again (the unique index counts pending rows only).
    assert_eq!(
        app.ask(&m.buyer, m.listing_id, "Again").await.status,
        StatusCode::SEE_OTHER
    );
    let expired = introduction::Entity::find_by_id(intro.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(expired.status, "expired");
    assert_eq!(app::domain::introductions::expire_due(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn a_blocked_sender_cannot_ask_again_and_a_report_reaches_the_moderators() {
    let app = TestApp::new().await;
    let m = app.market().await;
    app.ask(&m.buyer, m.listing_id, "Cheap rubber now!!!").await;
    let intro = app.only_introduction().await;
    let res = app
        .post_form(
            &format!("/inbox/{}/report", intro.id),
            &[("report_reason", "spam"), ("report_details", "Mass mailing")],
            Some(&m.seller),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let filed = report::Entity::find().one(&app.db).await.unwrap().expect("a report");
    assert_eq!(filed.subject_type, "organisation");
    assert!(filed.details.contains(&format!("[introduction {}]", intro.id)));
    let res = app
        .post_form(&format!("/inbox/{}/block", intro.id), &[], Some(&m.seller))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let declined = introduction::Entity::find_by_id(intro.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(declined.status, "declined", "blocking declines the pending request");
    let again = app.ask(&m.buyer, m.listing_id, "Please").await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("does not accept introductions"), "{}", again.body);
}

#[tokio::test]
async fn payment_instructions_in_a_message_warn_both_sides() {
    let app = TestApp::new().await;
    let m = app.market().await;
    app.ask(&m.buyer, m.listing_id, "Let us talk.").await;
    let intro = app.only_introduction().await;
    app.post_form(&format!("/inbox/{}/accept", intro.id), &[], Some(&m.seller))
        .await;
    app.post_form(
        &format!("/inbox/{}/messages", intro.id),
        &[(
            "body",
            "Our bank details have changed: please pay the deposit to account 0071001234567.",
        )],
        Some(&m.seller),
    )
    .await;
    for (who, cookie, text) in [
        ("buyer (vi)", &m.buyer, "gọi điện xác nhận"),
        ("seller (lo)", &m.seller, "ໃຫ້ໂທຢືນຢັນ"),
    ] {
        let lang = if who.ends_with("(vi)") { "vi" } else { "lo" };
        let view = app.get_as(&format!("/inbox/{}?lang={lang}", intro.id), cookie).await;
        assert!(view.body.contains(text), "{who} is warned");
    }
}

#[tokio::test]
async fn signed_out_readers_are_asked_to_sign_in_and_viewers_cannot_ask() {
    let app = TestApp::new().await;
    let m = app.market().await;
    let page = app.get(&format!("/listings/{}?lang=en", m.listing_id)).await;
    assert!(page.body.contains("Sign in to request an introduction"));
    assert!(page
        .body
        .contains(&format!("/account/signin?next=/listings/{}", m.listing_id)));
    let res = app
        .post_form(
            &format!("/listings/{}/introduction", m.listing_id),
            &[("message", "hi")],
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(res.header("location").unwrap().starts_with("/account/signin"));
    // A viewer of the buyer's organisation reads the inbox but does not speak for it.
    let viewer = app.confirmed_user("viewer@hanoi-tyres.vn").await;
    app.invite_and_join(&m.buyer, &m.buyer_slug, "viewer@hanoi-tyres.vn", "viewer", &viewer)
        .await;
    let res = app.ask(&viewer, m.listing_id, "Can I?").await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get_as("/inbox?lang=en", &viewer).await.status, StatusCode::OK);
    assert_eq!(introduction::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn two_requests_at_once_make_one() {
    let app = TestApp::new().await;
    let m = app.market().await;
    let (a, b) = tokio::join!(
        app.ask(&m.buyer, m.listing_id, "Click"),
        app.ask(&m.buyer, m.listing_id, "Double click")
    );
    let statuses = [a.status, b.status];
    assert!(statuses.contains(&StatusCode::SEE_OTHER), "{statuses:?}");
    assert_eq!(introduction::Entity::find().count(&app.db).await.unwrap(), 1);
}

#[tokio::test]
async fn an_organisation_keeps_its_contacts_for_members_and_accepted_counterparts() {
    let app = TestApp::new().await;
    let m = app.market().await;
    let edit = |phone: &'static str| {
        vec![
            ("name", "Hanoi Tyres"),
            ("kind", "company"),
            ("country", "VN"),
            ("description_en", "Tyres from Hà Nội"),
            ("contact_person", "Nguyễn Thị Lan"),
            ("contact_email", "lan@hanoi-tyres.example"),
            ("contact_phone", phone),
            ("contact_messaging", "zalo-lan-hanoi-tyres"),
        ]
    };
    let refused = app
        .post_form(
            &format!("/orgs/{}/edit?lang=en", m.buyer_slug),
            &edit("call me"),
            Some(&m.buyer),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("6 to 15 digits"), "{}", refused.body);
    assert!(
        refused.body.contains("lan@hanoi-tyres.example"),
        "what was typed is kept"
    );
    let saved = app
        .post_form(
            &format!("/orgs/{}/edit", m.buyer_slug),
            &edit("+84 24 3999 0000"),
            Some(&m.buyer),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let profile = format!("/orgs/{}?lang=en", m.buyer_slug);
    assert!(
        app.get_as(&profile, &m.buyer)
            .await
            .body
            .contains("zalo-lan-hanoi-tyres"),
        "members see them"
    );
    for (who, page) in [
        ("anonymous", app.get(&profile).await),
        ("the seller, before acceptance", app.get_as(&profile, &m.seller).await),
        (
            "the API",
            app.get(&format!("/api/v1/organisations/{}", m.buyer_slug)).await,
        ),
    ] {
        assert!(!page.body.contains("zalo-lan-hanoi-tyres"), "{who} sees the contacts");
        assert!(!page.body.contains("+84 24 3999 0000"), "{who} sees the phone");
    }
    app.ask(&m.buyer, m.listing_id, "Rubber please").await;
    let intro = app.only_introduction().await;
    app.post_form(&format!("/inbox/{}/accept", intro.id), &[], Some(&m.seller))
        .await;
    let seen = app.get_as(&profile, &m.seller).await;
    assert!(
        seen.body.contains("zalo-lan-hanoi-tyres"),
        "an accepted counterpart sees them"
    );
    assert!(seen.body.contains("+84 24 3999 0000"));
    let thread = app.get_as(&format!("/inbox/{}?lang=en", intro.id), &m.seller).await;
    assert!(thread.body.contains("Nguyễn Thị Lan"));
}

#[tokio::test]
async fn integrators_ask_answer_and_write_through_the_api() {
    use axum::http::Method;
    use serde_json::json;
    let app = TestApp::new().await;
    let m = app.market().await;
    let buyer_token = app.api_token(&m.buyer, &m.buyer_slug, "write").await;
    let buyer_read = app.api_token(&m.buyer, &m.buyer_slug, "read").await;
    let seller_token = app.api_token(&m.seller, &m.seller_slug, "write").await;
    let body = json!({ "listing": m.listing_id, "message": "From our ERP: 200 t a month?", "origin": "search" });
    // A read token reads only.
    let res = app
        .call(Method::POST, "/api/v1/introductions", Some(&buyer_read), Some(&body))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app
        .call(
            Method::POST,
            "/api/v1/introductions",
            Some(&buyer_token),
            Some(&json!({ "listing": m.listing_id, "message": "", "colour": "red" })),
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "unknown keys are refused");
    let res = app
        .call(
            Method::POST,
            "/api/v1/introductions",
            Some(&buyer_token),
            Some(&json!({ "listing": m.listing_id, "message": "" })),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["errors"][0]["field"], "message");
    let res = app
        .call(Method::POST, "/api/v1/introductions", Some(&buyer_token), Some(&body))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let created = res.json();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["origin"], "search", "the first link of the lineage is kept");
    assert_eq!(created["status"], "pending");
    assert_eq!(created["contacts"], json!([]));
    assert_no_contact("the API answer before acceptance", &res.body);
    assert_eq!(
        res.header("location"),
        Some(format!("/api/v1/introductions/{id}").as_str())
    );
    let intro = app.only_introduction().await;
    assert_eq!(intro.requester_user_id, None, "asked by a token");

    // The seller's integration lists it, and the asker cannot accept its own request.
    let listed = app
        .call(Method::GET, "/api/v1/introductions", Some(&seller_token), None)
        .await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(listed.header("cache-control"), Some("private, no-store"));
    assert_eq!(listed.json()[0]["received"], true);
    let own = app
        .call(
            Method::POST,
            &format!("/api/v1/introductions/{id}/accept"),
            Some(&buyer_token),
            None,
        )
        .await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);
    // A third organisation does not see it at all.
    let (_, _, other) = app.org_with_token("third@example.la", "Third").await;
    let res = app
        .call(Method::GET, &format!("/api/v1/introductions/{id}"), Some(&other), None)
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);

    let accepted = app
        .call(
            Method::POST,
            &format!("/api/v1/introductions/{id}/accept"),
            Some(&seller_token),
            None,
        )
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
    assert_eq!(accepted.json()["status"], "accepted");
    let seen = app
        .call(
            Method::GET,
            &format!("/api/v1/introductions/{id}"),
            Some(&buyer_read),
            None,
        )
        .await;
    assert!(seen.body.contains(PHONE) && seen.body.contains(HANDLE), "{}", seen.body);
    let res = app
        .call(
            Method::POST,
            &format!("/api/v1/introductions/{id}/messages"),
            Some(&buyer_token),
            Some(&json!({ "body": "Please send the contract draft." })),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.json()["mine"], true);
    let thread = app
        .call(
            Method::GET,
            &format!("/api/v1/introductions/{id}/messages"),
            Some(&seller_token),
            None,
        )
        .await;
    assert_eq!(thread.json()[0]["body"], "Please send the contract draft.");
    assert_eq!(thread.json()[0]["mine"], false);
    let again = app
        .call(
            Method::POST,
            &format!("/api/v1/introductions/{id}/decline"),
            Some(&seller_token),
            Some(&json!({ "reason": "price" })),
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "already accepted");
    // Every operation is in the OpenAPI document.
    let doc = app.get("/api/v1/openapi.json").await.json();
    for path in [
        "/api/v1/introductions",
        "/api/v1/introductions/{id}",
        "/api/v1/introductions/{id}/accept",
        "/api/v1/introductions/{id}/decline",
        "/api/v1/introductions/{id}/messages",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing from OpenAPI");
    }
}
