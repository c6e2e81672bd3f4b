//! `tessera.vault.v1.StorageAdminService`: operators manage backends, volumes and quotas.

pub mod analytics;
mod backend_input;
pub mod backends;
pub mod import;
mod locations;
pub mod quotas;
pub mod volumes;

use tessera_kit::auth;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_proto::tessera::vault::v1::storage_admin_service_server::StorageAdminService;
use tonic::{Request, Response, Status};

use crate::state::Storage;

/// See the proto.
#[derive(Debug, Clone)]
pub struct AdminApi(pub Storage);

/// Logs who administered what (never a secret: requests are not logged).
fn operator<T>(request: &Request<T>, action: &str) -> Result<(), Status> {
    let operator = auth::operator(request)?;
    tracing::info!(operator = %operator.name, action, "storage administration");
    Ok(())
}

#[tonic::async_trait]
impl StorageAdminService for AdminApi {
    async fn create_backend(
        &self,
        request: Request<pb::CreateBackendRequest>,
    ) -> Result<Response<pb::CreateBackendResponse>, Status> {
        operator(&request, "create_backend")?;
        let backend = backends::create(&self.0, request.get_ref()).await?;
        Ok(Response::new(pb::CreateBackendResponse {
            backend: Some(backend),
        }))
    }

    async fn list_backends(
        &self,
        request: Request<pb::ListBackendsRequest>,
    ) -> Result<Response<pb::ListBackendsResponse>, Status> {
        auth::operator(&request)?;
        Ok(Response::new(pb::ListBackendsResponse {
            backends: backends::list(&self.0).await?,
        }))
    }

    async fn add_backend_credential(
        &self,
        request: Request<pb::AddBackendCredentialRequest>,
    ) -> Result<Response<pb::AddBackendCredentialResponse>, Status> {
        operator(&request, "add_backend_credential")?;
        let backend = backends::add_credential(&self.0, request.get_ref()).await?;
        Ok(Response::new(pb::AddBackendCredentialResponse {
            backend: Some(backend),
        }))
    }

    async fn delete_backend(
        &self,
        request: Request<pb::DeleteBackendRequest>,
    ) -> Result<Response<pb::DeleteBackendResponse>, Status> {
        operator(&request, "delete_backend")?;
        backends::delete(&self.0, request.get_ref()).await?;
        Ok(Response::new(pb::DeleteBackendResponse {}))
    }

    async fn create_volume(
        &self,
        request: Request<pb::CreateVolumeRequest>,
    ) -> Result<Response<pb::CreateVolumeResponse>, Status> {
        operator(&request, "create_volume")?;
        let volume = volumes::create(&self.0, request.get_ref()).await?;
        Ok(Response::new(pb::CreateVolumeResponse {
            volume: Some(volume),
        }))
    }

    async fn get_volume(
        &self,
        request: Request<pb::GetVolumeRequest>,
    ) -> Result<Response<pb::GetVolumeResponse>, Status> {
        auth::operator(&request)?;
        let volume = volumes::get(&self.0, &request.get_ref().volume_id).await?;
        Ok(Response::new(pb::GetVolumeResponse {
            volume: Some(volume),
        }))
    }

    async fn list_volumes(
        &self,
        request: Request<pb::ListVolumesRequest>,
    ) -> Result<Response<pb::ListVolumesResponse>, Status> {
        auth::operator(&request)?;
        let page = volumes::list(&self.0, request.get_ref()).await?;
        Ok(Response::new(pb::ListVolumesResponse {
            volumes: page.items,
            next_page_token: page.next_page_token,
        }))
    }

    async fn update_volume(
        &self,
        request: Request<pb::UpdateVolumeRequest>,
    ) -> Result<Response<pb::UpdateVolumeResponse>, Status> {
        operator(&request, "update_volume")?;
        let volume = volumes::update(&self.0, request.get_ref()).await?;
        Ok(Response::new(pb::UpdateVolumeResponse {
            volume: Some(volume),
        }))
    }

    async fn set_quota(
        &self,
        request: Request<pb::SetQuotaRequest>,
    ) -> Result<Response<pb::SetQuotaResponse>, Status> {
        operator(&request, "set_quota")?;
        let quota = quotas::set_quota(&self.0, request.get_ref()).await?;
        Ok(Response::new(pb::SetQuotaResponse { quota: Some(quota) }))
    }

    async fn import_file(
        &self,
        request: Request<pb::ImportFileRequest>,
    ) -> Result<Response<pb::ImportFileResponse>, Status> {
        operator(&request, "import_file")?;
        let file = import::import(&self.0, request.get_ref()).await?;
        Ok(Response::new(pb::ImportFileResponse { file: Some(file) }))
    }

    async fn get_vault_analytics(
        &self,
        request: Request<pb::GetVaultAnalyticsRequest>,
    ) -> Result<Response<pb::GetVaultAnalyticsResponse>, Status> {
        auth::operator(&request)?;
        Ok(Response::new(pb::GetVaultAnalyticsResponse {
            totals: analytics::totals(&self.0, request.get_ref()).await?,
        }))
    }
}
