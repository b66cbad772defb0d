//! PLACEHOLDER: article analysis (being written).
use crate::bands::Band;
use serde::Serialize;

/// Which scorer to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// The default article engine.
    #[default]
    Undertone,
    /// VADER's whole-text compound, for comparison.
    Vader,
}

/// Options for [`analyze_with`].
#[derive(Debug, Clone, Default)]
pub struct Options<'a> {
    /// The article title, if any.
    pub title: Option<&'a str>,
    /// The engine.
    pub engine: Engine,
}

/// The result of analysing a text.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// Score in [-1, 1].
    pub score: f64,
    /// Band of the score.
    pub band: Band,
}

/// Analyses `text` with the default options.
pub fn analyze(text: &str) -> Analysis {
    analyze_with(text, &Options::default())
}

/// Analyses `text`.
pub fn analyze_with(text: &str, _options: &Options) -> Analysis {
    let score = crate::vader::polarity_scores(text).compound;
    Analysis {
        score,
        band: Band::of(score),
    }
}
