//! Lookups in the generated tables: binary search on sorted static slices.

use super::tables::{BOOSTERS, BOOSTER_NGRAMS, LEXICON, NEGATE, SPECIAL_CASES};
use std::cmp::Ordering;

fn find(table: &'static [(&'static str, f64)], key: &str) -> Option<f64> {
    table
        .binary_search_by(|&(k, _)| k.cmp(key))
        .ok()
        .map(|i| table[i].1)
}

/// `self.lexicon[word]` (keys are matched exactly; callers pass lowercased words).
pub(crate) fn valence(word: &str) -> Option<f64> {
    find(LEXICON, word)
}

/// `BOOSTER_DICT[word]` for one word.
pub(crate) fn booster(word: &str) -> Option<f64> {
    find(BOOSTERS, word)
}

/// `word in NEGATE`.
pub(crate) fn is_negate_word(word: &str) -> bool {
    NEGATE.binary_search(&word).is_ok()
}

/// `negated([word])` of the reference: a NEGATE word, or any word containing "n't".
pub(crate) fn negated(word: &str) -> bool {
    is_negate_word(word) || word.contains("n't")
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
    };
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        assert!(LEXICON.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(BOOSTERS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(NEGATE.windows(2).all(|w| w[0] < w[1]));
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
        assert_eq!(LEXICON.len(), 7506);
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
