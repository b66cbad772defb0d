//! PLACEHOLDER: being written (VADER helper). Exact port of vaderSentiment 3.3.2.

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

/// VADER's `polarity_scores(text)`.
pub fn polarity_scores(text: &str) -> Scores {
    polarity_scores_explained(text).0
}

/// `polarity_scores` plus the non-zero valence of each word.
pub fn polarity_scores_explained(_text: &str) -> (Scores, Vec<WordValence>) {
    (
        Scores {
            neu: 1.0,
            ..Scores::default()
        },
        Vec::new(),
    )
}
