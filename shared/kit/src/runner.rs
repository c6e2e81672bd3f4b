//! The `main` of every service binary: `serve` (the default) or `migrate`.

use std::io::Write as _;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::config::{self, CommonConfig};
use crate::db::DbSettings;
use crate::server::{self, Context, ServiceSpec, Services};
use crate::telemetry;

/// Command line of a service binary: common settings, the service's own, and a subcommand.
#[derive(Debug, Parser)]
#[command(version, about = None, long_about = None)]
pub struct Cli<A: Args> {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    common: CommonConfig,
    #[command(flatten)]
    service: A,
}

#[derive(Debug, Clone, Subcommand)]
enum Command {
    /// Serve gRPC until SIGTERM or SIGINT (the default).
    Serve,
    /// Apply this service's database migrations, then exit (a Kubernetes migration step).
    Migrate,
    /// Ask the service running on this host for its health (over TLS when it serves TLS) and
    /// exit 0 when it is SERVING: a Kubernetes exec probe.
    Probe {
        /// The health name to ask about: empty for the whole server, `liveness` for liveness.
        #[arg(long, default_value = "")]
        health: String,
    },
}

/// A service without settings of its own.
#[derive(Debug, Clone, Default, Args)]
pub struct NoServiceConfig {}

/// Parses configuration, starts telemetry and runs the chosen subcommand to completion.
/// `build` receives the service's own settings and returns its gRPC services.
pub fn main<A, B>(spec: ServiceSpec, build: B) -> ExitCode
where
    A: Args,
    B: FnOnce(&Context, A) -> anyhow::Result<Services>,
{
    let cli: Cli<A> = config::parse_or_exit();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!(
                "tessera-{}: cannot start the async runtime: {err}",
                spec.name
            );
            return ExitCode::FAILURE;
        }
    };
    if let Some(Command::Probe { health }) = &cli.command {
        return runtime.block_on(probe(&spec, &cli.common, health));
    }
    runtime.block_on(async move {
        let service_name = format!("tessera-{}", spec.name);
        let _telemetry = match telemetry::init(
            &service_name,
            cli.common.log_format,
            &cli.common.log_filter,
            cli.common.otlp_endpoint.as_deref(),
        ) {
            Ok(guard) => guard,
            Err(err) => {
                eprintln!("{service_name}: {err:#}");
                return ExitCode::from(2);
            }
        };
        let result = match cli.command.clone().unwrap_or(Command::Serve) {
            Command::Migrate => migrate(&spec, &cli.common).await,
            Command::Probe { .. } => unreachable!("answered before telemetry starts"),
            Command::Serve => {
                let service = cli.service;
                match server::bind(&cli.common, &spec).await {
                    Ok(listeners) => {
                        server::serve(
                            spec,
                            cli.common,
                            listeners,
                            server::termination_signal(),
                            |ctx| build(ctx, service),
                        )
                        .await
                    }
                    Err(err) => Err(err),
                }
            }
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                // One line, naming the setting at fault where there is one.
                eprintln!("{service_name}: {err:#}");
                ExitCode::FAILURE
            }
        }
    })
}

/// One line, and exit 0 only when SERVING (no logs: probes' output is kept by the kubelet).
async fn probe(spec: &ServiceSpec, common: &CommonConfig, health: &str) -> ExitCode {
    match crate::probe::check(common, spec, health).await {
        Ok(status) => {
            // The probe's answer is its output (kubelet keeps it with the probe's result).
            let _ = writeln!(
                std::io::stdout().lock(),
                "tessera-{} {:?}: {}",
                spec.name,
                health,
                status.as_str_name()
            );
            if status == tonic_health::pb::health_check_response::ServingStatus::Serving {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(err) => {
            eprintln!("tessera-{}: probe failed: {err:#}", spec.name);
            ExitCode::FAILURE
        }
    }
}

async fn migrate(spec: &ServiceSpec, common: &CommonConfig) -> anyhow::Result<()> {
    let settings = DbSettings::from_config(common, spec.name, spec.schema);
    let applied = crate::migrate::run(&settings, spec.migrations)
        .await
        .map_err(|err| {
            anyhow::anyhow!(
                "DATABASE_URL ({}): migrating schema {} failed: {err}",
                common.database_url.describe(),
                spec.schema
            )
        })?;
    tracing::info!(
        schema = spec.schema,
        applied = applied.len(),
        "migrations up to date"
    );
    Ok(())
}
