//! Runs a real service binary as a child process, as Kubernetes or `make run` would.

use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::process::{Child, Command};
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

/// A running service process. Killed if dropped while still running.
#[derive(Debug)]
pub struct RunningBinary {
    child: Child,
    port: u16,
}

/// A port that was free a moment ago.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("finding a free port")
}

impl RunningBinary {
    /// Starts `path` on a free port against `database_url`, with `extra` environment.
    pub fn spawn(path: &str, database_url: &str, extra: &[(&str, &str)]) -> Self {
        let port = free_port();
        let mut command = Command::new(path);
        command
            .env_clear()
            .env("DATABASE_URL", database_url)
            .env("TESSERA_GRPC_HOST", "127.0.0.1")
            .env("TESSERA_GRPC_PORT", port.to_string())
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        for (key, value) in extra {
            command.env(key, value);
        }
        let child = command.spawn().expect("starting the service binary");
        Self { child, port }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn uri(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Polls health until SERVING; panics after `timeout`.
    pub async fn wait_serving(&self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(channel) = tonic::transport::Channel::from_shared(self.uri()).expect("uri").connect().await {
                let status = HealthClient::new(channel)
                    .check(HealthCheckRequest { service: String::new() })
                    .await
                    .map(|r| r.into_inner().status());
                if let Ok(ServingStatus::Serving) = status {
                    return;
                }
            }
            assert!(Instant::now() < deadline, "the binary did not become SERVING within {timeout:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Sends a signal (`TERM`, `INT`, ...) with `kill`.
    pub fn signal(&self, name: &str) {
        let pid = self.child.id().expect("the child is running");
        let status = std::process::Command::new("kill")
            .args([format!("-{name}"), pid.to_string()])
            .status()
            .expect("running kill");
        assert!(status.success(), "kill -{name} {pid} failed");
    }

    /// Waits for the process to exit; returns its exit code and what it wrote to stderr.
    pub async fn wait(mut self, timeout: Duration) -> (Option<i32>, String) {
        let status = tokio::time::timeout(timeout, self.child.wait())
            .await
            .unwrap_or_else(|_| panic!("the binary did not exit within {timeout:?}"))
            .expect("waiting for the binary");
        let mut stderr = String::new();
        if let Some(mut pipe) = self.child.stderr.take() {
            use tokio::io::AsyncReadExt;
            let _ = pipe.read_to_string(&mut stderr).await;
        }
        (status.code(), stderr)
    }
}
