//! Per-word transforms: the *exact* form (lowercase, diacritics kept) and the *folded* form
//! (lowercase, Latin diacritics stripped, đ → d). Folding only strips marks of the Latin
//! combining-diacritics blocks: Lao vowel signs and tone marks are combining marks too, and
//! stripping those would merge unrelated Lao words.

use unicode_normalization::{is_nfc, UnicodeNormalization};

/// Lowercase, with every diacritic kept: "Thép" → "thép".
pub(crate) fn exact(word: &str) -> String {
    let lower = word.to_lowercase();
    if is_nfc(&lower) {
        lower
    } else {
        lower.nfc().collect()
    }
}

/// Lowercase, without Latin diacritics: "Thép" → "thep", "Đắk Lắk" → "dak lak".
pub(crate) fn folded(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.to_lowercase()
        .nfd()
        .filter(|&c| !is_latin_diacritic(c))
        .map(fold_d)
        .nfc()
        .collect()
}

/// Đ is a letter of its own, not D with a mark, so NFD keeps it; searchers type "d" for it.
/// ð (eth, lowercase of Ð) stands in for Đ in Vietnamese text converted from legacy encodings.
fn fold_d(c: char) -> char {
    match c {
        'đ' | 'ð' => 'd',
        _ => c,
    }
}

fn is_latin_diacritic(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' // Combining Diacritical Marks: every Vietnamese tone and vowel mark
        | '\u{1AB0}'..='\u{1AFF}' // Combining Diacritical Marks Extended
        | '\u{1DC0}'..='\u{1DFF}' // Combining Diacritical Marks Supplement
        | '\u{FE20}'..='\u{FE2F}' // Combining Half Marks
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_strips_vietnamese_tones_and_vowel_marks() {
        assert_eq!(folded("Thép"), "thep");
        assert_eq!(folded("Cà phê"), "ca phe");
        assert_eq!(folded("Ướt Ở Ỹ"), "uot o y");
    }

    #[test]
    fn folding_turns_d_with_stroke_into_d() {
        assert_eq!(folded("Đ"), "d");
        assert_eq!(folded("đ"), "d");
        assert_eq!(folded("Điện"), "dien");
        assert_eq!(folded("\u{00D0}ắk"), "dak");
    }

    #[test]
    fn folding_keeps_lao_vowel_and_tone_marks() {
        assert_eq!(folded("ເຫຼັກ"), "ເຫຼັກ");
        assert_eq!(folded("ຝຸ່ນ"), "ຝຸ່ນ");
    }

    #[test]
    fn exact_form_keeps_diacritics() {
        assert_eq!(exact("Thép"), "thép");
        assert_eq!(exact("ĐIỆN"), "điện");
    }
}
