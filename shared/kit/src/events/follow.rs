//! Following another service's event stream: reconnect with backoff, treat silence as a dead
//! stream, and either react in memory (caches) or handle each event in a transaction that
//! also advances a cursor stored in the follower's own schema (at least once; handlers make
//! duplicates harmless).

use std::time::Duration;

use diesel_async::AsyncPgConnection;
use futures::StreamExt;
use futures::future::BoxFuture;
use futures::stream::BoxStream;
use tokio_util::sync::CancellationToken;
use tonic::Status;

use super::outbox;
use crate::db::{Db, DbError, ScopedBoxFuture, ScopedFutureExt};

/// A stream silent for longer than this is treated as dead (streams heartbeat every 500 ms).
pub const STREAM_SILENCE: Duration = Duration::from_millis(1500);
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
const LONGEST_BACKOFF: Duration = Duration::from_secs(2);

/// One message of a followed stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message<E> {
    /// An event at `cursor`.
    Event {
        /// Its position; resume after it.
        cursor: i64,
        /// What happened.
        event: E,
    },
    /// The stream is alive.
    Heartbeat,
}

/// The messages of one opened stream.
pub type Messages<E> = BoxStream<'static, Result<Message<E>, Status>>;

/// A stream to follow.
pub trait Source: Send + Sync + 'static {
    /// What its events are.
    type Event: Send + 'static;
    /// Opens it after `after` (`None`: from now on).
    fn open(&self, after: Option<i64>)
    -> BoxFuture<'static, Result<Messages<Self::Event>, Status>>;
}

/// What a follower does with a stream.
pub trait Handler<E>: Send {
    /// Where to resume after (re)connecting (`None`: from now on).
    fn resume_after(&mut self) -> BoxFuture<'_, Result<Option<i64>, DbError>>;
    /// Handles one message; an error drops the connection and resumes from the stored cursor.
    fn handle(&mut self, message: Message<E>) -> BoxFuture<'_, Result<(), DbError>>;
    /// The stream was lost (or never opened); called before each reconnection attempt.
    fn lost(&mut self) {}
}

/// Follows `source` with `handler` until `shutdown`.
pub async fn follow<S: Source, H: Handler<S::Event>>(
    name: &'static str,
    source: S,
    mut handler: H,
    shutdown: CancellationToken,
) {
    let mut backoff = FIRST_BACKOFF;
    loop {
        let outcome = tokio::select! {
            () = shutdown.cancelled() => return,
            outcome = follow_once(&source, &mut handler, &mut backoff) => outcome,
        };
        handler.lost();
        tracing::debug!(stream = name, reason = %outcome, ?backoff, "event stream lost; reconnecting");
        let jittered = backoff.mul_f64(0.5 + rand::random::<f64>() / 2.0);
        tokio::select! {
            () = shutdown.cancelled() => return,
            () = tokio::time::sleep(jittered) => {}
        }
        backoff = (backoff * 2).min(LONGEST_BACKOFF);
    }
}

/// One connection: returns why it ended.
async fn follow_once<S: Source, H: Handler<S::Event>>(
    source: &S,
    handler: &mut H,
    backoff: &mut Duration,
) -> String {
    let after = match handler.resume_after().await {
        Ok(after) => after,
        Err(err) => return format!("reading the stored cursor failed: {err}"),
    };
    let mut messages = match source.open(after).await {
        Ok(messages) => messages,
        Err(status) => return format!("opening failed: {}", status.message()),
    };
    loop {
        let message = match tokio::time::timeout(STREAM_SILENCE, messages.next()).await {
            Err(_) => return "silent for too long".into(),
            Ok(None) => return "the stream ended".into(),
            Ok(Some(Err(status))) => return format!("the stream failed: {}", status.message()),
            Ok(Some(Ok(message))) => message,
        };
        *backoff = FIRST_BACKOFF;
        if let Err(err) = handler.handle(message).await {
            return format!("handling an event failed: {err}");
        }
    }
}

/// Handles events with `handle` inside a transaction that also advances the cursor stored
/// under `consumer` in this service's `consumer_cursors` table.
pub struct Durable<F> {
    consumer: &'static str,
    db: Db,
    handle: F,
}

impl<F> std::fmt::Debug for Durable<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Durable")
            .field("consumer", &self.consumer)
            .finish_non_exhaustive()
    }
}

impl<F> Durable<F> {
    /// A durable follower named `consumer` (its cursor's key).
    pub fn new(consumer: &'static str, db: Db, handle: F) -> Self {
        Self {
            consumer,
            db,
            handle,
        }
    }
}

impl<E, F> Handler<E> for Durable<F>
where
    E: Sync + Send + 'static,
    F: for<'c> Fn(&'c mut AsyncPgConnection, &'c E) -> ScopedBoxFuture<'c, 'c, Result<(), DbError>>
        + Send
        + Sync,
{
    fn resume_after(&mut self) -> BoxFuture<'_, Result<Option<i64>, DbError>> {
        let consumer = self.consumer;
        Box::pin(async move {
            self.db
                .read("consumer_cursor", move |conn| {
                    async move { outbox::consumer_cursor(conn, consumer).await.map(Some) }
                        .scope_boxed()
                })
                .await
        })
    }

    fn handle(&mut self, message: Message<E>) -> BoxFuture<'_, Result<(), DbError>> {
        Box::pin(async move {
            let Message::Event { cursor, event } = message else {
                return Ok(());
            };
            let (consumer, handle, event) = (self.consumer, &self.handle, &event);
            self.db
                .transaction(consumer, |conn| {
                    async move {
                        handle(conn, event).await?;
                        outbox::advance_consumer(conn, consumer, cursor).await
                    }
                    .scope_boxed()
                })
                .await
        })
    }
}
