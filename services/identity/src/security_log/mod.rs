//! The per-user security log: what happened to an account, for its owner to review.

pub mod api;
pub mod domain;
pub(crate) mod store;

pub use domain::{SecurityEvent, record};
