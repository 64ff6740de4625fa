//! `corridor seed`: loads the reference data (data/*.csv) and the demo organisations, milestones
//! and listings (data/demo/*.json, parsed and checked in `demo`). Every file is compiled into the
//! binary, so the seed never depends on the working directory. Every write is an upsert inside one
//! transaction, so running it twice changes nothing.
use super::entities::{
    border_gate, commodity, country, economic_zone, hs_chapter, hs_code, milestone, milestone_party, organisation,
    province, source, trade_stat,
};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, IdenStatic, Iterable, QueryFilter,
};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

mod demo;

const BORDER_GATES: &str = include_str!("../../../data/border_gates.csv");
const PROVINCES: &str = include_str!("../../../data/provinces.csv");
const ECONOMIC_ZONES: &str = include_str!("../../../data/economic_zones.csv");
const HS_CHAPTERS: &str = include_str!("../../../data/hs_chapters.csv");
const HS_CODES: &str = include_str!("../../../data/hs_codes.csv");
const COMMODITIES: &str = include_str!("../../../data/commodities.csv");
const TRADE_STATS: &str = include_str!("../../../data/trade_stats.csv");
const SOURCES_MD: &str = include_str!("../../../data/SOURCES.md");

/// How many rows of each kind the seed wrote (or confirmed).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeedReport {
    pub sources: usize,
    pub provinces: usize,
    pub border_gates: usize,
    pub economic_zones: usize,
    pub hs_chapters: usize,
    pub hs_codes: usize,
    pub commodities: usize,
    pub trade_stats: usize,
    pub organisations: usize,
    pub milestones: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("seed data {file}: {message}")]
    Data { file: &'static str, message: String },
    #[error(transparent)]
    Db(#[from] DbErr),
}

fn data_err(file: &'static str, message: impl Into<String>) -> SeedError {
    SeedError::Data {
        file,
        message: message.into(),
    }
}

fn read_csv<T: for<'de> Deserialize<'de>>(file: &'static str, text: &str) -> Result<Vec<T>, SeedError> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(i, row)| row.map_err(|e| data_err(file, format!("row {}: {e}", i + 2))))
        .collect()
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

fn opt_f64(file: &'static str, s: &str) -> Result<Option<f64>, SeedError> {
    match s.trim() {
        "" => Ok(None),
        v => v
            .parse()
            .map(Some)
            .map_err(|_| data_err(file, format!("not a number: {v}"))),
    }
}

fn opt_i64(file: &'static str, s: &str) -> Result<Option<i64>, SeedError> {
    match s.trim() {
        "" => Ok(None),
        v => v
            .parse()
            .map(Some)
            .map_err(|_| data_err(file, format!("not an integer: {v}"))),
    }
}

/// Inserts the rows, or updates every non-key column of the rows that exist.
async fn upsert<E>(db: &impl ConnectionTrait, keys: &[E::Column], rows: Vec<E::ActiveModel>) -> Result<usize, DbErr>
where
    E: EntityTrait,
    E::ActiveModel: Clone,
{
    let count = rows.len();
    let key_names: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
    let update: Vec<E::Column> = E::Column::iter().filter(|c| !key_names.contains(&c.as_str())).collect();
    for chunk in rows.chunks(200) {
        let mut on_conflict = OnConflict::columns(keys.iter().copied());
        if update.is_empty() {
            on_conflict.do_nothing();
        } else {
            on_conflict.update_columns(update.iter().copied());
        }
        E::insert_many(chunk.to_vec())
            .on_conflict(on_conflict)
            .exec_without_returning(db)
            .await?;
    }
    Ok(count)
}

/// Parses the source tables of SOURCES.md (`| B04 | citation | supports |`) with the
/// section heading as the dataset.
pub fn parse_sources(markdown: &str) -> Vec<source::Model> {
    let mut dataset = String::new();
    let mut out = Vec::new();
    for line in markdown.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            dataset = heading
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ')
                .to_owned();
            continue;
        }
        let Some(inner) = line.trim().strip_prefix('|').and_then(|l| l.strip_suffix('|')) else {
            continue;
        };
        let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
        if cells.len() < 3 {
            continue;
        }
        let id = cells[0];
        let looks_like_id = id.len() <= 5
            && id.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && id.chars().skip(1).all(|c| c.is_ascii_alphanumeric())
            && id.chars().any(|c| c.is_ascii_digit());
        if !looks_like_id {
            continue;
        }
        out.push(source::Model {
            id: id.to_owned(),
            dataset: dataset.clone(),
            citation: cells[1..cells.len() - 1].join(" | "),
            supports: cells[cells.len() - 1].to_owned(),
        });
    }
    out
}

#[derive(Deserialize)]
struct ProvinceCsv {
    unit_id: String,
    country: String,
    period: String,
    admin_type: String,
    name_en: String,
    name_vi: String,
    name_lo: String,
    name_lo_candidates_unverified: String,
    iso_3166_2: String,
    merger_relation: String,
    borders_across: String,
    border_gate_ids: String,
    border_length_note: String,
    sources: String,
    confidence: String,
    notes: String,
}

#[derive(Deserialize)]
struct GateCsv {
    id: String,
    level: String,
    level_history: String,
    vn_name: String,
    vn_name_ascii: String,
    vn_commune_district_former: String,
    vn_province_current: String,
    la_name_vi: String,
    la_name_en: String,
    la_name_lo: String,
    la_district: String,
    corridor_route_notes: String,
    key_dates: String,
    lat: String,
    lon: String,
    coord_note: String,
    sources: String,
    confidence: String,
    notes: String,
}

#[derive(Deserialize)]
struct ZoneCsv {
    id: String,
    country: String,
    name_en: String,
    name_vi: String,
    name_lo: String,
    zone_type: String,
    province_current: String,
    province_former: String,
    linked_border_gate_id: String,
    legal_basis_or_established: String,
    area: String,
    status: String,
    key_facts: String,
    sources: String,
    confidence: String,
}

#[derive(Deserialize)]
struct HsCodeCsv {
    code: String,
    level: i32,
    description_en: String,
    description_vi: String,
    sources: String,
    confidence: String,
}

#[derive(Deserialize)]
struct HsChapterCsv {
    chapter: String,
    section: String,
    title_en_hs2022: String,
    title_vi: String,
    reserved: String,
    source_en: String,
    source_vi: String,
    notes: String,
}

#[derive(Deserialize)]
struct CommodityCsv {
    id: String,
    direction: String,
    name_en: String,
    name_vi: String,
    name_lo: String,
    hs_code: String,
    hs_level: String,
    hs_description_en: String,
    hs_classification_note: String,
    evidence: String,
    sources: String,
    confidence: String,
}

#[derive(Deserialize)]
struct TradeCsv {
    row_id: String,
    year: i32,
    period: String,
    reporter_basis: String,
    total_usd: String,
    vn_exports_to_la_usd: String,
    vn_imports_from_la_usd: String,
    total_yoy_pct: String,
    exports_yoy_pct: String,
    imports_yoy_pct: String,
    derived_fields: String,
    sources: String,
    confidence: String,
    notes: String,
}

/// Months a reporting period covers: `FY` 12, `H1` 6, `Q1` 3, `9M` 9, `1M (Jan)` 1.
pub fn period_months(period: &str) -> Option<i32> {
    let p = period.trim();
    match p {
        "FY" => return Some(12),
        "H1" => return Some(6),
        "Q1" => return Some(3),
        _ => {}
    }
    let digits: String = p.chars().take_while(|c| c.is_ascii_digit()).collect();
    let n: i32 = digits.parse().ok()?;
    (p[digits.len()..].starts_with('M') && (1..=12).contains(&n)).then_some(n)
}

fn province_period(label: &str) -> &'static str {
    if label.starts_with("pre-merger") {
        province::PRE_2025
    } else {
        province::CURRENT
    }
}

/// The source the demo milestones and organisations cite that is not in SOURCES.md.
fn project_brief_source() -> source::Model {
    source::Model {
        id: "X01".into(),
        dataset: "Corridor project brief".into(),
        citation: "Corridor project brief (DEVELOPERS.md, Nov 2025): the 14 Nov 2025 Hanoi seminar of the Lao Embassy \
                   and Viet–Lao AZ JSC, the Viet–Lao AZ JSC ↔ Hung-Aloun Logistics MoU, Decision 1247/QĐ-TTg (2024)"
            .into(),
        supports: "demo milestones and organisations".into(),
    }
}

/// Runs the whole seed in one transaction.
pub async fn seed(db: &DatabaseConnection) -> Result<SeedReport, SeedError> {
    let txn = crate::domain::db::begin_write(db).await?;
    let report = seed_in(&txn).await?;
    txn.commit().await?;
    Ok(report)
}

async fn seed_in(db: &impl ConnectionTrait) -> Result<SeedReport, SeedError> {
    let mut report = SeedReport::default();

    let demo = demo::Demo::load()?;
    let mut sources = parse_sources(SOURCES_MD);
    sources.push(project_brief_source());
    demo.check_sources(&sources.iter().map(|s| s.id.as_str()).collect::<HashSet<_>>())?;
    report.sources = upsert::<source::Entity>(
        db,
        &[source::Column::Id],
        sources.into_iter().map(source::ActiveModel::from).collect(),
    )
    .await?;

    let countries = [("VN", "Vietnam", "Việt Nam", "ຫວຽດນາມ"), ("LA", "Laos", "Lào", "ລາວ")];
    upsert::<country::Entity>(
        db,
        &[country::Column::Code],
        countries
            .iter()
            .map(|(code, en, vi, lo)| country::ActiveModel {
                code: Set((*code).into()),
                name_en: Set((*en).into()),
                name_vi: Set((*vi).into()),
                name_lo: Set((*lo).into()),
            })
            .collect(),
    )
    .await?;

    // Provinces, and which province each gate lies in (from the provinces' gate lists).
    let provinces: Vec<ProvinceCsv> = read_csv("provinces.csv", PROVINCES)?;
    let mut vn_current: HashMap<String, String> = HashMap::new();
    let mut vn_former: HashMap<String, String> = HashMap::new();
    let mut la_current: HashMap<String, String> = HashMap::new();
    for p in &provinces {
        let target = match (p.country.as_str(), province_period(&p.period)) {
            ("VN", province::CURRENT) => &mut vn_current,
            ("VN", _) => &mut vn_former,
            ("LA", _) => &mut la_current,
            (other, _) => return Err(data_err("provinces.csv", format!("unknown country {other}"))),
        };
        for gate in p.border_gate_ids.split(';').map(str::trim).filter(|g| !g.is_empty()) {
            target.insert(gate.to_owned(), p.unit_id.clone());
        }
    }
    // A pre-2025 unit continues in the current unit whose gates include all of its gates.
    let successor = |p: &ProvinceCsv| -> Option<String> {
        let gates: Vec<&str> = p
            .border_gate_ids
            .split(';')
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .collect();
        let first = vn_current.get(*gates.first()?)?;
        gates
            .iter()
            .all(|g| vn_current.get(*g) == Some(first))
            .then(|| first.clone())
    };
    let mut province_rows: Vec<province::ActiveModel> = Vec::new();
    // Current units first: pre-2025 units point at them.
    let mut ordered: Vec<&ProvinceCsv> = provinces.iter().collect();
    ordered.sort_by_key(|p| province_period(&p.period) != province::CURRENT);
    for p in ordered {
        let period = province_period(&p.period);
        province_rows.push(province::ActiveModel {
            id: Set(p.unit_id.clone()),
            country: Set(p.country.clone()),
            period: Set(period.into()),
            period_label: Set(p.period.clone()),
            admin_type: Set(p.admin_type.clone()),
            name_en: Set(p.name_en.clone()),
            name_vi: Set(p.name_vi.clone()),
            name_lo: Set(opt(&p.name_lo)),
            name_lo_unverified: Set(opt(&p.name_lo_candidates_unverified)),
            iso_3166_2: Set(opt(&p.iso_3166_2)),
            merger_relation: Set(p.merger_relation.clone()),
            successor_id: Set(if p.country == "VN" && period == province::PRE_2025 {
                successor(p)
            } else {
                None
            }),
            borders_across: Set(p.borders_across.clone()),
            border_length_note: Set(opt(&p.border_length_note)),
            sources: Set(p.sources.clone()),
            confidence: Set(p.confidence.clone()),
            notes: Set(opt(&p.notes)),
        });
    }
    report.provinces = upsert::<province::Entity>(db, &[province::Column::Id], province_rows).await?;

    let gates: Vec<GateCsv> = read_csv("border_gates.csv", BORDER_GATES)?;
    let mut gate_rows = Vec::new();
    for g in &gates {
        let vn = vn_current.get(&g.id).ok_or_else(|| {
            data_err(
                "border_gates.csv",
                format!("gate {} has no current Vietnamese province", g.id),
            )
        })?;
        let la = la_current
            .get(&g.id)
            .ok_or_else(|| data_err("border_gates.csv", format!("gate {} has no Lao province", g.id)))?;
        if crate::model::GateLevel::parse(&g.level).is_none() {
            return Err(data_err(
                "border_gates.csv",
                format!("gate {} has unknown level {}", g.id, g.level),
            ));
        }
        gate_rows.push(border_gate::ActiveModel {
            id: Set(g.id.clone()),
            level: Set(g.level.clone()),
            level_history: Set(g.level_history.clone()),
            vn_name: Set(g.vn_name.clone()),
            vn_name_ascii: Set(g.vn_name_ascii.clone()),
            vn_location: Set(opt(&g.vn_commune_district_former)),
            vn_province_id: Set(vn.clone()),
            vn_province_former_id: Set(vn_former.get(&g.id).cloned()),
            vn_province_label: Set(g.vn_province_current.clone()),
            la_name_vi: Set(g.la_name_vi.clone()),
            la_name_en: Set(opt(&g.la_name_en)),
            la_name_lo: Set(opt(&g.la_name_lo)),
            la_district: Set(opt(&g.la_district)),
            la_province_id: Set(la.clone()),
            corridor_notes: Set(opt(&g.corridor_route_notes)),
            key_dates: Set(opt(&g.key_dates)),
            lat: Set(opt_f64("border_gates.csv", &g.lat)?),
            lon: Set(opt_f64("border_gates.csv", &g.lon)?),
            coord_note: Set(opt(&g.coord_note)),
            sources: Set(g.sources.clone()),
            confidence: Set(g.confidence.clone()),
            notes: Set(opt(&g.notes)),
        });
    }
    report.border_gates = upsert::<border_gate::Entity>(db, &[border_gate::Column::Id], gate_rows).await?;

    let zones: Vec<ZoneCsv> = read_csv("economic_zones.csv", ECONOMIC_ZONES)?;
    report.economic_zones = upsert::<economic_zone::Entity>(
        db,
        &[economic_zone::Column::Id],
        zones
            .into_iter()
            .map(|z| economic_zone::ActiveModel {
                id: Set(z.id),
                country: Set(z.country),
                name_en: Set(z.name_en),
                name_vi: Set(opt(&z.name_vi)),
                name_lo: Set(opt(&z.name_lo)),
                zone_type: Set(z.zone_type),
                province_label: Set(z.province_current),
                province_former_label: Set(opt(&z.province_former)),
                border_gate_id: Set(opt(&z.linked_border_gate_id)),
                legal_basis: Set(opt(&z.legal_basis_or_established)),
                area: Set(opt(&z.area)),
                status: Set(z.status),
                key_facts: Set(opt(&z.key_facts)),
                sources: Set(z.sources),
                confidence: Set(z.confidence),
            })
            .collect(),
    )
    .await?;

    let chapters: Vec<HsChapterCsv> = read_csv("hs_chapters.csv", HS_CHAPTERS)?;
    report.hs_chapters = upsert::<hs_chapter::Entity>(
        db,
        &[hs_chapter::Column::Chapter],
        chapters
            .into_iter()
            .map(|c| hs_chapter::ActiveModel {
                chapter: Set(c.chapter),
                section: Set(c.section),
                title_en: Set(c.title_en_hs2022),
                title_vi: Set(c.title_vi),
                reserved: Set(c.reserved.trim().eq_ignore_ascii_case("yes")),
                sources: Set([c.source_en, c.source_vi]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(";")),
                notes: Set(opt(&c.notes)),
            })
            .collect(),
    )
    .await?;

    let codes: Vec<HsCodeCsv> = read_csv("hs_codes.csv", HS_CODES)?;
    report.hs_codes = upsert::<hs_code::Entity>(
        db,
        &[hs_code::Column::Code],
        codes
            .into_iter()
            .map(|c| hs_code::ActiveModel {
                chapter: Set(c.code[..2].to_owned()),
                code: Set(c.code),
                level: Set(c.level),
                description_en: Set(c.description_en),
                description_vi: Set(opt(&c.description_vi)),
                description_lo: Set(None),
                sources: Set(c.sources),
                confidence: Set(c.confidence),
            })
            .collect(),
    )
    .await?;

    let commodities: Vec<CommodityCsv> = read_csv("commodities.csv", COMMODITIES)?;
    let mut commodity_rows = Vec::new();
    for c in commodities {
        let flow = if c.direction.starts_with("LA") {
            "la_to_vn"
        } else if c.direction.starts_with("VN") {
            "vn_to_la"
        } else {
            return Err(data_err(
                "commodities.csv",
                format!("{}: unknown direction {}", c.id, c.direction),
            ));
        };
        commodity_rows.push(commodity::ActiveModel {
            id: Set(c.id),
            flow: Set(flow.into()),
            direction_label: Set(c.direction),
            name_en: Set(c.name_en),
            name_vi: Set(c.name_vi),
            name_lo: Set(opt(&c.name_lo)),
            hs_codes: Set(c.hs_code),
            hs_level: Set(c.hs_level),
            hs_description_en: Set(c.hs_description_en),
            hs_note: Set(opt(&c.hs_classification_note)),
            evidence: Set(opt(&c.evidence)),
            sources: Set(c.sources),
            confidence: Set(c.confidence),
        });
    }
    report.commodities = upsert::<commodity::Entity>(db, &[commodity::Column::Id], commodity_rows).await?;

    let stats: Vec<TradeCsv> = read_csv("trade_stats.csv", TRADE_STATS)?;
    let mut stat_rows = Vec::new();
    for s in stats {
        const F: &str = "trade_stats.csv";
        let months = period_months(&s.period)
            .ok_or_else(|| data_err(F, format!("{}: unknown period {}", s.row_id, s.period)))?;
        stat_rows.push(trade_stat::ActiveModel {
            is_alternative: Set(s.row_id.ends_with("-alt")),
            id: Set(s.row_id),
            year: Set(s.year),
            period: Set(s.period),
            months: Set(months),
            reporter_basis: Set(s.reporter_basis),
            total_usd: Set(opt_i64(F, &s.total_usd)?),
            vn_exports_usd: Set(opt_i64(F, &s.vn_exports_to_la_usd)?),
            vn_imports_usd: Set(opt_i64(F, &s.vn_imports_from_la_usd)?),
            total_yoy_pct: Set(opt_f64(F, &s.total_yoy_pct)?),
            exports_yoy_pct: Set(opt_f64(F, &s.exports_yoy_pct)?),
            imports_yoy_pct: Set(opt_f64(F, &s.imports_yoy_pct)?),
            derived_fields: Set(opt(&s.derived_fields)),
            sources: Set(s.sources),
            confidence: Set(s.confidence),
            notes: Set(opt(&s.notes)),
        });
    }
    report.trade_stats = upsert::<trade_stat::Entity>(db, &[trade_stat::Column::Id], stat_rows).await?;

    report.organisations = seed_organisations(db, &demo.organisations).await?;
    report.milestones = seed_milestones(db, &demo).await?;
    // The search index hears of the gates and organisations the seed wrote.
    let gate_ids: Vec<String> = border_gate::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.id)
        .collect();
    let org_ids: Vec<i32> = organisation::Entity::find()
        .filter(organisation::Column::Slug.is_in(demo.organisations.iter().map(|o| o.slug.as_str())))
        .all(db)
        .await?
        .into_iter()
        .map(|o| o.id)
        .collect();
    super::search::outbox::gates_changed(db, &gate_ids)
        .await
        .map_err(|e| data_err("search outbox", format!("{e:?}")))?;
    super::search::outbox::organisations_changed(db, &org_ids)
        .await
        .map_err(|e| data_err("search outbox", format!("{e:?}")))?;
    Ok(report)
}

async fn seed_organisations(db: &impl ConnectionTrait, orgs: &[demo::Organisation]) -> Result<usize, DbErr> {
    let now = chrono::Utc::now();
    let rows: Vec<organisation::ActiveModel> = orgs
        .iter()
        .map(|o| organisation::ActiveModel {
            id: NotSet,
            slug: Set(o.slug.clone()),
            name: Set(o.name.clone()),
            kind: Set(o.kind.clone()),
            country: Set(o.country.clone()),
            province_id: Set(None),
            website: Set(None),
            description_en: Set(Some(o.description.en.clone())),
            description_vi: Set(Some(o.description.vi.clone())),
            description_lo: Set(Some(o.description.lo.clone())),
            created_at: Set(now),
            status: Set("active".into()),
            registration_number: Set(None),
            sectors: Set(None),
            languages: Set(None),
            verified_at: Set(None),
            logo_path: Set(None),
            contact_person: Set(None),
            contact_email: Set(None),
            contact_phone: Set(None),
            contact_messaging: Set(None),
            invest_sectors: Set(None),
            invest_provinces: Set(None),
            invest_instruments: Set(None),
            invest_ticket_min_usd: Set(None),
            invest_ticket_max_usd: Set(None),
        })
        .collect();
    use organisation::Column as C;
    organisation::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::column(C::Slug)
                .update_columns([
                    C::Name,
                    C::Kind,
                    C::Country,
                    C::DescriptionEn,
                    C::DescriptionVi,
                    C::DescriptionLo,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(orgs.len())
}

async fn seed_milestones(db: &impl ConnectionTrait, demo: &demo::Demo) -> Result<usize, SeedError> {
    let rows = demo
        .milestones
        .iter()
        .map(|m| milestone::ActiveModel {
            id: Set(m.id.clone()),
            happened_on: Set(m.date),
            date_precision: Set(m.precision.clone()),
            kind: Set(m.kind.clone()),
            title_en: Set(m.title.en.clone()),
            title_vi: Set(m.title.vi.clone()),
            title_lo: Set(m.title.lo.clone()),
            summary_en: Set(m.summary.en.clone()),
            summary_vi: Set(m.summary.vi.clone()),
            summary_lo: Set(m.summary.lo.clone()),
            place: Set(m.place.clone()),
            sources: Set(m.sources.join(";")),
        })
        .collect();
    upsert::<milestone::Entity>(db, &[milestone::Column::Id], rows).await?;

    let orgs: HashMap<String, i32> = organisation::Entity::find()
        .filter(organisation::Column::Slug.is_in(demo.organisations.iter().map(|o| o.slug.as_str())))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.slug, o.id))
        .collect();
    let mut parties = Vec::new();
    for m in &demo.milestones {
        for party in &m.parties {
            let organisation_id = *orgs.get(&party.organisation).ok_or_else(|| {
                data_err(
                    demo::MILESTONES_FILE,
                    format!("{}: unknown organisation {}", m.id, party.organisation),
                )
            })?;
            parties.push(milestone_party::ActiveModel {
                milestone_id: Set(m.id.clone()),
                organisation_id: Set(organisation_id),
                role: Set(party.role.clone()),
            });
        }
    }
    upsert::<milestone_party::Entity>(
        db,
        &[
            milestone_party::Column::MilestoneId,
            milestone_party::Column::OrganisationId,
        ],
        parties,
    )
    .await?;
    Ok(demo.milestones.len())
}

/// `corridor seed` (after `seed`): the demo listings, once (a listing per row of data/demo/listings.json);
/// run again, it moves their expiry forward so a long-running demo never empties. Tests start
/// without them.
pub async fn seed_demo_listings(db: &DatabaseConnection) -> Result<usize, SeedError> {
    let txn = crate::domain::db::begin_write(db).await?;
    let n = demo_listings_in(&txn).await?;
    txn.commit().await?;
    Ok(n)
}

async fn demo_listings_in(db: &impl ConnectionTrait) -> Result<usize, SeedError> {
    use super::entities::listing;
    use super::listings::{store, validate, RefData, Status};
    let demo = demo::Demo::load()?;
    let now = chrono::Utc::now();
    let existing = listing::Entity::find()
        .filter(listing::Column::Origin.eq("seed"))
        .all(db)
        .await?;
    if !existing.is_empty() {
        listing::Entity::update_many()
            .col_expr(
                listing::Column::ExpiresAt,
                sea_orm::sea_query::Expr::value(now + chrono::Duration::days(super::listings::DEFAULT_TTL_DAYS)),
            )
            .filter(listing::Column::Origin.eq("seed"))
            .exec(db)
            .await?;
        // The index filters on the expiry date it holds: tell it of the new one.
        let ids: Vec<i32> = existing.iter().map(|l| l.id).collect();
        super::search::outbox::listings_changed(db, &ids)
            .await
            .map_err(|e| data_err("search outbox", format!("{e:?}")))?;
        return Ok(existing.len());
    }
    let refs = RefData::load(db)
        .await
        .map_err(|e| data_err("demo listings", format!("{e:?}")))?;
    for (n, demo_listing) in &demo.listings {
        let input = demo_listing.input();
        let named = |message: String| format!("row {n} ({}): {message}", demo_listing.label());
        let valid = validate(&input, &refs, now).map_err(|p| data_err(demo::LISTINGS_FILE, named(format!("{p:?}"))))?;
        let organisation = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq(&demo_listing.organisation))
            .one(db)
            .await?
            .ok_or_else(|| {
                data_err(
                    demo::LISTINGS_FILE,
                    named("no such organisation in the database".into()),
                )
            })?;
        let gates = valid.gate_ids.clone();
        let row = store::new_row(valid, &organisation, None, Status::Published, "seed", now);
        let id = listing::Entity::insert(row).exec(db).await?.last_insert_id;
        for (position, gate) in gates.iter().enumerate() {
            super::entities::listing_gate::Entity::insert(super::entities::listing_gate::ActiveModel {
                listing_id: sea_orm::ActiveValue::Set(id),
                gate_id: sea_orm::ActiveValue::Set(gate.clone()),
                position: sea_orm::ActiveValue::Set(position as i32),
            })
            .exec_without_returning(db)
            .await?;
        }
        super::search::outbox::listings_changed(db, &[id])
            .await
            .map_err(|e| data_err("demo listings", format!("{e:?}")))?;
    }
    Ok(demo.listings.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_convert_to_months() {
        assert_eq!(period_months("FY"), Some(12));
        assert_eq!(period_months("9M"), Some(9));
        assert_eq!(period_months("1M (Jan)"), Some(1));
        assert_eq!(period_months("H1"), Some(6));
        assert_eq!(period_months("Q1"), Some(3));
        assert_eq!(period_months("13M"), None);
        assert_eq!(period_months("soon"), None);
    }

    #[test]
    fn sources_markdown_yields_every_cited_id() {
        let sources = parse_sources(SOURCES_MD);
        assert!(sources.len() > 100, "{}", sources.len());
        let b04 = sources.iter().find(|s| s.id == "B04").expect("B04 is cited by gates");
        assert!(b04.citation.contains("biengioilanhtho"));
        assert!(b04.dataset.starts_with("Border gates"), "{}", b04.dataset);
        // Every source id a gate row cites is defined.
        let gates: Vec<GateCsv> = read_csv("border_gates.csv", BORDER_GATES).expect("gates parse");
        for g in gates {
            for id in crate::model::split_sources(&g.sources) {
                assert!(
                    sources.iter().any(|s| s.id == id),
                    "gate {} cites unknown source {id}",
                    g.id
                );
            }
        }
    }
}
