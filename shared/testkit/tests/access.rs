//! Deny by default, checked on the real binaries' services: every method of every service in
//! the descriptor set is called with no credentials, with a user's session where a service
//! credential is required, and with a service credential where a user's session is required.
//! Each is refused unless the service's access policy lists it. A new RPC is covered the day
//! its proto lands, without new test code.

use std::collections::HashSet;

use tessera_kit::auth::Access;
use tessera_kit::auth::layer::Requirement;
use tessera_testkit::grpc::{call_raw, list_services, tessera_methods};
use tessera_testkit::suite::{OPERATOR_TOKEN, service_token};
use tessera_testkit::{TestSuite, reason};
use tonic::Code;
use tonic::transport::Channel;

fn assert_refused(status: &tonic::Status, code: Code, why: &str, what: &str) {
    assert_eq!(
        (status.code(), reason(status).as_str()),
        (code, why),
        "{what}: {status:?}"
    );
}

#[tokio::test]
async fn every_method_of_every_service_is_refused_unless_listed() {
    let suite = TestSuite::new()
        .with(tessera_vault_storage::SPEC, |ctx| {
            tessera_vault_storage::services(ctx, Default::default())
        })
        .with(tessera_messaging::SPEC, |ctx| {
            tessera_messaging::services(ctx, Default::default())
        })
        .with(tessera_project_intelligence::SPEC, |ctx| {
            tessera_project_intelligence::services(ctx, Default::default())
        })
        .start()
        .await;
    let (_, user_token) = suite.identity.sign_up("alice").await;
    let user = format!("Bearer {user_token}");
    let service = format!("Bearer {}", service_token("messaging"));
    let operator = format!("Bearer {OPERATOR_TOKEN}");

    let servers: Vec<(&str, Channel, Access)> = vec![
        (
            "identity",
            suite.identity.channel.clone(),
            tessera_identity::ACCESS,
        ),
        (
            "vault-storage",
            suite.channel("vault-storage").await,
            tessera_vault_storage::ACCESS,
        ),
        (
            "messaging",
            suite.channel("messaging").await,
            tessera_messaging::ACCESS,
        ),
        (
            "project-intelligence",
            suite.channel("project-intelligence").await,
            tessera_project_intelligence::ACCESS,
        ),
    ];
    let methods = tessera_methods();
    assert!(
        methods.len() > 20,
        "the descriptor set lists the suite's methods"
    );
    let mut served = HashSet::new();
    for (server, channel, access) in servers {
        let listed = list_services(channel.clone()).await;
        for (name, method, shape) in methods.iter().filter(|(s, ..)| listed.contains(s)) {
            served.insert(name.clone());
            let path = format!("/{name}/{method}");
            let what = format!("{server} {path}");
            let anonymous = call_raw(channel.clone(), &path, *shape, Vec::new(), None).await;
            match access.requirement(name, method) {
                Requirement::Public => {
                    let why = reason(&anonymous);
                    assert!(
                        !matches!(
                            why.as_str(),
                            "CREDENTIALS_MISSING" | "SERVICE_CREDENTIAL_REQUIRED"
                        ),
                        "{what} is public, yet refused for lack of credentials: {anonymous:?}"
                    );
                }
                Requirement::Service => {
                    assert_refused(
                        &anonymous,
                        Code::Unauthenticated,
                        "SERVICE_CREDENTIAL_REQUIRED",
                        &what,
                    );
                    let as_user =
                        call_raw(channel.clone(), &path, *shape, Vec::new(), Some(&user)).await;
                    assert_refused(&as_user, Code::PermissionDenied, "SERVICE_ONLY", &what);
                    let forged = call_raw(
                        channel.clone(),
                        &path,
                        *shape,
                        Vec::new(),
                        Some("Bearer tsvc_made_up_0123456789"),
                    )
                    .await;
                    assert_refused(&forged, Code::Unauthenticated, "CREDENTIALS_INVALID", &what);
                }
                Requirement::Operator => {
                    assert_refused(
                        &anonymous,
                        Code::Unauthenticated,
                        "OPERATOR_CREDENTIAL_REQUIRED",
                        &what,
                    );
                    for (who, token) in [("user", &user), ("service", &service)] {
                        let refused =
                            call_raw(channel.clone(), &path, *shape, Vec::new(), Some(token)).await;
                        assert_refused(
                            &refused,
                            Code::PermissionDenied,
                            "OPERATOR_ONLY",
                            &format!("{what} as {who}"),
                        );
                    }
                }
                Requirement::Open => {
                    // An empty request names nothing public: refused, whoever calls.
                    assert_ne!(anonymous.code(), Code::Ok, "{what} anonymously");
                    for (who, token) in [("user", &user), ("service", &service)] {
                        let status =
                            call_raw(channel.clone(), &path, *shape, Vec::new(), Some(token)).await;
                        let why = reason(&status);
                        assert!(
                            !matches!(
                                why.as_str(),
                                "CREDENTIALS_MISSING" | "USER_ONLY" | "SERVICE_ONLY"
                            ),
                            "{what} is open to {who}s, yet refused as one: {status:?}"
                        );
                    }
                }
                Requirement::User => {
                    assert_refused(
                        &anonymous,
                        Code::Unauthenticated,
                        "CREDENTIALS_MISSING",
                        &what,
                    );
                    let as_service =
                        call_raw(channel.clone(), &path, *shape, Vec::new(), Some(&service)).await;
                    assert_refused(&as_service, Code::PermissionDenied, "USER_ONLY", &what);
                    // An operator credential is not a session.
                    let as_operator =
                        call_raw(channel.clone(), &path, *shape, Vec::new(), Some(&operator)).await;
                    assert_eq!(
                        as_operator.code(),
                        Code::Unauthenticated,
                        "{what} as operator: {as_operator:?}"
                    );
                }
                Requirement::Nothing => panic!("{what}: served but not guarded"),
            }
        }
    }
    for (name, ..) in &methods {
        assert!(served.contains(name), "{name} is served by no binary");
    }
}

#[tokio::test]
async fn two_authorization_values_are_refused_everywhere() {
    let suite = TestSuite::new().start().await;
    let (_, token) = suite.identity.sign_up("alice").await;
    let mut request =
        tonic::Request::new(tessera_proto::tessera::identity::v1::GetAccountRequest {});
    let metadata = request.metadata_mut();
    metadata.append(
        "authorization",
        format!("Bearer {token}").parse().expect("metadata"),
    );
    metadata.append(
        "authorization",
        "Bearer tsess_someone_else".parse().expect("metadata"),
    );
    let status = suite
        .identity
        .accounts()
        .get_account(request)
        .await
        .expect_err("ambiguous credentials");
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    assert_eq!(tessera_testkit::bad_fields(&status), ["authorization"]);

    // Also on a public method, which reads no credentials at all.
    let mut request = tonic::Request::new(tessera_proto::tessera::identity::v1::PreloginRequest {
        identifier: "alice".into(),
    });
    let metadata = request.metadata_mut();
    metadata.append("authorization", "Bearer a".parse().expect("metadata"));
    metadata.append("authorization", "Bearer b".parse().expect("metadata"));
    let status = suite
        .identity
        .sign_in()
        .prelogin(request)
        .await
        .expect_err("ambiguous credentials");
    assert_eq!(status.code(), Code::InvalidArgument);
}

#[tokio::test]
async fn a_policy_naming_what_is_not_served_stops_start_up() {
    let db = tessera_testkit::TestDb::new().await;
    let service = tessera_testkit::TestService::spawn(
        tessera_testkit::echo::SPEC,
        db.config(),
        |ctx| {
            Ok(ctx
                .services(Access {
                    public: &["tessera.testing.v1.EchoService/Ech0"],
                    internal: &[],
                    operator: &[],
                    open: &[],
                })
                .with(
                    tessera_proto::tessera::testing::v1::echo_service_server::EchoServiceServer::new(
                        tessera_testkit::echo::Echo::new(ctx),
                    ),
                ))
        },
    )
    .await;
    let err = service.join().await.expect_err("a typo must not start");
    assert!(
        format!("{err:#}").contains("tessera.testing.v1.EchoService/Ech0"),
        "{err:#}"
    );
}
