//! The message catalogue: every piece of UI text in Vietnamese, Lao and English.
//!
//! The texts are in `app/locales/{en,vi,lo}.toml`, one file per language for translators; the
//! build (app/build.rs) refuses a key missing or empty in one of them and generates `Msg`, so
//! code names a message as `Msg::Key` and a misspelt key does not compile. The tests check that
//! Lao texts are in Lao script.
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Vi,
    Lo,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Vi, Lang::Lo, Lang::En];
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
            Lang::Lo => "lo",
        }
    }

    /// The language's own name, as shown in the switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Vi => "Tiếng Việt",
            Lang::Lo => "ພາສາລາວ",
        }
    }

    /// Parses a language code (`vi`, `lo-LA`, `EN`…); unknown codes give `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "vi" => Some(Lang::Vi),
            "lo" => Some(Lang::Lo),
            _ => None,
        }
    }

    /// The best supported language in an `Accept-Language` header, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, usize, Lang)> = None;
        for (position, part) in header.split(',').enumerate() {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(Lang::parse) else {
                continue;
            };
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q <= 0.0 {
                continue;
            }
            // Higher q wins; on a tie the earlier entry wins.
            let better = match best {
                None => true,
                Some((bq, _, _)) => q > bq,
            };
            if better {
                best = Some((q, position, lang));
            }
        }
        best.map(|(_, _, lang)| lang)
    }

    /// Picks the text in this language from a (vi, lo, en) triple, falling back to
    /// English, then Vietnamese, when the wanted one is empty.
    pub fn pick<'a>(self, vi: &'a str, lo: &'a str, en: &'a str) -> &'a str {
        let wanted = match self {
            Lang::Vi => vi,
            Lang::Lo => lo,
            Lang::En => en,
        };
        if !wanted.trim().is_empty() {
            wanted
        } else if !en.trim().is_empty() {
            en
        } else if !vi.trim().is_empty() {
            vi
        } else {
            lo
        }
    }
}

macro_rules! catalogue {
    ($($key:ident { vi: $vi:expr, lo: $lo:expr, en: $en:expr $(,)? })*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match self {
                    $(Msg::$key => match lang { Lang::Vi => $vi, Lang::Lo => $lo, Lang::En => $en }),*
                }
            }

            /// The key's name, used as a message code in errors (`"ErrEmailTaken"`).
            pub fn key(self) -> &'static str {
                match self { $(Msg::$key => stringify!($key)),* }
            }

            pub fn from_key(key: &str) -> Option<Msg> {
                match key { $(stringify!($key) => Some(Msg::$key),)* _ => None }
            }
        }

        /// A message travels (in a server function's error, a form state, an API problem) as its
        /// key; a key the catalogue does not know fails to decode.
        impl Serialize for Msg {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.key())
            }
        }

        impl<'de> Deserialize<'de> for Msg {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let key = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Msg::from_key(&key).ok_or_else(|| serde::de::Error::custom("unknown message key"))
            }
        }
    };
}

/// Shorthand used throughout the views.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    msg.text(lang)
}

// The catalogue itself is in `locales/{en,vi,lo}.toml`, where translators edit it; build.rs
// checks that the three files hold the same keys and turns them into this invocation.
include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// The plural category of a count (CLDR): Vietnamese and Lao have one form for every number;
/// English has "one" (exactly 1) and "other".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Other,
}

pub fn plural(lang: Lang, n: u64) -> Plural {
    match lang {
        Lang::En if n == 1 => Plural::One,
        _ => Plural::Other,
    }
}

/// A count in words: `one` for the "one" category, `other` for the rest, `{n}` filled in.
pub fn count(lang: Lang, n: u64, one: Msg, other: Msg) -> String {
    let msg = match plural(lang, n) {
        Plural::One => one,
        Plural::Other => other,
    };
    t(lang, msg).replace("{n}", &n.to_string())
}

/// The name of language `of`, in the reader's language `lang` ("tiếng Lào", not "ພາສາລາວ", for
/// a Vietnamese reader of a Lao text).
pub fn language_name(lang: Lang, of: Lang) -> &'static str {
    t(
        lang,
        match of {
            Lang::Vi => Msg::LanguageNameVi,
            Lang::Lo => Msg::LanguageNameLo,
            Lang::En => Msg::LanguageNameEn,
        },
    )
}

/// Formats a US-dollar amount the way each language writes it ("2.36 billion", "2,36 tỷ").
pub fn format_usd(lang: Lang, usd: i64) -> String {
    let (value, msg) = if usd.abs() >= 1_000_000_000 {
        (usd as f64 / 1e9, Msg::BillionUsd)
    } else {
        (usd as f64 / 1e6, Msg::MillionUsd)
    };
    let mut number = format!("{value:.2}");
    while number.ends_with('0') {
        number.pop();
    }
    if number.ends_with('.') {
        number.pop();
    }
    if lang != Lang::En {
        // Vietnamese and Lao write the decimal separator as a comma.
        number = number.replace('.', ",");
    }
    t(lang, msg).replace("{n}", &number)
}

/// Formats a percentage with one decimal, signed ("+57.0%").
pub fn format_pct(lang: Lang, pct: f64, signed: bool) -> String {
    let text = if signed {
        format!("{pct:+.1}%")
    } else {
        format!("{pct:.1}%")
    };
    if lang == Lang::En {
        text
    } else {
        text.replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_lao_script(s: &str) -> bool {
        s.chars().any(|c| ('\u{0E80}'..='\u{0EFF}').contains(&c))
    }

    #[test]
    fn every_message_has_text_in_every_language() {
        for msg in Msg::ALL {
            for lang in Lang::ALL {
                assert!(!msg.text(lang).trim().is_empty(), "{msg:?} is empty in {lang:?}");
            }
            assert!(has_lao_script(msg.text(Lang::Lo)), "{msg:?} has no Lao script in Lao");
        }
    }

    #[test]
    fn placeholders_are_the_same_in_every_language() {
        for msg in Msg::ALL {
            let holes = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split('}').next())
                    .map(str::to_owned)
                    .collect();
                v.sort();
                v
            };
            let en = holes(msg.text(Lang::En));
            for lang in [Lang::Vi, Lang::Lo] {
                assert_eq!(holes(msg.text(lang)), en, "{msg:?} placeholders differ in {lang:?}");
            }
        }
    }

    #[test]
    fn language_codes_parse_leniently_and_unknown_codes_are_rejected() {
        assert_eq!(Lang::parse("vi"), Some(Lang::Vi));
        assert_eq!(Lang::parse("lo-LA"), Some(Lang::Lo));
        assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::parse("xx"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn accept_language_honours_quality_values() {
        assert_eq!(Lang::from_accept_language("fr-FR,lo;q=0.8,vi;q=0.9"), Some(Lang::Vi));
        assert_eq!(Lang::from_accept_language("lo-LA,en;q=0.5"), Some(Lang::Lo));
        assert_eq!(Lang::from_accept_language("de,fr;q=0.7"), None);
        assert_eq!(Lang::from_accept_language("vi;q=0,en"), Some(Lang::En));
    }

    #[test]
    fn pick_falls_back_when_a_translation_is_missing() {
        assert_eq!(Lang::Lo.pick("Cao su", "", "Rubber"), "Rubber");
        assert_eq!(Lang::Lo.pick("Cao su", "ຢາງພາລາ", "Rubber"), "ຢາງພາລາ");
        assert_eq!(Lang::En.pick("Cao su", "", " "), "Cao su");
    }

    #[test]
    fn counts_take_the_plural_form_of_each_language() {
        assert_eq!(count(Lang::En, 1, Msg::SearchTotalOne, Msg::SearchTotal), "1 result");
        assert_eq!(count(Lang::En, 0, Msg::SearchTotalOne, Msg::SearchTotal), "0 results");
        assert_eq!(count(Lang::En, 2, Msg::GatesCountOne, Msg::GatesCount), "2 gate pairs");
        assert_eq!(count(Lang::En, 1, Msg::GatesCountOne, Msg::GatesCount), "1 gate pair");
        assert_eq!(count(Lang::Vi, 1, Msg::SearchTotalOne, Msg::SearchTotal), "1 kết quả");
        assert_eq!(count(Lang::Lo, 21, Msg::GatesCountOne, Msg::GatesCount), "21 ຄູ່ດ່ານ");
    }

    #[test]
    fn usd_amounts_are_written_per_language() {
        assert_eq!(format_usd(Lang::En, 2_360_000_000), "$2.36 billion");
        assert_eq!(format_usd(Lang::Vi, 2_360_000_000), "2,36 tỷ USD");
        assert_eq!(format_usd(Lang::En, 884_000_000), "$884 million");
        assert_eq!(format_usd(Lang::Lo, 2_000_000_000), "2 ຕື້ ໂດລາ");
        assert_eq!(format_pct(Lang::Vi, 57.04, true), "+57,0%");
    }
}

/// Chooses the page language: an explicit `?lang=` wins, then the saved choice (the language
/// cookie's value, read by `cookies::reader_lang`), then the browser's `Accept-Language`, then
/// the default. Unknown codes are ignored.
pub fn resolve_lang(query: Option<&str>, saved: Option<&str>, accept_language: Option<&str>) -> Lang {
    query_lang(query)
        .or_else(|| saved.and_then(Lang::parse))
        .or_else(|| accept_language.and_then(Lang::from_accept_language))
        .unwrap_or_default()
}

/// The `lang` parameter of a query string, if it names a supported language.
pub fn query_lang(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(Lang::parse)
}

/// The same page in another language: the query is kept, `lang` replaced.
pub fn lang_href(path: &str, query: Option<&str>, lang: Lang) -> String {
    let mut params: Vec<&str> = query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .collect();
    let lang_param = format!("lang={}", lang.code());
    params.push(&lang_param);
    format!("{path}?{}", params.join("&"))
}

#[cfg(test)]
mod resolve_tests {
    use super::*;

    #[test]
    fn explicit_choice_beats_cookie_and_browser() {
        assert_eq!(resolve_lang(Some("a=1&lang=lo"), Some("vi"), Some("en")), Lang::Lo);
        assert_eq!(resolve_lang(None, Some("vi"), Some("lo")), Lang::Vi);
        assert_eq!(resolve_lang(None, None, Some("lo-LA,en;q=0.3")), Lang::Lo);
        assert_eq!(resolve_lang(None, None, None), Lang::default());
    }

    #[test]
    fn unknown_language_code_falls_back_without_error() {
        assert_eq!(resolve_lang(Some("lang=xx"), Some("zz"), Some("vi")), Lang::Vi);
        assert_eq!(resolve_lang(Some("lang=xx"), None, None), Lang::default());
    }

    #[test]
    fn language_links_keep_the_rest_of_the_query() {
        assert_eq!(
            lang_href("/gates", Some("level=main&lang=vi"), Lang::Lo),
            "/gates?level=main&lang=lo"
        );
        assert_eq!(lang_href("/", None, Lang::En), "/?lang=en");
    }
}
