//! Whether a search checks its pattern's required texts first. For a pattern anchored at the
//! line's start, only while the check still rejects lines: in an access log every line holds
//! `] "` and `" `, two more passes over each line for nothing, some 5 % of a summary; in a log
//! that mixes other lines (oslo's service logs) the check rejects most of them before an
//! anchored search fails deep into them, and stays. For a pattern that may start anywhere
//! (whose search, on a line without the texts, tries every start), only until its lines have
//! matched many in a row, and again from the first that does not.
//!
//! What a thread has seen of each program is kept in its [`super::Scratch`]; the answer is the
//! same either way (a line the check rejects, the search does not match), only the time differs.

use std::sync::atomic::{AtomicU64, Ordering};

/// Lines checked in a row before deciding, and how many of them the check must reject to stay.
const PROBE_LINES: u32 = 64;
const KEEP_IF_REJECTED: u32 = 2;
/// Lines searched without the check after a probe that rejected too few; then it probes again.
const SKIP_LINES: u32 = 4096;
/// Gates a thread keeps at most, by program number (a reload of the formats makes new
/// programs).
const MAX_GATES: usize = 1024;

/// A number for each compiled program, its gates' key.
pub fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[derive(Default)]
pub struct Gates(Vec<Gate>);

#[derive(Default)]
struct Gate {
    /// Lines still to search without the check.
    skip: u32,
    checked: u32,
    rejected: u32,
    /// Lines matched in a row (a pattern that may start anywhere).
    matched: u32,
}

impl Gates {
    /// Whether the search of the program `id` checks its required texts on this line (`rejected`
    /// says whether the check rejects it), and its gate's place for [`Gates::searched`].
    #[inline(always)]
    pub fn check(&mut self, id: u64, anchored: bool, rejected: impl FnOnce() -> bool) -> (bool, usize) {
        // A gate's place is the program's number (its rest past the last place: two programs
        // may then share one, which changes what the check costs, never what it answers).
        let at = (id % MAX_GATES as u64) as usize;
        if at >= self.0.len() {
            self.0.resize_with(at + 1, Gate::default);
        }
        let gate = &mut self.0[at];
        if !anchored {
            // Not checked while every line matches; the first that does not brings it back.
            return (gate.matched < PROBE_LINES && rejected(), at);
        }
        if gate.skip > 0 {
            gate.skip -= 1;
            return (false, at);
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
        (rejects, at)
    }

    /// What the search of a pattern that may start anywhere found, at the gate `at`: its check
    /// is left out while the lines match ([`PROBE_LINES`] in a row, urllib3's: two to four passes
    /// over each line for nothing) and comes back at the first line that does not, as such a
    /// search tries every start (OkHttp's headers and bodies, which the check turns away).
    #[inline(always)]
    pub fn searched(&mut self, at: usize, matched: bool) {
        if let Some(gate) = self.0.get_mut(at) {
            gate.matched = if matched { gate.matched.saturating_add(1) } else { 0 };
        }
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
            let _ = gates.check(1, true, || {
                checks += 1;
                false
            });
        }
        assert_eq!(checks, PROBE_LINES, "checked while probing, then skipped");
        let _ = gates.check(1, true, || {
            checks += 1;
            false
        });
        assert_eq!(checks, PROBE_LINES + 1, "probing again");
        // One line in ten rejected: every line is checked.
        let mut checks = 0;
        for line in 0..10 * PROBE_LINES {
            let (rejects, _) = gates.check(2, true, || {
                checks += 1;
                line % 10 == 0
            });
            assert_eq!(rejects, line % 10 == 0);
        }
        assert_eq!(checks, 10 * PROBE_LINES);
    }

    #[test]
    fn an_unanchored_check_is_left_out_while_lines_match_and_back_at_the_first_that_does_not() {
        let mut gates = Gates::default();
        let mut checks = 0;
        let mut search = |gates: &mut Gates, matches: bool| {
            let (_, gate) = gates.check(3, false, || {
                checks += 1;
                false
            });
            gates.searched(gate, matches);
        };
        for _ in 0..PROBE_LINES + 100 {
            search(&mut gates, true);
        }
        search(&mut gates, false);
        search(&mut gates, true);
        assert_eq!(checks, PROBE_LINES + 1, "checked until the lines matched in a row, then once more after a miss");
    }
}
