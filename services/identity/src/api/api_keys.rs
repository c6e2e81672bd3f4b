//! `tessera.identity.v1.ApiKeyService`.

use tessera_kit::error::FieldViolations;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::api_key_service_server::ApiKeyService;
use tonic::{Request, Response, Status};

use super::{signed_in, timestamp};
use crate::error::IdentityError;
use crate::service::Identity;
use crate::store::ApiKeyRow;

/// See the proto.
#[derive(Debug, Clone)]
pub struct ApiKeyApi(pub Identity);

fn valid_provider(p: &str) -> bool {
    (2..=32).contains(&p.len())
        && p.starts_with(|c: char| c.is_ascii_lowercase())
        && p.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn valid_key_name(n: &str) -> bool {
    (2..=64).contains(&n.len())
        && n.starts_with(|c: char| c.is_ascii_uppercase())
        && n.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

fn api_key(row: &ApiKeyRow) -> pb::ApiKey {
    pb::ApiKey {
        provider: row.provider.clone(),
        key_name: row.key_name.clone(),
        masked_value: row.key_hint.clone(),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    }
}

#[tonic::async_trait]
impl ApiKeyService for ApiKeyApi {
    async fn set_api_key(
        &self,
        request: Request<pb::SetApiKeyRequest>,
    ) -> Result<Response<pb::SetApiKeyResponse>, Status> {
        let (principal, _) = signed_in(&self.0, request.metadata()).await?;
        let request = request.into_inner();
        let mut v = FieldViolations::new();
        v.require(
            valid_provider(&request.provider),
            "provider",
            "must be 2 to 32 of a-z, 0-9, _ or -, starting with a letter",
        );
        v.require(
            valid_key_name(&request.key_name),
            "key_name",
            "must be 2 to 64 of A-Z, 0-9 or _, starting with a letter",
        );
        v.require(
            (8..=4096).contains(&request.value.len())
                && !request.value.chars().any(char::is_control),
            "value",
            "must be 8 to 4096 bytes without control characters",
        );
        if !v.is_empty() {
            return Err(IdentityError::Invalid(v).into());
        }
        let row = self
            .0
            .set_api_key(
                &principal,
                &request.provider,
                &request.key_name,
                &request.value,
            )
            .await?;
        Ok(Response::new(pb::SetApiKeyResponse {
            api_key: Some(api_key(&row)),
        }))
    }

    async fn list_api_keys(
        &self,
        request: Request<pb::ListApiKeysRequest>,
    ) -> Result<Response<pb::ListApiKeysResponse>, Status> {
        let (principal, _) = signed_in(&self.0, request.metadata()).await?;
        let rows = self.0.list_api_keys(&principal).await?;
        Ok(Response::new(pb::ListApiKeysResponse {
            api_keys: rows.iter().map(api_key).collect(),
        }))
    }

    async fn delete_api_key(
        &self,
        request: Request<pb::DeleteApiKeyRequest>,
    ) -> Result<Response<pb::DeleteApiKeyResponse>, Status> {
        let (principal, _) = signed_in(&self.0, request.metadata()).await?;
        let provider = &request.get_ref().provider;
        if !valid_provider(provider) {
            return Err(IdentityError::invalid(
                "provider",
                "must be 2 to 32 of a-z, 0-9, _ or -, starting with a letter",
            )
            .into());
        }
        self.0.delete_api_key(&principal, provider).await?;
        Ok(Response::new(pb::DeleteApiKeyResponse {}))
    }
}
