//! User API keys: encrypted at rest, masked in listings, plaintext only for services, rotation.

use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::api_key_service_client::ApiKeyServiceClient;
use tessera_proto::tessera::identity::v1::api_key_vault_service_client::ApiKeyVaultServiceClient;
use tessera_testkit::identity::{key_ring_k1, setup_with_ring};
use tessera_testkit::{SERVICE_TOKEN, TestIdentity as Identity, authed};
use tonic::Code;

const SECRET: &str = "sk-ant-api03-very-secret-value-wxyz";

fn set(provider: &str, value: &str) -> pb::SetApiKeyRequest {
    pb::SetApiKeyRequest {
        provider: provider.into(),
        key_name: "ANTHROPIC_API_KEY".into(),
        value: value.into(),
    }
}

fn plaintext(user_id: &str, provider: &str) -> pb::GetApiKeyPlaintextRequest {
    pb::GetApiKeyPlaintextRequest {
        user_id: user_id.into(),
        provider: provider.into(),
    }
}

#[tokio::test]
async fn keys_are_encrypted_masked_and_only_services_see_plaintext() {
    let identity = Identity::start().await;
    let (alice, token) = identity.sign_up("alice").await;
    let (_, bob_token) = identity.sign_up("bob").await;
    let mut keys = ApiKeyServiceClient::new(identity.channel.clone());
    let stored = keys
        .set_api_key(authed(&token, set("anthropic", SECRET)))
        .await
        .expect("set")
        .into_inner();
    assert_eq!(stored.api_key.expect("key").masked_value, "sk-a…wxyz");

    let raw: String = identity
        .db
        .client()
        .await
        .query_one("SELECT key_value FROM identity.user_api_keys", &[])
        .await
        .expect("row")
        .get(0);
    assert!(
        raw.starts_with("enc:v1:k1:") && !raw.contains("very-secret"),
        "{raw}"
    );

    let listed = keys
        .list_api_keys(authed(&token, pb::ListApiKeysRequest {}))
        .await
        .expect("list")
        .into_inner();
    assert_eq!(listed.api_keys.len(), 1);
    assert!(!format!("{listed:?}").contains("very-secret"));
    let bobs = keys
        .list_api_keys(authed(&bob_token, pb::ListApiKeysRequest {}))
        .await
        .expect("list")
        .into_inner();
    assert!(bobs.api_keys.is_empty(), "bob sees none of alice's keys");

    let mut vault = ApiKeyVaultServiceClient::new(identity.channel.clone());
    let as_user = vault
        .get_api_key_plaintext(authed(&token, plaintext(&alice.id, "anthropic")))
        .await
        .expect_err("users may not");
    assert_eq!(as_user.code(), Code::PermissionDenied);
    let clear = vault
        .get_api_key_plaintext(authed(SERVICE_TOKEN, plaintext(&alice.id, "anthropic")))
        .await
        .expect("service")
        .into_inner();
    assert_eq!(clear.value, SECRET);

    // One key per provider: setting again replaces it.
    keys.set_api_key(authed(
        &token,
        set("anthropic", "sk-ant-api03-replacement-value-abcd"),
    ))
    .await
    .expect("replace");
    assert_eq!(
        identity
            .count("SELECT count(*) FROM identity.user_api_keys")
            .await,
        1
    );
    keys.delete_api_key(authed(
        &token,
        pb::DeleteApiKeyRequest {
            provider: "anthropic".into(),
        },
    ))
    .await
    .expect("delete");
    keys.delete_api_key(authed(
        &token,
        pb::DeleteApiKeyRequest {
            provider: "anthropic".into(),
        },
    ))
    .await
    .expect("idempotent");
    let gone = vault
        .get_api_key_plaintext(authed(SERVICE_TOKEN, plaintext(&alice.id, "anthropic")))
        .await
        .expect_err("deleted");
    assert_eq!(gone.code(), Code::NotFound);

    let invalid = keys
        .set_api_key(authed(&token, set("Bad Provider", "short")))
        .await
        .expect_err("invalid");
    assert_eq!(invalid.code(), Code::InvalidArgument);
}

#[tokio::test]
async fn a_new_primary_key_re_encrypts_old_rows_at_start_up() {
    let identity = Identity::start().await;
    let (alice, token) = identity.sign_up("alice").await;
    ApiKeyServiceClient::new(identity.channel.clone())
        .set_api_key(authed(&token, set("openai", SECRET)))
        .await
        .expect("set");
    let db = identity.stop().await;

    let rotated_ring = format!(
        "k2:MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI=,{}",
        key_ring_k1()
    );
    let identity = Identity::start_with(db, setup_with_ring(&rotated_ring)).await;
    let mut under_k2 = false;
    for _ in 0..100 {
        let raw: String = identity
            .db
            .client()
            .await
            .query_one("SELECT key_value FROM identity.user_api_keys", &[])
            .await
            .expect("row")
            .get(0);
        if raw.starts_with("enc:v1:k2:") {
            under_k2 = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        under_k2,
        "the row was re-encrypted under the new primary key"
    );
    let clear = ApiKeyVaultServiceClient::new(identity.channel.clone())
        .get_api_key_plaintext(authed(SERVICE_TOKEN, plaintext(&alice.id, "openai")))
        .await
        .expect("still readable")
        .into_inner();
    assert_eq!(clear.value, SECRET);
}
