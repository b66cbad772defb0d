//! PLACEHOLDER: being written (tokenizer helper).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A word, including contractions ("don't") and hyphenated words ("well-known").
    Word,
    /// A number, with decimals and thousands separators ("1,234.5").
    Number,
    /// A URL or e-mail address.
    Url,
    /// An emoji (one grapheme: with modifiers, ZWJ sequences and flags).
    Emoji,
    /// A run of punctuation ("...", "?!").
    Punct,
    /// Any other symbol ("$", "%", "©").
    Symbol,
}

/// A token: a kind and its byte range in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
}

/// Splits `text` into tokens; whitespace is skipped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Token {
                    start: s,
                    end: i,
                    kind: TokenKind::Word,
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: text.len(),
            kind: TokenKind::Word,
        });
    }
    out
}
