//! Native file dialogs (Open, Save), run on their own thread so the window keeps drawing (and
//! files keep loading) while one is open.
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

/// A native dialog showing on its own thread, until it answers.
pub struct Pending<T> {
    answer: mpsc::Receiver<Option<T>>,
    opened_at: Instant,
}

/// How a dialog ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome<T> {
    /// The user chose this.
    Chosen(T),
    /// The user closed it without choosing.
    Cancelled,
    /// No dialog appeared.
    Unavailable,
}

impl<T: Send + 'static> Pending<T> {
    /// Runs `ask` (which shows the dialog and blocks until it closes) on its own thread; the
    /// window is asked to redraw when it has.
    pub fn show(ctx: &egui::Context, ask: impl FnOnce() -> Option<T> + Send + 'static) -> Self {
        let (send, answer) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The window may have closed meanwhile; then nobody is waiting.
            let _ = send.send(ask());
            ctx.request_repaint();
        });
        Self { answer, opened_at: Instant::now() }
    }

    /// How it ended, once it has.
    pub fn poll(&self) -> Option<Outcome<T>> {
        match self.answer.try_recv() {
            Ok(Some(chosen)) => Some(Outcome::Chosen(chosen)),
            Ok(None) => Some(outcome_of_nothing(self.opened_at.elapsed())),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Outcome::Unavailable),
        }
    }
}

/// The Open dialog: log files, several at once.
pub fn open_logs(ctx: &egui::Context) -> Pending<Vec<PathBuf>> {
    Pending::show(ctx, || {
        rfd::FileDialog::new()
            .set_title("Open API logs")
            .add_filter("Logs", &["ndjson", "jsonl", "json", "har", "csv", "log", "txt", "gz", "parquet", "arrow"])
            .add_filter("All files", &["*"])
            .pick_files()
            .filter(|files| !files.is_empty())
    })
}

/// The Save dialog for a support email.
pub fn save_eml(ctx: &egui::Context) -> Pending<PathBuf> {
    Pending::show(ctx, || {
        rfd::FileDialog::new()
            .set_title("Save the support email")
            .set_file_name("support-request.eml")
            .add_filter("Email", &["eml"])
            .save_file()
    })
}

/// The Save dialog for exported calls.
pub fn save_table(ctx: &egui::Context) -> Pending<PathBuf> {
    Pending::show(ctx, || {
        rfd::FileDialog::new()
            .set_title("Export the calls shown")
            .set_file_name("calls.parquet")
            .add_filter("Parquet", &["parquet"])
            .add_filter("CSV", &["csv"])
            .add_filter("NDJSON", &["ndjson", "jsonl"])
            .add_filter("Arrow IPC", &["arrow"])
            .save_file()
    })
}

fn outcome_of_nothing<T>(open_for: Duration) -> Outcome<T> {
    if open_for < TOO_FAST_TO_BE_A_PERSON { Outcome::Unavailable } else { Outcome::Cancelled }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_picked_at_once_means_no_dialog_appeared() {
        assert_eq!(outcome_of_nothing::<()>(Duration::from_millis(20)), Outcome::Unavailable);
        assert_eq!(outcome_of_nothing::<()>(Duration::from_secs(2)), Outcome::Cancelled);
    }
}
