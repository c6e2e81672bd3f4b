//! SendMessage: one envelope per recipient device, all or nothing. Sends are normally
//! written in batches ([`super::batch`]); this module checks a request, holds the checks both
//! paths share, and writes a send alone (what a batch falls back to).
//!
//! In one transaction of three statements (the send path is the hottest of the suite): one read
//! says whether the sending device is the caller's, the caller in the chat and the logical id
//! used before (a retry answers with what was stored the first time), and lists the members'
//! devices; the rate limit is taken; the envelopes must name exactly those devices minus the
//! sender, each with its current identity key; then one write locks each recipient's inbox
//! row in device order and advances its sequence (so sequences grow in commit order), inserts
//! the copies, updates the chat and the sender's last-seen, and notifies the recipients'
//! streams on commit.

use std::collections::{BTreeMap, BTreeSet};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{
    Array, BigInt, Bool, Bytea, Jsonb, Nullable, Text, Timestamptz, Uuid as SqlUuid,
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::{FieldViolations, MAX_PRECONDITION_VIOLATIONS};
use tessera_kit::ids::UserId;
use tessera_kit::ratelimit;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_schema::messaging::{devices, messages};
use uuid::Uuid;

use crate::devices::keys::{KEY_BYTES, check_len};
use crate::error::ChatError;
use crate::events;
use crate::ids::{ChatId, DeviceId, MessageId};
use crate::state::Chat;

/// Largest ciphertext per envelope.
pub const MAX_CIPHERTEXT_BYTES: usize = 256 * 1024;
/// Longest logical message id.
pub const MAX_LOGICAL_ID_CHARS: usize = 128;
/// Most envelopes in one send (256 members x 16 devices).
pub const MAX_ENVELOPES: usize = 4096;

/// A checked send.
#[derive(Debug, Clone)]
pub struct Send {
    pub chat: ChatId,
    pub device: DeviceId,
    pub logical: String,
    pub envelopes: Vec<Envelope>,
}

/// A checked envelope.
#[derive(Debug, Clone)]
pub struct Envelope {
    pub to: DeviceId,
    pub header: serde_json::Value,
    pub ciphertext: Vec<u8>,
    pub identity: Vec<u8>,
}

/// Checks a request field by field.
pub fn check(request: &pb::SendMessageRequest) -> Result<Send, ChatError> {
    let mut v = FieldViolations::new();
    let chat = ChatId::parse_into(&mut v, "chat_id", &request.chat_id);
    let device = DeviceId::parse_into(&mut v, "device_id", &request.device_id);
    let logical = &request.logical_msg_id;
    if logical.is_empty()
        || logical.len() > MAX_LOGICAL_ID_CHARS
        || !logical.bytes().all(|b| b.is_ascii_graphic())
    {
        v.add(
            "logical_msg_id",
            format!("required: 1 to {MAX_LOGICAL_ID_CHARS} visible ASCII characters"),
        );
    }
    if request.envelopes.is_empty() {
        v.add("envelopes", "required: one per recipient device");
    } else if request.envelopes.len() > MAX_ENVELOPES {
        v.add("envelopes", format!("at most {MAX_ENVELOPES}"));
    }
    let mut seen = BTreeSet::new();
    let mut envelopes = Vec::with_capacity(request.envelopes.len());
    for (i, envelope) in request.envelopes.iter().take(MAX_ENVELOPES).enumerate() {
        if let Some(envelope) = check_envelope(&mut v, i, envelope) {
            if !seen.insert(envelope.to) {
                v.add(
                    format!("envelopes[{i}].to_device_id"),
                    "names a device another envelope already names",
                );
            }
            envelopes.push(envelope);
        }
    }
    let (chat, device) = ChatError::checked(v, chat.zip(device))?;
    Ok(Send {
        chat,
        device,
        logical: logical.clone(),
        envelopes,
    })
}

fn check_envelope(v: &mut FieldViolations, i: usize, envelope: &pb::Envelope) -> Option<Envelope> {
    let field = |name: &str| format!("envelopes[{i}].{name}");
    let to = DeviceId::parse_into(v, &field("to_device_id"), &envelope.to_device_id);
    let identity = check_len(v, &field("identity_key"), &envelope.identity_key, KEY_BYTES);
    let header = match &envelope.header {
        None => {
            v.add(field("header"), "required");
            None
        }
        Some(h) => check_len(v, &field("header.dh_pubkey"), &h.dh_pubkey, KEY_BYTES).then(|| {
            serde_json::json!({
                "dh_pubkey": STANDARD.encode(&h.dh_pubkey),
                "pn": h.pn,
                "n": h.n,
            })
        }),
    };
    let size = envelope.ciphertext.len();
    let ciphertext = (1..=MAX_CIPHERTEXT_BYTES).contains(&size);
    if !ciphertext {
        v.add(
            field("ciphertext"),
            format!("required: 1 byte to {MAX_CIPHERTEXT_BYTES} bytes"),
        );
    }
    match (to, header) {
        (Some(to), Some(header)) if identity && ciphertext => Some(Envelope {
            to,
            header,
            ciphertext: envelope.ciphertext.to_vec(),
            identity: envelope.identity_key.to_vec(),
        }),
        _ => None,
    }
}

/// Sends `send` as `user` in a transaction of its own (see the module's documentation): what
/// a batch falls back to when it cannot be written as one.
pub async fn send_one(
    chat: &Chat,
    user: UserId,
    send: Send,
) -> Result<pb::SendMessageResponse, ChatError> {
    let rate = chat.config.send_rate;
    let outcome = chat
        .db
        .transaction("messaging.send_message", |conn| {
            let send = send.clone();
            async move { store(conn, user, &send, rate).await }.scope_boxed()
        })
        .await;
    match outcome {
        // A concurrent retry of the same message committed first: answer as a retry.
        Err(ChatError::Db(DbError::UniqueViolation { constraint }))
            if constraint == "messages_sent_once" =>
        {
            let mut conn = chat.db.conn().await?;
            sender(&mut conn, user, send.device).await?;
            earlier(&mut conn, &send)
                .await?
                .ok_or_else(|| ChatError::Aborted("a concurrent send conflicted; retry".into()))
        }
        other => other,
    }
}

async fn store(
    conn: &mut AsyncPgConnection,
    user: UserId,
    send: &Send,
    rate: ratelimit::Rate,
) -> Result<pb::SendMessageResponse, ChatError> {
    let state = read_state(conn, user, send).await?;
    if state.retry
        && let Some(original) = earlier(conn, send).await?
    {
        return Ok(original);
    }
    let key = format!("send:{}:{}", send.device, send.chat);
    if let Some(retry_after) = ratelimit::take(conn, &key, rate).await? {
        return Err(ChatError::Limited {
            reason: "SEND_RATE",
            message: format!(
                "a device may send at most {} messages per {:?} to one chat",
                rate.burst, rate.period
            ),
            retry_after,
        });
    }
    let expected: Vec<(Uuid, Uuid, Vec<u8>)> = state
        .device_ids
        .into_iter()
        .zip(state.device_users)
        .zip(state.identity_keys)
        .map(|((device, user), key)| (device, user, key))
        .collect();
    let recipients = match_devices(send, &expected)?;
    write(conn, user, send, &recipients).await
}

/// What a send needs to know, read in one statement: whether the sending device is the
/// caller's and the caller is in the chat, whether this device used the logical id before,
/// and every device of the chat's members but the sender, with its identity key.
#[derive(diesel::QueryableByName)]
struct SendState {
    #[diesel(sql_type = Bool)]
    own_device: bool,
    #[diesel(sql_type = Bool)]
    member: bool,
    #[diesel(sql_type = Bool)]
    retry: bool,
    #[diesel(sql_type = Array<SqlUuid>)]
    device_ids: Vec<Uuid>,
    #[diesel(sql_type = Array<SqlUuid>)]
    device_users: Vec<Uuid>,
    #[diesel(sql_type = Array<Bytea>)]
    identity_keys: Vec<Vec<u8>>,
}

async fn read_state(
    conn: &mut AsyncPgConnection,
    user: UserId,
    send: &Send,
) -> Result<SendState, ChatError> {
    let state: SendState = tessera_kit::db::prepared(
        "WITH chat AS (SELECT id, chat_type, user_a, user_b FROM chats WHERE id = $2), \
         members AS ( \
             SELECT user_a AS user_id FROM chat WHERE chat_type = 'direct' \
             UNION SELECT user_b FROM chat WHERE chat_type = 'direct' \
             UNION SELECT m.user_id FROM chat_members m JOIN chat ON m.chat_id = chat.id \
                   WHERE chat.chat_type = 'group'), \
         recipients AS ( \
             SELECT d.id, d.user_id, d.identity_pubkey FROM devices d \
             WHERE d.user_id IN (SELECT user_id FROM members) AND d.id <> $3 ORDER BY d.id) \
         SELECT EXISTS (SELECT 1 FROM devices WHERE id = $3 AND user_id = $1) AS own_device, \
                EXISTS (SELECT 1 FROM members WHERE user_id = $1) AS member, \
                EXISTS (SELECT 1 FROM messages WHERE from_device_id = $3 AND logical_msg_id = $4) AS retry, \
                ARRAY(SELECT id FROM recipients) AS device_ids, \
                ARRAY(SELECT user_id FROM recipients) AS device_users, \
                ARRAY(SELECT identity_pubkey FROM recipients) AS identity_keys",
    )
    .bind::<SqlUuid, _>(user.as_uuid())
    .bind::<SqlUuid, _>(send.chat.as_uuid())
    .bind::<SqlUuid, _>(send.device.as_uuid())
    .bind::<Text, _>(&send.logical)
    .get_result(conn)
    .await?;
    if !state.own_device {
        return Err(ChatError::not_found(DeviceId::RESOURCE, send.device));
    }
    if !state.member {
        return Err(ChatError::not_found(ChatId::RESOURCE, send.chat));
    }
    Ok(state)
}

#[derive(diesel::QueryableByName)]
struct Stored {
    #[diesel(sql_type = BigInt)]
    stored: i64,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    created_at: Option<DateTime<Utc>>,
}

/// A send's answer: one delivery per envelope, with the ids its copies were stored under.
pub(super) fn answer(send: &Send, ids: &[Uuid], created: DateTime<Utc>) -> pb::SendMessageResponse {
    pb::SendMessageResponse {
        logical_msg_id: send.logical.clone(),
        deliveries: ids
            .iter()
            .zip(&send.envelopes)
            .map(|(id, envelope)| pb::Delivery {
                to_device_id: envelope.to.to_string(),
                message_id: id.to_string(),
            })
            .collect(),
        create_time: Some(timestamp(created)),
    }
}

/// Stores the copies in one statement: each recipient's inbox row is locked in device order
/// and its sequence advanced (so sequences grow in commit order), the copies are inserted with
/// them, the chat and the sender's last-seen are updated, and the recipients' streams are
/// notified on commit.
async fn write(
    conn: &mut AsyncPgConnection,
    user: UserId,
    send: &Send,
    recipients: &BTreeMap<Uuid, Uuid>,
) -> Result<pb::SendMessageResponse, ChatError> {
    let ids: Vec<Uuid> = send
        .envelopes
        .iter()
        .map(|_| MessageId::new().as_uuid())
        .collect();
    let to_devices: Vec<Uuid> = send.envelopes.iter().map(|e| e.to.as_uuid()).collect();
    let to_users: Vec<Uuid> = to_devices
        .iter()
        .map(|d| recipients.get(d).copied().unwrap_or_default())
        .collect();
    let headers: Vec<&serde_json::Value> = send.envelopes.iter().map(|e| &e.header).collect();
    let ciphertexts: Vec<&[u8]> = send
        .envelopes
        .iter()
        .map(|e| e.ciphertext.as_slice())
        .collect();
    let stored: Stored = tessera_kit::db::prepared(
        "WITH seqs AS ( \
             UPDATE device_inboxes i SET last_seq = i.last_seq + 1 \
             FROM (SELECT device_id FROM device_inboxes WHERE device_id = ANY($3) \
                   ORDER BY device_id FOR UPDATE) l \
             WHERE i.device_id = l.device_id RETURNING i.device_id, i.last_seq), \
         ins AS ( \
             INSERT INTO messages (id, logical_msg_id, chat_id, from_user_id, from_device_id, \
                                   to_user_id, to_device_id, seq, header, ciphertext) \
             SELECT e.id, $6, $7, $8, $9, e.to_user, e.to_device, s.last_seq, e.header, e.ciphertext \
             FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::jsonb[], $5::bytea[]) \
                  AS e(id, to_user, to_device, header, ciphertext) \
             JOIN seqs s ON s.device_id = e.to_device \
             RETURNING created_at), \
         chat AS (UPDATE chats SET last_message_id = $10, updated_at = now() WHERE id = $7), \
         seen AS (UPDATE devices SET last_seen = now() \
                  WHERE id = $9 AND (last_seen IS NULL OR last_seen < now() - interval '1 minute')), \
         woken AS (SELECT pg_notify($11, device_id::text) FROM seqs) \
         SELECT (SELECT count(*) FROM ins) AS stored, (SELECT min(created_at) FROM ins) AS created_at, \
                (SELECT count(*) FROM woken) AS woken",
    )
    .bind::<Array<SqlUuid>, _>(&ids)
    .bind::<Array<SqlUuid>, _>(&to_users)
    .bind::<Array<SqlUuid>, _>(&to_devices)
    .bind::<Array<Jsonb>, _>(&headers)
    .bind::<Array<Bytea>, _>(&ciphertexts)
    .bind::<Text, _>(&send.logical)
    .bind::<SqlUuid, _>(send.chat.as_uuid())
    .bind::<SqlUuid, _>(user.as_uuid())
    .bind::<SqlUuid, _>(send.device.as_uuid())
    .bind::<Nullable<SqlUuid>, _>(ids.last().copied())
    .bind::<Text, _>(events::INBOX)
    .get_result(conn)
    .await?;
    let created = match stored.created_at {
        Some(created) if stored.stored as usize == ids.len() => created,
        // A recipient device went away between the check and the write.
        _ => {
            return Err(ChatError::Aborted(
                "a recipient device went away; retry".into(),
            ));
        }
    };
    Ok(answer(send, &ids, created))
}

/// NOT_FOUND unless `device` is the caller's.
pub(super) async fn sender(
    conn: &mut AsyncPgConnection,
    user: UserId,
    device: DeviceId,
) -> Result<(), ChatError> {
    let owner: Option<Uuid> = devices::table
        .filter(devices::id.eq(device.as_uuid()))
        .select(devices::user_id)
        .first(conn)
        .await
        .optional()?;
    match owner {
        Some(owner) if owner == user.as_uuid() => Ok(()),
        _ => Err(ChatError::not_found(DeviceId::RESOURCE, device)),
    }
}

/// The recipients (device -> user) if the envelopes name exactly `expected` (device, user,
/// identity key) with current keys; else every missing, extra and stale device.
pub(super) fn match_devices(
    send: &Send,
    expected: &[(Uuid, Uuid, Vec<u8>)],
) -> Result<BTreeMap<Uuid, Uuid>, ChatError> {
    let known: BTreeMap<Uuid, (Uuid, &[u8])> = expected
        .iter()
        .map(|(device, user, key)| (*device, (*user, key.as_slice())))
        .collect();
    let named: BTreeSet<Uuid> = send.envelopes.iter().map(|e| e.to.as_uuid()).collect();
    let mut violations = Vec::new();
    for device in known.keys().filter(|d| !named.contains(d)) {
        violations.push((
            "MISSING_DEVICE",
            format!("devices/{device}"),
            "a member's device has no envelope".to_owned(),
        ));
    }
    for envelope in &send.envelopes {
        let device = envelope.to.as_uuid();
        match known.get(&device) {
            None => violations.push((
                "EXTRA_DEVICE",
                format!("devices/{device}"),
                "an envelope names a device that is not a member's (or is the sender)".to_owned(),
            )),
            Some((_, key)) if *key != envelope.identity.as_slice() => violations.push((
                "STALE_DEVICE",
                format!("devices/{device}"),
                "an envelope was encrypted for an identity key the device no longer has".to_owned(),
            )),
            Some(_) => {}
        }
    }
    if !violations.is_empty() {
        let more = violations.len().saturating_sub(MAX_PRECONDITION_VIOLATIONS);
        violations.truncate(MAX_PRECONDITION_VIOLATIONS);
        if more > 0 {
            violations.push((
                "DEVICES",
                "devices".into(),
                format!("and {more} more: ListChatDevices gives the whole set"),
            ));
        }
        return Err(ChatError::Precondition(violations));
    }
    Ok(known
        .into_iter()
        .map(|(device, (user, _))| (device, user))
        .collect())
}

/// What the first send with this device and logical id stored, if there was one: the same
/// message again gets the original answer; other content under the same id is ALREADY_EXISTS.
pub(super) async fn earlier(
    conn: &mut AsyncPgConnection,
    send: &Send,
) -> Result<Option<pb::SendMessageResponse>, ChatError> {
    /// (recipient device, copy id, chat, header, ciphertext, stored at)
    type Stored = (Uuid, Uuid, Uuid, serde_json::Value, Vec<u8>, DateTime<Utc>);
    let stored: Vec<Stored> = messages::table
        .filter(messages::from_device_id.eq(send.device.as_uuid()))
        .filter(messages::logical_msg_id.eq(&send.logical))
        .select((
            messages::to_device_id,
            messages::id,
            messages::chat_id,
            messages::header,
            messages::ciphertext,
            messages::created_at,
        ))
        .load(conn)
        .await?;
    let Some(created) = stored.iter().map(|row| row.5).next() else {
        return Ok(None);
    };
    let by_device: BTreeMap<Uuid, _> = stored.iter().map(|row| (row.0, row)).collect();
    let same = by_device.len() == send.envelopes.len()
        && send.envelopes.iter().all(|e| {
            by_device.get(&e.to.as_uuid()).is_some_and(|row| {
                row.2 == send.chat.as_uuid() && row.3 == e.header && row.4 == e.ciphertext
            })
        });
    if !same {
        return Err(ChatError::AlreadyExists(format!(
            "logical_msg_id {:?} was already used by this device for another message",
            send.logical
        )));
    }
    Ok(Some(pb::SendMessageResponse {
        logical_msg_id: send.logical.clone(),
        deliveries: send
            .envelopes
            .iter()
            .filter_map(|e| by_device.get(&e.to.as_uuid()))
            .map(|row| pb::Delivery {
                to_device_id: row.0.to_string(),
                message_id: row.1.to_string(),
            })
            .collect(),
        create_time: Some(timestamp(created)),
    }))
}
