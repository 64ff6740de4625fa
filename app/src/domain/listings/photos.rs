//! Photos on listings: up to `MAX_PHOTOS` per listing. An upload is accepted only when its bytes
//! decode as a JPEG, PNG or WebP image (names and the browser's type are not trusted); the server
//! then writes it again itself — upright (EXIF orientation applied), at most `FULL_EDGE` pixels,
//! transparency flattened on white, as JPEG with no metadata at all (no GPS position, no camera
//! serial) — and a thumbnail for cards. Both are stored under content-hashed names and served
//! like logos (their own type, `nosniff`, sandboxed). The first photo's thumbnail is the
//! listing's `cover_photo`, so lists of cards need no extra query.
use super::store::{for_writing, Actor};
use crate::domain::entities::{listing, listing_photo};
use crate::domain::{accounts::tokens, audit};
use crate::errors::AppError;
use crate::i18n::Msg;
use crate::model::PhotoView;
use chrono::Utc;
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, Rgb, RgbImage};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use std::path::{Path, PathBuf};

/// Photos a listing may have.
pub const MAX_PHOTOS: usize = 6;
/// The longest edge of a stored photo, in pixels.
pub const FULL_EDGE: u32 = 1600;
/// The longest edge of a thumbnail (cards), in pixels.
pub const THUMB_EDGE: u32 = 480;
const JPEG_QUALITY: u8 = 80;
/// The largest image decoded (width and height, and their product), so a small file cannot
/// claim a huge canvas: 40 MP is more than phone cameras take.
const MAX_DIMENSION: u32 = 12_000;
const MAX_PIXELS: u64 = 40_000_000;
const MAX_DECODE_BYTES: u64 = 200 * 1024 * 1024;
/// Photos processed at once (each may hold a decoded image of up to `MAX_DECODE_BYTES`).
static PROCESSING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// A photo as the server writes it.
#[derive(Debug)]
pub struct Processed {
    pub full: Vec<u8>,
    pub thumb: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

fn not_an_image() -> AppError {
    AppError::invalid("photo", Msg::ErrPhotoType)
}

/// Flattens transparency on white, so a transparent PNG does not turn black as JPEG.
fn flatten(img: DynamicImage) -> RgbImage {
    if !img.color().has_alpha() {
        return img.to_rgb8();
    }
    let rgba = img.to_rgba8();
    let mut out = RgbImage::new(rgba.width(), rgba.height());
    for (x, y, pixel) in rgba.enumerate_pixels() {
        let [r, g, b, a] = pixel.0;
        let blend = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        out.put_pixel(x, y, Rgb([blend(r), blend(g), blend(b)]));
    }
    out
}

fn jpeg(img: &RgbImage) -> Result<Vec<u8>, AppError> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(img)
        .map_err(AppError::internal)?;
    Ok(out)
}

/// Decodes an upload (its bytes decide its type) and writes it again: upright, at most
/// `FULL_EDGE` pixels, JPEG without metadata; and its thumbnail. CPU-bound: call it off the
/// async threads (`add` does).
pub fn process(bytes: &[u8]) -> Result<Processed, AppError> {
    let format = match crate::domain::logo::sniff(bytes) {
        Some(("png", _)) => ImageFormat::Png,
        Some(("jpg", _)) => ImageFormat::Jpeg,
        Some(("webp", _)) => ImageFormat::WebP,
        _ => return Err(not_an_image()),
    };
    let mut reader = ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| not_an_image())?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(not_an_image());
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|_| not_an_image())?;
    // Smaller first, then upright: the box is square, so the order does not change the result,
    // and turning the small image costs little.
    if img.width() > FULL_EDGE || img.height() > FULL_EDGE {
        img = img.resize(FULL_EDGE, FULL_EDGE, FilterType::Triangle);
    }
    img.apply_orientation(orientation);
    let full = flatten(img);
    let thumb = DynamicImage::ImageRgb8(full.clone())
        .thumbnail(THUMB_EDGE, THUMB_EDGE)
        .to_rgb8();
    Ok(Processed {
        width: full.width(),
        height: full.height(),
        full: jpeg(&full)?,
        thumb: jpeg(&thumb)?,
    })
}

pub fn photo_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("uploads").join("photos")
}

/// A stored photo's path, if `file_name` is one of ours (no separators, `.jpg`).
pub fn stored_path(data_dir: &Path, file_name: &str) -> Option<PathBuf> {
    let safe = !file_name.is_empty()
        && file_name.len() <= 80
        && file_name.ends_with(".jpg")
        && !file_name.starts_with('.')
        && file_name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    safe.then(|| photo_dir(data_dir).join(file_name))
}

pub fn url(file_name: &str) -> String {
    format!("/uploads/photos/{file_name}")
}

/// Who may fetch a stored photo, by its listing (its id starts the file name): everyone while
/// the listing is public (`Some(true)`), only members who see its private side while it is a
/// draft, held, expired, archived or removed (`Some(false)`), nobody else (`None`).
pub async fn visibility(
    db: &impl ConnectionTrait,
    viewer: Option<&crate::domain::accounts::CurrentUser>,
    file_name: &str,
) -> Result<Option<bool>, AppError> {
    let Some(listing_id) = file_name.split('-').next().and_then(|id| id.parse::<i32>().ok()) else {
        return Ok(None);
    };
    let Some(row) = listing::Entity::find_by_id(listing_id).one(db).await? else {
        return Ok(None);
    };
    let organisation_id = row.organisation_id;
    if !super::browse::public_only(db, vec![row], Utc::now()).await?.is_empty() {
        return Ok(Some(true));
    }
    Ok(super::browse::sees_private(db, viewer, organisation_id)
        .await?
        .then_some(false))
}

/// The photos of a listing, in order.
pub async fn of_listing(db: &impl ConnectionTrait, listing_id: i32) -> Result<Vec<PhotoView>, AppError> {
    Ok(listing_photo::Entity::find()
        .filter(listing_photo::Column::ListingId.eq(listing_id))
        .order_by_asc(listing_photo::Column::Position)
        .order_by_asc(listing_photo::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|p| PhotoView {
            id: p.id,
            url: url(&p.file_name),
            thumb_url: url(&p.thumb_name),
            width: p.width,
            height: p.height,
        })
        .collect())
}

/// Makes the first photo's thumbnail the listing's cover (none without photos).
async fn refresh_cover(db: &impl ConnectionTrait, row: listing::Model) -> Result<(), AppError> {
    let first = listing_photo::Entity::find()
        .filter(listing_photo::Column::ListingId.eq(row.id))
        .order_by_asc(listing_photo::Column::Position)
        .order_by_asc(listing_photo::Column::Id)
        .one(db)
        .await?
        .map(|p| p.thumb_name);
    if first != row.cover_photo {
        let mut active: listing::ActiveModel = row.into();
        active.cover_photo = Set(first);
        active.update(db).await?;
    }
    Ok(())
}

/// Adds a photo to a listing (its organisation's editors, or a write token). Returns its id.
pub async fn add(
    db: &DatabaseConnection,
    data_dir: &Path,
    actor: Actor<'_>,
    listing_id: i32,
    bytes: Vec<u8>,
) -> Result<i32, AppError> {
    let (row, _) = for_writing(db, actor, listing_id).await?;
    if bytes.is_empty() {
        return Err(AppError::invalid("photo", Msg::ErrRequired));
    }
    // Checked before the work, and again in the write transaction (two uploads at once).
    if photo_count(db, row.id).await? >= MAX_PHOTOS {
        return Err(AppError::invalid("photo", Msg::ErrTooManyPhotos));
    }
    let processed = {
        let _permit = PROCESSING.acquire().await.map_err(AppError::internal)?;
        tokio::task::spawn_blocking(move || process(&bytes))
            .await
            .map_err(AppError::internal)??
    };
    let hash = tokens::digest_bytes(&processed.full);
    let name = format!("{}-{}", row.id, &hash[..16]);
    let (file_name, thumb_name) = (format!("{name}.jpg"), format!("{name}-t.jpg"));
    let dir = photo_dir(data_dir);
    tokio::fs::create_dir_all(&dir).await.map_err(AppError::internal)?;
    tokio::fs::write(dir.join(&file_name), &processed.full)
        .await
        .map_err(AppError::internal)?;
    tokio::fs::write(dir.join(&thumb_name), &processed.thumb)
        .await
        .map_err(AppError::internal)?;
    let saved = insert_row(db, actor, &row, &file_name, &thumb_name, &processed).await;
    if saved.is_err() {
        // No row names the files (unless an earlier row holds the same photo): they go.
        let named = listing_photo::Entity::find()
            .filter(listing_photo::Column::FileName.eq(&file_name))
            .count(db)
            .await
            .unwrap_or(1);
        if named == 0 {
            let _ = tokio::fs::remove_file(dir.join(&file_name)).await;
            let _ = tokio::fs::remove_file(dir.join(&thumb_name)).await;
        }
    }
    saved
}

async fn photo_count(db: &impl ConnectionTrait, listing_id: i32) -> Result<usize, AppError> {
    let n = listing_photo::Entity::find()
        .filter(listing_photo::Column::ListingId.eq(listing_id))
        .count(db)
        .await?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

async fn insert_row(
    db: &DatabaseConnection,
    actor: Actor<'_>,
    row: &listing::Model,
    file_name: &str,
    thumb_name: &str,
    processed: &Processed,
) -> Result<i32, AppError> {
    let txn = crate::domain::db::begin_write(db).await?;
    crate::domain::db::serialise_on(&txn, crate::domain::db::LOCK_LISTING_PHOTOS + i64::from(row.id)).await?;
    if photo_count(&txn, row.id).await? >= MAX_PHOTOS {
        return Err(AppError::invalid("photo", Msg::ErrTooManyPhotos));
    }
    let last = listing_photo::Entity::find()
        .filter(listing_photo::Column::ListingId.eq(row.id))
        .order_by_desc(listing_photo::Column::Position)
        .one(&txn)
        .await?
        .map_or(0, |p| p.position);
    let uploaded_by = match actor {
        Actor::User(user) => Some(user.user_id),
        Actor::Token(_) => None,
    };
    let photo = listing_photo::ActiveModel {
        listing_id: Set(row.id),
        position: Set(last + 1),
        file_name: Set(file_name.to_owned()),
        thumb_name: Set(thumb_name.to_owned()),
        width: Set(i32::try_from(processed.width).unwrap_or(i32::MAX)),
        height: Set(i32::try_from(processed.height).unwrap_or(i32::MAX)),
        uploaded_by: Set(uploaded_by),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    refresh_cover(&txn, row.clone()).await?;
    audit::record(
        &txn,
        uploaded_by,
        "listing.photo_add",
        "listing",
        &row.id.to_string(),
        None,
        &serde_json::json!({ "photo": photo.id }).to_string(),
    )
    .await?;
    txn.commit().await?;
    Ok(photo.id)
}

/// Removes a photo of a listing; its files go when no photo row names them any more.
pub async fn remove(
    db: &DatabaseConnection,
    data_dir: &Path,
    actor: Actor<'_>,
    listing_id: i32,
    photo_id: i32,
) -> Result<(), AppError> {
    let (row, _) = for_writing(db, actor, listing_id).await?;
    let txn = crate::domain::db::begin_write(db).await?;
    let photo = listing_photo::Entity::find_by_id(photo_id)
        .one(&txn)
        .await?
        .filter(|p| p.listing_id == row.id)
        .ok_or(AppError::NotFound)?;
    listing_photo::Entity::delete_by_id(photo.id).exec(&txn).await?;
    let still_named = listing_photo::Entity::find()
        .filter(listing_photo::Column::FileName.eq(&photo.file_name))
        .count(&txn)
        .await?
        > 0;
    refresh_cover(&txn, row.clone()).await?;
    let actor_id = match actor {
        Actor::User(user) => Some(user.user_id),
        Actor::Token(_) => None,
    };
    audit::record(
        &txn,
        actor_id,
        "listing.photo_remove",
        "listing",
        &row.id.to_string(),
        None,
        &serde_json::json!({ "photo": photo.id }).to_string(),
    )
    .await?;
    txn.commit().await?;
    if !still_named {
        let dir = photo_dir(data_dir);
        // A file already gone is no error: the row was the record.
        let _ = tokio::fs::remove_file(dir.join(&photo.file_name)).await;
        let _ = tokio::fs::remove_file(dir.join(&photo.thumb_name)).await;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(img: DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_large_photo_is_written_again_smaller_without_its_metadata() {
        let big = DynamicImage::ImageRgb8(RgbImage::from_pixel(3200, 2400, Rgb([200, 120, 40])));
        let mut bytes = encoded(big, ImageFormat::Jpeg);
        // An EXIF block with a GPS-looking payload right after the start marker.
        let payload = b"Exif\0\0GPSLatitude 18.4 GPSLongitude 105.1 SerialNumber 1234";
        let len = u16::try_from(payload.len() + 2).unwrap().to_be_bytes();
        let mut app1 = vec![0xFF, 0xE1, len[0], len[1]];
        app1.extend_from_slice(payload);
        bytes.splice(2..2, app1);
        let out = process(&bytes).unwrap();
        assert_eq!((out.width, out.height), (1600, 1200));
        let has = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
        assert!(!has(&out.full, b"Exif") && !has(&out.full, b"GPS"));
        assert!(!has(&out.thumb, b"Exif"));
        let thumb = image::load_from_memory(&out.thumb).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (480, 360));
    }

    #[test]
    fn png_and_webp_are_accepted_and_transparency_turns_white() {
        let clear = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(40, 30, image::Rgba([0, 0, 0, 0])));
        let out = process(&encoded(clear.clone(), ImageFormat::Png)).unwrap();
        let back = image::load_from_memory(&out.full).unwrap().to_rgb8();
        assert!(back.get_pixel(10, 10).0.iter().all(|c| *c > 240), "white, not black");
        assert!(process(&encoded(clear, ImageFormat::WebP)).is_ok());
    }

    #[test]
    fn what_only_looks_like_an_image_is_refused() {
        assert!(process(b"<html><script>alert(1)</script></html>").is_err());
        // JPEG's first bytes, then nothing an image decoder can read.
        assert!(process(b"\xFF\xD8\xFF\xE0 not really a jpeg").is_err());
        assert!(process(b"").is_err());
    }
}
