//! A service running in-process on an ephemeral port, as the real binary would run it.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tessera_kit::{CommonConfig, Context, ServiceSpec, Services};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tonic::transport::Channel;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

/// See the module documentation. Dropping it stops the service.
#[derive(Debug)]
pub struct TestService {
    addr: SocketAddr,
    metrics_addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<anyhow::Result<()>>>,
}

impl TestService {
    /// Starts the service and waits until its health check answers SERVING.
    pub async fn start<B>(spec: ServiceSpec, config: CommonConfig, build: B) -> Self
    where
        B: FnOnce(&Context) -> anyhow::Result<Services> + Send + 'static,
    {
        let mut service = Self::spawn(spec, config, build).await;
        service
            .wait_for(ServingStatus::Serving, Duration::from_secs(30))
            .await;
        service
    }

    /// Starts the service without waiting for it to become ready. Unless the configuration
    /// names a role, the service connects as its schema's least-privilege role, as deployed.
    pub async fn spawn<B>(spec: ServiceSpec, mut config: CommonConfig, build: B) -> Self
    where
        B: FnOnce(&Context) -> anyhow::Result<Services> + Send + 'static,
    {
        crate::init_logging();
        config
            .db_role
            .get_or_insert_with(|| crate::db::service_role(spec.schema));
        let grpc = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binding an ephemeral port");
        let addr = grpc.local_addr().expect("local address");
        let metrics = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binding an ephemeral port");
        let metrics_addr = metrics.local_addr().expect("local address");
        let listeners = tessera_kit::server::Listeners {
            grpc,
            metrics: Some(metrics),
        };
        let (stop, stopped) = oneshot::channel::<()>();
        let shutdown = async move {
            let _ = stopped.await;
        };
        let task = tokio::spawn(tessera_kit::server::serve(
            spec, config, listeners, shutdown, build,
        ));
        Self {
            addr,
            metrics_addr,
            stop: Some(stop),
            task: Some(task),
        }
    }

    /// Where it listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Where it serves Prometheus metrics (`/metrics`).
    pub fn metrics_addr(&self) -> SocketAddr {
        self.metrics_addr
    }

    /// `http://127.0.0.1:<port>`.
    pub fn uri(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A connected channel.
    pub async fn channel(&self) -> Channel {
        Channel::from_shared(self.uri())
            .expect("valid uri")
            .connect()
            .await
            .expect("connecting to the test service")
    }

    /// A connected channel whose connections come from `local` (another loopback address such
    /// as 127.0.0.2 is another client address to the service).
    pub async fn channel_from(&self, local: std::net::IpAddr) -> Channel {
        Channel::from_shared(self.uri())
            .expect("valid uri")
            .local_address(Some(local))
            .connect()
            .await
            .expect("connecting to the test service")
    }

    /// The overall health status, or `None` if the check itself failed.
    pub async fn health(&self) -> Option<ServingStatus> {
        let channel = Channel::from_shared(self.uri())
            .ok()?
            .connect()
            .await
            .ok()?;
        let response = HealthClient::new(channel)
            .check(HealthCheckRequest {
                service: String::new(),
            })
            .await
            .ok()?;
        Some(response.into_inner().status())
    }

    /// Polls health until it reports `status`; panics after `timeout`, or at once with the
    /// service's error if it stopped.
    pub async fn wait_for(&mut self, status: ServingStatus, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            let seen = self.health().await;
            if seen == Some(status) {
                return;
            }
            if self.task.as_ref().is_some_and(JoinHandle::is_finished) {
                let task = self.task.take().expect("the service task");
                panic!(
                    "the service stopped while waiting for {status:?}: {:?}",
                    task.await
                );
            }
            assert!(
                Instant::now() < deadline,
                "service did not report {status:?} within {timeout:?} (last: {seen:?})"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Begins shutdown, as SIGTERM would, without waiting for it to finish.
    pub fn begin_shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Shuts down like SIGTERM and returns what `serve` returned.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        self.begin_shutdown();
        let task = self.task.take().expect("the service task");
        task.await
            .map_err(|e| anyhow::anyhow!("service task failed: {e}"))?
    }

    /// Waits for `serve` to return on its own (for example after a failed start-up).
    pub async fn join(mut self) -> anyhow::Result<()> {
        let task = self.task.take().expect("the service task");
        task.await
            .map_err(|e| anyhow::anyhow!("service task failed: {e}"))?
    }
}

impl Drop for TestService {
    fn drop(&mut self) {
        self.begin_shutdown();
    }
}
