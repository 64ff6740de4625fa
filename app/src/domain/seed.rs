//! `corridor seed`: loads the reference data (data/*.csv, compiled into the binary so the seed
//! never depends on the working directory) and the demo organisations and milestones.
//! Every write is an upsert inside one transaction, so running it twice changes nothing.
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
use std::collections::HashMap;

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
    #[error("reference data {file}: {message}")]
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

/// Runs the whole seed in one transaction.
pub async fn seed(db: &DatabaseConnection) -> Result<SeedReport, SeedError> {
    let txn = crate::domain::db::begin_write(db).await?;
    let report = seed_in(&txn).await?;
    txn.commit().await?;
    Ok(report)
}

async fn seed_in(db: &impl ConnectionTrait) -> Result<SeedReport, SeedError> {
    let mut report = SeedReport::default();

    let mut sources = parse_sources(SOURCES_MD);
    sources.push(source::Model {
        id: "X01".into(),
        dataset: "Corridor project brief".into(),
        citation: "Corridor project brief (DEVELOPERS.md, Nov 2025): the 14 Nov 2025 Hanoi seminar of the Lao Embassy \
                   and Viet–Lao AZ JSC, the Viet–Lao AZ JSC ↔ Hung-Aloun Logistics MoU, Decision 1247/QĐ-TTg (2024)"
            .into(),
        supports: "demo milestones and organisations".into(),
    });
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

    report.organisations = seed_organisations(db).await?;
    report.milestones = seed_milestones(db).await?;
    // The search index hears of the gates and organisations the seed wrote.
    let gate_ids: Vec<String> = border_gate::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.id)
        .collect();
    let org_ids: Vec<i32> = organisation::Entity::find()
        .filter(organisation::Column::Slug.is_in(DEMO_ORGS.iter().map(|o| o.slug)))
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

struct DemoOrg {
    slug: &'static str,
    name: &'static str,
    kind: &'static str,
    country: &'static str,
    en: &'static str,
    vi: &'static str,
    lo: &'static str,
}

const DEMO_ORGS: &[DemoOrg] = &[
    // Fictional organisations that hold the demo listings (clearly marked as such).
    DemoOrg {
        slug: "demo-lao-exporter",
        name: "Corridor demo: Lao exporter",
        kind: "company",
        country: "LA",
        en: "Demo data: a fictional Lao trading company that offers the main Lao exports to Vietnam.",
        vi: "Dữ liệu mẫu: một công ty thương mại Lào giả định, chào bán các mặt hàng xuất khẩu chính của Lào sang Việt Nam.",
        lo: "ຂໍ້ມູນຕົວຢ່າງ: ບໍລິສັດການຄ້າລາວສົມມຸດ ທີ່ສະເໜີຂາຍສິນຄ້າສົ່ງອອກຫຼັກຂອງລາວໄປຫວຽດນາມ.",
    },
    DemoOrg {
        slug: "demo-vn-exporter",
        name: "Corridor demo: Vietnamese exporter",
        kind: "company",
        country: "VN",
        en: "Demo data: a fictional Vietnamese trading company that offers the main Vietnamese exports to Laos.",
        vi: "Dữ liệu mẫu: một công ty thương mại Việt Nam giả định, chào bán các mặt hàng xuất khẩu chính của Việt Nam sang Lào.",
        lo: "ຂໍ້ມູນຕົວຢ່າງ: ບໍລິສັດການຄ້າຫວຽດນາມສົມມຸດ ທີ່ສະເໜີຂາຍສິນຄ້າສົ່ງອອກຫຼັກຂອງຫວຽດນາມໄປລາວ.",
    },
    DemoOrg {
        slug: "demo-lao-trade-department",
        name: "Corridor demo: provincial trade department",
        kind: "government",
        country: "LA",
        en: "Demo data: a fictional provincial department of industry and commerce that keeps priority border-trade infrastructure projects.",
        vi: "Dữ liệu mẫu: một sở công thương cấp tỉnh giả định, quản lý danh mục dự án hạ tầng thương mại biên giới ưu tiên.",
        lo: "ຂໍ້ມູນຕົວຢ່າງ: ພະແນກອຸດສາຫະກຳ ແລະ ການຄ້າແຂວງສົມມຸດ ທີ່ຄຸ້ມຄອງໂຄງການພື້ນຖານໂຄງລ່າງການຄ້າຊາຍແດນບູລິມະສິດ.",
    },
    DemoOrg {
        slug: "viet-lao-az",
        name: "Viet–Lao AZ JSC",
        kind: "company",
        country: "VN",
        en: "Hanoi company co-organising investment seminars with the Lao Embassy: energy, mining, high-tech agriculture, manufacturing, logistics, import-export.",
        vi: "Công ty tại Hà Nội, đồng tổ chức hội thảo đầu tư với Đại sứ quán Lào: năng lượng, khai khoáng, nông nghiệp công nghệ cao, chế biến chế tạo, logistics, xuất nhập khẩu.",
        lo: "ບໍລິສັດຢູ່ຮ່າໂນ້ຍ ຮ່ວມຈັດສຳມະນາການລົງທຶນກັບສະຖານທູດລາວ: ພະລັງງານ, ບໍ່ແຮ່, ກະສິກຳເຕັກໂນໂລຊີສູງ, ອຸດສາຫະກຳ, ການຂົນສົ່ງ, ນຳເຂົ້າ-ສົ່ງອອກ.",
    },
    DemoOrg {
        slug: "hung-aloun-logistics",
        name: "Hung-Aloun Logistics",
        kind: "logistics",
        country: "LA",
        en: "Lao logistics company; signed an MoU with Viet–Lao AZ JSC at the 14 Nov 2025 Hanoi seminar.",
        vi: "Công ty logistics của Lào; ký biên bản ghi nhớ với Viet–Lao AZ JSC tại hội thảo Hà Nội ngày 14/11/2025.",
        lo: "ບໍລິສັດຂົນສົ່ງຂອງລາວ; ລົງນາມບົດບັນທຶກຄວາມເຂົ້າໃຈກັບ Viet–Lao AZ JSC ໃນສຳມະນາທີ່ຮ່າໂນ້ຍ 14/11/2025.",
    },
    DemoOrg {
        slug: "lao-embassy-hanoi",
        name: "Embassy of the Lao PDR in Hanoi",
        kind: "embassy",
        country: "LA",
        en: "Promotes investment in Laos to Vietnamese enterprises.",
        vi: "Xúc tiến đầu tư vào Lào cho doanh nghiệp Việt Nam.",
        lo: "ສົ່ງເສີມການລົງທຶນໃນລາວ ໃຫ້ແກ່ວິສາຫະກິດຫວຽດນາມ.",
    },
    DemoOrg {
        slug: "moit-vietnam",
        name: "Ministry of Industry and Trade of Viet Nam",
        kind: "government",
        country: "VN",
        en: "Vietnamese ministry responsible for trade with Laos.",
        vi: "Bộ Công Thương Việt Nam.",
        lo: "ກະຊວງອຸດສາຫະກຳ ແລະ ການຄ້າ ຫວຽດນາມ.",
    },
    DemoOrg {
        slug: "moic-laos",
        name: "Ministry of Industry and Commerce of the Lao PDR",
        kind: "government",
        country: "LA",
        en: "Lao ministry responsible for trade with Vietnam.",
        vi: "Bộ Công Thương Lào.",
        lo: "ກະຊວງອຸດສາຫະກຳ ແລະ ການຄ້າ ສປປ ລາວ.",
    },
];

async fn seed_organisations(db: &impl ConnectionTrait) -> Result<usize, DbErr> {
    let now = chrono::Utc::now();
    let rows: Vec<organisation::ActiveModel> = DEMO_ORGS
        .iter()
        .map(|o| organisation::ActiveModel {
            id: NotSet,
            slug: Set(o.slug.into()),
            name: Set(o.name.into()),
            kind: Set(o.kind.into()),
            country: Set(o.country.into()),
            province_id: Set(None),
            website: Set(None),
            description_en: Set(Some(o.en.into())),
            description_vi: Set(Some(o.vi.into())),
            description_lo: Set(Some(o.lo.into())),
            created_at: Set(now),
            status: Set("active".into()),
            registration_number: Set(None),
            sectors: Set(None),
            languages: Set(None),
            verified_at: Set(None),
            logo_path: Set(None),
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
    Ok(DEMO_ORGS.len())
}

struct DemoMilestone {
    id: &'static str,
    date: (i32, u32, u32),
    precision: &'static str,
    kind: &'static str,
    title: [&'static str; 3],
    summary: [&'static str; 3],
    place: Option<&'static str>,
    sources: &'static str,
    parties: &'static [(&'static str, &'static str)],
}

/// Titles and summaries are [en, vi, lo].
const MILESTONES: &[DemoMilestone] = &[
    DemoMilestone {
        id: "2024-vn-la-trade-agreement",
        date: (2024, 4, 8),
        precision: "day",
        kind: "agreement",
        title: [
            "Vietnam–Laos Trade Agreement (amended) signed",
            "Ký Hiệp định Thương mại Việt Nam – Lào (sửa đổi)",
            "ລົງນາມສັນຍາການຄ້າ ລາວ – ຫວຽດນາມ (ສະບັບປັບປຸງ)",
        ],
        summary: [
            "The amended bilateral trade agreement was signed on 8 April 2024 and entered into force on 24 February 2025.",
            "Hiệp định thương mại song phương sửa đổi ký ngày 8/4/2024, có hiệu lực từ 24/2/2025.",
            "ສັນຍາການຄ້າສອງຝ່າຍສະບັບປັບປຸງ ລົງນາມວັນທີ 8/4/2024, ມີຜົນບັງຄັບໃຊ້ແຕ່ວັນທີ 24/2/2025.",
        ],
        place: None,
        sources: "B01",
        parties: &[("moit-vietnam", "signatory"), ("moic-laos", "signatory")],
    },
    DemoMilestone {
        id: "2024-decision-1247",
        date: (2024, 1, 1),
        precision: "year",
        kind: "decision",
        title: [
            "Decision 1247/QĐ-TTg: plan to develop Vietnam–Laos border trade",
            "Quyết định 1247/QĐ-TTg: kế hoạch phát triển thương mại biên giới Việt – Lào",
            "ຂໍ້ຕົກລົງ 1247/QĐ-TTg: ແຜນພັດທະນາການຄ້າຊາຍແດນ ລາວ – ຫວຽດນາມ",
        ],
        summary: [
            "Asks for a mechanism connecting Vietnamese and Lao traders and border residents, a priority list of border-trade infrastructure for investors, yearly investment promotion, logistics centres at the gates, guidance on tariff preferences and rules of origin, and focal points for enterprises.",
            "Yêu cầu cơ chế kết nối thương nhân hai nước và cư dân biên giới, danh mục hạ tầng thương mại biên giới ưu tiên kêu gọi đầu tư, xúc tiến đầu tư hằng năm, trung tâm logistics tại cửa khẩu, hướng dẫn ưu đãi thuế quan và quy tắc xuất xứ, và đầu mối hỗ trợ doanh nghiệp.",
            "ກຳນົດກົນໄກເຊື່ອມຕໍ່ພໍ່ຄ້າສອງປະເທດ ແລະ ປະຊາຊົນຊາຍແດນ, ລາຍການພື້ນຖານໂຄງລ່າງການຄ້າຊາຍແດນທີ່ບູລິມະສິດ, ການສົ່ງເສີມການລົງທຶນປະຈຳປີ, ສູນໂລຈິສຕິກຢູ່ດ່ານ, ຄຳແນະນຳກ່ຽວກັບພາສີ ແລະ ກົດລະບຽບແຫຼ່ງກຳເນີດ.",
        ],
        place: None,
        sources: "X01",
        parties: &[("moit-vietnam", "issuer")],
    },
    DemoMilestone {
        id: "2025-11-14-hanoi-seminar",
        date: (2025, 11, 14),
        precision: "day",
        kind: "seminar",
        title: [
            "Hanoi seminar on investment in Laos",
            "Hội thảo tại Hà Nội về đầu tư vào Lào",
            "ສຳມະນາທີ່ຮ່າໂນ້ຍ ກ່ຽວກັບການລົງທຶນໃນລາວ",
        ],
        summary: [
            "Organised by the Lao Embassy and Viet–Lao AZ JSC: energy, mining, high-tech agriculture, manufacturing, logistics and import-export.",
            "Do Đại sứ quán Lào và Viet–Lao AZ JSC tổ chức: năng lượng, khai khoáng, nông nghiệp công nghệ cao, chế biến chế tạo, logistics và xuất nhập khẩu.",
            "ຈັດໂດຍສະຖານທູດລາວ ແລະ Viet–Lao AZ JSC: ພະລັງງານ, ບໍ່ແຮ່, ກະສິກຳເຕັກໂນໂລຊີສູງ, ອຸດສາຫະກຳ, ການຂົນສົ່ງ ແລະ ນຳເຂົ້າ-ສົ່ງອອກ.",
        ],
        place: Some("Hanoi"),
        sources: "X01",
        parties: &[("lao-embassy-hanoi", "organiser"), ("viet-lao-az", "organiser")],
    },
    DemoMilestone {
        id: "2025-11-14-az-hung-aloun-mou",
        date: (2025, 11, 14),
        precision: "day",
        kind: "mou",
        title: [
            "MoU: Viet–Lao AZ JSC ↔ Hung-Aloun Logistics",
            "Biên bản ghi nhớ: Viet–Lao AZ JSC ↔ Hung-Aloun Logistics",
            "ບົດບັນທຶກຄວາມເຂົ້າໃຈ: Viet–Lao AZ JSC ↔ Hung-Aloun Logistics",
        ],
        summary: [
            "Signed at the close of the 14 Nov 2025 Hanoi seminar.",
            "Ký kết khi bế mạc hội thảo Hà Nội ngày 14/11/2025.",
            "ລົງນາມໃນພິທີປິດສຳມະນາທີ່ຮ່າໂນ້ຍ 14/11/2025.",
        ],
        place: Some("Hanoi"),
        sources: "X01",
        parties: &[("viet-lao-az", "signatory"), ("hung-aloun-logistics", "signatory")],
    },
];

async fn seed_milestones(db: &impl ConnectionTrait) -> Result<usize, SeedError> {
    let mut rows = Vec::new();
    for m in MILESTONES {
        let date = chrono::NaiveDate::from_ymd_opt(m.date.0, m.date.1, m.date.2)
            .ok_or_else(|| data_err("milestones", format!("{}: invalid date", m.id)))?;
        rows.push(milestone::ActiveModel {
            id: Set(m.id.into()),
            happened_on: Set(date),
            date_precision: Set(m.precision.into()),
            kind: Set(m.kind.into()),
            title_en: Set(m.title[0].into()),
            title_vi: Set(m.title[1].into()),
            title_lo: Set(m.title[2].into()),
            summary_en: Set(m.summary[0].into()),
            summary_vi: Set(m.summary[1].into()),
            summary_lo: Set(m.summary[2].into()),
            place: Set(m.place.map(Into::into)),
            sources: Set(m.sources.into()),
        });
    }
    upsert::<milestone::Entity>(db, &[milestone::Column::Id], rows).await?;

    let orgs: HashMap<String, i32> = organisation::Entity::find()
        .filter(organisation::Column::Slug.is_in(DEMO_ORGS.iter().map(|o| o.slug)))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.slug, o.id))
        .collect();
    let mut parties = Vec::new();
    for m in MILESTONES {
        for (slug, role) in m.parties {
            let organisation_id = *orgs
                .get(*slug)
                .ok_or_else(|| data_err("milestones", format!("{}: unknown organisation {slug}", m.id)))?;
            parties.push(milestone_party::ActiveModel {
                milestone_id: Set(m.id.into()),
                organisation_id: Set(organisation_id),
                role: Set((*role).into()),
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
    Ok(MILESTONES.len())
}

/// One demo listing: (organisation slug, fields as a form would send them).
type DemoListing = (&'static str, &'static [(&'static str, &'static str)]);

/// Demo listings from the bilateral flows (commodities.csv): Lao rubber, wood, ores, cassava,
/// coffee, potash, electricity; Vietnamese steel, vehicle parts, machinery, fuel, garments;
/// an investment opportunity on the priority list and route offers.
const DEMO_LISTINGS: &[DemoListing] = &[
    ("demo-lao-exporter", &[("kind", "commodity"), ("direction", "offer"), ("hs_code", "4001"),
        ("title_lo", "ຢາງພາລາແຜ່ນຮົມຄວັນ RSS3 ຈາກອັດຕະປື"), ("title_vi", "Cao su tấm xông khói RSS3 từ Attapeu"), ("title_en", "Natural rubber RSS3 sheets from Attapeu"),
        ("quantity", "200"), ("unit", "t"), ("frequency", "monthly"), ("price", "1650"), ("currency", "USD"), ("incoterm", "DAP"),
        ("province_id", "la-attapeu"), ("gate_ids", "bo-y"), ("certifications", "co_form_s;phytosanitary")]),
    ("demo-lao-exporter", &[("kind", "commodity"), ("direction", "offer"), ("hs_code", "4407"),
        ("title_lo", "ໄມ້ແປຮູບທີ່ມີໃບອະນຸຍາດ"), ("title_vi", "Gỗ xẻ có giấy phép khai thác hợp pháp"), ("title_en", "Licensed sawn timber"),
        ("quantity", "300"), ("unit", "m3"), ("frequency", "quarterly"), ("currency", "USD"),
        ("province_id", "la-savannakhet"), ("gate_ids", "lao-bao"), ("certifications", "co_form_s;fumigation")]),
    ("demo-lao-exporter", &[("kind", "commodity"), ("direction", "offer"), ("hs_code", "2601"),
        ("title_lo", "ແຮ່ເຫຼັກ ແລະ ຫົວແຮ່ເຫຼັກ"), ("title_vi", "Quặng sắt và tinh quặng sắt"), ("title_en", "Iron ore and concentrates"),
        ("quantity", "5000"), ("unit", "t"), ("frequency", "monthly"), ("price", "62"), ("currency", "USD"), ("incoterm", "FCA"),
        ("province_id", "la-xiengkhouang"), ("destination_province_id", "vn-nghe-an"), ("gate_ids", "nam-can")]),
    ("demo-lao-exporter", &[("kind", "commodity"), ("direction", "offer"), ("hs_code", "0714"),
        ("title_lo", "ມັນຕົ້ນຕາກແຫ້ງ"), ("title_vi", "Sắn lát khô"), ("title_en", "Dried cassava chips"),
        ("quantity", "1000"), ("unit", "t"), ("frequency", "monthly"), ("price", "235"), ("currency", "USD"), ("incoterm", "DAP"),
        ("province_id", "la-savannakhet"), ("gate_ids", "lao-bao"), ("certifications", "phytosanitary;co_form_s")]),
    ("demo-lao-exporter", &[("kind", "commodity"), ("direction", "offer"), ("hs_code", "0901"),
        ("title_lo", "ກາເຟອາຣາບິກາ ພູພຽງບໍລະເວນ"), ("title_vi", "Cà phê Arabica cao nguyên Bolaven"), ("title_en", "Bolaven Plateau Arabica green coffee"),
        ("quantity", "40"), ("unit", "t"), ("frequency", "yearly"), ("price", "5200"), ("currency", "USD"), ("incoterm", "FCA"),
        ("province_id", "la-salavan"), ("gate_ids", "la-lay"), ("certifications", "organic;phytosanitary")]),
    ("demo-lao-exporter", &[("kind", "commodity"), ("direction", "offer"), ("hs_code", "3104"),
        ("title_lo", "ປຸຍໂປແຕສ (MOP)"), ("title_vi", "Phân kali (MOP)"), ("title_en", "Potash fertiliser (MOP)"),
        ("quantity", "3000"), ("unit", "t"), ("frequency", "monthly"), ("currency", "USD"),
        ("province_id", "la-khammouane"), ("gate_ids", "cha-lo"), ("certifications", "co_form_s")]),
    ("demo-lao-exporter", &[("kind", "commodity"), ("direction", "offer"), ("hs_code", "2716"),
        ("title_lo", "ພະລັງງານໄຟຟ້າຈາກເຂື່ອນໄຟຟ້ານ້ຳຕົກ"), ("title_vi", "Điện năng từ thủy điện"), ("title_en", "Hydropower electricity"),
        ("quantity", "50000"), ("unit", "mwh"), ("frequency", "monthly"), ("currency", "USD"),
        ("province_id", "la-sekong"), ("destination_province_id", "vn-quang-ngai")]),
    ("demo-vn-exporter", &[("kind", "commodity"), ("direction", "offer"), ("hs_code", "7208"),
        ("title_vi", "Thép cuộn cán nóng SS400"), ("title_en", "Hot-rolled steel coil SS400"), ("title_lo", "ເຫຼັກມ້ວນຮີດຮ້ອນ SS400"),
        ("quantity", "500"), ("unit", "t"), ("frequency", "monthly"), ("price", "610"), ("currency", "USD"), ("incoterm", "DAP"),
        ("province_id", "vn-ha-tinh"), ("gate_ids", "cau-treo"), ("certifications", "co_form_s")]),
    ("demo-vn-exporter", &[("kind", "commodity"), ("direction", "offer"), ("hs_code", "8708"),
        ("title_vi", "Phụ tùng ô tô tải"), ("title_en", "Truck spare parts"), ("title_lo", "ອາໄຫຼ່ລົດບັນທຸກ"),
        ("quantity", "20"), ("unit", "containers"), ("frequency", "quarterly"), ("currency", "USD"),
        ("province_id", "vn-quang-tri"), ("gate_ids", "lao-bao")]),
    ("demo-vn-exporter", &[("kind", "commodity"), ("direction", "offer"), ("hs_code", "8429"),
        ("title_vi", "Máy xúc đào bánh xích đã qua sử dụng"), ("title_en", "Used crawler excavators"), ("title_lo", "ລົດຂຸດຕີນຕີນຕະຂາບມືສອງ"),
        ("quantity", "6"), ("unit", "pieces"), ("frequency", "one_off"), ("price", "48000"), ("currency", "USD"), ("incoterm", "DAP"),
        ("province_id", "vn-nghe-an"), ("gate_ids", "nam-can")]),
    ("demo-vn-exporter", &[("kind", "commodity"), ("direction", "offer"), ("hs_code", "2710"),
        ("title_vi", "Dầu diesel 0,05S"), ("title_en", "Diesel fuel 0.05S"), ("title_lo", "ນ້ຳມັນກາຊວນ 0.05S"),
        ("quantity", "800000"), ("unit", "litres"), ("frequency", "monthly"), ("currency", "USD"),
        ("province_id", "vn-ha-tinh"), ("gate_ids", "cau-treo")]),
    ("demo-vn-exporter", &[("kind", "commodity"), ("direction", "offer"), ("hs_code", "6109"),
        ("title_vi", "Áo phông cotton in theo yêu cầu"), ("title_en", "Cotton T-shirts, custom printing"), ("title_lo", "ເສື້ອຢືດຝ້າຍ ພິມຕາມສັ່ງ"),
        ("quantity", "20000"), ("unit", "pieces"), ("frequency", "one_off"), ("currency", "USD"),
        ("province_id", "vn-da-nang"), ("gate_ids", "lao-bao")]),
    ("demo-vn-exporter", &[("kind", "commodity"), ("direction", "wanted"), ("hs_code", "4001"),
        ("title_vi", "Cần mua cao su tự nhiên SVR/RSS"), ("title_en", "Wanted: natural rubber SVR/RSS"), ("title_lo", "ຕ້ອງການຊື້ຢາງພາລາທຳມະຊາດ"),
        ("quantity", "500"), ("unit", "t"), ("frequency", "monthly"), ("currency", "USD"),
        ("destination_province_id", "vn-quang-tri"), ("gate_ids", "lao-bao;la-lay")]),
    ("demo-lao-trade-department", &[("kind", "opportunity"), ("sector", "logistics"), ("stage", "feasibility"),
        ("title_lo", "ສູນໂລຈິສຕິກ ແລະ ສາງສິນຄ້າຢູ່ດ່ານນ້ຳພາວ"), ("title_vi", "Trung tâm logistics và kho hàng tại cửa khẩu Nậm Phao"), ("title_en", "Logistics centre and warehouse at the Nam Phao gate"),
        ("description_en", "Demo data. Seeking a joint-venture partner for bonded warehousing and a truck park at the Cầu Treo–Nam Phao pair."),
        ("instruments", "joint_venture;ppp"), ("size_min_usd", "4000000"), ("size_max_usd", "12000000"),
        ("province_id", "la-bolikhamxay"), ("gate_ids", "cau-treo"), ("priority_infra", "yes"), ("infra_type", "logistics_centre")]),
    ("demo-vn-exporter", &[("kind", "opportunity"), ("sector", "agriculture"), ("stage", "licensed"),
        ("title_vi", "Liên doanh trồng chuối công nghệ cao"), ("title_en", "High-tech banana plantation joint venture"), ("title_lo", "ການຮ່ວມທຶນປູກກ້ວຍເຕັກໂນໂລຊີສູງ"),
        ("description_en", "Demo data. Drip irrigation and packing house; offtake to Vietnamese and Chinese buyers."),
        ("instruments", "joint_venture;offtake"), ("size_min_usd", "1500000"), ("size_max_usd", "3000000"),
        ("province_id", "la-attapeu"), ("gate_ids", "bo-y")]),
    ("hung-aloun-logistics", &[("kind", "route"), ("direction", "la_to_vn"),
        ("title_lo", "ລົດຫວ່າງຂາກັບ ທ່າແຂກ → ທ່າເຮືອຫວູງອາງ"), ("title_vi", "Xe rỗng chiều về Thakhek → cảng Vũng Áng"), ("title_en", "Empty return leg Thakhek → Vung Ang port"),
        ("province_id", "la-khammouane"), ("destination_province_id", "vn-ha-tinh"), ("origin_place", "Thakhek"), ("destination_place", "Vũng Áng port"),
        ("gate_ids", "cha-lo"), ("capacity", "60"), ("capacity_unit", "t"), ("equipment", "container_40;flatbed")]),
    ("hung-aloun-logistics", &[("kind", "route"), ("direction", "transit"),
        ("title_lo", "ຂົນສົ່ງຜ່ານແດນ ສະຫວັນນະເຂດ → ທ່າເຮືອດ່ານັງ"), ("title_vi", "Vận tải quá cảnh Savannakhet → cảng Đà Nẵng"), ("title_en", "Transit Savannakhet → Da Nang port (East–West corridor)"),
        ("province_id", "la-savannakhet"), ("destination_province_id", "vn-da-nang"), ("origin_place", "Savan-Seno SEZ"), ("destination_place", "Tiên Sa port, Đà Nẵng"),
        ("gate_ids", "lao-bao"), ("capacity", "12"), ("capacity_unit", "teu"), ("equipment", "container_20;container_40")]),
];

/// `corridor seed` (after `seed`): the demo listings, once (a listing per row of `DEMO_LISTINGS`);
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
    use super::listings::{store, validate, ListingInput, RefData, Status};
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
    for (slug, fields) in DEMO_LISTINGS {
        let get = |k: &str| {
            fields
                .iter()
                .find(|(f, _)| *f == k)
                .map(|(_, v)| v.to_string())
                .unwrap_or_default()
        };
        let list = |k: &str| vec![get(k)];
        let input = ListingInput {
            kind: get("kind"),
            title_vi: get("title_vi"),
            title_lo: get("title_lo"),
            title_en: get("title_en"),
            description_vi: get("description_vi"),
            description_lo: get("description_lo"),
            description_en: get("description_en"),
            province_id: get("province_id"),
            destination_province_id: get("destination_province_id"),
            gate_ids: list("gate_ids"),
            sector: get("sector"),
            direction: get("direction"),
            hs_code: get("hs_code"),
            quantity: get("quantity"),
            unit: get("unit"),
            frequency: get("frequency"),
            price: get("price"),
            currency: get("currency"),
            incoterm: get("incoterm"),
            certifications: list("certifications"),
            size_min_usd: get("size_min_usd"),
            size_max_usd: get("size_max_usd"),
            stage: get("stage"),
            instruments: list("instruments"),
            priority_infra: get("priority_infra") == "yes",
            infra_type: get("infra_type"),
            origin_place: get("origin_place"),
            destination_place: get("destination_place"),
            capacity: get("capacity"),
            capacity_unit: get("capacity_unit"),
            equipment: list("equipment"),
            ..Default::default()
        };
        let valid = validate(&input, &refs, now).map_err(|p| data_err("demo listings", format!("{slug}: {p:?}")))?;
        let organisation = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq(*slug))
            .one(db)
            .await?
            .ok_or_else(|| data_err("demo listings", format!("no organisation {slug}")))?;
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
    Ok(DEMO_LISTINGS.len())
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
