//! `tessera-loadgen identity`: the identity benchmark. Starts identity and a kit echo service
//! in-process on a fresh database (DATABASE_URL must allow creating databases, as for tests),
//! then measures, in one run and at the same concurrency:
//!
//! - echo: `EchoService.Echo`, the kit's baseline (no database, no auth);
//! - introspection, warm cache: `EchoService.WhoAmI`, authenticated by the kit's auth layer
//!   whose cache answers;
//! - introspection, cold: `IntrospectionService.IntrospectToken` on identity (a database
//!   lookup per call, as on every cache miss);
//! - password sign-in: `SignInService.SignInWithPassword` (Argon2id, m=19456 KiB, t=2).
#![allow(clippy::print_stdout)]

use std::time::Duration;

use clap::Parser;
use tessera_kit::config::{SecretValue, parse_duration};
use tessera_loadgen::{MARKDOWN_HEADER, Report, peak_rss_mib, run};
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::account_service_client::AccountServiceClient;
use tessera_proto::tessera::identity::v1::introspection_service_client::IntrospectionServiceClient;
use tessera_proto::tessera::identity::v1::sign_in_service_client::SignInServiceClient;
use tessera_proto::tessera::testing::v1::echo_service_client::EchoServiceClient;
use tessera_proto::tessera::testing::v1::{EchoRequest, WhoAmIRequest};
use tessera_testkit::{TestDb, TestService, echo};
use tonic::transport::Channel;

#[derive(Debug, Parser)]
struct Args {
    /// Workers calling at once.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Measured time per scenario.
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    duration: Duration,
    /// Unmeasured warm-up per scenario.
    #[arg(long, default_value = "2s", value_parser = parse_duration)]
    warmup: Duration,
    /// Concurrency for password sign-in (Argon2id is CPU-bound: more workers only queue).
    #[arg(long, default_value_t = 4)]
    sign_in_concurrency: usize,
    /// Run only these scenarios (comma-separated): echo, warm, cold, sign-in.
    #[arg(long, value_delimiter = ',', default_values_t = ["echo".to_owned(), "warm".to_owned(), "cold".to_owned(), "sign-in".to_owned()])]
    only: Vec<String>,
}

const SERVICE_TOKEN: &str = "tsvc_loadgen_benchmark_token_0123456789";
const PASSWORD: &str = "benchmark password 0123";

fn authed<T>(token: &str, message: T) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    if let Ok(value) = format!("Bearer {token}").parse() {
        request.metadata_mut().insert("authorization", value);
    }
    request
}

async fn connect(uri: String) -> anyhow::Result<Channel> {
    Ok(Channel::from_shared(uri)?.connect().await?)
}

/// The kit's echo RPC at `concurrency`: the baseline every scenario is compared with.
async fn echo_baseline(
    name: &str,
    channel: &Channel,
    concurrency: usize,
    warmup: Duration,
    duration: Duration,
) -> Report {
    let client = EchoServiceClient::new(channel.clone());
    run(name, concurrency, warmup, duration, move |_| {
        let mut client = client.clone();
        async move {
            client
                .echo(EchoRequest {
                    message: "ping".into(),
                    database_sleep: None,
                })
                .await
                .is_ok()
        }
    })
    .await
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let identity_db = TestDb::new().await;
    let mut identity_config = tessera_identity::Config::parse_from_defaults();
    identity_config.internal_credentials = vec![tessera_identity::config::InternalCredential {
        name: "loadgen".into(),
        token_sha256: tessera_identity::crypto::token_hash(SERVICE_TOKEN),
    }];
    let identity = TestService::start(tessera_identity::SPEC, identity_db.config(), move |ctx| {
        tessera_identity::services(ctx, identity_config)
    })
    .await;

    let echo_db = TestDb::new().await;
    let mut echo_config = echo_db.config();
    echo_config.identity_url = Some(identity.uri());
    echo_config.service_token =
        Some(SecretValue::parse(SERVICE_TOKEN).map_err(anyhow::Error::msg)?);
    let echo_service = TestService::start(echo::SPEC, echo_config, echo::services).await;

    let identity_channel = connect(identity.uri()).await?;
    let echo_channel = connect(echo_service.uri()).await?;
    let account = AccountServiceClient::new(identity_channel.clone())
        .create_account(pb::CreateAccountRequest {
            username: "benchmark".into(),
            password: PASSWORD.into(),
            ..Default::default()
        })
        .await?
        .into_inner();
    let token = account.session.map(|s| s.token).unwrap_or_default();

    let (c, warmup, duration) = (args.concurrency, args.warmup, args.duration);
    let mut reports: Vec<Report> = Vec::new();

    let wanted = |name: &str| args.only.iter().any(|o| o == name);
    if wanted("echo") {
        reports.push(echo_baseline("echo (baseline)", &echo_channel, c, warmup, duration).await);
    }

    if wanted("warm") {
        let client = EchoServiceClient::new(echo_channel.clone());
        let who = token.clone();
        reports.push(
            run(
                "introspection, warm cache (kit auth layer)",
                c,
                warmup,
                duration,
                move |_| {
                    let mut client = client.clone();
                    let token = who.clone();
                    async move {
                        client
                            .who_am_i(authed(&token, WhoAmIRequest {}))
                            .await
                            .is_ok()
                    }
                },
            )
            .await,
        );
    }
    if wanted("cold") {
        let client = IntrospectionServiceClient::new(identity_channel.clone());
        let introspected = token.clone();
        reports.push(
            run(
                "introspection, cold (IntrospectToken, database)",
                c,
                warmup,
                duration,
                move |_| {
                    let mut client = client.clone();
                    let request = authed(
                        SERVICE_TOKEN,
                        pb::IntrospectTokenRequest {
                            token: introspected.clone(),
                        },
                    );
                    async move { client.introspect_token(request).await.is_ok() }
                },
            )
            .await,
        );
    }
    if wanted("sign-in") {
        let sc = args.sign_in_concurrency;
        reports.push(
            echo_baseline(
                "echo (baseline, sign-in concurrency)",
                &echo_channel,
                sc,
                warmup,
                duration,
            )
            .await,
        );

        let client = SignInServiceClient::new(identity_channel.clone());
        reports.push(
            run(
                "password sign-in (Argon2id)",
                sc,
                warmup,
                duration,
                move |_| {
                    let mut client = client.clone();
                    async move {
                        client
                            .sign_in_with_password(pb::SignInWithPasswordRequest {
                                identifier: "benchmark".into(),
                                password: PASSWORD.into(),
                                client_description: "loadgen".into(),
                            })
                            .await
                            .is_ok()
                    }
                },
            )
            .await,
        );
    }

    println!("{MARKDOWN_HEADER}");
    for report in &reports {
        println!("{}", report.markdown_row());
    }
    let throughput = |name: &str| {
        reports
            .iter()
            .find(|r| r.name.starts_with(name))
            .map(Report::throughput)
    };
    let ratios = [
        (
            "warm introspection / echo throughput",
            throughput("introspection, warm"),
            throughput("echo (baseline)"),
        ),
        (
            "cold introspection / echo throughput",
            throughput("introspection, cold"),
            throughput("echo (baseline)"),
        ),
        (
            "password sign-in / echo throughput (same concurrency)",
            throughput("password sign-in"),
            throughput("echo (baseline, sign-in"),
        ),
    ];
    println!();
    for (label, numerator, denominator) in ratios {
        if let (Some(n), Some(d)) = (numerator, denominator) {
            println!("{label}: {:.4}", n / d);
        }
    }
    if let Some(rss) = peak_rss_mib() {
        println!("peak resident memory of the whole process (servers + load): {rss:.0} MiB");
    }
    identity.stop().await?;
    echo_service.stop().await?;
    Ok(())
}
