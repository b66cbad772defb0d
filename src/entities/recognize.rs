//! The recogniser: capitalised runs on the crate's tokens, trimmed and typed by rules and
//! gazetteers, then a document-level pass that types weak mentions from strong ones.
//!
//! One forward pass builds the token facts (lowercase form, capitalisation, sentence start,
//! headline sentence); a second pass over each sentence builds candidate runs and classifies
//! them. Everything is linear in the number of tokens, apart from binary searches in the
//! sorted tables.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};

use super::gazetteer as gz;
use super::rules::{self, is_in};
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

/// Company legal forms that are written in lowercase after a name ("Barrowby plc").
const LOWERCASE_SUFFIXES: &[&str] = &["gmbh", "inc.", "llc", "ltd.", "plc"];
/// Words after a name that say a person spoke.
const SPEECH_VERBS: &[&str] = &["added", "explained", "said", "says", "told", "wrote"];
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
/// Prepositions before an unknown single name that make it a place.
const PLACE_PREPOSITIONS: &[&str] = &["across", "from", "in", "near", "to"];

thread_local! {
    /// The parts in use for the recognition running on this thread (see [`recognize`]).
    static PARTS: Cell<Parts> = const { Cell::new(Parts::ALL) };
}

/// Whether `w` is in a generated table, when the gazetteers are in use.
fn in_table(list: &[&str], w: &str) -> bool {
    PARTS.with(Cell::get).gazetteers && is_in(list, w)
}

/// How sure a classification is: strong ones type weak look-alikes in the same document.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Strength {
    Weak,
    Strong,
}

/// Facts about one token.
#[derive(Clone, Copy, Debug)]
struct Tok {
    kind: TokenKind,
    start: usize,
    /// End without a possessive "'s".
    end: usize,
    /// Range of the lowercase form (possessive stripped) in [`Doc::lower`].
    lo: (usize, usize),
    word: bool,
    /// Starts with an uppercase letter.
    cap: bool,
    /// Two or more letters, all uppercase.
    upper: bool,
    possessive: bool,
    /// First word of a sentence (or after an opening quote or a colon).
    initial: bool,
    sentence: usize,
}

struct Doc<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    lower: String,
    /// Per sentence: whether it is a headline (capitalisation uninformative).
    headline: Vec<bool>,
    /// Per sentence: first token index.
    sentence_start: Vec<usize>,
    /// Per sentence: whether it is boilerplate.
    boilerplate: Vec<bool>,
}

impl Doc<'_> {
    fn lc(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].lo;
        &self.lower[a..b]
    }
}

fn build(text: &str) -> Doc<'_> {
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
            cap = chars.next().is_some_and(char::is_uppercase);
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
        toks.push(Tok {
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
    let mut doc = Doc {
        text,
        toks,
        lower,
        headline: vec![false; n_sent],
        sentence_start,
        boilerplate: vec![false; n_sent],
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
            small_function += (!t.cap && is_in(rules::FUNCTION_WORDS, doc.lc(i))) as usize;
            if t.cap && !t.initial && is_in(rules::FUNCTION_WORDS, doc.lc(i)) {
                cap_function += 1;
            }
        }
        // A short line of capitalised words with no final punctuation: a heading or a button.
        let text_of = sentence.text(text);
        let unpunctuated = !text_of.ends_with(['.', '!', '?', '"', '”', ')']);
        doc.headline[si] =
            (unpunctuated && (2..=6).contains(&words) && capitalised + small_function == words)
                || words >= HEADLINE_MIN_WORDS
                    && (caps as f64 >= HEADLINE_CAPS_SHARE * words as f64
                        || cap_function >= 2
                        || (words >= HEADLINE_TITLE_CASE_WORDS
                            && cap_function >= 1
                            && capitalised as f64 >= HEADLINE_TITLE_CASE_SHARE * words as f64));
        let flat = sentence
            .text(text)
            .trim_end_matches(['.', '!', ':'])
            .to_lowercase();
        doc.boilerplate[si] = flat.len() < 40 && is_in(rules::BOILERPLATE, flat.trim());
    }
    doc
}

fn sentence_range(doc: &Doc, si: usize) -> (usize, usize) {
    let a = doc.sentence_start[si];
    let b = doc
        .sentence_start
        .get(si + 1)
        .copied()
        .unwrap_or(doc.toks.len());
    (a, b.max(a))
}

fn is_common(w: &str) -> bool {
    in_table(gz::COMMON_WORDS, w) || is_in(rules::FUNCTION_WORDS, w) || is_in(rules::NEVER, w)
}

/// A common word for the default rules: the tables above, or a word VADER gives a valence
/// ("Battle", "Fame", "Beautiful"), or a nationality-like ending ("Portuguese", "Indonesian").
fn is_plain_word(w: &str) -> bool {
    is_common(w)
        || is_in(rules::DEMONYMS, w)
        || (!in_table(gz::FIRST_NAMES, w) && rules::DEMONYM_ENDINGS.iter().any(|e| w.ends_with(e)))
        || crate::vader::polarity_scores(w).compound != 0.0
}

fn without_dots(w: &str) -> String {
    w.chars().filter(|&c| c != '.').collect()
}

/// A place from the tables, by lowercase key.
fn is_place(key: &str) -> bool {
    in_table(gz::COUNTRIES, key)
        || in_table(gz::CITIES, key)
        || in_table(gz::REGIONS, key)
        || is_in(rules::LOC_EXTRA, key)
        || rules::lookup(rules::LOC_ALIASES, key).is_some()
        || (key.contains('.') && rules::lookup(rules::LOC_ALIASES, &without_dots(key)).is_some())
}

fn is_known(key: &str) -> bool {
    is_place(key)
        || is_in(rules::ORG_NAMES, key)
        || rules::lookup(rules::ORG_ACRONYMS, key).is_some()
        || (key.contains('.') && rules::lookup(rules::ORG_ACRONYMS, &without_dots(key)).is_some())
}

/// Words the document writes capitalised away from a sentence start, and sentence-initial
/// words it also writes in lowercase.
#[derive(Default)]
struct Seen<'a> {
    mid: HashSet<&'a str>,
    lowered: HashSet<&'a str>,
}

/// Whether token `i` may be part of a name.
fn capish(doc: &Doc, i: usize, seen: &Seen) -> bool {
    let t = doc.toks[i];
    if !t.word || !t.cap {
        return false;
    }
    let w = doc.lc(i);
    if is_in(rules::CALENDAR, w) {
        // "Theresa May": a month after a first name is a surname.
        return i > 0
            && doc.toks[i - 1].cap
            && in_table(gz::FIRST_NAMES, doc.lc(i - 1))
            && !doc.headline[t.sentence];
    }
    if doc.headline[t.sentence] {
        return !is_common(w) || is_known(w) || starts_known_pair(doc, i);
    }
    if t.initial {
        return is_known(w) || seen.mid.contains(w) || (!is_common(w) && !seen.lowered.contains(w));
    }
    true
}

/// Whether tokens `i` and `i + 1` together are a known name ("New York" in a headline).
fn starts_known_pair(doc: &Doc, i: usize) -> bool {
    i + 1 < doc.toks.len() && doc.toks[i + 1].word && {
        let pair = format!("{} {}", doc.lc(i), doc.lc(i + 1));
        is_known(&pair)
    }
}

/// A candidate: tokens `a..b` of the document.
#[derive(Clone, Copy, Debug)]
struct Run {
    a: usize,
    b: usize,
    /// A title stood before or was trimmed off.
    titled: bool,
}

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
    let previous = PARTS.with(|p| p.replace(parts));
    let out = recognize_doc(text, parts);
    PARTS.with(|p| p.set(previous));
    out
}

fn recognize_doc(text: &str, parts: Parts) -> Vec<EntityMention> {
    let doc = build(text);
    // Words seen capitalised away from a sentence start in ordinary sentences.
    let mut seen = Seen::default();
    let mut initials: HashSet<&str> = HashSet::new();
    for (i, t) in doc.toks.iter().enumerate() {
        if t.word && t.cap {
            if t.initial {
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
        let (a, b) = sentence_range(&doc, si);
        sentence_runs(&doc, a, b, &seen, &mut key, &mut runs);
    }
    // Document pass: strong mentions type the weak ones that share their words.
    let mut by_key: HashMap<String, EntityKind> = HashMap::new();
    let mut by_word: HashMap<&str, EntityKind> = HashMap::new();
    for (run, class) in runs.iter().filter(|_| parts.document) {
        if let Some((kind, Strength::Strong)) = class {
            key_of(&doc, run.a, run.b, &mut key);
            by_key.entry(key.clone()).or_insert(*kind);
            if *kind == EntityKind::Person || run.b - run.a == 1 {
                for i in run.a..run.b {
                    by_word.entry(doc.lc(i)).or_insert(*kind);
                }
            } else if *kind == EntityKind::Organization {
                by_word.entry(doc.lc(run.a)).or_insert(*kind);
            }
        }
    }
    let mut out = Vec::with_capacity(runs.len());
    for (run, class) in runs {
        let kind = match class {
            Some((kind, Strength::Strong)) => kind,
            weak => {
                key_of(&doc, run.a, run.b, &mut key);
                if let Some(&kind) = by_key.get(key.as_str()) {
                    kind
                } else if let (1, Some(&kind)) = (run.b - run.a, by_word.get(doc.lc(run.a))) {
                    kind
                } else if let Some((kind, _)) = weak {
                    kind
                } else {
                    match default_single(&doc, run) {
                        Some(kind) => kind,
                        None => continue,
                    }
                }
            }
        };
        out.push(EntityMention {
            start: doc.toks[run.a].start,
            end: doc.toks[run.b - 1].end,
            kind,
        });
    }
    out
}

/// An unresolved single capitalised word.
fn default_single(doc: &Doc, run: Run) -> Option<EntityKind> {
    let t = doc.toks[run.a];
    if t.initial || doc.headline[t.sentence] || is_plain_word(doc.lc(run.a)) {
        return None;
    }
    if run.a > 0 && is_in(PLACE_PREPOSITIONS, doc.lc(run.a - 1)) {
        return Some(EntityKind::Location);
    }
    if in_table(gz::FIRST_NAMES, doc.lc(run.a)) {
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
    if !headline {
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
            if dateline && (!is_common(doc.lc(a)) || is_place_run(doc, a, j, key)) {
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
    while i < b {
        // A social-media handle: "@name" (the name, as the Broad Twitter Corpus marks it).
        if doc.toks[i].kind == TokenKind::Symbol
            && doc.text[doc.toks[i].start..].starts_with('@')
            && i + 1 < b
            && doc.toks[i + 1].word
            && doc.toks[i + 1].start == doc.toks[i].start + 1
        {
            key_of(doc, i + 1, i + 2, key);
            let kind = if is_known(key) && !is_place(key) {
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
            // A legal form written in lowercase ends the name: "Barrowby plc".
            if !doc.toks[end].cap && LOWERCASE_SUFFIXES.contains(&w) {
                end += 1;
                break;
            }
            // An initial: "George F. Hauser" (the period is its own token).
            if doc.text[doc.toks[end].start..doc.toks[end].end].starts_with('.')
                && doc.toks[end].end - doc.toks[end].start == 1
                && doc.toks[end - 1].end - doc.toks[end - 1].start == 1
                && doc.toks[end - 1].cap
                && end + 1 < b
                && capish(doc, end + 1, seen)
            {
                end += 2;
                continue;
            }
            let joins = if is_in(rules::NAME_PARTICLES, w) {
                1
            } else if org_or_place && is_in(rules::NAME_CONNECTORS, w) && w != "the" {
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
        if let Some(run) = trim(doc, start, end, key) {
            let class = classify(doc, run, headline, key);
            out.push((run, class));
        }
    }
}

fn is_place_run(doc: &Doc, a: usize, b: usize, key: &mut String) -> bool {
    key_of(doc, a, b, key);
    is_place(key)
}

fn has_org_or_place_word(doc: &Doc, i: usize) -> bool {
    let w = doc.lc(i);
    is_in(rules::ORG_WORDS, w) || is_in(rules::LOC_FIRST_WORDS, w)
}

/// Trims titles, function words, demonyms and sentence-initial common words off a run.
fn trim(doc: &Doc, mut a: usize, b: usize, key: &mut String) -> Option<Run> {
    let mut titled = a > 0 && is_in(rules::PERSON_TITLES, doc.lc(a - 1));
    loop {
        if a >= b {
            return None;
        }
        key_of(doc, a, b, key);
        if is_known(key) {
            break;
        }
        let w = doc.lc(a);
        // "Secretary of State Antony Blinken": the department belongs to the title.
        if b - a > 1
            && a >= 2
            && doc.lc(a - 1) == "of"
            && is_in(rules::PERSON_TITLES, doc.lc(a - 2))
        {
            titled = true;
            a += 1;
            continue;
        }
        // A title inside the run: "Prime Minister Boris Johnson", "Foreign Minister Lavrov".
        if let Some(k) = (a..b - 1)
            .rev()
            .find(|&k| is_in(rules::PERSON_TITLES, doc.lc(k)))
        {
            let last = doc.lc(b - 1);
            let org = is_in(rules::ORG_WORDS, last) || in_table(gz::ORG_SUFFIXES, last);
            if !org {
                titled = true;
                a = k + 1;
                continue;
            }
        }
        if is_in(rules::FUNCTION_WORDS, w)
            || is_in(rules::DEMONYMS, w)
            || (b - a > 1 && is_in(rules::NEVER, w) && w != "new")
        {
            a += 1;
            continue;
        }
        break;
    }
    Some(Run { a, b, titled })
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
    key_of(doc, run.a, run.b, key);
    let first = doc.lc(run.a);
    let last = doc.lc(run.b - 1);
    if is_in(rules::ORG_NAMES, key) || (n == 1 && is_in(rules::AGENCIES, key)) {
        return Some((Organization, Strong));
    }
    if is_place(key) {
        return Some((Location, Strong));
    }
    let plain = without_dots(key);
    if rules::lookup(rules::ORG_ACRONYMS, &plain).is_some()
        && (doc.toks[run.a].upper || n > 1 || !is_common(&plain))
    {
        return Some((Organization, Strong));
    }
    if n == 1 && (is_in(rules::NEVER, key) || is_in(rules::DEMONYMS, key)) {
        return None;
    }
    if n >= 2
        && (in_table(gz::ORG_SUFFIXES, last) || in_table(gz::ORG_SUFFIXES, &without_dots(last)))
    {
        return Some((Organization, Strong));
    }
    if n >= 2 && is_in(rules::EVENT_LAST_WORDS, last) {
        return None;
    }
    if n >= 2 && is_in(rules::PLACE_MODIFIERS, first) && {
        key_of(doc, run.a + 1, run.b, key);
        is_place(key)
    } {
        return Some((Location, Strong));
    }
    if n >= 2 && (run.a..run.b).any(|i| is_in(rules::ORG_WORDS, doc.lc(i))) {
        return Some((Organization, Strong));
    }
    if n >= 2 && (is_in(rules::LOC_FIRST_WORDS, first) || is_in(rules::LOC_LAST_WORDS, last)) {
        return Some((Location, Strong));
    }
    if run.titled {
        return Some((Person, Strong));
    }
    if (2..=4).contains(&n) && in_table(gz::FIRST_NAMES, first) {
        return Some((Person, Strong));
    }
    if headline {
        // Capitals say nothing here: only the tables and first names above count.
        return None;
    }
    if (run.a..run.b).all(|i| is_plain_word(doc.lc(i))) {
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
        && is_in(SPEECH_VERBS, doc.lc(run.b))
        && !(n == 1 && is_plural_group(&doc.toks[run.a], doc.lc(run.a)))
    {
        return Some((Person, Weak));
    }
    if n == 1 {
        return None;
    }
    let name_like = (run.a..run.b).all(|i| {
        let w = doc.lc(i);
        !is_plain_word(w) && !is_place(w) && w.chars().any(char::is_lowercase)
    });
    if n <= MAX_DEFAULT_PERSON && name_like {
        Some((Person, Weak))
    } else if is_place(last) {
        Some((Location, Weak))
    } else {
        Some((Organization, Weak))
    }
}
