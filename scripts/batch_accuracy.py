#!/usr/bin/env python3
"""A team batch's figures from any build: how a new batch's first measurement is taken and
rerun. `undertone eval` scores the financial batches with the learned layer's fold models, which
all know the newest batch; the first measurement of a batch needs the build from before it
joined the files (eval/README names each commit), and `undertone score` of that build.

Financial batches (eval/financial-sentences.tsv): accuracy and macro-F1 at +-0.05 over the
batches given together. Editorial batches (eval/editorial-sentences.tsv): Pearson r with the
raters' mean (`undertone score`, which differs from `undertone eval` in the third decimal).

Usage, e.g. batch 8 with the layer of 1a9420d:
  git worktree add /tmp/at 1a9420d && (cd /tmp/at && cargo build --release) &&
  python3 scripts/batch_accuracy.py tune8,check8 --bin /tmp/at/target/release/undertone
(--engine rules or vader for the other engines; the batch is read from this checkout, or with
--financial / --editorial from a file of the same columns, for a batch not yet in eval/. Build each
commit in its own worktree with its own target folder: a shared CARGO_TARGET_DIR may keep the
first build, as the new worktree's files are no newer than its outputs.)
"""
import argparse
import json
import os
import subprocess

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLASSES = ["negative", "neutral", "positive"]


def read(path):
    with open(path, encoding="utf-8") as f:
        return [row for row in (line.rstrip("\n").split("\t") for line in f) if row[0] != "batch"
                and row[0] != "half"]


def scores(binary, engine, texts):
    lines = "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts))
    args = [binary, "score"] + (["--engine", engine] if engine else [])
    out = subprocess.run(args, input=lines, capture_output=True, text=True, check=True)
    return np.array([json.loads(o)["score"] for o in out.stdout.splitlines()])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("batches", help="comma-separated batch names, e.g. tune8,check8")
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "undertone"))
    parser.add_argument("--engine", default=None)
    parser.add_argument("--financial", default=os.path.join(ROOT, "eval", "financial-sentences.tsv"),
                        help="rows of batch, label, text (a new batch before it joins eval/)")
    parser.add_argument("--editorial", default=os.path.join(ROOT, "eval", "editorial-sentences.tsv"),
                        help="rows of half, id, three ratings, text")
    args = parser.parse_args()
    wanted = set(args.batches.split(","))
    financial = [r for r in read(args.financial) if r[0] in wanted]
    editorial = [r for r in read(args.editorial) if r[0] in wanted]
    if financial:
        gold = np.array([CLASSES.index(r[1]) for r in financial])
        s = scores(args.bin, args.engine, [r[2] for r in financial])
        pred = np.where(s < -0.05, 0, np.where(s > 0.05, 2, 1))
        f1 = []
        for c in range(3):
            tp = np.sum((pred == c) & (gold == c))
            missed = np.sum((pred == c) != (gold == c))  # false positives and negatives
            f1.append(2 * tp / (2 * tp + missed) if tp else 0.0)
        print(f"financial {args.batches}: n={len(gold)} accuracy {np.mean(pred == gold):.3f} "
              f"macro-F1 {np.mean(f1):.3f} (always neutral {np.mean(gold == 1):.3f})")
    if editorial:
        mean = np.array([(int(r[2]) + int(r[3]) + int(r[4])) / 3 for r in editorial])
        s = scores(args.bin, args.engine, [r[5] for r in editorial])
        print(f"editorial {args.batches}: n={len(mean)} Pearson r {np.corrcoef(s, mean)[0, 1]:.3f}")
    if not financial and not editorial:
        raise SystemExit(f"no batch named {args.batches} in eval/")


if __name__ == "__main__":
    main()
