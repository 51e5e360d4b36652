//! Loading off the UI thread: a named thread reads and parses files in chunks, sends each chunk
//! over a channel as it is parsed, and asks for a repaint, so results show while a big file loads.

use crate::ingest::{self, Format, Parsed};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// Bytes parsed between two updates of the UI.
const CHUNK_BYTES: usize = 4 << 20;

/// What the loader tells the UI.
pub enum Event {
    /// A file was read and its format detected; its records follow.
    Started { path: PathBuf, format: Format, gzip: bool, bytes: Arc<[u8]> },
    /// Records and skipped lines of the current file, with bytes parsed so far.
    Chunk { parsed: Parsed, done_bytes: u64, total_bytes: u64 },
    /// The file could not be read.
    Failed { path: PathBuf, error: String },
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
    /// Starts loading `paths` in order; `repaint` is called after each event.
    pub fn start(paths: Vec<PathBuf>, repaint: impl Fn() + Send + 'static) -> Self {
        let (sender, events) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let spawned = std::thread::Builder::new().name("errlens-loader".into()).spawn(move || {
            load_all(&paths, &sender, &stop, &repaint);
            let _ = sender.send(Event::Finished);
            repaint();
        });
        if let Err(error) = spawned {
            // Without a thread nothing loads; say so in the window.
            let (sender, failed) = channel();
            let _ =
                sender.send(Event::Failed { path: PathBuf::new(), error: format!("cannot start loading: {error}") });
            let _ = sender.send(Event::Finished);
            return Self { events: failed, cancel };
        }
        Self { events, cancel }
    }

    /// Asks the thread to stop after the current chunk.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

fn load_all(paths: &[PathBuf], sender: &Sender<Event>, cancel: &AtomicBool, repaint: &impl Fn()) {
    for path in paths {
        if cancel.load(Ordering::Relaxed) {
            return;
        }
        let (bytes, gzip) = match ingest::read_input(path) {
            Ok(read) => read,
            Err(error) => {
                let _ = sender.send(Event::Failed { path: path.clone(), error: error.to_string() });
                repaint();
                continue;
            }
        };
        let bytes: Arc<[u8]> = bytes.into();
        let total_bytes = bytes.len() as u64;
        let format = ingest::detect_input(&bytes);
        // The file is announced with its first chunk: a document that cannot be read fails
        // before any chunk, so it never shows as a half-loaded file.
        let mut started = false;
        let result = ingest::ingest_in_chunks(path, &bytes, Some(format), CHUNK_BYTES, |parsed, done_bytes| {
            if !started {
                started = true;
                let _ = sender.send(Event::Started { path: path.clone(), format, gzip, bytes: Arc::clone(&bytes) });
            }
            let sent = sender.send(Event::Chunk { parsed, done_bytes, total_bytes }).is_ok();
            repaint();
            sent && !cancel.load(Ordering::Relaxed)
        });
        match result {
            // An empty file has no chunk, but it is still a file of the session.
            Ok(_) if !started => {
                let _ = sender.send(Event::Started { path: path.clone(), format, gzip, bytes });
            }
            Ok(_) => {}
            Err(error) => {
                let _ = sender.send(Event::Failed { path: path.clone(), error: error.to_string() });
            }
        }
        repaint();
    }
}
