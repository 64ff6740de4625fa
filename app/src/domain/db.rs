//! Opening the database: SQLite (embedded default) or PostgreSQL, chosen by the URL.
use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};
use std::time::Duration;

/// Connections of a SQLite pool. sea-orm 2 opens SQLite pools with ONE connection unless told
/// otherwise, so every page waited for every other page's queries (issue #11: `/listings` at
/// 201 req/s, p50 237 ms at 50 connections). In WAL mode readers never block each other nor the
/// writer; SQLite still allows one writer at a time, which [`begin_write`] and the busy timeout
/// take care of.
pub const SQLITE_POOL_SIZE: u32 = 8;

/// Opens a pool. SQLite files are created if missing and opened in WAL mode with a busy
/// timeout and foreign keys enforced.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        // sqlx pings every connection it hands out (a round trip per query: to the server on
        // PostgreSQL, to the connection's worker thread on SQLite). Only a connection idle long
        // enough to have been dropped by the server or a proxy is worth checking (issue #11).
        .test_before_acquire_if_idle_for(Duration::from_secs(30))
        .sqlx_logging(false);
    if url.starts_with("sqlite:") {
        options.map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true)
        });
        // An in-memory database exists once per connection: a pool of several would be several
        // databases.
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        options.max_connections(if in_memory { 1 } else { SQLITE_POOL_SIZE });
    } else {
        options.max_connections(16);
    }
    Database::connect(options).await
}

/// Starts a transaction that will write. On SQLite it is `BEGIN IMMEDIATE`: a deferred
/// transaction starts as a reader and, in WAL mode, fails at once with SQLITE_BUSY ("database is
/// locked", the busy timeout is not applied) when it tries to write after another connection
/// committed since its first read. An immediate one takes the write lock up front, waiting up
/// to the busy timeout for it, so concurrent writers queue instead of failing. On PostgreSQL it
/// is a plain `BEGIN` (the mode is ignored there); inside a transaction, a savepoint.
pub async fn begin_write<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Serialises transactions that check-then-insert under the same `key` (e.g. picking a free
/// slug): on PostgreSQL a transaction-scoped advisory lock, held until commit or rollback;
/// on SQLite nothing, because a [`begin_write`] transaction already holds the one write lock.
pub async fn serialise_on(txn: &impl ConnectionTrait, key: i64) -> Result<(), DbErr> {
    if txn.get_database_backend() == DbBackend::Postgres {
        txn.execute_raw(sea_orm::Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [key.into()],
        ))
        .await?;
    }
    Ok(())
}

/// Advisory lock keys of [`serialise_on`].
pub const LOCK_ORGANISATION_SLUG: i64 = 0x636f_7272_0001;
/// One listing's photo count and insert (plus the listing id).
pub const LOCK_LISTING_PHOTOS: i64 = 0x636f_7272_1000_0000;
/// One poster's board notices (plus the user id).
pub const LOCK_BOARD_POSTER: i64 = 0x636f_7272_2000_0000;

/// Applies pending migrations.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// Migrations that exist in the code but are not applied to this database.
pub async fn pending_migrations(db: &DatabaseConnection) -> Result<usize, DbErr> {
    Ok(Migrator::get_pending_migrations(db).await?.len())
}

/// True when the database answers a trivial query.
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    db.execute_unprepared("SELECT 1").await.map(|_| ())
}

pub fn backend_name(db: &DatabaseConnection) -> &'static str {
    match db.get_database_backend() {
        DbBackend::Sqlite => "sqlite",
        DbBackend::Postgres => "postgres",
        _ => "other",
    }
}
