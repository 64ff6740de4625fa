use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::ListingView;
use leptos::prelude::*;

/// Every listing of the viewer's organisations where they may edit (all statuses), newest
/// change first: (organisation slug, name, listings).
#[server(prefix = "/_fn", endpoint = "listings/mine")]
pub async fn list_my_listings(lang: Lang) -> Result<Vec<(String, String, Vec<ListingView>)>, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let user = crate::state::require_user()?;
            let choices =
                crate::domain::listings::browse::choices(&db, &*crate::state::reference().await?, Some(&user), lang)
                    .await?;
            let mut out = Vec::new();
            for (slug, name) in choices.my_organisations {
                let listings = crate::domain::listings::browse::of_organisation(&db, &user, &slug, lang).await?;
                out.push((slug, name, listings));
            }
            Ok(out)
        }
        .await,
    )
}
