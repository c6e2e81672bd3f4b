//! Events between services on real PostgreSQL and real gRPC: LISTEN/NOTIFY wake-ups that
//! survive a killed connection, a stream that loses nothing when its wake-ups fail, and
//! durable consumers that resume from their stored cursor.

use std::future::Future;
use std::time::{Duration, Instant};

use diesel::sql_types::Uuid as SqlUuid;
use diesel_async::RunQueryDsl;
use tessera_kit::auth::Access;
use tessera_kit::db::{DbSettings, ScopedFutureExt};
use tessera_kit::notify::Notifier;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::event_service_client::EventServiceClient;
use tessera_proto::tessera::testing::v1::WhoAmIRequest;
use tessera_proto::tessera::testing::v1::echo_service_client::EchoServiceClient;
use tessera_testkit::{PASSWORD, RunningSuite, SERVICE_TOKEN, TestDb, TestSuite, authed, echo};
use tokio_util::sync::CancellationToken;
use tonic::Code;

/// Terminates the backends whose application name is `name`; returns how many.
async fn kill_backends(db: &TestDb, name: &str) -> i64 {
    db.client()
        .await
        .query_one(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
            &[&name],
        )
        .await
        .expect("terminating backends")
        .get(0)
}

async fn wait_until<F, Fut>(what: &str, timeout: Duration, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = Instant::now() + timeout;
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting: {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn payloads_of_a_channel_asked_for_after_listening_started_arrive() {
    let db = TestDb::new().await;
    let settings = DbSettings::from_config(&db.config(), "payloads-test", "identity");
    let shutdown = CancellationToken::new();
    let notifier = Notifier::start(&settings, shutdown.clone());
    // A waiter opens the listening connection first; the live channel is asked for later.
    let _early = notifier.subscribe("early");
    let mut connections = notifier.connections();
    tokio::time::timeout(Duration::from_secs(10), connections.wait_for(|n| *n >= 1))
        .await
        .expect("listening")
        .expect("notifier alive");
    let mut live = notifier.payloads("live");
    let admin = db.client().await;
    // LISTEN on the new channel takes a moment: notify until a payload comes through.
    let received = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            admin
                .batch_execute("NOTIFY live, 'hello'")
                .await
                .expect("notify");
            if let Ok(Ok(payload)) =
                tokio::time::timeout(Duration::from_millis(200), live.recv()).await
            {
                return payload;
            }
        }
    })
    .await
    .expect("a payload on the later channel");
    assert_eq!(&*received, "hello");
    shutdown.cancel();
}

#[tokio::test]
async fn wake_ups_fan_out_filter_by_payload_and_survive_a_killed_connection() {
    let db = TestDb::new().await;
    let settings = DbSettings::from_config(&db.config(), "notify-test", "identity");
    let shutdown = CancellationToken::new();
    let notifier = Notifier::start(&settings, shutdown.clone());
    let mut all = notifier.subscribe("inbox");
    let mut second = notifier.subscribe("inbox");
    let mut only_bob = notifier.subscribe_key("inbox", Some("bob"));
    let mut connections = notifier.connections();
    // The connection is up (and everyone told to catch up) once it counts one.
    tokio::time::timeout(Duration::from_secs(10), connections.wait_for(|n| *n >= 1))
        .await
        .expect("listening")
        .expect("notifier alive");
    for wakeup in [&mut all, &mut second, &mut only_bob] {
        tokio::time::timeout(Duration::from_secs(1), wakeup.woken())
            .await
            .expect("told to catch up when listening starts");
    }

    let admin = db.client().await;
    admin
        .batch_execute("NOTIFY inbox, 'alice'")
        .await
        .expect("notify");
    for wakeup in [&mut all, &mut second] {
        tokio::time::timeout(Duration::from_secs(5), wakeup.woken())
            .await
            .expect("every waiter on the channel wakes");
    }
    assert!(
        tokio::time::timeout(Duration::from_millis(300), only_bob.woken())
            .await
            .is_err(),
        "a waiter for bob is not woken for alice"
    );
    admin
        .batch_execute("NOTIFY inbox, 'bob'")
        .await
        .expect("notify");
    tokio::time::timeout(Duration::from_secs(5), only_bob.woken())
        .await
        .expect("bob's waiter wakes");

    // Kill the listening connection: everyone is told to catch up once it is rebuilt, and
    // notifications flow again.
    let killed = kill_backends(&db, "tessera-notify-test-listen").await;
    assert_eq!(killed, 1, "one dedicated listening connection");
    tokio::time::timeout(Duration::from_secs(10), connections.wait_for(|n| *n >= 2))
        .await
        .expect("rebuilt")
        .expect("notifier alive");
    for wakeup in [&mut all, &mut only_bob] {
        tokio::time::timeout(Duration::from_secs(1), wakeup.woken())
            .await
            .expect("told to catch up after the rebuild");
    }
    admin
        .batch_execute("NOTIFY inbox, 'carol'")
        .await
        .expect("notify");
    tokio::time::timeout(Duration::from_secs(5), all.woken())
        .await
        .expect("notifications arrive on the rebuilt connection");
    shutdown.cancel();
}

async fn delete_account(suite: &RunningSuite, token: &str) {
    suite
        .identity
        .accounts()
        .delete_account(authed(
            token,
            pb::DeleteAccountRequest {
                password: PASSWORD.into(),
            },
        ))
        .await
        .expect("delete");
}

#[tokio::test]
async fn a_killed_listen_connection_loses_no_event_and_revocations_still_reach_other_services() {
    let suite = TestSuite::new()
        .with(echo::SPEC, echo::services)
        .start()
        .await;
    let identity = &suite.identity;
    let mut events = EventServiceClient::new(identity.channel.clone());
    let mut stream = events
        .stream_events(authed(
            SERVICE_TOKEN,
            pb::StreamEventsRequest {
                after_cursor: 0,
                from_now: false,
            },
        ))
        .await
        .expect("stream")
        .into_inner();
    let mut tokens = Vec::new();
    for i in 0..6 {
        tokens.push(identity.sign_up(&format!("user{i}")).await.1);
    }
    let mut echo = EchoServiceClient::new(suite.channel("echo").await);
    echo.who_am_i(authed(&tokens[5], WhoAmIRequest {}))
        .await
        .expect("who am i");

    let revoke = |token: String| {
        let mut sessions = identity.sessions();
        async move {
            sessions
                .sign_out(authed(&token, pb::SignOutRequest {}))
                .await
                .expect("sign out");
        }
    };
    revoke(tokens[0].clone()).await;
    revoke(tokens[1].clone()).await;
    assert!(kill_backends(&identity.db, "tessera-identity-listen").await >= 1);
    for token in &tokens[2..5] {
        revoke(token.clone()).await;
    }
    revoke(tokens[5].clone()).await;
    let revoked_at = Instant::now();

    // Every event, in order, without a gap, whatever happened to the wake-ups.
    let mut cursors = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while cursors.len() < 6 {
        let message = tokio::time::timeout_at(deadline.into(), stream.message())
            .await
            .expect("the stream catches up")
            .expect("stream alive")
            .expect("an item");
        if let Some(pb::stream_events_response::Item::Event(event)) = message.item {
            assert_eq!(event.kind, pb::EventKind::SessionRevoked as i32);
            cursors.push(event.cursor);
        }
    }
    assert!(
        cursors.windows(2).all(|w| w[1] == w[0] + 1),
        "events in order, none lost or repeated: {cursors:?}"
    );

    // And the other service's cache no longer accepts the last session revoked.
    let bound = Duration::from_secs(2);
    tokio::time::sleep(bound.saturating_sub(revoked_at.elapsed())).await;
    let refused = echo
        .who_am_i(authed(&tokens[5], WhoAmIRequest {}))
        .await
        .expect_err("revoked");
    assert_eq!(refused.code(), Code::Unauthenticated);
}

/// A member that records every purge in `vault.purged`, as a real purge would delete rows.
fn recording_member(ctx: &tessera_kit::Context) -> anyhow::Result<tessera_kit::Services> {
    ctx.on_account_deleted(|conn, user_id| {
        async move {
            diesel::sql_query("INSERT INTO vault.purged (user_id) VALUES ($1)")
                .bind::<SqlUuid, _>(user_id.as_uuid())
                .execute(conn)
                .await?;
            Ok(())
        }
        .scope_boxed()
    });
    Ok(ctx.services(Access::default()))
}

#[tokio::test]
async fn a_durable_consumer_handles_each_deletion_once_and_resumes_from_its_cursor() {
    let mut suite = TestSuite::new()
        .with(tessera_vault_storage::SPEC, recording_member)
        .start()
        .await;
    let admin = suite.db().client().await;
    admin
        .batch_execute(
            "CREATE TABLE vault.purged (user_id uuid NOT NULL); ALTER TABLE vault.purged OWNER TO tessera_vault",
        )
        .await
        .expect("scratch table");
    let mut users = Vec::new();
    for name in ["alice", "bob", "carol", "dave"] {
        users.push(suite.identity.sign_up(name).await);
    }
    delete_account(&suite, &users[0].1).await;
    delete_account(&suite, &users[1].1).await;

    wait_until("alice and bob purged", Duration::from_secs(10), || async {
        count(&admin, "SELECT count(*) FROM vault.purged").await == 2
    })
    .await;
    let last_deletion = "SELECT max(seq) FROM identity.outbox WHERE kind = 'account_deleted'";
    let cursor = "SELECT cursor FROM vault.consumer_cursors WHERE consumer = 'account-purge'";
    wait_until(
        "the cursor at the last deletion",
        Duration::from_secs(5),
        || async { count(&admin, cursor).await == count(&admin, last_deletion).await },
    )
    .await;

    // While the service is down, more accounts go; it catches up from its cursor, handling
    // each deletion once.
    suite.stop_member("vault-storage").await;
    delete_account(&suite, &users[2].1).await;
    delete_account(&suite, &users[3].1).await;
    suite
        .start_member(tessera_vault_storage::SPEC, recording_member)
        .await;
    wait_until("all four purged", Duration::from_secs(10), || async {
        count(&admin, "SELECT count(*) FROM vault.purged").await == 4
    })
    .await;
    let distinct = count(&admin, "SELECT count(DISTINCT user_id) FROM vault.purged").await;
    assert_eq!(distinct, 4, "each deletion handled once");
    let expected: Vec<String> = users.iter().map(|(user, _)| user.id.clone()).collect();
    for id in expected {
        let found = admin
            .query_one(
                "SELECT count(*) FROM vault.purged WHERE user_id = $1::text::uuid",
                &[&id],
            )
            .await
            .expect("lookup")
            .get::<_, i64>(0);
        assert_eq!(found, 1, "{id}");
    }
}

async fn count(admin: &tokio_postgres::Client, sql: &str) -> i64 {
    admin
        .query_one(sql, &[])
        .await
        .expect("query")
        .get::<_, Option<i64>>(0)
        .unwrap_or(0)
}
