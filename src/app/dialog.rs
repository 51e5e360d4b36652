//! The native Open dialog, run on its own thread so the window keeps drawing (and files keep
//! loading) while it is open.
//!
//! On Linux, rfd asks the desktop portal and falls back to zenity; when neither is there it
//! returns at once with nothing, exactly as if the user had cancelled. A dialog that "closed"
//! faster than a person can cancel one is taken for that case, and the user is told the other
//! ways in.

use eframe::egui;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Faster than anyone closes a dialog they saw.
const TOO_FAST_TO_BE_A_PERSON: Duration = Duration::from_millis(300);

/// Shown when no dialog could be opened.
pub const NO_DIALOG_HINT: &str = "No file dialog could be opened (errlens uses the desktop portal, or zenity). \
     Drop files or folders onto this window, pick one from Recent, or pass them on the command line: errlens FILE…";

/// An Open dialog that is showing.
pub struct OpenDialog {
    picked: mpsc::Receiver<Option<Vec<PathBuf>>>,
    opened_at: Instant,
}

/// How an Open dialog ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The user picked these files.
    Picked(Vec<PathBuf>),
    /// The user closed it without picking.
    Cancelled,
    /// No dialog appeared.
    Unavailable,
}

impl OpenDialog {
    /// Shows the dialog; the window is asked to redraw when it closes.
    pub fn show(ctx: &egui::Context) -> Self {
        let (send, picked) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let files = rfd::FileDialog::new()
                .set_title("Open API logs")
                .add_filter("Logs", &["ndjson", "jsonl", "json", "har", "csv", "log", "txt", "gz"])
                .add_filter("All files", &["*"])
                .pick_files();
            // The window may have closed meanwhile; then nobody is waiting.
            let _ = send.send(files);
            ctx.request_repaint();
        });
        Self { picked, opened_at: Instant::now() }
    }

    /// How it ended, once it has.
    pub fn poll(&self) -> Option<Outcome> {
        match self.picked.try_recv() {
            Ok(Some(files)) if !files.is_empty() => Some(Outcome::Picked(files)),
            Ok(_) => Some(outcome_of_nothing(self.opened_at.elapsed())),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Outcome::Unavailable),
        }
    }
}

fn outcome_of_nothing(open_for: Duration) -> Outcome {
    if open_for < TOO_FAST_TO_BE_A_PERSON { Outcome::Unavailable } else { Outcome::Cancelled }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_picked_at_once_means_no_dialog_appeared() {
        assert_eq!(outcome_of_nothing(Duration::from_millis(20)), Outcome::Unavailable);
        assert_eq!(outcome_of_nothing(Duration::from_secs(2)), Outcome::Cancelled);
    }
}
