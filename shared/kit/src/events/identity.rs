//! identity's event stream as the other services see it: account deletions and session
//! revocations, followed by the auth cache (from now on) and by each service's account purge
//! (durably, from its stored cursor).

use futures::StreamExt;
use futures::future::BoxFuture;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::event_service_client::EventServiceClient;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;

use super::follow::{Message, Messages, Source};
use crate::client::Forward;
use crate::ids::{SessionId, UserId};

/// What happened in identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentityEvent {
    /// The account and its identity data were deleted: delete what you hold for the user.
    AccountDeleted {
        /// The user.
        user_id: UserId,
    },
    /// A session was revoked: drop what was cached for it.
    SessionRevoked {
        /// The session's user.
        user_id: UserId,
        /// The session.
        session_id: SessionId,
    },
    /// A kind this build does not know (a newer identity): caches should be cautious.
    Unknown,
}

impl IdentityEvent {
    /// Reads a wire event; malformed ids make it `Unknown`.
    pub fn from_proto(event: &pb::Event) -> Self {
        let user_id = event.user_id.parse::<UserId>();
        match (pb::EventKind::try_from(event.kind), user_id) {
            (Ok(pb::EventKind::AccountDeleted), Ok(user_id)) => Self::AccountDeleted { user_id },
            (Ok(pb::EventKind::SessionRevoked), Ok(user_id)) => {
                match event.session_id.parse::<SessionId>() {
                    Ok(session_id) => Self::SessionRevoked {
                        user_id,
                        session_id,
                    },
                    Err(_) => Self::Unknown,
                }
            }
            _ => Self::Unknown,
        }
    }
}

type Client = EventServiceClient<InterceptedService<Channel, Forward>>;

/// identity's `EventService.StreamEvents`, called with this service's credential.
#[derive(Debug, Clone)]
pub struct IdentityEvents {
    client: Client,
}

impl IdentityEvents {
    /// The stream on `channel`, authenticated by `forward` (the service credential).
    pub fn new(channel: Channel, forward: Forward) -> Self {
        Self {
            client: EventServiceClient::with_interceptor(channel, forward),
        }
    }
}

impl Source for IdentityEvents {
    type Event = IdentityEvent;

    fn open(
        &self,
        after: Option<i64>,
    ) -> BoxFuture<'static, Result<Messages<IdentityEvent>, tonic::Status>> {
        let mut client = self.client.clone();
        let request = pb::StreamEventsRequest {
            after_cursor: after.unwrap_or(0),
            from_now: after.is_none(),
        };
        Box::pin(async move {
            let stream = client.stream_events(request).await?.into_inner();
            let messages = stream.map(|item| {
                item.map(|response| match response.item {
                    Some(pb::stream_events_response::Item::Event(event)) => Message::Event {
                        cursor: event.cursor,
                        event: IdentityEvent::from_proto(&event),
                    },
                    _ => Message::Heartbeat,
                })
            });
            Ok(messages.boxed())
        })
    }
}
