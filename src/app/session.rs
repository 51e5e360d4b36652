//! The session: the files open, the store of their calls, and the loader that fills it. Files
//! load on the loader's thread; the window's thread pumps its events each frame, showing progress
//! at once and adding the rows to the store when no view job holds a snapshot of it.

use super::ONE_FRAME_SOON;
use super::loader::{self, Event, Loader};
use crate::knowledge::Knowledge;
use crate::store::Store;
use eframe::egui;
use std::path::PathBuf;
use std::sync::Arc;

/// A file being loaded.
pub struct Progress {
    /// The file.
    pub path: PathBuf,
    /// Bytes read so far.
    pub done_bytes: u64,
    /// Bytes in all (decompressed, as far as known).
    pub total_bytes: u64,
    /// Calls read so far.
    pub records: usize,
}

/// The files open and their calls.
pub struct Session {
    /// Every loaded call (shared with a view job computing from a snapshot).
    pub store: Arc<Store>,
    loader: Option<Loader>,
    /// Loader events not yet added to the store (a view job holds it).
    arrived: Vec<Event>,
    /// Files to load once the current loader is done.
    queued: Vec<PathBuf>,
    /// The file being loaded, as far as it is.
    pub progress: Option<Progress>,
    /// Files found so far while the loader lists folders.
    pub listing: Option<usize>,
}

impl Session {
    /// No files, calls classified with `knowledge`.
    pub fn new(knowledge: Knowledge) -> Self {
        Self {
            store: Arc::new(Store::new(Arc::new(knowledge))),
            loader: None,
            arrived: Vec::new(),
            queued: Vec::new(),
            progress: None,
            listing: None,
        }
    }

    /// Whether files are still loading.
    pub fn is_loading(&self) -> bool {
        self.loader.is_some() || !self.arrived.is_empty() || !self.queued.is_empty()
    }

    /// Whether the loader is done and its last blocks wait for a view to let go of the store.
    pub fn last_blocks_wait(&self) -> bool {
        self.loader.is_none() && !self.arrived.is_empty()
    }

    /// The paths of the files in the store, in order.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.store.files.iter().map(|file| file.path.clone()).collect()
    }

    /// Starts loading files and folders (the loader lists a folder's files); `replace` empties
    /// the store first. Returns whether a loader started (the view is stale then); files added
    /// while others load wait their turn.
    pub fn open(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>, replace: bool) -> bool {
        if replace {
            self.store = Arc::new(Store::new(Arc::clone(&self.store.knowledge)));
            self.arrived.clear();
            self.queued.clear();
            if let Some(loader) = self.loader.take() {
                loader.cancel();
            }
        } else if self.loader.is_some() {
            // The loading one is not cut short.
            self.queued.extend(paths);
            return false;
        }
        self.start_loader(ctx, paths);
        true
    }

    fn start_loader(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        let ctx = ctx.clone();
        let repaint = move || ctx.request_repaint_after(ONE_FRAME_SOON);
        self.loader = Some(Loader::start(paths, Arc::clone(&self.store.knowledge), repaint));
        // A cancelled load's progress is not this one's: the status bar says "Loading…" or
        // "Listing…" until the new loader reports.
        self.progress = None;
        self.listing = None;
    }

    /// Stops the loader (what it read so far stays).
    pub fn cancel(&self) {
        if let Some(loader) = &self.loader {
            loader.cancel();
        }
    }

    /// Takes the loader's events: progress at once, rows into the store when it is free, what
    /// users must hear into `messages`, and queued files once the loader is done. Returns whether
    /// the calls changed (the view is stale).
    pub fn pump(&mut self, ctx: &egui::Context, messages: &mut Vec<String>) -> bool {
        // Blocks that arrived while a view held the store are added once it lets go, even after
        // the loader is done: the last ones often wait for the last view.
        let mut changed = self.add_arrived();
        let Some(loader) = &self.loader else { return changed };
        let mut finished = false;
        while let Ok(event) = loader.events.try_recv() {
            match &event {
                Event::Listing { found } => {
                    self.listing = Some(*found);
                    continue;
                }
                Event::LeftOut(left_out) => {
                    messages.extend(loader::left_out_messages(left_out));
                    continue;
                }
                Event::Started { path, opened } => {
                    self.listing = None;
                    self.progress = Some(Progress {
                        path: path.clone(),
                        done_bytes: 0,
                        total_bytes: opened.total_bytes,
                        records: 0,
                    });
                }
                Event::Block { rows, done_bytes, total_bytes } => {
                    if let Some(progress) = &mut self.progress {
                        progress.done_bytes = *done_bytes;
                        progress.total_bytes = *total_bytes;
                        progress.records += rows.len();
                    }
                }
                Event::Failed { error, .. } => messages.push(error.clone()),
                Event::Room(_) => {}
                Event::Finished => finished = true,
            }
            if !matches!(event, Event::Finished) {
                self.arrived.push(event);
            }
        }
        if finished {
            self.loader = None;
            self.progress = None;
            self.listing = None;
            if !self.queued.is_empty() {
                let queued = std::mem::take(&mut self.queued);
                self.start_loader(ctx, queued);
                changed = true;
            }
        }
        self.add_arrived() || changed
    }

    /// Adds what the loader sent to the store, unless a view job is reading a snapshot of it:
    /// then it waits for the job, rather than copy a store of millions of rows. Returns whether
    /// rows or files were added.
    fn add_arrived(&mut self) -> bool {
        let idle = self.loader.is_none();
        if self.arrived.is_empty() && !(idle && self.store.has_rooms()) {
            return false;
        }
        let Some(store) = Arc::get_mut(&mut self.store) else { return false };
        let added = !self.arrived.is_empty();
        for event in self.arrived.drain(..) {
            match event {
                Event::Started { path, opened } => {
                    store.begin_file(path, &opened);
                }
                Event::Block { rows, .. } => store.extend_file(store.files.len().saturating_sub(1), *rows),
                Event::Room(room) => store.add_room(*room),
                Event::Failed { error, started: true, .. } => {
                    store.fail_file(store.files.len().saturating_sub(1), error)
                }
                Event::Failed { path, error, started: false } => store.add_failed(path, error),
                Event::Listing { .. } | Event::LeftOut(_) | Event::Finished => {}
            }
        }
        if idle {
            // Room made ahead for rows that did not come.
            store.release_rooms();
        }
        added
    }
}
