//! `tessera.identity.v1.ApiKeyService` and, for the other services, `ApiKeyVaultService`.

use tessera_kit::auth;
use tessera_kit::convert::timestamp;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::api_key_service_server::ApiKeyService;
use tessera_proto::tessera::identity::v1::api_key_vault_service_server::ApiKeyVaultService;
use tonic::{Request, Response, Status};

use super::ApiKey;
use crate::error::IdentityError;
use crate::state::Identity;

/// See the proto.
#[derive(Debug, Clone)]
pub struct ApiKeyApi(pub Identity);

/// See the proto.
#[derive(Debug, Clone)]
pub struct ApiKeyVaultApi(pub Identity);

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

fn api_key(key: &ApiKey) -> pb::ApiKey {
    pb::ApiKey {
        provider: key.provider.clone(),
        key_name: key.key_name.clone(),
        masked_value: key.hint.clone(),
        create_time: Some(timestamp(key.created_at)),
        update_time: Some(timestamp(key.updated_at)),
    }
}

#[tonic::async_trait]
impl ApiKeyService for ApiKeyApi {
    async fn set_api_key(
        &self,
        request: Request<pb::SetApiKeyRequest>,
    ) -> Result<Response<pb::SetApiKeyResponse>, Status> {
        let caller = auth::user(&request)?.clone();
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
                &caller,
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
        let rows = self.0.list_api_keys(auth::user(&request)?).await?;
        Ok(Response::new(pb::ListApiKeysResponse {
            api_keys: rows.iter().map(api_key).collect(),
        }))
    }

    async fn delete_api_key(
        &self,
        request: Request<pb::DeleteApiKeyRequest>,
    ) -> Result<Response<pb::DeleteApiKeyResponse>, Status> {
        let caller = auth::user(&request)?;
        let provider = &request.get_ref().provider;
        if !valid_provider(provider) {
            return Err(IdentityError::invalid(
                "provider",
                "must be 2 to 32 of a-z, 0-9, _ or -, starting with a letter",
            )
            .into());
        }
        self.0.delete_api_key(caller, provider).await?;
        Ok(Response::new(pb::DeleteApiKeyResponse {}))
    }
}

#[tonic::async_trait]
impl ApiKeyVaultService for ApiKeyVaultApi {
    async fn get_api_key_plaintext(
        &self,
        request: Request<pb::GetApiKeyPlaintextRequest>,
    ) -> Result<Response<pb::GetApiKeyPlaintextResponse>, Status> {
        let service = auth::service(&request)?.name.clone();
        let request = request.into_inner();
        let user_id = UserId::parse("user_id", &request.user_id).map_err(IdentityError::from)?;
        let (key_name, value) = self.0.api_key_plaintext(user_id, &request.provider).await?;
        tracing::info!(%service, %user_id, provider = %request.provider, "API key handed to a service");
        Ok(Response::new(pb::GetApiKeyPlaintextResponse {
            key_name,
            value,
        }))
    }
}
