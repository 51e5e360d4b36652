//! Whether a search checks its pattern's required texts first. For a pattern anchored at the
//! line's start, only while the check still rejects lines: in an access log every line holds
//! `] "` and `" `, two more passes over each line for nothing, some 5 % of a summary; in a log
//! that mixes other lines (oslo's service logs) the check rejects most of them before an
//! anchored search fails deep into them, and stays. For a pattern that may start anywhere
//! (whose search, on a line without the texts, tries every start), only while more than one line
//! in eight of the last 64 did not match.
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
    /// For a pattern that may start anywhere: which of the last 64 lines did not match, a bit
    /// each (the last line's lowest), how many (kept beside: `count_ones` on a line, without
    /// the popcnt instruction in the baseline target, cost urllib3 0.5 %), and how many lines it
    /// has seen (at most 64).
    missed: u64,
    misses: u32,
    seen: u32,
}

/// Of the last [`PROBE_LINES`] lines, how many may miss a pattern that may start anywhere for
/// its check to be left out.
const MAX_MISSES: u32 = PROBE_LINES / 8;

impl Gate {
    /// Counts a line that a pattern that may start anywhere matched or `missed`.
    fn saw(&mut self, missed: bool) {
        let oldest = (self.missed >> 63) as u32;
        self.missed = self.missed << 1 | u64::from(missed);
        self.misses = self.misses + u32::from(missed) - oldest;
        self.seen = (self.seen + 1).min(PROBE_LINES);
    }
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
            // Not checked while nearly every line matches.
            if gate.seen == PROBE_LINES && gate.misses <= MAX_MISSES {
                return (false, at);
            }
            let rejects = rejected();
            if rejects {
                // Not searched: counted here.
                gate.saw(true);
            }
            return (rejects, at);
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

    /// What the search of a pattern that may start anywhere found, at the gate `at`. Its check
    /// is left out while at most one line in eight of the last [`PROBE_LINES`] did not match:
    /// then the check's two to four passes over every line cost more than the searches it spares
    /// (urllib3's log, a tenth of whose lines say a connection was opened: the check took 7 % of
    /// its summary's instructions). It comes back when more lines do not match, as such a search
    /// tries every start (OkHttp's headers and bodies, which the check turns away).
    #[inline(always)]
    pub fn searched(&mut self, at: usize, matched: bool) {
        if let Some(gate) = self.0.get_mut(at) {
            gate.saw(!matched);
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
    fn an_unanchored_check_is_left_out_while_nearly_every_line_matches() {
        let mut gates = Gates::default();
        let checks = std::cell::Cell::new(0);
        // A line the check rejects is not searched; one it lets through is.
        let line = |gates: &mut Gates, matches: bool| {
            let (rejected, gate) = gates.check(3, false, || {
                checks.set(checks.get() + 1);
                !matches
            });
            if !rejected {
                gates.searched(gate, matches);
            }
        };
        for _ in 0..PROBE_LINES + 100 {
            line(&mut gates, true);
        }
        assert_eq!(checks.get(), PROBE_LINES, "checked until the lines had matched");
        for _ in 0..MAX_MISSES {
            line(&mut gates, false);
        }
        line(&mut gates, true);
        assert_eq!(checks.get(), PROBE_LINES, "a line in eight may miss");
        line(&mut gates, false);
        line(&mut gates, true);
        assert_eq!(checks.get(), PROBE_LINES + 1, "checked once more lines miss");
        // Every line is checked until the misses leave the last 64 lines.
        for _ in 0..PROBE_LINES - MAX_MISSES - 3 {
            line(&mut gates, true);
        }
        let before = checks.get();
        line(&mut gates, true);
        line(&mut gates, true);
        assert_eq!(checks.get(), before + 1, "left out again once the misses are old");
    }

    #[test]
    fn one_line_in_ten_missing_leaves_the_check_out_and_one_in_four_keeps_it() {
        for (every, checked_after_probe) in [(10, false), (4, true)] {
            let mut gates = Gates::default();
            let mut checks = 0;
            for n in 0..20 * PROBE_LINES {
                let matches = n % every != 0;
                let (rejected, gate) = gates.check(4, false, || {
                    checks += 1;
                    !matches
                });
                assert!(!rejected || !matches, "the check rejects only lines that do not match");
                if !rejected {
                    gates.searched(gate, matches);
                }
            }
            assert_eq!(checks > 2 * PROBE_LINES, checked_after_probe, "one line in {every} missing");
        }
    }
}
