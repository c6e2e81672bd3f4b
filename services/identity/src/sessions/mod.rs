//! Sessions: bearer tokens issued at sign-in, resolved on every call, listed and revoked by
//! their owner, and introspected by the other services.

pub mod api;
pub mod domain;
pub(crate) mod store;

pub use domain::{IssuedSession, LocalResolver, NewSession, SESSION_LIFETIME, Session};
