//! Where the words are in canonical text: Latin-script (and any other spaced) text splits at
//! characters that are neither letters, digits nor combining marks; runs of Lao script go to the
//! dictionary segmenter or are cut into letter bigrams.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use super::lao;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Splitting {
    /// Split at spaces and punctuation only; a Lao run stays one word.
    Spaced,
    /// Like `Spaced`, with Lao runs cut into dictionary words.
    LaoWords,
    /// Like `Spaced`, with Lao runs cut into letter bigrams.
    LaoBigrams,
}

/// Calls `emit` with the byte range of each word of `text`, in order.
pub(crate) fn for_each_word(text: &str, splitting: Splitting, mut emit: impl FnMut(Range<usize>)) {
    if splitting == Splitting::Spaced {
        return for_each_spaced_word(text, &mut emit);
    }
    for (run, is_lao) in script_runs(text) {
        let mut emit_in_run = |range: Range<usize>| emit(run.start + range.start..run.start + range.end);
        let run_text = &text[run.clone()];
        match (is_lao, splitting) {
            (false, _) => for_each_spaced_word(run_text, &mut emit_in_run),
            (true, Splitting::LaoBigrams) => lao::for_each_bigram(run_text, emit_in_run),
            (true, _) => lao::for_each_word(run_text, emit_in_run),
        }
    }
}

fn for_each_spaced_word(text: &str, emit: &mut impl FnMut(Range<usize>)) {
    let mut start = None;
    for (at, c) in text.char_indices() {
        let in_word = lao::is_letter_or_digit(c) || is_combining_mark(c);
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(word_start)) => {
                emit(word_start..at);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(word_start) = start {
        emit(word_start..text.len());
    }
}

/// Maximal runs of Lao script and of everything else, with whether each run is Lao.
fn script_runs(text: &str) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = chars.next()?;
        let is_lao = lao::is_lao(first);
        let mut end = start + first.len_utf8();
        while let Some(&(at, c)) = chars.peek() {
            if lao::is_lao(c) != is_lao {
                break;
            }
            end = at + c.len_utf8();
            chars.next();
        }
        Some((start..end, is_lao))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, splitting: Splitting) -> Vec<&str> {
        let mut words = Vec::new();
        for_each_word(text, splitting, |range| words.push(&text[range]));
        words
    }

    #[test]
    fn spaced_text_splits_at_spaces_and_punctuation() {
        assert_eq!(
            words("Cao su, (tự nhiên)! 40.01", Splitting::Spaced),
            ["Cao", "su", "tự", "nhiên", "40", "01"]
        );
    }

    #[test]
    fn lao_runs_are_cut_into_words_and_latin_runs_pass_through() {
        assert_eq!(
            words("ຢາງພາລາ rubber, ລາວ", Splitting::LaoWords),
            ["ຢາງ", "ພາລາ", "rubber", "ລາວ"]
        );
        assert_eq!(words("ລາວabc", Splitting::LaoWords), ["ລາວ", "abc"]);
    }
}
