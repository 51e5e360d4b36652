//! The view state: what the window shows for the current filter (rows in table order, summary,
//! span, timeline, trends), and the job that computes the next one with
//! [`crate::view::compute_after`] on a named thread over a snapshot (a shared reference) of the
//! store, so a filter change over millions of calls never blocks a frame. While the job holds
//! the snapshot, blocks that arrive from the loader wait for it (`Session::pump`) rather than
//! copy the store. While a file loads, each view counts only the rows added since the last one.

use super::ONE_FRAME_SOON;
use crate::query::Filter;
use crate::store::Store;
use crate::view::{Counted, SortColumn, View, compute_after};
use eframe::egui;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

/// How often counts and charts are recomputed while a file is still loading: under the 100 ms
/// the counts should take at most to change, as each view takes a little longer than the last
/// (more rows) and frames come a few milliseconds late.
const REFRESH_WHILE_LOADING: Duration = Duration::from_millis(90);

/// What the window shows, and the job computing what it will show next. What it shows is the
/// core's [`View`], read through this state (`view_state.rows`, `.summary`, ...).
pub struct ViewState {
    /// The view shown: rows in table order, their summary, span, timeline, trends, kinds.
    shown: View,
    /// Table sort: column and ascending.
    pub sort: Option<(SortColumn, bool)>,
    /// Why the filter is invalid.
    pub filter_error: Option<String>,
    /// Whether the data or the filter changed since the last view began.
    pub stale: bool,
    /// When the last view began its work (while loading, a view may wait to begin).
    last_refresh: Option<Instant>,
    job: Option<Job>,
}

impl Default for ViewState {
    /// Nothing shown yet; the first view is due.
    fn default() -> Self {
        Self { shown: View::default(), sort: None, filter_error: None, stale: true, last_refresh: None, job: None }
    }
}

impl ViewState {
    /// Whether a view is due or being computed.
    pub fn is_busy(&self) -> bool {
        self.job.is_some() || self.stale
    }

    /// Starts the next view when the data or the filter changed (while `loading`, at most one
    /// every [`REFRESH_WHILE_LOADING`]); a thread that cannot start is said in `messages`.
    pub fn refresh(
        &mut self,
        ctx: &egui::Context,
        store: &Arc<Store>,
        filter: &Filter,
        loading: bool,
        messages: &mut Vec<String>,
    ) {
        let now = Instant::now();
        let mut not_before = None;
        if loading {
            // While files load the window draws at the views' pace (the loader asks for no frames
            // between blocks): the frame that shows a view starts the next, which waits until
            // REFRESH_WHILE_LOADING after the last began, so one frame a refresh is drawn.
            if self.job.is_some() {
                // Its end asks for a frame. Blocks wait for it; a newer one would make them wait longer.
                return;
            }
            if !self.stale {
                ctx.request_repaint_after(REFRESH_WHILE_LOADING);
                return;
            }
            not_before = self.last_refresh.map(|last| last + REFRESH_WHILE_LOADING).filter(|due| *due > now);
        } else if !self.stale {
            return;
        }
        self.last_refresh = Some(not_before.unwrap_or(now));
        self.stale = false;
        let repaint = ctx.clone();
        // The counts of the view shown go on with the rows added since (a file loading), when
        // the filter is the same; `compute_after` tells.
        let earlier = self.shown.counted.take();
        let job = Job::start(Arc::clone(store), filter.clone(), self.sort, earlier, not_before, move || {
            repaint.request_repaint_after(ONE_FRAME_SOON);
        });
        match job {
            // A newer job replaces an older one; the older result is dropped unseen.
            Ok(job) => self.job = Some(job),
            Err(error) => messages.push(format!("cannot start a worker thread: {error}")),
        }
    }

    /// Sorts the table by `column`, or the other way when it is sorted by it already.
    pub fn sort_by(&mut self, store: &Store, column: SortColumn) {
        self.sort = match self.sort {
            Some((sorted, ascending)) if sorted == column => Some((column, !ascending)),
            _ => Some((column, true)),
        };
        crate::view::sort_rows(store, &mut self.shown.rows, self.sort);
    }

    /// Lets a view that still waits for its turn (while loading, one every
    /// [`REFRESH_WHILE_LOADING`]) go without computing: the files finished loading meanwhile, and
    /// their last blocks wait for its snapshot of the store. The next view, of every call, then
    /// begins at once instead of after it.
    pub fn hurry(&self) {
        if let Some(job) = &self.job {
            let _ = job.hurry.send(());
        }
    }

    /// Shows the job's view once it is ready.
    pub fn poll(&mut self) {
        match self.job.as_ref().and_then(Job::try_take) {
            Some(Outcome::View(view)) => {
                self.job = None;
                self.show(*view);
            }
            Some(Outcome::LetGo(counted)) => {
                self.job = None;
                self.shown.counted = counted.map(|counted| *counted);
                self.stale = true;
            }
            None => {}
        }
    }

    fn show(&mut self, mut view: View) {
        self.filter_error = view.error.take();
        if self.filter_error.is_some() && view.summary.is_none() {
            return;
        }
        self.shown = view;
    }
}

impl std::ops::Deref for ViewState {
    type Target = View;

    /// The view shown; changed only by the state (a new view, a sort).
    fn deref(&self) -> &View {
        &self.shown
    }
}

/// A view being computed on its own thread.
struct Job {
    result: Receiver<Outcome>,
    /// Wakes the job while it waits for its turn ([`ViewState::hurry`]).
    hurry: Sender<()>,
}

/// What a view job hands back.
enum Outcome {
    View(Box<View>),
    /// It let go of its snapshot without computing ([`ViewState::hurry`]); the counts it was
    /// to go on from.
    LetGo(Option<Box<Counted>>),
}

impl Job {
    /// Starts computing, not before `not_before` when given; `done` is called (to repaint) when
    /// the view is ready.
    fn start(
        store: Arc<Store>,
        filter: Filter,
        sort: Option<(SortColumn, bool)>,
        earlier: Option<Counted>,
        not_before: Option<Instant>,
        done: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        let (sender, result) = channel();
        let (hurry, hurried) = channel();
        std::thread::Builder::new().name("errlens-view".into()).spawn(move || {
            if let Some(wait) = not_before.and_then(|due| due.checked_duration_since(Instant::now())) {
                match hurried.recv_timeout(wait) {
                    Err(RecvTimeoutError::Timeout) => {}
                    Ok(()) => {
                        drop(store);
                        let _ = sender.send(Outcome::LetGo(earlier.map(Box::new)));
                        done();
                        return;
                    }
                    // A newer job replaced this one: nobody waits for its view.
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            let view = compute_after(&store, &filter, sort, earlier);
            // Let go of the snapshot before saying so: the window adds loaded blocks to the
            // store once it is the only holder.
            drop(store);
            let _ = sender.send(Outcome::View(Box::new(view)));
            done();
        })?;
        Ok(Self { result, hurry })
    }

    /// What the job handed back, once it did.
    fn try_take(&self) -> Option<Outcome> {
        self.result.try_recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;
    use std::time::Duration;

    fn store_of_the_samples() -> Arc<Store> {
        let mut store = Store::new(Arc::new(Knowledge::bundled()));
        store.load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-logs/app.ndjson"), None);
        Arc::new(store)
    }

    /// Polls until the job ended.
    fn finish(state: &mut ViewState) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while state.job.is_some() {
            assert!(Instant::now() < deadline, "the view job ended");
            state.poll();
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// A view that waits for its turn while files load lets go of its snapshot without computing
    /// when hurried (the load ended), keeps the counts it was to go on from, and the next view
    /// is due at once; one not hurried computes after its wait.
    #[test]
    fn a_view_waiting_for_its_turn_lets_go_when_hurried() {
        let (ctx, store, filter) = (egui::Context::default(), store_of_the_samples(), Filter::default());
        let mut state = ViewState::default();
        let mut messages = Vec::new();
        state.refresh(&ctx, &store, &filter, true, &mut messages);
        finish(&mut state);
        let calls = state.rows.len();
        assert!(calls > 0 && !state.stale && state.counted.is_some());

        // The next view while loading waits for its turn: here far off.
        state.stale = true;
        state.last_refresh = Some(Instant::now() + Duration::from_secs(3600));
        state.refresh(&ctx, &store, &filter, true, &mut messages);
        assert!(state.job.is_some() && state.counted.is_none(), "the job took the counts");
        state.hurry();
        finish(&mut state);
        assert!(state.stale, "the view is due again");
        assert!(state.counted.is_some(), "the counts came back");
        assert_eq!(Arc::strong_count(&store), 1, "the snapshot was let go");
        assert_eq!(state.rows.len(), calls);

        // Not hurried, a view waits its turn (here 50 ms) and computes.
        state.last_refresh = Some(Instant::now() - REFRESH_WHILE_LOADING + Duration::from_millis(50));
        let started = Instant::now();
        state.refresh(&ctx, &store, &filter, true, &mut messages);
        finish(&mut state);
        assert!(started.elapsed() >= Duration::from_millis(50));
        assert!(!state.stale && state.counted.is_some() && state.rows.len() == calls);
        assert!(messages.is_empty(), "{messages:?}");
    }
}
