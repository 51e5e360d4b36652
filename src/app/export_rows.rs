//! "Export…" on the records view: the rows the table shows, written on a named thread as Parquet,
//! Arrow IPC, CSV or NDJSON (by the file name's extension), redacted as `errlens export` does.

use super::{ONE_FRAME_SOON, dialog};
use crate::export::{self, TableFormat};
use crate::redact::Redactor;
use crate::store::Store;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// The export asked for, while its dialog shows or it is written.
#[derive(Default)]
pub struct RowExport {
    /// Where to write without asking (tests); otherwise a Save dialog asks.
    pub save_to: Option<PathBuf>,
    /// What the last export did ("Exported 14 calls to …").
    pub status: Option<String>,
    /// The rows shown when Export… was clicked, while the dialog shows.
    waiting: Option<(dialog::Pending<PathBuf>, Vec<u32>)>,
    job: Option<Job>,
}

/// An export being written: its result, the rows written so far of how many, and its Cancel.
struct Job {
    result: Receiver<String>,
    done: Arc<AtomicUsize>,
    total: usize,
    cancel: Arc<AtomicBool>,
}

/// The table format a file name asks for: its extension, Parquet when it names none we write.
pub fn format_for(path: &Path) -> TableFormat {
    let extension = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    match extension.as_str() {
        "csv" => TableFormat::Csv,
        "ndjson" | "jsonl" | "json" => TableFormat::Ndjson,
        "arrow" | "ipc" | "feather" => TableFormat::Ipc,
        _ => TableFormat::Parquet,
    }
}

impl RowExport {
    /// Whether a dialog shows or an export is being written.
    pub fn is_busy(&self) -> bool {
        self.waiting.is_some() || self.job.is_some()
    }

    /// Rows written so far and rows to write, while an export is written.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.job.as_ref().map(|job| (job.done.load(Ordering::Relaxed), job.total))
    }

    /// Stops the export being written; its file is removed.
    pub fn cancel(&self) {
        if let Some(job) = &self.job {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Exports `rows` (the table's, in its order): asks where, unless `save_to` says.
    pub fn start(&mut self, ctx: &egui::Context, store: &Arc<Store>, rows: Vec<u32>) {
        if self.is_busy() {
            return;
        }
        match self.save_to.clone() {
            Some(path) => self.write(ctx, store, rows, path),
            None => self.waiting = Some((dialog::save_table(ctx), rows)),
        }
    }

    /// Takes the dialog's answer and a finished export.
    pub fn pump(&mut self, ctx: &egui::Context, store: &Arc<Store>) {
        if let Some(outcome) = self.waiting.as_ref().and_then(|(pending, _)| pending.poll())
            && let Some((_, rows)) = self.waiting.take()
        {
            match outcome {
                dialog::Outcome::Chosen(path) => self.write(ctx, store, rows, path),
                dialog::Outcome::Cancelled => {}
                dialog::Outcome::Unavailable => {
                    self.status = Some("No save dialog could be opened: use `errlens export` instead.".to_string());
                }
            }
        }
        if let Some(status) = self.job.as_ref().and_then(|job| job.result.try_recv().ok()) {
            self.job = None;
            self.status = Some(status);
        }
    }

    fn write(&mut self, ctx: &egui::Context, store: &Arc<Store>, rows: Vec<u32>, path: PathBuf) {
        let (sender, result) = channel();
        let (done, cancel) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicBool::new(false)));
        let total = rows.len();
        let (store, repaint) = (Arc::clone(store), ctx.clone());
        let (written, cancelled) = (Arc::clone(&done), Arc::clone(&cancel));
        let started = std::thread::Builder::new().name("errlens-export".into()).spawn(move || {
            let format = format_for(&path);
            let redactor = Redactor::default();
            // A slice of rows at a time: the progress bar moves, and Cancel stops at the next slice.
            let progress = |rows_done: usize| {
                written.store(rows_done, Ordering::Relaxed);
                repaint.request_repaint_after(Duration::from_millis(100));
                !cancelled.load(Ordering::Relaxed)
            };
            let status = match export::write_file_with_progress(&store, &rows, format, Some(&redactor), &path, progress)
            {
                Ok(done) => format!(
                    "Exported {} calls to {} as {}{}",
                    done.rows,
                    path.display(),
                    format.name(),
                    if done.unread > 0 { format!(" ({} could not be read back)", done.unread) } else { String::new() }
                ),
                Err(export::ExportError::Cancelled) => "Export cancelled; nothing was written.".to_string(),
                Err(error) => format!("Export failed: {error}"),
            };
            drop(store);
            let _ = sender.send(status);
            repaint.request_repaint_after(ONE_FRAME_SOON);
        });
        match started {
            Ok(_) => self.job = Some(Job { result, done, total, cancel }),
            Err(error) => self.status = Some(format!("cannot start a worker thread: {error}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_picks_the_format() {
        assert_eq!(format_for(Path::new("calls.csv")), TableFormat::Csv);
        assert_eq!(format_for(Path::new("calls.JSONL")), TableFormat::Ndjson);
        assert_eq!(format_for(Path::new("calls.arrow")), TableFormat::Ipc);
        assert_eq!(format_for(Path::new("calls.parquet")), TableFormat::Parquet);
        assert_eq!(format_for(Path::new("calls")), TableFormat::Parquet);
    }
}
