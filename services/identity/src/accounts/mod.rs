//! Accounts: sign-up, the caller's own profile, public profiles, and deletion.

pub mod api;
pub mod domain;
pub(crate) mod store;

pub use domain::{AccountChanges, KdfParams, KdfProfile, NewAccount, User};
