//! PLACEHOLDER: being written (tokenizer helper).

/// A sentence: its byte range in the input (trimmed of surrounding whitespace) and its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Index of the paragraph (blank-line separated block) the sentence is in, from 0.
    pub paragraph: usize,
}

/// Splits `text` into sentences.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let s = &text[start..i + 1];
            let trimmed_start = start + (s.len() - s.trim_start().len());
            if trimmed_start < i + 1 {
                out.push(Sentence {
                    start: trimmed_start,
                    end: i + 1,
                    paragraph: 0,
                });
            }
            start = i + 1;
        }
    }
    let rest = &text[start..];
    if !rest.trim().is_empty() {
        let s = start + (rest.len() - rest.trim_start().len());
        out.push(Sentence {
            start: s,
            end: start + rest.trim_end().len(),
            paragraph: 0,
        });
    }
    out
}
