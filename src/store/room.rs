//! Room for the next rows, made ahead on another thread.

use super::CHUNK_ROWS;

/// Space for a chunk of every column, allocated and its pages touched ahead of need.
///
/// A window's thread adds the rows of a loading file; in fresh memory the page faults of the
/// first writes cost it two thirds of that (about 35 ns a row instead of 13). The loading thread,
/// which waits on the parsing threads anyway, makes these instead; see [`super::Store::add_room`].
#[derive(Debug, Default)]
pub struct Room {
    pub(super) file: Vec<u32>,
    pub(super) line: Vec<u32>,
    pub(super) offset: Vec<u64>,
    pub(super) text_len: Vec<u32>,
    pub(super) time_ms: Vec<i64>,
    pub(super) status: Vec<u16>,
    pub(super) kind: Vec<u32>,
    pub(super) endpoint: Vec<u32>,
    pub(super) message: Vec<u32>,
}

impl Room {
    /// Room for [`CHUNK_ROWS`] rows in memory already written once.
    pub fn touched() -> Self {
        fn touched<T: Copy + Default>() -> Vec<T> {
            let mut space = Vec::with_capacity(CHUNK_ROWS);
            // Hidden from the optimizer, which would otherwise turn allocating and zeroing into
            // one `calloc`: fresh pages that are zero without being touched.
            std::hint::black_box(&mut space);
            space.resize(CHUNK_ROWS, T::default());
            space.clear();
            space
        }
        Self {
            file: touched(),
            line: touched(),
            offset: touched(),
            text_len: touched(),
            time_ms: touched(),
            status: touched(),
            kind: touched(),
            endpoint: touched(),
            message: touched(),
        }
    }
}

/// Rooms kept for the next chunks; a copy of the store keeps none.
#[derive(Debug, Default)]
pub(super) struct SpareRooms(pub(super) Vec<Room>);

impl Clone for SpareRooms {
    fn clone(&self) -> Self {
        Self::default()
    }
}

/// The most rooms a store keeps ahead: each is 2.6 MiB.
pub(super) const MAX_SPARE_ROOMS: usize = 2;
