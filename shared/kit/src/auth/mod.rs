//! Who is calling, resolved once per call by a tower layer, deny by default.
//!
//! Every RPC is one of four kinds, declared by the service in its [`Access`] policy:
//! - **public**: callable without credentials (sign-up, sign-in);
//! - **internal**: callable only by a Tessera service presenting a service credential
//!   (`TESSERA_INTERNAL_CREDENTIALS`), never by a user;
//! - **operator**: administration (storage volumes and their drivers), callable only with an
//!   operator credential (`TESSERA_OPERATOR_CREDENTIALS`), never by a user or a service;
//! - **open**: users and services alike, or no one; the handler decides (files that apps
//!   store for users, public downloads);
//! - **user** (everything not listed): callable only with a live session token; service
//!   credentials are refused.
//!
//! The [`layer`] resolves `authorization: Bearer <token>` before the handler runs and puts the
//! [`Caller`] into the request's extensions; handlers read it with [`user`] or [`service`].
//! Sessions are resolved by a [`UserResolver`]: identity's introspection (cached, see
//! [`introspection`]) in every service but identity, which resolves its own sessions locally.

mod credentials;
pub mod introspection;
pub mod layer;
mod session_check;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use futures::future::BoxFuture;
use tonic::Status;

pub use credentials::{ServiceCredentials, token_hash};
pub use introspection::{Authenticator, CACHE_TTL};
pub use layer::{Access, AuthLayer};
pub use session_check::{SESSION_CHECK_INTERVAL, SessionCheck, session_check};

use crate::ids::{SessionId, Tier, UserId};

/// A signed-in user calling through a session token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserCaller {
    /// The user.
    pub user_id: UserId,
    /// The session the token belongs to.
    pub session_id: SessionId,
    /// The user's plan.
    pub tier: Tier,
    /// When the session expires.
    pub expires_at: DateTime<Utc>,
}

/// A Tessera service calling with its service credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceCaller {
    /// The calling service's name, as configured in `TESSERA_INTERNAL_CREDENTIALS`.
    pub name: Arc<str>,
}

/// An operator calling an administration RPC with an operator credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperatorCaller {
    /// The operator's name, as configured in `TESSERA_OPERATOR_CREDENTIALS`.
    pub name: Arc<str>,
}

/// The one principal type of the suite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    /// A user's session.
    User(UserCaller),
    /// Another Tessera service.
    Service(ServiceCaller),
    /// An operator (administration RPCs).
    Operator(OperatorCaller),
}

/// Resolves a session token to its user, or UNAUTHENTICATED (`SESSION_INVALID`), or
/// UNAVAILABLE when that cannot be decided now.
pub trait UserResolver: Send + Sync + std::fmt::Debug + 'static {
    /// Resolves `token` (the part after `Bearer `).
    fn resolve<'a>(&'a self, token: &'a str) -> BoxFuture<'a, Result<UserCaller, Status>>;
}

/// A shared resolver.
pub type SharedResolver = Arc<dyn UserResolver>;

/// The signed-in user making this call. The auth layer puts it there for every user method;
/// on a public method there is none, and this answers UNAUTHENTICATED.
pub fn user<T>(request: &tonic::Request<T>) -> Result<&UserCaller, Status> {
    match request.extensions().get::<Caller>() {
        Some(Caller::User(user)) => Ok(user),
        Some(Caller::Service(_) | Caller::Operator(_)) => Err(Status::permission_denied(
            "this RPC acts for a user: call it with the user's session token",
        )),
        None => Err(crate::error::unauthenticated(
            "CREDENTIALS_MISSING",
            "send authorization: Bearer <session token>",
        )),
    }
}

/// The Tessera service making this (internal) call.
pub fn service<T>(request: &tonic::Request<T>) -> Result<&ServiceCaller, Status> {
    match request.extensions().get::<Caller>() {
        Some(Caller::Service(service)) => Ok(service),
        _ => Err(crate::error::unauthenticated(
            "SERVICE_CREDENTIAL_REQUIRED",
            "send authorization: Bearer <service token>",
        )),
    }
}

/// Whoever is calling an open method: a user or a service; UNAUTHENTICATED for no one.
pub fn caller<T>(request: &tonic::Request<T>) -> Result<&Caller, Status> {
    request.extensions().get::<Caller>().ok_or_else(|| {
        crate::error::unauthenticated(
            "CREDENTIALS_MISSING",
            "send authorization: Bearer <session or service token>",
        )
    })
}

/// The operator making this (administration) call.
pub fn operator<T>(request: &tonic::Request<T>) -> Result<&OperatorCaller, Status> {
    match request.extensions().get::<Caller>() {
        Some(Caller::Operator(operator)) => Ok(operator),
        _ => Err(crate::error::unauthenticated(
            "OPERATOR_CREDENTIAL_REQUIRED",
            "send authorization: Bearer <operator token>",
        )),
    }
}

/// The token of one `Bearer <token>` header value.
pub(crate) fn bearer_value(value: &str) -> Option<&str> {
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
        .filter(|t| !t.is_empty())
}
