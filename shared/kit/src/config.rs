//! Configuration shared by every service, read from environment variables (or flags).
//!
//! Every setting is documented in `--help` with its variable. Invalid configuration stops the
//! process before anything starts, with one line that names the variable.

use std::net::IpAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, Parser, ValueEnum};
use secrecy::{ExposeSecret, SecretString};

use crate::auth::ServiceCredentials;
use crate::keyring::KeyRing;

/// Settings every Tessera service reads.
#[derive(Debug, Clone, Args)]
pub struct CommonConfig {
    /// PostgreSQL connection URL, e.g. postgres://tessera_identity:secret@db:5432/tessera.
    #[arg(long, env = "DATABASE_URL", value_parser = DatabaseUrl::parse, hide_env_values = true)]
    pub database_url: DatabaseUrl,

    /// Address the gRPC server binds to.
    #[arg(long, env = "TESSERA_GRPC_HOST", default_value = "0.0.0.0")]
    pub grpc_host: IpAddr,

    /// Port the gRPC server binds to [default: the service's own port: identity 50051,
    /// vault-storage 50052, messaging 50053, project-intelligence 50054].
    #[arg(long, env = "TESSERA_GRPC_PORT", value_parser = parse_port)]
    pub grpc_port: Option<u16>,

    /// Log format: `text` for people, `json` for log collectors.
    #[arg(long, env = "TESSERA_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Log filter in tracing's EnvFilter syntax, e.g. `info` or `info,tessera_kit=debug`.
    #[arg(long, env = "RUST_LOG", default_value = "info")]
    pub log_filter: String,

    /// OTLP/gRPC endpoint that receives traces, e.g. http://otel-collector:4317. Unset: no export.
    #[arg(long, env = "OTEL_EXPORTER_OTLP_ENDPOINT")]
    pub otlp_endpoint: Option<String>,

    /// Address of the identity service, for authenticating callers, e.g. http://identity:50051.
    /// Services that authenticate users need it; identity itself does not.
    #[arg(long, env = "TESSERA_IDENTITY_URL")]
    pub identity_url: Option<String>,

    /// This service's credential for identity's internal RPCs (introspection, events).
    #[arg(long, env = "TESSERA_SERVICE_TOKEN", hide_env_values = true, value_parser = SecretValue::parse)]
    pub service_token: Option<SecretValue>,

    /// Service credentials allowed to call this service's internal RPCs, as comma-separated
    /// `name:sha256-hex-of-token` pairs. Callers send `authorization: Bearer <token>`.
    #[arg(long, env = "TESSERA_INTERNAL_CREDENTIALS", default_value = "", hide_default_value = true,
          value_parser = ServiceCredentials::parse)]
    pub internal_credentials: ServiceCredentials,

    /// Operator credentials for administration RPCs (storage volumes and their drivers), as
    /// comma-separated `name:sha256-hex-of-token` pairs. Unset: no one can administer.
    #[arg(long, env = "TESSERA_OPERATOR_CREDENTIALS", default_value = "", hide_default_value = true,
          value_parser = ServiceCredentials::parse)]
    pub operator_credentials: ServiceCredentials,

    /// Key ring sealing secrets at rest: `id:base64-32-byte-key,...`, the primary first.
    /// Older ids stay readable; rows under them are re-sealed at start-up.
    #[arg(long, env = "TESSERA_KEY_RING", hide_env_values = true, value_parser = KeyRing::parse)]
    pub key_ring: Option<KeyRing>,

    /// Port serving Prometheus metrics at /metrics (on TESSERA_GRPC_HOST). Unset: no endpoint.
    #[arg(long, env = "TESSERA_METRICS_PORT", value_parser = parse_port)]
    pub metrics_port: Option<u16>,

    /// CA certificates (PEM) the database server's certificate must chain to, for
    /// `sslmode=verify-ca` or `verify-full` in DATABASE_URL when it names no `sslrootcert`.
    #[arg(long, env = "TESSERA_DB_CA_FILE")]
    pub db_ca_file: Option<PathBuf>,

    /// Serve gRPC over TLS with this certificate chain (PEM, leaf first); a renewed file is
    /// served to the next connection without a restart. Needs TESSERA_TLS_KEY_FILE.
    #[arg(long, env = "TESSERA_TLS_CERT_FILE", requires = "tls_key_file")]
    pub tls_cert_file: Option<PathBuf>,

    /// The private key (PEM) of TESSERA_TLS_CERT_FILE.
    #[arg(long, env = "TESSERA_TLS_KEY_FILE", requires = "tls_cert_file")]
    pub tls_key_file: Option<PathBuf>,

    /// CA certificates (PEM) whose client certificates the server accepts. Internal RPCs then
    /// require a client certificate besides the service credential (mutual TLS).
    #[arg(long, env = "TESSERA_TLS_CLIENT_CA_FILE", requires = "tls_cert_file")]
    pub tls_client_ca_file: Option<PathBuf>,

    /// CA certificates (PEM) other Tessera services' certificates must chain to, for https://
    /// service URLs; this service presents TESSERA_TLS_CERT_FILE to them when it has one.
    #[arg(long, env = "TESSERA_TLS_CA_FILE")]
    pub tls_ca_file: Option<PathBuf>,

    /// Role every connection switches to at start (PostgreSQL `role` startup parameter), when
    /// the login user is a member of the service's least-privilege role rather than that role.
    #[arg(long, env = "TESSERA_DB_ROLE", value_parser = parse_role)]
    pub db_role: Option<String>,

    /// Largest number of pooled database connections.
    #[arg(long, env = "TESSERA_DB_MAX_CONNECTIONS", default_value_t = 16,
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub db_max_connections: u32,

    /// How long a call waits for a free pooled connection before it fails with UNAVAILABLE.
    #[arg(long, env = "TESSERA_DB_ACQUIRE_TIMEOUT", default_value = "2s", value_parser = parse_duration)]
    pub db_acquire_timeout: Duration,

    /// How long opening one database connection may take.
    #[arg(long, env = "TESSERA_DB_CONNECT_TIMEOUT", default_value = "3s", value_parser = parse_duration)]
    pub db_connect_timeout: Duration,

    /// Server-side limit on any one SQL statement (PostgreSQL `statement_timeout`).
    #[arg(long, env = "TESSERA_DB_STATEMENT_TIMEOUT", default_value = "30s", value_parser = parse_duration)]
    pub db_statement_timeout: Duration,

    /// How long start-up waits for the database before giving up.
    #[arg(long, env = "TESSERA_DB_STARTUP_TIMEOUT", default_value = "20s", value_parser = parse_duration)]
    pub db_startup_timeout: Duration,

    /// Longest time one RPC may run; a shorter `grpc-timeout` sent by the client wins.
    #[arg(long, env = "TESSERA_REQUEST_TIMEOUT", default_value = "30s", value_parser = parse_duration)]
    pub request_timeout: Duration,

    /// On SIGTERM or SIGINT, how long in-flight RPCs may take to finish before they are cut off.
    #[arg(long, env = "TESSERA_SHUTDOWN_GRACE", default_value = "20s", value_parser = parse_duration)]
    pub shutdown_grace: Duration,

    /// Largest encoded request or response message, in bytes.
    #[arg(long, env = "TESSERA_MAX_MESSAGE_BYTES", default_value_t = 4 * 1024 * 1024,
          value_parser = clap::value_parser!(u32).range(1024..=64 * 1024 * 1024))]
    pub max_message_bytes: u32,
}

impl CommonConfig {
    /// Defaults for everything but the database: for tests, benchmarks and tools that start a
    /// service in-process.
    pub fn with_database_url(database_url: &str) -> Result<Self, String> {
        #[derive(Parser)]
        struct Defaults {
            #[command(flatten)]
            common: CommonConfig,
        }
        Defaults::try_parse_from(["tessera", "--database-url", database_url])
            .map(|d| d.common)
            .map_err(|e| one_line_error(&e, &<Defaults as clap::CommandFactory>::command()))
    }
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// A PostgreSQL URL that is never printed: its password is a secret.
#[derive(Clone)]
pub struct DatabaseUrl(SecretString);

impl DatabaseUrl {
    /// Checks that `raw` is a PostgreSQL connection string tokio-postgres understands.
    pub fn parse(raw: &str) -> Result<Self, String> {
        if !(raw.starts_with("postgres://") || raw.starts_with("postgresql://")) {
            return Err("expected a postgres:// or postgresql:// URL".into());
        }
        // tokio-postgres does not know every sslmode, nor sslrootcert: those are ours.
        let split = crate::tls::postgres::split_url(raw)?;
        // The parser's message never contains the password, but keep ours generic anyway.
        tokio_postgres::Config::from_str(&split.url)
            .map_err(|e| format!("not a valid PostgreSQL URL ({})", redact(&e.to_string())))?;
        Ok(Self(SecretString::from(raw.to_owned())))
    }

    /// The full URL, password included: for connecting only, never for logs.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// Host, port and database, safe to log.
    pub fn describe(&self) -> String {
        let url = crate::tls::postgres::split_url(self.expose())
            .map(|split| split.url)
            .unwrap_or_default();
        match tokio_postgres::Config::from_str(&url) {
            Ok(cfg) => {
                let host = cfg
                    .get_hosts()
                    .first()
                    .map(|h| match h {
                        tokio_postgres::config::Host::Tcp(h) => h.clone(),
                        tokio_postgres::config::Host::Unix(p) => p.display().to_string(),
                    })
                    .unwrap_or_else(|| "localhost".into());
                let port = cfg.get_ports().first().copied().unwrap_or(5432);
                let db = cfg.get_dbname().unwrap_or("(default)");
                format!("{host}:{port}/{db}")
            }
            Err(_) => "(unparsable)".into(),
        }
    }
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DatabaseUrl({})", self.describe())
    }
}

/// A secret setting that never prints.
#[derive(Clone)]
pub struct SecretValue(SecretString);

impl SecretValue {
    /// Accepts any non-empty value.
    pub fn parse(raw: &str) -> Result<Self, String> {
        if raw.trim().is_empty() {
            Err("must not be empty".into())
        } else {
            Ok(Self(SecretString::from(raw.trim().to_owned())))
        }
    }

    /// The value itself: for use, never for logs.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl std::fmt::Debug for SecretValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretValue(..)")
    }
}

fn redact(message: &str) -> String {
    message.chars().take(120).collect()
}

fn parse_port(raw: &str) -> Result<u16, String> {
    match raw.parse::<u16>() {
        Ok(0) | Err(_) => Err("expected a port number from 1 to 65535".into()),
        Ok(port) => Ok(port),
    }
}

fn parse_role(raw: &str) -> Result<String, String> {
    let valid = !raw.is_empty()
        && raw.len() <= 63
        && raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if valid {
        Ok(raw.to_owned())
    } else {
        Err("expected a role name of lowercase letters, digits and underscores".into())
    }
}

/// Parses durations such as `500ms`, `2s` or `1m 30s`.
pub fn parse_duration(raw: &str) -> Result<Duration, String> {
    humantime::parse_duration(raw)
        .map_err(|e| format!("expected a duration such as 500ms or 2s ({e})"))
}

/// Parses the command line and environment into `T`. On invalid configuration, prints one line
/// naming the variable (and flag) at fault and exits with status 2.
pub fn parse_or_exit<T: Parser>() -> T {
    match T::try_parse() {
        Ok(config) => config,
        Err(err) => match err.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => err.exit(),
            _ => {
                eprintln!("{}", one_line_error(&err, &T::command()));
                std::process::exit(2);
            }
        },
    }
}

/// Renders a clap error as `configuration error: VAR (--flag): what is wrong`.
pub fn one_line_error(err: &clap::Error, command: &clap::Command) -> String {
    let setting = match err.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(arg)) => Some(describe_arg(command, arg)),
        Some(ContextValue::Strings(args)) => Some(
            args.iter()
                .map(|a| describe_arg(command, a))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    let problem = match err.kind() {
        ErrorKind::MissingRequiredArgument => "is required but not set".to_owned(),
        ErrorKind::ValueValidation | ErrorKind::InvalidValue => {
            let reason = std::error::Error::source(err)
                .map(|s| s.to_string())
                .unwrap_or_else(|| "not an accepted value".into());
            match err.get(ContextKind::InvalidValue) {
                // Values of hidden settings (the database URL) are secrets: never echo them.
                Some(ContextValue::String(v)) if !is_secret(command, setting.as_deref()) => {
                    format!("invalid value '{v}': {reason}")
                }
                _ => format!("invalid value: {reason}"),
            }
        }
        _ => {
            let rendered = err.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            first.trim_start_matches("error: ").to_owned()
        }
    };
    match setting {
        Some(setting) => format!("configuration error: {setting} {problem}"),
        None => format!("configuration error: {problem}"),
    }
}

fn describe_arg(command: &clap::Command, rendered: &str) -> String {
    // Rendered as `--grpc-port <GRPC_PORT>`: the flag identifies the argument.
    let flag = rendered.split_whitespace().next().unwrap_or_default();
    let found = command.get_arguments().find(|arg| {
        arg.get_long()
            .is_some_and(|long| flag.strip_prefix("--") == Some(long))
    });
    match found {
        Some(arg) => match (arg.get_env(), arg.get_long()) {
            (Some(env), Some(long)) => format!("{} (--{long}):", env.to_string_lossy()),
            (Some(env), None) => format!("{}:", env.to_string_lossy()),
            (None, _) => format!("{rendered}:"),
        },
        None => format!("{rendered}:"),
    }
}

fn is_secret(command: &clap::Command, setting: Option<&str>) -> bool {
    let Some(setting) = setting else { return false };
    command.get_arguments().any(|arg| {
        arg.is_hide_env_values_set()
            && arg
                .get_env()
                .is_some_and(|env| setting.starts_with(&*env.to_string_lossy()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[derive(Debug, Parser)]
    struct TestCli {
        #[command(flatten)]
        common: CommonConfig,
    }

    fn parse(args: &[&str]) -> Result<TestCli, String> {
        TestCli::try_parse_from(std::iter::once("svc").chain(args.iter().copied()))
            .map_err(|e| one_line_error(&e, &TestCli::command()))
    }

    #[test]
    fn command_is_well_formed() {
        TestCli::command().debug_assert();
    }

    #[test]
    fn malformed_port_names_the_variable_on_one_line() {
        let err = parse(&[
            "--database-url",
            "postgres://localhost/x",
            "--grpc-port",
            "abc",
        ])
        .unwrap_err();
        assert!(
            err.starts_with("configuration error: TESSERA_GRPC_PORT (--grpc-port):"),
            "{err}"
        );
        assert!(err.contains("'abc'"), "{err}");
        assert_eq!(err.lines().count(), 1);
    }

    #[test]
    fn missing_required_setting_is_named() {
        // `make test` exports DATABASE_URL, so point the argument at a variable nobody sets.
        let command =
            TestCli::command().mut_arg("database_url", |a| a.env("TESSERA_KIT_TEST_NEVER_SET"));
        let err = command.try_get_matches_from(["svc"]).expect_err("missing");
        let line = one_line_error(
            &err,
            &TestCli::command().mut_arg("database_url", |a| a.env("TESSERA_KIT_TEST_NEVER_SET")),
        );
        assert_eq!(
            line,
            "configuration error: TESSERA_KIT_TEST_NEVER_SET (--database-url): is required but not set"
        );
    }

    #[test]
    fn bad_database_url_never_echoes_the_secret() {
        let err = parse(&["--database-url", "mysql://root:hunter2@db/x"]).unwrap_err();
        assert!(err.contains("DATABASE_URL"), "{err}");
        assert!(!err.contains("hunter2"), "{err}");
    }

    #[test]
    fn database_url_debug_hides_the_password() {
        let url = DatabaseUrl::parse("postgres://u:hunter2@db.internal:6543/tessera").unwrap();
        let shown = format!("{url:?}");
        assert!(shown.contains("db.internal:6543/tessera"), "{shown}");
        assert!(!shown.contains("hunter2"));
    }

    #[test]
    fn durations_and_defaults_parse() {
        let cli = parse(&[
            "--database-url",
            "postgres://localhost/x",
            "--request-timeout",
            "1500ms",
        ])
        .unwrap();
        assert_eq!(cli.common.request_timeout, Duration::from_millis(1500));
        assert_eq!(cli.common.db_acquire_timeout, Duration::from_secs(2));
        assert_eq!(cli.common.grpc_port, None);
    }
}
