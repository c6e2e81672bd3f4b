//! No provider token, connection detail or secret env var reaches the logs (at trace level),
//! whether the calls succeed or are refused.

use crate::harness;

use harness::Harness;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::authed;

const TOKEN: &str = "cf_token_LOGCANARY_1";
const PASSWORD: &str = "pw_LOGCANARY_2";
const SECRET: &str = "env_LOGCANARY_3";

#[tokio::test]
async fn secrets_never_reach_the_logs() {
    let capture = tessera_testkit::logs::LogCapture::install("trace,h2=off,hyper=off,tower=off");
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let eve = h.user("eve").await;
    let project = h.project(&ada, "p").await;
    let mut infra = h.infrastructure().await;
    infra
        .set_provider_credential(authed(
            &ada.token,
            pb::SetProviderCredentialRequest {
                provider: pb::Provider::Cloudflare as i32,
                api_token: TOKEN.into(),
                metadata: None,
            },
        ))
        .await
        .expect("credential");
    // Refused with the token in it: a bad provider.
    let _ = infra
        .set_provider_credential(authed(
            &ada.token,
            pb::SetProviderCredentialRequest {
                provider: 9,
                api_token: TOKEN.into(),
                metadata: None,
            },
        ))
        .await
        .expect_err("bad provider");
    let resource = infra
        .create_resource(authed(
            &ada.token,
            pb::CreateResourceRequest {
                project_id: project.id.clone(),
                resource: Some(pb::Resource {
                    r#type: 3,
                    provider: 1,
                    name: "db".into(),
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("resource")
        .into_inner()
        .resource
        .expect("resource");
    let details = Some(tessera_kit::convert::json_to_struct(
        &serde_json::json!({ "password": PASSWORD }),
    ));
    for status in [
        pb::ResourceStatus::Ready,
        pb::ResourceStatus::Provisioning,
        pb::ResourceStatus::Ready,
    ] {
        let _ = infra
            .set_resource_status(authed(
                &ada.token,
                pb::SetResourceStatusRequest {
                    resource_id: resource.id.clone(),
                    status: status as i32,
                    connection_info: details.clone(),
                    ..Default::default()
                },
            ))
            .await;
    }
    infra
        .reveal_connection_info(authed(
            &ada.token,
            pb::RevealConnectionInfoRequest {
                resource_id: resource.id.clone(),
            },
        ))
        .await
        .expect("reveal");
    let _ = infra
        .reveal_connection_info(authed(
            &eve.token,
            pb::RevealConnectionInfoRequest {
                resource_id: resource.id.clone(),
            },
        ))
        .await
        .expect_err("eve");
    h.env_vars()
        .await
        .set_env_var(authed(
            &ada.token,
            pb::SetEnvVarRequest {
                project_id: project.id.clone(),
                env_var: Some(pb::EnvVar {
                    key: "K".into(),
                    value: SECRET.into(),
                    is_secret: true,
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("env var");
    let logs = capture.text();
    assert!(
        logs.contains("project-intelligence") || logs.contains("intelligence"),
        "logs were captured"
    );
    for canary in [TOKEN, PASSWORD, SECRET, "LOGCANARY"] {
        assert!(!logs.contains(canary), "{canary} in the logs");
    }
}
