//! The rule recogniser: capitalised runs on the crate's tokens, trimmed and typed by rules and
//! gazetteers, then a document-level pass that types weak mentions from strong ones; its
//! result goes to the learned tagger (`model.rs`) as features.
//!
//! One forward pass builds the token facts (lowercase form, capitalisation, sentence start,
//! headline sentence); a second pass over each sentence builds candidate runs and classifies
//! them. Everything is linear in the number of tokens: each token's table memberships are
//! looked up once, in one hashed table (`table.rs`), and kept in its facts.

use std::cell::Cell;

use super::table::{self as tb, Flags, FxMap, FxSet};
use super::{EntityKind, EntityMention, Parts};
use crate::text::{split_sentences, tokens, TokenKind};

/// A headline: at least this many words, and at least this share of them in capitals (or
/// capitalised function words), so capitalisation says nothing about names.
const HEADLINE_MIN_WORDS: usize = 3;
/// Share of all-caps words that makes a sentence an all-caps headline.
const HEADLINE_CAPS_SHARE: f64 = 0.7;
/// A title-case headline: at least this many words ...
const HEADLINE_TITLE_CASE_WORDS: usize = 4;
/// ... and at least this share of them capitalised.
const HEADLINE_TITLE_CASE_SHARE: f64 = 0.8;
/// Longest run (tokens) still read as a person's name by default.
const MAX_DEFAULT_PERSON: usize = 3;
/// How far (bytes) after "WASHINGTON," a dateline's "(Reuters)" or " - " may come.
const DATELINE_LOOKAHEAD: usize = 40;
/// Longest token read as an acronym.
const MAX_ACRONYM_BYTES: usize = 6;

/// Endings of plural nouns for groups of people ("Engineers", "Analysts", "Officials"): such a
/// word opening a sentence before a speech verb is a group, not a person.
const PLURAL_GROUP_ENDINGS: &[&str] = &["ers", "ors", "sts", "ians", "ents", "ants", "als"];
/// Shorter words with those endings are too often surnames ("Peters", "Rogers").
const MIN_PLURAL_GROUP_BYTES: usize = 8;

/// A sentence-initial plural group noun, not a name.
fn is_plural_group(tok: &Tok, lower: &str) -> bool {
    tok.initial
        && lower.len() >= MIN_PLURAL_GROUP_BYTES
        && PLURAL_GROUP_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// How sure a classification is: strong ones type weak look-alikes in the same document.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Strength {
    Weak,
    Strong,
}

/// Facts about one token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) kind: TokenKind,
    pub(crate) start: usize,
    /// End without a possessive "'s".
    pub(crate) end: usize,
    /// Range of the lowercase form (possessive stripped) in [`Doc::lower`].
    lo: (usize, usize),
    pub(crate) word: bool,
    /// Starts with an uppercase letter.
    pub(crate) cap: bool,
    /// Two or more letters, all uppercase.
    pub(crate) upper: bool,
    pub(crate) possessive: bool,
    /// First word of a sentence (or after an opening quote or a colon).
    pub(crate) initial: bool,
    pub(crate) sentence: usize,
    /// Table memberships of the lowercase form ([`key_flags`]), masked by the parts in use.
    pub(crate) f: Flags,
}

pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: Vec<Tok>,
    lower: String,
    /// Per sentence: whether it is a headline (capitalisation uninformative).
    pub(crate) headline: Vec<bool>,
    /// Per sentence: whether it is a line of a results table ([`is_score_line`]).
    pub(crate) score_line: Vec<bool>,
    /// Whether a results table of the document names a country: its regions are national
    /// sides too ("Scotland 1 Italy 0"); else a region is a club ("NEW JERSEY 4 Ottawa 1").
    national_sides: bool,
    /// Per sentence: whether it is a line of a cricket scorecard ([`is_scorecard_line`]): its
    /// names are players.
    pub(crate) scorecard: Vec<bool>,
    /// Per sentence: first token index.
    sentence_start: Vec<usize>,
    /// Per sentence: whether it is boilerplate.
    pub(crate) boilerplate: Vec<bool>,
    /// The flags the parts in use may see (the generated tables are off without gazetteers).
    mask: Flags,
    /// Whether the document-level passes run ([`Parts::document`]).
    pub(crate) document: bool,
    /// Per token: whether it is a plain word by [`is_plain_word`] (0 = not computed yet).
    plain: Vec<Cell<u8>>,
}

impl Doc<'_> {
    /// Token `i` as the text writes it.
    pub(crate) fn raw(&self, i: usize) -> &str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    pub(crate) fn lc(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].lo;
        &self.lower[a..b]
    }

    /// Table memberships of a lowercase key (a word or a run joined by single spaces).
    fn kf(&self, key: &str) -> Flags {
        key_flags(key) & self.mask
    }

    /// Table memberships of the tokens `a..b` as one key (the token's own for one token).
    pub(crate) fn run_flags(&self, a: usize, b: usize) -> Flags {
        if b == a + 1 {
            return self.toks[a].f;
        }
        let mut key = String::with_capacity(32);
        key_of(self, a, b, &mut key);
        self.kf(&key)
    }

    /// A common word for the default rules, cached per token: see [`is_plain_word`].
    pub(crate) fn plain(&self, i: usize) -> bool {
        match self.plain[i].get() {
            1 => false,
            2 => true,
            _ => {
                let p = is_plain_word(self.lc(i), self.toks[i].f);
                self.plain[i].set(1 + p as u8);
                p
            }
        }
    }
}

/// The memberships of `key`, and, for a dotted key ("u.s."), the acronym and alias
/// memberships of the key without its periods.
fn key_flags(key: &str) -> Flags {
    let mut f = tb::flags(key);
    if key.contains('.') {
        let plain: String = key.chars().filter(|&c| c != '.').collect();
        f |= tb::flags(&plain) & (tb::ORG_ACRONYM | tb::LOC_ALIAS | tb::ORG_SUFFIX);
    }
    f
}

/// Whether a word is a surname written with a lowercase particle and a hyphen ("al-Rashidi",
/// "bin-Laden"): capitalised for the rules, like the surname after it.
fn particle_surname(body: &str) -> bool {
    body.split_once('-').is_some_and(|(particle, rest)| {
        rest.chars().next().is_some_and(char::is_uppercase)
            && (particle == "el" || tb::flags(particle) & tb::NAME_PARTICLE != 0)
    })
}

pub(crate) fn build(text: &str, parts: Parts) -> Doc<'_> {
    let mask = if parts.gazetteers {
        Flags::MAX
    } else {
        !tb::GAZETTEERS
    };
    let sentences = split_sentences(text);
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut lower = String::with_capacity(text.len());
    let mut s = 0usize;
    let mut sentence_start = vec![0usize; sentences.len().max(1)];
    let mut after_opener = true;
    for t in tokens(text) {
        while s + 1 < sentences.len() && t.start >= sentences[s].end {
            s += 1;
            sentence_start[s] = toks.len();
            after_opener = true;
        }
        let raw = t.text(text);
        let word = t.kind == TokenKind::Word;
        let mut end = t.end;
        let mut possessive = false;
        if word && raw.len() > 3 {
            for suffix in ["'s", "’s", "'S", "’S"] {
                if raw.ends_with(suffix) {
                    end -= suffix.len();
                    possessive = true;
                    break;
                }
            }
        }
        let body = &text[t.start..end];
        let lo_start = lower.len();
        let (mut cap, mut upper) = (false, false);
        if word {
            if body.is_ascii() {
                for b in body.bytes() {
                    lower.push(b.to_ascii_lowercase() as char);
                }
            } else {
                for c in body.chars() {
                    lower.extend(c.to_lowercase());
                }
            }
            let mut chars = body.chars();
            cap = chars.next().is_some_and(char::is_uppercase)
                || (body.as_bytes()[0].is_ascii_lowercase() && particle_surname(body));
            let mut letters = 0usize;
            let mut all_upper = true;
            for c in body.chars() {
                if c.is_alphabetic() {
                    letters += 1;
                    all_upper &= c.is_uppercase();
                }
            }
            upper = letters >= 2 && all_upper;
        }
        let f = if word {
            key_flags(&lower[lo_start..]) & mask
        } else {
            0
        };
        toks.push(Tok {
            f,
            kind: t.kind,
            start: t.start,
            end,
            lo: (lo_start, lower.len()),
            word,
            cap,
            upper,
            possessive,
            initial: after_opener,
            sentence: s,
        });
        after_opener = match t.kind {
            TokenKind::Punct => {
                after_opener || raw.ends_with(['"', '“', '‘', ':', '(', '[', '«']) || raw == "'"
            }
            TokenKind::Emoji | TokenKind::Symbol => after_opener,
            _ => false,
        };
    }
    let n_sent = sentence_start.len();
    let plain = vec![Cell::new(0u8); toks.len()];
    let mut doc = Doc {
        text,
        toks,
        lower,
        headline: vec![false; n_sent],
        score_line: vec![false; n_sent],
        scorecard: vec![false; n_sent],
        national_sides: false,
        sentence_start,
        boilerplate: vec![false; n_sent],
        mask,
        document: parts.document,
        plain,
    };
    for (si, sentence) in sentences.iter().enumerate() {
        let (a, b) = sentence_range(&doc, si);
        let (mut words, mut caps, mut capitalised, mut cap_function) = (0usize, 0, 0, 0);
        let mut small_function = 0usize;
        for i in a..b {
            let t = doc.toks[i];
            if !t.word {
                continue;
            }
            words += 1;
            caps += t.upper as usize;
            capitalised += t.cap as usize;
            let function = t.f & tb::FUNCTION != 0;
            small_function += (!t.cap && function) as usize;
            // "After" in "Markets Tumble After Germany Reports", not a legal form written in
            // capitals ("Baltica Shipping AS") or the "A" of "A/S".
            let glued = doc.toks.get(i + 1).is_some_and(|n| n.start == t.end);
            if t.cap && !t.upper && !t.initial && function && !glued {
                cap_function += 1;
            }
        }
        // A short line of capitalised words with no final punctuation: a heading or a button.
        let text_of = sentence.text(text);
        if is_score_line(&doc, a, b) {
            doc.score_line[si] = true;
            doc.national_sides |= names_a_country(&doc, a, b);
            continue;
        }
        if is_scorecard_line(&doc, a, b) {
            doc.scorecard[si] = true;
            continue;
        }
        let unpunctuated = !text_of.ends_with(['.', '!', '?', '"', '”', ')']);
        doc.headline[si] =
            (unpunctuated && (2..=6).contains(&words) && capitalised + small_function == words)
                || words >= HEADLINE_MIN_WORDS
                    && (caps as f64 >= HEADLINE_CAPS_SHARE * words as f64
                        || cap_function >= 2
                        || (words >= HEADLINE_TITLE_CASE_WORDS
                            && cap_function >= 1
                            && capitalised as f64 >= HEADLINE_TITLE_CASE_SHARE * words as f64));
        let flat = text_of.trim_end_matches(['.', '!', ':']).trim();
        doc.boilerplate[si] =
            flat.len() < 40 && tb::flags(&flat.to_lowercase()) & tb::BOILERPLATE != 0;
    }
    doc
}

/// A line of a results table: capitalised names each followed by a number ("Arsenal 2 West
/// Ham 0", "Barcelona 5 4 1 0 12 3 13"), two or more numbers, no lowercase word and no
/// punctuation outside parentheses but a final period ("( halftime 1-0 )" may follow). Not a heading: its names
/// are teams ([`team_class`]).
fn is_score_line(doc: &Doc, a: usize, b: usize) -> bool {
    let (mut depth, mut numbers, mut named_scores) = (0usize, 0usize, 0usize);
    for i in a..b {
        let t = doc.toks[i];
        let raw = &doc.text[t.start..t.end];
        match t.kind {
            TokenKind::Punct if raw == "(" => depth += 1,
            TokenKind::Punct if raw == ")" => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            TokenKind::Number => {
                numbers += 1;
                named_scores += (i > a && doc.toks[i - 1].word && doc.toks[i - 1].cap) as usize;
            }
            TokenKind::Word if t.cap => {}
            // A period ends the line ("... Leeds 1 ( Sharpe 49 ) .").
            TokenKind::Punct if raw == "." && i + 1 == b => {}
            _ => return false,
        }
    }
    numbers >= 2 && named_scores >= 1
}

/// Whether a line's runs of capitalised words name a country or a home nation ("Scotland";
/// not the "Jersey" of "NEW JERSEY").
fn names_a_country(doc: &Doc, a: usize, b: usize) -> bool {
    let mut i = a;
    while i < b {
        if !(doc.toks[i].word && doc.toks[i].cap) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b && doc.toks[i].word && doc.toks[i].cap {
            i += 1;
        }
        if doc.run_flags(start, i) & (tb::COUNTRY | tb::LOC_EXTRA | tb::LOC_ALIAS) != 0 {
            return true;
        }
    }
    false
}

/// How a batsman was out, in a scorecard's batting line: "c Otieno b Suji", "lbw b Odoyo",
/// "st Otieno b Karim", "run out", "not out", "retired hurt".
const DISMISSAL_WORDS: &[&str] = &[
    "b", "c", "hurt", "lbw", "not", "out", "retired", "run", "st",
];

/// A line of a cricket scorecard: a batting line ("Athar Ali Khan c Otieno b Suji 18",
/// "Khaled Mashud not out 31": names, dismissal words, the runs last) or a bowling line
/// ("Bowling : Suji 10-1-44-2 , Odoyo 10-0-48-2": each name before its figures). Every name in
/// it is a player's.
fn is_scorecard_line(doc: &Doc, a: usize, b: usize) -> bool {
    if b < a + 3 || !doc.toks[a].word || !doc.toks[a].cap {
        return false;
    }
    if doc.lc(a) == "bowling" && doc.raw(a + 1) == ":" {
        // Figures: overs-maidens-runs-wickets, each name followed by them.
        let mut figures = 0usize;
        for i in a + 2..b {
            let t = doc.toks[i];
            match t.kind {
                TokenKind::Word if t.cap => {}
                TokenKind::Number => {
                    figures += (i + 1 < b && doc.raw(i + 1) == "-" && i > a && doc.toks[i - 1].word)
                        as usize;
                }
                TokenKind::Punct if matches!(doc.raw(i), "-" | "," | "." | "(" | ")") => {}
                _ => return false,
            }
        }
        return figures >= 1;
    }
    if doc.toks[b - 1].kind != TokenKind::Number || in_list(&["extras", "total"], doc.lc(a)) {
        return false;
    }
    let mut dismissal = false;
    for i in a..b - 1 {
        let t = doc.toks[i];
        match t.kind {
            TokenKind::Word if t.cap && !t.upper || t.upper && doc.raw(i).len() <= 3 => {}
            TokenKind::Word if in_list(DISMISSAL_WORDS, doc.raw(i)) => dismissal = true,
            TokenKind::Punct if matches!(doc.raw(i), "." | "&" | "(" | ")") => {}
            _ => return false,
        }
    }
    dismissal
}

pub(crate) fn sentence_range(doc: &Doc, si: usize) -> (usize, usize) {
    let a = doc.sentence_start[si];
    let b = doc
        .sentence_start
        .get(si + 1)
        .copied()
        .unwrap_or(doc.toks.len());
    (a, b.max(a))
}

/// A common word: mostly written in lowercase, a function word, or never a name.
fn is_common(f: Flags) -> bool {
    f & (tb::COMMON | tb::FUNCTION | tb::NEVER) != 0
}

/// A common word for the default rules: the tables above, or a word VADER gives a valence
/// ("Battle", "Fame", "Beautiful"), or a nationality-like ending ("Portuguese", "Indonesian").
fn is_plain_word(w: &str, f: Flags) -> bool {
    is_common(f)
        || f & tb::DEMONYM != 0
        || (f & tb::FIRST_NAME == 0 && super::rules::DEMONYM_ENDINGS.iter().any(|e| w.ends_with(e)))
        || crate::vader::polarity_scores(w).compound != 0.0
}

/// A place from the tables, by the flags of its lowercase key.
fn is_place(f: Flags) -> bool {
    f & tb::PLACE != 0
}

/// A known name, by the flags of its lowercase key.
fn is_known(f: Flags) -> bool {
    f & tb::KNOWN != 0
}

/// Words the document writes capitalised away from a sentence start, and sentence-initial
/// words it also writes in lowercase.
#[derive(Default)]
struct Seen<'a> {
    mid: FxSet<&'a str>,
    lowered: FxSet<&'a str>,
}

/// Whether token `i` may be part of a name.
fn capish(doc: &Doc, i: usize, seen: &Seen) -> bool {
    let t = doc.toks[i];
    if !t.word || !t.cap {
        return false;
    }
    let f = t.f;
    if f & tb::CALENDAR != 0 && !doc.score_line[t.sentence] {
        // "Theresa May": a month after a first name is a surname; "Jan Siemerink": one that is
        // a first name too, before a name, is a first name.
        let next_name = doc.toks.get(i + 1).is_some_and(|n| {
            n.word
                && n.cap
                && n.sentence == t.sentence
                && n.f & tb::CALENDAR == 0
                && !is_common(n.f)
        });
        return !doc.headline[t.sentence]
            && (i > 0 && doc.toks[i - 1].cap && doc.toks[i - 1].f & tb::FIRST_NAME != 0
                || f & tb::FIRST_NAME != 0 && next_name);
    }
    if doc.headline[t.sentence] {
        return !is_common(f) || is_known(f) || starts_known_pair(doc, i);
    }
    // A results table's words are all names ("NEW JERSEY 4 Ottawa 1").
    if t.initial && !doc.score_line[t.sentence] {
        let w = doc.lc(i);
        return is_known(f)
            || seen.mid.contains(w)
            || (!is_common(f) && !seen.lowered.contains(w))
            || starts_common_word_name(doc, i);
    }
    true
}

/// Whether the sentence-initial word `i` starts a name of common words: the next word is a
/// common word written capitalised ("Whole Foods said", "Home Depot said", "Best Buy said"),
/// which only a name does mid-sentence. The first word must be able to start a name: no
/// function word, adverb or sentence opener ("Meanwhile Apple said", "Yesterday Apple").
fn starts_common_word_name(doc: &Doc, i: usize) -> bool {
    let t = doc.toks[i];
    let w = doc.lc(i);
    // Words that neither start nor continue such a name.
    const NOT_NAME_WORDS: Flags = tb::FUNCTION | tb::NEVER | tb::CALENDAR | tb::PERSON_TITLE;
    let opener = t.f & NOT_NAME_WORDS != 0
        || w.ends_with("ly")
        || in_list(super::rules::SENTENCE_OPENERS, w);
    !opener
        && doc.toks.get(i + 1).is_some_and(|n| {
            n.word
                && n.cap
                && n.sentence == t.sentence
                && (is_common(n.f) || n.f & (tb::ORG_WORD | tb::ORG_SUFFIX) != 0)
                && n.f & NOT_NAME_WORDS == 0
        })
}

/// Whether tokens `i` and `i + 1` together are a known name ("New York" in a headline).
fn starts_known_pair(doc: &Doc, i: usize) -> bool {
    i + 1 < doc.toks.len() && doc.toks[i + 1].word && {
        let mut pair = String::with_capacity(32);
        key_of(doc, i, i + 2, &mut pair);
        is_known(doc.kf(&pair))
    }
}

/// A candidate: tokens `a..b` of the document.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Run {
    pub(crate) a: usize,
    pub(crate) b: usize,
    /// A title stood before or was trimmed off.
    titled: bool,
}

/// The rule recogniser's result on a document: typed runs of tokens, in order.
pub(crate) type RuleMentions = Vec<(Run, EntityKind, Strength)>;

fn key_of(doc: &Doc, a: usize, b: usize, out: &mut String) {
    out.clear();
    for i in a..b {
        if i > a {
            out.push(' ');
        }
        out.push_str(doc.lc(i));
    }
}

/// Recognises the mentions in `text` with the given parts.
pub(crate) fn recognize(text: &str, parts: Parts) -> Vec<EntityMention> {
    let doc = build(text, parts);
    let found = rule_mentions(&doc, parts);
    if parts.model {
        if let Ok(model) = super::model::embedded() {
            return super::model::recognize(&doc, &found, model);
        }
    }
    to_mentions(&doc, &found)
}

/// Per token: whether it is inside a name that is none of the three types (see
/// [`not_entity`]), so that no mention may overlap it.
pub(crate) fn not_entities(doc: &Doc) -> Vec<bool> {
    let n = doc.toks.len();
    let mut out = vec![false; n];
    let mut i = 0usize;
    while i < n {
        let t = doc.toks[i];
        if !t.word || !t.cap {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n
            && doc.toks[j].word
            && doc.toks[j].cap
            && doc.toks[j].sentence == t.sentence
            && !doc.toks[j - 1].possessive
        {
            j += 1;
        }
        if not_entity(doc, i, j) {
            out[i..j].iter_mut().for_each(|x| *x = true);
        }
        i = j;
    }
    out
}

/// Whether tokens `a..b` are the whole of a quotation: a quotation mark right before and right
/// after (a comma or period inside the closing one allowed).
fn quoted(doc: &Doc, a: usize, b: usize) -> bool {
    let quote = |i: usize| {
        doc.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && doc.text[t.start..t.end].contains(['"', '“', '”', '‘', '’'])
        })
    };
    a > 0 && quote(a - 1) && quote(b)
}

fn in_list(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

/// Whether the capitalised run `a..b` names a law, a product or an event rather than a person,
/// organisation or place (the annotation guidelines count none of these):
/// * a law or bill: "Affordable Care Act", "Investment Company Act", "First Amendment";
/// * a product: a name ending in "Pro", "Max", "Mini", "Ultra" ("Vision Pro"), or a one-word
///   company followed by a name with no organisation or place word ("Google Pay", "Nintendo
///   Switch"; not "Google News", "Siemens Energy", "Apple Nintendo");
/// * an event or award ending in an event word ("World Cup", "Pulitzer Prize") that is not a
///   company ("Epic Games");
/// * a first name after a determiner with no name after it: "the Bill", "a Grace";
/// * a technology's acronym alone: "VR", "HD" ("Oculus VR" stays a name);
/// * a letter alone, not an initial: the "T" of "[T]he";
/// * a title that is a whole quotation ("“Until Dawn”"), with no organisation or place word;
/// * a region's people: "North African".
fn not_entity(doc: &Doc, a: usize, b: usize) -> bool {
    let n = b - a;
    let last = doc.lc(b - 1);
    let first = doc.toks[a].f;
    if n == 1 {
        if doc.toks[a].upper && in_list(super::rules::TECH_ACRONYMS, last) {
            return true;
        }
        // A letter alone ("[T]he"), not an initial ("J. K. Rowling").
        let letter = last.chars().count() == 1;
        let initial = doc
            .toks
            .get(b)
            .is_some_and(|t| doc.text[t.start..t.end] == *".");
        if letter && !initial {
            return true;
        }
        // "the Milan bourse", "the Paris talks": a place that is also a first name.
        return first & tb::FIRST_NAME != 0
            && first & tb::PLACE == 0
            && a > 0
            && in_list(super::rules::DETERMINERS, doc.lc(a - 1))
            && !doc.headline[doc.toks[a].sentence];
    }
    if in_list(super::rules::LAW_LAST_WORDS, last)
        || in_list(super::rules::PRODUCT_LAST_WORDS, last)
        || names_index(doc, b)
    {
        return true;
    }
    let mut key = String::new();
    key_of(doc, a, b, &mut key);
    let whole = doc.kf(&key);
    if whole & (tb::KNOWN | tb::COMPANY) != 0 {
        return false;
    }
    // A title in quotation marks, the whole quote ("“Until Dawn”"): a work, not a name, unless a
    // word of it names an organisation or a place.
    let name_word = tb::ORG_WORD | tb::ORG_SUFFIX | tb::LOC_LAST | tb::PLACE | tb::ORG_NAME;
    if quoted(doc, a, b) && (a..b).all(|i| doc.toks[i].f & name_word == 0) {
        return true;
    }
    if doc.toks[b - 1].f & tb::EVENT_LAST != 0 {
        return true;
    }
    // A region's people: "North African", "South Korean".
    if n == 2
        && doc.toks[b - 1].f & tb::DEMONYM != 0
        && first & (tb::PLACE_MODIFIER | tb::LOC_FIRST) != 0
    {
        return true;
    }
    let named = tb::COMPANY | tb::ORG_NAME;
    let keeps = tb::ORG_WORD | tb::ORG_SUFFIX | tb::LOC_LAST | tb::PLACE | named | tb::ORG_ACRONYM;
    first & named != 0
        && first & tb::PLACE == 0
        && (a + 1..b).all(|i| doc.toks[i].f & keeps == 0 && !doc.toks[i].upper)
}

/// Whether the name ending before token `b` is a market index's: "index" or "average" follows,
/// maybe after a number and an index word ("the Dow Jones industrial average", "the Standard &
/// Poor's 500 index", "the Nikkei average"), as markets copy writes it.
fn names_index(doc: &Doc, b: usize) -> bool {
    let mut k = b;
    if doc.toks.get(k).is_some_and(|t| t.kind == TokenKind::Number) {
        k += 1;
    }
    let word = |k: usize| {
        doc.toks
            .get(k)
            .filter(|t| t.word && !t.cap && t.sentence == doc.toks[b - 1].sentence)
            .map(|_| doc.lc(k))
    };
    if matches!(
        word(k),
        Some("industrial" | "composite" | "share" | "stock" | "benchmark" | "all-share")
    ) {
        k += 1;
    }
    matches!(word(k), Some("index" | "average" | "indices"))
}

/// Byte ranges of typed token runs, none overlapping a name of another kind ([`not_entities`]).
pub(crate) fn to_mentions(doc: &Doc, found: &RuleMentions) -> Vec<EntityMention> {
    let not = not_entities(doc);
    found
        .iter()
        .filter(|(run, _, _)| !not[run.a..run.b].iter().any(|&x| x))
        .map(|(run, kind, _)| EntityMention {
            start: doc.toks[run.a].start,
            end: doc.toks[run.b - 1].end,
            kind: *kind,
        })
        .collect()
}

/// The rules on a built document: capitalised runs, trimmed and typed, then the document pass.
pub(crate) fn rule_mentions(doc: &Doc, parts: Parts) -> RuleMentions {
    // Words seen capitalised away from a sentence start in ordinary sentences.
    let mut seen = Seen::default();
    let mut initials: FxSet<&str> = FxSet::default();
    for (i, t) in doc.toks.iter().enumerate() {
        if t.word && t.cap {
            // A results table's words are names wherever they stand ("Celtic 2 Motherwell 0"
            // makes "Celtic went top" a name).
            if doc.score_line[t.sentence] && !is_common(t.f) {
                seen.mid.insert(doc.lc(i));
            } else if t.initial {
                initials.insert(doc.lc(i));
            } else if !doc.headline[t.sentence] {
                seen.mid.insert(doc.lc(i));
            }
        }
    }
    // Sentence-initial words that the text also writes in lowercase are common words there.
    if !initials.is_empty() {
        for (i, t) in doc.toks.iter().enumerate() {
            if t.word && !t.cap && initials.contains(doc.lc(i)) {
                seen.lowered.insert(doc.lc(i));
            }
        }
    }
    let mut runs: Vec<(Run, Option<(EntityKind, Strength)>)> = Vec::new();
    let mut key = String::new();
    for si in 0..doc.sentence_start.len() {
        if doc.boilerplate.get(si).copied().unwrap_or(false) {
            continue;
        }
        let (a, b) = sentence_range(doc, si);
        sentence_runs(doc, a, b, &seen, &mut key, &mut runs);
    }
    // An acronym in parentheses after a name is that name's: "the Revolutionary United Front
    // ( RUF )".
    for k in 1..runs.len() {
        let (run, prev) = (runs[k].0, runs[k - 1]);
        let bracketed = run.b - run.a == 1
            && doc.toks[run.a].upper
            && run.a >= 1
            && run.b < doc.toks.len()
            && doc.raw(run.a - 1) == "("
            && doc.raw(run.b) == ")"
            && prev.0.b + 1 == run.a;
        if let (true, Some((kind @ EntityKind::Organization, _))) = (bracketed, prev.1) {
            runs[k].1 = Some((kind, Strength::Strong));
        }
    }
    // Document pass: strong mentions type the weak ones that share their words.
    let mut by_key: FxMap<String, EntityKind> = FxMap::default();
    let mut by_word: FxMap<&str, EntityKind> = FxMap::default();
    // The teams of the document's results tables: the same name in the report is the team,
    // as surely as in the table ("a 2-0 win over Motherwell").
    let mut teams: FxMap<String, EntityKind> = FxMap::default();
    for (run, class) in runs.iter().filter(|_| parts.document) {
        if let Some((kind, Strength::Strong)) = class {
            key_of(doc, run.a, run.b, &mut key);
            if !by_key.contains_key(key.as_str()) {
                by_key.insert(key.clone(), *kind);
            }
            if doc.score_line[doc.toks[run.a].sentence] && !teams.contains_key(key.as_str()) {
                teams.insert(key.clone(), *kind);
            }
            if *kind == EntityKind::Person || run.b - run.a == 1 {
                for i in run.a..run.b {
                    by_word.entry(doc.lc(i)).or_insert(*kind);
                }
            } else if *kind == EntityKind::Organization {
                by_word.entry(doc.lc(run.a)).or_insert(*kind);
            }
        }
    }
    // Words of the document's multi-word person names (strong ones: a first name or a title
    // before them): a one-word company name that is one of them is that person's name here.
    let mut person_words: FxSet<&str> = FxSet::default();
    for (run, class) in runs.iter().filter(|_| parts.document) {
        if let Some((EntityKind::Person, Strength::Strong)) = class {
            if run.b - run.a >= 2 {
                person_words.extend((run.a..run.b).map(|i| doc.lc(i)));
            }
        }
    }
    let mut out = Vec::with_capacity(runs.len());
    for (run, mut class) in runs {
        // The surname of a person the document names in full is that person's, alone too: in a
        // standings line ("2. Dufaux 12 seconds behind") and where a place has the same name
        // ("junior partner in Horn 's coalition" after "Gyula Horn").
        let single = run.b - run.a == 1;
        if single && person_words.contains(doc.lc(run.a)) {
            let f = doc.toks[run.a].f;
            let place_name = matches!(class, Some((EntityKind::Location, Strength::Strong)))
                && f & (tb::COUNTRY | tb::LOC_ALIAS | tb::LOC_EXTRA) == 0
                && f & tb::CITY == 0;
            if !matches!(class, Some((_, Strength::Strong))) || place_name {
                class = Some((EntityKind::Person, Strength::Strong));
            }
        }
        let kind = match class {
            Some((EntityKind::Organization, Strength::Strong))
                if single
                    && doc.toks[run.a].f & (tb::COMPANY | tb::ORG_NAME) == tb::COMPANY
                    && person_words.contains(doc.lc(run.a)) =>
            {
                EntityKind::Person
            }
            Some((kind, Strength::Strong)) => kind,
            weak => {
                key_of(doc, run.a, run.b, &mut key);
                if let Some(&kind) = teams.get(key.as_str()) {
                    out.push((run, kind, Strength::Strong));
                    continue;
                }
                if let Some(&kind) = by_key.get(key.as_str()) {
                    kind
                } else if let (1, Some(&kind)) = (run.b - run.a, by_word.get(doc.lc(run.a))) {
                    kind
                } else if let Some((kind, _)) = weak {
                    kind
                } else {
                    match default_single(doc, run) {
                        Some(kind) => kind,
                        None => continue,
                    }
                }
            }
        };
        let strength = class.map_or(Strength::Weak, |(_, s)| s);
        out.push((run, kind, strength));
    }
    out
}

/// An unresolved single capitalised word.
fn default_single(doc: &Doc, run: Run) -> Option<EntityKind> {
    let t = doc.toks[run.a];
    if t.initial || doc.headline[t.sentence] || doc.plain(run.a) {
        return None;
    }
    if run.a > 0 && doc.toks[run.a - 1].f & tb::PLACE_PREPOSITION != 0 {
        return Some(EntityKind::Location);
    }
    if t.f & tb::FIRST_NAME != 0 {
        return Some(EntityKind::Person);
    }
    // A bare capitalised word with no support: in news a person is introduced by full name
    // or title, so this is more often a work, event or product than a name.
    None
}

fn sentence_runs(
    doc: &Doc,
    a: usize,
    b: usize,
    seen: &Seen,
    key: &mut String,
    out: &mut Vec<(Run, Option<(EntityKind, Strength)>)>,
) {
    let headline = doc.toks.get(a).is_some_and(|t| doc.headline[t.sentence]);
    // Dateline: "MOSCOW (Reuters) -", "WASHINGTON, Jan 5 (AP) —", "LONDON -".
    let mut i = a;
    if let Some(j) = dateline_line(doc, a, b, key) {
        let place = Run {
            a,
            b: j,
            titled: false,
        };
        out.push((place, Some((EntityKind::Location, Strength::Strong))));
        i = j;
    } else if !headline {
        let mut j = a;
        while j < b && j < a + 3 && doc.toks[j].upper && !doc.toks[j].possessive {
            j += 1;
        }
        if j > a && j < b {
            let next = doc.toks[j].start;
            let rest = &doc.text[next..doc.toks[b - 1].end.max(next)];
            let mut cut = rest.len().min(DATELINE_LOOKAHEAD);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            let head = &rest[..cut];
            let dateline = rest.starts_with(['(', '-', '—', '–'])
                || (rest.starts_with(',')
                    && rest.len() > 1
                    && (head.contains('(') || head.contains(" - ")));
            if dateline && (!is_common(doc.toks[a].f) || is_place_run(doc, a, j, key)) {
                out.push((
                    Run {
                        a,
                        b: j,
                        titled: false,
                    },
                    Some((EntityKind::Location, Strength::Strong)),
                ));
                i = j;
            }
        }
    }
    if headline {
        if let Some((slug, dash)) = topic_slug(doc, i, b) {
            runs_in(doc, i, slug, headline, seen, key, out);
            i = dash + 1;
        }
    }
    runs_in(doc, i, b, headline, seen, key, out);
}

/// A dateline on a line of its own, as wire copy prints it: one to four all-caps words, then a
/// date ("FRANKFURT 1996-08-28", "RIO DE JANEIRO Aug 28"), or a comma, a country and a date
/// ("AL-AIN , United Arab Emirates 1996-12-06"). Gives where the place ends.
fn dateline_line(doc: &Doc, a: usize, b: usize, key: &mut String) -> Option<usize> {
    let mut j = a;
    while j < b && j < a + 4 && doc.toks[j].word && doc.toks[j].upper {
        j += 1;
    }
    if j == a || j == b || (is_common(doc.toks[a].f) && !is_place_run(doc, a, j, key)) {
        return None;
    }
    let tail = doc.text[doc.toks[j].start..doc.toks[b - 1].end].trim();
    let short = tail.split_whitespace().count() <= 2;
    let with_country = tail.starts_with(',') && tail.split_whitespace().count() <= 8;
    ((short || with_country) && ends_with_date(tail)).then_some(j)
}

/// Whether `text` ends in a date: "1996-08-28", "28/08/96", or a month and a day ("Aug 28").
fn ends_with_date(text: &str) -> bool {
    let mut words = text.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    let digits = last.bytes().filter(u8::is_ascii_digit).count();
    let numeric = digits >= 4
        && last
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'-' | b'/' | b'.'))
        && last.bytes().any(|c| matches!(c, b'-' | b'/' | b'.'));
    let day = (1..=2).contains(&last.len()) && digits == last.len();
    numeric
        || day
            && words.next().is_some_and(|m| {
                tb::flags(&m.trim_end_matches('.').to_lowercase()) & tb::CALENDAR != 0
            })
}

/// A wire headline's topic slug: words of [`super::rules::SLUG_WORDS`] right before a " - "
/// ("SOCCER -", "ENGLISH RUGBY UNION -"). Gives where the slug starts and the dash.
fn topic_slug(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    let dash = (a..b.min(a + 5)).find(|&k| doc.raw(k) == "-")?;
    let mut slug = dash;
    while slug > a && in_list(super::rules::SLUG_WORDS, doc.lc(slug - 1)) {
        slug -= 1;
    }
    (slug < dash).then_some((slug, dash))
}

/// The capitalised runs of tokens `i..b` of one sentence, trimmed and typed.
fn runs_in(
    doc: &Doc,
    mut i: usize,
    b: usize,
    headline: bool,
    seen: &Seen,
    key: &mut String,
    out: &mut Vec<(Run, Option<(EntityKind, Strength)>)>,
) {
    while i < b {
        // A social-media handle: "@name" (the name, as the Broad Twitter Corpus marks it).
        if doc.toks[i].kind == TokenKind::Symbol
            && doc.text[doc.toks[i].start..].starts_with('@')
            && i + 1 < b
            && doc.toks[i + 1].word
            && doc.toks[i + 1].start == doc.toks[i].start + 1
        {
            let f = doc.toks[i + 1].f;
            let kind = if is_known(f) && !is_place(f) {
                EntityKind::Organization
            } else {
                EntityKind::Person
            };
            out.push((
                Run {
                    a: i + 1,
                    b: i + 2,
                    titled: false,
                },
                Some((kind, Strength::Weak)),
            ));
            i += 2;
            continue;
        }
        // A website: "Snopes.com", "Amazon.co.uk" (the tokenizer splits off the periods).
        if let Some(end) = domain_end(doc, i, b) {
            out.push((
                Run {
                    a: i,
                    b: end,
                    titled: false,
                },
                Some((EntityKind::Organization, Strength::Strong)),
            ));
            i = end;
            continue;
        }
        if !capish(doc, i, seen) {
            i += 1;
            continue;
        }
        // Grow a run from i.
        let start = i;
        let mut end = i + 1;
        let mut org_or_place = has_org_or_place_word(doc, i);
        while end < b && !doc.toks[end - 1].possessive {
            if capish(doc, end, seen) && !doc.toks[end].initial {
                org_or_place |= has_org_or_place_word(doc, end);
                end += 1;
                continue;
            }
            let w = doc.lc(end);
            let wf = doc.toks[end].f;
            // A legal form written in lowercase ends the name: "Barrowby plc".
            if !doc.toks[end].cap && wf & tb::LOWERCASE_SUFFIX != 0 {
                end += 1;
                break;
            }
            // An initial: "George F. Hauser" (the period is its own token).
            if doc.raw(end).starts_with('.')
                && doc.toks[end].end - doc.toks[end].start == 1
                && doc.toks[end - 1].end - doc.toks[end - 1].start == 1
                && doc.toks[end - 1].cap
                && end + 1 < b
                && capish(doc, end + 1, seen)
            {
                end += 2;
                continue;
            }
            // An ampersand joins the names of a firm: "Marks & Spencer", "Hollis & Venn Plc".
            if doc.raw(end) == "&"
                && end + 1 < b
                && capish(doc, end + 1, seen)
                && !doc.toks[end + 1].initial
            {
                end += 2;
                org_or_place = true;
                continue;
            }
            // "and" inside an organisation's name: "Department of Housing and Urban
            // Development", "Council on Trade and Industry", "Oil and Gas Authority".
            if w == "and" && !doc.toks[end].cap {
                if let Some(stop) = and_continues_org(doc, start, end, b, seen) {
                    end = stop;
                    org_or_place = true;
                    continue;
                }
            }
            let joins = if wf & tb::NAME_PARTICLE != 0 {
                1
            } else if org_or_place && wf & tb::NAME_CONNECTOR != 0 && w != "the" {
                if end + 1 < b && doc.lc(end + 1) == "the" {
                    2
                } else {
                    1
                }
            } else {
                0
            };
            if joins > 0
                && end + joins < b
                && !doc.toks[end].cap
                && capish(doc, end + joins, seen)
                && !doc.toks[end + joins].initial
            {
                end += joins + 1;
                org_or_place |= has_org_or_place_word(doc, end - 1);
                continue;
            }
            break;
        }
        i = end;
        // A wire desk line: "-- London Newsroom +44 171 542 6437" names the desk, an
        // organisation.
        if end - start >= 2 && doc.lc(end - 1) == "newsroom" {
            let desk = Run {
                a: start,
                b: end,
                titled: false,
            };
            out.push((desk, Some((EntityKind::Organization, Strength::Strong))));
            continue;
        }
        let trimmed = trim(doc, start, end, key);
        if let Some(run) = trimmed.and_then(|run| wire_headline_names(doc, run, headline, seen)) {
            // A place glued to a person's name, as in a photo credit ("Lyon Camille Durand").
            if let Some(k) = place_before_person(doc, run, key) {
                for part in [Run { b: k, ..run }, Run { a: k, ..run }] {
                    let class = classify(doc, part, headline, key);
                    out.push((part, class));
                }
                continue;
            }
            if doc.scorecard[doc.toks[run.a].sentence] {
                // "Bowling :" heads its line.
                if doc.lc(run.a) != "bowling" {
                    out.push((run, Some((EntityKind::Person, Strength::Strong))));
                }
                continue;
            }
            if competitors_team(doc, run, key) {
                out.push((run, Some((EntityKind::Organization, Strength::Strong))));
                continue;
            }
            let score_line = doc.score_line[doc.toks[run.a].sentence];
            if score_line
                && run.b < b
                && doc.toks[run.b].kind == TokenKind::Number
                && !in_parentheses(doc, run.a)
            {
                out.push((run, team_class(doc, run, key)));
                continue;
            }
            if news_outlet(doc, run, b) || listed_company(doc, run, b) {
                out.push((run, Some((EntityKind::Organization, Strength::Strong))));
                continue;
            }
            if family_name(doc, run, b) {
                out.push((run, Some((EntityKind::Person, Strength::Strong))));
                continue;
            }
            if place_by_noun(doc, run, b) {
                out.push((run, Some((EntityKind::Location, Strength::Strong))));
                continue;
            }
            if athlete(doc, run, b, key) {
                out.push((run, Some((EntityKind::Person, Strength::Strong))));
                continue;
            }
            let class = classify(doc, run, headline, key);
            if class.is_none() && headline && run.b - run.a >= 2 {
                known_parts(doc, run, key, out);
                continue;
            }
            out.push((run, class));
        }
    }
}

/// In an all-caps headline over a story, the part of a run that names something: words the
/// tables know or the story writes capitalised ("KENYA" of "KENYA WIN", nothing of "NET PROFIT
/// RISES"), when the run as a whole is no known name. A headline alone keeps its runs.
fn wire_headline_names(doc: &Doc, run: Run, headline: bool, seen: &Seen) -> Option<Run> {
    let caps = (run.a..run.b).all(|i| doc.toks[i].upper);
    if !headline || !caps || seen.mid.is_empty() || is_known(doc.run_flags(run.a, run.b)) {
        return Some(run);
    }
    let named = |i: usize| {
        let t = doc.toks[i];
        is_known(t.f) || t.f & tb::FIRST_NAME != 0 || seen.mid.contains(doc.lc(i))
    };
    let (mut a, mut b) = (run.a, run.b);
    while a < b && !named(a) {
        a += 1;
    }
    while b > a && !named(b - 1) {
        b -= 1;
    }
    (a < b).then_some(Run { a, b, ..run })
}

/// A news outlet named with a media noun next to it ([`super::rules::MEDIA_NOUNS`]), a body
/// that speaks through a spokesperson ("a TAP spokeswoman", [`super::rules::SPOKESPERSON_NOUNS`]), or a
/// company after a noun for its kind ([`super::rules::COMPANY_NOUNS`]: "merchant bank Ashdown
/// Stewart"), when the tables do not know the name as something else ("the Washington
/// newspaper" is a place's).
fn news_outlet(doc: &Doc, run: Run, b: usize) -> bool {
    let noun = |i: usize, list: &[&str]| {
        let t = doc.toks[i];
        t.word && !t.cap && in_list(list, doc.lc(i))
    };
    let (media, company) = (super::rules::MEDIA_NOUNS, super::rules::COMPANY_NOUNS);
    let before = run.a > 0
        && (noun(run.a - 1, media) || noun(run.a - 1, company))
        && doc.toks[run.a - 1].sentence == doc.toks[run.a].sentence;
    let after = run.b < b
        && !doc.toks[run.b - 1].possessive
        && (noun(run.b, media) || noun(run.b, super::rules::SPOKESPERSON_NOUNS));
    (before || after) && doc.run_flags(run.a, run.b) & (tb::KNOWN | tb::FIRST_NAME) == 0
}

/// Whether a lowercase noun of `list` follows the run in its sentence part (before `b`), with
/// no possessive between ("Helmand province", "the Kennedy family"; not "Helmand's province").
fn noun_after(doc: &Doc, run: Run, b: usize, list: &[&str]) -> bool {
    run.b < b
        && !doc.toks[run.b - 1].possessive
        && doc.toks[run.b].word
        && !doc.toks[run.b].cap
        && in_list(list, doc.lc(run.b))
}

/// A place named with a noun for its kind after it ([`super::rules::PLACE_NOUNS_AFTER`]:
/// "Fiumicino airport", "Helmand province"), when the tables do not know the name as something
/// else (a company's airport is still the company's: "Lufthansa airport" is not a place name).
fn place_by_noun(doc: &Doc, run: Run, b: usize) -> bool {
    noun_after(doc, run, b, super::rules::PLACE_NOUNS_AFTER)
        && doc.run_flags(run.a, run.b) & (tb::KNOWN | tb::COMPANY | tb::AGENCY | tb::FIRST_NAME)
            == 0
        && (run.a..run.b).all(|i| doc.toks[i].f & (tb::ORG_WORD | tb::ORG_SUFFIX) == 0)
}

/// Longest surname (tokens) read before a family noun ("the Rockefeller family").
const MAX_FAMILY_NAME: usize = 2;

/// A family named by its surname: "the Jordan family", "the Kennedy clan"
/// ([`super::rules::FAMILY_NOUNS`]); the name is a person's although the tables may know it as a
/// place. A company's or agency's name keeps its type ("the Ford family" is people, but "the
/// Airbus family of jets" is the company's).
fn family_name(doc: &Doc, run: Run, b: usize) -> bool {
    noun_after(doc, run, b, super::rules::FAMILY_NOUNS)
        && run.b - run.a <= MAX_FAMILY_NAME
        && run.a > 0
        && doc.lc(run.a - 1) == "the"
        && doc.run_flags(run.a, run.b) & (tb::COMPANY | tb::AGENCY) == 0
        && (run.a..run.b).all(|i| doc.toks[i].f & (tb::ORG_WORD | tb::ORG_SUFFIX) == 0)
}

/// A company named by its share price: "Kessler shares rose", "shares in Baltica fell",
/// "shares of Marlow" ([`super::rules::SHARE_MOVES`]), when the tables do not know the name
/// as a place or a person's first name.
fn listed_company(doc: &Doc, run: Run, b: usize) -> bool {
    let lower = |i: usize| (i < b && doc.toks[i].word && !doc.toks[i].cap).then(|| doc.lc(i));
    let shares = |w: Option<&str>| matches!(w, Some("shares" | "stock"));
    let after = !doc.toks[run.b - 1].possessive
        && shares(lower(run.b))
        && lower(run.b + 1).is_some_and(|w| in_list(super::rules::SHARE_MOVES, w));
    let before = run.a >= 2
        && doc.toks[run.a - 2].sentence == doc.toks[run.a].sentence
        && matches!(lower(run.a - 1), Some("in" | "of"))
        && shares(lower(run.a - 2));
    (after || before) && doc.run_flags(run.a, run.b) & (tb::PLACE | tb::FIRST_NAME) == 0
}

/// Longest name (tokens) read as an athlete before a country in parentheses (the shortest is
/// two: "Poetry ( Chicago )" is a magazine).
const MAX_ATHLETE: usize = 3;

/// A competitor in sports copy: a name of two or three words the tables do not know, with no organisation word,
/// followed by a country in parentheses ("Jan Siemerink ( Netherlands ) beat ...",
/// "1. Donovan Bailey ( Canada ) 10.03"). Holds in a table line that looks like a heading too.
fn athlete(doc: &Doc, run: Run, b: usize, key: &mut String) -> bool {
    if !(2..=MAX_ATHLETE).contains(&(run.b - run.a)) || run.b + 2 >= b {
        return false;
    }
    let open = doc.toks[run.b];
    if doc.text[open.start..open.end] != *"(" {
        return false;
    }
    let Some(close) = (run.b + 2..b.min(run.b + 5)).find(|&k| doc.raw(k) == ")") else {
        return false;
    };
    let own = doc.run_flags(run.a, run.b);
    is_place_run(doc, run.b + 1, close, key)
        && own & (tb::KNOWN | tb::COMPANY | tb::AGENCY) == 0
        && (run.a..run.b).all(|i| doc.toks[i].f & (tb::ORG_WORD | tb::ORG_SUFFIX) == 0)
}

/// A competitor's team in a results line, right after the competitor and the country in
/// parentheses: "5. Ralf Schumacher ( Germany ) Jordan 46.731", "3. Michael Boogerd (
/// Netherlands ) Rabobank 4 seconds behind".
fn competitors_team(doc: &Doc, run: Run, key: &mut String) -> bool {
    if run.a < 4 || doc.raw(run.a - 1) != ")" {
        return false;
    }
    let close = run.a - 1;
    let Some(open) = (close.saturating_sub(4)..close)
        .rev()
        .find(|&k| doc.raw(k) == "(")
    else {
        return false;
    };
    let sentence = doc.toks[run.a].sentence;
    open > 0
        && open + 1 < close
        && doc.toks[open - 1].sentence == sentence
        && doc.toks[open - 1].word
        && doc.toks[open - 1].cap
        && is_place_run(doc, open + 1, close, key)
}

/// Whether token `i` is inside parentheses opened in its sentence ("Barcelona 3 ( Ronaldo 2 ,
/// Pizzi )": the scorers of a results line are no teams).
fn in_parentheses(doc: &Doc, i: usize) -> bool {
    let (a, _) = sentence_range(doc, doc.toks[i].sentence);
    let mut depth = 0i32;
    for t in &doc.toks[a..i] {
        match &doc.text[t.start..t.end] {
            "(" => depth += 1,
            ")" => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// A team in a results table: a country (or, in a table of national sides, a place that is no
/// city) is the national side, written as a place; a person's name stays a person (a golfer's line); any other name is a
/// club ("Newcastle 1 Sheffield Wednesday 2").
fn team_class(doc: &Doc, run: Run, key: &mut String) -> Option<(EntityKind, Strength)> {
    let f = doc.run_flags(run.a, run.b);
    if is_place(f)
        && (f & (tb::COUNTRY | tb::LOC_ALIAS) != 0 || f & tb::CITY == 0 && doc.national_sides)
    {
        return Some((EntityKind::Location, Strength::Strong));
    }
    let kind = match classify(doc, run, false, key) {
        Some((EntityKind::Person, Strength::Strong)) if run.b - run.a >= 2 && !is_place(f) => {
            EntityKind::Person
        }
        _ => EntityKind::Organization,
    };
    Some((kind, Strength::Strong))
}

/// Longest names the tables know inside a headline's run of capitals that is none as a whole
/// ("WALES BEAT ITALY" gives "WALES" and "ITALY"), left to right.
fn known_parts(
    doc: &Doc,
    run: Run,
    key: &mut String,
    out: &mut Vec<(Run, Option<(EntityKind, Strength)>)>,
) {
    let mut k = run.a;
    while k < run.b {
        let found = (1..=(run.b - k).min(4)).rev().find_map(|len| {
            let part = Run {
                a: k,
                b: k + len,
                titled: false,
            };
            let known = doc.run_flags(part.a, part.b) & (tb::KNOWN | tb::COMPANY | tb::AGENCY) != 0;
            known
                .then(|| classify(doc, part, true, key))
                .flatten()
                .map(|class| (part, class))
        });
        match found {
            Some((part, class)) => {
                out.push((part, Some(class)));
                k = part.b;
            }
            None => k += 1,
        }
    }
}

/// Where a website's name starting at token `i` ends (before `b`): a capitalised word, then
/// one or two lowercase top-level domains ([`super::rules::DOMAIN_ENDINGS`]), each glued on
/// by a period, and no word glued after.
fn domain_end(doc: &Doc, i: usize, b: usize) -> Option<usize> {
    let t = doc.toks[i];
    if !t.word || !t.cap || t.possessive {
        return None;
    }
    let glued = |k: usize| k < b && doc.toks[k].start == doc.toks[k - 1].end;
    let tld = |k: usize| {
        glued(k)
            && doc.raw(k) == "."
            && glued(k + 1)
            && doc.toks[k + 1].word
            && !doc.toks[k + 1].cap
            && in_list(super::rules::DOMAIN_ENDINGS, doc.lc(k + 1))
    };
    if !tld(i + 1) {
        return None;
    }
    let mut end = i + 3;
    if !doc.toks[end - 1].possessive && tld(end) {
        end += 2;
    }
    let word_after = glued(end) && doc.toks[end].word;
    (!word_after).then_some(end)
}

/// Longest part of an organisation name on either side of an inner "and".
const MAX_AND_SIDE: usize = 3;

/// Whether "and" at `and` continues the name `start..and` as one organisation: the name so far
/// has an organisation word and a connector ("Department of Housing"), or the capitalised words
/// after it end in an organisation word while the name so far has none and is no known name
/// ("Oil and Gas Authority"; not "Apple and Tesla Motors"). Gives the end of the joined
/// name. One "and" per name: the part after it must not itself contain one.
fn and_continues_org(doc: &Doc, start: usize, and: usize, b: usize, seen: &Seen) -> Option<usize> {
    if (start..and).any(|i| doc.lc(i) == "and") {
        return None;
    }
    let mut stop = and + 1;
    while stop < b
        && stop - and <= MAX_AND_SIDE
        && capish(doc, stop, seen)
        && !doc.toks[stop].initial
        && !doc.toks[stop - 1].possessive
    {
        stop += 1;
    }
    let right = and + 1..stop;
    if right.is_empty() || stop - and > MAX_AND_SIDE {
        return None;
    }
    let org_word = |i: usize| doc.toks[i].f & tb::ORG_WORD != 0;
    let left_org = (start..and).any(org_word);
    let left_connector = (start..and).any(|i| doc.toks[i].f & tb::NAME_CONNECTOR != 0);
    if left_org && left_connector && !right.clone().any(org_word) {
        return Some(stop);
    }
    if !left_org && and - start <= MAX_AND_SIDE && org_word(stop - 1) {
        let mut key = String::new();
        key_of(doc, start, and, &mut key);
        let known = is_known(doc.kf(&key)) || doc.kf(&key) & tb::COMPANY != 0;
        let person = doc.toks[start].f & tb::FIRST_NAME != 0;
        let plain_left = (start..and).all(|i| !doc.toks[i].cap || doc.toks[i].upper);
        if !known && !person && !plain_left {
            return Some(stop);
        }
    }
    None
}

fn is_place_run(doc: &Doc, a: usize, b: usize, key: &mut String) -> bool {
    key_of(doc, a, b, key);
    is_place(doc.kf(key))
}

fn has_org_or_place_word(doc: &Doc, i: usize) -> bool {
    doc.toks[i].f & (tb::ORG_WORD | tb::LOC_FIRST) != 0
}

/// Where a run of three or more words splits into a one-word place and a person's name: the
/// place is no first name ("Florence Nightingale" stays whole), the next word is one, and the
/// whole run is no known name.
fn place_before_person(doc: &Doc, run: Run, key: &mut String) -> Option<usize> {
    let (a, b) = (run.a, run.b);
    if b - a < 3 || run.titled {
        return None;
    }
    let (place, name) = (doc.toks[a].f, doc.toks[a + 1].f);
    if !is_place(place) || place & tb::FIRST_NAME != 0 || name & tb::FIRST_NAME == 0 {
        return None;
    }
    key_of(doc, a, b, key);
    if is_known(doc.kf(key)) || doc.kf(key) & tb::COMPANY != 0 {
        return None;
    }
    Some(a + 1)
}

/// Whether token `i` is a title for trimming a run, also one about to be held
/// ("President-elect", "Governor-elect"). Only the rules read the "-elect" form: the tagger's
/// features keep the table flags it was trained on.
fn is_title_word(doc: &Doc, i: usize) -> bool {
    doc.toks[i].f & tb::PERSON_TITLE != 0
        || doc
            .lc(i)
            .strip_suffix("-elect")
            .is_some_and(|title| doc.kf(title) & tb::PERSON_TITLE != 0)
}

/// Trims titles, function words, demonyms and sentence-initial common words off a run, and a
/// party member or nationality word after a place ("a Virginia Democrat" gives "Virginia").
fn trim(doc: &Doc, mut a: usize, mut b: usize, key: &mut String) -> Option<Run> {
    let mut titled = a > 0 && is_title_word(doc, a - 1);
    if b - a >= 2 && doc.toks[b - 1].f & tb::DEMONYM != 0 && is_place_run(doc, a, b - 1, key) {
        b -= 1;
    }
    loop {
        if a >= b {
            return None;
        }
        let f = if b - a == 1 {
            doc.toks[a].f
        } else {
            key_of(doc, a, b, key);
            doc.kf(key)
        };
        // A listed company of two or more words keeps its first word even when that is a title
        // or a nationality: "General Mills", "American Express".
        if is_known(f) || (b - a >= 2 && f & tb::COMPANY != 0) {
            break;
        }
        let w = doc.lc(a);
        let wf = doc.toks[a].f;
        // "Secretary of State Antony Blinken": the department belongs to the title.
        if b - a > 1 && a >= 2 && doc.lc(a - 1) == "of" && doc.toks[a - 2].f & tb::PERSON_TITLE != 0
        {
            titled = true;
            a += 1;
            continue;
        }
        // A title inside the run: "Prime Minister Boris Johnson", "Foreign Minister Lavrov".
        if let Some(k) = (a..b - 1).rev().find(|&k| is_title_word(doc, k)) {
            let org = doc.toks[b - 1].f & (tb::ORG_WORD | tb::ORG_SUFFIX) != 0;
            if !org {
                titled = true;
                a = k + 1;
                continue;
            }
        }
        // A nationality before an organisation word names it ("European Central Bank",
        // "American Medical Association"); elsewhere it is an adjective.
        let named_org =
            wf & tb::DEMONYM != 0 && b - a >= 2 && doc.toks[b - 1].f & tb::ORG_WORD != 0;
        if (wf & (tb::FUNCTION | tb::DEMONYM) != 0 && !named_org)
            || (b - a > 1 && wf & tb::NEVER != 0 && w != "new")
        {
            a += 1;
            continue;
        }
        // A nationality of two words before a person: "South African Retief Goosen".
        if (4..=5).contains(&(b - a)) && !is_known(doc.run_flags(a + 2, b)) {
            key_of(doc, a, a + 2, key);
            if doc.kf(key) & tb::DEMONYM != 0 {
                a += 2;
                continue;
            }
        }
        break;
    }
    Some(Run { a, b, titled })
}

/// Whether token `i` is a legal form written in capitals that is an English word in lowercase
/// ([`super::rules::CAPITAL_LEGAL_FORMS`]: the "AS" of "Baltica Shipping AS").
pub(crate) fn capital_legal_form(doc: &Doc, i: usize) -> bool {
    let raw = doc.raw(i);
    doc.toks[i].upper && in_list(super::rules::CAPITAL_LEGAL_FORMS, doc.lc(i))
        || in_list(super::rules::MIXED_CASE_LEGAL_FORMS, raw)
}

fn classify(
    doc: &Doc,
    run: Run,
    headline: bool,
    key: &mut String,
) -> Option<(EntityKind, Strength)> {
    use EntityKind::*;
    use Strength::*;
    let n = run.b - run.a;
    let kf = if n == 1 {
        doc.toks[run.a].f
    } else {
        key_of(doc, run.a, run.b, key);
        doc.kf(key)
    };
    let first = doc.toks[run.a].f;
    let last = doc.toks[run.b - 1].f;
    if kf & tb::ORG_NAME != 0
        || (n == 1 && kf & tb::AGENCY != 0)
        || (n >= 2 && kf & tb::COMPANY != 0)
    {
        return Some((Organization, Strong));
    }
    if is_place(kf) {
        return Some((Location, Strong));
    }
    if kf & tb::ORG_ACRONYM != 0 {
        // Without its periods, an acronym must not be a common word ("who", "us").
        let common = if (run.a..run.b).any(|i| doc.lc(i).contains('.')) {
            key_of(doc, run.a, run.b, key);
            let plain: String = key.chars().filter(|&c| c != '.').collect();
            is_common(doc.kf(&plain))
        } else {
            is_common(kf)
        };
        if doc.toks[run.a].upper || n > 1 || !common {
            return Some((Organization, Strong));
        }
    }
    if n == 1 && kf & (tb::NEVER | tb::DEMONYM) != 0 {
        return None;
    }
    let ampersand = || (run.a..run.b).any(|i| doc.raw(i) == "&");
    if n >= 2 && (last & tb::ORG_SUFFIX != 0 || capital_legal_form(doc, run.b - 1))
        || n >= 3 && ampersand()
    {
        return Some((Organization, Strong));
    }
    if n >= 2 && last & tb::EVENT_LAST != 0 {
        return None;
    }
    if n >= 2 && first & tb::PLACE_MODIFIER != 0 && {
        let rest = if n == 2 {
            doc.toks[run.a + 1].f
        } else {
            key_of(doc, run.a + 1, run.b, key);
            doc.kf(key)
        };
        is_place(rest)
    } {
        return Some((Location, Strong));
    }
    // In a headline only a name ending in its organisation word ("CENTRAL BANK"), not
    // "LEAGUE RESULTS".
    if n >= 2
        && (run.a..run.b).any(|i| doc.toks[i].f & tb::ORG_WORD != 0)
        && (!headline || last & tb::ORG_WORD != 0)
    {
        return Some((Organization, Strong));
    }
    if n >= 2 && (first & tb::LOC_FIRST != 0 || last & tb::LOC_LAST != 0) {
        return Some((Location, Strong));
    }
    // ("PREMIER LEAGUE RESULTS" in a headline is no premier's name.)
    if run.titled && (run.a..run.b).all(|i| doc.toks[i].f & tb::ORG_WORD == 0) {
        return Some((Person, Strong));
    }
    // A one-word company name ("Verizon"), after the title rule ("Mr. Dell" is a person); the
    // document pass gives it to a person whose full name ends in it ("Michael Dell ... Dell").
    if n == 1 && kf & tb::COMPANY != 0 {
        return Some((Organization, Strong));
    }
    if (2..=4).contains(&n) && first & tb::FIRST_NAME != 0 {
        return Some((Person, Strong));
    }
    if headline {
        // Capitals say nothing here: only the tables and first names above count.
        return None;
    }
    if (run.a..run.b).all(|i| doc.plain(i)) {
        return None;
    }
    if n == 1
        && doc.toks[run.a].upper
        && doc.toks[run.a].end - doc.toks[run.a].start <= MAX_ACRONYM_BYTES
    {
        return Some((Organization, Weak));
    }
    if n <= MAX_DEFAULT_PERSON
        && run.b < doc.toks.len()
        && doc.toks[run.b].f & tb::SPEECH_VERB != 0
        && !(n == 1 && is_plural_group(&doc.toks[run.a], doc.lc(run.a)))
    {
        return Some((Person, Weak));
    }
    if n == 1 {
        return None;
    }
    let name_like = (run.a..run.b).all(|i| {
        !doc.plain(i) && !is_place(doc.toks[i].f) && doc.lc(i).chars().any(char::is_lowercase)
    });
    if n <= MAX_DEFAULT_PERSON && name_like {
        Some((Person, Weak))
    } else if is_place(last) {
        Some((Location, Weak))
    } else {
        Some((Organization, Weak))
    }
}
