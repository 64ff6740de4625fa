//! Code lists of the listings (units, Incoterms, sectors, stages …) with their names in
//! vi / lo / en, from `data/vocabulary.csv`. The same list validates input (domain) and labels
//! options and values (pages), so a code can never be accepted without a name to show.
use crate::i18n::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

const VOCABULARY: &str = include_str!("../../data/vocabulary.csv");

pub struct Entry {
    pub list: &'static str,
    pub code: &'static str,
    pub en: String,
    pub vi: String,
    pub lo: String,
}

/// Splits one CSV line (fields may be quoted; quotes inside are doubled).
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().expect("one field").push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => out.last_mut().expect("one field").push(c),
        }
    }
    out
}

fn parse() -> Vec<Entry> {
    VOCABULARY
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let f = fields(line);
            assert_eq!(f.len(), 5, "data/vocabulary.csv: five fields in {line}");
            let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
            Entry {
                list: leak(&f[0]),
                code: leak(&f[1]),
                en: f[2].clone(),
                vi: f[3].clone(),
                lo: f[4].clone(),
            }
        })
        .collect()
}

static ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(parse);
static INDEX: LazyLock<HashMap<(&'static str, &'static str), usize>> =
    LazyLock::new(|| ENTRIES.iter().enumerate().map(|(i, e)| ((e.list, e.code), i)).collect());

/// The codes of a list, in file order.
pub fn codes(list: &str) -> Vec<&'static str> {
    ENTRIES.iter().filter(|e| e.list == list).map(|e| e.code).collect()
}

/// Whether `code` belongs to `list`.
pub fn contains(list: &str, code: &str) -> bool {
    INDEX.contains_key(&(list, code))
}

/// The code as written in `list`, matched without regard to case ("usd" → "USD").
pub fn canonical(list: &str, code: &str) -> Option<&'static str> {
    let code = code.trim();
    ENTRIES
        .iter()
        .find(|e| e.list == list && e.code.eq_ignore_ascii_case(code))
        .map(|e| e.code)
}

/// The name of a code in the reader's language; the code itself when unknown.
pub fn label(list: &str, code: &str, lang: Lang) -> String {
    match INDEX.get(&(list, code)) {
        Some(i) => {
            let e = &ENTRIES[*i];
            match lang {
                Lang::Vi => e.vi.clone(),
                Lang::Lo => e.lo.clone(),
                Lang::En => e.en.clone(),
            }
        }
        None => code.to_owned(),
    }
}

/// (code, name) pairs of a list, for a select or checkbox group.
pub fn options(list: &str, lang: Lang) -> Vec<(String, String)> {
    codes(list)
        .into_iter()
        .map(|code| (code.to_owned(), label(list, code, lang)))
        .collect()
}

/// Every entry (for tests and the API's enum descriptions).
pub fn entries() -> &'static [Entry] {
    &ENTRIES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_three_names_and_lao_is_lao() {
        assert!(entries().len() > 80);
        for e in entries() {
            assert!(
                !e.en.is_empty() && !e.vi.is_empty() && !e.lo.is_empty(),
                "{}:{}",
                e.list,
                e.code
            );
            // Codes that are names everywhere (ISO 9001, TEU, Halal) may stay Latin.
            let latin_ok = ["iso9001", "teu"].contains(&e.code);
            assert!(
                latin_ok || e.lo.chars().any(|c| ('\u{0E80}'..='\u{0EFF}').contains(&c)),
                "{}:{} has no Lao script: {}",
                e.list,
                e.code,
                e.lo
            );
        }
    }

    #[test]
    fn codes_are_unique_per_list() {
        let mut seen = std::collections::HashSet::new();
        for e in entries() {
            assert!(seen.insert((e.list, e.code)), "duplicate {}:{}", e.list, e.code);
        }
    }

    #[test]
    fn labels_and_canonical_codes() {
        assert_eq!(label("unit", "t", Lang::Vi), "tấn");
        assert_eq!(label("unit", "nope", Lang::Vi), "nope");
        assert_eq!(canonical("currency", "usd"), Some("USD"));
        assert!(contains("incoterm", "FOB"));
        assert!(!contains("incoterm", "fob"));
        assert_eq!(codes("direction"), vec!["offer", "wanted"]);
    }
}
