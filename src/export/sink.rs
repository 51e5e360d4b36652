//! Where the slices of a table go: one polars batched writer per format, each slice written as it
//! comes (a Parquet row group, an IPC record batch, CSV or NDJSON lines), so no format needs the
//! whole table at once.

use super::TableFormat;
use polars::io::{csv::write as csv, ipc, json, parquet::write as parquet};
use polars::prelude::*;
use std::io::Write;

/// An open writer of one format (there is one an export: the Parquet writer's size is no cost).
#[allow(clippy::large_enum_variant)]
pub(super) enum Sink<W: Write> {
    Parquet(parquet::BatchedWriter<W>),
    Ipc(ipc::BatchedWriter<W>),
    Csv(csv::BatchedWriter<W>),
    Ndjson(json::BatchedWriter<W>),
}

impl<W: Write> Sink<W> {
    /// Starts a table of `schema` in `out`.
    pub(super) fn new(format: TableFormat, out: W, schema: &Schema) -> PolarsResult<Self> {
        Ok(match format {
            TableFormat::Parquet => {
                Self::Parquet(ParquetWriter::new(out).with_compression(ParquetCompression::Zstd(None)).batched(schema)?)
            }
            TableFormat::Ipc => {
                // Each categorical column's dictionary gets its id; every batch carries the same.
                let arrow = schema.to_arrow(CompatLevel::newest());
                let fields = polars_arrow::io::ipc::write::default_ipc_fields(arrow.iter_values());
                Self::Ipc(IpcWriter::new(out).batched(schema, fields)?)
            }
            TableFormat::Csv => Self::Csv(
                CsvWriter::new(out)
                    .include_header(true)
                    .with_datetime_format(Some("%Y-%m-%dT%H:%M:%S%.3fZ".into()))
                    .batched(schema)?,
            ),
            TableFormat::Ndjson => Self::Ndjson(json::BatchedWriter::new(out)),
        })
    }

    /// Writes one slice (its chunks aligned).
    pub(super) fn write(&mut self, slice: &DataFrame) -> PolarsResult<()> {
        match self {
            Self::Parquet(writer) => writer.write_batch(slice),
            Self::Ipc(writer) => writer.write_batch(slice),
            Self::Csv(writer) => writer.write_batch(slice),
            Self::Ndjson(writer) => writer.write_batch(slice),
        }
    }

    /// Ends the table (Parquet's and IPC's footers).
    pub(super) fn finish(self) -> PolarsResult<()> {
        match self {
            Self::Parquet(writer) => writer.finish().map(drop),
            Self::Ipc(mut writer) => writer.finish(),
            Self::Csv(mut writer) => writer.finish(),
            Self::Ndjson(_) => Ok(()),
        }
    }
}
