//! Text pipeline: the tokenizer and sentence splitter every later stage builds on.
//!
//! All offsets are UTF-8 byte offsets into the input string, always on char boundaries, so
//! `&text[t.start..t.end]` (or [`Token::text`]) is the token's text.
//!
//! * [`tokenize()`] / [`tokens()`]: words, numbers, URLs and e-mail addresses, emoji,
//!   punctuation runs and symbols; see the [`tokenize` module docs](mod@tokenize) for the rules.
//! * [`split_sentences()`] / [`sentences()`]: sentences with their paragraph index; see the
//!   [`sentences` module docs](mod@sentences) for how terminators, abbreviations and line breaks
//!   are handled.
//!
//! Both are single forward scans: linear in the length of the input, and they never panic.

pub mod sentences;
pub mod tokenize;

pub use sentences::{sentences, split_sentences, Sentence, Sentences};
pub use tokenize::{tokenize, tokens, Token, TokenKind, Tokens};
