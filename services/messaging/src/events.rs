//! What streams are woken by and told, through PostgreSQL NOTIFY (ids only, never content):
//! - `messaging_inbox`, payload a device id: the device has new messages (read from its cursor);
//! - `messaging_streams`, payload a device id: a newer stream took the device over;
//! - `messaging_events`, payload a [`LiveEvent`] in JSON: device, session and low-prekey events,
//!   live only (a stream that is not connected misses them).
//!
//! Notifications are sent inside the writing transaction, so they go out only if it commits.

use diesel::sql_types::Text;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use tessera_kit::DbError;
use tessera_proto::tessera::messaging::v1 as pb;
use uuid::Uuid;

/// New messages for a device.
pub const INBOX: &str = "messaging_inbox";
/// A device's delivery stream was replaced.
pub const TAKEOVER: &str = "messaging_streams";
/// Live events.
pub const LIVE: &str = "messaging_events";

/// A live event: who it concerns, by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LiveEvent {
    /// A user's device was enrolled, changed or removed: that user's streams hear of it.
    Device {
        user_id: Uuid,
        device_id: Uuid,
        change: DeviceChange,
    },
    /// A session was established: both users' streams hear of it.
    Session {
        session_id: Uuid,
        chat_id: Uuid,
        sender_device_id: Uuid,
        receiver_device_id: Uuid,
        users: [Uuid; 2],
    },
    /// A device is running out of one-time prekeys: its stream hears of it.
    KeysLow { device_id: Uuid, remaining: i32 },
}

/// What happened to a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviceChange {
    Enrolled,
    Updated,
    Removed,
}

impl LiveEvent {
    /// The stream item for the stream of `device` (of `user`), if the event concerns it.
    pub fn for_stream(&self, user: Uuid, device: Uuid) -> Option<pb::subscribe_response::Item> {
        use pb::subscribe_response::Item;
        match self {
            Self::Device {
                user_id,
                device_id,
                change,
            } if *user_id == user => Some(Item::DeviceEvent(pb::DeviceEvent {
                user_id: user_id.to_string(),
                device_id: device_id.to_string(),
                change: match change {
                    DeviceChange::Enrolled => pb::DeviceChange::Enrolled,
                    DeviceChange::Updated => pb::DeviceChange::Updated,
                    DeviceChange::Removed => pb::DeviceChange::Removed,
                } as i32,
            })),
            Self::Session {
                session_id,
                chat_id,
                sender_device_id,
                receiver_device_id,
                users,
            } if users.contains(&user) => Some(Item::SessionEvent(pb::SessionEvent {
                session_id: session_id.to_string(),
                chat_id: chat_id.to_string(),
                sender_device_id: sender_device_id.to_string(),
                receiver_device_id: receiver_device_id.to_string(),
            })),
            Self::KeysLow {
                device_id,
                remaining,
            } if *device_id == device => Some(Item::KeysLow(pb::KeysLow {
                device_id: device_id.to_string(),
                remaining: *remaining,
            })),
            _ => None,
        }
    }
}

/// Announces `event` when the transaction commits.
pub async fn announce(conn: &mut AsyncPgConnection, event: &LiveEvent) -> Result<(), DbError> {
    let payload = serde_json::to_string(event)
        .map_err(|e| DbError::Unavailable(format!("cannot encode an event: {e}")))?;
    diesel::sql_query("SELECT pg_notify($1, $2)")
        .bind::<Text, _>(LIVE)
        .bind::<Text, _>(payload)
        .execute(conn)
        .await?;
    Ok(())
}

/// Tells the current stream of `device` (on any replica) that a newer one replaced it.
pub async fn take_over(conn: &mut AsyncPgConnection, device: Uuid) -> Result<(), DbError> {
    diesel::sql_query("SELECT pg_notify($1, $2)")
        .bind::<Text, _>(TAKEOVER)
        .bind::<Text, _>(device.to_string())
        .execute(conn)
        .await?;
    Ok(())
}
