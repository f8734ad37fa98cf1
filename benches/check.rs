//! Review throughput on long single lines: the bundled seed article joined
//! into one line (many sentences, repeated, so that findings and
//! inconsistent translations pile up along the line), and a line without a
//! single punctuation mark (one sentence on each side, words repeated).
//!
//! Each pair is aligned once, outside the measurement; what is measured is
//! the review (`Checker::check_with_margins`) and the text and HTML reports
//! written from it. Every input is benchmarked at two sizes, four times
//! apart, with throughput in bytes of input: a review that stays linear
//! keeps the same throughput at both sizes. (The review and its reports once
//! scanned every finding for every sentence, and a repeated word's whole run
//! for every Chinese word translating it: a 6 MB pair of lines without
//! punctuation took 22 s of CPU to review against 4 s to align.)
//! `scripts/bench-scale --long-line` compares `check` with `align` on lines
//! of many megabytes; docs/robustness.md has the figures.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use duizhao::report::{Format, Report};
use duizhao::{Aligner, Checker, Document, Lang};

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The seed article `times` over, each side on one line.
fn joined_seed(times: usize) -> (String, String) {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/global-times-2023-fentanyl");
    let zh = read(&seed.join("zh.txt")).replace(['\r', '\n'], "");
    let en = read(&seed.join("en.txt")).replace(['\r', '\n'], " ");
    (zh.repeat(times), en.repeat(times))
}

/// A line of `n` Han characters and one of about half as many English
/// words, without punctuation, drawn from a few frequent words.
fn unpunctuated(n: usize) -> (String, String) {
    let han: Vec<char> = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自可过天对能而"
        .chars()
        .collect();
    let zh: String = (0..n)
        .map(|i| han[(i * 7919 + i / 13) % han.len()])
        .collect();
    let words = [
        "the", "economy", "of", "China", "grew", "and", "people", "said",
    ];
    let en: Vec<&str> = (0..n * 19 / 35)
        .map(|i| words[(i * 31 + i / 7) % words.len()])
        .collect();
    (zh, en.join(" "))
}

fn bench_check(c: &mut Criterion) {
    let _ = duizhao::lexicon::Lexicon::bundled();
    let mut group = c.benchmark_group("check long line");
    group.measurement_time(Duration::from_secs(6));
    group.sample_size(10);
    let inputs = [
        ("seed joined", joined_seed(40)),
        ("seed joined", joined_seed(160)),
        ("no punctuation", unpunctuated(100_000)),
        ("no punctuation", unpunctuated(400_000)),
    ];
    for (name, (zh_text, en_text)) in inputs {
        let bytes = zh_text.len() + en_text.len();
        let zh = Document::segment(zh_text, Lang::Zh);
        let en = Document::segment(en_text, Lang::En);
        let (alignment, _, margins) = Aligner::new().align_with_margins(&zh, &en);
        let checker = Checker::new();
        group.throughput(Throughput::Bytes(bytes as u64));
        let size = format!("{} kB", bytes / 1000);
        group.bench_with_input(BenchmarkId::new(name, &size), &(), |b, ()| {
            b.iter(|| {
                let review = checker.check_with_margins(&zh, &en, &alignment, &margins);
                let report = Report::new(&zh, &en, &alignment, &review);
                let mut out = Vec::new();
                for format in [Format::Text, Format::Html] {
                    out.clear();
                    report
                        .write(format, &mut out, false)
                        .unwrap_or_else(|e| panic!("{e}"));
                    black_box(out.len());
                }
                black_box(review.findings.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
