#!/usr/bin/env python3
"""Generates the news engine's learned layer (src/news/calibration_table.rs) and its
leave-one-batch-out folds (eval/calibration-folds.json) from the team's financial sentences.

The layer is a multinomial logistic regression (negative / neutral / positive) over what the
rules already computed for a sentence (their score, the sums, counts and largest of the positive
and negative word valences, the length) and the presence of each lower-case word seen in at least
MIN_DOCS training sentences. It is trained on every batch of `eval/financial-sentences.tsv`: the
team wrote and labelled those sentences, so what is learned from them may ship (MIT, like the
code). No other data set is read.

`undertone eval` reports the learned layer cross-validated only: each team batch is scored by
the fold model trained without that batch (the folds file). Training is deterministic (plain
gradient descent from zeros), so the tables change only when the sentences or the rules do.

Usage: pip install numpy==2.4.6 && cargo build --release && python3 scripts/gen_calibration.py
(the rules' features come from `target/release/undertone score --detail --engine rules`).
"""
import collections
import json
import os
import re
import subprocess
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORMAT_VERSION = 1
CLASSES = ["negative", "neutral", "positive"]
LAMBDA, STEPS, RATE, MIN_DOCS = 0.01, 3000, 0.5, 3
FEATURES = ["score", "abs_score", "positive_sum", "negative_sum", "positive_count",
            "negative_count", "positive_max", "negative_max", "log_words"]


def load():
    rows = []
    with open(os.path.join(ROOT, "eval", "financial-sentences.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            batch, label, text = line.rstrip("\n").split("\t", 2)
            rows.append((batch, CLASSES.index(label), text))
    return rows


def rule_features(texts, engine, whole_texts=False):
    """The features src/news/calibration.rs computes, from the rules alone. Each text must be
    one sentence, unless `whole_texts` (for experiments on texts of several sentences: the
    text's score, and the valences and words of all its sentences)."""
    lines = "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts))
    out = subprocess.run(
        [os.path.join(ROOT, "target", "release", "undertone"), "score", "--detail",
         "--engine", engine],
        input=lines, capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    feats = []
    for line in out:
        doc = json.loads(line)
        sentences = doc["sentences"]
        if whole_texts:
            score = doc["score"]
        elif len(sentences) == 1:
            score = sentences[0]["score"]
        else:
            sys.exit(f"line {doc['id']}: one sentence expected, the layer works per sentence")
        vals = [t["valence"] for s in sentences for t in s["tokens"]]
        pos = [v for v in vals if v > 0]
        neg = [-v for v in vals if v < 0]
        words = sum(len(s["text"].split()) for s in sentences)
        feats.append([score, abs(score), sum(pos), sum(neg), len(pos), len(neg),
                      max(pos, default=0.0), max(neg, default=0.0), float(np.log1p(words))])
    return np.array(feats)


def words_of(text):
    """As calibration.rs: the runs of ASCII letters written in lower case (names and other
    capitalised words are left out, so that no company's name learns a tone; the sentence's
    first run is lower-cased), each counted once."""
    runs = re.findall(r"[A-Za-z]+", text)
    head = [runs[0].lower()] if runs else []
    return set(head + [r for r in runs[1:] if r.islower()])


def train(x, words, y):
    """Returns the model as the Rust side reads it: word weights already divided by their
    scale, their means folded into the bias."""
    docs = collections.Counter(w for ws in words for w in ws)
    vocab = sorted(w for w, n in docs.items() if n >= MIN_DOCS)
    index = {w: k for k, w in enumerate(vocab)}
    presence = np.zeros((len(x), len(vocab)))
    for i, ws in enumerate(words):
        for w in ws & index.keys():
            presence[i, index[w]] = 1.0
    full = np.hstack([x, presence])
    mean, scale = full.mean(0), full.std(0) + 1e-9
    z = np.hstack([(full - mean) / scale, np.ones((len(full), 1))])
    w = np.zeros((z.shape[1], 3))
    onehot = np.eye(3)[y]
    for _ in range(STEPS):
        logits = z @ w
        p = np.exp(logits - logits.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        penalty = np.vstack([w[:-1], np.zeros((1, 3))])
        w -= RATE * (z.T @ (p - onehot) / len(z) + LAMBDA * penalty)
    n = len(FEATURES)
    word_w = w[n:-1] / scale[n:, None]
    bias = w[-1] - (mean[n:, None] * word_w).sum(0)
    return {
        "mean": mean[:n].tolist(),
        "scale": scale[:n].tolist(),
        "weights": w[:n].tolist(),
        "bias": bias.tolist(),
        "words": [[word, word_w[k].tolist()] for k, word in enumerate(vocab)],
    }


def rounded(value):
    if isinstance(value, float):
        return float(f"{value:.5g}")
    if isinstance(value, list):
        return [rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    return value


def rust_f(v):
    return repr(float(f"{v:.6g}")) if v == v else "0.0"


def write_rust(model, n_rows, n_batches):
    path = os.path.join(ROOT, "src", "news", "calibration_table.rs")
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            "//! Generated by `python3 scripts/gen_calibration.py` from the team's financial\n"
            f"//! sentences (`eval/financial-sentences.tsv`, {n_rows} sentences in {n_batches} batches).\n"
            "//! Do not edit.\n\n"
            "// Learned weights, not constants, though one may come close to pi or e.\n"
            "#![allow(clippy::approx_constant)]\n\n"
            "use super::calibration::Calibration;\n\n"
            "/// Bumped when the features or the table's layout change.\n"
            f"pub(crate) const FORMAT_VERSION: u32 = {FORMAT_VERSION};\n\n"
            f"/// The layer trained on every batch ({len(model['words'])} words).\n"
            "pub(crate) const BUILT_IN: Calibration<'static> = Calibration {\n"
        )
        f.write("    mean: [" + ", ".join(map(rust_f, model["mean"])) + "],\n")
        f.write("    scale: [" + ", ".join(map(rust_f, model["scale"])) + "],\n")
        f.write("    weights: [\n")
        for row in model["weights"]:
            f.write("        [" + ", ".join(map(rust_f, row)) + "],\n")
        f.write("    ],\n")
        f.write("    bias: [" + ", ".join(map(rust_f, model["bias"])) + "],\n")
        f.write("    words: &[\n")
        for word, ws in model["words"]:
            f.write(f'        ("{word}", [' + ", ".join(map(rust_f, ws)) + "]),\n")
        f.write("    ],\n};\n")
    # Formatted as `cargo fmt --check` expects (long rows of numbers wrap).
    subprocess.run(["rustfmt", "--edition", "2021", path], check=True)


def main():
    engine = sys.argv[1] if len(sys.argv) > 1 else "rules"
    rows = load()
    batches = [r[0] for r in rows]
    gold = np.array([r[1] for r in rows])
    x = rule_features([r[2] for r in rows], engine)
    words = [words_of(r[2]) for r in rows]
    names = sorted(set(batches))
    write_rust(train(x, words, gold), len(rows), len(names))
    folds = {}
    for held in names:
        keep = np.array([b != held for b in batches])
        folds[held] = train(x[keep], [w for w, k in zip(words, keep) if k], gold[keep])
        print(f"fold without {held}: {len(folds[held]['words'])} words", file=sys.stderr)
    with open(os.path.join(ROOT, "eval", "calibration-folds.json"), "w", encoding="utf-8") as f:
        json.dump({"generated_by": "scripts/gen_calibration.py", "format": FORMAT_VERSION,
                   "features": FEATURES, "folds": rounded(folds)}, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
