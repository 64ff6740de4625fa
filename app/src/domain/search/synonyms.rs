//! Cross-language synonyms (Laos / Lào / ລາວ, rubber / cao su / ຢາງພາລາ, …), expanded at query
//! time so the index needs no rebuild when the list grows. The list is `data/search/synonyms.csv`,
//! compiled in.
//!
//! A query becomes a sequence of [`QueryPart`]s: words outside every group, and runs of words that
//! spell a term of a group. A query builder searches each part for any of its
//! [`alternatives`](QueryPart::alternatives), analysing each alternative with every field's
//! analyzer (a term query for one token, a phrase query for several), e.g. a `BooleanQuery` that
//! requires every part and lets each part match any alternative.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::fold;
use super::normalize::normalize;
use super::words::{for_each_word, Splitting};

const SYNONYMS_CSV: &str = include_str!("../../../../data/search/synonyms.csv");

static BUILTIN: LazyLock<Synonyms> =
    LazyLock::new(|| Synonyms::parse(SYNONYMS_CSV).expect("data/search/synonyms.csv is checked by the tests"));

/// Expands a query with the built-in synonym list.
pub fn expand_query(query: &str) -> Vec<QueryPart<'static>> {
    Synonyms::builtin().expand(query)
}

/// A word of a query, cut like the `LAO_WORDS` analyzer cuts text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    /// Lowercase, diacritics as typed: "thép".
    pub exact: String,
    /// Lowercase, diacritics removed, đ → d: "thep".
    pub folded: String,
}

impl QueryWord {
    /// Whether this query word, spelled as typed, may stand for the term word `term`: the folded
    /// forms agree, and a query word typed with diacritics carries the same ones.
    fn stands_for(&self, term: &QueryWord) -> bool {
        self.folded == term.folded && (self.exact == self.folded || self.exact == term.exact)
    }
}

/// The words of `text` in query form: Lao runs cut by the dictionary, Latin words folded.
pub fn query_words(text: &str) -> Vec<QueryWord> {
    let normalized = normalize(text);
    let canonical = normalized.as_str();
    let mut words = Vec::new();
    for_each_word(canonical, Splitting::LaoWords, |range| {
        let word = &canonical[range];
        let folded = fold::folded(word);
        if !folded.is_empty() {
            words.push(QueryWord {
                exact: fold::exact(word),
                folded,
            });
        }
    });
    words
}

#[derive(Debug)]
pub struct SynonymGroup {
    id: String,
    terms: Vec<String>,
    /// The query words of each term, in the order of `terms`.
    keys: Vec<Vec<QueryWord>>,
}

impl SynonymGroup {
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Every spelling of the group, as written in the list.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// The number of query words at the start of `words` that spell one of the terms (the
    /// longest such term), or 0.
    fn matched_len(&self, words: &[QueryWord]) -> usize {
        self.keys
            .iter()
            .filter(|key| {
                key.len() <= words.len() && words.iter().zip(key.iter()).all(|(word, term)| word.stands_for(term))
            })
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    }
}

#[derive(Debug)]
pub enum QueryPart<'s> {
    /// A query word outside every synonym group.
    Word(QueryWord),
    /// Consecutive query words that spell a term of `group`.
    Synonyms {
        words: Vec<QueryWord>,
        group: &'s SynonymGroup,
    },
}

impl QueryPart<'_> {
    /// The texts to search for this part, any one of which may match: the word itself, or every
    /// term of the group. Analyse each with the field's analyzer.
    pub fn alternatives(&self) -> Vec<&str> {
        match self {
            QueryPart::Word(word) => vec![word.exact.as_str()],
            QueryPart::Synonyms { group, .. } => group.terms.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("synonyms list, line {line}: {message}")]
pub struct SynonymsError {
    pub line: u64,
    pub message: String,
}

#[derive(Debug)]
pub struct Synonyms {
    groups: Vec<SynonymGroup>,
}

impl Synonyms {
    /// The list compiled in from `data/search/synonyms.csv`.
    pub fn builtin() -> &'static Synonyms {
        &BUILTIN
    }

    /// Reads a list in the format of `data/search/synonyms.csv`: `#` comment lines, then one
    /// group per line, its id first and at least two terms after it.
    pub fn parse(csv_text: &str) -> Result<Synonyms, SynonymsError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .from_reader(csv_text.as_bytes());
        let mut groups = Vec::new();
        let mut ids = HashSet::new();
        let mut spellings = HashSet::new();
        for record in reader.records() {
            let record = record.map_err(|error| SynonymsError {
                line: error.position().map_or(0, |position| position.line()),
                message: error.to_string(),
            })?;
            let line = record.position().map_or(0, |position| position.line());
            let invalid = |message: String| SynonymsError { line, message };
            let mut fields = record.iter().filter(|field| !field.is_empty());
            let id = fields.next().unwrap_or_default().to_owned();
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(invalid(format!("group id {id:?} is not lowercase a-z, 0-9, -")));
            }
            if !ids.insert(id.clone()) {
                return Err(invalid(format!("group id {id:?} is used twice")));
            }
            let terms: Vec<String> = fields.map(|term| normalize(term).as_str().to_owned()).collect();
            if terms.len() < 2 {
                return Err(invalid(format!("group {id:?} needs at least two terms")));
            }
            let mut keys = Vec::with_capacity(terms.len());
            for term in &terms {
                let key = query_words(term);
                if key.is_empty() {
                    return Err(invalid(format!("term {term:?} has no words")));
                }
                let spelling: Vec<&str> = key.iter().map(|word| word.exact.as_str()).collect();
                if !spellings.insert(spelling.join(" ")) {
                    return Err(invalid(format!("term {term:?} is in another group already")));
                }
                keys.push(key);
            }
            groups.push(SynonymGroup { id, terms, keys });
        }
        Ok(Synonyms { groups })
    }

    pub fn groups(&self) -> &[SynonymGroup] {
        &self.groups
    }

    pub fn group(&self, id: &str) -> Option<&SynonymGroup> {
        self.groups.iter().find(|group| group.id == id)
    }

    /// Splits `query` into words and expands them (see [`Synonyms::expand_words`]).
    pub fn expand(&self, query: &str) -> Vec<QueryPart<'_>> {
        self.expand_words(query_words(query))
    }

    /// Groups query words into parts, left to right: at each word, the longest run that spells a
    /// term of some group becomes one synonyms part; a word that starts no term stays a word.
    pub fn expand_words(&self, words: Vec<QueryWord>) -> Vec<QueryPart<'_>> {
        let mut parts = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let rest = &words[at..];
            // The longest match; on a tie, the group listed first.
            let mut best: Option<(usize, &SynonymGroup)> = None;
            for group in &self.groups {
                let len = group.matched_len(rest);
                if len > best.map_or(0, |(best_len, _)| best_len) {
                    best = Some((len, group));
                }
            }
            match best {
                Some((len, group)) => {
                    parts.push(QueryPart::Synonyms {
                        words: rest[..len].to_vec(),
                        group,
                    });
                    at += len;
                }
                None => {
                    parts.push(QueryPart::Word(rest[0].clone()));
                    at += 1;
                }
            }
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each part as the group id it expanded to, or the folded word.
    fn expanded(query: &str) -> Vec<String> {
        expand_query(query)
            .iter()
            .map(|part| match part {
                QueryPart::Word(word) => word.folded.clone(),
                QueryPart::Synonyms { group, .. } => format!("<{}>", group.id()),
            })
            .collect()
    }

    #[test]
    fn builtin_list_parses() {
        let synonyms = Synonyms::builtin();
        assert!(synonyms.groups().len() >= 15);
        for id in [
            "laos",
            "rubber",
            "steel",
            "logistics",
            "coffee",
            "cassava",
            "fertiliser",
        ] {
            assert!(synonyms.group(id).is_some(), "{id}");
        }
        for id in ["wood", "electricity"] {
            assert!(synonyms.group(id).is_some(), "{id}");
        }
    }

    #[test]
    fn synonyms_expand_rubber_cao_su_and_lao_rubber_to_one_group() {
        for query in ["rubber", "cao su", "Cao Su", "ຢາງພາລາ"] {
            assert_eq!(expanded(query), ["<rubber>"], "{query}");
        }
        let rubber = Synonyms::builtin().group("rubber").expect("rubber group");
        for term in ["rubber", "cao su", "ຢາງພາລາ"] {
            assert!(rubber.terms().iter().any(|t| t == term), "{term}");
        }
    }

    #[test]
    fn multi_word_synonyms_match_inside_a_longer_query() {
        assert_eq!(expanded("giá cao su hôm nay"), ["gia", "<rubber>", "hom", "nay"]);
        assert_eq!(expanded("ຂາຍຢາງພາລາ"), ["ຂາຍ", "<rubber>"]);
    }

    #[test]
    fn words_typed_without_diacritics_match_on_folded_form() {
        assert_eq!(expanded("thep"), ["<steel>"]);
        assert_eq!(expanded("ca phe lao"), ["<coffee>", "<laos>"]);
        assert_eq!(expanded("dien"), ["<electricity>"]);
    }

    #[test]
    fn words_typed_with_diacritics_must_carry_the_same_ones() {
        assert_eq!(expanded("sắn"), ["<cassava>"]);
        assert_eq!(expanded("sản xuất"), ["san", "xuat"]);
        assert_eq!(expanded("diễn đàn"), ["dien", "dan"]);
    }

    #[test]
    fn the_longest_term_wins() {
        assert_eq!(expanded("Lào Cai"), ["<lao-cai>"]);
        assert_eq!(expanded("Lào"), ["<laos>"]);
        assert_eq!(expanded("thủy điện"), ["<hydropower>"]);
        assert_eq!(expanded("ໝາກໄມ້"), ["<fruit>"]);
        assert_eq!(expanded("ໄມ້"), ["<wood>"]);
    }

    #[test]
    fn alternatives_list_every_spelling_of_the_group() {
        let parts = expand_query("phân bón");
        assert_eq!(parts.len(), 1);
        let alternatives = parts[0].alternatives();
        for term in ["fertiliser", "fertilizer", "phân bón", "ຝຸ່ນ"] {
            assert!(alternatives.contains(&term), "{term} in {alternatives:?}");
        }
    }

    #[test]
    fn a_spelling_in_two_groups_is_rejected() {
        let error = Synonyms::parse("a,x,y\nb,z,X\n").expect_err("X is in group a already");
        assert_eq!(error.line, 2);
    }

    #[test]
    fn a_group_with_one_term_is_rejected() {
        assert!(Synonyms::parse("# comment\nsolo,only\n").is_err());
    }
}
