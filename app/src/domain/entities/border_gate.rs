use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "border_gates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub level: String,
    pub level_history: String,
    pub vn_name: String,
    pub vn_name_ascii: String,
    pub vn_location: Option<String>,
    pub vn_province_id: String,
    pub vn_province_former_id: Option<String>,
    pub vn_province_label: String,
    pub la_name_vi: String,
    pub la_name_en: Option<String>,
    pub la_name_lo: Option<String>,
    pub la_district: Option<String>,
    pub la_province_id: String,
    pub corridor_notes: Option<String>,
    pub key_dates: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub coord_note: Option<String>,
    pub sources: String,
    pub confidence: String,
    pub notes: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
