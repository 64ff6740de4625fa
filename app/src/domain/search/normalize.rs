//! The canonical text every analyzer works on: Unicode NFC, plus the Lao spellings that Unicode
//! normalization leaves apart. Tokens keep byte offsets into the caller's text, so snippets and
//! highlighting work on the stored original rather than on this rewritten copy.

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::char::{canonical_combining_class, compose};
use unicode_normalization::{is_nfc, UnicodeNormalization};

const LAO_HO_SUNG: char = 'ຫ';
const LAO_NO: char = 'ນ';
const LAO_MO: char = 'ມ';
const LAO_LO: char = 'ລ';
const LAO_HO_NO: char = '\u{0EDC}';
const LAO_HO_MO: char = '\u{0EDD}';
const LAO_SEMIVOWEL_LO: char = '\u{0EBC}';
const LAO_NIGGAHITA: char = '\u{0ECD}';
const LAO_SARA_AA: char = '\u{0EB2}';
const LAO_SARA_AM: char = '\u{0EB3}';

/// Text in canonical form, with the way back to the caller's byte offsets.
pub(crate) struct Normalized<'a> {
    text: Cow<'a, str>,
    /// One `(start in text, start in original)` per rewritten piece, closed by
    /// `(text.len(), original.len())`. Empty when the original was already canonical.
    pieces: Vec<(usize, usize)>,
}

impl Normalized<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The bytes of the original text that produced `range` of the canonical text.
    pub(crate) fn original_range(&self, range: Range<usize>) -> Range<usize> {
        if self.pieces.is_empty() {
            return range;
        }
        let piece_at = |at: usize| self.pieces.partition_point(|&(start, _)| start <= at) - 1;
        let start = self.pieces[piece_at(range.start)].1;
        if range.is_empty() {
            return start..start;
        }
        let end = self.pieces[piece_at(range.end - 1) + 1].1;
        start..end
    }
}

/// NFC, then the Lao spellings that mean the same letters written two ways:
/// ຫນ → ໜ, ຫມ → ໝ, ຫລ → ຫຼ, and ໍ + າ → ຳ (a tone mark typed between them moves before ຳ).
/// The dictionary segmenter only knows the composed spellings: it cuts ຫນອງ into ຫນອ + ງ.
pub(crate) fn normalize(original: &str) -> Normalized<'_> {
    if is_nfc(original) && !has_split_lao_spelling(original) {
        return Normalized {
            text: Cow::Borrowed(original),
            pieces: Vec::new(),
        };
    }
    let clusters = clusters(original);
    let mut text = String::with_capacity(original.len());
    let mut pieces = Vec::with_capacity(clusters.len() + 1);
    let mut i = 0;
    while i < clusters.len() {
        let cluster = &original[clusters[i].clone()];
        let next = clusters.get(i + 1).map(|range| &original[range.clone()]);
        pieces.push((text.len(), clusters[i].start));
        match next.and_then(|next| join_lao(cluster, next)) {
            Some(joined) => {
                text.extend(joined.nfc());
                i += 2;
            }
            None => {
                text.extend(cluster.nfc());
                i += 1;
            }
        }
    }
    pieces.push((text.len(), original.len()));
    Normalized {
        text: Cow::Owned(text),
        pieces,
    }
}

/// Whether `join_lao` would change anything: ຫ before ນ, ມ or ລ, or ໍ (then marks) before າ.
/// ໍ alone is common (ບໍ່, ຂໍ) and needs nothing.
fn has_split_lao_spelling(text: &str) -> bool {
    let mut previous = None;
    let mut after_niggahita = false;
    for c in text.chars() {
        let ho_ligature = previous == Some(LAO_HO_SUNG) && matches!(c, LAO_NO | LAO_MO | LAO_LO);
        if ho_ligature || (after_niggahita && c == LAO_SARA_AA) {
            return true;
        }
        after_niggahita = c == LAO_NIGGAHITA || (after_niggahita && canonical_combining_class(c) != 0);
        previous = Some(c);
    }
    false
}

/// Splits text into the smallest pieces NFC can rewrite independently: a character with the
/// combining marks that follow it, kept together with a next starter it composes with (Hangul).
fn clusters(text: &str) -> Vec<Range<usize>> {
    let mut clusters: Vec<Range<usize>> = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        let starts_cluster =
            canonical_combining_class(c) == 0 && previous.is_none_or(|previous| compose(previous, c).is_none());
        match clusters.last_mut() {
            Some(last) if !starts_cluster => last.end = end,
            _ => clusters.push(at..end),
        }
        previous = Some(c);
    }
    clusters
}

/// The canonical spelling of two adjacent clusters that form one Lao letter, if they do.
fn join_lao(cluster: &str, next: &str) -> Option<String> {
    let mut next_chars = next.chars();
    let next_first = next_chars.next()?;
    let next_marks = next_chars.as_str();
    if cluster == "ຫ" {
        let letter = match next_first {
            LAO_NO => LAO_HO_NO.to_string(),
            LAO_MO => LAO_HO_MO.to_string(),
            LAO_LO => format!("{LAO_HO_SUNG}{LAO_SEMIVOWEL_LO}"),
            _ => return None,
        };
        return Some(letter + next_marks);
    }
    let tone_marks = cluster.strip_prefix(LAO_NIGGAHITA)?;
    (next_first == LAO_SARA_AA).then(|| format!("{tone_marks}{LAO_SARA_AM}{next_marks}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(text: &str) -> String {
        normalize(text).as_str().to_owned()
    }

    #[test]
    fn canonical_text_is_borrowed_unchanged() {
        let normalized = normalize("Cao su tự nhiên ຢາງພາລາ ບໍ່");
        assert!(matches!(normalized.text, Cow::Borrowed(_)));
        assert_eq!(normalized.original_range(4..6), 4..6);
    }

    #[test]
    fn decomposed_vietnamese_is_composed() {
        assert_eq!(canonical("the\u{0301}p"), "thép");
        assert_eq!(canonical("Vie\u{0323}\u{0302}t"), "Việt");
    }

    #[test]
    fn lao_ho_ligatures_are_composed() {
        assert_eq!(canonical("ຫນອງ"), "ໜອງ");
        assert_eq!(canonical("ຫມາກໄມ້"), "ໝາກໄມ້");
        assert_eq!(canonical("ເຫລັກ"), "ເຫຼັກ");
        assert_eq!(canonical("ຫນ້າ"), "ໜ້າ");
    }

    #[test]
    fn lao_niggahita_and_aa_become_sara_am() {
        assert_eq!(canonical("ຄໍາ"), "ຄຳ");
        assert_eq!(canonical("ນໍ້າ"), "ນ້ຳ");
        assert_eq!(canonical("ນ້ໍາ"), "ນ້ຳ");
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let original = "x ຫນອງ the\u{0301}p";
        let normalized = normalize(original);
        let text = normalized.as_str();
        let nong = text.find("ໜອງ").expect("normalized Lao word");
        let range = normalized.original_range(nong..nong + "ໜອງ".len());
        assert_eq!(&original[range], "ຫນອງ");
        let thep = text.find("thép").expect("normalized Vietnamese word");
        let range = normalized.original_range(thep..thep + "thép".len());
        assert_eq!(&original[range], "the\u{0301}p");
    }
}
