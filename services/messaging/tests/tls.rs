//! TLS on every hop, with the real binaries and certificates made here: a user signs up at
//! identity and calls messaging, which introspects the token at identity over mutual TLS;
//! health and reflection answer over TLS; internal RPCs need a client certificate besides the
//! service credential; plaintext clients and clients trusting another CA are refused; a
//! certificate replaced on disk is served to the next connection; the exec probe checks the
//! certificate on disk.

use std::path::Path;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use tessera_proto::tessera::identity::v1 as ipb;
use tessera_proto::tessera::identity::v1::account_service_client::AccountServiceClient;
use tessera_proto::tessera::identity::v1::introspection_service_client::IntrospectionServiceClient;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::device_service_client::DeviceServiceClient;
use tessera_testkit::binary::{RunningBinary, sibling};
use tessera_testkit::tls::{TestCa, channel};
use tessera_testkit::{PASSWORD, SERVICE_TOKEN, TestDb, authed, reason};
use tonic::Code;
use tonic::transport::Channel;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;

async fn serving(channel: Channel) -> bool {
    HealthClient::new(channel)
        .check(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .is_ok_and(|r| r.into_inner().status == 1)
}

/// Waits until `uri` answers SERVING over TLS trusting `ca`.
async fn wait_serving(uri: &str, ca: &Path) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(channel) = channel(uri, ca, "localhost", None).await
            && serving(channel).await
        {
            return;
        }
        assert!(Instant::now() < deadline, "{uri} not SERVING over TLS");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A new account's session token, signed up over `channel`.
async fn sign_up(channel: Channel, email: &str) -> String {
    AccountServiceClient::new(channel)
        .create_account(ipb::CreateAccountRequest {
            email: email.into(),
            password: PASSWORD.into(),
            ..Default::default()
        })
        .await
        .expect("sign up")
        .into_inner()
        .session
        .expect("session")
        .token
}

fn probe(binary: &str, db: &TestDb, port: u16, cert: &Path, key: &Path) -> (bool, String) {
    let out = std::process::Command::new(binary)
        .arg("probe")
        .env_clear()
        .env("DATABASE_URL", db.url())
        .env("TESSERA_GRPC_PORT", port.to_string())
        .env("TESSERA_TLS_CERT_FILE", cert)
        .env("TESSERA_TLS_KEY_FILE", key)
        .output()
        .expect("running the probe");
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), said)
}

#[tokio::test]
async fn every_hop_speaks_tls_and_a_renewed_certificate_is_served() {
    let dir = std::env::temp_dir().join(format!("tessera-grpc-tls-{}", uuid::Uuid::now_v7()));
    let ca = TestCa::new(&dir, "suite");
    let ca_file = ca.ca_file();
    let names = ["localhost", "127.0.0.1"];
    let (identity_cert, identity_key) = ca.issue("identity", &names);
    let (messaging_cert, messaging_key) = ca.issue("messaging", &names);
    let (client_cert, client_key) = ca.issue("tests-client", &["tests.client"]);
    let token_hash: String = Sha256::digest(SERVICE_TOKEN)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let db = TestDb::empty().await;
    let path = |p: &Path| p.display().to_string();

    let identity_binary = sibling("tessera-identity");
    let credentials = format!("messaging:{token_hash},tests:{token_hash}");
    let identity_env = [
        ("TESSERA_TLS_CERT_FILE", path(&identity_cert)),
        ("TESSERA_TLS_KEY_FILE", path(&identity_key)),
        ("TESSERA_TLS_CLIENT_CA_FILE", path(&ca_file)),
        ("TESSERA_INTERNAL_CREDENTIALS", credentials),
    ];
    let identity_env: Vec<(&str, &str)> =
        identity_env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let identity = RunningBinary::spawn(&identity_binary, db.url(), &identity_env);
    let identity_uri = format!("https://localhost:{}", identity.port());
    wait_serving(&identity_uri, &ca_file).await;
    // messaging's own copy of the CA it trusts for identity: a renewal rewrites it below.
    let messaging_trust = dir.join("messaging-trust.pem");
    std::fs::copy(&ca_file, &messaging_trust).expect("messaging's CA");
    let messaging = RunningBinary::spawn(
        env!("CARGO_BIN_EXE_tessera-messaging"),
        db.url(),
        &[
            ("TESSERA_TLS_CERT_FILE", &path(&messaging_cert)),
            ("TESSERA_TLS_KEY_FILE", &path(&messaging_key)),
            ("TESSERA_TLS_CA_FILE", &path(&messaging_trust)),
            ("TESSERA_IDENTITY_URL", &identity_uri),
            ("TESSERA_SERVICE_TOKEN", SERVICE_TOKEN),
        ],
    );
    let messaging_uri = format!("https://localhost:{}", messaging.port());
    wait_serving(&messaging_uri, &ca_file).await;

    // A user signs up over TLS, then messaging checks their token at identity (mutual TLS).
    let to_identity = channel(&identity_uri, &ca_file, "localhost", None)
        .await
        .expect("TLS to identity");
    let token = sign_up(to_identity.clone(), "tls@example.com").await;
    let to_messaging = channel(&messaging_uri, &ca_file, "localhost", None)
        .await
        .expect("TLS to messaging");
    DeviceServiceClient::new(to_messaging.clone())
        .list_devices(authed(&token, pb::ListDevicesRequest::default()))
        .await
        .expect("messaging authenticated the caller through identity over mutual TLS");

    // Health and reflection over TLS.
    assert!(serving(to_messaging.clone()).await);
    let listed = tessera_testkit::grpc::list_services(to_identity.clone()).await;
    assert!(
        listed
            .iter()
            .any(|s| s == "tessera.identity.v1.AccountService")
    );

    // An internal RPC: the service credential alone is not enough without a client certificate.
    let introspect = |channel: Channel| {
        let token = token.clone();
        async move {
            IntrospectionServiceClient::new(channel)
                .introspect_token(authed(SERVICE_TOKEN, ipb::IntrospectTokenRequest { token }))
                .await
        }
    };
    let refused = introspect(to_identity.clone())
        .await
        .expect_err("no client certificate");
    assert_eq!(refused.code(), Code::Unauthenticated);
    assert_eq!(reason(&refused), "CLIENT_CERTIFICATE_REQUIRED");
    let certified = channel(
        &identity_uri,
        &ca_file,
        "localhost",
        Some((&client_cert, &client_key)),
    )
    .await
    .expect("mutual TLS");
    introspect(certified)
        .await
        .expect("with a client certificate");

    // Plaintext and another CA are refused.
    let plaintext = Channel::from_shared(format!("http://127.0.0.1:{}", identity.port()))
        .expect("uri")
        .connect()
        .await;
    if let Ok(plaintext) = plaintext {
        assert!(
            !serving(plaintext).await,
            "a plaintext client got an answer"
        );
    }
    let stranger = TestCa::new(&dir, "stranger");
    assert!(
        channel(&identity_uri, &stranger.ca_file(), "localhost", None)
            .await
            .is_err(),
        "a client trusting another CA connected"
    );

    // The exec probe: SERVING, over TLS, pinning the certificate on disk.
    let (ok, said) = probe(
        &identity_binary,
        &db,
        identity.port(),
        &identity_cert,
        &identity_key,
    );
    assert!(ok && said.contains("SERVING"), "{said}");

    // Renewal: a certificate from another CA replaces the files; the next connection gets it.
    let renewed = TestCa::new(&dir.join("renewed"), "renewed");
    let (new_cert, new_key) = renewed.issue("identity", &names);
    std::fs::copy(&new_key, &identity_key).expect("replacing the key");
    std::fs::copy(&new_cert, &identity_cert).expect("replacing the certificate");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(channel) = channel(&identity_uri, &renewed.ca_file(), "localhost", None).await
            && serving(channel).await
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the renewed certificate is not served"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        channel(&identity_uri, &ca_file, "localhost", None)
            .await
            .is_err(),
        "the old certificate is still served"
    );
    let (ok, said) = probe(
        &identity_binary,
        &db,
        identity.port(),
        &identity_cert,
        &identity_key,
    );
    assert!(ok, "the probe pins the renewed certificate: {said}");

    // messaging's trust is renewed on disk too; identity restarts, so messaging must open a
    // new connection: with the CA read again, a new user's call goes through.
    std::fs::copy(renewed.ca_file(), &messaging_trust).expect("renewing messaging's trust");
    let port = identity.port();
    identity.signal("TERM");
    let (code, stderr) = identity.wait(Duration::from_secs(30)).await;
    assert_eq!(code, Some(0), "{stderr}");
    let identity =
        RunningBinary::spawn_on(&identity_binary, db.url(), &port.to_string(), &identity_env);
    wait_serving(&identity_uri, &renewed.ca_file()).await;
    let renewed_channel = channel(&identity_uri, &renewed.ca_file(), "localhost", None)
        .await
        .expect("TLS to the restarted identity");
    let second = sign_up(renewed_channel, "renewed@example.com").await;
    let deadline = Instant::now() + Duration::from_secs(40);
    loop {
        let call = DeviceServiceClient::new(to_messaging.clone())
            .list_devices(authed(&second, pb::ListDevicesRequest::default()))
            .await;
        match call {
            Ok(_) => break,
            Err(status) => assert!(
                Instant::now() < deadline,
                "messaging never trusted the renewed CA: {status:?}"
            ),
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    for binary in [messaging, identity] {
        binary.signal("TERM");
        let (code, stderr) = binary.wait(Duration::from_secs(30)).await;
        assert_eq!(code, Some(0), "{stderr}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
