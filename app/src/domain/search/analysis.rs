//! The analyzers the index registers by name. Every one starts from the same canonical text
//! (see `normalize`), so a word typed in NFD, or a Lao word typed with ຫນ instead of ໜ, finds the
//! same tokens as its canonical spelling.
//!
//! | name | for | tokens |
//! |---|---|---|
//! | [`VI_FOLDED`] | Vietnamese, any Latin text | lowercase, no diacritics, đ → d: "Thép" → `thep` |
//! | [`VI_EXACT`] | Vietnamese, boosted above folded | lowercase, diacritics kept: `thép` |
//! | [`EN_STEM`] | English | folded, then the English stemmer: "fertilisers" → `fertilis` |
//! | [`LAO_WORDS`] | Lao, mixed Lao and Latin | Lao dictionary words; Latin words folded |
//! | [`LAO_BIGRAM`] | Lao, recall fallback | pairs of Lao letters; Latin words folded |
//!
//! The names are stored in the index schema: renaming one means reindexing.

use tantivy::tokenizer::{
    Language, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer, TokenizerManager,
};

use super::fold;
use super::normalize::normalize;
use super::words::{for_each_word, Splitting};

pub const VI_FOLDED: &str = "corridor_vi_folded";
pub const VI_EXACT: &str = "corridor_vi_exact";
pub const EN_STEM: &str = "corridor_en_stem";
pub const LAO_WORDS: &str = "corridor_lao_words";
pub const LAO_BIGRAM: &str = "corridor_lao_bigram";

/// Every analyzer name, for registering and for checks over all of them.
pub const ALL: [&str; 5] = [VI_FOLDED, VI_EXACT, EN_STEM, LAO_WORDS, LAO_BIGRAM];

/// Tokens longer than this many bytes are dropped. Bytes, not characters: a Lao letter takes three
/// bytes in UTF-8, so this keeps Lao words of up to 40 letters and Latin words of up to 120.
pub const MAX_TOKEN_BYTES: usize = 120;

/// Registers every Corridor analyzer on `manager` (e.g. `index.tokenizers()`) under its name.
pub fn register(manager: &TokenizerManager) {
    for name in ALL {
        let analyzer = analyzer(name).expect("every name in ALL has an analyzer");
        manager.register(name, analyzer);
    }
}

/// A fresh analyzer by name, or `None` for a name that is not one of [`ALL`].
pub fn analyzer(name: &str) -> Option<TextAnalyzer> {
    let words = |splitting, form| WordTokenizer::new(splitting, form);
    let analyzer = match name {
        VI_FOLDED => limited(words(Splitting::Spaced, Form::Folded)),
        VI_EXACT => limited(words(Splitting::Spaced, Form::Exact)),
        EN_STEM => TextAnalyzer::builder(words(Splitting::Spaced, Form::Folded))
            .filter(long_token_filter())
            .filter(Stemmer::new(Language::English))
            .build(),
        LAO_WORDS => limited(words(Splitting::LaoWords, Form::Folded)),
        LAO_BIGRAM => limited(words(Splitting::LaoBigrams, Form::Folded)),
        _ => return None,
    };
    Some(analyzer)
}

/// The token texts `analyzer` makes of `text`: what a query builder turns into terms.
pub fn token_texts(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut texts = Vec::new();
    while let Some(token) = stream.next() {
        texts.push(token.text.clone());
    }
    texts
}

fn limited(tokenizer: WordTokenizer) -> TextAnalyzer {
    TextAnalyzer::builder(tokenizer).filter(long_token_filter()).build()
}

fn long_token_filter() -> RemoveLongFilter {
    // The filter keeps tokens strictly shorter than its limit.
    RemoveLongFilter::limit(MAX_TOKEN_BYTES + 1)
}

/// What each word becomes once found.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Form {
    Exact,
    Folded,
}

impl Form {
    pub(crate) fn of(self, word: &str) -> String {
        match self {
            Form::Exact => fold::exact(word),
            Form::Folded => fold::folded(word),
        }
    }
}

/// Normalizes the text, finds its words and puts each in its form. Tokens are made in one pass
/// into a buffer the tokenizer reuses, with offsets into the caller's (un-normalized) text.
#[derive(Clone)]
struct WordTokenizer {
    splitting: Splitting,
    form: Form,
    tokens: Vec<Token>,
}

impl WordTokenizer {
    fn new(splitting: Splitting, form: Form) -> Self {
        WordTokenizer {
            splitting,
            form,
            tokens: Vec::new(),
        }
    }
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = BufferedTokens<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> BufferedTokens<'a> {
        self.tokens.clear();
        let normalized = normalize(text);
        let canonical = normalized.as_str();
        for_each_word(canonical, self.splitting, |range| {
            let word = self.form.of(&canonical[range.clone()]);
            if word.is_empty() {
                return;
            }
            let original = normalized.original_range(range);
            self.tokens.push(Token {
                offset_from: original.start,
                offset_to: original.end,
                position: self.tokens.len(),
                text: word,
                position_length: 1,
            });
        });
        BufferedTokens {
            tokens: &mut self.tokens,
            current: None,
        }
    }
}

struct BufferedTokens<'a> {
    tokens: &'a mut Vec<Token>,
    current: Option<usize>,
}

impl BufferedTokens<'_> {
    fn current(&self) -> usize {
        self.current
            .expect("tantivy reads a token only after advance() returned true")
    }
}

impl TokenStream for BufferedTokens<'_> {
    fn advance(&mut self) -> bool {
        let next = self.current.map_or(0, |current| current + 1);
        self.current = Some(next);
        next < self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.current()]
    }

    fn token_mut(&mut self) -> &mut Token {
        let current = self.current();
        &mut self.tokens[current]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(name: &str, text: &str) -> Vec<String> {
        let mut analyzer = analyzer(name).expect("a registered analyzer name");
        token_texts(&mut analyzer, text)
    }

    #[test]
    fn folded_thep_matches_thep_with_accent() {
        assert_eq!(tokens(VI_FOLDED, "thep"), tokens(VI_FOLDED, "Thép"));
        assert_eq!(tokens(VI_FOLDED, "Thép xây dựng"), ["thep", "xay", "dung"]);
    }

    #[test]
    fn folded_d_with_stroke_equals_d() {
        assert_eq!(tokens(VI_FOLDED, "đ"), tokens(VI_FOLDED, "d"));
        assert_eq!(tokens(VI_FOLDED, "Điện Biên"), ["dien", "bien"]);
    }

    #[test]
    fn exact_keeps_diacritics_so_thep_differs_from_thep_with_accent() {
        assert_eq!(tokens(VI_EXACT, "Thép"), ["thép"]);
        assert_ne!(tokens(VI_EXACT, "thep"), tokens(VI_EXACT, "thép"));
    }

    #[test]
    fn nfc_and_nfd_input_give_the_same_tokens() {
        let nfc = "Cao su tự nhiên, cà phê Việt Nam";
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd(nfc).collect();
        assert_ne!(nfc, nfd);
        for name in ALL {
            assert_eq!(tokens(name, nfc), tokens(name, &nfd), "analyzer {name}");
        }
    }

    #[test]
    fn lao_ho_no_spelled_two_ways_gives_the_same_tokens() {
        for name in [LAO_WORDS, LAO_BIGRAM, VI_FOLDED] {
            assert_eq!(tokens(name, "ຫນອງ"), tokens(name, "ໜອງ"), "analyzer {name}");
        }
        assert_eq!(tokens(LAO_WORDS, "ຫນອງຄາຍ"), ["ໜອງ", "ຄາຍ"]);
    }

    #[test]
    fn lao_words_finds_rubber_inside_an_unspaced_run() {
        let query = tokens(LAO_WORDS, "ຢາງພາລາ");
        let document = tokens(LAO_WORDS, "ຂາຍຢາງພາລາຄຸນນະພາບສູງ");
        assert!(
            document.windows(query.len()).any(|window| window == query),
            "{query:?} in {document:?}"
        );
    }

    #[test]
    fn lao_words_passes_latin_runs_through_folded() {
        assert_eq!(
            tokens(LAO_WORDS, "ຢາງພາລາ Rubber, Cao su"),
            ["ຢາງ", "ພາລາ", "rubber", "cao", "su"]
        );
    }

    #[test]
    fn lao_punctuation_never_becomes_a_token() {
        assert_eq!(tokens(LAO_WORDS, "ຢາງພາລາຯ ລາວໆ!"), ["ຢາງ", "ພາລາ", "ລາວ"]);
        assert_eq!(tokens(LAO_BIGRAM, "ລາວໆ"), ["ລາ", "າວ"]);
    }

    #[test]
    fn an_over_long_lao_token_is_dropped_by_its_byte_length() {
        // 41 Lao digits are one segment of 41 characters but 123 bytes: over the limit, while a
        // 41-character Latin token (41 bytes) is kept.
        let lao_digits = "໑໒໓໔໕໖໗໘໙໐".repeat(4) + "໑";
        assert_eq!(lao_digits.chars().count(), 41);
        assert_eq!(tokens(LAO_WORDS, &format!("{lao_digits} ລາວ")), ["ລາວ"]);
        let latin = "a".repeat(41);
        assert_eq!(tokens(LAO_WORDS, &latin), [latin]);
        assert_eq!(tokens(VI_FOLDED, &"a".repeat(MAX_TOKEN_BYTES)).len(), 1);
        assert!(tokens(VI_FOLDED, &"a".repeat(MAX_TOKEN_BYTES + 1)).is_empty());
    }

    #[test]
    fn english_stemming_joins_plural_and_singular() {
        assert_eq!(tokens(EN_STEM, "fertilisers"), tokens(EN_STEM, "fertiliser"));
        assert_eq!(tokens(EN_STEM, "Exporters"), tokens(EN_STEM, "exporter"));
    }

    #[test]
    fn lao_bigrams_overlap_inside_a_run() {
        assert_eq!(
            tokens(LAO_BIGRAM, "ຢາງພາລາ x"),
            ["ຢາ", "າງ", "ງພ", "ພາ", "າລ", "ລາ", "x"]
        );
    }

    #[test]
    fn token_offsets_point_into_the_original_text() {
        let text = "ຂາຍ ຫນອງ the\u{0301}p";
        let mut analyzer = analyzer(LAO_WORDS).expect("registered");
        let mut stream = analyzer.token_stream(text);
        let mut spans = Vec::new();
        while let Some(token) = stream.next() {
            spans.push((token.text.clone(), &text[token.offset_from..token.offset_to]));
        }
        assert_eq!(
            spans,
            [
                ("ຂາຍ".to_owned(), "ຂາຍ"),
                ("ໜອງ".to_owned(), "ຫນອງ"),
                ("thep".to_owned(), "the\u{0301}p"),
            ]
        );
    }

    #[test]
    fn register_makes_every_analyzer_available_by_name() {
        let manager = TokenizerManager::new();
        register(&manager);
        for name in ALL {
            assert!(manager.get(name).is_some(), "{name}");
        }
    }
}
