//! HTTP servers that name objects by a query parameter (`<endpoint>?id=<path>`) instead of by
//! URL path (a volume's `use_query_params`): plain PUT, ranged GET, HEAD and DELETE through
//! reqwest, streaming both ways. Such servers cannot list; the service never needs to.

use std::ops::Range;
use std::sync::Arc;

use bytes::Bytes;
use futures::{Stream, StreamExt, TryStreamExt};
use reqwest::header::{CONTENT_LENGTH, HeaderName, HeaderValue, RANGE};
use reqwest::{Client, Method, RequestBuilder, Response, StatusCode, Url};

use super::{DriverError, HttpAuth};

#[derive(Debug, Clone)]
pub(super) struct QueryHttp {
    client: Client,
    endpoint: Url,
    auth: Option<Arc<(HeaderName, HeaderValue)>>,
}

/// Keeps unreserved characters and `/` as they are, escapes everything else.
fn escape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn status_error(response: &Response) -> DriverError {
    match response.status() {
        StatusCode::NOT_FOUND => DriverError::NotFound,
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => DriverError::PermissionDenied,
        StatusCode::METHOD_NOT_ALLOWED => {
            DriverError::Unsupported("the server does not take this method".into())
        }
        status => DriverError::Unavailable(format!("the server answered {status}")),
    }
}

fn transport(err: reqwest::Error) -> DriverError {
    DriverError::Unavailable(err.without_url().to_string())
}

impl QueryHttp {
    pub(super) fn new(endpoint: &str, auth: &HttpAuth) -> Result<Self, DriverError> {
        let endpoint = Url::parse(endpoint).map_err(|e| DriverError::Config(e.to_string()))?;
        Ok(Self {
            client: Client::new(),
            endpoint,
            auth: auth.header()?.map(Arc::new),
        })
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let mut url = self.endpoint.clone();
        url.set_query(Some(&format!(
            "id={}",
            escape(path.trim_start_matches('/'))
        )));
        let request = self.client.request(method, url);
        match self.auth.as_deref() {
            Some((name, value)) => request.header(name.clone(), value.clone()),
            None => request,
        }
    }

    pub(super) async fn write<S>(&self, path: &str, chunks: S) -> Result<u64, DriverError>
    where
        S: Stream<Item = Result<Bytes, DriverError>> + Send,
    {
        let request = self.request(Method::PUT, path);
        let (response, written) = super::http::send_streaming(request, chunks).await?;
        if response.status().is_success() {
            Ok(written)
        } else {
            Err(status_error(&response))
        }
    }

    pub(super) async fn read(
        &self,
        path: &str,
        range: Range<u64>,
    ) -> Result<impl Stream<Item = Result<Bytes, DriverError>> + Send + use<>, DriverError> {
        if range.is_empty() {
            return Ok(futures::stream::empty().left_stream());
        }
        let response = self
            .request(Method::GET, path)
            .header(RANGE, format!("bytes={}-{}", range.start, range.end - 1))
            .send()
            .await
            .map_err(transport)?;
        match response.status() {
            StatusCode::PARTIAL_CONTENT => {}
            // A server that ignores Range would send everything: refuse rather than skip.
            StatusCode::OK => {
                return Err(DriverError::Unsupported(
                    "the server does not serve byte ranges".into(),
                ));
            }
            _ => return Err(status_error(&response)),
        }
        Ok(response.bytes_stream().map_err(transport).right_stream())
    }

    pub(super) async fn size(&self, path: &str) -> Result<u64, DriverError> {
        let response = self
            .request(Method::HEAD, path)
            .send()
            .await
            .map_err(transport)?;
        if !response.status().is_success() {
            return Err(status_error(&response));
        }
        response
            .headers()
            .get(CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse().ok())
            .ok_or_else(|| DriverError::Unavailable("no Content-Length".into()))
    }

    pub(super) async fn delete(&self, path: &str) -> Result<(), DriverError> {
        let response = self
            .request(Method::DELETE, path)
            .send()
            .await
            .map_err(transport)?;
        match response.status() {
            status if status.is_success() || status == StatusCode::NOT_FOUND => Ok(()),
            _ => Err(status_error(&response)),
        }
    }
}
