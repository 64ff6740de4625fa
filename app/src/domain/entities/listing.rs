use sea_orm::entity::prelude::*;

/// One listing: a commodity offer or request, an investment opportunity or a route capacity
/// offer. Columns of the other kinds stay empty.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "listings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organisation_id: i32,
    pub created_by: Option<i32>,
    /// commodity | opportunity | route
    pub kind: String,
    /// draft | published | held | archived | removed
    pub status: String,
    pub country: String,
    pub title_vi: Option<String>,
    pub title_lo: Option<String>,
    pub title_en: Option<String>,
    pub description_vi: Option<String>,
    pub description_lo: Option<String>,
    pub description_en: Option<String>,
    pub original_lang: String,
    pub province_id: Option<String>,
    pub destination_province_id: Option<String>,
    pub sector: Option<String>,
    pub direction: Option<String>,
    pub hs_code: Option<String>,
    pub hs_chapter: Option<String>,
    pub quantity: Option<f64>,
    pub unit: Option<String>,
    pub frequency: Option<String>,
    pub price: Option<f64>,
    pub currency: Option<String>,
    pub incoterm: Option<String>,
    pub certifications: Option<String>,
    pub economic_zone_id: Option<String>,
    pub size_min_usd: Option<i64>,
    pub size_max_usd: Option<i64>,
    pub stage: Option<String>,
    pub instruments: Option<String>,
    pub incentives: Option<String>,
    pub land_status: Option<String>,
    pub contact: Option<String>,
    pub priority_infra: bool,
    pub infra_type: Option<String>,
    pub origin_place: Option<String>,
    pub destination_place: Option<String>,
    pub window_start: Option<ChronoDate>,
    pub window_end: Option<ChronoDate>,
    pub capacity: Option<f64>,
    pub capacity_unit: Option<String>,
    pub equipment: Option<String>,
    pub expires_at: ChronoDateTimeUtc,
    pub published_at: Option<ChronoDateTimeUtc>,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
    pub reminder_sent_at: Option<ChronoDateTimeUtc>,
    pub origin: String,
    /// The organisation was verified (kept in step by the verification decision).
    pub org_verified: bool,
    /// The first photo's thumbnail (file name under `uploads/photos/`), for cards.
    pub cover_photo: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
