//! Undertone: the tone of news text, locally.
//!
//! PLACEHOLDER crate docs (being written).
#![deny(missing_docs)]

mod analysis;
mod bands;
pub mod text;
pub mod vader;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::{analyze, analyze_with, Analysis, Engine, Options};
pub use bands::{Band, MILD_BELOW, NEUTRAL_BELOW, PLAIN_BELOW};
