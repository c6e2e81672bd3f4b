//! Provider credentials (sealed, never returned, re-sealed after a key rotation) and resources
//! (status moves, sealed connection details shown only by a reveal) over gRPC, as the owner
//! and as another user.

use crate::harness;

use harness::{Harness, User};
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;

const TOKEN: &str = "rw_live_0123456789abcdefSECRET";

#[tokio::test]
async fn provider_tokens_are_sealed_and_never_returned() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let eve = h.user("eve").await;
    let mut infra = h.infrastructure().await;
    let set = |token: &str, account: &str| pb::SetProviderCredentialRequest {
        provider: pb::Provider::Railway as i32,
        api_token: token.into(),
        metadata: Some(tessera_kit::convert::json_to_struct(
            &serde_json::json!({ "account_id": account }),
        )),
    };
    let first = infra
        .set_provider_credential(authed(&ada.token, set(TOKEN, "a1")))
        .await
        .expect("set")
        .into_inner();
    assert!(!format!("{first:?}").contains("SECRET"));
    let replaced = infra
        .set_provider_credential(authed(&ada.token, set("rw_live_other_SECRET2", "a2")))
        .await
        .expect("replace")
        .into_inner()
        .credential
        .expect("credential");
    assert_eq!(
        replaced.id,
        first.credential.expect("credential").id,
        "one per user and provider"
    );
    let listed = infra
        .list_provider_credentials(authed(&ada.token, pb::ListProviderCredentialsRequest {}))
        .await
        .expect("list")
        .into_inner();
    assert_eq!(listed.credentials.len(), 1);
    assert!(!format!("{listed:?}").contains("SECRET"), "{listed:?}");
    let stored: String = h
        .suite
        .db()
        .client()
        .await
        .query_one(
            "SELECT api_token FROM intelligence.provider_credentials",
            &[],
        )
        .await
        .expect("row")
        .get(0);
    assert!(
        stored.starts_with("enc:v1:") && !stored.contains("SECRET"),
        "sealed at rest"
    );
    // Another user has none, and cannot delete ada's.
    let theirs = infra
        .list_provider_credentials(authed(&eve.token, pb::ListProviderCredentialsRequest {}))
        .await
        .expect("list")
        .into_inner();
    assert!(theirs.credentials.is_empty());
    let refused = infra
        .delete_provider_credential(authed(
            &eve.token,
            pb::DeleteProviderCredentialRequest {
                provider: pb::Provider::Railway as i32,
            },
        ))
        .await
        .expect_err("eve has none");
    assert_eq!(refused.code(), Code::NotFound);
    let bad = infra
        .set_provider_credential(authed(
            &ada.token,
            pb::SetProviderCredentialRequest {
                provider: 7,
                api_token: String::new(),
                metadata: None,
            },
        ))
        .await
        .expect_err("bad");
    let mut fields = bad_fields(&bad);
    fields.sort();
    assert_eq!(fields, ["api_token", "provider"]);
    assert!(!bad.message().contains("SECRET"));
    // Account deletion removes them.
    h.suite
        .identity
        .accounts()
        .delete_account(authed(
            &ada.token,
            tessera_proto::tessera::identity::v1::DeleteAccountRequest {
                password: tessera_testkit::PASSWORD.into(),
            },
        ))
        .await
        .expect("delete account");
    harness::eventually(
        &h,
        "SELECT count(*) FROM intelligence.provider_credentials",
        0,
    )
    .await;
}

async fn resource(h: &Harness, user: &User, project: &str) -> pb::Resource {
    h.infrastructure()
        .await
        .create_resource(authed(
            &user.token,
            pb::CreateResourceRequest {
                project_id: project.into(),
                resource: Some(pb::Resource {
                    r#type: pb::ResourceType::DatabasePostgres as i32,
                    provider: pb::Provider::Railway as i32,
                    name: "main db".into(),
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("create resource")
        .into_inner()
        .resource
        .expect("resource")
}

fn to(id: &str, status: pb::ResourceStatus) -> pb::SetResourceStatusRequest {
    pb::SetResourceStatusRequest {
        resource_id: id.into(),
        status: status as i32,
        ..Default::default()
    }
}

#[tokio::test]
async fn resources_move_only_along_their_lifecycle_and_reveal_details_to_the_owner() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let eve = h.user("eve").await;
    let project = h.project(&ada, "p").await;
    let r = resource(&h, &ada, &project.id).await;
    assert_eq!(
        (r.status, r.r#type, r.has_connection_info),
        (
            pb::ResourceStatus::Pending as i32,
            pb::ResourceType::DatabasePostgres as i32,
            false
        )
    );
    assert_eq!(h.count("SELECT count(*) FROM intelligence.infrastructure_resources WHERE type = 'database:postgres'").await, 1);
    let mut infra = h.infrastructure().await;
    let early = infra
        .set_resource_status(authed(&ada.token, to(&r.id, pb::ResourceStatus::Ready)))
        .await
        .expect_err("pending -> ready");
    assert_eq!(early.code(), Code::FailedPrecondition);
    // Concurrent moves to provisioning: exactly one passes.
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (client, token, id) = (h.infrastructure().await, ada.token.clone(), r.id.clone());
        tasks.push(tokio::spawn(async move {
            let mut client = client;
            client
                .set_resource_status(authed(&token, to(&id, pb::ResourceStatus::Provisioning)))
                .await
                .is_ok()
        }));
    }
    let mut wins = 0;
    for task in tasks {
        wins += usize::from(task.await.expect("task"));
    }
    assert_eq!(wins, 1);
    let details = serde_json::json!({"url": "postgres://u:pw-SECRET@db:5432/app", "port": 5432});
    let ready = infra
        .set_resource_status(authed(
            &ada.token,
            pb::SetResourceStatusRequest {
                connection_info: Some(tessera_kit::convert::json_to_struct(&details)),
                provider_resource_id: "svc_123".into(),
                ..to(&r.id, pb::ResourceStatus::Ready)
            },
        ))
        .await
        .expect("ready")
        .into_inner()
        .resource
        .expect("resource");
    assert!(ready.has_connection_info);
    assert_eq!(ready.provider_resource_id, "svc_123");
    let got = infra
        .get_resource(authed(
            &ada.token,
            pb::GetResourceRequest {
                resource_id: r.id.clone(),
            },
        ))
        .await
        .expect("get")
        .into_inner();
    assert!(
        !format!("{got:?}").contains("SECRET"),
        "details only through a reveal"
    );
    let stored: String = h
        .suite
        .db()
        .client()
        .await
        .query_one(
            "SELECT connection_info FROM intelligence.infrastructure_resources",
            &[],
        )
        .await
        .expect("row")
        .get(0);
    assert!(stored.starts_with("enc:v1:") && !stored.contains("SECRET"));
    let revealed = infra
        .reveal_connection_info(authed(
            &ada.token,
            pb::RevealConnectionInfoRequest {
                resource_id: r.id.clone(),
            },
        ))
        .await
        .expect("reveal")
        .into_inner()
        .connection_info
        .expect("details");
    assert_eq!(
        tessera_kit::convert::struct_to_json(&revealed)["url"],
        details["url"]
    );
    let hidden = infra
        .reveal_connection_info(authed(
            &eve.token,
            pb::RevealConnectionInfoRequest {
                resource_id: r.id.clone(),
            },
        ))
        .await
        .expect_err("eve");
    assert_eq!(hidden.code(), Code::NotFound);
    assert!(!hidden.message().contains("SECRET"));
    let back = infra
        .set_resource_status(authed(
            &ada.token,
            to(&r.id, pb::ResourceStatus::Provisioning),
        ))
        .await
        .expect_err("ready -> provisioning");
    assert_eq!(back.code(), Code::FailedPrecondition);
    let missing_error = infra
        .set_resource_status(authed(&ada.token, to(&r.id, pb::ResourceStatus::Error)))
        .await
        .expect_err("no error text");
    assert_eq!(bad_fields(&missing_error), ["error"]);
    infra
        .set_resource_status(authed(&ada.token, to(&r.id, pb::ResourceStatus::Deleted)))
        .await
        .expect("any -> deleted");
    for status in [
        pb::ResourceStatus::Provisioning,
        pb::ResourceStatus::Deleted,
    ] {
        let after = infra
            .set_resource_status(authed(&ada.token, to(&r.id, status)))
            .await
            .expect_err("deleted is final");
        assert_eq!(after.code(), Code::FailedPrecondition, "{status:?}");
    }
    // error -> provisioning is a retry.
    let second = resource(&h, &ada, &project.id).await;
    infra
        .set_resource_status(authed(
            &ada.token,
            to(&second.id, pb::ResourceStatus::Provisioning),
        ))
        .await
        .expect("provisioning");
    let failed = infra
        .set_resource_status(authed(
            &ada.token,
            pb::SetResourceStatusRequest {
                error: "quota".into(),
                ..to(&second.id, pb::ResourceStatus::Error)
            },
        ))
        .await
        .expect("error")
        .into_inner()
        .resource
        .expect("resource");
    assert_eq!(failed.error, "quota");
    infra
        .set_resource_status(authed(
            &ada.token,
            to(&second.id, pb::ResourceStatus::Provisioning),
        ))
        .await
        .expect("retry");
    let listed = infra
        .list_resources(authed(
            &ada.token,
            pb::ListResourcesRequest {
                project_id: project.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner()
        .resources;
    assert_eq!(
        listed.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        [second.id.as_str(), r.id.as_str()]
    );
    let before = h.fingerprint().await;
    let eve_calls = [
        infra
            .list_resources(authed(
                &eve.token,
                pb::ListResourcesRequest {
                    project_id: project.id.clone(),
                    ..Default::default()
                },
            ))
            .await
            .map(drop),
        infra
            .get_resource(authed(
                &eve.token,
                pb::GetResourceRequest {
                    resource_id: second.id.clone(),
                },
            ))
            .await
            .map(drop),
        infra
            .set_resource_status(authed(
                &eve.token,
                to(&second.id, pb::ResourceStatus::Deleted),
            ))
            .await
            .map(drop),
        infra
            .create_resource(authed(
                &eve.token,
                pb::CreateResourceRequest {
                    project_id: project.id.clone(),
                    resource: Some(pb::Resource {
                        r#type: 1,
                        provider: 1,
                        name: "x".into(),
                        ..Default::default()
                    }),
                },
            ))
            .await
            .map(drop),
    ];
    for result in eve_calls {
        assert_eq!(result.expect_err("eve").code(), Code::NotFound);
    }
    assert_eq!(h.fingerprint().await, before);
}

#[tokio::test]
async fn tokens_and_connection_details_are_resealed_after_a_key_rotation() {
    let mut h = Harness::start().await;
    let ada = h.user("ada").await;
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
    let r = resource(&h, &ada, &project.id).await;
    infra
        .set_resource_status(authed(
            &ada.token,
            to(&r.id, pb::ResourceStatus::Provisioning),
        ))
        .await
        .expect("provisioning");
    let details = serde_json::json!({"password": "pw"});
    infra
        .set_resource_status(authed(
            &ada.token,
            pb::SetResourceStatusRequest {
                connection_info: Some(tessera_kit::convert::json_to_struct(&details)),
                ..to(&r.id, pb::ResourceStatus::Ready)
            },
        ))
        .await
        .expect("ready");
    let k2 = format!("k2:{}", "MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI=");
    h.suite.stop_member(harness::NAME).await;
    h.suite.set_key_ring(&format!(
        "{k2},{}",
        tessera_testkit::identity::key_ring_k1()
    ));
    h.restart_stopped().await;
    harness::eventually(
        &h,
        "SELECT count(*) FROM intelligence.provider_credentials WHERE api_token LIKE 'enc:v1:k2:%'",
        1,
    )
    .await;
    harness::eventually(&h, "SELECT count(*) FROM intelligence.infrastructure_resources WHERE connection_info LIKE 'enc:v1:k2:%'", 1).await;
    // The old key can go: the details still open.
    h.suite.stop_member(harness::NAME).await;
    h.suite.set_key_ring(&k2);
    h.restart_stopped().await;
    let revealed = h
        .infrastructure()
        .await
        .reveal_connection_info(authed(
            &ada.token,
            pb::RevealConnectionInfoRequest {
                resource_id: r.id.clone(),
            },
        ))
        .await
        .expect("reveal")
        .into_inner()
        .connection_info
        .expect("details");
    assert_eq!(tessera_kit::convert::struct_to_json(&revealed), details);
}
