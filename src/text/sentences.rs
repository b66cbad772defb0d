//! The sentence splitter: a single pass over the tokens from [`super::tokens`].
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
//!    `。` `！` `？` `؟` `।` `॥` `።`) ends the sentence. Before a word that starts with a
//!    lowercase letter it ends it only when it is a bare `.`, `!` or `?` run followed by
//!    whitespace ("it broke. then…" splits; "Wait... what?" and `"Why?" she asked` do not). The closing
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
//! 5. **Length.** A sentence of [`MAX_SENTENCE_TOKENS`] tokens ends before the next one. Real
//!    sentences are far shorter; text with no sentence end (a word list, binary junk) is cut
//!    into pieces, so the rules that read a sentence as a whole never see an unbounded one.
//!
//! The splitter is linear in the length of the text and never panics.

use super::tokenize::{tokens, Token, TokenKind, Tokens, TITLES};
use std::iter::FusedIterator;

/// The most tokens a sentence holds (rule 5).
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Capitalised words that commonly start a sentence: after an abbreviation such as "Inc." or
/// "U.S.", one of these starts a new sentence.
pub const SENTENCE_STARTERS: &[&str] = &[
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
        words: 0,
        in_sentence: 0,
        pending: Pending::None,
        continues: false,
        prev_initial: false,
        hard_stop: false,
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
    /// Word tokens read so far.
    words: usize,
    /// Tokens in the sentence being built.
    in_sentence: usize,
    pending: Pending,
    /// The last token says the sentence continues over a single line break.
    continues: bool,
    /// The last token is a single capital letter (a possible initial).
    prev_initial: bool,
    /// The pending terminator is a bare `.`, `!` or `?` (no ellipsis, no closing quote): it ends
    /// the sentence even before a lowercase word, when whitespace follows.
    hard_stop: bool,
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
    /// How many word tokens ([`TokenKind::Word`]) the sentences returned so far hold: after the
    /// last sentence, the text's word count, without a second tokenizer pass.
    pub fn words(&self) -> usize {
        self.words
    }

    /// Whether there is a sentence boundary between the last token and `t`, given the number
    /// of line breaks between them (below 2).
    fn boundary_before(&self, t: &Token, breaks: u8) -> bool {
        let lower = starts_lowercase(self.text, t);
        match self.pending {
            Pending::Strong if !lower || (self.hard_stop && t.start > self.last_end) => {
                return true
            }
            Pending::Weak if is_starter(self.text, t) => return true,
            _ => {}
        }
        breaks == 1 && !lower && !self.continues
    }

    /// Updates the state after token `t` joins the current sentence.
    fn push(&mut self, t: &Token) {
        let s = t.text(self.text);
        self.words += usize::from(t.kind == TokenKind::Word);
        let adjacent = t.start == self.last_end;
        let mut initial = false;
        match t.kind {
            TokenKind::Punct => {
                let core = s.trim_end_matches(CLOSERS);
                if core.is_empty() && adjacent && self.pending != Pending::None {
                    // Closing quotes after a terminator or abbreviation: keep the decision.
                } else if core.ends_with(TERMINATORS) {
                    self.hard_stop =
                        matches!(s, "." | "!" | "?" | "!!" | "?!" | "!?" | "??" | "!!!");
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
                self.in_sentence = 1;
                self.push(&t);
                continue;
            };
            let breaks = line_breaks(self.text.get(self.last_end..t.start).unwrap_or(""));
            let full = self.in_sentence >= MAX_SENTENCE_TOKENS;
            let out = if breaks >= 2 || full || self.boundary_before(&t, breaks) {
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
                self.in_sentence = 0;
            }
            self.in_sentence += 1;
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

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        name: &'static str,
        input: &'static str,
        /// Expected sentences as (paragraph, text).
        want: &'static [(usize, &'static str)],
    }

    fn check(cases: &[Case]) {
        for case in cases {
            let got = split_sentences(case.input);
            for s in &got {
                assert!(s.start < s.end, "{}: empty sentence", case.name);
                assert!(case.input.is_char_boundary(s.start), "{}", case.name);
                assert!(case.input.is_char_boundary(s.end), "{}", case.name);
                let text = &case.input[s.start..s.end];
                assert_eq!(text, text.trim(), "{}: not trimmed", case.name);
            }
            let got: Vec<(usize, &str)> = got
                .iter()
                .map(|s| (s.paragraph, s.text(case.input)))
                .collect();
            assert_eq!(got, case.want, "case {:?}: {:?}", case.name, case.input);
        }
    }

    #[test]
    fn a_sentence_without_an_end_is_cut_into_bounded_pieces() {
        let text = "word ".repeat(MAX_SENTENCE_TOKENS * 2 + 10);
        let got = split_sentences(&text);
        assert_eq!(got.len(), 3);
        assert!(got
            .iter()
            .all(|s| s.text(&text).split(' ').count() <= MAX_SENTENCE_TOKENS));
        // Every word is in some sentence.
        let words: usize = got.iter().map(|s| s.text(&text).split(' ').count()).sum();
        assert_eq!(words, MAX_SENTENCE_TOKENS * 2 + 10);
    }

    #[test]
    fn terminators() {
        check(&[
            Case {
                name: "simple",
                input: "The vote passed. Critics objected! Was it fair?",
                want: &[
                    (0, "The vote passed."),
                    (0, "Critics objected!"),
                    (0, "Was it fair?"),
                ],
            },
            Case {
                name: "no final terminator",
                input: "One. Two",
                want: &[(0, "One."), (0, "Two")],
            },
            Case {
                name: "question and exclamation runs",
                input: "Really?! Yes!!! Fine?",
                want: &[(0, "Really?!"), (0, "Yes!!!"), (0, "Fine?")],
            },
            Case {
                name: "decimals",
                input: "Growth was 3.5 percent. Inflation hit 2.1%.",
                want: &[(0, "Growth was 3.5 percent."), (0, "Inflation hit 2.1%.")],
            },
            Case {
                name: "ellipsis before lowercase continues",
                input: "Wait... what happened?",
                want: &[(0, "Wait... what happened?")],
            },
            Case {
                // Lowercased text (reviews, chat) still splits at a bare terminator.
                name: "bare period before lowercase ends (regression: lowercase reviews were one sentence)",
                input: "the screen went black. then it rebooted! why? no idea",
                want: &[
                    (0, "the screen went black."),
                    (0, "then it rebooted!"),
                    (0, "why?"),
                    (0, "no idea"),
                ],
            },
            Case {
                name: "quoted question before lowercase continues",
                input: "\"Why?\" she asked. Nobody knew.",
                want: &[(0, "\"Why?\" she asked."), (0, "Nobody knew.")],
            },
            Case {
                name: "period inside a domain is not a boundary",
                input: "The site example.com was down for hours.",
                want: &[(0, "The site example.com was down for hours.")],
            },
            Case {
                name: "ellipsis before uppercase ends",
                input: "Wait... What happened? Then… Nothing.",
                want: &[
                    (0, "Wait..."),
                    (0, "What happened?"),
                    (0, "Then…"),
                    (0, "Nothing."),
                ],
            },
            Case {
                name: "closing quote belongs to the first sentence",
                input: "He said \"no.\" Then he left.",
                want: &[(0, "He said \"no.\""), (0, "Then he left.")],
            },
            Case {
                name: "typographic quotes and brackets",
                input: "She wrote ‘done.’ He said “fine.” (It was late.) [Noted.] Ok.",
                want: &[
                    (0, "She wrote ‘done.’"),
                    (0, "He said “fine.”"),
                    (0, "(It was late.)"),
                    (0, "[Noted.]"),
                    (0, "Ok."),
                ],
            },
            Case {
                name: "quoted question followed by attribution",
                input: "\"Why?\" she asked. \"Because!\" He shrugged.",
                want: &[
                    (0, "\"Why?\" she asked."),
                    (0, "\"Because!\""),
                    (0, "He shrugged."),
                ],
            },
            Case {
                name: "url at sentence end",
                input: "Read it at https://example.com/a. Then decide.",
                want: &[
                    (0, "Read it at https://example.com/a."),
                    (0, "Then decide."),
                ],
            },
            Case {
                name: "chinese",
                input: "北京很好。上海也好！",
                want: &[(0, "北京很好。"), (0, "上海也好！")],
            },
        ]);
    }

    #[test]
    fn abbreviations_and_initials() {
        check(&[
            Case {
                name: "titles never end a sentence",
                input: "Dr. Smith met Mr. Jones, Mrs. Lee, Ms. Kay and Prof. Hart. \
                        Sen. Warren, Rep. Ocasio, Gov. Hochul and Gen. Milley spoke in St. Louis.",
                want: &[
                    (
                        0,
                        "Dr. Smith met Mr. Jones, Mrs. Lee, Ms. Kay and Prof. Hart.",
                    ),
                    (
                        0,
                        "Sen. Warren, Rep. Ocasio, Gov. Hochul and Gen. Milley spoke in St. Louis.",
                    ),
                ],
            },
            Case {
                name: "title before a starter word does not split",
                input: "He called Dr. The meeting was off.",
                want: &[(0, "He called Dr. The meeting was off.")],
            },
            Case {
                name: "company forms keep their period",
                input: "Gdańsk Port Services Sp. z o.o. will join the group. Acme Pty. Ltd. and \
                        Tata Pvt. Ltd. bid, as did Maju Sdn. Bhd. in Kuala Lumpur.",
                want: &[
                    (0, "Gdańsk Port Services Sp. z o.o. will join the group."),
                    (
                        0,
                        "Acme Pty. Ltd. and Tata Pvt. Ltd. bid, as did Maju Sdn. Bhd. in Kuala Lumpur.",
                    ),
                ],
            },
            Case {
                name: "abbreviation before a sentence starter splits",
                input: "He works at Acme Inc. The company makes tools.",
                want: &[
                    (0, "He works at Acme Inc."),
                    (0, "The company makes tools."),
                ],
            },
            Case {
                name: "abbreviation before a name does not split",
                input: "The U.S. Senate and the U.K. Parliament met Acme Corp. Chief Ann Lo.",
                want: &[(
                    0,
                    "The U.S. Senate and the U.K. Parliament met Acme Corp. Chief Ann Lo.",
                )],
            },
            Case {
                name: "abbreviation at the end of the text",
                input: "He moved to the U.S.",
                want: &[(0, "He moved to the U.S.")],
            },
            Case {
                name: "dotted abbreviation before a starter",
                input: "He moved to the U.S. It was 1999.",
                want: &[(0, "He moved to the U.S."), (0, "It was 1999.")],
            },
            Case {
                name: "latin and list abbreviations",
                input: "Fruit, e.g. apples, i.e. food, vs. meat, etc. are sold. Ltd. and Co. too.",
                want: &[
                    (0, "Fruit, e.g. apples, i.e. food, vs. meat, etc. are sold."),
                    (0, "Ltd. and Co. too."),
                ],
            },
            Case {
                name: "jr and sr before a starter",
                input: "She met Martin Luther King Jr. He spoke. Then Sr. Jones.",
                want: &[
                    (0, "She met Martin Luther King Jr."),
                    (0, "He spoke."),
                    (0, "Then Sr. Jones."),
                ],
            },
            Case {
                name: "months but not May",
                input: "On Jan. 5 and Feb. 6 and Dec. 7 it rained. It was May. Then June.",
                want: &[
                    (0, "On Jan. 5 and Feb. 6 and Dec. 7 it rained."),
                    (0, "It was May."),
                    (0, "Then June."),
                ],
            },
            Case {
                name: "number abbreviation",
                input: "He was ranked No. 1 in the world. No. He was not.",
                want: &[
                    (0, "He was ranked No. 1 in the world."),
                    (0, "No."),
                    (0, "He was not."),
                ],
            },
            Case {
                name: "initials",
                input: "J. R. R. Tolkien wrote it. George W. Bush read it. J. A. Smith agreed.",
                want: &[
                    (0, "J. R. R. Tolkien wrote it."),
                    (0, "George W. Bush read it."),
                    (0, "J. A. Smith agreed."),
                ],
            },
            Case {
                name: "initial-like letter before a starter",
                input: "They chose plan B. The rest left. So did I. Mary stayed.",
                want: &[
                    (0, "They chose plan B."),
                    (0, "The rest left."),
                    (0, "So did I."),
                    (0, "Mary stayed."),
                ],
            },
            Case {
                name: "abbreviation with closing quote",
                input: "\"It is in the U.S.\" The rest is not.",
                want: &[(0, "\"It is in the U.S.\""), (0, "The rest is not.")],
            },
        ]);
    }

    #[test]
    fn newlines_and_paragraphs() {
        check(&[
            Case {
                name: "blank line starts a paragraph",
                input: "First one. Second one.\n\nThird one.",
                want: &[(0, "First one."), (0, "Second one."), (1, "Third one.")],
            },
            Case {
                name: "blank line ends a sentence without a terminator",
                input: "No terminator here\n\nnext paragraph",
                want: &[(0, "No terminator here"), (1, "next paragraph")],
            },
            Case {
                name: "blank line with spaces, crlf, several blank lines count once",
                input: "A.\r\n \t\r\nB.\n\n\n\nC.",
                want: &[(0, "A."), (1, "B."), (2, "C.")],
            },
            Case {
                name: "leading and trailing blank lines",
                input: "\n\n  Hello.  \n\n",
                want: &[(0, "Hello.")],
            },
            Case {
                name: "paragraph separator",
                input: "One.\u{2029}Two.",
                want: &[(0, "One."), (1, "Two.")],
            },
            Case {
                name: "heading line",
                input: "Markets Rally\nStocks rose on Monday.",
                want: &[(0, "Markets Rally"), (0, "Stocks rose on Monday.")],
            },
            Case {
                name: "list items",
                input: "Key points:\n- prices up\n- wages flat\n* hiring slow",
                want: &[
                    (0, "Key points:"),
                    (0, "- prices up"),
                    (0, "- wages flat"),
                    (0, "* hiring slow"),
                ],
            },
            Case {
                name: "hard-wrapped continuation",
                input: "The council met on\ntuesday and voted,\nSupporters said.",
                want: &[(
                    0,
                    "The council met on\ntuesday and voted,\nSupporters said.",
                )],
            },
            Case {
                name: "line separator and lone cr",
                input: "Headline\u{2028}Body text.\rMore text.",
                want: &[(0, "Headline"), (0, "Body text."), (0, "More text.")],
            },
            Case {
                name: "abbreviation at line end splits before a capital",
                input: "Acme Inc.\nShares rose.\nDr.\nSmith spoke.",
                want: &[
                    (0, "Acme Inc."),
                    (0, "Shares rose."),
                    (0, "Dr.\nSmith spoke."),
                ],
            },
            Case {
                name: "abbreviation at paragraph end",
                input: "He moved to the U.S.\n\nShe stayed.",
                want: &[(0, "He moved to the U.S."), (1, "She stayed.")],
            },
        ]);
    }

    #[test]
    fn odd_inputs() {
        check(&[
            Case {
                name: "empty",
                input: "",
                want: &[],
            },
            Case {
                name: "whitespace only",
                input: " \n\n\t \u{2028} ",
                want: &[],
            },
            Case {
                name: "lone control chars",
                input: "\u{0}\u{1}\u{7f}",
                want: &[],
            },
            Case {
                name: "punctuation only",
                input: "... !!! ???",
                want: &[(0, "..."), (0, "!!!"), (0, "???")],
            },
            Case {
                name: "emoji after a terminator",
                input: "Great news! 👍🏽",
                want: &[(0, "Great news!"), (0, "👍🏽")],
            },
        ]);
    }

    #[test]
    fn long_inputs() {
        for unit in ["a", ".", "a.", "\n", "a\n\n", "U.S. ", "Dr. "] {
            let text = unit.repeat(50_000);
            let got = split_sentences(&text);
            let mut last = 0;
            for s in &got {
                assert!(s.start >= last && s.start < s.end, "{unit:?}");
                last = s.end;
            }
        }
    }

    #[test]
    fn iterator_matches_vec() {
        let text = "One. Two!\n\nThree? Four";
        assert_eq!(sentences(text).collect::<Vec<_>>(), split_sentences(text));
        let mut it = sentences(text);
        assert_eq!(it.by_ref().count(), 4);
        assert_eq!(it.next(), None);
    }
}
