//! The audit of the loaded calls (how the client retries, whether it checks statuses), computed
//! with [`crate::audit::audit`] on a named thread over a snapshot of the store once loading is
//! done and the view of the loaded calls shown, and again whenever the files change. It covers
//! every call, whatever the filter.

use super::ONE_FRAME_SOON;
use crate::audit::Audit;
use crate::store::Store;
use eframe::egui;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// The audit shown, and the job computing the next.
#[derive(Default)]
pub struct AuditState {
    /// The latest audit of the whole store.
    pub audit: Option<Arc<Audit>>,
    /// Whether the files changed since the last audit began.
    stale: bool,
    job: Option<Receiver<Audit>>,
}

impl AuditState {
    /// The files changed: audit again once they are loaded.
    pub fn invalidate(&mut self) {
        self.stale = true;
    }

    /// Whether an audit is due or being computed.
    pub fn is_busy(&self) -> bool {
        self.stale || self.job.is_some()
    }

    /// Takes a finished audit, and starts the next when one is due and the caller does not
    /// `wait` (files are loading, or their view is not shown yet); a thread that cannot start is
    /// said in `messages`.
    pub fn pump(&mut self, ctx: &egui::Context, store: &Arc<Store>, wait: bool, messages: &mut Vec<String>) {
        if let Some(audit) = self.job.as_ref().and_then(|job| job.try_recv().ok()) {
            self.job = None;
            self.audit = Some(Arc::new(audit));
        }
        if !self.stale || wait || self.job.is_some() {
            return;
        }
        self.stale = false;
        let (sender, receiver) = channel();
        let (store, repaint) = (Arc::clone(store), ctx.clone());
        let started = std::thread::Builder::new().name("errlens-audit".into()).spawn(move || {
            let audit = crate::audit::audit(&store);
            // Let go of the snapshot first: the window adds loaded blocks once it holds it alone.
            drop(store);
            let _ = sender.send(audit);
            repaint.request_repaint_after(ONE_FRAME_SOON);
        });
        match started {
            Ok(_) => self.job = Some(receiver),
            Err(error) => messages.push(format!("cannot start a worker thread: {error}")),
        }
    }
}
