//! Organisation logos: an uploaded image is accepted only when its bytes are a PNG, JPEG or
//! WebP image (the name and the browser's content type are not trusted), at most 1 MiB, stored
//! under a content-hashed name and served with its own type, `nosniff` and a sandboxing CSP.
use super::accounts::{tokens, CurrentUser};
use super::audit;
use super::entities::organisation;
use super::organisations::{find_by_slug, principal};
use super::policy::authorise;
use super::policy::Action;
use crate::errors::AppError;
use crate::i18n::Msg;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection};
use std::path::{Path, PathBuf};

pub const MAX_LOGO_BYTES: usize = 1024 * 1024;

/// The image type of `bytes`, by their magic numbers: (extension, content type).
pub fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(("png", "image/png"))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("jpg", "image/jpeg"))
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(("webp", "image/webp"))
    } else {
        None
    }
}

pub fn content_type_for(file_name: &str) -> Option<&'static str> {
    match file_name.rsplit('.').next()? {
        "png" => Some("image/png"),
        "jpg" => Some("image/jpeg"),
        "webp" => Some("image/webp"),
        "pdf" => Some("application/pdf"),
        _ => None,
    }
}

/// Registration documents: PDF, PNG or JPEG, by their bytes.
pub fn sniff_document(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("pdf")
    } else {
        sniff(bytes).map(|(ext, _)| ext).filter(|ext| *ext != "webp")
    }
}

pub const MAX_DOCUMENT_BYTES: usize = 1536 * 1024;

pub fn evidence_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("uploads").join("evidence")
}

/// A stored evidence document's path, if `file_name` is one of ours.
pub fn evidence_path(data_dir: &Path, file_name: &str) -> Option<PathBuf> {
    stored_path(data_dir, file_name).and_then(|p| p.file_name().map(|n| evidence_dir(data_dir).join(n)))
}

/// Stores a document under a content-hashed name and returns the name.
pub async fn store_document(data_dir: &Path, organisation_id: i32, bytes: &[u8]) -> Result<String, AppError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(AppError::invalid("document", Msg::ErrDocumentTooBig));
    }
    let extension = sniff_document(bytes).ok_or_else(|| AppError::invalid("document", Msg::ErrDocumentType))?;
    let hash = tokens::digest_bytes(bytes);
    let name = format!("{organisation_id}-{}.{extension}", &hash[..16]);
    let dir = evidence_dir(data_dir);
    tokio::fs::create_dir_all(&dir).await.map_err(AppError::internal)?;
    tokio::fs::write(dir.join(&name), bytes)
        .await
        .map_err(AppError::internal)?;
    Ok(name)
}

pub fn logo_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("uploads").join("logos")
}

/// A stored logo's path, if `file_name` is one of ours (no separators, known extension).
pub fn stored_path(data_dir: &Path, file_name: &str) -> Option<PathBuf> {
    let safe = !file_name.is_empty()
        && file_name.len() <= 80
        && file_name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && !file_name.starts_with('.');
    (safe && content_type_for(file_name).is_some()).then(|| logo_dir(data_dir).join(file_name))
}

pub async fn set_logo(
    db: &DatabaseConnection,
    data_dir: &Path,
    user: &CurrentUser,
    slug: &str,
    bytes: &[u8],
) -> Result<organisation::Model, AppError> {
    let org = find_by_slug(db, slug).await?;
    authorise(
        &principal(db, Some(user), Some(org.id)).await?,
        Action::EditOrganisation,
    )?;
    if bytes.is_empty() {
        return Err(AppError::invalid("logo", Msg::ErrRequired));
    }
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(AppError::invalid("logo", Msg::ErrLogoTooBig));
    }
    let (extension, _) = sniff(bytes).ok_or_else(|| AppError::invalid("logo", Msg::ErrLogoType))?;
    let hash = tokens::digest_bytes(bytes);
    let name = format!("{}-{}.{extension}", org.id, &hash[..16]);
    let dir = logo_dir(data_dir);
    tokio::fs::create_dir_all(&dir).await.map_err(AppError::internal)?;
    tokio::fs::write(dir.join(&name), bytes)
        .await
        .map_err(AppError::internal)?;
    let mut active: organisation::ActiveModel = org.into();
    active.logo_path = Set(Some(name));
    let updated = active.update(db).await?;
    audit::record(
        db,
        Some(user.user_id),
        "organisation.logo",
        "organisation",
        slug,
        None,
        "{}",
    )
    .await?;
    Ok(updated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_recognised_by_their_bytes_not_their_names() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n....").map(|s| s.0), Some("png"));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0....").map(|s| s.0), Some("jpg"));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 ").map(|s| s.0), Some("webp"));
        assert_eq!(sniff(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff(b"%PDF-1.7"), None);
    }

    #[test]
    fn only_our_own_file_names_are_served() {
        let dir = Path::new("/srv/data");
        assert!(stored_path(dir, "12-abcdef0123456789.png").is_some());
        assert!(stored_path(dir, "../../etc/passwd").is_none());
        assert!(stored_path(dir, "x.svg").is_none());
        assert!(stored_path(dir, ".png").is_none());
    }
}
