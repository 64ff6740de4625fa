use crate::errors::AppError;
use crate::model::ProvinceOption;
use leptos::prelude::*;

/// Current provinces in the reference data: (Vietnamese, Lao), for organisation forms.
#[server(prefix = "/_fn", endpoint = "orgs/provinces")]
pub async fn list_provinces() -> Result<(Vec<ProvinceOption>, Vec<ProvinceOption>), AppError> {
    crate::state::with_status(
        async move {
            use crate::domain::entities::province;
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
            let db = crate::state::db()?;
            let rows = province::Entity::find()
                .filter(province::Column::Period.eq(province::CURRENT))
                .order_by_asc(province::Column::NameVi)
                .all(&db)
                .await?;
            let option = |p: &province::Model| ProvinceOption {
                id: p.id.clone(),
                name: crate::model::Names {
                    vi: p.name_vi.clone(),
                    lo: p.name_lo.clone().unwrap_or_default(),
                    en: p.name_en.clone(),
                },
            };
            Ok((
                rows.iter().filter(|p| p.country == "VN").map(option).collect(),
                rows.iter().filter(|p| p.country == "LA").map(option).collect(),
            ))
        }
        .await,
    )
}
