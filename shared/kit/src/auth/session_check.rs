//! Keeping a long-lived stream honest about its caller: a user's stream must end soon after
//! the session it was opened with is revoked, not when the client next reconnects.

use std::sync::Arc;
use std::time::Duration;

use tonic::Status;

use super::SharedResolver;
use crate::error;
use crate::ids::SessionId;

/// How often [`SessionCheck::ended`] asks again. Resolving is a cache lookup while identity's
/// event stream is alive (revocations evict at once), so this is cheap and bounds how long a
/// revoked session's stream lives to about a second.
pub const SESSION_CHECK_INTERVAL: Duration = Duration::from_secs(1);

/// The session a user's call was admitted with, for re-checking during a stream. The auth layer
/// puts one into every user call's extensions (when sessions can be resolved at all).
#[derive(Clone)]
pub struct SessionCheck {
    resolver: SharedResolver,
    token: Arc<str>,
    session_id: SessionId,
}

impl std::fmt::Debug for SessionCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("SessionCheck")
            .field("session_id", &self.session_id)
            .finish_non_exhaustive()
    }
}

impl SessionCheck {
    pub(crate) fn new(resolver: SharedResolver, token: &str, session_id: SessionId) -> Self {
        Self {
            resolver,
            token: token.into(),
            session_id,
        }
    }

    /// Resolves once the session no longer admits its caller, with the status the stream
    /// should end with: UNAUTHENTICATED when it was revoked or expired, UNAVAILABLE when it
    /// can no longer be checked (a stream does not outlive what cannot be verified).
    pub async fn ended(&self) -> Status {
        loop {
            tokio::time::sleep(SESSION_CHECK_INTERVAL).await;
            match self.resolver.resolve(&self.token).await {
                Ok(caller) if caller.session_id == self.session_id => {}
                Ok(_) => {
                    return error::unauthenticated(
                        "SESSION_INVALID",
                        "the session token no longer names the session it was opened with",
                    );
                }
                Err(status) => return status,
            }
        }
    }
}

/// The session check of a user's call (none for services, operators and public calls).
pub fn session_check<T>(request: &tonic::Request<T>) -> Option<SessionCheck> {
    request.extensions().get::<SessionCheck>().cloned()
}
