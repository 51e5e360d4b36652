//! "Export…" on the records view: the rows the table shows, written on a named thread as Parquet,
//! Arrow IPC, CSV or NDJSON (by the file name's extension), redacted as `errlens export` does.

use super::{ONE_FRAME_SOON, dialog};
use crate::export::{self, TableFormat};
use crate::redact::Redactor;
use crate::store::Store;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// The export asked for, while its dialog shows or it is written.
#[derive(Default)]
pub struct RowExport {
    /// Where to write without asking (tests); otherwise a Save dialog asks.
    pub save_to: Option<PathBuf>,
    /// What the last export did ("Exported 14 calls to …").
    pub status: Option<String>,
    /// The rows shown when Export… was clicked, while the dialog shows.
    waiting: Option<(dialog::Pending<PathBuf>, Vec<u32>)>,
    job: Option<Receiver<String>>,
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
        if let Some(status) = self.job.as_ref().and_then(|job| job.try_recv().ok()) {
            self.job = None;
            self.status = Some(status);
        }
    }

    fn write(&mut self, ctx: &egui::Context, store: &Arc<Store>, rows: Vec<u32>, path: PathBuf) {
        let (sender, receiver) = channel();
        let (store, repaint) = (Arc::clone(store), ctx.clone());
        let started = std::thread::Builder::new().name("errlens-export".into()).spawn(move || {
            let format = format_for(&path);
            let status = match export::write_file(&store, &rows, format, Some(&Redactor::default()), &path) {
                Ok(done) => format!(
                    "Exported {} calls to {} as {}{}",
                    done.rows,
                    path.display(),
                    format.name(),
                    if done.unread > 0 { format!(" ({} could not be read back)", done.unread) } else { String::new() }
                ),
                Err(error) => format!("Export failed: {error}"),
            };
            drop(store);
            let _ = sender.send(status);
            repaint.request_repaint_after(ONE_FRAME_SOON);
        });
        match started {
            Ok(_) => self.job = Some(receiver),
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
