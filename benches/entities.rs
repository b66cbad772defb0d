//! Throughput of entity recognition and of whole-article entities (with tone), in tokens per
//! second, at 1k, 10k and 100k words.
//!
//! Run: `cargo bench --bench entities` (budget: at least 1 million tokens/s for recognition).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

mod common;
use undertone::entities::{entities, recognize};

/// The team's own news-like sentences, dense in names, cycled to the wanted length.
const SENTENCES: &[&str] = &[
    "MOSCOW (Reuters) - Russian President Vladimir Putin met United Nations Secretary-General Antonio Guterres on Tuesday.",
    "Shares of Acmetronics Inc. rose 4.5% after the company reported strong profits, analysts at Barrowby plc said.",
    "The U.S. State Department said NATO allies in Brussels and Warsaw would meet again in March.",
    "\"We are not giving up,\" said Dr. Ana Ruiz, who leads the relief effort in New York and Chicago.",
    "Putin said the talks with the European Union and the IMF had been difficult but useful.",
    "Officials blamed ISIS-K for the attack near Kabul, while the Islamic State denied any role.",
    "Residents of Zürich welcomed the decision by Sen. Elizabeth Warren and Gov. Gavin Newsom.",
    "Talks between Tesla and the Kessler Group collapsed late on Friday in Berlin.",
];

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("entities");
    for words in [1_000usize, 10_000, 100_000] {
        let text = common::article(SENTENCES, words);
        let tokens = undertone::text::tokens(&text).count() as u64;
        group.throughput(Throughput::Elements(tokens));
        group.bench_with_input(BenchmarkId::new("recognize", words), &text, |b, t| {
            b.iter(|| recognize(black_box(t)))
        });
        if words <= 10_000 {
            group.bench_with_input(BenchmarkId::new("entities", words), &text, |b, t| {
                b.iter(|| entities(black_box(t), Some("Putin meets Guterres")))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
