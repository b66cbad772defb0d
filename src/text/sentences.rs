//! The sentence splitter: a single pass over the [tokens](super::tokens) of the text.
//!
//! A sentence runs from the start of its first token to the end of its last, so it is trimmed
//! of surrounding whitespace and never empty. Boundaries are decided between two tokens, by
//! these rules in order:
//!
//! 1. **Blank lines.** Two or more line breaks between two tokens (possibly with other
//!    whitespace between them; `\r\n` is one break; U+2029 counts as a blank line) always end
//!    the sentence and start a new paragraph. Paragraphs are numbered from 0.
//! 2. **Terminators.** A punctuation token whose last character before any closing quotes or
//!    brackets (`" ' ’ ” » › ) ] }` …) is a terminator (`.` `!` `?` `…` `‼` `⁇` `⁈` `⁉` `‽`
//!    `。` `！` `？` `؟` `।` `॥` `።`) ends the sentence, unless the next token is a word that
//!    starts with a lowercase letter ("Wait... what?", `"Why?" she asked`). The closing
//!    quotes and brackets stay with the sentence they close (`He said "no." Then…`). Decimal
//!    points never count: "3.5" is one number token.
//! 3. **Abbreviations.** The tokenizer keeps the period of an abbreviation in the word
//!    ("U.S.", "Inc.", "e.g."). Such a word ends the sentence only when the next token is a
//!    capitalised common sentence starter from [`SENTENCE_STARTERS`] ("He works at Acme Inc.
//!    The company…"), at the end of the text, or at a line break (rule 4). Titles ("Dr.",
//!    "Mr.", "Mrs.", "Ms.", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "St.", …) never end a
//!    sentence. Initials (a single capital letter other than "I" followed by a period, as in
//!    "J. R. R. Tolkien" or "George W. Bush") are treated like abbreviations. A single-letter
//!    starter followed by a period ("A." in "J. A. Smith") does not count as a starter.
//! 4. **Single line breaks.** One line break ends the sentence (so headings, list items and
//!    one-sentence-per-line text split), unless the next line starts with a lowercase letter
//!    (a hard-wrapped continuation), or the line ends with `,`, `;`, a dash or hyphen, a
//!    title or an initial.
//!
//! The splitter is linear in the length of the text and never panics.

use super::tokenize::{tokens, Token, TokenKind, Tokens, TITLES};
use std::iter::FusedIterator;

/// Capitalised words that commonly start a sentence: after an abbreviation such as "Inc." or
/// "U.S.", one of these starts a new sentence.
pub(crate) const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "According",
    "After",
    "Also",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "But",
    "Earlier",
    "For",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "No",
    "Now",
    "On",
    "One",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thus",
    "To",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "Yet",
    "You",
];

/// Characters that end a sentence when they end a punctuation token.
const TERMINATORS: &[char] = &[
    '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '‽', '。', '！', '？', '؟', '।', '॥', '።', '｡',
];

/// Closing quotes and brackets, which may follow a terminator inside the same sentence.
const CLOSERS: &[char] = &[
    '"', '\'', '’', '”', '»', '›', ')', ']', '}', '」', '』', '）', '］', '〕', '】', '〉', '》',
];

/// Characters that, ending a line, say the sentence continues on the next line.
const CONTINUERS: &[char] = &[',', ';', '-', '‐', '‑', '–', '—', '、', '，', '；'];

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

impl Sentence {
    /// The sentence's text in `src`, the string it was produced from (empty if `src` is
    /// another string that is too short or not split at the same char boundaries).
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }
}

/// Splits `text` into sentences. See the [module docs](self) for the rules.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    sentences(text).collect()
}

/// The sentences of `text`, lazily: the same sentences as [`split_sentences`].
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences {
        text,
        tokens: tokens(text),
        current: None,
        last_end: 0,
        paragraph: 0,
        pending: Pending::None,
        continues: false,
        prev_initial: false,
        done: false,
    }
}

/// What the last token says about a boundary after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    /// No boundary (except at a line break).
    None,
    /// A terminator: a boundary unless a lowercase word follows.
    Strong,
    /// An abbreviation or initial: a boundary only before a sentence starter.
    Weak,
}

/// Iterator over the sentences of a string; see [`sentences`].
#[derive(Debug, Clone)]
pub struct Sentences<'a> {
    text: &'a str,
    tokens: Tokens<'a>,
    /// Start of the sentence being built, if any.
    current: Option<usize>,
    /// End of the last token.
    last_end: usize,
    paragraph: usize,
    pending: Pending,
    /// The last token says the sentence continues over a single line break.
    continues: bool,
    /// The last token is a single capital letter (a possible initial).
    prev_initial: bool,
    done: bool,
}

/// Line breaks in a gap between two tokens: 0, 1, or 2 for "a blank line or more".
fn line_breaks(gap: &str) -> u8 {
    let bytes = gap.as_bytes();
    let mut n = 0u8;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' | 0x0B | 0x0C => n += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => n += 1,
            0xC2 if bytes.get(i + 1) == Some(&0x85) => n += 1, // U+0085 NEL
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0xA8) => n += 1, // U+2028 LINE SEPARATOR
                Some(0xA9) => n += 2, // U+2029 PARAGRAPH SEPARATOR
                _ => {}
            },
            _ => {}
        }
        if n >= 2 {
            return 2;
        }
        i += 1;
    }
    n
}

fn starts_lowercase(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && t.text(text).chars().next().is_some_and(char::is_lowercase)
}

fn is_starter(text: &str, t: &Token) -> bool {
    if t.kind != TokenKind::Word {
        return false;
    }
    let word = t.text(text);
    if word.len() == 1 && text.as_bytes().get(t.end) == Some(&b'.') {
        return false; // "A." in "J. A. Smith" is an initial
    }
    SENTENCE_STARTERS.contains(&word)
}

impl Sentences<'_> {
    /// Whether there is a sentence boundary between the last token and `t`, given the number
    /// of line breaks between them (below 2).
    fn boundary_before(&self, t: &Token, breaks: u8) -> bool {
        let lower = starts_lowercase(self.text, t);
        match self.pending {
            Pending::Strong if !lower => return true,
            Pending::Weak if is_starter(self.text, t) => return true,
            _ => {}
        }
        breaks == 1 && !lower && !self.continues
    }

    /// Updates the state after token `t` joins the current sentence.
    fn push(&mut self, t: &Token) {
        let s = t.text(self.text);
        let adjacent = t.start == self.last_end;
        let mut initial = false;
        match t.kind {
            TokenKind::Punct => {
                let core = s.trim_end_matches(CLOSERS);
                if core.is_empty() && adjacent && self.pending != Pending::None {
                    // Closing quotes after a terminator or abbreviation: keep the decision.
                } else if core.ends_with(TERMINATORS) {
                    self.pending = if s == "." && adjacent && self.prev_initial {
                        Pending::Weak
                    } else {
                        Pending::Strong
                    };
                    self.continues = self.pending == Pending::Weak;
                } else {
                    self.pending = Pending::None;
                    self.continues = s.ends_with(CONTINUERS);
                }
            }
            TokenKind::Word => {
                if let Some(stem) = s.strip_suffix('.') {
                    let title = TITLES.contains(&stem);
                    self.pending = if title { Pending::None } else { Pending::Weak };
                    self.continues = title;
                } else {
                    self.pending = Pending::None;
                    self.continues = false;
                    let mut chars = s.chars();
                    initial = chars.next().is_some_and(|c| c.is_uppercase() && c != 'I')
                        && chars.next().is_none();
                }
            }
            _ => {
                self.pending = Pending::None;
                self.continues = false;
            }
        }
        self.prev_initial = initial;
        self.last_end = t.end;
    }
}

impl Iterator for Sentences<'_> {
    type Item = Sentence;

    fn next(&mut self) -> Option<Sentence> {
        if self.done {
            return None;
        }
        while let Some(t) = self.tokens.next() {
            let Some(start) = self.current else {
                self.current = Some(t.start);
                self.push(&t);
                continue;
            };
            let breaks = line_breaks(self.text.get(self.last_end..t.start).unwrap_or(""));
            let out = if breaks >= 2 || self.boundary_before(&t, breaks) {
                Some(Sentence {
                    start,
                    end: self.last_end,
                    paragraph: self.paragraph,
                })
            } else {
                None
            };
            if breaks >= 2 {
                self.paragraph += 1;
            }
            if out.is_some() {
                self.current = Some(t.start);
            }
            self.push(&t);
            if out.is_some() {
                return out;
            }
        }
        self.done = true;
        self.current.take().map(|start| Sentence {
            start,
            end: self.last_end,
            paragraph: self.paragraph,
        })
    }
}

impl FusedIterator for Sentences<'_> {}
