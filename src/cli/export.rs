//! `errlens export`: the calls of the inputs that the filters keep, written as a table. The
//! filters are the app's ([`crate::query::Filter`]), spelled as flags.

use super::{UsageError, load_store, report_unreadable};
use crate::export::{self, TableFormat};
use crate::ingest::Format;
use crate::output::text::one_line;
use crate::query::{Filter, StatusClass};
use crate::redact::Redactor;
use clap::ValueEnum;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

/// The table formats of `--to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Apache Parquet (DuckDB, Spark, BigQuery, ClickHouse, pandas read it).
    Parquet,
    /// Arrow IPC file (Feather v2).
    Ipc,
    /// CSV with a header row.
    Csv,
    /// One JSON object per line.
    Ndjson,
}

impl From<ExportFormat> for TableFormat {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Parquet => Self::Parquet,
            ExportFormat::Ipc => Self::Ipc,
            ExportFormat::Csv => Self::Csv,
            ExportFormat::Ndjson => Self::Ndjson,
        }
    }
}

/// The app's filters as flags; none given keeps every call.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Only failures of this kind (`duplicate_email`, `http_502`, ...; see `summary`).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only this status (`409`; `0` = no response) or class (`2xx`, `3xx`, `4xx`, `5xx`).
    #[arg(long)]
    pub status: Option<String>,
    /// Only failed calls (status 400 or more, or no response).
    #[arg(long)]
    pub failures_only: bool,
    /// Only calls at or after this time (`2026-11-20`, `2026-11-20T10:00:00Z`, epoch ms).
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only calls before this time.
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Only this endpoint (`POST /api/customers/{id}`, as `summary` names them).
    #[arg(long)]
    pub endpoint: Option<String>,
    /// Only calls whose endpoint, message, kind, status or file name holds this text
    /// (case-insensitive).
    #[arg(long)]
    pub text: Option<String>,
    /// Read `--text` as a regular expression.
    #[arg(long, requires = "text")]
    pub regex: bool,
}

impl FilterArgs {
    /// The filter these flags spell.
    pub fn filter(&self) -> Result<Filter, UsageError> {
        let (status, status_class) = match self.status.as_deref().map(str::trim) {
            None => (None, None),
            Some("2xx" | "3xx") => (None, Some(StatusClass::Success)),
            Some("4xx") => (None, Some(StatusClass::Client)),
            Some("5xx") => (None, Some(StatusClass::Server)),
            Some(number) => match number.parse::<u16>() {
                Ok(status) if status <= 999 => (Some(status), None),
                _ => return Err(UsageError(format!("--status {number:?}: a status (409, 0) or a class (4xx)"))),
            },
        };
        Ok(Filter {
            text: self.text.clone().unwrap_or_default(),
            regex: self.regex,
            failures_only: self.failures_only,
            status_class,
            status,
            kind: self.kind.clone(),
            endpoint: self.endpoint.clone(),
            file: None,
            from_ms: self.since.as_deref().map(|time| time_ms("--since", time)).transpose()?,
            to_ms: self.until.as_deref().map(|time| time_ms("--until", time)).transpose()?,
            calls: None,
        })
    }
}

/// A time on the command line in epoch ms: any form a log's time takes, or a day (its start, UTC).
fn time_ms(flag: &str, text: &str) -> Result<i64, UsageError> {
    use crate::ingest::time::parse_text;
    parse_text(text)
        .or_else(|| parse_text(&format!("{}T00:00:00Z", text.trim())))
        .ok_or_else(|| UsageError(format!("{flag} {text:?}: a time such as 2026-11-20 or 2026-11-20T10:00:00Z")))
}

/// Runs `errlens export`; returns the process exit code.
pub fn run_export(
    to: ExportFormat,
    output: &Path,
    filter: &FilterArgs,
    no_redact: bool,
    input_format: Option<Format>,
    files: &[PathBuf],
) -> anyhow::Result<i32> {
    let filter = filter.filter()?;
    let to_stdout = output == Path::new("-");
    if to_stdout && std::io::stdout().is_terminal() {
        // A table holds text from a log: never written raw to a terminal.
        return Err(UsageError("refusing to write a table to a terminal: give -o FILE, or pipe it".into()).into());
    }
    let store = load_store(files, input_format);
    let failed = report_unreadable(&store);
    let rows = crate::query::apply(&store, &filter).map_err(|error| UsageError(format!("--text: {error}")))?;
    let redactor = Redactor::default();
    let redactor = (!no_redact).then_some(&redactor);
    let exported = if to_stdout {
        export::write(&store, &rows, to.into(), redactor, super::UntilClosed(Some(std::io::stdout().lock())))?
    } else {
        export::write_file(&store, &rows, to.into(), redactor, output)?
    };
    let name = if to_stdout { "stdout".into() } else { one_line(&output.to_string_lossy()).into_owned() };
    let how = if no_redact { "not redacted" } else { "redacted" };
    eprintln!("errlens: {} call(s) written to {name} as {} ({how})", exported.rows, TableFormat::from(to).name());
    if exported.unread > 0 {
        eprintln!(
            "errlens: {} call(s) could not be read back from their files (changed since?): their method, \
             host, path, error type, request id, duration and Retry-After are empty",
            exported.unread
        );
    }
    Ok(if failed { 2 } else { 0 })
}
