//! Chat rows, membership and the wire form.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::convert::timestamp;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_schema::messaging::{chat_members, chats};
use uuid::Uuid;

use crate::error::ChatError;
use crate::ids::{ChatId, ChatType, Role};

/// A `chats` row.
#[derive(Debug, Clone, Queryable, QueryableByName, Selectable)]
#[diesel(table_name = chats, check_for_backend(diesel::pg::Pg))]
pub struct ChatRow {
    pub id: Uuid,
    pub chat_type: ChatType,
    pub user_a: Option<Uuid>,
    pub user_b: Option<Uuid>,
    pub name: Option<String>,
    pub owner_id: Option<Uuid>,
    pub last_message_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Someone in a chat.
#[derive(Debug, Clone, Queryable)]
pub struct Member {
    pub user_id: Uuid,
    pub role: Role,
    pub joined_at: DateTime<Utc>,
}

/// A chat with its members.
#[derive(Debug, Clone)]
pub struct ChatView {
    pub row: ChatRow,
    pub members: Vec<Member>,
}

impl ChatView {
    /// Whether `user` is in the chat.
    pub fn has(&self, user: Uuid) -> bool {
        self.members.iter().any(|m| m.user_id == user)
    }

    /// The members' user ids.
    pub fn user_ids(&self) -> Vec<Uuid> {
        self.members.iter().map(|m| m.user_id).collect()
    }
}

/// The wire form.
pub fn chat(view: &ChatView) -> pb::Chat {
    let row = &view.row;
    pb::Chat {
        id: row.id.to_string(),
        r#type: match row.chat_type {
            ChatType::Direct => pb::ChatType::Direct,
            ChatType::Group => pb::ChatType::Group,
        } as i32,
        name: row.name.clone().unwrap_or_default(),
        owner_id: row.owner_id.map(|o| o.to_string()).unwrap_or_default(),
        members: view
            .members
            .iter()
            .map(|m| pb::ChatMember {
                user_id: m.user_id.to_string(),
                role: match m.role {
                    Role::Owner => pb::ChatRole::Owner,
                    Role::Member => pb::ChatRole::Member,
                } as i32,
                join_time: Some(timestamp(m.joined_at)),
            })
            .collect(),
        last_message_id: row
            .last_message_id
            .map(|m| m.to_string())
            .unwrap_or_default(),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    }
}

/// The members of a loaded row: both users of a direct chat, the membership of a group.
pub async fn members(
    conn: &mut AsyncPgConnection,
    row: &ChatRow,
) -> Result<Vec<Member>, ChatError> {
    if row.chat_type == ChatType::Direct {
        return Ok([row.user_a, row.user_b]
            .into_iter()
            .flatten()
            .map(|user_id| Member {
                user_id,
                role: Role::Member,
                joined_at: row.created_at,
            })
            .collect());
    }
    Ok(chat_members::table
        .filter(chat_members::chat_id.eq(row.id))
        .order((chat_members::joined_at.asc(), chat_members::user_id.asc()))
        .select((
            chat_members::user_id,
            chat_members::role,
            chat_members::joined_at,
        ))
        .load(conn)
        .await?)
}

/// The chat `id` if `user` is in it; NOT_FOUND otherwise (whether or not it exists).
/// `lock` takes the chat row for update (membership changes, sends).
pub async fn visible(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: ChatId,
    lock: bool,
) -> Result<ChatView, ChatError> {
    let query = chats::table
        .filter(chats::id.eq(id.as_uuid()))
        .select(ChatRow::as_select());
    let row = if lock {
        query.for_update().first(conn).await.optional()?
    } else {
        query.first(conn).await.optional()?
    };
    let row = row.ok_or_else(|| ChatError::not_found(ChatId::RESOURCE, id))?;
    let members = members(conn, &row).await?;
    let view = ChatView { row, members };
    if !view.has(user.as_uuid()) {
        return Err(ChatError::not_found(ChatId::RESOURCE, id));
    }
    Ok(view)
}

/// One page of `user`'s chats, most recent activity first, after the cursor (update time, id).
pub async fn list(
    conn: &mut AsyncPgConnection,
    user: UserId,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> Result<Vec<ChatView>, ChatError> {
    let (after_at, after_id) = after.unzip();
    let rows: Vec<ChatRow> = diesel::sql_query(
        "SELECT c.* FROM chats c WHERE c.id IN ( \
             SELECT id FROM chats WHERE chat_type = 'direct' AND user_a = $1 \
             UNION ALL SELECT id FROM chats WHERE chat_type = 'direct' AND user_b = $1 \
             UNION ALL SELECT chat_id FROM chat_members WHERE user_id = $1) \
         AND ($2::timestamptz IS NULL OR (c.updated_at, c.id) < ($2, $3)) \
         ORDER BY c.updated_at DESC, c.id DESC LIMIT $4",
    )
    .bind::<SqlUuid, _>(user.as_uuid())
    .bind::<Nullable<Timestamptz>, _>(after_at)
    .bind::<Nullable<SqlUuid>, _>(after_id)
    .bind::<BigInt, _>(limit)
    .load(conn)
    .await?;
    let mut views = Vec::with_capacity(rows.len());
    for row in rows {
        let members = members(conn, &row).await?;
        views.push(ChatView { row, members });
    }
    Ok(views)
}
