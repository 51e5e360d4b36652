//! Retry chains from the store's columns: the calls with a request key and a time, sorted by
//! file, key and time once, then cut into runs of the same request where each attempt follows
//! the one before within the chain gap; a run starts at a failure and ends at the first success.
//! A chain stays in one file: two files may be two clients (an app's log and a browser's HAR)
//! that send the same request without either repeating it.

use super::{Attempt, Chain};
use crate::knowledge::Practices;
use crate::record::is_failure_status;
use crate::store::{NO_TIME, NONE, Store};

/// What the sort needs of a row: its file, request key, time, row and status.
type Keyed = (u32, u64, i64, u32, u16);

/// Every retry chain of `store`, in the order of their first attempt.
pub fn find(store: &Store, practices: &Practices) -> Vec<Chain> {
    let mut keyed: Vec<Keyed> = Vec::new();
    let columns =
        store.request.chunks().zip(store.time_ms.chunks()).zip(store.status.chunks()).zip(store.file.chunks());
    for (chunk, (((requests, times), statuses), files)) in columns.enumerate() {
        let first_row = chunk * crate::store::CHUNK_ROWS;
        let rows = requests.iter().zip(times).zip(statuses).zip(files).enumerate();
        for (at, (((&request, &time_ms), &status), &file)) in rows {
            if request != 0 && time_ms != NO_TIME {
                keyed.push((file, request, time_ms, (first_row + at) as u32, status));
            }
        }
    }
    keyed.sort_unstable();
    let mut chains = Vec::new();
    for same_request in keyed.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        cut(store, practices.chain_gap_ms, same_request, &mut chains);
    }
    chains.sort_by_key(|chain: &Chain| chain.attempts.first().map(|attempt| (attempt.time_ms, attempt.row)));
    chains
}

/// Cuts the calls of one request, in time order, into chains.
fn cut(store: &Store, gap_ms: i64, calls: &[Keyed], chains: &mut Vec<Chain>) {
    let mut at = 0;
    while at < calls.len() {
        if !is_failure_status(calls[at].4) {
            at += 1;
            continue;
        }
        let mut attempts = vec![attempt(store, calls[at])];
        let mut next = at + 1;
        while let Some(&call) = calls.get(next) {
            let last = attempts[attempts.len() - 1];
            if call.2.saturating_sub(last.time_ms) > gap_ms || !is_failure_status(last.status) {
                break;
            }
            next += 1;
            attempts.push(attempt(store, call));
        }
        if attempts.len() >= 2 {
            chains.push(Chain { attempts });
        }
        at = next;
    }
}

fn attempt(store: &Store, (_, _, time_ms, row, status): Keyed) -> Attempt {
    let retry_after_ms = store.retry_after_ms.get(row as usize).filter(|&ms| ms != NONE);
    Attempt { row, time_ms, status, retry_after_ms }
}
