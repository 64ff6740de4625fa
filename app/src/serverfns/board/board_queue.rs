use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::BoardNoticeView;
use leptos::prelude::*;

/// Board notices waiting for the signed-in user's decision, across gates.
#[server(prefix = "/_fn", endpoint = "board/queue")]
pub async fn board_queue(lang: Lang) -> Result<Vec<BoardNoticeView>, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let reference = crate::state::reference().await?;
            let user = crate::state::require_user()?;
            crate::domain::board::moderation_queue(&db, &reference, &user, lang).await
        }
        .await,
    )
}
