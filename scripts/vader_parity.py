#!/usr/bin/env python3
"""Parity of the Rust VADER port (src/vader) with PyPI vaderSentiment 3.3.2.

Usage:  python3 scripts/vader_parity.py DATA_DIR [--bin PATH] [--worst N]

Scores every sentence of DATA_DIR/sentiment/vader-{tweets,movie-snippets,amazon-snippets}.tsv
(18,513 texts; TSV with header `id valence text`) with the reference and with our engine, and
prints the share of compounds within 0.005 of the reference, the share exactly equal (all four
scores), and the worst mismatches.

Our side is the example binary `vader_jsonl` (JSONL in, JSONL out). Without --bin it is built and
run with `cargo run --release --example vader_jsonl`; --bin PATH runs an already built binary.

Needs:  pip install vaderSentiment==3.3.2
Exit status: 0 if the within-0.005 share is >= 99.5%, 1 if not, 2 if DATA_DIR (or a file) is
missing or the inputs are not as expected.
"""
import argparse
import csv
import json
import os
import subprocess
import sys

FILES = ["vader-tweets.tsv", "vader-movie-snippets.tsv", "vader-amazon-snippets.tsv"]
EXPECTED = 18513
TOLERANCE = 0.005
TARGET = 0.995
REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def load(data_dir):
    texts = []
    for name in FILES:
        path = os.path.join(data_dir, "sentiment", name)
        if not os.path.isfile(path):
            print(f"vader_parity: missing {path}", file=sys.stderr)
            sys.exit(2)
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader)
            if header[:3] != ["id", "valence", "text"]:
                print(f"vader_parity: unexpected header in {path}: {header}", file=sys.stderr)
                sys.exit(2)
            for row in reader:
                if len(row) < 3:
                    print(f"vader_parity: short row in {path}: {row}", file=sys.stderr)
                    sys.exit(2)
                # Texts never contain tabs in these files; join defensively all the same.
                texts.append((f"{name}:{row[0]}", "\t".join(row[2:])))
    return texts


def run_ours(texts, binary):
    payload = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                      for i, (_, t) in enumerate(texts))
    if binary:
        cmd = [binary]
    else:
        cmd = ["cargo", "run", "--quiet", "--release", "--example", "vader_jsonl"]
    proc = subprocess.run(cmd, input=payload.encode("utf-8"), stdout=subprocess.PIPE, cwd=REPO)
    if proc.returncode != 0:
        print(f"vader_parity: {' '.join(cmd)} failed with status {proc.returncode}", file=sys.stderr)
        sys.exit(2)
    out = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["id"]] = rec
    if len(out) != len(texts):
        print(f"vader_parity: got {len(out)} results for {len(texts)} texts", file=sys.stderr)
        sys.exit(2)
    return [out[i] for i in range(len(texts))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir")
    ap.add_argument("--bin", help="path to a built vader_jsonl binary (default: cargo run)")
    ap.add_argument("--worst", type=int, default=10, help="how many mismatches to show")
    args = ap.parse_args()

    if not os.path.isdir(args.data_dir):
        print(f"vader_parity: DATA_DIR {args.data_dir!r} does not exist (expected the shared "
              f"data folder holding sentiment/vader-*.tsv)", file=sys.stderr)
        sys.exit(2)
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        from importlib.metadata import version
        ref_version = version("vaderSentiment")
    except ImportError:
        print("vader_parity: vaderSentiment is not installed: pip install vaderSentiment==3.3.2",
              file=sys.stderr)
        sys.exit(2)
    if ref_version != "3.3.2":
        print(f"vader_parity: warning: vaderSentiment {ref_version} installed, the port targets "
              f"3.3.2 (pip install vaderSentiment==3.3.2)", file=sys.stderr)

    texts = load(args.data_dir)
    if len(texts) != EXPECTED:
        print(f"vader_parity: read {len(texts)} texts, expected {EXPECTED}", file=sys.stderr)
        sys.exit(2)

    analyzer = SentimentIntensityAnalyzer()
    ref = [analyzer.polarity_scores(t) for _, t in texts]
    ours = run_ours(texts, args.bin)

    keys = ("neg", "neu", "pos", "compound")
    within = exact_compound = exact_all = 0
    diffs = []
    for (tid, text), r, o in zip(texts, ref, ours):
        d = abs(r["compound"] - o["compound"])
        within += d <= TOLERANCE
        exact_compound += r["compound"] == o["compound"]
        same = all(r[k] == o[k] for k in keys)
        exact_all += same
        if not same:
            worst = max(abs(r[k] - o[k]) for k in keys)
            diffs.append((worst, tid, text, r, o))
    n = len(texts)
    print(f"reference: vaderSentiment {ref_version} (Python {sys.version.split()[0]}); "
          f"texts: {n} from {', '.join(FILES)}")
    print(f"compound within {TOLERANCE}: {within}/{n} = {100.0 * within / n:.3f}%  (target >= {100 * TARGET:.1f}%)")
    print(f"compound exactly equal:   {exact_compound}/{n} = {100.0 * exact_compound / n:.3f}%")
    print(f"all four scores equal:    {exact_all}/{n} = {100.0 * exact_all / n:.3f}%")
    diffs.sort(key=lambda x: -x[0])
    if diffs:
        print(f"worst {min(args.worst, len(diffs))} of {len(diffs)} mismatches:")
        for worst, tid, text, r, o in diffs[: args.worst]:
            print(f"  {tid}  max|diff|={worst:.4f}\n    text: {text[:200]!r}\n    ref:  {r}\n"
                  f"    ours: { {k: o[k] for k in keys} }")
    else:
        print("no mismatches")
    sys.exit(0 if within / n >= TARGET else 1)


if __name__ == "__main__":
    main()
