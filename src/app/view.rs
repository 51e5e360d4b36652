//! The app's view job: [`crate::view::compute`] for the current filter, on a named thread over a
//! snapshot (a shared reference) of the store, so a filter change over millions of calls never
//! blocks a frame. While the job holds the snapshot, blocks that arrive from the loader wait for
//! it (`App::add_arrived`) rather than copy the store.

use crate::query::Filter;
use crate::store::Store;
use crate::view::{SortColumn, View, compute};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

/// A view being computed on its own thread.
pub struct Job {
    result: Receiver<View>,
}

impl Job {
    /// Starts computing, not before `not_before` when given; `done` is called (to repaint) when
    /// the view is ready.
    pub fn start(
        store: Arc<Store>,
        filter: Filter,
        sort: Option<(SortColumn, bool)>,
        not_before: Option<Instant>,
        done: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        let (sender, result) = channel();
        std::thread::Builder::new().name("errlens-view".into()).spawn(move || {
            if let Some(wait) = not_before.and_then(|due| due.checked_duration_since(Instant::now())) {
                std::thread::sleep(wait);
            }
            let view = compute(&store, &filter, sort);
            // Let go of the snapshot before saying so: the window adds loaded blocks to the
            // store once it is the only holder.
            drop(store);
            let _ = sender.send(view);
            done();
        })?;
        Ok(Self { result })
    }

    /// The view, once it is ready.
    pub fn try_take(&self) -> Option<View> {
        self.result.try_recv().ok()
    }
}
