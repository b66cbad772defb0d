//! The tokenizer: a single forward scan over the input with an ASCII fast path.
//!
//! # Token kinds
//!
//! * [`TokenKind::Word`]: a run of letters and digits of any script (with combining marks),
//!   joined by internal apostrophes (`'` or `’`, letter or digit before and a letter after:
//!   "don't", "they’re", "Russia's") and internal hyphens (`-`, U+2010, U+2011, a letter or
//!   digit on both sides: "well-known", "ISIS-K", "COVID-19"). Words may contain digits ("G7");
//!   a plain digit run followed directly by a letter or by `-` and a letter is a word too
//!   ("7th", "1990s", "19-year-old"). Abbreviations keep their period: dotted forms of two or
//!   more segments of one or two letters ("U.S.", "e.g.", "Ph.D.", "a.m.") and the known
//!   abbreviations listed in [`TITLES`] and [`ABBREVIATIONS`] ("Dr.", "Inc.", "etc."); those in
//!   [`NUMBER_ABBREVIATIONS`] ("No.", "Vol.", "p.") only when a digit follows (after at most
//!   one space). A period followed by another period (an ellipsis) is never absorbed.
//!   Scripts written without spaces (Chinese, Japanese, Thai) give one word per run.
//!   A token of non-ASCII digits only ("٣٤") is a [`TokenKind::Number`].
//! * [`TokenKind::Number`]: ASCII digits with an optional decimal part (`.` then a digit, once)
//!   and thousands groups (`,` then exactly three digits, before any decimal point):
//!   "1,234.56", "3.5", "2020" (a final "." is not part of the number). "1,2,3" is three
//!   numbers and two punctuation tokens. A leading `-`, `+` or `−` (U+2212) belongs to the
//!   number only when a digit follows and it is at the start of the text or after whitespace:
//!   "-2.5%" is the number "-2.5" and the symbol "%", but in "1990-2000" the hyphen is
//!   punctuation. A number with separators followed by letters is split: "5.2bn" is the number
//!   "5.2" and the word "bn".
//! * [`TokenKind::Url`]: `http://…`, `https://…` or `www.…` (case-insensitive) up to whitespace
//!   or one of `"<>\^`{|}` (non-ASCII letters and digits may appear, other non-ASCII
//!   characters end the URL); trailing `.,;:!?'*` and unbalanced `)`/`]` are left out
//!   ("see https://example.com." gives the URL without the period). E-mail addresses
//!   (`local@domain.tld`, ASCII, with a dot in the domain and a letters-only top-level domain)
//!   are URLs too. Bare domains ("example.com") are not.
//! * [`TokenKind::Emoji`]: one whole emoji sequence: a pictographic character or a symbol or
//!   punctuation character followed by U+FE0F, with an optional variation selector, skin-tone
//!   modifier, keycap (U+20E3) and tag sequence, joined by ZWJ (U+200D) to further emoji; a
//!   pair of regional indicators (a flag); a keycap ("1️⃣", "#️⃣").
//! * [`TokenKind::Punct`]: a run of punctuation characters ("...", "?!", "--", `."`, "),").
//!   ASCII punctuation is ``! " ' ( ) * , - . / : ; ? [ \ ] _ { }``; outside ASCII, the common
//!   punctuation blocks (general and CJK punctuation, quotes, dashes, brackets, "…").
//! * [`TokenKind::Symbol`]: any other single character: ``# $ % & + < = > @ ^ ` | ~``,
//!   currency and maths signs, "©", "€", "‰", a stray combining mark.
//!
//! Whitespace, control characters and default-ignorable format characters (ZWSP, BOM, a
//! stray ZWJ or variation selector, bidi controls) are skipped.
//!
//! Every scan moves forward; where a rule looks ahead (dotted abbreviations, keycaps) the
//! look-ahead is bounded, and the e-mail check remembers how far it has seen no address, so
//! tokenizing is linear in the input length on every input.

use std::iter::FusedIterator;

/// Titles: abbreviations written before a name; they never end a sentence ("Dr. Smith").
pub const TITLES: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "St", "Lt", "Col",
    "Capt", "Cmdr", "Adm", "Maj", "Sgt", "Rev", "Hon", "Pres", "Supt", "Mt", "Messrs", "Mme",
    "Mlle",
];

/// Other abbreviations that keep their period; they end a sentence only before a common
/// sentence starter (see the sentence splitter). Months except "May"; company forms ("Sp. z
/// o.o." in Poland, "Pty. Ltd.", "Pvt. Ltd.", "Sdn. Bhd.").
pub const ABBREVIATIONS: &[&str] = &[
    "Inc", "Ltd", "Corp", "Co", "Jr", "Sr", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd", "vs",
    "etc", "al", "cf", "approx", "est", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Ga", "Ky",
    "Md", "Mich", "Minn", "Neb", "Nev", "Okla", "Tenn", "Tex", "Wis", "Wyo", "Sp", "Pty", "Pvt",
    "Sdn", "Bhd",
];

/// Abbreviations that keep their period only when a number follows ("No. 5", "p. 12").
pub const NUMBER_ABBREVIATIONS: &[&str] = &[
    "No", "Nos", "no", "Vol", "Vols", "vol", "Art", "Fig", "fig", "Ch", "Sec", "p", "pp",
];

/// The longest entry of the lists above, in bytes.
const LONGEST_ABBREVIATION: usize = 6;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A word, including contractions ("don't"), hyphenated words ("well-known"), words with
    /// digits ("COVID-19") and abbreviations with their period ("U.S.", "Dr.").
    Word,
    /// A number, with decimals and thousands separators ("1,234.5"), and a sign at the start
    /// of the text or after whitespace ("-2.5").
    Number,
    /// A URL (`http://`, `https://`, `www.`) or e-mail address.
    Url,
    /// An emoji (one whole sequence: with modifiers, ZWJ sequences, flags and keycaps).
    Emoji,
    /// A run of punctuation ("...", "?!", "--").
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

impl Token {
    /// The token's text in `src`, the string it was produced from (empty if `src` is another
    /// string that is too short or not split at the same char boundaries).
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }

    /// The token's length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the token is empty (never true for tokens from [`tokenize`]).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Splits `text` into tokens; whitespace is skipped. See the [module docs](self) for the rules.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    out.extend(tokens(text));
    out
}

/// The tokens of `text`, lazily: the same tokens as [`tokenize`] without collecting them.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        pos: 0,
        email_fail_until: 0,
    }
}

/// Iterator over the tokens of a string; see [`tokens`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    /// No e-mail address starts before this offset (the local-part run ending here was
    /// already checked and is not followed by a valid `@domain`).
    email_fail_until: usize,
}

// ASCII classes.
const SKIP: u8 = 0;
const ALPHA: u8 = 1;
const DIGIT: u8 = 2;
const PUNCT: u8 = 3;
const SYMBOL: u8 = 4;

const ASCII_CLASS: [u8; 128] = {
    let mut t = [SKIP; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = match i as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => ALPHA,
            b'0'..=b'9' => DIGIT,
            b'!' | b'"' | b'\'' | b'(' | b')' | b'*' | b',' | b'-' | b'.' | b'/' | b':' | b';'
            | b'?' | b'[' | b'\\' | b']' | b'_' | b'{' | b'}' => PUNCT,
            b'#' | b'$' | b'%' | b'&' | b'+' | b'<' | b'=' | b'>' | b'@' | b'^' | b'`' | b'|'
            | b'~' => SYMBOL,
            _ => SKIP,
        };
        i += 1;
    }
    t
};

/// Class of a non-ASCII character at a token start.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Skip,
    Regional,
    Emoji,
    Letter,
    Digit,
    Punct,
    Mark,
    Symbol,
}

fn classify(c: char) -> Class {
    if c.is_whitespace() || c.is_control() || is_ignorable(c) {
        Class::Skip
    } else if is_regional(c) {
        Class::Regional
    } else if is_pictographic(c) {
        Class::Emoji
    } else if c.is_alphabetic() {
        Class::Letter
    } else if c.is_numeric() {
        Class::Digit
    } else if is_unicode_punct(c) {
        Class::Punct
    } else if is_mark(c) {
        Class::Mark
    } else {
        Class::Symbol
    }
}

/// Default-ignorable format characters, skipped like whitespace at a token start.
fn is_ignorable(c: char) -> bool {
    matches!(c as u32,
        0xAD | 0x34F | 0x61C | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFE00..=0xFE0F | 0xFEFF
        | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

fn is_regional(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

/// Characters shown as emoji by default (an approximation of Extended_Pictographic with
/// emoji presentation; others become emoji when followed by U+FE0F).
fn is_pictographic(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1F1E5 | 0x1F200..=0x1FAFF | 0x1FC00..=0x1FFFD | 0x231A..=0x231B
        | 0x23E9..=0x23F3 | 0x23F8..=0x23FA | 0x2600..=0x2767 | 0x2794..=0x27BF
        | 0x2B05..=0x2B07 | 0x2B1B..=0x2B1C | 0x2B50 | 0x2B55)
}

fn is_skin_tone(c: char) -> bool {
    matches!(c as u32, 0x1F3FB..=0x1F3FF)
}

/// Non-ASCII punctuation: the common punctuation blocks. (‰ and ‱ are symbols, like %.)
fn is_unicode_punct(c: char) -> bool {
    matches!(c as u32,
        0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF | 0x37E | 0x387 | 0x55A..=0x55F
        | 0x589..=0x58A | 0x5BE | 0x5C0 | 0x5C3 | 0x5C6 | 0x5F3..=0x5F4 | 0x609..=0x60A
        | 0x60C..=0x60D | 0x61B | 0x61D..=0x61F | 0x66A..=0x66D | 0x6D4 | 0x964..=0x965
        | 0x970 | 0xDF4 | 0xE4F | 0xE5A..=0xE5B | 0xF04..=0xF12 | 0xF14 | 0xF3A..=0xF3D
        | 0x104A..=0x104F | 0x10FB | 0x1360..=0x1368 | 0x166E | 0x169B..=0x169C
        | 0x17D4..=0x17D6 | 0x17D8..=0x17DA | 0x1800..=0x180A | 0x2010..=0x2027
        | 0x2032..=0x2043 | 0x2045..=0x2051 | 0x2053..=0x205E | 0x207D..=0x207E
        | 0x208D..=0x208E | 0x2308..=0x230B | 0x2329..=0x232A | 0x2768..=0x2775
        | 0x27C5..=0x27C6 | 0x27E6..=0x27EF | 0x2983..=0x2998 | 0x29D8..=0x29DB
        | 0x29FC..=0x29FD | 0x2CF9..=0x2CFC | 0x2CFE..=0x2CFF | 0x2E00..=0x2E4F
        | 0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F | 0x3030 | 0x303D | 0x30A0
        | 0x30FB | 0xFE10..=0xFE19 | 0xFE30..=0xFE52 | 0xFE54..=0xFE61 | 0xFE63 | 0xFE68
        | 0xFE6A..=0xFE6B | 0xFF01..=0xFF03 | 0xFF05..=0xFF0A | 0xFF0C..=0xFF0F
        | 0xFF1A..=0xFF1B | 0xFF1F..=0xFF20 | 0xFF3B..=0xFF3D | 0xFF3F | 0xFF5B | 0xFF5D
        | 0xFF5F..=0xFF65)
}

/// Combining marks and the vowel signs, viramas and tone marks of the Brahmic and South-East
/// Asian scripts (whole blocks, after their punctuation was taken out by [`is_unicode_punct`]).
fn is_mark(c: char) -> bool {
    let u = c as u32;
    if u == 0xE3F || is_unicode_punct(c) {
        return false; // ฿ (a currency sign) and the punctuation inside these blocks
    }
    matches!(u,
        0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5BD | 0x5BF | 0x5C1..=0x5C2 | 0x5C4..=0x5C5
        | 0x5C7 | 0x610..=0x61A | 0x64B..=0x65F | 0x670 | 0x6D6..=0x6DC | 0x6DF..=0x6E4
        | 0x6E7..=0x6E8 | 0x6EA..=0x6ED | 0x711 | 0x730..=0x74A | 0x7A6..=0x7B0
        | 0x7EB..=0x7F3 | 0x816..=0x82D | 0x859..=0x85B | 0x898..=0x8FF | 0x900..=0xDFF
        | 0xE00..=0xFFF | 0x1000..=0x109F | 0x1712..=0x1715 | 0x17B4..=0x17DD
        | 0x1A17..=0x1A1B | 0x1AB0..=0x1AFF | 0x1B00..=0x1B04 | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF | 0x302A..=0x302F | 0x3099..=0x309A | 0xA66F..=0xA672 | 0xFB1E
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0xE0100..=0xE01EF)
}

/// A character that continues a word.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        (c.is_alphanumeric() && !is_pictographic(c)) || is_mark(c)
    }
}

fn is_ascii_digit(b: Option<&u8>) -> bool {
    matches!(b, Some(b'0'..=b'9'))
}

/// Whether `bytes[i..]` starts with `prefix`, ASCII case-insensitively.
fn starts_with_ci(bytes: &[u8], i: usize, prefix: &[u8]) -> bool {
    bytes
        .get(i..i + prefix.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(prefix))
}

const VS16: &[u8] = "\u{FE0F}".as_bytes();
const KEYCAP: &[u8] = "\u{20E3}".as_bytes();
const ZWJ: char = '\u{200D}';

impl<'a> Tokens<'a> {
    #[inline]
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The char starting at byte `i` (None at the end or off a boundary).
    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..)?.chars().next()
    }

    fn prev_char(&self, i: usize) -> Option<char> {
        self.text.get(..i)?.chars().next_back()
    }

    /// Whether the char at `i` is followed by U+FE0F or U+20E3 (which make it an emoji).
    #[inline]
    fn emoji_follows(&self, i: usize) -> bool {
        let b = self.bytes();
        match b.get(i) {
            Some(0xEF) => b[i..].starts_with(VS16),
            Some(0xE2) => b[i..].starts_with(KEYCAP),
            _ => false,
        }
    }

    fn next_token(&mut self) -> Option<Token> {
        let bytes = self.bytes();
        let len = bytes.len();
        while self.pos < len {
            let start = self.pos;
            let b = bytes[start];
            let (end, kind) = if b < 0x80 {
                match ASCII_CLASS[b as usize] {
                    SKIP => {
                        self.pos += 1;
                        continue;
                    }
                    ALPHA => self.word_or_url(start),
                    DIGIT => self.number(start, start),
                    PUNCT | SYMBOL if self.emoji_follows(start + 1) => {
                        (self.emoji(start), TokenKind::Emoji)
                    }
                    PUNCT => {
                        if matches!(b, b'-' | b'+') && self.sign_ok(start) {
                            self.number(start, start + 1)
                        } else {
                            (self.punct_run(start), TokenKind::Punct)
                        }
                    }
                    _ => {
                        if b == b'+' && self.sign_ok(start) {
                            self.number(start, start + 1)
                        } else {
                            (start + 1, TokenKind::Symbol)
                        }
                    }
                }
            } else {
                let Some(c) = self.char_at(start) else {
                    // Unreachable for a valid position; stop rather than loop.
                    self.pos = len;
                    return None;
                };
                let clen = c.len_utf8();
                match classify(c) {
                    Class::Skip => {
                        self.pos += clen;
                        continue;
                    }
                    Class::Regional | Class::Emoji => (self.emoji(start), TokenKind::Emoji),
                    Class::Letter => {
                        let end = self.word_from(start + clen);
                        (self.abbreviation(start, end), TokenKind::Word)
                    }
                    Class::Digit => {
                        let end = self.word_from(start + clen);
                        let kind = if self.text[start..end].chars().any(char::is_alphabetic) {
                            TokenKind::Word
                        } else {
                            TokenKind::Number
                        };
                        (end, kind)
                    }
                    _ if self.emoji_follows(start + clen) => (self.emoji(start), TokenKind::Emoji),
                    Class::Punct => (self.punct_run(start), TokenKind::Punct),
                    Class::Symbol if c == '\u{2212}' && self.sign_ok(start) => {
                        self.number(start, start + clen)
                    }
                    Class::Mark | Class::Symbol => (start + clen, TokenKind::Symbol),
                }
            };
            debug_assert!(end > start);
            self.pos = end;
            return Some(Token { start, end, kind });
        }
        None
    }

    /// A sign at `i` starts a number: a digit follows, and it is at the start of the text or
    /// after whitespace.
    fn sign_ok(&self, i: usize) -> bool {
        let c = self.char_at(i).map_or(1, char::len_utf8);
        is_ascii_digit(self.bytes().get(i + c))
            && self.prev_char(i).map_or(true, char::is_whitespace)
    }

    /// A token starting with an ASCII letter: a URL, an e-mail address or a word.
    fn word_or_url(&mut self, start: usize) -> (usize, TokenKind) {
        let bytes = self.bytes();
        if matches!(bytes[start], b'h' | b'H' | b'w' | b'W') {
            if let Some(end) = self.url(start) {
                return (end, TokenKind::Url);
            }
        }
        let end = self.word_from(start + 1);
        if let Some(e) = self.email(start, end) {
            return (e, TokenKind::Url);
        }
        (self.abbreviation(start, end), TokenKind::Word)
    }

    /// Scans the rest of a word from `i` (just after a word character).
    fn word_from(&self, mut i: usize) -> usize {
        let bytes = self.bytes();
        let len = bytes.len();
        loop {
            while i < len && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i >= len {
                return i;
            }
            let b = bytes[i];
            if b < 0x80 {
                match b {
                    b'\'' if self.char_at(i + 1).is_some_and(char::is_alphabetic) => i += 1,
                    b'-' if self.char_at(i + 1).is_some_and(is_word_char) => i += 1,
                    _ => return i,
                }
            } else {
                let Some(c) = self.char_at(i) else { return i };
                let clen = c.len_utf8();
                if is_word_char(c) {
                    i += clen;
                    continue;
                }
                let next = self.char_at(i + clen);
                let joins = match c {
                    '’' => next.is_some_and(char::is_alphabetic),
                    '\u{2010}' | '\u{2011}' | '\u{200C}' | '\u{200D}' | '\u{AD}' => {
                        next.is_some_and(is_word_char)
                    }
                    _ => false,
                };
                if !joins {
                    return i;
                }
                i += clen;
            }
        }
    }

    /// Extends the word `start..end` by its period if it is an abbreviation.
    fn abbreviation(&self, start: usize, end: usize) -> usize {
        let bytes = self.bytes();
        if bytes.get(end) != Some(&b'.') || bytes.get(end + 1) == Some(&b'.') {
            return end;
        }
        let word = &self.text[start..end];
        // Dotted: two or more segments of one or two letters, each followed by a period.
        let mut letters = 0;
        for c in word.chars() {
            if !c.is_alphabetic() || letters == 2 {
                letters = 3;
                break;
            }
            letters += 1;
        }
        if letters <= 2 {
            let mut i = end + 1;
            let mut segments = 1;
            let mut last = end + 1;
            loop {
                let mut n = 0;
                while n < 3 {
                    match self.char_at(i) {
                        Some(c) if c.is_alphabetic() => {
                            i += c.len_utf8();
                            n += 1;
                        }
                        _ => break,
                    }
                }
                if n == 0 || n == 3 || bytes.get(i) != Some(&b'.') {
                    break;
                }
                i += 1;
                segments += 1;
                last = i;
            }
            if segments >= 2 {
                // "U.S.-led": a hyphenated compound may continue the abbreviation.
                if bytes.get(last) == Some(&b'-')
                    && self.char_at(last + 1).is_some_and(is_word_char)
                {
                    return self.word_from(last + 1);
                }
                return last;
            }
        }
        if word.len() > LONGEST_ABBREVIATION {
            return end;
        }
        if TITLES.contains(&word) || ABBREVIATIONS.contains(&word) {
            return end + 1;
        }
        if NUMBER_ABBREVIATIONS.contains(&word) {
            let after = if bytes.get(end + 1) == Some(&b' ') {
                end + 2
            } else {
                end + 1
            };
            if is_ascii_digit(bytes.get(after)) {
                return end + 1;
            }
        }
        end
    }

    /// A number whose digits start at `digits` (after a sign, if `digits > start`).
    fn number(&mut self, start: usize, digits: usize) -> (usize, TokenKind) {
        let bytes = self.bytes();
        let len = bytes.len();
        let mut i = digits;
        while i < len && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if start == digits && i == digits + 1 && self.emoji_follows(i) {
            return (self.emoji(start), TokenKind::Emoji);
        }
        let mut plain = true;
        let mut decimal = false;
        while i < len {
            match bytes[i] {
                b',' if !decimal
                    && bytes.len() >= i + 4
                    && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                    && !is_ascii_digit(bytes.get(i + 4)) =>
                {
                    i += 4;
                    plain = false;
                }
                b'.' if !decimal && is_ascii_digit(bytes.get(i + 1)) => {
                    i += 1;
                    while i < len && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                    decimal = true;
                    plain = false;
                }
                _ => break,
            }
        }
        if plain && start == digits {
            let next = match bytes.get(i) {
                Some(b'-') => self.char_at(i + 1),
                _ => self.char_at(i),
            };
            if next.is_some_and(|c| c.is_alphabetic() && !is_pictographic(c)) {
                let end = self.word_from(i);
                if let Some(e) = self.email(start, end) {
                    return (e, TokenKind::Url);
                }
                return (end, TokenKind::Word);
            }
        }
        if start == digits {
            if let Some(e) = self.email(start, i) {
                return (e, TokenKind::Url);
            }
        }
        (i, TokenKind::Number)
    }

    /// A run of punctuation from `start`.
    fn punct_run(&self, start: usize) -> usize {
        let bytes = self.bytes();
        let len = bytes.len();
        let mut i = start;
        loop {
            // The first char is punctuation (checked by the caller).
            let clen = if bytes[i] < 0x80 {
                1
            } else {
                self.char_at(i).map_or(1, char::len_utf8)
            };
            i += clen;
            if i >= len {
                return i;
            }
            let b = bytes[i];
            let (is_punct, next_len) = if b < 0x80 {
                (ASCII_CLASS[b as usize] == PUNCT, 1)
            } else {
                match self.char_at(i) {
                    Some(c) => (is_unicode_punct(c) && !c.is_alphabetic(), c.len_utf8()),
                    None => (false, 1),
                }
            };
            if !is_punct || self.emoji_follows(i + next_len) {
                return i;
            }
        }
    }

    /// An emoji sequence from `start`.
    fn emoji(&self, start: usize) -> usize {
        let mut i = start;
        loop {
            let Some(c) = self.char_at(i) else { return i };
            i += c.len_utf8();
            if is_regional(c) {
                if let Some(d) = self.char_at(i).filter(|&d| is_regional(d)) {
                    i += d.len_utf8();
                }
                return i;
            }
            if let Some(v) = self
                .char_at(i)
                .filter(|&v| matches!(v, '\u{FE0E}' | '\u{FE0F}'))
            {
                i += v.len_utf8();
            }
            if !is_skin_tone(c) {
                if let Some(m) = self.char_at(i).filter(|&m| is_skin_tone(m)) {
                    i += m.len_utf8();
                    if self.char_at(i) == Some('\u{FE0F}') {
                        i += 3;
                    }
                }
            }
            if self.char_at(i) == Some('\u{20E3}') {
                i += 3;
            }
            while let Some(t) = self
                .char_at(i)
                .filter(|&t| matches!(t as u32, 0xE0020..=0xE007F))
            {
                i += t.len_utf8();
                if t == '\u{E007F}' {
                    break;
                }
            }
            let joined = self.char_at(i) == Some(ZWJ)
                && self
                    .char_at(i + ZWJ.len_utf8())
                    .is_some_and(|n| is_pictographic(n) || is_regional(n));
            if !joined {
                return i;
            }
            i += ZWJ.len_utf8();
        }
    }

    /// `http://`, `https://` or `www.` at `start`.
    fn url(&self, start: usize) -> Option<usize> {
        let bytes = self.bytes();
        let body = if starts_with_ci(bytes, start, b"https://") {
            start + 8
        } else if starts_with_ci(bytes, start, b"http://") {
            start + 7
        } else if starts_with_ci(bytes, start, b"www.") {
            start + 4
        } else {
            return None;
        };
        let mut i = body;
        let (mut parens, mut brackets) = (0i64, 0i64);
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if !b.is_ascii_graphic() || b"\"<>\\^`{|}".contains(&b) {
                    break;
                }
                match b {
                    b'(' => parens += 1,
                    b')' => parens -= 1,
                    b'[' => brackets += 1,
                    b']' => brackets -= 1,
                    _ => {}
                }
                i += 1;
            } else {
                match self.char_at(i) {
                    Some(c) if is_word_char(c) => i += c.len_utf8(),
                    _ => break,
                }
            }
        }
        while i > body {
            match bytes[i - 1] {
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*' => {}
                b')' if parens < 0 => parens += 1,
                b']' if brackets < 0 => brackets += 1,
                _ => break,
            }
            i -= 1;
        }
        (i > body).then_some(i)
    }

    /// An e-mail address starting at `start`, where a word or number `start..end` was scanned.
    fn email(&mut self, start: usize, end: usize) -> Option<usize> {
        let bytes = self.bytes();
        let is_local = |b: u8| b.is_ascii_alphanumeric() || b"._%+-".contains(&b);
        if start < self.email_fail_until
            || !bytes.get(end).is_some_and(|&b| is_local(b) || b == b'@')
        {
            return None;
        }
        let mut i = start;
        while i < bytes.len() && is_local(bytes[i]) {
            i += 1;
        }
        let at = i;
        if bytes.get(at) == Some(&b'@') && bytes[at - 1] != b'.' {
            // Domain: labels of [A-Za-z0-9-] separated by single dots, at least two labels,
            // the last of two or more letters.
            let mut j = at + 1;
            let mut label_start = j;
            let mut labels = 0;
            let mut domain_end = None;
            loop {
                while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'-') {
                    j += 1;
                }
                if j == label_start {
                    break;
                }
                labels += 1;
                let label = &bytes[label_start..j];
                if labels >= 2 && label.len() >= 2 && label.iter().all(u8::is_ascii_alphabetic) {
                    domain_end = Some(j);
                }
                if bytes.get(j) == Some(&b'.') {
                    j += 1;
                    label_start = j;
                } else {
                    break;
                }
            }
            if let Some(e) = domain_end {
                return Some(e);
            }
        }
        self.email_fail_until = at;
        None
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    #[inline]
    fn next(&mut self) -> Option<Token> {
        self.next_token()
    }
}

impl FusedIterator for Tokens<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use TokenKind::{Emoji, Number, Punct, Symbol, Url, Word};

    struct Case {
        name: &'static str,
        input: &'static str,
        want: &'static [(TokenKind, &'static str)],
    }

    fn check(cases: &[Case]) {
        for case in cases {
            let toks = tokenize(case.input);
            for t in &toks {
                assert!(case.input.is_char_boundary(t.start), "{}: start", case.name);
                assert!(case.input.is_char_boundary(t.end), "{}: end", case.name);
                assert_eq!(
                    &case.input[t.start..t.end],
                    t.text(case.input),
                    "{}",
                    case.name
                );
            }
            let got: Vec<(TokenKind, &str)> =
                toks.iter().map(|t| (t.kind, t.text(case.input))).collect();
            assert_eq!(got, case.want, "case {:?}: {:?}", case.name, case.input);
            assert_eq!(
                tokens(case.input).collect::<Vec<_>>(),
                toks,
                "{}",
                case.name
            );
        }
    }

    #[test]
    fn words() {
        check(&[
            Case {
                name: "plain",
                input: "The cat sat",
                want: &[(Word, "The"), (Word, "cat"), (Word, "sat")],
            },
            Case {
                name: "contractions, ascii apostrophe",
                input: "don't Russia's O'Brien",
                want: &[(Word, "don't"), (Word, "Russia's"), (Word, "O'Brien")],
            },
            Case {
                name: "contractions, typographic apostrophe",
                input: "they’re can’t Kyiv’s",
                want: &[(Word, "they’re"), (Word, "can’t"), (Word, "Kyiv’s")],
            },
            Case {
                name: "quotes around a word are not apostrophes",
                input: "'terrorist' ‘rebels’ students'",
                want: &[
                    (Punct, "'"),
                    (Word, "terrorist"),
                    (Punct, "'"),
                    (Punct, "‘"),
                    (Word, "rebels"),
                    (Punct, "’"),
                    (Word, "students"),
                    (Punct, "'"),
                ],
            },
            Case {
                name: "hyphenation",
                input: "well-known ISIS-K mother-in-law e‐mail",
                want: &[
                    (Word, "well-known"),
                    (Word, "ISIS-K"),
                    (Word, "mother-in-law"),
                    (Word, "e‐mail"),
                ],
            },
            Case {
                name: "dangling and double hyphens",
                input: "pre- and post-war a--b",
                want: &[
                    (Word, "pre"),
                    (Punct, "-"),
                    (Word, "and"),
                    (Word, "post-war"),
                    (Word, "a"),
                    (Punct, "--"),
                    (Word, "b"),
                ],
            },
            Case {
                name: "words with digits",
                input: "COVID-19 G7 7th 1990s 5G 19-year-old",
                want: &[
                    (Word, "COVID-19"),
                    (Word, "G7"),
                    (Word, "7th"),
                    (Word, "1990s"),
                    (Word, "5G"),
                    (Word, "19-year-old"),
                ],
            },
            Case {
                name: "accented and non-Latin",
                input: "café Zürich Москва 北京 Αθήνα القاهرة",
                want: &[
                    (Word, "café"),
                    (Word, "Zürich"),
                    (Word, "Москва"),
                    (Word, "北京"),
                    (Word, "Αθήνα"),
                    (Word, "القاهرة"),
                ],
            },
            Case {
                name: "combining marks and viramas stay in the word",
                input: "cafe\u{301} नमस्ते",
                want: &[(Word, "cafe\u{301}"), (Word, "नमस्ते")],
            },
            Case {
                name: "danda is punctuation",
                input: "भारत।",
                want: &[(Word, "भारत"), (Punct, "।")],
            },
        ]);
    }

    #[test]
    fn abbreviations() {
        check(&[
            Case {
                name: "dotted",
                input: "U.S. U.K. e.g. i.e. Ph.D. a.m.",
                want: &[
                    (Word, "U.S."),
                    (Word, "U.K."),
                    (Word, "e.g."),
                    (Word, "i.e."),
                    (Word, "Ph.D."),
                    (Word, "a.m."),
                ],
            },
            Case {
                name: "dotted compound",
                input: "U.S.-led",
                want: &[(Word, "U.S.-led")],
            },
            Case {
                name: "known abbreviations keep their period",
                input: "Dr. Inc. etc. vs. Jan.",
                want: &[
                    (Word, "Dr."),
                    (Word, "Inc."),
                    (Word, "etc."),
                    (Word, "vs."),
                    (Word, "Jan."),
                ],
            },
            Case {
                name: "May is not an abbreviation",
                input: "May.",
                want: &[(Word, "May"), (Punct, ".")],
            },
            Case {
                name: "ordinary word and period",
                input: "end. it.",
                want: &[(Word, "end"), (Punct, "."), (Word, "it"), (Punct, ".")],
            },
            Case {
                name: "No. only before a number",
                input: "No. 5 No.7 No. I",
                want: &[
                    (Word, "No."),
                    (Number, "5"),
                    (Word, "No."),
                    (Number, "7"),
                    (Word, "No"),
                    (Punct, "."),
                    (Word, "I"),
                ],
            },
            Case {
                name: "ellipsis is not absorbed",
                input: "etc...",
                want: &[(Word, "etc"), (Punct, "...")],
            },
            Case {
                name: "single initial is a word and a period",
                input: "W. Bush",
                want: &[(Word, "W"), (Punct, "."), (Word, "Bush")],
            },
        ]);
    }

    #[test]
    fn numbers() {
        check(&[
            Case {
                name: "thousands and decimals",
                input: "1,234.56 3.5 1,000,000",
                want: &[(Number, "1,234.56"), (Number, "3.5"), (Number, "1,000,000")],
            },
            Case {
                name: "comma list",
                input: "1,2,3",
                want: &[
                    (Number, "1"),
                    (Punct, ","),
                    (Number, "2"),
                    (Punct, ","),
                    (Number, "3"),
                ],
            },
            Case {
                name: "final period",
                input: "in 2020.",
                want: &[(Word, "in"), (Number, "2020"), (Punct, ".")],
            },
            Case {
                name: "currency and unit",
                input: "$5.2bn €3",
                want: &[
                    (Symbol, "$"),
                    (Number, "5.2"),
                    (Word, "bn"),
                    (Symbol, "€"),
                    (Number, "3"),
                ],
            },
            Case {
                name: "sign at start and after space",
                input: "-2.5% fell +3 by −4",
                want: &[
                    (Number, "-2.5"),
                    (Symbol, "%"),
                    (Word, "fell"),
                    (Number, "+3"),
                    (Word, "by"),
                    (Number, "−4"),
                ],
            },
            Case {
                name: "no sign inside a range or after punctuation",
                input: "1990-2000 (-5)",
                want: &[
                    (Number, "1990"),
                    (Punct, "-"),
                    (Number, "2000"),
                    (Punct, "(-"),
                    (Number, "5"),
                    (Punct, ")"),
                ],
            },
            Case {
                name: "second decimal point",
                input: "1.2.3",
                want: &[(Number, "1.2"), (Punct, "."), (Number, "3")],
            },
            Case {
                name: "not a thousands group",
                input: "1,2345",
                want: &[(Number, "1"), (Punct, ","), (Number, "2345")],
            },
            Case {
                name: "non-ASCII digits",
                input: "٣٤",
                want: &[(Number, "٣٤")],
            },
        ]);
    }

    #[test]
    fn urls() {
        check(&[
            Case {
                name: "at sentence end",
                input: "see https://example.com.",
                want: &[(Word, "see"), (Url, "https://example.com"), (Punct, ".")],
            },
            Case {
                name: "path and query",
                input: "http://a.org/x?q=1&r=2#frag, then",
                want: &[
                    (Url, "http://a.org/x?q=1&r=2#frag"),
                    (Punct, ","),
                    (Word, "then"),
                ],
            },
            Case {
                name: "www and case",
                input: "WWW.Example.com HTTPS://x.io",
                want: &[(Url, "WWW.Example.com"), (Url, "HTTPS://x.io")],
            },
            Case {
                name: "balanced and unbalanced parentheses",
                input: "(https://en.wikipedia.org/wiki/A_(b))",
                want: &[
                    (Punct, "("),
                    (Url, "https://en.wikipedia.org/wiki/A_(b)"),
                    (Punct, ")"),
                ],
            },
            Case {
                name: "in quotes",
                input: "\"www.bbc.co.uk\"",
                want: &[(Punct, "\""), (Url, "www.bbc.co.uk"), (Punct, "\"")],
            },
            Case {
                name: "scheme alone is not a url",
                input: "http:// www.",
                want: &[(Word, "http"), (Punct, "://"), (Word, "www"), (Punct, ".")],
            },
            Case {
                name: "e-mail",
                input: "mail john.smith+news@mail.example.com.",
                want: &[
                    (Word, "mail"),
                    (Url, "john.smith+news@mail.example.com"),
                    (Punct, "."),
                ],
            },
            Case {
                name: "not an e-mail",
                input: "a@b @home x@y.1",
                want: &[
                    (Word, "a"),
                    (Symbol, "@"),
                    (Word, "b"),
                    (Symbol, "@"),
                    (Word, "home"),
                    (Word, "x"),
                    (Symbol, "@"),
                    (Word, "y"),
                    (Punct, "."),
                    (Number, "1"),
                ],
            },
            Case {
                name: "bare domain is words",
                input: "example.com",
                want: &[(Word, "example"), (Punct, "."), (Word, "com")],
            },
        ]);
    }

    #[test]
    fn emoji() {
        check(&[
            Case {
                name: "skin tone",
                input: "great👍🏽!",
                want: &[(Word, "great"), (Emoji, "👍🏽"), (Punct, "!")],
            },
            Case {
                name: "zwj family",
                input: "👨‍👩‍👧 ok",
                want: &[(Emoji, "👨‍👩‍👧"), (Word, "ok")],
            },
            Case {
                name: "flags",
                input: "🇺🇸🇬🇧",
                want: &[(Emoji, "🇺🇸"), (Emoji, "🇬🇧")],
            },
            Case {
                name: "keycaps",
                input: "1️⃣ #️⃣ 12",
                want: &[(Emoji, "1️⃣"), (Emoji, "#️⃣"), (Number, "12")],
            },
            Case {
                name: "variation selector makes an emoji",
                input: "❤️ ©️ ©",
                want: &[(Emoji, "❤️"), (Emoji, "©️"), (Symbol, "©")],
            },
            Case {
                name: "profession and gender sequences",
                input: "🧑🏽‍⚕️🏃‍♀️",
                want: &[(Emoji, "🧑🏽‍⚕️"), (Emoji, "🏃‍♀️")],
            },
            Case {
                name: "tag sequence flag",
                input: "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}!",
                want: &[
                    (
                        Emoji,
                        "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
                    ),
                    (Punct, "!"),
                ],
            },
            Case {
                name: "separate emoji",
                input: "😂😂",
                want: &[(Emoji, "😂"), (Emoji, "😂")],
            },
            Case {
                name: "dangling zwj is skipped",
                input: "😂\u{200D} x",
                want: &[(Emoji, "😂"), (Word, "x")],
            },
        ]);
    }

    #[test]
    fn punctuation_and_symbols() {
        check(&[
            Case {
                name: "runs",
                input: "Wait... what?! -- “yes.”",
                want: &[
                    (Word, "Wait"),
                    (Punct, "..."),
                    (Word, "what"),
                    (Punct, "?!"),
                    (Punct, "--"),
                    (Punct, "“"),
                    (Word, "yes"),
                    (Punct, ".”"),
                ],
            },
            Case {
                name: "symbols are single",
                input: "$$ % © € + ‰",
                want: &[
                    (Symbol, "$"),
                    (Symbol, "$"),
                    (Symbol, "%"),
                    (Symbol, "©"),
                    (Symbol, "€"),
                    (Symbol, "+"),
                    (Symbol, "‰"),
                ],
            },
            Case {
                name: "cjk punctuation",
                input: "你好。「好」",
                want: &[(Word, "你好"), (Punct, "。「"), (Word, "好"), (Punct, "」")],
            },
            Case {
                name: "stray combining mark",
                input: " \u{301}x",
                want: &[(Symbol, "\u{301}"), (Word, "x")],
            },
        ]);
    }

    #[test]
    fn whitespace_and_controls_are_skipped() {
        check(&[
            Case {
                name: "empty",
                input: "",
                want: &[],
            },
            Case {
                name: "only whitespace and controls",
                input: " \t\r\n\u{0}\u{7}\u{2028}\u{A0}\u{FEFF}\u{200B}",
                want: &[],
            },
            Case {
                name: "crlf",
                input: "a\r\nb",
                want: &[(Word, "a"), (Word, "b")],
            },
            Case {
                name: "control between words",
                input: "a\u{0}b",
                want: &[(Word, "a"), (Word, "b")],
            },
            Case {
                name: "zero-width space separates",
                input: "a\u{200B}b",
                want: &[(Word, "a"), (Word, "b")],
            },
        ]);
    }

    #[test]
    fn long_inputs_are_single_tokens() {
        let cases: &[(&str, &str, TokenKind)] = &[
            ("hyphen chain", "a-", Word),
            ("dots", ".", Punct),
            ("letters", "a", Word),
            ("dotted", "a.", Word),
        ];
        for &(name, unit, kind) in cases {
            let text = unit.repeat(100_000);
            let toks = tokenize(&text);
            assert_eq!(toks[0].kind, kind, "{name}");
            assert!(toks.len() <= 2, "{name}: {} tokens", toks.len());
        }
    }
}
