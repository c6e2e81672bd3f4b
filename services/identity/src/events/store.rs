//! Writing identity's events to the outbox. The payload is the event's protobuf encoding
//! (`tessera.identity.v1.Event` without its cursor): the outbox stores what the stream sends.

use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use prost::Message;
use tessera_kit::DbError;
use tessera_kit::convert::timestamp;
use tessera_kit::events::{NewEvent, outbox};
use tessera_kit::ids::{SessionId, UserId};
use tessera_proto::tessera::identity::v1 as pb;

use crate::ids::EventKind;

/// Records that `user_id`'s account was deleted.
pub async fn account_deleted(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    append(conn, EventKind::AccountDeleted, user_id, &[None], now).await
}

/// Records that these sessions of `user_id` were revoked.
pub async fn sessions_revoked(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    sessions: &[SessionId],
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let sessions: Vec<_> = sessions.iter().copied().map(Some).collect();
    append(conn, EventKind::SessionRevoked, user_id, &sessions, now).await
}

async fn append(
    conn: &mut AsyncPgConnection,
    kind: EventKind,
    user_id: UserId,
    sessions: &[Option<SessionId>],
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let proto_kind = match kind {
        EventKind::AccountDeleted => pb::EventKind::AccountDeleted,
        EventKind::SessionRevoked => pb::EventKind::SessionRevoked,
    };
    let events: Vec<NewEvent> = sessions
        .iter()
        .map(|session| NewEvent {
            kind: kind.as_str(),
            payload: pb::Event {
                cursor: 0,
                kind: proto_kind as i32,
                user_id: user_id.to_string(),
                session_id: session.map(|s| s.to_string()).unwrap_or_default(),
                occur_time: Some(timestamp(now)),
            }
            .encode_to_vec(),
        })
        .collect();
    outbox::append(conn, &events, now).await
}
