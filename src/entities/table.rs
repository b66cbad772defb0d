//! One hashed table for every word list of the recogniser: the generated gazetteers
//! (`gazetteer.rs`) and the hand lists (`rules.rs`) merged into a single open-addressing table
//! from a lowercase key to its bit set of memberships and its alias values, built once per
//! process ([`OnceLock`]). A look-up is one hash of the key and, on average, about one probe;
//! the recogniser does one per token (kept in the token's facts) and one per candidate run.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::gazetteer as gz;
use super::rules;

/// A set of table memberships.
pub(crate) type Flags = u32;

/// Country (gazetteer).
pub(crate) const COUNTRY: Flags = 1 << 0;
/// City or capital (gazetteer).
pub(crate) const CITY: Flags = 1 << 1;
/// US state or continent (gazetteer).
pub(crate) const REGION: Flags = 1 << 2;
/// First name (gazetteer).
pub(crate) const FIRST_NAME: Flags = 1 << 3;
/// Company legal form (gazetteer).
pub(crate) const ORG_SUFFIX: Flags = 1 << 4;
/// Word mostly written in lowercase (gazetteer).
pub(crate) const COMMON: Flags = 1 << 5;
/// The generated tables, switched off together by `Parts { gazetteers: false, .. }`.
pub(crate) const GAZETTEERS: Flags =
    COUNTRY | CITY | REGION | FIRST_NAME | ORG_SUFFIX | COMMON | COMPANY;

/// [`rules::PERSON_TITLES`].
pub(crate) const PERSON_TITLE: Flags = 1 << 6;
/// [`rules::ORG_WORDS`].
pub(crate) const ORG_WORD: Flags = 1 << 7;
/// [`rules::LOC_LAST_WORDS`].
pub(crate) const LOC_LAST: Flags = 1 << 8;
/// [`rules::LOC_FIRST_WORDS`].
pub(crate) const LOC_FIRST: Flags = 1 << 9;
/// [`rules::NAME_PARTICLES`].
pub(crate) const NAME_PARTICLE: Flags = 1 << 10;
/// [`rules::NAME_CONNECTORS`].
pub(crate) const NAME_CONNECTOR: Flags = 1 << 11;
/// [`rules::CALENDAR`].
pub(crate) const CALENDAR: Flags = 1 << 12;
/// [`rules::NEVER`].
pub(crate) const NEVER: Flags = 1 << 13;
/// [`rules::FUNCTION_WORDS`].
pub(crate) const FUNCTION: Flags = 1 << 14;
/// [`rules::DEMONYMS`].
pub(crate) const DEMONYM: Flags = 1 << 15;
/// [`rules::ORG_NAMES`].
pub(crate) const ORG_NAME: Flags = 1 << 16;
/// [`rules::LOC_EXTRA`].
pub(crate) const LOC_EXTRA: Flags = 1 << 17;
/// [`rules::AGENCIES`].
pub(crate) const AGENCY: Flags = 1 << 18;
/// [`rules::BOILERPLATE`].
pub(crate) const BOILERPLATE: Flags = 1 << 19;
/// [`rules::EVENT_LAST_WORDS`].
pub(crate) const EVENT_LAST: Flags = 1 << 20;
/// [`rules::PLACE_MODIFIERS`].
pub(crate) const PLACE_MODIFIER: Flags = 1 << 21;
/// A key of [`rules::ORG_ACRONYMS`] (its value in [`Entry::org`]).
pub(crate) const ORG_ACRONYM: Flags = 1 << 22;
/// A key of [`rules::LOC_ALIASES`] (its value in [`Entry::loc`]).
pub(crate) const LOC_ALIAS: Flags = 1 << 23;
/// [`rules::PLACE_PREPOSITIONS`].
pub(crate) const PLACE_PREPOSITION: Flags = 1 << 24;
/// [`rules::SPEECH_VERBS`].
pub(crate) const SPEECH_VERB: Flags = 1 << 25;
/// [`rules::LOWERCASE_SUFFIXES`].
pub(crate) const LOWERCASE_SUFFIX: Flags = 1 << 26;
/// Company of a major stock index, full or short name (gazetteer).
pub(crate) const COMPANY: Flags = 1 << 27;

/// A place by its whole key: a country, city, region, extra place or place alias.
pub(crate) const PLACE: Flags = COUNTRY | CITY | REGION | LOC_EXTRA | LOC_ALIAS;
/// A known name by its whole key: a place, a named organisation or a known acronym.
pub(crate) const KNOWN: Flags = PLACE | ORG_NAME | ORG_ACRONYM;

/// One key of the table.
#[derive(Debug)]
pub(crate) struct Entry {
    key: &'static str,
    /// Memberships.
    pub(crate) flags: Flags,
    /// The canonical place name ([`rules::LOC_ALIASES`]).
    pub(crate) loc: Option<&'static str>,
    /// The canonical organisation name ([`rules::ORG_ACRONYMS`]).
    pub(crate) org: Option<&'static str>,
}

struct Table {
    entries: Vec<Entry>,
    /// Open addressing: index into `entries`, `u32::MAX` for empty; at most half full.
    slots: Vec<u32>,
}

/// A fast, deterministic string hash (FxHash-style over 8-byte chunks), the same on every
/// target.
pub(crate) fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = seed;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    h = (h.rotate_left(5) ^ bytes.len() as u64).wrapping_mul(K);
    // Final avalanche so the low bits depend on every input bit.
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

/// A [`Hasher`] over [`hash_bytes`] for the recogniser's per-document maps (keys are short
/// words; the standard SipHash costs more than the rest of a look-up).
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(self.0, bytes);
    }
    fn write_u8(&mut self, i: u8) {
        // `str` hashing writes a 0xff terminator after the bytes: fold it in cheaply.
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with [`FxHasher`].
pub(crate) type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

fn build() -> Table {
    let mut entries: Vec<Entry> = Vec::new();
    let mut index: FxMap<&'static str, usize> = FxMap::default();
    let mut add = |key: &'static str, flag: Flags, loc: Option<&'static str>, org| {
        let i = *index.entry(key).or_insert_with(|| {
            entries.push(Entry {
                key,
                flags: 0,
                loc: None,
                org: None,
            });
            entries.len() - 1
        });
        let e = &mut entries[i];
        e.flags |= flag;
        e.loc = e.loc.or(loc);
        e.org = e.org.or(org);
    };
    let lists: &[(&[&'static str], Flags)] = &[
        (gz::COUNTRIES, COUNTRY),
        (gz::CITIES, CITY),
        (gz::REGIONS, REGION),
        (gz::FIRST_NAMES, FIRST_NAME),
        (gz::ORG_SUFFIXES, ORG_SUFFIX),
        (gz::COMPANIES, COMPANY),
        (gz::COMMON_WORDS, COMMON),
        (rules::PERSON_TITLES, PERSON_TITLE),
        (rules::ORG_WORDS, ORG_WORD),
        (rules::LOC_LAST_WORDS, LOC_LAST),
        (rules::LOC_FIRST_WORDS, LOC_FIRST),
        (rules::NAME_PARTICLES, NAME_PARTICLE),
        (rules::NAME_CONNECTORS, NAME_CONNECTOR),
        (rules::CALENDAR, CALENDAR),
        (rules::NEVER, NEVER),
        (rules::FUNCTION_WORDS, FUNCTION),
        (rules::DEMONYMS, DEMONYM),
        (rules::ORG_NAMES, ORG_NAME),
        (rules::LOC_EXTRA, LOC_EXTRA),
        (rules::AGENCIES, AGENCY),
        (rules::BOILERPLATE, BOILERPLATE),
        (rules::EVENT_LAST_WORDS, EVENT_LAST),
        (rules::PLACE_MODIFIERS, PLACE_MODIFIER),
        (rules::PLACE_PREPOSITIONS, PLACE_PREPOSITION),
        (rules::SPEECH_VERBS, SPEECH_VERB),
        (rules::LOWERCASE_SUFFIXES, LOWERCASE_SUFFIX),
    ];
    for (list, flag) in lists {
        for &w in list.iter() {
            add(w, *flag, None, None);
        }
    }
    for &(k, v) in rules::ORG_ACRONYMS {
        add(k, ORG_ACRONYM, None, Some(v));
    }
    for &(k, v) in rules::LOC_ALIASES {
        add(k, LOC_ALIAS, Some(v), None);
    }
    let size = (entries.len() * 2).next_power_of_two().max(16);
    let mut slots = vec![u32::MAX; size];
    let mask = size - 1;
    for (i, e) in entries.iter().enumerate() {
        let mut s = (hash_bytes(0, e.key.as_bytes()) as usize) & mask;
        while slots[s] != u32::MAX {
            s = (s + 1) & mask;
        }
        slots[s] = i as u32;
    }
    Table { entries, slots }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// The entry for a lowercase `key`, if any list has it.
pub(crate) fn entry(key: &str) -> Option<&'static Entry> {
    let t = table();
    let mask = t.slots.len() - 1;
    let mut s = (hash_bytes(0, key.as_bytes()) as usize) & mask;
    loop {
        let i = t.slots[s];
        if i == u32::MAX {
            return None;
        }
        let e = &t.entries[i as usize];
        if e.key == key {
            return Some(e);
        }
        s = (s + 1) & mask;
    }
}

/// The memberships of a lowercase `key` (0 when no list has it).
pub(crate) fn flags(key: &str) -> Flags {
    entry(key).map_or(0, |e| e.flags)
}

/// The canonical place name of an alias ("us" → "United States").
pub(crate) fn loc_alias(key: &str) -> Option<&'static str> {
    entry(key).and_then(|e| e.loc)
}

/// The canonical name of a known organisation acronym ("un" → "United Nations").
pub(crate) fn org_acronym(key: &str) -> Option<&'static str> {
    entry(key).and_then(|e| e.org)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_entry_is_found_with_its_flag() {
        for &w in gz::CITIES {
            assert!(flags(w) & CITY != 0, "{w}");
        }
        for &w in gz::COMPANIES {
            assert!(flags(w) & COMPANY != 0, "{w}");
        }
        for &w in rules::PERSON_TITLES {
            assert!(flags(w) & PERSON_TITLE != 0, "{w}");
        }
        assert_eq!(loc_alias("us"), Some("United States"));
        assert_eq!(org_acronym("un"), Some("United Nations"));
        assert_eq!(flags("no such word at all"), 0);
        assert_eq!(flags(""), 0);
    }

    #[test]
    fn hash_is_stable() {
        // The model's feature hashes depend on it: a change here needs a retrained model.
        assert_eq!(hash_bytes(0, b""), hash_bytes(0, b""));
        assert_ne!(hash_bytes(0, b"ab"), hash_bytes(0, b"ba"));
        assert_ne!(hash_bytes(1, b"ab"), hash_bytes(0, b"ab"));
    }
}
