use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::InvestmentMatches;
use leptos::prelude::*;

/// The opportunities that meet the investment interests of the viewer's active organisation.
#[server(prefix = "/_fn", endpoint = "matching/investments")]
pub async fn list_investment_matches(lang: Lang) -> Result<Option<InvestmentMatches>, AppError> {
    crate::state::with_status(
        async move {
            let db = crate::state::db()?;
            let user = crate::state::require_user()?;
            let reference = crate::state::reference().await?;
            crate::domain::matching::opportunities_for_organisation(
                &db,
                Some(&reference),
                crate::domain::actor::Actor::User(&user),
                lang,
            )
            .await
        }
        .await,
    )
}
