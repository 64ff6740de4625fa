//! The HS picker (issue #12): a trader types the product — "ຢາງພາລາ", "cao su", "rubber" — and is
//! offered the HS headings it may be, in their language where we have the text, instead of
//! "enter digits". The word is folded like the search (lower case, no Vietnamese marks, đ = d),
//! expanded through the search's cross-language synonyms (so a Lao or Vietnamese word finds the
//! English nomenclature), and looked up in the descriptions of the 4-digit headings (English, and
//! Vietnamese where the table has it). Whole words only: "tea" does not find "steam".
use crate::domain::reference::Reference;
use crate::domain::search::synonyms::Synonyms;
use crate::i18n::Lang;
use crate::model::HsSuggestion;
use unicode_normalization::UnicodeNormalization;

/// Lower case, Vietnamese marks and the đ stroke removed, punctuation as spaces.
fn fold(text: &str) -> String {
    let folded: String = text
        .nfd()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c if c.is_alphanumeric() || crate::domain::search::query::is_lao(c) => c,
            _ => ' ',
        })
        .flat_map(char::to_lowercase)
        .nfc()
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `phrase` occurs in `text` as whole words (both folded), allowing a plural "s".
fn has_phrase(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let padded = format!(" {text} ");
    padded.contains(&format!(" {phrase} ")) || padded.contains(&format!(" {phrase}s "))
}

/// The terms to look for: what was typed, and every spelling of the synonym groups it names.
fn terms(text: &str) -> Vec<String> {
    let typed = fold(text);
    let mut terms = vec![typed.clone()];
    for group in Synonyms::builtin().groups() {
        let names_it = group.terms().iter().any(|t| {
            let t = fold(t);
            // Lao is written without spaces between words: a Lao term counts when contained.
            has_phrase(&typed, &t) || (t.chars().any(crate::domain::search::query::is_lao) && typed.contains(&t))
        });
        if names_it {
            terms.extend(group.terms().iter().map(|t| fold(t)));
        }
    }
    terms.retain(|t| t.chars().count() >= 2);
    terms.sort();
    terms.dedup();
    terms
}

/// Whether a raw HS field holds a word (two letters in a row) rather than a code or a typo in
/// one ("72x8").
pub fn is_words(raw: &str) -> bool {
    let mut run = 0;
    for c in raw.chars() {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        if run >= 2 {
            return true;
        }
    }
    false
}

/// Up to `limit` headings for a product word, those whose description starts with it first.
pub fn suggest(reference: &Reference, text: &str, lang: Lang, limit: usize) -> Vec<HsSuggestion> {
    let terms = terms(text);
    let mut found: Vec<(u8, &str, String, &'static str)> = Vec::new();
    for row in reference.hs_codes().filter(|r| r.code.len() == 4) {
        let en = fold(&row.description_en);
        let vi = row.description_vi.as_deref().map(fold).unwrap_or_default();
        let mut best: Option<u8> = None;
        for term in &terms {
            for description in [&en, &vi] {
                if has_phrase(description, term) {
                    let rank = if description.starts_with(term.as_str()) { 0 } else { 1 };
                    best = Some(best.map_or(rank, |b| b.min(rank)));
                }
            }
        }
        if let Some(rank) = best {
            let (description, description_lang) = match (lang, &row.description_vi) {
                (Lang::Vi, Some(vi)) => (vi.clone(), "vi"),
                _ => (row.description_en.clone(), "en"),
            };
            found.push((rank, row.code.as_str(), description, description_lang));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    found
        .into_iter()
        .take(limit)
        .map(|(_, code, description, description_lang)| HsSuggestion {
            code: code.to_owned(),
            display: super::hs::display(code),
            description,
            description_lang: description_lang.to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_like_the_search() {
        assert_eq!(fold("Cao su tự nhiên!"), "cao su tu nhien");
        assert_eq!(fold("Đường mía"), "duong mia");
        assert!(has_phrase("natural rubber balata", "rubber"));
        assert!(has_phrase("live horses", "horse"));
        assert!(!has_phrase("steam boilers", "tea"));
    }

    #[test]
    fn a_lao_or_vietnamese_product_word_reaches_the_english_terms() {
        for typed in ["ຢາງພາລາ", "cao su", "Cao Su", "rubber"] {
            let found = terms(typed);
            assert!(found.contains(&"rubber".to_owned()), "{typed}: {found:?}");
        }
        assert!(is_words("cao su") && is_words("ຢາງພາລາ") && !is_words("40.01") && !is_words("72x8"));
    }
}
