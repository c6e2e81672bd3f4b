//! The tower layer that resolves the caller of every application RPC before its handler runs.

use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::future::BoxFuture;
use tonic::{Code, Status};
use tower::{Layer, Service};

use super::{
    Caller, OperatorCaller, ServiceCaller, ServiceCredentials, SessionCheck, SharedResolver,
    bearer_value,
};
use crate::error;

/// Which of a service's methods are reachable without a user's session. Entries are a whole
/// service (`tessera.identity.v1.EventService`) or one method
/// (`tessera.identity.v1.SignInService/Prelogin`). Everything else needs a user.
#[derive(Debug, Clone, Copy, Default)]
pub struct Access {
    /// Callable by anyone, without credentials.
    pub public: &'static [&'static str],
    /// Callable only by Tessera services with a service credential.
    pub internal: &'static [&'static str],
    /// Callable only by operators with an operator credential.
    pub operator: &'static [&'static str],
    /// Callable by users (session) and by services (service credential), and reached without
    /// credentials too: the handler decides what an anonymous caller may do
    /// ([`crate::auth::caller`] refuses them; a public file's download serves them).
    pub open: &'static [&'static str],
}

/// What a method requires of its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// Not an application method of this binary (health, reflection, unknown paths).
    Nothing,
    /// Listed as public.
    Public,
    /// Listed as internal: a service credential.
    Service,
    /// Listed as operator: an operator credential.
    Operator,
    /// Listed as open: a user, a service, or no one.
    Open,
    /// The default: a user's session.
    User,
}

impl Access {
    /// What calling `service/method` requires.
    pub fn requirement(&self, service: &str, method: &str) -> Requirement {
        let listed = |entries: &[&str]| {
            entries.iter().any(|entry| match entry.split_once('/') {
                Some((s, m)) => s == service && m == method,
                None => *entry == service,
            })
        };
        if listed(self.operator) {
            Requirement::Operator
        } else if listed(self.open) {
            Requirement::Open
        } else if listed(self.internal) {
            Requirement::Service
        } else if listed(self.public) {
            Requirement::Public
        } else {
            Requirement::User
        }
    }

    /// Every entry, for checking them against what is served.
    pub fn entries(&self) -> impl Iterator<Item = &'static str> {
        self.public
            .iter()
            .chain(self.internal)
            .chain(self.operator)
            .chain(self.open)
            .copied()
    }
}

/// See the module documentation.
#[derive(Debug, Clone)]
pub struct AuthLayer {
    inner: Arc<Policy>,
}

#[derive(Debug)]
struct Policy {
    access: Access,
    served: Vec<&'static str>,
    credentials: ServiceCredentials,
    operators: ServiceCredentials,
    resolver: Option<SharedResolver>,
    /// Services must also present a verified client certificate (mutual TLS).
    service_certificates: bool,
}

impl AuthLayer {
    /// Guards the services named `served` by `access`; internal callers are checked against
    /// `credentials`, operators against `operators`, users through `resolver` (none: user
    /// methods answer UNAVAILABLE).
    pub fn new(
        access: Access,
        served: Vec<&'static str>,
        credentials: ServiceCredentials,
        operators: ServiceCredentials,
        resolver: Option<SharedResolver>,
    ) -> Self {
        Self {
            inner: Arc::new(Policy {
                access,
                served,
                credentials,
                operators,
                resolver,
                service_certificates: false,
            }),
        }
    }

    /// Also demands a verified TLS client certificate of callers using a service credential
    /// (the server asks for them: `TESSERA_TLS_CLIENT_CA_FILE`).
    pub fn with_service_certificates(mut self, required: bool) -> Self {
        if let Some(policy) = Arc::get_mut(&mut self.inner) {
            policy.service_certificates = required;
        }
        self
    }
}

impl<S> Layer<S> for AuthLayer {
    type Service = AuthService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        AuthService {
            inner,
            policy: self.inner.clone(),
        }
    }
}

/// See [`AuthLayer`].
#[derive(Debug, Clone)]
pub struct AuthService<S> {
    inner: S,
    policy: Arc<Policy>,
}

impl Policy {
    fn requirement(&self, path: &str) -> Requirement {
        let Some((service, method)) = path.trim_start_matches('/').split_once('/') else {
            return Requirement::Nothing;
        };
        if !self.served.contains(&service) {
            return Requirement::Nothing;
        }
        self.access.requirement(service, method)
    }

    /// The caller the request may proceed as (`None` for public methods), or the refusal.
    async fn admit(
        &self,
        requirement: Requirement,
        headers: &http::HeaderMap,
        certified: bool,
    ) -> Result<Option<Caller>, Status> {
        let mut values = headers.get_all("authorization").iter();
        let value = values.next();
        if values.next().is_some() {
            return Err(error::invalid_argument(
                "authorization",
                "send exactly one authorization metadata value",
            ));
        }
        if requirement == Requirement::Public
            || (requirement == Requirement::Open && value.is_none())
        {
            return Ok(None);
        }
        let token = value
            .and_then(|v| v.to_str().ok())
            .and_then(bearer_value)
            .ok_or_else(|| match requirement {
                Requirement::Service => error::unauthenticated(
                    "SERVICE_CREDENTIAL_REQUIRED",
                    "this RPC is for Tessera services: send authorization: Bearer <service token>",
                ),
                Requirement::Operator => error::unauthenticated(
                    "OPERATOR_CREDENTIAL_REQUIRED",
                    "this RPC is for operators: send authorization: Bearer <operator token>",
                ),
                _ => error::unauthenticated(
                    "CREDENTIALS_MISSING",
                    "send authorization: Bearer <session token>",
                ),
            })?;
        if requirement == Requirement::Operator {
            return self.admit_operator(token).await;
        }
        let service = self.credentials.service_for(token);
        if service.is_some() && self.service_certificates && !certified {
            return Err(error::unauthenticated(
                "CLIENT_CERTIFICATE_REQUIRED",
                "service credentials must come over mutual TLS: present this service's client certificate",
            ));
        }
        match (requirement, service) {
            (Requirement::Service, Some(name)) => Ok(Some(Caller::Service(ServiceCaller { name }))),
            (Requirement::Service, None) => match self.resolve(token).await {
                // A real user, but this is not theirs to call.
                Ok(_) => Err(error::with_reason(
                    Code::PermissionDenied,
                    "SERVICE_ONLY",
                    "this RPC is only for Tessera services",
                    Default::default(),
                )),
                Err(status) if status.code() == Code::Unauthenticated => {
                    Err(error::unauthenticated(
                        "CREDENTIALS_INVALID",
                        "the credential is neither a known service credential nor a live session",
                    ))
                }
                Err(status) => Err(status),
            },
            (Requirement::Open, Some(name)) => Ok(Some(Caller::Service(ServiceCaller { name }))),
            (_, Some(_)) => Err(error::with_reason(
                Code::PermissionDenied,
                "USER_ONLY",
                "this RPC acts for a user: call it with the user's session token",
                Default::default(),
            )),
            (_, None) => Ok(Some(Caller::User(self.resolve(token).await?))),
        }
    }

    /// An operator credential, or a refusal that says whether the token was anyone's at all.
    async fn admit_operator(&self, token: &str) -> Result<Option<Caller>, Status> {
        if let Some(name) = self.operators.service_for(token) {
            return Ok(Some(Caller::Operator(OperatorCaller { name })));
        }
        let known = self.credentials.service_for(token).is_some()
            || match self.resolve(token).await {
                Ok(_) => true,
                Err(status) if status.code() == Code::Unauthenticated => false,
                Err(status) => return Err(status),
            };
        Err(if known {
            error::with_reason(
                Code::PermissionDenied,
                "OPERATOR_ONLY",
                "this RPC is for operators: call it with an operator credential",
                Default::default(),
            )
        } else {
            error::unauthenticated(
                "CREDENTIALS_INVALID",
                "the credential is neither a known operator credential nor a live session",
            )
        })
    }

    async fn resolve(&self, token: &str) -> Result<super::UserCaller, Status> {
        match &self.resolver {
            Some(resolver) => resolver.resolve(token).await,
            None => Err(error::unavailable(
                "sessions cannot be checked: this service has no TESSERA_IDENTITY_URL",
                Duration::from_secs(5),
            )),
        }
    }
}

impl<S, ReqBody, ResBody> Service<http::Request<ReqBody>> for AuthService<S>
where
    S: Service<http::Request<ReqBody>, Response = http::Response<ResBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    ReqBody: Send + 'static,
    ResBody: Default + Send + 'static,
{
    type Response = http::Response<ResBody>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<ReqBody>) -> Self::Future {
        // The clone is ready only after poll_ready; swap so the ready one serves this call.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let requirement = self.policy.requirement(request.uri().path());
        if requirement == Requirement::Nothing {
            return Box::pin(inner.call(request));
        }
        let policy = self.policy.clone();
        let certified = crate::tls::server::client_certified(request.extensions());
        Box::pin(async move {
            match policy
                .admit(requirement, request.headers(), certified)
                .await
            {
                Ok(caller) => {
                    if let Some(caller) = caller {
                        let span = tracing::Span::current();
                        match &caller {
                            Caller::User(user) => span.record(
                                "caller",
                                tracing::field::display(format_args!("user:{}", user.user_id)),
                            ),
                            Caller::Service(service) => span.record(
                                "caller",
                                tracing::field::display(format_args!("service:{}", service.name)),
                            ),
                            Caller::Operator(operator) => span.record(
                                "caller",
                                tracing::field::display(format_args!("operator:{}", operator.name)),
                            ),
                        };
                        if let (Caller::User(user), Some(resolver)) = (&caller, &policy.resolver) {
                            // The token was admitted above, so it is there and well formed.
                            let token = request
                                .headers()
                                .get("authorization")
                                .and_then(|v| v.to_str().ok())
                                .and_then(bearer_value);
                            if let Some(token) = token {
                                let check =
                                    SessionCheck::new(resolver.clone(), token, user.session_id);
                                request.extensions_mut().insert(check);
                            }
                        }
                        request.extensions_mut().insert(caller);
                    }
                    inner.call(request).await
                }
                Err(status) => Ok(status.into_http()),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCESS: Access = Access {
        public: &["pkg.Accounts/Create", "pkg.Open"],
        internal: &["pkg.Internal", "pkg.Accounts/Purge"],
        operator: &["pkg.Admin"],
        open: &["pkg.Files"],
    };

    #[test]
    fn methods_need_a_user_unless_listed() {
        assert_eq!(
            ACCESS.requirement("pkg.Accounts", "Create"),
            Requirement::Public
        );
        assert_eq!(
            ACCESS.requirement("pkg.Open", "Anything"),
            Requirement::Public
        );
        assert_eq!(
            ACCESS.requirement("pkg.Internal", "X"),
            Requirement::Service
        );
        assert_eq!(
            ACCESS.requirement("pkg.Accounts", "Purge"),
            Requirement::Service
        );
        assert_eq!(
            ACCESS.requirement("pkg.Admin", "CreateVolume"),
            Requirement::Operator
        );
        assert_eq!(ACCESS.requirement("pkg.Files", "Get"), Requirement::Open);
        assert_eq!(ACCESS.requirement("pkg.Accounts", "Get"), Requirement::User);
        assert_eq!(
            ACCESS.requirement("pkg.Accounts", "CreateX"),
            Requirement::User
        );
        assert_eq!(ACCESS.requirement("pkg.Other", "Create"), Requirement::User);
    }

    #[test]
    fn only_served_application_paths_are_guarded() {
        let policy = Policy {
            access: ACCESS,
            served: vec!["pkg.Accounts"],
            credentials: ServiceCredentials::default(),
            operators: ServiceCredentials::default(),
            resolver: None,
            service_certificates: false,
        };
        assert_eq!(
            policy.requirement("/grpc.health.v1.Health/Check"),
            Requirement::Nothing
        );
        assert_eq!(policy.requirement("/pkg.Accounts/Get"), Requirement::User);
        assert_eq!(policy.requirement("garbage"), Requirement::Nothing);
    }
}

#[cfg(test)]
mod certificates {
    use super::*;

    fn policy(service_certificates: bool) -> Policy {
        Policy {
            access: Access {
                public: &[],
                internal: &["pkg.Internal"],
                operator: &[],
                open: &[],
            },
            served: vec!["pkg.Internal"],
            credentials: ServiceCredentials::from_tokens([("svc", "tsvc_token")]),
            operators: ServiceCredentials::default(),
            resolver: None,
            service_certificates,
        }
    }

    fn bearer(token: &str) -> http::HeaderMap {
        let mut headers = http::HeaderMap::new();
        headers.insert(
            "authorization",
            format!("Bearer {token}").parse().expect("header"),
        );
        headers
    }

    #[tokio::test]
    async fn service_credentials_need_a_client_certificate_when_asked() {
        let headers = bearer("tsvc_token");
        let refused = policy(true)
            .admit(Requirement::Service, &headers, false)
            .await
            .expect_err("no certificate");
        assert_eq!(refused.code(), Code::Unauthenticated);
        assert!(refused.message().contains("mutual TLS"), "{refused:?}");
        for (required, certified) in [(true, true), (false, false)] {
            let admitted = policy(required)
                .admit(Requirement::Service, &headers, certified)
                .await
                .expect("admitted");
            assert!(matches!(admitted, Some(Caller::Service(_))));
        }
    }
}
