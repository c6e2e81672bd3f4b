//! Serving a service's outbox as a resumable server stream: everything after the caller's
//! cursor first, then new events as they commit, with heartbeats while idle.
//!
//! The stream waits on the outbox's NOTIFY channel, and also reads at every heartbeat, so a
//! lost notification delays an event by at most one heartbeat interval and loses nothing.

use std::time::{Duration, Instant};

use futures::Stream;
use futures::future::BoxFuture;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tonic::Status;

use super::outbox::{self, OutboxEvent};
use crate::db::{Db, DbError, ScopedFutureExt};
use crate::notify::Notifier;

/// Heartbeat period while idle; followers treat a longer silence as a dead stream.
pub const HEARTBEAT_INTERVAL: Duration = Duration::from_millis(500);
/// Events read per query.
const BATCH: i64 = 500;

/// Where a stream starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// After this cursor (0: from the oldest event still kept).
    After(i64),
    /// With events that commit from now on (caches need no history).
    Now,
}

/// What a service's event stream needs from its process.
#[derive(Debug, Clone)]
pub struct Outbox {
    /// The service's pool.
    pub db: Db,
    /// The process's LISTEN connection.
    pub notifier: Notifier,
    /// The service's schema (its outbox's NOTIFY channel).
    pub schema: &'static str,
    /// Ends the stream when the server shuts down.
    pub shutdown: CancellationToken,
}

/// How one service turns stored events and heartbeats into its stream's messages.
pub trait Encode: Send + Sync + 'static {
    /// The stream's message type.
    type Item: Send + 'static;
    /// The message for a stored event, or `None` to skip it (logged).
    fn event(&self, event: OutboxEvent) -> Option<Self::Item>;
    /// The heartbeat carrying the cursor of the last event sent.
    fn heartbeat(&self, cursor: i64) -> Self::Item;
}

impl Outbox {
    /// Opens a stream from `start`. Fails only if the starting point cannot be read.
    pub async fn stream<E: Encode>(
        &self,
        start: Start,
        encode: E,
    ) -> Result<impl Stream<Item = Result<E::Item, Status>> + Send + 'static, Status> {
        // Subscribe before the first read, so nothing that commits after it goes unnoticed.
        let wakeup = self.notifier.subscribe(&outbox::channel(self.schema));
        let cursor = match start {
            Start::After(cursor) => cursor,
            Start::Now => {
                self.db
                    .read("outbox_last_cursor", |conn| {
                        outbox::last_cursor(conn).scope_boxed()
                    })
                    .await?
            }
        };
        let (tx, rx) = mpsc::channel(256);
        tokio::spawn(pump(self.clone(), cursor, encode, wakeup, tx));
        Ok(tokio_stream::wrappers::ReceiverStream::new(rx))
    }

    fn read_after(&self, cursor: i64) -> BoxFuture<'_, Result<Vec<OutboxEvent>, DbError>> {
        Box::pin(self.db.read("outbox_read", move |conn| {
            outbox::read_after(conn, cursor, BATCH).scope_boxed()
        }))
    }
}

async fn pump<E: Encode>(
    outbox: Outbox,
    mut cursor: i64,
    encode: E,
    mut wakeup: crate::notify::Wakeup,
    tx: mpsc::Sender<Result<E::Item, Status>>,
) {
    let mut last_sent = Instant::now() - HEARTBEAT_INTERVAL;
    loop {
        match outbox.read_after(cursor).await {
            Ok(events) => {
                let full = events.len() as i64 == BATCH;
                for event in events {
                    let seq = event.seq;
                    if let Some(item) = encode.event(event) {
                        if tx.send(Ok(item)).await.is_err() {
                            return; // the consumer went away
                        }
                        last_sent = Instant::now();
                    } else {
                        tracing::error!(seq, "outbox event could not be encoded; skipped");
                    }
                    cursor = seq;
                }
                if full {
                    continue; // more are waiting
                }
            }
            Err(err) => {
                let _ = tx.send(Err(err.into())).await;
                return;
            }
        }
        if last_sent.elapsed() >= HEARTBEAT_INTERVAL {
            if tx.send(Ok(encode.heartbeat(cursor))).await.is_err() {
                return;
            }
            last_sent = Instant::now();
        }
        let next_heartbeat = HEARTBEAT_INTERVAL.saturating_sub(last_sent.elapsed());
        tokio::select! {
            () = outbox.shutdown.cancelled() => return,
            () = tx.closed() => return,
            () = wakeup.woken() => {}
            () = tokio::time::sleep(next_heartbeat) => {}
        }
    }
}
