//! Subscribe: one live delivery stream per device.
//!
//! Opening a stream registers for wake-ups first, then records itself as the device's stream
//! (telling any older one, on any replica, to end with ABORTED), then reads from its cursor:
//! everything stored so far, `caught_up`, and afterwards whatever a wake-up (or a rebuilt
//! LISTEN connection) says may be new, always from the cursor, so nothing is lost or repeated.
//! Items go through a small bounded channel: a slow client holds a few batches, never more.
//! The stream ends when the client goes, a newer stream takes over, the session is revoked,
//! the service stops, or the database fails (the client resumes from its cursor).

use std::pin::Pin;
use std::time::Duration;

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use futures::Stream;
use tessera_kit::auth::SessionCheck;
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_schema::messaging::device_inboxes;
use tokio::sync::{broadcast, mpsc};
use tokio_stream::wrappers::ReceiverStream;
use tonic::Status;
use uuid::Uuid;

use super::inbox::{self, BATCH};
use crate::devices::store::{own, seen};
use crate::error::ChatError;
use crate::events::{self, LiveEvent};
use crate::ids::DeviceId;
use crate::state::Chat;

/// Items buffered per stream before the reader waits for the client.
const BUFFER: usize = 64;
/// Heartbeat interval floor, so a misconfiguration cannot spin.
const MIN_HEARTBEAT: Duration = Duration::from_millis(100);

/// The stream a Subscribe call returns.
pub type Items = Pin<Box<dyn Stream<Item = Result<pb::SubscribeResponse, Status>> + Send>>;

/// Opens the delivery stream of `device` for `user`.
pub async fn open(
    chat: &Chat,
    user: UserId,
    device: DeviceId,
    after: Option<u64>,
    check: Option<SessionCheck>,
) -> Result<Items, ChatError> {
    let key = device.to_string();
    let inbox = chat.notifier.subscribe_key(events::INBOX, Some(&key));
    let takeover = chat.notifier.subscribe_key(events::TAKEOVER, Some(&key));
    let live = chat.notifier.payloads(events::LIVE);
    let stream_id = Uuid::now_v7();
    let acked = chat
        .db
        .transaction("messaging.open_stream", |conn| {
            async move {
                own(conn, user, device).await?;
                let acked: i64 = diesel::update(
                    device_inboxes::table.filter(device_inboxes::device_id.eq(device.as_uuid())),
                )
                .set(device_inboxes::stream_id.eq(stream_id))
                .returning(device_inboxes::acked_seq)
                .get_result(conn)
                .await?;
                seen(conn, device).await?;
                events::take_over(conn, device.as_uuid()).await?;
                Ok::<_, ChatError>(acked)
            }
            .scope_boxed()
        })
        .await?;
    let cursor = match after {
        Some(after) => i64::try_from(after)
            .map_err(|_| ChatError::invalid("after_sequence", "is out of range"))?,
        None => acked,
    };
    let (tx, rx) = mpsc::channel(BUFFER);
    let delivery = Delivery {
        chat: chat.clone(),
        user: user.as_uuid(),
        device,
        stream_id,
        cursor,
        tx,
    };
    tokio::spawn(delivery.run(Wakeups {
        inbox,
        takeover,
        live,
        check,
    }));
    Ok(Box::pin(ReceiverStream::new(rx)))
}

struct Wakeups {
    inbox: tessera_kit::notify::Wakeup,
    takeover: tessera_kit::notify::Wakeup,
    live: broadcast::Receiver<std::sync::Arc<str>>,
    check: Option<SessionCheck>,
}

struct Delivery {
    chat: Chat,
    user: Uuid,
    device: DeviceId,
    stream_id: Uuid,
    cursor: i64,
    tx: mpsc::Sender<Result<pb::SubscribeResponse, Status>>,
}

/// Why a stream stopped sending.
enum End {
    /// The client went away (or the service stops): nothing more to say.
    Gone,
    /// End the stream with this status.
    With(Status),
}

impl Delivery {
    async fn run(mut self, mut wakeups: Wakeups) {
        let end = self.serve(&mut wakeups).await;
        if let End::With(status) = end {
            let _ = self.tx.send(Err(status)).await;
        }
        self.release().await;
    }

    async fn serve(&mut self, w: &mut Wakeups) -> End {
        if let Err(end) = self.catch_up().await {
            return end;
        }
        if let Err(end) = self
            .send(item(pb::subscribe_response::Item::CaughtUp(pb::CaughtUp {
                sequence: self.cursor as u64,
            })))
            .await
        {
            return end;
        }
        let session_ended = async {
            match &w.check {
                Some(check) => check.ended().await,
                None => std::future::pending().await,
            }
        };
        tokio::pin!(session_ended);
        let every = self.chat.config.heartbeat.max(MIN_HEARTBEAT);
        let mut heartbeat = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        heartbeat.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            let step = tokio::select! {
                () = self.tx.closed() => Err(End::Gone),
                () = self.chat.shutdown.cancelled() => Err(End::With(Status::unavailable(
                    "the service is stopping: reconnect and resume from your cursor",
                ))),
                status = &mut session_ended => Err(End::With(status)),
                () = w.takeover.woken() => self.still_current().await,
                () = w.inbox.woken() => self.catch_up().await,
                event = w.live.recv() => self.live(event).await,
                _ = heartbeat.tick() => self.send(item(pb::subscribe_response::Item::Heartbeat(pb::Heartbeat {
                    time: Some(timestamp(chrono::Utc::now())),
                    sequence: self.cursor as u64,
                }))).await,
            };
            if let Err(end) = step {
                return end;
            }
        }
    }

    /// Sends everything after the cursor, a batch at a time.
    async fn catch_up(&mut self) -> Result<(), End> {
        loop {
            let (device, cursor) = (self.device, self.cursor);
            let rows = self
                .chat
                .db
                .read("messaging.stream_read", |conn| {
                    async move { inbox::after(conn, device, cursor, BATCH).await }.scope_boxed()
                })
                .await
                .map_err(|err| End::With(err.into()))?;
            let full = rows.len() as i64 == BATCH;
            for row in rows {
                let seq = row.seq;
                self.send(item(pb::subscribe_response::Item::Message(inbox::message(
                    row,
                ))))
                .await?;
                self.cursor = seq;
            }
            if !full {
                return Ok(());
            }
        }
    }

    /// ABORTED once another stream has taken the device over.
    async fn still_current(&mut self) -> Result<(), End> {
        let device = self.device;
        let current: Option<Option<Uuid>> = self
            .chat
            .db
            .read("messaging.stream_owner", |conn| {
                async move {
                    device_inboxes::table
                        .filter(device_inboxes::device_id.eq(device.as_uuid()))
                        .select(device_inboxes::stream_id)
                        .first(conn)
                        .await
                        .optional()
                        .map_err(ChatError::from)
                }
                .scope_boxed()
            })
            .await
            .map_err(|err| End::With(err.into()))?;
        match current {
            Some(Some(id)) if id == self.stream_id => Ok(()),
            Some(_) => Err(End::With(Status::aborted(
                "a newer stream for this device replaced this one",
            ))),
            None => Err(End::With(Status::not_found("the device was removed"))),
        }
    }

    async fn live(
        &mut self,
        event: Result<std::sync::Arc<str>, broadcast::error::RecvError>,
    ) -> Result<(), End> {
        let payload = match event {
            Ok(payload) => payload,
            // Live events are best effort: a lagging stream skips the oldest.
            Err(broadcast::error::RecvError::Lagged(_)) => return Ok(()),
            Err(broadcast::error::RecvError::Closed) => return Err(End::Gone),
        };
        let Ok(event) = serde_json::from_str::<LiveEvent>(&payload) else {
            return Ok(());
        };
        match event.for_stream(self.user, self.device.as_uuid()) {
            Some(event) => self.send(item(event)).await,
            None => Ok(()),
        }
    }

    async fn send(&self, item: pb::SubscribeResponse) -> Result<(), End> {
        self.tx.send(Ok(item)).await.map_err(|_| End::Gone)
    }

    /// Forgets this stream as the device's, unless a newer one replaced it.
    async fn release(&self) {
        let (device, stream_id) = (self.device, self.stream_id);
        let released = self
            .chat
            .db
            .read("messaging.stream_release", |conn| {
                async move {
                    diesel::update(
                        device_inboxes::table
                            .filter(device_inboxes::device_id.eq(device.as_uuid()))
                            .filter(device_inboxes::stream_id.eq(stream_id)),
                    )
                    .set(device_inboxes::stream_id.eq(None::<Uuid>))
                    .execute(conn)
                    .await
                    .map_err(ChatError::from)
                }
                .scope_boxed()
            })
            .await;
        if let Err(err) = released {
            tracing::debug!(error = %err, "could not release a delivery stream");
        }
    }
}

fn item(item: pb::subscribe_response::Item) -> pb::SubscribeResponse {
    pb::SubscribeResponse { item: Some(item) }
}
