//! Magic-link sign-in: a single-use code sent by email, exchanged for a session.
//!
//! Codes carry 128 random bits and are stored only as SHA-256. A code works once, for 15
//! minutes, and dies after 5 wrong attempts; an address receives at most 5 codes an hour.

pub mod domain;
pub mod sender;
pub(crate) mod store;

pub use domain::{CODE_LIFETIME, MAX_ATTEMPTS, SENDS_PER_HOUR};
pub use sender::{LogSender, MagicLinkSender, MemorySender};
