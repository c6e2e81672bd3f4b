//! `tessera.identity.v1.EventService`: the outbox as a resumable server stream.

use std::pin::Pin;

use futures::Stream;
use prost::Message;
use tessera_kit::events::{OutboxEvent, Start, stream};
use tessera_kit::{auth, error};
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::event_service_server::EventService;
use tonic::{Request, Response, Status};

/// See the proto.
#[derive(Debug, Clone)]
pub struct EventApi(pub stream::Outbox);

type EventStream = Pin<Box<dyn Stream<Item = Result<pb::StreamEventsResponse, Status>> + Send>>;

/// Stored events as the wire carries them: the payload with its cursor.
struct Encoder;

impl stream::Encode for Encoder {
    type Item = pb::StreamEventsResponse;

    fn event(&self, event: OutboxEvent) -> Option<Self::Item> {
        let mut decoded = pb::Event::decode(event.payload.as_slice()).ok()?;
        decoded.cursor = event.seq;
        Some(pb::StreamEventsResponse {
            item: Some(pb::stream_events_response::Item::Event(decoded)),
        })
    }

    fn heartbeat(&self, cursor: i64) -> Self::Item {
        pb::StreamEventsResponse {
            item: Some(pb::stream_events_response::Item::Heartbeat(pb::Heartbeat {
                cursor,
            })),
        }
    }
}

#[tonic::async_trait]
impl EventService for EventApi {
    type StreamEventsStream = EventStream;

    async fn stream_events(
        &self,
        request: Request<pb::StreamEventsRequest>,
    ) -> Result<Response<EventStream>, Status> {
        let service = auth::service(&request)?.name.clone();
        let request = request.into_inner();
        if request.after_cursor < 0 {
            return Err(error::invalid_argument(
                "after_cursor",
                "must not be negative",
            ));
        }
        let start = if request.from_now {
            Start::Now
        } else {
            Start::After(request.after_cursor)
        };
        tracing::debug!(%service, ?start, "event stream opened");
        let stream = self.0.stream(start, Encoder).await?;
        Ok(Response::new(Box::pin(stream)))
    }
}
