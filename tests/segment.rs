//! Sentence segmentation against golden rules, our Chinese cases, the bundled
//! seed pair and (when present) the human-segmented MAC-Dev chapters.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use duizhao::segment::{segment_auto, Segmenter};
use duizhao::Lang;

const SEP: &str = " ||| ";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/segment")
        .join(name)
}

/// Shared read-only data at `../shared` beside the repository (or one level
/// further up, for a checkout nested one directory deeper).
use crate::common::shared_path as shared;

fn split(seg: &Segmenter, text: &str) -> Vec<String> {
    seg.segment(text)
        .into_iter()
        .map(|s| text[s.span].to_string())
        .collect()
}

/// Rows of a TSV of `input \t expected[ \t xfail]`, expected joined by ` ||| `.
fn cases(tsv: &str, header: bool) -> Vec<(String, Vec<String>)> {
    tsv.lines()
        .skip(usize::from(header))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.split('\t');
            let input = cols.next().unwrap_or("").to_string();
            let expected = cols
                .next()
                .unwrap_or("")
                .split(SEP)
                .map(str::to_string)
                .collect();
            (input, expected)
        })
        .collect()
}

/// Runs the cases, prints failures, returns (passes, total).
fn run_cases(seg: &Segmenter, rows: &[(String, Vec<String>)], label: &str) -> (usize, usize) {
    let mut pass = 0;
    for (input, expected) in rows {
        let got = split(seg, input);
        if &got == expected {
            pass += 1;
        } else {
            println!("[{label}] FAIL: {input}\n    expected: {expected:?}\n    got:      {got:?}");
        }
    }
    println!("[{label}] {pass}/{} pass", rows.len());
    (pass, rows.len())
}

#[test]
fn golden_rules_english() {
    let path = shared("corpora/golden-rules/en.tsv");
    let Ok(tsv) = std::fs::read_to_string(&path) else {
        println!("note: {} absent, golden rules skipped", path.display());
        return;
    };
    let rows = cases(&tsv, true);
    assert_eq!(rows.len(), 48);
    let (pass, _) = run_cases(&Segmenter::new(Lang::En), &rows, "golden en");
    assert!(pass >= 46, "only {pass}/48 English golden rules pass");
}

#[test]
fn golden_rules_chinese() {
    let path = shared("corpora/golden-rules/zh.tsv");
    let Ok(tsv) = std::fs::read_to_string(&path) else {
        println!("note: {} absent, golden rules skipped", path.display());
        return;
    };
    let rows = cases(&tsv, true);
    let (pass, total) = run_cases(&Segmenter::new(Lang::Zh), &rows, "golden zh");
    assert_eq!((pass, total), (2, 2));
}

#[test]
fn chinese_cases_all_pass() {
    let tsv = std::fs::read_to_string(fixture("zh_cases.tsv")).expect("zh_cases.tsv");
    let rows = cases(&tsv, true);
    assert!(rows.len() >= 40, "only {} Chinese cases", rows.len());
    let (pass, total) = run_cases(&Segmenter::new(Lang::Zh), &rows, "zh cases");
    assert_eq!(pass, total);
}

#[test]
fn semicolons_break_only_when_asked() {
    let t = "我们要加强合作；同时也要尊重主权。";
    assert_eq!(split(&Segmenter::new(Lang::Zh), t).len(), 1);
    assert_eq!(
        split(&Segmenter::new(Lang::Zh).semicolon_breaks(true), t),
        vec!["我们要加强合作；", "同时也要尊重主权。"]
    );
    let e = "We cooperate; we respect sovereignty.";
    assert_eq!(split(&Segmenter::new(Lang::En), e).len(), 1);
    assert_eq!(
        split(&Segmenter::new(Lang::En).semicolon_breaks(true), e),
        vec!["We cooperate;", "we respect sovereignty."]
    );
}

fn seed(lang: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpora/global-times-2023-fentanyl")
        .join(format!("{lang}.txt"));
    std::fs::read_to_string(p).expect("bundled seed")
}

fn expected_lines(name: &str) -> Vec<String> {
    std::fs::read_to_string(fixture(name))
        .expect("seed fixture")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

fn assert_same(got: &[String], want: &[String]) {
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g, w, "sentence {i} differs");
    }
    assert_eq!(got.len(), want.len(), "sentence counts differ");
}

#[test]
fn seed_chinese_reproduced_exactly() {
    let got = split(&Segmenter::new(Lang::Zh), &seed("zh"));
    assert_same(&got, &expected_lines("seed_zh.txt"));
}

#[test]
fn seed_english_reproduced_exactly() {
    let got = split(&Segmenter::new(Lang::En), &seed("en"));
    assert_same(&got, &expected_lines("seed_en.txt"));
}

#[test]
fn seed_auto_matches_fixed_language() {
    for lang in ["zh", "en"] {
        let text = seed(lang);
        let l = if lang == "zh" { Lang::Zh } else { Lang::En };
        assert_eq!(
            segment_auto(&text),
            Segmenter::new(l).segment(&text),
            "{lang}"
        );
    }
}

#[test]
fn spans_point_into_the_original_text() {
    let text = seed("zh") + "\r\n" + &seed("en");
    let sentences = segment_auto(&text);
    let mut last = 0;
    for s in &sentences {
        assert!(s.span.start >= last && s.span.end > s.span.start);
        let t = &text[s.span.clone()];
        assert_eq!(t, t.trim());
        assert!(!t.contains('\n') && !t.contains('\r'));
        last = s.span.end;
    }
}

/// Boundary precision and recall on one human-segmented chapter: the lines
/// are joined into one paragraph, re-segmented, and the sentence ends compared.
fn boundary_scores(lines: &[&str], lang: Lang) -> (usize, usize, usize) {
    let sep = if lang == Lang::Zh { "" } else { " " };
    let mut text = String::new();
    let mut gold = BTreeSet::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            text.push_str(sep);
        }
        text.push_str(line.trim());
        if i + 1 < lines.len() {
            gold.insert(text.len());
        }
    }
    let sentences = Segmenter::new(lang).segment(&text);
    let n = sentences.len();
    let predicted: BTreeSet<usize> = sentences
        .into_iter()
        .take(n.saturating_sub(1))
        .map(|s| s.span.end)
        .collect();
    let hits = predicted.intersection(&gold).count();
    (hits, predicted.len(), gold.len())
}

#[test]
fn mac_dev_boundaries() {
    let dir = shared("corpora/mac-dev");
    if !dir.is_dir() {
        println!(
            "note: {} absent, MAC-Dev boundary test skipped",
            dir.display()
        );
        return;
    }
    for (lang, code, p_floor, r_floor) in
        [(Lang::Zh, "zh", 0.99, 0.98), (Lang::En, "en", 0.99, 0.98)]
    {
        let (mut hits, mut pred, mut gold) = (0, 0, 0);
        for ch in 1..=6 {
            let path = dir.join(code).join(format!("{ch:03}"));
            let Ok(t) = std::fs::read_to_string(&path) else {
                continue;
            };
            let lines: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).collect();
            let (h, p, g) = boundary_scores(&lines, lang);
            println!(
                "[mac-dev {code} {ch:03}] precision {:.3} recall {:.3}",
                h as f64 / p.max(1) as f64,
                h as f64 / g.max(1) as f64
            );
            hits += h;
            pred += p;
            gold += g;
        }
        let (p, r) = (
            hits as f64 / pred.max(1) as f64,
            hits as f64 / gold.max(1) as f64,
        );
        println!("[mac-dev {code}] all chapters: precision {p:.3} recall {r:.3}");
        assert!(
            p >= p_floor && r >= r_floor,
            "{code}: precision {p:.3}, recall {r:.3}"
        );
    }
}

/// Checks the span invariants of a segmentation of `text`.
fn check_spans(text: &str, seg: &Segmenter) -> Result<(), String> {
    let sentences = seg.segment(text);
    let mut covered = vec![false; text.len()];
    let mut last_end = 0;
    let mut last_para = 0;
    for s in &sentences {
        let t = text
            .get(s.span.clone())
            .ok_or_else(|| format!("span {:?} off a char boundary", s.span))?;
        if s.span.start < last_end || t.is_empty() || t != t.trim() || t.contains(['\n', '\r']) {
            return Err(format!("bad sentence {t:?} at {:?}", s.span));
        }
        if s.paragraph < last_para {
            return Err("paragraph index went back".into());
        }
        last_end = s.span.end;
        last_para = s.paragraph;
        covered[s.span.clone()].iter_mut().for_each(|c| *c = true);
    }
    for (i, c) in text.char_indices() {
        if !covered[i] && !c.is_whitespace() {
            return Err(format!("{c:?} at {i} belongs to no sentence"));
        }
    }
    Ok(())
}

proptest::proptest! {
    #[test]
    fn spans_are_valid_on_arbitrary_text(
        text in "[a-zA-Z0-9 .!?…。！？“”‘’「」『』《》〈〉（）()\\[\\]\"'，、；;：:—–•⁃$%\u{4e00}-\u{4e0f}\u{3000}\n\r]{0,120}"
    ) {
        for seg in [
            Segmenter::auto(),
            Segmenter::new(Lang::Zh),
            Segmenter::new(Lang::En).semicolon_breaks(true),
        ] {
            if let Err(e) = check_spans(&text, &seg) {
                return Err(proptest::test_runner::TestCaseError::fail(format!("{e} in {text:?}")));
            }
        }
    }
}
