//! HS codes: syntax (chapter 2, heading 4 or subheading 6 digits; dots and spaces allowed as
//! written on customs papers, "72.08", "7208.10"), and look-up of their descriptions.
use crate::domain::entities::{hs_chapter, hs_code};
use crate::errors::AppError;
use crate::i18n::Lang;
use sea_orm::{ConnectionTrait, EntityTrait};

/// The digits of an HS code, or `None` when it is not 2, 4 or 6 digits (after removing dots
/// and spaces) or names chapter 00, 77 (reserved) or 98–99 (national use).
pub fn normalise(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(|c| !matches!(c, '.' | ' ' | '\u{a0}')).collect();
    if !matches!(digits.len(), 2 | 4 | 6) || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let chapter: u32 = digits[..2].parse().ok()?;
    if chapter == 0 || chapter == 77 || chapter > 97 {
        return None;
    }
    Some(digits)
}

/// How a code is written for people: 7208 → "72.08", 720810 → "7208.10".
pub fn display(code: &str) -> String {
    match code.len() {
        4 => format!("{}.{}", &code[..2], &code[2..]),
        6 => format!("{}.{}", &code[..4], &code[4..]),
        _ => code.to_owned(),
    }
}

/// A code with what the nomenclature says about it, in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Described {
    pub code: String,
    /// The description, or `None` when the code is not in Corridor's table.
    pub description: Option<String>,
    /// The language the description is in (English when no translation exists).
    pub description_lang: Lang,
    pub chapter_title: Option<String>,
}

pub async fn describe(db: &impl ConnectionTrait, code: &str, lang: Lang) -> Result<Described, AppError> {
    let chapter = hs_chapter::Entity::find_by_id(code[..2].to_owned()).one(db).await?;
    let chapter_title = chapter.map(|c| match lang {
        Lang::Vi => c.title_vi,
        _ => c.title_en,
    });
    if code.len() == 2 {
        return Ok(Described {
            code: code.to_owned(),
            description: chapter_title.clone(),
            description_lang: if lang == Lang::Vi { Lang::Vi } else { Lang::En },
            chapter_title,
        });
    }
    let found = hs_code::Entity::find_by_id(code.to_owned()).one(db).await?;
    let (description, description_lang) = match found {
        Some(row) => match (lang, row.description_vi) {
            (Lang::Vi, Some(vi)) => (Some(vi), Lang::Vi),
            _ => (Some(row.description_en), Lang::En),
        },
        None => (None, Lang::En),
    };
    Ok(Described {
        code: code.to_owned(),
        description,
        description_lang,
        chapter_title,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_or_refused() {
        assert_eq!(normalise("7208").as_deref(), Some("7208"));
        assert_eq!(normalise("72.08").as_deref(), Some("7208"));
        assert_eq!(normalise(" 7208.10 ").as_deref(), Some("720810"));
        assert_eq!(normalise("40").as_deref(), Some("40"));
        assert_eq!(normalise("720"), None);
        assert_eq!(normalise("72081000"), None);
        assert_eq!(normalise("72O8"), None);
        assert_eq!(normalise("7708"), None, "chapter 77 is reserved");
        assert_eq!(normalise("9901"), None);
        assert_eq!(normalise("00"), None);
        assert_eq!(normalise(""), None);
    }

    #[test]
    fn codes_display_with_dots() {
        assert_eq!(display("7208"), "72.08");
        assert_eq!(display("720810"), "7208.10");
        assert_eq!(display("72"), "72");
    }
}
