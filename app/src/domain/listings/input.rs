//! A listing as typed, the one shape shared by the web form, the API body and a CSV row: every
//! field is named once here, and each channel fills it through serde (`from_fields` for form
//! fields and CSV cells, `serde_json` for API bodies). Numbers and dates stay strings until
//! `validate` checks them, so a mistyped number is a field problem, not a decode failure.
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::HashSet;
use std::sync::LazyLock;

/// A listing as typed: every field a string (lists for multi-choice fields), as forms, CSV
/// cells and JSON carry them. Every field is optional when decoding; which ones are needed
/// depends on `kind` (see `validate`). The field names are the form names, the JSON keys and
/// the CSV column names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ListingInput {
    /// `commodity`, `opportunity` or `route` (required to create; a listing's kind never changes).
    #[serde(deserialize_with = "lenient")]
    pub kind: String,
    #[serde(deserialize_with = "lenient")]
    pub title_vi: String,
    #[serde(deserialize_with = "lenient")]
    pub title_lo: String,
    #[serde(deserialize_with = "lenient")]
    pub title_en: String,
    #[serde(deserialize_with = "lenient")]
    pub description_vi: String,
    #[serde(deserialize_with = "lenient")]
    pub description_lo: String,
    #[serde(deserialize_with = "lenient")]
    pub description_en: String,
    /// A current province id (`vn-ha-tinh`, `la-khammouane`…); for routes, the origin.
    #[serde(deserialize_with = "lenient")]
    pub province_id: String,
    #[serde(deserialize_with = "lenient")]
    pub destination_province_id: String,
    /// Border gate ids (at most 6; required for routes).
    #[serde(deserialize_with = "lenient_list")]
    pub gate_ids: Vec<String>,
    #[serde(deserialize_with = "lenient")]
    pub sector: String,
    /// Commodities: `offer` or `wanted`; routes: `vn_to_la`, `la_to_vn`…
    #[serde(deserialize_with = "lenient")]
    pub direction: String,
    /// 2, 4 or 6 digits (dots allowed: `72.08`); required for commodities.
    #[serde(deserialize_with = "lenient")]
    pub hs_code: String,
    /// A positive number (JSON number or string).
    #[serde(deserialize_with = "lenient")]
    pub quantity: String,
    #[serde(deserialize_with = "lenient")]
    pub unit: String,
    #[serde(deserialize_with = "lenient")]
    pub frequency: String,
    /// A positive number (JSON number or string).
    #[serde(deserialize_with = "lenient")]
    pub price: String,
    #[serde(deserialize_with = "lenient")]
    pub currency: String,
    #[serde(deserialize_with = "lenient")]
    pub incoterm: String,
    #[serde(deserialize_with = "lenient_list")]
    pub certifications: Vec<String>,
    #[serde(deserialize_with = "lenient")]
    pub economic_zone_id: String,
    /// Whole US dollars (JSON number or string).
    #[serde(deserialize_with = "lenient")]
    pub size_min_usd: String,
    /// Whole US dollars (JSON number or string).
    #[serde(deserialize_with = "lenient")]
    pub size_max_usd: String,
    #[serde(deserialize_with = "lenient")]
    pub stage: String,
    #[serde(deserialize_with = "lenient_list")]
    pub instruments: Vec<String>,
    #[serde(deserialize_with = "lenient")]
    pub incentives: String,
    #[serde(deserialize_with = "lenient")]
    pub land_status: String,
    #[serde(deserialize_with = "lenient")]
    pub contact: String,
    /// Government agencies only.
    #[serde(deserialize_with = "lenient_bool")]
    pub priority_infra: bool,
    #[serde(deserialize_with = "lenient")]
    pub infra_type: String,
    #[serde(deserialize_with = "lenient")]
    pub origin_place: String,
    #[serde(deserialize_with = "lenient")]
    pub destination_place: String,
    /// `YYYY-MM-DD`
    #[serde(deserialize_with = "lenient")]
    pub window_start: String,
    /// `YYYY-MM-DD`
    #[serde(deserialize_with = "lenient")]
    pub window_end: String,
    /// A positive number (JSON number or string).
    #[serde(deserialize_with = "lenient")]
    pub capacity: String,
    #[serde(deserialize_with = "lenient")]
    pub capacity_unit: String,
    #[serde(deserialize_with = "lenient_list")]
    pub equipment: Vec<String>,
    /// `YYYY-MM-DD`, in the future and at most 366 days ahead; empty: 90 days from today.
    #[serde(deserialize_with = "lenient")]
    pub expires_on: String,
}

/// The names of the fields, from the struct itself (so no second list can drift from it).
static FIELDS: LazyLock<HashSet<String>> = LazyLock::new(|| match serde_json::to_value(ListingInput::default()) {
    Ok(serde_json::Value::Object(map)) => map.into_iter().map(|(k, _)| k).collect(),
    _ => HashSet::new(),
});

impl ListingInput {
    /// Whether `name` is a field of a listing.
    pub fn is_field(name: &str) -> bool {
        FIELDS.contains(name)
    }

    /// Every field name.
    pub fn field_names() -> impl Iterator<Item = &'static str> {
        FIELDS.iter().map(String::as_str)
    }

    /// A listing from name–value pairs (a submitted form, a CSV row). Other names are ignored
    /// (a form also carries its buttons and language); a repeated name is a list.
    pub fn from_fields<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<ListingInput, String> {
        let mut map = serde_json::Map::new();
        for (name, value) in fields.into_iter().filter(|(name, _)| Self::is_field(name)) {
            let value = serde_json::Value::String(value.to_owned());
            match map.get_mut(name) {
                None => {
                    map.insert(name.to_owned(), value);
                }
                Some(serde_json::Value::Array(items)) => items.push(value),
                Some(first) => {
                    let first = first.take();
                    map.insert(name.to_owned(), serde_json::Value::Array(vec![first, value]));
                }
            }
        }
        serde_json::from_value(serde_json::Value::Object(map)).map_err(|e| e.to_string())
    }
}

/// A string field that also takes a JSON number (quantities, prices) or `null` (empty).
fn lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Null => Ok(String::new()),
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        _ => Err(D::Error::custom("expected a string or a number")),
    }
}

/// A list field: an array of strings, one (comma-separated) string, or `null`.
fn lenient_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Null => Ok(Vec::new()),
        serde_json::Value::String(s) => Ok(vec![s]),
        serde_json::Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                serde_json::Value::String(s) => Ok(s),
                _ => Err(D::Error::custom("expected an array of strings")),
            })
            .collect(),
        _ => Err(D::Error::custom("expected an array of strings")),
    }
}

/// A yes/no field: a JSON boolean, or the text of a checkbox or CSV cell (`yes`, `true`, `1`,
/// `y`, `on`; `no`, `false`, `0`, `n`, empty). Anything else is refused.
fn lenient_bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Null => Ok(false),
        serde_json::Value::Bool(b) => Ok(b),
        serde_json::Value::String(s) => truthy(&s).ok_or_else(|| D::Error::custom("expected yes or no")),
        _ => Err(D::Error::custom("expected true or false")),
    }
}

/// A yes/no text; `None` when it is neither.
pub fn truthy(value: &str) -> Option<bool> {
    match value.trim().to_lowercase().as_str() {
        "" | "no" | "false" | "0" | "n" => Some(false),
        "yes" | "true" | "1" | "y" | "on" => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_numbers_nulls_and_single_strings_are_accepted() {
        let input: ListingInput = serde_json::from_str(
            r#"{"kind":"commodity","quantity":500,"price":"610.5","unit":null,"gate_ids":"cau-treo","priority_infra":true}"#,
        )
        .unwrap();
        assert_eq!(input.quantity, "500");
        assert_eq!(input.price, "610.5");
        assert_eq!(input.unit, "");
        assert_eq!(input.gate_ids, vec!["cau-treo".to_owned()]);
        assert!(input.priority_infra);
        assert!(serde_json::from_str::<ListingInput>(r#"{"gate_ids":[1]}"#).is_err());
    }

    #[test]
    fn form_fields_fill_the_same_struct_and_repeat_into_lists() {
        let input = ListingInput::from_fields([
            ("kind", "route"),
            ("gate_ids", "cau-treo"),
            ("gate_ids", "lao-bao"),
            ("gate_ids", "na-meo"),
            ("priority_infra", "on"),
            ("save", "draft"),
            ("lang", "lo"),
            ("title_lo", "ລົດບັນທຸກ"),
        ])
        .unwrap();
        assert_eq!(input.kind, "route");
        assert_eq!(input.gate_ids, ["cau-treo", "lao-bao", "na-meo"]);
        assert!(input.priority_infra);
        assert_eq!(input.title_lo, "ລົດບັນທຸກ");
        assert!(ListingInput::from_fields([("priority_infra", "maybe")]).is_err());
        assert_eq!(ListingInput::from_fields([]).unwrap(), ListingInput::default());
    }

    #[test]
    fn the_field_list_is_the_struct() {
        assert_eq!(ListingInput::field_names().count(), 38);
        assert!(ListingInput::is_field("hs_code"));
        assert!(ListingInput::is_field("priority_infra"));
        assert!(!ListingInput::is_field("save"));
        assert!(!ListingInput::is_field("organisation"));
    }
}
