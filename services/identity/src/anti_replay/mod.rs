//! HushNet's anti-replay tokens: a one-time token is accepted once, suite-wide.

pub mod api;
pub mod domain;
pub(crate) mod store;

pub use domain::CLAIM_RETENTION;
