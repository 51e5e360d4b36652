//! What a filter change costs over 3 million calls: `view::compute`, the work the app's view
//! thread does (filter, sort, summary, span, timeline, trends), and its core parts alone.
//! `cargo bench --bench query --no-default-features` prints the median of several runs.
//!
//! Then the audit (issue 17) beside the summary of a real log, in the same run:
//! `$ERRLENS_BENCH_FILE`, or the bench data's 1 GiB NDJSON log (`scripts/bench/gen_data.py`).

use errlens::audit;
use errlens::ingest::{Format, ingest_bytes};
use errlens::knowledge::Knowledge;
use errlens::query::{self, Filter, StatusClass};
use errlens::store::Store;
use errlens::summary;
use errlens::view::{self, SortColumn};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CALLS: usize = 3_000_000;
const BLOCK: usize = 100_000;

fn synthetic_block(start: usize) -> String {
    const ERRORS: &[(u16, &str, &str)] = &[
        (409, "Conflict", "Customer with email a{n}@example.de already exists"),
        (401, "Unauthorized", "API key has been revoked"),
        (429, "Too Many Requests", "Too many requests, please slow down"),
        (404, "Not Found", "Customer not found"),
        (400, "Bad Request", "body must have required property 'email'"),
        (503, "Service Unavailable", "Service temporarily unavailable"),
    ];
    let mut text = String::with_capacity(BLOCK * 160);
    for n in start..start + BLOCK {
        let time = 1_795_168_800_000u64 + n as u64 * 29;
        if n % 3 == 0 {
            let _ = writeln!(text, r#"{{"ts":{time},"method":"GET","path":"/api/customers/{n}","status":200}}"#);
        } else {
            let (status, error, message) = ERRORS[n % ERRORS.len()];
            let message = message.replace("{n}", &n.to_string());
            let _ = writeln!(
                text,
                r#"{{"ts":{time},"method":"POST","path":"/api/customers","status":{status},"response":{{"body":{{"error":"{error}","message":"{message}"}}}}}}"#
            );
        }
    }
    text
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(runs: usize, mut work: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(work());
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let started = Instant::now();
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    let filters = [
        ("no filter", Filter::default()),
        ("failures only", Filter { failures_only: true, ..Filter::default() }),
        ("status 409", Filter { status: Some(409), ..Filter::default() }),
        ("kind api_key_revoked", Filter { kind: Some("api_key_revoked".into()), ..Filter::default() }),
        ("5xx", Filter { status_class: Some(StatusClass::Server), ..Filter::default() }),
        ("text \"revoked\"", Filter { text: "revoked".into(), ..Filter::default() }),
        ("regex ^5\\d\\d$", Filter { text: "^5\\d\\d$".into(), regex: true, ..Filter::default() }),
    ];
    let mut earlier = Vec::new();
    for block in 0..CALLS / BLOCK {
        if block == CALLS / BLOCK - 1 {
            // What each filter's view counted before the last block: a view while a file loads goes
            // on from these when the block arrives.
            earlier = filters.iter().map(|(_, filter)| view::compute(&store, filter, None).counted).collect();
        }
        let text = synthetic_block(block * BLOCK);
        let ingested =
            ingest_bytes(Path::new("synthetic.ndjson"), text.as_bytes(), Some(Format::Ndjson)).expect("valid");
        store.add(format!("synthetic-{block}.ndjson").into(), ingested, Arc::from(Vec::new()));
    }
    println!("store of {} calls built in {:.1} s", store.len(), started.elapsed().as_secs_f64());

    println!(
        "{:<24} {:>9} {:>10} {:>10} {:>11} {:>10} {:>14} {:>12}",
        "filter", "rows", "apply ms", "summary ms", "timeline ms", "view ms", "view by time ms", "going on ms"
    );
    for ((name, filter), earlier) in filters.iter().zip(earlier) {
        let rows = query::apply(&store, filter).expect("valid filter");
        let apply = time(5, || query::apply(&store, filter));
        let summary = time(3, || summary::summarize(&store, Some(&rows)));
        let timeline = time(5, || query::timeline(&store, &rows, 60));
        // What a frame waits for: the whole view, in file order and sorted by time as a user may.
        let view = time(3, || view::compute(&store, filter, None));
        let sorted = time(3, || view::compute(&store, filter, Some((SortColumn::Time, false))));
        // The view once the last block arrived, counting only its rows (as while loading).
        let going_on = time(3, || view::compute_after(&store, filter, None, earlier.clone()));
        let ms = |duration: Duration| duration.as_secs_f64() * 1e3;
        println!(
            "{name:<24} {:>9} {:>10.1} {:>10.1} {:>11.1} {:>10.1} {:>14.1} {:>12.1}",
            rows.len(),
            ms(apply),
            ms(summary),
            ms(timeline),
            ms(view),
            ms(sorted),
            ms(going_on)
        );
    }
    let audit = time(3, || audit::audit(&store));
    println!("audit of the {} calls: {:.1} ms", store.len(), audit.as_secs_f64() * 1e3);
    audit_beside_summary();
}

/// The audit of a real log against the summary of it, as `errlens audit` and `errlens summary`
/// run them: the summary's time is reading the file into a store and counting its groups; the
/// audit's is its own pass over that store (it reads the file the same way first).
fn audit_beside_summary() {
    let default = std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache/errlens-bench-data/mvo-1g.ndjson"));
    let Some(path) = std::env::var_os("ERRLENS_BENCH_FILE").map(PathBuf::from).or(default) else { return };
    if !path.exists() {
        println!("SKIPPED audit beside summary: no {} (scripts/bench/gen_data.py writes it)", path.display());
        return;
    }
    let bytes = std::fs::metadata(&path).map_or(0, |metadata| metadata.len());
    let started = Instant::now();
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    store.load(path.clone(), None);
    let load = started.elapsed();
    let summarize = time(3, || summary::summarize(&store, None));
    let audited = audit::audit(&store);
    let cpu_before = thread_cpu_ms();
    let audit = time(3, || audit::audit(&store));
    // On a machine others load, the CPU time the audit's thread got says more than the clock.
    let audit_cpu = cpu_before.zip(thread_cpu_ms()).map(|(before, after)| (after - before) / 3.0);
    let ms = |duration: Duration| duration.as_secs_f64() * 1e3;
    let summary_ms = ms(load) + ms(summarize);
    println!(
        "\n{} ({:.0} MiB, {} calls): {} retry chains, {} findings",
        path.display(),
        bytes as f64 / (1 << 20) as f64,
        store.len(),
        audited.chains.len(),
        audited.findings.len()
    );
    println!(
        "summary {summary_ms:.0} ms (read {:.0} ms + groups {:.1} ms); audit {:.1} ms = {:.3} of the summary (goal < 0.25)",
        ms(load),
        ms(summarize),
        ms(audit),
        ms(audit) / summary_ms
    );
    if let Some(cpu) = audit_cpu {
        println!("audit's thread CPU time: {cpu:.0} ms a run");
    }
}

/// This thread's CPU time so far (Linux: `/proc/thread-self/stat`, in ticks of 10 ms).
fn thread_cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |at: usize| fields.get(at).and_then(|field| field.parse::<f64>().ok());
    Some((ticks(11)? + ticks(12)?) * 10.0)
}
