//! The scanner's table of dotted paths, for the one question it asks of every key it reads:
//! what is at this path? Most keys are short, so a key is known by its length and its first and
//! last eight bytes (the whole of a key of up to sixteen), hashed and compared as words: no
//! hashing byte by byte and no `memcmp` call, which a general map cost the scanner 5 % of its
//! instructions on the bench's JSON lines.

/// A fixed table from paths to values, built once.
pub struct PathTable<V> {
    /// Open addressing, linear probing; a power of two long, at most a quarter full.
    slots: Vec<Option<Slot<V>>>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the first slot.
    shift: u32,
}

struct Slot<V> {
    words: Words,
    /// Compared only for a path longer than sixteen bytes, which its words do not cover.
    path: Box<str>,
    value: V,
}

/// A path's length and its first and last eight bytes (for a shorter path its first and last
/// four, or its first, middle and last byte: all of its bytes in any case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Words {
    len: usize,
    head: u64,
    tail: u64,
}

/// Bytes a path's words cover whole: a longer path is also compared byte by byte.
const COVERED: usize = 16;

impl Words {
    #[inline(always)]
    fn of(path: &str) -> Self {
        let bytes = path.as_bytes();
        let len = bytes.len();
        // Two loads that overlap cover a key of their size to twice that (bytes by position for
        // the shortest): no loop over its bytes.
        let (head, tail) = match len {
            8.. => {
                let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
                (word(0), word(len - 8))
            }
            4..8 => {
                let half = |at: usize| u64::from(u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes")));
                (half(0), half(len - 4))
            }
            1..4 => {
                let byte = |at: usize| u64::from(bytes[at]);
                (byte(0) | byte(len / 2) << 8, byte(len - 1))
            }
            0 => (0, 0),
        };
        Self { len, head, tail }
    }

    #[inline(always)]
    fn hash(self) -> u64 {
        // Multiplying mixes the low bytes into the top bits, which pick the slot.
        (self.head ^ self.tail.rotate_left(29) ^ self.len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

impl<V: Copy> PathTable<V> {
    /// The table of `entries`; a path given twice keeps its last value.
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, V)>) -> Self {
        let entries: Vec<(&str, V)> = entries.into_iter().collect();
        let len = (entries.len() * 4).next_power_of_two().max(16);
        let mut table = Self { slots: (0..len).map(|_| None).collect(), shift: 64 - len.trailing_zeros() };
        for (path, value) in entries {
            let words = Words::of(path);
            let mut at = table.first_slot(words);
            loop {
                match &mut table.slots[at] {
                    Some(slot) if slot.words == words && *slot.path == *path => {
                        slot.value = value;
                        break;
                    }
                    Some(_) => at = (at + 1) & (len - 1),
                    empty @ None => {
                        *empty = Some(Slot { words, path: path.into(), value });
                        break;
                    }
                }
            }
        }
        table
    }

    fn first_slot(&self, words: Words) -> usize {
        (words.hash() >> self.shift) as usize
    }

    /// The value at `path`.
    #[inline(always)]
    pub fn get(&self, path: &str) -> Option<V> {
        let words = Words::of(path);
        let mask = self.slots.len() - 1;
        let mut at = self.first_slot(words);
        loop {
            let slot = self.slots[at].as_ref()?;
            if slot.words == words && (words.len <= COVERED || *slot.path == *path) {
                return Some(slot.value);
            }
            at = (at + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The table answers as a hashed map of the same entries, for paths in it and near it.
        #[test]
        fn answers_as_a_map(
            paths in prop::collection::vec("[a-c.]{0,20}", 0..40),
            asked in prop::collection::vec("[a-c.]{0,20}", 0..40),
        ) {
            let table = PathTable::new(paths.iter().enumerate().map(|(index, path)| (path.as_str(), index)));
            let map: std::collections::HashMap<&str, usize> =
                paths.iter().enumerate().map(|(index, path)| (path.as_str(), index)).collect();
            for path in paths.iter().chain(&asked) {
                prop_assert_eq!(table.get(path), map.get(path.as_str()).copied(), "{}", path);
            }
        }
    }

    #[test]
    fn paths_alike_in_their_words_are_told_apart() {
        // The same length, first and last eight bytes: only a byte in the middle differs.
        let (one, other) = ("response.abc.status_code", "response.xyz.status_code");
        let table = PathTable::new([(one, 1)]);
        assert_eq!((table.get(one), table.get(other)), (Some(1), None));
        // Short paths padded with zeros are not a path with zeros.
        let table = PathTable::new([("ab", 1), ("", 2)]);
        assert_eq!(
            (table.get("ab"), table.get("ab\0"), table.get(""), table.get("\0")),
            (Some(1), None, Some(2), None)
        );
    }
}
