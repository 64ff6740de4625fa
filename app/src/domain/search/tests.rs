//! End to end: an in-RAM index with one field per analyzer, a Lao and a Vietnamese document, and
//! the queries users type.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, QueryParser, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING};
use tantivy::{doc, Index, IndexReader, TantivyDocument, Term};

use super::analysis::{self, token_texts, EN_STEM, LAO_BIGRAM, LAO_WORDS, VI_EXACT, VI_FOLDED};
use super::synonyms::expand_query;

const LAO_LISTING: &str = "ບໍລິສັດຂາຍຢາງພາລາຄຸນນະພາບສູງ ແລະ ກາເຟ ຈາກ ຫນອງບົກ";
const VIETNAMESE_LISTING: &str = "Cao su tự nhiên và thép xây dựng từ Đà Nẵng";

struct TestIndex {
    index: Index,
    reader: IndexReader,
    id: Field,
    /// `(field, analyzer name)` for every searchable field.
    text_fields: Vec<(Field, &'static str)>,
}

impl TestIndex {
    /// Every document's text goes into one field per analyzer, as a multilingual listing would.
    fn with_listings(listings: &[(&str, &str)]) -> TestIndex {
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING | STORED);
        let text_fields: Vec<(Field, &'static str)> = analysis::ALL
            .iter()
            .map(|&name| {
                let indexing = TextFieldIndexing::default()
                    .set_tokenizer(name)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions);
                let options = TextOptions::default().set_indexing_options(indexing);
                (schema.add_text_field(name, options), name)
            })
            .collect();
        let index = Index::create_in_ram(schema.build());
        analysis::register(index.tokenizers());
        let mut writer = index
            .writer_with_num_threads::<TantivyDocument>(1, 15_000_000)
            .expect("in-RAM writer");
        for &(listing_id, text) in listings {
            let mut document = doc!(id => listing_id);
            for &(field, _) in &text_fields {
                document.add_text(field, text);
            }
            writer.add_document(document).expect("add document");
        }
        writer.commit().expect("commit");
        let reader = index.reader().expect("reader");
        TestIndex {
            index,
            reader,
            id,
            text_fields,
        }
    }

    fn field(&self, analyzer: &str) -> Field {
        self.text_fields
            .iter()
            .find(|(_, name)| *name == analyzer)
            .map(|&(field, _)| field)
            .expect("a field per analyzer")
    }

    fn ids(&self, query: &dyn Query) -> Vec<String> {
        let searcher = self.reader.searcher();
        let hits = searcher
            .search(query, &TopDocs::with_limit(10).order_by_score())
            .expect("search");
        let mut ids: Vec<String> = hits
            .into_iter()
            .map(|(_, address)| {
                let document: TantivyDocument = searcher.doc(address).expect("stored document");
                let id = document.get_first(self.id).and_then(|value| value.as_str());
                id.expect("every document has an id").to_owned()
            })
            .collect();
        ids.sort();
        ids
    }

    /// The query parser on one analyzer's field, as a search box would use it.
    fn parsed(&self, analyzer: &str, query: &str) -> Vec<String> {
        let parser = QueryParser::for_index(&self.index, vec![self.field(analyzer)]);
        let query = parser.parse_query(query).expect("valid query");
        self.ids(&*query)
    }

    /// The text as one term or phrase on a field, from the field's analyzer output.
    fn phrase(&self, analyzer: &str, text: &str) -> Option<Box<dyn Query>> {
        let field = self.field(analyzer);
        let mut tokenizer = self.index.tokenizers().get(analyzer).expect("registered");
        let mut terms: Vec<Term> = token_texts(&mut tokenizer, text)
            .iter()
            .map(|token| Term::from_field_text(field, token))
            .collect();
        match terms.len() {
            0 => None,
            1 => Some(Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::WithFreqs))),
            _ => Some(Box::new(PhraseQuery::new(terms))),
        }
    }

    /// A query built the way the search issue will: every part of the expanded query must match,
    /// each through any of its alternatives on any field.
    fn expanded(&self, query: &str) -> Vec<String> {
        let parts: Vec<(Occur, Box<dyn Query>)> = expand_query(query)
            .iter()
            .map(|part| {
                let alternatives: Vec<(Occur, Box<dyn Query>)> = part
                    .alternatives()
                    .into_iter()
                    .flat_map(|text| {
                        self.text_fields
                            .iter()
                            .filter_map(move |&(_, analyzer)| self.phrase(analyzer, text))
                    })
                    .map(|query| (Occur::Should, query))
                    .collect();
                let part: Box<dyn Query> = Box::new(BooleanQuery::new(alternatives));
                (Occur::Must, part)
            })
            .collect();
        self.ids(&BooleanQuery::new(parts))
    }
}

fn listings() -> TestIndex {
    TestIndex::with_listings(&[("lao", LAO_LISTING), ("vi", VIETNAMESE_LISTING)])
}

#[test]
fn thep_without_accent_finds_the_vietnamese_listing_through_folded() {
    let index = listings();
    assert_eq!(index.parsed(VI_FOLDED, "thep"), ["vi"]);
    assert_eq!(index.parsed(VI_FOLDED, "da nang"), ["vi"]);
    assert!(index.parsed(VI_EXACT, "thep").is_empty());
    assert_eq!(index.parsed(VI_EXACT, "thép"), ["vi"]);
}

#[test]
fn cao_su_finds_cao_su_tu_nhien_through_folded() {
    let index = listings();
    assert_eq!(index.parsed(VI_FOLDED, "\"cao su\""), ["vi"]);
    assert_eq!(index.parsed(VI_FOLDED, "\"CAO SU\""), ["vi"]);
}

#[test]
fn lao_rubber_is_found_inside_the_unspaced_lao_listing() {
    let index = listings();
    assert_eq!(index.parsed(LAO_WORDS, "ຢາງພາລາ"), ["lao"]);
    assert_eq!(index.parsed(LAO_BIGRAM, "ຢາງພາລາ"), ["lao"]);
    assert_eq!(index.parsed(LAO_WORDS, "ກາເຟ"), ["lao"]);
}

#[test]
fn lao_place_name_is_found_whichever_way_ho_no_is_typed() {
    let index = listings();
    // The listing spells ຫນອງບົກ with two letters; the query uses the ligature.
    assert_eq!(index.parsed(LAO_WORDS, "ໜອງບົກ"), ["lao"]);
    assert_eq!(index.parsed(LAO_BIGRAM, "ໜອງ"), ["lao"]);
}

#[test]
fn decomposed_query_finds_the_composed_listing() {
    let index = listings();
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("thép").collect();
    assert_eq!(
        index.phrase(VI_EXACT, &nfd).map(|q| index.ids(&*q)),
        Some(vec!["vi".into()])
    );
}

#[test]
fn english_stemmed_field_matches_singular_and_plural() {
    let index = TestIndex::with_listings(&[("en", "Fertilisers and steel exporters")]);
    assert_eq!(index.parsed(EN_STEM, "fertiliser"), ["en"]);
    assert_eq!(index.parsed(EN_STEM, "exporter"), ["en"]);
}

#[test]
fn rubber_finds_both_listings_through_synonyms() {
    let index = listings();
    assert_eq!(index.expanded("rubber"), ["lao", "vi"]);
    assert_eq!(index.expanded("cao su"), ["lao", "vi"]);
    assert_eq!(index.expanded("ຢາງພາລາ"), ["lao", "vi"]);
    assert_eq!(index.expanded("steel"), ["vi"]);
    assert_eq!(index.expanded("coffee"), ["lao"]);
}
