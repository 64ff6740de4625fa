//! Photos on listings (issue #12): up to six, images only by their bytes, written again by the
//! server without metadata, a thumbnail on the cards, the full photos on the listing and in the
//! API, removable; only the listing's editors upload — on both databases.
use crate::helpers::{TestApp, TestResponse};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

fn photo(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let img = DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x % 255) as u8, (y % 255) as u8, 90])
    }));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// A JPEG with an EXIF block that names a place, as phones write it.
fn phone_photo() -> Vec<u8> {
    let mut bytes = photo(2000, 1500, ImageFormat::Jpeg);
    let payload = b"Exif\0\0GPSLatitude 18.40 GPSLongitude 105.16";
    let len = u16::try_from(payload.len() + 2).unwrap().to_be_bytes();
    let mut app1 = vec![0xFF, 0xE1, len[0], len[1]];
    app1.extend_from_slice(payload);
    bytes.splice(2..2, app1);
    bytes
}

impl TestApp {
    async fn upload_photo(&self, cookie: &str, listing: i32, name: &str, bytes: &[u8]) -> TestResponse {
        let boundary = "corridorphotoboundary";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"{name}\"\r\nContent-Type: image/jpeg\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let request = Request::builder()
            .method("POST")
            .uri(format!("/listings/{listing}/photos?lang=en"))
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .header("sec-fetch-site", "same-origin")
            .header("cookie", cookie)
            .body(Body::from(body))
            .unwrap();
        self.request(request).await
    }

    async fn bytes_of(&self, path: &str) -> (StatusCode, Vec<u8>, Option<String>) {
        let res = self.request(Request::get(path).body(Body::empty()).unwrap()).await;
        let kind = res.header("content-type").map(str::to_owned);
        (res.status, res.bytes.clone(), kind)
    }
}

#[tokio::test]
async fn a_seller_adds_photos_that_lose_their_location_and_show_on_cards_and_the_listing() {
    let app = TestApp::new().await;
    let seller = app.confirmed_user("photos@coffee.la").await;
    let slug = app.create_org(&seller, "Bolaven Coffee Photos").await;
    let fields = [
        ("organisation", slug.as_str()),
        ("kind", "commodity"),
        ("title_en", "Arabica green coffee, Paksong"),
        ("direction", "offer"),
        ("hs_code", "0901"),
        ("save", "publish"),
    ];
    let res = app.post_form("/listings/new", &fields, Some(&seller)).await;
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

    // Not an image (whatever its name says): refused, in the reader's language.
    let fake = app
        .upload_photo(&seller, id, "coffee.jpg", b"<svg onload='alert(1)'/>")
        .await;
    assert_eq!(fake.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fake.body.contains("Choose a photo in JPEG, PNG or WebP format."));
    let broken = app
        .upload_photo(&seller, id, "coffee.jpg", b"\xFF\xD8\xFF\xE0 broken")
        .await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Larger than the request limit (a phone's full-size photo): back to the form, which says so.
    let mut huge = photo(64, 64, ImageFormat::Png);
    huge.resize(3 * 1024 * 1024, 0);
    let res = app.upload_photo(&seller, id, "huge.png", &huge).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let back = res.header("location").unwrap().to_owned();
    assert_eq!(back, format!("/listings/{id}/edit?error=photo_too_large#photos"));
    let page = app.get_as(&back.replace("#photos", "&lang=en"), &seller).await;
    assert!(
        page.body.contains("This photo is too large to upload (up to 2 MB)."),
        "{}",
        page.body
    );

    // Another organisation may not add photos to it.
    let other = app.confirmed_user("other@coffee.vn").await;
    app.create_org(&other, "Other Coffee").await;
    let res = app
        .upload_photo(&other, id, "x.png", &photo(10, 10, ImageFormat::Png))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    // A phone photo: stored smaller, without its EXIF block, as JPEG.
    let res = app.upload_photo(&seller, id, "IMG_0001.JPG", &phone_photo()).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.header("location"),
        Some(format!("/listings/{id}/edit?notice=photo_added#photos").as_str())
    );
    let page = app.get(&format!("/listings/{id}?lang=en")).await;
    let full = page
        .body
        .split("<a href=\"/uploads/photos/")
        .nth(1)
        .expect("a photo link")
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    assert!(
        page.body.contains("alt=\"Photo 1 of Arabica green coffee, Paksong\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("width=\"480\" height=\"360\""));
    let (status, bytes, kind) = app.bytes_of(&format!("/uploads/photos/{full}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind.as_deref(), Some("image/jpeg"));
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(!has(b"Exif") && !has(b"GPSLatitude"), "the location is gone");
    let stored = image::load_from_memory(&bytes).unwrap();
    assert_eq!((stored.width(), stored.height()), (1600, 1200));

    // The card in the browse list shows the thumbnail; nothing outside our folder is served.
    let list = app.get("/listings?kind=commodity&lang=en").await;
    assert!(list.body.contains("<img src=\"/uploads/photos/"), "{}", list.body);
    assert!(list.body.contains("class=\"card-photo\""));
    assert_eq!(
        app.bytes_of("/uploads/photos/..%2F..%2Fcorridor.db").await.0,
        StatusCode::NOT_FOUND
    );
    // The API gives the photos too.
    let api = app.get(&format!("/api/v1/listings/{id}")).await;
    assert_eq!(api.json()["photos"][0]["width"], 1600, "{}", api.body);

    // PNG and WebP too; six at most.
    for format in [
        ImageFormat::Png,
        ImageFormat::WebP,
        ImageFormat::Png,
        ImageFormat::Jpeg,
        ImageFormat::Png,
    ] {
        let res = app.upload_photo(&seller, id, "more", &photo(64, 48, format)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
    let seventh = app
        .upload_photo(&seller, id, "seventh.png", &photo(64, 48, ImageFormat::Png))
        .await;
    assert_eq!(seventh.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(seventh.body.contains("at most 6 photos"));
    let edit = app.get_as(&format!("/listings/{id}/edit?lang=en"), &seller).await;
    assert_eq!(edit.body.matches("/delete\"").count(), 6);
    assert!(!edit.body.contains("name=\"photo\""), "no upload form when full");

    // Removing the first photo removes its files and moves the cover to the next one.
    let photo_id: i32 = edit
        .body
        .split(&format!("/listings/{id}/photos/"))
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let res = app
        .post_form(&format!("/listings/{id}/photos/{photo_id}/delete"), &[], Some(&other))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app
        .post_form(&format!("/listings/{id}/photos/{photo_id}/delete"), &[], Some(&seller))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.bytes_of(&format!("/uploads/photos/{full}")).await.0,
        StatusCode::NOT_FOUND
    );
    let list = app.get("/listings?kind=commodity&lang=en").await;
    assert!(list.body.contains("class=\"card-photo\""));
    assert!(!list.body.contains(&full.replace(".jpg", "-t.jpg")));

    // Once the listing is archived, its photos are for its organisation's members only.
    let edit = app.get_as(&format!("/listings/{id}/edit?lang=en"), &seller).await;
    let thumb = edit
        .body
        .split("<img src=\"/uploads/photos/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(
        app.bytes_of(&format!("/uploads/photos/{thumb}")).await.0,
        StatusCode::OK
    );
    let res = app
        .post_form(&format!("/listings/{id}/step"), &[("step", "archive")], Some(&seller))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        app.bytes_of(&format!("/uploads/photos/{thumb}")).await.0,
        StatusCode::NOT_FOUND
    );
    let as_other = app.get_as(&format!("/uploads/photos/{thumb}"), &other).await;
    assert_eq!(as_other.status, StatusCode::NOT_FOUND);
    let as_member = app.get_as(&format!("/uploads/photos/{thumb}"), &seller).await;
    assert_eq!(as_member.status, StatusCode::OK);
    assert_eq!(as_member.header("cache-control"), Some("private, no-store"));
}

#[tokio::test]
async fn an_integrator_adds_and_removes_photos_with_a_write_token() {
    use axum::http::Method;
    let app = TestApp::new().await;
    let (owner, slug, token) = app.org_with_token("erp@coffee.la", "Coffee ERP").await;
    let read = app.api_token(&owner, &slug, "read").await;
    let listing = app
        .create_listing(
            &token,
            &serde_json::json!({ "kind": "commodity", "title_en": "Robusta beans", "direction": "offer", "hs_code": "0901" }),
        )
        .await;
    let id = listing["id"].as_i64().unwrap();
    let post = |token: String, bytes: Vec<u8>| {
        let request = Request::builder()
            .method("POST")
            .uri(format!("/api/v1/listings/{id}/photos"))
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "image/png")
            .body(Body::from(bytes))
            .unwrap();
        app.request(request)
    };
    let refused = post(read.clone(), photo(20, 20, ImageFormat::Png)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let not_image = post(token.clone(), b"%PDF-1.7".to_vec()).await;
    assert_eq!(not_image.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(not_image
        .header("content-type")
        .unwrap()
        .starts_with("application/problem+json"));
    let added = post(token.clone(), photo(20, 20, ImageFormat::Png)).await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    let photo_id = added.json()["photos"][0]["id"].as_i64().unwrap();
    assert!(added.json()["photos"][0]["thumb_url"]
        .as_str()
        .unwrap()
        .ends_with("-t.jpg"));
    let gone = app
        .call(
            Method::DELETE,
            &format!("/api/v1/listings/{id}/photos/{photo_id}"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    let view = app
        .call(Method::GET, &format!("/api/v1/listings/{id}"), Some(&token), None)
        .await;
    assert_eq!(view.json()["photos"].as_array().unwrap().len(), 0);
}
