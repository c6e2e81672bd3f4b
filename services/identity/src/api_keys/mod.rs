//! Users' provider API keys: sealed at rest under the key ring, masked in listings,
//! plaintext only for the suite's services.

pub mod api;
pub mod domain;
pub(crate) mod store;

pub use domain::{ApiKey, mask};
