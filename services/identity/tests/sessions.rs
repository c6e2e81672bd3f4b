//! Sessions, introspection and anti-replay tokens, end to end over gRPC.

use tessera_proto::tessera::identity::v1 as pb;
use tessera_testkit::{PASSWORD, SERVICE_TOKEN, TestIdentity as Identity, authed, reason};
use tonic::Code;

async fn sign_in_again(identity: &Identity, who: &str, client: &str) -> String {
    identity
        .sign_in()
        .sign_in_with_password(pb::SignInWithPasswordRequest {
            identifier: who.into(),
            password: PASSWORD.into(),
            client_description: client.into(),
        })
        .await
        .expect("sign in")
        .into_inner()
        .session
        .expect("session")
        .token
}

async fn is_valid(identity: &Identity, token: &str) -> bool {
    identity
        .accounts()
        .get_account(authed(token, pb::GetAccountRequest {}))
        .await
        .is_ok()
}

#[tokio::test]
async fn tokens_are_stored_only_as_hashes() {
    let identity = Identity::start().await;
    let (_, token) = identity.sign_up("alice").await;
    let rows = identity
        .db
        .client()
        .await
        .query("SELECT token_hash FROM identity.sessions", &[])
        .await
        .expect("rows");
    let stored: Vec<u8> = rows[0].get(0);
    assert_eq!(
        stored,
        tessera_identity::crypto::token_hash(&token).to_vec()
    );
    let dump = identity
        .db
        .client()
        .await
        .query_one(
            "SELECT string_agg(t::text, ' ') FROM identity.sessions t",
            &[],
        )
        .await
        .expect("dump")
        .get::<_, String>(0);
    assert!(!dump.contains(&token[6..]), "the token itself is stored");
}

#[tokio::test]
async fn list_pages_and_marks_the_current_session() {
    let identity = Identity::start().await;
    let (_, first) = identity.sign_up("alice").await;
    sign_in_again(&identity, "alice", "laptop").await;
    let third = sign_in_again(&identity, "alice", "phone").await;
    identity.sign_up("bob").await; // someone else's sessions never show up

    let mut seen = Vec::new();
    let mut page_token = String::new();
    loop {
        let page = identity
            .sessions()
            .list_sessions(authed(
                &third,
                pb::ListSessionsRequest {
                    page_size: 1,
                    page_token: page_token.clone(),
                },
            ))
            .await
            .expect("list")
            .into_inner();
        assert!(page.sessions.len() <= 1);
        seen.extend(page.sessions);
        if page.next_page_token.is_empty() {
            break;
        }
        page_token = page.next_page_token;
    }
    let descriptions: Vec<_> = seen.iter().map(|s| s.client_description.as_str()).collect();
    assert_eq!(
        descriptions,
        ["phone", "laptop", "test"],
        "newest first, each once"
    );
    assert_eq!(seen.iter().filter(|s| s.current).count(), 1);
    assert!(seen[0].current);

    let bad = identity
        .sessions()
        .list_sessions(authed(
            &first,
            pb::ListSessionsRequest {
                page_size: 10,
                page_token: "garbage".into(),
            },
        ))
        .await
        .expect_err("bad token");
    assert_eq!(bad.code(), Code::InvalidArgument);
}

#[tokio::test]
async fn a_page_token_continues_only_its_own_listing() {
    let identity = Identity::start().await;
    let (_, alice) = identity.sign_up("alice").await;
    sign_in_again(&identity, "alice", "laptop").await;
    let (_, bob) = identity.sign_up("bob").await;
    sign_in_again(&identity, "bob", "phone").await;
    let list = |token: String, page_token: String| {
        let mut sessions = identity.sessions();
        async move {
            sessions
                .list_sessions(authed(
                    &token,
                    pb::ListSessionsRequest {
                        page_size: 1,
                        page_token,
                    },
                ))
                .await
        }
    };
    let alices = list(alice.clone(), String::new())
        .await
        .expect("first page")
        .into_inner()
        .next_page_token;
    assert!(!alices.is_empty());
    let stolen = list(bob, alices.clone())
        .await
        .expect_err("another user's token");
    assert_eq!(stolen.code(), Code::InvalidArgument);
    assert_eq!(tessera_testkit::bad_fields(&stolen), ["page_token"]);
    // One character changed anywhere is refused as well.
    let mut tampered: Vec<char> = alices.chars().collect();
    let middle = tampered.len() / 2;
    tampered[middle] = if tampered[middle] == 'A' { 'B' } else { 'A' };
    let tampered: String = tampered.into_iter().collect();
    let refused = list(alice.clone(), tampered).await.expect_err("tampered");
    assert_eq!(refused.code(), Code::InvalidArgument);
    // A security-event token is not a session token either.
    let events = tessera_proto::tessera::identity::v1::security_event_service_client::SecurityEventServiceClient::new(identity.channel.clone())
        .list_security_events(authed(
            &alice,
            pb::ListSecurityEventsRequest {
                page_size: 1,
                page_token: alices,
            },
        ))
        .await
        .expect_err("another query's token");
    assert_eq!(events.code(), Code::InvalidArgument);
    list(alice, String::new())
        .await
        .expect("the owner's listing still works");
}

#[tokio::test]
async fn revoking_and_signing_out() {
    let identity = Identity::start().await;
    let (_, a) = identity.sign_up("alice").await;
    let b = sign_in_again(&identity, "alice", "b").await;
    let c = sign_in_again(&identity, "alice", "c").await;

    let revoked = identity
        .sessions()
        .revoke_other_sessions(authed(&c, pb::RevokeOtherSessionsRequest {}))
        .await
        .expect("revoke others");
    assert_eq!(revoked.into_inner().revoked_count, 2);
    assert!(
        !is_valid(&identity, &a).await
            && !is_valid(&identity, &b).await
            && is_valid(&identity, &c).await
    );

    identity
        .sessions()
        .sign_out(authed(&c, pb::SignOutRequest {}))
        .await
        .expect("sign out");
    let status = identity
        .accounts()
        .get_account(authed(&c, pb::GetAccountRequest {}))
        .await
        .expect_err("signed out");
    assert_eq!(reason(&status), "SESSION_INVALID");

    let d = sign_in_again(&identity, "alice", "d").await;
    let e = sign_in_again(&identity, "alice", "e").await;
    let all = identity
        .sessions()
        .revoke_all_sessions(authed(&d, pb::RevokeAllSessionsRequest {}))
        .await
        .expect("revoke all");
    assert_eq!(all.into_inner().revoked_count, 2);
    assert!(!is_valid(&identity, &d).await && !is_valid(&identity, &e).await);
}

#[tokio::test]
async fn nobody_can_revoke_another_users_session() {
    let identity = Identity::start().await;
    let (_, alice) = identity.sign_up("alice").await;
    let (_, bob) = identity.sign_up("bob").await;
    let bobs_sessions = identity
        .sessions()
        .list_sessions(authed(&bob, pb::ListSessionsRequest::default()))
        .await
        .expect("list");
    let bobs_id = bobs_sessions.into_inner().sessions[0].id.clone();

    identity
        .sessions()
        .revoke_session(authed(
            &alice,
            pb::RevokeSessionRequest {
                session_id: bobs_id,
            },
        ))
        .await
        .expect("answers like an already-ended session");
    assert!(
        is_valid(&identity, &bob).await,
        "bob's session survived alice's attempt"
    );
    let listed = identity
        .sessions()
        .list_sessions(authed(&alice, pb::ListSessionsRequest::default()))
        .await
        .expect("list");
    assert_eq!(
        listed.into_inner().sessions.len(),
        1,
        "alice sees only her own session"
    );
}

#[tokio::test]
async fn sessions_expire_after_thirty_days() {
    let identity = Identity::start().await;
    let (_, token) = identity.sign_up("alice").await;
    identity.clock.advance(chrono::Duration::days(29));
    assert!(is_valid(&identity, &token).await);
    identity
        .clock
        .advance(chrono::Duration::days(1) + chrono::Duration::seconds(1));
    assert!(!is_valid(&identity, &token).await);
}

fn introspect(token: &str) -> pb::IntrospectTokenRequest {
    pb::IntrospectTokenRequest {
        token: token.into(),
    }
}

#[tokio::test]
async fn introspection_is_for_services_only_and_follows_revocation() {
    let identity = Identity::start().await;
    let (alice, token) = identity.sign_up("alice").await;

    let anonymous = identity
        .introspection()
        .introspect_token(introspect(&token))
        .await
        .expect_err("no credential");
    assert_eq!(
        (anonymous.code(), reason(&anonymous).as_str()),
        (Code::Unauthenticated, "SERVICE_CREDENTIAL_REQUIRED")
    );
    let as_user = identity
        .introspection()
        .introspect_token(authed(&token, introspect(&token)))
        .await
        .expect_err("user token");
    assert_eq!(as_user.code(), Code::PermissionDenied);

    let principal = identity
        .introspection()
        .introspect_token(authed(SERVICE_TOKEN, introspect(&token)))
        .await
        .expect("introspect")
        .into_inner()
        .principal
        .expect("principal");
    assert_eq!(principal.user_id, alice.id);
    assert_eq!(
        principal.subscription_tier,
        pb::SubscriptionTier::Free as i32
    );

    identity
        .sessions()
        .sign_out(authed(&token, pb::SignOutRequest {}))
        .await
        .expect("sign out");
    let revoked = identity
        .introspection()
        .introspect_token(authed(SERVICE_TOKEN, introspect(&token)))
        .await
        .expect_err("revoked");
    assert_eq!(
        (revoked.code(), reason(&revoked).as_str()),
        (Code::Unauthenticated, "SESSION_INVALID")
    );
}

#[tokio::test]
async fn a_one_time_token_is_claimed_exactly_once_under_concurrency() {
    let identity = Identity::start().await;
    let nonce = "nonce-0123456789-abcdef";
    let claims = (0..20).map(|_| {
        let mut client = identity.anti_replay();
        async move {
            client
                .claim_token(authed(
                    SERVICE_TOKEN,
                    pb::ClaimTokenRequest {
                        token: nonce.into(),
                    },
                ))
                .await
        }
    });
    let results = futures::future::join_all(claims).await;
    let winners = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(winners, 1, "exactly one claim wins");
    assert!(
        results
            .iter()
            .filter_map(|r| r.as_ref().err())
            .all(|s| s.code() == Code::AlreadyExists)
    );

    let user = identity.sign_up("mallory").await.1;
    let status = identity
        .anti_replay()
        .claim_token(authed(
            &user,
            pb::ClaimTokenRequest {
                token: "another-nonce-0123456".into(),
            },
        ))
        .await
        .expect_err("users may not claim");
    assert_eq!(status.code(), Code::PermissionDenied);
    let short = identity
        .anti_replay()
        .claim_token(authed(
            SERVICE_TOKEN,
            pb::ClaimTokenRequest {
                token: "short".into(),
            },
        ))
        .await;
    assert_eq!(short.expect_err("too short").code(), Code::InvalidArgument);
}
