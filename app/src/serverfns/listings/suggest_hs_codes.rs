use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::HsSuggestion;
use leptos::prelude::*;

/// HS headings for a product word, in the reader's language where the table has it.
#[server(prefix = "/_fn", endpoint = "listings/hs-suggestions")]
pub async fn suggest_hs_codes(text: String, lang: Lang) -> Result<Vec<HsSuggestion>, AppError> {
    crate::state::with_status(
        async move {
            let reference = crate::state::reference().await?;
            let text: String = text.chars().take(100).collect();
            Ok(crate::domain::listings::hs_picker::suggest(&reference, &text, lang, 12))
        }
        .await,
    )
}
