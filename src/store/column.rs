//! A column of the store kept in chunks of [`CHUNK_ROWS`] rows.
//!
//! A column in one piece is copied whole when it outgrows its room, or laid out ahead from an
//! estimate; worse, its fresh pages are first touched by whoever appends, which is the window's
//! thread while a big file loads (about two thirds of the cost of adding rows there). Chunks of a
//! fixed size never move, waste at most one chunk, and can be allocated and touched on another
//! thread ahead of need (see [`super::Room`]). Reading a row is two indexings: `row / CHUNK_ROWS`,
//! then `row % CHUNK_ROWS`.
//!
//! A chunk whose values are all the same is kept as that value until one differs ([`Chunk`]):
//! a log without times, an access log's messages (none), a file's own index, the rare
//! `Retry-After`. Its pages are then never written: a fresh page costs about 2 µs here, and these
//! columns were up to three fifths of a store's (32 of 54 bytes a row of urllib3's log).

use std::sync::{Arc, Mutex, OnceLock};

/// Rows a chunk holds: 64 Ki rows are 256 KiB of a `u32` column.
pub const CHUNK_ROWS: usize = 1 << 16;

/// Values of one column, row by row; every chunk but the last is full.
#[derive(Debug)]
pub struct Column<T> {
    chunks: Vec<Chunk<T>>,
    len: usize,
    /// One chunk's worth of one value, for each value a chunk of [`Chunk::Same`] was read as a
    /// slice with: its chunks share it.
    slabs: Mutex<Vec<Arc<[T]>>>,
}

/// A chunk's values.
#[derive(Debug, Clone)]
enum Chunk<T> {
    /// No value yet, or `len` times the same `value`, none of them written: `room` is where they
    /// go once one differs, and `slab` what reading them as a slice reads.
    Same { value: Option<T>, len: usize, room: Vec<T>, slab: OnceLock<Arc<[T]>> },
    /// The values, written out.
    Values(Vec<T>),
}

impl<T: Copy> Chunk<T> {
    fn len(&self) -> usize {
        match self {
            Self::Same { len, .. } => *len,
            Self::Values(values) => values.len(),
        }
    }

    fn get(&self, at: usize) -> Option<&T> {
        match self {
            Self::Same { value, len, .. } => value.as_ref().filter(|_| at < *len),
            Self::Values(values) => values.get(at),
        }
    }

    /// Gives back the room of a chunk full of one value, which no value will be written into
    /// (the window's loading thread wrote its pages ahead: the next room it makes takes them).
    fn release_room_when_full(&mut self) {
        if let Self::Same { len, room, .. } = self
            && *len == CHUNK_ROWS
        {
            *room = Vec::new();
        }
    }

    /// Writes the values out: from here on they are [`Chunk::Values`].
    fn write_out(&mut self) -> &mut Vec<T> {
        if let Self::Same { value, len, room, .. } = self {
            let mut values = std::mem::take(room);
            values.clear();
            values.reserve_exact(CHUNK_ROWS);
            values.extend(value.iter().flat_map(|&value| std::iter::repeat_n(value, *len)));
            *self = Self::Values(values);
        }
        match self {
            Self::Values(values) => values,
            Self::Same { .. } => unreachable!("written out above"),
        }
    }
}

impl<T> Default for Column<T> {
    fn default() -> Self {
        Self { chunks: Vec::new(), len: 0, slabs: Mutex::default() }
    }
}

impl<T: Clone> Clone for Column<T> {
    fn clone(&self) -> Self {
        Self { chunks: self.chunks.clone(), len: self.len, slabs: Mutex::default() }
    }
}

impl<T: Copy + PartialEq> Column<T> {
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
        self.chunks.iter().flat_map(|chunk| {
            let (same, values) = match chunk {
                Chunk::Same { value, len, .. } => (value.map(|value| (value, *len)), &[][..]),
                Chunk::Values(values) => (None, values.as_slice()),
            };
            same.into_iter().flat_map(|(value, len)| std::iter::repeat_n(value, len)).chain(values.iter().copied())
        })
    }

    /// The values chunk by chunk: slices of [`CHUNK_ROWS`] values but the last; a loop over
    /// every row runs fastest over these.
    pub fn chunks(&self) -> impl ExactSizeIterator<Item = &[T]> + '_ {
        self.chunks.iter().map(|chunk| self.slice(chunk))
    }

    /// The values of one chunk (none past the last).
    pub fn chunk(&self, chunk: usize) -> &[T] {
        self.chunks.get(chunk).map_or(&[], |chunk| self.slice(chunk))
    }

    fn slice<'a>(&'a self, chunk: &'a Chunk<T>) -> &'a [T] {
        match chunk {
            Chunk::Values(values) => values,
            Chunk::Same { value: None, .. } => &[],
            Chunk::Same { value: Some(value), len, slab, .. } => &slab.get_or_init(|| self.slab(*value))[..*len],
        }
    }

    /// A chunk's worth of `value`, shared by every chunk of it.
    fn slab(&self, value: T) -> Arc<[T]> {
        let mut slabs = self.slabs.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(slab) = slabs.iter().find(|slab| slab[0] == value) {
            return Arc::clone(slab);
        }
        let slab: Arc<[T]> = std::iter::repeat_n(value, CHUNK_ROWS).collect();
        slabs.push(Arc::clone(&slab));
        slab
    }

    /// Rows the chunks can hold without another chunk.
    pub fn capacity(&self) -> usize {
        self.chunks.len() * CHUNK_ROWS
    }

    /// How many rows fit in the last chunk.
    pub(super) fn room(&self) -> usize {
        self.chunks.last().map_or(0, |last| CHUNK_ROWS - last.len())
    }

    /// Starts a new chunk in `space` (an empty vector, ideally with room for a chunk already),
    /// where its values are written once they are not all the same.
    pub(super) fn add_chunk(&mut self, space: Vec<T>) {
        debug_assert_eq!(self.room(), 0, "a chunk is added only when the last one is full");
        self.chunks.push(Chunk::Same { value: None, len: 0, room: space, slab: OnceLock::new() });
    }

    /// Appends values to the last chunk; at most [`Column::room`] of them.
    pub(super) fn extend_last(&mut self, values: impl ExactSizeIterator<Item = T>) {
        let count = values.len();
        assert!(count <= self.room(), "{count} values for the room of {}", self.room());
        let Some(last) = self.chunks.last_mut() else { return };
        let mut values = values.peekable();
        if let Chunk::Same { value, len, .. } = last {
            while let Some(&next) = values.peek() {
                if value.is_some_and(|value| value != next) {
                    break;
                }
                *value = Some(next);
                *len += 1;
                values.next();
            }
        }
        if values.peek().is_some() {
            last.write_out().extend(values);
        }
        last.release_room_when_full();
        self.len += count;
    }

    /// Appends a slice of values to the last chunk; at most [`Column::room`] of them.
    pub(super) fn extend_last_from_slice(&mut self, values: &[T]) {
        assert!(values.len() <= self.room(), "{} values for the room of {}", values.len(), self.room());
        let Some(last) = self.chunks.last_mut() else { return };
        match last {
            Chunk::Same { value, len, .. } => match value.or_else(|| values.first().copied()) {
                Some(same) if values.iter().all(|&next| next == same) => {
                    *value = Some(same);
                    *len += values.len();
                }
                Some(_) => last.write_out().extend_from_slice(values),
                None => {}
            },
            Chunk::Values(written) => written.extend_from_slice(values),
        }
        last.release_room_when_full();
        self.len += values.len();
    }

    /// Keeps the first `rows` rows.
    pub fn truncate(&mut self, rows: usize) {
        if rows >= self.len {
            return;
        }
        self.chunks.truncate(rows.div_ceil(CHUNK_ROWS));
        let kept = rows - rows.saturating_sub(1) / CHUNK_ROWS * CHUNK_ROWS;
        match self.chunks.last_mut() {
            Some(Chunk::Same { len, .. }) => *len = kept,
            Some(Chunk::Values(values)) => values.truncate(kept),
            None => {}
        }
        self.len = rows;
    }
}

impl<T: Copy + PartialEq> std::ops::Index<usize> for Column<T> {
    type Output = T;

    fn index(&self, row: usize) -> &T {
        let chunk = &self.chunks[row / CHUNK_ROWS];
        chunk.get(row % CHUNK_ROWS).unwrap_or_else(|| panic!("row {row} of a column of {}", self.len))
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

    /// Every way of reading a column gives back `expected`.
    fn assert_reads(column: &Column<u64>, expected: &[u64], case: &str) {
        assert_eq!(column.len(), expected.len(), "{case}");
        assert!(column.iter().eq(expected.iter().copied()), "{case}: iter");
        let chunked: Vec<u64> = column.chunks().flatten().copied().collect();
        assert_eq!(chunked, expected, "{case}: chunks");
        for (at, chunk) in expected.chunks(CHUNK_ROWS).enumerate() {
            assert_eq!(column.chunk(at), chunk, "{case}: chunk {at}");
        }
        for row in [0, 1, CHUNK_ROWS - 1, CHUNK_ROWS, CHUNK_ROWS + 7, expected.len().saturating_sub(1), expected.len()]
        {
            assert_eq!(column.get(row), expected.get(row).copied(), "{case}: row {row}");
            if row < expected.len() {
                assert_eq!(column[row], expected[row], "{case}: [{row}]");
            }
        }
    }

    /// Runs of one value kept as that value read back as if written, through slices and
    /// iterators alike, when a different value comes in the middle of a chunk, at its first row
    /// or never, and after truncating into a run.
    #[test]
    fn runs_of_one_value_read_back_as_written_values_do() {
        // (value, how many) runs, appended in parts of the given sizes.
        let cases: [(&[(u64, usize)], usize); 6] = [
            (&[(7, 3 * CHUNK_ROWS + 5)], 1000),
            (&[(7, CHUNK_ROWS + 10), (8, 1), (7, CHUNK_ROWS)], 333),
            (&[(1, 1), (2, CHUNK_ROWS), (2, 5)], CHUNK_ROWS),
            (&[(u64::MAX, CHUNK_ROWS - 1), (0, 2), (u64::MAX, 2 * CHUNK_ROWS)], 4096),
            (&[(5, 10), (6, 10), (5, 10)], 7),
            (&[], 10),
        ];
        for (at, (runs, part)) in cases.iter().enumerate() {
            let expected: Vec<u64> =
                runs.iter().flat_map(|&(value, count)| std::iter::repeat_n(value, count)).collect();
            for by_slice in [false, true] {
                let mut column = Column::default();
                for values in expected.chunks(*part) {
                    let mut values = values;
                    while !values.is_empty() {
                        if column.room() == 0 {
                            column.add_chunk(Vec::new());
                        }
                        let (now, later) = values.split_at(values.len().min(column.room()));
                        if by_slice {
                            column.extend_last_from_slice(now);
                        } else {
                            column.extend_last(now.iter().copied());
                        }
                        values = later;
                    }
                }
                let case = format!("case {at}, by slice {by_slice}");
                assert_reads(&column, &expected, &case);
                assert_reads(&column.clone(), &expected, &format!("{case}, cloned"));
                for keep in [expected.len() / 2, CHUNK_ROWS + 3, 1, 0] {
                    let mut cut = column.clone();
                    cut.truncate(keep);
                    let kept = &expected[..keep.min(expected.len())];
                    assert_reads(&cut, kept, &format!("{case}, truncated to {keep}"));
                    cut.extend_last_from_slice(&[9; 3][..cut.room().min(3)]);
                    let mut grown = kept.to_vec();
                    grown.extend(std::iter::repeat_n(9, cut.len() - kept.len()));
                    assert_reads(&cut, &grown, &format!("{case}, truncated to {keep} and grown"));
                }
            }
        }
    }

    /// A chunk of one value keeps no values: its pages are never written.
    #[test]
    fn a_chunk_of_one_value_writes_none_of_them() {
        let mut column = Column::default();
        for _ in 0..3 {
            column.add_chunk(Vec::with_capacity(CHUNK_ROWS));
            column.extend_last_from_slice(&[42u32; CHUNK_ROWS / 2]);
            column.extend_last(std::iter::repeat_n(42, CHUNK_ROWS / 2));
        }
        assert!(
            column.chunks.iter().all(|chunk| matches!(chunk, Chunk::Same { room, .. } if room.capacity() == 0)),
            "full chunks of one value keep neither values nor room for them"
        );
        assert_eq!(column.slabs.lock().expect("slabs").len(), 0, "nothing read as a slice yet");
        assert!(column.chunks().all(|chunk| chunk.len() == CHUNK_ROWS && chunk.iter().all(|&v| v == 42)));
        assert_eq!(column.slabs.lock().expect("slabs").len(), 1, "the chunks share one slab");
    }
}
