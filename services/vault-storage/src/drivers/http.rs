//! Streaming uploads to WebDAV: one PUT whose body is the chunk stream, so memory stays flat
//! whatever the object's size.

use std::sync::Arc;

use bytes::Bytes;
use futures::{Stream, StreamExt};
use reqwest::header::{HeaderName, HeaderValue};
use reqwest::{Client, StatusCode, Url};

use super::{DriverError, HttpAuth};

#[derive(Debug, Clone)]
pub(super) struct HttpPut {
    client: Client,
    /// The endpoint and root, ending without `/`.
    base: Url,
    auth: Option<Arc<(HeaderName, HeaderValue)>>,
}

impl HttpPut {
    pub(super) fn new(endpoint: &str, root: &str, auth: &HttpAuth) -> Result<Self, DriverError> {
        let mut base = Url::parse(endpoint).map_err(|e| DriverError::Config(e.to_string()))?;
        {
            let mut segments = base
                .path_segments_mut()
                .map_err(|()| DriverError::Config("the endpoint cannot have paths".into()))?;
            segments.pop_if_empty();
            segments.extend(root.split('/').filter(|s| !s.is_empty()));
        }
        let auth = auth.header()?;
        Ok(Self {
            client: Client::new(),
            base,
            auth: auth.map(Arc::new),
        })
    }

    pub(super) async fn write<S>(&self, path: &str, chunks: S) -> Result<u64, DriverError>
    where
        S: Stream<Item = Result<Bytes, DriverError>> + Send,
    {
        let mut url = self.base.clone();
        url.path_segments_mut()
            .map_err(|()| DriverError::Config("the endpoint cannot have paths".into()))?
            .extend(path.split('/'));
        let mut request = self.client.put(url);
        if let Some((name, value)) = self.auth.as_deref() {
            request = request.header(name.clone(), value.clone());
        }
        let (response, written) = send_streaming(request, chunks).await?;
        match response.status() {
            status if status.is_success() => Ok(written),
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Err(DriverError::PermissionDenied),
            StatusCode::METHOD_NOT_ALLOWED => Err(DriverError::Unsupported(
                "the server does not take writes here".into(),
            )),
            status => Err(DriverError::Unavailable(format!(
                "the server answered {status}"
            ))),
        }
    }
}

/// Sends `request` with `chunks` as its body, streamed (the body must be 'static: the chunks are
/// forwarded through a bounded channel); returns the response and the bytes sent. A failing
/// chunk aborts the body and is the error.
pub(super) async fn send_streaming<S>(
    request: reqwest::RequestBuilder,
    chunks: S,
) -> Result<(reqwest::Response, u64), DriverError>
where
    S: Stream<Item = Result<Bytes, DriverError>> + Send,
{
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(2);
    let body = reqwest::Body::wrap_stream(tokio_stream::wrappers::ReceiverStream::new(rx));
    let send = request.body(body).send();
    let feed = async move {
        let mut chunks = std::pin::pin!(chunks);
        let mut written = 0u64;
        while let Some(chunk) = chunks.next().await {
            match chunk {
                Ok(chunk) => {
                    written += chunk.len() as u64;
                    if tx.send(Ok(chunk)).await.is_err() {
                        break; // the request ended early; its status says why
                    }
                }
                Err(err) => {
                    let _ = tx.send(Err(std::io::Error::other("aborted"))).await;
                    return Err(err);
                }
            }
        }
        Ok(written)
    };
    let (response, written) = tokio::join!(send, feed);
    let written = written?;
    let response = response.map_err(|e| DriverError::Unavailable(e.without_url().to_string()))?;
    Ok((response, written))
}
