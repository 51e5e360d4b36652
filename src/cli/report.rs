//! `errlens report`: the summary as a document for a ticket, on stdout.

use super::{load_store, report_unreadable};
use crate::ingest::Format;
use crate::redact::Redactor;
use crate::report::{self, ReportFormat};
use clap::ValueEnum;
use std::path::PathBuf;

/// The layouts of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportLayout {
    /// GitHub-flavoured Markdown (tables for the charts).
    Markdown,
    /// One HTML page with inline SVG charts, no script.
    Html,
}

/// Runs `errlens report`; returns the process exit code.
pub fn run_report(layout: ReportLayout, input_format: Option<Format>, files: &[PathBuf]) -> anyhow::Result<i32> {
    let store = load_store(files, input_format);
    let failed = report_unreadable(&store);
    let format = match layout {
        ReportLayout::Markdown => ReportFormat::Markdown,
        ReportLayout::Html => ReportFormat::Html,
    };
    // Every value from a log is escaped for the layout (output::markdown, output::html), and
    // hidden controls with it: the document is safe on a terminal too.
    super::to_stdout(report::render(&report::build(&store, &Redactor::default()), format).as_bytes())?;
    Ok(if failed { 2 } else { 0 })
}
