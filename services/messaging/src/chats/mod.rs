//! ChatService: direct and group chats the caller is in.

pub mod store;

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::Uuid as SqlUuid;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::auth;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::paging::Query;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::chat_service_server::ChatService;
use tessera_schema::messaging::{chat_members, chats, devices};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use self::store::{ChatRow, ChatView, chat, visible};
use crate::devices::store::key_type;
use crate::error::ChatError;
use crate::ids::{ChatId, ChatType, KeyType, Role};
use crate::lookup::{authorization, require_users};
use crate::state::Chat;

/// Members of a group chat, the owner included.
pub const MAX_MEMBERS: usize = 256;
/// Longest group name, in characters.
pub const MAX_NAME_CHARS: usize = 128;

/// The gRPC face of chats.
#[derive(Debug, Clone)]
pub struct ChatApi(pub Chat);

#[tonic::async_trait]
impl ChatService for ChatApi {
    async fn get_or_create_direct_chat(
        &self,
        request: Request<pb::GetOrCreateDirectChatRequest>,
    ) -> Result<Response<pb::GetOrCreateDirectChatResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let peer = UserId::parse("user_id", &request.get_ref().user_id).map_err(ChatError::from)?;
        if peer == user {
            return Err(ChatError::invalid("user_id", "a direct chat needs another user").into());
        }
        let (a, b) = if user < peer {
            (user, peer)
        } else {
            (peer, user)
        };
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        if let Some(view) = direct(&mut conn, a, b).await? {
            return Ok(Response::new(pb::GetOrCreateDirectChatResponse {
                chat: Some(chat(&view)),
                created: false,
            }));
        }
        require_users(&self.0, authorization(&request).as_ref(), &[peer]).await?;
        let created = diesel::sql_query(
            "INSERT INTO chats (id, chat_type, user_a, user_b) VALUES ($1, 'direct', $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind::<SqlUuid, _>(ChatId::new().as_uuid())
        .bind::<SqlUuid, _>(a.as_uuid())
        .bind::<SqlUuid, _>(b.as_uuid())
        .execute(&mut *conn)
        .await
        .map_err(ChatError::from)?
            == 1;
        let view = direct(&mut conn, a, b).await?.ok_or_else(|| {
            ChatError::Internal("the direct chat vanished after its insert".into())
        })?;
        Ok(Response::new(pb::GetOrCreateDirectChatResponse {
            chat: Some(chat(&view)),
            created,
        }))
    }

    async fn create_group_chat(
        &self,
        request: Request<pb::CreateGroupChatRequest>,
    ) -> Result<Response<pb::CreateGroupChatResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let name = check_name(&mut v, &body.name);
        let members = parse_users(&mut v, "member_user_ids", &body.member_user_ids, user);
        if members.len() + 1 > MAX_MEMBERS {
            v.add(
                "member_user_ids",
                format!("a group has at most {MAX_MEMBERS} members"),
            );
        }
        let name = ChatError::checked(v, name)?;
        require_users(&self.0, authorization(&request).as_ref(), &members).await?;
        let id = ChatId::new();
        let view = self
            .0
            .db
            .transaction("messaging.create_group_chat", |conn| {
                let (name, members) = (name.clone(), members.clone());
                async move {
                    diesel::insert_into(chats::table)
                        .values((
                            chats::id.eq(id.as_uuid()),
                            chats::chat_type.eq(ChatType::Group),
                            chats::name.eq(&name),
                            chats::owner_id.eq(user.as_uuid()),
                        ))
                        .execute(conn)
                        .await?;
                    diesel::insert_into(chat_members::table)
                        .values((
                            chat_members::chat_id.eq(id.as_uuid()),
                            chat_members::user_id.eq(user.as_uuid()),
                            chat_members::role.eq(Role::Owner),
                        ))
                        .execute(conn)
                        .await?;
                    add(conn, id, &members).await?;
                    visible(conn, user, id, false).await
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::CreateGroupChatResponse {
            chat: Some(chat(&view)),
        }))
    }

    async fn get_chat(
        &self,
        request: Request<pb::GetChatRequest>,
    ) -> Result<Response<pb::GetChatResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = ChatId::parse("chat_id", &request.get_ref().chat_id).map_err(ChatError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        let view = visible(&mut conn, user, id, false).await?;
        Ok(Response::new(pb::GetChatResponse {
            chat: Some(chat(&view)),
        }))
    }

    async fn list_chats(
        &self,
        request: Request<pb::ListChatsRequest>,
    ) -> Result<Response<pb::ListChatsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let query = Query::new("messaging.chats").scoped(user);
        let page = query
            .request::<(DateTime<Utc>, Uuid)>(
                request.get_ref().page_size,
                &request.get_ref().page_token,
            )
            .map_err(ChatError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        let views = store::list(&mut conn, user, page.after, page.fetch_limit()).await?;
        let views = query.page(views, &page, |v| (v.row.updated_at, v.row.id));
        Ok(Response::new(pb::ListChatsResponse {
            chats: views.items.iter().map(chat).collect(),
            next_page_token: views.next_page_token,
        }))
    }

    async fn add_chat_members(
        &self,
        request: Request<pb::AddChatMembersRequest>,
    ) -> Result<Response<pb::AddChatMembersResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = ChatId::parse_into(&mut v, "chat_id", &body.chat_id);
        let users = parse_users(&mut v, "user_ids", &body.user_ids, user);
        if body.user_ids.is_empty() {
            v.add("user_ids", "required: at least one user");
        }
        let id = ChatError::checked(v, id)?;
        require_users(&self.0, authorization(&request).as_ref(), &users).await?;
        let view = self
            .0
            .db
            .transaction("messaging.add_chat_members", |conn| {
                let users = users.clone();
                async move {
                    let view = owned_group(conn, user, id).await?;
                    let new: Vec<UserId> = users
                        .into_iter()
                        .filter(|u| !view.has(u.as_uuid()))
                        .collect();
                    if view.members.len() + new.len() > MAX_MEMBERS {
                        return Err(ChatError::precondition(
                            "TOO_MANY_MEMBERS",
                            format!("chats/{id}"),
                            format!("a group has at most {MAX_MEMBERS} members"),
                        ));
                    }
                    add(conn, id, &new).await?;
                    touch(conn, id).await?;
                    visible(conn, user, id, false).await
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::AddChatMembersResponse {
            chat: Some(chat(&view)),
        }))
    }

    async fn remove_chat_member(
        &self,
        request: Request<pb::RemoveChatMemberRequest>,
    ) -> Result<Response<pb::RemoveChatMemberResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = ChatId::parse_into(&mut v, "chat_id", &body.chat_id);
        let member = UserId::parse_into(&mut v, "user_id", &body.user_id);
        if member == Some(user) {
            v.add("user_id", "the owner leaves with LeaveChat");
        }
        let (id, member) = ChatError::checked(v, id.zip(member))?;
        self.0
            .db
            .transaction("messaging.remove_chat_member", |conn| {
                async move {
                    let view = owned_group(conn, user, id).await?;
                    if !view.has(member.as_uuid()) {
                        return Err(ChatError::not_found("member", member));
                    }
                    remove(conn, id, member).await
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::RemoveChatMemberResponse {}))
    }

    async fn leave_chat(
        &self,
        request: Request<pb::LeaveChatRequest>,
    ) -> Result<Response<pb::LeaveChatResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = ChatId::parse("chat_id", &request.get_ref().chat_id).map_err(ChatError::from)?;
        self.0
            .db
            .transaction("messaging.leave_chat", |conn| {
                async move {
                    let view = visible(conn, user, id, true).await?;
                    if view.row.chat_type == ChatType::Direct {
                        return Err(ChatError::precondition(
                            "DIRECT_CHAT",
                            format!("chats/{id}"),
                            "a direct chat cannot be left",
                        ));
                    }
                    if view.row.owner_id == Some(user.as_uuid()) {
                        diesel::update(chats::table.filter(chats::id.eq(id.as_uuid())))
                            .set(chats::owner_id.eq(None::<Uuid>))
                            .execute(conn)
                            .await?;
                    }
                    remove(conn, id, user).await
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::LeaveChatResponse {}))
    }

    async fn list_chat_devices(
        &self,
        request: Request<pb::ListChatDevicesRequest>,
    ) -> Result<Response<pb::ListChatDevicesResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = ChatId::parse("chat_id", &request.get_ref().chat_id).map_err(ChatError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        let view = visible(&mut conn, user, id, false).await?;
        let rows: Vec<(Uuid, Uuid, KeyType, Vec<u8>)> = devices::table
            .filter(devices::user_id.eq_any(view.user_ids()))
            .order((devices::user_id.asc(), devices::id.asc()))
            .select((
                devices::user_id,
                devices::id,
                devices::identity_key_type,
                devices::identity_pubkey,
            ))
            .load(&mut *conn)
            .await
            .map_err(ChatError::from)?;
        Ok(Response::new(pb::ListChatDevicesResponse {
            devices: rows
                .into_iter()
                .map(|(user_id, device_id, kind, key)| pb::ChatDevice {
                    user_id: user_id.to_string(),
                    device_id: device_id.to_string(),
                    identity_key_type: key_type(kind) as i32,
                    identity_key: key,
                })
                .collect(),
        }))
    }
}

fn check_name(v: &mut FieldViolations, raw: &str) -> Option<String> {
    match tessera_kit::text::free_text(raw, MAX_NAME_CHARS) {
        Ok(name) if !name.is_empty() => Some(name),
        Ok(_) => {
            v.add("name", "required: 1 to 128 characters");
            None
        }
        Err(err) => {
            v.add("name", err.to_string());
            None
        }
    }
}

/// Distinct user ids other than the caller, each parsed.
fn parse_users(
    v: &mut FieldViolations,
    field: &str,
    raw: &[String],
    caller: UserId,
) -> Vec<UserId> {
    if raw.len() > MAX_MEMBERS {
        v.add(field, format!("at most {MAX_MEMBERS}"));
        return Vec::new();
    }
    let mut users = BTreeSet::new();
    for (i, raw) in raw.iter().enumerate() {
        if let Some(user) = UserId::parse_into(v, &format!("{field}[{i}]"), raw)
            && user != caller
        {
            users.insert(user);
        }
    }
    users.into_iter().collect()
}

async fn direct(
    conn: &mut AsyncPgConnection,
    a: UserId,
    b: UserId,
) -> Result<Option<ChatView>, ChatError> {
    let row: Option<ChatRow> = chats::table
        .filter(chats::chat_type.eq(ChatType::Direct))
        .filter(chats::user_a.eq(a.as_uuid()))
        .filter(chats::user_b.eq(b.as_uuid()))
        .select(ChatRow::as_select())
        .first(conn)
        .await
        .optional()?;
    match row {
        Some(row) => {
            let members = store::members(conn, &row).await?;
            Ok(Some(ChatView { row, members }))
        }
        None => Ok(None),
    }
}

/// The group `id`, locked, if `user` owns it: NOT_FOUND when not in it, PERMISSION_DENIED
/// for a member, FAILED_PRECONDITION for a direct chat.
async fn owned_group(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: ChatId,
) -> Result<ChatView, ChatError> {
    let view = visible(conn, user, id, true).await?;
    if view.row.chat_type == ChatType::Direct {
        return Err(ChatError::precondition(
            "DIRECT_CHAT",
            format!("chats/{id}"),
            "a direct chat's members are fixed",
        ));
    }
    if view.row.owner_id != Some(user.as_uuid()) {
        return Err(ChatError::Denied(
            "only the chat's owner may change its members".into(),
        ));
    }
    Ok(view)
}

async fn add(conn: &mut AsyncPgConnection, id: ChatId, users: &[UserId]) -> Result<(), ChatError> {
    if users.is_empty() {
        return Ok(());
    }
    let rows: Vec<_> = users
        .iter()
        .map(|u| {
            (
                chat_members::chat_id.eq(id.as_uuid()),
                chat_members::user_id.eq(u.as_uuid()),
            )
        })
        .collect();
    diesel::insert_into(chat_members::table)
        .values(rows)
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(())
}

async fn remove(conn: &mut AsyncPgConnection, id: ChatId, user: UserId) -> Result<(), ChatError> {
    diesel::delete(
        chat_members::table
            .filter(chat_members::chat_id.eq(id.as_uuid()))
            .filter(chat_members::user_id.eq(user.as_uuid())),
    )
    .execute(conn)
    .await?;
    touch(conn, id).await
}

/// Marks activity in the chat (it moves up in its members' lists).
pub async fn touch(conn: &mut AsyncPgConnection, id: ChatId) -> Result<(), ChatError> {
    diesel::update(chats::table.filter(chats::id.eq(id.as_uuid())))
        .set(chats::updated_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
    Ok(())
}
