//! Alignments pinned byte for byte: the beads, confidences, document score
//! and skip margins of a few pairs, compared with what the aligner gave when
//! they were pinned. Faster bead pricing must not move a single bead; a
//! change that means to move beads re-pins them (`DUIZHAO_PIN=write cargo
//! test --release --test tests pinned`) and says why, with MAC-Dev's F1.
//!
//! Pairs: the seed article (paragraphs, figures), the one-sentence-a-line
//! fixture, the check fixtures, the seed article repeated eight times (long
//! enough for the coarse-to-fine search), and, when `../shared` is there,
//! each MAC-Dev chapter presegmented and all six chapters as one pair.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use duizhao::{Aligner, Document, Lang};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn pin_dir() -> PathBuf {
    Path::new(ROOT).join("tests/fixtures/align/pinned")
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Everything the aligner decides for a pair, as text: one line per bead
/// (Chinese range, English range, confidence), the document score's
/// evidence, and every sentence's skip margin.
fn render(zh: &Document, en: &Document) -> String {
    let (alignment, score, margins) = Aligner::new().align_with_margins(zh, en);
    let mut out = String::new();
    for b in &alignment.beads {
        let _ = writeln!(
            out,
            "{}..{}\t{}..{}\t{:.6}",
            b.zh.start, b.zh.end, b.en.start, b.en.end, b.confidence
        );
    }
    let _ = writeln!(
        out,
        "score {:.6} confident {:.6} chars {:.6} coverage {:.6} lexical {:.6} background {:.6} figures {:?} ratio {:.6}",
        score.score,
        score.zh_confident,
        score.zh_confident_chars,
        score.zh_coverage,
        score.lexical,
        score.background,
        score.figures.map(|f| format!("{f:.6}")),
        score.length_ratio
    );
    let fmt = |v: &[f64]| -> String {
        v.iter()
            .map(|d| format!("{d:.4}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let _ = writeln!(out, "zh margins {}", fmt(&margins.zh));
    let _ = writeln!(out, "en margins {}", fmt(&margins.en));
    // The plain search (no margins) must find the same beads.
    let plain = Aligner::new().align(zh, en);
    assert_eq!(plain.beads, alignment.beads, "align and align_with_margins");
    out
}

/// Compare `got` with the pinned file `name`, or write it when asked.
fn check(name: &str, got: &str) -> Result<(), String> {
    let path = pin_dir().join(name);
    if std::env::var("DUIZHAO_PIN").as_deref() == Ok("write") {
        std::fs::create_dir_all(pin_dir()).unwrap();
        std::fs::write(&path, got).unwrap();
        return Ok(());
    }
    let want = read(&path);
    if want == got {
        return Ok(());
    }
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let first = w
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    Err(format!(
        "{name}: first difference at line {}: pinned {:?}, got {:?}",
        first + 1,
        w.get(first),
        g.get(first)
    ))
}

fn seed() -> (String, String) {
    let dir = Path::new(ROOT).join("corpora/global-times-2023-fentanyl");
    (read(&dir.join("zh.txt")), read(&dir.join("en.txt")))
}

#[test]
fn alignments_of_the_fixtures_are_pinned_byte_for_byte() {
    let mut failures = Vec::new();
    let mut pin = |name: &str, zh: &Document, en: &Document| {
        if let Err(e) = check(name, &render(zh, en)) {
            failures.push(e);
        }
    };
    let (zh, en) = seed();
    pin(
        "seed.txt",
        &Document::segment(zh.clone(), Lang::Zh),
        &Document::segment(en.clone(), Lang::En),
    );
    // Eight copies: 264 x 400 sentences, searched coarse-to-fine.
    pin(
        "seed-x8.txt",
        &Document::segment(zh.repeat(8), Lang::Zh),
        &Document::segment(en.repeat(8), Lang::En),
    );
    let fixtures = Path::new(ROOT).join("tests/fixtures");
    let lines = |p: &str, lang| Document::presegmented(read(&fixtures.join(p)), lang);
    pin(
        "lines.txt",
        &lines("align/lines.zh", Lang::Zh),
        &lines("align/lines.en", Lang::En),
    );
    for name in ["clean", "figures", "markup"] {
        let doc = |lang: Lang, ext: &str| {
            let text = read(&fixtures.join(format!("check/{name}.{ext}.txt")));
            Document::segment(text, lang)
        };
        pin(
            &format!("check-{name}.txt"),
            &doc(Lang::Zh, "zh"),
            &doc(Lang::En, "en"),
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn alignments_of_mac_dev_are_pinned_byte_for_byte() {
    let Some(dir) = crate::common::shared("corpora/mac-dev") else {
        return;
    };
    let names = ["001", "002", "003", "004", "005", "006"];
    let mut failures = Vec::new();
    let (mut all_zh, mut all_en) = (String::new(), String::new());
    for n in names {
        let zh = read(&dir.join("zh").join(n));
        let en = read(&dir.join("en").join(n));
        let got = render(
            &Document::presegmented(zh.clone(), Lang::Zh),
            &Document::presegmented(en.clone(), Lang::En),
        );
        if let Err(e) = check(&format!("mac-dev-{n}.txt"), &got) {
            failures.push(e);
        }
        all_zh.push_str(&zh);
        all_en.push_str(&en);
    }
    // All chapters as one pair: the coarse-to-fine search over blocks.
    let got = render(
        &Document::presegmented(all_zh, Lang::Zh),
        &Document::presegmented(all_en, Lang::En),
    );
    if let Err(e) = check("mac-dev-all.txt", &got) {
        failures.push(e);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
