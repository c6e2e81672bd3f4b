//! `tessera.identity.v1.SessionService`.

use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::session_service_server::SessionService;
use tonic::{Request, Response, Status};

use super::{parse_uuid, signed_in, timestamp};
use crate::service::Identity;

/// See the proto.
#[derive(Debug, Clone)]
pub struct SessionApi(pub Identity);

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[tonic::async_trait]
impl SessionService for SessionApi {
    async fn list_sessions(
        &self,
        request: Request<pb::ListSessionsRequest>,
    ) -> Result<Response<pb::ListSessionsResponse>, Status> {
        let (principal, _) = signed_in(&self.0, request.metadata()).await?;
        let request = request.into_inner();
        let page = self
            .0
            .list_sessions(&principal, request.page_size, &request.page_token)
            .await?;
        let sessions = page
            .sessions
            .iter()
            .map(|s| pb::Session {
                id: s.id.to_string(),
                client_description: s.client_description.clone(),
                current: s.id == principal.session_id,
                create_time: Some(timestamp(s.created_at)),
                last_use_time: Some(timestamp(s.last_used_at)),
                expire_time: Some(timestamp(s.expires_at)),
            })
            .collect();
        Ok(Response::new(pb::ListSessionsResponse {
            sessions,
            next_page_token: page.next_page_token,
        }))
    }

    async fn revoke_session(
        &self,
        request: Request<pb::RevokeSessionRequest>,
    ) -> Result<Response<pb::RevokeSessionResponse>, Status> {
        let (principal, _) = signed_in(&self.0, request.metadata()).await?;
        let id = parse_uuid("session_id", &request.get_ref().session_id)?;
        // Scoped to the caller's own sessions: another user's id revokes nothing.
        self.0.revoke_sessions(&principal, Some(id), None).await?;
        Ok(Response::new(pb::RevokeSessionResponse {}))
    }

    async fn revoke_other_sessions(
        &self,
        request: Request<pb::RevokeOtherSessionsRequest>,
    ) -> Result<Response<pb::RevokeOtherSessionsResponse>, Status> {
        let (principal, _) = signed_in(&self.0, request.metadata()).await?;
        let revoked = self
            .0
            .revoke_sessions(&principal, None, Some(principal.session_id))
            .await?;
        Ok(Response::new(pb::RevokeOtherSessionsResponse {
            revoked_count: count(revoked),
        }))
    }

    async fn revoke_all_sessions(
        &self,
        request: Request<pb::RevokeAllSessionsRequest>,
    ) -> Result<Response<pb::RevokeAllSessionsResponse>, Status> {
        let (principal, _) = signed_in(&self.0, request.metadata()).await?;
        let revoked = self.0.revoke_sessions(&principal, None, None).await?;
        Ok(Response::new(pb::RevokeAllSessionsResponse {
            revoked_count: count(revoked),
        }))
    }

    async fn sign_out(
        &self,
        request: Request<pb::SignOutRequest>,
    ) -> Result<Response<pb::SignOutResponse>, Status> {
        let (principal, _) = signed_in(&self.0, request.metadata()).await?;
        self.0
            .revoke_sessions(&principal, Some(principal.session_id), None)
            .await?;
        Ok(Response::new(pb::SignOutResponse {}))
    }
}
