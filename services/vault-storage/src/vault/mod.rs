//! `tessera.vault.v1.VaultService`: Nest's zero-knowledge vault. The server keeps ciphertext,
//! wrapped keys, sizes and hashes for the user who owns them; every other user's id is
//! NOT_FOUND, and no byte of a key, a blob or metadata reaches a log.

pub mod chunks;
pub mod crypto;
pub mod deletions;
pub mod files;
pub mod folders;
pub mod graveyard;

use std::pin::Pin;

use futures::{Stream, StreamExt};
use tessera_kit::auth;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_proto::tessera::vault::v1::vault_service_server::VaultService;
use tonic::{Request, Response, Status, Streaming};

use crate::error::StorageError;
use crate::state::Storage;

type ChunkStream = Pin<Box<dyn Stream<Item = Result<pb::DownloadChunkResponse, Status>> + Send>>;

/// See the proto.
#[derive(Debug, Clone)]
pub struct VaultApi(pub Storage);

#[tonic::async_trait]
impl VaultService for VaultApi {
    async fn init_vault(
        &self,
        request: Request<pb::InitVaultRequest>,
    ) -> Result<Response<pb::InitVaultResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let mut conn = self.0.db.conn().await.map_err(StorageError::from)?;
        let row = crypto::init(&mut conn, user, request.get_ref()).await?;
        Ok(Response::new(pb::InitVaultResponse {
            vault: Some(crypto::vault(row)),
        }))
    }

    async fn get_vault(
        &self,
        request: Request<pb::GetVaultRequest>,
    ) -> Result<Response<pb::GetVaultResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let mut conn = self.0.db.conn().await.map_err(StorageError::from)?;
        let row = crypto::load(&mut conn, user).await?;
        Ok(Response::new(pb::GetVaultResponse {
            vault: Some(crypto::vault(row)),
        }))
    }

    async fn save_metadata(
        &self,
        request: Request<pb::SaveMetadataRequest>,
    ) -> Result<Response<pb::SaveMetadataResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let mut conn = self.0.db.conn().await.map_err(StorageError::from)?;
        let version = crypto::save_metadata(&mut conn, user, request.get_ref()).await?;
        Ok(Response::new(pb::SaveMetadataResponse {
            metadata_version: version,
        }))
    }

    async fn rewrap_master_key(
        &self,
        request: Request<pb::RewrapMasterKeyRequest>,
    ) -> Result<Response<pb::RewrapMasterKeyResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let mut conn = self.0.db.conn().await.map_err(StorageError::from)?;
        let version = crypto::rewrap(&mut conn, user, request.get_ref()).await?;
        Ok(Response::new(pb::RewrapMasterKeyResponse {
            metadata_version: version,
        }))
    }

    async fn create_folder(
        &self,
        request: Request<pb::CreateFolderRequest>,
    ) -> Result<Response<pb::CreateFolderResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let row = folders::create(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(pb::CreateFolderResponse {
            folder: Some(folders::folder(&row)),
        }))
    }

    async fn move_folder(
        &self,
        request: Request<pb::MoveFolderRequest>,
    ) -> Result<Response<pb::MoveFolderResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let row = folders::r#move(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(pb::MoveFolderResponse {
            folder: Some(folders::folder(&row)),
        }))
    }

    async fn list_folders(
        &self,
        request: Request<pb::ListFoldersRequest>,
    ) -> Result<Response<pb::ListFoldersResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let page = folders::list(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(pb::ListFoldersResponse {
            folders: page.items,
            next_page_token: page.next_page_token,
        }))
    }

    async fn delete_folder(
        &self,
        request: Request<pb::DeleteFolderRequest>,
    ) -> Result<Response<pb::DeleteFolderResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let response = graveyard::delete_folder(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(response))
    }

    async fn create_file(
        &self,
        request: Request<pb::CreateFileRequest>,
    ) -> Result<Response<pb::CreateFileResponse>, Status> {
        let caller = auth::user(&request)?.clone();
        let row = files::create(&self.0, &caller, request.get_ref()).await?;
        Ok(Response::new(pb::CreateFileResponse {
            file: Some(files::vault_file(&row)),
        }))
    }

    async fn upload_chunk(
        &self,
        request: Request<Streaming<pb::UploadChunkRequest>>,
    ) -> Result<Response<pb::UploadChunkResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let response = chunks::upload(&self.0, user, request.into_inner()).await?;
        Ok(Response::new(response))
    }

    async fn finalize_file(
        &self,
        request: Request<pb::FinalizeFileRequest>,
    ) -> Result<Response<pb::FinalizeFileResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let row = files::finalize(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(pb::FinalizeFileResponse {
            file: Some(files::vault_file(&row)),
        }))
    }

    type DownloadChunkStream = ChunkStream;

    async fn download_chunk(
        &self,
        request: Request<pb::DownloadChunkRequest>,
    ) -> Result<Response<Self::DownloadChunkStream>, Status> {
        let user = auth::user(&request)?.user_id;
        let stream = files::download(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(
            stream.map(|m| m.map_err(Status::from)).boxed(),
        ))
    }

    async fn move_file(
        &self,
        request: Request<pb::MoveFileRequest>,
    ) -> Result<Response<pb::MoveFileResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let row = files::r#move(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(pb::MoveFileResponse {
            file: Some(files::vault_file(&row)),
        }))
    }

    async fn delete_vault_file(
        &self,
        request: Request<pb::DeleteVaultFileRequest>,
    ) -> Result<Response<pb::DeleteVaultFileResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let grave = graveyard::delete_file(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(pb::DeleteVaultFileResponse {
            entry: grave.as_ref().map(graveyard::entry),
        }))
    }

    async fn list_graveyard(
        &self,
        request: Request<pb::ListGraveyardRequest>,
    ) -> Result<Response<pb::ListGraveyardResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let page = graveyard::list(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(pb::ListGraveyardResponse {
            entries: page.items,
            next_page_token: page.next_page_token,
        }))
    }

    async fn restore_file(
        &self,
        request: Request<pb::RestoreFileRequest>,
    ) -> Result<Response<pb::RestoreFileResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let row = graveyard::restore(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(pb::RestoreFileResponse {
            file: Some(files::vault_file(&row)),
        }))
    }
}
