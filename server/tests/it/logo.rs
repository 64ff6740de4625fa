//! Logos: images only, by their bytes; bounded size; served safely.
use crate::helpers::TestApp;
use axum::body::Body;
use axum::http::{Request, StatusCode};

pub(crate) const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

async fn upload(
    app: &TestApp,
    cookie: &str,
    slug: &str,
    file_name: &str,
    bytes: &[u8],
) -> crate::helpers::TestResponse {
    let boundary = "corridorboundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"{file_name}\"\r\nContent-Type: image/png\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::builder()
        .method("POST")
        .uri(format!("/orgs/{slug}/logo?lang=en"))
        .header("content-type", format!("multipart/form-data; boundary={boundary}"))
        .header("sec-fetch-site", "same-origin")
        .header("cookie", cookie)
        .body(Body::from(body))
        .unwrap();
    app.request(request).await
}

#[tokio::test]
async fn a_logo_must_be_a_real_image_of_bounded_size() {
    let app = TestApp::new().await;
    let owner = app.confirmed_user("logo@trade.la").await;
    let slug = app.create_org(&owner, "Logo Trading").await;

    let fake = upload(
        &app,
        &owner,
        &slug,
        "logo.png",
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
    )
    .await;
    assert_eq!(fake.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fake.body.contains("This file is not a PNG, JPEG or WebP image."));

    let mut big = PNG.to_vec();
    big.resize(1024 * 1024 + 10, 0);
    let too_big = upload(&app, &owner, &slug, "big.png", &big).await;
    assert_eq!(too_big.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_big.body.contains("The file is too large"));

    let ok = upload(&app, &owner, &slug, "whatever.exe", PNG).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let page = app.get(&format!("/orgs/{slug}?lang=en")).await;
    let src = page
        .body
        .split("src=\"/uploads/logos/")
        .nth(1)
        .expect("the logo is shown")
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    assert!(src.ends_with(".png"), "named by its content, not by the upload: {src}");
    let served = app.get(&format!("/uploads/logos/{src}")).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.header("content-type"), Some("image/png"));
    assert_eq!(served.header("x-content-type-options"), Some("nosniff"));
    assert!(served.header("content-security-policy").unwrap().contains("sandbox"));
    assert_eq!(
        app.get("/uploads/logos/..%2F..%2Fetc%2Fpasswd").await.status,
        StatusCode::NOT_FOUND
    );
}
