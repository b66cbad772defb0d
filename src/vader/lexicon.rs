//! Lookups in the generated tables: one hash probe for the per-word facts ([`word_info`]), binary
//! search on the sorted static slices otherwise.

use super::tables::{
    word_hash, WordInfo, BOOSTER_NGRAMS, SPECIAL_CASES, WORDS, WORDS_MAX_LEN, WORD_SLOTS,
};
use std::cmp::Ordering;

/// Everything the tables say about a (lowercased) word: lexicon valence, booster value, NEGATE
/// membership, and whether it occurs in a multi-word rule key. `None` for other words.
pub(crate) fn word_info(word: &str) -> Option<&'static WordInfo> {
    if word.len() > WORDS_MAX_LEN {
        return None;
    }
    let mask = WORD_SLOTS.len() - 1;
    let mut i = word_hash(word) & mask;
    // The table is at most half full, so probing always reaches an empty slot.
    loop {
        let idx = WORD_SLOTS[i];
        if idx == u16::MAX {
            return None;
        }
        let entry = &WORDS[usize::from(idx)];
        if entry.key == word {
            return Some(entry);
        }
        i = (i + 1) & mask;
    }
}

/// `self.lexicon[word]` (keys are matched exactly; callers pass lowercased words).
#[cfg(test)]
pub(crate) fn valence(word: &str) -> Option<f64> {
    word_info(word).and_then(|e| e.lex)
}

/// `BOOSTER_DICT[word]` for one word.
#[cfg(test)]
pub(crate) fn booster(word: &str) -> Option<f64> {
    word_info(word).and_then(|e| e.booster)
}

/// `negated([word])` of the reference: a NEGATE word, or any word containing "n't".
#[cfg(test)]
pub(crate) fn negated(word: &str) -> bool {
    word_info(word).is_some_and(|e| e.negate) || word.contains("n't")
}

fn cmp_ngram<W: AsRef<str>>(key: &[&str], words: &[W]) -> Ordering {
    for (k, w) in key.iter().zip(words) {
        match (*k).cmp(w.as_ref()) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    key.len().cmp(&words.len())
}

fn find_ngram<W: AsRef<str>>(
    table: &'static [(&'static [&'static str], f64)],
    words: &[W],
) -> Option<f64> {
    table
        .binary_search_by(|&(k, _)| cmp_ngram(k, words))
        .ok()
        .map(|i| table[i].1)
}

/// `SPECIAL_CASES[" ".join(words)]`. Words never contain spaces, so comparing word by word is
/// the same as the reference's comparison of joined strings.
pub(crate) fn special_case<W: AsRef<str>>(words: &[W]) -> Option<f64> {
    find_ngram(SPECIAL_CASES, words)
}

/// `BOOSTER_DICT[" ".join(words)]` for the multi-word keys ("kind of", "sort of", ...).
pub(crate) fn booster_ngram<W: AsRef<str>>(words: &[W]) -> Option<f64> {
    find_ngram(BOOSTER_NGRAMS, words)
}

#[cfg(test)]
mod tests {
    use super::super::tables::{
        B_DECR, B_INCR, EMOJIS, PY_LOWER_OR_TITLE, PY_UPPER, PY_WHITESPACE, SENTIMENT_LADEN_IDIOMS,
        SOURCE_COUNTS,
    };
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        assert!(WORDS.windows(2).all(|w| w[0].key < w[1].key));
        assert!(EMOJIS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(PY_WHITESPACE.windows(2).all(|w| w[0] < w[1]));
        for t in [BOOSTER_NGRAMS, SPECIAL_CASES] {
            assert!(t
                .windows(2)
                .all(|w| cmp_ngram(w[0].0, w[1].0) == Ordering::Less));
        }
        for t in [PY_LOWER_OR_TITLE, PY_UPPER] {
            assert!(t.windows(2).all(|w| w[0].1 < w[1].0));
        }
    }

    #[test]
    fn word_index_finds_every_word() {
        let (lex, boosters, negate) = SOURCE_COUNTS;
        assert_eq!(lex, 7506);
        assert_eq!(WORDS.iter().filter(|e| e.lex.is_some()).count(), lex);
        assert_eq!(
            WORDS.iter().filter(|e| e.booster.is_some()).count(),
            boosters
        );
        assert_eq!(WORDS.iter().filter(|e| e.negate).count(), negate);
        for e in WORDS {
            assert_eq!(word_info(e.key), Some(e), "{:?}", e.key);
            let binary = WORDS
                .binary_search_by(|x| x.key.cmp(e.key))
                .ok()
                .map(|i| &WORDS[i]);
            assert_eq!(binary, Some(e));
        }
        for (key, _) in SPECIAL_CASES
            .iter()
            .chain(BOOSTER_NGRAMS)
            .filter(|(k, _)| k.len() > 1)
        {
            for w in key.iter() {
                assert!(word_info(w).is_some_and(|e| e.ngram), "{w:?}");
            }
        }
        for w in [
            "",
            "zzzzzz",
            "goodd",
            "a-very-long-word-beyond-every-key",
            "Good",
        ] {
            assert_eq!(word_info(w), None, "{w:?}");
        }
    }

    #[test]
    fn lexicon_lookups() {
        let cases: &[(&str, Option<f64>)] = &[
            ("good", Some(1.9)),
            ("bad", Some(-2.5)),
            ("no", Some(-1.2)),
            ("kind", Some(2.4)),
            ("doubt", Some(-1.5)),
            (":)", Some(2.0)),
            ("least", None),
            ("the", None),
            ("", None),
            ("GOOD", None), // callers lowercase first
        ];
        for (w, want) in cases {
            assert_eq!(valence(w), *want, "{w:?}");
        }
    }

    #[test]
    fn booster_lookups() {
        let cases: &[(&str, Option<f64>)] = &[
            ("very", Some(B_INCR)),
            ("so", Some(B_INCR)),
            ("kinda", Some(B_DECR)),
            ("sort-of", Some(B_DECR)),
            ("kind of", None), // multi-word keys live in BOOSTER_NGRAMS
            ("good", None),
        ];
        for (w, want) in cases {
            assert_eq!(booster(w), *want, "{w:?}");
        }
        assert_eq!(booster_ngram(&["kind", "of"]), Some(B_DECR));
        assert_eq!(booster_ngram(&["sort", "of"]), Some(B_DECR));
        assert_eq!(booster_ngram(&["just", "enough"]), Some(B_DECR));
        assert_eq!(booster_ngram(&["kind"]), None);
        assert_eq!(booster_ngram(&["of", "kind"]), None);
    }

    #[test]
    fn negation_words() {
        let cases: &[(&str, bool)] = &[
            ("not", true),
            ("never", true),
            ("isn't", true),
            ("isnt", true),
            ("uh-uh", true),
            ("despite", true),
            ("without", true),
            ("wouldn't've", true), // contains n't
            ("n't", true),
            ("no", false), // "no" has its own rule
            ("nor", true),
            ("nt", false),
            ("", false),
        ];
        for (w, want) in cases {
            assert_eq!(negated(w), *want, "{w:?}");
        }
    }

    #[test]
    fn special_cases_and_inert_idioms() {
        assert_eq!(special_case(&["the", "shit"]), Some(3.0));
        assert_eq!(special_case(&["kiss", "of", "death"]), Some(-1.5));
        assert_eq!(special_case(&["bus", "stop"]), Some(0.0));
        assert_eq!(special_case(&["yeah", "right"]), Some(-2.0));
        assert_eq!(special_case(&["the"]), None);
        assert_eq!(special_case(&["kiss", "of"]), None);
        // SENTIMENT_LADEN_IDIOMS exists in 3.3.2 but polarity_scores never consults it.
        assert_eq!(SENTIMENT_LADEN_IDIOMS.len(), 12);
        assert!(SENTIMENT_LADEN_IDIOMS
            .iter()
            .any(|&(k, _)| k == "under the weather"));
    }
}
