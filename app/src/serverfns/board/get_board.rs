use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::BoardView;
use crate::statuses::BoardKind;
use leptos::prelude::*;

/// A gate's market board: live notices (one page, optionally of one kind), the viewer's own,
/// and the waiting ones for those who may moderate it.
#[server(prefix = "/_fn", endpoint = "board/get")]
pub async fn get_board(gate_id: String, kind: Option<BoardKind>, page: u64, lang: Lang) -> Result<BoardView, AppError> {
    crate::state::with_status(
        async move {
            if gate_id.len() > 64 {
                return Err(AppError::NotFound);
            }
            let db = crate::state::db()?;
            let reference = crate::state::reference().await?;
            let viewer = crate::state::current_user();
            crate::domain::board::board(
                &db,
                &reference,
                viewer.as_ref(),
                &gate_id,
                kind,
                page.clamp(1, 1000),
                lang,
            )
            .await
        }
        .await,
    )
}
