//! Throughput of sentence scoring and whole-article analysis, in words per second, at
//! 1k, 10k and 100k words to show the cost is linear in length.
//!
//! Run: `cargo bench --bench analyze`. `analyze_article` is the full analysis the extension shows
//! (score, drivers and entities); `score_article` the score alone.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

mod common;

/// The team's own news-like sentences, mixed in tone, cycled to the wanted length.
const SENTENCES: &[&str] = &[
    "The city council approved the new budget on Tuesday after a long and heated debate.",
    "Officials said the flooding had destroyed hundreds of homes, and rescue teams were struggling to reach survivors.",
    "Shares rose 4.5% after the company reported strong quarterly profits and raised its forecast.",
    "Critics called the plan a dangerous mistake, but supporters praised its bold ambition.",
    "\"We are not giving up,\" said Dr. Ana Ruiz, who leads the U.S. relief effort.",
    "The minister denied any wrongdoing and said the allegations were completely false!",
    "Residents welcomed the decision, saying it was the best news they had heard in years.",
    "Talks collapsed late on Friday, raising fears of a prolonged and costly strike.",
];

fn word_count(text: &str) -> u64 {
    text.split_whitespace().count() as u64
}

fn sentence_scoring(c: &mut Criterion) {
    let mut group = c.benchmark_group("vader_sentence");
    for s in [SENTENCES[1], SENTENCES[3]] {
        group.throughput(Throughput::Elements(word_count(s)));
        group.bench_with_input(BenchmarkId::from_parameter(word_count(s)), s, |b, s| {
            b.iter(|| undertone::vader::polarity_scores(black_box(s)))
        });
    }
    group.finish();
}

fn article_analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze_article");
    group.sample_size(20);
    for words in [1_000, 10_000, 100_000] {
        let text = common::article(SENTENCES, words);
        group.throughput(Throughput::Elements(word_count(&text)));
        group.bench_with_input(BenchmarkId::from_parameter(words), &text, |b, text| {
            b.iter(|| undertone::analyze(black_box(text)))
        });
    }
    group.finish();
}

/// The article score alone (`skip_entities`), as `undertone score` and the evaluation compute it.
fn article_scoring(c: &mut Criterion) {
    let mut group = c.benchmark_group("score_article");
    group.sample_size(20);
    let options = undertone::Options {
        skip_entities: true,
        ..Default::default()
    };
    for words in [1_000, 10_000, 100_000] {
        let text = common::article(SENTENCES, words);
        group.throughput(Throughput::Elements(word_count(&text)));
        group.bench_with_input(BenchmarkId::from_parameter(words), &text, |b, text| {
            b.iter(|| undertone::analyze_with(black_box(text), &options))
        });
    }
    group.finish();
}

criterion_group!(benches, sentence_scoring, article_analysis, article_scoring);
criterion_main!(benches);
