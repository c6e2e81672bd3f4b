//! EnvVarService and the internal EnvVarExportService: a project's environment variables,
//! secrets sealed at rest under the key ring (`enc:v1:<key id>:...`, bound to project and key).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::keyring::{self, KeyRing};
use tessera_kit::paging::Query;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::env_var_export_service_server::EnvVarExportService;
use tessera_proto::tessera::intelligence::v1::env_var_service_server::EnvVarService;
use tessera_schema::intelligence::project_env_vars as vars;
use tonic::{Request, Response, Status};
use uuid::Uuid;

use crate::ids::{EnvVarId, ProjectId};
use crate::projects::store::{Lock, owned};
use crate::state::Intel;

/// What lists show instead of a secret's value.
pub const MASK: &str = "********";
/// Longest key, in characters.
pub const MAX_KEY_CHARS: usize = 256;
/// Largest value, in bytes.
pub const MAX_VALUE_BYTES: usize = 64 * 1024;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = vars, check_for_backend(diesel::pg::Pg))]
struct VarRow {
    id: Uuid,
    project_id: Uuid,
    key: String,
    value: String,
    is_secret: bool,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

/// The associated data a secret is sealed with: its project and key.
fn context(project: Uuid, key: &str) -> String {
    format!("intelligence.project_env_vars:{project}:{key}")
}

fn is_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && key.len() <= MAX_KEY_CHARS
}

fn check_key(v: &mut FieldViolations, field: &str, key: &str) {
    if !is_key(key) {
        v.add(
            field,
            "must match [A-Za-z_][A-Za-z0-9_]* and be at most 256 characters",
        );
    }
}

/// The wire form: the value in plaintext when `ring` is given, else masked if secret.
fn wire(row: &VarRow, ring: Option<&KeyRing>) -> Result<pb::EnvVar, ApiError> {
    let value = match (row.is_secret, ring) {
        (false, _) => row.value.clone(),
        (true, None) => MASK.to_owned(),
        (true, Some(ring)) => ring
            .open(&row.value, &context(row.project_id, &row.key))
            .map_err(|why| {
                ApiError::Internal(format!("env var {} does not open: {why}", row.id))
            })?,
    };
    Ok(pb::EnvVar {
        id: row.id.to_string(),
        key: row.key.clone(),
        value,
        is_secret: row.is_secret,
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    })
}

/// The gRPC face of env vars (owners).
#[derive(Debug, Clone)]
pub struct EnvVarApi(pub Intel);

/// The gRPC face of env var exports (services).
#[derive(Debug, Clone)]
pub struct EnvVarExportApi(pub Intel);

async fn find(conn: &mut AsyncPgConnection, project: Uuid, key: &str) -> Result<VarRow, ApiError> {
    vars::table
        .filter(vars::project_id.eq(project))
        .filter(vars::key.eq(key))
        .select(VarRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| ApiError::not_found(EnvVarId::RESOURCE, key))
}

#[tonic::async_trait]
impl EnvVarService for EnvVarApi {
    async fn set_env_var(
        &self,
        request: Request<pb::SetEnvVarRequest>,
    ) -> Result<Response<pb::SetEnvVarResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let input = body.env_var.unwrap_or_default();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        check_key(&mut v, "env_var.key", &input.key);
        if input.value.len() > MAX_VALUE_BYTES {
            v.add("env_var.value", "must be at most 64 KiB");
        }
        let project = ApiError::checked(v, project)?;
        let stored = if input.is_secret {
            self.0
                .key_ring()?
                .seal(&input.value, &context(project.as_uuid(), &input.key))
                .map_err(ApiError::Internal)?
        } else {
            input.value
        };
        let now = self.0.clock.now();
        let row = self
            .0
            .db
            .transaction("intelligence.set_env_var", |conn| {
                let (key, stored) = (input.key.clone(), stored.clone());
                async move {
                    owned(conn, user, project, Lock::None).await?;
                    let row: VarRow = diesel::insert_into(vars::table)
                        .values((
                            vars::id.eq(EnvVarId::new().as_uuid()),
                            vars::project_id.eq(project.as_uuid()),
                            vars::key.eq(&key),
                            vars::value.eq(&stored),
                            vars::is_secret.eq(input.is_secret),
                            vars::created_at.eq(now),
                            vars::updated_at.eq(now),
                        ))
                        .on_conflict((vars::project_id, vars::key))
                        .do_update()
                        .set((
                            vars::value.eq(&stored),
                            vars::is_secret.eq(input.is_secret),
                            vars::updated_at.eq(now),
                        ))
                        .returning(VarRow::as_returning())
                        .get_result(conn)
                        .await?;
                    Ok::<_, ApiError>(row)
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::SetEnvVarResponse {
            env_var: Some(wire(&row, None)?),
        }))
    }

    async fn list_env_vars(
        &self,
        request: Request<pb::ListEnvVarsRequest>,
    ) -> Result<Response<pb::ListEnvVarsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let query = Query::new("intelligence.env_vars")
            .scoped(user)
            .scoped(&body.project_id);
        let page = query.request_into::<String>(&mut v, body.page_size, &body.page_token);
        let (project, page) = ApiError::checked(v, project.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        owned(&mut conn, user, project, Lock::None).await?;
        let mut select = vars::table
            .filter(vars::project_id.eq(project.as_uuid()))
            .select(VarRow::as_select())
            .order(vars::key.asc())
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some(after) = &page.after {
            select = select.filter(vars::key.gt(after.clone()));
        }
        let rows: Vec<VarRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| row.key.clone());
        Ok(Response::new(pb::ListEnvVarsResponse {
            env_vars: rows
                .items
                .iter()
                .map(|row| wire(row, None))
                .collect::<Result<_, _>>()?,
            next_page_token: rows.next_page_token,
        }))
    }

    async fn reveal_env_var(
        &self,
        request: Request<pb::RevealEnvVarRequest>,
    ) -> Result<Response<pb::RevealEnvVarResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        check_key(&mut v, "key", &body.key);
        let project = ApiError::checked(v, project)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        owned(&mut conn, user, project, Lock::None).await?;
        let row = find(&mut conn, project.as_uuid(), &body.key).await?;
        let ring = if row.is_secret {
            Some(self.0.key_ring()?)
        } else {
            None
        };
        Ok(Response::new(pb::RevealEnvVarResponse {
            env_var: Some(wire(&row, ring)?),
        }))
    }

    async fn delete_env_var(
        &self,
        request: Request<pb::DeleteEnvVarRequest>,
    ) -> Result<Response<pb::DeleteEnvVarResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        check_key(&mut v, "key", &body.key);
        let project = ApiError::checked(v, project)?;
        let key = body.key.clone();
        self.0
            .db
            .transaction("intelligence.delete_env_var", |conn| {
                let key = key.clone();
                async move {
                    owned(conn, user, project, Lock::None).await?;
                    diesel::delete(
                        vars::table
                            .filter(vars::project_id.eq(project.as_uuid()))
                            .filter(vars::key.eq(&key)),
                    )
                    .execute(conn)
                    .await?;
                    Ok::<_, ApiError>(())
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::DeleteEnvVarResponse {}))
    }
}

#[tonic::async_trait]
impl EnvVarExportService for EnvVarExportApi {
    async fn export_env_vars(
        &self,
        request: Request<pb::ExportEnvVarsRequest>,
    ) -> Result<Response<pb::ExportEnvVarsResponse>, Status> {
        auth::service(&request)?;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let user = UserId::parse_into(&mut v, "user_id", &body.user_id);
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let (user, project) = ApiError::checked(v, user.zip(project))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        owned(&mut conn, user, project, Lock::None).await?;
        let rows: Vec<VarRow> = vars::table
            .filter(vars::project_id.eq(project.as_uuid()))
            .select(VarRow::as_select())
            .order(vars::key.asc())
            .load(&mut conn)
            .await
            .map_err(ApiError::from)?;
        let ring = if rows.iter().any(|r| r.is_secret) {
            Some(self.0.key_ring()?)
        } else {
            None
        };
        Ok(Response::new(pb::ExportEnvVarsResponse {
            env_vars: rows
                .iter()
                .map(|row| wire(row, ring))
                .collect::<Result<_, _>>()?,
        }))
    }
}

/// Re-seals secrets stored under an older key id with the primary key; returns how many.
/// Safe on several replicas at once.
pub async fn rotate(intel: &Intel) -> Result<usize, ApiError> {
    let Some(ring) = intel.key_ring.as_ref() else {
        return Ok(0);
    };
    let pattern = ring.primary_pattern();
    keyring::rotate(&intel.db, "intelligence.rotate_env_vars", |conn| {
        let pattern = &pattern;
        async move {
            let stale: Vec<VarRow> = vars::table
                .filter(vars::is_secret.eq(true))
                .filter(vars::value.not_like(pattern))
                .select(VarRow::as_select())
                .limit(200)
                .for_update()
                .skip_locked()
                .load(conn)
                .await?;
            for row in &stale {
                let resealed = ring
                    .reseal(&row.value, &context(row.project_id, &row.key))
                    .map_err(ApiError::Internal)?;
                if let Some(resealed) = resealed {
                    diesel::update(vars::table.find(row.id))
                        .set(vars::value.eq(resealed))
                        .execute(conn)
                        .await?;
                }
            }
            Ok::<_, ApiError>(stale.len())
        }
        .scope_boxed()
    })
    .await
}
