//! Document-level type evidence: how the text uses a name, read off the words around each of
//! its mentions and summed over the document, can outvote the type the tagger guessed.
//!
//! A context is a cue ([`Cue`]):
//!
//! * **Person**: a title before the name ("President-elect Trump"), "X, who", a person's
//!   possession after a possessive, a few words on at most ("Trump's mouth", "Mugabe's late
//!   wife", "Ayn Rand's brutal, irrational and primitive philosophy"), an age ("X, 45,"), a
//!   role in an appositive ("X, a lawyer for …", "X, Ruritania's ambassador,", "Her son, X,").
//! * **Organisation**: its people or shares after the name ("Con Edison officials", "Snopes
//!   writers", "Alibaba shares"), or after a possessive ("Yahoo's shareholders"), or before
//!   "of" ("shares of Yahoo"); a role before "for" or "at" ("a reporter for Breitbart Tech").
//! * **Agent**: what only a person or an organisation does: a speech or action verb right
//!   after the name ("Snopes said", "Trump tweeted"), "according to X", "partnered with X".
//!   Not a place.
//! * **Thing**: "X, which": not a person.
//! * **Product**: a product, platform, work or substance, none of the three types: a product
//!   noun after it ("the Android version", "PSVR games", "the NBT format"), "the game X",
//!   "containing X", "download X", "versions of X". Enough of these drop the name.
//!
//! The cues of every occurrence of the name in the document count (its lowercase tokens,
//! standing alone, recognised or not). A cue for one type weighs [`DIRECT_WEIGHT`], one that
//! only rules a type out weighs 1; the name takes the type with the most support when that
//! support is at least [`MIN_SUPPORT`] and beats the current type's by [`MIN_MARGIN`]: one
//! title is enough, one "X said" is not. Names the tables
//! know (countries, cities, companies, named organisations) or that carry an organisation or
//! place word ("Ministry", "River") keep their type: "Russia said" is still a place.

use super::recognize::Doc;
use super::rules;
use super::table::{self as tb, hash_bytes, FxMap};
use super::EntityKind;
use crate::text::TokenKind;

/// Least support (cues, summed over the document) for a type to replace another.
pub(crate) const MIN_SUPPORT: u32 = 2;
/// How much more support the new type needs than the current one.
pub(crate) const MIN_MARGIN: u32 = 2;
/// What a cue for one type counts, against 1 for a cue that only rules a type out (agent,
/// thing): one title or "X's wife" is enough, one "X said" is not.
pub(crate) const DIRECT_WEIGHT: u32 = 2;

/// Most lowercase words between a possessive name and the possession that types it.
pub(crate) const MAX_POSSESSION_GAP: usize = 4;

/// What one context says about the name it surrounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Only a person.
    Person,
    /// Only an organisation.
    Organization,
    /// A person or an organisation, not a place.
    Agent,
    /// An organisation or a place, not a person.
    Thing,
    /// None of the three: a product, a platform, a work, a substance.
    Product,
}

fn in_list(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

/// A title before a name, also as "-elect" ("President-elect").
fn is_title(doc: &Doc, i: usize) -> bool {
    let t = doc.toks[i];
    t.word
        && (t.f & tb::PERSON_TITLE != 0
            || doc
                .lc(i)
                .strip_suffix("-elect")
                .is_some_and(|w| tb::flags(w) & tb::PERSON_TITLE != 0))
}

fn punct_is(doc: &Doc, i: usize, p: &str) -> bool {
    doc.toks
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Punct && &doc.text[t.start..t.end] == p)
}

/// A lowercase word at token `i`, if there is one.
fn lower_word<'d>(doc: &'d Doc, i: usize) -> Option<&'d str> {
    let t = doc.toks.get(i)?;
    (t.word && !t.cap).then(|| doc.lc(i))
}

/// A lowercase noun for a person's role: a title ("ambassador"), a role at an organisation
/// ("spokesman") or a relation ("lawyer", "son").
fn is_role(doc: &Doc, i: usize) -> bool {
    lower_word(doc, i).is_some_and(|w| {
        doc.toks[i].f & tb::PERSON_TITLE != 0
            || in_list(rules::ROLES_FOR_ORG, w)
            || in_list(rules::PERSON_ROLES, w)
    })
}

/// Most lowercase words between the article of an appositive and its role ("a senior
/// defence lawyer", "the company's chief executive").
const MAX_APPOSITIVE_GAP: usize = 2;

/// An appositive naming a role, from token `i` (after the name and its comma): "a lawyer",
/// "the senior spokesman", "Ruritania's ambassador", ending there (a comma, a period, "of",
/// "for", "at", "who"): "a leader in tech" is a description, not a role.
fn appositive_role_after(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else {
        return false;
    };
    let opener = matches!(lower_word(doc, i), Some("a" | "an" | "the" | "his" | "her"))
        || (t.word && t.cap && t.possessive);
    if !opener {
        return false;
    }
    // The role may be the last of a few lowercase words ("the company's chief executive").
    for k in i + 1..=i + 2 + MAX_APPOSITIVE_GAP {
        if lower_word(doc, k).is_none() {
            return false;
        }
        let ends = punct_is(doc, k + 1, ",")
            || punct_is(doc, k + 1, ".")
            || matches!(lower_word(doc, k + 1), Some("of" | "for" | "at" | "who"));
        if ends {
            return is_role(doc, k);
        }
    }
    false
}

/// A role before the name set off by commas: "Her lawyer, X, said", "The spokesman, X,".
fn appositive_role_before(doc: &Doc, a: usize, b: usize) -> bool {
    a >= 2 && punct_is(doc, a - 1, ",") && is_role(doc, a - 2) && punct_is(doc, b, ",")
}

/// The cue of the context around the mention at tokens `a..b`, if any.
pub(crate) fn cue(doc: &Doc, a: usize, b: usize) -> Option<Cue> {
    let n = doc.toks.len();
    let last = doc.toks[b - 1];
    if a > 0 && is_title(doc, a - 1) {
        return Some(Cue::Person);
    }
    if a >= 2 && doc.lc(a - 1) == "to" && doc.lc(a - 2) == "according" {
        return Some(Cue::Agent);
    }
    if a >= 2 && doc.lc(a - 1) == "of" && in_list(rules::ORG_OWNERS_BEFORE_OF, doc.lc(a - 2)) {
        return Some(Cue::Organization);
    }
    if a >= 2 && doc.lc(a - 1) == "of" && in_list(rules::PRODUCT_NOUNS_BEFORE_OF, doc.lc(a - 2)) {
        return Some(Cue::Product);
    }
    if a > 0 && lower_word(doc, a - 1).is_some_and(|w| in_list(rules::PRODUCT_WORDS_BEFORE, w)) {
        return Some(Cue::Product);
    }
    if a >= 2
        && matches!(doc.lc(a - 1), "for" | "at")
        && in_list(rules::ROLES_FOR_ORG, doc.lc(a - 2))
    {
        return Some(Cue::Organization);
    }
    if a >= 2 && doc.lc(a - 1) == "with" && in_list(rules::PARTNER_WORDS, doc.lc(a - 2)) {
        return Some(Cue::Agent);
    }
    if appositive_role_before(doc, a, b) {
        return Some(Cue::Person);
    }
    if b >= n {
        return None;
    }
    if last.possessive {
        // The possession may come after a few lowercase words and commas ("Ayn Rand's
        // brutal, irrational and primitive philosophy").
        let mut i = b;
        let mut words = 0usize;
        while words <= MAX_POSSESSION_GAP {
            if punct_is(doc, i, ",") {
                i += 1;
                continue;
            }
            let w = lower_word(doc, i)?;
            if in_list(rules::ORG_POSSESSIONS, w) {
                return Some(Cue::Organization);
            }
            if in_list(rules::PERSON_POSSESSIONS, w) {
                return Some(Cue::Person);
            }
            words += 1;
            i += 1;
        }
        return None;
    }
    if punct_is(doc, b, ",") {
        let next = doc.toks.get(b + 1)?;
        if next.kind == TokenKind::Number && punct_is(doc, b + 2, ",") {
            let age = &doc.text[next.start..next.end];
            if age.len() <= 3 && age.bytes().all(|c| c.is_ascii_digit()) {
                return Some(Cue::Person);
            }
        }
        if appositive_role_after(doc, b + 1) {
            return Some(Cue::Person);
        }
        return match lower_word(doc, b + 1)? {
            "who" => Some(Cue::Person),
            "which" => Some(Cue::Thing),
            _ => None,
        };
    }
    let w = lower_word(doc, b)?;
    if in_list(rules::AGENT_VERBS, w) {
        return Some(Cue::Agent);
    }
    if in_list(rules::ORG_MEMBER_NOUNS, w) {
        return Some(Cue::Organization);
    }
    if in_list(rules::PRODUCT_NOUNS, w) {
        return Some(Cue::Product);
    }
    None
}

/// Whether the name at tokens `a..b` keeps its type whatever the context: the tables know it,
/// or it carries an organisation, legal-form or place word.
pub(crate) fn is_firm(doc: &Doc, a: usize, b: usize) -> bool {
    let words = tb::ORG_WORD | tb::ORG_SUFFIX | tb::LOC_FIRST | tb::LOC_LAST;
    doc.run_flags(a, b) & (tb::KNOWN | tb::COMPANY | tb::AGENCY) != 0
        || (b - a >= 2 && (a..b).any(|i| doc.toks[i].f & words != 0))
}

/// Support per type ([`EntityKind::index`] order) from the cues of one name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Support {
    direct: [u32; 3],
    agent: u32,
    thing: u32,
    product: u32,
}

impl Support {
    fn add(&mut self, cue: Cue) {
        match cue {
            Cue::Person => self.direct[EntityKind::Person.index()] += 1,
            Cue::Organization => self.direct[EntityKind::Organization.index()] += 1,
            Cue::Agent => self.agent += 1,
            Cue::Thing => self.thing += 1,
            Cue::Product => self.product += 1,
        }
    }

    fn of(&self, kind: EntityKind) -> u32 {
        DIRECT_WEIGHT * self.direct[kind.index()]
            + if kind != EntityKind::Location {
                self.agent
            } else {
                0
            }
            + if kind != EntityKind::Person {
                self.thing
            } else {
                0
            }
    }

    /// Whether the support says the name is a product (or a work, a substance): its product
    /// cues, weighed as direct ones, reach [`MIN_SUPPORT`] and beat every type by
    /// [`MIN_MARGIN`].
    pub(crate) fn product(&self) -> bool {
        let p = DIRECT_WEIGHT * self.product;
        let best = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Location,
        ]
        .into_iter()
        .map(|k| self.of(k))
        .max()
        .unwrap_or(0);
        p >= MIN_SUPPORT && p >= best + MIN_MARGIN
    }

    /// The type this support asks for instead of `own`, if it is strong enough. Between a
    /// person and an organisation with equal support (only agent cues), the direct cues
    /// decide, then the name's shape (`person_like`).
    pub(crate) fn verdict(&self, own: EntityKind, person_like: bool) -> Option<EntityKind> {
        use EntityKind::*;
        let best = [Person, Organization, Location]
            .into_iter()
            .max_by_key(|&k| {
                let shape = match k {
                    Person => person_like,
                    Organization => !person_like,
                    Location => false,
                };
                (self.of(k), self.direct[k.index()], k == own, shape)
            })
            .unwrap_or(own);
        let (s_best, s_own) = (self.of(best), self.of(own));
        (best != own && s_best >= MIN_SUPPORT && s_best >= s_own + MIN_MARGIN).then_some(best)
    }
}

/// A person-like name: two or three words, the first a first name.
fn person_like(doc: &Doc, a: usize, b: usize) -> bool {
    (2..=3).contains(&(b - a)) && doc.toks[a].f & tb::FIRST_NAME != 0
}

/// A capitalised word, part of a name.
fn capital(doc: &Doc, i: usize) -> bool {
    let t = doc.toks[i];
    t.word && t.cap
}

/// Whether tokens `a..b` stand alone as a name: no capitalised word glued before (a title, a
/// possessive or a common word opening the sentence may stand there: "Later Kalvex said") or
/// after, no possessive inside, one sentence.
fn stands_alone(doc: &Doc, a: usize, b: usize) -> bool {
    let s = doc.toks[a].sentence;
    let free_before = |i: usize| {
        !capital(doc, i)
            || is_title(doc, i)
            || doc.toks[i].possessive
            || (doc.toks[i].initial && doc.plain(i))
    };
    (a == 0 || free_before(a - 1))
        && (b >= doc.toks.len() || !capital(doc, b) || doc.toks[b - 1].possessive)
        && (a..b - 1).all(|i| !doc.toks[i].possessive)
        && doc.toks[b - 1].sentence == s
}

/// Retypes the mentions `runs` (token ranges with types, in order), or drops them as
/// products, by the evidence of every
/// occurrence in the document of the same capitalised words standing alone as a name,
/// recognised or not ("Trump's mouth" counts for "Trump" even where the tagger found nothing).
/// Does nothing without the document pass.
pub(crate) fn retype(doc: &Doc, runs: &mut Vec<(usize, usize, EntityKind)>) {
    if !doc.document || runs.is_empty() {
        return;
    }
    let key = |a: usize, b: usize| (a..b).fold(0u64, |h, i| hash_bytes(h, doc.lc(i).as_bytes()));
    // The names, by their first word: (length, key).
    let mut names: FxMap<&str, Vec<(usize, u64)>> = FxMap::default();
    for &(a, b, _) in runs.iter() {
        let entry = names.entry(doc.lc(a)).or_default();
        let name = (b - a, key(a, b));
        if !entry.contains(&name) {
            entry.push(name);
        }
    }
    let mut support: FxMap<u64, Support> = FxMap::default();
    let n = doc.toks.len();
    for i in 0..n {
        if !capital(doc, i) {
            continue;
        }
        let Some(candidates) = names.get(doc.lc(i)) else {
            continue;
        };
        for &(len, k) in candidates {
            let b = i + len;
            if b > n || key(i, b) != k || !stands_alone(doc, i, b) {
                continue;
            }
            if let Some(c) = cue(doc, i, b) {
                support.entry(k).or_default().add(c);
            }
        }
    }
    if support.is_empty() {
        return;
    }
    runs.retain_mut(|(a, b, kind)| {
        let Some(s) = support.get(&key(*a, *b)) else {
            return true;
        };
        if is_firm(doc, *a, *b) {
            return true;
        }
        if s.product() {
            return false;
        }
        if let Some(k) = s.verdict(*kind, person_like(doc, *a, *b)) {
            *kind = k;
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Parts;

    /// The cue of the first mention of `name` in `text`.
    fn cue_of(text: &str, name: &str) -> Option<Cue> {
        let doc = super::super::recognize::build(text, Parts::ALL);
        let at = text.find(name).unwrap();
        let a = doc.toks.iter().position(|t| t.start == at).unwrap();
        let end = at + name.len();
        let b = doc.toks.iter().position(|t| t.end == end).unwrap() + 1;
        cue(&doc, a, b)
    }

    #[test]
    fn cues() {
        use Cue::*;
        let cases: &[(&str, &str, &str, Option<Cue>)] = &[
            (
                "title",
                "He met President Zorbu today.",
                "Zorbu",
                Some(Person),
            ),
            (
                "elect title",
                "Then President-elect Zorbu spoke.",
                "Zorbu",
                Some(Person),
            ),
            (
                "speech verb",
                "Later Kalvex said it would wait.",
                "Kalvex",
                Some(Agent),
            ),
            (
                "action verb",
                "On Monday Kalvex tweeted a photo.",
                "Kalvex",
                Some(Agent),
            ),
            (
                "according to",
                "It is new, according to Kalvex.",
                "Kalvex",
                Some(Agent),
            ),
            (
                "officials",
                "A fire, Kalvex officials said.",
                "Kalvex",
                Some(Organization),
            ),
            (
                "writers",
                "Other Kalvex writers agreed.",
                "Kalvex",
                Some(Organization),
            ),
            (
                "shares of",
                "He sold shares of Kalvex on Friday.",
                "Kalvex",
                Some(Organization),
            ),
            (
                "possessive org",
                "It is Kalvex's chief who quit.",
                "Kalvex",
                Some(Organization),
            ),
            (
                "possessive person",
                "We saw Zorbu's wife there.",
                "Zorbu",
                Some(Person),
            ),
            (
                "possessive adjective",
                "It was Zorbu's late wife.",
                "Zorbu",
                Some(Person),
            ),
            ("who", "We saw Zorbu, who waved.", "Zorbu", Some(Person)),
            (
                "which",
                "They sued Kalvex, which denied it.",
                "Kalvex",
                Some(Thing),
            ),
            (
                "age",
                "The driver, Zorbu Quent, 45, was hurt.",
                "Zorbu Quent",
                Some(Person),
            ),
            (
                "appositive role after",
                "Then Zorbu Quent, a lawyer for them, spoke.",
                "Zorbu Quent",
                Some(Person),
            ),
            (
                "appositive role of a place",
                "Zorbu Quent, Ruritania's ambassador, left.",
                "Zorbu Quent",
                Some(Person),
            ),
            (
                "appositive role before",
                "Her lawyer, Zorbu Quent, said no.",
                "Zorbu Quent",
                Some(Person),
            ),
            (
                "appositive description is no role",
                "Kalvex, a leader in batteries, grew.",
                "Kalvex",
                None,
            ),
            (
                "place preposition says nothing",
                "We went to Kalvex today.",
                "Kalvex",
                None,
            ),
            (
                "a verb after a comma says nothing",
                "In Kalvex, said one man.",
                "Kalvex",
                None,
            ),
            (
                "a possession not listed",
                "The Kalvex's roof fell.",
                "Kalvex",
                None,
            ),
            (
                "a large number is no age",
                "Near Kalvex, 2016, a fire.",
                "Kalvex",
                None,
            ),
        ];
        for (name, text, mention, want) in cases {
            assert_eq!(cue_of(text, mention), *want, "{name}: {text}");
        }
    }

    #[test]
    fn verdicts() {
        use EntityKind::*;
        let s = |p: u32, o: u32, agent: u32, thing: u32| Support {
            direct: [p, o, 0],
            agent,
            thing,
            product: 0,
        };
        let cases: &[(&str, Support, EntityKind, bool, Option<EntityKind>)] = &[
            (
                "two agent cues take a place to an org",
                s(0, 0, 2, 0),
                Location,
                false,
                Some(Organization),
            ),
            (
                "agent cues and a person-like name",
                s(0, 0, 2, 0),
                Location,
                true,
                Some(Person),
            ),
            (
                "one cue is not enough",
                s(0, 0, 1, 0),
                Location,
                false,
                None,
            ),
            (
                "agent cues keep a person",
                s(0, 0, 3, 0),
                Person,
                false,
                None,
            ),
            (
                "org cues beat a person",
                s(0, 3, 0, 0),
                Person,
                true,
                Some(Organization),
            ),
            (
                "a direct cue decides between person and org",
                s(1, 0, 2, 0),
                Location,
                false,
                Some(Person),
            ),
            (
                "a margin is needed",
                s(2, 2, 1, 0),
                Organization,
                false,
                None,
            ),
            (
                "one direct cue is enough against none",
                s(1, 0, 0, 0),
                Location,
                false,
                Some(Person),
            ),
            (
                "which and org cues",
                s(0, 1, 0, 1),
                Person,
                false,
                Some(Organization),
            ),
        ];
        for (name, support, own, like, want) in cases {
            assert_eq!(support.verdict(*own, *like), *want, "{name}");
        }
    }

    #[test]
    fn known_names_keep_their_type() {
        let doc = super::super::recognize::build(
            "Russia said no. Russia said yes. Kalvex said no. Kalvex said yes.",
            Parts::ALL,
        );
        let at = |w: &str| {
            (0..doc.toks.len())
                .filter(|&i| doc.lc(i) == w)
                .collect::<Vec<_>>()
        };
        let mut runs: Vec<(usize, usize, EntityKind)> = at("russia")
            .into_iter()
            .chain(at("kalvex"))
            .map(|i| (i, i + 1, EntityKind::Location))
            .collect();
        runs.sort_unstable_by_key(|r| r.0);
        retype(&doc, &mut runs);
        let kinds: Vec<EntityKind> = runs.iter().map(|r| r.2).collect();
        use EntityKind::*;
        assert_eq!(kinds, [Location, Location, Organization, Organization]);
    }

    #[test]
    fn every_occurrence_counts_but_not_inside_a_longer_name() {
        use EntityKind::*;
        let retyped = |text: &str, word: &str| {
            let doc = super::super::recognize::build(text, Parts::ALL);
            let i = (0..doc.toks.len()).find(|&i| doc.lc(i) == word).unwrap();
            let mut runs = vec![(i, i + 1, Location)];
            retype(&doc, &mut runs);
            runs[0].2
        };
        // Only the first "Kalvex" is a mention; the other two still testify.
        let text = "Kalvex is big. Later Kalvex said no. Kalvex officials agreed.";
        assert_eq!(retyped(text, "kalvex"), Organization);
        // "Quent said" inside "Zorbu Quent said" is no evidence about "Quent" alone.
        let text = "Quent is big. Zorbu Quent said no. Zorbu Quent said yes.";
        assert_eq!(retyped(text, "quent"), Location);
    }

    #[test]
    fn products_are_dropped_unless_known() {
        let kept = |text: &str, word: &str| {
            let doc = super::super::recognize::build(text, Parts::ALL);
            let mut runs: Vec<(usize, usize, EntityKind)> = (0..doc.toks.len())
                .filter(|&i| doc.lc(i) == word)
                .map(|i| (i, i + 1, EntityKind::Organization))
                .collect();
            retype(&doc, &mut runs);
            runs.len()
        };
        assert_eq!(
            kept("The Kalvex version is out. Kalvex games sell.", "kalvex"),
            0
        );
        // One product cue against an organisation's: kept.
        assert_eq!(
            kept("Kalvex games sell. Kalvex officials smiled.", "kalvex"),
            2
        );
        // A company the tables know stays whatever its games.
        assert_eq!(
            kept(
                "Nintendo games sell. The Nintendo version is out.",
                "nintendo"
            ),
            2
        );
    }
}
