//! Loading off the UI thread: a named thread reads each file through the parallel block reader
//! and sends every block's classified rows over a channel as soon as it is parsed; the window
//! takes them at the pace of its views, so counts and charts show while a big file still loads.

use crate::ingest::{self, Opened};
use crate::knowledge::Knowledge;
use crate::store::{CHUNK_ROWS, Room, Rows};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// What the loader tells the UI.
pub enum Event {
    /// A file was opened and its format detected; its rows follow.
    Started { path: PathBuf, opened: Opened },
    /// Rows and skipped lines of the current file, with content bytes read so far.
    Block { rows: Box<Rows>, done_bytes: u64, total_bytes: u64 },
    /// Room for the rows to come, made ahead so that adding them costs the window little.
    Room(Box<Room>),
    /// The file could not be read (`started`: after its `Started`, so drop what it gave).
    Failed { path: PathBuf, error: String, started: bool },
    /// Every file was handled (or loading was cancelled).
    Finished,
}

/// A running load.
pub struct Loader {
    /// Events from the loading thread.
    pub events: Receiver<Event>,
    cancel: Arc<AtomicBool>,
}

impl Loader {
    /// Starts loading `paths` in order; `repaint` is called for a file's start, first rows, end or
    /// failure (not for the blocks between: the window polls for them at its own pace).
    pub fn start(paths: Vec<PathBuf>, knowledge: Arc<Knowledge>, repaint: impl Fn() + Send + 'static) -> Self {
        let (sender, events) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let spawned = std::thread::Builder::new().name("errlens-loader".into()).spawn(move || {
            let mut ahead = RoomAhead::default();
            for path in &paths {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                load_one(path, &knowledge, &sender, &stop, &repaint, &mut ahead);
            }
            let _ = sender.send(Event::Finished);
            repaint();
        });
        if let Err(error) = spawned {
            // Without a thread nothing loads; say so in the window.
            let (sender, failed) = channel();
            let error = format!("cannot start loading: {error}");
            let _ = sender.send(Event::Failed { path: PathBuf::new(), error, started: false });
            let _ = sender.send(Event::Finished);
            return Self { events: failed, cancel };
        }
        Self { events, cancel }
    }

    /// Asks the thread to stop after the blocks in flight.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

fn load_one(
    path: &std::path::Path,
    knowledge: &Knowledge,
    sender: &Sender<Event>,
    cancel: &AtomicBool,
    repaint: &impl Fn(),
    ahead: &mut RoomAhead,
) {
    // Both closures need them; the blocks only arrive after `on_open`.
    let started = std::cell::Cell::new(false);
    let total_bytes = std::cell::Cell::new(0);
    let blocks = std::cell::Cell::new(0u64);
    let result = ingest::ingest_file(
        path,
        &ingest::ReadOptions::default(),
        |opened| {
            started.set(true);
            total_bytes.set(opened.total_bytes);
            let _ = sender.send(Event::Started { path: path.to_path_buf(), opened: opened.clone() });
            repaint();
        },
        |parsed| Rows::of(parsed, knowledge),
        |rows, done_bytes| {
            let count = rows.len();
            let sent =
                sender.send(Event::Block { rows: Box::new(rows), done_bytes, total_bytes: total_bytes.get() }).is_ok();
            // This thread mostly waits for the parsing threads: it touches the next rows' memory.
            ahead.after_sending(count, sender);
            // The first rows are worth a frame at once; the window asks for the next ones itself,
            // at the pace of its views (a frame per block would take a core from the parsing).
            blocks.set(blocks.get() + 1);
            if blocks.get() == 1 {
                repaint();
            }
            sent && !cancel.load(Ordering::Relaxed)
        },
    );
    if let Err(error) = result {
        let _ =
            sender.send(Event::Failed { path: path.to_path_buf(), error: error.to_string(), started: started.get() });
        repaint();
    }
}

/// Keeps a chunk of room ([`Room`]) ahead of the rows sent.
#[derive(Default)]
struct RoomAhead {
    rows_sent: usize,
    rooms_sent: usize,
}

impl RoomAhead {
    fn after_sending(&mut self, rows: usize, sender: &Sender<Event>) {
        self.rows_sent += rows;
        while self.rooms_sent * CHUNK_ROWS < self.rows_sent + CHUNK_ROWS {
            if sender.send(Event::Room(Box::new(Room::touched()))).is_err() {
                return;
            }
            self.rooms_sent += 1;
        }
    }
}
