//! Undertone: the tone of news text, scored locally.
//!
//! This crate is the language core of the Undertone browser extension. It is plain Rust, tested
//! natively, and compiled to WebAssembly for the extension's service worker and the demo page; one
//! module (`wasm`, built only for `wasm32`) holds every JavaScript export.
//!
//! # Overview
//!
//! * [`text`]: a Unicode-aware tokenizer and a sentence splitter (abbreviations, initials, decimals,
//!   ellipses, quotes, paragraphs), with UTF-8 byte offsets into the input.
//! * [`entities`](mod@entities): key entities (people, organisations, places), merged, ranked
//!   by salience, each with the tone of the sentences that mention it.
//! * [`vader`]: an exact, linear-time port of `vaderSentiment` 3.3.2 for one sentence.
//! * [`news`]: the news engine: one sentence scored for news and financial news (VADER plus a
//!   news lexicon and rules for direction, hedges, denials and targets), optionally toward a target.
//! * [`analyze`] / [`analyze_with`]: an article's [`Analysis`]: every sentence scored with the news
//!   engine, a weighted mean of them (and the title) as the article score, which stays graded on long texts
//!   where VADER's whole-text compound saturates, the seven-[`Band`] verdict, and the sentences and
//!   words that drove it.
//!
//! # Example
//!
//! ```
//! use undertone::{analyze_with, Band, Options};
//!
//! let text = "The rescue crews were praised for their courage. \
//!             Two homes were lost in the fire, but nobody was hurt.";
//! let result = analyze_with(text, &Options { title: Some("Village saved from wildfire"), ..Default::default() });
//!
//! assert!(result.score > 0.0);
//! assert_eq!(result.band, Band::of(result.score));
//! println!("{} {:.2}", result.label, result.score); // e.g. "mildly positive 0.30"
//!
//! let strongest = &result.sentences[result.drivers.positive_sentences[0]];
//! assert_eq!(&text[strongest.start..strongest.end], strongest.text);
//! ```
//!
//! # Offsets
//!
//! Inside the crate offsets are UTF-8 byte offsets. [`Analysis::convert_offsets`] rewrites a result
//! into Unicode code points (what the `undertone` command prints) or UTF-16 code units (what the
//! wasm API returns, so they index JavaScript strings directly).
//!
//! # Features
//!
//! * `console_error_panic_hook` (default): in the wasm build, a panic prints its Rust message to the
//!   browser console.
#![deny(missing_docs)]

mod analysis;
mod bands;
pub mod entities;
pub mod news;
pub mod text;
pub mod vader;
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use analysis::{
    analyze, analyze_with, Analysis, Drivers, Engine, Notice, OffsetUnit, Options, SentenceScore,
    Stats, TokenScore, WordDriver, DRIVING_SENTENCES, DRIVING_WORDS, LEAD_WEIGHT, MIN_LATIN_SHARE,
    OPINION_WEIGHT, TITLE_WEIGHT,
};
pub use bands::{Band, MILD_BELOW, NEUTRAL_BELOW, PLAIN_BELOW};
pub use entities::{entities, Entity, EntityKind, EntityMention, Mention};
