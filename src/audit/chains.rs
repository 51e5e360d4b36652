//! Retry chains from the store's columns: the calls with a request key and a time, sorted by
//! file, key and time once, then cut into runs of the same request where each attempt follows
//! the one before within the chain gap; a run starts at a failure and ends at the first success.
//! A chain stays in one file: two files may be two clients (an app's log and a browser's HAR)
//! that send the same request without either repeating it.

use super::{Attempt, Chain};
use crate::knowledge::Practices;
use crate::record::is_failure_status;
use crate::store::{NO_TIME, NONE, Store};

/// What the sort needs of a row: its request key mixed with its file (so that one file's calls
/// sort together), time, row and status: 24 bytes, sorted as one list.
type Keyed = (u64, i64, u32, u16);

/// Every retry chain of `store`, in the order of their first attempt.
pub fn find(store: &Store, practices: &Practices) -> Vec<Chain> {
    let mut keyed: Vec<Keyed> = Vec::with_capacity(store.len());
    let columns =
        store.request.chunks().zip(store.time_ms.chunks()).zip(store.status.chunks()).zip(store.file.chunks());
    for (chunk, (((requests, times), statuses), files)) in columns.enumerate() {
        let first_row = chunk * crate::store::CHUNK_ROWS;
        let rows = requests.iter().zip(times).zip(statuses).zip(files).enumerate();
        for (at, (((&request, &time_ms), &status), &file)) in rows {
            if request != 0 && time_ms != NO_TIME {
                let key = request ^ u64::from(file).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                keyed.push((key, time_ms, (first_row + at) as u32, status));
            }
        }
    }
    let keyed = sorted(keyed);
    let mut chains = Vec::new();
    for same_request in keyed.chunk_by(|a, b| a.0 == b.0) {
        cut(store, practices.chain_gap_ms, same_request, &mut chains);
    }
    chains.sort_by_key(|chain: &Chain| chain.attempts.first().map(|attempt| (attempt.time_ms, attempt.row)));
    chains
}

/// The calls sorted by key, time and row: first into buckets by the key's top bits (request keys
/// are hashes, so buckets hold a handful each), then each bucket on its own. A million calls take
/// a third of the time one sort of them takes.
fn sorted(keyed: Vec<Keyed>) -> Vec<Keyed> {
    const BITS: u32 = 16;
    let bucket = |call: &Keyed| (call.0 >> (64 - BITS)) as usize;
    let mut starts = vec![0usize; (1 << BITS) + 1];
    for call in &keyed {
        starts[bucket(call) + 1] += 1;
    }
    for at in 1..starts.len() {
        starts[at] += starts[at - 1];
    }
    let mut sorted = vec![(0, 0, 0, 0); keyed.len()];
    let mut next = starts.clone();
    for call in keyed {
        let slot = &mut next[bucket(&call)];
        sorted[*slot] = call;
        *slot += 1;
    }
    for pair in starts.windows(2) {
        sorted[pair[0]..pair[1]].sort_unstable();
    }
    sorted
}

/// Cuts the calls of one request, in time order, into chains.
fn cut(store: &Store, gap_ms: i64, calls: &[Keyed], chains: &mut Vec<Chain>) {
    let mut at = 0;
    while at < calls.len() {
        if !is_failure_status(calls[at].3) {
            at += 1;
            continue;
        }
        // The chain's end first: most failures are never repeated, and need no list.
        let mut end = at + 1;
        while let Some(call) = calls.get(end) {
            let last = calls[end - 1];
            if call.1.saturating_sub(last.1) > gap_ms || !is_failure_status(last.3) {
                break;
            }
            end += 1;
        }
        if end - at >= 2 {
            chains.push(Chain { attempts: calls[at..end].iter().map(|&call| attempt(store, call)).collect() });
        }
        at = end;
    }
}

fn attempt(store: &Store, (_, time_ms, row, status): Keyed) -> Attempt {
    let retry_after_ms = store.retry_after_ms.get(row as usize).filter(|&ms| ms != NONE);
    Attempt { row, time_ms, status, retry_after_ms }
}
