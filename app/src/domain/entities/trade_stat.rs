use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "trade_stats")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub year: i32,
    pub period: String,
    pub months: i32,
    pub reporter_basis: String,
    pub total_usd: Option<i64>,
    pub vn_exports_usd: Option<i64>,
    pub vn_imports_usd: Option<i64>,
    pub total_yoy_pct: Option<f64>,
    pub exports_yoy_pct: Option<f64>,
    pub imports_yoy_pct: Option<f64>,
    pub derived_fields: Option<String>,
    pub is_alternative: bool,
    pub sources: String,
    pub confidence: String,
    pub notes: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
