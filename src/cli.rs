//! The command line: `errlens summary|audit|compare|email|redact`, and the app when no subcommand is given.
//! Subcommands print their result on stdout and diagnostics on stderr, naming the file.

use crate::ingest::Format;
use crate::knowledge::Knowledge;
use crate::output::text::one_line;
use crate::redact::Redactor;
use crate::store::Store;
use crate::summary;
use clap::{Parser, Subcommand, ValueEnum};
use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[cfg(feature = "table")]
mod export;
mod report;
#[cfg(feature = "table")]
pub use export::{ExportFormat, FilterArgs, run_export};
pub use report::{ReportLayout, run_report};

/// Make sense of failing API calls.
#[derive(Debug, Parser)]
#[command(name = "errlens", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A subcommand; without one, the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Log files or folders to open in the app (default: the last session, or the samples).
    pub files: Vec<PathBuf>,
    /// A folder of format definitions (`*.toml`) to read besides the bundled ones and those in
    /// the config folder (`errlens formats` says where that is). May be given more than once.
    #[arg(long = "formats", value_name = "DIR", global = true)]
    pub format_dirs: Vec<PathBuf>,
    /// A folder of knowledge files (vendors, `*.toml`) besides the bundled ones and the config
    /// folder's. May be given more than once.
    #[arg(long = "knowledge", value_name = "DIR", global = true)]
    pub knowledge_dirs: Vec<PathBuf>,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Summarize failures of all FILEs together: groups by kind, with the documented fix.
    Summary {
        /// Output form.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Read every input as this format instead of detecting it (see `errlens formats`).
        #[arg(long, value_name = "FORMAT")]
        input_format: Option<String>,
        /// Log files or folders (gzip is unwrapped).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print a support email (RFC 5322) for one failure group, with sensitive data removed.
    Email {
        /// The kind id of the group (`duplicate_email`, `http_502`, ...; see `summary`).
        #[arg(long)]
        group: String,
        /// Your account email: included as asked by the vendor, and never redacted.
        #[arg(long)]
        account_email: Option<String>,
        /// Which call to quote: 1 = the group's oldest; default: the most recent.
        #[arg(long)]
        record: Option<usize>,
        /// Read every input as this format instead of detecting it (see `errlens formats`).
        #[arg(long, value_name = "FORMAT")]
        input_format: Option<String>,
        /// Log files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print FILE with secrets and customers' personal data replaced by markers, in its own format.
    Redact {
        /// An email to keep (your account's).
        #[arg(long)]
        account_email: Option<String>,
        /// Read the input as this format instead of detecting it (see `errlens formats`).
        #[arg(long, value_name = "FORMAT")]
        input_format: Option<String>,
        /// The log file (gzip is unwrapped; the output is not compressed).
        file: PathBuf,
    },
    /// Judge how the client that wrote FILEs handles failures: retry chains, findings, and the
    /// verdict on each good practice (check status codes, back off, log errors, wait on 429).
    Audit {
        /// Output form.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Read every input as this format instead of detecting it (see `errlens formats`).
        #[arg(long, value_name = "FORMAT")]
        input_format: Option<String>,
        /// Log files or folders (gzip is unwrapped).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Did the fix work? Compare logs from before a change with logs from after it: each kind of
    /// failure new, gone or still failing, per 1,000 calls, and the practices side by side.
    Compare {
        /// Logs (files or folders) from before the change.
        #[arg(long, num_args = 1.., value_name = "FILE")]
        before: Vec<PathBuf>,
        /// Logs (files or folders) from after it.
        #[arg(long, num_args = 1.., value_name = "FILE")]
        after: Vec<PathBuf>,
        /// Output form.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Exit with status 1 when a kind of failure is new after the change (for CI).
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Read every input as this format instead of detecting it (see `errlens formats`).
        #[arg(long, value_name = "FORMAT")]
        input_format: Option<String>,
    },
    /// Write the calls of all FILEs (those the filters keep) as a table for a warehouse or a data
    /// lake: Parquet, Arrow IPC, CSV or NDJSON; paths and messages redacted.
    #[cfg(feature = "table")]
    Export {
        /// The table's format.
        #[arg(long, value_enum)]
        to: ExportFormat,
        /// The file to write (replaced if it exists); `-` for stdout (not a terminal).
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
        /// Which calls.
        #[command(flatten)]
        filter: FilterArgs,
        /// Keep paths, messages and error types as logged (default: through the redaction engine).
        #[arg(long)]
        no_redact: bool,
        /// Read every input as this format instead of detecting it (see `errlens formats`).
        #[arg(long, value_name = "FORMAT")]
        input_format: Option<String>,
        /// Log files or folders (gzip is unwrapped; Parquet and Arrow IPC files are read too).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// The summary as a document to attach to a ticket: counts, charts, each group with its fix and
    /// a redacted example call (Markdown or HTML, on stdout).
    Report {
        /// The layout.
        #[arg(long, value_enum, default_value_t = ReportLayout::Markdown)]
        format: ReportLayout,
        /// Read every input as this format instead of detecting it (see `errlens formats`).
        #[arg(long, value_name = "FORMAT")]
        input_format: Option<String>,
        /// Log files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the formats errlens reads: built in, bundled definitions and your own, with a sample.
    Formats,
    /// Write the bundled sample logs to errlens' cache folder and print where they are.
    Samples,
    /// Print shell completions: `errlens completions bash > /etc/bash_completion.d/errlens`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) on stdout.
    #[command(hide = true)]
    Man,
}

/// Summary output forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A readable table.
    Text,
    /// The JSON contract.
    Json,
}

/// When `errlens compare` fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// A kind of failure that the logs from before do not have.
    New,
}

/// Loads the format definitions and knowledge files (the bundled ones, the config folder's and
/// those of `--formats` / `--knowledge`), saying on stderr what could not be loaded; returns
/// whether everything loaded. Call it before any file is read.
pub fn configure(format_dirs: &[PathBuf], knowledge_dirs: &[PathBuf]) -> bool {
    let mut clean = true;
    for problem in crate::ingest::formats::configure(format_dirs).unwrap_or_default() {
        eprintln!("errlens: {problem} (the definition was not loaded)");
        clean = false;
    }
    for problem in crate::knowledge::configure(knowledge_dirs).unwrap_or_default() {
        eprintln!("errlens: {problem} (the file was not loaded)");
        clean = false;
    }
    clean
}

/// A command line errlens cannot run: the exit status is 2, as for clap's own usage errors.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The format `--input-format` names (formats defined as data are known only once loaded, so
/// clap cannot check the name itself).
pub fn input_format(name: Option<&str>) -> anyhow::Result<Option<Format>> {
    name.map(|name| name.parse::<Format>().map_err(|why| UsageError(why).into())).transpose()
}

/// Runs `errlens formats`: every format with where it comes from and a sample line.
pub fn run_formats(loaded_cleanly: bool) -> anyhow::Result<i32> {
    let registry = crate::ingest::formats::registry();
    let mut out = String::new();
    let _ = writeln!(out, "Built in (code):");
    for format in crate::ingest::detect::BUILTIN {
        let _ = writeln!(out, "  {:<22} {}", format.name(), format.title());
    }
    let _ = writeln!(out, "\nDefined as data (`--input-format NAME`):");
    for format in &registry.formats {
        let _ = writeln!(out, "  {:<22} {}", format.name, format.title);
        let _ = writeln!(out, "  {:<22} from {}", "", format.origin);
        let _ = writeln!(out, "  {:<22} e.g. {}", "", format.sample);
    }
    let folder = crate::user_files::config_dir()
        .map_or_else(|| "(no config folder: set HOME)".to_string(), |dir| dir.join("formats").display().to_string());
    let _ = writeln!(out, "\nYour own: *.toml files in {folder}, or `--formats DIR` (README: \"Formats as data\").");
    to_stdout(out.as_bytes())?;
    Ok(if loaded_cleanly { 0 } else { 2 })
}

/// Writes `bytes` to standard output ([`UntilClosed`]): a command's output that its reader stops
/// reading (`errlens audit FILE | head`) is not an error, and the command ends with its own status.
pub(crate) fn to_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut stdout = UntilClosed(Some(std::io::stdout().lock()));
    std::io::Write::write_all(&mut stdout, bytes)?;
    std::io::Write::flush(&mut stdout)?;
    Ok(())
}

/// An output until its reader goes away (a closed pipe): from then on what is written is dropped,
/// as `cat` and ripgrep do, rather than panicking (`print!`) or failing the command (a table
/// writer's error); the command still ends with its own status (2 for an unreadable input,
/// `compare --fail-on`'s 1).
pub(crate) struct UntilClosed<W>(pub(crate) Option<W>);

impl<W: std::io::Write> std::io::Write for UntilClosed<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let Some(out) = &mut self.0 else { return Ok(bytes.len()) };
        match out.write(bytes) {
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {
                self.0 = None;
                Ok(bytes.len())
            }
            result => result,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.0.as_mut().map(std::io::Write::flush) {
            Some(Err(error)) if error.kind() == std::io::ErrorKind::BrokenPipe => {
                self.0 = None;
                Ok(())
            }
            Some(result) => result,
            None => Ok(()),
        }
    }
}

/// Runs `errlens samples`.
pub fn run_samples() -> anyhow::Result<i32> {
    let dir = crate::samples::write_to_cache()?;
    to_stdout(format!("{}\n", dir.display()).as_bytes())?;
    Ok(0)
}

/// Runs `errlens completions SHELL`.
pub fn run_completions(shell: clap_complete::Shell) -> anyhow::Result<i32> {
    use clap::CommandFactory;
    // Written whole first: clap_complete panics when its writer fails (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "errlens", &mut script);
    to_stdout(&script)?;
    Ok(0)
}

/// Runs `errlens man`.
pub fn run_man() -> anyhow::Result<i32> {
    use clap::CommandFactory;
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    to_stdout(&page)?;
    Ok(0)
}

/// Loads inputs into a store; failures stay in the store with their message.
/// Folders are read through [`crate::walk`]; what it left out is named on stderr.
pub fn load_store(files: &[PathBuf], input_format: Option<Format>) -> Store {
    let walked = crate::walk::files_of(files);
    report_left_out(&walked.left_out);
    let mut store = Store::new(Arc::new(Knowledge::installed().clone()));
    for path in walked.files {
        store.load(path, input_format);
    }
    store
}

/// How many left-out entries are named before the rest are counted.
const LEFT_OUT_NAMED: usize = 5;

fn report_left_out(left_out: &[(PathBuf, crate::walk::LeftOut)]) {
    for (path, why) in left_out.iter().take(LEFT_OUT_NAMED) {
        eprintln!("errlens: left out {}: {why}", one_line(&path.to_string_lossy()));
    }
    if left_out.len() > LEFT_OUT_NAMED {
        eprintln!("errlens: ... and {} more left out", left_out.len() - LEFT_OUT_NAMED);
    }
}

/// Runs `errlens summary`; returns the process exit code.
pub fn run_summary(format: OutputFormat, input_format: Option<Format>, files: &[PathBuf]) -> anyhow::Result<i32> {
    let store = load_store(files, input_format);
    let summary = summary::summarize(&store, None);
    let failed = report_unreadable(&store);
    match format {
        OutputFormat::Json => to_stdout(format!("{}\n", crate::output::json::to_string_pretty(&summary)?).as_bytes())?,
        OutputFormat::Text => to_stdout(summary::render_text(&summary).as_bytes())?,
    }
    Ok(if failed { 2 } else { 0 })
}

/// Runs `errlens audit`; returns the process exit code.
pub fn run_audit(format: OutputFormat, input_format: Option<Format>, files: &[PathBuf]) -> anyhow::Result<i32> {
    let store = load_store(files, input_format);
    let failed = report_unreadable(&store);
    let report = crate::audit::Report::of(&crate::audit::audit(&store), &store);
    match format {
        OutputFormat::Json => to_stdout(format!("{}\n", crate::output::json::to_string_pretty(&report)?).as_bytes())?,
        OutputFormat::Text => to_stdout(crate::audit::render_text(&report).as_bytes())?,
    }
    Ok(if failed { 2 } else { 0 })
}

/// Runs `errlens compare`; returns the process exit code: 2 when an input was unreadable, 1 when
/// `--fail-on new` finds a new kind, else 0.
pub fn run_compare(
    before: &[PathBuf],
    after: &[PathBuf],
    format: OutputFormat,
    fail_on: Option<FailOn>,
    input_format: Option<Format>,
) -> anyhow::Result<i32> {
    for (side, files) in [("--before", before), ("--after", after)] {
        if crate::walk::files_of(files).files.is_empty() {
            return Err(UsageError(format!("compare needs log files on both sides: none given for {side}")).into());
        }
    }
    let (before, after) = (load_store(before, input_format), load_store(after, input_format));
    let failed = report_unreadable(&before) | report_unreadable(&after);
    let comparison = crate::compare::compare(&before, &after);
    match format {
        OutputFormat::Json => {
            to_stdout(format!("{}\n", crate::output::json::to_string_pretty(&comparison)?).as_bytes())?
        }
        OutputFormat::Text => to_stdout(crate::compare::render_text(&comparison).as_bytes())?,
    }
    Ok(match (failed, fail_on) {
        (true, _) => 2,
        (false, Some(FailOn::New)) if comparison.has_new() => 1,
        _ => 0,
    })
}

/// Runs `errlens email`; returns the process exit code.
pub fn run_email(
    group: &str,
    account_email: Option<String>,
    record: Option<usize>,
    input_format: Option<Format>,
    files: &[PathBuf],
) -> anyhow::Result<i32> {
    let store = load_store(files, input_format);
    let summary = summary::summarize(&store, None);
    let failed = report_unreadable(&store);
    let Some(chosen) = summary.groups.iter().find(|candidate| candidate.kind == group) else {
        let kinds: Vec<&str> = summary.groups.iter().map(|g| g.kind.as_str()).collect();
        anyhow::bail!("no failures of kind {group:?} in these files; groups found: {}", kinds.join(", "));
    };
    if account_email.is_none() {
        eprintln!("errlens: no --account-email given: the vendor asks for it; the email says to add it");
    }
    let redactor = Redactor { account_email, ..Redactor::default() };
    let email = crate::email::compose(&store, chosen, record, &redactor)?;
    if email.to.is_none() {
        eprintln!("errlens: no vendor documents {group}: the email has no To: address");
    }
    eprintln!("errlens: {} sensitive value(s) removed", email.removed.len());
    to_stdout(email.to_rfc5322().as_bytes())?;
    Ok(if failed { 2 } else { 0 })
}

/// Runs `errlens redact`; returns the process exit code.
pub fn run_redact(account_email: Option<String>, input_format: Option<Format>, file: &Path) -> anyhow::Result<i32> {
    let (mut bytes, _gzip) = crate::ingest::read_input(file)?;
    let format = input_format.unwrap_or_else(|| crate::ingest::detect_input(&bytes));
    if format.is_table() {
        // A table's copy is the NDJSON text of its rows, as errlens reads them.
        bytes = crate::ingest::table_text(file, &bytes, format, &crate::ingest::IngestLimits::default())?;
    }
    let redactor = Redactor { account_email, ..Redactor::default() };
    let redacted = crate::redact_log::redact_log_bytes(&bytes, format, &redactor);
    if std::io::stdout().is_terminal() {
        to_stdout(for_stdout(&String::from_utf8_lossy(&redacted.value), true).as_bytes())?;
    } else {
        // A copy in the log's own bytes: lines that were not UTF-8 stay as they were.
        to_stdout(&redacted.value)?;
    }
    let file = one_line(&file.to_string_lossy()).into_owned();
    eprintln!("errlens: {} sensitive value(s) removed from {file}", redacted.removed.len());
    Ok(0)
}

/// The redacted log as written to stdout: as it is into a file or a pipe (a copy in the log's
/// own format), with its control characters escaped when a terminal would act on them.
fn for_stdout(log: &str, to_terminal: bool) -> std::borrow::Cow<'_, str> {
    if to_terminal { crate::output::text::lines(log) } else { std::borrow::Cow::Borrowed(log) }
}

/// Names every unreadable input on stderr, and explains every input that gave no calls; true
/// when an input was unreadable.
pub(crate) fn report_unreadable(store: &Store) -> bool {
    let mut failed = false;
    for file in &store.files {
        if let Some(error) = &file.error {
            eprintln!("errlens: {}", one_line(error));
            failed = true;
        } else if file.records == 0
            && file.skipped_count > 0
            && let Some(format) = file.format
        {
            let help = crate::ingest::dead_end::explain(&file.path, format.name(), &file.skipped, file.skipped_count);
            eprint!("errlens: {}", crate::output::text::lines(&help));
        }
    }
    failed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redacted_log_is_escaped_for_a_terminal_only() {
        let log = "{\"message\":\"\u{1b}]52;c;cm0gLXJmIH4=\u{7}\"}\r\n";
        assert_eq!(for_stdout(log, false), log);
        assert_eq!(for_stdout(log, true), "{\"message\":\"\\e]52;c;cm0gLXJmIH4=\\u{7}\"}\\r\n");
    }
}
