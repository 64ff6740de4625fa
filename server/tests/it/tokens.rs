//! API tokens: created once-visible, scoped, and revoked with immediate effect.
use crate::helpers::TestApp;
use axum::body::Body;
use axum::http::{Request, StatusCode};

async fn me(app: &TestApp, token: &str) -> (StatusCode, String, Option<String>) {
    let request = Request::builder()
        .uri("/api/v1/me")
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    let res = app.request(request).await;
    (
        res.status,
        res.body.clone(),
        res.header("content-type").map(str::to_owned),
    )
}

#[tokio::test]
async fn an_editor_creates_a_token_that_works_until_it_is_revoked() {
    let app = TestApp::new().await;
    let owner = app.confirmed_user("it@hung-aloun.la").await;
    let slug = app.create_org(&owner, "Hung Aloun Logistics").await;
    let res = app
        .post_form(
            &format!("/orgs/{slug}/tokens?lang=en"),
            &[("name", "ERP"), ("scope", "write"), ("days", "400")],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Enter a number of days from 1 to 365."));
    let res = app
        .post_form(
            &format!("/orgs/{slug}/tokens?lang=en"),
            &[("name", "ERP"), ("scope", "write"), ("days", "30")],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let token = res
        .body
        .split("<code class=\"secret\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    assert!(token.starts_with("cor_"));
    // Only a hash is stored.
    let stored = app::domain::entities::api_token::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert!(stored
        .iter()
        .all(|t| !t.token_hash.contains(&token) && t.token_hash.len() == 64));

    let (status, body, content_type) = me(&app, &token).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains(&slug) && body.contains("\"write\""));
    assert_eq!(content_type.as_deref(), Some("application/json"));

    // The list shows the token without its secret.
    let page = app.get_as(&format!("/orgs/{slug}/tokens?lang=en"), &owner).await;
    assert!(page.body.contains("ERP"));
    assert!(!page.body.contains(&token));
    let id = stored[0].id;
    let res = app
        .post_form(&format!("/orgs/{slug}/tokens/{id}/revoke"), &[], Some(&owner))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let (status, body, content_type) = me(&app, &token).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "revocation takes effect at once");
    assert_eq!(content_type.as_deref(), Some("application/problem+json"));
    assert!(body.contains("revoked"));
}

#[tokio::test]
async fn tokens_belong_to_editors_and_owners_only() {
    let app = TestApp::new().await;
    let owner = app.confirmed_user("owner@tokens.la").await;
    let slug = app.create_org(&owner, "Token Trading").await;
    let viewer = app.confirmed_user("viewer@tokens.la").await;
    app.invite_and_join(&owner, &slug, "viewer@tokens.la", "viewer", &viewer)
        .await;
    let res = app
        .post_form(
            &format!("/orgs/{slug}/tokens"),
            &[("name", "x"), ("scope", "read"), ("days", "30")],
            Some(&viewer),
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get_as(&format!("/orgs/{slug}/tokens"), &viewer).await.status,
        StatusCode::FORBIDDEN
    );
    let (status, _, _) = me(&app, "cor_not-a-real-token").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let anonymous = app
        .request(Request::builder().uri("/api/v1/me").body(Body::empty()).unwrap())
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.header("www-authenticate"), Some("Bearer"));
}

use sea_orm::EntityTrait;

/// Creates a token on the tokens page and returns its secret.
async fn create_token(app: &TestApp, slug: &str, cookie: &str, name: &str) -> String {
    let res = app
        .post_form(
            &format!("/orgs/{slug}/tokens"),
            &[("name", name), ("scope", "read"), ("days", "30")],
            Some(cookie),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    res.body
        .split("<code class=\"secret\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn an_expired_token_gets_401_problem_json() {
    use app::domain::entities::api_token;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, QueryFilter};
    let app = TestApp::new().await;
    let owner = app.confirmed_user("owner@expiry.la").await;
    let slug = app.create_org(&owner, "Expiry Freight").await;
    let token = create_token(&app, &slug, &owner, "old ERP").await;
    let fresh = create_token(&app, &slug, &owner, "new ERP").await;
    assert_eq!(me(&app, &token).await.0, StatusCode::OK);

    // The first token's expiry passes (one second ago).
    let stored = api_token::Entity::find()
        .filter(api_token::Column::Name.eq("old ERP"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut active: api_token::ActiveModel = stored.into();
    active.expires_at = Set(chrono::Utc::now() - chrono::Duration::seconds(1));
    active.update(&app.db).await.unwrap();

    let (status, body, content_type) = me(&app, &token).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(content_type.as_deref(), Some("application/problem+json"));
    let problem: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(problem["status"], 401);
    assert_eq!(problem["title"], "Unauthorized");
    assert!(problem["detail"].as_str().unwrap().contains("expired"));
    // The other token of the organisation still works.
    assert_eq!(me(&app, &fresh).await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_removed_or_demoted_members_tokens_stop_working_at_once() {
    let app = TestApp::new().await;
    let owner = app.confirmed_user("owner@leaver.la").await;
    let slug = app.create_org(&owner, "Leaver Trading").await;
    let editor = app.confirmed_user("editor@leaver.la").await;
    app.invite_and_join(&owner, &slug, "editor@leaver.la", "editor", &editor)
        .await;
    let editor_token = create_token(&app, &slug, &editor, "editor's ERP").await;
    let owner_token = create_token(&app, &slug, &owner, "owner's ERP").await;
    assert_eq!(me(&app, &editor_token).await.0, StatusCode::OK);
    let editor_id = app::domain::accounts::find_by_email(&app.db, "editor@leaver.la")
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let set_role = |role: &'static str| {
        let (app, slug, owner, editor_id) = (&app, &slug, &owner, &editor_id);
        async move {
            let res = app
                .post_form(
                    &format!("/orgs/{slug}/members/role"),
                    &[("member", editor_id.as_str()), ("role", role)],
                    Some(owner),
                )
                .await;
            assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        }
    };
    // Demoted to viewer: a viewer cannot make tokens, so the editor's tokens stop.
    set_role("viewer").await;
    assert_eq!(me(&app, &editor_token).await.0, StatusCode::UNAUTHORIZED);
    set_role("editor").await;
    assert_eq!(me(&app, &editor_token).await.0, StatusCode::OK);
    // Removed: stopped, while the owner's token carries on.
    set_role("remove").await;
    assert_eq!(me(&app, &editor_token).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(me(&app, &owner_token).await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_token_name_is_one_line() {
    let app = TestApp::new().await;
    let owner = app.confirmed_user("crlf@tokens.la").await;
    let slug = app.create_org(&owner, "Line Trading").await;
    let res = app
        .post_form(
            &format!("/orgs/{slug}/tokens?lang=en"),
            &[("name", "ERP\r\nX-Injected: 1"), ("scope", "read"), ("days", "30")],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Contains characters that are not allowed."));
}
