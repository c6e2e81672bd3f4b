//! MediaService: encrypted media in threads, relayed for 7 days. Records and the group quota
//! are here; the bytes are vault-storage files (see `forum::vault`).

mod upload;

pub(crate) use upload::release;

use std::pin::Pin;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use futures::{Stream, StreamExt};
use tessera_kit::auth;
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::paging::Query;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::media_service_server::MediaService;
use tessera_proto::tessera::vault::v1 as vpb;
use tessera_schema::messaging::{group_quotas, media, media_downloads};
use tonic::{Request, Response, Status, Streaming};
use uuid::Uuid;

use super::store::{GroupRow, Lock, member_of};
use super::threads::visible_thread;
use crate::error::ChatError;
use crate::ids::{GroupId, MediaId, ThreadId};
use crate::state::Chat;

/// How long media are kept (the schema's CHECK holds expires_at to it).
pub const RETENTION_DAYS: i64 = 7;

/// A `media` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = media, check_for_backend(diesel::pg::Pg))]
pub struct MediaRow {
    pub id: Uuid,
    pub thread_id: Uuid,
    pub group_id: Uuid,
    pub author_id: Option<Uuid>,
    pub encrypted_metadata: Vec<u8>,
    pub storage_url: String,
    pub file_id: Uuid,
    pub encryption_iv: Vec<u8>,
    pub size_bytes: i64,
    pub sha256: Vec<u8>,
    pub key_epoch: i64,
    pub uploaded_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

fn media(row: &MediaRow, downloaded: Option<DateTime<Utc>>) -> pb::Media {
    pb::Media {
        id: row.id.to_string(),
        thread_id: row.thread_id.to_string(),
        author_id: row.author_id.map(|a| a.to_string()).unwrap_or_default(),
        encrypted_metadata: row.encrypted_metadata.clone(),
        encryption_iv: row.encryption_iv.clone(),
        size_bytes: row.size_bytes,
        sha256: row.sha256.clone(),
        key_epoch: row.key_epoch,
        storage_url: row.storage_url.clone(),
        upload_time: Some(timestamp(row.uploaded_at)),
        expire_time: Some(timestamp(row.expires_at)),
        download_time: downloaded.map(timestamp),
    }
}

/// The media `id` and its group if `user` is a member (NOT_FOUND otherwise), and not expired
/// at `now` (NOT_FOUND with reason MEDIA_EXPIRED).
async fn visible_media(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: MediaId,
    now: DateTime<Utc>,
) -> Result<(MediaRow, GroupRow), ChatError> {
    let row: Option<MediaRow> = media::table
        .find(id.as_uuid())
        .select(MediaRow::as_select())
        .first(conn)
        .await
        .optional()?;
    let row = row.ok_or_else(|| ChatError::not_found(MediaId::RESOURCE, id))?;
    let group = member_of(conn, user, GroupId::from_uuid(row.group_id), Lock::None)
        .await
        .map_err(|_| ChatError::not_found(MediaId::RESOURCE, id))?;
    if row.expires_at <= now {
        return Err(ChatError::Reason {
            code: tonic::Code::NotFound,
            reason: "MEDIA_EXPIRED",
            message: "the media expired".into(),
            metadata: vec![("media_id", id.to_string())],
        });
    }
    Ok((row, group))
}

async fn downloaded_at(
    conn: &mut AsyncPgConnection,
    user: UserId,
    ids: &[Uuid],
) -> Result<Vec<(Uuid, DateTime<Utc>)>, ChatError> {
    Ok(media_downloads::table
        .filter(media_downloads::user_id.eq(user.as_uuid()))
        .filter(media_downloads::media_id.eq_any(ids))
        .select((media_downloads::media_id, media_downloads::downloaded_at))
        .load(conn)
        .await?)
}

type DownloadStream = Pin<Box<dyn Stream<Item = Result<pb::DownloadMediaResponse, Status>> + Send>>;

/// The gRPC face of media.
#[derive(Debug, Clone)]
pub struct MediaApi(pub Chat);

#[tonic::async_trait]
impl MediaService for MediaApi {
    async fn upload_media(
        &self,
        request: Request<Streaming<pb::UploadMediaRequest>>,
    ) -> Result<Response<pb::UploadMediaResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let row = upload::upload(&self.0, user, request.into_inner()).await?;
        Ok(Response::new(pb::UploadMediaResponse {
            media: Some(media(&row, None)),
        }))
    }

    type DownloadMediaStream = DownloadStream;

    async fn download_media(
        &self,
        request: Request<pb::DownloadMediaRequest>,
    ) -> Result<Response<Self::DownloadMediaStream>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = MediaId::parse_into(&mut v, "media_id", &body.media_id);
        if body.offset < 0 {
            v.add("offset", "must not be negative");
        }
        if body.limit < 0 {
            v.add("limit", "must not be negative");
        }
        let id = ChatError::checked(v, id)?;
        let (offset, limit) = (body.offset, body.limit);
        let now = self.0.clock.now();
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        let (row, _) = visible_media(&mut conn, user, id, now).await?;
        if offset > row.size_bytes {
            return Err(ChatError::invalid("offset", "past the end of the media").into());
        }
        self.0.vault.require()?;
        let mut bytes = self
            .0
            .vault
            .download(row.file_id, id, offset, limit)
            .await?;
        // vault-storage describes the file first; only then is the download under way.
        match bytes.message().await.map_err(super::vault::upstream)? {
            Some(vpb::DownloadResponse {
                message: Some(vpb::download_response::Message::File(_)),
            }) => {}
            _ => {
                return Err(ChatError::Internal("vault-storage sent no file record".into()).into());
            }
        }
        diesel::insert_into(media_downloads::table)
            .values((
                media_downloads::media_id.eq(row.id),
                media_downloads::user_id.eq(user.as_uuid()),
            ))
            .on_conflict_do_nothing()
            .execute(&mut conn)
            .await
            .map_err(ChatError::from)?;
        let first = downloaded_at(&mut conn, user, &[row.id]).await?;
        let head = pb::DownloadMediaResponse {
            message: Some(pb::download_media_response::Message::Media(media(
                &row,
                first.into_iter().next().map(|(_, at)| at),
            ))),
        };
        let chunks = bytes.filter_map(|item| async move {
            match item {
                Ok(vpb::DownloadResponse {
                    message: Some(vpb::download_response::Message::Chunk(chunk)),
                }) => Some(Ok(pb::DownloadMediaResponse {
                    message: Some(pb::download_media_response::Message::Chunk(chunk)),
                })),
                Ok(_) => None,
                Err(status) => Some(Err(Status::from(super::vault::upstream(status)))),
            }
        });
        let stream = futures::stream::once(async { Ok(head) }).chain(chunks);
        Ok(Response::new(Box::pin(stream)))
    }

    async fn list_media(
        &self,
        request: Request<pb::ListMediaRequest>,
    ) -> Result<Response<pb::ListMediaResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let thread_id = ThreadId::parse("thread_id", &body.thread_id).map_err(ChatError::from)?;
        let query = Query::new("messaging.media")
            .scoped(thread_id)
            .sizes(50, 100);
        let page = query
            .request::<(DateTime<Utc>, Uuid)>(body.page_size, &body.page_token)
            .map_err(ChatError::from)?;
        let now = self.0.clock.now();
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        visible_thread(&mut conn, user, thread_id, Lock::None).await?;
        let mut select = media::table
            .filter(media::thread_id.eq(thread_id.as_uuid()))
            .filter(media::expires_at.gt(now))
            .select(MediaRow::as_select())
            .order((media::uploaded_at, media::id))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some((at, id)) = page.after {
            select = select.filter(
                media::uploaded_at
                    .gt(at)
                    .or(media::uploaded_at.eq(at).and(media::id.gt(id))),
            );
        }
        let rows = select.load(&mut conn).await.map_err(ChatError::from)?;
        let rows = query.page(rows, &page, |r| (r.uploaded_at, r.id));
        let ids: Vec<Uuid> = rows.items.iter().map(|r| r.id).collect();
        let downloads = downloaded_at(&mut conn, user, &ids).await?;
        let when = |id: Uuid| downloads.iter().find(|(m, _)| *m == id).map(|(_, at)| *at);
        Ok(Response::new(pb::ListMediaResponse {
            media: rows.items.iter().map(|r| media(r, when(r.id))).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn delete_media(
        &self,
        request: Request<pb::DeleteMediaRequest>,
    ) -> Result<Response<pb::DeleteMediaResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id =
            MediaId::parse("media_id", &request.get_ref().media_id).map_err(ChatError::from)?;
        let now = self.0.clock.now();
        self.0
            .db
            .transaction("messaging.delete_media", |conn| {
                async move {
                    let (row, group) = visible_media(conn, user, id, now).await?;
                    if row.author_id != Some(user.as_uuid()) && !group.is_creator(user) {
                        return Err(ChatError::Denied(
                            "only the uploader or the group's creator may delete media".into(),
                        ));
                    }
                    // The trigger queues the file's deletion and gives the bytes back.
                    diesel::delete(media::table.find(row.id))
                        .execute(conn)
                        .await?;
                    Ok(())
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::DeleteMediaResponse {}))
    }

    async fn get_group_usage(
        &self,
        request: Request<pb::GetGroupUsageRequest>,
    ) -> Result<Response<pb::GetGroupUsageResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id =
            GroupId::parse("group_id", &request.get_ref().group_id).map_err(ChatError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        member_of(&mut conn, user, id, Lock::None).await?;
        let (total_bytes, media_count, max_bytes, max_media_count): (i64, i32, i64, i32) =
            group_quotas::table
                .find(id.as_uuid())
                .select((
                    group_quotas::total_bytes,
                    group_quotas::media_count,
                    group_quotas::max_bytes,
                    group_quotas::max_media_count,
                ))
                .first(&mut conn)
                .await
                .map_err(ChatError::from)?;
        let near = |used: i64, max: i64| used.saturating_mul(5) >= max.saturating_mul(4);
        Ok(Response::new(pb::GetGroupUsageResponse {
            total_bytes,
            media_count,
            max_bytes,
            max_media_count,
            near_limit: near(total_bytes, max_bytes)
                || near(i64::from(media_count), i64::from(max_media_count)),
        }))
    }
}
