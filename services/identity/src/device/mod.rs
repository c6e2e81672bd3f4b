//! RFC 8628 device authorization for command-line clients.
//!
//! The device gets a secret device code (stored hashed) and a short user code a person types
//! where they are signed in. The user-code space is small (about 29 bits), so wrong entries are
//! throttled per user and per address; polling faster than the interval slows the device down;
//! the session is issued exactly once.

pub mod domain;
pub(crate) mod store;

pub use domain::{
    DEVICE_CODE_PREFIX, DeviceAuthorization, INTERVAL_SECONDS, LIFETIME, Pending, Started,
    normalise_user_code,
};
