//! ConversationService: a workspace's conversations (titles; no messages).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::convert::{mask_paths, timestamp};
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::paging::Query;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::conversation_service_server::ConversationService;
use tessera_schema::intelligence::{conversations, projects, workspaces};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use crate::ids::{ConversationId, WorkspaceId};
use crate::projects::name;
use crate::projects::store::Lock;
use crate::state::Intel;
use crate::workspaces::store as spaces;

/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = conversations, check_for_backend(diesel::pg::Pg))]
struct ConversationRow {
    id: Uuid,
    workspace_id: Uuid,
    title: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

fn wire(row: &ConversationRow) -> pb::Conversation {
    pb::Conversation {
        id: row.id.to_string(),
        workspace_id: row.workspace_id.to_string(),
        title: row.title.clone().unwrap_or_default(),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    }
}

fn title(v: &mut FieldViolations, field: &str, raw: &str) -> Option<String> {
    (!raw.is_empty())
        .then(|| name(v, field, raw, MAX_TITLE_CHARS))
        .flatten()
}

/// Conversation `id` if `user` owns its project; NOT_FOUND otherwise.
async fn owned(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: ConversationId,
) -> Result<ConversationRow, ApiError> {
    conversations::table
        .inner_join(workspaces::table.inner_join(projects::table))
        .filter(conversations::id.eq(id.as_uuid()))
        .filter(projects::owner_user_id.eq(user.as_uuid()))
        .select(ConversationRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| ApiError::not_found(ConversationId::RESOURCE, id))
}

/// The gRPC face of conversations.
#[derive(Debug, Clone)]
pub struct ConversationApi(pub Intel);

#[tonic::async_trait]
impl ConversationService for ConversationApi {
    async fn create_conversation(
        &self,
        request: Request<pb::CreateConversationRequest>,
    ) -> Result<Response<pb::CreateConversationResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let workspace = WorkspaceId::parse_into(&mut v, "workspace_id", &body.workspace_id);
        let title = title(&mut v, "title", &body.title);
        let workspace = ApiError::checked(v, workspace)?;
        let now = self.0.clock.now();
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        spaces::owned(&mut conn, user, workspace, Lock::None).await?;
        let row: ConversationRow = diesel::insert_into(conversations::table)
            .values((
                conversations::id.eq(ConversationId::new().as_uuid()),
                conversations::workspace_id.eq(workspace.as_uuid()),
                conversations::title.eq(title),
                conversations::created_at.eq(now),
                conversations::updated_at.eq(now),
            ))
            .returning(ConversationRow::as_returning())
            .get_result(&mut conn)
            .await
            // The workspace deleted meanwhile.
            .map_err(|e| match ApiError::from(e) {
                ApiError::Db(tessera_kit::DbError::ForeignKeyViolation { .. }) => {
                    ApiError::not_found(WorkspaceId::RESOURCE, workspace)
                }
                other => other,
            })?;
        Ok(Response::new(pb::CreateConversationResponse {
            conversation: Some(wire(&row)),
        }))
    }

    async fn get_conversation(
        &self,
        request: Request<pb::GetConversationRequest>,
    ) -> Result<Response<pb::GetConversationResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = ConversationId::parse("conversation_id", &request.get_ref().conversation_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id).await?;
        Ok(Response::new(pb::GetConversationResponse {
            conversation: Some(wire(&row)),
        }))
    }

    async fn list_conversations(
        &self,
        request: Request<pb::ListConversationsRequest>,
    ) -> Result<Response<pb::ListConversationsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let workspace = WorkspaceId::parse_into(&mut v, "workspace_id", &body.workspace_id);
        let query = Query::new("intelligence.conversations")
            .scoped(user)
            .scoped(&body.workspace_id);
        let page =
            query.request_into::<(DateTime<Utc>, Uuid)>(&mut v, body.page_size, &body.page_token);
        let (workspace, page) = ApiError::checked(v, workspace.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        spaces::owned(&mut conn, user, workspace, Lock::None).await?;
        let mut select = conversations::table
            .filter(conversations::workspace_id.eq(workspace.as_uuid()))
            .select(ConversationRow::as_select())
            .order((conversations::updated_at.desc(), conversations::id.desc()))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some((at, id)) = page.after {
            select = select.filter(
                conversations::updated_at
                    .lt(at)
                    .or(conversations::updated_at
                        .eq(at)
                        .and(conversations::id.lt(id))),
            );
        }
        let rows: Vec<ConversationRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| (row.updated_at, row.id));
        Ok(Response::new(pb::ListConversationsResponse {
            conversations: rows.items.iter().map(wire).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn update_conversation(
        &self,
        request: Request<pb::UpdateConversationRequest>,
    ) -> Result<Response<pb::UpdateConversationResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let input = body.conversation.unwrap_or_default();
        let mut v = FieldViolations::new();
        let id = ConversationId::parse_into(&mut v, "conversation.id", &input.id);
        mask_paths(&mut v, body.update_mask.as_ref(), &["title"]);
        let title = title(&mut v, "conversation.title", &input.title);
        let id = ApiError::checked(v, id)?;
        let now = self.0.clock.now();
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id).await?;
        let row: ConversationRow = diesel::update(conversations::table.find(row.id))
            .set((
                conversations::title.eq(title),
                conversations::updated_at.eq(now),
            ))
            .returning(ConversationRow::as_returning())
            .get_result(&mut conn)
            .await
            .optional()
            .map_err(ApiError::from)?
            .ok_or_else(|| ApiError::not_found(ConversationId::RESOURCE, id))?;
        Ok(Response::new(pb::UpdateConversationResponse {
            conversation: Some(wire(&row)),
        }))
    }

    async fn delete_conversation(
        &self,
        request: Request<pb::DeleteConversationRequest>,
    ) -> Result<Response<pb::DeleteConversationResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = ConversationId::parse("conversation_id", &request.get_ref().conversation_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id).await?;
        diesel::delete(conversations::table.find(row.id))
            .execute(&mut conn)
            .await
            .map_err(ApiError::from)?;
        Ok(Response::new(pb::DeleteConversationResponse {}))
    }
}
