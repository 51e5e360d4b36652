//! The store's columns, named once. [`columns!`] makes from one list the columns themselves
//! ([`Columns`], one value per row each), the room made ahead for their next chunk ([`Room`]),
//! and what must touch every column alike (truncating, starting a chunk), so that a column added
//! to the list cannot be forgotten in one of them. What differs per column is written out where it
//! differs: where a block's values come from ([`super::Store::extend_file`]), the block's own
//! columns in transit (`rows::BlockColumns`, without the file, which is one per block), and what
//! the views read of a row ([`super::RowValues`]).

use super::{CHUNK_ROWS, Column};

macro_rules! columns {
    ($($(#[doc = $doc:literal])* $name:ident: $value:ty,)*) => {
        /// Every row's values, column by column: each column holds one value per row, so their
        /// lengths agree (only the store changes them).
        #[derive(Debug, Clone, Default)]
        pub struct Columns {
            $($(#[doc = $doc])* pub $name: Column<$value>,)*
        }

        impl Columns {
            /// Keeps the first `rows` rows of every column.
            pub(super) fn truncate(&mut self, rows: usize) {
                $(self.$name.truncate(rows);)*
            }

            /// Starts a chunk of every column in `room`.
            pub(super) fn add_chunk(&mut self, room: Room) {
                $(self.$name.add_chunk(room.$name);)*
            }
        }

        /// Space for a chunk of every column, allocated and its pages touched ahead of need.
        ///
        /// A window's thread adds the rows of a loading file; in fresh memory the page faults of
        /// the first writes cost it two thirds of that (about 35 ns a row instead of 13). The
        /// loading thread, which waits on the parsing threads anyway, makes these instead; see
        /// [`super::Store::add_room`].
        #[derive(Debug, Default)]
        pub struct Room {
            $($name: Vec<$value>,)*
        }

        impl Room {
            /// Room for [`CHUNK_ROWS`] rows in memory already written once.
            pub fn touched() -> Self {
                Self { $($name: touched(),)* }
            }
        }
    };
}

columns! {
    /// Per row: index into `files`.
    file: u32,
    /// Per row: 1-based line where it starts.
    line: u32,
    /// Per row: byte offset of its text in the content.
    offset: u64,
    /// Per row: length of its text in bytes.
    text_len: u32,
    /// Per row: epoch milliseconds, `i64::MIN` when unknown.
    time_ms: i64,
    /// Per row: HTTP status, 0 = no response.
    status: u16,
    /// Per row: kind id (into `kinds`), [`super::NONE`] for successes.
    kind: u32,
    /// Per row: endpoint template (into `endpoints`).
    endpoint: u32,
    /// Per row: message variant (into `messages`), [`super::NONE`] when there is none.
    message: u32,
    /// Per row: which request it was (`rows::request_key_after`): calls with the same key sent
    /// the same method, URL and body (or idempotency key); 0 when the log cannot tell.
    request: u64,
    /// Per row: how long the response's `Retry-After` asked to wait, in ms; [`super::NONE`] without one.
    retry_after_ms: u32,
}

/// Space for a chunk of one column, its pages written once.
fn touched<T: Copy + Default>() -> Vec<T> {
    let mut space = Vec::with_capacity(CHUNK_ROWS);
    // Hidden from the optimizer, which would otherwise turn allocating and zeroing into one
    // `calloc`: fresh pages that are zero without being touched.
    std::hint::black_box(&mut space);
    space.resize(CHUNK_ROWS, T::default());
    space.clear();
    space
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
