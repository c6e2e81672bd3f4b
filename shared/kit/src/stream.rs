//! Reading a client stream (uploads and other client-streaming RPCs), the one way every service
//! does it: a malformed message is the client's fault (INVALID_ARGUMENT, as a malformed unary
//! request is), a stream that broke off is CANCELLED, and neither is ABORTED, which would ask
//! the client to retry the same bytes.

use tonic::{Code, Status, Streaming};

/// Why reading a client stream stopped.
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.message())]
pub struct StreamError(pub Status);

impl From<StreamError> for Status {
    fn from(err: StreamError) -> Self {
        err.0
    }
}

/// The messages of a client stream.
#[derive(Debug)]
pub struct ClientStream<T> {
    inner: Streaming<T>,
}

impl<T> From<Streaming<T>> for ClientStream<T> {
    fn from(inner: Streaming<T>) -> Self {
        Self { inner }
    }
}

impl<T> ClientStream<T> {
    /// The first message; INVALID_ARGUMENT naming `field` when the stream ends without one.
    pub async fn first_message(&mut self, field: &str, expected: &str) -> Result<T, StreamError> {
        match self.next().await? {
            Some(message) => Ok(message),
            None => Err(StreamError(crate::error::invalid_argument(
                field,
                &format!("the stream ended before its first message: {expected}"),
            ))),
        }
    }

    /// The next message, or `None` once the client closed the stream.
    pub async fn next(&mut self) -> Result<Option<T>, StreamError> {
        self.inner
            .message()
            .await
            .map_err(|status| StreamError(read_failure(status)))
    }
}

/// What a failed read of the request stream answers.
fn read_failure(status: Status) -> Status {
    match status.code() {
        // The edge codec's answer (a malformed message or string, with its field violations)
        // and the message-size limit are about the client's bytes: passed on as they are.
        Code::InvalidArgument | Code::OutOfRange | Code::ResourceExhausted => status,
        // A reset stream, a dropped connection, a bad frame: the call is over for the client.
        code => {
            tracing::debug!(
                ?code,
                detail = status.message(),
                "a request stream broke off"
            );
            Status::cancelled("the request stream broke off before it ended")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_faults_pass_and_broken_streams_are_cancelled() {
        let bad = crate::error::invalid_argument("chunk", "too long");
        assert_eq!(read_failure(bad).code(), Code::InvalidArgument);
        let too_big = Status::out_of_range("decoded message length too large");
        assert_eq!(read_failure(too_big).code(), Code::OutOfRange);
        for code in [
            Code::Unknown,
            Code::Internal,
            Code::Cancelled,
            Code::Aborted,
        ] {
            let broken = read_failure(Status::new(code, "h2 protocol error: stream reset"));
            assert_eq!(broken.code(), Code::Cancelled, "{code:?}");
            assert!(!broken.message().contains("h2"), "{broken:?}");
        }
    }
}
