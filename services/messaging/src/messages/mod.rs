//! MessageService: sending, the delivery stream, pulls, acknowledgements, read marks and
//! receipts.

pub mod batch;
pub mod inbox;
pub mod send;
pub mod stream;

use tessera_kit::auth;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::paging::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::message_service_server::MessageService;
use tonic::{Request, Response, Status};

use crate::devices::store::own;
use crate::error::ChatError;
use crate::ids::{DeviceId, MessageId};
use crate::state::Chat;

/// Message ids per MarkRead.
pub const MAX_MARK_READ: usize = 1000;

/// The gRPC face of messages.
#[derive(Debug, Clone)]
pub struct MessageApi(pub Chat);

#[tonic::async_trait]
impl MessageService for MessageApi {
    async fn send_message(
        &self,
        request: Request<pb::SendMessageRequest>,
    ) -> Result<Response<pb::SendMessageResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let checked = send::check(request.get_ref())?;
        let sent = self.0.sends.send(&self.0, user, checked).await?;
        Ok(Response::new(sent))
    }

    type SubscribeStream = stream::Items;

    async fn subscribe(
        &self,
        request: Request<pb::SubscribeRequest>,
    ) -> Result<Response<Self::SubscribeStream>, Status> {
        let user = auth::user(&request)?.user_id;
        let check = auth::session_check(&request);
        let device =
            DeviceId::parse("device_id", &request.get_ref().device_id).map_err(ChatError::from)?;
        let after = request.get_ref().after_sequence;
        Ok(Response::new(
            stream::open(&self.0, user, device, after, check).await?,
        ))
    }

    async fn pull_messages(
        &self,
        request: Request<pb::PullMessagesRequest>,
    ) -> Result<Response<pb::PullMessagesResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let device = DeviceId::parse_into(&mut v, "device_id", &body.device_id);
        let after = i64::try_from(body.after_sequence).ok();
        if after.is_none() {
            v.add("after_sequence", "is out of range");
        }
        let limit = match body.page_size {
            0 => DEFAULT_PAGE_SIZE,
            n if n < 0 => {
                v.add("page_size", "must not be negative");
                DEFAULT_PAGE_SIZE
            }
            n => i64::from(n).min(MAX_PAGE_SIZE),
        };
        let (device, after) = ChatError::checked(v, device.zip(after))?;
        let (rows, last) = self
            .0
            .db
            .transaction("messaging.pull_messages", |conn| {
                async move {
                    own(conn, user, device).await?;
                    let rows = inbox::after(conn, device, after, limit).await?;
                    let (last, _) = inbox::cursors(conn, device).await?;
                    Ok::<_, ChatError>((rows, last))
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::PullMessagesResponse {
            messages: rows.into_iter().map(inbox::message).collect(),
            last_sequence: u64::try_from(last).unwrap_or_default(),
        }))
    }

    async fn ack_messages(
        &self,
        request: Request<pb::AckMessagesRequest>,
    ) -> Result<Response<pb::AckMessagesResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let device = DeviceId::parse_into(&mut v, "device_id", &body.device_id);
        let upto = i64::try_from(body.up_to_sequence).ok();
        if upto.is_none() {
            v.add("up_to_sequence", "is out of range");
        }
        let (device, upto) = ChatError::checked(v, device.zip(upto))?;
        let acked = self
            .0
            .db
            .transaction("messaging.ack_messages", |conn| {
                async move {
                    own(conn, user, device).await?;
                    inbox::ack(conn, device, upto).await
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::AckMessagesResponse {
            acked_sequence: u64::try_from(acked).unwrap_or_default(),
        }))
    }

    async fn mark_read(
        &self,
        request: Request<pb::MarkReadRequest>,
    ) -> Result<Response<pb::MarkReadResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let device = DeviceId::parse_into(&mut v, "device_id", &body.device_id);
        if body.message_ids.is_empty() || body.message_ids.len() > MAX_MARK_READ {
            v.add("message_ids", format!("required: 1 to {MAX_MARK_READ} ids"));
        }
        let ids: Vec<uuid::Uuid> = body
            .message_ids
            .iter()
            .take(MAX_MARK_READ)
            .enumerate()
            .filter_map(|(i, raw)| {
                MessageId::parse_into(&mut v, &format!("message_ids[{i}]"), raw)
                    .map(|id| id.as_uuid())
            })
            .collect();
        let device = ChatError::checked(v, device)?;
        let marked = self
            .0
            .db
            .transaction("messaging.mark_read", |conn| {
                let ids = ids.clone();
                async move {
                    own(conn, user, device).await?;
                    inbox::mark_read(conn, device, &ids).await
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::MarkReadResponse {
            marked: i32::try_from(marked).unwrap_or(i32::MAX),
        }))
    }

    async fn list_receipts(
        &self,
        request: Request<pb::ListReceiptsRequest>,
    ) -> Result<Response<pb::ListReceiptsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let device = DeviceId::parse_into(&mut v, "device_id", &body.device_id);
        let logical = body.logical_msg_id.clone();
        if logical.is_empty() || logical.len() > send::MAX_LOGICAL_ID_CHARS {
            v.add("logical_msg_id", "required: 1 to 128 characters");
        }
        let device = ChatError::checked(v, device)?;
        let receipts = self
            .0
            .db
            .transaction("messaging.list_receipts", |conn| {
                let logical = logical.clone();
                async move {
                    own(conn, user, device).await?;
                    inbox::receipts(conn, device, &logical).await
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::ListReceiptsResponse { receipts }))
    }
}
