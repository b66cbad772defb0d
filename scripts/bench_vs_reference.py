#!/usr/bin/env python3
"""Throughput of `undertone score` against the reference vaderSentiment 3.3.2, same input, same run.

Usage: python3 scripts/bench_vs_reference.py [--docs N] [--words W] [--bin target/release/undertone]

Writes a JSONL file of N news-like documents of about W words (the team's own sentences, cycled),
times the reference package scoring every document (`polarity_scores` on the whole text, as its
users call it) and `undertone score` on the same file (default engine and `--engine vader`),
and prints words per second and the ratios. Needs `pip install vaderSentiment==3.3.2` and
`cargo build --release --bin undertone`. Timings move with machine load: run it alone.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

SENTENCES = [
    "The city council approved the new budget on Tuesday after a long and heated debate.",
    "Officials said the flooding had destroyed hundreds of homes, and rescue teams were struggling to reach survivors.",
    "Shares rose 4.5% after the company reported strong quarterly profits and raised its forecast.",
    "Critics called the plan a dangerous mistake, but supporters praised its bold ambition.",
    '"We are not giving up," said Dr. Ana Ruiz, who leads the U.S. relief effort.',
    "The minister denied any wrongdoing and said the allegations were completely false!",
    "Residents welcomed the decision, saying it was the best news they had heard in years.",
    "Talks collapsed late on Friday, raising fears of a prolonged and costly strike.",
]


def documents(count, words):
    docs = []
    for d in range(count):
        parts, n, i = [], 0, d
        while n < words:
            s = SENTENCES[i % len(SENTENCES)]
            parts.append(s)
            n += len(s.split())
            i += 1
        docs.append({"id": d, "text": " ".join(parts)})
    return docs


def median_time(fn, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--bin", default="target/release/undertone")
    args = ap.parse_args()
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        sys.exit("the reference is missing: pip install vaderSentiment==3.3.2")
    if not os.path.exists(args.bin):
        sys.exit(f"{args.bin} is missing: cargo build --release --bin undertone")

    docs = documents(args.docs, args.words)
    total_words = sum(len(d["text"].split()) for d in docs)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
        path = f.name
    try:
        analyzer = SentimentIntensityAnalyzer()
        reference = median_time(lambda: [analyzer.polarity_scores(d["text"]) for d in docs], args.repeats)

        def ours(*engine):
            subprocess.run([args.bin, "score", "--in", path, "--out", os.devnull, *engine], check=True)

        default = median_time(ours, args.repeats)
        vader = median_time(lambda: ours("--engine", "vader"), args.repeats)
    finally:
        os.unlink(path)

    print(f"{args.docs} documents, {total_words} words, median of {args.repeats} runs")
    print(f"{'engine':<42}{'seconds':>10}{'words/s':>14}{'vs reference':>14}")
    for name, t in [
        ("vaderSentiment 3.3.2 (Python reference)", reference),
        ("undertone score (default engine)", default),
        ("undertone score --engine vader", vader),
    ]:
        print(f"{name:<42}{t:>10.3f}{total_words / t:>14,.0f}{reference / t:>13.1f}x")


if __name__ == "__main__":
    main()
