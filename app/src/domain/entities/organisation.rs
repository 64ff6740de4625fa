use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub province_id: Option<String>,
    pub website: Option<String>,
    pub description_en: Option<String>,
    pub description_vi: Option<String>,
    pub description_lo: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    /// active | hidden | suspended
    pub status: String,
    pub registration_number: Option<String>,
    pub sectors: Option<String>,
    pub languages: Option<String>,
    pub verified_at: Option<ChronoDateTimeUtc>,
    /// File name under `CORRIDOR_DATA_DIR/uploads/logos/`.
    pub logo_path: Option<String>,
    /// Contact details: shown only to members and to organisations with an accepted introduction.
    pub contact_person: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    /// A messaging handle (Zalo, WhatsApp, LINE …), as the organisation writes it.
    pub contact_messaging: Option<String>,
    /// Investment interests (public): sector codes, province ids and instrument codes,
    /// comma-joined, and the ticket range in US dollars.
    pub invest_sectors: Option<String>,
    pub invest_provinces: Option<String>,
    pub invest_instruments: Option<String>,
    pub invest_ticket_min_usd: Option<i64>,
    pub invest_ticket_max_usd: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
