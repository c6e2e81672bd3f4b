//! The service kit end to end: a real server on an ephemeral port, real PostgreSQL, real clients.

use std::time::{Duration, Instant};

use tessera_kit::error::FieldViolations;
use tessera_proto::tessera::testing::v1::EchoRequest;
use tessera_proto::tessera::testing::v1::echo_service_client::EchoServiceClient;
use tessera_testkit::echo;
use tessera_testkit::observe::eventually;
use tessera_testkit::proxy::TcpProxy;
use tessera_testkit::{TestDb, TestService};
use tonic::Code;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_types::StatusExt;

fn echo_request(message: &str, sleep: Option<Duration>) -> EchoRequest {
    EchoRequest {
        message: message.to_owned(),
        database_sleep: sleep.map(|d| d.try_into().expect("duration")),
    }
}

async fn active_sleeps(db: &TestDb) -> i64 {
    db.client()
        .await
        .query_one(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%' AND state = 'active'",
            &[],
        )
        .await
        .expect("pg_stat_activity")
        .get(0)
}

#[tokio::test]
async fn serves_echo_health_and_reflection() {
    let db = TestDb::new().await;
    let service = TestService::start(echo::SPEC, db.config(), echo::services).await;

    let mut client = EchoServiceClient::new(service.channel().await);
    let reply = client
        .echo(echo_request("hello", Some(Duration::ZERO)))
        .await
        .expect("echo");
    assert_eq!(reply.into_inner().message, "hello");

    let expected = [
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "tessera.testing.v1.EchoService",
    ];
    assert_eq!(
        tessera_testkit::grpc::list_services(service.channel().await).await,
        expected
    );
    let alpha = tessera_testkit::grpc::list_services_v1alpha(service.channel().await).await;
    assert!(
        alpha.contains(&"tessera.testing.v1.EchoService".to_owned()),
        "{alpha:?}"
    );
    service.stop().await.expect("clean stop");
}

#[tokio::test]
async fn bad_input_is_invalid_argument_with_field_violations() {
    let db = TestDb::new().await;
    let service = TestService::start(echo::SPEC, db.config(), echo::services).await;
    let mut client = EchoServiceClient::new(service.channel().await);

    let status = client
        .echo(echo_request(&"x".repeat(5000), None))
        .await
        .expect_err("too long");
    assert_eq!(status.code(), Code::InvalidArgument);
    let violations = status
        .get_details_bad_request()
        .expect("BadRequest details")
        .field_violations;
    assert_eq!(violations.len(), 1);
    assert_eq!(violations[0].field, "message");

    let status = client
        .echo(echo_request("x", Some(Duration::from_secs(61))))
        .await
        .expect_err("too long a sleep");
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(
        status
            .get_details_bad_request()
            .expect("details")
            .field_violations[0]
            .field,
        "database_sleep"
    );
    assert!(FieldViolations::new().is_empty());
}

#[tokio::test]
async fn a_call_past_its_deadline_stops_its_database_work() {
    let db = TestDb::new().await;
    let service = TestService::start(echo::SPEC, db.config(), echo::services).await;
    let mut client = EchoServiceClient::new(service.channel().await);

    let mut request = tonic::Request::new(echo_request("slow", Some(Duration::from_secs(30))));
    request.set_timeout(Duration::from_millis(500));
    let status = client.echo(request).await.expect_err("deadline");
    assert!(
        matches!(status.code(), Code::DeadlineExceeded | Code::Cancelled),
        "{status:?}"
    );

    // The server cancelled the statement: no pg_sleep keeps running for the remaining 29 s.
    let deadline = Instant::now() + Duration::from_secs(10);
    while active_sleeps(&db).await > 0 {
        assert!(
            Instant::now() < deadline,
            "the abandoned statement is still running"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // And the service still works.
    client
        .echo(echo_request("after", Some(Duration::ZERO)))
        .await
        .expect("echo after cancel");
}

#[tokio::test]
async fn the_server_caps_calls_at_its_request_timeout() {
    let db = TestDb::new().await;
    let mut config = db.config();
    config.request_timeout = Duration::from_millis(300);
    let service = TestService::start(echo::SPEC, config, echo::services).await;
    let mut client = EchoServiceClient::new(service.channel().await);
    let status = client
        .echo(echo_request("slow", Some(Duration::from_secs(20))))
        .await
        .expect_err("capped");
    assert_eq!(status.code(), Code::DeadlineExceeded, "{status:?}");
}

#[tokio::test]
async fn shutdown_lets_in_flight_calls_finish() {
    let db = TestDb::new().await;
    let mut service = TestService::start(echo::SPEC, db.config(), echo::services).await;
    let mut client = EchoServiceClient::new(service.channel().await);

    let in_flight = tokio::spawn(async move {
        client
            .echo(echo_request("drain me", Some(Duration::from_millis(1500))))
            .await
    });
    // In flight: its pg_sleep is running in the database.
    eventually(
        "the call reaches the database",
        Duration::from_secs(10),
        || async { active_sleeps(&db).await > 0 },
    )
    .await;
    service.begin_shutdown();

    let reply = in_flight
        .await
        .expect("task")
        .expect("the in-flight call completes");
    assert_eq!(reply.into_inner().message, "drain me");
    let addr = service.addr();
    service.stop().await.expect("clean stop");
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "still accepting after shutdown"
    );
}

#[tokio::test]
async fn the_grace_period_bounds_draining() {
    let db = TestDb::new().await;
    let mut config = db.config();
    config.shutdown_grace = Duration::from_millis(500);
    let mut service = TestService::start(echo::SPEC, config, echo::services).await;
    let mut client = EchoServiceClient::new(service.channel().await);
    let in_flight = tokio::spawn(async move {
        client
            .echo(echo_request("long", Some(Duration::from_secs(20))))
            .await
    });
    eventually(
        "the call reaches the database",
        Duration::from_secs(10),
        || async { active_sleeps(&db).await > 0 },
    )
    .await;
    service.begin_shutdown();
    let stopped = tokio::time::timeout(Duration::from_secs(10), service.stop()).await;
    assert!(
        matches!(stopped, Ok(Ok(()))),
        "shutdown did not finish after the grace period: {stopped:?}"
    );
    let cut = in_flight
        .await
        .expect("task")
        .expect_err("a call cut off by the grace period cannot succeed");
    assert_eq!(cut.code(), Code::Unavailable, "{cut:?}");
}

#[tokio::test]
async fn a_database_outage_flips_health_and_fails_calls_fast() {
    let db = TestDb::new().await;
    let proxy = TcpProxy::for_database_url(db.url()).await;
    let mut config =
        tessera_kit::CommonConfig::with_database_url(&proxy.rewrite_url(db.url())).expect("config");
    config.db_connect_timeout = Duration::from_secs(1);
    let mut service = TestService::start(echo::SPEC, config, echo::services).await;
    let mut client = EchoServiceClient::new(service.channel().await);
    client
        .echo(echo_request("up", Some(Duration::ZERO)))
        .await
        .expect("echo while up");

    proxy.cut();
    service
        .wait_for(ServingStatus::NotServing, Duration::from_secs(15))
        .await;
    let mut request = tonic::Request::new(echo_request("down", Some(Duration::ZERO)));
    request.set_timeout(Duration::from_secs(20));
    let status = client.echo(request).await.expect_err("database is down");
    assert_eq!(status.code(), Code::Unavailable, "{status:?}");
    assert!(
        status.get_details_retry_info().is_some(),
        "UNAVAILABLE carries RetryInfo"
    );
    assert!(
        !status.message().contains("127.0.0.1"),
        "no connection details leak: {}",
        status.message()
    );

    proxy.restore().await;
    service
        .wait_for(ServingStatus::Serving, Duration::from_secs(15))
        .await;
    client
        .echo(echo_request("back", Some(Duration::ZERO)))
        .await
        .expect("echo after recovery");
}

#[tokio::test]
async fn start_up_gives_up_on_an_unreachable_database_naming_the_setting() {
    let port = tessera_testkit::binary::free_port();
    let mut config = tessera_kit::CommonConfig::with_database_url(&format!(
        "postgres://nobody:secret@127.0.0.1:{port}/none"
    ))
    .expect("config");
    config.db_startup_timeout = Duration::from_millis(500);
    let service = TestService::spawn(echo::SPEC, config, echo::services).await;
    assert_eq!(service.health().await, Some(ServingStatus::NotServing));
    let err = service.join().await.expect_err("start-up must fail");
    let message = format!("{err:#}");
    assert!(message.starts_with("DATABASE_URL:"), "{message}");
    assert!(!message.contains("secret"), "{message}");
}
