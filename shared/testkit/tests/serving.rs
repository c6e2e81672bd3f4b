//! What `Services` and the kit's layers do for every service: message-size limits,
//! undecodable requests, liveness, metrics, and single reads without a transaction.

use std::time::Duration;

use diesel::sql_types::BigInt;
use diesel_async::RunQueryDsl;
use tessera_kit::db::ScopedFutureExt;
use tessera_proto::tessera::testing::v1::EchoRequest;
use tessera_proto::tessera::testing::v1::echo_service_client::EchoServiceClient;
use tessera_testkit::grpc::{Shape, call_raw};
use tessera_testkit::observe::{sample, scrape};
use tessera_testkit::{TestDb, TestService, bad_fields, echo};
use tonic::Code;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

const ECHO: &str = "/tessera.testing.v1.EchoService/Echo";

#[tokio::test]
async fn undecodable_requests_are_invalid_argument() {
    let db = TestDb::new().await;
    let service = TestService::start(echo::SPEC, db.config(), echo::services).await;
    let bad_bodies: [(&str, Vec<u8>, &str); 4] = [
        // Field 1 (message, a string) holding invalid UTF-8, or a NUL: named by the field.
        ("invalid utf-8", vec![0x0a, 0x02, 0xc3, 0x28], "message"),
        ("NUL", vec![0x0a, 0x03, b'a', 0, b'b'], "message"),
        // A varint that never ends.
        ("truncated varint", vec![0x08, 0xff, 0xff], "request"),
        (
            "garbage",
            vec![0xff, 0xff, 0xff, 0xff, 0x0f, 0x01],
            "request",
        ),
    ];
    for (what, body, field) in bad_bodies {
        let status = call_raw(service.channel().await, ECHO, Shape::Unary, body, None).await;
        assert_eq!(status.code(), Code::InvalidArgument, "{what}: {status:?}");
        assert_eq!(bad_fields(&status), [field], "{what}");
        assert!(
            !status.message().contains("Protobuf"),
            "{what}: no decoder text: {status:?}"
        );
    }
    // A valid encoding still works.
    let ok = call_raw(
        service.channel().await,
        ECHO,
        Shape::Unary,
        vec![0x0a, 0x01, b'x'],
        None,
    )
    .await;
    assert_eq!(ok.code(), Code::Ok, "{ok:?}");
}

#[tokio::test]
async fn services_apply_the_configured_message_limit() {
    let db = TestDb::new().await;
    let mut config = db.config();
    config.max_message_bytes = 2048;
    let service = TestService::start(echo::SPEC, config, echo::services).await;
    let mut client = EchoServiceClient::new(service.channel().await);
    let status = client
        .echo(EchoRequest {
            message: "x".repeat(3000),
            database_sleep: None,
        })
        .await
        .expect_err("larger than the limit");
    assert_eq!(status.code(), Code::OutOfRange, "{status:?}");
    client
        .echo(EchoRequest {
            message: "x".repeat(1000),
            database_sleep: None,
        })
        .await
        .expect("within the limit");
}

async fn check(service: &TestService, name: &str) -> Option<ServingStatus> {
    let channel = service.channel().await;
    let response = HealthClient::new(channel)
        .check(HealthCheckRequest {
            service: name.to_owned(),
        })
        .await
        .ok()?;
    Some(response.into_inner().status())
}

#[tokio::test]
async fn liveness_is_serving_while_the_process_runs() {
    let db = TestDb::new().await;
    let service = TestService::start(echo::SPEC, db.config(), echo::services).await;
    assert_eq!(
        check(&service, tessera_kit::server::LIVENESS).await,
        Some(ServingStatus::Serving)
    );
}

#[tokio::test]
async fn metrics_count_calls_by_method_and_code_and_time_database_operations() {
    let db = TestDb::new().await;
    let service = TestService::start(echo::SPEC, db.config(), echo::services).await;
    let mut client = EchoServiceClient::new(service.channel().await);
    for _ in 0..3 {
        client
            .echo(EchoRequest {
                message: "hi".into(),
                database_sleep: Some(Duration::ZERO.try_into().expect("duration")),
            })
            .await
            .expect("echo");
    }
    let _ = client
        .echo(EchoRequest {
            message: "x".repeat(5000),
            database_sleep: None,
        })
        .await
        .expect_err("too long");

    let text = scrape(service.metrics_addr()).await;
    let ok = sample(
        &text,
        "rpc_server_requests_total",
        &["rpc_method=\"Echo\"", "rpc_grpc_status_code=\"0\""],
    );
    assert_eq!(ok, Some(3.0), "{text}");
    let invalid = sample(
        &text,
        "rpc_server_requests_total",
        &["rpc_method=\"Echo\"", "rpc_grpc_status_code=\"3\""],
    );
    assert_eq!(invalid, Some(1.0), "{text}");
    let latencies = sample(
        &text,
        "rpc_server_duration_seconds_count",
        &["rpc_method=\"Echo\"", "rpc_grpc_status_code=\"0\""],
    );
    assert_eq!(latencies, Some(3.0), "{text}");
    let db_ops = sample(
        &text,
        "db_client_operation_duration_seconds_count",
        &["db_operation_name=\"echo_sleep\"", "outcome=\"ok\""],
    );
    assert_eq!(db_ops, Some(3.0), "{text}");
}

#[tokio::test]
async fn a_read_runs_outside_any_transaction_block() {
    #[derive(diesel::QueryableByName)]
    struct Xid {
        #[diesel(sql_type = BigInt)]
        xid: i64,
    }
    /// Two statements' transaction ids: equal inside one transaction block, different when
    /// each statement is its own transaction.
    async fn two_xids(
        conn: &mut diesel_async::AsyncPgConnection,
    ) -> Result<(i64, i64), tessera_kit::DbError> {
        const SQL: &str = "SELECT txid_current() AS xid";
        let first: Xid = diesel::sql_query(SQL).get_result(conn).await?;
        let second: Xid = diesel::sql_query(SQL).get_result(conn).await?;
        Ok((first.xid, second.xid))
    }
    let db = TestDb::new().await;
    let settings = tessera_kit::db::DbSettings::from_config(&db.config(), "test", "identity");
    let pool = tessera_kit::Db::new(&settings).expect("pool");
    let (a, b) = pool
        .read("probe", |conn| two_xids(conn).scope_boxed())
        .await
        .expect("read");
    assert_ne!(a, b, "a read ran inside a transaction block");
    let (a, b) = pool
        .transaction("probe", |conn| two_xids(conn).scope_boxed())
        .await
        .expect("transaction");
    assert_eq!(a, b, "the probe can tell a transaction block");
}
