//! The news engine: one sentence scored for news and financial news, optionally toward a target.
//!
//! It is VADER (the exact rules of [`crate::vader`]: boosters, negation, caps, "but", punctuation)
//! with small rule units around it, each switchable for measurement ([`Rules`]) and tested alone:
//!
//! 1. **lexicon**: news and finance entries rated by the team; VADER's social-media entries that
//!    are plain words in news ("shares", "interest", "united") made neutral.
//!    **opinion** (`opinion.rs`, `afinn.rs`, `prefixed.rs`, generated): review adjectives
//!    VADER's lexicon lacks ("banal", "riveting"), from pattern's subjectivity lexicon, for the
//!    opinion pieces and reviews a news reader also meets; adverbs of manner derived from rated
//!    adjectives ("superbly acted", "poorly managed"), counted where they do not modify a rated
//!    word; AFINN-165's words; and "un-" words of good stems ("unhelpful", "unconvincing").
//!    **idioms** (`phrases.rs`, table `idioms.rs` generated from the team's ratings):
//!    expressions of commentary whose tone is their own ("fell short", "a step in the right
//!    direction", "cold comfort", "came into force"): the expression is scored as one word.
//! 2. **direction**: a word that moves a quantity takes its sign from what moves: "profit rose"
//!    and "loss narrowed" are good, "sales fell" and "cut 500 jobs" bad, "cut costs" good;
//!    "beat / missed estimates"; "from 50p to 65p" and "from buy to hold" comparatives; a move
//!    after a lack did not happen ("did little to address poverty").
//!    **comparison**: a figure and the earlier one it is compared with ("EUR 3.1 mn, compared
//!    with EUR 2.5 mn", "EUR 45.2 mn (EUR 40.1 mn)") are news by their difference.
//!    **orders**: an order or contract received ("received an order", "will supply equipment
//!    worth EUR 40 million") is good news for the supplier.
//!    **description**: a company's self-description ("is a leading provider of innovative
//!    solutions") is not news about it and carries no tone.
//! 3. **modality**: hedges ("may", "could", "expects to", "reportedly") soften what follows them
//!    in their clause; a question leans sceptical ("Is anyone actually riding these trains?").
//! 4. **reported**: denied claims ("denied any wrongdoing") and absent evidence ("no sign of
//!    recovery") are scored as what they are, not as the words they deny.
//! 5. **cause**: what follows "hurt by" or "boosted by" is a cause and takes the verb's sign
//!    ("hurt by the strong euro" is bad news although "strong" is a good word).
//! 6. **negation**: a negation reaches past VADER's three-word window to the end of its clause
//!    ("did not produce a lasting agreement"); a lack ("lacks", "failed to") or an excess ("too
//!    clever") turns what follows over.
//! 7. **concession**: the main clause outweighs a conceded one ("Although sales rose, the
//!    company posted a loss"), with the weights VADER gives the two sides of "but".
//! 8. **irony**: praise with a sting is blame ("Congratulations to the minister, who has
//!    finally made the trains slower").
//! 9. **target**: with a target (a company or person), its own name carries no sentiment and
//!    clauses that do not mention it weigh less.
//!
//! The sentence score is VADER's normalisation `x / sqrt(x² + 15)` of the summed word valences
//! (plus VADER's `!`/`?` emphasis), so it stays on VADER's scale and in [-1, 1]. Cost: one pass
//! over the words per rule, with fixed small windows: linear in length.
//!
//! ```
//! use undertone::news::score_sentence;
//!
//! assert!(score_sentence("Quarterly loss narrowed sharply", None).score > 0.05);
//! assert!(score_sentence("Sales fell 8% in the first quarter", None).score < -0.05);
//! // Toward a target: the target's name never carries sentiment ("Best" in "Best Buy").
//! let tone = score_sentence("Best Buy shares jump as rival Target slumps", Some("Best Buy"));
//! assert!(tone.score > 0.05);
//! ```

mod afinn;
pub mod calibration;
mod calibration_table;
mod cause;
mod comparison;
mod concession;
mod description;
mod direction;
mod editorial;
mod idioms;
mod irony;
mod lexicon;
mod modality;
mod negation;
mod opinion;
mod orders;
mod phrases;
mod prefixed;
mod reported;
mod target;
mod vocab;

use crate::vader::{self, rules, Word};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: a fast hash for short words (the set is fixed, so no flooding concern).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// What the tables say about a word the rule units match on: looked up once per word.
#[derive(Debug)]
pub(crate) struct Roles {
    /// [`direction::direction`].
    pub(crate) dir: Option<direction::Dir>,
    /// [`direction::quantity`].
    pub(crate) qty: Option<f64>,
    /// [`lexicon::news_valence`].
    pub(crate) news: Option<f64>,
    /// [`opinion::OPINION_LEXICON`]: a review adjective VADER's lexicon lacks.
    pub(crate) opinion: Option<f64>,
    /// [`opinion::MANNER_ADVERBS`]: an adverb of manner derived from a rated adjective.
    pub(crate) manner: Option<f64>,
}

/// The roles of a lowercased word, when any rule unit matches on it ([`vocab::VOCAB`], generated
/// from the units' sources). One hash probe per word lets every unit skip the rest.
pub(crate) fn roles(word: &str) -> Option<&'static Roles> {
    type Table = HashMap<&'static str, Roles, BuildHasherDefault<Fnv>>;
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let units = vocab::VOCAB.iter().map(|&w| {
                let roles = Roles {
                    dir: direction::direction(w),
                    qty: direction::quantity(w),
                    news: lexicon::news_valence(w),
                    opinion: None,
                    manner: None,
                };
                (w, roles)
            });
            // The generators leave out every word of the units' vocabulary.
            let table = |opinion, manner| Roles {
                dir: None,
                qty: None,
                news: None,
                opinion,
                manner,
            };
            let opinion = opinion::OPINION_LEXICON
                .iter()
                .chain(afinn::AFINN_LEXICON)
                .chain(prefixed::UN_PREFIXED)
                .chain(editorial::EDITORIAL_LEXICON)
                .map(move |&(w, v)| (w, table(Some(v), None)));
            let manner = opinion::MANNER_ADVERBS
                .iter()
                .map(move |&(w, v)| (w, table(None, Some(v))));
            units.chain(opinion).chain(manner).collect()
        })
        .get(word)
}

#[cfg(test)]
fn in_vocab(word: &str) -> bool {
    roles(word).is_some()
}

/// One word that moved a sentence's news score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordTone {
    /// Byte offset of the word in the sentence.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Its valence after every rule, on VADER's lexicon scale (about -4..4).
    pub valence: f64,
}

/// The news engine's verdict on one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceTone {
    /// The sentence score in [-1, 1] (VADER's normalisation of the summed valences).
    pub score: f64,
    /// The words with a non-zero valence, in text order.
    pub words: Vec<WordTone>,
}

/// Which rule units run, for measuring what each buys. [`Rules::ALL`] is the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// The news and finance lexicon.
    pub lexicon: bool,
    /// Review adjectives VADER lacks, from pattern's subjectivity lexicon.
    pub opinion: bool,
    /// Multi-word expressions of commentary rated by the team ("fell short", "cold comfort").
    pub idioms: bool,
    /// Direction-and-change composition, expectations, "from X to Y".
    pub direction: bool,
    /// A figure compared with an earlier one ("EUR 3.1 mn, compared with EUR 2.5 mn").
    pub comparison: bool,
    /// Orders and contracts received ("received an order", "will supply ... worth EUR 40 million").
    pub orders: bool,
    /// Company self-descriptions ("is a leading provider of ...") carry no tone.
    pub description: bool,
    /// Hedges and modality.
    pub modality: bool,
    /// Denied and absent-evidence speech.
    pub reported: bool,
    /// Cause phrases after verbs of effect ("hurt by", "boosted by").
    pub cause: bool,
    /// Negation beyond VADER's three-word window, lack ("lacks", "failed to") and excess ("too").
    pub negation: bool,
    /// Concessive clauses ("although", "despite") weigh less than the main clause.
    pub concession: bool,
    /// Mock praise ("Congratulations to X, who finally made it worse") counts as blame.
    pub irony: bool,
    /// Target-aware weighting (only when a target is given).
    pub target: bool,
    /// The learned layer over the rules' result ([`calibration`]).
    pub calibration: bool,
}

impl Rules {
    /// Every unit: the news engine.
    pub const ALL: Rules = Rules {
        lexicon: true,
        opinion: true,
        idioms: true,
        direction: true,
        comparison: true,
        orders: true,
        description: true,
        modality: true,
        reported: true,
        cause: true,
        negation: true,
        concession: true,
        irony: true,
        target: true,
        calibration: true,
    };
    /// Every rule unit without the learned layer: what the rules alone give, what the layer is
    /// trained on, and what each rule unit's tests measure against.
    pub const RULES_ONLY: Rules = Rules {
        calibration: false,
        ..Rules::ALL
    };
    /// No unit: VADER's compound (unrounded).
    pub const NONE: Rules = Rules {
        lexicon: false,
        opinion: false,
        idioms: false,
        direction: false,
        comparison: false,
        orders: false,
        description: false,
        modality: false,
        reported: false,
        cause: false,
        negation: false,
        concession: false,
        irony: false,
        target: false,
        calibration: false,
    };
    /// Each unit alone, by name.
    pub const UNITS: [(&'static str, Rules); 15] = [
        (
            "lexicon",
            Rules {
                lexicon: true,
                ..Rules::NONE
            },
        ),
        (
            "opinion",
            Rules {
                opinion: true,
                ..Rules::NONE
            },
        ),
        (
            "idioms",
            Rules {
                idioms: true,
                ..Rules::NONE
            },
        ),
        (
            "direction",
            Rules {
                direction: true,
                ..Rules::NONE
            },
        ),
        (
            "comparison",
            Rules {
                comparison: true,
                ..Rules::NONE
            },
        ),
        (
            "orders",
            Rules {
                orders: true,
                ..Rules::NONE
            },
        ),
        (
            "description",
            Rules {
                description: true,
                ..Rules::NONE
            },
        ),
        (
            "modality",
            Rules {
                modality: true,
                ..Rules::NONE
            },
        ),
        (
            "reported",
            Rules {
                reported: true,
                ..Rules::NONE
            },
        ),
        (
            "cause",
            Rules {
                cause: true,
                ..Rules::NONE
            },
        ),
        (
            "negation",
            Rules {
                negation: true,
                ..Rules::NONE
            },
        ),
        (
            "concession",
            Rules {
                concession: true,
                ..Rules::NONE
            },
        ),
        (
            "irony",
            Rules {
                irony: true,
                ..Rules::NONE
            },
        ),
        (
            "target",
            Rules {
                target: true,
                ..Rules::NONE
            },
        ),
        (
            "calibration",
            Rules {
                calibration: true,
                ..Rules::NONE
            },
        ),
    ];

    /// These rules with every unit that is on in `off` switched off.
    pub fn without(self, off: Rules) -> Rules {
        Rules {
            lexicon: self.lexicon && !off.lexicon,
            opinion: self.opinion && !off.opinion,
            idioms: self.idioms && !off.idioms,
            direction: self.direction && !off.direction,
            comparison: self.comparison && !off.comparison,
            orders: self.orders && !off.orders,
            description: self.description && !off.description,
            modality: self.modality && !off.modality,
            reported: self.reported && !off.reported,
            cause: self.cause && !off.cause,
            negation: self.negation && !off.negation,
            concession: self.concession && !off.concession,
            irony: self.irony && !off.irony,
            target: self.target && !off.target,
            calibration: self.calibration && !off.calibration,
        }
    }
}

impl Default for Rules {
    fn default() -> Rules {
        Rules::ALL
    }
}

/// Whether `word` is one of the space-separated words of `list`. The units write context-only
/// word lists this way, as one string rather than literals, so that `scripts/gen_news_vocab.py`
/// leaves them out of the vocabulary: a vocabulary word gates other units and loses its
/// generated-table valence.
pub(crate) fn in_word_list(list: &str, word: &str) -> bool {
    // A substring search with a boundary check: splitting the list on whitespace decodes every
    // character of it, and the units ask this for most words of every sentence.
    let bytes = list.as_bytes();
    let is_break = |at: usize| at >= bytes.len() || bytes[at].is_ascii_whitespace();
    !word.is_empty()
        && list
            .match_indices(word)
            .any(|(at, _)| (at == 0 || is_break(at - 1)) && is_break(at + word.len()))
}

/// What a clause (or, in an article, a sentence) that does not mention the target keeps of its
/// weight when another one does.
pub const OTHER_WEIGHT: f64 = target::OTHER_CLAUSE;

/// Whether `text` names `target` (any of its name words, a possessive "'s" ignored,
/// case-insensitive; generic words such as "plc" or "group" do not count).
///
/// ```
/// assert!(undertone::news::mentions_target("Tesco's profit rose", "Tesco plc"));
/// assert!(!undertone::news::mentions_target("The group's profit rose", "Tesco plc"));
/// ```
pub fn mentions_target(text: &str, target: &str) -> bool {
    let names = target::name_words(target);
    !names.is_empty()
        && text
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
            .any(|w| target::mentions(&w.to_lowercase(), &names))
}

/// Scores one sentence with the news engine, toward `target` when given.
pub fn score_sentence(text: &str, target: Option<&str>) -> SentenceTone {
    score_sentence_with(text, target, &Rules::ALL)
}

/// [`score_sentence`] with a chosen set of rule units.
pub fn score_sentence_with(text: &str, target: Option<&str>, rules: &Rules) -> SentenceTone {
    vader::with_words(text, |words, spans, emphasis| {
        let mut roles: Vec<Option<&'static Roles>> =
            words.iter().map(|w| roles(&w.lower)).collect();
        if rules.lexicon || rules.opinion {
            lexicon::overlay(words, &roles, rules.lexicon, rules.opinion);
        }
        if rules.idioms {
            phrases::overlay(text, words, spans, &mut roles);
        }
        let words: &[Word] = words;
        let mut valences = rules::sentiments(words);
        let ctx = Ctx::new(text, words, spans, roles);
        if rules.lexicon {
            lexicon::remedies(&ctx, &mut valences);
        }
        let composed = if rules.direction {
            direction::apply(&ctx, &mut valences)
        } else {
            vec![false; words.len()]
        };
        if rules.comparison {
            comparison::apply(&ctx, &mut valences);
        }
        if rules.orders {
            orders::apply(&ctx, &mut valences);
        }
        if rules.description {
            description::apply(&ctx, &mut valences);
        }
        if rules.reported {
            reported::apply(&ctx, &mut valences);
        }
        if rules.cause {
            cause::apply(&ctx, &mut valences);
        }
        if rules.negation {
            negation::apply(&ctx, &mut valences, &composed);
        }
        if rules.modality {
            modality::apply(&ctx, &mut valences);
        }
        if rules.concession {
            concession::apply(&ctx, &mut valences, &composed);
        }
        if rules.irony {
            irony::apply(&ctx, &mut valences);
        }
        if let (true, Some(t)) = (rules.target, target) {
            target::apply(&ctx, t, &mut valences);
        }
        rules::but_check(words, &mut valences);
        let mut sum: f64 = valences.iter().sum();
        if rules.modality {
            sum += modality::question_lean(text);
        }
        if sum > 0.0 {
            sum += emphasis;
        } else if sum < 0.0 {
            sum -= emphasis;
        }
        let mut score = vader::normalize(sum, vader::ALPHA);
        if !score.is_finite() {
            score = 0.0;
        }
        // The layer learned the tone of whole sentences: toward a target, the rules decide.
        if rules.calibration && target.is_none() {
            let nonzero: Vec<f64> = valences.iter().copied().filter(|&v| v != 0.0).collect();
            score = calibration::built_in().apply(text, score, &nonzero);
        }
        let words = spans
            .iter()
            .zip(&valences)
            .filter(|(_, &v)| v != 0.0)
            .map(|(&(start, end), &valence)| WordTone {
                start,
                end,
                valence,
            })
            .collect();
        SentenceTone { score, words }
    })
}

/// Words that open a new clause (besides punctuation): contrast and subordinating conjunctions.
const CLAUSE_OPENERS: &[&str] = &[
    "after", "although", "amid", "as", "because", "but", "despite", "however", "since", "though",
    "versus", "vs", "whereas", "while", "yet",
];

/// Whether the "as" at word `i` opens a comparison ("is n't as sharp as", "twice as big as")
/// rather than a clause ("as sales slid").
fn comparative_as(words: &[Word], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| &*words[k].lower);
    let is_as = |k: Option<usize>| {
        k.and_then(|k| words.get(k))
            .is_some_and(|w| w.lower == "as")
    };
    // "as sharp as", "as good a film as": the first "as" or the second.
    let second_as = is_as(Some(i + 2))
        || is_as(Some(i + 3))
        || is_as(i.checked_sub(2))
        || is_as(i.checked_sub(3));
    second_as
        || matches!(
            before,
            Some(
                "not"
                    | "n't"
                    | "nor"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "be"
                    | "been"
                    | "'s"
                    | "just"
                    | "nearly"
                    | "almost"
                    | "quite"
                    | "twice"
                    | "half"
                    | "so"
            )
        )
}

/// Whether the text between two adjacent words ends a clause: a comma, semicolon, colon,
/// bracket or dash, or the end of a sentence ("!", "?", "...", or "." after a lowercase word,
/// so that "U.S. stocks" and "Inc. shares" stay one clause). VADER keeps the punctuation of
/// one- and two-letter words ("it,"), so the gap starts at the previous word's last letter.
fn clause_break(text: &str, prev: (usize, usize), next: (usize, usize)) -> bool {
    let breaking = |b: u8| {
        matches!(
            b,
            b',' | b';' | b':' | b'(' | b')' | b'-' | b'.' | b'!' | b'?' | 0xE2
        )
    };
    // Usually one space between plain words: look closer only when a breaking byte is there.
    let prev_word = text.get(prev.0..prev.1).unwrap_or("");
    let last = prev_word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let gap_start = prev.0 + last.len();
    let gap = text.get(gap_start..next.0).unwrap_or("");
    if !gap.bytes().any(breaking) {
        return false;
    }
    if gap.contains([',', ';', ':', '—', '–', '(', ')', '!', '?', '…'])
        || gap.contains(" - ")
        || gap.contains("--")
        || gap.contains("...")
    {
        return true;
    }
    let sentence_word = last.len() >= 2 && last.bytes().all(|b| b.is_ascii_lowercase());
    sentence_word && gap.contains(". ")
}

/// Person titles before a name ([`Ctx::name_after_title`]).
fn person_title(word: &str) -> bool {
    matches!(
        word,
        "ambassador"
            | "bishop"
            | "chancellor"
            | "commissioner"
            | "councillor"
            | "councilor"
            | "dr"
            | "dr."
            | "general"
            | "governor"
            | "judge"
            | "justice"
            | "mayor"
            | "minister"
            | "mr"
            | "mr."
            | "mrs"
            | "mrs."
            | "ms"
            | "ms."
            | "president"
            | "professor"
            | "senator"
    )
}

/// What every rule unit reads: the words, and where clauses begin.
pub(crate) struct Ctx<'c, 'a> {
    /// VADER's words (after the lexicon overlay).
    pub(crate) words: &'c [Word<'a>],
    /// `clause[i]`: the clause number of word `i`, from 0.
    pub(crate) clause: Vec<u32>,
    /// `capital[i]`: word `i` starts with an uppercase letter in the text.
    pub(crate) capital: Vec<bool>,
    /// The sentence, and each word's byte span in it.
    text: &'c str,
    spans: &'c [(usize, usize)],
    /// `special[i]`: some rule unit matches on word `i` ([`roles`]).
    pub(crate) special: Vec<bool>,
    /// `roles[i]`: what the tables say about word `i`.
    pub(crate) roles: Vec<Option<&'static Roles>>,
}

impl<'c, 'a> Ctx<'c, 'a> {
    fn new(
        text: &'c str,
        words: &'c [Word<'a>],
        spans: &'c [(usize, usize)],
        roles: Vec<Option<&'static Roles>>,
    ) -> Self {
        let special: Vec<bool> = roles.iter().map(Option::is_some).collect();
        let mut clause = Vec::with_capacity(words.len());
        let mut n = 0u32;
        for i in 0..words.len() {
            if i > 0 {
                let punct = clause_break(text, spans[i - 1], spans[i]);
                let lower: &str = &words[i].lower;
                let dash = lower.starts_with(['-', '—', '–'])
                    && lower.chars().all(|c| matches!(c, '-' | '—' | '–'));
                let opens = special[i] && CLAUSE_OPENERS.contains(&lower);
                if punct || dash || (opens && !(lower == "as" && comparative_as(words, i))) {
                    n += 1;
                }
            }
            clause.push(n);
        }
        let capital = spans
            .iter()
            .map(|&(s, _)| {
                text.get(s..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_uppercase)
            })
            .collect();
        Ctx {
            words,
            clause,
            capital,
            text,
            spans,
            special,
            roles,
        }
    }

    /// The lowercased word `i`.
    pub(crate) fn lower(&self, i: usize) -> &str {
        &self.words[i].lower
    }

    /// Whether an opening bracket comes right before word `i`. VADER strips a bracket from
    /// words of three letters or more and keeps it on shorter ones.
    pub(crate) fn opens_paren(&self, i: usize) -> bool {
        let (start, end) = self.spans[i];
        self.text.get(..start).is_some_and(|t| t.ends_with('('))
            || self
                .text
                .get(start..end)
                .is_some_and(|w| w.starts_with('('))
    }

    /// The end (exclusive) of word `i`'s clause. A scan: call it only for the words a rule
    /// starts at, not for every word.
    pub(crate) fn clause_end(&self, i: usize) -> usize {
        let n = self.words.len();
        (i + 1..n)
            .find(|&j| self.clause[j] != self.clause[i])
            .unwrap_or(n)
    }

    /// Whether word `i` is a name after a person title ("Ambassador Quell", "Judge Sweet"): no
    /// word of opinion or change, whatever the tables say of it.
    pub(crate) fn name_after_title(&self, i: usize) -> bool {
        i > 0 && self.capital[i] && self.capital[i - 1] && person_title(self.lower(i - 1))
    }

    /// Whether words `i` and `j` are in the same clause.
    pub(crate) fn same_clause(&self, i: usize, j: usize) -> bool {
        self.clause[i] == self.clause[j]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_match_whole_words_only() {
        let list = "loss losses\n    write-down";
        for word in ["loss", "losses", "write-down"] {
            assert!(in_word_list(list, word), "{word}");
        }
        for word in ["los", "oss", "down", ""] {
            assert!(!in_word_list(list, word), "{word:?}");
        }
        assert!(in_word_list("aaa aa", "aa"));
    }

    #[test]
    fn no_rules_is_vaders_compound() {
        let texts = [
            "VADER is smart, handsome, and funny!",
            "Profits rose but the outlook is NOT good :(",
            "Shares plunged 20% after the fraud probe 😢",
            "",
        ];
        for t in texts {
            let ours = score_sentence_with(t, None, &Rules::NONE).score;
            let vader = crate::vader::polarity_scores(t).compound;
            assert!((ours - vader).abs() < 1e-4, "{t:?}: {ours} vs {vader}");
        }
    }

    #[test]
    fn scores_are_finite_in_range_and_words_index_the_text() {
        let texts = [
            "Tesco's profit rose 5%, but costs surged and jobs were cut from 500 to 300.",
            "Costs may fall.",
            "from to from to 1 to",
            "no evidence of",
            "😀 beat estimates 😢!!!",
        ];
        for t in texts {
            for target in [None, Some("Tesco"), Some(""), Some("  ")] {
                let tone = score_sentence(t, target);
                assert!(tone.score.is_finite() && (-1.0..=1.0).contains(&tone.score));
                for w in &tone.words {
                    assert!(t.is_char_boundary(w.start) && t.is_char_boundary(w.end));
                    assert!(w.start < w.end && w.valence != 0.0);
                }
            }
        }
    }

    /// The string literals of a unit's code that are one lowercase word (as the generator reads).
    fn literal_words(source: &str) -> Vec<String> {
        let code = source.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        let mut words = Vec::new();
        for line in code.lines() {
            let line = if line.trim_start().starts_with('"') {
                line
            } else {
                line.split("//").next().unwrap_or("")
            };
            for (k, lit) in line.split('"').enumerate() {
                let word =
                    |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "&'’-".contains(c);
                if k % 2 == 1 && !lit.is_empty() && lit.chars().all(word) {
                    words.push(lit.to_string());
                }
            }
        }
        words
    }

    #[test]
    fn vocab_is_current_with_the_units_sources() {
        let sources = [
            include_str!("mod.rs"),
            include_str!("lexicon.rs"),
            include_str!("direction.rs"),
            include_str!("comparison.rs"),
            include_str!("description.rs"),
            include_str!("modality.rs"),
            include_str!("reported.rs"),
            include_str!("cause.rs"),
            include_str!("negation.rs"),
            include_str!("concession.rs"),
            include_str!("target.rs"),
        ];
        for source in sources {
            for w in literal_words(source) {
                if vocab::CONTEXT_ONLY.contains(&w.as_str()) {
                    continue;
                }
                assert!(
                    in_vocab(&w),
                    "{w:?} is missing: run python3 scripts/gen_news_vocab.py"
                );
            }
        }
        assert!(!in_vocab("zebra") && !in_vocab(""));
    }

    #[test]
    fn opinion_words_fill_vaders_gaps_only() {
        for pair in opinion::OPINION_LEXICON.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for pair in opinion::MANNER_ADVERBS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for pair in prefixed::UN_PREFIXED.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for pair in editorial::EDITORIAL_LEXICON.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for &(w, v) in opinion::OPINION_LEXICON
            .iter()
            .chain(opinion::MANNER_ADVERBS)
            .chain(prefixed::UN_PREFIXED)
            .chain(editorial::EDITORIAL_LEXICON)
        {
            assert!(v != 0.0 && (-4.0..=4.0).contains(&v), "{w}");
            assert!(Word::new(w).lex.is_none(), "{w} is in VADER's lexicon");
            assert!(!vocab::VOCAB.contains(&w), "{w} is a unit's word");
        }
        let only = Rules {
            opinion: true,
            ..Rules::NONE
        };
        for (text, good) in [
            ("The plot is banal and tedious", false),
            ("A riveting, witty film", true),
            ("The cast is superbly chosen and deftly directed", true),
            ("The firm was poorly run", false),
            // The team-rated editorial words.
            (
                "The rollout was botched and the minister stonewalled",
                false,
            ),
            ("A sensible, even-handed budget", true),
            // The team-rated review words.
            ("A plodding, mawkish and overlong sequel", false),
            ("A taut, propulsive and luminous debut", true),
        ] {
            assert_eq!(
                score_sentence_with(text, None, &Rules::NONE).score,
                0.0,
                "{text:?}"
            );
            let s = score_sentence_with(text, None, &only).score;
            assert!(if good { s > 0.3 } else { s < -0.3 }, "{text:?}: {s}");
        }
    }

    #[test]
    fn plain_senses_in_news_stay_out_of_the_review_words() {
        // "Turkey", "a tender offer", "affecting 150 jobs": reviewed out of the generated table.
        for word in ["turkey", "tender", "affecting", "dated", "generic"] {
            assert!(
                !editorial::EDITORIAL_LEXICON.iter().any(|(w, _)| *w == word),
                "{word}"
            );
        }
    }

    #[test]
    fn rules_without() {
        let r = Rules::ALL.without(Rules::UNITS[3].1);
        assert_eq!(Rules::UNITS[9].0, "cause");
        assert!(!r.direction && r.lexicon && r.target);
        assert_eq!(Rules::ALL.without(Rules::ALL), Rules::NONE);
    }

    #[test]
    fn clauses_break_at_punctuation_and_conjunctions() {
        let text = "Profit rose, costs fell as sales slid - shares gained";
        vader::with_words(text, |words, spans, _| {
            let roles = words.iter().map(|w| roles(&w.lower)).collect();
            let ctx = Ctx::new(text, words, spans, roles);
            assert_eq!(ctx.clause, vec![0, 0, 1, 1, 2, 2, 2, 3, 3, 3]);
        });
    }

    #[test]
    fn clauses_break_at_sentence_ends_and_short_words_commas() {
        let clauses = |text: &str| {
            vader::with_words(text, |words, spans, _| {
                let roles = words.iter().map(|w| roles(&w.lower)).collect();
                Ctx::new(text, words, spans, roles).clause
            })
        };
        // "it," keeps its comma in VADER's words; "done." ends a sentence; "!" and "..." too.
        assert_eq!(clauses("I want it, they said"), vec![0, 0, 0, 1, 1]);
        assert_eq!(clauses("It is done. Then we left"), vec![0, 0, 0, 1, 1, 1]);
        assert_eq!(clauses("Great! Thanks... see you"), vec![0, 1, 2, 2]);
        // A comparison's "as" opens no clause; a clause's "as" does.
        assert_eq!(clauses("It is not as sharp as before"), vec![0; 7]);
        assert_eq!(clauses("Costs fell as sales slid"), vec![0, 0, 1, 1, 1]);
        assert!(score_sentence("The sequel is not as funny as the original", None).score < -0.05);
        // Abbreviations do not end a sentence.
        assert_eq!(clauses("U.S. stocks rose"), vec![0, 0, 0]);
        assert_eq!(clauses("Apple Inc. shares rose"), vec![0, 0, 0, 0]);
    }
}
