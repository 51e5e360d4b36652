//! Whether a search checks its pattern's required texts first: always for a pattern that may
//! start anywhere (a line without them would be tried at every start), and for one anchored at
//! the line's start only while the check still rejects lines. In an access log every line holds
//! `] "` and `" `: two more passes over each line for nothing, some 5 % of a summary. In a log
//! that mixes other lines (oslo's service logs) the check rejects most of them before an
//! anchored search fails deep into them, and stays.
//!
//! What a thread has seen of each program is kept in its [`super::Scratch`]; the answer is the
//! same either way (a line the check rejects, the search does not match), only the time differs.

use std::sync::atomic::{AtomicU64, Ordering};

/// Lines checked in a row before deciding, and how many of them the check must reject to stay.
const PROBE_LINES: u32 = 64;
const KEEP_IF_REJECTED: u32 = 2;
/// Lines searched without the check after a probe that rejected too few; then it probes again.
const SKIP_LINES: u32 = 4096;
/// Programs a thread keeps a gate for (a reload of the formats makes new ones).
const MAX_GATES: usize = 64;

/// A number for each compiled program, its gates' key.
pub fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[derive(Default)]
pub struct Gates(Vec<(u64, Gate)>);

#[derive(Default)]
struct Gate {
    /// Lines still to search without the check.
    skip: u32,
    checked: u32,
    rejected: u32,
}

impl Gates {
    /// Whether the search of the program `id` checks its required texts on this line;
    /// `rejected` says afterwards whether the check rejected it.
    pub fn check(&mut self, id: u64, rejected: impl FnOnce() -> bool) -> bool {
        let gate = match self.0.iter().position(|(known, _)| *known == id) {
            Some(at) => &mut self.0[at].1,
            None => {
                if self.0.len() >= MAX_GATES {
                    self.0.clear();
                }
                self.0.push((id, Gate::default()));
                &mut self.0.last_mut().expect("pushed").1
            }
        };
        if gate.skip > 0 {
            gate.skip -= 1;
            return false;
        }
        let rejects = rejected();
        gate.checked += 1;
        gate.rejected += u32::from(rejects);
        if gate.checked == PROBE_LINES {
            if gate.rejected < KEEP_IF_REJECTED {
                gate.skip = SKIP_LINES;
            }
            (gate.checked, gate.rejected) = (0, 0);
        }
        rejects
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_that_rejects_nothing_is_skipped_for_a_while_and_one_that_rejects_stays() {
        let mut gates = Gates::default();
        let mut checks = 0;
        for _ in 0..PROBE_LINES + SKIP_LINES {
            gates.check(1, || {
                checks += 1;
                false
            });
        }
        assert_eq!(checks, PROBE_LINES, "checked while probing, then skipped");
        gates.check(1, || {
            checks += 1;
            false
        });
        assert_eq!(checks, PROBE_LINES + 1, "probing again");
        // One line in ten rejected: every line is checked.
        let mut checks = 0;
        for line in 0..10 * PROBE_LINES {
            let rejects = gates.check(2, || {
                checks += 1;
                line % 10 == 0
            });
            assert_eq!(rejects, line % 10 == 0);
        }
        assert_eq!(checks, 10 * PROBE_LINES);
    }
}
