#!/usr/bin/env python3
"""Would word weights learned from the MIT-licensed VADER sets help news? (An experiment, not shipped.)

A ridge regression of the human rating on the default engine's score plus bag-of-words counts
(words in at least 5 training texts, scaled by 1/sqrt(length)) is trained on two of the three VADER
sets and tested on the third (leave-one-set-out), and on the sets it never trains on: news headlines
(Pearson r), SST-2 (accuracy at 0) and financial headlines toward the company (cosine). The engine's
own score is the baseline in the same run.

Result when written: held-out movie and Amazon sentences gain (r +0.03 each) and tweets lose; news
headlines and financial headlines lose in every split (financial cosine by 0.09 to 0.29); SST-2
gains (0.65 to 0.85) only when the movie snippets, from the same source, are in the training data.
The weights learned are the training domain's words, so none ship.

Usage: pip install numpy==2.4.6 && python3 scripts/experiments/learned_words_cv.py ../shared/data
(needs target/release/undertone: cargo build --release).
"""
import collections
import csv
import json
import os
import re
import subprocess
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SETS = {
    "tweets": ("vader-tweets", 1, 2, None),
    "movie": ("vader-movie-snippets", 1, 2, None),
    "amazon": ("vader-amazon-snippets", 1, 2, None),
    "headlines": ("semeval2007-headlines", 1, 2, None),
    "sst2": ("sst2-dev", 1, 2, None),
    "fin": ("semeval2017-financial-headlines-train", 2, 3, 1),
}
TRAINABLE = ["tweets", "movie", "amazon"]  # MIT: the only sets a shipped model may learn from
LAMBDA, MIN_DOCS = 1.0, 5


def load(data):
    rows = []
    for name, (file, gold, text, target) in SETS.items():
        with open(os.path.join(data, "sentiment", file + ".tsv"), encoding="utf-8") as f:
            reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(reader)
            for line in reader:
                rows.append((name, float(line[gold]), line[text], line[target] if target else None))
    return rows


def engine_scores(rows):
    lines = []
    for i, (_, _, text, target) in enumerate(rows):
        d = {"id": str(i), "text": text}
        if target:
            d["target"] = target
        lines.append(json.dumps(d))
    out = subprocess.run(
        [os.path.join(ROOT, "target", "release", "undertone"), "score"],
        input="\n".join(lines) + "\n", capture_output=True, text=True, check=True,
    ).stdout
    return [json.loads(l)["score"] for l in out.splitlines()]


def words(text):
    return re.findall(r"[a-z][a-z'\-]*", text.lower())


def features(toks, score, vocab):
    x = np.zeros(len(vocab) + 2)
    x[0], x[1] = score, 1.0
    scale = max(1, len(toks)) ** -0.5
    for w in toks:
        j = vocab.get(w)
        if j is not None:
            x[2 + j] += scale
    return x


def fit(idx, rows, toks, scores):
    docs = collections.Counter(w for i in idx for w in set(toks[i]))
    vocab = {w: j for j, w in enumerate(w for w, c in docs.items() if c >= MIN_DOCS)}
    x = np.array([features(toks[i], scores[i], vocab) for i in idx])
    y = np.array([rows[i][1] / 4.0 for i in idx])
    reg = np.full(x.shape[1], LAMBDA)
    reg[:2] = 1e-6
    return vocab, np.linalg.solve(x.T @ x + np.diag(reg), x.T @ y)


def metric(name, pred, gold):
    pred, gold = np.array(pred), np.array(gold)
    if name == "sst2":
        return "acc", float(np.mean((pred >= 0) == (gold > 0.5)))
    if name == "fin":
        return "cos", float(pred @ gold / np.linalg.norm(pred) / np.linalg.norm(gold))
    return "r", float(np.corrcoef(pred, gold)[0, 1])


def main():
    if len(sys.argv) != 2 or not os.path.isdir(os.path.join(sys.argv[1], "sentiment")):
        sys.exit("usage: learned_words_cv.py DATA_DIR (a folder with sentiment/*.tsv, e.g. ../shared/data)")
    rows = load(sys.argv[1])
    scores = engine_scores(rows)
    toks = [words(r[2]) for r in rows]
    by = collections.defaultdict(list)
    for i, r in enumerate(rows):
        by[r[0]].append(i)
    print("| trained on | tested on | metric | engine alone | engine + learned words |")
    print("|---|---|---|---|---|")
    for held in TRAINABLE:
        train = [i for n in TRAINABLE if n != held for i in by[n]]
        vocab, beta = fit(train, rows, toks, scores)
        for name in [held, "headlines", "sst2", "fin"]:
            gold = [rows[i][1] for i in by[name]]
            base = metric(name, [scores[i] for i in by[name]], gold)
            new = metric(name, [features(toks[i], scores[i], vocab) @ beta for i in by[name]], gold)
            others = " + ".join(n for n in TRAINABLE if n != held)
            print(f"| {others} | {name} | {base[0]} | {base[1]:.3f} | {new[1]:.3f} |")


if __name__ == "__main__":
    main()
