//! An exact, linear-time port of PyPI vaderSentiment 3.3.2 (`SentimentIntensityAnalyzer`),
//! sentence level.
//!
//! [`polarity_scores`] returns the same `neg`/`neu`/`pos`/`compound` as the reference's
//! `polarity_scores(text)`, including its quirks:
//!
//! * the emoji pass replaces each one-code-point emoji by its description (a space before it
//!   unless the previous character was an ASCII space, none after);
//! * words are Python `str.split()` words (Unicode whitespace, including U+001C..U+001F), each
//!   stripped of leading/trailing ASCII punctuation unless that leaves two characters or fewer;
//! * `str.lower()` / `str.isupper()` follow CPython's Unicode tables (see `tables.rs`);
//! * the rules (booster/dampener scalars, ALL-CAPS emphasis, "no", negation over three words with
//!   "never so/this" and "without doubt", the special-case idioms, "least", "kind of", the "but"
//!   rule with its first-equal-value `list.index` quirk, `!`/`?` emphasis) use the reference's
//!   exact floating point operations, and outputs are rounded like Python's `round()`.
//!
//! Unlike the reference (which rebuilds the lowercased word list inside every rule), every word
//! is lowercased and looked up once, so the cost is linear in the text length.
//!
//! vaderSentiment is MIT-licensed, Copyright (c) 2016 C.J. Hutto
//! (see `licenses/vaderSentiment-LICENSE.txt`). Hutto, C.J. & Gilbert, E.E. (2014). VADER: A
//! Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text. ICWSM-14.

mod emoji;
mod lexicon;
mod pystr;
pub(crate) mod rules;
pub(crate) mod score;
#[rustfmt::skip]
mod tables;

use emoji::Substituted;
pub(crate) use rules::Word;
pub(crate) use tables::N_SCALAR;

/// The vaderSentiment version this module reproduces.
pub const VADER_VERSION: &str = tables::VADER_VERSION;

/// VADER's `alpha` in the compound normalisation `x / sqrt(x² + alpha)`.
pub const ALPHA: f64 = 15.0;

/// VADER's four scores for one text.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Scores {
    /// Share of negative sentiment.
    pub neg: f64,
    /// Share of neutral.
    pub neu: f64,
    /// Share of positive.
    pub pos: f64,
    /// Normalised sum, in [-1, 1].
    pub compound: f64,
}

/// The valence VADER finally assigned to one of its whitespace-split words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordValence {
    /// Byte offset of the word (punctuation-stripped, as VADER saw it) in the input.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Its valence after all rules, in VADER's raw units (lexicon scale -4..4).
    pub valence: f64,
}

/// VADER's `normalize(score, alpha)`: `score / sqrt(score² + alpha)`, clamped to [-1, 1].
pub fn normalize(score: f64, alpha: f64) -> f64 {
    (score / (score * score + alpha).sqrt()).clamp(-1.0, 1.0)
}

/// VADER's `polarity_scores(text)`.
pub fn polarity_scores(text: &str) -> Scores {
    analyse(text, false).0
}

/// `polarity_scores` plus the non-zero valence of each word.
///
/// A word that came from an emoji's description maps to the emoji's bytes (a word glued to a
/// description, as in `"😀x"` → `"grinning facex"`, spans the emoji and the `x`).
pub fn polarity_scores_explained(text: &str) -> (Scores, Vec<WordValence>) {
    analyse(text, true)
}

/// For the news engine: VADER's words of `input` exactly as [`polarity_scores`] sees them, with
/// their byte spans in `input` and the text's punctuation emphasis, handed to `f`. Scoring the
/// words with `rules::sentiments` + `rules::but_check` and normalising their sum plus the emphasis
/// gives VADER's compound; the news engine changes lexicon entries before and valences after.
pub(crate) fn with_words<R>(
    input: &str,
    f: impl FnOnce(&mut Vec<Word<'_>>, &[(usize, usize)], f64) -> R,
) -> R {
    let sub = Substituted::new(input);
    let text: &str = &sub.text;
    let mut spans = Vec::new();
    let mut words = Vec::new();
    for (s, e) in pystr::split_spans(text) {
        let (a, b) = pystr::strip_punc_if_word(&text[s..e]);
        words.push(Word::new(&text[s + a..s + b]));
        spans.push((sub.map_start(s + a), sub.map_end(s + b)));
    }
    f(&mut words, &spans, score::punctuation_emphasis(text))
}

fn analyse(input: &str, explain: bool) -> (Scores, Vec<WordValence>) {
    let sub = Substituted::new(input);
    let text: &str = &sub.text;
    // (start, end) of each word as VADER saw it (after `_strip_punc_if_word`), in `text`.
    let spans: Vec<(usize, usize)> = pystr::split_spans(text)
        .into_iter()
        .map(|(s, e)| {
            let (a, b) = pystr::strip_punc_if_word(&text[s..e]);
            (s + a, s + b)
        })
        .collect();
    let words: Vec<Word> = spans.iter().map(|&(s, e)| Word::new(&text[s..e])).collect();
    let mut sentiments = rules::sentiments(&words);
    rules::but_check(&words, &mut sentiments);
    let scores = score::score_valence(&sentiments, text);
    let explained = if explain {
        spans
            .iter()
            .zip(&sentiments)
            .filter(|(_, &v)| v != 0.0)
            .map(|(&(s, e), &valence)| WordValence {
                start: sub.map_start(s),
                end: sub.map_end(e),
                valence,
            })
            .collect()
    } else {
        Vec::new()
    };
    (scores, explained)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(neg: f64, neu: f64, pos: f64, compound: f64) -> Scores {
        Scores {
            neg,
            neu,
            pos,
            compound,
        }
    }

    #[test]
    fn reference_demo_sentences() {
        // From the reference's own __main__ demo, values printed by vaderSentiment 3.3.2.
        let cases: &[(&str, Scores)] = &[
            (
                "VADER is smart, handsome, and funny.",
                s(0.0, 0.254, 0.746, 0.8316),
            ),
            (
                "VADER is smart, handsome, and funny!",
                s(0.0, 0.248, 0.752, 0.8439),
            ),
            (
                "VADER is very smart, handsome, and funny.",
                s(0.0, 0.299, 0.701, 0.8545),
            ),
            (
                "VADER is VERY SMART, handsome, and FUNNY.",
                s(0.0, 0.246, 0.754, 0.9227),
            ),
            (
                "VADER is not smart, handsome, nor funny.",
                s(0.646, 0.354, 0.0, -0.7424),
            ),
            (
                "At least it isn't a horrible book.",
                s(0.0, 0.678, 0.322, 0.431),
            ),
            (
                "Today only kinda sux! But I'll get by, lol",
                s(0.127, 0.556, 0.317, 0.5249),
            ),
            (
                "Make sure you :) or :D today!",
                s(0.0, 0.294, 0.706, 0.8633),
            ),
            ("Not bad at all", s(0.0, 0.513, 0.487, 0.431)),
            ("", s(0.0, 0.0, 0.0, 0.0)),
        ];
        for (text, want) in cases {
            assert_eq!(polarity_scores(text), *want, "{text:?}");
        }
    }

    #[test]
    fn normalize_cases() {
        let cases: &[(f64, f64)] = &[
            (0.0, 0.0),
            (1.9, 1.9 / (1.9f64 * 1.9 + 15.0).sqrt()),
            (-4.0, -4.0 / 31f64.sqrt()),
            (1e10, 1.0),
            (-1e10, -1.0),
            (1e200, 0.0), // x² overflows to inf, as in Python
        ];
        for &(x, want) in cases {
            assert_eq!(normalize(x, ALPHA), want, "{x}");
        }
    }

    #[test]
    fn explained_offsets() {
        let text = "It was NOT good, but 😀 great!!";
        let (_, words) = polarity_scores_explained(text);
        let got: Vec<&str> = words.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(got, vec!["good", "😀", "great"]);
        assert!(words[0].valence < 0.0);
        let (scores, none) = polarity_scores_explained("the cake");
        assert!(none.is_empty());
        assert_eq!(scores.neu, 1.0);
    }

    #[test]
    fn no_panics_on_odd_input() {
        let long_word = "a".repeat(1 << 20);
        let many = "good but bad ".repeat(50_000);
        let inputs: Vec<String> = vec![
            String::new(),
            "\u{0}".into(),
            "\u{1c}\u{1d}\u{1e}\u{1f}".into(),
            "!!!???".into(),
            "\u{feff}\u{200b}\u{10ffff}".into(),
            "😀".repeat(1000),
            long_word,
            many,
            "ǅ İ ΣΑΣ ß ﬁ".into(),
        ];
        for t in &inputs {
            let (sc, words) = polarity_scores_explained(t);
            assert!(sc.compound.is_finite() && (-1.0..=1.0).contains(&sc.compound));
            for w in words {
                assert!(
                    t.is_char_boundary(w.start) && t.is_char_boundary(w.end) && w.start < w.end
                );
            }
        }
    }
}
