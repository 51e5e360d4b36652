//! What a filter change costs over 3 million calls: `view::compute`, the work the app's view
//! thread does (filter, sort, summary, span, timeline, trends), and its core parts alone.
//! `cargo bench --bench query --no-default-features` prints the median of several runs.

use errlens::ingest::{Format, ingest_bytes};
use errlens::knowledge::Knowledge;
use errlens::query::{self, Filter, StatusClass};
use errlens::store::Store;
use errlens::summary;
use errlens::view::{self, SortColumn};
use std::fmt::Write as _;
use std::path::Path;
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
    for block in 0..CALLS / BLOCK {
        let text = synthetic_block(block * BLOCK);
        let ingested =
            ingest_bytes(Path::new("synthetic.ndjson"), text.as_bytes(), Some(Format::Ndjson)).expect("valid");
        store.add(format!("synthetic-{block}.ndjson").into(), ingested, Arc::from(Vec::new()));
    }
    println!("store of {} calls built in {:.1} s", store.len(), started.elapsed().as_secs_f64());

    let filters = [
        ("no filter", Filter::default()),
        ("failures only", Filter { failures_only: true, ..Filter::default() }),
        ("status 409", Filter { status: Some(409), ..Filter::default() }),
        ("kind api_key_revoked", Filter { kind: Some("api_key_revoked".into()), ..Filter::default() }),
        ("5xx", Filter { status_class: Some(StatusClass::Server), ..Filter::default() }),
        ("text \"revoked\"", Filter { text: "revoked".into(), ..Filter::default() }),
        ("regex ^5\\d\\d$", Filter { text: "^5\\d\\d$".into(), regex: true, ..Filter::default() }),
    ];
    println!(
        "{:<24} {:>9} {:>10} {:>10} {:>11} {:>10} {:>14}",
        "filter", "rows", "apply ms", "summary ms", "timeline ms", "view ms", "view by time ms"
    );
    for (name, filter) in filters {
        let rows = query::apply(&store, &filter).expect("valid filter");
        let apply = time(5, || query::apply(&store, &filter));
        let summary = time(3, || summary::summarize(&store, Some(&rows)));
        let timeline = time(5, || query::timeline(&store, &rows, 60));
        // What a frame waits for: the whole view, in file order and sorted by time as a user may.
        let view = time(3, || view::compute(&store, &filter, None));
        let sorted = time(3, || view::compute(&store, &filter, Some((SortColumn::Time, false))));
        let ms = |duration: Duration| duration.as_secs_f64() * 1e3;
        println!(
            "{name:<24} {:>9} {:>10.1} {:>10.1} {:>11.1} {:>10.1} {:>14.1}",
            rows.len(),
            ms(apply),
            ms(summary),
            ms(timeline),
            ms(view),
            ms(sorted)
        );
    }
}
