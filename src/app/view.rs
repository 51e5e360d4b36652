//! What the views show for the current filter (rows, summary, timeline, trends), computed from a
//! snapshot of the store. Once loading is done the work runs on a named thread, so a filter
//! change over millions of calls never blocks a frame; while a file loads, the store changes
//! with every block, so the (throttled) work runs in place.

use super::{groups, records};
use crate::query::{self, Filter, Timeline};
use crate::store::Store;
use crate::summary::{self, Summary};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// The computed view.
#[derive(Debug, Default)]
pub struct View {
    /// Rows that pass the filter, in table order.
    pub rows: Vec<u32>,
    /// Summary of the rows.
    pub summary: Option<Summary>,
    /// Failures over time.
    pub timeline: Timeline,
    /// Per kind, its trend.
    pub trends: HashMap<u32, Vec<u32>>,
    /// Why the filter is invalid.
    pub error: Option<String>,
}

/// Computes the view of `store` under `filter`, sorted by `sort`.
pub fn compute(store: &Store, filter: &Filter, sort: Option<(records::Column, bool)>) -> View {
    let mut rows = match query::apply(store, filter) {
        Ok(rows) => rows,
        Err(error) => return View { error: Some(format!("invalid regular expression: {error}")), ..View::default() },
    };
    records::sort_rows(store, &mut rows, sort);
    let summary = Some(summary::summarize(store, Some(&rows)));
    let timeline = query::timeline(store, &rows, 60);
    let trends = groups::trends(store, &rows);
    View { rows, summary, timeline, trends, error: None }
}

/// A view being computed on its own thread.
pub struct Job {
    result: Receiver<View>,
}

impl Job {
    /// Starts computing; `done` is called (to repaint) when the view is ready.
    pub fn start(
        store: Arc<Store>,
        filter: Filter,
        sort: Option<(records::Column, bool)>,
        done: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        let (sender, result) = channel();
        std::thread::Builder::new().name("errlens-view".into()).spawn(move || {
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
