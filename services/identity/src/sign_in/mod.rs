//! Signing in: Prelogin and passwords here; magic links and the device flow in their own
//! modules; one `SignInService` for all of them.

pub mod api;
pub mod domain;
