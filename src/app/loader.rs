//! Loading off the UI thread: a named thread lists the folders it is given ([`crate::walk`]),
//! then reads each file through the parallel block reader and sends every block's classified rows
//! over a channel as soon as it is parsed; the window takes them at the pace of its views, so
//! counts and charts show while a big file still loads.

use crate::ingest::{self, Opened};
use crate::knowledge::Knowledge;
use crate::store::{CHUNK_ROWS, Room, Rows};
use crate::walk::{self, LeftOut};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// What the loader tells the UI.
pub enum Event {
    /// Folders are being listed: files found so far.
    Listing { found: usize },
    /// What listing the folders left out, and why.
    LeftOut(Vec<(PathBuf, LeftOut)>),
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
    /// Starts loading `paths` in order, a folder as the files in it; `repaint` is called while
    /// folders are listed, and for a file's start, first rows, end or failure (not for the blocks
    /// between: the window polls for them at its own pace).
    pub fn start(paths: Vec<PathBuf>, knowledge: Arc<Knowledge>, repaint: impl Fn() + Send + 'static) -> Self {
        let (sender, events) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let spawned = std::thread::Builder::new().name("errlens-loader".into()).spawn(move || {
            // Listing a big folder takes a moment: it is counted in the status bar, and Cancel
            // stops it too.
            let walked = walk::walk(&paths, |found| {
                let _ = sender.send(Event::Listing { found });
                repaint();
                !stop.load(Ordering::Relaxed)
            });
            if !walked.left_out.is_empty() {
                let _ = sender.send(Event::LeftOut(walked.left_out));
            }
            let mut ahead = RoomAhead::default();
            for path in &walked.files {
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
    knowledge: &Arc<Knowledge>,
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
        |parts| Rows::of_shared(parts, knowledge),
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

/// How many left-out entries are named in the window before the rest are counted.
const LEFT_OUT_NAMED: usize = 5;

/// The window's messages for what listing folders left out.
pub fn left_out_messages(left_out: &[(PathBuf, LeftOut)]) -> Vec<String> {
    let mut messages: Vec<String> = left_out
        .iter()
        .take(LEFT_OUT_NAMED)
        .map(|(path, why)| format!("Left out {}: {why}", crate::output::text::one_line(&path.to_string_lossy())))
        .collect();
    if left_out.len() > LEFT_OUT_NAMED {
        messages.push(format!("… and {} more left out of the folders opened", left_out.len() - LEFT_OUT_NAMED));
    }
    messages
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_listed_on_the_loading_thread_with_progress_before_their_files_load() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = 2 * walk::PROGRESS_EVERY + 1;
        for index in 0..files {
            std::fs::write(dir.path().join(format!("{index:05}.ndjson")), "").expect("write");
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink("..", dir.path().join("up")).expect("symlink");
        let loader = Loader::start(vec![dir.path().to_path_buf()], Arc::new(Knowledge::bundled()), || {});
        let mut listing = Vec::new();
        let mut started = 0;
        let mut left_out = Vec::new();
        loop {
            match loader.events.recv_timeout(std::time::Duration::from_secs(60)).expect("the loader ends") {
                Event::Listing { found } => {
                    assert_eq!(started, 0, "listing comes before loading");
                    listing.push(found);
                }
                Event::LeftOut(list) => left_out = list,
                Event::Started { .. } => started += 1,
                Event::Finished => break,
                Event::Block { .. } | Event::Room(_) | Event::Failed { .. } => {}
            }
        }
        assert_eq!(listing, [walk::PROGRESS_EVERY, 2 * walk::PROGRESS_EVERY]);
        assert_eq!(started, files);
        if cfg!(unix) {
            assert_eq!(left_out, [(dir.path().join("up"), LeftOut::FolderLink)]);
            assert_eq!(
                left_out_messages(&left_out),
                [format!("Left out {}: a link to a folder, not followed", dir.path().join("up").display())]
            );
        }
    }

    #[test]
    fn past_five_left_out_entries_are_counted() {
        let left_out: Vec<(PathBuf, LeftOut)> =
            (0..7).map(|index| (PathBuf::from(format!("/logs/\u{1b}[2J{index}")), LeftOut::NotAFile)).collect();
        let messages = left_out_messages(&left_out);
        assert_eq!(messages.len(), 6);
        assert_eq!(messages[0], "Left out /logs/\\e[2J0: not a regular file");
        assert_eq!(messages[5], "… and 2 more left out of the folders opened");
    }
}
