//! The suite's benchmarks. [`run`] is a closed-loop load generator: `concurrency` workers call
//! an operation back to back for a fixed time after a warm-up, and the run reports
//! throughput, p50/p99/max latency and errors. [`Report::from_samples`] reports latencies
//! measured one by one (event delivery). Each service adds its scenarios as a module here
//! (see `scenarios`), run by `make bench`.

pub mod scenarios;

use std::future::Future;
use std::time::{Duration, Instant};

/// What one run measured.
#[derive(Debug, Clone)]
pub struct Report {
    /// Scenario label.
    pub name: String,
    /// Workers calling at once.
    pub concurrency: usize,
    /// Successful calls.
    pub ok: u64,
    /// Failed calls.
    pub errors: u64,
    /// Measured time.
    pub elapsed: Duration,
    /// Latency percentiles of successful calls.
    pub p50: Duration,
    /// 99th percentile.
    pub p99: Duration,
    /// Slowest call.
    pub max: Duration,
}

impl Report {
    /// Successful calls per second.
    pub fn throughput(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64()
    }

    /// One Markdown table row: name, concurrency, throughput, p50, p99, max, errors.
    pub fn markdown_row(&self) -> String {
        format!(
            "| {} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {} |",
            self.name,
            self.concurrency,
            self.throughput(),
            ms(self.p50),
            ms(self.p99),
            ms(self.max),
            self.errors
        )
    }
}

impl Report {
    /// A report of latencies measured one at a time over `elapsed` (no warm-up: callers
    /// discard what they do not want measured).
    pub fn from_samples(name: &str, mut samples: Vec<Duration>, elapsed: Duration) -> Self {
        samples.sort_unstable();
        Self {
            name: name.to_owned(),
            concurrency: 1,
            ok: samples.len() as u64,
            errors: 0,
            elapsed,
            p50: percentile(&samples, 0.50),
            p99: percentile(&samples, 0.99),
            max: samples.last().copied().unwrap_or_default(),
        }
    }
}

/// The `q` quantile of sorted `samples`.
fn percentile(samples: &[Duration], q: f64) -> Duration {
    samples
        .get(((samples.len() as f64 * q) as usize).min(samples.len().saturating_sub(1)))
        .copied()
        .unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The header matching [`Report::markdown_row`].
pub const MARKDOWN_HEADER: &str = "| scenario | concurrency | calls/s | p50 ms | p99 ms | max ms | errors |\n|---|---|---|---|---|---|---|";

/// Runs `operation` from `concurrency` workers: `warmup` unmeasured, then `duration` measured.
/// `operation` gets the worker index and returns whether the call succeeded.
pub async fn run<F, Fut>(
    name: &str,
    concurrency: usize,
    warmup: Duration,
    duration: Duration,
    operation: F,
) -> Report
where
    F: Fn(usize) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = bool> + Send,
{
    let (latencies, errors, elapsed) = measure(concurrency, warmup, duration, operation).await;
    report(name, concurrency, latencies, errors, elapsed)
}

/// Runs two operations in alternation, `rounds` windows of `duration / rounds` each (the
/// warm-up before the first window of each), so that drift in what else the machine is doing
/// falls on both alike and their ratio is not a comparison of two different minutes.
pub async fn run_paired<A, FutA, B, FutB>(
    names: (&str, &str),
    concurrency: usize,
    warmup: Duration,
    duration: Duration,
    rounds: u32,
    (a, b): (A, B),
) -> (Report, Report)
where
    A: Fn(usize) -> FutA + Clone + Send + 'static,
    FutA: Future<Output = bool> + Send,
    B: Fn(usize) -> FutB + Clone + Send + 'static,
    FutB: Future<Output = bool> + Send,
{
    let window = duration / rounds.max(1);
    let (mut samples_a, mut samples_b) = (Vec::new(), Vec::new());
    let (mut errors_a, mut errors_b) = (0, 0);
    let (mut elapsed_a, mut elapsed_b) = (Duration::ZERO, Duration::ZERO);
    for round in 0..rounds.max(1) {
        let warm = if round == 0 { warmup } else { Duration::ZERO };
        let (mut own, errors, elapsed) = measure(concurrency, warm, window, a.clone()).await;
        samples_a.append(&mut own);
        (errors_a, elapsed_a) = (errors_a + errors, elapsed_a + elapsed);
        let (mut own, errors, elapsed) = measure(concurrency, warm, window, b.clone()).await;
        samples_b.append(&mut own);
        (errors_b, elapsed_b) = (errors_b + errors, elapsed_b + elapsed);
    }
    (
        report(names.0, concurrency, samples_a, errors_a, elapsed_a),
        report(names.1, concurrency, samples_b, errors_b, elapsed_b),
    )
}

fn report(
    name: &str,
    concurrency: usize,
    latencies: Vec<Duration>,
    errors: u64,
    elapsed: Duration,
) -> Report {
    let mut report = Report::from_samples(name, latencies, elapsed);
    report.concurrency = concurrency;
    report.errors = errors;
    report
}

/// The latencies of the successful calls begun after `warmup` and within `duration`, the
/// count of failed ones, and the time they took: from the window's start until the last of
/// them ended (calls begun near its end finish after it). A worker that panics fails the run:
/// its calls would be missing from the figures.
async fn measure<F, Fut>(
    concurrency: usize,
    warmup: Duration,
    duration: Duration,
    operation: F,
) -> (Vec<Duration>, u64, Duration)
where
    F: Fn(usize) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = bool> + Send,
{
    let start = Instant::now() + warmup;
    let end = start + duration;
    let workers: Vec<_> = (0..concurrency)
        .map(|worker| {
            let operation = operation.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(4096);
                let mut errors = 0u64;
                loop {
                    let began = Instant::now();
                    if began >= end {
                        break;
                    }
                    let ok = operation(worker).await;
                    if began >= start {
                        if ok {
                            latencies.push(began.elapsed());
                        } else {
                            errors += 1;
                        }
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = 0;
    for worker in workers {
        match worker.await {
            Ok((mut own, own_errors)) => {
                latencies.append(&mut own);
                errors += own_errors;
            }
            Err(failed) => panic!("a load worker failed, the run is void: {failed}"),
        }
    }
    (latencies, errors, start.elapsed())
}

/// Peak resident memory of this process (VmHWM), in MiB, where /proc tells it.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn counts_successes_and_failures_separately() {
        let report = run(
            "t",
            2,
            Duration::ZERO,
            Duration::from_millis(200),
            |worker| async move {
                tokio::time::sleep(Duration::from_millis(5)).await;
                worker == 0
            },
        )
        .await;
        assert!(report.ok > 0 && report.errors > 0, "{report:?}");
        assert!(
            report.p50 >= Duration::from_millis(5)
                && report.p99 >= report.p50
                && report.max >= report.p99
        );
        assert!(report.markdown_row().starts_with("| t | 2 |"));
    }

    #[tokio::test]
    async fn throughput_is_over_the_time_the_calls_took() {
        // One worker, calls of 150 ms in a 100 ms window: the one call begun in the window
        // ends well after it, so its time is what counts, not the window asked for.
        let report = run(
            "slow",
            1,
            Duration::ZERO,
            Duration::from_millis(100),
            |_| async {
                tokio::time::sleep(Duration::from_millis(150)).await;
                true
            },
        )
        .await;
        assert_eq!(report.ok, 1, "{report:?}");
        assert!(report.elapsed >= Duration::from_millis(150), "{report:?}");
        assert!(report.throughput() < 7.0, "{}", report.throughput());
    }

    #[tokio::test]
    #[should_panic(expected = "a load worker failed")]
    async fn a_worker_that_panics_voids_the_run() {
        run(
            "panics",
            2,
            Duration::ZERO,
            Duration::from_millis(50),
            |worker| async move {
                tokio::time::sleep(Duration::from_millis(1)).await;
                assert!(worker != 1, "worker 1 breaks");
                true
            },
        )
        .await;
    }
}
