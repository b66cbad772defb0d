//! Entity part of `undertone eval`, on the CoNLL corpora in `DATA_DIR/ner/`: mention P/R/F1
//! per type and micro, ours against compromise (npm) in the same run, and an ablation of the
//! recogniser's parts.
//!
//! How it is measured:
//!
//! * **Documents.** A corpus is read as `undertone ner --conll` reads it
//!   (`undertone::entities::conll`): wikigold's 145 articles (between `-DOCSTART-` lines), each
//!   BTC tweet on its own. Tokens are joined by spaces, sentences by a blank line.
//! * **Matching.** Exact span and type over the corpus tokens; MISC is ignored (wikigold is
//!   IOB1, BTC is BIO). A predicted mention tags the tokens it overlaps. BTC splits an @handle
//!   into "@" and the name, both tagged: the one-token "@" spans are left out of gold and
//!   predictions for every system. Micro figures pool the three types. The doc-set F1 compares
//!   the distinct (type, lowercase text) pairs per document.
//! * **The model is never scored on what it was trained on.** The shipped model is trained on
//!   BTC train + dev and all of wikigold (`examples/train_ner.rs`). On BTC test (held out) the
//!   shipped model is scored. On wikigold the model rows are 5-fold cross-validated by document:
//!   for each fold (document number mod 5) a model is trained with the shipped settings on the
//!   other four folds plus BTC train + dev, and scores the held-out fold.
//! * **compromise** (npm, pinned in `package.json`) runs as `node scripts/entities_compromise.mjs`
//!   on the same text; when node or the package is missing the section says so.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use undertone::entities::conll::{self, Document, Span};
use undertone::entities::model::{self, recognize_with_model, train, Model, TrainOptions};
use undertone::entities::{recognize_with, EntityKind, Parts};

/// Folds of the wikigold cross-validation.
const FOLDS: usize = 5;
const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Location,
];

/// A corpus: its documents and whether its tags are IOB1.
struct Corpus {
    name: &'static str,
    docs: Vec<Document>,
    iob1: bool,
    /// Leave out one-token "@" spans (BTC).
    handles: bool,
    /// The raw file, for compromise.
    raw: String,
}

fn load(path: &Path, name: &'static str, iob1: bool) -> Result<Corpus, String> {
    let raw = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(Corpus {
        name,
        docs: conll::read(&raw),
        iob1,
        handles: !iob1,
        raw,
    })
}

/// Counts for one system on one corpus: per type (and micro at index 3) true positives,
/// predicted, gold; and the doc-set counts.
#[derive(Default, Clone, Copy)]
struct Counts {
    types: [[usize; 3]; 4],
    docset: [usize; 3],
}

impl Counts {
    fn add(&mut self, doc: &Document, gold: &[Span], pred: &[Span]) {
        for (k, kind) in KINDS.iter().enumerate() {
            let g: Vec<&Span> = gold.iter().filter(|s| s.2 == *kind).collect();
            let p: Vec<&Span> = pred.iter().filter(|s| s.2 == *kind).collect();
            let tp = p.iter().filter(|s| g.contains(s)).count();
            for idx in [k, 3] {
                self.types[idx][0] += tp;
                self.types[idx][1] += p.len();
                self.types[idx][2] += g.len();
            }
        }
        let set = |spans: &[Span]| {
            let mut v: Vec<(EntityKind, String)> = spans
                .iter()
                .map(|&(a, b, k)| {
                    let text = &doc.text[doc.tokens[a].start..doc.tokens[b - 1].end];
                    (k, text.to_lowercase())
                })
                .collect();
            v.sort_by(|x, y| (x.0 as u8, &x.1).cmp(&(y.0 as u8, &y.1)));
            v.dedup();
            v
        };
        let (g, p) = (set(gold), set(pred));
        self.docset[0] += p.iter().filter(|x| g.contains(x)).count();
        self.docset[1] += p.len();
        self.docset[2] += g.len();
    }
}

fn prf(c: [usize; 3]) -> (f64, f64, f64) {
    let p = if c[1] > 0 {
        c[0] as f64 / c[1] as f64
    } else {
        0.0
    };
    let r = if c[2] > 0 {
        c[0] as f64 / c[2] as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn without_handles(doc: &Document, spans: Vec<Span>, on: bool) -> Vec<Span> {
    if !on {
        return spans;
    }
    spans
        .into_iter()
        .filter(|&(a, b, _)| {
            !(b == a + 1 && &doc.text[doc.tokens[a].start..doc.tokens[a].end] == "@")
        })
        .collect()
}

/// Scores a system given as a function from a document index to its predicted spans.
fn score(corpus: &Corpus, mut predict: impl FnMut(usize, &Document) -> Vec<Span>) -> Counts {
    let mut c = Counts::default();
    for (i, doc) in corpus.docs.iter().enumerate() {
        let gold = without_handles(doc, conll::gold_spans(doc, corpus.iob1), corpus.handles);
        let pred = without_handles(doc, predict(i, doc), corpus.handles);
        c.add(doc, &gold, &pred);
    }
    c
}

fn ours(parts: Parts) -> impl FnMut(usize, &Document) -> Vec<Span> {
    move |_, doc| conll::predicted_spans(doc, &recognize_with(&doc.text, parts))
}

/// compromise's tags for every token of the corpus, in order, or why there are none.
fn compromise(corpus: &Corpus) -> Result<Vec<String>, String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("scripts/entities_compromise.mjs");
    let mut child = Command::new("node")
        .arg(&script)
        .current_dir(&root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("node could not be started ({e})"))?;
    let input = corpus.raw.clone();
    let mut stdin = child.stdin.take().ok_or("no stdin for node")?;
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("node failed ({e})"))?;
    let _ = writer.join();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "`node scripts/entities_compromise.mjs` failed: {}",
            super::eval_news_entities::node_failure(&err)
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("-DOCSTART-"))
        .map(|l| l.rsplit([' ', '\t']).next().unwrap_or("O").to_string())
        .collect())
}

fn compromise_counts(corpus: &Corpus) -> Result<Counts, String> {
    let tags = compromise(corpus)?;
    let total: usize = corpus.docs.iter().map(|d| d.tokens.len()).sum();
    if tags.len() != total {
        return Err(format!(
            "compromise returned {} token lines for {total}",
            tags.len()
        ));
    }
    let mut offsets = Vec::with_capacity(corpus.docs.len());
    let mut at = 0usize;
    for d in &corpus.docs {
        offsets.push(at);
        at += d.tokens.len();
    }
    Ok(score(corpus, |i, doc| {
        let tags = &tags[offsets[i]..offsets[i] + doc.tokens.len()];
        conll::spans(
            tags.iter()
                .zip(&doc.tokens)
                .map(|(t, tok)| (t.as_str(), tok.sentence)),
            false,
        )
    }))
}

/// One model per wikigold fold, trained on the other folds and the BTC training splits.
fn fold_models(wikigold: &Corpus, btc_train: &[&Corpus]) -> Vec<Model> {
    let opts = TrainOptions::default();
    (0..FOLDS)
        .map(|fold| {
            let mut docs: Vec<_> = wikigold
                .docs
                .iter()
                .enumerate()
                .filter(|(i, _)| i % FOLDS != fold)
                .map(|(_, d)| conll::train_doc(d, true, false))
                .collect();
            for c in btc_train {
                docs.extend(c.docs.iter().map(|d| conll::train_doc(d, false, true)));
            }
            train(&docs, &opts)
        })
        .collect()
}

fn row(out: &mut String, set: &str, system: &str, c: &Counts) {
    let cell = |x: [usize; 3]| {
        let (p, r, f) = prf(x);
        format!("{p:.2}/{r:.2}/{f:.2}")
    };
    let (p, r, f) = prf(c.types[3]);
    let _ = writeln!(
        out,
        "| {set} | {system} | {} | {} | {} | {p:.2} | {r:.2} | **{f:.2}** | {:.2} |",
        cell(c.types[0]),
        cell(c.types[1]),
        cell(c.types[2]),
        prf(c.docset).2
    );
}

/// The team's wire stories, written and annotated for development (`eval/README.md`).
const TEAM_WIRE: &str = include_str!("../../../eval/reuters-style.conll");
/// A second set of them, written later by another writer, heavier on results tables.
const TEAM_WIRE_2: &str = include_str!("../../../eval/reuters-style-2.conll");
/// Stories in the tune half of each wire set; the rest are the check half.
const TEAM_WIRE_TUNE_DOCS: usize = 20;

/// The tune and check halves of one set of the team's wire stories.
fn team_wire(raw: &str, names: [&'static str; 2]) -> [Corpus; 2] {
    let cut = raw
        .match_indices("-DOCSTART-")
        .filter(|&(i, _)| i == 0 || raw.as_bytes()[i - 1] == b'\n')
        .nth(TEAM_WIRE_TUNE_DOCS)
        .map_or(raw.len(), |(i, _)| i);
    let half = |name: &'static str, raw: &str| Corpus {
        name,
        docs: conll::read(raw),
        iob1: false,
        handles: false,
        raw: raw.to_string(),
    };
    [half(names[0], &raw[..cut]), half(names[1], &raw[cut..])]
}

/// The markdown section for `docs/accuracy.md`, or `None` when `DATA_DIR/ner` is absent.
pub fn section(data_dir: &Path) -> Result<Option<String>, String> {
    let ner = data_dir.join("ner");
    if !ner.is_dir() {
        return Ok(None);
    }
    let btc = ner.join("broad_twitter_corpus/splits");
    let wikigold = load(&ner.join("wikigold/wikigold.conll.txt"), "wikigold", true)?;
    let btc_train = load(&btc.join("btc.train"), "BTC train", false)?;
    let btc_dev = load(&btc.join("btc.dev"), "BTC dev", false)?;
    let btc_test = load(&btc.join("btc.test"), "BTC test", false)?;
    let [wire_tune, wire_check] = team_wire(
        TEAM_WIRE,
        ["team wire stories, tune", "team wire stories, check"],
    );
    let [wire2_tune, wire2_check] = team_wire(
        TEAM_WIRE_2,
        ["team wire stories 2, tune", "team wire stories 2, check"],
    );

    let rules_only = Parts {
        gazetteers: false,
        model: false,
        ..Parts::ALL
    };
    let with_tables = Parts {
        model: false,
        ..Parts::ALL
    };
    let no_document = Parts {
        document: false,
        ..Parts::ALL
    };
    let folds = fold_models(&wikigold, &[&btc_train, &btc_dev]);
    let cv = |parts: Parts| {
        let folds = &folds;
        move |i: usize, doc: &Document| {
            let m = &folds[i % FOLDS];
            conll::predicted_spans(doc, &recognize_with_model(&doc.text, parts, m))
        }
    };

    let mut out = String::new();
    let _ = writeln!(out, "## Entity recognition: CoNLL corpora\n");
    let model_size = model::embedded_size();
    let _ = writeln!(
        out,
        "Mentions of PER, ORG and LOC, exact span and type (MISC ignored), per type \
         precision/recall/F1 and micro over the three; doc-set F1 compares the distinct typed \
         names per document. How it is computed is documented in \
         `src/bin/undertone/eval_ner.rs`. Neither corpus is news. The recogniser is rules \
         (capitalised runs, titles, legal forms, datelines, acronyms, headlines, junk) with \
         generated gazetteers and a learned tagger (an averaged perceptron over the rules' \
         output, {model_size} bytes embedded, {} feature buckets; \
         `cargo run --release --example train_ner -- ../shared/data`). The shipped model is \
         trained on BTC train + dev and wikigold: its wikigold rows are **5-fold \
         cross-validated by document** (a model per fold, trained on the other folds and BTC \
         train + dev), its BTC test rows are held out. BTC train also fed the generated \
         common-word list. The ablation rows add one part at a time: capitalisation and \
         context rules only, then the generated tables, then the model; \"without document \
         pass\" switches off the rules' document-level typing under the model. The team wire \
         stories (`eval/reuters-style.conll`, in the repository) are 40 invented stories in the \
         style of 1990s wire copy (all-caps headlines, datelines, results tables), annotated by \
         the team in CoNLL-2003 style; \"team wire stories 2\" (`eval/reuters-style-2.conll`) are \
         40 more by another writer, heavier on results tables and scorecards. The model never \
         saw either. Errors were read on the tune halves only; the check halves are only \
         measured.\n",
        1u64 << model::DEFAULT_BUCKET_BITS
    );
    let _ = writeln!(
        out,
        "| set | system | PER P/R/F1 | ORG P/R/F1 | LOC P/R/F1 | micro P | micro R | micro F1 | doc-set F1 |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|---|");
    let mut notes = Vec::new();
    for corpus in [
        &wikigold,
        &btc_test,
        &wire_tune,
        &wire_check,
        &wire2_tune,
        &wire2_check,
    ] {
        let tokens: usize = corpus.docs.iter().map(|d| d.tokens.len()).sum();
        let set = format!("{} ({tokens} tokens)", corpus.name);
        let cross = corpus.name == "wikigold";
        row(
            &mut out,
            &set,
            "rules only",
            &score(corpus, ours(rules_only)),
        );
        row(
            &mut out,
            &set,
            "rules + gazetteers",
            &score(corpus, ours(with_tables)),
        );
        if cross {
            row(
                &mut out,
                &set,
                "undertone: + model (5-fold CV)",
                &score(corpus, cv(Parts::ALL)),
            );
            row(
                &mut out,
                &set,
                "undertone without document pass (5-fold CV)",
                &score(corpus, cv(no_document)),
            );
        } else {
            row(
                &mut out,
                &set,
                "undertone: + model (shipped)",
                &score(corpus, ours(Parts::ALL)),
            );
            row(
                &mut out,
                &set,
                "undertone without document pass",
                &score(corpus, ours(no_document)),
            );
        }
        match compromise_counts(corpus) {
            Ok(c) => row(&mut out, &set, "compromise", &c),
            Err(e) => notes.push(format!("compromise on {}: not run ({e}).", corpus.name)),
        }
    }
    for n in notes {
        let _ = writeln!(out, "\n{n}");
    }
    Ok(Some(out))
}
