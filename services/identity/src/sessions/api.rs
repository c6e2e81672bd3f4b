//! `tessera.identity.v1.SessionService` and, for the other services,
//! `IntrospectionService`.

use tessera_kit::auth;
use tessera_kit::convert::timestamp;
use tessera_kit::ids::SessionId;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::introspection_service_server::IntrospectionService;
use tessera_proto::tessera::identity::v1::session_service_server::SessionService;
use tonic::{Request, Response, Status};

use crate::accounts::api::tier;
use crate::error::IdentityError;
use crate::state::Identity;

use super::IssuedSession;

/// See the proto.
#[derive(Debug, Clone)]
pub struct SessionApi(pub Identity);

/// See the proto.
#[derive(Debug, Clone)]
pub struct IntrospectionApi(pub Identity);

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// A session just issued, as the sign-in responses carry it.
pub fn issued(session: &IssuedSession) -> pb::IssuedSession {
    pb::IssuedSession {
        session_id: session.id.to_string(),
        token: session.token.clone(),
        expire_time: Some(timestamp(session.expires_at)),
    }
}

#[tonic::async_trait]
impl SessionService for SessionApi {
    async fn list_sessions(
        &self,
        request: Request<pb::ListSessionsRequest>,
    ) -> Result<Response<pb::ListSessionsResponse>, Status> {
        let caller = auth::user(&request)?.clone();
        let request = request.into_inner();
        let page = self
            .0
            .list_sessions(&caller, request.page_size, &request.page_token)
            .await?;
        let sessions = page
            .items
            .into_iter()
            .map(|s| pb::Session {
                id: s.id.to_string(),
                current: s.id == caller.session_id,
                client_description: s.client_description,
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
        let caller = auth::user(&request)?;
        let id = SessionId::parse("session_id", &request.get_ref().session_id)
            .map_err(IdentityError::from)?;
        // Scoped to the caller's own sessions: another user's id revokes nothing.
        self.0.revoke_sessions(caller, Some(id), None).await?;
        Ok(Response::new(pb::RevokeSessionResponse {}))
    }

    async fn revoke_other_sessions(
        &self,
        request: Request<pb::RevokeOtherSessionsRequest>,
    ) -> Result<Response<pb::RevokeOtherSessionsResponse>, Status> {
        let caller = auth::user(&request)?;
        let revoked = self
            .0
            .revoke_sessions(caller, None, Some(caller.session_id))
            .await?;
        Ok(Response::new(pb::RevokeOtherSessionsResponse {
            revoked_count: count(revoked),
        }))
    }

    async fn revoke_all_sessions(
        &self,
        request: Request<pb::RevokeAllSessionsRequest>,
    ) -> Result<Response<pb::RevokeAllSessionsResponse>, Status> {
        let caller = auth::user(&request)?;
        let revoked = self.0.revoke_sessions(caller, None, None).await?;
        Ok(Response::new(pb::RevokeAllSessionsResponse {
            revoked_count: count(revoked),
        }))
    }

    async fn sign_out(
        &self,
        request: Request<pb::SignOutRequest>,
    ) -> Result<Response<pb::SignOutResponse>, Status> {
        let caller = auth::user(&request)?;
        self.0
            .revoke_sessions(caller, Some(caller.session_id), None)
            .await?;
        Ok(Response::new(pb::SignOutResponse {}))
    }
}

#[tonic::async_trait]
impl IntrospectionService for IntrospectionApi {
    async fn introspect_token(
        &self,
        request: Request<pb::IntrospectTokenRequest>,
    ) -> Result<Response<pb::IntrospectTokenResponse>, Status> {
        auth::service(&request)?;
        let token = &request.get_ref().token;
        if token.is_empty() {
            return Err(IdentityError::invalid("token", "is required").into());
        }
        let caller = self.0.authenticate(token).await?;
        Ok(Response::new(pb::IntrospectTokenResponse {
            principal: Some(pb::Principal {
                user_id: caller.user_id.to_string(),
                session_id: caller.session_id.to_string(),
                subscription_tier: tier(caller.tier) as i32,
                expire_time: Some(timestamp(caller.expires_at)),
            }),
        }))
    }
}
