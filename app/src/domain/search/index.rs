//! The search index on disk, kept in step with the database through the search outbox.
//!
//! Layout under `CORRIDOR_DATA_DIR/search/`: one directory per *generation* (a complete Tantivy
//! index, e.g. `g1764087000123-4242`) and a file `current` naming the generation in use, replaced
//! by a rename so a reader never sees half a pointer. A full rebuild ([`rebuild`]) writes a fresh
//! generation while the old one keeps answering, then swaps the pointer; a running server notices
//! the new pointer on its next outbox poll ([`SearchIndex::refresh`]).
//!
//! The document schema is one for every kind of searchable thing (listings, organisations and
//! border gates now; events and public MoUs later): a `doc_key` (`listing:42`, `gate:cau-treo`) to
//! delete by, the entity, its titles in three languages and its page (stored, for hits and
//! suggestions without a database trip), the text in one field per analyzer (title and body apart,
//! so a title match weighs more), facets, and the visibility and dates the query filters on. An
//! event is `entity = event`, `kind = event`, `published_at` its start and `expires_at` its end
//! (past events leave the default results like expired listings); a public MoU is `entity = mou`
//! with its parties' countries and sectors as facets; neither needs a schema change.
//!
//! Exactly-once: every change to a searchable row writes an outbox row in the same transaction.
//! [`SearchIndex::apply_outbox`] reads the rows after the index's *watermark*, loads the rows they
//! name (gone or not public → delete), replaces each document (delete by `doc_key`, then add) and
//! commits with the new watermark in the commit payload, in the same Tantivy commit as the
//! documents. After a crash the index reopens at its last commit and its payload, so the changes
//! since are applied again: nothing is lost, and replacing by key never duplicates.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::analysis::{self, EN_STEM, LAO_BIGRAM, LAO_WORDS, VI_EXACT, VI_FOLDED};
pub use super::docs::doc_key;
use super::docs::{self, SearchDoc};
use crate::domain::entities::{border_gate, listing, organisation, search_indexer, search_outbox, search_state};
use crate::domain::listings::browse::public_condition;
use crate::errors::AppError;

/// Bump when the schema changes: an index of another version is rebuilt at start-up.
pub const SCHEMA_VERSION: u32 = 2;
/// The pointer file naming the generation in use.
pub const CURRENT_FILE: &str = "current";
/// Outbox rows applied per commit.
pub const BATCH: u64 = 500;
/// An outbox id may be taken by a transaction that commits after a later one: a gap in the ids
/// is waited for this long before it is taken for a rolled-back transaction and passed over.
pub const GAP_GRACE: Duration = Duration::from_secs(5);
/// How often an idle index checks that the outbox was not pruned past it.
const BEHIND_CHECK: Duration = Duration::from_secs(10);
/// The `search_state` key of the highest outbox id pruned.
const PRUNED_THROUGH: &str = "pruned_through";
/// Memory of the index writer.
const WRITER_MEMORY: usize = 50_000_000;

/// The facets every document may carry, in the order of [`Fields::facets`] (the names the
/// search URL and the API use).
pub const FACETS: [&str; 8] = crate::model::FACET_NAMES;

/// The text of a document in one field per analyzer.
#[derive(Clone, Copy, Debug)]
pub struct TextFields {
    /// Vietnamese and any Latin text, lowercase without diacritics.
    pub folded: Field,
    /// The same with diacritics, boosted above folded.
    pub exact: Field,
    /// English, stemmed.
    pub stem: Field,
    /// Lao dictionary words (Latin words folded).
    pub lao: Field,
    /// Lao letter pairs: the recall fallback.
    pub bigram: Field,
}

impl TextFields {
    /// `(field, analyzer name)` of each.
    pub fn each(&self) -> [(Field, &'static str); 5] {
        [
            (self.folded, VI_FOLDED),
            (self.exact, VI_EXACT),
            (self.stem, EN_STEM),
            (self.lao, LAO_WORDS),
            (self.bigram, LAO_BIGRAM),
        ]
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// `kind:id`, e.g. `listing:42`: the key documents are replaced and deleted by.
    pub doc_key: Field,
    /// The id of the row within its table (stored; 0 for rows keyed by text, like gates).
    pub id: Field,
    /// What the document is: `listing`, `organisation`, `gate` (later `event`, `mou`).
    pub entity: Field,
    /// The title in each language, `{"vi":…,"lo":…,"en":…}` (stored only): what suggestions
    /// and hits show without a database round trip.
    pub titles: Field,
    /// The page of the thing (stored only), e.g. `/gates/cau-treo`.
    pub url: Field,
    pub title: TextFields,
    pub body: TextFields,
    /// The description shown in snippets (stored only).
    pub snippet: Field,
    /// One facet field per name of [`FACETS`].
    pub facets: [Field; 8],
    /// The row's own status, e.g. `published`.
    pub status: Field,
    /// `public`: who may see the document (the query requires it).
    pub visibility: Field,
    /// µs since the epoch; for sorting and, for expiry, filtering at query time.
    pub published_at: Field,
    pub expires_at: Field,
}

impl Fields {
    pub fn facet(&self, name: &str) -> Option<Field> {
        FACETS.iter().position(|f| *f == name).map(|i| self.facets[i])
    }
}

/// The schema, and its fields.
pub fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = |builder: &mut tantivy::schema::SchemaBuilder, prefix: &str| {
        let mut field = |analyzer: &str, suffix: &str| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            builder.add_text_field(
                &format!("{prefix}_{suffix}"),
                TextOptions::default().set_indexing_options(indexing),
            )
        };
        TextFields {
            folded: field(VI_FOLDED, "folded"),
            exact: field(VI_EXACT, "exact"),
            stem: field(EN_STEM, "stem"),
            lao: field(LAO_WORDS, "lao"),
            bigram: field(LAO_BIGRAM, "bigram"),
        }
    };
    let doc_key = builder.add_text_field("doc_key", STRING | STORED);
    let id = builder.add_i64_field("id", STORED | FAST);
    let entity = builder.add_text_field("entity", STRING | STORED);
    let titles = builder.add_text_field("titles", STORED);
    let url = builder.add_text_field("url", STORED);
    let title = text(&mut builder, "title");
    let body = text(&mut builder, "body");
    let snippet = builder.add_text_field("snippet", STORED);
    let facets = FACETS.map(|name| builder.add_facet_field(&format!("f_{name}"), FacetOptions::default()));
    let status = builder.add_text_field("status", STRING | STORED);
    let visibility = builder.add_text_field("visibility", STRING);
    let published_at = builder.add_i64_field("published_at", INDEXED | FAST | STORED);
    let expires_at = builder.add_i64_field("expires_at", INDEXED | FAST | STORED);
    let fields = Fields {
        doc_key,
        id,
        entity,
        titles,
        url,
        title,
        body,
        snippet,
        facets,
        status,
        visibility,
        published_at,
        expires_at,
    };
    (builder.build(), fields)
}

/// How a document is written into this index's schema (the document itself is `docs`').
impl SearchDoc {
    fn to_document(&self, fields: &Fields) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.doc_key, self.key());
        doc.add_i64(fields.id, self.id);
        doc.add_text(fields.entity, self.entity);
        doc.add_text(
            fields.titles,
            serde_json::to_string(&self.titles).expect("names serialise"),
        );
        doc.add_text(fields.url, &self.url);
        for (field, _) in fields.title.each() {
            doc.add_text(field, &self.title);
        }
        for (field, _) in fields.body.each() {
            doc.add_text(field, &self.body);
        }
        doc.add_text(fields.snippet, &self.snippet);
        doc.add_facet(
            fields.facet("kind").expect("kind facet"),
            tantivy::schema::Facet::from_path([self.kind.as_str()]),
        );
        for (name, value) in &self.facets {
            if let Some(field) = fields.facet(name) {
                if !value.is_empty() {
                    doc.add_facet(field, tantivy::schema::Facet::from_path([value.as_str()]));
                }
            }
        }
        doc.add_text(fields.status, &self.status);
        doc.add_text(fields.visibility, "public");
        doc.add_i64(fields.published_at, self.published_at);
        doc.add_i64(fields.expires_at, self.expires_at);
        doc
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    schema: u32,
    outbox_id: i64,
}

fn payload_of(index: &Index) -> tantivy::Result<Option<i64>> {
    let metas = index.load_metas()?;
    Ok(metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str::<Payload>(p).ok())
        .map(|p| p.outbox_id))
}

/// One complete index: a generation directory, open for reading and writing.
pub struct Generation {
    pub name: String,
    pub index: Index,
    pub reader: IndexReader,
    pub fields: Fields,
    writer: Mutex<IndexWriter>,
    /// The last outbox id the committed index reflects.
    watermark: AtomicI64,
}

impl Generation {
    fn create(dir: &Path, name: &str) -> tantivy::Result<Generation> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = schema();
        let index = Index::create_in_dir(dir, schema)?;
        Self::finish(index, fields, name, 0)
    }

    fn open(dir: &Path, name: &str) -> Result<Generation, String> {
        let index = Index::open_in_dir(dir).map_err(|e| format!("cannot open {}: {e}", dir.display()))?;
        let (schema, fields) = schema();
        let expected = serde_json::to_string(&schema).unwrap_or_default();
        let found = serde_json::to_string(&index.schema()).unwrap_or_default();
        if expected != found {
            return Err(format!("the index in {} has another schema", dir.display()));
        }
        let watermark = match payload_of(&index) {
            Ok(Some(id)) => id,
            Ok(None) => return Err(format!("the index in {} has no outbox position", dir.display())),
            Err(e) => return Err(format!("cannot read the commit of {}: {e}", dir.display())),
        };
        Self::finish(index, fields, name, watermark).map_err(|e| format!("cannot open {}: {e}", dir.display()))
    }

    fn finish(index: Index, fields: Fields, name: &str, watermark: i64) -> tantivy::Result<Generation> {
        analysis::register(index.tokenizers());
        let writer = index.writer_with_num_threads(1, WRITER_MEMORY)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        // Opening a searcher checks every segment file the commit names.
        let searcher = reader.searcher();
        for segment in searcher.segment_readers() {
            segment.get_store_reader(0)?;
        }
        Ok(Generation {
            name: name.to_owned(),
            index,
            reader,
            fields,
            writer: Mutex::new(writer),
            watermark: AtomicI64::new(watermark),
        })
    }

    pub fn watermark(&self) -> i64 {
        self.watermark.load(Ordering::SeqCst)
    }

    /// Documents visible to searches (committed, not deleted).
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Replaces (or deletes, for `None`) each document, without committing.
    pub fn stage(&self, changes: &[(String, Option<SearchDoc>)]) -> tantivy::Result<()> {
        let writer = self.writer.lock().expect("index writer lock");
        for (key, doc) in changes {
            writer.delete_term(Term::from_field_text(self.fields.doc_key, key));
            if let Some(doc) = doc {
                writer.add_document(doc.to_document(&self.fields))?;
            }
        }
        Ok(())
    }

    /// Commits what is staged with `watermark` in the commit payload, and makes it searchable.
    pub fn commit(&self, watermark: i64) -> tantivy::Result<()> {
        let mut writer = self.writer.lock().expect("index writer lock");
        let mut commit = writer.prepare_commit()?;
        let payload = Payload {
            schema: SCHEMA_VERSION,
            outbox_id: watermark,
        };
        commit.set_payload(&serde_json::to_string(&payload).expect("payload serialises"));
        commit.commit()?;
        drop(writer);
        self.watermark.store(watermark, Ordering::SeqCst);
        self.reader.reload()
    }

    /// Drops what is staged and not committed.
    pub fn rollback(&self) -> tantivy::Result<()> {
        self.writer.lock().expect("index writer lock").rollback()?;
        Ok(())
    }
}

/// Outbox rows after `watermark`, and the watermark to store once they are applied: past every
/// row that follows without a gap, and past a gap once it is older than [`GAP_GRACE`].
pub async fn pending(
    db: &impl ConnectionTrait,
    watermark: i64,
    limit: u64,
) -> Result<(Vec<search_outbox::Model>, i64), AppError> {
    let rows = search_outbox::Entity::find()
        .filter(search_outbox::Column::Id.gt(watermark))
        .order_by_asc(search_outbox::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let grace = chrono::Duration::from_std(GAP_GRACE).expect("small duration");
    let settled = Utc::now() - grace;
    let mut next = watermark;
    for row in &rows {
        if row.id == next + 1 || row.created_at <= settled {
            next = row.id;
        } else {
            break;
        }
    }
    Ok((rows, next))
}

/// The changes a batch of outbox rows makes: one per document key, last op wins (the document
/// is read from the database as it is now anyway). Rows of unknown entities are passed over.
pub async fn changes_of(
    db: &impl ConnectionTrait,
    rows: &[search_outbox::Model],
) -> Result<Vec<(String, Option<SearchDoc>)>, AppError> {
    let mut listings: Vec<i32> = Vec::new();
    let mut organisations: Vec<i32> = Vec::new();
    let mut gates: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for row in rows {
        if !seen.insert((row.entity.as_str(), row.entity_id.as_str())) {
            continue;
        }
        match row.entity.as_str() {
            docs::LISTING => listings.extend(row.entity_id.parse::<i32>().ok()),
            docs::ORGANISATION => organisations.extend(row.entity_id.parse::<i32>().ok()),
            docs::GATE => gates.push(row.entity_id.clone()),
            _ => {}
        }
    }
    let mut changes = Vec::with_capacity(seen.len());
    for chunk in listings.chunks(500) {
        changes.extend(docs::listing_docs(db, chunk).await?);
    }
    for chunk in organisations.chunks(500) {
        changes.extend(docs::organisation_docs(db, chunk).await?);
    }
    for chunk in gates.chunks(500) {
        changes.extend(docs::gate_docs(db, chunk).await?);
    }
    Ok(changes)
}

/// What one call of [`SearchIndex::apply_outbox`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub rows: usize,
    pub documents: usize,
    pub watermark: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index: {0}")]
    Io(#[from] std::io::Error),
    #[error("search index: {0}")]
    App(#[from] AppError),
    #[error("search index: {0}")]
    Db(#[from] sea_orm::DbErr),
    #[error("search index: {0}")]
    Other(String),
    /// Outbox rows this index had not applied were pruned: it must be rebuilt.
    #[error(
        "search index: outbox rows after {watermark} up to {pruned_through} were pruned before this index applied them"
    )]
    Behind { watermark: i64, pruned_through: i64 },
}

/// The search index of one server: the generation in use (none while the first build runs).
pub struct SearchIndex {
    root: PathBuf,
    current: RwLock<Option<Arc<Generation>>>,
    /// One outbox application at a time.
    applying: tokio::sync::Mutex<()>,
    /// When an idle index last checked that the outbox was not pruned past it.
    behind_checked: Mutex<Instant>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("root", &self.root)
            .field("generation", &self.generation().map(|g| g.name.clone()))
            .finish()
    }
}

/// The generation the pointer file names, if any.
pub fn current_name(root: &Path) -> std::io::Result<Option<String>> {
    match std::fs::read_to_string(root.join(CURRENT_FILE)) {
        Ok(name) => {
            let name = name.trim().to_owned();
            let safe = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            Ok(safe.then_some(name))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn write_current(root: &Path, name: &str) -> std::io::Result<()> {
    let tmp = root.join(format!("{CURRENT_FILE}.tmp-{}", std::process::id()));
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(name.as_bytes())?;
        file.sync_all()?;
    }
    std::fs::rename(&tmp, root.join(CURRENT_FILE))?;
    if let Ok(dir) = std::fs::File::open(root) {
        dir.sync_all().ok();
    }
    Ok(())
}

fn new_generation_name() -> String {
    format!(
        "g{}-{}",
        Utc::now().timestamp_micros(),
        uuid::Uuid::new_v4().simple().to_string().get(..8).unwrap_or("0")
    )
}

impl SearchIndex {
    /// Opens the generation `root/current` names. `Err` says why it cannot be used (missing,
    /// corrupt, another schema): rebuild then.
    pub fn open(root: &Path) -> Result<SearchIndex, String> {
        let name = current_name(root)
            .map_err(|e| format!("cannot read {}: {e}", root.join(CURRENT_FILE).display()))?
            .ok_or_else(|| format!("no index in {}", root.display()))?;
        let generation = Generation::open(&root.join(&name), &name)?;
        Ok(SearchIndex {
            root: root.to_owned(),
            current: RwLock::new(Some(Arc::new(generation))),
            applying: tokio::sync::Mutex::new(()),
            behind_checked: Mutex::new(Instant::now()),
        })
    }

    /// A new, empty generation at outbox position 0 (the whole outbox is applied next), made
    /// current.
    pub fn create(root: &Path) -> Result<SearchIndex, SearchError> {
        std::fs::create_dir_all(root)?;
        let name = new_generation_name();
        let generation = Generation::create(&root.join(&name), &name)?;
        generation.commit(0)?;
        write_current(root, &name)?;
        Ok(SearchIndex {
            root: root.to_owned(),
            current: RwLock::new(Some(Arc::new(generation))),
            applying: tokio::sync::Mutex::new(()),
            behind_checked: Mutex::new(Instant::now()),
        })
    }

    /// An index with no generation yet: searches answer with a notice until [`Self::refresh`]
    /// finds one (e.g. after [`rebuild`]).
    pub fn empty(root: &Path) -> SearchIndex {
        SearchIndex {
            root: root.to_owned(),
            current: RwLock::new(None),
            applying: tokio::sync::Mutex::new(()),
            behind_checked: Mutex::new(Instant::now()),
        }
    }

    /// Opens the index, or rebuilds it from the database when it cannot be opened (logging why).
    pub async fn open_or_rebuild(db: &impl ConnectionTrait, root: &Path) -> Result<SearchIndex, SearchError> {
        match SearchIndex::open(root) {
            Ok(index) => Ok(index),
            Err(why) => {
                tracing::warn!("search index: {why}; rebuilding it from the database");
                let index = SearchIndex::empty(root);
                index.rebuild(db, &mut |_, _| {}).await?;
                Ok(index)
            }
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The generation in use.
    pub fn generation(&self) -> Option<Arc<Generation>> {
        self.current.read().expect("generation lock").clone()
    }

    /// Rebuilds into a fresh generation and swaps it in.
    pub async fn rebuild(
        &self,
        db: &impl ConnectionTrait,
        progress: &mut (dyn FnMut(u64, u64) + Send),
    ) -> Result<RebuildReport, SearchError> {
        let report = rebuild(db, &self.root, progress).await?;
        self.refresh()?;
        Ok(report)
    }

    /// Switches to the generation the pointer file names when it is another one (a rebuild by
    /// `corridor reindex`), and removes generations older than the one replaced.
    pub fn refresh(&self) -> Result<bool, SearchError> {
        let Some(name) = current_name(&self.root)? else {
            return Ok(false);
        };
        let loaded = self.generation();
        if loaded.as_ref().is_some_and(|g| g.name == name) {
            return Ok(false);
        }
        let generation = Generation::open(&self.root.join(&name), &name).map_err(SearchError::Other)?;
        tracing::info!(generation = %name, documents = generation.num_docs(), "search index: switched generation");
        *self.current.write().expect("generation lock") = Some(Arc::new(generation));
        // Keep the replaced generation (searches may still read it); older ones go.
        let keep: Vec<String> = loaded.iter().map(|g| g.name.clone()).chain([name.clone()]).collect();
        let oldest_kept = keep.iter().min().cloned().unwrap_or_default();
        if let Ok(entries) = std::fs::read_dir(&self.root) {
            for entry in entries.flatten() {
                let file_name = entry.file_name().to_string_lossy().into_owned();
                if file_name.starts_with('g') && file_name < oldest_kept && entry.path().is_dir() {
                    std::fs::remove_dir_all(entry.path()).ok();
                }
            }
        }
        Ok(true)
    }

    /// Applies the outbox rows after the watermark, at most `batch` of them, in one commit.
    pub async fn apply_outbox(&self, db: &impl ConnectionTrait, batch: u64) -> Result<Applied, SearchError> {
        let _one = self.applying.lock().await;
        let Some(generation) = self.generation() else {
            return Ok(Applied::default());
        };
        let watermark = generation.watermark();
        let (rows, next) = pending(db, watermark, batch).await?;
        // A hole right after the watermark is a rolled-back transaction, or rows pruned before
        // this index applied them (then it has missed changes).
        let hole = rows.first().is_some_and(|r| r.id > watermark + 1);
        let idle_check = rows.is_empty() && self.behind_checked.lock().expect("lock").elapsed() >= BEHIND_CHECK;
        if hole || idle_check {
            *self.behind_checked.lock().expect("lock") = Instant::now();
            let pruned_through = pruned_through(db).await?;
            if pruned_through > watermark {
                return Err(SearchError::Behind {
                    watermark,
                    pruned_through,
                });
            }
        }
        if rows.is_empty() {
            return Ok(Applied {
                watermark,
                ..Applied::default()
            });
        }
        let changes = changes_of(db, &rows).await?;
        let documents = changes.len();
        let staged = generation.clone();
        let result = tokio::task::spawn_blocking(move || -> tantivy::Result<()> {
            if let Err(e) = staged.stage(&changes) {
                staged.rollback().ok();
                return Err(e);
            }
            staged.commit(next)
        })
        .await
        .map_err(|e| SearchError::Other(e.to_string()))?;
        result?;
        Ok(Applied {
            rows: rows.len(),
            documents,
            watermark: next,
        })
    }

    /// Applies batches until the outbox is caught up (or only unsettled gaps remain).
    pub async fn catch_up(&self, db: &impl ConnectionTrait) -> Result<Applied, SearchError> {
        let mut total = Applied::default();
        loop {
            let applied = self.apply_outbox(db, BATCH).await?;
            let moved = applied.watermark != total.watermark;
            total.rows += applied.rows;
            total.documents += applied.documents;
            total.watermark = applied.watermark;
            if applied.rows < BATCH as usize || !moved {
                return Ok(total);
            }
        }
    }
}

/// What a rebuild did.
#[derive(Clone, Debug)]
pub struct RebuildReport {
    pub generation: String,
    pub documents: u64,
    pub watermark: i64,
    pub elapsed: Duration,
}

/// Rebuilds the index from the database into a fresh generation under `root`, then points
/// `current` at it. Searches of a running server keep reading the old generation meanwhile.
/// `progress(done, total)` is called after each batch of documents.
pub async fn rebuild(
    db: &impl ConnectionTrait,
    root: &Path,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> Result<RebuildReport, SearchError> {
    let started = Instant::now();
    std::fs::create_dir_all(root)?;
    // Changes from here on are applied again by the outbox tailer (replacing is idempotent). An
    // outbox row younger than the grace may belong to a transaction not visible yet: start before.
    let snapshot_at: DateTime<Utc> = Utc::now() - chrono::Duration::from_std(GAP_GRACE).expect("small duration");
    let watermark = search_outbox::Entity::find()
        .filter(search_outbox::Column::CreatedAt.lte(snapshot_at))
        .order_by_desc(search_outbox::Column::Id)
        .one(db)
        .await?
        .map_or(0, |row| row.id)
        // Pruned rows were committed long before: the database read below reflects them.
        .max(pruned_through(db).await?);
    let name = new_generation_name();
    let dir = root.join(&name);
    let generation = Generation::create(&dir, &name)?;
    let now = Utc::now();
    let listings = listing::Entity::find().filter(public_condition(now)).count(db).await?;
    let organisations = organisation::Entity::find()
        .filter(organisation::Column::Status.eq(crate::statuses::OrgStatus::Active))
        .count(db)
        .await?;
    let gates = border_gate::Entity::find().count(db).await?;
    let total = listings + organisations + gates;
    let mut done = 0u64;
    let mut after = 0i32;
    loop {
        // By primary key alone, then the public check on the batch: with the public condition
        // in the query SQLite sorted every public row for each batch (quadratic, bench-search).
        let rows = listing::Entity::find()
            .filter(listing::Column::Id.gt(after))
            .order_by_asc(listing::Column::Id)
            .limit(BATCH)
            .all(db)
            .await?;
        let Some(last) = rows.last() else { break };
        after = last.id;
        let rows = crate::domain::listings::browse::public_only(db, rows, now).await?;
        let count = rows.len() as u64;
        let docs: BTreeMap<i32, SearchDoc> = docs::listing_docs_of(db, rows).await?.into_iter().collect();
        generation.stage(&docs.into_values().map(|d| (d.key(), Some(d))).collect::<Vec<_>>())?;
        done += count;
        progress(done, total.max(done));
    }
    let mut after = 0i32;
    loop {
        let rows = organisation::Entity::find()
            .filter(organisation::Column::Status.eq(crate::statuses::OrgStatus::Active))
            .filter(organisation::Column::Id.gt(after))
            .order_by_asc(organisation::Column::Id)
            .limit(BATCH)
            .all(db)
            .await?;
        let Some(last) = rows.last() else { break };
        after = last.id;
        let docs: BTreeMap<i32, SearchDoc> = docs::organisation_docs_of(db, &rows).await?.into_iter().collect();
        generation.stage(&docs.into_values().map(|d| (d.key(), Some(d))).collect::<Vec<_>>())?;
        done += rows.len() as u64;
        progress(done, total.max(done));
    }
    let rows = border_gate::Entity::find().all(db).await?;
    let docs: BTreeMap<String, SearchDoc> = docs::gate_docs_of(db, &rows).await?.into_iter().collect();
    generation.stage(&docs.into_values().map(|d| (d.key(), Some(d))).collect::<Vec<_>>())?;
    done += rows.len() as u64;
    progress(done, total.max(done));
    let generation = tokio::task::spawn_blocking(move || -> tantivy::Result<Generation> {
        generation.commit(watermark)?;
        Ok(generation)
    })
    .await
    .map_err(|e| SearchError::Other(e.to_string()))??;
    let documents = generation.num_docs();
    let Generation { writer, .. } = generation;
    let writer = writer.into_inner().expect("index writer lock");
    tokio::task::spawn_blocking(move || writer.wait_merging_threads())
        .await
        .map_err(|e| SearchError::Other(e.to_string()))??;
    write_current(root, &name)?;
    Ok(RebuildReport {
        generation: name,
        documents,
        watermark,
        elapsed: started.elapsed(),
    })
}

/// The highest outbox id pruned so far (0: none).
pub async fn pruned_through(db: &impl ConnectionTrait) -> Result<i64, AppError> {
    Ok(search_state::Entity::find_by_id(PRUNED_THROUGH.to_owned())
        .one(db)
        .await?
        .map_or(0, |row| row.value))
}

/// Records how far this server's index is, so the outbox is not pruned past it.
pub async fn register(db: &impl ConnectionTrait, name: &str, generation: &Generation) -> Result<(), AppError> {
    use sea_orm::sea_query::OnConflict;
    use sea_orm::ActiveValue::Set;
    let row = search_indexer::ActiveModel {
        name: Set(name.to_owned()),
        watermark: Set(generation.watermark()),
        generation: Set(generation.name.clone()),
        documents: Set(i64::try_from(generation.num_docs()).unwrap_or(i64::MAX)),
        seen_at: Set(Utc::now()),
    };
    search_indexer::Entity::insert(row)
        .on_conflict(
            OnConflict::column(search_indexer::Column::Name)
                .update_columns([
                    search_indexer::Column::Watermark,
                    search_indexer::Column::Generation,
                    search_indexer::Column::Documents,
                    search_indexer::Column::SeenAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// What [`prune`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pruned {
    /// Outbox rows deleted.
    pub rows: u64,
    /// Every row up to this id is gone now.
    pub through: i64,
    /// Indexers seen within the retention window (the others rebuild when they come back).
    pub live_indexers: usize,
}

/// Deletes the outbox rows every indexer seen within `retention` has applied, and every row
/// older than `retention` (an indexer that far behind rebuilds from the database).
pub async fn prune(db: &sea_orm::DatabaseConnection, retention: Duration) -> Result<Pruned, AppError> {
    let now = Utc::now();
    let window = chrono::Duration::from_std(retention).unwrap_or(chrono::Duration::days(7));
    let since = now - window;
    let live = search_indexer::Entity::find()
        .filter(search_indexer::Column::SeenAt.gte(since))
        .all(db)
        .await?;
    let passed_by_all = live.iter().map(|i| i.watermark).min().unwrap_or(0);
    let too_old = search_outbox::Entity::find()
        .filter(search_outbox::Column::CreatedAt.lt(since))
        .order_by_desc(search_outbox::Column::Id)
        .one(db)
        .await?
        .map_or(0, |row| row.id);
    let through = passed_by_all.max(too_old);
    let txn = crate::domain::db::begin_write(db).await?;
    let before = pruned_through(&txn).await?;
    if through <= before {
        txn.commit().await?;
        return Ok(Pruned {
            rows: 0,
            through: before,
            live_indexers: live.len(),
        });
    }
    let deleted = search_outbox::Entity::delete_many()
        .filter(search_outbox::Column::Id.lte(through))
        .exec(&txn)
        .await?
        .rows_affected;
    use sea_orm::sea_query::OnConflict;
    use sea_orm::ActiveValue::Set;
    search_state::Entity::insert(search_state::ActiveModel {
        key: Set(PRUNED_THROUGH.to_owned()),
        value: Set(through),
    })
    .on_conflict(
        OnConflict::column(search_state::Column::Key)
            .update_column(search_state::Column::Value)
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    txn.commit().await?;
    Ok(Pruned {
        rows: deleted,
        through,
        live_indexers: live.len(),
    })
}
