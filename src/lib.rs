//! errlens reads API logs in the shapes they come in, groups the failed calls by documented error
//! kind, explains each kind with the vendor's fix, and composes a support email that leaks nothing.
//!
//! The pipeline runs one way: [`ingest`] detects the format and turns each line or item into a
//! [`record::Record`] (reporting every line it could not use); [`knowledge`] classifies each
//! failure into a kind; the [`store::Store`] keeps one compact row per call; [`summary`] groups
//! them; [`audit`] judges the client's retries and error handling, [`compare`] two sets of logs.
//! The CLI ([`cli`]) and the desktop app (`app`, feature `gui`) sit on top; `export` (feature
//! `table`, polars) writes the calls as a table.

#[cfg(feature = "gui")]
pub mod app;
pub mod audit;
pub mod cli;
pub mod compare;
pub mod email;
pub mod endpoint;
#[cfg(feature = "table")]
pub mod export;
pub mod ingest;
pub mod knowledge;
pub mod output;
pub mod query;
pub mod record;
pub mod redact;
pub mod redact_log;
pub mod report;
pub mod samples;
pub mod store;
pub mod summary;
mod text_memo;
pub mod user_files;
pub mod variant;
pub mod view;
pub mod walk;
