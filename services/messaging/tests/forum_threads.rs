//! Forum threads and replies: keyset paging (each thread once, in order, while more are
//! posted), reply order, who may delete, bad input; the forum schema's constraints and
//! cascades; account deletion in the forum and its replay.

use crate::forum;

use std::collections::HashSet;

use forum::{Forum, KIB, content};
use tessera_proto::tessera::identity::v1 as id_pb;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_testkit::{PASSWORD, authed};
use tonic::Code;
use tonic_types::StatusExt;

#[tokio::test]
async fn paging_through_ten_thousand_threads_returns_each_once_in_order_while_more_arrive() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let group = f.group(&alice).await;
    // 10,000 threads a microsecond apart (inserted directly: the RPC is exercised below).
    f.suite
        .db()
        .client()
        .await
        .batch_execute(&format!(
            "INSERT INTO messaging.threads (id, group_id, author_id, encrypted_title, encrypted_body, key_epoch, created_at) \
             SELECT gen_random_uuid(), '{g}', '{a}', '\\x01', '\\x02', 1, now() - i * interval '1 millisecond' \
             FROM generate_series(1, 10000) AS i",
            g = group.id,
            a = alice.id
        ))
        .await
        .expect("threads");
    let mut seen = HashSet::new();
    let mut last: Option<(i64, i32, String)> = None;
    let mut token = String::new();
    let mut pages = 0;
    loop {
        let page = f
            .threads()
            .await
            .list_threads(authed(
                &alice.token,
                pb::ListThreadsRequest {
                    group_id: group.id.clone(),
                    page_size: 100,
                    page_token: token.clone(),
                },
            ))
            .await
            .expect("page")
            .into_inner();
        assert!(page.threads.len() <= 100);
        for t in &page.threads {
            assert!(seen.insert(t.id.clone()), "{} twice", t.id);
            let at = t.create_time.expect("time");
            let key = (at.seconds, at.nanos, t.id.clone());
            if let Some(prev) = &last {
                assert!(key < *prev, "not newest first: {key:?} after {prev:?}");
            }
            last = Some(key);
        }
        pages += 1;
        if pages % 20 == 0 {
            // New threads land before the cursor: never seen on later pages, never repeated.
            f.thread(&alice, &group, 1).await.expect("a new thread");
        }
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(seen.len(), 10_000);
}

#[tokio::test]
async fn replies_come_oldest_first_and_only_authors_or_the_creator_delete() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let bob = f.user("bob").await;
    let carol = f.user("carol").await;
    let group = f.group(&alice).await;
    f.join(&bob, &group).await.expect("join");
    f.join(&carol, &group).await.expect("join");
    let thread = f.thread(&bob, &group, 1).await.expect("thread");
    let mut t = f.threads().await;
    let mut ids = Vec::new();
    for i in 0..5u8 {
        let reply = t
            .create_reply(authed(
                &carol.token,
                pb::CreateReplyRequest {
                    thread_id: thread.id.clone(),
                    encrypted_body: vec![i + 1],
                    key_epoch: 1,
                },
            ))
            .await
            .expect("reply")
            .into_inner()
            .reply
            .expect("reply");
        ids.push(reply.id);
    }
    let mut listed = Vec::new();
    let mut token = String::new();
    loop {
        let page = t
            .list_replies(authed(
                &alice.token,
                pb::ListRepliesRequest {
                    thread_id: thread.id.clone(),
                    page_size: 2,
                    page_token: token.clone(),
                },
            ))
            .await
            .expect("replies")
            .into_inner();
        listed.extend(page.replies.into_iter().map(|r| r.id));
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(listed, ids);
    let denied = t
        .delete_reply(authed(
            &bob.token,
            pb::DeleteReplyRequest {
                reply_id: ids[0].clone(),
            },
        ))
        .await
        .expect_err("bob did not write it");
    assert_eq!(denied.code(), Code::PermissionDenied);
    t.delete_reply(authed(
        &carol.token,
        pb::DeleteReplyRequest {
            reply_id: ids[0].clone(),
        },
    ))
    .await
    .expect("the author");
    t.delete_reply(authed(
        &alice.token,
        pb::DeleteReplyRequest {
            reply_id: ids[1].clone(),
        },
    ))
    .await
    .expect("the creator");
    let denied = t
        .delete_thread(authed(
            &carol.token,
            pb::DeleteThreadRequest {
                thread_id: thread.id.clone(),
            },
        ))
        .await
        .expect_err("carol did not start it");
    assert_eq!(denied.code(), Code::PermissionDenied);
    // A token of another thread is refused.
    let other = f.thread(&bob, &group, 1).await.expect("thread");
    let page = t
        .list_replies(authed(
            &alice.token,
            pb::ListRepliesRequest {
                thread_id: thread.id.clone(),
                page_size: 1,
                page_token: String::new(),
            },
        ))
        .await
        .expect("page")
        .into_inner();
    let wrong = t
        .list_replies(authed(
            &alice.token,
            pb::ListRepliesRequest {
                thread_id: other.id.clone(),
                page_size: 1,
                page_token: page.next_page_token,
            },
        ))
        .await
        .expect_err("another thread's token");
    assert_eq!(wrong.code(), Code::InvalidArgument);
    t.delete_thread(authed(
        &bob.token,
        pb::DeleteThreadRequest {
            thread_id: thread.id.clone(),
        },
    ))
    .await
    .expect("the author");
    assert_eq!(
        f.count(&format!(
            "SELECT count(*) FROM messaging.replies WHERE thread_id = '{}'",
            thread.id
        ))
        .await,
        0
    );
}

#[tokio::test]
async fn bad_posts_name_each_field_and_change_nothing() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let group = f.group(&alice).await;
    let err = f
        .threads()
        .await
        .create_thread(authed(
            &alice.token,
            pb::CreateThreadRequest {
                group_id: group.id.clone(),
                encrypted_title: vec![],
                encrypted_body: vec![0; 65537],
                key_epoch: 0,
            },
        ))
        .await
        .expect_err("bad");
    assert_eq!(err.code(), Code::InvalidArgument);
    let mut fields: Vec<String> = err
        .get_details_bad_request()
        .expect("violations")
        .field_violations
        .into_iter()
        .map(|v| v.field)
        .collect();
    fields.sort();
    assert_eq!(fields, ["encrypted_body", "encrypted_title", "key_epoch"]);
    let err = f
        .groups()
        .await
        .create_group(authed(
            &alice.token,
            pb::CreateGroupRequest {
                encrypted_name: vec![0; 1025],
                encrypted_group_key: vec![],
            },
        ))
        .await
        .expect_err("bad");
    let mut fields: Vec<String> = err
        .get_details_bad_request()
        .expect("violations")
        .field_violations
        .into_iter()
        .map(|v| v.field)
        .collect();
    fields.sort();
    assert_eq!(fields, ["encrypted_group_key", "encrypted_name"]);
    let err = f
        .groups()
        .await
        .join_group(authed(
            &alice.token,
            pb::JoinGroupRequest {
                invite_code: "abc-1234".into(),
                encrypted_group_key: vec![1],
                key_epoch: 1,
            },
        ))
        .await
        .expect_err("bad code");
    assert_eq!(err.code(), Code::InvalidArgument);
    for table in ["groups", "threads", "members"] {
        assert_eq!(
            f.count(&format!("SELECT count(*) FROM messaging.{table}"))
                .await,
            if table == "threads" { 0 } else { 1 }
        );
    }
}

#[tokio::test]
async fn the_schema_holds_the_seeds_constraints_indexes_and_cascades() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let group = f.group(&alice).await;
    let thread = f.thread(&alice, &group, 1).await.expect("thread");
    f.upload(&alice, &thread, &content(300 * KIB, 1), None)
        .await
        .expect("media");
    let client = f.suite.db().client().await;
    let g = &group.id;
    for (sql, constraint) in [
        (
            format!("UPDATE messaging.groups SET invite_code = 'abc-1234' WHERE id = '{g}'"),
            "invite_code_format",
        ),
        (
            format!(
                "UPDATE messaging.group_quotas SET total_bytes = max_bytes + 1 WHERE group_id = '{g}'"
            ),
            "group_quotas_bytes",
        ),
        (
            format!("UPDATE messaging.group_quotas SET media_count = -1 WHERE group_id = '{g}'"),
            "group_quotas_count",
        ),
        (
            "UPDATE messaging.media SET expires_at = expires_at + interval '1 day'".to_owned(),
            "media_expires_at",
        ),
        (
            "UPDATE messaging.media SET encryption_iv = decode(repeat('00', 25), 'hex')".to_owned(),
            "media_encryption_iv_size",
        ),
        (
            "UPDATE messaging.media SET storage_url = 's3://elsewhere'".to_owned(),
            "media_storage_url",
        ),
    ] {
        let err = client.batch_execute(&sql).await.expect_err(&sql);
        let db = err.as_db_error().expect("db error");
        assert_eq!(db.constraint(), Some(constraint), "{sql}");
    }
    let defaults = client
        .query_one(&format!("SELECT max_bytes, max_media_count FROM messaging.group_quotas WHERE group_id = '{g}'"), &[])
        .await
        .expect("quota");
    assert_eq!(
        (defaults.get::<_, i64>(0), defaults.get::<_, i32>(1)),
        (10_737_418_240, 100)
    );
    for index in [
        "idx_groups_invite_code",
        "idx_groups_created_by",
        "idx_members_user",
        "idx_members_group",
        "idx_threads_group",
        "idx_threads_created",
        "idx_threads_author",
        "idx_replies_thread",
        "idx_replies_created",
        "idx_replies_author",
        "idx_media_thread",
        "idx_media_author",
        "idx_media_expires",
        "idx_media_downloads_user",
        "idx_media_downloads_media",
        "idx_group_quotas_group",
    ] {
        let n = f.count(&format!("SELECT count(*) FROM pg_indexes WHERE schemaname = 'messaging' AND indexname = '{index}'")).await;
        assert_eq!(n, 1, "{index}");
    }
    // A group's deletion takes everything under it; its media files are queued for deletion.
    client
        .batch_execute(&format!("DELETE FROM messaging.groups WHERE id = '{g}'"))
        .await
        .expect("delete");
    for table in ["members", "member_keys", "threads", "media", "group_quotas"] {
        assert_eq!(
            f.count(&format!("SELECT count(*) FROM messaging.{table}"))
                .await,
            0,
            "{table}"
        );
    }
    f.eventually("SELECT count(*) FROM messaging.media_deletions", 0)
        .await;
    assert_eq!(f.live_files().await, 0);
}

#[tokio::test]
async fn an_account_deletion_removes_groups_memberships_downloads_and_blobs_and_a_replay_changes_nothing()
 {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let bob = f.user("bob").await;
    let alices = f.group(&alice).await;
    let bobs = f.group(&bob).await;
    f.join(&alice, &bobs).await.expect("join");
    f.join(&bob, &alices).await.expect("join");
    let in_alices = f.thread(&alice, &alices, 1).await.expect("thread");
    let in_bobs = f.thread(&alice, &bobs, 1).await.expect("thread");
    f.threads()
        .await
        .create_reply(authed(
            &alice.token,
            pb::CreateReplyRequest {
                thread_id: in_bobs.id.clone(),
                encrypted_body: vec![1],
                key_epoch: 1,
            },
        ))
        .await
        .expect("reply");
    f.upload(&alice, &in_alices, &content(300 * KIB, 1), None)
        .await
        .expect("media");
    let bobs_media = f
        .upload(&bob, &in_bobs, &content(300 * KIB, 2), None)
        .await
        .expect("media");
    f.download(&alice, &bobs_media.id, 0, 0)
        .await
        .expect("download");
    f.suite
        .identity
        .accounts()
        .delete_account(authed(
            &alice.token,
            id_pb::DeleteAccountRequest {
                password: PASSWORD.into(),
            },
        ))
        .await
        .expect("delete alice");
    let a = &alice.id;
    f.eventually(
        &format!("SELECT count(*) FROM messaging.members WHERE user_id = '{a}'"),
        0,
    )
    .await;
    for sql in [
        format!("SELECT count(*) FROM messaging.groups WHERE created_by = '{a}'"),
        format!("SELECT count(*) FROM messaging.media_downloads WHERE user_id = '{a}'"),
        format!("SELECT count(*) FROM messaging.threads WHERE author_id = '{a}'"),
        format!("SELECT count(*) FROM messaging.replies WHERE author_id = '{a}'"),
    ] {
        assert_eq!(f.count(&sql).await, 0, "{sql}");
    }
    // Bob's group keeps alice's thread and reply, authorless, and needs a rotation.
    assert_eq!(
        f.count(&format!(
            "SELECT count(*) FROM messaging.threads WHERE group_id = '{}' AND author_id IS NULL",
            bobs.id
        ))
        .await,
        1
    );
    assert_eq!(
        f.count("SELECT count(*) FROM messaging.replies WHERE author_id IS NULL")
            .await,
        1
    );
    assert_eq!(
        f.count(&format!(
            "SELECT rotation_required::int::bigint FROM messaging.groups WHERE id = '{}'",
            bobs.id
        ))
        .await,
        1
    );
    // Alice's group's media file is deleted; bob's stays.
    f.eventually("SELECT count(*) FROM messaging.media_deletions", 0)
        .await;
    assert_eq!(f.live_files().await, 1);
    let (_, bytes) = f
        .download(&bob, &bobs_media.id, 0, 0)
        .await
        .expect("bob's media stays");
    assert_eq!(bytes.len(), 300 * KIB);

    // A replay of the event (the stored cursor rewound, messaging restarted) changes nothing.
    let snapshot = "SELECT (SELECT count(*) FROM messaging.groups) * 1000 + (SELECT count(*) FROM messaging.members) * 100 \
                    + (SELECT count(*) FROM messaging.threads) * 10 + (SELECT count(*) FROM messaging.media)";
    let before = f.count(snapshot).await;
    let mut f = f;
    f.suite.stop_member("messaging").await;
    f.suite
        .db()
        .client()
        .await
        .batch_execute(
            "UPDATE messaging.consumer_cursors SET cursor = 0 WHERE consumer = 'account-purge'",
        )
        .await
        .expect("rewind");
    f.start_messaging().await;
    f.eventually(
        "SELECT (cursor > 0)::int::bigint FROM messaging.consumer_cursors WHERE consumer = 'account-purge'",
        1,
    )
    .await;
    assert_eq!(f.count(snapshot).await, before);
}
