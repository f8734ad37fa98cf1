//! What the aligner reads of each sentence before any search: content words
//! (`Lexicon::zh_words`, `Lexicon::en_words`) and figures with list markers
//! (`numbers::extract`, `numbers::list_marker`), one sentence at a time, on
//! the MAC-Dev chapters at `../shared` (literary text, one sentence a line)
//! or, when they are absent, the bundled seed pair split at line breaks.
//!
//! Run with `cargo bench --bench units`.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use duizhao::lexicon::Lexicon;
use duizhao::numbers::{extract, list_marker};
use duizhao::Lang;

/// The six MAC-Dev chapters in `code`, or the seed text when they are absent.
fn text(code: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = ["../shared", "../../shared"]
        .iter()
        .map(|rel| root.join(rel).join("corpora/mac-dev").join(code))
        .find(|p| p.is_dir());
    let mut all = String::new();
    if let Some(dir) = dir {
        for ch in 1..=6 {
            if let Ok(t) = std::fs::read_to_string(dir.join(format!("{ch:03}"))) {
                all.push_str(&t);
            }
        }
    }
    if all.is_empty() {
        eprintln!("note: MAC-Dev absent, benchmarking the seed pair");
        let seed = root.join(format!("corpora/global-times-2023-fentanyl/{code}.txt"));
        all = std::fs::read_to_string(seed).unwrap_or_default();
    }
    all
}

fn bench(c: &mut Criterion) {
    let lex = Lexicon::bundled();
    let mut g = c.benchmark_group("units");
    for (code, lang) in [("zh", Lang::Zh), ("en", Lang::En)] {
        let all = text(code);
        let lines: Vec<&str> = all.lines().filter(|l| !l.trim().is_empty()).collect();
        g.throughput(Throughput::Elements(lines.len() as u64));
        g.bench_function(format!("{code}_words"), |b| {
            b.iter(|| {
                let mut n = 0;
                for s in &lines {
                    n += match lang {
                        Lang::Zh => lex.zh_words(black_box(s)).len(),
                        Lang::En => lex.en_words(black_box(s)).len(),
                    };
                }
                n
            })
        });
        g.bench_function(format!("{code}_figures"), |b| {
            b.iter(|| {
                let mut n = 0;
                for s in &lines {
                    n += extract(black_box(s), lang).len();
                    n += usize::from(list_marker(black_box(s), lang).is_some());
                }
                n
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
