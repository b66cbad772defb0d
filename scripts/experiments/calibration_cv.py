#!/usr/bin/env python3
"""Would a small learned layer over the engine's own features fix its three-class errors on the
team's financial sentences? (The experiment that led to the shipped layer, `news::calibration`,
which keeps only the narrow part of it; see the end of this text.)

Features per sentence, all from `undertone score --detail --engine rules` (the rules alone): the engine's score, the sums and counts
of its positive and negative token valences, the largest of each, and the length in words. A
multinomial logistic regression (L2, plain gradient descent) maps them to negative / neutral /
positive. Two set-ups, both against the engine's own cut at ±0.05 in the same run:

- "tune -> check": trained on every tune batch, measured on every check batch (the check batches
  stay unread: only counts are printed).
- "leave one batch out": each batch predicted by a model trained on all the others.

A second feature set adds the presence of each lower-case word seen in at least 3 training
sentences (a bag of words learned from company news).

Results when written (stop 17, 1,545 sentences in 13 batches), accuracy / macro-F1:
- the engine's own features learn nothing the cut does not already do (leave one batch out, all
  check batches 0.788 / 0.771 against the engine's 0.786 / 0.776);
- with words, leave one batch out: all check batches 0.822 / 0.803 against 0.786 / 0.776 (the
  tune batches lose, 0.909 to 0.885: the rules were written from them);
- the cleanest test, run once before batch 7 joined the file: trained on the 1,245 sentences of
  the 11 earlier batches (lambda 0.01), measured on the 300 of batch 7 that nobody had read:
  0.823 / 0.799 against the engine's 0.753 / 0.742 (tune7 0.88 against 0.81, check7 0.795
  against 0.725; lambda 0.03 and 0.1 gave 0.820 and 0.817).
So a word layer learned from in-domain sentences carries over to new team batches where hand
rules did not. It was then built into the engine (stop 17: trained on all 13 batches with the
words written in lower case, its class moving the rules' score just across the band line where
they disagree) and measured on the other development sets in one `undertone eval` run, against
the rules alone: news headlines r 0.682 -> 0.642, financial headlines toward the company
cosine 0.690 -> 0.611 (3-class 0.610 -> 0.441: their gold is 7.5% neutral, the team's about
half), tweets 0.817 -> 0.778, movie sentences 0.558 -> 0.517, Amazon reviews as documents
0.815 -> 0.779, editorial tune halves 0.712 -> 0.588 and check halves 0.627 -> 0.640. With only
its moves away from neutral (never towards it): financial headlines 0.664, news headlines 0.672,
Amazon documents 0.800. It learned the team batches' style and share of neutral facts, not
company news at large, so it was taken out again; the next try needs a narrower place (only
release-style sentences, or only the neutral/polar decision where the rules' score is weak) and
labelled sentences from more kinds of writers. The narrower place was tried next and ships:
only a mild score of a complete sentence, with no target, held neutral where the layer reads
neutral (gen_calibration.py; its figures in `undertone eval`).

The team batches are the team's own (eval/financial-sentences.tsv), so a model trained on them
could ship. Usage: pip install numpy==2.4.6 && python3 scripts/experiments/calibration_cv.py
[--curve] (needs target/release/undertone: cargo build --release); --curve prints the learning
curve instead (see `curve`).
"""
import collections
import os
import re
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import gen_calibration  # noqa: E402  (the generator's loader and features)

CLASSES = gen_calibration.CLASSES
LAMBDA, STEPS, RATE, MIN_DOCS = 0.01, 3000, 0.5, 3


def load():
    return gen_calibration.load()


def features(texts):
    """The rules' features (the engine without its learned layer) and their scores."""
    x = gen_calibration.rule_features(texts, "rules")
    return x, x[:, 0]


def cut(scores):
    return np.where(scores < -0.05, 0, np.where(scores > 0.05, 2, 1))


def fit(x, y):
    mean, std = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    w = np.zeros((z.shape[1], 3))
    onehot = np.eye(3)[y]
    for _ in range(STEPS):
        logits = z @ w
        p = np.exp(logits - logits.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        w -= RATE * (z.T @ (p - onehot) / len(z) + LAMBDA * np.vstack([w[:-1], 0 * w[-1:]]))
    return lambda xs: (np.hstack([(xs - mean) / std, np.ones((len(xs), 1))]) @ w).argmax(1)


def acc_f1(pred, gold):
    f1 = []
    for c in range(3):
        tp = np.sum((pred == c) & (gold == c))
        fp = np.sum((pred == c) & (gold != c))
        fn = np.sum((pred != c) & (gold == c))
        f1.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return np.mean(pred == gold), np.mean(f1)


def word_presence(texts, train):
    """Lower-case words seen in at least MIN_DOCS training texts, as 0/1 columns."""
    words = [set(re.findall(r"[a-z]+", t.lower())) for t in texts]
    docs = collections.Counter(w for i in np.flatnonzero(train) for w in words[i])
    vocab = {w: k for k, w in enumerate(sorted(w for w, n in docs.items() if n >= MIN_DOCS))}
    columns = np.zeros((len(texts), len(vocab)))
    for i, ws in enumerate(words):
        for w in ws & vocab.keys():
            columns[i, vocab[w]] = 1.0
    return columns


def main():
    rows = load()
    texts = [r[2] for r in rows]
    batches = np.array([r[0] for r in rows])
    gold = np.array([r[1] for r in rows])
    x, scores = features(texts)
    engine = cut(scores)
    tune = np.char.startswith(batches, "tune")
    check = ~tune

    def design(train, with_words):
        return np.hstack([x, word_presence(texts, train)]) if with_words else x

    print("| features | set-up | measured on | n | engine acc / macro-F1 | learned acc / macro-F1 |")
    print("|---|---|---|---|---|---|")
    for name, with_words in [("engine's", False), ("engine's + words", True)]:
        z = design(tune, with_words)
        learned = fit(z[tune], gold[tune])(z[check])
        e, l = acc_f1(engine[check], gold[check]), acc_f1(learned, gold[check])
        print(f"| {name} | tune -> check | all check batches | {check.sum()} "
              f"| {e[0]:.3f} / {e[1]:.3f} | {l[0]:.3f} / {l[1]:.3f} |")
        learned = np.zeros_like(gold)
        for b in sorted(set(batches)):
            held = batches == b
            z = design(~held, with_words)
            learned[held] = fit(z[~held], gold[~held])(z[held])
        for kind, mask in [("all tune batches", tune), ("all check batches", check)]:
            e, l = acc_f1(engine[mask], gold[mask]), acc_f1(learned[mask], gold[mask])
            print(f"| {name} | leave one batch out | {kind} | {mask.sum()} "
                  f"| {e[0]:.3f} / {e[1]:.3f} | {l[0]:.3f} / {l[1]:.3f} |")


def curve():
    """The learning curve: leave one batch out with a share of the other batches' sentences
    (a fixed random order), measured on all check batches. Results when written (stop 18), accuracy
    / macro-F1. With batches 1 to 9 (2,145 sentences in 17 batches, 1,310 in the check batches):
    about 505 training sentences 0.758 / 0.739, 1,010 0.776 / 0.756, 1,514 0.810 / 0.794, 2,019
    (all the others) 0.821 / 0.807; the rules alone 0.779 / 0.772. With batches 1 to 8 (1,845
    in 15, 1,110 checked): about 430 0.764 / 0.739, 860 0.797 / 0.776, 1,290 0.814 / 0.799,
    1,720 0.822 / 0.807; the rules alone 0.777 / 0.769."""
    rows = load()
    texts = [r[2] for r in rows]
    batches = np.array([r[0] for r in rows])
    gold = np.array([r[1] for r in rows])
    x, scores = features(texts)
    check = ~np.char.startswith(batches, "tune")
    rank = np.empty(len(rows), int)
    rank[np.random.default_rng(0).permutation(len(rows))] = np.arange(len(rows))
    print("| share of the other batches | training sentences (mean) | all check batches acc / macro-F1 |")
    print("|---|---|---|")
    for share in [0.25, 0.5, 0.75, 1.0]:
        learned = np.zeros_like(gold)
        sizes = []
        for b in sorted(set(batches)):
            held = batches == b
            others = np.flatnonzero(~held)
            keep = others if share == 1.0 else others[rank[others] < np.quantile(rank[others], share) + 1]
            train = np.zeros(len(rows), bool)
            train[keep] = True
            sizes.append(train.sum())
            z = np.hstack([x, word_presence(texts, train)])
            learned[held] = fit(z[train], gold[train])(z[held])
        a = acc_f1(learned[check], gold[check])
        print(f"| {share:.2f} | {np.mean(sizes):.0f} | {a[0]:.3f} / {a[1]:.3f} |")
    e = acc_f1(cut(scores)[check], gold[check])
    print(f"| rules alone | | {e[0]:.3f} / {e[1]:.3f} |")


if __name__ == "__main__":
    curve() if sys.argv[1:] == ["--curve"] else main()
