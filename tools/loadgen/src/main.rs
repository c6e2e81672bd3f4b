//! `tessera-loadgen`: every service's benchmark scenarios (see `scenarios`), each run on a
//! fresh database with the services in-process (DATABASE_URL must allow creating databases,
//! as for tests). Prints a Markdown table, the ratios to the baseline, and peak memory.
#![allow(clippy::print_stdout)]

use std::time::Duration;

use clap::Parser;
use tessera_kit::config::parse_duration;
use tessera_loadgen::scenarios::{ALL, Settings};
use tessera_loadgen::{MARKDOWN_HEADER, Report, peak_rss_mib};

#[derive(Debug, Parser)]
struct Args {
    /// Workers calling at once.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Measured time per scenario.
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    duration: Duration,
    /// Unmeasured warm-up per scenario.
    #[arg(long, default_value = "2s", value_parser = parse_duration)]
    warmup: Duration,
    /// Run only these services' scenario sets (comma-separated: identity, messaging,
    /// project-intelligence, atlas).
    #[arg(long, value_delimiter = ',')]
    service: Vec<String>,
    /// Run only these scenarios (comma-separated; identity: echo, warm, cold, sign-in, events;
    /// messaging: send-1, send-3, hot, group, deliver, deliver-5k; project-intelligence: drift-merge, drift-server,
    /// drift-grpc, drift-grpc-3way; atlas: knn-exact, knn-prefilter, search-grpc).
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// `off`: the database acknowledges commits before they are flushed (messaging's
    /// scenarios run on a database set so), `on` (the default): as configured.
    #[arg(long, default_value = "on", value_parser = ["on", "off"])]
    synchronous_commit: String,
    /// messaging's most sends per transaction (TESSERA_CHAT_SEND_BATCH; 1: each alone, as
    /// before group commit).
    #[arg(long)]
    send_batch: Option<u16>,
    /// messaging's send batches written at once (TESSERA_CHAT_SEND_WRITERS).
    #[arg(long)]
    send_writers: Option<u16>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let settings = Settings {
        concurrency: args.concurrency,
        warmup: args.warmup,
        duration: args.duration,
        only: args.only,
        synchronous_commit_off: args.synchronous_commit == "off",
        send_batch: args.send_batch,
        send_writers: args.send_writers,
    };
    let mut reports: Vec<Report> = Vec::new();
    for (service, scenarios) in ALL {
        if args.service.is_empty() || args.service.iter().any(|s| s == service) {
            reports.extend(scenarios(&settings).await?);
        }
    }

    println!("{MARKDOWN_HEADER}");
    for report in &reports {
        println!("{}", report.markdown_row());
    }
    let throughput = |name: &str| {
        reports
            .iter()
            .find(|r| r.name.starts_with(name))
            .map(Report::throughput)
    };
    let ratios = [
        (
            "warm introspection / echo throughput",
            "introspection, warm",
            "echo (baseline)",
        ),
        (
            "cold introspection / echo throughput",
            "introspection, cold",
            "echo (baseline)",
        ),
        (
            "password sign-in / echo throughput (same concurrency)",
            "password sign-in",
            "echo (baseline, sign-in",
        ),
    ];
    println!();
    for (label, numerator, denominator) in ratios {
        if let (Some(n), Some(d)) = (throughput(numerator), throughput(denominator)) {
            println!("{label}: {:.4}", n / d);
        }
    }
    if let Some(rss) = peak_rss_mib() {
        println!("peak resident memory of the whole process (servers + load): {rss:.0} MiB");
    }
    Ok(())
}
