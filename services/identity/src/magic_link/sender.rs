//! Delivering magic links: the development sender (the log) and the test sender.

use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use futures::future::BoxFuture;

/// Delivers a magic link to an email address. Implementations must not log the link.
pub trait MagicLinkSender: Send + Sync + Debug {
    /// Sends `link` (which contains the code) to `email`.
    fn send<'a>(
        &'a self,
        email: &'a str,
        link: &'a str,
        code: &'a str,
    ) -> BoxFuture<'a, Result<(), String>>;
}

/// Development sender: writes the link to the log under the `tessera_identity::dev_mail`
/// target. It exists so `make run` works without SMTP; never use it in production, since the
/// link is a credential.
#[derive(Debug, Default)]
pub struct LogSender;

impl MagicLinkSender for LogSender {
    fn send<'a>(
        &'a self,
        email: &'a str,
        link: &'a str,
        _code: &'a str,
    ) -> BoxFuture<'a, Result<(), String>> {
        Box::pin(async move {
            tracing::info!(target: "tessera_identity::dev_mail", %email, %link, "development mail: magic link");
            Ok(())
        })
    }
}

/// Test sender: keeps what was sent.
#[derive(Debug, Default, Clone)]
pub struct MemorySender {
    sent: Arc<Mutex<Vec<(String, String)>>>,
}

impl MemorySender {
    /// The latest code sent to `email`.
    pub fn last_code(&self, email: &str) -> Option<String> {
        let sent = self.sent.lock().unwrap_or_else(|e| e.into_inner());
        sent.iter()
            .rev()
            .find(|(to, _)| to == email)
            .map(|(_, code)| code.clone())
    }
}

impl MemorySender {
    /// How many links were sent to `email`.
    pub fn sent_to(&self, email: &str) -> usize {
        let sent = self.sent.lock().unwrap_or_else(|e| e.into_inner());
        sent.iter().filter(|(to, _)| to == email).count()
    }
}

impl MagicLinkSender for MemorySender {
    fn send<'a>(
        &'a self,
        email: &'a str,
        _link: &'a str,
        code: &'a str,
    ) -> BoxFuture<'a, Result<(), String>> {
        Box::pin(async move {
            self.sent
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((email.to_owned(), code.to_owned()));
            Ok(())
        })
    }
}
