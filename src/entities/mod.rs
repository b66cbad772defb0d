//! Key entities: the people, organisations and places a text is about, and the tone toward each.
//!
//! # Recognition
//!
//! [`recognize`] finds mentions of people (`PER`), organisations (`ORG`) and places (`LOC`) on
//! the crate's tokens ([`crate::text`]), with UTF-8 byte offsets. It is rules over capitalised
//! runs, with generated gazetteers (countries, cities, regions, first names, companies, company
//! suffixes; see `gazetteer.rs` and `scripts/gen_gazetteers.py`) and small hand lists
//! (`rules.rs`), all looked up in one hashed table built once (`table.rs`), then a small
//! learned tagger ([`model`]) on top:
//!
//! * **Runs.** Consecutive capitalised words, joined by name particles ("de", "van", "bin",
//!   "&") and, inside organisation or place names, by "of"/"for"/"on" ("Bank of America")
//!   and by one "and" ("Department of Housing and Urban Development", "Oil and Gas Authority").
//!   A possessive ends a run and is left out of the mention ("Russia's" gives "Russia").
//! * **Titles.** "President", "Mr.", "Sen.", "Dr.", "Prime Minister" … before a name make it a
//!   person and are not part of it.
//! * **Suffixes and keywords.** A company legal form at the end ("Inc.", "Corp.", "Ltd.",
//!   "plc", "Group") or an organisation word inside ("Ministry", "University", "Party") makes
//!   an organisation; "Lake …", "… River" make a place.
//! * **Companies.** A name from the company table (the major stock indices, full and short
//!   names) is an organisation, whatever the context suggests, unless a title stands before it
//!   or the document uses it as a person's surname ("Milton Hershey ... Hershey").
//! * **Datelines.** Capitals at the start of a sentence before "(Reuters)" or a dash
//!   ("MOSCOW (Reuters) -"), or on a line of their own before a date ("FRANKFURT 1996-08-28"),
//!   are a place.
//! * **Wire conventions.** In a results line ("Arsenal 2 West Ham 0") a country is the
//!   national side (a place) and any other name a club, and that type holds for the name in
//!   the whole story; a name before a country in parentheses is a competitor ("Jan Siemerink
//!   ( Netherlands )"); a sport's slug ("SOCCER -") and a market index ("the Nikkei average")
//!   are no names; a noun for an outlet or a kind of company next to a name, or a share price
//!   after it, makes a company ("the Handelsblatt newspaper", "merchant bank Ashdown Stewart",
//!   "Kessler shares rose").
//! * **Websites.** A capitalised word with a top-level domain glued on ("Snopes.com",
//!   "Amazon.co.uk") is one organisation.
//! * **Acronyms.** An all-caps word of up to six bytes is an organisation unless it is a known
//!   place alias ("US", "UK") or a known non-name ("CEO", "GDP").
//! * **Headlines.** In an all-caps or title-case sentence capitals say nothing: only table
//!   entries (also inside a longer run of capitals: "WALES BEAT ITALY") count, and, after the
//!   model, words written like a name the story's ordinary sentences found ("YORKE" for
//!   "Dwight Yorke").
//! * **Junk.** Sentence-initial common words, months and weekdays, pronouns, nationality
//!   adjectives and page boilerplate ("Request a Demo") never become mentions; a nationality
//!   before an organisation word is part of its name ("European Central Bank").
//! * **Other kinds of names.** Laws ("… Act", "… Amendment", "the Bill"), products ("… Pro",
//!   a company's product: "Google Pay"), events and awards ("World Cup", "… Prize") and
//!   technology acronyms ("VR") are none of the three types: no mention overlaps them, whatever
//!   the rules or the model say.
//! * **Document pass.** A weakly typed mention (a bare capitalised word or pair) takes the type
//!   of a strongly typed mention that shares its words ("Putin" after "President Vladimir
//!   Putin").
//! * **Evidence from context** (`evidence.rs`, after the model). How the text uses a name,
//!   over all its occurrences, can retype it: "X said", "X officials", "X's wife", "shares of
//!   X", "a reporter for X", a title before it; a name mostly used as a product ("the X
//!   version", "X games", "containing X") is dropped. Names the tables know keep their type.
//! * **Model.** An averaged perceptron tags every token near a capital with BIO labels, from
//!   the word, its shape and neighbours, table memberships and the rules' own labels; it
//!   decides the ambiguous runs and their types. Strong rule mentions (tables, legal forms,
//!   titles, datelines) stand as the rules found them, titles are trimmed, headlines and junk
//!   add nothing new; an unknown two-word name the rules read as a person stands whole where
//!   the model found only part of it ("Kelvar Osmund", not "Kelvar"). It is trained on the
//!   Broad Twitter Corpus (train, dev) and wikigold (both CC BY 4.0;
//!   `licenses/entities-model.md`) by `examples/train_ner.rs` and embedded as a versioned file
//!   (`model.bin`).
//!
//! [`recognize_with`] runs the recogniser with a part switched off ([`Parts`]), for measuring
//! what each buys (`undertone ner --conll --without gazetteers|document|model`; the figures,
//! with the model cross-validated, are in `docs/accuracy.md`, generated by `undertone eval`).
//!
//! # Entities
//!
//! [`entities`] merges mentions into [`Entity`] values: aliases ("U.S."/"US"/"United States",
//! "UN"/"United Nations", a surname and the full name, an acronym and the name it abbreviates,
//! "UKHSA"/"UK Health Security Agency")
//! join, distinct names stay apart ("Islamic State" and "ISIS-K"). A surname several full names
//! share joins the latest of them named before it, else the first after it. Each entity has a
//! canonical name, a type (the majority of its mentions; on a tie, the fullest name's), a
//! salience in (0, 1] (relative to the most salient entity: frequency, a title mention, a lead
//! mention, spread through the text; a dateline's agency credit, "(Reuters) -", is no lead
//! mention) and the tone of the sentences that mention it, scored with
//! [`crate::vader::polarity_scores`], with the seven [`Band`]s.
//!
//! ```
//! use undertone::entities::{entities, EntityKind};
//!
//! let text = "MOSCOW (Reuters) - President Vladimir Putin met United Nations officials. \
//!             Putin praised the UN for its wonderful help.";
//! let found = entities(text, None);
//! let putin = found.iter().find(|e| e.name == "Vladimir Putin").unwrap();
//! assert_eq!(putin.kind, EntityKind::Person);
//! assert_eq!(putin.mentions.len(), 2);
//! assert!(found.iter().any(|e| e.name == "United Nations" && e.mentions.len() == 2));
//! assert!(found.iter().any(|e| e.name == "Moscow" || e.name == "MOSCOW"));
//! ```

#[doc(hidden)]
pub mod conll;
mod evidence;
mod gazetteer;
#[doc(hidden)]
pub mod model;
mod recognize;
mod rules;
mod table;

use serde::Serialize;
use std::collections::{HashMap, HashSet};

use crate::text::split_sentences;
use crate::{Band, OffsetUnit};

/// Bonus to the salience of an entity mentioned in the title.
pub const TITLE_BONUS: f64 = 1.0;
/// Bonus to the salience of an entity mentioned in the lead (the first [`LEAD_SENTENCES`]).
pub const LEAD_BONUS: f64 = 0.5;
/// Bonus to the salience of an entity per unit of spread (first to last mention over the text).
pub const SPREAD_BONUS: f64 = 0.5;
/// The lead: this many sentences at the start of the text.
pub const LEAD_SENTENCES: usize = 2;

/// The type of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum EntityKind {
    /// A person (`"PER"`).
    #[serde(rename = "PER")]
    Person,
    /// An organisation: a company, institution, party, agency, team (`"ORG"`).
    #[serde(rename = "ORG")]
    Organization,
    /// A place: a country, city, region, geographic feature (`"LOC"`).
    #[serde(rename = "LOC")]
    Location,
}

impl EntityKind {
    /// The tag: `"PER"`, `"ORG"` or `"LOC"` (also the serialised form).
    pub fn tag(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Location => "LOC",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A recognised mention: a byte range of the input and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EntityMention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The type.
    pub kind: EntityKind,
}

/// One mention of an [`Entity`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Start offset (UTF-8 bytes unless converted with [`convert_offsets`]) in the text, or in
    /// the title when `in_title` is true.
    pub start: usize,
    /// End offset, one past the mention.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// Whether the offsets are in the title rather than the text (serialised only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_title: bool,
}

/// An entity: merged mentions with a canonical name, a type, a salience and a tone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// The canonical name ("United States" for "U.S.", the full name for a surname).
    pub name: String,
    /// The type (serialised as `"type"`: `"PER"`, `"ORG"` or `"LOC"`).
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Salience in (0, 1]: 1 for the most salient entity of the text.
    pub salience: f64,
    /// Tone toward the entity in [-1, 1]: the mean target-aware score of the sentences (and the
    /// title) that mention it.
    pub score: f64,
    /// The English label of the band ("mildly positive").
    pub label: &'static str,
    /// The band of `score`.
    pub band: Band,
    /// The mentions, in text order (title mentions first).
    pub mentions: Vec<Mention>,
}

/// Which parts of the recogniser run, for measuring what each buys. [`Parts::ALL`] is the
/// recogniser; the capitalisation and context rules always run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// The generated tables: places, first names, companies, company suffixes, common words.
    pub gazetteers: bool,
    /// The document pass: strong mentions type the weak ones that share their words.
    pub document: bool,
    /// The learned tagger ([`model`]), on top of the rules (their mentions are among its
    /// features).
    pub model: bool,
}

impl Parts {
    /// Everything on.
    pub const ALL: Parts = Parts {
        gazetteers: true,
        document: true,
        model: true,
    };

    /// The parts by name, for `undertone ner --without NAME`: `"gazetteers"`, `"document"` or
    /// `"model"`.
    pub fn without(name: &str) -> Option<Parts> {
        match name {
            "model" => Some(Parts {
                model: false,
                ..Parts::ALL
            }),
            "gazetteers" => Some(Parts {
                gazetteers: false,
                ..Parts::ALL
            }),
            "document" => Some(Parts {
                document: false,
                ..Parts::ALL
            }),
            _ => None,
        }
    }
}

impl Default for Parts {
    fn default() -> Parts {
        Parts::ALL
    }
}

/// Recognises the person, organisation and place mentions of `text`, in text order, with UTF-8
/// byte offsets. Never panics; linear in the length of the text.
pub fn recognize(text: &str) -> Vec<EntityMention> {
    recognize::recognize(text, Parts::ALL)
}

/// [`recognize`] with a chosen set of parts.
pub fn recognize_with(text: &str, parts: Parts) -> Vec<EntityMention> {
    recognize::recognize(text, parts)
}

/// The entities of an article, most salient first. `title`, when given, is recognised too:
/// a title mention raises an entity's salience and its sentence counts toward its tone.
pub fn entities(text: &str, title: Option<&str>) -> Vec<Entity> {
    // The title is recognised together with the text, so that each gives the other context
    // (a bare "Putin" in the title is typed by "Vladimir Putin" in the text).
    let (combined, offset) = match title {
        Some(t) => (format!("{t}\n\n{text}"), t.len() + 2),
        None => (String::new(), 0),
    };
    let mut raw: Vec<Raw> = Vec::new();
    match title {
        Some(t) => {
            for m in recognize(&combined) {
                if m.end <= t.len() {
                    raw.push(Raw::new(t, m, true));
                } else if m.start >= offset {
                    let m = EntityMention {
                        start: m.start - offset,
                        end: m.end - offset,
                        kind: m.kind,
                    };
                    raw.push(Raw::new(text, m, false));
                }
            }
        }
        None => raw.extend(
            recognize(text)
                .into_iter()
                .map(|m| Raw::new(text, m, false)),
        ),
    }
    let groups = merge(&raw);
    let sentences = split_sentences(text);
    // Per sentence: how many entities mention it, and (lazily) whether the news engine finds
    // any sentiment word in it at all. Target-aware scoring only zeroes or scales word
    // valences, so a sentence without any has tone 0 toward every target: one untargeted
    // scoring then stands for all the entities that share it.
    let mut sharing = vec![0u32; sentences.len()];
    for g in &groups {
        let mut last = usize::MAX;
        // A set: an entity named thousands of times must not cost a scan per mention.
        let mut seen_here: HashSet<usize> = HashSet::new();
        for &i in &g.members {
            let m = &raw[i];
            if m.in_title {
                continue;
            }
            let si = sentences.partition_point(|s| s.end <= m.start);
            if si < sentences.len() && si != last && seen_here.insert(si) {
                sharing[si] += 1;
            }
            last = si;
        }
    }
    let mut neutral: Vec<Option<bool>> = vec![None; sentences.len()];
    let mut out: Vec<(Entity, usize)> = Vec::with_capacity(groups.len());
    let mut max_raw = 0.0f64;
    let mut saliences = Vec::with_capacity(groups.len());
    for g in &groups {
        let members: Vec<&Raw> = g.members.iter().map(|&i| &raw[i]).collect();
        let in_text: Vec<&&Raw> = members.iter().filter(|m| !m.in_title).collect();
        let mut scores = Vec::new();
        let mut seen = HashSet::new();
        let mut lead = false;
        for m in &in_text {
            let si = sentences.partition_point(|s| s.end <= m.start);
            if si < LEAD_SENTENCES && !is_credit(text, m.start, m.end) {
                lead = true;
            }
            if si < sentences.len() && seen.insert(si) {
                let sentence = sentences[si].text(text);
                let flat = sharing[si] > 1
                    && *neutral[si].get_or_insert_with(|| {
                        crate::news::score_sentence(sentence, None).words.is_empty()
                    });
                scores.push(if flat {
                    0.0
                } else {
                    tone_toward(sentence, m.surface)
                });
            }
        }
        let titled = members.iter().any(|m| m.in_title);
        if let (Some(title), Some(m)) = (title, members.iter().find(|m| m.in_title)) {
            scores.push(tone_toward(title, m.surface));
        }
        let spread = match (in_text.first(), in_text.last()) {
            (Some(a), Some(b)) if !text.is_empty() => {
                (b.start - a.start) as f64 / text.len() as f64
            }
            _ => 0.0,
        };
        let salience = (1.0 + in_text.len() as f64).ln()
            + if titled { TITLE_BONUS } else { 0.0 }
            + if lead { LEAD_BONUS } else { 0.0 }
            + SPREAD_BONUS * spread;
        max_raw = max_raw.max(salience);
        saliences.push(salience);
        let score = if scores.is_empty() {
            0.0
        } else {
            scores.iter().sum::<f64>() / scores.len() as f64
        };
        let band = Band::of(score);
        let first = members
            .iter()
            .map(|m| (m.in_title, m.start))
            .min()
            .unwrap_or((false, 0));
        let order = if first.0 { 0 } else { first.1 + 1 };
        out.push((
            Entity {
                name: g.name.clone(),
                kind: g.kind,
                salience: 0.0,
                score,
                label: band.label(),
                band,
                mentions: members
                    .iter()
                    .map(|m| Mention {
                        start: m.start,
                        end: m.end,
                        text: m.surface.to_string(),
                        in_title: m.in_title,
                    })
                    .collect(),
            },
            order,
        ));
    }
    for ((e, _), s) in out.iter_mut().zip(saliences) {
        e.salience = if max_raw > 0.0 {
            (s / max_raw * 1000.0).round() / 1000.0
        } else {
            0.0
        };
    }
    out.sort_by(|a, b| b.0.salience.total_cmp(&a.0.salience).then(a.1.cmp(&b.1)));
    out.into_iter().map(|(e, _)| e).collect()
}

/// Whether `text[start..end]` is the agency credit of a dateline ("MOSCOW (Reuters) -"): it
/// opens the text but says who wrote the story, not what it is about.
fn is_credit(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let after = text[end..].strip_prefix(')').map(str::trim_start);
    before.ends_with('(')
        && before.len() < 80
        && after.is_some_and(|a| a.starts_with(['-', '–', '—']))
}

/// The tone of `sentence` toward the entity written `target` there: the news engine's
/// target-aware sentence score ([`crate::news::score_sentence`]).
fn tone_toward(sentence: &str, target: &str) -> f64 {
    crate::news::score_sentence(sentence, Some(target)).score
}

/// Rewrites the mention offsets of `entities` (computed on `text` and `title`, in UTF-8 bytes)
/// into `unit`: code points for the command line, UTF-16 code units for JavaScript.
pub fn convert_offsets(entities: &mut [Entity], text: &str, title: Option<&str>, unit: OffsetUnit) {
    if unit == OffsetUnit::Utf8 {
        return;
    }
    let map = |s: &str| -> Vec<usize> {
        let mut at = vec![0usize; s.len() + 1];
        let mut units = 0usize;
        for (i, c) in s.char_indices() {
            at[i] = units;
            units += match unit {
                OffsetUnit::Utf16 => c.len_utf16(),
                _ => 1,
            };
        }
        at[s.len()] = units;
        at
    };
    let text_map = map(text);
    let title_map = title.map(map);
    for e in entities {
        for m in &mut e.mentions {
            let table = if m.in_title {
                match &title_map {
                    Some(t) => t,
                    None => continue,
                }
            } else {
                &text_map
            };
            if m.end < table.len() {
                m.start = table[m.start];
                m.end = table[m.end];
            }
        }
    }
}

/// A mention with its normalised key.
struct Raw<'a> {
    start: usize,
    end: usize,
    kind: EntityKind,
    in_title: bool,
    /// As written, whitespace runs kept.
    surface: &'a str,
    /// Lowercase, periods and a leading "the" removed, single spaces.
    key: String,
    /// The canonical name from an alias table.
    alias: Option<&'static str>,
}

impl<'a> Raw<'a> {
    fn new(src: &'a str, m: EntityMention, in_title: bool) -> Raw<'a> {
        let surface = &src[m.start..m.end];
        let mut key = String::with_capacity(surface.len());
        for word in surface.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.extend(
                word.chars()
                    .filter(|&c| c != '.')
                    .flat_map(char::to_lowercase),
            );
        }
        if let Some(rest) = key.strip_prefix("the ") {
            key = rest.to_string();
        }
        let alias = match m.kind {
            EntityKind::Location => table::loc_alias(&key),
            EntityKind::Organization => table::org_acronym(&key),
            EntityKind::Person => None,
        };
        if let Some(canonical) = alias {
            key = canonical.to_lowercase();
        }
        Raw {
            start: m.start,
            end: m.end,
            kind: m.kind,
            in_title,
            surface,
            key,
            alias,
        }
    }
}

/// Merged mentions.
struct Group {
    name: String,
    kind: EntityKind,
    members: Vec<usize>,
}

fn initials(key: &str) -> String {
    key.split(' ')
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "on" | "&"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// [`initials`] with an acronym inside the name spelt out: "UK Health Security Agency" gives
/// "ukhsa", "U.S. Army" gives "usa".
fn spelt_initials(surface: &str) -> String {
    let mut out = String::new();
    for w in surface.split_whitespace() {
        let lower = w.to_lowercase();
        if matches!(lower.as_str(), "of" | "the" | "and" | "for" | "on" | "&") {
            continue;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic());
        if letters.clone().count() >= 2 && w.chars().all(|c| !c.is_lowercase()) {
            out.extend(letters.flat_map(char::to_lowercase));
        } else {
            out.extend(w.chars().next().into_iter().flat_map(char::to_lowercase));
        }
    }
    out
}

fn merge(raw: &[Raw]) -> Vec<Group> {
    // Exact keys first.
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut keys: Vec<&str> = Vec::new();
    for (i, r) in raw.iter().enumerate() {
        let g = *index.entry(r.key.as_str()).or_insert_with(|| {
            members.push(Vec::new());
            keys.push(r.key.as_str());
            members.len() - 1
        });
        members[g].push(i);
    }
    // Single words into the one longer name they shorten: a surname, a first word of a
    // company, an acronym of the initials.
    let mut target: Vec<usize> = (0..keys.len()).collect();
    // A surname shared by several full names: each of its mentions picks one of them.
    let mut namesakes: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    for g in 0..keys.len() {
        let key = keys[g];
        if key.contains(' ') {
            continue;
        }
        let is_acronym = members[g].iter().any(|&i| {
            let s = raw[i].surface;
            s.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && s.chars().all(|c| !c.is_lowercase())
        });
        let mut found = None;
        let mut ambiguous = false;
        let mut people = Vec::new();
        let mut only_people = true;
        for h in 0..keys.len() {
            let other = keys[h];
            if h == g || !other.contains(' ') {
                continue;
            }
            let kind_h = raw[members[h][0]].kind;
            let words: Vec<&str> = other.split(' ').collect();
            // A surname ("Putin"), or a family name written first ("Xi" for "Xi Jinping").
            let hit = (kind_h == EntityKind::Person
                && (words.last() == Some(&key) || words.first() == Some(&key)))
                || (kind_h != EntityKind::Person && words.first() == Some(&key) && !is_acronym)
                || (is_acronym
                    && (initials(other) == key
                        || spelt_initials(raw[members[h][0]].surface) == key));
            if hit {
                if found.is_some_and(|f| f != h) {
                    ambiguous = true;
                }
                found = Some(h);
                if kind_h == EntityKind::Person {
                    people.push(h);
                } else {
                    only_people = false;
                }
            }
        }
        if let (Some(h), false) = (found, ambiguous) {
            target[g] = h;
        } else if ambiguous && only_people {
            namesakes[g] = people;
        }
    }
    // Text order, the title first.
    let pos = |i: usize| (!raw[i].in_title, raw[i].start);
    let mut merged: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    for g in 0..keys.len() {
        if !namesakes[g].is_empty() {
            // The news convention: a bare surname is the latest full name with it so far
            // ("Robert Parata ... Hori Parata ... Parata" is Hori), else the next one.
            for &i in &members[g] {
                let p = pos(i);
                let before = namesakes[g]
                    .iter()
                    .filter_map(|&h| {
                        let last = members[h].iter().map(|&j| pos(j)).filter(|&q| q < p).max();
                        last.map(|q| (q, h))
                    })
                    .max();
                let after = || {
                    namesakes[g]
                        .iter()
                        .filter_map(|&h| members[h].iter().map(|&j| (pos(j), h)).min())
                        .min()
                };
                if let Some((_, h)) = before.or_else(after) {
                    merged[h].push(i);
                }
            }
            continue;
        }
        let mut t = target[g];
        // One step is enough (targets are multi-word and never retargeted).
        if target[t] != t {
            t = target[t];
        }
        merged[t].extend_from_slice(&members[g]);
    }
    let mut groups = Vec::new();
    for mut m in merged.into_iter().filter(|m| !m.is_empty()) {
        m.sort_by_key(|&i| (!raw[i].in_title, raw[i].start));
        let mut votes = [0usize; 3];
        for &i in &m {
            votes[raw[i].kind.index()] += 1;
        }
        let first_kind = raw[m[0]].kind;
        // The fullest name, most often written: the canonical name, and the type on a tie of
        // votes (a full name says more than a short one: "Breitbart Tech" over a bare
        // "Breitbart"), then the first mention's type. Written in small letters somewhere, it
        // is named as there, not as in an all-caps dateline ("NEW YORK (Reuters) -").
        // Counted once: a name written thousands of times must not cost a scan per mention.
        let mut written: HashMap<&str, usize> = HashMap::new();
        for &i in &m {
            *written.entry(raw[i].key.as_str()).or_insert(0) += 1;
        }
        let best = m
            .iter()
            .copied()
            .max_by_key(|&i| {
                let words = raw[i].key.split(' ').count();
                let count = written.get(raw[i].key.as_str()).copied().unwrap_or(0);
                let cased = raw[i].surface.chars().any(char::is_lowercase);
                (words, count, cased, usize::MAX - i)
            })
            .unwrap_or(m[0]);
        let best_kind = raw[best].kind;
        let kind = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Location,
        ]
        .into_iter()
        .max_by_key(|k| (votes[k.index()], *k == best_kind, *k == first_kind))
        .unwrap_or(first_kind);
        let name = match m.iter().find_map(|&i| raw[i].alias) {
            Some(alias) => alias.to_string(),
            None => display(raw[best].surface, raw[best].kind),
        };
        groups.push(Group {
            name,
            kind,
            members: m,
        });
    }
    groups
}

/// A surface form as a name: single spaces, a leading "The" dropped, all-caps words of a
/// dateline or headline in title case ("MOSCOW" → "Moscow") unless they are acronyms: short
/// single words ("BBC"), an organisation's single word ("UNICEF"). A name all in capitals is
/// title-cased whole ("SAN FRANCISCO" → "San Francisco").
fn display(surface: &str, kind: EntityKind) -> String {
    let words: Vec<&str> = surface.split_whitespace().collect();
    let words = match words.first() {
        Some(&"The") | Some(&"the") if words.len() > 1 => &words[1..],
        _ => &words[..],
    };
    let caps = |w: &str| w.chars().all(|c| !c.is_lowercase());
    let shouting = words.len() > 1 && words.iter().all(|w| caps(w));
    let mut out = String::with_capacity(surface.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = words.len() == 1 && kind == EntityKind::Organization;
        let lower = w.to_lowercase();
        if shouting && i > 0 && matches!(lower.as_str(), "of" | "the" | "and" | "for" | "on") {
            // "BANK OF AMERICA" → "Bank of America".
            out.push_str(&lower);
        } else if (shouting || (letters > 4 && !acronym)) && caps(w) {
            let mut chars = w.chars();
            if let Some(c) = chars.next() {
                out.push(c);
            }
            out.extend(chars.flat_map(char::to_lowercase));
        } else {
            out.push_str(w);
        }
    }
    out
}
