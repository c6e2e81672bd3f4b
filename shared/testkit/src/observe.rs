//! Waiting for what a test can observe instead of sleeping: a condition polled until a
//! deadline, and a service's Prometheus metrics (a counter that moved shows work was done).

use std::future::Future;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Polls `check` every 20 ms until it holds; panics naming `what` after `deadline`.
pub async fn eventually<F, Fut>(what: &str, deadline: Duration, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let until = Instant::now() + deadline;
    while !check().await {
        assert!(Instant::now() < until, "{what}: not within {deadline:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// `GET /metrics` on a service's metrics port (see `TestService::metrics_addr`).
pub async fn scrape(metrics: SocketAddr) -> String {
    let mut stream = tokio::net::TcpStream::connect(metrics)
        .await
        .expect("the metrics port answers");
    stream
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        .await
        .expect("request");
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .await
        .expect("response");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    response
}

/// The value of the sample whose line starts with `name{` and contains every label.
pub fn sample(text: &str, name: &str, labels: &[&str]) -> Option<f64> {
    text.lines()
        .filter(|line| line.starts_with(&format!("{name}{{")))
        .find(|line| labels.iter().all(|label| line.contains(label)))
        .and_then(|line| line.rsplit(' ').next()?.parse().ok())
}

/// How many times the service behind `metrics` has run the database operation `operation`
/// (`<service>.<operation>`, as the kit names them), successful or not.
pub async fn db_operations(metrics: SocketAddr, operation: &str) -> f64 {
    let text = scrape(metrics).await;
    let label = format!("db_operation_name=\"{operation}\"");
    text.lines()
        .filter(|line| {
            line.starts_with("db_client_operation_duration_seconds_count{") && line.contains(&label)
        })
        .filter_map(|line| line.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

/// How many calls of `method` the service behind `metrics` has answered, with any code.
pub async fn rpc_calls(metrics: SocketAddr, method: &str) -> f64 {
    let text = scrape(metrics).await;
    let label = format!("rpc_method=\"{method}\"");
    text.lines()
        .filter(|line| line.starts_with("rpc_server_requests_total{") && line.contains(&label))
        .filter_map(|line| line.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}
