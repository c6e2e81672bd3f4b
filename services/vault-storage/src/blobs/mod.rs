//! `tessera.vault.v1.BlobService`: content-addressed blobs and manifests per user. Users act
//! for themselves; Tessera services (project-intelligence's snapshots) act for the user they
//! name, with their service credential.

pub mod digests;
pub mod manifests;
pub mod objects;
pub mod writes;

use std::pin::Pin;

use futures::{Stream, StreamExt};
use tessera_kit::auth::{self, Caller};
use tessera_kit::ids::UserId;
use tessera_kit::stream::ClientStream;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_proto::tessera::vault::v1::blob_service_server::BlobService;
use tonic::{Request, Response, Status, Streaming};

use crate::error::StorageError;
use crate::state::Storage;
use digests::{Digest, MAX_BATCH_BYTES};
use objects::Shelf;

/// See the proto.
#[derive(Debug, Clone)]
pub struct BlobApi(pub Storage);

type BlobStream = Pin<Box<dyn Stream<Item = Result<pb::ReadBlobResponse, Status>> + Send>>;

/// The user a call acts for: the caller, or the user a service names.
fn subject<T>(request: &Request<T>, user_id: &str) -> Result<UserId, Status> {
    match auth::caller(request)? {
        Caller::User(user) if user_id.is_empty() => Ok(user.user_id),
        Caller::User(_) => Err(Status::permission_denied(
            "users act for themselves: leave user_id empty",
        )),
        Caller::Service(_) => {
            if user_id.is_empty() {
                return Err(StorageError::invalid(
                    "user_id",
                    "services name the user they act for",
                )
                .into());
            }
            Ok(UserId::parse("user_id", user_id).map_err(StorageError::from)?)
        }
        Caller::Operator(_) => Err(Status::permission_denied("operators call no blob RPC")),
    }
}

fn one(field: &str, digest: Option<&pb::Digest>) -> Result<Digest, StorageError> {
    let mut v = tessera_kit::error::FieldViolations::new();
    let parsed = match digest {
        Some(d) => Digest::parse_into(&mut v, field, d),
        None => {
            v.add(field, "required");
            None
        }
    };
    StorageError::checked(v, parsed)
}

fn item_status((code, message): (tonic::Code, String)) -> pb::ItemStatus {
    pb::ItemStatus {
        code: code as i32,
        message,
    }
}

#[tonic::async_trait]
impl BlobService for BlobApi {
    async fn find_missing_blobs(
        &self,
        request: Request<pb::FindMissingBlobsRequest>,
    ) -> Result<Response<pb::FindMissingBlobsResponse>, Status> {
        let user = subject(&request, &request.get_ref().user_id)?;
        let wanted =
            Digest::parse_all("digests", &request.get_ref().digests).map_err(StorageError::from)?;
        let mut conn = self.0.db.conn().await.map_err(StorageError::from)?;
        let missing = objects::find_missing(&mut conn, user, &wanted).await?;
        Ok(Response::new(pb::FindMissingBlobsResponse {
            missing: missing.iter().map(Digest::wire).collect(),
        }))
    }

    async fn batch_update_blobs(
        &self,
        request: Request<pb::BatchUpdateBlobsRequest>,
    ) -> Result<Response<pb::BatchUpdateBlobsResponse>, Status> {
        let user = subject(&request, &request.get_ref().user_id)?;
        let items = &request.get_ref().items;
        let mut v = tessera_kit::error::FieldViolations::new();
        let total: i64 = items.iter().map(|i| i.data.len() as i64).sum();
        if total > MAX_BATCH_BYTES {
            v.add(
                "items",
                format!("at most {MAX_BATCH_BYTES} bytes of data in all"),
            );
        }
        let digests: Vec<Option<Digest>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| match &item.digest {
                Some(d) => Digest::parse_into(&mut v, &format!("items[{i}].digest"), d),
                None => {
                    v.add(format!("items[{i}].digest"), "required");
                    None
                }
            })
            .collect();
        v.into_result()?;
        let shelf = Shelf::open(&self.0).await?;
        let mut results = Vec::with_capacity(items.len());
        for (item, digest) in items.iter().zip(digests) {
            let digest = digest.ok_or_else(|| Status::internal("a parsed digest"))?;
            let stored = objects::put(&self.0, &shelf, user, &digest, item.data.clone()).await;
            results.push(pb::batch_update_blobs_response::Result {
                digest: Some(digest.wire()),
                status: Some(item_status(objects::status(&stored))),
            });
        }
        Ok(Response::new(pb::BatchUpdateBlobsResponse { results }))
    }

    async fn batch_read_blobs(
        &self,
        request: Request<pb::BatchReadBlobsRequest>,
    ) -> Result<Response<pb::BatchReadBlobsResponse>, Status> {
        let user = subject(&request, &request.get_ref().user_id)?;
        let wanted =
            Digest::parse_all("digests", &request.get_ref().digests).map_err(StorageError::from)?;
        if digests::total_size(&wanted) > MAX_BATCH_BYTES {
            return Err(StorageError::invalid(
                "digests",
                format!("at most {MAX_BATCH_BYTES} bytes in all: ReadBlob streams larger ones"),
            )
            .into());
        }
        let shelf = Shelf::open(&self.0).await?;
        let mut results = Vec::with_capacity(wanted.len());
        for digest in wanted {
            let held = {
                let mut conn = self.0.db.conn().await.map_err(StorageError::from)?;
                objects::holds(&mut conn, user, &digest).await?
            };
            let read = if held {
                shelf.get(&shelf.blob_path(user, &digest), &digest).await
            } else {
                Err(StorageError::not_found("blob", digest.hex()))
            };
            let (data, status) = match read {
                Ok(data) => (data, (tonic::Code::Ok, String::new())),
                Err(StorageError::NotFound { .. }) => (
                    Default::default(),
                    (tonic::Code::NotFound, "no such blob".into()),
                ),
                Err(err) => (Default::default(), objects::status(&Err(err))),
            };
            results.push(pb::batch_read_blobs_response::Result {
                digest: Some(digest.wire()),
                data,
                status: Some(item_status(status)),
            });
        }
        Ok(Response::new(pb::BatchReadBlobsResponse { results }))
    }

    type ReadBlobStream = BlobStream;

    async fn read_blob(
        &self,
        request: Request<pb::ReadBlobRequest>,
    ) -> Result<Response<Self::ReadBlobStream>, Status> {
        let r = request.get_ref();
        let user = subject(&request, &r.user_id)?;
        let digest = one("digest", r.digest.as_ref())?;
        let mut v = tessera_kit::error::FieldViolations::new();
        v.require(r.offset >= 0, "offset", "must not be negative");
        v.require(r.limit >= 0, "limit", "must not be negative");
        v.into_result()?;
        let shelf = Shelf::open(&self.0).await?;
        let bytes = objects::read(&self.0, &shelf, user, &digest, r.offset, r.limit).await?;
        Ok(Response::new(
            bytes
                .map(|b| {
                    b.map(|data| pb::ReadBlobResponse { data })
                        .map_err(Status::from)
                })
                .boxed(),
        ))
    }

    async fn put_manifest(
        &self,
        request: Request<pb::PutManifestRequest>,
    ) -> Result<Response<pb::PutManifestResponse>, Status> {
        let user = subject(&request, &request.get_ref().user_id)?;
        let digest =
            manifests::put_small(&self.0, user, request.get_ref().manifest.clone()).await?;
        Ok(Response::new(pb::PutManifestResponse {
            digest: Some(digest.wire()),
        }))
    }

    async fn write_manifest(
        &self,
        request: Request<Streaming<pb::WriteManifestRequest>>,
    ) -> Result<Response<pb::WriteManifestResponse>, Status> {
        let (metadata, extensions, stream) = request.into_parts();
        let mut stream = ClientStream::from(stream);
        let start = match stream.first_message("start", "the write's start").await? {
            pb::WriteManifestRequest {
                message: Some(pb::write_manifest_request::Message::Start(start)),
            } => start,
            _ => {
                return Err(
                    StorageError::invalid("start", "the first message starts the write").into(),
                );
            }
        };
        let user = subject(
            &Request::from_parts(metadata, extensions, ()),
            &start.user_id,
        )?;
        let digest = one("start.digest", start.digest.as_ref())?;
        let digest = manifests::write(&self.0, user, digest, stream).await?;
        Ok(Response::new(pb::WriteManifestResponse {
            digest: Some(digest.wire()),
        }))
    }

    async fn get_manifest(
        &self,
        request: Request<pb::GetManifestRequest>,
    ) -> Result<Response<pb::GetManifestResponse>, Status> {
        let user = subject(&request, &request.get_ref().user_id)?;
        let digest = one("digest", request.get_ref().digest.as_ref())?;
        let manifest = manifests::get(&self.0, user, &digest).await?;
        Ok(Response::new(pb::GetManifestResponse { manifest }))
    }

    async fn find_missing_manifests(
        &self,
        request: Request<pb::FindMissingManifestsRequest>,
    ) -> Result<Response<pb::FindMissingManifestsResponse>, Status> {
        let user = subject(&request, &request.get_ref().user_id)?;
        let wanted =
            Digest::parse_all("digests", &request.get_ref().digests).map_err(StorageError::from)?;
        let missing = manifests::find_missing(&self.0, user, &wanted).await?;
        Ok(Response::new(pb::FindMissingManifestsResponse {
            missing: missing.iter().map(Digest::wire).collect(),
        }))
    }

    async fn delete_manifest(
        &self,
        request: Request<pb::DeleteManifestRequest>,
    ) -> Result<Response<pb::DeleteManifestResponse>, Status> {
        let user = subject(&request, &request.get_ref().user_id)?;
        let digest = one("digest", request.get_ref().digest.as_ref())?;
        manifests::delete(&self.0, user, &digest).await?;
        Ok(Response::new(pb::DeleteManifestResponse {}))
    }

    async fn write_blob(
        &self,
        request: Request<Streaming<pb::WriteBlobRequest>>,
    ) -> Result<Response<pb::WriteBlobResponse>, Status> {
        let (metadata, extensions, stream) = request.into_parts();
        let mut stream = ClientStream::from(stream);
        let start = match stream.first_message("start", "the write's start").await? {
            pb::WriteBlobRequest {
                message: Some(pb::write_blob_request::Message::Start(start)),
            } => start,
            _ => {
                return Err(
                    StorageError::invalid("start", "the first message starts the write").into(),
                );
            }
        };
        let user = subject(
            &Request::from_parts(metadata, extensions, ()),
            &start.user_id,
        )?;
        let digest = one("start.digest", start.digest.as_ref())?;
        let mut v = tessera_kit::error::FieldViolations::new();
        StorageError::check_declared(
            &mut v,
            "start.digest.size_bytes",
            digest.size,
            self.0.config.max_file_bytes,
        )?;
        if start.offset < 0 {
            return Err(StorageError::invalid("start.offset", "must not be negative").into());
        }
        let response = writes::write(&self.0, user, digest, start.offset, stream).await?;
        Ok(Response::new(response))
    }

    async fn query_write_status(
        &self,
        request: Request<pb::QueryWriteStatusRequest>,
    ) -> Result<Response<pb::QueryWriteStatusResponse>, Status> {
        let user = subject(&request, &request.get_ref().user_id)?;
        let digest = one("digest", request.get_ref().digest.as_ref())?;
        Ok(Response::new(writes::status(&self.0, user, &digest).await?))
    }
}
