//! The order of the records table: rows sorted by one column, up or down.

use crate::store::Store;

/// A column the records can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    /// Time.
    Time,
    /// Endpoint.
    Endpoint,
    /// Status.
    Status,
    /// Kind.
    Kind,
}

/// Sorts rows in place by `sort` (column, ascending); `None` keeps them as they are. Stable, so
/// equal keys keep file order.
pub fn sort_rows(store: &Store, rows: &mut [u32], sort: Option<(SortColumn, bool)>) {
    let Some((column, ascending)) = sort else { return };
    match column {
        SortColumn::Time => rows.sort_by_key(|&row| store.time_ms[row as usize]),
        SortColumn::Status => rows.sort_by_key(|&row| store.status[row as usize]),
        SortColumn::Endpoint => rows.sort_by(|&a, &b| {
            store.endpoints.get(store.endpoint[a as usize]).cmp(store.endpoints.get(store.endpoint[b as usize]))
        }),
        SortColumn::Kind => rows.sort_by(|&a, &b| {
            let kind = |row: u32| store.kind_id(row as usize).unwrap_or("");
            kind(a).cmp(kind(b))
        }),
    }
    if !ascending {
        rows.reverse();
    }
}
