//! `tessera.identity.v1.IntrospectionService` and `AntiReplayService`: for services only.

use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::anti_replay_service_server::AntiReplayService;
use tessera_proto::tessera::identity::v1::api_key_vault_service_server::ApiKeyVaultService;
use tessera_proto::tessera::identity::v1::introspection_service_server::IntrospectionService;
use tonic::{Request, Response, Status};

use super::{calling_service, parse_uuid, tier, timestamp};
use crate::error::IdentityError;
use crate::service::Identity;

/// See the proto.
#[derive(Debug, Clone)]
pub struct IntrospectionApi(pub Identity);

/// See the proto.
#[derive(Debug, Clone)]
pub struct AntiReplayApi(pub Identity);

/// See the proto.
#[derive(Debug, Clone)]
pub struct ApiKeyVaultApi(pub Identity);

#[tonic::async_trait]
impl ApiKeyVaultService for ApiKeyVaultApi {
    async fn get_api_key_plaintext(
        &self,
        request: Request<pb::GetApiKeyPlaintextRequest>,
    ) -> Result<Response<pb::GetApiKeyPlaintextResponse>, Status> {
        let service = calling_service(&self.0, request.metadata())?.to_owned();
        let request = request.into_inner();
        let user_id = parse_uuid("user_id", &request.user_id)?;
        let (key_name, value) = self.0.api_key_plaintext(user_id, &request.provider).await?;
        tracing::info!(%service, %user_id, provider = %request.provider, "API key handed to a service");
        Ok(Response::new(pb::GetApiKeyPlaintextResponse {
            key_name,
            value,
        }))
    }
}

#[tonic::async_trait]
impl IntrospectionService for IntrospectionApi {
    async fn introspect_token(
        &self,
        request: Request<pb::IntrospectTokenRequest>,
    ) -> Result<Response<pb::IntrospectTokenResponse>, Status> {
        calling_service(&self.0, request.metadata())?;
        let token = &request.get_ref().token;
        if token.is_empty() {
            return Err(IdentityError::invalid("token", "is required").into());
        }
        let (principal, _) = self.0.authenticate(token).await?;
        Ok(Response::new(pb::IntrospectTokenResponse {
            principal: Some(pb::Principal {
                user_id: principal.user_id.to_string(),
                session_id: principal.session_id.to_string(),
                subscription_tier: tier(&principal.tier) as i32,
                expire_time: Some(timestamp(principal.expires_at)),
            }),
        }))
    }
}

#[tonic::async_trait]
impl AntiReplayService for AntiReplayApi {
    async fn claim_token(
        &self,
        request: Request<pb::ClaimTokenRequest>,
    ) -> Result<Response<pb::ClaimTokenResponse>, Status> {
        let service = calling_service(&self.0, request.metadata())?.to_owned();
        let token = request.into_inner().token;
        if !(16..=512).contains(&token.len()) {
            return Err(IdentityError::invalid("token", "must be 16 to 512 bytes").into());
        }
        let claimed_at = self.0.claim_token(token).await.inspect_err(|err| {
            if matches!(err, IdentityError::AlreadyExists { .. }) {
                tracing::warn!(%service, "replayed one-time token refused");
            }
        })?;
        Ok(Response::new(pb::ClaimTokenResponse {
            claim_time: Some(timestamp(claimed_at)),
        }))
    }
}
