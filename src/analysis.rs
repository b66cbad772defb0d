//! Article analysis: sentences scored by the news engine, aggregated into one graded article score,
//! with the sentences and words that drove it.
//!
//! # The article score
//!
//! VADER's compound normalises the *sum* of all word valences, `x / sqrt(x² + 15)`, so any long text
//! with a leaning drifts to ±1. Undertone instead scores each sentence (and the title) on its own and
//! takes a weighted mean of the sentence compounds `c`:
//!
//! ```text
//! score = Σ wᵢ·cᵢ / Σ wᵢ        wᵢ = (1 + OPINION_WEIGHT·|cᵢ|) · positionᵢ
//! positionᵢ = TITLE_WEIGHT for the title, LEAD_WEIGHT for the text's first sentence, else 1
//! ```
//!
//! * A mean cannot saturate: it reaches ±1 only when every sentence does.
//! * Opinionated sentences weigh more than neutral ones (a 0.8 sentence counts 1.8 times a 0.0 one
//!   with `OPINION_WEIGHT = 1`), so one strong paragraph in a long, flat report still registers,
//!   but a long neutral report stays near neutral.
//! * The title counts as [`TITLE_WEIGHT`] sentences and the lead sentence as [`LEAD_WEIGHT`]:
//!   news is written top-down, and readers weigh the headline and the lead that way.
//!
//! The constants are round numbers, not fitted: on the development reviews every setting of them
//! between 0 and 2 lands within 0.01 of the plain mean's correlation (`undertone eval` prints both).
//! * Cost is one pass over the sentences: linear in text length.
//!
//! * Toward a target ([`Options::target`]): each sentence is scored toward it, and when the title
//!   or some sentence names it, the sentences that do not weigh [`news::OTHER_WEIGHT`] as much.
//!
//! Each sentence's `contribution` is `wᵢ·cᵢ / Σ w`; the contributions sum to the score, so they say
//! exactly how much each sentence moved the verdict.

use crate::bands::Band;
use crate::text;
use crate::{news, vader};
use serde::Serialize;
use std::collections::HashMap;

/// How much more an opinionated sentence weighs than a neutral one (see the module docs).
pub const OPINION_WEIGHT: f64 = 1.0;
/// How many sentences the title counts as.
pub const TITLE_WEIGHT: f64 = 2.0;
/// How many sentences the lead (the text's first sentence) counts as.
pub const LEAD_WEIGHT: f64 = 2.0;
/// How many driving sentences are reported each way.
pub const DRIVING_SENTENCES: usize = 3;
/// How many driving words are reported each way.
pub const DRIVING_WORDS: usize = 6;
/// Below this share of Latin letters among all letters, the text is flagged as probably not English.
pub const MIN_LATIN_SHARE: f64 = 0.6;

/// Which scorer produces the article score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Engine {
    /// Sentences scored by the news engine ([`crate::news`]), aggregated by Undertone's weighted
    /// mean (the default).
    #[default]
    Undertone,
    /// VADER's own compound over the whole text (title + text), for comparison. Saturates on long texts.
    Vader,
    /// The default engine without its learned layer ([`news::calibration`]): the rules alone,
    /// for measuring what the layer buys and for training it.
    Rules,
}

impl Engine {
    /// Parses an engine name (`"undertone"` or `"vader"`).
    pub fn from_name(name: &str) -> Option<Engine> {
        match name {
            "undertone" => Some(Engine::Undertone),
            "vader" => Some(Engine::Vader),
            "rules" => Some(Engine::Rules),
            _ => None,
        }
    }
}

/// Options for [`analyze_with`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The article title, scored as a weighted sentence of its own.
    pub title: Option<&'a str>,
    /// Which engine gives the article score.
    pub engine: Engine,
    /// A company or person named in the text: the default engine then scores the sentiment toward
    /// it (its name carries no sentiment, and sentences and clauses that do not mention it weigh
    /// [`news::OTHER_WEIGHT`]). Ignored by [`Engine::Vader`].
    pub target: Option<&'a str>,
    /// Leave [`Analysis::entities`] empty: for callers that only want the score (batch scoring,
    /// evaluation), since finding entities costs more than scoring.
    pub skip_entities: bool,
}

/// The unit offsets are counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OffsetUnit {
    /// UTF-8 bytes (inside the crate).
    Utf8,
    /// Unicode code points (the command line).
    CodePoint,
    /// UTF-16 code units (JavaScript string indices; the wasm API).
    Utf16,
}

/// A word that moved a sentence's score.
#[derive(Debug, Clone, Serialize)]
pub struct TokenScore {
    /// Start offset in the text the sentence belongs to.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The word as VADER saw it.
    pub text: String,
    /// Its valence after VADER's rules, on the lexicon scale (about -4..4).
    pub valence: f64,
}

/// One scored sentence (or the title).
#[derive(Debug, Clone, Serialize)]
pub struct SentenceScore {
    /// Start offset in the input (for the title: in the title string).
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// Paragraph index, from 0 (the title is paragraph 0 of its own string).
    pub paragraph: usize,
    /// The sentence text.
    pub text: String,
    /// The sentence score in [-1, 1]: the news engine's ([`crate::news`]), or VADER's compound
    /// with [`Engine::Vader`].
    pub score: f64,
    /// Band of `score`.
    pub band: Band,
    /// How much this sentence moved the article score; all contributions sum to the score.
    pub contribution: f64,
    /// The words that moved it, in text order.
    pub tokens: Vec<TokenScore>,
}

/// A word aggregated over the article.
#[derive(Debug, Clone, Serialize)]
pub struct WordDriver {
    /// The word, lowercased.
    pub word: String,
    /// Its summed share of the article score (same sign convention as the score).
    pub contribution: f64,
    /// How many times it moved a sentence.
    pub count: usize,
}

/// What drove the verdict, both ways.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Drivers {
    /// Indices into [`Analysis::sentences`] of the most positive contributions, strongest first.
    pub positive_sentences: Vec<usize>,
    /// Indices into [`Analysis::sentences`] of the most negative contributions, strongest first.
    pub negative_sentences: Vec<usize>,
    /// The words with the largest positive contribution, strongest first.
    pub positive_words: Vec<WordDriver>,
    /// The words with the largest negative contribution, strongest first.
    pub negative_words: Vec<WordDriver>,
}

/// Counts over the input.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    /// Sentences in the text (the title not included).
    pub sentences: usize,
    /// Word tokens in the text.
    pub words: usize,
    /// Paragraphs in the text.
    pub paragraphs: usize,
    /// Words whose valence was non-zero, title included.
    pub sentiment_words: usize,
}

/// Something the reader should know about the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Notice {
    /// There was no text to score: the result is neutral.
    Empty,
    /// Most letters are not Latin: the English lexicon cannot judge this text.
    NotEnglish,
    /// No word carried sentiment: neutral by absence, not by balance.
    NoSentimentWords,
}

/// The result of analysing a text.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// The engine that produced `score`.
    pub engine: Engine,
    /// The article score in [-1, 1].
    pub score: f64,
    /// Band of `score`.
    pub band: Band,
    /// English label of `band`, e.g. "mildly positive".
    pub label: &'static str,
    /// The scored title, when one was given and not blank.
    pub title: Option<SentenceScore>,
    /// Every sentence of the text, in order.
    pub sentences: Vec<SentenceScore>,
    /// The sentences and words that drove the score.
    pub drivers: Drivers,
    /// Counts.
    pub stats: Stats,
    /// Caveats about this result.
    pub notices: Vec<Notice>,
    /// The people, organisations and places the text is about, most salient first, each with
    /// the tone toward it (see [`mod@crate::entities`]).
    pub entities: Vec<crate::Entity>,
    /// The unit of every offset in this result.
    pub offsets: OffsetUnit,
}

/// Analyses `text` with the default engine and no title.
///
/// ```
/// let result = undertone::analyze("The rescue was a wonderful success. Everyone was safe.");
/// assert!(result.score > 0.0);
/// assert_eq!(result.sentences.len(), 2);
/// ```
pub fn analyze(text: &str) -> Analysis {
    analyze_with(text, &Options::default())
}

/// Analyses `text` with a title and an engine. Never panics; empty text is a neutral result.
pub fn analyze_with(text: &str, options: &Options) -> Analysis {
    let title = options.title.map(str::trim).filter(|t| !t.is_empty());
    let target = match options.engine {
        Engine::Undertone | Engine::Rules => options.target.filter(|t| !t.trim().is_empty()),
        Engine::Vader => None,
    };
    let scorer = Scorer {
        engine: options.engine,
        target,
    };

    let mut splitter = text::sentences(text);
    let mut sentences: Vec<SentenceScore> = splitter
        .by_ref()
        .map(|s| scorer.score(text, s.start, s.end, s.paragraph))
        .collect();
    let words = splitter.words();
    let mut title_score = title.map(|t| {
        let offset = options
            .title
            .map_or(0, |raw| raw.len() - raw.trim_start().len());
        scorer.score(options.title.unwrap_or(t), offset, offset + t.len(), 0)
    });

    // Toward a target: when some sentence (or the title) names it, the others weigh less.
    let mentions: Vec<bool> = sentences
        .iter()
        .map(|s| target.is_some_and(|t| news::mentions_target(&s.text, t)))
        .collect();
    let title_mentions = title_score
        .as_ref()
        .is_some_and(|s| target.is_some_and(|t| news::mentions_target(&s.text, t)));
    let any_mention = title_mentions || mentions.contains(&true);
    let focus = |mentioned: bool| {
        if any_mention && !mentioned {
            news::OTHER_WEIGHT
        } else {
            1.0
        }
    };
    let opinion = |s: &SentenceScore| 1.0 + OPINION_WEIGHT * s.score.abs();
    let position = |i: usize| if i == 0 { LEAD_WEIGHT } else { 1.0 };
    let weight = |i: usize, s: &SentenceScore| position(i) * opinion(s) * focus(mentions[i]);
    let title_weight = |t: &SentenceScore| TITLE_WEIGHT * opinion(t) * focus(title_mentions);
    let total_weight: f64 = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| weight(i, s))
        .sum::<f64>()
        + title_score.as_ref().map_or(0.0, title_weight);
    if total_weight > 0.0 {
        for (i, s) in sentences.iter_mut().enumerate() {
            s.contribution = weight(i, s) * s.score / total_weight;
        }
        if let Some(t) = &mut title_score {
            t.contribution = title_weight(t) * t.score / total_weight;
        }
    }

    let score = match options.engine {
        Engine::Undertone | Engine::Rules => {
            let sum: f64 = sentences.iter().map(|s| s.contribution).sum::<f64>()
                + title_score.as_ref().map_or(0.0, |t| t.contribution);
            sum.clamp(-1.0, 1.0)
        }
        Engine::Vader => {
            let whole = match title {
                Some(t) => format!("{t}\n{text}"),
                None => text.to_string(),
            };
            vader::polarity_scores(&whole).compound
        }
    };
    let band = Band::of(score);

    let stats = Stats {
        sentences: sentences.len(),
        words,
        paragraphs: sentences.last().map_or(0, |s| s.paragraph + 1),
        sentiment_words: sentences
            .iter()
            .chain(title_score.iter())
            .map(|s| s.tokens.len())
            .sum(),
    };
    let notices = notices_for(text, title, &stats);
    let drivers = drivers_of(&sentences, title_score.as_ref());

    Analysis {
        engine: options.engine,
        score,
        band,
        label: band.label(),
        title: title_score,
        sentences,
        drivers,
        stats,
        notices,
        // Offsets of title mentions index the title exactly as given.
        // Without the `entities` feature the branch below is dead, so the model is not linked.
        entities: if options.skip_entities || !cfg!(feature = "entities") {
            Vec::new()
        } else {
            crate::entities::entities(text, title.and(options.title))
        },
        offsets: OffsetUnit::Utf8,
    }
}

/// Scores one sentence: the news engine for [`Engine::Undertone`], VADER for [`Engine::Vader`].
struct Scorer<'a> {
    engine: Engine,
    target: Option<&'a str>,
}

impl Scorer<'_> {
    fn score(&self, source: &str, start: usize, end: usize, paragraph: usize) -> SentenceScore {
        let sentence = &source[start..end];
        let (score, words): (f64, Vec<(usize, usize, f64)>) = match self.engine {
            Engine::Undertone | Engine::Rules => {
                let rules = match self.engine {
                    Engine::Rules => news::Rules::RULES_ONLY,
                    _ => news::Rules::ALL,
                };
                let tone = news::score_sentence_with(sentence, self.target, &rules);
                let words = tone.words.iter().map(|w| (w.start, w.end, w.valence));
                (tone.score, words.collect())
            }
            Engine::Vader => {
                let (scores, words) = vader::polarity_scores_explained(sentence);
                let words = words.iter().map(|w| (w.start, w.end, w.valence));
                (scores.compound, words.collect())
            }
        };
        let tokens = words
            .into_iter()
            .map(|(s, e, valence)| TokenScore {
                start: start + s,
                end: start + e,
                text: sentence[s..e].to_string(),
                valence,
            })
            .collect();
        SentenceScore {
            start,
            end,
            paragraph,
            text: sentence.to_string(),
            score,
            band: Band::of(score),
            contribution: 0.0,
            tokens,
        }
    }
}

fn notices_for(text: &str, title: Option<&str>, stats: &Stats) -> Vec<Notice> {
    let mut notices = Vec::new();
    if text.trim().is_empty() && title.is_none() {
        notices.push(Notice::Empty);
        return notices;
    }
    let (mut letters, mut latin) = (0usize, 0usize);
    for c in text.chars().chain(title.unwrap_or("").chars()) {
        if c.is_alphabetic() {
            letters += 1;
            // Basic Latin, Latin-1 and Latin Extended blocks.
            if (c as u32) < 0x0250 {
                latin += 1;
            }
        }
    }
    if letters > 0 && (latin as f64) < MIN_LATIN_SHARE * letters as f64 {
        notices.push(Notice::NotEnglish);
    }
    if stats.sentiment_words == 0 {
        notices.push(Notice::NoSentimentWords);
    }
    notices
}

fn drivers_of(sentences: &[SentenceScore], title: Option<&SentenceScore>) -> Drivers {
    let mut by_contribution: Vec<usize> = (0..sentences.len()).collect();
    by_contribution.sort_by(|&a, &b| {
        sentences[b]
            .contribution
            .total_cmp(&sentences[a].contribution)
            .then(a.cmp(&b))
    });
    let positive_sentences = by_contribution
        .iter()
        .copied()
        .filter(|&i| sentences[i].contribution > 0.0)
        .take(DRIVING_SENTENCES)
        .collect();
    let negative_sentences = by_contribution
        .iter()
        .rev()
        .copied()
        .filter(|&i| sentences[i].contribution < 0.0)
        .take(DRIVING_SENTENCES)
        .collect();

    // A word's share: its sentence's |contribution| split over the sentence's words by |valence|,
    // signed by the word's own valence.
    let mut words: HashMap<String, (f64, usize, usize)> = HashMap::new();
    for s in title.into_iter().chain(sentences) {
        let total: f64 = s.tokens.iter().map(|t| t.valence.abs()).sum();
        if total <= 0.0 {
            continue;
        }
        for t in &s.tokens {
            let share = s.contribution.abs() * t.valence / total;
            let order = words.len();
            let entry = words
                .entry(t.text.to_lowercase())
                .or_insert((0.0, 0, order));
            entry.0 += share;
            entry.1 += 1;
        }
    }
    let mut ranked: Vec<(String, f64, usize, usize)> = words
        .into_iter()
        .map(|(w, (c, n, order))| (w, c, n, order))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.3.cmp(&b.3)));
    let to_driver = |(word, contribution, count, _): &(String, f64, usize, usize)| WordDriver {
        word: word.clone(),
        contribution: *contribution,
        count: *count,
    };
    let positive_words = ranked
        .iter()
        .filter(|w| w.1 > 0.0)
        .take(DRIVING_WORDS)
        .map(to_driver)
        .collect();
    let negative_words = ranked
        .iter()
        .rev()
        .filter(|w| w.1 < 0.0)
        .take(DRIVING_WORDS)
        .map(to_driver)
        .collect();

    Drivers {
        positive_sentences,
        negative_sentences,
        positive_words,
        negative_words,
    }
}

impl Analysis {
    /// Rewrites every offset from UTF-8 bytes into `unit`. `text` and `title` must be the strings
    /// this result was computed from. Linear in their length.
    pub fn convert_offsets(&mut self, text: &str, title: Option<&str>, unit: OffsetUnit) {
        if unit == self.offsets || self.offsets != OffsetUnit::Utf8 {
            return;
        }
        let text_map = OffsetMap::new(text, unit);
        for s in &mut self.sentences {
            text_map.apply(s);
        }
        if let (Some(t), Some(title)) = (&mut self.title, title) {
            OffsetMap::new(title, unit).apply(t);
        }
        crate::entities::convert_offsets(&mut self.entities, text, title, unit);
        self.offsets = unit;
    }
}

/// Byte offset → unit offset, for every char boundary of one string.
struct OffsetMap {
    units_at_byte: Vec<u32>,
}

impl OffsetMap {
    fn new(s: &str, unit: OffsetUnit) -> OffsetMap {
        let mut units_at_byte = vec![0u32; s.len() + 1];
        let mut units = 0u32;
        for (i, c) in s.char_indices() {
            units_at_byte[i] = units;
            units += match unit {
                OffsetUnit::Utf8 => c.len_utf8() as u32,
                OffsetUnit::CodePoint => 1,
                OffsetUnit::Utf16 => c.len_utf16() as u32,
            };
        }
        units_at_byte[s.len()] = units;
        OffsetMap { units_at_byte }
    }

    fn at(&self, byte: usize) -> usize {
        self.units_at_byte.get(byte).copied().unwrap_or(0) as usize
    }

    fn apply(&self, s: &mut SentenceScore) {
        s.start = self.at(s.start);
        s.end = self.at(s.end);
        for t in &mut s.tokens {
            t.start = self.at(t.start);
            t.end = self.at(t.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(text: &str) -> f64 {
        analyze(text).score
    }

    #[test]
    fn long_one_sided_text_stays_at_sentence_level_instead_of_saturating() {
        let sentence = "The new park is nice.";
        let one = score(sentence);
        let long = score(&[sentence; 60].join(" "));
        let vader_whole = analyze_with(
            &[sentence; 60].join(" "),
            &Options {
                engine: Engine::Vader,
                ..Default::default()
            },
        )
        .score;
        assert!(one > 0.05);
        assert!(
            (long - one).abs() < 1e-9,
            "mean of equal sentences is that sentence: {long} vs {one}"
        );
        assert!(
            vader_whole > 0.99,
            "the whole-text compound saturates: {vader_whole}"
        );
    }

    #[test]
    fn neutral_sentences_dilute_but_do_not_erase_a_strong_one() {
        let strong = "The rescue was a wonderful, joyful success.";
        let flat = "The meeting was held on Tuesday in the town hall.";
        let mixed = format!("{strong} {}", [flat; 9].join(" "));
        let s = score(&mixed);
        let plain_mean = score(strong) / 10.0;
        assert!(
            s > plain_mean,
            "opinion weighs more than flat report: {s} vs {plain_mean}"
        );
        assert!(s < score(strong));
    }

    #[test]
    fn balanced_text_is_near_neutral() {
        // A flat lead, so that the lead weight favours neither side.
        let s = score(
            "The show opened on Sunday. The first act was wonderful. The second act was terrible.",
        );
        assert!(s.abs() < 0.15, "{s}");
    }

    #[test]
    fn title_counts_more_than_one_sentence() {
        let text = "The vote took place on Monday. Results were published later.";
        let with_good = analyze_with(
            text,
            &Options {
                title: Some("A great win for the town"),
                ..Default::default()
            },
        );
        let with_bad = analyze_with(
            text,
            &Options {
                title: Some("A terrible loss for the town"),
                ..Default::default()
            },
        );
        assert!(with_good.score > 0.05 && with_bad.score < -0.05);
        assert!(with_good.title.as_ref().unwrap().contribution > 0.0);
    }

    #[test]
    fn contributions_sum_to_the_score() {
        let a = analyze_with(
            "Prices fell sharply. Investors were happy anyway! Some analysts warned of a crisis.",
            &Options {
                title: Some("Markets shrug off bad news"),
                ..Default::default()
            },
        );
        let sum: f64 = a.sentences.iter().map(|s| s.contribution).sum::<f64>()
            + a.title.as_ref().unwrap().contribution;
        assert!((sum - a.score).abs() < 1e-12, "{sum} vs {}", a.score);
    }

    #[test]
    fn drivers_name_the_strongest_sentences_and_words_each_way() {
        let a = analyze(
            "The weather was fine. The celebration was amazing and joyful. The crash was horrible.",
        );
        assert_eq!(a.drivers.positive_sentences.first(), Some(&1));
        assert_eq!(a.drivers.negative_sentences.first(), Some(&2));
        let pos: Vec<&str> = a
            .drivers
            .positive_words
            .iter()
            .map(|w| w.word.as_str())
            .collect();
        let neg: Vec<&str> = a
            .drivers
            .negative_words
            .iter()
            .map(|w| w.word.as_str())
            .collect();
        assert!(
            pos.contains(&"amazing") && pos.contains(&"joyful"),
            "{pos:?}"
        );
        assert_eq!(neg.first(), Some(&"horrible"), "{neg:?}");
        assert!(!neg.contains(&"fine") && !pos.contains(&"horrible"));
    }

    #[test]
    fn tokens_carry_offsets_into_the_input() {
        let text = "Calm start.\n\nThen a truly awful end.";
        let a = analyze(text);
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(a.sentences[1].paragraph, 1);
        let t = a.sentences[1]
            .tokens
            .iter()
            .find(|t| t.text == "awful")
            .expect("awful moved the score");
        assert_eq!(&text[t.start..t.end], "awful");
        assert!(t.valence < 0.0);
    }

    #[test]
    fn notices_explain_neutral_results() {
        struct Case {
            name: &'static str,
            text: &'static str,
            notice: Notice,
        }
        let cases = [
            Case {
                name: "empty",
                text: "",
                notice: Notice::Empty,
            },
            Case {
                name: "blank",
                text: " \n\t ",
                notice: Notice::Empty,
            },
            Case {
                name: "russian",
                text: "Москва приняла решение о переговорах.",
                notice: Notice::NotEnglish,
            },
            Case {
                name: "chinese",
                text: "北京今天宣布了新的政策。",
                notice: Notice::NotEnglish,
            },
            Case {
                name: "flat",
                text: "The meeting is on Tuesday at noon.",
                notice: Notice::NoSentimentWords,
            },
        ];
        for case in cases {
            let a = analyze(case.text);
            assert!(
                a.notices.contains(&case.notice),
                "{}: {:?}",
                case.name,
                a.notices
            );
            assert_eq!(a.band, Band::Neutral, "{}", case.name);
        }
        assert!(analyze("A wonderful day in Zürich.").notices.is_empty());
    }
}
