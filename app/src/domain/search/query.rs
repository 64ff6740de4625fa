//! Searching: what a user typed becomes a Tantivy query that never fails, the permission filter
//! is part of every query, and the hits come back as the listings readers see, with snippets and
//! facet counts. The search page and `GET /api/v1/search` both call [`search`].
//!
//! The query text: up to [`MAX_QUERY_BYTES`] (the rest is ignored), words (Lao runs cut by the
//! dictionary) grouped by the synonym list; every part must match (any of its spellings, in any
//! field, title above body, exact above folded); if that finds nothing, any part may match.
//! `"…"` marks a phrase; an unbalanced quote is ignored, and every other character is text (no
//! query syntax to get wrong). When that finds fewer than [`WIDEN_BELOW`] results, the search runs
//! again with the recall fallbacks: Latin words of 5+ letters also match at edit distance 1, and
//! Lao text also by its letter pairs.
//! An empty query browses everything, with facets.

use crate::i18n::Msg;
use std::collections::{HashMap, HashSet};
use std::ops::Bound;

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use tantivy::collector::{Count, FacetCollector, MultiCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, PhraseQuery,
    Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, Score, Searcher, TantivyDocument, Term};

use super::analysis::{token_texts, EN_STEM, LAO_BIGRAM, LAO_WORDS, VI_EXACT};
use super::docs;
use super::index::{Fields, Generation, SearchIndex, FACETS};
use super::synonyms::{expand_query, QueryPart};
use crate::domain::entities::{border_gate, hs_chapter, organisation, province};
use crate::domain::listings::browse::{self, gate_names, province_names};
use crate::domain::reference::Reference;
use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::{FacetCount, FacetGroup, ListingView, Names, SearchHit, SearchParams, SearchResults, SnippetPart};

/// Query text beyond this many bytes is ignored.
pub const MAX_QUERY_BYTES: usize = 10 * 1024;
/// Query parts beyond this many are ignored (a pasted page must not make a huge query).
pub const MAX_PARTS: usize = 32;
/// Hits per page by default, and at most.
pub const DEFAULT_LIMIT: usize = 20;
pub const MAX_LIMIT: usize = 100;
/// How deep the cursor may page.
pub const MAX_OFFSET: usize = 10_000;
/// A search finding fewer results than this runs again with the recall fallbacks (one typo in
/// Latin words, Lao letter pairs); with more, they would add cost and little else.
pub const WIDEN_BELOW: usize = 10;
/// Characters of a snippet.
const SNIPPET_CHARS: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    Relevance,
    Newest,
    /// Expiring soonest first.
    Expiring,
}

impl Sort {
    pub fn parse(code: &str) -> Option<Sort> {
        match code.trim() {
            "" | "relevance" => Some(Sort::Relevance),
            "newest" => Some(Sort::Newest),
            "expiring" => Some(Sort::Expiring),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Expiring => "expiring",
        }
    }
}

/// A search, checked.
#[derive(Clone, Debug)]
pub struct SearchRequest {
    pub text: String,
    /// `(facet, value)`: every one must hold.
    pub filters: Vec<(&'static str, String)>,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
}

impl SearchRequest {
    /// The text is never an error; an unknown sort, a bad cursor or limit are.
    pub fn from_params(params: &SearchParams) -> Result<SearchRequest, AppError> {
        let sort = Sort::parse(&params.sort).ok_or_else(|| AppError::invalid("sort", Msg::ErrChooseOne))?;
        let cursor = params.cursor.trim();
        let offset = if cursor.is_empty() {
            0
        } else {
            cursor
                .parse::<usize>()
                .ok()
                .filter(|o| *o <= MAX_OFFSET)
                .ok_or_else(|| AppError::invalid("cursor", Msg::ErrCursor))?
        };
        let limit = match params.limit {
            0 => DEFAULT_LIMIT,
            n if n as usize <= MAX_LIMIT => n as usize,
            _ => return Err(AppError::invalid("limit", Msg::ErrTooLarge)),
        };
        Ok(SearchRequest {
            text: truncate(&params.q, MAX_QUERY_BYTES).to_owned(),
            filters: params.facet_filters(),
            sort,
            offset,
            limit,
        })
    }

    pub fn text(text: &str) -> SearchRequest {
        SearchRequest {
            text: truncate(text, MAX_QUERY_BYTES).to_owned(),
            filters: Vec::new(),
            sort: Sort::Relevance,
            offset: 0,
            limit: DEFAULT_LIMIT,
        }
    }
}

/// The first `max` bytes of `text`, cut at a character boundary.
pub fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// One hit as the index has it.
#[derive(Clone, Debug)]
pub struct RawHit {
    pub entity: String,
    /// The id in the document key (a number, or a gate's id).
    pub key: String,
    pub id: i64,
    pub titles: Names,
    pub url: String,
    pub score: Score,
    pub snippet: Vec<SnippetPart>,
}

/// The index's answer: a page of hits, the total, and the facet counts over all results.
#[derive(Clone, Debug, Default)]
pub struct RawResults {
    pub hits: Vec<RawHit>,
    pub total: usize,
    /// `(facet, [(value, count)])`, values by count, most first.
    pub facets: Vec<(&'static str, Vec<(String, u64)>)>,
}

/// Field weights: a title match above a body match, the spelling typed above its folded form,
/// Lao words above Lao letter pairs.
fn weighted(fields: &Fields) -> Vec<(Field, &'static str, Score)> {
    let mut all = Vec::new();
    for (text, scale) in [(&fields.title, 2.0), (&fields.body, 1.0)] {
        for (field, analyzer) in text.each() {
            let weight = match analyzer {
                VI_EXACT => 1.25,
                EN_STEM => 0.75,
                LAO_BIGRAM => 0.3,
                _ => 1.0,
            };
            all.push((field, analyzer, weight * scale));
        }
    }
    all
}

pub(crate) fn is_lao(c: char) -> bool {
    ('\u{0E80}'..='\u{0EFF}').contains(&c)
}

/// One part of the query: its spellings (each searched as a phrase in every field), and the
/// folded word to match with typos, if it is a Latin word of 5+ letters.
struct Part {
    alternatives: Vec<String>,
    fuzzy: Option<String>,
}

/// The parts of the query text (see the module documentation).
fn parts(text: &str) -> Vec<Part> {
    let text: String = text
        .chars()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let balanced = text.matches('"').count().is_multiple_of(2);
    let mut parts = Vec::new();
    for (i, segment) in text.split('"').enumerate() {
        let phrase = balanced && i % 2 == 1;
        if phrase {
            if !segment.trim().is_empty() {
                parts.push(Part {
                    alternatives: vec![segment.to_owned()],
                    fuzzy: None,
                });
            }
            continue;
        }
        for part in expand_query(segment) {
            let fuzzy = match &part {
                QueryPart::Word(word)
                    if word.folded.chars().count() >= 5 && word.folded.chars().all(|c| c.is_ascii_alphabetic()) =>
                {
                    Some(word.folded.clone())
                }
                _ => None,
            };
            parts.push(Part {
                alternatives: part.alternatives().into_iter().map(str::to_owned).collect(),
                fuzzy,
            });
        }
    }
    parts.truncate(MAX_PARTS);
    parts
}

/// The text query, or `None` when the text has no words (browse everything then). `all`: every
/// part must match, else any. `wide`: also the recall fallbacks — Lao letter pairs and Latin words
/// one typo away — which cost the most (a phrase over pairs, a walk of the term dictionary).
pub fn text_query(generation: &Generation, text: &str, all: bool, wide: bool) -> Option<Box<dyn Query>> {
    let parts = parts(text);
    let fields = weighted(&generation.fields);
    let tokenizers = generation.index.tokenizers();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for part in &parts {
        let mut disjuncts: Vec<Box<dyn Query>> = Vec::new();
        let mut seen: HashSet<(Field, Vec<String>)> = HashSet::new();
        for alternative in &part.alternatives {
            let has_lao = alternative.chars().any(is_lao);
            let has_latin = alternative.chars().any(|c| c.is_alphanumeric() && !is_lao(c));
            for &(field, analyzer, weight) in &fields {
                if analyzer == LAO_BIGRAM && !wide {
                    continue;
                }
                let lao_field = analyzer == LAO_WORDS || analyzer == LAO_BIGRAM;
                if (lao_field && !has_lao) || (!lao_field && analyzer != super::analysis::VI_FOLDED && !has_latin) {
                    continue;
                }
                let Some(mut tokenizer) = tokenizers.get(analyzer) else {
                    continue;
                };
                let tokens = token_texts(&mut tokenizer, alternative);
                if tokens.is_empty() || !seen.insert((field, tokens.clone())) {
                    continue;
                }
                let query: Box<dyn Query> = if tokens.len() == 1 {
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, &tokens[0]),
                        IndexRecordOption::WithFreqs,
                    ))
                } else {
                    Box::new(PhraseQuery::new(
                        tokens.iter().map(|t| Term::from_field_text(field, t)).collect(),
                    ))
                };
                disjuncts.push(Box::new(BoostQuery::new(query, weight)));
            }
        }
        if let Some(word) = part.fuzzy.as_ref().filter(|_| wide) {
            for (field, weight) in [
                (generation.fields.title.folded, 0.8),
                (generation.fields.body.folded, 0.4),
            ] {
                let fuzzy = FuzzyTermQuery::new(Term::from_field_text(field, word), 1, true);
                disjuncts.push(Box::new(BoostQuery::new(Box::new(fuzzy), weight)));
            }
        }
        if !disjuncts.is_empty() {
            let occur = if all { Occur::Must } else { Occur::Should };
            clauses.push((occur, Box::new(DisjunctionMaxQuery::with_tie_breaker(disjuncts, 0.1))));
        }
    }
    (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
}

/// What everyone may see (public, not expired at `now_micros`) and the facet filters.
pub(crate) fn filter_clauses(
    fields: &Fields,
    filters: &[(&'static str, String)],
    now_micros: i64,
) -> Vec<(Occur, Box<dyn Query>)> {
    let constant = |query: Box<dyn Query>| -> (Occur, Box<dyn Query>) {
        (Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0)))
    };
    let mut clauses = vec![
        constant(Box::new(TermQuery::new(
            Term::from_field_text(fields.visibility, "public"),
            IndexRecordOption::Basic,
        ))),
        constant(Box::new(RangeQuery::new(
            Bound::Excluded(Term::from_field_i64(fields.expires_at, now_micros)),
            Bound::Unbounded,
        ))),
    ];
    for (name, value) in filters {
        // Every name comes from the fixed list; a value nobody has matches nothing.
        if let Some(field) = fields.facet(name) {
            let term = Term::from_facet(field, &Facet::from_path([value.as_str()]));
            clauses.push(constant(Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        }
    }
    clauses
}

/// Runs a search on one generation.
///
/// Facet counts are over the results, except for a facet the search filters on: its values are
/// counted over the results *without* that filter, so the alternatives to a chosen value (the
/// other countries, the other gates) stay visible with the number of results each would give.
pub fn run(generation: &Generation, request: &SearchRequest, now_micros: i64) -> tantivy::Result<RawResults> {
    let searcher = generation.reader.searcher();
    let filters = filter_clauses(&generation.fields, &request.filters, now_micros);
    let mut text = text_query(generation, &request.text, true, false);
    let mut results = run_query(generation, &searcher, request, text.as_deref(), &filters)?;
    if text.is_some() && results.total < WIDEN_BELOW {
        // Few results: add the recall fallbacks (typos, Lao letter pairs).
        text = text_query(generation, &request.text, true, true);
        results = run_query(generation, &searcher, request, text.as_deref(), &filters)?;
        if results.total == 0 && parts(&request.text).len() > 1 {
            // Nothing has every word: rank what has some of them.
            text = text_query(generation, &request.text, false, true);
            results = run_query(generation, &searcher, request, text.as_deref(), &filters)?;
        }
    }
    let selected: std::collections::BTreeSet<&'static str> = request.filters.iter().map(|(name, _)| *name).collect();
    for name in selected {
        let others: Vec<(&'static str, String)> = request.filters.iter().filter(|(n, _)| *n != name).cloned().collect();
        let filters = filter_clauses(&generation.fields, &others, now_micros);
        let query = combined(text.as_deref(), &filters);
        let mut collector = FacetCollector::for_field(format!("f_{name}"));
        collector.add_facet(Facet::root());
        let counts = facet_values(&searcher.search(&query, &collector)?);
        if let Some(group) = results.facets.iter_mut().find(|(n, _)| *n == name) {
            group.1 = counts;
        }
    }
    Ok(results)
}

/// The text query (or everything) under the filters.
fn combined(text: Option<&dyn Query>, filters: &[(Occur, Box<dyn Query>)]) -> BooleanQuery {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = filters.iter().map(|(o, q)| (*o, q.box_clone())).collect();
    clauses.push(match text {
        Some(text) => (Occur::Must, text.box_clone()),
        None => (Occur::Must, Box::new(AllQuery)),
    });
    BooleanQuery::new(clauses)
}

/// The values of a facet with their counts, most first.
fn facet_values(counts: &tantivy::collector::FacetCounts) -> Vec<(String, u64)> {
    let mut values: Vec<(String, u64)> = counts
        .get(Facet::root())
        .filter_map(|(facet, n)| facet.to_path().last().map(|v| ((*v).to_owned(), n)))
        .collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    values
}

fn run_query(
    generation: &Generation,
    searcher: &Searcher,
    request: &SearchRequest,
    text: Option<&dyn Query>,
    filters: &[(Occur, Box<dyn Query>)],
) -> tantivy::Result<RawResults> {
    let query = combined(text, filters);
    let mut multi = MultiCollector::new();
    let count = multi.add_collector(Count);
    let facet_handles: Vec<_> = FACETS
        .iter()
        .map(|name| {
            let mut collector = FacetCollector::for_field(format!("f_{name}"));
            collector.add_facet(Facet::root());
            (*name, multi.add_collector(collector))
        })
        .collect();
    let top = TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset);
    let (mut fruits, addresses): (_, Vec<(Score, DocAddress)>) = match request.sort {
        Sort::Relevance => {
            let handle = multi.add_collector(top.order_by_score());
            let mut fruits = searcher.search(&query, &multi)?;
            let top = handle.extract(&mut fruits);
            (fruits, top)
        }
        Sort::Newest | Sort::Expiring => {
            let (field, order) = if request.sort == Sort::Newest {
                ("published_at", Order::Desc)
            } else {
                ("expires_at", Order::Asc)
            };
            let handle = multi.add_collector(top.order_by_fast_field::<i64>(field, order));
            let mut fruits = searcher.search(&query, &multi)?;
            let top = handle.extract(&mut fruits);
            (fruits, top.into_iter().map(|(_, address)| (0.0, address)).collect())
        }
    };
    let total = count.extract(&mut fruits);
    let facets = facet_handles
        .into_iter()
        .map(|(name, handle)| (name, facet_values(&handle.extract(&mut fruits))))
        .collect();
    let snippets: Vec<SnippetGenerator> = match text {
        Some(text) => {
            let body = &generation.fields.body;
            [body.exact, body.folded, body.lao, body.bigram]
                .into_iter()
                .filter_map(|field| SnippetGenerator::create(searcher, text, field).ok())
                .map(|mut generator| {
                    generator.set_max_num_chars(SNIPPET_CHARS);
                    generator
                })
                .collect()
        }
        None => Vec::new(),
    };
    let mut hits = Vec::with_capacity(addresses.len());
    for (score, address) in addresses {
        let doc: TantivyDocument = searcher.doc(address)?;
        let key = doc
            .get_first(generation.fields.doc_key)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let (entity, key) = key.split_once(':').unwrap_or((key, ""));
        let stored = |field: Field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default();
        let id = doc
            .get_first(generation.fields.id)
            .and_then(|v| v.as_i64())
            .unwrap_or_default();
        let text = stored(generation.fields.snippet);
        hits.push(RawHit {
            entity: entity.to_owned(),
            key: key.to_owned(),
            id,
            titles: serde_json::from_str(stored(generation.fields.titles)).unwrap_or_default(),
            url: stored(generation.fields.url).to_owned(),
            score,
            snippet: snippet(&snippets, text),
        });
    }
    Ok(RawResults { hits, total, facets })
}

/// The best fragment of `text` for the query, its matches marked; else its beginning.
fn snippet(generators: &[SnippetGenerator], text: &str) -> Vec<SnippetPart> {
    for generator in generators {
        let snippet = generator.snippet(text);
        if snippet.highlighted().is_empty() {
            continue;
        }
        let fragment = snippet.fragment();
        let mut parts = Vec::new();
        let mut at = 0;
        for range in snippet.highlighted() {
            if range.start > at {
                parts.push(SnippetPart {
                    text: fragment[at..range.start].to_owned(),
                    hit: false,
                });
            }
            parts.push(SnippetPart {
                text: fragment[range.clone()].to_owned(),
                hit: true,
            });
            at = range.end;
        }
        if at < fragment.len() {
            parts.push(SnippetPart {
                text: fragment[at..].to_owned(),
                hit: false,
            });
        }
        return parts;
    }
    let start: String = text.chars().take(SNIPPET_CHARS).collect();
    if start.is_empty() {
        return Vec::new();
    }
    let more = start.len() < text.len();
    vec![SnippetPart {
        text: if more { format!("{start}…") } else { start },
        hit: false,
    }]
}

/// The search behind the search page and the API: hits as readers see them (checked against
/// the database once more, so a listing made private a moment ago is not shown), facet counts
/// with names in `lang`, and the next cursor.
pub async fn search(
    db: &impl ConnectionTrait,
    index: Option<&SearchIndex>,
    params: &SearchParams,
    lang: Lang,
) -> Result<SearchResults, AppError> {
    search_with(db, None, index, params, lang).await
}

/// [`search`], with the names of provinces, gates, zones and HS codes from memory when
/// `reference` is given (the search page passes the process's
/// [`ReferenceCache`](crate::domain::reference::ReferenceCache)): the hits then take three
/// database round trips instead of up to eleven in sequence (issue #11).
pub async fn search_with(
    db: &impl ConnectionTrait,
    reference: Option<&Reference>,
    index: Option<&SearchIndex>,
    params: &SearchParams,
    lang: Lang,
) -> Result<SearchResults, AppError> {
    let request = SearchRequest::from_params(params)?;
    let Some(generation) = index.and_then(SearchIndex::generation) else {
        return Ok(SearchResults {
            sort: request.sort.code().to_owned(),
            notice: Some("The search index is being built; results will appear in a moment.".to_owned()),
            ..SearchResults::default()
        });
    };
    let now = Utc::now();
    let raw = {
        let request = request.clone();
        tokio::task::spawn_blocking(move || run(&generation, &request, now.timestamp_micros()))
            .await
            .map_err(AppError::internal)?
            .map_err(AppError::internal)?
    };
    let hits = hits_for_readers(db, reference, raw.hits.clone(), lang, now).await?;
    let labels = match reference {
        Some(reference) => facet_labels_from(reference, &raw.facets, lang),
        None => facet_labels(db, &raw.facets, lang).await?,
    };
    let selected: HashSet<(&str, &str)> = request.filters.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let facets = raw
        .facets
        .iter()
        .map(|(name, values)| FacetGroup {
            name: (*name).to_owned(),
            values: values
                .iter()
                .map(|(value, count)| FacetCount {
                    value: value.clone(),
                    label: labels
                        .get(&(*name, value.clone()))
                        .cloned()
                        .unwrap_or_else(|| code_label(name, value, lang)),
                    count: *count,
                    selected: selected.contains(&(*name, value.as_str())),
                })
                .collect(),
        })
        .collect();
    let end = request.offset + request.limit;
    let next_cursor = (end < raw.total && end <= MAX_OFFSET).then(|| end.to_string());
    Ok(SearchResults {
        hits,
        facets,
        total: raw.total as u64,
        next_cursor,
        sort: request.sort.code().to_owned(),
        notice: None,
    })
}

/// The hits as readers see them, checked against the database once more (a listing or an
/// organisation made private since the index last heard of it is left out).
async fn hits_for_readers(
    db: &impl ConnectionTrait,
    reference: Option<&Reference>,
    raw: Vec<RawHit>,
    lang: Lang,
    now: chrono::DateTime<Utc>,
) -> Result<Vec<SearchHit>, AppError> {
    let ids_of = |entity: &str| -> Vec<i32> {
        raw.iter()
            .filter(|h| h.entity == entity)
            .filter_map(|h| h.key.parse::<i32>().ok())
            .collect()
    };
    let listing_ids = ids_of(docs::LISTING);
    let rows = browse::public_by_ids(db, &listing_ids, now).await?;
    let mut listings: HashMap<i32, ListingView> = browse::views_with(db, reference, rows, lang, &HashSet::new())
        .await?
        .into_iter()
        .map(|v| (v.id, v))
        .collect();
    let org_ids = ids_of(docs::ORGANISATION);
    let mut organisations: HashMap<i32, organisation::Model> = if org_ids.is_empty() {
        HashMap::new()
    } else {
        organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(org_ids))
            .filter(organisation::Column::Status.eq(crate::statuses::OrgStatus::Active))
            .all(db)
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect()
    };
    let gate_ids = raw.iter().filter(|h| h.entity == docs::GATE).map(|h| h.key.clone());
    let mut gates = match reference {
        Some(reference) => gate_ids
            .filter_map(|id| reference.gate(&id).cloned())
            .map(|g| (g.id.clone(), g))
            .collect(),
        None => docs::gates_by_id(db, gate_ids).await?,
    };
    use crate::i18n::t;
    let hits = raw
        .into_iter()
        .filter_map(|hit| {
            let base = SearchHit {
                entity: hit.entity.clone(),
                url: hit.url.clone(),
                score: hit.score,
                snippet: hit.snippet.clone(),
                ..SearchHit::default()
            };
            match hit.entity.as_str() {
                docs::LISTING => {
                    let listing = listings.remove(&hit.key.parse::<i32>().ok()?)?;
                    let (title, _) = crate::pages::listings::title_of(&listing, lang);
                    Some(SearchHit {
                        title,
                        url: format!("/listings/{}", listing.id),
                        subtitle: crate::vocab::label("kind", &listing.kind, lang),
                        listing: Some(listing),
                        ..base
                    })
                }
                docs::ORGANISATION => {
                    let org = organisations.remove(&hit.key.parse::<i32>().ok()?)?;
                    let subtitle = format!(
                        "{} · {}",
                        t(lang, crate::pages::orgs::kind_label(&org.kind)),
                        code_label("country", &org.country, lang)
                    );
                    Some(SearchHit {
                        title: org.name.clone(),
                        url: format!("/orgs/{}", org.slug),
                        subtitle,
                        organisation: Some(browse::org_ref(&org)),
                        ..base
                    })
                }
                docs::GATE => {
                    let gate = gates.remove(&hit.key)?;
                    let level = crate::model::GateLevel::parse(&gate.level)
                        .map(|l| t(lang, l.label()).to_owned())
                        .unwrap_or_default();
                    let subtitle = format!("{} · {level}", t(lang, crate::i18n::Msg::SearchHitGate));
                    Some(SearchHit {
                        title: gate_names(&gate).get(lang).to_owned(),
                        url: format!("/gates/{}", gate.id),
                        subtitle,
                        ..base
                    })
                }
                _ => None,
            }
        })
        .collect();
    Ok(hits)
}

/// Names of the facet values that are codes (kind, sector, country, verified, language).
pub(crate) fn code_label(facet: &str, value: &str, lang: Lang) -> String {
    use crate::i18n::{t, Msg};
    match (facet, value) {
        ("kind", "organisation") => t(lang, Msg::SearchKindOrganisation).to_owned(),
        ("kind", "gate") => t(lang, Msg::GatesLabel).to_owned(),
        ("kind", v) => crate::vocab::label("kind", v, lang),
        ("sector", v) => crate::vocab::label("sector", v, lang),
        ("country", "VN") => t(lang, Msg::Vietnam).to_owned(),
        ("country", "LA") => t(lang, Msg::Laos).to_owned(),
        ("verified", "true") => t(lang, Msg::VerifiedBadge).to_owned(),
        ("verified", "false") => t(lang, Msg::NotVerifiedMark).to_owned(),
        ("language", v) => Lang::parse(v)
            .map(|l| l.endonym().to_owned())
            .unwrap_or_else(|| v.to_owned()),
        (_, v) => v.to_owned(),
    }
}

/// [`facet_labels`] from the reference data in memory.
fn facet_labels_from(
    reference: &Reference,
    facets: &[(&'static str, Vec<(String, u64)>)],
    lang: Lang,
) -> HashMap<(&'static str, String), String> {
    let mut labels = HashMap::new();
    for (name, values) in facets {
        for (value, _) in values {
            let label = match *name {
                "province" => reference
                    .province(value)
                    .map(|p| province_names(p).get(lang).to_owned()),
                "gate" => reference.gate(value).map(|g| gate_names(g).get(lang).to_owned()),
                "hs_chapter" => reference.chapter(value).map(|c| {
                    let title = if lang == Lang::Vi { &c.title_vi } else { &c.title_en };
                    format!("{} – {title}", c.chapter)
                }),
                _ => None,
            };
            if let Some(label) = label {
                labels.insert((*name, value.clone()), label);
            }
        }
    }
    labels
}

/// Names of the province, gate and HS chapter facet values in `lang`.
async fn facet_labels(
    db: &impl ConnectionTrait,
    facets: &[(&'static str, Vec<(String, u64)>)],
    lang: Lang,
) -> Result<HashMap<(&'static str, String), String>, AppError> {
    let values = |name: &str| -> Vec<String> {
        facets
            .iter()
            .filter(|(n, _)| *n == name)
            .flat_map(|(_, v)| v.iter().map(|(value, _)| value.clone()))
            .collect()
    };
    let mut labels = HashMap::new();
    let provinces = values("province");
    if !provinces.is_empty() {
        for p in province::Entity::find()
            .filter(province::Column::Id.is_in(provinces))
            .all(db)
            .await?
        {
            labels.insert(("province", p.id.clone()), province_names(&p).get(lang).to_owned());
        }
    }
    let gates = values("gate");
    if !gates.is_empty() {
        for g in border_gate::Entity::find()
            .filter(border_gate::Column::Id.is_in(gates))
            .all(db)
            .await?
        {
            labels.insert(("gate", g.id.clone()), gate_names(&g).get(lang).to_owned());
        }
    }
    let chapters = values("hs_chapter");
    if !chapters.is_empty() {
        for c in hs_chapter::Entity::find()
            .filter(hs_chapter::Column::Chapter.is_in(chapters))
            .all(db)
            .await?
        {
            let title = if lang == Lang::Vi { c.title_vi } else { c.title_en };
            labels.insert(("hs_chapter", c.chapter.clone()), format!("{} – {title}", c.chapter));
        }
    }
    Ok(labels)
}
