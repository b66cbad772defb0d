//! Trains the entity tagger shipped in `src/entities/model.bin` and writes that file.
//!
//! Run: `cargo run --release --example train_ner -- ../shared/data`
//!
//! Training data (both CC BY 4.0; attribution in `licenses/entities-model.md`):
//! * the Broad Twitter Corpus, train and dev splits (`ner/broad_twitter_corpus/splits/btc.{train,dev}`;
//!   the test split is held out for evaluation);
//! * wikigold (`ner/wikigold/wikigold.conll.txt`; MISC is read as O; its figures in
//!   `docs/accuracy.md` are cross-validated by document, see `src/bin/undertone/eval_ner.rs`).
//!
//! The result is deterministic: fixed seed, fixed order of the corpora, no threads.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use undertone::entities::conll;
use undertone::entities::model::{train, TrainDoc, TrainOptions};

/// The corpora the shipped model is trained on: path under `DATA_DIR/ner/` and whether the
/// file is IOB1.
pub const CORPORA: &[(&str, bool)] = &[
    ("broad_twitter_corpus/splits/btc.train", false),
    ("broad_twitter_corpus/splits/btc.dev", false),
    ("wikigold/wikigold.conll.txt", true),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(data) = args.first() else {
        eprintln!("usage: cargo run --release --example train_ner -- DATA_DIR [OUT]");
        return ExitCode::from(2);
    };
    let out = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("src/entities/model.bin"));
    let mut docs: Vec<TrainDoc> = Vec::new();
    for (rel, iob1) in CORPORA {
        let path = Path::new(data).join("ner").join(rel);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("cannot read {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        let read = conll::read(&text);
        eprintln!("{}: {} documents", path.display(), read.len());
        docs.extend(read.iter().map(|d| conll::train_doc(d, *iob1, !*iob1)));
    }
    let opts = TrainOptions::default();
    let model = train(&docs, &opts);
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "wrote {} ({} bytes, {} epochs, seed {})",
        out.display(),
        bytes.len(),
        opts.epochs,
        opts.seed
    );
    ExitCode::SUCCESS
}
