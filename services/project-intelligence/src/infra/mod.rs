//! InfrastructureService: provider credentials (sealed, write-only) and provisioned resources
//! (connection details sealed, revealed only on request). Deployments are in [`deployments`].

pub mod deployments;
pub mod rotate;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::convert::{json_to_struct, timestamp};
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::paging::Query;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::infrastructure_service_server::InfrastructureService;
use tessera_schema::intelligence::{
    infrastructure_resources as resources, provider_credentials as creds,
};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use crate::ids::ProjectId;
use crate::input::{Stored, invalid_transition, json_object, long_text, stored};
use crate::projects::name;
use crate::projects::store::{self as project_store, Lock, owned_row};
use crate::state::Intel;

stored!(
    pb::Provider = "PROVIDER_",
    pb::ResourceStatus = "RESOURCE_STATUS_",
    pb::DeploymentStatus = "DEPLOYMENT_STATUS_",
    pb::DeploymentTrigger = "DEPLOYMENT_TRIGGER_",
);

tessera_kit::id! {
    /// A provisioned resource.
    pub struct ResourceId("resource");
}

/// Largest metadata or connection details, in bytes of compact JSON.
const MAX_JSON_BYTES: usize = 16 * 1024;

/// The seed's spelling of a resource type (`database:postgres`).
pub fn type_text(kind: pb::ResourceType) -> &'static str {
    match kind {
        pb::ResourceType::Compute => "compute",
        pb::ResourceType::ComputeEdge => "compute:edge",
        pb::ResourceType::DatabasePostgres => "database:postgres",
        pb::ResourceType::DatabaseRedis => "database:redis",
        pb::ResourceType::StorageBlob | pb::ResourceType::Unspecified => "storage:blob",
    }
}

fn type_wire(text: &str) -> i32 {
    [
        pb::ResourceType::Compute,
        pb::ResourceType::ComputeEdge,
        pb::ResourceType::DatabasePostgres,
        pb::ResourceType::DatabaseRedis,
        pb::ResourceType::StorageBlob,
    ]
    .into_iter()
    .find(|k| type_text(*k) == text)
    .map_or(0, |k| k as i32)
}

/// The associated data a token is sealed with: its user and provider.
fn token_context(user: Uuid, provider: &str) -> String {
    format!("intelligence.provider_credentials:{user}:{provider}")
}

/// The associated data connection details are sealed with: their resource.
fn connection_context(resource: Uuid) -> String {
    format!("intelligence.infrastructure_resources:{resource}")
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = creds, check_for_backend(diesel::pg::Pg))]
struct CredentialRow {
    id: Uuid,
    provider: String,
    metadata: Option<serde_json::Value>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

fn wire_credential(row: &CredentialRow) -> pb::ProviderCredential {
    pb::ProviderCredential {
        id: row.id.to_string(),
        provider: pb::Provider::wire(&row.provider),
        metadata: row.metadata.as_ref().map(json_to_struct),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    }
}

/// A resource row (its sealed details only as "present or not").
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = resources, check_for_backend(diesel::pg::Pg))]
struct ResourceRow {
    id: Uuid,
    project_id: Uuid,
    #[diesel(column_name = type_)]
    kind: String,
    provider: String,
    provider_resource_id: Option<String>,
    name: String,
    connection_info: Option<String>,
    status: String,
    error: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

fn wire_resource(row: &ResourceRow) -> pb::Resource {
    pb::Resource {
        id: row.id.to_string(),
        project_id: row.project_id.to_string(),
        r#type: type_wire(&row.kind),
        provider: pb::Provider::wire(&row.provider),
        provider_resource_id: row.provider_resource_id.clone().unwrap_or_default(),
        name: row.name.clone(),
        status: pb::ResourceStatus::wire(&row.status),
        error: row.error.clone().unwrap_or_default(),
        has_connection_info: row.connection_info.is_some(),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    }
}

/// The statuses a resource may move to `to` from.
fn moves_to(to: pb::ResourceStatus) -> &'static [&'static str] {
    match to {
        pb::ResourceStatus::Provisioning => &["pending", "error"],
        pb::ResourceStatus::Ready | pb::ResourceStatus::Error => &["provisioning"],
        pb::ResourceStatus::Deleted => &["pending", "provisioning", "ready", "error"],
        pb::ResourceStatus::Pending | pb::ResourceStatus::Unspecified => &[],
    }
}

/// Resource `id` if `user` owns its project; NOT_FOUND otherwise.
async fn owned(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: ResourceId,
) -> Result<ResourceRow, ApiError> {
    owned_row!(conn, user, resources, ResourceRow, id, ResourceId::RESOURCE)
}

/// The gRPC face of infrastructure.
#[derive(Debug, Clone)]
pub struct InfrastructureApi(pub Intel);

#[tonic::async_trait]
impl InfrastructureService for InfrastructureApi {
    async fn set_provider_credential(
        &self,
        request: Request<pb::SetProviderCredentialRequest>,
    ) -> Result<Response<pb::SetProviderCredentialResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let mut v = FieldViolations::new();
        let provider = pb::Provider::parse(&mut v, "provider", body.provider, true);
        if body.api_token.is_empty()
            || body.api_token.chars().count() > 4096
            || body.api_token.chars().any(char::is_control)
        {
            v.add(
                "api_token",
                "required: 1 to 4,096 characters, no control characters",
            );
        }
        let metadata = json_object(&mut v, "metadata", body.metadata.as_ref(), MAX_JSON_BYTES);
        let provider = ApiError::checked(v, provider)?.text();
        let sealed = self
            .0
            .key_ring()?
            .seal(&body.api_token, &token_context(user.as_uuid(), &provider))
            .map_err(ApiError::Internal)?;
        let now = self.0.clock.now();
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row: CredentialRow = diesel::insert_into(creds::table)
            .values((
                creds::id.eq(Uuid::now_v7()),
                creds::user_id.eq(user.as_uuid()),
                creds::provider.eq(&provider),
                creds::api_token.eq(&sealed),
                creds::metadata.eq(&metadata),
                creds::created_at.eq(now),
                creds::updated_at.eq(now),
            ))
            .on_conflict((creds::user_id, creds::provider))
            .do_update()
            .set((
                creds::api_token.eq(&sealed),
                creds::metadata.eq(&metadata),
                creds::updated_at.eq(now),
            ))
            .returning(CredentialRow::as_returning())
            .get_result(&mut conn)
            .await
            .map_err(ApiError::from)?;
        Ok(Response::new(pb::SetProviderCredentialResponse {
            credential: Some(wire_credential(&row)),
        }))
    }

    async fn list_provider_credentials(
        &self,
        request: Request<pb::ListProviderCredentialsRequest>,
    ) -> Result<Response<pb::ListProviderCredentialsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let rows: Vec<CredentialRow> = creds::table
            .filter(creds::user_id.eq(user.as_uuid()))
            .select(CredentialRow::as_select())
            .order(creds::provider)
            .load(&mut conn)
            .await
            .map_err(ApiError::from)?;
        Ok(Response::new(pb::ListProviderCredentialsResponse {
            credentials: rows.iter().map(wire_credential).collect(),
        }))
    }

    async fn delete_provider_credential(
        &self,
        request: Request<pb::DeleteProviderCredentialRequest>,
    ) -> Result<Response<pb::DeleteProviderCredentialResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let mut v = FieldViolations::new();
        let provider = pb::Provider::parse(&mut v, "provider", request.get_ref().provider, true);
        let provider = ApiError::checked(v, provider)?.text();
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let deleted = diesel::delete(
            creds::table
                .filter(creds::user_id.eq(user.as_uuid()))
                .filter(creds::provider.eq(&provider)),
        )
        .execute(&mut conn)
        .await
        .map_err(ApiError::from)?;
        if deleted == 0 {
            return Err(ApiError::not_found("provider credential", provider).into());
        }
        Ok(Response::new(pb::DeleteProviderCredentialResponse {}))
    }

    async fn create_resource(
        &self,
        request: Request<pb::CreateResourceRequest>,
    ) -> Result<Response<pb::CreateResourceResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let input = body.resource.unwrap_or_default();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let kind = match pb::ResourceType::try_from(input.r#type) {
            Ok(pb::ResourceType::Unspecified) | Err(_) => {
                v.add("resource.type", "required: a known resource type");
                None
            }
            Ok(kind) => Some(kind),
        };
        let provider = pb::Provider::parse(&mut v, "resource.provider", input.provider, true);
        let title = name(&mut v, "resource.name", &input.name, 200);
        let external = (!input.provider_resource_id.is_empty())
            .then(|| {
                name(
                    &mut v,
                    "resource.provider_resource_id",
                    &input.provider_resource_id,
                    500,
                )
            })
            .flatten();
        let (project, ((kind, provider), title)) =
            ApiError::checked(v, project.zip(kind.zip(provider).zip(title)))?;
        let now = self.0.clock.now();
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let project = project_store::owned(&mut conn, user, project, Lock::None)
            .await?
            .id;
        let row: ResourceRow = diesel::insert_into(resources::table)
            .values((
                resources::id.eq(ResourceId::new().as_uuid()),
                resources::project_id.eq(project),
                resources::type_.eq(type_text(kind)),
                resources::provider.eq(provider.text()),
                resources::provider_resource_id.eq(external),
                resources::name.eq(title),
                resources::created_at.eq(now),
                resources::updated_at.eq(now),
            ))
            .returning(ResourceRow::as_returning())
            .get_result(&mut conn)
            .await
            .map_err(ApiError::from)?;
        Ok(Response::new(pb::CreateResourceResponse {
            resource: Some(wire_resource(&row)),
        }))
    }

    async fn get_resource(
        &self,
        request: Request<pb::GetResourceRequest>,
    ) -> Result<Response<pb::GetResourceResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = ResourceId::parse("resource_id", &request.get_ref().resource_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id).await?;
        Ok(Response::new(pb::GetResourceResponse {
            resource: Some(wire_resource(&row)),
        }))
    }

    async fn list_resources(
        &self,
        request: Request<pb::ListResourcesRequest>,
    ) -> Result<Response<pb::ListResourcesResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let kind = match pb::ResourceType::try_from(body.r#type) {
            Ok(pb::ResourceType::Unspecified) => None,
            Ok(kind) => Some(kind),
            Err(_) => {
                v.add("type", format!("{} is not a known value", body.r#type));
                None
            }
        };
        let query = Query::new("intelligence.infrastructure_resources")
            .scoped(user)
            .scoped(&body.project_id)
            .scoped(body.r#type);
        let page = query.request_into::<Uuid>(&mut v, body.page_size, &body.page_token);
        let (project, page) = ApiError::checked(v, project.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let project = project_store::owned(&mut conn, user, project, Lock::None)
            .await?
            .id;
        // UUIDv7 ids order by creation.
        let mut select = resources::table
            .filter(resources::project_id.eq(project))
            .select(ResourceRow::as_select())
            .order(resources::id.desc())
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some(kind) = kind {
            select = select.filter(resources::type_.eq(type_text(kind)));
        }
        if let Some(after) = page.after {
            select = select.filter(resources::id.lt(after));
        }
        let rows: Vec<ResourceRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| row.id);
        Ok(Response::new(pb::ListResourcesResponse {
            resources: rows.items.iter().map(wire_resource).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn set_resource_status(
        &self,
        request: Request<pb::SetResourceStatusRequest>,
    ) -> Result<Response<pb::SetResourceStatusResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let mut v = FieldViolations::new();
        let id = ResourceId::parse_into(&mut v, "resource_id", &body.resource_id);
        let to = pb::ResourceStatus::parse(&mut v, "status", body.status, true);
        if to == Some(pb::ResourceStatus::Pending) {
            v.add("status", "must be provisioning, ready, error or deleted");
        }
        let error = long_text(&mut v, "error", &body.error, 10_000);
        if to == Some(pb::ResourceStatus::Error) && error.is_none() {
            v.add("error", "required with status error");
        }
        let external = (!body.provider_resource_id.is_empty())
            .then(|| {
                name(
                    &mut v,
                    "provider_resource_id",
                    &body.provider_resource_id,
                    500,
                )
            })
            .flatten();
        let connection = json_object(
            &mut v,
            "connection_info",
            body.connection_info.as_ref(),
            MAX_JSON_BYTES,
        );
        if connection.is_some() && to != Some(pb::ResourceStatus::Ready) {
            v.add("connection_info", "only with status ready");
        }
        let (id, to) = ApiError::checked(v, id.zip(to))?;
        let sealed = match &connection {
            Some(json) => Some(
                self.0
                    .key_ring()?
                    .seal(&json.to_string(), &connection_context(id.as_uuid()))
                    .map_err(ApiError::Internal)?,
            ),
            None => None,
        };
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id).await?;
        // One conditional update: concurrent moves cannot both start from the same status.
        let moved: Option<ResourceRow> = diesel::update(
            resources::table
                .find(row.id)
                .filter(resources::status.eq_any(moves_to(to))),
        )
        .set((
            resources::status.eq(to.text()),
            resources::error.eq(match to {
                pb::ResourceStatus::Error => error,
                pb::ResourceStatus::Deleted => row.error.clone(),
                _ => None,
            }),
            resources::provider_resource_id.eq(external.or(row.provider_resource_id.clone())),
            resources::connection_info.eq(sealed.or(row.connection_info.clone())),
            resources::updated_at.eq(self.0.clock.now()),
        ))
        .returning(ResourceRow::as_returning())
        .get_result(&mut conn)
        .await
        .optional()
        .map_err(ApiError::from)?;
        let moved = moved
            .ok_or_else(|| invalid_transition("resource", id, row.status.clone(), &to.text()))?;
        Ok(Response::new(pb::SetResourceStatusResponse {
            resource: Some(wire_resource(&moved)),
        }))
    }

    async fn reveal_connection_info(
        &self,
        request: Request<pb::RevealConnectionInfoRequest>,
    ) -> Result<Response<pb::RevealConnectionInfoResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = ResourceId::parse("resource_id", &request.get_ref().resource_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id).await?;
        let connection_info = match &row.connection_info {
            None => None,
            Some(sealed) => {
                let json = self
                    .0
                    .key_ring()?
                    .open(sealed, &connection_context(row.id))
                    .map_err(|why| {
                        ApiError::Internal(format!("resource {id}'s details do not open: {why}"))
                    })?;
                let value: serde_json::Value =
                    serde_json::from_str(&json).map_err(|e| ApiError::Internal(e.to_string()))?;
                Some(json_to_struct(&value))
            }
        };
        Ok(Response::new(pb::RevealConnectionInfoResponse {
            connection_info,
        }))
    }
}

/// Deletes every provider credential of `user` (their account is gone).
pub async fn purge(conn: &mut AsyncPgConnection, user: Uuid) -> QueryResult<usize> {
    diesel::delete(creds::table.filter(creds::user_id.eq(user)))
        .execute(conn)
        .await
}
