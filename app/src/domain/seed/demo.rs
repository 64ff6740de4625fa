//! The demo content of `corridor seed`: organisations, milestones and listings, from the JSON
//! files in data/demo/ (see its README.md). They are compiled into the binary like the reference
//! CSVs, so the seed never reads a file at run time. Every row is parsed into a typed struct and
//! checked before anything is written: an unknown field or code, a missing text or a reference
//! to an organisation the organisations file does not hold is a `SeedError::Data` that names the
//! file and the row.
use super::{data_err, SeedError};
use crate::domain::listings::{Kind, ListingInput};
use crate::domain::organisations::OrgKind;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashSet;

pub(super) const ORGANISATIONS_FILE: &str = "demo/organisations.json";
pub(super) const MILESTONES_FILE: &str = "demo/milestones.json";
pub(super) const LISTINGS_FILE: &str = "demo/listings.json";

const ORGANISATIONS: &str = include_str!("../../../../data/demo/organisations.json");
const MILESTONES: &str = include_str!("../../../../data/demo/milestones.json");
const LISTINGS: &str = include_str!("../../../../data/demo/listings.json");

/// Countries an organisation may belong to.
const COUNTRIES: [&str; 2] = ["VN", "LA"];
/// How precise a milestone's date is: `year` shows only the year (home page).
const DATE_PRECISIONS: [&str; 2] = ["day", "year"];
const MILESTONE_KINDS: [&str; 4] = ["agreement", "decision", "seminar", "mou"];
const PARTY_ROLES: [&str; 3] = ["signatory", "issuer", "organiser"];

/// A text in the portal's three languages; every one is required.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Texts {
    pub vi: String,
    pub lo: String,
    pub en: String,
}

/// A text whose languages are each optional (a listing's description).
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct SomeTexts {
    pub vi: String,
    pub lo: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Organisation {
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub description: Texts,
    /// The sources (ids in data/SOURCES.md) a real organisation is described from; none for a
    /// fictional one. Checked, not stored.
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Milestone {
    pub id: String,
    pub date: chrono::NaiveDate,
    pub precision: String,
    pub kind: String,
    #[serde(default)]
    pub place: Option<String>,
    pub title: Texts,
    pub summary: Texts,
    pub sources: Vec<String>,
    #[serde(default)]
    pub parties: Vec<Party>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Party {
    /// An organisation's slug (organisations file).
    pub organisation: String,
    pub role: String,
}

/// A listing as the forms take it, owned by a demo organisation. Codes (units, incoterms,
/// certifications…) are those of data/vocabulary.csv; the seed validates each listing as the
/// forms do.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct Listing {
    /// An organisation's slug (organisations file).
    pub organisation: String,
    pub kind: String,
    pub title: Option<Texts>,
    pub description: SomeTexts,
    pub direction: String,
    pub sector: String,
    pub stage: String,
    pub hs_code: String,
    pub quantity: Option<f64>,
    pub unit: String,
    pub frequency: String,
    pub price: Option<f64>,
    pub currency: String,
    pub incoterm: String,
    pub certifications: Vec<String>,
    pub economic_zone_id: String,
    pub size_min_usd: Option<u64>,
    pub size_max_usd: Option<u64>,
    pub instruments: Vec<String>,
    pub incentives: String,
    pub land_status: String,
    pub contact: String,
    pub priority_infra: bool,
    pub infra_type: String,
    pub province_id: String,
    pub destination_province_id: String,
    pub origin_place: String,
    pub destination_place: String,
    pub gate_ids: Vec<String>,
    pub capacity: Option<f64>,
    pub capacity_unit: String,
    pub equipment: Vec<String>,
}

impl Listing {
    /// The listing as a form would send it.
    pub(super) fn input(&self) -> ListingInput {
        let number = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_default();
        let whole = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
        let title = self.title.as_ref();
        let title = |pick: fn(&Texts) -> &String| title.map(pick).cloned().unwrap_or_default();
        ListingInput {
            kind: self.kind.clone(),
            title_vi: title(|t| &t.vi),
            title_lo: title(|t| &t.lo),
            title_en: title(|t| &t.en),
            description_vi: self.description.vi.clone(),
            description_lo: self.description.lo.clone(),
            description_en: self.description.en.clone(),
            province_id: self.province_id.clone(),
            destination_province_id: self.destination_province_id.clone(),
            gate_ids: self.gate_ids.clone(),
            sector: self.sector.clone(),
            direction: self.direction.clone(),
            hs_code: self.hs_code.clone(),
            quantity: number(self.quantity),
            unit: self.unit.clone(),
            frequency: self.frequency.clone(),
            price: number(self.price),
            currency: self.currency.clone(),
            incoterm: self.incoterm.clone(),
            certifications: self.certifications.clone(),
            economic_zone_id: self.economic_zone_id.clone(),
            size_min_usd: whole(self.size_min_usd),
            size_max_usd: whole(self.size_max_usd),
            stage: self.stage.clone(),
            instruments: self.instruments.clone(),
            incentives: self.incentives.clone(),
            land_status: self.land_status.clone(),
            contact: self.contact.clone(),
            priority_infra: self.priority_infra,
            infra_type: self.infra_type.clone(),
            origin_place: self.origin_place.clone(),
            destination_place: self.destination_place.clone(),
            capacity: number(self.capacity),
            capacity_unit: self.capacity_unit.clone(),
            equipment: self.equipment.clone(),
            ..Default::default()
        }
    }

    /// How an error names this listing: its English title (or any title) and organisation.
    pub(super) fn label(&self) -> String {
        let title = self
            .title
            .as_ref()
            .and_then(|t| [&t.en, &t.vi, &t.lo].into_iter().find(|s| !s.trim().is_empty()))
            .map_or("", String::as_str);
        format!("{} “{title}”", self.organisation)
    }
}

/// Every demo file, parsed and checked against each other.
#[derive(Debug)]
pub(super) struct Demo {
    pub organisations: Vec<Organisation>,
    pub milestones: Vec<Milestone>,
    /// (row number in the file, listing)
    pub listings: Vec<(usize, Listing)>,
}

impl Demo {
    /// The demo files compiled into the binary.
    pub(super) fn load() -> Result<Demo, SeedError> {
        Demo::parse(ORGANISATIONS, MILESTONES, LISTINGS)
    }

    pub(super) fn parse(organisations: &str, milestones: &str, listings: &str) -> Result<Demo, SeedError> {
        let organisations: Vec<(usize, Organisation)> = rows(ORGANISATIONS_FILE, organisations, "slug")?;
        let milestones: Vec<(usize, Milestone)> = rows(MILESTONES_FILE, milestones, "id")?;
        let listings: Vec<(usize, Listing)> = rows(LISTINGS_FILE, listings, "organisation")?;

        let mut slugs: HashSet<&str> = HashSet::new();
        for (n, o) in &organisations {
            let fail = |message: String| data_err(ORGANISATIONS_FILE, format!("row {n} ({}): {message}", o.slug));
            if !is_slug(&o.slug) {
                return Err(fail("slug must be lower-case letters, digits and hyphens".into()));
            }
            if !slugs.insert(&o.slug) {
                return Err(fail("the slug appears twice".into()));
            }
            if o.name.trim().is_empty() {
                return Err(fail("name is missing".into()));
            }
            if OrgKind::parse(&o.kind).map(OrgKind::code) != Some(o.kind.as_str()) {
                return Err(fail(format!("unknown kind {:?}", o.kind)));
            }
            if !COUNTRIES.contains(&o.country.as_str()) {
                return Err(fail(format!("unknown country {:?} (VN or LA)", o.country)));
            }
            texts("description", &o.description).map_err(fail)?;
            source_ids(&o.sources).map_err(fail)?;
        }

        let mut ids: HashSet<&str> = HashSet::new();
        for (n, m) in &milestones {
            let fail = |message: String| data_err(MILESTONES_FILE, format!("row {n} ({}): {message}", m.id));
            if !is_slug(&m.id) {
                return Err(fail("id must be lower-case letters, digits and hyphens".into()));
            }
            if !ids.insert(&m.id) {
                return Err(fail("the id appears twice".into()));
            }
            if !DATE_PRECISIONS.contains(&m.precision.as_str()) {
                return Err(fail(format!(
                    "unknown precision {:?} ({DATE_PRECISIONS:?})",
                    m.precision
                )));
            }
            if !MILESTONE_KINDS.contains(&m.kind.as_str()) {
                return Err(fail(format!("unknown kind {:?} ({MILESTONE_KINDS:?})", m.kind)));
            }
            if m.place.as_deref().is_some_and(|p| p.trim().is_empty()) {
                return Err(fail("place is empty (leave it out instead)".into()));
            }
            texts("title", &m.title).map_err(fail)?;
            texts("summary", &m.summary).map_err(fail)?;
            if m.sources.is_empty() {
                return Err(fail("sources is missing".into()));
            }
            source_ids(&m.sources).map_err(fail)?;
            let mut parties: HashSet<&str> = HashSet::new();
            for party in &m.parties {
                if !slugs.contains(party.organisation.as_str()) {
                    return Err(fail(format!(
                        "unknown organisation {:?} (not in {ORGANISATIONS_FILE})",
                        party.organisation
                    )));
                }
                if !parties.insert(&party.organisation) {
                    return Err(fail(format!("organisation {:?} is a party twice", party.organisation)));
                }
                if !PARTY_ROLES.contains(&party.role.as_str()) {
                    return Err(fail(format!("unknown role {:?} ({PARTY_ROLES:?})", party.role)));
                }
            }
        }

        for (n, l) in &listings {
            let fail = |message: String| data_err(LISTINGS_FILE, format!("row {n} ({}): {message}", l.label()));
            if !slugs.contains(l.organisation.as_str()) {
                return Err(fail(format!(
                    "unknown organisation {:?} (not in {ORGANISATIONS_FILE})",
                    l.organisation
                )));
            }
            if Kind::parse(&l.kind).map(Kind::code) != Some(l.kind.as_str()) {
                return Err(fail(format!(
                    "unknown kind {:?} (commodity, opportunity or route)",
                    l.kind
                )));
            }
            let title = l.title.as_ref().ok_or_else(|| fail("title is missing".into()))?;
            texts("title", title).map_err(fail)?;
        }

        Ok(Demo {
            organisations: organisations.into_iter().map(|(_, o)| o).collect(),
            milestones: milestones.into_iter().map(|(_, m)| m).collect(),
            listings,
        })
    }

    /// Every source a demo row cites is one of `known` (the ids of data/SOURCES.md and the seed's own).
    pub(super) fn check_sources(&self, known: &HashSet<&str>) -> Result<(), SeedError> {
        let unknown = |sources: &[String]| sources.iter().find(|s| !known.contains(s.as_str())).cloned();
        for o in &self.organisations {
            if let Some(id) = unknown(&o.sources) {
                return Err(data_err(ORGANISATIONS_FILE, format!("{}: unknown source {id}", o.slug)));
            }
        }
        for m in &self.milestones {
            if let Some(id) = unknown(&m.sources) {
                return Err(data_err(MILESTONES_FILE, format!("{}: unknown source {id}", m.id)));
            }
        }
        Ok(())
    }
}

/// The rows of a JSON array, numbered from 1; an error names the row by number and by `name_field`.
fn rows<T: DeserializeOwned>(file: &'static str, text: &str, name_field: &str) -> Result<Vec<(usize, T)>, SeedError> {
    let values: Vec<Value> =
        serde_json::from_str(text).map_err(|e| data_err(file, format!("not a JSON array of rows: {e}")))?;
    values
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            let name = value.get(name_field).and_then(Value::as_str).unwrap_or("?").to_owned();
            T::deserialize(value)
                .map(|row| (i + 1, row))
                .map_err(|e| data_err(file, format!("row {} ({name}): {e}", i + 1)))
        })
        .collect()
}

fn texts(field: &str, t: &Texts) -> Result<(), String> {
    for (lang, text) in [("vi", &t.vi), ("lo", &t.lo), ("en", &t.en)] {
        if text.trim().is_empty() {
            return Err(format!("{field}.{lang} is missing"));
        }
    }
    Ok(())
}

fn source_ids(sources: &[String]) -> Result<(), String> {
    match sources.iter().find(|s| s.trim().is_empty() || s.contains(';')) {
        Some(s) => Err(format!("source {s:?}: one id per entry, e.g. [\"B01\", \"X01\"]")),
        None => Ok(()),
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entities::province;
    use crate::domain::listings::{validate, RefData};
    use crate::domain::seed::{
        parse_sources, project_brief_source, province_period, read_csv, GateCsv, HsChapterCsv, HsCodeCsv, ProvinceCsv,
        ZoneCsv, BORDER_GATES, ECONOMIC_ZONES, HS_CHAPTERS, HS_CODES, PROVINCES, SOURCES_MD,
    };

    /// The reference data a listing may point at, from the CSVs the seed loads.
    fn reference_data() -> RefData {
        let provinces: Vec<ProvinceCsv> = read_csv("provinces.csv", PROVINCES).expect("provinces parse");
        let gates: Vec<GateCsv> = read_csv("border_gates.csv", BORDER_GATES).expect("gates parse");
        let zones: Vec<ZoneCsv> = read_csv("economic_zones.csv", ECONOMIC_ZONES).expect("zones parse");
        let codes: Vec<HsCodeCsv> = read_csv("hs_codes.csv", HS_CODES).expect("codes parse");
        let chapters: Vec<HsChapterCsv> = read_csv("hs_chapters.csv", HS_CHAPTERS).expect("chapters parse");
        RefData {
            provinces: provinces
                .into_iter()
                .filter(|p| province_period(&p.period) == province::CURRENT)
                .map(|p| (p.unit_id, p.country))
                .collect(),
            gates: gates.into_iter().map(|g| g.id).collect(),
            zones: zones.into_iter().map(|z| z.id).collect(),
            hs_codes: codes.into_iter().map(|c| c.code).collect(),
            chapters: chapters
                .into_iter()
                .filter(|c| !c.reserved.trim().eq_ignore_ascii_case("yes"))
                .map(|c| c.chapter)
                .collect(),
        }
    }

    #[test]
    fn every_demo_file_parses_and_its_references_resolve() {
        let demo = Demo::load().unwrap_or_else(|e| panic!("{e}"));
        assert!(!demo.organisations.is_empty() && !demo.milestones.is_empty() && !demo.listings.is_empty());

        // Sources: data/SOURCES.md and the seed's own X01.
        let mut sources = parse_sources(SOURCES_MD);
        sources.push(project_brief_source());
        let known: HashSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
        demo.check_sources(&known).unwrap_or_else(|e| panic!("{e}"));
        // A real organisation cites a source; a fictional one says so in its slug.
        for o in &demo.organisations {
            assert_eq!(
                o.slug.starts_with("demo-"),
                o.sources.is_empty(),
                "{}: a demo- organisation is fictional and cites no source; any other cites one",
                o.slug
            );
        }

        // Listings: gates, provinces and HS codes exist in the reference CSVs, and each listing
        // passes the validation the forms apply.
        let refs = reference_data();
        let now = chrono::Utc::now();
        for (n, l) in &demo.listings {
            let row = format!("{LISTINGS_FILE} row {n} ({})", l.label());
            for gate in &l.gate_ids {
                assert!(refs.gates.contains(gate), "{row}: gate {gate} not in border_gates.csv");
            }
            for province in [&l.province_id, &l.destination_province_id] {
                assert!(
                    province.is_empty() || refs.provinces.contains_key(province),
                    "{row}: province {province} is not a current province in provinces.csv"
                );
            }
            assert!(
                l.hs_code.is_empty() || refs.hs_codes.contains(&l.hs_code),
                "{row}: HS code {} not in hs_codes.csv",
                l.hs_code
            );
            let valid = validate(&l.input(), &refs, now).unwrap_or_else(|p| panic!("{row}: {p:?}"));
            assert_eq!(valid.gate_ids, l.gate_ids, "{row}: gates listed once each");
        }
    }

    const ORG: &str = r#"[{"slug": "demo-a", "name": "A", "kind": "company", "country": "LA",
        "description": {"vi": "v", "lo": "l", "en": "e"}}]"#;

    fn error(orgs: &str, milestones: &str, listings: &str) -> String {
        Demo::parse(orgs, milestones, listings)
            .expect_err("the data is refused")
            .to_string()
    }

    #[test]
    fn a_bad_row_is_refused_with_its_file_and_row() {
        assert!(Demo::parse(ORG, "[]", "[]").is_ok());
        let e = error(&ORG.replace("company", "shop"), "[]", "[]");
        assert!(
            e.contains("demo/organisations.json") && e.contains("row 1 (demo-a)") && e.contains("shop"),
            "{e}"
        );
        let e = error(&ORG.replace(r#""lo": "l", "#, ""), "[]", "[]");
        assert!(e.contains("row 1 (demo-a)") && e.contains("missing field `lo`"), "{e}");
        let e = error(&ORG.replace(r#""l""#, r#""  ""#), "[]", "[]");
        assert!(e.contains("description.lo is missing"), "{e}");

        let milestone = r#"[{"id": "m-1", "date": "2025-11-14", "precision": "day", "kind": "mou",
            "title": {"vi": "v", "lo": "l", "en": "e"}, "summary": {"vi": "v", "lo": "l", "en": "e"},
            "sources": ["X01"], "parties": [{"organisation": "demo-b", "role": "signatory"}]}]"#;
        let e = error(ORG, milestone, "[]");
        assert!(
            e.contains("demo/milestones.json") && e.contains("row 1 (m-1)") && e.contains("demo-b"),
            "{e}"
        );
        let e = error(ORG, &milestone.replace("2025-11-14", "2025-02-30"), "[]");
        assert!(e.contains("row 1 (m-1)"), "{e}");

        let listing = r#"[{"organisation": "demo-a", "kind": "commodity",
            "title": {"vi": "v", "lo": "l", "en": "Rubber"}}]"#;
        assert!(Demo::parse(ORG, "[]", listing).is_ok());
        let e = error(ORG, "[]", &listing.replace("demo-a\"", "demo-z\""));
        assert!(
            e.contains("demo/listings.json") && e.contains("row 1 (demo-z “Rubber”)"),
            "{e}"
        );
        let e = error(ORG, "[]", &listing.replace("commodity", "commodities"));
        assert!(e.contains("unknown kind"), "{e}");
        let e = error(ORG, "[]", &listing.replace("\"kind\"", "\"knd\""));
        assert!(e.contains("unknown field `knd`"), "{e}");
    }
}
