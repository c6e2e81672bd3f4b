//! `tessera.vault.v1.FileService`: files on the Storage Service's volumes, for users (their
//! `users` files) and services (the files their app stored), public downloads for anyone.

pub mod commit;
pub mod download;
pub mod records;
pub mod session;
pub mod uploads;
pub mod versions;

use std::pin::Pin;

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use futures::{Stream, StreamExt};
use tessera_kit::auth::{self, Caller};
use tessera_kit::convert::struct_to_json;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::paging::Query;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_proto::tessera::vault::v1::file_service_server::FileService;
use tessera_schema::vault::storage_files;
use tonic::{Request, Response, Status, Streaming};

use crate::error::StorageError;
use crate::ids::{FileId, Namespace, UploadId, VolumeId};
use crate::state::Storage;
use records::{FileRow, Principal};

/// See the proto.
#[derive(Debug, Clone)]
pub struct FileApi(pub Storage);

fn principal<T>(request: &Request<T>) -> Result<Principal, Status> {
    Ok(Principal::of(auth::caller(request)?)?)
}

type DownloadStream = Pin<Box<dyn Stream<Item = Result<pb::DownloadResponse, Status>> + Send>>;

#[tonic::async_trait]
impl FileService for FileApi {
    async fn start_upload(
        &self,
        request: Request<pb::StartUploadRequest>,
    ) -> Result<Response<pb::StartUploadResponse>, Status> {
        let principal = principal(&request)?;
        let row =
            uploads::start(&self.0, &principal, request.get_ref().spec.as_ref(), "spec").await?;
        Ok(Response::new(pb::StartUploadResponse {
            upload: Some(uploads::upload(&row)),
        }))
    }

    async fn upload(
        &self,
        request: Request<Streaming<pb::UploadRequest>>,
    ) -> Result<Response<pb::UploadResponse>, Status> {
        let principal = principal(&request)?;
        let response = session::upload(&self.0, &principal, request.into_inner()).await?;
        Ok(Response::new(response))
    }

    async fn query_upload_status(
        &self,
        request: Request<pb::QueryUploadStatusRequest>,
    ) -> Result<Response<pb::QueryUploadStatusResponse>, Status> {
        let principal = principal(&request)?;
        let id = UploadId::parse("upload_id", &request.get_ref().upload_id)
            .map_err(StorageError::from)?;
        let mut conn = self.0.db.conn().await.map_err(StorageError::from)?;
        let row = uploads::load_visible(&mut conn, &principal, id).await?;
        Ok(Response::new(pb::QueryUploadStatusResponse {
            upload: Some(uploads::upload(&row)),
        }))
    }

    async fn cancel_upload(
        &self,
        request: Request<pb::CancelUploadRequest>,
    ) -> Result<Response<pb::CancelUploadResponse>, Status> {
        let principal = principal(&request)?;
        let id = UploadId::parse("upload_id", &request.get_ref().upload_id)
            .map_err(StorageError::from)?;
        let mut conn = self.0.db.conn().await.map_err(StorageError::from)?;
        match uploads::load_visible(&mut conn, &principal, id).await {
            Ok(_) => {}
            // Idempotent for the owner; others learn nothing either way.
            Err(StorageError::NotFound { .. }) => {
                return Ok(Response::new(pb::CancelUploadResponse {}));
            }
            Err(err) => return Err(err.into()),
        }
        drop(conn);
        uploads::abort(&self.0, id, None).await?;
        Ok(Response::new(pb::CancelUploadResponse {}))
    }

    type DownloadStream = DownloadStream;

    async fn download(
        &self,
        request: Request<pb::DownloadRequest>,
    ) -> Result<Response<Self::DownloadStream>, Status> {
        let principal = match request.extensions().get::<Caller>() {
            Some(caller) => Some(Principal::of(caller)?),
            None => None,
        };
        let (file, bytes) = download::open(&self.0, principal.as_ref(), request.get_ref()).await?;
        let head = futures::stream::once(async move {
            Ok(pb::DownloadResponse {
                message: Some(pb::download_response::Message::File(records::file(&file))),
            })
        });
        let chunks = bytes.map(|chunk| match chunk {
            Ok(chunk) => Ok(pb::DownloadResponse {
                message: Some(pb::download_response::Message::Chunk(chunk)),
            }),
            Err(err) => Err(Status::from(err)),
        });
        Ok(Response::new(head.chain(chunks).boxed()))
    }

    async fn get_file(
        &self,
        request: Request<pb::GetFileRequest>,
    ) -> Result<Response<pb::GetFileResponse>, Status> {
        let principal = principal(&request)?;
        let id =
            FileId::parse("file_id", &request.get_ref().file_id).map_err(StorageError::from)?;
        let mut conn = self.0.db.conn().await.map_err(StorageError::from)?;
        let file = records::load_visible(&mut conn, &principal, id, false).await?;
        Ok(Response::new(pb::GetFileResponse {
            file: Some(records::file(&file)),
        }))
    }

    async fn list_files(
        &self,
        request: Request<pb::ListFilesRequest>,
    ) -> Result<Response<pb::ListFilesResponse>, Status> {
        let principal = principal(&request)?;
        let (files, next_page_token) = list(&self.0, &principal, request.get_ref()).await?;
        Ok(Response::new(pb::ListFilesResponse {
            files,
            next_page_token,
        }))
    }

    async fn update_file(
        &self,
        request: Request<pb::UpdateFileRequest>,
    ) -> Result<Response<pb::UpdateFileResponse>, Status> {
        let principal = principal(&request)?;
        let file = update(&self.0, &principal, request.get_ref()).await?;
        Ok(Response::new(pb::UpdateFileResponse {
            file: Some(records::file(&file)),
        }))
    }

    async fn delete_file(
        &self,
        request: Request<pb::DeleteFileRequest>,
    ) -> Result<Response<pb::DeleteFileResponse>, Status> {
        let principal = principal(&request)?;
        let id =
            FileId::parse("file_id", &request.get_ref().file_id).map_err(StorageError::from)?;
        records::delete(&self.0, &principal, id).await?;
        Ok(Response::new(pb::DeleteFileResponse {}))
    }

    async fn undelete_file(
        &self,
        request: Request<pb::UndeleteFileRequest>,
    ) -> Result<Response<pb::UndeleteFileResponse>, Status> {
        let principal = principal(&request)?;
        let id =
            FileId::parse("file_id", &request.get_ref().file_id).map_err(StorageError::from)?;
        let file = records::undelete(&self.0, &principal, id).await?;
        Ok(Response::new(pb::UndeleteFileResponse {
            file: Some(records::file(&file)),
        }))
    }

    async fn list_file_versions(
        &self,
        request: Request<pb::ListFileVersionsRequest>,
    ) -> Result<Response<pb::ListFileVersionsResponse>, Status> {
        let principal = principal(&request)?;
        let (versions, next_page_token) =
            versions::list(&self.0, &principal, request.get_ref()).await?;
        Ok(Response::new(pb::ListFileVersionsResponse {
            versions,
            next_page_token,
        }))
    }
}

/// ListFiles: the principal's files on a volume, by path.
async fn list(
    storage: &Storage,
    principal: &Principal,
    request: &pb::ListFilesRequest,
) -> Result<(Vec<pb::File>, String), StorageError> {
    let mut v = FieldViolations::new();
    let volume = VolumeId::parse_into(&mut v, "volume_id", &request.volume_id);
    let asked = pb::Namespace::try_from(request.namespace).unwrap_or(pb::Namespace::Unspecified);
    let scope = match (principal, asked) {
        (Principal::User(user), pb::Namespace::Unspecified | pb::Namespace::Users) => {
            v.require(
                request.user_id.is_empty() || request.user_id == user.to_string(),
                "user_id",
                "users list only their own files: leave it empty",
            );
            Some((Namespace::Users, Some(user.as_uuid()), None))
        }
        (Principal::User(_), pb::Namespace::Apps) => {
            v.add("namespace", "users list the users namespace");
            None
        }
        (Principal::App(app), pb::Namespace::Users) => {
            tessera_kit::ids::UserId::parse_into(&mut v, "user_id", &request.user_id).map(|user| {
                (
                    Namespace::Users,
                    Some(user.as_uuid()),
                    Some(app.to_string()),
                )
            })
        }
        (Principal::App(app), _) => Some((Namespace::Apps, None, Some(app.to_string()))),
    };
    let query = Query::new("vault.files")
        .scoped(format!(
            "{:?}|{}|{}|{}|{}",
            principal, request.volume_id, request.namespace, request.user_id, request.path_prefix
        ))
        .scoped(request.show_deleted);
    let page =
        query.request_into::<(String, uuid::Uuid)>(&mut v, request.page_size, &request.page_token);
    let (Some(volume), Some((namespace, user, app)), Some(page), true) =
        (volume, scope, page, v.is_empty())
    else {
        return Err(v.into());
    };
    let mut conn = storage.db.conn().await?;
    let mut select = storage_files::table
        .filter(storage_files::volume_id.eq(volume))
        .filter(storage_files::namespace.eq(namespace))
        .select(FileRow::as_select())
        .order((storage_files::path.asc(), storage_files::id.asc()))
        .into_boxed();
    if let Some(user) = user {
        select = select.filter(storage_files::user_id.eq(user));
    }
    if let Some(app) = app {
        select = select.filter(storage_files::app_id.eq(app));
    }
    if !request.show_deleted {
        select = select.filter(storage_files::deleted_at.is_null());
    }
    if !request.path_prefix.is_empty() {
        let escaped = request
            .path_prefix
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        select = select.filter(storage_files::path.like(format!("{escaped}%")));
    }
    if let Some((path, id)) = &page.after {
        select = select.filter(
            storage_files::path.gt(path.clone()).or(storage_files::path
                .eq(path.clone())
                .and(storage_files::id.gt(FileId::from_uuid(*id)))),
        );
    }
    let rows: Vec<FileRow> = select.limit(page.fetch_limit()).load(&mut *conn).await?;
    let rows = query.page(rows, &page, |row| (row.path.clone(), row.id.as_uuid()));
    Ok((
        rows.items.iter().map(records::file).collect(),
        rows.next_page_token,
    ))
}

/// UpdateFile: `filename`, `metadata`, `is_public`.
async fn update(
    storage: &Storage,
    principal: &Principal,
    request: &pb::UpdateFileRequest,
) -> Result<FileRow, StorageError> {
    let input = request
        .file
        .clone()
        .ok_or_else(|| StorageError::invalid("file", "required"))?;
    let mut v = FieldViolations::new();
    let id = FileId::parse_into(&mut v, "file.id", &input.id);
    let paths = request
        .update_mask
        .as_ref()
        .map(|m| m.paths.clone())
        .unwrap_or_default();
    v.require(
        !paths.is_empty(),
        "update_mask",
        "name at least one of filename, metadata, is_public",
    );
    for path in &paths {
        v.require(
            ["filename", "metadata", "is_public"].contains(&path.as_str()),
            "update_mask",
            "only filename, metadata and is_public can change",
        );
    }
    let wants = |field: &str| paths.iter().any(|p| p == field);
    if wants("filename") {
        v.require(
            !input.filename.is_empty()
                && input.filename.len() <= 255
                && !input.filename.chars().any(char::is_control),
            "file.filename",
            "1 to 255 bytes without control characters",
        );
    }
    let metadata = input
        .metadata
        .as_ref()
        .map(struct_to_json)
        .unwrap_or_else(|| serde_json::json!({}));
    if wants("metadata") {
        v.require(
            metadata.to_string().len() <= 16 * 1024,
            "file.metadata",
            "at most 16 KiB of JSON",
        );
    }
    let (Some(id), true) = (id, v.is_empty()) else {
        return Err(v.into());
    };
    let (filename, set_metadata, public) =
        (wants("filename"), wants("metadata"), wants("is_public"));
    let (input, metadata) = (&input, &metadata);
    storage
        .db
        .transaction("update_file", move |conn| {
            async move {
                let file = records::load_visible(conn, principal, id, true).await?;
                if file.deleted_at.is_some() {
                    return Err(StorageError::not_found("file", id));
                }
                let target = storage_files::table.find(id);
                if filename {
                    diesel::update(target)
                        .set(storage_files::filename.eq(&input.filename))
                        .execute(conn)
                        .await?;
                }
                if set_metadata {
                    diesel::update(target)
                        .set(storage_files::metadata.eq(metadata))
                        .execute(conn)
                        .await?;
                }
                if public {
                    diesel::update(target)
                        .set(storage_files::is_public.eq(input.is_public))
                        .execute(conn)
                        .await?;
                }
                Ok(diesel::update(target)
                    .set(storage_files::updated_at.eq(Utc::now()))
                    .returning(FileRow::as_returning())
                    .get_result(conn)
                    .await?)
            }
            .scope_boxed()
        })
        .await
}
