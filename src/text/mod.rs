//! Text pipeline: the tokenizer and sentence splitter every later stage builds on.
//!
//! All offsets are UTF-8 byte offsets into the input string.

mod sentences;
mod tokenize;

pub use sentences::{split_sentences, Sentence};
pub use tokenize::{tokenize, Token, TokenKind};
