//! Lao has no spaces between words: runs of Lao script are cut into words by ICU4X's dictionary
//! segmenter (the dictionary is compiled into `icu_segmenter`, no data files). The LSTM segmenter
//! is not used: it is about a hundred times slower here and splits dictionary words such as
//! ໄຟຟ້າ into ໄຟ + ຟ້າ. Character bigrams give recall for words the dictionary does not know.

use std::ops::Range;
use std::sync::LazyLock;

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};
use unicode_normalization::char::is_combining_mark;

static SEGMENTER: LazyLock<WordSegmenterBorrowed<'static>> =
    LazyLock::new(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()));

pub(crate) fn is_lao(c: char) -> bool {
    ('\u{0E80}'..='\u{0EFF}').contains(&c)
}

/// Whether a character can carry a word. Unicode classes Lao ຯ (abbreviation) and ໆ (repeat the
/// previous word) as letters, but neither is a word, nor part of one.
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    c.is_alphanumeric() && !matches!(c, 'ຯ' | 'ໆ')
}

/// Calls `emit` with the byte range of each dictionary word in a run of Lao script, skipping
/// segments without a letter or a digit.
pub(crate) fn for_each_word(run: &str, mut emit: impl FnMut(Range<usize>)) {
    let mut start = 0;
    for end in SEGMENTER.segment_str(run).skip(1) {
        if run[start..end].chars().any(is_letter_or_digit) {
            emit(start..end);
        }
        start = end;
    }
}

/// Calls `emit` with the byte range of each pair of adjacent letters (a letter with its vowel
/// and tone marks) in a run of Lao script; a lone letter between separators is emitted alone.
pub(crate) fn for_each_bigram(run: &str, mut emit: impl FnMut(Range<usize>)) {
    let mut group: Vec<Range<usize>> = Vec::new();
    let mut flush = |group: &mut Vec<Range<usize>>| {
        match group.as_slice() {
            [] => {}
            [only] => emit(only.clone()),
            letters => letters.windows(2).for_each(|pair| emit(pair[0].start..pair[1].end)),
        }
        group.clear();
    };
    for letter in letters(run) {
        if run[letter.clone()].starts_with(is_letter_or_digit) {
            group.push(letter);
        } else {
            flush(&mut group);
        }
    }
    flush(&mut group);
}

/// A base character with the combining marks written after it.
fn letters(run: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = run.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = chars.next()?;
        let mut end = start + first.len_utf8();
        while let Some(&(at, c)) = chars.peek() {
            if !is_combining_mark(c) {
                break;
            }
            end = at + c.len_utf8();
            chars.next();
        }
        Some(start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(run: &str) -> Vec<&str> {
        let mut words = Vec::new();
        for_each_word(run, |range| words.push(&run[range]));
        words
    }

    fn bigrams(run: &str) -> Vec<&str> {
        let mut bigrams = Vec::new();
        for_each_bigram(run, |range| bigrams.push(&run[range]));
        bigrams
    }

    #[test]
    fn dictionary_cuts_an_unspaced_lao_run_into_words() {
        assert_eq!(words("ຂາຍຢາງພາລາຄຸນນະພາບສູງ"), ["ຂາຍ", "ຢາງ", "ພາລາ", "ຄຸນນະພາບ", "ສູງ"]);
    }

    #[test]
    fn lao_punctuation_segments_are_dropped() {
        assert_eq!(words("ຢາງພາລາຯ"), ["ຢາງ", "ພາລາ"]);
        assert_eq!(words("ຄົນໆ"), ["ຄົນ"]);
    }

    #[test]
    fn bigrams_pair_letters_with_their_marks() {
        assert_eq!(bigrams("ເຫຼັກ"), ["ເຫຼັ", "ຫຼັກ"]);
        assert_eq!(bigrams("ຢາງ"), ["ຢາ", "າງ"]);
    }

    #[test]
    fn a_lone_lao_letter_is_its_own_bigram() {
        assert_eq!(bigrams("ກ"), ["ກ"]);
        assert_eq!(bigrams("ກຯຂຄ"), ["ກ", "ຂຄ"]);
    }
}
