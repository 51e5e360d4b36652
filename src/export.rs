//! Export: the calls of a store as a table (a polars DataFrame) and written as Parquet, Arrow
//! IPC, CSV or NDJSON, for the places a summary goes next: a ticket, a warehouse (DuckDB, Spark,
//! BigQuery and ClickHouse read Parquet), a data lake.
//!
//! The table is built a slice of rows at a time ([`SLICE_ROWS`], one Parquet row group or IPC
//! record batch each) and written before the next is built, so exporting a gigabyte log holds one
//! slice besides the store. What the store keeps is handed over column by column
//! ([`frame`]); what it does not keep (method, host, path, error type, request id, duration,
//! Retry-After) is read back from the inputs in runs ([`Store::read_back`]).
//!
//! Exports are redacted unless asked not to: URL paths, message variants and error types go
//! through the redaction engine ([`Redactor`]), as the support email's parts do. Request ids,
//! hosts, statuses and times stay: they are the evidence.
//!
//! The app's "Export…" calls [`write_file`] (or [`write_file_with_progress`], for a progress bar
//! and a Cancel button) with the rows it shows, on a thread of its own (a million rows take
//! seconds): polars never runs on the window's thread.

mod frame;
mod sink;

use crate::redact::Redactor;
use crate::store::Store;
pub use frame::{COLUMNS, frame};
use std::io::Write;
use std::path::Path;

/// Rows built and written at a time: one row group (Parquet) or record batch (IPC).
pub const SLICE_ROWS: usize = crate::store::CHUNK_ROWS;

/// The file formats an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// Apache Parquet, zstd-compressed, repeated values dictionary-encoded.
    Parquet,
    /// Arrow IPC file (Feather v2).
    Ipc,
    /// CSV with a header row.
    Csv,
    /// One JSON object per line.
    Ndjson,
}

impl TableFormat {
    /// Every format, in the order the CLI lists them.
    pub const ALL: [Self; 4] = [Self::Parquet, Self::Ipc, Self::Csv, Self::Ndjson];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Parquet => "parquet",
            Self::Ipc => "ipc",
            Self::Csv => "csv",
            Self::Ndjson => "ndjson",
        }
    }

    /// The usual file extension, for a save dialog's proposed name.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Parquet => "parquet",
            Self::Ipc => "arrow",
            Self::Csv => "csv",
            Self::Ndjson => "ndjson",
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Exported {
    /// Rows written.
    pub rows: usize,
    /// Rows whose call could not be read back from its input (changed on disk since it was
    /// loaded, or gone): written with what the store keeps, the read-back columns empty.
    pub unread: usize,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// Where (`-` for a writer given by the caller).
        path: String,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The table layer refused the table (a bug, or a limit of the format).
    #[error("cannot build the {format} table: {reason}")]
    Table {
        /// The format being written.
        format: &'static str,
        /// What polars said.
        reason: String,
    },
    /// The caller's progress callback asked to stop.
    #[error("the export was cancelled")]
    Cancelled,
}

/// Writes the rows `rows` of `store` (in that order) as `format` into `out`, redacted by
/// `redactor` unless it is `None`.
pub fn write<W: Write>(
    store: &Store,
    rows: &[u32],
    format: TableFormat,
    redactor: Option<&Redactor>,
    out: W,
) -> Result<Exported, ExportError> {
    write_with_progress(store, rows, format, redactor, out, |_| true)
}

/// [`write`], calling `progress` with the rows written so far after each slice; when it returns
/// `false` the export stops with [`ExportError::Cancelled`] (a window's Cancel button).
pub fn write_with_progress<W: Write>(
    store: &Store,
    rows: &[u32],
    format: TableFormat,
    redactor: Option<&Redactor>,
    mut out: W,
    mut progress: impl FnMut(usize) -> bool,
) -> Result<Exported, ExportError> {
    let table_error =
        |error: polars::error::PolarsError| ExportError::Table { format: format.name(), reason: error.to_string() };
    let io_error = |source| ExportError::Io { path: "-".into(), source };
    let cells = frame::Cells { redactor, spreadsheet: format == TableFormat::Csv };
    let dictionaries = frame::Dictionaries::of(store, cells).map_err(table_error)?;
    // The schema from a slice of no rows: every slice has the same (the same dictionaries).
    let (empty, _) = frame::slice(store, &[], &dictionaries, cells).map_err(table_error)?;
    let mut sink = sink::Sink::new(format, &mut out, empty.schema()).map_err(table_error)?;
    let mut exported = Exported::default();
    for slice in rows.chunks(SLICE_ROWS) {
        let (mut table, unread) = frame::slice(store, slice, &dictionaries, cells).map_err(table_error)?;
        table.align_chunks();
        sink.write(&table).map_err(table_error)?;
        exported.rows += slice.len();
        exported.unread += unread;
        if !progress(exported.rows) {
            return Err(ExportError::Cancelled);
        }
    }
    if rows.is_empty() {
        // A table with its columns and no rows (CSV's header row, Parquet's schema).
        sink.write(&empty).map_err(table_error)?;
    }
    sink.finish().map_err(table_error)?;
    out.flush().map_err(io_error)?;
    Ok(exported)
}

/// [`write`] into a new file at `path` (replaced if it exists); a failed export leaves no file.
pub fn write_file(
    store: &Store,
    rows: &[u32],
    format: TableFormat,
    redactor: Option<&Redactor>,
    path: &Path,
) -> Result<Exported, ExportError> {
    write_file_with_progress(store, rows, format, redactor, path, |_| true)
}

/// [`write_file`] with a `progress` callback as [`write_with_progress`]'s; a cancelled export
/// leaves no file either.
pub fn write_file_with_progress(
    store: &Store,
    rows: &[u32],
    format: TableFormat,
    redactor: Option<&Redactor>,
    path: &Path,
    progress: impl FnMut(usize) -> bool,
) -> Result<Exported, ExportError> {
    let io_error = |source| ExportError::Io { path: path.display().to_string(), source };
    let file = std::fs::File::create(path).map_err(io_error)?;
    let out = std::io::BufWriter::with_capacity(1 << 20, file);
    let result = write_with_progress(store, rows, format, redactor, out, progress);
    let result = result.map_err(|error| match error {
        ExportError::Io { source, .. } => io_error(source),
        other => other,
    });
    if result.is_err() {
        let _ = std::fs::remove_file(path);
    }
    result
}

#[cfg(test)]
mod tests;
