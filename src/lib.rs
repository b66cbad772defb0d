//! Undertone: the tone of news text, locally.
//!
//! PLACEHOLDER crate docs (being written).
#![deny(missing_docs)]

mod analysis;
mod bands;
pub mod text;
pub mod vader;
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use analysis::{
    analyze, analyze_with, Analysis, Drivers, Engine, Notice, OffsetUnit, Options, SentenceScore,
    Stats, TokenScore, WordDriver, DRIVING_SENTENCES, DRIVING_WORDS, MIN_LATIN_SHARE,
    OPINION_WEIGHT, TITLE_WEIGHT,
};
pub use bands::{Band, MILD_BELOW, NEUTRAL_BELOW, PLAIN_BELOW};
