//! No password, token, hash or key reaches the logs during a full sign-in flow.

use tessera_proto::tessera::identity::v1 as pb;
use tessera_testkit::{PASSWORD, SERVICE_TOKEN, TestIdentity as Identity, authed};

#[tokio::test]
async fn a_full_sign_in_flow_logs_no_secret() {
    let capture = tessera_testkit::logs::LogCapture::install("trace,h2=off,hyper=off,tower=off");

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

    identity
        .sign_in()
        .request_magic_link(pb::RequestMagicLinkRequest {
            email: "magic@example.com".into(),
        })
        .await
        .expect("magic link");
    let code = identity.mail.last_code("magic@example.com").expect("code");
    identity
        .sign_in()
        .verify_magic_link(pb::VerifyMagicLinkRequest {
            email: "magic@example.com".into(),
            code: code.clone(),
            client_description: String::new(),
        })
        .await
        .expect("verify");
    let device = identity
        .sign_in()
        .start_device_authorization(pb::StartDeviceAuthorizationRequest::default())
        .await
        .expect("device")
        .into_inner();
    identity
        .sign_in()
        .approve_device_authorization(authed(
            &token,
            pb::ApproveDeviceAuthorizationRequest {
                user_code: device.user_code.clone(),
                approve: true,
            },
        ))
        .await
        .expect("approve");
    let device_session = identity
        .sign_in()
        .poll_device_authorization(pb::PollDeviceAuthorizationRequest {
            device_code: device.device_code.clone(),
        })
        .await
        .expect("poll")
        .into_inner()
        .session
        .expect("session")
        .token;
    let api_key = "sk-live-do-not-log-this-0123456789";
    tessera_proto::tessera::identity::v1::api_key_service_client::ApiKeyServiceClient::new(
        identity.channel.clone(),
    )
    .set_api_key(authed(
        &token,
        pb::SetApiKeyRequest {
            provider: "openai".into(),
            key_name: "OPENAI_API_KEY".into(),
            value: api_key.into(),
        },
    ))
    .await
    .expect("api key");

    let logs = capture.text();
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
        code.as_str(),
        device.device_code.as_str(),
        device_session.as_str(),
        api_key,
        "enc:v1:",
    ] {
        assert!(
            !logs.contains(secret),
            "a secret reached the logs: {secret}"
        );
    }
}
