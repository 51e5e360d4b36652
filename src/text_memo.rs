//! Answers worked out from a text, remembered on the calling thread for the next time the same
//! text comes. Logs repeat the same few error bodies and messages thousands of times, and reading
//! one (parsing a body, running a message's regexes) costs far more than looking it up.

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread::LocalKey;

/// What one thread remembers for one question; declare it with `thread_local!`.
pub type TextMemo<T> = RefCell<HashMap<Box<str>, T, foldhash::fast::RandomState>>;

/// Texts longer than this are worked out every time: logs repeat short bodies and messages, and a
/// long one is seldom seen twice.
const MAX_TEXT_BYTES: usize = 1024;

/// A memo holding this many answers starts afresh, so a log of ever new texts uses bounded memory
/// (at most about a megabyte of texts a thread, and their answers).
const MAX_ENTRIES: usize = 1024;

/// `answer(text)`, from `memo` when this thread has worked it out before. `answer` must depend on
/// `text` alone.
pub fn remembered<T: Clone>(memo: &'static LocalKey<TextMemo<T>>, text: &str, answer: impl FnOnce(&str) -> T) -> T {
    if text.len() > MAX_TEXT_BYTES {
        return answer(text);
    }
    if let Some(known) = memo.with_borrow(|known| known.get(text).cloned()) {
        return known;
    }
    let value = answer(text);
    memo.with_borrow_mut(|known| {
        if known.len() >= MAX_ENTRIES {
            known.clear();
        }
        known.insert(text.into(), value.clone());
    });
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        static LENGTHS: TextMemo<usize> = TextMemo::default();
        static CALLS: Cell<usize> = const { Cell::new(0) };
    }

    fn counted_len(text: &str) -> usize {
        CALLS.set(CALLS.get() + 1);
        text.len()
    }

    #[test]
    fn a_text_is_worked_out_once_and_answers_stay_those_of_the_function() {
        let texts = ["a", "bb", "a", "bb", "a"];
        let answers: Vec<usize> = texts.iter().map(|text| remembered(&LENGTHS, text, counted_len)).collect();
        assert_eq!(answers, [1, 2, 1, 2, 1]);
        assert_eq!(CALLS.get(), 2);

        let long = "x".repeat(MAX_TEXT_BYTES + 1);
        assert_eq!(remembered(&LENGTHS, &long, counted_len), MAX_TEXT_BYTES + 1);
        assert_eq!(remembered(&LENGTHS, &long, counted_len), MAX_TEXT_BYTES + 1);
        assert_eq!(CALLS.get(), 4, "long texts are not remembered");

        for number in 0..MAX_ENTRIES + 10 {
            remembered(&LENGTHS, &number.to_string(), counted_len);
        }
        assert!(LENGTHS.with_borrow(HashMap::len) <= MAX_ENTRIES, "the memo stays bounded");
    }
}
