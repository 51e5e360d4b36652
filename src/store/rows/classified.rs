//! Failures classified on this thread, for the blocks after. A block remembers how it classified
//! each message (its ids are its own), but each block of a file starts afresh: on an NDJSON log
//! cut into 1 MiB blocks, every block classified its hundred-odd messages again (lowercasing,
//! keyword search; some 3,000 instructions each), 1–2 % of reading it.

use super::KindKey;
use crate::knowledge::{Classification, Knowledge};
use crate::record::Record;
use std::cell::RefCell;
use std::hash::BuildHasher;
use std::sync::Arc;

/// Classifications a thread keeps at most: past it, it starts afresh (a log of ever new
/// messages uses bounded memory).
const MAX_ENTRIES: usize = 4096;

thread_local! {
    static CLASSIFIED: RefCell<Classified> = RefCell::new(Classified::default());
}

#[derive(Default)]
struct Classified {
    /// The knowledge they were classified with: held, so that no other knowledge can take its
    /// place in memory while the classifications are kept (an `Arc`'s knowledge is not changed
    /// while another holds it).
    knowledge: Option<Arc<Knowledge>>,
    hasher: foldhash::fast::FixedState,
    known: hashbrown::HashTable<Entry>,
}

struct Entry {
    hash: u64,
    message: Option<Box<str>>,
    key: KindKey,
    classification: Option<Classification>,
}

/// `then` of how `knowledge` classifies `record`, by its message and its other circumstances
/// `key` (all [`Knowledge::classify`] reads): from this thread's memory when it classified the
/// same with the same knowledge before.
pub(super) fn classify<T>(
    knowledge: &Arc<Knowledge>,
    record: &Record,
    key: &KindKey,
    then: impl FnOnce(Option<&Classification>) -> T,
) -> T {
    let message = record.message.as_deref();
    CLASSIFIED.with_borrow_mut(|classified| {
        if !classified.knowledge.as_ref().is_some_and(|known| Arc::ptr_eq(known, knowledge)) {
            classified.known.clear();
            classified.knowledge = Some(Arc::clone(knowledge));
        }
        let hash = classified.hasher.hash_one((message, key));
        let same = |entry: &Entry| entry.hash == hash && entry.message.as_deref() == message && entry.key == *key;
        if let Some(entry) = classified.known.find(hash, same) {
            return then(entry.classification.as_ref());
        }
        if classified.known.len() >= MAX_ENTRIES {
            classified.known.clear();
        }
        let classification = knowledge.classify(record);
        let entry = Entry { hash, message: message.map(Box::from), key: key.clone(), classification };
        then(classified.known.insert_unique(hash, entry, |entry| entry.hash).get().classification.as_ref())
    })
}
