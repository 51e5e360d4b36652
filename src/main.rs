//! The errlens binary: a subcommand runs headless; no subcommand opens the desktop app.

use clap::Parser;
use errlens::cli::{Cli, Command};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Summary { format, input_format, files }) => {
            errlens::cli::run_summary(format, input_format, &files)
        }
        None => run_app(cli.files),
    };
    match result {
        Ok(code) => std::process::ExitCode::from(code as u8),
        Err(error) => {
            eprintln!("errlens: {error:#}");
            std::process::ExitCode::from(1)
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
    anyhow::bail!("the desktop app is not built yet ({} files given); try `errlens summary FILE...`", files.len())
}
