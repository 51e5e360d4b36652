//! Frame timing for the speed benchmark: with `ERRLENS_FRAME_STATS=FILE` the app times every
//! call of its `ui` (the work of a frame, before painting) and when the shown counts change,
//! and rewrites FILE with the distribution about once a second and when a load ends. Off by
//! default: nothing is timed.
//!
//! A frame is timed twice: by the clock (what the user waits, which grows when loading threads
//! take the cores) and by the CPU time the window's thread spent in it (the frame's own work).

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How often the report file is rewritten.
const WRITE_EVERY: Duration = Duration::from_secs(1);
/// A frame slower than this drops below 60 frames a second.
const SLOW_FRAME: Duration = Duration::from_millis(16);

/// Frame times collected since the window opened.
pub struct FrameStats {
    out: PathBuf,
    opened: Instant,
    loading_frames: Vec<Duration>,
    idle_frames: Vec<Duration>,
    loading_cpu: Vec<Duration>,
    idle_cpu: Vec<Duration>,
    /// When the shown number of calls changed while loading, since the window opened.
    updates: Vec<Duration>,
    shown_calls: usize,
    /// When the first load ended, and the calls shown then.
    loaded_at: Option<(Duration, usize)>,
    was_loading: bool,
    written: Instant,
}

impl FrameStats {
    /// Timing is on when `ERRLENS_FRAME_STATS` names a file.
    pub fn from_env() -> Option<Self> {
        std::env::var_os("ERRLENS_FRAME_STATS").map(|out| Self::writing_to(out.into()))
    }

    /// Timing that writes its report to `out`.
    fn writing_to(out: PathBuf) -> Self {
        let now = Instant::now();
        Self {
            out,
            opened: now,
            loading_frames: Vec::new(),
            idle_frames: Vec::new(),
            loading_cpu: Vec::new(),
            idle_cpu: Vec::new(),
            updates: Vec::new(),
            shown_calls: 0,
            loaded_at: None,
            was_loading: true,
            written: now,
        }
    }

    /// Notes one pass of a frame: the time its `ui` took by the clock and on the CPU (when
    /// known), whether files were loading and how many calls the views show. A frame's later
    /// passes (`pass` > 0: egui ran `ui` again before painting) add to its time.
    pub fn record(
        &mut self,
        ui_time: Duration,
        cpu_time: Option<Duration>,
        pass: usize,
        loading: bool,
        shown_calls: usize,
    ) {
        let now = self.opened.elapsed();
        let add = |times: &mut Vec<Duration>, time: Duration| match times.last_mut() {
            Some(last) if pass > 0 => *last += time,
            _ => times.push(time),
        };
        add(if loading { &mut self.loading_frames } else { &mut self.idle_frames }, ui_time);
        if let Some(cpu_time) = cpu_time {
            add(if loading { &mut self.loading_cpu } else { &mut self.idle_cpu }, cpu_time);
        }
        if shown_calls != self.shown_calls {
            self.shown_calls = shown_calls;
            if loading || self.loaded_at.is_none() {
                self.updates.push(now);
            }
        }
        let just_loaded = self.was_loading && !loading;
        // The first load is the one timed: a later view (a filter changed) ends "loading" again.
        if just_loaded && self.loaded_at.is_none() {
            self.loaded_at = Some((now, shown_calls));
        }
        self.was_loading = loading;
        // The end of a load is written at once: an idle window draws no more frames, and a
        // bench that stops it without moving the mouse would read a report from mid-load.
        if just_loaded || self.written.elapsed() >= WRITE_EVERY {
            self.written = Instant::now();
            if let Err(error) = std::fs::write(&self.out, self.report()) {
                eprintln!("errlens: cannot write frame stats to {}: {error}", self.out.display());
            }
        }
    }

    fn report(&self) -> String {
        let gaps: Vec<Duration> = self.updates.windows(2).map(|pair| pair[1] - pair[0]).collect();
        let mut lines = vec![
            distribution("ui time while loading", &self.loading_frames),
            distribution("ui time after loading", &self.idle_frames),
            distribution("ui CPU time while loading", &self.loading_cpu),
            distribution("ui CPU time after loading", &self.idle_cpu),
            distribution("time between count updates while loading", &gaps),
        ];
        lines.push(match self.updates.first() {
            Some(first) => format!("first counts shown {} ms after the window opened", first.as_millis()),
            None => "no counts shown yet".to_string(),
        });
        lines.push(match self.loaded_at {
            Some((at, calls)) => {
                format!("all loaded {} ms after the window opened; {calls} calls shown", at.as_millis())
            }
            None => format!("still loading; {} calls shown", self.shown_calls),
        });
        lines.join("\n") + "\n"
    }
}

/// CPU time the calling thread has run (`None` where the OS cannot tell).
pub fn thread_cpu_time() -> Option<Duration> {
    cpu_time::ThreadTime::try_now().ok().map(|time| time.as_duration())
}

/// `name: n, p50, p95, p99, max, how many over 16 ms`, in milliseconds.
fn distribution(name: &str, samples: &[Duration]) -> String {
    if samples.is_empty() {
        return format!("{name}: none");
    }
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let at = |quantile: f64| {
        let index = ((sorted.len() - 1) as f64 * quantile).round() as usize;
        sorted[index].as_secs_f64() * 1e3
    };
    let slow = sorted.iter().filter(|time| **time > SLOW_FRAME).count();
    format!(
        "{name}: n {}, p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms, over 16 ms {slow}",
        sorted.len(),
        at(0.5),
        at(0.95),
        at(0.99),
        at(1.0)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distribution_reads_quantiles_from_the_sorted_samples() {
        let samples: Vec<Duration> = (1..=100).rev().map(Duration::from_millis).collect();
        assert_eq!(
            distribution("x", &samples),
            "x: n 100, p50 51.00 ms, p95 95.00 ms, p99 99.00 ms, max 100.00 ms, over 16 ms 84"
        );
        assert_eq!(distribution("x", &[]), "x: none");
    }

    #[test]
    fn a_frames_second_pass_adds_to_its_time() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut stats = FrameStats::writing_to(dir.path().join("frames.txt"));
        let ms = Duration::from_millis;
        stats.record(ms(3), Some(ms(2)), 0, true, 10);
        stats.record(ms(1), Some(ms(1)), 1, true, 10);
        stats.record(ms(5), Some(ms(4)), 0, true, 20);
        assert_eq!(stats.loading_frames, vec![ms(4), ms(5)]);
        assert_eq!(stats.loading_cpu, vec![ms(3), ms(4)]);
    }

    #[test]
    fn the_first_load_is_timed_with_what_it_showed_at_its_end() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut stats = FrameStats::writing_to(dir.path().join("frames.txt"));
        let ms = Duration::from_millis;
        stats.record(ms(1), None, 0, true, 10);
        stats.record(ms(1), None, 0, false, 30);
        let loaded_at = stats.loaded_at.expect("loaded");
        // A later view (the filter changed) is busy, then shown: the load's time stays.
        stats.record(ms(1), None, 0, true, 30);
        stats.record(ms(1), None, 0, false, 5);
        assert_eq!(stats.loaded_at, Some(loaded_at));
        let report = std::fs::read_to_string(dir.path().join("frames.txt")).expect("report written");
        assert!(report.contains("; 30 calls shown"), "{report}");
    }

    #[test]
    fn a_threads_cpu_time_grows_with_its_work_not_with_sleep() {
        let Some(before) = thread_cpu_time() else { return };
        std::thread::sleep(Duration::from_millis(30));
        let slept = thread_cpu_time().expect("read before") - before;
        assert!(slept < Duration::from_millis(10), "sleeping took {slept:?} of CPU");
        // Work until the CPU clock has moved 20 ms (a busy machine may take longer by the clock).
        let (started, deadline) = (thread_cpu_time().expect("read before"), Instant::now() + Duration::from_secs(10));
        let mut spin = 0u64;
        while thread_cpu_time().expect("read before") - started < Duration::from_millis(20) {
            assert!(Instant::now() < deadline, "10 s of work did not move the CPU clock 20 ms");
            spin = std::hint::black_box(spin.wrapping_add(1));
        }
    }
}
