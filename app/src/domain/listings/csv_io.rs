//! CSV import and export of listings. Import checks the whole file first — encoding, header,
//! every row against the same validation as the forms — and reports every problem with its row,
//! column and message; only a file without problems is written, in one transaction.
//! Export neutralises cells that a spreadsheet would run as a formula.
use super::input::{truthy, ListingInput};
use super::store::{new_row, Save};
use super::validate::{validate, RefData, Valid};
use super::{browse::now_micros, Kind, Rules, Status};
use crate::domain::accounts::CurrentUser;
use crate::domain::entities::{listing, listing_gate};
use crate::errors::AppError;
use crate::i18n::Msg;
use crate::model::ListingView;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};

/// Rows per INSERT statement (about 50 columns each: well under both databases' limits).
const CHUNK: usize = 250;
/// The most rows one file may have.
pub const MAX_ROWS: usize = 200_000;

const COMMON: &[&str] = &[
    "title_vi",
    "title_lo",
    "title_en",
    "description_vi",
    "description_lo",
    "description_en",
    "province_id",
    "destination_province_id",
    "gate_ids",
    "expires_on",
];
const COMMODITY: &[&str] = &[
    "direction",
    "hs_code",
    "quantity",
    "unit",
    "frequency",
    "price",
    "currency",
    "incoterm",
    "certifications",
];
const OPPORTUNITY: &[&str] = &[
    "sector",
    "stage",
    "instruments",
    "size_min_usd",
    "size_max_usd",
    "economic_zone_id",
    "incentives",
    "land_status",
    "contact",
    "priority_infra",
    "infra_type",
];
const ROUTE: &[&str] = &[
    "direction",
    "origin_place",
    "destination_place",
    "window_start",
    "window_end",
    "capacity",
    "capacity_unit",
    "equipment",
];

/// The columns of a kind's CSV, in template order.
pub fn columns(kind: Kind) -> Vec<&'static str> {
    let specific = match kind {
        Kind::Commodity => COMMODITY,
        Kind::Opportunity => OPPORTUNITY,
        Kind::Route => ROUTE,
    };
    COMMON.iter().chain(specific.iter()).copied().collect()
}

/// The header and one example row of a kind (`corridor import KIND --template`, and the
/// download link on the import page).
pub fn template(kind: Kind) -> String {
    let example: Vec<(&str, &str)> = match kind {
        Kind::Commodity => vec![
            ("title_vi", "Thép cuộn cán nóng SS400"),
            ("title_en", "Hot-rolled steel coil SS400"),
            ("description_en", "Monthly supply, mill test certificate available."),
            ("province_id", "vn-ha-tinh"),
            // Cầu Treo faces Nam Phao, Bolikhamxay (ids from data/provinces.csv, current period).
            ("destination_province_id", "la-bolikhamxay"),
            ("gate_ids", "cau-treo;lao-bao"),
            ("expires_on", ""),
            ("direction", "offer"),
            ("hs_code", "7208"),
            ("quantity", "500"),
            ("unit", "t"),
            ("frequency", "monthly"),
            ("price", "610"),
            ("currency", "USD"),
            ("incoterm", "DAP"),
            ("certifications", "co_form_s"),
        ],
        Kind::Opportunity => vec![
            ("title_en", "Cold-storage logistics centre at Cau Treo"),
            ("title_vi", "Trung tâm logistics kho lạnh tại Cầu Treo"),
            ("description_en", "Land allocated; seeking a joint-venture partner."),
            ("province_id", "vn-ha-tinh"),
            ("gate_ids", "cau-treo"),
            ("sector", "logistics"),
            ("stage", "feasibility"),
            ("instruments", "joint_venture;equity"),
            ("size_min_usd", "2000000"),
            ("size_max_usd", "5000000"),
            ("economic_zone_id", "vn-cau-treo-bgez"),
            ("incentives", "Border-gate economic zone incentives"),
            ("land_status", "Land use rights allocated"),
            ("contact", "investment@example.org"),
            ("priority_infra", "no"),
        ],
        Kind::Route => vec![
            ("title_en", "Empty return leg Thakhek → Vung Ang"),
            ("title_lo", "ລົດຫວ່າງຂາກັບ ທ່າແຂກ → ຫວູງອາງ"),
            ("province_id", "la-khammouane"),
            ("destination_province_id", "vn-ha-tinh"),
            ("origin_place", "Thakhek"),
            ("destination_place", "Vung Ang port"),
            ("gate_ids", "cha-lo"),
            ("direction", "la_to_vn"),
            ("window_start", "2026-12-01"),
            ("window_end", "2026-12-20"),
            ("capacity", "60"),
            ("capacity_unit", "t"),
            ("equipment", "container_40;flatbed"),
        ],
    };
    let cols = columns(kind);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&cols).expect("in memory");
    let row: Vec<&str> = cols
        .iter()
        .map(|c| example.iter().find(|(k, _)| k == c).map(|(_, v)| *v).unwrap_or(""))
        .collect();
    writer.write_record(&row).expect("in memory");
    String::from_utf8(writer.into_inner().expect("in memory")).expect("UTF-8")
}

/// One problem of an import: line of the file (the header is line 1), column, message.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RowProblem {
    pub line: usize,
    pub column: String,
    pub message: Msg,
}

/// Why a file was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportFailure {
    /// Not UTF-8 (e.g. UTF-16 or a legacy code page).
    Encoding,
    /// No header, or no data rows.
    Empty,
    TooManyRows,
    /// Columns the kind does not have, or a required one missing.
    Header {
        unknown: Vec<String>,
        missing: Vec<String>,
    },
    /// Rows with problems; nothing was written.
    Rows(Vec<RowProblem>),
    /// Permission, organisation or database errors.
    App(AppError),
}

impl From<AppError> for ImportFailure {
    fn from(err: AppError) -> Self {
        ImportFailure::App(err)
    }
}

/// The text of an uploaded file: UTF-8, with or without a byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, ImportFailure> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportFailure::Encoding);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|_| ImportFailure::Encoding)
}

/// Parses and validates a file; `progress` is called with (rows checked, total).
pub fn check(
    kind: Kind,
    text: &str,
    refs: &RefData,
    now: chrono::DateTime<chrono::Utc>,
    mut progress: impl FnMut(usize),
) -> Result<Vec<Valid>, ImportFailure> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|_| ImportFailure::Empty)?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    if header.iter().all(|h| h.is_empty()) {
        return Err(ImportFailure::Empty);
    }
    let allowed = columns(kind);
    let unknown: Vec<String> = header
        .iter()
        .filter(|h| !allowed.contains(&h.as_str()))
        .cloned()
        .collect();
    let required: &[&str] = match kind {
        Kind::Commodity => &["direction", "hs_code"],
        Kind::Opportunity => &["sector", "stage"],
        Kind::Route => &["direction", "gate_ids"],
    };
    let missing: Vec<String> = required
        .iter()
        .filter(|r| !header.iter().any(|h| h == *r))
        .map(|r| r.to_string())
        .collect();
    let no_title = !header.iter().any(|h| h.starts_with("title_"));
    if !unknown.is_empty() || !missing.is_empty() || no_title {
        let mut missing = missing;
        if no_title {
            missing.push("title_vi | title_lo | title_en".into());
        }
        return Err(ImportFailure::Header { unknown, missing });
    }
    let mut problems = Vec::new();
    let mut valid_rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        if index >= MAX_ROWS {
            return Err(ImportFailure::TooManyRows);
        }
        // A row that cannot be read, or whose cells do not fit the fields, is one problem.
        let unreadable = RowProblem {
            line,
            column: String::new(),
            message: Msg::ErrCsvRow,
        };
        let Ok(record) = record else {
            problems.push(unreadable);
            continue;
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() != header.len() {
            problems.push(RowProblem {
                line,
                column: String::new(),
                message: Msg::ErrCsvColumns,
            });
            continue;
        }
        // A yes/no cell that is neither is reported on its column; the row is still checked.
        let mut cells: Vec<(&str, &str)> = header.iter().map(String::as_str).zip(record.iter()).collect();
        if let Some(at) = cells.iter().position(|(name, _)| *name == "priority_infra") {
            if truthy(cells[at].1).is_none() {
                problems.push(RowProblem {
                    line,
                    column: "priority_infra".into(),
                    message: Msg::ErrYesNo,
                });
                cells.remove(at);
            }
        }
        let Ok(mut input) = ListingInput::from_fields(cells) else {
            problems.push(unreadable);
            continue;
        };
        input.kind = kind.code().to_owned();
        match validate(&input, refs, now) {
            Ok(valid) => valid_rows.push(valid),
            Err(found) => {
                problems.extend(
                    found
                        .into_iter()
                        .map(|(column, message)| RowProblem { line, column, message }),
                )
            }
        }
        progress(index + 1);
    }
    if !problems.is_empty() {
        return Err(ImportFailure::Rows(problems));
    }
    if valid_rows.is_empty() {
        return Err(ImportFailure::Empty);
    }
    Ok(valid_rows)
}

/// Who imports: a member (web, CLI with `--org`) — checked by the same policy as the forms.
pub enum Importer<'a> {
    User(&'a CurrentUser),
    /// The command line, run by whoever operates the server.
    Operator,
}

/// Checks the file, then writes every row in one transaction. Returns how many were written.
#[allow(clippy::too_many_arguments)]
pub async fn import(
    db: &DatabaseConnection,
    importer: Importer<'_>,
    organisation_slug: &str,
    kind: Kind,
    bytes: &[u8],
    save: Save,
    rules: Rules,
    mut progress: impl FnMut(&str, usize),
) -> Result<usize, ImportFailure> {
    let organisation = crate::domain::organisations::find_by_slug(db, organisation_slug).await?;
    let created_by = match importer {
        Importer::User(user) => {
            super::store::authorise_listings(db, super::store::Actor::User(user), &organisation).await?;
            Some(user.user_id)
        }
        Importer::Operator => None,
    };
    if !crate::statuses::OrgStatus::Active.is(&organisation.status) {
        return Err(AppError::Forbidden.into());
    }
    let text = decode(bytes)?;
    let refs = RefData::load(db).await?;
    let now = now_micros();
    let rows = check(kind, text, &refs, now, |n| progress("check", n))?;
    if rows.iter().any(|v| v.priority_infra) && organisation.kind != "government" {
        return Err(ImportFailure::Rows(vec![RowProblem {
            line: 0,
            column: "priority_infra".into(),
            message: Msg::ErrPriorityGovernment,
        }]));
    }
    let status = match save {
        Save::Draft => Status::Draft,
        Save::Publish => {
            if rules.hold_unverified && organisation.verified_at.is_none() {
                Status::Held
            } else {
                Status::Published
            }
        }
    };
    let total = rows.len();
    let txn = crate::domain::db::begin_write(db).await.map_err(AppError::from)?;
    let mut written = 0;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Valid> = rows.by_ref().take(CHUNK).collect();
        let gates: Vec<Vec<String>> = chunk.iter().map(|v| v.gate_ids.clone()).collect();
        let models: Vec<listing::ActiveModel> = chunk
            .into_iter()
            .map(|v| new_row(v, &organisation, created_by, status, "csv", now))
            .collect();
        let ids: Vec<i32> = listing::Entity::insert_many(models)
            .exec_with_returning_keys(&txn)
            .await
            .map_err(AppError::from)?;
        let gate_rows: Vec<listing_gate::ActiveModel> = ids
            .iter()
            .zip(gates.iter())
            .flat_map(|(id, gates)| {
                gates
                    .iter()
                    .enumerate()
                    .map(move |(i, gate)| listing_gate::ActiveModel {
                        listing_id: Set(*id),
                        gate_id: Set(gate.clone()),
                        position: Set(i as i32),
                    })
            })
            .collect();
        for part in gate_rows.chunks(1000) {
            listing_gate::Entity::insert_many(part.to_vec())
                .exec_without_returning(&txn)
                .await
                .map_err(AppError::from)?;
        }
        crate::domain::search::outbox::listings_changed(&txn, &ids).await?;
        written += ids.len();
        progress("write", written);
    }
    crate::domain::audit::record(
        &txn,
        created_by,
        "listing.import",
        "organisation",
        &organisation.slug,
        None,
        &serde_json::json!({ "kind": kind.code(), "rows": total }).to_string(),
    )
    .await?;
    txn.commit().await.map_err(AppError::from)?;
    Ok(written)
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
/// apostrophe.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

fn number(n: Option<f64>) -> String {
    n.map(|n| {
        if n.fract() == 0.0 && n.abs() < 1e15 {
            format!("{}", n as i64)
        } else {
            n.to_string()
        }
    })
    .unwrap_or_default()
}

/// Listings as CSV in the import format (plus id, organisation, status, dates), so an export
/// can be edited and imported again.
/// Rows one export holds at most.
pub const EXPORT_MAX_ROWS: usize = 10_000;

/// The one CSV export (the browse page's link and `GET /api/v1/listings.csv`): every public
/// listing matching the browse filters, in the reader's language, at most `EXPORT_MAX_ROWS`.
/// The filters must name a kind (each kind has its own columns).
pub async fn export_matching(
    db: &DatabaseConnection,
    filters: &crate::model::ListingFilters,
    lang: crate::i18n::Lang,
) -> Result<(Kind, String), AppError> {
    let kind = if filters.kind.is_empty() {
        Err(AppError::invalid("kind", Msg::ErrRequired))
    } else {
        Kind::parse(&filters.kind).ok_or_else(|| AppError::invalid("kind", Msg::ErrChooseOne))
    }?;
    let mut filters = filters.clone();
    filters.kind = kind.code().to_owned();
    let mut items: Vec<ListingView> = Vec::new();
    loop {
        let page = super::browse::browse(db, &filters, None, lang, 100).await?;
        items.extend(page.items);
        match page.next_cursor {
            Some(cursor) if items.len() < EXPORT_MAX_ROWS => filters.cursor = cursor,
            _ => break,
        }
    }
    items.truncate(EXPORT_MAX_ROWS);
    Ok((kind, export(kind, &items)))
}

pub fn export(kind: Kind, items: &[ListingView]) -> String {
    let mut cols: Vec<&str> = vec!["id", "organisation", "status", "published_on"];
    cols.extend(columns(kind));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&cols).expect("in memory");
    for item in items.iter().filter(|i| i.kind == kind.code()) {
        let row: Vec<String> = cols
            .iter()
            .map(|col| {
                let opt = |o: &Option<String>| o.clone().unwrap_or_default();
                let value = match *col {
                    "id" => item.id.to_string(),
                    "organisation" => item.organisation.slug.clone(),
                    "status" => item.status.code().to_owned(),
                    "published_on" => opt(&item.published_on),
                    "title_vi" => item.title.vi.clone(),
                    "title_lo" => item.title.lo.clone(),
                    "title_en" => item.title.en.clone(),
                    "description_vi" => item.description.vi.clone(),
                    "description_lo" => item.description.lo.clone(),
                    "description_en" => item.description.en.clone(),
                    "province_id" => item.province.as_ref().map(|p| p.id.clone()).unwrap_or_default(),
                    "destination_province_id" => item
                        .destination_province
                        .as_ref()
                        .map(|p| p.id.clone())
                        .unwrap_or_default(),
                    "gate_ids" => item.gates.iter().map(|g| g.id.as_str()).collect::<Vec<_>>().join(";"),
                    "expires_on" => item.expires_on.clone(),
                    "direction" => opt(&item.direction),
                    "hs_code" => item.hs.as_ref().map(|h| h.code.clone()).unwrap_or_default(),
                    "quantity" => number(item.quantity),
                    "unit" => opt(&item.unit),
                    "frequency" => opt(&item.frequency),
                    "price" => number(item.price),
                    "currency" => opt(&item.currency),
                    "incoterm" => opt(&item.incoterm),
                    "certifications" => item.certifications.join(";"),
                    "sector" => opt(&item.sector),
                    "stage" => opt(&item.stage),
                    "instruments" => item.instruments.join(";"),
                    "size_min_usd" => item.size_min_usd.map(|n| n.to_string()).unwrap_or_default(),
                    "size_max_usd" => item.size_max_usd.map(|n| n.to_string()).unwrap_or_default(),
                    "economic_zone_id" => item.economic_zone.as_ref().map(|z| z.id.clone()).unwrap_or_default(),
                    "incentives" => opt(&item.incentives),
                    "land_status" => opt(&item.land_status),
                    "contact" => opt(&item.contact),
                    "priority_infra" => if item.priority_infra { "yes" } else { "no" }.to_owned(),
                    "infra_type" => opt(&item.infra_type),
                    "origin_place" => opt(&item.origin_place),
                    "destination_place" => opt(&item.destination_place),
                    "window_start" => opt(&item.window_start),
                    "window_end" => opt(&item.window_end),
                    "capacity" => number(item.capacity),
                    "capacity_unit" => opt(&item.capacity_unit),
                    "equipment" => item.equipment.join(";"),
                    _ => String::new(),
                };
                neutralise(&value)
            })
            .collect();
        writer.write_record(&row).expect("in memory");
    }
    String::from_utf8(writer.into_inner().expect("in memory")).expect("UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_is_a_listing_field() {
        for kind in [Kind::Commodity, Kind::Opportunity, Kind::Route] {
            for column in columns(kind) {
                assert!(ListingInput::is_field(column), "{column} is not a ListingInput field");
            }
        }
    }

    fn refs() -> RefData {
        RefData {
            provinces: [
                ("vn-ha-tinh".to_owned(), "VN".to_owned()),
                ("la-khammouane".to_owned(), "LA".to_owned()),
                ("la-bolikhamxay".to_owned(), "LA".to_owned()),
            ]
            .into_iter()
            .collect(),
            gates: ["cau-treo", "lao-bao", "cha-lo"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            zones: ["vn-cau-treo-bgez".to_owned()].into_iter().collect(),
            hs_codes: ["7208".to_owned()].into_iter().collect(),
            chapters: ["72".to_owned(), "40".to_owned()].into_iter().collect(),
        }
    }

    #[test]
    fn each_template_passes_its_own_check() {
        for kind in Kind::ALL {
            let rows = check(kind, &template(kind), &refs(), chrono::Utc::now(), |_| {})
                .unwrap_or_else(|e| panic!("{kind:?}: {e:?}"));
            assert_eq!(rows.len(), 1);
        }
    }

    #[test]
    fn a_bom_is_accepted_and_utf16_is_refused() {
        let with_bom = [&[0xEF, 0xBB, 0xBF][..], b"title_en\n"].concat();
        assert_eq!(decode(&with_bom).unwrap(), "title_en\n");
        assert_eq!(decode(&[0xFF, 0xFE, b'a', 0]), Err(ImportFailure::Encoding));
        assert_eq!(decode(&[b'a', 0xC3, 0x28]), Err(ImportFailure::Encoding));
    }

    #[test]
    fn every_bad_row_is_reported_with_line_and_column() {
        let text = "title_en,direction,hs_code,quantity,unit\n\
                    Steel,offer,7208,10,t\n\
                    Bad code,offer,72x8,10,t\n\
                    ,wanted,7208,-1,t\n";
        let Err(ImportFailure::Rows(problems)) = check(Kind::Commodity, text, &refs(), chrono::Utc::now(), |_| {})
        else {
            panic!("should fail");
        };
        assert!(
            problems.contains(&RowProblem {
                line: 3,
                column: "hs_code".into(),
                message: Msg::ErrHsCode
            }),
            "{problems:?}"
        );
        assert!(
            problems.contains(&RowProblem {
                line: 4,
                column: "quantity".into(),
                message: Msg::ErrPositive
            }),
            "{problems:?}"
        );
        assert!(
            problems.contains(&RowProblem {
                line: 4,
                column: "title_en".into(),
                message: Msg::ErrOneTitle
            }),
            "{problems:?}"
        );
        assert!(!problems.iter().any(|p| p.line == 2));
    }

    #[test]
    fn headers_are_checked_before_rows() {
        let Err(ImportFailure::Header { unknown, missing }) = check(
            Kind::Route,
            "title_en,colour,direction\nx,red,la_to_vn\n",
            &refs(),
            chrono::Utc::now(),
            |_| {},
        ) else {
            panic!("should fail");
        };
        assert_eq!(unknown, vec!["colour".to_owned()]);
        assert_eq!(missing, vec!["gate_ids".to_owned()]);
        assert_eq!(
            check(Kind::Route, "", &refs(), chrono::Utc::now(), |_| {}),
            Err(ImportFailure::Empty)
        );
    }

    #[test]
    fn formulas_are_neutralised_on_export() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+1"), "'+1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("Rubber"), "Rubber");
        let item = ListingView {
            kind: "commodity".into(),
            title: crate::model::Names {
                en: "=cmd|' /C calc'!A0".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        let csv = export(Kind::Commodity, &[item]);
        assert!(csv.contains("'=cmd"), "{csv}");
    }
}
