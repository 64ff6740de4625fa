//! Validation of a listing, shared by the web forms, the CSV import and the API. Pure: the
//! reference data it checks against (provinces, gates, zones, HS codes) is passed in, so a CSV
//! of 100,000 rows is checked without a query per row. Every problem is reported (field and
//! message code), not only the first.
use super::input::ListingInput;
use super::{hs, Kind, DEFAULT_TTL_DAYS, MAX_TTL_DAYS};
use crate::domain::entities::{border_gate, economic_zone, hs_code, province};
use crate::errors::AppError;
use crate::i18n::Lang;
use crate::i18n::Msg;
use crate::vocab;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

/// A listing that passed validation, ready to store.
#[derive(Clone, Debug, PartialEq)]
pub struct Valid {
    pub kind: Kind,
    pub titles: [Option<String>; 3],
    pub descriptions: [Option<String>; 3],
    pub original_lang: Lang,
    pub province_id: Option<String>,
    pub destination_province_id: Option<String>,
    pub gate_ids: Vec<String>,
    pub sector: Option<String>,
    pub direction: Option<String>,
    pub hs_code: Option<String>,
    pub hs_chapter: Option<String>,
    /// The HS code is well formed but not in Corridor's table (saved, with a warning).
    pub hs_unknown: bool,
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
    pub window_start: Option<NaiveDate>,
    pub window_end: Option<NaiveDate>,
    pub capacity: Option<f64>,
    pub capacity_unit: Option<String>,
    pub equipment: Option<String>,
    pub expires_at: DateTime<Utc>,
}

/// The reference data a listing may point at.
#[derive(Clone, Debug, Default)]
pub struct RefData {
    /// Current provinces of Vietnam and Laos → country.
    pub provinces: HashMap<String, String>,
    pub gates: HashSet<String>,
    pub zones: HashSet<String>,
    pub hs_codes: HashSet<String>,
    pub chapters: HashSet<String>,
}

impl RefData {
    pub async fn load(db: &impl ConnectionTrait) -> Result<RefData, AppError> {
        let provinces = province::Entity::find()
            .filter(province::Column::Period.eq(province::CURRENT))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.country))
            .collect();
        let gates = border_gate::Entity::find()
            .select_only()
            .column(border_gate::Column::Id)
            .into_tuple::<String>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let zones = economic_zone::Entity::find()
            .select_only()
            .column(economic_zone::Column::Id)
            .into_tuple::<String>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let hs_codes = hs_code::Entity::find()
            .select_only()
            .column(hs_code::Column::Code)
            .into_tuple::<String>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let chapters = crate::domain::entities::hs_chapter::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .filter(|c| !c.reserved)
            .map(|c| c.chapter)
            .collect();
        Ok(RefData {
            provinces,
            gates,
            zones,
            hs_codes,
            chapters,
        })
    }
}

/// Problems found: (field, message).
pub type Problems = Vec<(String, Msg)>;

struct Checker<'a> {
    problems: Problems,
    refs: &'a RefData,
}

impl Checker<'_> {
    fn fail(&mut self, field: &str, message: Msg) {
        if !self.problems.iter().any(|(f, _)| f == field) {
            self.problems.push((field.to_owned(), message));
        }
    }

    /// Several lines of text (a description), at most `max` characters.
    fn text(&mut self, field: &str, value: &str, max: usize) -> Option<String> {
        self.checked(field, crate::domain::text::block(value, max))
    }

    /// One line (a title, a place): no line breaks, since it ends up in mail subjects and titles.
    fn line(&mut self, field: &str, value: &str, max: usize) -> Option<String> {
        self.checked(field, crate::domain::text::line(value, max))
    }

    fn checked(
        &mut self,
        field: &str,
        result: Result<Option<String>, crate::domain::text::TextProblem>,
    ) -> Option<String> {
        result.unwrap_or_else(|problem| {
            self.fail(field, problem.msg());
            None
        })
    }

    fn required(&mut self, field: &str, value: Option<String>) -> Option<String> {
        if value.is_none() && !self.problems.iter().any(|(f, _)| f == field) {
            self.fail(field, Msg::ErrRequired);
        }
        value
    }

    fn code(&mut self, field: &str, list: &str, value: &str) -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match vocab::canonical(list, value) {
            Some(code) => Some(code.to_owned()),
            None => {
                self.fail(field, Msg::ErrChooseOne);
                None
            }
        }
    }

    fn codes(&mut self, field: &str, list: &str, values: &[String]) -> Option<String> {
        let mut chosen: Vec<&str> = Vec::new();
        for value in values.iter().flat_map(|v| v.split([',', ';'])).map(str::trim) {
            if value.is_empty() {
                continue;
            }
            match vocab::canonical(list, value) {
                Some(code) if !chosen.contains(&code) => chosen.push(code),
                Some(_) => {}
                None => {
                    self.fail(field, Msg::ErrChooseOne);
                    return None;
                }
            }
        }
        (!chosen.is_empty()).then(|| chosen.join(","))
    }

    /// A number written with digits and an optional dot for decimals.
    fn number(&mut self, field: &str, value: &str) -> Option<f64> {
        let value = value.trim().replace([' ', '\u{a0}', '_'], "");
        if value.is_empty() {
            return None;
        }
        let ok = value.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-') && value.matches('.').count() <= 1;
        match value.parse::<f64>() {
            Ok(n) if ok && n.is_finite() => {
                if n <= 0.0 {
                    self.fail(field, Msg::ErrPositive);
                    None
                } else if n > 1e13 {
                    self.fail(field, Msg::ErrTooLarge);
                    None
                } else {
                    Some(n)
                }
            }
            _ => {
                self.fail(field, Msg::ErrNumber);
                None
            }
        }
    }

    fn whole_usd(&mut self, field: &str, value: &str) -> Option<i64> {
        let n = self.number(field, value)?;
        if n.fract() != 0.0 {
            self.fail(field, Msg::ErrWholeNumber);
            return None;
        }
        Some(n as i64)
    }

    fn date(&mut self, field: &str, value: &str) -> Option<NaiveDate> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.fail(field, Msg::ErrDate);
                None
            }
        }
    }

    fn province(&mut self, field: &str, value: &str) -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        if self.refs.provinces.contains_key(value) {
            Some(value.to_owned())
        } else {
            self.fail(field, Msg::ErrUnknownProvince);
            None
        }
    }
}

/// Validates `input` as of `now`. `Err` carries every problem found.
pub fn validate(input: &ListingInput, refs: &RefData, now: DateTime<Utc>) -> Result<Valid, Problems> {
    let mut c = Checker {
        problems: Vec::new(),
        refs,
    };
    let kind = Kind::parse(&input.kind);
    if kind.is_none() {
        c.fail("kind", Msg::ErrChooseOne);
    }
    let titles = [
        c.line("title_vi", &input.title_vi, 140),
        c.line("title_lo", &input.title_lo, 140),
        c.line("title_en", &input.title_en, 140),
    ];
    if titles.iter().all(Option::is_none) && !c.problems.iter().any(|(f, _)| f.starts_with("title_")) {
        c.fail("title_en", Msg::ErrOneTitle);
    }
    let descriptions = [
        c.text("description_vi", &input.description_vi, 5000),
        c.text("description_lo", &input.description_lo, 5000),
        c.text("description_en", &input.description_en, 5000),
    ];
    let original_lang = [Lang::Vi, Lang::Lo, Lang::En]
        .into_iter()
        .zip(titles.iter())
        .find(|(_, t)| t.is_some())
        .map(|(l, _)| l)
        .unwrap_or(Lang::En);

    let province_id = c.province("province_id", &input.province_id);
    let destination_province_id = c.province("destination_province_id", &input.destination_province_id);
    let mut gate_ids: Vec<String> = Vec::new();
    for gate in input.gate_ids.iter().flat_map(|g| g.split([',', ';'])).map(str::trim) {
        if gate.is_empty() || gate_ids.iter().any(|g| g == gate) {
            continue;
        }
        if refs.gates.contains(gate) {
            gate_ids.push(gate.to_owned());
        } else {
            c.fail("gate_ids", Msg::ErrUnknownGate);
        }
    }
    if gate_ids.len() > 6 {
        c.fail("gate_ids", Msg::ErrTooMany);
    }

    let expires_at = if input.expires_on.trim().is_empty() {
        Some(now + Duration::days(DEFAULT_TTL_DAYS))
    } else {
        c.date("expires_on", &input.expires_on).and_then(|day| {
            let at = day.and_hms_opt(23, 59, 59).expect("valid time").and_utc();
            if at <= now {
                c.fail("expires_on", Msg::ErrExpiryPast);
                None
            } else if at > now + Duration::days(MAX_TTL_DAYS) {
                c.fail("expires_on", Msg::ErrExpiryTooFar);
                None
            } else {
                Some(at)
            }
        })
    };

    let mut valid = Valid {
        kind: kind.unwrap_or(Kind::Commodity),
        titles,
        descriptions,
        original_lang,
        province_id,
        destination_province_id,
        gate_ids,
        sector: None,
        direction: None,
        hs_code: None,
        hs_chapter: None,
        hs_unknown: false,
        quantity: None,
        unit: None,
        frequency: None,
        price: None,
        currency: None,
        incoterm: None,
        certifications: None,
        economic_zone_id: None,
        size_min_usd: None,
        size_max_usd: None,
        stage: None,
        instruments: None,
        incentives: None,
        land_status: None,
        contact: None,
        priority_infra: false,
        infra_type: None,
        origin_place: None,
        destination_place: None,
        window_start: None,
        window_end: None,
        capacity: None,
        capacity_unit: None,
        equipment: None,
        expires_at: expires_at.unwrap_or(now),
    };

    match kind {
        Some(Kind::Commodity) => {
            let direction = c.code("direction", "direction", &input.direction);
            valid.direction = c.required("direction", direction);
            if input.hs_code.trim().is_empty() {
                c.fail("hs_code", Msg::ErrRequired);
            } else {
                match hs::normalise(&input.hs_code) {
                    Some(code) if refs.chapters.contains(&code[..2]) => {
                        valid.hs_unknown = code.len() > 2 && !refs.hs_codes.contains(&code);
                        valid.hs_chapter = Some(code[..2].to_owned());
                        valid.hs_code = Some(code);
                    }
                    _ => c.fail("hs_code", Msg::ErrHsCode),
                }
            }
            valid.quantity = c.number("quantity", &input.quantity);
            valid.unit = c.code("unit", "unit", &input.unit);
            if valid.quantity.is_some() && valid.unit.is_none() {
                c.fail("unit", Msg::ErrUnitForQuantity);
            }
            valid.frequency = c.code("frequency", "frequency", &input.frequency);
            valid.price = c.number("price", &input.price);
            valid.currency = c.code("currency", "currency", &input.currency);
            if valid.price.is_some() && valid.currency.is_none() {
                c.fail("currency", Msg::ErrCurrencyForPrice);
            }
            valid.incoterm = c.code("incoterm", "incoterm", &input.incoterm);
            valid.certifications = c.codes("certifications", "certification", &input.certifications);
        }
        Some(Kind::Opportunity) => {
            let sector = c.code("sector", "sector", &input.sector);
            valid.sector = c.required("sector", sector);
            let stage = c.code("stage", "stage", &input.stage);
            valid.stage = c.required("stage", stage);
            valid.instruments = c.codes("instruments", "instrument", &input.instruments);
            valid.size_min_usd = c.whole_usd("size_min_usd", &input.size_min_usd);
            valid.size_max_usd = c.whole_usd("size_max_usd", &input.size_max_usd);
            if let (Some(min), Some(max)) = (valid.size_min_usd, valid.size_max_usd) {
                if min > max {
                    c.fail("size_max_usd", Msg::ErrSizeRange);
                }
            }
            let zone = input.economic_zone_id.trim();
            if !zone.is_empty() {
                if refs.zones.contains(zone) {
                    valid.economic_zone_id = Some(zone.to_owned());
                } else {
                    c.fail("economic_zone_id", Msg::ErrChooseOne);
                }
            }
            valid.incentives = c.text("incentives", &input.incentives, 2000);
            valid.land_status = c.text("land_status", &input.land_status, 2000);
            valid.contact = c.text("contact", &input.contact, 500);
            valid.priority_infra = input.priority_infra;
            valid.infra_type = c.code("infra_type", "infra_type", &input.infra_type);
            if valid.priority_infra && valid.infra_type.is_none() {
                c.fail("infra_type", Msg::ErrRequired);
            }
        }
        Some(Kind::Route) => {
            let direction = c.code("direction", "route_direction", &input.direction);
            valid.direction = c.required("direction", direction);
            valid.origin_place = c.line("origin_place", &input.origin_place, 140);
            valid.destination_place = c.line("destination_place", &input.destination_place, 140);
            if valid.province_id.is_none() && valid.origin_place.is_none() {
                c.fail("origin_place", Msg::ErrRouteEnd);
            }
            if valid.destination_province_id.is_none() && valid.destination_place.is_none() {
                c.fail("destination_place", Msg::ErrRouteEnd);
            }
            if valid.gate_ids.is_empty() {
                c.fail("gate_ids", Msg::ErrRequired);
            }
            valid.window_start = c.date("window_start", &input.window_start);
            valid.window_end = c.date("window_end", &input.window_end);
            if let (Some(start), Some(end)) = (valid.window_start, valid.window_end) {
                if end < start {
                    c.fail("window_end", Msg::ErrWindow);
                }
            }
            valid.capacity = c.number("capacity", &input.capacity);
            valid.capacity_unit = c.code("capacity_unit", "capacity_unit", &input.capacity_unit);
            if valid.capacity.is_some() && valid.capacity_unit.is_none() {
                c.fail("capacity_unit", Msg::ErrUnitForQuantity);
            }
            valid.equipment = c.codes("equipment", "equipment", &input.equipment);
        }
        None => {}
    }
    if c.problems.is_empty() {
        Ok(valid)
    } else {
        Err(c.problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs() -> RefData {
        RefData {
            provinces: [
                ("vn-ha-tinh".to_owned(), "VN".to_owned()),
                ("la-khammouane".to_owned(), "LA".to_owned()),
            ]
            .into_iter()
            .collect(),
            gates: ["cau-treo".to_owned(), "lao-bao".to_owned()].into_iter().collect(),
            zones: ["vn-cau-treo-bgez".to_owned()].into_iter().collect(),
            hs_codes: ["7208".to_owned(), "4001".to_owned(), "720810".to_owned()]
                .into_iter()
                .collect(),
            chapters: ["72".to_owned(), "40".to_owned(), "44".to_owned()]
                .into_iter()
                .collect(),
        }
    }

    fn steel() -> ListingInput {
        ListingInput {
            kind: "commodity".into(),
            title_en: "Hot-rolled steel coil".into(),
            direction: "offer".into(),
            hs_code: "72.08".into(),
            quantity: "500".into(),
            unit: "t".into(),
            price: "610.5".into(),
            currency: "usd".into(),
            gate_ids: vec!["cau-treo".into()],
            ..Default::default()
        }
    }

    fn now() -> DateTime<Utc> {
        "2026-11-25T10:00:00Z".parse().unwrap()
    }

    fn problems(input: &ListingInput) -> Problems {
        validate(input, &refs(), now()).expect_err("should be refused")
    }

    #[test]
    fn a_good_commodity_offer_passes_with_defaults() {
        let valid = validate(&steel(), &refs(), now()).expect("valid");
        assert_eq!(valid.hs_code.as_deref(), Some("7208"));
        assert_eq!(valid.hs_chapter.as_deref(), Some("72"));
        assert!(!valid.hs_unknown);
        assert_eq!(valid.currency.as_deref(), Some("USD"));
        assert_eq!(valid.original_lang, Lang::En);
        assert_eq!(valid.expires_at, now() + Duration::days(DEFAULT_TTL_DAYS));
    }

    #[test]
    fn hs_codes_not_in_the_table_are_kept_with_a_warning() {
        let valid = validate(
            &ListingInput {
                hs_code: "7299".into(),
                ..steel()
            },
            &refs(),
            now(),
        )
        .expect("a well-formed unknown heading is accepted");
        assert!(valid.hs_unknown);
        let p = problems(&ListingInput {
            hs_code: "72-08x".into(),
            ..steel()
        });
        assert_eq!(p, vec![("hs_code".to_owned(), Msg::ErrHsCode)]);
        // A chapter that does not exist.
        assert_eq!(
            problems(&ListingInput {
                hs_code: "9101".into(),
                ..steel()
            })[0]
                .1,
            Msg::ErrHsCode
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let p = problems(&ListingInput {
            title_en: String::new(),
            direction: "sideways".into(),
            quantity: "-3".into(),
            price: "1,200".into(),
            expires_on: "2026-11-01".into(),
            province_id: "atlantis".into(),
            gate_ids: vec!["nowhere".into()],
            ..steel()
        });
        let fields: Vec<&str> = p.iter().map(|(f, _)| f.as_str()).collect();
        for expected in [
            "title_en",
            "direction",
            "quantity",
            "price",
            "expires_on",
            "province_id",
            "gate_ids",
        ] {
            assert!(fields.contains(&expected), "{expected} missing from {p:?}");
        }
        let message = |f: &str| p.iter().find(|(k, _)| k == f).map(|(_, m)| *m);
        assert_eq!(message("quantity"), Some(Msg::ErrPositive));
        assert_eq!(message("price"), Some(Msg::ErrNumber));
        assert_eq!(message("expires_on"), Some(Msg::ErrExpiryPast));
        assert_eq!(message("title_en"), Some(Msg::ErrOneTitle));
    }

    #[test]
    fn expiry_is_bounded_and_quantity_needs_a_unit() {
        assert_eq!(
            problems(&ListingInput {
                expires_on: "2028-01-01".into(),
                ..steel()
            })[0]
                .1,
            Msg::ErrExpiryTooFar
        );
        assert_eq!(
            problems(&ListingInput {
                unit: String::new(),
                ..steel()
            })[0],
            ("unit".to_owned(), Msg::ErrUnitForQuantity)
        );
        let valid = validate(
            &ListingInput {
                expires_on: "2027-01-31".into(),
                ..steel()
            },
            &refs(),
            now(),
        )
        .unwrap();
        assert_eq!(valid.expires_at.date_naive().to_string(), "2027-01-31");
    }

    #[test]
    fn lao_only_text_is_enough_and_sets_the_original_language() {
        let valid = validate(
            &ListingInput {
                kind: "commodity".into(),
                title_lo: "ຕ້ອງການຊື້ຢາງພາລາ".into(),
                direction: "wanted".into(),
                hs_code: "4001".into(),
                ..Default::default()
            },
            &refs(),
            now(),
        )
        .unwrap();
        assert_eq!(valid.original_lang, Lang::Lo);
        assert_eq!(valid.titles[1].as_deref(), Some("ຕ້ອງການຊື້ຢາງພາລາ"));
    }

    #[test]
    fn opportunities_and_routes_have_their_own_rules() {
        let opportunity = ListingInput {
            kind: "opportunity".into(),
            title_en: "Logistics centre at Cau Treo".into(),
            sector: "logistics".into(),
            stage: "feasibility".into(),
            size_min_usd: "5000000".into(),
            size_max_usd: "2000000".into(),
            priority_infra: true,
            ..Default::default()
        };
        let p = validate(&opportunity, &refs(), now()).unwrap_err();
        assert!(p.contains(&("size_max_usd".into(), Msg::ErrSizeRange)), "{p:?}");
        assert!(p.contains(&("infra_type".into(), Msg::ErrRequired)), "{p:?}");

        let route = ListingInput {
            kind: "routes".into(),
            title_en: "Empty return leg".into(),
            direction: "la_to_vn".into(),
            origin_place: "Thakhek".into(),
            window_start: "2026-12-10".into(),
            window_end: "2026-12-01".into(),
            ..Default::default()
        };
        let p = validate(&route, &refs(), now()).unwrap_err();
        assert!(p.contains(&("destination_place".into(), Msg::ErrRouteEnd)), "{p:?}");
        assert!(p.contains(&("gate_ids".into(), Msg::ErrRequired)), "{p:?}");
        assert!(p.contains(&("window_end".into(), Msg::ErrWindow)), "{p:?}");
    }

    #[test]
    fn control_characters_and_overlong_text_are_refused() {
        let p = problems(&ListingInput {
            title_en: "a\u{0}b".into(),
            description_en: "x".repeat(5001),
            ..steel()
        });
        assert!(p.contains(&("title_en".into(), Msg::ErrControlChars)), "{p:?}");
        assert!(p.contains(&("description_en".into(), Msg::ErrTooLong)), "{p:?}");
    }
}
