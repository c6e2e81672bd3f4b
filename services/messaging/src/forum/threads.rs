//! ThreadService: threads and replies of a group, posted by members at the current key epoch.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::auth;
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::paging::Query;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::thread_service_server::ThreadService;
use tessera_schema::messaging::{replies, threads};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use super::store::{GroupRow, Lock, check_bytes, check_epoch, member_of, require_current_epoch};
use crate::error::ChatError;
use crate::ids::{GroupId, ReplyId, ThreadId};
use crate::state::Chat;

/// Longest encrypted title, in bytes.
pub const MAX_TITLE_BYTES: usize = 4096;
/// Longest encrypted body (threads and replies), in bytes.
pub const MAX_BODY_BYTES: usize = 65536;

/// A `threads` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = threads, check_for_backend(diesel::pg::Pg))]
pub struct ThreadRow {
    pub id: Uuid,
    pub group_id: Uuid,
    pub author_id: Option<Uuid>,
    pub encrypted_title: Vec<u8>,
    pub encrypted_body: Vec<u8>,
    pub key_epoch: i64,
    pub created_at: DateTime<Utc>,
}

/// A `replies` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = replies, check_for_backend(diesel::pg::Pg))]
pub struct ReplyRow {
    pub id: Uuid,
    pub thread_id: Uuid,
    pub author_id: Option<Uuid>,
    pub encrypted_body: Vec<u8>,
    pub key_epoch: i64,
    pub created_at: DateTime<Utc>,
}

fn thread(row: &ThreadRow) -> pb::Thread {
    pb::Thread {
        id: row.id.to_string(),
        group_id: row.group_id.to_string(),
        author_id: row.author_id.map(|a| a.to_string()).unwrap_or_default(),
        encrypted_title: row.encrypted_title.clone(),
        encrypted_body: row.encrypted_body.clone(),
        key_epoch: row.key_epoch,
        create_time: Some(timestamp(row.created_at)),
    }
}

fn reply(row: &ReplyRow) -> pb::Reply {
    pb::Reply {
        id: row.id.to_string(),
        thread_id: row.thread_id.to_string(),
        author_id: row.author_id.map(|a| a.to_string()).unwrap_or_default(),
        encrypted_body: row.encrypted_body.clone(),
        key_epoch: row.key_epoch,
        create_time: Some(timestamp(row.created_at)),
    }
}

/// The thread `id` and its group, if `user` is a member of that group (NOT_FOUND otherwise).
pub async fn visible_thread(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: ThreadId,
    lock: Lock,
) -> Result<(ThreadRow, GroupRow), ChatError> {
    let row: Option<ThreadRow> = threads::table
        .find(id.as_uuid())
        .select(ThreadRow::as_select())
        .first(conn)
        .await
        .optional()?;
    let row = row.ok_or_else(|| ChatError::not_found(ThreadId::RESOURCE, id))?;
    let group = member_of(conn, user, GroupId::from_uuid(row.group_id), lock)
        .await
        .map_err(|_| ChatError::not_found(ThreadId::RESOURCE, id))?;
    Ok((row, group))
}

async fn visible_reply(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: ReplyId,
) -> Result<(ReplyRow, ThreadRow, GroupRow), ChatError> {
    let row: Option<ReplyRow> = replies::table
        .find(id.as_uuid())
        .select(ReplyRow::as_select())
        .first(conn)
        .await
        .optional()?;
    let row = row.ok_or_else(|| ChatError::not_found(ReplyId::RESOURCE, id))?;
    let (thread, group) =
        visible_thread(conn, user, ThreadId::from_uuid(row.thread_id), Lock::None)
            .await
            .map_err(|_| ChatError::not_found(ReplyId::RESOURCE, id))?;
    Ok((row, thread, group))
}

/// Authors delete their own posts, the group's creator any.
fn require_author_or_creator(
    author: Option<Uuid>,
    group: &GroupRow,
    user: UserId,
) -> Result<(), ChatError> {
    if author == Some(user.as_uuid()) || group.is_creator(user) {
        Ok(())
    } else {
        Err(ChatError::Denied(
            "only the author or the group's creator may delete this".into(),
        ))
    }
}

/// `(created_at, id)`, the keyset position of a listing.
type Cursor = (DateTime<Utc>, Uuid);

/// The gRPC face of threads and replies.
#[derive(Debug, Clone)]
pub struct ThreadApi(pub Chat);

#[tonic::async_trait]
impl ThreadService for ThreadApi {
    async fn create_thread(
        &self,
        request: Request<pb::CreateThreadRequest>,
    ) -> Result<Response<pb::CreateThreadResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let mut v = FieldViolations::new();
        let group_id = GroupId::parse_into(&mut v, "group_id", &body.group_id);
        check_bytes(
            &mut v,
            "encrypted_title",
            &body.encrypted_title,
            MAX_TITLE_BYTES,
        );
        check_bytes(
            &mut v,
            "encrypted_body",
            &body.encrypted_body,
            MAX_BODY_BYTES,
        );
        check_epoch(&mut v, "key_epoch", body.key_epoch);
        let group_id = ChatError::checked(v, group_id)?;
        let row = self
            .0
            .db
            .transaction("messaging.create_thread", |conn| {
                let body = body.clone();
                async move {
                    let group = member_of(conn, user, group_id, Lock::Share).await?;
                    require_current_epoch(&group, body.key_epoch)?;
                    Ok::<_, ChatError>(
                        diesel::insert_into(threads::table)
                            .values((
                                threads::id.eq(ThreadId::new().as_uuid()),
                                threads::group_id.eq(group.id),
                                threads::author_id.eq(user.as_uuid()),
                                threads::encrypted_title.eq(&body.encrypted_title),
                                threads::encrypted_body.eq(&body.encrypted_body),
                                threads::key_epoch.eq(body.key_epoch),
                            ))
                            .returning(ThreadRow::as_returning())
                            .get_result(conn)
                            .await?,
                    )
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::CreateThreadResponse {
            thread: Some(thread(&row)),
        }))
    }

    async fn get_thread(
        &self,
        request: Request<pb::GetThreadRequest>,
    ) -> Result<Response<pb::GetThreadResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id =
            ThreadId::parse("thread_id", &request.get_ref().thread_id).map_err(ChatError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        let (row, _) = visible_thread(&mut conn, user, id, Lock::None).await?;
        Ok(Response::new(pb::GetThreadResponse {
            thread: Some(thread(&row)),
        }))
    }

    async fn list_threads(
        &self,
        request: Request<pb::ListThreadsRequest>,
    ) -> Result<Response<pb::ListThreadsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let group_id = GroupId::parse_into(&mut v, "group_id", &body.group_id);
        let group_id = ChatError::checked(v, group_id)?;
        let query = Query::new("messaging.threads")
            .scoped(group_id)
            .sizes(50, 100);
        let page = query
            .request::<Cursor>(body.page_size, &body.page_token)
            .map_err(ChatError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        member_of(&mut conn, user, group_id, Lock::None).await?;
        let mut select = threads::table
            .filter(threads::group_id.eq(group_id.as_uuid()))
            .select(ThreadRow::as_select())
            .order((threads::created_at.desc(), threads::id.desc()))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some((at, id)) = page.after {
            select = select.filter(
                threads::created_at
                    .lt(at)
                    .or(threads::created_at.eq(at).and(threads::id.lt(id))),
            );
        }
        let rows = select.load(&mut conn).await.map_err(ChatError::from)?;
        let rows = query.page(rows, &page, |r| (r.created_at, r.id));
        Ok(Response::new(pb::ListThreadsResponse {
            threads: rows.items.iter().map(thread).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn delete_thread(
        &self,
        request: Request<pb::DeleteThreadRequest>,
    ) -> Result<Response<pb::DeleteThreadResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id =
            ThreadId::parse("thread_id", &request.get_ref().thread_id).map_err(ChatError::from)?;
        self.0
            .db
            .transaction("messaging.delete_thread", |conn| {
                async move {
                    let (row, group) = visible_thread(conn, user, id, Lock::None).await?;
                    require_author_or_creator(row.author_id, &group, user)?;
                    // Replies and media (files queued for deletion) go with it.
                    diesel::delete(threads::table.find(row.id))
                        .execute(conn)
                        .await?;
                    Ok::<_, ChatError>(())
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::DeleteThreadResponse {}))
    }

    async fn create_reply(
        &self,
        request: Request<pb::CreateReplyRequest>,
    ) -> Result<Response<pb::CreateReplyResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let mut v = FieldViolations::new();
        let thread_id = ThreadId::parse_into(&mut v, "thread_id", &body.thread_id);
        check_bytes(
            &mut v,
            "encrypted_body",
            &body.encrypted_body,
            MAX_BODY_BYTES,
        );
        check_epoch(&mut v, "key_epoch", body.key_epoch);
        let thread_id = ChatError::checked(v, thread_id)?;
        let row = self
            .0
            .db
            .transaction("messaging.create_reply", |conn| {
                let body = body.clone();
                async move {
                    let (thread, group) =
                        visible_thread(conn, user, thread_id, Lock::Share).await?;
                    require_current_epoch(&group, body.key_epoch)?;
                    Ok::<_, ChatError>(
                        diesel::insert_into(replies::table)
                            .values((
                                replies::id.eq(ReplyId::new().as_uuid()),
                                replies::thread_id.eq(thread.id),
                                replies::author_id.eq(user.as_uuid()),
                                replies::encrypted_body.eq(&body.encrypted_body),
                                replies::key_epoch.eq(body.key_epoch),
                            ))
                            .returning(ReplyRow::as_returning())
                            .get_result(conn)
                            .await?,
                    )
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::CreateReplyResponse {
            reply: Some(reply(&row)),
        }))
    }

    async fn get_reply(
        &self,
        request: Request<pb::GetReplyRequest>,
    ) -> Result<Response<pb::GetReplyResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id =
            ReplyId::parse("reply_id", &request.get_ref().reply_id).map_err(ChatError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        let (row, _, _) = visible_reply(&mut conn, user, id).await?;
        Ok(Response::new(pb::GetReplyResponse {
            reply: Some(reply(&row)),
        }))
    }

    async fn list_replies(
        &self,
        request: Request<pb::ListRepliesRequest>,
    ) -> Result<Response<pb::ListRepliesResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let thread_id = ThreadId::parse_into(&mut v, "thread_id", &body.thread_id);
        let thread_id = ChatError::checked(v, thread_id)?;
        let query = Query::new("messaging.replies")
            .scoped(thread_id)
            .sizes(100, 500);
        let page = query
            .request::<Cursor>(body.page_size, &body.page_token)
            .map_err(ChatError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        visible_thread(&mut conn, user, thread_id, Lock::None).await?;
        let mut select = replies::table
            .filter(replies::thread_id.eq(thread_id.as_uuid()))
            .select(ReplyRow::as_select())
            .order((replies::created_at, replies::id))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some((at, id)) = page.after {
            select = select.filter(
                replies::created_at
                    .gt(at)
                    .or(replies::created_at.eq(at).and(replies::id.gt(id))),
            );
        }
        let rows = select.load(&mut conn).await.map_err(ChatError::from)?;
        let rows = query.page(rows, &page, |r| (r.created_at, r.id));
        Ok(Response::new(pb::ListRepliesResponse {
            replies: rows.items.iter().map(reply).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn delete_reply(
        &self,
        request: Request<pb::DeleteReplyRequest>,
    ) -> Result<Response<pb::DeleteReplyResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id =
            ReplyId::parse("reply_id", &request.get_ref().reply_id).map_err(ChatError::from)?;
        self.0
            .db
            .transaction("messaging.delete_reply", |conn| {
                async move {
                    let (row, _, group) = visible_reply(conn, user, id).await?;
                    require_author_or_creator(row.author_id, &group, user)?;
                    diesel::delete(replies::table.find(row.id))
                        .execute(conn)
                        .await?;
                    Ok::<_, ChatError>(())
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::DeleteReplyResponse {}))
    }
}
