//! identity, next to the kit's echo baseline, in one suite on a fresh database:
//!
//! - `echo`: `EchoService.Echo`, the kit's baseline (public: the auth layer resolves nothing);
//! - `warm`: `EchoService.WhoAmI`, whose caller the kit's auth layer resolves from its cache
//!   (with `echo`, the two alternate in five windows each, so their ratio compares the same
//!   minutes of the machine);
//! - `cold`: `IntrospectionService.IntrospectToken` on identity (a database lookup per call,
//!   as on every cache miss);
//! - `sign-in`: `SignInService.SignInWithPassword` (Argon2id, m=19456 KiB, t=2) at a
//!   concurrency of 4, next to echo at the same concurrency;
//! - `events`: event delivery, one revocation at a time: from sending `SignOut` to identity
//!   until another service's auth cache has applied the revocation (LISTEN/NOTIFY wake-up,
//!   outbox read, stream, eviction).

use std::time::{Duration, Instant};

use futures::future::BoxFuture;
use tessera_kit::auth::Authenticator;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::introspection_service_client::IntrospectionServiceClient;
use tessera_proto::tessera::identity::v1::session_service_client::SessionServiceClient;
use tessera_proto::tessera::identity::v1::sign_in_service_client::SignInServiceClient;
use tessera_proto::tessera::testing::v1::echo_service_client::EchoServiceClient;
use tessera_proto::tessera::testing::v1::{EchoRequest, WhoAmIRequest};
use tessera_testkit::{PASSWORD, SERVICE_TOKEN, TestSuite, authed, echo};
use tokio_util::sync::CancellationToken;
use tonic::transport::Channel;

use super::Settings;
use crate::{Report, run as load, run_paired};

/// Argon2id is CPU-bound: more workers than cores only queue.
const SIGN_IN_CONCURRENCY: usize = 4;
/// Revocations measured by `events`.
const REVOCATIONS: usize = 200;

/// Windows `echo` and `warm` alternate in when both run.
const ROUNDS: u32 = 5;

/// One call of the kit's echo RPC: the baseline every scenario is compared with.
fn echo_call(channel: &Channel) -> impl Fn(usize) -> BoxFuture<'static, bool> + Clone + use<> {
    let client = EchoServiceClient::new(channel.clone());
    move |_| {
        let mut client = client.clone();
        Box::pin(async move {
            client
                .echo(EchoRequest {
                    message: "ping".into(),
                    database_sleep: None,
                })
                .await
                .is_ok()
        })
    }
}

/// One call of `WhoAmI`, whose caller the auth layer resolves from its cache.
fn who_am_i_call(
    channel: &Channel,
    token: &str,
) -> impl Fn(usize) -> BoxFuture<'static, bool> + Clone + use<> {
    let client = EchoServiceClient::new(channel.clone());
    let token = token.to_owned();
    move |_| {
        let mut client = client.clone();
        let request = authed(&token, WhoAmIRequest {});
        Box::pin(async move { client.who_am_i(request).await.is_ok() })
    }
}

/// The echo baseline at `concurrency`.
async fn echo_baseline(
    name: &str,
    channel: &Channel,
    concurrency: usize,
    settings: &Settings,
) -> Report {
    let call = echo_call(channel);
    load(name, concurrency, settings.warmup, settings.duration, call).await
}

/// Runs the identity scenarios `settings` asks for.
pub async fn run(settings: &Settings) -> anyhow::Result<Vec<Report>> {
    let suite = TestSuite::new()
        .with(echo::SPEC, echo::services)
        .start()
        .await;
    let identity = &suite.identity;
    let echo_channel = suite.channel("echo").await;
    let (_, token) = identity.sign_up("benchmark").await;
    let c = settings.concurrency;
    let mut reports = Vec::new();

    const ECHO: &str = "echo (baseline)";
    const WARM: &str = "introspection, warm cache (kit auth layer)";
    match (settings.wants("echo"), settings.wants("warm")) {
        (true, true) => {
            let (echo, warm) = run_paired(
                (ECHO, WARM),
                c,
                settings.warmup,
                settings.duration,
                ROUNDS,
                (
                    echo_call(&echo_channel),
                    who_am_i_call(&echo_channel, &token),
                ),
            )
            .await;
            reports.extend([echo, warm]);
        }
        (true, false) => reports.push(echo_baseline(ECHO, &echo_channel, c, settings).await),
        (false, true) => {
            let call = who_am_i_call(&echo_channel, &token);
            reports.push(load(WARM, c, settings.warmup, settings.duration, call).await);
        }
        (false, false) => {}
    }
    if settings.wants("cold") {
        let client = IntrospectionServiceClient::new(identity.channel.clone());
        let token = token.clone();
        let name = "introspection, cold (IntrospectToken, database)";
        reports.push(
            load(name, c, settings.warmup, settings.duration, move |_| {
                let mut client = client.clone();
                let request = authed(
                    SERVICE_TOKEN,
                    pb::IntrospectTokenRequest {
                        token: token.clone(),
                    },
                );
                async move { client.introspect_token(request).await.is_ok() }
            })
            .await,
        );
    }
    if settings.wants("sign-in") {
        let name = "echo (baseline, sign-in concurrency)";
        reports.push(echo_baseline(name, &echo_channel, SIGN_IN_CONCURRENCY, settings).await);
        let client = SignInServiceClient::new(identity.channel.clone());
        let name = "password sign-in (Argon2id)";
        reports.push(
            load(
                name,
                SIGN_IN_CONCURRENCY,
                settings.warmup,
                settings.duration,
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
    if settings.wants("events") {
        reports.push(event_delivery(&suite.identity.service.uri(), &identity.channel).await?);
    }
    Ok(reports)
}

/// Revocation to eviction, one session at a time, in an auth cache like every service's.
async fn event_delivery(identity_uri: &str, channel: &Channel) -> anyhow::Result<Report> {
    let shutdown = CancellationToken::new();
    let auth = Authenticator::connect(identity_uri, SERVICE_TOKEN, shutdown.clone())?;
    let mut sign_in = SignInServiceClient::new(channel.clone());
    let mut sessions = SessionServiceClient::new(channel.clone());
    let mut samples = Vec::with_capacity(REVOCATIONS);
    let started = Instant::now();
    for _ in 0..REVOCATIONS {
        let token = sign_in
            .sign_in_with_password(pb::SignInWithPasswordRequest {
                identifier: "benchmark".into(),
                password: PASSWORD.into(),
                client_description: "loadgen events".into(),
            })
            .await?
            .into_inner()
            .session
            .map(|s| s.token)
            .unwrap_or_default();
        // Cached, with the event stream up (the cache is trusted only then).
        let warm_until = Instant::now() + Duration::from_secs(10);
        while !auth.is_cached(&token) {
            anyhow::ensure!(Instant::now() < warm_until, "the auth cache never warmed");
            auth.authenticate(&token).await?;
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let mut applied = auth.events_applied();
        applied.mark_unchanged();
        let sent = Instant::now();
        sessions
            .sign_out(authed(&token, pb::SignOutRequest {}))
            .await?;
        while auth.is_cached(&token) {
            tokio::time::timeout(Duration::from_secs(5), applied.changed()).await??;
        }
        samples.push(sent.elapsed());
    }
    shutdown.cancel();
    Ok(Report::from_samples(
        "event delivery: SignOut sent -> evicted in another service's cache",
        samples,
        started.elapsed(),
    ))
}
