//! Tables of calls read as logs: an Apache Parquet or Arrow IPC file (a data lake's copy of a
//! gateway's logs, or errlens' own `export`) is read through polars and written out as NDJSON
//! text, one line a row, which the NDJSON reader then reads with the field names of any JSON log
//! (`assets/formats/fields.toml`, and the user's `[fields]`). Row N is line N.
//!
//! The text is what the store reads calls back from, so it is kept in memory like a gzip file's
//! content; the table's decompressed columns are held a slice of rows at a time only.
//!
//! Only the columns field discovery may read are read (a data lake's table has dozens that name
//! no part of a call; Parquet then does not even decompress them), unless none is: then every
//! column is, so that the explanation of a file without calls names them. Columns JSON has no
//! type for become what field discovery reads: times become epoch
//! milliseconds (a number is never read in a time zone it was not in), durations milliseconds,
//! categories their text. A file polars cannot read (truncated, corrupt, not a table after all) is
//! an error the caller names the file in; a panic inside polars is caught and reported the same
//! way, so no table stops errlens. Built without the `table` feature, errlens still knows a table
//! by its magic bytes and says it cannot read it.

use super::Format;
#[cfg(feature = "table")]
pub use through_polars::to_ndjson;

/// Why a table gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// polars could not read it: what it said.
    Unreadable(String),
    /// Its rows as text pass the limit of one file's content.
    #[cfg_attr(not(feature = "table"), allow(dead_code))]
    TooLarge,
}

/// The table format whose magic bytes start `bytes`: `PAR1` (Parquet), `ARROW1` (Arrow IPC).
pub fn magic(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(b"PAR1") {
        Some(Format::Parquet)
    } else if bytes.starts_with(b"ARROW1") {
        Some(Format::ArrowIpc)
    } else {
        None
    }
}

/// Without polars: a table is known, not read.
#[cfg(not(feature = "table"))]
pub fn to_ndjson(_bytes: &[u8], format: Format, _max_bytes: u64) -> Result<Vec<u8>, TableError> {
    Err(TableError::Unreadable(format!(
        "this errlens was built without the `table` feature, which reads {format} files (polars)"
    )))
}

#[cfg(feature = "table")]
mod through_polars {
    use super::{Format, TableError};
    use polars::prelude::*;
    use std::io::Cursor;

    /// Rows turned into text at a time: bounds the decompressed columns held beside the text.
    const SLICE_ROWS: usize = 65_536;

    /// The rows of a Parquet or Arrow IPC file as NDJSON text of at most `max_bytes`.
    pub fn to_ndjson(bytes: &[u8], format: Format, max_bytes: u64) -> Result<Vec<u8>, TableError> {
        let read = std::panic::catch_unwind(|| {
            let mut text = Vec::new();
            let mut add = |slice: DataFrame, rows: usize| -> Result<(), TableError> {
                let first = text.is_empty();
                let height = slice.height().max(1);
                write_lines(slice, &mut text).map_err(unreadable)?;
                if first {
                    // Room for every row at the first slice's size a row, rather than doubling
                    // as it grows: a big table's text is then held once, not up to twice.
                    let estimate = (text.len() / height).saturating_mul(rows) / 64 * 65;
                    text.reserve_exact(estimate.min(usize::try_from(max_bytes).unwrap_or(usize::MAX)));
                }
                if text.len() as u64 > max_bytes { Err(TableError::TooLarge) } else { Ok(()) }
            };
            match format {
                Format::ArrowIpc => ipc_slices(bytes, &mut add),
                _ => parquet_slices(bytes, &mut add),
            }
            .map(|()| text)
        });
        read.unwrap_or_else(|_| Err(TableError::Unreadable("the table reader failed on this file".into())))
    }

    fn unreadable(error: PolarsError) -> TableError {
        TableError::Unreadable(format!("truncated or damaged? {error}"))
    }

    /// The columns of `schema` that field discovery may read: a name that is a path it looks
    /// up, a flattened path, or the head of one (a struct column); all of them when none is.
    fn wanted(schema: &ArrowSchema) -> Vec<String> {
        let paths: Vec<&str> =
            crate::ingest::fields::all_paths().chain(crate::ingest::text::WRAPPED_LINE.iter().copied()).collect();
        let read = |name: &str| {
            paths.iter().any(|path| *path == name || path.strip_prefix(name).is_some_and(|rest| rest.starts_with('.')))
        };
        let names: Vec<String> = schema.iter_names().map(|name| name.to_string()).collect();
        let kept: Vec<String> = names.iter().filter(|name| read(name)).cloned().collect();
        if kept.is_empty() { names } else { kept }
    }

    /// A Parquet file read a slice of rows at a time (each slice decompresses only its rows).
    fn parquet_slices(
        bytes: &[u8],
        add: &mut dyn FnMut(DataFrame, usize) -> Result<(), TableError>,
    ) -> Result<(), TableError> {
        let mut reader = ParquetReader::new(Cursor::new(bytes));
        let rows = reader.num_rows().map_err(unreadable)?;
        let schema = reader.schema().map_err(unreadable)?;
        let columns = wanted(&schema);
        for offset in (0..rows).step_by(SLICE_ROWS) {
            let slice = Some((offset, SLICE_ROWS.min(rows - offset)));
            let reader = ParquetReader::new(Cursor::new(bytes)).with_columns(Some(columns.clone()));
            add(reader.with_slice(slice).finish().map_err(unreadable)?, rows)?;
        }
        Ok(())
    }

    /// An Arrow IPC file: its buffers are the file's own size, so it is read whole and sliced.
    fn ipc_slices(
        bytes: &[u8],
        add: &mut dyn FnMut(DataFrame, usize) -> Result<(), TableError>,
    ) -> Result<(), TableError> {
        let mut reader = IpcReader::new(Cursor::new(bytes));
        let schema = reader.schema().map_err(unreadable)?;
        let columns = wanted(&schema);
        let frame = reader.with_columns(Some(columns)).finish().map_err(unreadable)?;
        for offset in (0..frame.height()).step_by(SLICE_ROWS) {
            add(frame.slice(offset as i64, SLICE_ROWS), frame.height())?;
        }
        Ok(())
    }

    /// Appends a slice's rows as JSON lines, its columns first turned into what JSON can say.
    fn write_lines(slice: DataFrame, text: &mut Vec<u8>) -> PolarsResult<()> {
        let columns = slice.columns().iter().map(json_ready).collect::<PolarsResult<Vec<Column>>>()?;
        let mut frame = DataFrame::new(slice.height(), columns)?;
        JsonWriter::new(text).with_json_format(JsonFormat::JsonLines).finish(&mut frame)
    }

    /// A column as field discovery reads it: times as epoch milliseconds, durations as milliseconds,
    /// categories and times of day as text; anything else as it is.
    fn json_ready(column: &Column) -> PolarsResult<Column> {
        let per_ms = |unit: &TimeUnit| match unit {
            TimeUnit::Nanoseconds => 1_000_000,
            TimeUnit::Microseconds => 1_000,
            TimeUnit::Milliseconds => 1,
        };
        Ok(match column.dtype() {
            DataType::Datetime(unit, _) => {
                let per_ms = per_ms(unit);
                let ticks = column.cast(&DataType::Int64)?;
                let ms = ticks.i64()?.apply_values(|ticks| ticks.div_euclid(per_ms));
                ms.into_series().into()
            }
            DataType::Duration(unit) => {
                let per_ms = per_ms(unit) as f64;
                let ticks = column.cast(&DataType::Float64)?;
                let ms = ticks.f64()?.apply_values(|ticks| ticks / per_ms);
                ms.into_series().into()
            }
            DataType::Date => {
                let days = column.cast(&DataType::Int64)?;
                days.i64()?.apply_values(|days| days.saturating_mul(86_400_000)).into_series().into()
            }
            DataType::Categorical(..) | DataType::Enum(..) | DataType::Time => column.cast(&DataType::String)?,
            _ => column.clone(),
        })
    }
}

#[cfg(all(test, feature = "table"))]
mod tests {
    use super::*;
    use polars::prelude::*;

    fn parquet_of(frame: &mut DataFrame) -> Vec<u8> {
        let mut bytes = Vec::new();
        ParquetWriter::new(&mut bytes).finish(frame).expect("write parquet");
        bytes
    }

    fn calls() -> DataFrame {
        let time = Int64Chunked::from_vec("time".into(), vec![1_795_168_800_123_000, 1_795_168_801_000_000])
            .into_datetime(TimeUnit::Microseconds, Some(TimeZone::UTC));
        let columns = vec![
            Column::from(time.into_series()),
            Column::new("status".into(), [409u16, 0]),
            Column::new("path".into(), [Some("/api/customers"), None]),
        ];
        DataFrame::new(2, columns).expect("frame")
    }

    #[test]
    fn rows_become_json_lines_with_times_in_epoch_milliseconds() {
        let bytes = parquet_of(&mut calls());
        let text = to_ndjson(&bytes, Format::Parquet, u64::MAX).expect("readable");
        assert_eq!(
            String::from_utf8(text).expect("utf-8"),
            "{\"time\":1795168800123,\"status\":409,\"path\":\"/api/customers\"}\n\
             {\"time\":1795168801000,\"status\":0,\"path\":null}\n"
        );
        let mut ipc = Vec::new();
        IpcWriter::new(&mut ipc).finish(&mut calls()).expect("write ipc");
        assert_eq!(to_ndjson(&ipc, Format::ArrowIpc, u64::MAX), to_ndjson(&bytes, Format::Parquet, u64::MAX));
    }

    /// A gateway's calls as a data lake keeps them: its own column names, a nested struct, a
    /// categorical; read by the JSON field names like any JSON log.
    #[test]
    fn a_data_lakes_table_of_calls_reads_by_the_json_field_names() {
        let time =
            Int64Chunked::from_vec("@timestamp".into(), vec![1_795_168_800_000_000_000, 1_795_168_801_000_000_000])
                .into_datetime(TimeUnit::Nanoseconds, Some(TimeZone::UTC));
        let status = Series::new("status_code".into(), [429i32, 201]);
        let response = StructChunked::from_series("response".into(), 2, [status].iter()).expect("struct");
        let method = Series::new("http_method".into(), ["POST", "GET"])
            .cast(&DataType::from_categories(Categories::global()))
            .expect("categorical");
        let columns = vec![
            Column::from(time.into_series()),
            Column::new("pod_uid".into(), ["a1", "b2"]),
            Column::from(method),
            Column::new("request_uri".into(), ["https://api.example.org/v1/orders?x=1", "/v1/orders/7"]),
            Column::from(response.into_series()),
        ];
        let mut frame = DataFrame::new(2, columns).expect("frame");
        let bytes = parquet_of(&mut frame);
        let ingested = crate::ingest::ingest_bytes("lake.parquet".as_ref(), &bytes, None).expect("readable");
        assert_eq!(ingested.format, Format::Parquet);
        let text = to_ndjson(&bytes, Format::Parquet, u64::MAX).expect("readable");
        assert!(!String::from_utf8_lossy(&text).contains("pod_uid"), "a column no field name reads is not read");
        let calls: Vec<_> = ingested
            .parsed
            .records
            .iter()
            .map(|call| (call.status, call.method.clone(), call.url.clone(), call.time_ms, call.source.line))
            .collect();
        assert_eq!(
            calls,
            [
                (
                    429,
                    Some("POST".into()),
                    Some("https://api.example.org/v1/orders?x=1".into()),
                    Some(1_795_168_800_000),
                    1
                ),
                (201, Some("GET".into()), Some("/v1/orders/7".into()), Some(1_795_168_801_000), 2),
            ]
        );
    }

    #[test]
    fn a_cut_or_damaged_table_is_an_error_and_a_big_one_hits_the_limit() {
        let bytes = parquet_of(&mut calls());
        for cut in [4, 12, bytes.len() / 2, bytes.len() - 9, bytes.len() - 1] {
            assert!(
                matches!(to_ndjson(&bytes[..cut], Format::Parquet, u64::MAX), Err(TableError::Unreadable(_))),
                "cut at {cut}"
            );
        }
        let mut damaged = bytes.clone();
        for at in (8..damaged.len() - 8).step_by(7) {
            damaged[at] ^= 0x5a;
        }
        assert!(to_ndjson(&damaged, Format::Parquet, u64::MAX).is_err());
        assert!(to_ndjson(b"ARROW1\0\0garbage", Format::ArrowIpc, u64::MAX).is_err());
        assert_eq!(to_ndjson(&bytes, Format::Parquet, 20), Err(TableError::TooLarge));
    }
}
