//! A device's inbox: its messages by sequence, acknowledgements, read marks, and what senders
//! see of them (receipts).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::convert::timestamp;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_schema::messaging::{device_inboxes, messages};
use uuid::Uuid;

use crate::error::ChatError;
use crate::ids::DeviceId;

/// Messages read from the database at a time (by pulls and by streams).
pub const BATCH: i64 = 100;

/// A `messages` row as its recipient receives it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = messages, check_for_backend(diesel::pg::Pg))]
pub struct MessageRow {
    pub id: Uuid,
    pub seq: i64,
    pub chat_id: Uuid,
    pub logical_msg_id: String,
    pub from_user_id: Uuid,
    pub from_device_id: Uuid,
    pub header: serde_json::Value,
    pub ciphertext: Vec<u8>,
    pub created_at: DateTime<Utc>,
}

/// The wire form.
pub fn message(row: MessageRow) -> pb::Message {
    let header = &row.header;
    pb::Message {
        id: row.id.to_string(),
        sequence: u64::try_from(row.seq).unwrap_or_default(),
        chat_id: row.chat_id.to_string(),
        logical_msg_id: row.logical_msg_id,
        from_user_id: row.from_user_id.to_string(),
        from_device_id: row.from_device_id.to_string(),
        header: Some(pb::RatchetHeader {
            dh_pubkey: header["dh_pubkey"]
                .as_str()
                .and_then(|k| STANDARD.decode(k).ok())
                .unwrap_or_default(),
            pn: header["pn"].as_u64().unwrap_or_default() as u32,
            n: header["n"].as_u64().unwrap_or_default() as u32,
        }),
        ciphertext: row.ciphertext,
        create_time: Some(timestamp(row.created_at)),
    }
}

/// Up to `limit` messages of `device` after sequence `after`, in order.
pub async fn after(
    conn: &mut AsyncPgConnection,
    device: DeviceId,
    after: i64,
    limit: i64,
) -> Result<Vec<MessageRow>, ChatError> {
    Ok(messages::table
        .filter(messages::to_device_id.eq(device.as_uuid()))
        .filter(messages::seq.gt(after))
        .order(messages::seq.asc())
        .limit(limit)
        .select(MessageRow::as_select())
        .load(conn)
        .await?)
}

/// The device's (last sequence, acknowledged sequence).
pub async fn cursors(
    conn: &mut AsyncPgConnection,
    device: DeviceId,
) -> Result<(i64, i64), ChatError> {
    Ok(device_inboxes::table
        .filter(device_inboxes::device_id.eq(device.as_uuid()))
        .select((device_inboxes::last_seq, device_inboxes::acked_seq))
        .first(conn)
        .await?)
}

/// Acknowledges up to `upto`: the cursor moves forward only, and the copies up to it are
/// marked delivered. Returns the acknowledged sequence.
pub async fn ack(
    conn: &mut AsyncPgConnection,
    device: DeviceId,
    upto: i64,
) -> Result<i64, ChatError> {
    let (last, _) = cursors(conn, device).await?;
    if upto > last {
        return Err(ChatError::invalid(
            "up_to_sequence",
            format!("is beyond the device's last sequence ({last})"),
        ));
    }
    let acked: Vec<Acked> = diesel::sql_query(
        "UPDATE device_inboxes SET acked_seq = GREATEST(acked_seq, $2) WHERE device_id = $1 \
         RETURNING acked_seq",
    )
    .bind::<diesel::sql_types::Uuid, _>(device.as_uuid())
    .bind::<diesel::sql_types::BigInt, _>(upto)
    .load(conn)
    .await?;
    let acked = acked.iter().map(|a| a.acked_seq).next().unwrap_or(upto);
    diesel::update(
        messages::table
            .filter(messages::to_device_id.eq(device.as_uuid()))
            .filter(messages::seq.le(upto))
            .filter(messages::delivered_at.is_null()),
    )
    .set(messages::delivered_at.eq(diesel::dsl::now))
    .execute(conn)
    .await?;
    Ok(acked)
}

#[derive(diesel::QueryableByName)]
struct Acked {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    acked_seq: i64,
}

/// Marks `ids` (copies sent to `device`) read; returns how many were newly marked.
pub async fn mark_read(
    conn: &mut AsyncPgConnection,
    device: DeviceId,
    ids: &[Uuid],
) -> Result<usize, ChatError> {
    Ok(diesel::update(
        messages::table
            .filter(messages::id.eq_any(ids))
            .filter(messages::to_device_id.eq(device.as_uuid()))
            .filter(messages::read_at.is_null()),
    )
    .set((
        messages::read_at.eq(diesel::dsl::now),
        messages::delivered_at.eq(diesel::dsl::sql::<
            diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>,
        >("COALESCE(delivered_at, now())")),
    ))
    .execute(conn)
    .await?)
}

/// Each recipient copy of what `device` sent as `logical`.
pub async fn receipts(
    conn: &mut AsyncPgConnection,
    device: DeviceId,
    logical: &str,
) -> Result<Vec<pb::Receipt>, ChatError> {
    type Row = (
        Uuid,
        Uuid,
        Uuid,
        Option<DateTime<Utc>>,
        Option<DateTime<Utc>>,
    );
    let rows: Vec<Row> = messages::table
        .filter(messages::from_device_id.eq(device.as_uuid()))
        .filter(messages::logical_msg_id.eq(logical))
        .order(messages::to_device_id.asc())
        .select((
            messages::to_user_id,
            messages::to_device_id,
            messages::id,
            messages::delivered_at,
            messages::read_at,
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(user, device, id, delivered, read)| pb::Receipt {
            to_user_id: user.to_string(),
            to_device_id: device.to_string(),
            message_id: id.to_string(),
            deliver_time: delivered.map(timestamp),
            read_time: read.map(timestamp),
        })
        .collect())
}
