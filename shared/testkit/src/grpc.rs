//! Small gRPC helpers for tests: reflection listings, and calls of any method with raw
//! request bytes (garbage, or an empty message to any method of the descriptor set).

use tonic::transport::Channel;
use tonic_reflection::pb::v1::ServerReflectionRequest;
use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
use tonic_reflection::pb::v1alpha::server_reflection_client::ServerReflectionClient as AlphaClient;

/// The services a server lists through reflection v1, sorted.
pub async fn list_services(channel: Channel) -> Vec<String> {
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut responses = ServerReflectionClient::new(channel)
        .server_reflection_info(futures::stream::iter([request]))
        .await
        .expect("reflection call")
        .into_inner();
    let response = responses
        .message()
        .await
        .expect("reflection response")
        .expect("one response");
    let Some(MessageResponse::ListServicesResponse(list)) = response.message_response else {
        panic!("unexpected reflection response: {response:?}");
    };
    let mut names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    names.sort();
    names
}

/// The services a server lists through reflection v1alpha (older grpcurl builds), sorted.
pub async fn list_services_v1alpha(channel: Channel) -> Vec<String> {
    use tonic_reflection::pb::v1alpha::server_reflection_request::MessageRequest as AlphaRequest;
    use tonic_reflection::pb::v1alpha::server_reflection_response::MessageResponse as AlphaResponse;
    let request = tonic_reflection::pb::v1alpha::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(AlphaRequest::ListServices(String::new())),
    };
    let mut responses = AlphaClient::new(channel)
        .server_reflection_info(futures::stream::iter([request]))
        .await
        .expect("reflection call")
        .into_inner();
    let response = responses
        .message()
        .await
        .expect("reflection response")
        .expect("one response");
    let Some(AlphaResponse::ListServicesResponse(list)) = response.message_response else {
        panic!("unexpected reflection response: {response:?}");
    };
    let mut names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    names.sort();
    names
}

/// Passes message bytes through unchanged, so a test can send bytes that are not a valid
/// encoding and call methods it has no generated client for.
#[derive(Debug, Clone, Copy, Default)]
pub struct RawCodec;

/// See [`RawCodec`].
#[derive(Debug, Clone, Copy, Default)]
pub struct RawCoder;

impl tonic::codec::Codec for RawCodec {
    type Encode = Vec<u8>;
    type Decode = Vec<u8>;
    type Encoder = RawCoder;
    type Decoder = RawCoder;

    fn encoder(&mut self) -> Self::Encoder {
        RawCoder
    }

    fn decoder(&mut self) -> Self::Decoder {
        RawCoder
    }
}

impl tonic::codec::Encoder for RawCoder {
    type Item = Vec<u8>;
    type Error = tonic::Status;

    fn encode(
        &mut self,
        item: Vec<u8>,
        dst: &mut tonic::codec::EncodeBuf<'_>,
    ) -> Result<(), tonic::Status> {
        use bytes::BufMut;
        dst.put_slice(&item);
        Ok(())
    }
}

impl tonic::codec::Decoder for RawCoder {
    type Item = Vec<u8>;
    type Error = tonic::Status;

    fn decode(
        &mut self,
        src: &mut tonic::codec::DecodeBuf<'_>,
    ) -> Result<Option<Vec<u8>>, tonic::Status> {
        use bytes::Buf;
        Ok(Some(src.copy_to_bytes(src.remaining()).to_vec()))
    }
}

/// What a raw call to one method asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One request, one response.
    Unary,
    /// One request, a stream of responses.
    ServerStreaming,
    /// A stream of requests (here: one), one response.
    ClientStreaming,
    /// Streams both ways (here: one request).
    Bidirectional,
}

/// Calls `path` (`/package.Service/Method`) with `body` as the request message bytes and
/// `authorization` (a full header value) if given. Streaming answers are read up to their
/// first message. Returns the status the call ended with (OK when it succeeded).
pub async fn call_raw(
    channel: Channel,
    path: &str,
    shape: Shape,
    body: Vec<u8>,
    authorization: Option<&str>,
) -> tonic::Status {
    let mut grpc = tonic::client::Grpc::new(channel);
    if let Err(err) = grpc.ready().await {
        return tonic::Status::unavailable(err.to_string());
    }
    let path: http::uri::PathAndQuery = path.parse().expect("a method path");
    let outcome = match shape {
        Shape::Unary => {
            let request = prepared(body, authorization);
            grpc.unary(request, path, RawCodec).await.map(|_| ())
        }
        Shape::ServerStreaming => {
            let request = prepared(body, authorization);
            match grpc.server_streaming(request, path, RawCodec).await {
                Ok(response) => response.into_inner().message().await.map(|_| ()),
                Err(status) => Err(status),
            }
        }
        Shape::ClientStreaming => {
            let request = prepared(futures::stream::iter([body]), authorization);
            grpc.client_streaming(request, path, RawCodec)
                .await
                .map(|_| ())
        }
        Shape::Bidirectional => {
            let request = prepared(futures::stream::iter([body]), authorization);
            match grpc.streaming(request, path, RawCodec).await {
                Ok(response) => response.into_inner().message().await.map(|_| ()),
                Err(status) => Err(status),
            }
        }
    };
    match outcome {
        Ok(()) => tonic::Status::ok(""),
        Err(status) => status,
    }
}

/// Calls `path` with `messages` (one for unary and server-streaming methods, the stream's
/// messages in order otherwise), giving up after `timeout`. A streamed answer counts as OK
/// once its first message arrives, or when none came within half a second (a live feed).
/// Returns the status the call ended with.
pub async fn call_messages(
    channel: Channel,
    path: &str,
    shape: Shape,
    messages: Vec<Vec<u8>>,
    authorization: Option<&str>,
    timeout: std::time::Duration,
) -> tonic::Status {
    match call(channel, path, shape, messages, authorization, timeout, 1).await {
        Ok(_) => tonic::Status::ok(""),
        Err(status) => status,
    }
}

/// Like [`call_messages`] with a 10 s timeout, but returns what was answered: the response
/// message's bytes, or every streamed message's (until the stream ends or pauses for half a
/// second), one after another.
pub async fn call_collect(
    channel: Channel,
    path: &str,
    shape: Shape,
    messages: Vec<Vec<u8>>,
    authorization: Option<&str>,
) -> Result<Vec<u8>, tonic::Status> {
    let timeout = std::time::Duration::from_secs(10);
    call(
        channel,
        path,
        shape,
        messages,
        authorization,
        timeout,
        usize::MAX,
    )
    .await
}

async fn call(
    channel: Channel,
    path: &str,
    shape: Shape,
    mut messages: Vec<Vec<u8>>,
    authorization: Option<&str>,
    timeout: std::time::Duration,
    most: usize,
) -> Result<Vec<u8>, tonic::Status> {
    fn timed<T>(
        message: T,
        authorization: Option<&str>,
        timeout: std::time::Duration,
    ) -> tonic::Request<T> {
        let mut request = prepared(message, authorization);
        request.set_timeout(timeout);
        request
    }
    /// Up to `most` messages of a streamed answer, while they keep coming.
    async fn streamed(
        response: Result<tonic::Response<tonic::Streaming<Vec<u8>>>, tonic::Status>,
        most: usize,
    ) -> Result<Vec<u8>, tonic::Status> {
        let pause = std::time::Duration::from_millis(500);
        let mut stream = response?.into_inner();
        let mut bytes = Vec::new();
        for _ in 0..most {
            match tokio::time::timeout(pause, stream.message()).await {
                Ok(Ok(Some(message))) => bytes.extend_from_slice(&message),
                Ok(Ok(None)) | Err(_) => break,
                Ok(Err(status)) => return Err(status),
            }
        }
        Ok(bytes)
    }
    let mut grpc = tonic::client::Grpc::new(channel);
    if let Err(err) = grpc.ready().await {
        return Err(tonic::Status::unavailable(err.to_string()));
    }
    let path: http::uri::PathAndQuery = path.parse().expect("a method path");
    match shape {
        Shape::Unary => {
            let body = messages.pop().unwrap_or_default();
            let request = timed(body, authorization, timeout);
            grpc.unary(request, path, RawCodec)
                .await
                .map(tonic::Response::into_inner)
        }
        Shape::ServerStreaming => {
            let body = messages.pop().unwrap_or_default();
            let request = timed(body, authorization, timeout);
            streamed(grpc.server_streaming(request, path, RawCodec).await, most).await
        }
        Shape::ClientStreaming => {
            let request = timed(futures::stream::iter(messages), authorization, timeout);
            grpc.client_streaming(request, path, RawCodec)
                .await
                .map(tonic::Response::into_inner)
        }
        Shape::Bidirectional => {
            let request = timed(futures::stream::iter(messages), authorization, timeout);
            streamed(grpc.streaming(request, path, RawCodec).await, most).await
        }
    }
}

fn prepared<T>(message: T, authorization: Option<&str>) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    if let Some(value) = authorization {
        request
            .metadata_mut()
            .insert("authorization", value.parse().expect("metadata"));
    }
    request.set_timeout(std::time::Duration::from_secs(10));
    request
}

/// Every method of every `tessera.*` service in the descriptor set, except the kit's own
/// test service: (service, method, shape).
pub fn tessera_methods() -> Vec<(String, String, Shape)> {
    use prost::Message as _;
    let descriptors = prost_types::FileDescriptorSet::decode(tessera_proto::FILE_DESCRIPTOR_SET)
        .expect("the descriptor set decodes");
    let mut methods = Vec::new();
    for file in &descriptors.file {
        if !file.package().starts_with("tessera.") || file.package().starts_with("tessera.testing.")
        {
            continue;
        }
        for service in &file.service {
            let full = format!("{}.{}", file.package(), service.name());
            for method in &service.method {
                let shape = match (method.client_streaming(), method.server_streaming()) {
                    (false, false) => Shape::Unary,
                    (false, true) => Shape::ServerStreaming,
                    (true, false) => Shape::ClientStreaming,
                    (true, true) => Shape::Bidirectional,
                };
                methods.push((full.clone(), method.name().to_owned(), shape));
            }
        }
    }
    methods
}
