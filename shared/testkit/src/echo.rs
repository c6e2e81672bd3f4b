//! The kit's test service (`tessera.testing.v1.EchoService`): a trivial RPC, optionally holding
//! a real database connection, to observe deadlines, draining and outages, and as the
//! baseline in benchmarks.

use std::time::Duration;

use diesel::sql_types::Double;
use diesel_async::RunQueryDsl;
use tessera_kit::auth::Access;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::{FieldViolations, invalid_argument};
use tessera_kit::{Context, Db, ServiceSpec, Services};
use tessera_proto::tessera::testing::v1::echo_service_server::{EchoService, EchoServiceServer};
use tessera_proto::tessera::testing::v1::{
    EchoRequest, EchoResponse, WhoAmIRequest, WhoAmIResponse,
};
use tonic::{Request, Response, Status};

/// The echo service stores nothing; it borrows the identity schema, which every test database
/// already has migrated, so starting it applies no migration.
pub const SPEC: ServiceSpec = ServiceSpec {
    name: "echo",
    schema: tessera_schema::identity::SCHEMA,
    migrations: &tessera_schema::identity::MIGRATIONS,
    default_port: 0,
};

/// Echo is public (the benchmark baseline); WhoAmI needs a user.
pub const ACCESS: Access = Access {
    public: &["tessera.testing.v1.EchoService/Echo"],
    internal: &[],
    operator: &[],
    open: &[],
};

/// Longest accepted message, in bytes.
pub const MAX_MESSAGE_BYTES: usize = 4096;
const MAX_SLEEP: Duration = Duration::from_secs(60);

/// See the module documentation.
#[derive(Debug, Clone)]
pub struct Echo {
    db: Db,
}

impl Echo {
    /// The service on `ctx`'s database.
    pub fn new(ctx: &Context) -> Self {
        Self { db: ctx.db.clone() }
    }
}

/// The echo service's routes, for `TestService::start`.
pub fn services(ctx: &Context) -> anyhow::Result<Services> {
    Ok(ctx
        .services(ACCESS)
        .with(EchoServiceServer::new(Echo::new(ctx))))
}

#[tonic::async_trait]
impl EchoService for Echo {
    async fn echo(&self, request: Request<EchoRequest>) -> Result<Response<EchoResponse>, Status> {
        let request = request.into_inner();
        let mut violations = FieldViolations::new();
        violations.require(
            request.message.len() <= MAX_MESSAGE_BYTES,
            "message",
            "must be at most 4096 bytes",
        );
        let sleep = match request.database_sleep {
            None => None,
            Some(d) => match Duration::try_from(d) {
                Ok(d) if d <= MAX_SLEEP => Some(d),
                _ => {
                    return Err(invalid_argument(
                        "database_sleep",
                        "must be between 0 and 60 seconds",
                    ));
                }
            },
        };
        violations.into_result()?;
        if let Some(sleep) = sleep {
            let seconds = sleep.as_secs_f64();
            self.db
                .transaction("echo_sleep", |conn| {
                    async move {
                        diesel::sql_query("SELECT pg_sleep($1)")
                            .bind::<Double, _>(seconds)
                            .execute(conn)
                            .await?;
                        Ok::<_, tessera_kit::DbError>(())
                    }
                    .scope_boxed()
                })
                .await?;
        }
        Ok(Response::new(EchoResponse {
            message: request.message,
        }))
    }

    async fn who_am_i(
        &self,
        request: Request<WhoAmIRequest>,
    ) -> Result<Response<WhoAmIResponse>, Status> {
        let caller = tessera_kit::auth::user(&request)?;
        Ok(Response::new(WhoAmIResponse {
            user_id: caller.user_id.to_string(),
            session_id: caller.session_id.to_string(),
        }))
    }
}
