//! Events between services: a durable outbox written in the caller's transaction
//! ([`outbox`]), served as a resumable stream ([`stream`]), and followed by other services
//! ([`follow`]) with reconnection, backoff and a cursor stored in the follower's own schema.

pub mod follow;
pub mod identity;
pub mod outbox;
pub mod stream;

pub use follow::{Durable, Message, STREAM_SILENCE};
pub use identity::{IdentityEvent, IdentityEvents};
pub use outbox::{NewEvent, OutboxEvent};
pub use stream::{HEARTBEAT_INTERVAL, Start};
