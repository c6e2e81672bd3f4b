//! identity's events for the rest of the suite: account deletions and session revocations,
//! written to the kit's outbox in the transaction that makes them true, and served as
//! `EventService.StreamEvents`.

pub mod api;
pub(crate) mod store;

/// How long outbox events stay readable on the event stream.
pub const EVENT_RETENTION: chrono::Duration = chrono::Duration::days(30);
