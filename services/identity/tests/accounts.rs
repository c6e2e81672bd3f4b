//! Accounts and password sign-in, end to end over gRPC.

use serde_json::json;
use tessera_kit::convert::json_to_struct;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_testkit::{PASSWORD, TestIdentity as Identity, authed, bad_fields, reason};
use tonic::Code;

fn sign_in(identifier: &str, password: &str) -> pb::SignInWithPasswordRequest {
    pb::SignInWithPasswordRequest {
        identifier: identifier.into(),
        password: password.into(),
        client_description: String::new(),
    }
}

#[tokio::test]
async fn sign_up_sign_in_and_read_own_account() {
    let identity = Identity::start().await;
    let (user, token) = identity.sign_up("alice").await;
    assert_eq!(user.email, "alice@example.com");
    assert!(user.has_password);
    assert!(token.starts_with("tsess_"));

    let me = identity
        .accounts()
        .get_account(authed(&token, pb::GetAccountRequest {}))
        .await
        .expect("get")
        .into_inner();
    assert_eq!(me.user.expect("user").id, user.id);

    for identifier in ["ALICE", "Alice@Example.com"] {
        let signed_in = identity
            .sign_in()
            .sign_in_with_password(sign_in(identifier, PASSWORD))
            .await
            .expect("sign in");
        assert_eq!(signed_in.into_inner().user.expect("user").id, user.id);
    }
    // The password is stored only as an Argon2id hash.
    let stored: String = identity
        .db
        .client()
        .await
        .query_one("SELECT password_hash FROM identity.users", &[])
        .await
        .expect("row")
        .get(0);
    assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$") && !stored.contains(PASSWORD));
}

#[tokio::test]
async fn wrong_password_and_unknown_account_look_the_same() {
    let identity = Identity::start().await;
    identity.sign_up("bob").await;
    let wrong = identity
        .sign_in()
        .sign_in_with_password(sign_in("bob", "not the password"))
        .await
        .expect_err("wrong");
    let unknown = identity
        .sign_in()
        .sign_in_with_password(sign_in("nobody", PASSWORD))
        .await
        .expect_err("unknown");
    assert_eq!(wrong.code(), Code::Unauthenticated);
    assert_eq!(
        (wrong.code(), wrong.message(), reason(&wrong)),
        (unknown.code(), unknown.message(), reason(&unknown))
    );
    assert_eq!(reason(&wrong), "INVALID_CREDENTIALS");
}

#[tokio::test]
async fn bad_input_is_rejected_field_by_field_and_changes_nothing() {
    let identity = Identity::start().await;
    let status = identity
        .accounts()
        .create_account(pb::CreateAccountRequest {
            email: "not-an-email".into(),
            username: "x!".into(),
            password: "short".into(),
            picture_url: "javascript:alert(1)".into(),
            public_key: Some(json_to_struct(
                &json!({"kty": "RSA", "n": "a", "e": "AQAB", "d": "private!"}),
            )),
            ..Default::default()
        })
        .await
        .expect_err("invalid");
    assert_eq!(status.code(), Code::InvalidArgument);
    let mut fields = bad_fields(&status);
    fields.sort();
    assert_eq!(
        fields,
        ["email", "password", "picture_url", "public_key", "username"]
    );
    assert!(!status.message().contains("private!"));
    assert_eq!(
        identity.count("SELECT count(*) FROM identity.users").await,
        0
    );

    let status = identity
        .accounts()
        .create_account(pb::CreateAccountRequest {
            password: PASSWORD.into(),
            ..Default::default()
        })
        .await;
    assert_eq!(
        status.expect_err("no identifier").code(),
        Code::InvalidArgument
    );
}

#[tokio::test]
async fn emails_and_usernames_are_unique_regardless_of_case() {
    let identity = Identity::start().await;
    identity.sign_up("carol").await;
    for (email, username) in [("CAROL@example.com", "other"), ("new@example.com", "Carol")] {
        let status = identity
            .accounts()
            .create_account(pb::CreateAccountRequest {
                email: email.into(),
                username: username.into(),
                password: PASSWORD.into(),
                ..Default::default()
            })
            .await
            .expect_err("taken");
        assert_eq!(status.code(), Code::AlreadyExists, "{status:?}");
    }
    assert_eq!(
        identity.count("SELECT count(*) FROM identity.users").await,
        1
    );
}

#[tokio::test]
async fn update_touches_only_the_callers_account_and_masked_fields() {
    let identity = Identity::start().await;
    let (alice, alice_token) = identity.sign_up("alice").await;
    let (bob, _) = identity.sign_up("bob").await;
    let key = json_to_struct(
        &json!({"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}),
    );
    let updated = identity
        .accounts()
        .update_account(authed(
            &alice_token,
            pb::UpdateAccountRequest {
                user: Some(pb::User {
                    id: bob.id.clone(), // ignored: the caller's own account is updated
                    display_name: "Alice A.".into(),
                    username: "ignored_not_in_mask".into(),
                    public_key: Some(key.clone()),
                    ..Default::default()
                }),
                update_mask: Some(prost_types::FieldMask {
                    paths: vec!["display_name".into(), "public_key".into()],
                }),
            },
        ))
        .await
        .expect("update")
        .into_inner()
        .user
        .expect("user");
    assert_eq!(
        (
            updated.id.as_str(),
            updated.display_name.as_str(),
            updated.username.as_str()
        ),
        (alice.id.as_str(), "Alice A.", "alice")
    );
    assert_eq!(updated.public_key, Some(key));

    let profile = identity
        .accounts()
        .lookup_user(authed(
            &alice_token,
            pb::LookupUserRequest {
                key: Some(pb::lookup_user_request::Key::Username("BOB".into())),
            },
        ))
        .await
        .expect("lookup")
        .into_inner()
        .profile
        .expect("profile");
    assert_eq!(profile.id, bob.id);
    assert_eq!(profile.display_name, "");

    let status = identity
        .accounts()
        .update_account(authed(
            &alice_token,
            pb::UpdateAccountRequest {
                user: Some(pb::User::default()),
                update_mask: Some(prost_types::FieldMask {
                    paths: vec!["subscription_tier".into()],
                }),
            },
        ))
        .await
        .expect_err("not updatable");
    assert_eq!(status.code(), Code::InvalidArgument);
}

#[tokio::test]
async fn every_account_rpc_requires_a_valid_session() {
    let identity = Identity::start().await;
    let (bob, _) = identity.sign_up("bob").await;
    let anonymous = identity
        .accounts()
        .get_account(pb::GetAccountRequest {})
        .await
        .expect_err("anonymous");
    assert_eq!(
        (anonymous.code(), reason(&anonymous).as_str()),
        (Code::Unauthenticated, "CREDENTIALS_MISSING")
    );
    let forged = identity
        .accounts()
        .get_account(authed("tsess_forged", pb::GetAccountRequest {}))
        .await
        .expect_err("forged");
    assert_eq!(
        (forged.code(), reason(&forged).as_str()),
        (Code::Unauthenticated, "SESSION_INVALID")
    );
    let lookup = identity
        .accounts()
        .lookup_user(pb::LookupUserRequest {
            key: Some(pb::lookup_user_request::Key::Id(bob.id)),
        })
        .await
        .expect_err("anonymous lookup");
    assert_eq!(lookup.code(), Code::Unauthenticated);
}

#[tokio::test]
async fn legacy_bcrypt_accounts_sign_in_and_are_upgraded() {
    let identity = Identity::start().await;
    let legacy = bcrypt::hash("orbital password", 4).expect("bcrypt");
    identity
        .db
        .client()
        .await
        .execute(
            "INSERT INTO identity.users (id, username, password_hash) VALUES ($1::text::uuid, 'orbital_user', $2)",
            &[&uuid::Uuid::now_v7().to_string(), &legacy],
        )
        .await
        .expect("insert legacy user");
    identity
        .sign_in()
        .sign_in_with_password(sign_in("orbital_user", "orbital password"))
        .await
        .expect("legacy sign in");
    let stored: String = identity
        .db
        .client()
        .await
        .query_one("SELECT password_hash FROM identity.users", &[])
        .await
        .expect("row")
        .get(0);
    assert!(stored.starts_with("$argon2id$"), "{stored}");
    identity
        .sign_in()
        .sign_in_with_password(sign_in("orbital_user", "orbital password"))
        .await
        .expect("upgraded sign in");
}

#[tokio::test]
async fn repeated_failures_lock_out_temporarily_with_growing_waits() {
    use tonic_types::StatusExt;
    let identity = Identity::start().await;
    identity.sign_up("dave").await;
    for _ in 0..5 {
        let status = identity
            .sign_in()
            .sign_in_with_password(sign_in("dave", "wrong password"))
            .await
            .expect_err("wrong");
        assert_eq!(status.code(), Code::Unauthenticated);
    }
    // Locked: even the right password is refused, with a hint when to come back.
    let locked = identity
        .sign_in()
        .sign_in_with_password(sign_in("dave", PASSWORD))
        .await
        .expect_err("locked");
    assert_eq!(locked.code(), Code::ResourceExhausted);
    let wait = locked
        .get_details_retry_info()
        .and_then(|r| r.retry_delay)
        .expect("RetryInfo");
    assert!(
        wait <= std::time::Duration::from_secs(30) && wait > std::time::Duration::ZERO,
        "{wait:?}"
    );

    identity.clock.advance(chrono::Duration::seconds(31));
    for _ in 0..5 {
        identity
            .sign_in()
            .sign_in_with_password(sign_in("dave", "wrong password"))
            .await
            .expect_err("wrong");
    }
    let locked = identity
        .sign_in()
        .sign_in_with_password(sign_in("dave", PASSWORD))
        .await
        .expect_err("locked again");
    let wait = locked
        .get_details_retry_info()
        .and_then(|r| r.retry_delay)
        .expect("RetryInfo");
    assert!(
        wait > std::time::Duration::from_secs(30),
        "the second lockout is longer: {wait:?}"
    );

    identity.clock.advance(chrono::Duration::seconds(61));
    identity
        .sign_in()
        .sign_in_with_password(sign_in("dave", PASSWORD))
        .await
        .expect("the lockout ends");
}

#[tokio::test]
async fn prelogin_reveals_nothing_about_which_accounts_exist() {
    let identity = Identity::start().await;
    // Sign-up accepts only the profile Prelogin offers: anything else would tell a real
    // account's answer from a made-up one.
    let stronger = pb::KdfParams {
        salt: vec![9; 16],
        memory_kib: 65_536,
        iterations: 3,
        parallelism: 1,
    };
    let refused = identity
        .accounts()
        .create_account(pb::CreateAccountRequest {
            email: "vault@example.com".into(),
            password: "a-derived-auth-hash-0123456789".into(),
            kdf_params: Some(stronger),
            ..Default::default()
        })
        .await
        .expect_err("a profile the server does not offer");
    assert_eq!(
        bad_fields(&refused),
        ["kdf_params.memory_kib", "kdf_params.iterations"]
    );
    let long_salt = pb::KdfParams {
        salt: vec![9; 32],
        memory_kib: 19_456,
        iterations: 2,
        parallelism: 1,
    };
    let refused = identity
        .accounts()
        .create_account(pb::CreateAccountRequest {
            email: "vault@example.com".into(),
            password: "a-derived-auth-hash-0123456789".into(),
            kdf_params: Some(long_salt),
            ..Default::default()
        })
        .await
        .expect_err("a salt longer than the made-up ones");
    assert_eq!(bad_fields(&refused), ["kdf_params.salt"]);

    let params = pb::KdfParams {
        salt: vec![9; 16],
        memory_kib: 19_456,
        iterations: 2,
        parallelism: 1,
    };
    identity
        .accounts()
        .create_account(pb::CreateAccountRequest {
            email: "vault@example.com".into(),
            password: "a-derived-auth-hash-0123456789".into(),
            kdf_params: Some(params.clone()),
            ..Default::default()
        })
        .await
        .expect("zero-knowledge sign up");
    let prelogin = |identifier: &str| {
        let mut client = identity.sign_in();
        let identifier = identifier.to_owned();
        async move {
            client
                .prelogin(pb::PreloginRequest { identifier })
                .await
                .expect("prelogin")
                .into_inner()
                .kdf_params
                .expect("params")
        }
    };
    assert_eq!(prelogin("VAULT@example.com").await, params);
    let (a, a_again, b) = (
        prelogin("ghost@example.com").await,
        prelogin("ghost@example.com").await,
        prelogin("other@example.com").await,
    );
    assert_eq!(a, a_again, "made-up answers are stable");
    assert_ne!(a.salt, b.salt);
    assert_eq!(a.salt.len(), 16);
    // Everything but the (random-looking) salt is the same for real and made-up answers.
    let real = prelogin("vault@example.com").await;
    let shape = |p: &pb::KdfParams| (p.salt.len(), p.memory_kib, p.iterations, p.parallelism);
    assert_eq!(
        shape(&real),
        shape(&a),
        "a real answer looks like a made-up one"
    );
}

#[tokio::test]
async fn deleting_an_account_needs_the_password_and_is_announced() {
    let identity = Identity::start().await;
    let (erin, token) = identity.sign_up("erin").await;
    let (_, other_token) = identity.sign_up("frank").await;
    let status = identity
        .accounts()
        .delete_account(authed(
            &token,
            pb::DeleteAccountRequest {
                password: "wrong password".into(),
            },
        ))
        .await
        .expect_err("wrong password");
    assert_eq!(status.code(), Code::PermissionDenied);
    identity
        .accounts()
        .delete_account(authed(
            &token,
            pb::DeleteAccountRequest {
                password: PASSWORD.into(),
            },
        ))
        .await
        .expect("delete");

    let gone = identity
        .accounts()
        .get_account(authed(&token, pb::GetAccountRequest {}))
        .await
        .expect_err("gone");
    assert_eq!(reason(&gone), "SESSION_INVALID");
    identity
        .accounts()
        .get_account(authed(&other_token, pb::GetAccountRequest {}))
        .await
        .expect("others unaffected");
    let events: i64 = identity
        .db
        .client()
        .await
        .query_one("SELECT count(*) FROM identity.outbox WHERE position(convert_to($1::text, 'UTF8') IN payload) > 0 AND kind = 'account_deleted'", &[&erin.id])
        .await
        .expect("events")
        .get(0);
    assert_eq!(events, 1);
}
