//! The chat tables as the seed has them (in Postgres types): columns and defaults, CHECKs and
//! unique keys (by the constraint a bad row breaks), indexes, and foreign key actions.

use tessera_testkit::TestDb;
use tessera_testkit::pg::{Column, NOW, assert_columns, broken};

const NONE: Option<&str> = None;

#[tokio::test]
async fn tables_have_the_seeds_columns_and_defaults() {
    let devices: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("user_id", "uuid", false, NONE),
        ("identity_key_type", "text", false, Some("'ed25519'::text")),
        ("identity_pubkey", "bytea", false, NONE),
        ("prekey_pubkey", "bytea", false, NONE),
        ("signed_prekey_pub", "bytea", false, NONE),
        ("signed_prekey_sig", "bytea", false, NONE),
        ("one_time_prekeys", "jsonb", false, Some("'[]'::jsonb")),
        ("last_prekey_id", "bigint", false, Some("0")),
        ("device_label", "text", true, NONE),
        ("push_token", "text", true, NONE),
        ("last_seen", "timestamptz", true, NOW),
        ("created_at", "timestamptz", false, NOW),
    ];
    let chats: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("chat_type", "text", false, Some("'direct'::text")),
        ("user_a", "uuid", true, NONE),
        ("user_b", "uuid", true, NONE),
        ("name", "text", true, NONE),
        ("owner_id", "uuid", true, NONE),
        ("last_message_id", "uuid", true, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("updated_at", "timestamptz", false, NOW),
    ];
    let members: &[Column] = &[
        ("chat_id", "uuid", false, NONE),
        ("user_id", "uuid", false, NONE),
        ("role", "text", false, Some("'member'::text")),
        ("joined_at", "timestamptz", false, NOW),
    ];
    let messages: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("logical_msg_id", "text", false, NONE),
        ("chat_id", "uuid", false, NONE),
        ("from_user_id", "uuid", false, NONE),
        ("from_device_id", "uuid", false, NONE),
        ("to_user_id", "uuid", false, NONE),
        ("to_device_id", "uuid", false, NONE),
        ("seq", "bigint", false, NONE),
        ("header", "jsonb", false, NONE),
        ("ciphertext", "bytea", false, NONE),
        ("delivered_at", "timestamptz", true, NONE),
        ("read_at", "timestamptz", true, NONE),
        ("created_at", "timestamptz", false, NOW),
    ];
    let sessions: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("chat_id", "uuid", false, NONE),
        ("sender_device_id", "uuid", false, NONE),
        ("receiver_device_id", "uuid", false, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("updated_at", "timestamptz", false, NOW),
    ];
    let pending: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("sender_device_id", "uuid", false, NONE),
        ("recipient_device_id", "uuid", false, NONE),
        ("ephemeral_pubkey", "bytea", false, NONE),
        ("sender_prekey_pub", "bytea", false, NONE),
        ("otpk_used", "bytea", false, NONE),
        ("ciphertext", "bytea", false, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("state", "text", false, Some("'initiated'::text")),
    ];
    assert_columns(
        "messaging",
        &[
            ("devices", devices),
            ("chats", chats),
            ("chat_members", members),
            ("messages", messages),
            ("sessions", sessions),
            ("pending_sessions", pending),
        ],
    )
    .await;
}

#[tokio::test]
async fn every_lookup_has_its_index() {
    let db = TestDb::new().await;
    let client = db.client().await;
    let rows = client
        .query(
            "SELECT indexname::text, indexdef FROM pg_indexes WHERE schemaname = 'messaging'",
            &[],
        )
        .await
        .expect("indexes");
    let defs: Vec<String> = rows.iter().map(|r| r.get::<_, String>(1)).collect();
    let names: Vec<String> = rows.iter().map(|r| r.get::<_, String>(0)).collect();
    for expected in [
        "devices_user_id",
        "devices_identity_pubkey_key",
        "uniq_direct_chat",
        "chat_members_pkey",
        "chat_members_user_id",
        "idx_messages_todevice",
        "idx_messages_chatid",
        "idx_messages_logical",
        "messages_to_device_id_seq_key",
        "messages_sent_once",
        "sessions_sender_device_id_receiver_device_id_key",
        "idx_pending_sessions_recipient",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "index {expected} missing"
        );
    }
    let direct = defs
        .iter()
        .find(|d| d.contains("uniq_direct_chat"))
        .expect("uniq_direct_chat");
    assert!(
        direct.contains("LEAST(user_a, user_b), GREATEST(user_a, user_b)"),
        "{direct}"
    );
    assert!(
        direct.contains("WHERE (chat_type = 'direct'::text)"),
        "{direct}"
    );
}

const DEVICE: &str = "INSERT INTO messaging.devices (id, user_id, identity_pubkey, prekey_pubkey, signed_prekey_pub, signed_prekey_sig)";

fn device(id: &str, user: &str, key: u8) -> String {
    format!(
        "{DEVICE} VALUES ('{id}', '{user}', decode(repeat('{key:02x}', 32), 'hex'), decode(repeat('01', 32), 'hex'), \
         decode(repeat('01', 32), 'hex'), decode(repeat('01', 64), 'hex'))"
    )
}

#[tokio::test]
async fn checks_and_unique_keys_hold() {
    let db = TestDb::new().await;
    let client = db.client().await;
    let u1 = "00000000-0000-7000-8000-000000000001";
    let u2 = "00000000-0000-7000-8000-000000000002";
    let d1 = "00000000-0000-7000-8000-0000000000d1";
    client
        .batch_execute(&device(d1, u1, 1))
        .await
        .expect("device");
    let cases = [
        (device("00000000-0000-7000-8000-0000000000d2", u1, 1), "devices_identity_pubkey_key"),
        // Nor may another user enrol the same identity key.
        (device("00000000-0000-7000-8000-0000000000d3", u2, 1), "devices_identity_pubkey_key"),
        (format!("{DEVICE} VALUES (gen_random_uuid(), '{u1}', '\\x01', '\\x01', '\\x01', '\\x01')"), "devices_identity_pubkey_length"),
        ("UPDATE messaging.devices SET identity_key_type = 'rsa'".to_string(), "devices_identity_key_type"),
        ("UPDATE messaging.devices SET one_time_prekeys = '{}'".to_string(), "devices_one_time_prekeys_array"),
        ("UPDATE messaging.devices SET signed_prekey_sig = '\\x01'".to_string(), "devices_signed_prekey_sig_length"),
        (format!("INSERT INTO messaging.chats (id, user_a, user_b) VALUES (gen_random_uuid(), '{u2}', '{u1}')"), "chats_direct_shape"),
        (format!("INSERT INTO messaging.chats (id, user_a) VALUES (gen_random_uuid(), '{u1}')"), "chats_direct_shape"),
        ("INSERT INTO messaging.chats (id, chat_type) VALUES (gen_random_uuid(), 'channel')".to_string(), "chats_chat_type"),
        ("INSERT INTO messaging.chats (id, chat_type, name) VALUES (gen_random_uuid(), 'group', '')".to_owned(), "chats_name_length"),
        ("INSERT INTO messaging.device_inboxes (device_id, last_seq, acked_seq) VALUES (gen_random_uuid(), 1, 2)".to_owned(), "device_inboxes_seq"),
    ];
    for (sql, constraint) in &cases {
        assert_eq!(
            broken(&client, "messaging", sql).await,
            *constraint,
            "{sql}"
        );
    }
    client
        .batch_execute(&format!(
            "INSERT INTO messaging.chats (id, user_a, user_b) VALUES ('00000000-0000-7000-8000-0000000000c1', '{u1}', '{u2}')"
        ))
        .await
        .expect("a direct chat");
    let chat = "00000000-0000-7000-8000-0000000000c1";
    let message = |header: &str, seq: i64| {
        format!(
            "INSERT INTO messaging.messages (id, logical_msg_id, chat_id, from_user_id, from_device_id, to_user_id, to_device_id, seq, header, ciphertext) \
             VALUES (gen_random_uuid(), 'm{seq}', '{chat}', '{u1}', '{d1}', '{u1}', '{d1}', {seq}, '{header}', '\\x01')"
        )
    };
    let header = r#"{"dh_pubkey": "a", "pn": 0, "n": 0}"#;
    let more = [
        (
            format!(
                "INSERT INTO messaging.chats (id, user_a, user_b) VALUES (gen_random_uuid(), '{u1}', '{u2}')"
            ),
            "uniq_direct_chat",
        ),
        (message(r#"{"pn": 0}"#, 1), "messages_header_shape"),
        (message(header, 0), "messages_seq"),
        (
            format!(
                "INSERT INTO messaging.chat_members (chat_id, user_id, role) VALUES ('{chat}', '{u1}', 'admin')"
            ),
            "chat_members_role",
        ),
    ];
    for (sql, constraint) in &more {
        assert_eq!(
            broken(&client, "messaging", sql).await,
            *constraint,
            "{sql}"
        );
    }
    client
        .batch_execute(&message(header, 1))
        .await
        .expect("a message");
    assert_eq!(
        broken(&client, "messaging", &message(header, 1)).await,
        "messages_to_device_id_seq_key"
    );
}

#[tokio::test]
async fn deletes_cascade_as_the_seed_says() {
    let db = TestDb::new().await;
    let client = db.client().await;
    let (u1, u2) = (
        "00000000-0000-7000-8000-000000000001",
        "00000000-0000-7000-8000-000000000002",
    );
    let (d1, d2) = (
        "00000000-0000-7000-8000-0000000000d1",
        "00000000-0000-7000-8000-0000000000d2",
    );
    let chat = "00000000-0000-7000-8000-0000000000c1";
    let message_id = "00000000-0000-7000-8000-0000000000e1";
    client
        .batch_execute(&format!(
            "{}; {}; INSERT INTO messaging.device_inboxes (device_id) VALUES ('{d1}'), ('{d2}');
             INSERT INTO messaging.chats (id, user_a, user_b) VALUES ('{chat}', '{u1}', '{u2}');
             INSERT INTO messaging.messages (id, logical_msg_id, chat_id, from_user_id, from_device_id, to_user_id, to_device_id, seq, header, ciphertext)
               VALUES ('{message_id}', 'm', '{chat}', '{u1}', '{d1}', '{u2}', '{d2}', 1, '{{\"dh_pubkey\": \"a\", \"pn\": 0, \"n\": 0}}', '\\x01');
             UPDATE messaging.chats SET last_message_id = '{message_id}';
             INSERT INTO messaging.sessions (id, chat_id, sender_device_id, receiver_device_id) VALUES (gen_random_uuid(), '{chat}', '{d1}', '{d2}');
             INSERT INTO messaging.pending_sessions (id, sender_device_id, recipient_device_id, ephemeral_pubkey, sender_prekey_pub, otpk_used, ciphertext)
               VALUES (gen_random_uuid(), '{d1}', '{d2}', decode(repeat('01', 32), 'hex'), decode(repeat('01', 32), 'hex'), decode(repeat('01', 32), 'hex'), '\\x01')",
            device(d1, u1, 1),
            device(d2, u2, 2)
        ))
        .await
        .expect("rows");
    let count = |table: &'static str| {
        let client = &client;
        async move {
            client
                .query_one(&format!("SELECT count(*) FROM messaging.{table}"), &[])
                .await
                .expect("count")
                .get::<_, i64>(0)
        }
    };
    // A deleted message leaves its chat with no last message.
    client
        .batch_execute(&format!(
            "DELETE FROM messaging.messages WHERE id = '{message_id}'"
        ))
        .await
        .expect("delete");
    let last: Option<String> = client
        .query_one("SELECT last_message_id::text FROM messaging.chats", &[])
        .await
        .expect("chat")
        .get(0);
    assert_eq!(last, None);
    // A deleted device takes its inbox, sessions and handshakes.
    client
        .batch_execute(&format!("DELETE FROM messaging.devices WHERE id = '{d2}'"))
        .await
        .expect("delete");
    assert_eq!(
        (
            count("device_inboxes").await,
            count("sessions").await,
            count("pending_sessions").await
        ),
        (1, 0, 0)
    );
    // A deleted chat takes its members, messages and sessions.
    client
        .batch_execute(&format!(
            "INSERT INTO messaging.chat_members (chat_id, user_id) VALUES ('{chat}', '{u1}');
             INSERT INTO messaging.sessions (id, chat_id, sender_device_id, receiver_device_id) VALUES (gen_random_uuid(), '{chat}', '{d1}', '{d1}');
             DELETE FROM messaging.chats WHERE id = '{chat}'"
        ))
        .await
        .expect("delete chat");
    assert_eq!(
        (
            count("chat_members").await,
            count("sessions").await,
            count("messages").await
        ),
        (0, 0, 0)
    );
}

#[tokio::test]
async fn enums_spell_exactly_what_their_check_constraints_allow() {
    use tessera_messaging::ids::{ChatType, HandshakeState, KeyType, Role};
    use tessera_testkit::schema::{allowed_values, spellings};
    let db = TestDb::new().await;
    let client = db.client().await;
    let allowed = |table, column| allowed_values(&client, "messaging", table, column);
    assert_eq!(
        allowed("devices", "identity_key_type").await,
        spellings(KeyType::ALL, KeyType::as_str)
    );
    assert_eq!(
        allowed("chats", "chat_type").await,
        spellings(ChatType::ALL, ChatType::as_str)
    );
    assert_eq!(
        allowed("chat_members", "role").await,
        spellings(Role::ALL, Role::as_str)
    );
    assert_eq!(
        allowed("pending_sessions", "state").await,
        spellings(HandshakeState::ALL, HandshakeState::as_str)
    );
}
