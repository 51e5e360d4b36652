//! The calls table: one row a call. What the store keeps is handed over column by column: times,
//! lines and statuses as numbers, and the interned strings (files, endpoints, kinds, vendors,
//! message variants) as categorical columns whose categories are the store's tables, each string
//! once, the rows only their ids. What the store does not keep is read back from the inputs.

use crate::endpoint;
use crate::record::Record;
use crate::redact::Redactor;
use crate::store::{NO_TIME, NONE, Store};
use polars::prelude::*;
use std::borrow::Cow;

/// The table's columns, in order, with what each holds: the README's table is this one.
pub const COLUMNS: &[(&str, &str)] = &[
    ("time", "when the call started (UTC, milliseconds); empty when the log gives no time"),
    ("file", "the input it was read from, as given (categorical)"),
    ("line", "the line (item, row) of the input it starts on"),
    ("method", "the HTTP method"),
    ("host", "the host it went to, from the URL or the log's own field"),
    ("endpoint_template", "`METHOD /path/{id}`, ids replaced (categorical)"),
    ("path", "the URL's path, without query or fragment"),
    ("status", "the HTTP status; 0 = no response"),
    ("kind", "the error kind of a failure; empty for a success (categorical)"),
    ("vendor", "the vendor whose documentation explains the kind (categorical)"),
    ("error_type", "the error type the response named (`Conflict`, a problem's title)"),
    ("error_message", "the message's variant: emails, ids and numbers as placeholders (categorical)"),
    ("request_id", "the request id"),
    ("duration_ms", "how long the call took, in milliseconds"),
    ("retry_after", "the response's Retry-After value"),
];

/// A categorical column's categories: a store table's strings, each given its category id.
struct Dictionary {
    dtype: DataType,
    physical: CategoricalPhysical,
    /// By the store's id, the category's id (two strings may redact to one category).
    ids: Vec<u32>,
}

impl Dictionary {
    fn of<'a>(values: impl Iterator<Item = Cow<'a, str>>) -> PolarsResult<Self> {
        // A fixed list of categories (an Enum), made once for every slice: each slice's column
        // then carries all of them, the same dictionary in every IPC record batch, as an IPC
        // file requires (a Categorical's dictionary keeps only the categories a batch uses).
        let mut unique: Vec<Cow<'a, str>> = Vec::new();
        let mut seen = std::collections::HashMap::new();
        let ids = values
            .map(|value| {
                *seen.entry(value.clone()).or_insert_with(|| {
                    unique.push(value);
                    unique.len() as u32 - 1
                })
            })
            .collect();
        let categories = FrozenCategories::new(unique.iter().map(|value| value.as_ref()))?;
        let physical = categories.physical();
        Ok(Self { dtype: DataType::from_frozen_categories(categories), physical, ids })
    }

    /// The column of `ids` (the store's; [`NONE`] is empty).
    fn column(&self, name: &str, ids: &[u32]) -> Column {
        let (name, dtype) = (PlSmallStr::from(name), self.dtype.clone());
        let categories = ids.iter().map(|&id| if id == NONE { None } else { self.ids.get(id as usize).copied() });
        // The ids in the width polars chose for this many categories.
        let series = match self.physical {
            CategoricalPhysical::U8 => {
                let ids = UInt8Chunked::from_iter_options(name, categories.map(|id| id.map(|id| id as u8)));
                Categorical8Chunked::from_cats_and_dtype(ids, dtype).into_series()
            }
            CategoricalPhysical::U16 => {
                let ids = UInt16Chunked::from_iter_options(name, categories.map(|id| id.map(|id| id as u16)));
                Categorical16Chunked::from_cats_and_dtype(ids, dtype).into_series()
            }
            CategoricalPhysical::U32 => {
                Categorical32Chunked::from_cats_and_dtype(UInt32Chunked::from_iter_options(name, categories), dtype)
                    .into_series()
            }
        };
        series.into()
    }
}

/// How text becomes a cell: redacted (unless the export is not), and in a CSV file never a
/// formula a spreadsheet would run ([`crate::output::csv`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct Cells<'a> {
    pub redactor: Option<&'a Redactor>,
    pub spreadsheet: bool,
}

impl Cells<'_> {
    /// Free text (a message, an error type, an endpoint), redacted.
    fn text(self, text: &str) -> String {
        match self.redactor {
            Some(redactor) => self.kept(&redactor.redact_text(text).value),
            None => self.kept(text),
        }
    }

    /// A URL or path, redacted.
    fn url(self, url: &str) -> String {
        match self.redactor {
            Some(redactor) => self.kept(&redactor.redact_url(url).value),
            None => self.kept(url),
        }
    }

    /// Text that is evidence, not data (a host, a request id): kept as logged.
    fn kept(self, text: &str) -> String {
        if self.spreadsheet { crate::output::csv::cell(text).into_owned() } else { text.to_string() }
    }
}

/// The dictionaries of one export, made once for all its slices.
pub(super) struct Dictionaries {
    file: Dictionary,
    endpoint: Dictionary,
    kind: Dictionary,
    vendor: Dictionary,
    message: Dictionary,
    /// By kind id, the vendor's index (or [`NONE`]).
    vendor_of_kind: Vec<u32>,
}

impl Dictionaries {
    /// The store's tables as categories, endpoints and messages redacted.
    pub(super) fn of(store: &Store, cells: Cells<'_>) -> PolarsResult<Self> {
        let interned = |table: &crate::store::Interner, cell: &dyn Fn(&str) -> String| -> Vec<Cow<'static, str>> {
            (0..table.len() as u32).map(|id| Cow::Owned(cell(table.get(id)))).collect()
        };
        let knowledge = &store.knowledge;
        let vendors =
            (0..knowledge.vendors.len()).map(|at| Cow::Owned(cells.kept(knowledge.vendor(at).map_or("", |v| &v.name))));
        let files = store.files.iter().map(|file| Cow::Owned(cells.kept(&file.path.display().to_string())));
        Ok(Self {
            file: Dictionary::of(files)?,
            endpoint: Dictionary::of(interned(&store.endpoints, &|text| cells.text(text)).into_iter())?,
            kind: Dictionary::of(interned(&store.kinds, &|text| cells.kept(text)).into_iter())?,
            vendor: Dictionary::of(vendors)?,
            message: Dictionary::of(interned(&store.messages, &|text| cells.text(text)).into_iter())?,
            vendor_of_kind: (0..store.kinds.len() as u32)
                .map(|kind| store.kind_vendor.get(&kind).map_or(NONE, |&vendor| vendor as u32))
                .collect(),
        })
    }
}

/// What a row's call gives besides what the store keeps, redacted where it may hold data.
struct ReadBack {
    method: Option<String>,
    host: Option<String>,
    path: Option<String>,
    error_type: Option<String>,
    request_id: Option<String>,
    duration_ms: Option<f64>,
    retry_after: Option<String>,
}

impl ReadBack {
    fn of(record: Record, cells: Cells<'_>) -> Self {
        let url = record.url.as_deref();
        let kept = |text: Option<&str>| text.map(|text| cells.kept(text));
        Self {
            host: kept(record.host.as_deref().or_else(|| url.and_then(endpoint::host_of))),
            path: url.map(|url| cells.url(endpoint::path_of(url))),
            // Redacted per slice, once per distinct type (see `slice`).
            error_type: record.error_type,
            retry_after: kept(record.response.header("retry-after").map(str::trim)),
            method: kept(record.method.as_deref()),
            request_id: kept(record.request_id.as_deref()),
            duration_ms: record.duration_ms,
        }
    }
}

/// The table of `rows` (in that order) and how many of their calls could not be read back.
pub(super) fn slice(
    store: &Store,
    rows: &[u32],
    dictionaries: &Dictionaries,
    cells: Cells<'_>,
) -> PolarsResult<(DataFrame, usize)> {
    let count = rows.len();
    let (mut time, mut status) = (Vec::with_capacity(count), Vec::with_capacity(count));
    let (mut kind, mut endpoint, mut message) =
        (Vec::with_capacity(count), Vec::with_capacity(count), Vec::with_capacity(count));
    store.for_each_row(Some(rows), |_, row| {
        time.push((row.time_ms != NO_TIME).then_some(row.time_ms));
        status.push(row.status);
        kind.push(row.kind);
        endpoint.push(row.endpoint);
        message.push(row.message);
    });
    let file: Vec<u32> = rows.iter().map(|&row| store.file.get(row as usize).unwrap_or(NONE)).collect();
    let line: Vec<u32> = rows.iter().map(|&row| store.line.get(row as usize).unwrap_or(0)).collect();
    let vendor: Vec<u32> =
        kind.iter().map(|&kind| dictionaries.vendor_of_kind.get(kind as usize).copied().unwrap_or(NONE)).collect();
    let mut read = store.read_back(rows, |record| ReadBack::of(record, cells));
    let unread = read.iter().filter(|call| call.is_none()).count();
    // Error types repeat by the thousand and free text is the redaction engine's slowest input:
    // each distinct one is redacted once.
    let mut redacted_types: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for call in read.iter_mut().flatten() {
        if let Some(error_type) = call.error_type.take() {
            let redacted = redacted_types.entry(error_type).or_insert_with_key(|error_type| cells.text(error_type));
            call.error_type = Some(redacted.clone());
        }
    }
    let text = |name: &str, part: fn(&ReadBack) -> Option<&str>| -> Column {
        StringChunked::from_iter_options(name.into(), read.iter().map(|call| call.as_ref().and_then(part)))
            .into_series()
            .into()
    };
    let time = Int64Chunked::from_iter_options("time".into(), time.into_iter())
        .into_datetime(TimeUnit::Milliseconds, Some(TimeZone::UTC));
    let duration = read.iter().map(|call| call.as_ref().and_then(|call| call.duration_ms));
    let columns = vec![
        time.into_series().into(),
        dictionaries.file.column("file", &file),
        Column::new("line".into(), line),
        text("method", |call| call.method.as_deref()),
        text("host", |call| call.host.as_deref()),
        dictionaries.endpoint.column("endpoint_template", &endpoint),
        text("path", |call| call.path.as_deref()),
        Column::new("status".into(), status),
        dictionaries.kind.column("kind", &kind),
        dictionaries.vendor.column("vendor", &vendor),
        text("error_type", |call| call.error_type.as_deref()),
        dictionaries.message.column("error_message", &message),
        text("request_id", |call| call.request_id.as_deref()),
        Float64Chunked::from_iter_options("duration_ms".into(), duration).into_series().into(),
        text("retry_after", |call| call.retry_after.as_deref()),
    ];
    Ok((DataFrame::new(count, columns)?, unread))
}

/// The whole table of `rows` in memory (for a preview or a test; [`super::write`] streams it).
pub fn frame(store: &Store, rows: &[u32], redactor: Option<&Redactor>) -> PolarsResult<DataFrame> {
    let cells = Cells { redactor, spreadsheet: false };
    let dictionaries = Dictionaries::of(store, cells)?;
    let mut slices = rows.chunks(super::SLICE_ROWS);
    let (mut table, _) = slice(store, slices.next().unwrap_or(&[]), &dictionaries, cells)?;
    for rows in slices {
        table.vstack_mut(&slice(store, rows, &dictionaries, cells)?.0)?;
    }
    Ok(table)
}
