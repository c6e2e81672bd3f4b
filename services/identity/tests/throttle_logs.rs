//! A lockout is logged as what it is, not as a database failure.

use tessera_proto::tessera::identity::v1 as pb;
use tessera_testkit::TestIdentity as Identity;
use tonic::Code;

#[tokio::test]
async fn a_lockout_is_not_a_database_failure() {
    let capture = tessera_testkit::logs::LogCapture::install("info,h2=off,hyper=off,tower=off");
    let identity = Identity::start().await;
    identity.sign_up("alice").await;
    let attempt = || {
        let mut sign_in = identity.sign_in();
        async move {
            sign_in
                .sign_in_with_password(pb::SignInWithPasswordRequest {
                    identifier: "alice".into(),
                    password: "not the password".into(),
                    client_description: String::new(),
                })
                .await
                .expect_err("wrong password")
        }
    };
    for _ in 0..5 {
        assert_eq!(attempt().await.code(), Code::Unauthenticated);
    }
    let throttled = attempt().await;
    assert_eq!(throttled.code(), Code::ResourceExhausted);
    assert_eq!(tessera_testkit::reason(&throttled), "TOO_MANY_FAILURES");

    let logs = capture.text();
    assert!(logs.contains("lockout after repeated failures"), "{logs}");
    assert!(
        !logs.contains("database operation failed"),
        "a refusal logged as a database failure:\n{logs}"
    );
}
