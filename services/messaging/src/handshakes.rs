//! HandshakeService: X3DH initial messages relayed between devices, and the session records
//! they lead to. Parties come from the caller and stored rows, never from ids alone.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::auth;
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::paging::Query;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::handshake_service_server::HandshakeService;
use tessera_schema::messaging::{devices, pending_sessions, sessions};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use crate::chats::store::visible;
use crate::devices::keys::{KEY_BYTES, check_len};
use crate::devices::store::own;
use crate::error::ChatError;
use crate::events::{self, LiveEvent};
use crate::ids::{ChatId, DeviceId, HandshakeId, HandshakeState, RatchetSessionId};
use crate::messages::send::MAX_CIPHERTEXT_BYTES;
use crate::state::Chat;

/// The gRPC face of handshakes and sessions.
#[derive(Debug, Clone)]
pub struct HandshakeApi(pub Chat);

/// A `pending_sessions` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = pending_sessions, check_for_backend(diesel::pg::Pg))]
pub struct HandshakeRow {
    pub id: Uuid,
    pub sender_device_id: Uuid,
    pub recipient_device_id: Uuid,
    pub ephemeral_pubkey: Vec<u8>,
    pub sender_prekey_pub: Vec<u8>,
    pub otpk_used: Vec<u8>,
    pub ciphertext: Vec<u8>,
    pub created_at: DateTime<Utc>,
    pub state: HandshakeState,
}

/// A `sessions` row.
#[derive(Debug, Clone, Queryable, QueryableByName, Selectable)]
#[diesel(table_name = sessions, check_for_backend(diesel::pg::Pg))]
pub struct SessionRow {
    pub id: Uuid,
    pub chat_id: Uuid,
    pub sender_device_id: Uuid,
    pub receiver_device_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn handshake(row: HandshakeRow) -> pb::Handshake {
    pb::Handshake {
        id: row.id.to_string(),
        sender_device_id: row.sender_device_id.to_string(),
        recipient_device_id: row.recipient_device_id.to_string(),
        ephemeral_key: row.ephemeral_pubkey,
        sender_identity_key: row.sender_prekey_pub,
        prekey_used: row.otpk_used,
        ciphertext: row.ciphertext,
        state: match row.state {
            HandshakeState::Initiated => pb::HandshakeState::Initiated,
            HandshakeState::Responded => pb::HandshakeState::Responded,
            HandshakeState::Completed => pb::HandshakeState::Completed,
        } as i32,
        create_time: Some(timestamp(row.created_at)),
    }
}

fn session(row: &SessionRow) -> pb::Session {
    pb::Session {
        id: row.id.to_string(),
        chat_id: row.chat_id.to_string(),
        sender_device_id: row.sender_device_id.to_string(),
        receiver_device_id: row.receiver_device_id.to_string(),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    }
}

#[tonic::async_trait]
impl HandshakeService for HandshakeApi {
    async fn initiate_handshake(
        &self,
        request: Request<pb::InitiateHandshakeRequest>,
    ) -> Result<Response<pb::InitiateHandshakeResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref().clone();
        let mut v = FieldViolations::new();
        let sender = DeviceId::parse_into(&mut v, "sender_device_id", &body.sender_device_id);
        let recipient =
            DeviceId::parse_into(&mut v, "recipient_device_id", &body.recipient_device_id);
        check_len(&mut v, "ephemeral_key", &body.ephemeral_key, KEY_BYTES);
        check_len(&mut v, "prekey_used", &body.prekey_used, KEY_BYTES);
        if !(1..=MAX_CIPHERTEXT_BYTES).contains(&body.ciphertext.len()) {
            v.add(
                "ciphertext",
                format!("required: 1 byte to {MAX_CIPHERTEXT_BYTES} bytes"),
            );
        }
        let (sender, recipient) = ChatError::checked(v, sender.zip(recipient))?;
        let row = self
            .0
            .db
            .transaction("messaging.initiate_handshake", |conn| {
                let body = body.clone();
                async move {
                    let from = own(conn, user, sender).await?;
                    let exists: i64 = devices::table
                        .filter(devices::id.eq(recipient.as_uuid()))
                        .count()
                        .get_result(conn)
                        .await?;
                    if exists == 0 {
                        return Err(ChatError::not_found(DeviceId::RESOURCE, recipient));
                    }
                    Ok(diesel::insert_into(pending_sessions::table)
                        .values((
                            pending_sessions::id.eq(HandshakeId::new().as_uuid()),
                            pending_sessions::sender_device_id.eq(sender.as_uuid()),
                            pending_sessions::recipient_device_id.eq(recipient.as_uuid()),
                            pending_sessions::ephemeral_pubkey.eq(body.ephemeral_key.to_vec()),
                            pending_sessions::sender_prekey_pub.eq(from.identity_pubkey),
                            pending_sessions::otpk_used.eq(body.prekey_used.to_vec()),
                            pending_sessions::ciphertext.eq(body.ciphertext.to_vec()),
                        ))
                        .returning(HandshakeRow::as_returning())
                        .get_result(conn)
                        .await?)
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::InitiateHandshakeResponse {
            handshake: Some(handshake(row)),
        }))
    }

    async fn list_handshakes(
        &self,
        request: Request<pb::ListHandshakesRequest>,
    ) -> Result<Response<pb::ListHandshakesResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let device = DeviceId::parse("device_id", &body.device_id).map_err(ChatError::from)?;
        let query = Query::new("messaging.handshakes")
            .scoped(user)
            .scoped(device);
        let page = query
            .request::<(DateTime<Utc>, Uuid)>(body.page_size, &body.page_token)
            .map_err(ChatError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        own(&mut conn, user, device).await?;
        let mut select = pending_sessions::table
            .filter(pending_sessions::recipient_device_id.eq(device.as_uuid()))
            .order((
                pending_sessions::created_at.asc(),
                pending_sessions::id.asc(),
            ))
            .select(HandshakeRow::as_select())
            .into_boxed();
        if let Some((at, id)) = page.after {
            select = select.filter(
                pending_sessions::created_at
                    .gt(at)
                    .or(pending_sessions::created_at
                        .eq(at)
                        .and(pending_sessions::id.gt(id))),
            );
        }
        let rows: Vec<HandshakeRow> = select
            .limit(page.fetch_limit())
            .load(&mut *conn)
            .await
            .map_err(ChatError::from)?;
        let rows = query.page(rows, &page, |r| (r.created_at, r.id));
        Ok(Response::new(pb::ListHandshakesResponse {
            handshakes: rows.items.into_iter().map(handshake).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn respond_handshake(
        &self,
        request: Request<pb::RespondHandshakeRequest>,
    ) -> Result<Response<pb::RespondHandshakeResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = HandshakeId::parse("handshake_id", &request.get_ref().handshake_id)
            .map_err(ChatError::from)?;
        let row = advance(
            &self.0,
            user,
            id,
            HandshakeState::Initiated,
            HandshakeState::Responded,
        )
        .await?;
        Ok(Response::new(pb::RespondHandshakeResponse {
            handshake: Some(handshake(row)),
        }))
    }

    async fn complete_handshake(
        &self,
        request: Request<pb::CompleteHandshakeRequest>,
    ) -> Result<Response<pb::CompleteHandshakeResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = HandshakeId::parse("handshake_id", &request.get_ref().handshake_id)
            .map_err(ChatError::from)?;
        let row = advance(
            &self.0,
            user,
            id,
            HandshakeState::Responded,
            HandshakeState::Completed,
        )
        .await?;
        Ok(Response::new(pb::CompleteHandshakeResponse {
            handshake: Some(handshake(row)),
        }))
    }

    async fn create_session(
        &self,
        request: Request<pb::CreateSessionRequest>,
    ) -> Result<Response<pb::CreateSessionResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let chat_id = ChatId::parse_into(&mut v, "chat_id", &body.chat_id);
        let device = DeviceId::parse_into(&mut v, "device_id", &body.device_id);
        let peer = DeviceId::parse_into(&mut v, "peer_device_id", &body.peer_device_id);
        let ((chat_id, device), peer) = ChatError::checked(v, chat_id.zip(device).zip(peer))?;
        let (row, created) = self
            .0
            .db
            .transaction("messaging.create_session", |conn| {
                async move { create_session(conn, user, chat_id, device, peer).await }.scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::CreateSessionResponse {
            session: Some(session(&row)),
            created,
        }))
    }

    async fn list_sessions(
        &self,
        request: Request<pb::ListSessionsRequest>,
    ) -> Result<Response<pb::ListSessionsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let device = DeviceId::parse("device_id", &body.device_id).map_err(ChatError::from)?;
        let query = Query::new("messaging.sessions").scoped(user).scoped(device);
        let page = query
            .request::<Uuid>(body.page_size, &body.page_token)
            .map_err(ChatError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        own(&mut conn, user, device).await?;
        let mut select = sessions::table
            .filter(
                sessions::sender_device_id
                    .eq(device.as_uuid())
                    .or(sessions::receiver_device_id.eq(device.as_uuid())),
            )
            .order(sessions::id.asc())
            .select(SessionRow::as_select())
            .into_boxed();
        if let Some(after) = page.after {
            select = select.filter(sessions::id.gt(after));
        }
        let rows: Vec<SessionRow> = select
            .limit(page.fetch_limit())
            .load(&mut *conn)
            .await
            .map_err(ChatError::from)?;
        let rows = query.page(rows, &page, |r| r.id);
        Ok(Response::new(pb::ListSessionsResponse {
            sessions: rows.items.iter().map(session).collect(),
            next_page_token: rows.next_page_token,
        }))
    }
}

/// Moves a handshake sent to one of `user`'s devices from `from` to `to`, in one statement:
/// NOT_FOUND if it is not theirs, FAILED_PRECONDITION if it is not at `from`.
async fn advance(
    chat: &Chat,
    user: UserId,
    id: HandshakeId,
    from: HandshakeState,
    to: HandshakeState,
) -> Result<HandshakeRow, ChatError> {
    chat.db
        .transaction("messaging.advance_handshake", |conn| {
            async move {
                let mine = devices::table
                    .filter(devices::user_id.eq(user.as_uuid()))
                    .select(devices::id);
                let row: Option<HandshakeRow> = pending_sessions::table
                    .filter(pending_sessions::id.eq(id.as_uuid()))
                    .filter(pending_sessions::recipient_device_id.eq_any(mine))
                    .select(HandshakeRow::as_select())
                    .for_update()
                    .first(conn)
                    .await
                    .optional()?;
                let row = row.ok_or_else(|| ChatError::not_found(HandshakeId::RESOURCE, id))?;
                if row.state != from {
                    return Err(ChatError::precondition(
                        "HANDSHAKE_STATE",
                        format!("handshakes/{id}"),
                        format!(
                            "the handshake is {}, not {from}: states only advance",
                            row.state
                        ),
                    ));
                }
                Ok(diesel::update(
                    pending_sessions::table.filter(pending_sessions::id.eq(id.as_uuid())),
                )
                .set(pending_sessions::state.eq(to))
                .returning(HandshakeRow::as_returning())
                .get_result(conn)
                .await?)
            }
            .scope_boxed()
        })
        .await
}

#[derive(QueryableByName)]
struct Created {
    #[diesel(sql_type = Bool)]
    created: bool,
}

async fn create_session(
    conn: &mut AsyncPgConnection,
    user: UserId,
    chat_id: ChatId,
    device: DeviceId,
    peer: DeviceId,
) -> Result<(SessionRow, bool), ChatError> {
    let view = visible(conn, user, chat_id, false).await?;
    own(conn, user, device).await?;
    let peer_user: Option<Uuid> = devices::table
        .filter(devices::id.eq(peer.as_uuid()))
        .select(devices::user_id)
        .first(conn)
        .await
        .optional()?;
    let peer_user = match peer_user {
        Some(owner) if owner != user.as_uuid() && view.has(owner) => owner,
        _ => return Err(ChatError::not_found(DeviceId::RESOURCE, peer)),
    };
    let id = RatchetSessionId::new().as_uuid();
    let created: Vec<Created> = diesel::sql_query(
        "INSERT INTO sessions (id, chat_id, sender_device_id, receiver_device_id) \
         VALUES ($1, $2, $3, $4) \
         ON CONFLICT (sender_device_id, receiver_device_id) \
         DO UPDATE SET chat_id = EXCLUDED.chat_id, updated_at = now() \
         RETURNING (xmax = 0) AS created",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<SqlUuid, _>(chat_id.as_uuid())
    .bind::<SqlUuid, _>(device.as_uuid())
    .bind::<SqlUuid, _>(peer.as_uuid())
    .load(conn)
    .await?;
    let created = created.iter().any(|c| c.created);
    let row: SessionRow = sessions::table
        .filter(sessions::sender_device_id.eq(device.as_uuid()))
        .filter(sessions::receiver_device_id.eq(peer.as_uuid()))
        .select(SessionRow::as_select())
        .first(conn)
        .await?;
    if created {
        let event = LiveEvent::Session {
            session_id: row.id,
            chat_id: row.chat_id,
            sender_device_id: row.sender_device_id,
            receiver_device_id: row.receiver_device_id,
            users: [user.as_uuid(), peer_user],
        };
        events::announce(conn, &event).await?;
    }
    Ok((row, created))
}
