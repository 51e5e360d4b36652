//! The errlens binary: a subcommand runs headless; no subcommand opens the desktop app.

use clap::Parser;
use errlens::cli::{Cli, Command};

/// mimalloc: see Cargo.toml for why and what it gains.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let loaded_cleanly = errlens::cli::configure(&cli.format_dirs, &cli.knowledge_dirs);
    let input_format = errlens::cli::input_format;
    let result = match cli.command {
        Some(Command::Email { group, account_email, record, input_format: name, files }) => {
            input_format(name.as_deref())
                .and_then(|format| errlens::cli::run_email(&group, account_email, record, format, &files))
        }
        Some(Command::Redact { account_email, input_format: name, file }) => {
            input_format(name.as_deref()).and_then(|format| errlens::cli::run_redact(account_email, format, &file))
        }
        Some(Command::Summary { format, input_format: name, files }) => {
            input_format(name.as_deref()).and_then(|input| errlens::cli::run_summary(format, input, &files))
        }
        Some(Command::Audit { format, input_format: name, files }) => {
            input_format(name.as_deref()).and_then(|input| errlens::cli::run_audit(format, input, &files))
        }
        Some(Command::Compare { before, after, format, fail_on, input_format: name }) => input_format(name.as_deref())
            .and_then(|input| errlens::cli::run_compare(&before, &after, format, fail_on, input)),
        #[cfg(feature = "table")]
        Some(Command::Export { to, output, filter, no_redact, input_format: name, files }) => {
            input_format(name.as_deref())
                .and_then(|format| errlens::cli::run_export(to, &output, &filter, no_redact, format, &files))
        }
        Some(Command::Report { format, input_format: name, files }) => {
            input_format(name.as_deref()).and_then(|input| errlens::cli::run_report(format, input, &files))
        }
        Some(Command::Formats) => errlens::cli::run_formats(loaded_cleanly),
        Some(Command::Samples) => errlens::cli::run_samples(),
        Some(Command::Completions { shell }) => errlens::cli::run_completions(shell),
        Some(Command::Man) => errlens::cli::run_man(),
        None => run_app(cli.files),
    };
    match result {
        Ok(code) => std::process::ExitCode::from(code as u8),
        Err(error) => {
            // The error may name a file, whose name is anyone's to choose.
            eprintln!("errlens: {}", errlens::output::text::one_line(&format!("{error:#}")));
            let usage = error.downcast_ref::<errlens::cli::UsageError>().is_some();
            std::process::ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

#[cfg(not(feature = "gui"))]
fn run_app(files: Vec<std::path::PathBuf>) -> anyhow::Result<i32> {
    if files.is_empty() {
        anyhow::bail!("built without the desktop app (feature `gui`); try `errlens summary FILE...`");
    }
    errlens::cli::run_summary(errlens::cli::OutputFormat::Text, None, &files)
}

#[cfg(feature = "gui")]
fn run_app(files: Vec<std::path::PathBuf>) -> anyhow::Result<i32> {
    // The samples are compiled in: written to the cache folder, they open from any directory.
    let samples_dir = errlens::samples::write_to_cache()
        .or_else(|_| errlens::samples::write_to(std::env::temp_dir().join("errlens-samples")))
        .map_err(|error| anyhow::anyhow!("cannot write the sample logs to a folder: {error}"))?;
    errlens::app::run(errlens::app::Options { files, samples_dir })?;
    Ok(0)
}
