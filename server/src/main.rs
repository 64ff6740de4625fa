//! `corridor`: the server and its maintenance commands.
use app::state::AppState;
use clap::{Parser, Subcommand};
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;
use server::config::Config;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(
    name = "corridor",
    version,
    about = "Corridor — Vietnam–Laos trade and investment portal"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal (the default): applies pending migrations first unless CORRIDOR_AUTO_MIGRATE=false.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load reference data and demo content (idempotent: running it twice changes nothing).
    Seed,
    /// Create the first platform administrator (confirmed). The password is read from standard
    /// input, so it never shows in a process list or shell history.
    CreateAdmin {
        #[arg(long)]
        email: String,
    },
    /// Import listings from a CSV file into an organisation: the whole file is checked first and
    /// written in one transaction, or nothing is written (problems are listed by line and column).
    /// `corridor import routes --template` prints the header and an example row.
    Import {
        /// commodities, opportunities or routes
        kind: String,
        /// The CSV file (UTF-8, with or without BOM).
        file: Option<std::path::PathBuf>,
        /// The organisation (its slug, as in /orgs/<slug>) the listings belong to.
        #[arg(long)]
        org: Option<String>,
        /// Print the CSV template of KIND and exit.
        #[arg(long)]
        template: bool,
        /// Save the listings as drafts instead of publishing them.
        #[arg(long)]
        draft: bool,
    },
    /// Rebuild the search index from the database into a fresh directory, then swap it in
    /// atomically (a running server switches to it within a second and answers meanwhile from
    /// the old one). Progress on standard error.
    Reindex,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("corridor: {err}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_new(&config.log_filter).unwrap_or_else(|_| EnvFilter::new("info")))
        .with_target(false)
        // Logs go to standard error; standard output stays free for command output.
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            tracing::error!("cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command.unwrap_or(Command::Serve), config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("{err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn open_database(config: &Config) -> anyhow::Result<DatabaseConnection> {
    app::domain::db::connect(&config.database_url)
        .await
        .map_err(|err| anyhow::anyhow!("cannot open the database {}: {err}", config.redacted_database_url()))
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    if let Command::Import {
        kind, template: true, ..
    } = &command
    {
        let kind = parse_kind(kind)?;
        print!("{}", app::domain::listings::csv_io::template(kind));
        return Ok(());
    }
    let db = open_database(&config).await?;
    match command {
        Command::Migrate => {
            app::domain::db::migrate(&db).await?;
            tracing::info!("migrations applied");
        }
        Command::Seed => {
            app::domain::db::migrate(&db).await?;
            let report = app::domain::seed::seed(&db).await?;
            let listings = app::domain::seed::seed_demo_listings(&db).await?;
            let reference = app::domain::reference::Reference::load(&db).await?;
            let notices = app::domain::board::seed_demo(&db, &reference)
                .await
                .map_err(|e| anyhow::anyhow!("demo board notices: {e:?}"))?;
            tracing::info!(
                ?report,
                demo_listings = listings,
                demo_notices = notices,
                "seed complete"
            );
        }
        Command::CreateAdmin { email } => {
            app::domain::db::migrate(&db).await?;
            let password = read_password()?;
            match app::domain::accounts::create_admin(&db, &email, &password).await {
                Ok(admin) => tracing::info!(email = %admin.email, "administrator created"),
                Err(app::errors::AppError::Invalid { field, message }) => {
                    anyhow::bail!("{field}: {}", message.text(app::i18n::Lang::En));
                }
                Err(err) => anyhow::bail!("{err}"),
            }
        }
        Command::Import {
            kind, file, org, draft, ..
        } => {
            app::domain::db::migrate(&db).await?;
            let kind = parse_kind(&kind)?;
            let file =
                file.ok_or_else(|| anyhow::anyhow!("give the CSV file: corridor import KIND FILE --org SLUG"))?;
            let org = org.ok_or_else(|| anyhow::anyhow!("give the organisation: --org SLUG"))?;
            let rules = app::domain::listings::Rules {
                hold_unverified: config.hold_unverified_listings,
            };
            server::cli_import::run(&db, kind, &file, &org, draft, rules).await?;
        }
        Command::Reindex => {
            app::domain::db::migrate(&db).await?;
            let root = config.data_dir.join("search");
            let report = server::workers::reindex(&db, &root).await?;
            tracing::info!(
                generation = %report.generation,
                documents = report.documents,
                outbox_id = report.watermark,
                seconds = report.elapsed.as_secs_f64(),
                "search index rebuilt in {}",
                root.display()
            );
        }
        Command::Serve => serve(db, config).await?,
    }
    Ok(())
}

fn parse_kind(kind: &str) -> anyhow::Result<app::domain::listings::Kind> {
    app::domain::listings::Kind::parse(kind)
        .ok_or_else(|| anyhow::anyhow!("KIND is commodities, opportunities or routes (not {kind:?})"))
}

/// The first line of standard input (prompting when it is a terminal, without echo support:
/// pipe the password in, e.g. from a password manager).
fn read_password() -> anyhow::Result<String> {
    use std::io::{BufRead, IsTerminal, Write};
    if std::io::stdin().is_terminal() {
        eprint!("Password for the new administrator: ");
        std::io::stderr().flush().ok();
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        anyhow::bail!("no password on standard input");
    }
    Ok(password)
}

fn leptos_options(config: &Config) -> anyhow::Result<LeptosOptions> {
    let mut options = leptos::config::get_configuration(None)?.leptos_options;
    options.site_addr = config.site_addr;
    options.site_root = config.site_root.to_string_lossy().as_ref().into();
    // site-builder (and cargo-leptos) write hash.txt next to the binary when they hash file names.
    if let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|p| p.to_owned()))
    {
        if dir.join(&*options.hash_file).exists() {
            options.hash_files = true;
        }
    }
    Ok(options)
}

async fn serve(db: DatabaseConnection, config: Config) -> anyhow::Result<()> {
    if config.auto_migrate {
        app::domain::db::migrate(&db).await?;
    }
    match &config.smtp {
        Some(smtp) => {
            let mailer = server::mailer::Mailer::new(smtp, &config.mail_from)?;
            server::mailer::spawn(db.clone(), mailer);
            tracing::info!("mail: sending the outbox through {smtp} as {}", config.mail_from);
        }
        None => tracing::info!("mail: CORRIDOR_SMTP_URL is not set; mails stay in the outbox (/admin/mailbox)"),
    }
    let search_root = config.data_dir.join("search");
    std::fs::create_dir_all(&search_root).ok();
    let settings = server::workers::SearchSettings::new(
        config.search_indexer.clone(),
        &search_root,
        config.search_outbox_retention,
    );
    tracing::info!(indexer = %settings.indexer, "search: indexing as");
    let search = server::workers::start_search(db.clone(), search_root, settings).await;
    let state = AppState {
        db,
        leptos_options: leptos_options(&config)?,
        public_origin: config.public_origin.clone(),
        data_dir: config.data_dir.clone(),
        listing_rules: app::domain::listings::Rules {
            hold_unverified: config.hold_unverified_listings,
        },
        search: Some(search),
        reference: Default::default(),
    };
    server::workers::spawn_expiry_reminders(state.db.clone(), state.public_origin.clone());
    server::workers::spawn_search_alerts(state.db.clone(), state.search.clone(), state.public_origin.clone());
    let router = server::build_router(state, &config);
    let listener = tokio::net::TcpListener::bind(config.site_addr)
        .await
        .map_err(|err| anyhow::anyhow!("cannot listen on {}: {err}", config.site_addr))?;
    tracing::info!(
        "Corridor listening on http://{} (database {})",
        config.site_addr,
        config.redacted_database_url()
    );
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
