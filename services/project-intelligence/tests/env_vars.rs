//! Env vars: secrets are ciphertext at rest, masked in lists, plaintext only to the owner's
//! reveal and to the internal export (service credential), and readable after a key rotation.

use crate::harness;

use harness::{Harness, NAME, User, eventually};
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::identity::key_ring_k1;
use tessera_testkit::{SERVICE_TOKEN, authed, bad_fields};
use tonic::Code;

const SECRET: &str = "sk-live-0123456789abcdef";

async fn set(h: &Harness, user: &User, project: &str, key: &str, value: &str, secret: bool) {
    h.env_vars()
        .await
        .set_env_var(authed(
            &user.token,
            pb::SetEnvVarRequest {
                project_id: project.into(),
                env_var: Some(pb::EnvVar {
                    key: key.into(),
                    value: value.into(),
                    is_secret: secret,
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("set env var");
}

async fn reveal(
    h: &Harness,
    user: &User,
    project: &str,
    key: &str,
) -> Result<String, tonic::Status> {
    h.env_vars()
        .await
        .reveal_env_var(authed(
            &user.token,
            pb::RevealEnvVarRequest {
                project_id: project.into(),
                key: key.into(),
            },
        ))
        .await
        .map(|r| r.into_inner().env_var.expect("env var").value)
}

#[tokio::test]
async fn secrets_are_sealed_masked_and_revealed_only_to_the_owner_and_deployers() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    set(&h, &ada, &project.id, "API_TOKEN", SECRET, true).await;
    set(&h, &ada, &project.id, "PORT", "8080", false).await;

    let stored: String = h
        .suite
        .db()
        .client()
        .await
        .query_one(
            "SELECT string_agg(t::text, ' ') FROM intelligence.project_env_vars t",
            &[],
        )
        .await
        .expect("rows")
        .get(0);
    assert!(!stored.contains(SECRET), "the secret is stored in clear");
    assert!(stored.contains("enc:v1:k1:"), "{stored}");

    let listed = h
        .env_vars()
        .await
        .list_env_vars(authed(
            &ada.token,
            pb::ListEnvVarsRequest {
                project_id: project.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner()
        .env_vars;
    let shown: Vec<(&str, &str, bool)> = listed
        .iter()
        .map(|v| (v.key.as_str(), v.value.as_str(), v.is_secret))
        .collect();
    assert_eq!(
        shown,
        [("API_TOKEN", "********", true), ("PORT", "8080", false)]
    );
    assert_eq!(
        reveal(&h, &ada, &project.id, "API_TOKEN")
            .await
            .expect("reveal"),
        SECRET
    );

    // The export is internal: a user's token is refused, a service credential is served.
    let export = pb::ExportEnvVarsRequest {
        user_id: ada.id.clone(),
        project_id: project.id.clone(),
    };
    let refused = h
        .export()
        .await
        .export_env_vars(authed(&ada.token, export.clone()))
        .await
        .expect_err("a user may not export");
    assert_eq!(refused.code(), Code::PermissionDenied, "{refused:?}");
    let exported = h
        .export()
        .await
        .export_env_vars(authed(SERVICE_TOKEN, export.clone()))
        .await
        .expect("export")
        .into_inner()
        .env_vars;
    assert_eq!(exported[0].value, SECRET);
    // For another user, the project does not exist.
    let bob = h.user("bob").await;
    let wrong_owner = h
        .export()
        .await
        .export_env_vars(authed(
            SERVICE_TOKEN,
            pb::ExportEnvVarsRequest {
                user_id: bob.id.clone(),
                ..export
            },
        ))
        .await
        .expect_err("not bob's");
    assert_eq!(wrong_owner.code(), Code::NotFound);

    // Replacing a secret by a plain value, then deleting it.
    set(&h, &ada, &project.id, "API_TOKEN", "public", false).await;
    assert_eq!(
        reveal(&h, &ada, &project.id, "API_TOKEN")
            .await
            .expect("reveal"),
        "public"
    );
    h.env_vars()
        .await
        .delete_env_var(authed(
            &ada.token,
            pb::DeleteEnvVarRequest {
                project_id: project.id.clone(),
                key: "API_TOKEN".into(),
            },
        ))
        .await
        .expect("delete");
    let gone = reveal(&h, &ada, &project.id, "API_TOKEN")
        .await
        .expect_err("gone");
    assert_eq!(gone.code(), Code::NotFound);
}

#[tokio::test]
async fn bad_keys_and_values_are_refused_without_echoing_the_value() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let before = h.fingerprint().await;
    for (key, value, field) in [
        ("1ABC", "hunter2-secret", "env_var.key"),
        ("WITH-DASH", "hunter2-secret", "env_var.key"),
        ("", "hunter2-secret", "env_var.key"),
        (&"K".repeat(257), "hunter2-secret", "env_var.key"),
        ("BIG", &"x".repeat(65 * 1024), "env_var.value"),
    ] {
        let refused = h
            .env_vars()
            .await
            .set_env_var(authed(
                &ada.token,
                pb::SetEnvVarRequest {
                    project_id: project.id.clone(),
                    env_var: Some(pb::EnvVar {
                        key: key.into(),
                        value: value.into(),
                        is_secret: true,
                        ..Default::default()
                    }),
                },
            ))
            .await
            .expect_err("refused");
        assert_eq!(bad_fields(&refused), [field], "{key}");
        assert!(!refused.message().contains(value));
    }
    assert_eq!(h.fingerprint().await, before);
}

#[tokio::test]
async fn secrets_stay_readable_across_a_key_rotation() {
    let mut h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    set(&h, &ada, &project.id, "API_TOKEN", SECRET, true).await;
    let k2 = format!("k2:{}", "MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI=");

    // k2 becomes primary, k1 stays to open the old rows: the start-up sweep re-seals them.
    h.suite.stop_member(NAME).await;
    h.suite.set_key_ring(&format!("{k2},{}", key_ring_k1()));
    h.restart_stopped().await;
    eventually(
        &h,
        "SELECT count(*) FROM intelligence.project_env_vars WHERE value LIKE 'enc:v1:k2:%'",
        1,
    )
    .await;
    // Then k1 can go.
    h.suite.stop_member(NAME).await;
    h.suite.set_key_ring(&k2);
    h.restart_stopped().await;
    assert_eq!(
        reveal(&h, &ada, &project.id, "API_TOKEN")
            .await
            .expect("reveal"),
        SECRET
    );
}
