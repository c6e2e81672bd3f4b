//! Captures everything the process logs, for tests that assert on log content (no secrets,
//! no warnings). Installs the global subscriber, so use it in a test binary of its own.

use std::io::Write;
use std::sync::{Arc, Mutex};

/// The captured log text.
#[derive(Debug, Clone, Default)]
pub struct LogCapture(Arc<Mutex<Vec<u8>>>);

impl LogCapture {
    /// Installs a global subscriber with `filter` (EnvFilter syntax, with the directives the
    /// services add to theirs) writing here.
    pub fn install(filter: &str) -> Self {
        let capture = Self::default();
        let writer = capture.clone();
        tracing_subscriber::fmt()
            .with_env_filter(tessera_kit::telemetry::log_filter(filter))
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .init();
        capture
    }

    /// Everything logged so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }
}

impl Write for LogCapture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
