//! `tessera.identity.v1.EventService`: the outbox as a resumable server stream.

use std::pin::Pin;
use std::time::{Duration, Instant};

use futures::Stream;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::event_service_server::EventService;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status};

use super::{calling_service, timestamp};
use crate::service::Identity;
use crate::store::EventRow;

/// How often the outbox is read for new events.
const POLL_INTERVAL: Duration = Duration::from_millis(100);
/// Heartbeat period while idle; consumers treat a longer silence as a dead stream.
pub const HEARTBEAT_INTERVAL: Duration = Duration::from_millis(500);
const BATCH: i64 = 500;

/// See the proto.
#[derive(Debug, Clone)]
pub struct EventApi {
    /// The domain.
    pub identity: Identity,
    /// Ends streams when the server shuts down.
    pub shutdown: CancellationToken,
}

type EventStream = Pin<Box<dyn Stream<Item = Result<pb::StreamEventsResponse, Status>> + Send>>;

fn event(row: &EventRow) -> pb::StreamEventsResponse {
    let kind = match row.kind.as_str() {
        "account_deleted" => pb::EventKind::AccountDeleted,
        "session_revoked" => pb::EventKind::SessionRevoked,
        _ => pb::EventKind::Unspecified,
    };
    pb::StreamEventsResponse {
        item: Some(pb::stream_events_response::Item::Event(pb::Event {
            cursor: row.seq,
            kind: kind as i32,
            user_id: row.user_id.to_string(),
            session_id: row.session_id.map(|s| s.to_string()).unwrap_or_default(),
            occur_time: Some(timestamp(row.occurred_at)),
        })),
    }
}

#[tonic::async_trait]
impl EventService for EventApi {
    type StreamEventsStream = EventStream;

    async fn stream_events(
        &self,
        request: Request<pb::StreamEventsRequest>,
    ) -> Result<Response<EventStream>, Status> {
        let service = calling_service(&self.identity, request.metadata())?.to_owned();
        let request = request.into_inner();
        if request.after_cursor < 0 {
            return Err(tessera_kit::error::invalid_argument(
                "after_cursor",
                "must not be negative",
            ));
        }
        let mut cursor = if request.from_now {
            self.identity.last_event_cursor().await?
        } else {
            request.after_cursor
        };
        let (tx, rx) = mpsc::channel(256);
        let (identity, shutdown) = (self.identity.clone(), self.shutdown.clone());
        tokio::spawn(async move {
            tracing::debug!(%service, cursor, "event stream opened");
            let mut last_sent = Instant::now() - HEARTBEAT_INTERVAL;
            loop {
                match identity.events_after(cursor, BATCH).await {
                    Ok(rows) => {
                        for row in &rows {
                            if tx.send(Ok(event(row))).await.is_err() {
                                return; // the consumer went away
                            }
                            cursor = row.seq;
                            last_sent = Instant::now();
                        }
                        if rows.len() as i64 == BATCH {
                            continue; // more are waiting
                        }
                    }
                    Err(err) => {
                        let _ = tx.send(Err(err.into())).await;
                        return;
                    }
                }
                if last_sent.elapsed() >= HEARTBEAT_INTERVAL {
                    let heartbeat =
                        pb::stream_events_response::Item::Heartbeat(pb::Heartbeat { cursor });
                    if tx
                        .send(Ok(pb::StreamEventsResponse {
                            item: Some(heartbeat),
                        }))
                        .await
                        .is_err()
                    {
                        return;
                    }
                    last_sent = Instant::now();
                }
                tokio::select! {
                    () = shutdown.cancelled() => return,
                    () = tx.closed() => return,
                    () = tokio::time::sleep(POLL_INTERVAL) => {}
                }
            }
        });
        Ok(Response::new(Box::pin(
            tokio_stream::wrappers::ReceiverStream::new(rx),
        )))
    }
}
