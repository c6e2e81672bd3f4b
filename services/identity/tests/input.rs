//! Input that must be refused with INVALID_ARGUMENT and a field violation, changing nothing:
//! emails that are not mailboxes, free text with control or bidirectional formatting
//! characters or not in NFC, UUIDs in any but the canonical form.

use tessera_proto::tessera::identity::v1 as pb;
use tessera_testkit::{PASSWORD, TestIdentity as Identity, authed, bad_fields};
use tonic::Code;

fn sign_up(email: &str, display_name: &str) -> pb::CreateAccountRequest {
    pb::CreateAccountRequest {
        email: email.into(),
        password: PASSWORD.into(),
        display_name: display_name.into(),
        ..Default::default()
    }
}

fn refused(status: &tonic::Status, field: &str) {
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    assert_eq!(bad_fields(status), [field], "{status:?}");
}

#[tokio::test]
async fn emails_must_be_mailboxes() {
    let identity = Identity::start().await;
    for email in [
        "<script>@x.y",
        "\"quoted local\"@example.com",
        "ada@[127.0.0.1]",
        "Ada Lovelace <ada@example.com>",
        "ada@localhost",
        "ada..lovelace@example.com",
    ] {
        let status = identity
            .accounts()
            .create_account(sign_up(email, ""))
            .await
            .expect_err(email);
        refused(&status, "email");
        let status = identity
            .sign_in()
            .request_magic_link(pb::RequestMagicLinkRequest {
                email: email.into(),
            })
            .await
            .expect_err(email);
        refused(&status, "email");
    }
    assert_eq!(
        identity.count("SELECT count(*) FROM identity.users").await,
        0
    );
    assert_eq!(
        identity
            .count("SELECT count(*) FROM identity.auth_codes")
            .await,
        0
    );
    identity
        .accounts()
        .create_account(sign_up("ada.lovelace+tessera@example.co.uk", ""))
        .await
        .expect("an ordinary address");
}

#[tokio::test]
async fn free_text_is_plain_visible_and_nfc() {
    let identity = Identity::start().await;
    for name in [
        "evil\u{202E}gnp.exe", // right-to-left override
        "a\u{2066}b\u{2069}",  // isolates
        "line\nbreak",         // control character
        "Zoe\u{301}",          // decomposed: not NFC
    ] {
        let status = identity
            .accounts()
            .create_account(sign_up("zoe@example.com", name))
            .await
            .expect_err(name);
        refused(&status, "display_name");
    }
    assert_eq!(
        identity.count("SELECT count(*) FROM identity.users").await,
        0
    );

    let (_, token) = identity.sign_up("zoe").await;
    let status = identity
        .accounts()
        .update_account(authed(
            &token,
            pb::UpdateAccountRequest {
                user: Some(pb::User {
                    display_name: "Zo\u{202E}e".into(),
                    ..Default::default()
                }),
                update_mask: Some(prost_types::FieldMask {
                    paths: vec!["display_name".into()],
                }),
            },
        ))
        .await
        .expect_err("bidi in an update");
    refused(&status, "user.display_name");
    let status = identity
        .sign_in()
        .sign_in_with_password(pb::SignInWithPasswordRequest {
            identifier: "zoe".into(),
            password: PASSWORD.into(),
            client_description: "laptop\u{202E}".into(),
        })
        .await
        .expect_err("bidi in a client description");
    refused(&status, "client_description");
    identity
        .accounts()
        .update_account(authed(
            &token,
            pb::UpdateAccountRequest {
                user: Some(pb::User {
                    display_name: "Zo\u{e9} \u{1F389}".into(),
                    ..Default::default()
                }),
                update_mask: Some(prost_types::FieldMask {
                    paths: vec!["display_name".into()],
                }),
            },
        ))
        .await
        .expect("composed accents and emoji are fine");
}

#[tokio::test]
async fn ids_only_in_the_canonical_form() {
    let identity = Identity::start().await;
    let (bob, token) = identity.sign_up("bob").await;
    let sessions_before = identity
        .count("SELECT count(*) FROM identity.sessions WHERE revoked_at IS NULL")
        .await;
    for form in [
        format!("{{{}}}", bob.id),
        format!("urn:uuid:{}", bob.id),
        bob.id.replace('-', ""),
    ] {
        let status = identity
            .accounts()
            .lookup_user(authed(
                &token,
                pb::LookupUserRequest {
                    key: Some(pb::lookup_user_request::Key::Id(form.clone())),
                },
            ))
            .await
            .expect_err(&form);
        refused(&status, "id");
        let status = identity
            .sessions()
            .revoke_session(authed(
                &token,
                pb::RevokeSessionRequest {
                    session_id: form.clone(),
                },
            ))
            .await
            .expect_err(&form);
        refused(&status, "session_id");
    }
    assert_eq!(
        identity
            .count("SELECT count(*) FROM identity.sessions WHERE revoked_at IS NULL")
            .await,
        sessions_before
    );
    identity
        .accounts()
        .lookup_user(authed(
            &token,
            pb::LookupUserRequest {
                key: Some(pb::lookup_user_request::Key::Id(bob.id.clone())),
            },
        ))
        .await
        .expect("the canonical form");
}
