//! A column of the store kept in chunks of [`CHUNK_ROWS`] rows.
//!
//! A column in one piece is copied whole when it outgrows its room, or laid out ahead from an
//! estimate; worse, its fresh pages are first touched by whoever appends, which is the window's
//! thread while a big file loads (about two thirds of the cost of adding rows there). Chunks of a
//! fixed size never move, waste at most one chunk, and can be allocated and touched on another
//! thread ahead of need (see [`super::Room`]). Reading a row is two indexings: `row / CHUNK_ROWS`,
//! then `row % CHUNK_ROWS`.

/// Rows a chunk holds: 64 Ki rows are 256 KiB of a `u32` column.
pub const CHUNK_ROWS: usize = 1 << 16;

/// Values of one column, row by row; every chunk but the last is full.
#[derive(Debug, Clone)]
pub struct Column<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

impl<T> Default for Column<T> {
    fn default() -> Self {
        Self { chunks: Vec::new(), len: 0 }
    }
}

impl<T: Copy> Column<T> {
    /// Number of rows.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The value of a row, if there is that row.
    pub fn get(&self, row: usize) -> Option<T> {
        self.chunks.get(row / CHUNK_ROWS)?.get(row % CHUNK_ROWS).copied()
    }

    /// Every value, in row order.
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        self.chunks.iter().flatten().copied()
    }

    /// The values chunk by chunk: slices of [`CHUNK_ROWS`] values but the last; a loop over
    /// every row runs fastest over these.
    pub fn chunks(&self) -> impl ExactSizeIterator<Item = &[T]> + '_ {
        self.chunks.iter().map(Vec::as_slice)
    }

    /// The values of one chunk (none past the last).
    pub fn chunk(&self, chunk: usize) -> &[T] {
        self.chunks.get(chunk).map_or(&[], Vec::as_slice)
    }

    /// Rows the chunks can hold without another chunk.
    pub fn capacity(&self) -> usize {
        self.chunks.len() * CHUNK_ROWS
    }

    /// How many rows fit in the last chunk.
    pub(super) fn room(&self) -> usize {
        self.chunks.last().map_or(0, |last| CHUNK_ROWS - last.len())
    }

    /// Starts a new chunk in `space` (an empty vector, ideally with room for a chunk already).
    pub(super) fn add_chunk(&mut self, mut space: Vec<T>) {
        debug_assert_eq!(self.room(), 0, "a chunk is added only when the last one is full");
        space.clear();
        space.reserve_exact(CHUNK_ROWS);
        self.chunks.push(space);
    }

    /// Appends values to the last chunk; at most [`Column::room`] of them.
    pub(super) fn extend_last(&mut self, values: impl ExactSizeIterator<Item = T>) {
        let count = values.len();
        assert!(count <= self.room(), "{count} values for the room of {}", self.room());
        if let Some(last) = self.chunks.last_mut() {
            last.extend(values);
            self.len += count;
        }
    }

    /// Appends a slice of values to the last chunk; at most [`Column::room`] of them.
    pub(super) fn extend_last_from_slice(&mut self, values: &[T]) {
        assert!(values.len() <= self.room(), "{} values for the room of {}", values.len(), self.room());
        if let Some(last) = self.chunks.last_mut() {
            last.extend_from_slice(values);
            self.len += values.len();
        }
    }

    /// Keeps the first `rows` rows.
    pub fn truncate(&mut self, rows: usize) {
        if rows >= self.len {
            return;
        }
        self.chunks.truncate(rows.div_ceil(CHUNK_ROWS));
        if let Some(last) = self.chunks.last_mut() {
            last.truncate(rows - (rows - 1) / CHUNK_ROWS * CHUNK_ROWS);
        }
        self.len = rows;
    }
}

impl<T> std::ops::Index<usize> for Column<T> {
    type Output = T;

    fn index(&self, row: usize) -> &T {
        &self.chunks[row / CHUNK_ROWS][row % CHUNK_ROWS]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Appends like the store does: fill the last chunk, then start another.
    fn append(column: &mut Column<u32>, values: std::ops::Range<u32>) {
        let mut values = values.peekable();
        while values.peek().is_some() {
            if column.room() == 0 {
                column.add_chunk(Vec::new());
            }
            let part: Vec<u32> = values.by_ref().take(column.room()).collect();
            column.extend_last(part.into_iter());
        }
    }

    #[test]
    fn rows_read_back_across_chunk_boundaries_as_appended() {
        let mut column = Column::default();
        let mut expected = Vec::new();
        let mut next = 0u32;
        for size in [1, CHUNK_ROWS - 2, 1, 3, CHUNK_ROWS * 2 + 5, 0, 7] {
            let values = next..next + size as u32;
            expected.extend(values.clone());
            append(&mut column, values);
            next += size as u32;
        }
        assert_eq!(column.len(), expected.len());
        assert!(column.iter().eq(expected.iter().copied()));
        for row in [0, CHUNK_ROWS - 1, CHUNK_ROWS, CHUNK_ROWS + 1, 3 * CHUNK_ROWS, expected.len() - 1] {
            assert_eq!(column[row], expected[row], "row {row}");
            assert_eq!(column.get(row), Some(expected[row]));
        }
        assert_eq!(column.get(expected.len()), None);
        assert_eq!(column.capacity(), expected.len().div_ceil(CHUNK_ROWS) * CHUNK_ROWS);
    }

    #[test]
    fn truncating_keeps_the_first_rows_and_appending_goes_on_after_them() {
        for keep in [0, 1, CHUNK_ROWS - 1, CHUNK_ROWS, CHUNK_ROWS + 1, 2 * CHUNK_ROWS] {
            let mut column = Column::default();
            append(&mut column, 0..(2 * CHUNK_ROWS + 10) as u32);
            column.truncate(keep);
            assert_eq!(column.len(), keep);
            assert!(column.iter().eq(0..keep as u32), "kept {keep}");
            append(&mut column, 1_000_000..1_000_000 + CHUNK_ROWS as u32);
            assert_eq!(column.len(), keep + CHUNK_ROWS);
            assert_eq!(column[keep], 1_000_000, "kept {keep}");
            assert_eq!(column[keep + CHUNK_ROWS - 1], 1_000_000 + CHUNK_ROWS as u32 - 1);
            if keep > 0 {
                assert_eq!(column[keep - 1], keep as u32 - 1);
            }
        }
    }
}
