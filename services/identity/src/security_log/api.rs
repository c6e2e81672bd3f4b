//! `tessera.identity.v1.SecurityEventService`.

use tessera_kit::auth;
use tessera_kit::convert::timestamp;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::security_event_service_server::SecurityEventService;
use tonic::{Request, Response, Status};

use crate::state::Identity;

/// See the proto.
#[derive(Debug, Clone)]
pub struct SecurityEventApi(pub Identity);

#[tonic::async_trait]
impl SecurityEventService for SecurityEventApi {
    async fn list_security_events(
        &self,
        request: Request<pb::ListSecurityEventsRequest>,
    ) -> Result<Response<pb::ListSecurityEventsResponse>, Status> {
        let caller = auth::user(&request)?.clone();
        let request = request.into_inner();
        let page = self
            .0
            .security_events(&caller, request.page_size, &request.page_token)
            .await?;
        let security_events = page
            .items
            .into_iter()
            .map(|e| pb::SecurityEvent {
                id: e.id.to_string(),
                kind: e.kind.as_str().to_owned(),
                client_address: e.client_address.unwrap_or_default(),
                detail: e.detail,
                occur_time: Some(timestamp(e.occurred_at)),
            })
            .collect();
        Ok(Response::new(pb::ListSecurityEventsResponse {
            security_events,
            next_page_token: page.next_page_token,
        }))
    }
}
