//! No password, token, hash or key reaches the logs during a full sign-in flow.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::{Identity, PASSWORD, SERVICE_TOKEN, authed};
use tessera_proto::tessera::identity::v1 as pb;

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("capture").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn a_full_sign_in_flow_logs_no_secret() {
    let capture = Capture::default();
    let writer = capture.clone();
    tracing_subscriber::fmt()
        .with_env_filter("trace,h2=off,hyper=off,tower=off,tokio_postgres=off")
        .with_writer(move || writer.clone())
        .init();

    let identity = Identity::start().await;
    let (_, token) = identity.sign_up("alice").await;
    let signed_in = identity
        .sign_in()
        .sign_in_with_password(pb::SignInWithPasswordRequest {
            identifier: "alice".into(),
            password: PASSWORD.into(),
            client_description: String::new(),
        })
        .await
        .expect("sign in")
        .into_inner();
    let second = signed_in.session.expect("session").token;
    let _ = identity
        .sign_in()
        .sign_in_with_password(pb::SignInWithPasswordRequest {
            identifier: "alice".into(),
            password: "wrong password!".into(),
            client_description: String::new(),
        })
        .await;
    identity
        .introspection()
        .introspect_token(authed(
            SERVICE_TOKEN,
            pb::IntrospectTokenRequest {
                token: token.clone(),
            },
        ))
        .await
        .expect("introspect");
    let _ = identity
        .accounts()
        .get_account(authed("tsess_forged_token_value", pb::GetAccountRequest {}))
        .await;
    identity
        .sessions()
        .sign_out(authed(&second, pb::SignOutRequest {}))
        .await
        .expect("sign out");

    let logs = String::from_utf8(capture.0.lock().expect("capture").clone()).expect("utf8");
    assert!(
        logs.contains("signed in"),
        "the flow was logged at all: {} bytes",
        logs.len()
    );
    let hash_hex: String = tessera_identity::crypto::token_hash(&token)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    for secret in [
        PASSWORD,
        "wrong password!",
        token.as_str(),
        &token[6..],
        second.as_str(),
        SERVICE_TOKEN,
        "tsess_forged_token_value",
        "$argon2id$",
        hash_hex.as_str(),
    ] {
        assert!(
            !logs.contains(secret),
            "a secret reached the logs: {secret}"
        );
    }
}
