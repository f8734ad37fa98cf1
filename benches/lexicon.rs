//! Lexicon throughput on the bundled seed pair: load time and memory (printed
//! once), zh_words and en_words in words per second, lexical_match calls per second.

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use duizhao::lexicon::{lexical_match, EnWord, Lexicon, ZhWord};

const ZH: &str = include_str!("../corpora/global-times-2023-fentanyl/zh.txt");
const EN: &str = include_str!("../corpora/global-times-2023-fentanyl/en.txt");

/// Resident set size of this process in KiB (Linux), if known.
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Rough sentences: split at sentence-final punctuation.
fn sentences<'a>(text: &'a str, ends: &[char]) -> Vec<&'a str> {
    text.split(|c| ends.contains(&c) || c == '\n')
        .map(str::trim)
        .filter(|s| s.chars().count() > 3)
        .collect()
}

fn bench(c: &mut Criterion) {
    let before = rss_kib();
    let t = Instant::now();
    let lex = Lexicon::bundled();
    let load = t.elapsed();
    let after = rss_kib();
    eprintln!(
        "lexicon load: {:.1} ms, {} headwords, RSS {} KiB -> {} KiB",
        load.as_secs_f64() * 1e3,
        lex.headwords(),
        before.unwrap_or(0),
        after.unwrap_or(0)
    );

    let zh = sentences(ZH, &['。', '！', '？', '；']);
    let en = sentences(EN, &['.', '!', '?', ';']);
    let zh_words: Vec<Vec<ZhWord>> = zh.iter().map(|s| lex.zh_words(s)).collect();
    let en_words: Vec<Vec<EnWord>> = en.iter().map(|s| lex.en_words(s)).collect();
    let zn: usize = zh_words.iter().map(Vec::len).sum();
    let en_n: usize = en_words.iter().map(Vec::len).sum();

    let mut g = c.benchmark_group("lexicon");
    g.throughput(Throughput::Elements(zn as u64));
    g.bench_function("zh_words", |b| {
        b.iter(|| {
            for s in &zh {
                black_box(lex.zh_words(black_box(s)));
            }
        })
    });
    g.throughput(Throughput::Elements(en_n as u64));
    g.bench_function("en_words", |b| {
        b.iter(|| {
            for s in &en {
                black_box(lex.en_words(black_box(s)));
            }
        })
    });
    // Beads of one to two sentences per side, as the aligner's DP proposes them.
    let m = en_words.len().max(1);
    let pairs: Vec<(usize, usize)> = (0..zh_words.len())
        .flat_map(|i| (0..3).map(move |d| (i, (i * 3 + d) % m)))
        .collect();
    g.throughput(Throughput::Elements(pairs.len() as u64 * 2));
    g.bench_function("lexical_match", |b| {
        b.iter(|| {
            for &(i, j) in &pairs {
                let z = &zh_words[i];
                let e1 = &en_words[j];
                let e2 = &en_words[(j + 1) % en_words.len()];
                black_box(lexical_match(&[z], &[e1]));
                black_box(lexical_match(&[z], &[e1, e2]));
            }
        })
    });
    g.finish();
    eprintln!(
        "RSS after the benchmarks (dictionary pages touched): {} KiB",
        rss_kib().unwrap_or(0)
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
