//! How every service starts, serves and stops.
//!
//! Start-up: bind (health answers NOT_SERVING at once) -> wait for the database -> apply the
//! schema's migrations -> SERVING. While running, a monitor pings the database and flips health
//! to NOT_SERVING during an outage and back afterwards. On SIGTERM or SIGINT: NOT_SERVING ->
//! stop accepting -> let in-flight calls finish within the grace period -> close the pool.

mod context;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use diesel_migrations::EmbeddedMigrations;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tonic::transport::server::TcpIncoming;
use tonic_health::ServingStatus;
use tonic_health::server::HealthReporter;

pub use context::{Context, Services};

use crate::config::CommonConfig;
use crate::db::{ConnectFailure, Db, DbSettings};
use crate::metrics::Metrics;
use crate::notify::Notifier;
use crate::rpc_layer::RpcLayer;

/// Health name for liveness probes: SERVING while the process runs, whatever the database
/// does, so an outage makes pods unready (the overall `""` status) but never restarts them.
pub const LIVENESS: &str = "liveness";

/// How often the database is pinged to keep the health status true.
const HEALTH_PROBE_INTERVAL: Duration = Duration::from_secs(2);

/// What makes one service itself.
#[derive(Clone, Copy)]
pub struct ServiceSpec {
    /// Short name: `identity`, `vault-storage`, ...
    pub name: &'static str,
    /// The Postgres schema it owns.
    pub schema: &'static str,
    /// That schema's migrations.
    pub migrations: &'static EmbeddedMigrations,
    /// The port it listens on unless `TESSERA_GRPC_PORT` says otherwise.
    pub default_port: u16,
}

impl std::fmt::Debug for ServiceSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceSpec")
            .field("name", &self.name)
            .field("schema", &self.schema)
            .field("default_port", &self.default_port)
            .finish_non_exhaustive()
    }
}

/// Health status for every served name, plus the overall `""`.
#[derive(Debug, Clone)]
struct Health {
    reporter: HealthReporter,
    names: Vec<&'static str>,
}

impl Health {
    async fn set(&self, status: ServingStatus) {
        self.reporter.set_service_status("", status).await;
        for name in &self.names {
            self.reporter.set_service_status(*name, status).await;
        }
    }
}

/// The sockets a service listens on.
#[derive(Debug)]
pub struct Listeners {
    /// gRPC.
    pub grpc: TcpListener,
    /// Prometheus metrics, when configured.
    pub metrics: Option<TcpListener>,
}

/// Binds the configured addresses; a failure names the setting.
pub async fn bind(config: &CommonConfig, spec: &ServiceSpec) -> anyhow::Result<Listeners> {
    let addr = SocketAddr::new(
        config.grpc_host,
        config.grpc_port.unwrap_or(spec.default_port),
    );
    let grpc = TcpListener::bind(addr).await.with_context(|| {
        format!("configuration error: TESSERA_GRPC_HOST/TESSERA_GRPC_PORT: cannot listen on {addr}")
    })?;
    let metrics = match config.metrics_port {
        Some(port) => Some(crate::metrics::bind(config.grpc_host, port).await?),
        None => None,
    };
    Ok(Listeners { grpc, metrics })
}

/// Serves `spec` on `listeners` until `shutdown` resolves, then drains and returns.
pub async fn serve<F, B>(
    spec: ServiceSpec,
    config: CommonConfig,
    listeners: Listeners,
    shutdown: F,
    build: B,
) -> anyhow::Result<()>
where
    F: Future<Output = ()> + Send,
    B: FnOnce(&Context) -> anyhow::Result<Services>,
{
    let Listeners {
        grpc: listener,
        metrics: metrics_listener,
    } = listeners;
    let local_addr = listener.local_addr()?;
    let settings = DbSettings::from_config(&config, spec.name, spec.schema);
    settings
        .tls()
        .map_err(|e| anyhow::anyhow!("configuration error: DATABASE_URL: {e}"))?;
    let client_tls = crate::tls::client::from_config(&config)?;
    let server_tls = server_tls(&config)?;
    let metrics = Metrics::new(
        &format!("tessera-{}", spec.name),
        config.otlp_endpoint.as_deref(),
    )?;
    let db = Db::new(&settings)?.with_metrics(metrics.clone());
    let shutdown_token = CancellationToken::new();
    let identity = match (&config.identity_url, &config.service_token) {
        (Some(url), Some(token)) => Some(crate::client::identity_link(
            url,
            token.expose(),
            client_tls.as_ref(),
        )?),
        (Some(_), None) => anyhow::bail!(
            "configuration error: TESSERA_SERVICE_TOKEN is required with TESSERA_IDENTITY_URL"
        ),
        (None, _) => None,
    };
    let auth = identity.clone().map(|(channel, forward)| {
        crate::auth::Authenticator::start(channel, forward, shutdown_token.clone())
    });
    let (set_ready, ready_rx) = tokio::sync::watch::channel(false);
    let ctx = Context {
        spec,
        db: db.clone(),
        shutdown: shutdown_token.clone(),
        config: config.clone(),
        auth,
        notifier: Notifier::start(&settings, shutdown_token),
        metrics: metrics.clone(),
        identity,
        ready: ready_rx,
    };
    let services = match build(&ctx).and_then(|services| services.check_access().map(|()| services))
    {
        Ok(services) => services,
        Err(err) => {
            ctx.shutdown.cancel();
            return Err(err);
        }
    };
    if let Some(listener) = metrics_listener {
        tracing::info!(addr = ?listener.local_addr().ok(), "serving metrics at /metrics");
        tokio::spawn(crate::metrics::serve(
            listener,
            metrics.clone(),
            ctx.shutdown.clone(),
        ));
    }

    let (reporter, health_service) = tonic_health::server::health_reporter();
    let health = Health {
        reporter,
        names: services.names.clone(),
    };
    health.set(ServingStatus::NotServing).await;
    // Alive from the first moment to the last, whatever the database does.
    health
        .reporter
        .set_service_status(LIVENESS, ServingStatus::Serving)
        .await;

    let reflection_v1 =
        reflection(&services.names, "grpc.reflection.v1.ServerReflection").build_v1()?;
    let reflection_v1alpha =
        reflection(&services.names, "grpc.reflection.v1alpha.ServerReflection").build_v1alpha()?;
    let max_message = config.max_message_bytes as usize;
    let ready = Arc::new(AtomicBool::new(false));
    let drain = CancellationToken::new();
    let cut_off = CancellationToken::new();

    let layers = tower::ServiceBuilder::new()
        .layer(RpcLayer::new(
            config.request_timeout,
            ready.clone(),
            cut_off.clone(),
            metrics.clone(),
        ))
        .layer(services.auth_layer(
            config.internal_credentials.clone(),
            config.operator_credentials.clone(),
            config.tls_client_ca_file.is_some(),
        ));
    let router = tonic::transport::Server::builder()
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .http2_keepalive_timeout(Some(Duration::from_secs(10)))
        .max_frame_size(Some(64 * 1024))
        // Flow-control windows follow the bandwidth-delay product: file streams are not held
        // to 64 KiB in flight.
        .http2_adaptive_window(Some(true))
        .layer(layers)
        .add_routes(services.routes.routes())
        .add_service(
            health_service
                .max_decoding_message_size(max_message)
                .max_encoding_message_size(max_message),
        )
        .add_service(reflection_v1.max_decoding_message_size(max_message))
        .add_service(reflection_v1alpha.max_decoding_message_size(max_message));
    let mut server = match server_tls {
        Some(acceptor) => tokio::spawn(router.serve_with_incoming_shutdown(
            crate::tls::server::incoming(listener, acceptor),
            drain.clone().cancelled_owned(),
        )),
        None => {
            let incoming = TcpIncoming::from(listener)
                .with_nodelay(Some(true))
                .with_keepalive(Some(Duration::from_secs(60)));
            tokio::spawn(
                router.serve_with_incoming_shutdown(incoming, drain.clone().cancelled_owned()),
            )
        }
    };
    tracing::info!(service = spec.name, %local_addr, "listening; not serving until the database is ready");

    tokio::pin!(shutdown);
    let startup = start(&spec, &config, &settings, &db);
    let started = tokio::select! {
        result = startup => Some(result),
        () = &mut shutdown => None,
    };
    match started {
        Some(Ok(())) => {
            ready.store(true, Ordering::Release);
            set_ready.send_replace(true);
            health.set(ServingStatus::Serving).await;
            tracing::info!(service = spec.name, %local_addr, "serving");
            let monitor = tokio::spawn(monitor_database(
                db.clone(),
                health.clone(),
                ctx.shutdown.clone(),
            ));
            tokio::select! {
                () = &mut shutdown => {}
                result = &mut server => {
                    monitor.abort();
                    ctx.shutdown.cancel();
                    db.close();
                    return Err(anyhow::anyhow!("the gRPC server stopped unexpectedly: {result:?}"));
                }
            }
            monitor.abort();
        }
        Some(Err(err)) => {
            // Background work (event followers, sweepers) ends with the service.
            ctx.shutdown.cancel();
            drain.cancel();
            let _ = server.await;
            db.close();
            return Err(err);
        }
        None => {}
    }

    tracing::info!(service = spec.name, grace = ?config.shutdown_grace, "shutting down: draining in-flight calls");
    health.set(ServingStatus::NotServing).await;
    health
        .reporter
        .set_service_status(LIVENESS, ServingStatus::NotServing)
        .await;
    ctx.shutdown.cancel();
    drain.cancel();
    let drain_started = Instant::now();
    match tokio::time::timeout(config.shutdown_grace, &mut server).await {
        Ok(Ok(Ok(()))) => tracing::info!(
            elapsed_ms = drain_started.elapsed().as_millis() as u64,
            "drained"
        ),
        Ok(Ok(Err(err))) => {
            tracing::warn!(error = %err, "the gRPC server ended with an error while draining")
        }
        Ok(Err(err)) => tracing::warn!(error = %err, "the gRPC server task failed while draining"),
        Err(_) => {
            tracing::warn!("grace period over: cutting off the calls still running");
            cut_off.cancel();
            // The cut-off calls answer at once; give their connections a moment to close.
            if tokio::time::timeout(Duration::from_secs(1), &mut server)
                .await
                .is_err()
            {
                server.abort();
            }
        }
    }
    db.close();
    metrics.shutdown();
    Ok(())
}

/// Waits for the database (up to the start-up timeout) and applies the schema's migrations.
async fn start(
    spec: &ServiceSpec,
    config: &CommonConfig,
    settings: &DbSettings,
    db: &Db,
) -> anyhow::Result<()> {
    let deadline = Instant::now() + config.db_startup_timeout;
    loop {
        let reached = match crate::db::check(settings).await {
            Ok(()) => db.ping().await.map_err(|e| e.to_string()),
            Err(ConnectFailure::Misconfigured(why)) => {
                anyhow::bail!(
                    "configuration error: DATABASE_URL ({}): {why}",
                    config.database_url.describe()
                );
            }
            Err(ConnectFailure::Unreachable(why)) => Err(why),
        };
        match reached {
            Ok(()) => break,
            Err(err) if Instant::now() >= deadline => {
                anyhow::bail!(
                    "DATABASE_URL: cannot reach the database at {} within {:?}: {err}",
                    config.database_url.describe(),
                    config.db_startup_timeout
                );
            }
            Err(err) => {
                tracing::info!(error = %err, "waiting for the database");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        }
    }
    let applied = crate::migrate::run(settings, spec.migrations)
        .await
        .with_context(|| format!("DATABASE_URL: migrating schema {} failed", spec.schema))?;
    if applied.is_empty() {
        tracing::info!(schema = spec.schema, "migrations up to date");
    } else {
        tracing::info!(schema = spec.schema, applied = ?applied, "applied migrations");
    }
    Ok(())
}

/// The TLS acceptor `config` asks for: none without TESSERA_TLS_CERT_FILE.
fn server_tls(config: &CommonConfig) -> anyhow::Result<Option<tokio_rustls::TlsAcceptor>> {
    let (Some(cert), Some(key)) = (&config.tls_cert_file, &config.tls_key_file) else {
        return Ok(None);
    };
    let files = crate::tls::server::ServerTlsFiles {
        cert: cert.clone(),
        key: key.clone(),
        client_ca: config.tls_client_ca_file.clone(),
    };
    crate::tls::server::acceptor(&files)
        .map(Some)
        .map_err(|e| anyhow::anyhow!("configuration error: TESSERA_TLS_CERT_FILE: {e}"))
}

/// Flips health with the database's reachability until shutdown.
async fn monitor_database(db: Db, health: Health, shutdown: CancellationToken) {
    let mut serving = true;
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            () = tokio::time::sleep(HEALTH_PROBE_INTERVAL) => {}
        }
        let up = tokio::time::timeout(HEALTH_PROBE_INTERVAL, db.ping())
            .await
            .is_ok_and(|r| r.is_ok());
        if up != serving && !shutdown.is_cancelled() {
            serving = up;
            if up {
                tracing::info!("database reachable again: serving");
                health.set(ServingStatus::Serving).await;
            } else {
                tracing::warn!("database unreachable: not serving");
                health.set(ServingStatus::NotServing).await;
            }
        }
    }
}

/// Lists exactly what is served: the service's APIs, health, and reflection itself (`v1` or
/// `v1alpha`, each in its own listing).
fn reflection(
    names: &[&'static str],
    reflection_name: &str,
) -> tonic_reflection::server::Builder<'static> {
    let mut builder = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(tessera_proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .with_service_name("grpc.health.v1.Health")
        .with_service_name(reflection_name);
    for name in names {
        builder = builder.with_service_name(*name);
    }
    builder
}

/// Resolves on the first SIGTERM or SIGINT.
pub async fn termination_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        tracing::error!("cannot install signal handlers; the service will not stop on signals");
        return std::future::pending().await;
    };
    tokio::select! {
        _ = term.recv() => tracing::info!("received SIGTERM"),
        _ = int.recv() => tracing::info!("received SIGINT"),
    }
}
