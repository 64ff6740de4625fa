//! Suggestions as you type: titles that complete what the reader has typed so far, to open
//! directly from under the search box (the `SearchBox` island, `GET /api/v1/search/suggest`).
//!
//! The text is cut at its last space: the words before it must match as in search
//! ([`text_query`]: every word, any field, synonyms and typos); the last, partial word must be
//! the beginning of a word — folded for Latin script ("cau tr" → Cầu Treo, "thep" → thép), of a
//! Lao dictionary word or of a Lao run, or a run of Lao letter pairs. Documents whose *title* has
//! the partial word come first, then those with it only in their body text. Only what everyone
//! may see (the search filter: public, not expired), at most `limit` distinct titles, read from
//! the stored fields alone: no database round trip.

use std::collections::HashSet;

use chrono::Utc;
use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query,
    TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::{DocAddress, Score, Searcher, TantivyDocument, Term};

use super::analysis::{token_texts, LAO_BIGRAM, LAO_WORDS, VI_EXACT, VI_FOLDED};
use super::index::{Generation, SearchIndex, TextFields};
use super::query::{code_label, filter_clauses, is_lao, text_query, truncate};
use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::{Names, Suggestion};

/// Suggestions by default, and at most.
pub const DEFAULT_LIMIT: usize = 8;
pub const MAX_LIMIT: usize = 20;
/// Shorter text gets no suggestions (one letter would match half the index).
pub const MIN_CHARS: usize = 2;
/// Text beyond this many bytes is ignored (the search box takes 500 characters).
pub const MAX_TEXT_BYTES: usize = 2048;
/// Index terms one partial word may stand for, per field and segment.
const MAX_EXPANSIONS: u32 = 1000;
/// Candidates read per pass, per suggestion asked for (several documents may share a title).
const CANDIDATES_PER_SUGGESTION: usize = 3;

/// The suggestions for `text` in `lang` from one generation of the index, best first.
///
/// Never fails on what was typed; an index that cannot be read gives no suggestions (logged).
pub fn suggest(generation: &Generation, text: &str, lang: Lang, limit: usize) -> Vec<Suggestion> {
    let limit = limit.clamp(1, MAX_LIMIT);
    let text = clean(text);
    if text.chars().count() < MIN_CHARS {
        return Vec::new();
    }
    match find(generation, &text, lang, limit, Utc::now().timestamp_micros()) {
        Ok(found) => found,
        Err(error) => {
            tracing::warn!(%error, "search suggestions failed");
            Vec::new()
        }
    }
}

/// [`suggest`] on the index in use, off the async runtime: what both adapters (the server
/// function and the API) call. No index yet (being built): no suggestions.
pub async fn suggestions(
    index: Option<&SearchIndex>,
    text: &str,
    lang: Lang,
    limit: usize,
) -> Result<Vec<Suggestion>, AppError> {
    let text = clean(text);
    if text.chars().count() < MIN_CHARS {
        return Ok(Vec::new());
    }
    let Some(generation) = index.and_then(SearchIndex::generation) else {
        return Ok(Vec::new());
    };
    tokio::task::spawn_blocking(move || suggest(&generation, &text, lang, limit))
        .await
        .map_err(AppError::internal)
}

/// The text to suggest for: at most [`MAX_TEXT_BYTES`], control characters as spaces, trimmed.
fn clean(text: &str) -> String {
    truncate(text, MAX_TEXT_BYTES)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The words typed before the last space, and the last (partial) word without quotes.
fn split_partial(text: &str) -> (&str, String) {
    let (earlier, last) = text.rsplit_once(char::is_whitespace).unwrap_or(("", text));
    let partial = last
        .chars()
        .filter(|c| !matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}'))
        .collect();
    (earlier.trim(), partial)
}

/// The partial word as the beginning of a word in `fields` (title or body), `None` when it has
/// no letters or digits. Every match scores `weight` (a constant: ranking comes from the title
/// pass and the earlier words).
fn prefix_query(generation: &Generation, fields: &TextFields, partial: &str, weight: Score) -> Option<Box<dyn Query>> {
    let tokenizers = generation.index.tokenizers();
    let tokens_of = |analyzer: &str| {
        tokenizers
            .get(analyzer)
            .map(|mut tokenizer| token_texts(&mut tokenizer, partial))
            .unwrap_or_default()
    };
    let constant = |query: Box<dyn Query>, scale: Score| -> Box<dyn Query> {
        Box::new(ConstScoreQuery::new(query, weight * scale))
    };
    let mut disjuncts: Vec<Box<dyn Query>> = Vec::new();
    let folded = tokens_of(VI_FOLDED);
    // The spelling typed (with its diacritics) ranks above its folded form.
    let mut prefixes = vec![
        (fields.folded, folded.clone(), 1.0),
        (fields.exact, tokens_of(VI_EXACT), 1.1),
    ];
    if partial.chars().any(is_lao) {
        prefixes.push((fields.lao, tokens_of(LAO_WORDS), 1.0));
    }
    for (field, tokens, scale) in prefixes {
        if tokens.is_empty() || (field == fields.exact && tokens == folded) {
            continue;
        }
        let terms = tokens.iter().map(|t| Term::from_field_text(field, t)).collect();
        let mut query = PhrasePrefixQuery::new(terms);
        query.set_max_expansions(MAX_EXPANSIONS);
        disjuncts.push(constant(Box::new(query), scale));
    }
    // A Lao word cut where the dictionary would not cut it: its letter pairs, in order,
    // anywhere in a Lao run.
    if partial.chars().any(is_lao) {
        let pairs = tokens_of(LAO_BIGRAM);
        let query: Option<Box<dyn Query>> = match pairs.len() {
            0 => None,
            1 => Some(Box::new(TermQuery::new(
                Term::from_field_text(fields.bigram, &pairs[0]),
                IndexRecordOption::Basic,
            ))),
            _ => Some(Box::new(PhraseQuery::new(
                pairs.iter().map(|t| Term::from_field_text(fields.bigram, t)).collect(),
            ))),
        };
        disjuncts.extend(query.map(|q| constant(q, 0.8)));
    }
    (!disjuncts.is_empty()).then(|| Box::new(DisjunctionMaxQuery::new(disjuncts)) as Box<dyn Query>)
}

fn find(
    generation: &Generation,
    text: &str,
    lang: Lang,
    limit: usize,
    now_micros: i64,
) -> tantivy::Result<Vec<Suggestion>> {
    let (earlier, partial) = split_partial(text);
    let fields = &generation.fields;
    let earlier = text_query(generation, earlier, true, false);
    let in_title = prefix_query(generation, &fields.title, &partial, 3.0);
    let in_body = prefix_query(generation, &fields.body, &partial, 1.0);
    // The partial word completed in a title first; then in the body text. With no usable
    // partial word (punctuation), the earlier words alone.
    let passes: Vec<Option<Box<dyn Query>>> = match (in_title, in_body) {
        (Some(title), Some(body)) => vec![Some(title), Some(body)],
        (Some(title), None) => vec![Some(title)],
        (None, Some(body)) => vec![Some(body)],
        (None, None) if earlier.is_some() => vec![None],
        (None, None) => return Ok(Vec::new()),
    };
    // A full word typed as the partial one: titles that have that very word rank first among
    // the titles that complete it (BM25 prefers the shorter title).
    let whole_word: Option<Box<dyn Query>> = generation
        .index
        .tokenizers()
        .get(VI_FOLDED)
        .map(|mut tokenizer| token_texts(&mut tokenizer, &partial))
        .filter(|tokens| tokens.len() == 1)
        .map(|tokens| {
            let term = Term::from_field_text(fields.title.folded, &tokens[0]);
            Box::new(BoostQuery::new(
                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                0.5,
            )) as Box<dyn Query>
        });
    let searcher = generation.reader.searcher();
    let mut seen_docs: HashSet<DocAddress> = HashSet::new();
    let mut seen_titles: HashSet<String> = HashSet::new();
    let mut found = Vec::new();
    for prefix in passes {
        let mut clauses = filter_clauses(fields, &[], now_micros);
        if let Some(earlier) = &earlier {
            clauses.push((Occur::Must, earlier.box_clone()));
        }
        if let Some(prefix) = prefix {
            clauses.push((Occur::Must, prefix));
        }
        if let Some(whole_word) = &whole_word {
            clauses.push((Occur::Should, whole_word.box_clone()));
        }
        let query = BooleanQuery::new(clauses);
        let top = searcher.search(
            &query,
            &TopDocs::with_limit(limit * CANDIDATES_PER_SUGGESTION).order_by_score(),
        )?;
        for (_, address) in top {
            if found.len() >= limit {
                return Ok(found);
            }
            if !seen_docs.insert(address) {
                continue;
            }
            let suggestion = read(generation, &searcher, address, lang)?;
            if suggestion.title.trim().is_empty() || !seen_titles.insert(suggestion.title.to_lowercase()) {
                continue;
            }
            found.push(suggestion);
        }
    }
    Ok(found)
}

/// A suggestion from the stored fields of one document and its kind facet.
fn read(generation: &Generation, searcher: &Searcher, address: DocAddress, lang: Lang) -> tantivy::Result<Suggestion> {
    let fields = &generation.fields;
    let doc: TantivyDocument = searcher.doc(address)?;
    let stored = |field: tantivy::schema::Field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default();
    let titles: Names = serde_json::from_str(stored(fields.titles)).unwrap_or_default();
    let entity = stored(fields.entity).to_owned();
    let facets = searcher.segment_reader(address.segment_ord).facet_reader("f_kind")?;
    let kind = match facets.facet_ords(address.doc_id).next() {
        Some(ord) => {
            let mut facet = Facet::root();
            facets.facet_from_ord(ord, &mut facet)?;
            facet.to_path().last().map(|k| (*k).to_owned())
        }
        None => None,
    }
    .unwrap_or_else(|| entity.clone());
    Ok(Suggestion {
        title: titles.get(lang).trim().to_owned(),
        url: stored(fields.url).to_owned(),
        kind: code_label("kind", &kind, lang),
        entity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::search::docs::SearchDoc;

    /// An index in a temporary directory, removed when dropped.
    struct TempIndex {
        dir: std::path::PathBuf,
        index: SearchIndex,
    }

    impl Drop for TempIndex {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }

    fn doc(entity: &'static str, key: &str, kind: &str, titles: [&str; 3], body: &str) -> SearchDoc {
        let titles = Names {
            vi: titles[0].to_owned(),
            lo: titles[1].to_owned(),
            en: titles[2].to_owned(),
        };
        SearchDoc {
            entity,
            id: key.parse().unwrap_or(0),
            key_id: key.to_owned(),
            titles: titles.clone(),
            url: format!("/{entity}s/{key}"),
            kind: kind.to_owned(),
            title: [titles.vi, titles.lo, titles.en].join("\n"),
            body: body.to_owned(),
            snippet: String::new(),
            facets: Vec::new(),
            status: "published".to_owned(),
            published_at: 0,
            expires_at: i64::MAX,
        }
    }

    fn index_of(docs: Vec<SearchDoc>) -> TempIndex {
        let dir = std::env::temp_dir().join(format!("corridor-suggest-{}", uuid::Uuid::new_v4().simple()));
        let index = SearchIndex::create(&dir).expect("index");
        let generation = index.generation().expect("generation");
        let changes: Vec<(String, Option<SearchDoc>)> = docs.into_iter().map(|d| (d.key(), Some(d))).collect();
        generation.stage(&changes).expect("stage");
        generation.commit(1).expect("commit");
        TempIndex { dir, index }
    }

    fn demo() -> TempIndex {
        let mut expired = doc("listing", "9", "commodity", ["Cao su cũ", "", "Old rubber lot"], "");
        expired.expires_at = 1;
        index_of(vec![
            doc(
                "listing",
                "1",
                "commodity",
                [
                    "Cao su tấm xông khói RSS3 từ Attapeu",
                    "ຢາງພາລາແຜ່ນຮົມຄວັນ RSS3 ຈາກອັດຕະປື",
                    "Natural rubber RSS3 sheets from Attapeu",
                ],
                "Smoked sheets, monthly.",
            ),
            doc(
                "listing",
                "2",
                "commodity",
                [
                    "Thép cuộn cán nóng SS400",
                    "ເຫຼັກມ້ວນຮີດຮ້ອນ SS400",
                    "Hot-rolled steel coil SS400",
                ],
                "Delivered through the Cầu Treo gate.",
            ),
            doc(
                "listing",
                "3",
                "commodity",
                ["", "", "Dried cassava chips"],
                "Tapioca, cao nguyên.",
            ),
            doc(
                "gate",
                "cau-treo",
                "gate",
                ["Cầu Treo – Nam Phao", "ກ່າວເຈາະ – ນ້ຳພາວ", "Cau Treo – Nam Phao"],
                "Hà Tĩnh, Bolikhamxay",
            ),
            expired,
        ])
    }

    fn titles(index: &TempIndex, text: &str, lang: Lang) -> Vec<String> {
        let generation = index.index.generation().expect("generation");
        suggest(&generation, text, lang, DEFAULT_LIMIT)
            .into_iter()
            .map(|s| s.title)
            .collect()
    }

    #[test]
    fn suggest_completes_the_last_word_without_diacritics() {
        let index = demo();
        assert_eq!(titles(&index, "cau tr", Lang::Vi)[0], "Cầu Treo – Nam Phao");
        assert_eq!(titles(&index, "thep", Lang::Vi), ["Thép cuộn cán nóng SS400"]);
        assert_eq!(titles(&index, "thé", Lang::En), ["Hot-rolled steel coil SS400"]);
        assert_eq!(
            titles(&index, "Natural rub", Lang::En),
            ["Natural rubber RSS3 sheets from Attapeu"]
        );
    }

    #[test]
    fn suggest_ranks_titles_above_body_text() {
        let index = demo();
        // "cao" begins a word of the rubber offer's title, and of the cassava offer's body only.
        assert_eq!(
            titles(&index, "cao", Lang::En),
            ["Natural rubber RSS3 sheets from Attapeu", "Dried cassava chips"]
        );
        // The gate's title first, then the listing that names the gate in its description.
        assert_eq!(
            titles(&index, "cau tre", Lang::En),
            ["Cau Treo – Nam Phao", "Hot-rolled steel coil SS400"]
        );
    }

    #[test]
    fn suggest_completes_lao_words_and_lao_runs() {
        let index = demo();
        let rubber = "ຢາງພາລາແຜ່ນຮົມຄວັນ RSS3 ຈາກອັດຕະປື";
        for text in ["ຢາງ", "ຢາງພາ", "ຢາງພາລ", "ແຜ່ນຮົມ"] {
            assert_eq!(titles(&index, text, Lang::Lo), [rubber], "{text}");
        }
        assert_eq!(titles(&index, "ເຫຼັກມ້", Lang::Lo), ["ເຫຼັກມ້ວນຮີດຮ້ອນ SS400"]);
    }

    #[test]
    fn suggest_shows_the_readers_language_else_another() {
        let index = demo();
        let found = suggest(&index.index.generation().expect("generation"), "cassa", Lang::Vi, 8);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title, "Dried cassava chips");
        assert_eq!(found[0].url, "/listings/3");
        assert_eq!(found[0].entity, "listing");
        assert_eq!(found[0].kind, "Hàng hóa");
        let gate = suggest(&index.index.generation().expect("generation"), "nam ph", Lang::En, 8);
        assert_eq!(gate[0].url, "/gates/cau-treo");
        assert_eq!(gate[0].kind, "Border gates");
    }

    #[test]
    fn suggest_ignores_short_odd_and_expired_input() {
        let index = demo();
        assert!(titles(&index, "c", Lang::En).is_empty());
        assert!(titles(&index, " t ", Lang::En).is_empty());
        assert!(titles(&index, "old rub", Lang::En).is_empty(), "expired");
        assert!(titles(&index, "!!", Lang::En).is_empty());
        for text in [
            "\"cau tr",
            "cau \"tr",
            "((( AND title:",
            "ste\u{0}el\u{7}",
            &"cao su ".repeat(2000),
            &"x".repeat(10_240),
        ] {
            titles(&index, text, Lang::En);
        }
        assert_eq!(
            titles(&index, "\"cau tr", Lang::En),
            ["Cau Treo – Nam Phao", "Hot-rolled steel coil SS400"]
        );
        let generation = index.index.generation().expect("generation");
        assert_eq!(suggest(&generation, "ca", Lang::En, 1).len(), 1);
        assert!(suggest(&generation, "ca", Lang::En, 1000).len() <= MAX_LIMIT);
    }
}
