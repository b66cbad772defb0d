//! The learned part of the recogniser: an averaged perceptron that tags the crate's tokens
//! with BIO labels (`O`, `B-PER`, `I-PER`, `B-ORG`, …), decoded greedily left to right.
//!
//! It sees what the rules see and what they decided: the lowercase word, its shape, prefix
//! and suffix, the neighbouring words and shapes, the table memberships of the word and its
//! neighbours (titles before, legal forms and speech verbs after), the position in the
//! sentence, whether the sentence is a headline, whether the document also writes the word in
//! lowercase or capitalised mid-sentence, the rules' label for the token (with its strength),
//! and the previous predicted labels. Features are hashed into `2^bucket_bits` buckets; each
//! bucket holds one quantized weight (`i8`) per label. The quantization is logarithmic
//! (`w = sign(q) · β · (e^{|q|/α} − 1)`), because perceptron weights span four orders of
//! magnitude (the bias against a rare word's weight): a linear `i8` scale rounds most of them
//! to zero.
//!
//! The rules keep the last word on junk: a model span made only of plain words (months,
//! pronouns, common words), without a capitalised word, or in a boilerplate line is dropped
//! unless the rules found exactly that span.
//!
//! # File format (version [`FORMAT_VERSION`])
//!
//! All integers little-endian:
//!
//! | bytes | what |
//! |---|---|
//! | 8 | magic `UTNERPM\0` |
//! | 4 | format version (`u32`) |
//! | 4 | feature set version (`u32`, [`FEATURE_VERSION`]) |
//! | 4 | `bucket_bits` (`u32`) |
//! | 4 | number of labels (`u32`, 7) |
//! | 4 | α (`f32`) |
//! | 4 | β (`f32`): a weight is `sign(q) · β · (e^{|q|/α} − 1)` for the byte `q` read as `i8` |
//! | `7 << bucket_bits` | the weights, bucket-major, one `i8` per label |
//!
//! The shipped model (`model.bin`) is written by `examples/train_ner.rs`; see there for the
//! corpora and `licenses/entities-model.md` for their attribution.

use std::fmt;
use std::sync::OnceLock;

use super::recognize::{self as rc, Doc, RuleMentions, Strength};
use super::table::{self as tb, hash_bytes, FxSet};
use super::{EntityKind, EntityMention, Parts};
use crate::text::TokenKind;

/// The magic at the start of a model file.
pub const MAGIC: &[u8; 8] = b"UTNERPM\0";
/// The version of the file layout this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;
/// The version of the feature templates: a model trained with other templates is rejected.
pub const FEATURE_VERSION: u32 = 2;
const HEADER_BYTES: usize = 32;
/// Number of labels: O and B/I for each of the three types.
pub const LABELS: usize = 7;
/// Default number of hash bits for the feature buckets (the shipped model's size is
/// `LABELS << DEFAULT_BUCKET_BITS` bytes plus the header).
pub const DEFAULT_BUCKET_BITS: u32 = 17;

/// The embedded model, written by `cargo run --release --example train_ner -- ../shared/data`.
static EMBEDDED: &[u8] = include_bytes!("model.bin");

/// Why a model file was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    TooShort,
    BadMagic,
    Version(u32),
    Features(u32),
    Shape,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::TooShort => write!(f, "model file too short"),
            ErrorKind::BadMagic => write!(f, "not an undertone entity model (bad magic)"),
            ErrorKind::Version(v) => write!(
                f,
                "unsupported model format version {v} (this build reads {FORMAT_VERSION})"
            ),
            ErrorKind::Features(v) => write!(
                f,
                "model trained with feature set {v} (this build computes {FEATURE_VERSION})"
            ),
            ErrorKind::Shape => write!(f, "model size does not match its header"),
        }
    }
}

impl std::error::Error for ModelError {}

/// A tagging model: quantized weights per hashed feature and label.
#[derive(Clone, PartialEq)]
pub struct Model {
    bucket_bits: u32,
    alpha: f32,
    beta: f32,
    weights: Vec<i8>,
    /// The dequantized weights for recognition: per bucket, one `i16` per label (padded to
    /// eight for aligned loads), scaled so the largest is `i16::MAX`.
    dense: Vec<[i16; 8]>,
}

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("bucket_bits", &self.bucket_bits)
            .field("alpha", &self.alpha)
            .field("beta", &self.beta)
            .finish_non_exhaustive()
    }
}

impl Model {
    /// Reads a model file.
    ///
    /// # Errors
    ///
    /// When the bytes are not a model of this format version and feature set.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let err = |kind| Err(ModelError { kind });
        if bytes.len() < HEADER_BYTES {
            return err(ErrorKind::TooShort);
        }
        if &bytes[..8] != MAGIC {
            return err(ErrorKind::BadMagic);
        }
        let u32_at =
            |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        let version = u32_at(8);
        if version != FORMAT_VERSION {
            return err(ErrorKind::Version(version));
        }
        let features = u32_at(12);
        if features != FEATURE_VERSION {
            return err(ErrorKind::Features(features));
        }
        let bucket_bits = u32_at(16);
        let labels = u32_at(20);
        let alpha = f32::from_bits(u32_at(24));
        let beta = f32::from_bits(u32_at(28));
        let positive = |x: f32| x.is_finite() && x > 0.0;
        if !(4..=24).contains(&bucket_bits)
            || labels as usize != LABELS
            || !positive(alpha)
            || !positive(beta)
            || bytes.len() != HEADER_BYTES + (LABELS << bucket_bits)
        {
            return err(ErrorKind::Shape);
        }
        Ok(Model::new(
            bucket_bits,
            alpha,
            beta,
            bytes[HEADER_BYTES..].iter().map(|&b| b as i8).collect(),
        ))
    }

    fn new(bucket_bits: u32, alpha: f32, beta: f32, weights: Vec<i8>) -> Model {
        let dequant =
            |q: i8| beta * ((f32::from(q).abs() / alpha).exp() - 1.0) * f32::from(q.signum());
        let max = dequant(127).max(f32::MIN_POSITIVE);
        let mut lut = [0i16; 256];
        for (b, slot) in lut.iter_mut().enumerate() {
            *slot = (dequant(b as u8 as i8) / max * f32::from(i16::MAX)).round() as i16;
        }
        let dense = weights
            .chunks_exact(LABELS)
            .map(|w| {
                let mut d = [0i16; 8];
                for (d, &q) in d.iter_mut().zip(w) {
                    *d = lut[q as u8 as usize];
                }
                d
            })
            .collect();
        Model {
            bucket_bits,
            alpha,
            beta,
            weights,
            dense,
        }
    }

    /// The model file: header and weights (see the module documentation).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_BYTES + self.weights.len());
        out.extend_from_slice(MAGIC);
        for v in [
            FORMAT_VERSION,
            FEATURE_VERSION,
            self.bucket_bits,
            LABELS as u32,
        ] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.alpha.to_bits().to_le_bytes());
        out.extend_from_slice(&self.beta.to_bits().to_le_bytes());
        out.extend(self.weights.iter().map(|&w| w as u8));
        out
    }

    /// Size of the model file in bytes.
    pub fn size_bytes(&self) -> usize {
        HEADER_BYTES + self.weights.len()
    }

    fn mask(&self) -> u64 {
        (1u64 << self.bucket_bits) - 1
    }
}

/// The model embedded in the crate, read once.
///
/// # Errors
///
/// When the embedded file is not a valid model (a build with a stale `model.bin`).
pub fn embedded() -> Result<&'static Model, ModelError> {
    static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(EMBEDDED))
        .as_ref()
        .map_err(Clone::clone)
}

/// Size in bytes of the embedded model file.
pub fn embedded_size() -> usize {
    EMBEDDED.len()
}

/// The label of a type and position: 1 + 2 × type + (0 for B, 1 for I); 0 is O.
fn label(kind: EntityKind, inside: bool) -> usize {
    1 + 2 * kind.index() + inside as usize
}

fn label_kind(l: usize) -> Option<EntityKind> {
    match l {
        1 | 2 => Some(EntityKind::Person),
        3 | 4 => Some(EntityKind::Organization),
        5 | 6 => Some(EntityKind::Location),
        _ => None,
    }
}

/// Whether label `l` may follow label `prev` (an I- only continues its own type).
fn allowed(prev: usize, l: usize) -> bool {
    l == 0 || l % 2 == 1 || (prev != 0 && label_kind(prev) == label_kind(l))
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

fn mix(a: u64, b: u64) -> u64 {
    let mut h = (a.rotate_left(23) ^ b).wrapping_mul(K);
    h ^= h >> 31;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 29)
}

/// Feature template ids (part of [`FEATURE_VERSION`]).
mod t {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const SHAPE: u64 = 3;
    pub const PREFIX: u64 = 4;
    pub const SUFFIX: u64 = 5;
    pub const PREV_WORD: u64 = 6;
    pub const NEXT_WORD: u64 = 7;
    pub const PREV2_WORD: u64 = 8;
    pub const NEXT2_WORD: u64 = 9;
    pub const PREV_SHAPE_SHAPE: u64 = 10;
    pub const SHAPE_NEXT_SHAPE: u64 = 11;
    pub const FLAG: u64 = 12;
    pub const PREV_FLAG: u64 = 13;
    pub const NEXT_FLAG: u64 = 14;
    pub const POSITION: u64 = 15;
    pub const DOC_CASE: u64 = 16;
    pub const RULE: u64 = 17;
    pub const PREV_RULE: u64 = 18;
    pub const NEXT_RULE: u64 = 19;
    pub const RULE_SHAPE: u64 = 20;
    pub const PREV_LABEL: u64 = 21;
    pub const PREV_LABEL_SHAPE: u64 = 22;
    pub const PREV2_LABELS: u64 = 23;
    pub const PREV_LABEL_WORD: u64 = 24;
    pub const WORD_SHAPE: u64 = 25;
}

/// Flags worth a feature of their own, on the token and its neighbours.
const FEATURE_FLAGS: &[tb::Flags] = &[
    tb::COUNTRY,
    tb::CITY,
    tb::REGION,
    tb::FIRST_NAME,
    tb::ORG_SUFFIX,
    tb::COMMON,
    tb::PERSON_TITLE,
    tb::ORG_WORD,
    tb::LOC_LAST,
    tb::LOC_FIRST,
    tb::NAME_PARTICLE,
    tb::NAME_CONNECTOR,
    tb::CALENDAR,
    tb::NEVER,
    tb::FUNCTION,
    tb::DEMONYM,
    tb::ORG_NAME,
    tb::LOC_EXTRA,
    tb::AGENCY,
    tb::EVENT_LAST,
    tb::PLACE_MODIFIER,
    tb::ORG_ACRONYM,
    tb::LOC_ALIAS,
    tb::PLACE_PREPOSITION,
    tb::SPEECH_VERB,
];

/// Per-token hashes that the templates combine.
struct TokHash {
    word: u64,
    shape: u64,
}

/// A compressed shape: letters as X/x, digits as d, repeats collapsed, at most 6 symbols.
fn shape_hash(s: &str, kind: TokenKind) -> u64 {
    let mut buf = [0u8; 6];
    let mut n = 0usize;
    let mut last = 0u8;
    for c in s.chars() {
        let m = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if m != last && n < buf.len() {
            buf[n] = m;
            n += 1;
        }
        last = m;
    }
    hash_bytes(kind as u64 + 100, &buf[..n])
}

fn affix_hashes(lc: &str) -> (u64, u64) {
    let chars = lc.chars().count();
    if chars < 4 {
        return (0, 0);
    }
    let pre_end = lc.char_indices().nth(3).map_or(lc.len(), |(i, _)| i);
    let suf_start = lc.char_indices().nth(chars - 3).map_or(0, |(i, _)| i);
    (
        hash_bytes(11, &lc.as_bytes()[..pre_end]),
        hash_bytes(12, &lc.as_bytes()[suf_start..]),
    )
}

/// The rules' label per token, with strength: 0 none, else 1 + 2 × (label - 1) + strong.
fn rule_codes(doc: &Doc, found: &RuleMentions) -> Vec<u8> {
    let mut codes = vec![0u8; doc.toks.len()];
    for (run, kind, strength) in found {
        for (k, code) in codes[run.a..run.b].iter_mut().enumerate() {
            let l = label(*kind, k > 0) as u8;
            *code = 2 * l - 1 + (*strength == Strength::Strong) as u8;
        }
    }
    codes
}

/// The features of every token that do not depend on the labels, `per` per token.
struct Static {
    /// Whether the model scores the token: a capitalised word or one of the two tokens after
    /// one in its sentence. Others are O without a look (a mention needs a capital; see
    /// [`is_junk`]), which keeps the model's cost to the few tokens near names.
    cand: Vec<bool>,
    feats: Vec<u64>,
    starts: Vec<usize>,
    shapes: Vec<u64>,
    words: Vec<u64>,
}

/// The domain of a training document: the capitalisation and rule features get a general
/// copy and a copy for the domain
/// ("frustratingly easy" domain adaptation, Daumé 2007), so that tweets teach what names look
/// like without teaching that news capitalisation is noise. Recognition always uses
/// [`FORMAL`].
pub(crate) const FORMAL: u64 = 0xf0f0;
/// Informal text (the tweets of the Broad Twitter Corpus).
pub(crate) const CASUAL: u64 = 0xc0c0;

fn static_features(doc: &Doc, found: &RuleMentions, domain: u64) -> Static {
    let n = doc.toks.len();
    let mut cand = vec![false; n];
    let mut need = vec![false; n];
    let mut capitals: FxSet<&str> = FxSet::default();
    for (i, tk) in doc.toks.iter().enumerate() {
        if tk.word && tk.cap {
            for c in cand.iter_mut().skip(i).take(3) {
                *c = true;
            }
            for c in need.iter_mut().skip(i.saturating_sub(2)).take(7) {
                *c = true;
            }
            capitals.insert(doc.lc(i));
        }
    }
    // Capitalised words the document also writes in lowercase, and ones it capitalises
    // mid-sentence (outside headlines).
    let mut lowered: FxSet<&str> = FxSet::default();
    let mut capitalised: FxSet<&str> = FxSet::default();
    let mut hashes: Vec<TokHash> = Vec::with_capacity(n);
    for (i, tk) in doc.toks.iter().enumerate() {
        let lc = doc.lc(i);
        if tk.word {
            if !tk.cap {
                if capitals.contains(lc) {
                    lowered.insert(lc);
                }
            } else if !tk.initial && !doc.headline[tk.sentence] {
                capitalised.insert(lc);
            }
        }
        hashes.push(if need[i] {
            TokHash {
                word: hash_bytes(10, lc.as_bytes()),
                shape: shape_hash(&doc.text[tk.start..tk.end], tk.kind),
            }
        } else {
            TokHash { word: 0, shape: 0 }
        });
    }
    let codes = rule_codes(doc, found);
    let candidates = cand.iter().filter(|&&c| c).count();
    let mut feats = Vec::with_capacity(candidates * 48);
    let mut starts = Vec::with_capacity(n + 1);
    const NONE: u64 = 0x5555;
    let mut dom: Vec<u64> = Vec::with_capacity(32);
    for i in 0..n {
        starts.push(feats.len());
        if !cand[i] {
            continue;
        }
        let tk = doc.toks[i];
        let s = tk.sentence;
        let at = |j: isize| -> Option<usize> {
            let j = i as isize + j;
            (j >= 0 && (j as usize) < n && doc.toks[j as usize].sentence == s).then_some(j as usize)
        };
        let word_at = |j: isize| at(j).map_or(NONE, |j| hashes[j].word);
        let shape_at = |j: isize| at(j).map_or(NONE, |j| hashes[j].shape);
        let h = &hashes[i];
        dom.push(mix(t::BIAS, 0));
        feats.push(mix(t::WORD, h.word));
        dom.push(mix(t::SHAPE, h.shape));
        feats.push(mix(t::WORD_SHAPE, mix(h.word, h.shape)));
        let (pre, suf) = affix_hashes(doc.lc(i));
        if pre != 0 {
            feats.push(mix(t::PREFIX, pre));
            feats.push(mix(t::SUFFIX, suf));
        }
        feats.push(mix(t::PREV_WORD, word_at(-1)));
        feats.push(mix(t::NEXT_WORD, word_at(1)));
        feats.push(mix(t::PREV2_WORD, word_at(-2)));
        feats.push(mix(t::NEXT2_WORD, word_at(2)));
        feats.push(mix(t::PREV_SHAPE_SHAPE, mix(shape_at(-1), h.shape)));
        feats.push(mix(t::SHAPE_NEXT_SHAPE, mix(h.shape, shape_at(1))));
        for (k, &f) in FEATURE_FLAGS.iter().enumerate() {
            if tk.f & f != 0 {
                dom.push(mix(t::FLAG, k as u64));
            }
            if at(-1).is_some_and(|j| doc.toks[j].f & f != 0) {
                feats.push(mix(t::PREV_FLAG, k as u64));
            }
            if at(1).is_some_and(|j| doc.toks[j].f & f != 0) {
                feats.push(mix(t::NEXT_FLAG, k as u64));
            }
        }
        let position = (tk.initial as u64)
            | (doc.headline[s] as u64) << 1
            | (tk.cap as u64) << 2
            | (tk.upper as u64) << 3
            | (tk.possessive as u64) << 4;
        dom.push(mix(t::POSITION, position));
        if tk.word && tk.cap {
            let lc = doc.lc(i);
            let case = lowered.contains(lc) as u64 | (capitalised.contains(lc) as u64) << 1;
            dom.push(mix(t::DOC_CASE, case | (tk.initial as u64) << 2));
        }
        let code = u64::from(codes[i]);
        dom.push(mix(t::RULE, code));
        dom.push(mix(t::RULE_SHAPE, mix(code, h.shape)));
        feats.push(mix(
            t::PREV_RULE,
            at(-1).map_or(99, |j| u64::from(codes[j])),
        ));
        dom.push(mix(t::NEXT_RULE, at(1).map_or(99, |j| u64::from(codes[j]))));
        // Capitalisation and rule features, in a general and a domain copy.
        feats.extend_from_slice(&dom);
        if domain != 0 {
            feats.extend(dom.iter().map(|&f| mix(f, domain)));
        }
        dom.clear();
    }
    starts.push(feats.len());
    Static {
        cand,
        feats,
        starts,
        shapes: hashes.iter().map(|h| h.shape).collect(),
        words: hashes.iter().map(|h| h.word).collect(),
    }
}

/// The label-dependent features of token `i` given the two previous labels.
fn dynamic_features(st: &Static, i: usize, p1: usize, p2: usize, out: &mut [u64; 4]) {
    out[0] = mix(t::PREV_LABEL, p1 as u64);
    out[1] = mix(t::PREV_LABEL_SHAPE, mix(p1 as u64, st.shapes[i]));
    out[2] = mix(t::PREV2_LABELS, (p2 * LABELS + p1) as u64);
    out[3] = mix(t::PREV_LABEL_WORD, mix(p1 as u64, st.words[i]));
}

/// Previous labels of token `i` within its sentence (O at a sentence start).
fn prev_labels(doc: &Doc, labels: &[usize], i: usize) -> (usize, usize) {
    let s = doc.toks[i].sentence;
    let p = |k: usize| {
        if i >= k && doc.toks[i - k].sentence == s {
            labels[i - k]
        } else {
            0
        }
    };
    (p(1), p(2))
}

/// Greedy decoding with the quantized weights.
fn decode(doc: &Doc, st: &Static, model: &Model) -> Vec<usize> {
    let n = doc.toks.len();
    let mask = model.mask();
    let mut labels = vec![0usize; n];
    let mut dynf = [0u64; 4];
    for i in 0..n {
        if !st.cand[i] {
            continue;
        }
        let mut acc = [0i32; 8];
        let feats = &st.feats[st.starts[i]..st.starts[i + 1]];
        let (p1, p2) = prev_labels(doc, &labels, i);
        dynamic_features(st, i, p1, p2, &mut dynf);
        for &f in feats.iter().chain(dynf.iter()) {
            let w = &model.dense[(f & mask) as usize];
            for (s, &x) in acc.iter_mut().zip(w) {
                *s += i32::from(x);
            }
        }
        let mut scores = [0i32; LABELS];
        scores.copy_from_slice(&acc[..LABELS]);
        labels[i] = best(&scores, p1);
    }
    labels
}

fn best<T: PartialOrd + Copy>(scores: &[T; LABELS], prev: usize) -> usize {
    let mut bestl = 0usize;
    for l in 1..LABELS {
        if (prev == usize::MAX || allowed(prev, l)) && scores[l] > scores[bestl] {
            bestl = l;
        }
    }
    bestl
}

/// The model's mentions on a built document, with the rules' mentions as features and the
/// junk filter (see the module documentation).
pub(crate) fn recognize(doc: &Doc, found: &RuleMentions, model: &Model) -> Vec<EntityMention> {
    let st = static_features(doc, found, FORMAL);
    let labels = decode(doc, &st, model);
    spans_of(doc, found, &labels)
}

/// Per token: whether one of `runs` covers it.
fn covered(doc: &Doc, runs: &[(usize, usize, EntityKind)]) -> Vec<bool> {
    let mut out = vec![false; doc.toks.len()];
    for &(a, b, _) in runs {
        out[a..b].iter_mut().for_each(|c| *c = true);
    }
    out
}

/// Longest name (tokens) looked for in a headline.
const MAX_HEADLINE_NAME: usize = 4;

/// A headline names what its story names: capitalised words of a headline, not yet in a
/// mention, written like a name found in the story's ordinary sentences take its type:
/// the whole name ("BUNDESBANK", "ASTON VILLA"), a person's surname ("YORKE" for "Dwight
/// Yorke"), a company's name without its legal form ("MARLOW FOODS" for "Marlow Foods Plc").
/// Capitals say nothing in a headline, but the story says what these words are.
fn headline_names(doc: &Doc, runs: &mut Vec<(usize, usize, EntityKind)>) {
    if !doc.headline.iter().any(|&h| h) {
        return;
    }
    let key = |a: usize, b: usize| (a..b).fold(0u64, |h, i| hash_bytes(h, doc.lc(i).as_bytes()));
    let mut names: super::table::FxMap<u64, EntityKind> = Default::default();
    let covered = covered(doc, runs);
    for &(a, b, kind) in runs.iter() {
        if doc.headline[doc.toks[a].sentence] {
            continue;
        }
        names.entry(key(a, b)).or_insert(kind);
        if kind == EntityKind::Person && b - a >= 2 {
            names.entry(key(b - 1, b)).or_insert(kind);
        }
        if kind == EntityKind::Organization
            && b - a >= 2
            && doc.toks[b - 1].f & (tb::ORG_SUFFIX | tb::LOWERCASE_SUFFIX) != 0
        {
            names.entry(key(a, b - 1)).or_insert(kind);
        }
    }
    if names.is_empty() {
        return;
    }
    let name_word = |i: usize| {
        let t = doc.toks[i];
        !covered[i] && t.word && t.cap && doc.headline[t.sentence] && t.f & tb::FUNCTION == 0
    };
    let mut found = Vec::new();
    let mut i = 0usize;
    while i < doc.toks.len() {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < doc.toks.len()
            && end - i < MAX_HEADLINE_NAME
            && name_word(end)
            && doc.toks[end].sentence == doc.toks[i].sentence
            && !doc.toks[end - 1].possessive
        {
            end += 1;
        }
        let hit = (i + 1..=end)
            .rev()
            .find_map(|b| names.get(&key(i, b)).map(|&kind| (b, kind)));
        match hit {
            Some((b, kind)) => {
                found.push((i, b, kind));
                i = b;
            }
            None => i += 1,
        }
    }
    if !found.is_empty() {
        runs.extend(found);
        runs.sort_unstable_by_key(|&(a, b, _)| (a, b));
    }
}

/// A company named in full with its legal form ("Baltica Shipping AS", "Marlow Foods Plc") is
/// named by its first word alone elsewhere in the story: a capitalised one-word mention of that
/// word is the company, whatever type it was given, and one the tagger left out is added
/// ("Marlow said it had not received an approach"). Not when the word is a place the tables
/// know, or one the story puts something in or at ("Frankfurt Stock Exchange AG ... in
/// Frankfurt" leaves "Frankfurt" a city).
fn short_company_names(doc: &Doc, runs: &mut Vec<(usize, usize, EntityKind)>) {
    let legal = |i: usize| {
        doc.toks[i].f & (tb::ORG_SUFFIX | tb::LOWERCASE_SUFFIX) != 0
            || rc::capital_legal_form(doc, i)
    };
    let mut short: FxSet<&str> = FxSet::default();
    for &(a, b, kind) in runs.iter() {
        if kind == EntityKind::Organization && b - a >= 2 && legal(b - 1) {
            let first = doc.toks[a];
            if first.word && first.f & (tb::PLACE | tb::FUNCTION) == 0 && !legal(a) {
                short.insert(doc.lc(a));
            }
        }
    }
    // "in Frankfurt" (not "shares in Baltica"): a place after all.
    for i in 1..doc.toks.len() {
        if short.contains(doc.lc(i)) && matches!(doc.lc(i - 1), "in" | "at" | "near" | "from") {
            let holding = i >= 2 && matches!(doc.lc(i - 2), "shares" | "stake" | "stakes");
            if !holding {
                short.remove(doc.lc(i));
            }
        }
    }
    if short.is_empty() {
        return;
    }
    let covered = covered(doc, runs);
    for (a, b, kind) in runs.iter_mut() {
        if *b - *a == 1 && short.contains(doc.lc(*a)) {
            *kind = EntityKind::Organization;
        }
    }
    let mut added = false;
    for (i, t) in doc.toks.iter().enumerate() {
        let alone = doc.toks.get(i + 1).map_or(true, |n| !(n.word && n.cap));
        if !covered[i] && t.word && t.cap && alone && short.contains(doc.lc(i)) {
            runs.push((i, i + 1, EntityKind::Organization));
            added = true;
        }
    }
    if added {
        runs.sort_unstable_by_key(|&(a, b, _)| (a, b));
    }
}

/// What a name's type in a results table counts in [`consistent_types`], against 1 for any
/// other mention.
const SCORE_LINE_VOTES: usize = 10;

/// One name, one type per document: a run written like others (the same lowercase tokens)
/// takes the type most of them have (it keeps its own on a tie); a results table's type
/// outweighs the rest.
fn consistent_types(doc: &Doc, runs: &mut [(usize, usize, EntityKind)]) {
    let key = |a: usize, b: usize| (a..b).fold(0u64, |h, i| hash_bytes(h, doc.lc(i).as_bytes()));
    let mut votes: super::table::FxMap<u64, [usize; 3]> = Default::default();
    for &(a, b, kind) in runs.iter() {
        // A team in a results table is what the name is in this story ("Leeds 1" is the club
        // in every "Leeds" of the match report).
        let weight = if doc.score_line[doc.toks[a].sentence] {
            SCORE_LINE_VOTES
        } else {
            1
        };
        votes.entry(key(a, b)).or_insert([0; 3])[kind.index()] += weight;
    }
    if votes.len() == runs.len() {
        return;
    }
    for (a, b, kind) in runs.iter_mut() {
        if let Some(v) = votes.get(&key(*a, *b)) {
            let own = *kind;
            let best = [
                EntityKind::Person,
                EntityKind::Organization,
                EntityKind::Location,
            ]
            .into_iter()
            .max_by_key(|k| (v[k.index()], *k == own))
            .unwrap_or(own);
            *kind = best;
        }
    }
}

/// Combines the model's labels with the rules: a strong rule mention (a table entry, a
/// legal form, a title, a dateline) stands as the rules found it; elsewhere the model decides,
/// with leading titles trimmed off ("Mr. Okonkwo" gives "Okonkwo"), nothing new in headlines
/// (capitals say nothing there) and the junk filter ([`is_junk`]).
fn spans_of(doc: &Doc, found: &RuleMentions, labels: &[usize]) -> Vec<EntityMention> {
    let n = labels.len();
    let not = rc::not_entities(doc);
    let mut strong = vec![false; n];
    for (run, _, s) in found {
        if *s == Strength::Strong {
            strong[run.a..run.b].iter_mut().for_each(|x| *x = true);
        }
    }
    let mut runs: Vec<(usize, usize, EntityKind)> = found
        .iter()
        .filter(|(run, _, s)| *s == Strength::Strong && !not[run.a..run.b].iter().any(|&x| x))
        .map(|(run, kind, _)| (run.a, run.b, *kind))
        .collect();
    let mut i = 0usize;
    let mut r = 0usize;
    while i < n {
        let Some(kind) = label_kind(labels[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < n
            && labels[j] == label(kind, true)
            && doc.toks[j].sentence == doc.toks[i].sentence
        {
            j += 1;
        }
        let (mut a, mut b) = (i, j);
        i = j;
        if (a..b).any(|k| strong[k]) {
            continue;
        }
        // Titles before a name are not part of it.
        while b - a > 1 && doc.toks[a].f & tb::PERSON_TITLE != 0 {
            a += 1;
            if a < b && doc.raw(a).starts_with('.') {
                a += 1;
            }
        }
        // A weekday or month after a name is not part of it ("London Thursday"), except as
        // a surname after a first name ("Theresa May").
        while b - a > 1
            && doc.toks[b - 1].f & tb::CALENDAR != 0
            && doc.toks[b - 2].f & tb::FIRST_NAME == 0
        {
            b -= 1;
        }
        // Trim punctuation at the end ("Smith ,"), and a lowercase word that is no legal form
        // ("Bundesbank council"; "Barrowby plc" stays).
        while b > a
            && (!doc.toks[b - 1].word && doc.toks[b - 1].kind != TokenKind::Number
                || b - a > 1
                    && doc.toks[b - 1].word
                    && !doc.toks[b - 1].cap
                    && doc.toks[b - 1].f & tb::LOWERCASE_SUFFIX == 0)
        {
            b -= 1;
        }
        if b <= a || !doc.toks[a].word && doc.toks[a].kind != TokenKind::Number {
            continue;
        }
        // The first word of a nationality: "South" of "South African Pieter Botha".
        if b < n && doc.run_flags(a, b + 1) & tb::DEMONYM != 0 {
            continue;
        }
        while r < found.len() && found[r].0.b <= a {
            r += 1;
        }
        let ruled = found
            .get(r)
            .is_some_and(|(run, _, _)| run.a == a && run.b == b);
        if !ruled && (doc.headline[doc.toks[a].sentence] || is_junk(doc, a, b)) {
            continue;
        }
        // Laws, products and events are none of the three types.
        if not[a..b].iter().any(|&x| x) {
            continue;
        }
        runs.push((a, b, kind));
    }
    runs.sort_unstable_by_key(|&(a, b, _)| (a, b));
    shaped_names(doc, found, &not, &mut runs);
    join_particles(doc, &mut runs);
    headline_names(doc, &mut runs);
    consistent_types(doc, &mut runs);
    short_company_names(doc, &mut runs);
    super::evidence::retype(doc, &mut runs);
    runs.into_iter()
        .map(|(a, b, kind)| EntityMention {
            start: doc.toks[a].start,
            end: doc.toks[b - 1].end,
            kind,
        })
        .collect()
}

/// Flags that make a capitalised word something other than an unknown part of a name.
const NOT_NAME_SHAPE: tb::Flags = tb::KNOWN
    | tb::COMPANY
    | tb::AGENCY
    | tb::ORG_WORD
    | tb::ORG_SUFFIX
    | tb::LOC_FIRST
    | tb::LOC_LAST
    | tb::PERSON_TITLE
    | tb::CALENDAR
    | tb::DEMONYM;

/// Whether the word at token `i` is written like a part of a person's name: capitalised, not
/// all-caps, no common word or any table's entry, no title ("President-elect"), no compound
/// of common words ("Just-released": lowercase after a hyphen), no brand's inner capital
/// ("CityLab"; "McAllister", "O'Brien" and "Jean-Luc" are names), and never written in
/// lowercase in the document (`lowered`: "Project" after "the project").
fn name_word(doc: &Doc, i: usize, lowered: &FxSet<&str>) -> bool {
    let t = doc.toks[i];
    if !t.word || !t.cap || t.upper || t.f & NOT_NAME_SHAPE != 0 || doc.plain(i) {
        return false;
    }
    let w = &doc.text[t.start..t.end];
    let mut prev = ' ';
    for (k, c) in w.char_indices() {
        if k > 0 && c.is_uppercase() && prev.is_lowercase() {
            let head = &w[..k];
            if !matches!(head, "Mc" | "Mac") {
                return false;
            }
        }
        if prev == '-' && c.is_lowercase() {
            return false;
        }
        prev = c;
    }
    let lc = doc.lc(i);
    !lc.strip_suffix("-elect")
        .is_some_and(|title| tb::flags(title) & tb::PERSON_TITLE != 0)
        && !lowered.contains(lc)
}

/// Whether tokens `a..b` have a person's name's shape: two words each written like
/// part of a name ([`name_word`]), only the last possessive, no known name together.
fn name_shape(doc: &Doc, a: usize, b: usize, lowered: &FxSet<&str>) -> bool {
    b - a == 2
        && (a..b).all(|i| (i + 1 == b || !doc.toks[i].possessive) && name_word(doc, i, lowered))
        && doc.run_flags(a, b) & (tb::KNOWN | tb::COMPANY) == 0
}

/// Whether the context of tokens `a..b` says a person or an agent: a title before, "X said",
/// "according to X", "X, who", an age after (`evidence::cue`).
fn person_context(doc: &Doc, a: usize, b: usize) -> bool {
    use super::evidence::{cue, Cue};
    matches!(cue(doc, a, b), Some(Cue::Person | Cue::Agent))
}

/// A person the rules found by the shape of the name ([`name_shape`]) stands whole and as a
/// person where the tagger found only part of it, or nothing in a person's context
/// ([`person_context`]). The tagger learned names from tweets and encyclopaedia pages: a pair
/// of words it has never seen, it splits ("Officials said Kelvar Osmund" gave "Kelvar" as a
/// place) or drops, while in news two unknown capitalised words that the rules read as a name
/// are nearly always a person's full name. A tagger span that reaches outside the rules' run,
/// or covers all of it, keeps the tagger's reading; a three-word run is too often a name glued
/// to the next one's first name. `runs` are in order.
fn shaped_names(
    doc: &Doc,
    found: &RuleMentions,
    not: &[bool],
    runs: &mut Vec<(usize, usize, EntityKind)>,
) {
    let mut lowered: Option<FxSet<&str>> = None;
    for (run, kind, strength) in found {
        let (a, b) = (run.a, run.b);
        if *kind != EntityKind::Person
            || *strength != Strength::Weak
            || b - a != 2
            || not[a..b].iter().any(|&x| x)
        {
            continue;
        }
        let first = runs.partition_point(|r| r.1 <= a);
        let mut last = first;
        while last < runs.len() && runs[last].0 < b {
            last += 1;
        }
        // Only where the tagger found a strict part of the run, or nothing while the context
        // says a person or an agent ("… Renner Vox said"): retyping the whole run, or
        // restoring one it dropped without such a context, is the tagger's call (measured:
        // overriding those costs more than it gains).
        if (last == first && !person_context(doc, a, b))
            || runs[first..last].iter().any(|r| r.0 < a || r.1 > b)
            || (last == first + 1 && runs[first].0 == a && runs[first].1 == b)
        {
            continue;
        }
        // Built once, only for documents with a candidate.
        let lowered = lowered.get_or_insert_with(|| {
            (0..doc.toks.len())
                .filter(|&i| doc.toks[i].word && !doc.toks[i].cap)
                .map(|i| doc.lc(i))
                .collect()
        });
        if !name_shape(doc, a, b, lowered) {
            continue;
        }
        runs.splice(first..last, [(a, b, EntityKind::Person)]);
    }
}

/// A person's surname after a lowercase name particle ("de Miranda") takes the particle in,
/// when the document writes that particle and surname inside a person's longer name ("Luis de
/// Miranda", "De Miranda" opening a sentence). `runs` are in order.
fn join_particles(doc: &Doc, runs: &mut [(usize, usize, EntityKind)]) {
    let pair = |k: usize| {
        hash_bytes(
            hash_bytes(0, doc.lc(k).as_bytes()),
            doc.lc(k + 1).as_bytes(),
        )
    };
    let mut inside: FxSet<u64> = FxSet::default();
    for &(a, b, kind) in runs.iter() {
        if kind == EntityKind::Person {
            for k in a..b.saturating_sub(1) {
                if doc.toks[k].f & tb::NAME_PARTICLE != 0 {
                    inside.insert(pair(k));
                }
            }
        }
    }
    if inside.is_empty() {
        return;
    }
    let mut prev_end = 0usize;
    for r in runs.iter_mut() {
        let (a, b, kind) = *r;
        if kind == EntityKind::Person && a > prev_end && a >= 1 {
            let p = doc.toks[a - 1];
            if p.word && !p.cap && p.f & tb::NAME_PARTICLE != 0 && inside.contains(&pair(a - 1)) {
                r.0 = a - 1;
            }
        }
        prev_end = b;
    }
}

/// A span the rules did not find that must not become a mention.
fn is_junk(doc: &Doc, a: usize, b: usize) -> bool {
    let tk = doc.toks[a];
    if doc.boilerplate.get(tk.sentence).copied().unwrap_or(false) {
        return true;
    }
    let words = (a..b).filter(|&i| doc.toks[i].word);
    let mut any_cap = false;
    let mut all_plain = true;
    // A title alone ("Gov.", "Prime Minister") names nobody.
    let mut all_titles = true;
    for i in words {
        let t = doc.toks[i];
        any_cap |= t.cap;
        all_plain &= doc.plain(i) || t.f & (tb::CALENDAR | tb::NEVER | tb::DEMONYM) != 0;
        all_titles &= t.f & tb::PERSON_TITLE != 0;
    }
    !any_cap || all_plain || all_titles
}

/// A training document: a text and its gold mentions (byte ranges, in order).
#[derive(Debug, Clone)]
pub struct TrainDoc {
    /// The text.
    pub text: String,
    /// The gold mentions, in text order, not overlapping.
    pub gold: Vec<EntityMention>,
    /// Informal text (tweets): its features go to a domain copy of their own besides the
    /// general one, so news-like text is not judged by tweet habits.
    pub casual: bool,
}

/// β of the quantization: weights well below it are rounded to zero.
const QUANT_BETA: f32 = 0.02;

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the shuffle between passes.
    pub seed: u64,
    /// Hash bits of the feature buckets.
    pub bucket_bits: u32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 15,
            seed: 20_261_201,
            bucket_bits: DEFAULT_BUCKET_BITS,
        }
    }
}

fn gold_labels(doc: &Doc, gold: &[EntityMention]) -> Vec<usize> {
    let mut labels = vec![0usize; doc.toks.len()];
    let mut g = 0usize;
    let mut last: Option<usize> = None;
    for (i, tk) in doc.toks.iter().enumerate() {
        while g < gold.len() && gold[g].end <= tk.start {
            g += 1;
        }
        if let Some(m) = gold.get(g) {
            if m.start <= tk.start && tk.start < m.end {
                labels[i] = label(m.kind, last == Some(g));
                last = Some(g);
                continue;
            }
        }
        last = None;
    }
    labels
}

/// Trains a model on `docs` (the rules run with every part on, as in recognition).
pub fn train(docs: &[TrainDoc], opts: &TrainOptions) -> Model {
    struct Prepared<'a> {
        doc: Doc<'a>,
        st: Static,
        gold: Vec<usize>,
    }
    let parts = Parts {
        model: false,
        ..Parts::ALL
    };
    let prepared: Vec<Prepared> = docs
        .iter()
        .map(|d| {
            let doc = rc::build(&d.text, parts);
            let found = rc::rule_mentions(&doc, parts);
            let st = static_features(&doc, &found, if d.casual { CASUAL } else { FORMAL });
            let gold = gold_labels(&doc, &d.gold);
            Prepared { doc, st, gold }
        })
        .collect();
    let size = LABELS << opts.bucket_bits;
    let mask = (1u64 << opts.bucket_bits) - 1;
    let mut w = vec![0f32; size];
    // Averaging (Daumé's trick): the average is w - u / c.
    let mut u = vec![0f64; size];
    let mut c = 1f64;
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = opts.seed | 1;
    let mut dynf = [0u64; 4];
    let mut buckets: Vec<usize> = Vec::with_capacity(64);
    for _ in 0..opts.epochs {
        // Fisher-Yates with xorshift64: deterministic for a seed.
        for k in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(k, (rng % (k as u64 + 1)) as usize);
        }
        for &d in &order {
            let p = &prepared[d];
            let n = p.doc.toks.len();
            let mut labels = vec![0usize; n];
            for i in 0..n {
                if !p.st.cand[i] {
                    continue;
                }
                let (p1, p2) = prev_labels(&p.doc, &labels, i);
                dynamic_features(&p.st, i, p1, p2, &mut dynf);
                buckets.clear();
                buckets.extend(
                    p.st.feats[p.st.starts[i]..p.st.starts[i + 1]]
                        .iter()
                        .chain(dynf.iter())
                        .map(|&f| ((f & mask) as usize) * LABELS),
                );
                let mut scores = [0f32; LABELS];
                for &b in &buckets {
                    for (s, x) in scores.iter_mut().zip(&w[b..b + LABELS]) {
                        *s += x;
                    }
                }
                // Unconstrained in training: a constraint would make a gold I- after a wrong
                // guess unreachable, and its weights would grow without bound.
                let guess = best(&scores, usize::MAX);
                let truth = p.gold[i];
                if guess != truth {
                    for &b in &buckets {
                        w[b + truth] += 1.0;
                        u[b + truth] += c;
                        w[b + guess] -= 1.0;
                        u[b + guess] -= c;
                    }
                }
                // Greedy with its own history, as at run time.
                labels[i] = guess;
                c += 1.0;
            }
        }
    }
    let avg: Vec<f32> = w
        .iter()
        .zip(&u)
        .map(|(&w, &u)| (f64::from(w) - u / c) as f32)
        .collect();
    let max = avg.iter().fold(0f32, |m, x| m.max(x.abs())).max(1.0);
    let alpha = 127.0 / (1.0 + max / QUANT_BETA).ln();
    let weights = avg
        .iter()
        .map(|x| {
            let q = (alpha * (1.0 + x.abs() / QUANT_BETA).ln())
                .round()
                .min(127.0);
            (q * x.signum()) as i8
        })
        .collect();
    Model::new(opts.bucket_bits, alpha, QUANT_BETA, weights)
}

/// [`super::recognize_with`] with a given model instead of the embedded one (for evaluation
/// with a model retrained per fold).
pub fn recognize_with_model(text: &str, parts: Parts, model: &Model) -> Vec<EntityMention> {
    let doc = rc::build(text, parts);
    let found = rc::rule_mentions(&doc, parts);
    if parts.model {
        recognize(&doc, &found, model)
    } else {
        rc::to_mentions(&doc, &found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads() {
        let m = embedded().expect("the embedded model loads");
        assert_eq!(m.size_bytes(), embedded_size());
        assert_eq!(m.to_bytes(), EMBEDDED);
    }

    #[test]
    fn bad_files_are_rejected() {
        let good = EMBEDDED.to_vec();
        let mut magic = good.clone();
        magic[0] = b'X';
        assert_eq!(
            Model::from_bytes(&magic).unwrap_err().to_string(),
            "not an undertone entity model (bad magic)"
        );
        let mut version = good.clone();
        version[8..12].copy_from_slice(&99u32.to_le_bytes());
        assert_eq!(
            Model::from_bytes(&version).unwrap_err().to_string(),
            format!("unsupported model format version 99 (this build reads {FORMAT_VERSION})")
        );
        let mut features = good.clone();
        features[12..16].copy_from_slice(&(FEATURE_VERSION + 1).to_le_bytes());
        assert!(Model::from_bytes(&features).is_err());
        assert!(Model::from_bytes(&good[..good.len() - 1]).is_err());
        assert!(Model::from_bytes(&good[..10]).is_err());
        assert!(Model::from_bytes(&[]).is_err());
        let mut alpha = good;
        alpha[24..28].copy_from_slice(&f32::NAN.to_bits().to_le_bytes());
        assert!(Model::from_bytes(&alpha).is_err());
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let doc = |text: &str, spans: &[(&str, EntityKind)]| TrainDoc {
            text: text.to_string(),
            gold: spans
                .iter()
                .map(|(w, k)| {
                    let start = text.find(w).unwrap();
                    EntityMention {
                        start,
                        end: start + w.len(),
                        kind: *k,
                    }
                })
                .collect(),
            casual: false,
        };
        let docs = vec![
            doc(
                "We met Zorblat Quenty in the hall.",
                &[("Zorblat Quenty", EntityKind::Person)],
            ),
            doc(
                "They saw Zorblat Quenty at noon.",
                &[("Zorblat Quenty", EntityKind::Person)],
            ),
        ];
        let opts = TrainOptions {
            bucket_bits: 10,
            ..TrainOptions::default()
        };
        let a = train(&docs, &opts);
        assert_eq!(a.to_bytes(), train(&docs, &opts).to_bytes());
        let back = Model::from_bytes(&a.to_bytes()).unwrap();
        let found = recognize_with_model("I met Zorblat Quenty today.", Parts::ALL, &back);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, EntityKind::Person);
    }

    #[test]
    fn name_shape_of_two_words() {
        // (text, the two words, whether they are shaped like a person's name)
        let cases: &[(&str, &str, bool)] = &[
            (
                "Officials said Kelvar Osmund would attend.",
                "Kelvar Osmund",
                true,
            ),
            ("We saw Declan O'Brien there.", "Declan O'Brien", true),
            ("We saw Orla McGarrow there.", "Orla McGarrow", true),
            (
                "We saw Marie-Claire Dubosc there.",
                "Marie-Claire Dubosc",
                true,
            ),
            (
                "Then President-elect Zorbu spoke.",
                "President-elect Zorbu",
                false,
            ),
            (
                "He played Just-released Kalvex at home.",
                "Just-released Kalvex",
                false,
            ),
            ("He read the CityLab Daily at home.", "CityLab Daily", false),
            (
                "The project was late. Then Project Kalvex began.",
                "Project Kalvex",
                false,
            ),
            ("We saw KELVAR Osmund there.", "KELVAR Osmund", false),
            ("It rained in New York yesterday.", "New York", false),
        ];
        for &(text, name, want) in cases {
            let doc = rc::build(text, Parts::ALL);
            let at = text.find(name).unwrap();
            let a = doc.toks.iter().position(|t| t.start == at).unwrap();
            let lowered: FxSet<&str> = (0..doc.toks.len())
                .filter(|&i| doc.toks[i].word && !doc.toks[i].cap)
                .map(|i| doc.lc(i))
                .collect();
            assert_eq!(name_shape(&doc, a, a + 2, &lowered), want, "{text}");
        }
    }

    #[test]
    fn one_type_per_name_in_a_document() {
        let doc = rc::build("Jordan won. Jordan lost. Jordan drew.", Parts::ALL);
        let at: Vec<usize> = (0..doc.toks.len())
            .filter(|&i| doc.lc(i) == "jordan")
            .collect();
        let mut runs = vec![
            (at[0], at[0] + 1, EntityKind::Person),
            (at[1], at[1] + 1, EntityKind::Location),
            (at[2], at[2] + 1, EntityKind::Location),
        ];
        consistent_types(&doc, &mut runs);
        assert!(runs.iter().all(|r| r.2 == EntityKind::Location), "{runs:?}");
        let mut tie = vec![
            (at[0], at[0] + 1, EntityKind::Person),
            (at[1], at[1] + 1, EntityKind::Location),
        ];
        consistent_types(&doc, &mut tie);
        assert_eq!(tie[0].2, EntityKind::Person);
        assert_eq!(tie[1].2, EntityKind::Location);
    }

    #[test]
    fn a_particle_joins_a_surname_the_document_writes_with_it() {
        let text = "We met Luis de Quenta there. Later de Quenta left, and van Quenta came.";
        let doc = rc::build(text, Parts::ALL);
        let at = |w: &str| {
            (0..doc.toks.len())
                .filter(|&i| doc.lc(i) == w)
                .collect::<Vec<_>>()
        };
        let (luis, quenta) = (at("luis")[0], at("quenta"));
        let mut runs = vec![
            (luis, luis + 3, EntityKind::Person),
            (quenta[1], quenta[1] + 1, EntityKind::Person),
            (quenta[2], quenta[2] + 1, EntityKind::Person),
        ];
        join_particles(&doc, &mut runs);
        assert_eq!(
            &text[doc.toks[runs[1].0].start..doc.toks[runs[1].1 - 1].end],
            "de Quenta"
        );
        // "van Quenta" is not written inside a longer name: the particle stays out.
        assert_eq!(runs[2].0, quenta[2]);
    }

    #[test]
    fn allowed_transitions() {
        assert!(allowed(0, 0));
        assert!(allowed(0, 1));
        assert!(!allowed(0, 2));
        assert!(allowed(1, 2));
        assert!(allowed(2, 2));
        assert!(!allowed(1, 4));
    }
}
