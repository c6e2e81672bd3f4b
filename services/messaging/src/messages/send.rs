//! SendMessage: one envelope per recipient device, all or nothing.
//!
//! In one transaction: the sending device must be the caller's and the caller in the chat; a
//! retry (same device and logical id) answers with what was stored the first time; the rate
//! limit is taken; the envelopes must name exactly the members' devices minus the sender, each
//! with its current identity key; then each recipient's inbox row is locked in device order and
//! its sequence advanced (so sequences grow in commit order), the copies are inserted, the chat
//! and the sender's last-seen are updated, and the recipients' streams are notified on commit.

use std::collections::{BTreeMap, BTreeSet};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::ratelimit;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_schema::messaging::{chats, devices, messages};
use uuid::Uuid;

use crate::chats::store::visible;
use crate::devices::keys::{KEY_BYTES, check_len};
use crate::devices::store::seen;
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

/// Sends `send` as `user` (see the module's documentation).
pub async fn send(
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
    sender(conn, user, send.device).await?;
    let view = visible(conn, user, send.chat, false).await?;
    if let Some(original) = earlier(conn, send).await? {
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
    let expected: Vec<(Uuid, Uuid, Vec<u8>)> = devices::table
        .filter(devices::user_id.eq_any(view.user_ids()))
        .filter(devices::id.ne(send.device.as_uuid()))
        .select((devices::id, devices::user_id, devices::identity_pubkey))
        .load(conn)
        .await?;
    let recipients = match_devices(send, &expected)?;
    let targets: Vec<Uuid> = recipients.keys().copied().collect();
    let sequences: Vec<Sequence> = diesel::sql_query(
        "UPDATE device_inboxes i SET last_seq = i.last_seq + 1 \
         FROM (SELECT device_id FROM device_inboxes WHERE device_id = ANY($1) \
               ORDER BY device_id FOR UPDATE) l \
         WHERE i.device_id = l.device_id RETURNING i.device_id, i.last_seq",
    )
    .bind::<Array<SqlUuid>, _>(&targets)
    .load(conn)
    .await?;
    let sequences: BTreeMap<Uuid, i64> = sequences
        .into_iter()
        .map(|s| (s.device_id, s.last_seq))
        .collect();
    let mut rows = Vec::with_capacity(send.envelopes.len());
    let mut deliveries = Vec::with_capacity(send.envelopes.len());
    for envelope in &send.envelopes {
        let to = envelope.to.as_uuid();
        let (Some(seq), Some(to_user)) = (sequences.get(&to), recipients.get(&to)) else {
            return Err(ChatError::Aborted(
                "a recipient device went away; retry".into(),
            ));
        };
        let id = MessageId::new();
        deliveries.push(pb::Delivery {
            to_device_id: to.to_string(),
            message_id: id.to_string(),
        });
        rows.push((
            messages::id.eq(id.as_uuid()),
            messages::logical_msg_id.eq(&send.logical),
            messages::chat_id.eq(send.chat.as_uuid()),
            messages::from_user_id.eq(user.as_uuid()),
            messages::from_device_id.eq(send.device.as_uuid()),
            messages::to_user_id.eq(*to_user),
            messages::to_device_id.eq(to),
            messages::seq.eq(*seq),
            messages::header.eq(&envelope.header),
            messages::ciphertext.eq(&envelope.ciphertext),
        ));
    }
    let created: DateTime<Utc> = diesel::insert_into(messages::table)
        .values(rows)
        .returning(messages::created_at)
        .get_results(conn)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| ChatError::Internal("no message row was inserted".into()))?;
    let last = deliveries
        .last()
        .and_then(|d| d.message_id.parse::<Uuid>().ok());
    diesel::update(chats::table.filter(chats::id.eq(send.chat.as_uuid())))
        .set((
            chats::last_message_id.eq(last),
            chats::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    seen(conn, send.device).await?;
    events::wake_inboxes(conn, &targets).await?;
    Ok(pb::SendMessageResponse {
        logical_msg_id: send.logical.clone(),
        deliveries,
        create_time: Some(timestamp(created)),
    })
}

#[derive(diesel::QueryableByName)]
struct Sequence {
    #[diesel(sql_type = SqlUuid)]
    device_id: Uuid,
    #[diesel(sql_type = BigInt)]
    last_seq: i64,
}

/// NOT_FOUND unless `device` is the caller's.
async fn sender(
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
fn match_devices(
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
        return Err(ChatError::Precondition(violations));
    }
    Ok(known
        .into_iter()
        .map(|(device, (user, _))| (device, user))
        .collect())
}

/// What the first send with this device and logical id stored, if there was one: the same
/// message again gets the original answer; other content under the same id is ALREADY_EXISTS.
async fn earlier(
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
