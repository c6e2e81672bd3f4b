//! `tessera.identity.v1.AntiReplayService`: for services only.

use tessera_kit::auth;
use tessera_kit::convert::timestamp;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::anti_replay_service_server::AntiReplayService;
use tonic::{Request, Response, Status};

use crate::error::IdentityError;
use crate::state::Identity;

/// See the proto.
#[derive(Debug, Clone)]
pub struct AntiReplayApi(pub Identity);

#[tonic::async_trait]
impl AntiReplayService for AntiReplayApi {
    async fn claim_token(
        &self,
        request: Request<pb::ClaimTokenRequest>,
    ) -> Result<Response<pb::ClaimTokenResponse>, Status> {
        let service = auth::service(&request)?.name.clone();
        let token = request.into_inner().token;
        if !(16..=512).contains(&token.len()) {
            return Err(IdentityError::invalid("token", "must be 16 to 512 bytes").into());
        }
        let claimed_at = self.0.claim_token(&token).await.inspect_err(|err| {
            if matches!(err, IdentityError::AlreadyExists { .. }) {
                tracing::warn!(%service, "replayed one-time token refused");
            }
        })?;
        Ok(Response::new(pb::ClaimTokenResponse {
            claim_time: Some(timestamp(claimed_at)),
        }))
    }
}
