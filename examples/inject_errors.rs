//! How well does `duizhao check` find translation errors? Inject errors of
//! each kind into clean aligned pairs, run the checker, and count.
//!
//! ```text
//! cargo run --release --example inject_errors [-- SHARED_DIR]
//! ```
//!
//! Clean pairs: the bundled figure fixture (`tests/fixtures/check/figures.*.txt`,
//! 40 news-style sentences full of figures, line by line), the MAC-Dev gold chapters (read from `SHARED_DIR`, else
//! `$DUIZHAO_SHARED`, else `../shared` or `../../shared` beside the crate:
//! `…/corpora/mac-dev`; skipped with a note when absent), one
//! sentence per line with the gold ladder as alignment, and the bundled seed
//! pair (`tests/fixtures/check/seed.*`, with its true alignment; it holds real
//! translation errors, so it is left out of the count of false findings).
//!
//! Injections, one per trial:
//! * **deleted sentence**: the English of a 1-1 bead is removed and the gold
//!   beads around it (twelve on each side; the whole chapter with `WHOLE=1`)
//!   are realigned by the aligner; found when an `omission` or
//!   `partial-omission` covers the Chinese sentence (a second line counts
//!   those reported at the sentence before or after it as well).
//! * **added sentence**: an English sentence of ten words or more from the
//!   next clean pair is inserted after the English of every other 1-1 bead,
//!   and the window around it realigned; found when an `addition` covers it.
//! * **figure dropped** / **digit changed** (the leading digit; the last
//!   one in dates and years) / **×10**
//!   (English side) and **万→千** / **qualifier dropped** (Chinese side gains
//!   以上, the English keeps the bare figure): on 1-1 beads whose figures,
//!   written with digits on both sides, match exactly; the gold alignment is
//!   kept; found when a figure finding of the expected kind is on the bead.
//!
//! False findings: untouched 1-1 beads of the clean pairs with any figure or
//! omission finding, under the gold alignment and under the aligner's. Of
//! the aligner's 1-1 beads, those over a sentence the gold leaves without
//! translation are left out of the main count (a finding there is right),
//! and shown in a second line; a third counts only the beads the aligner
//! got right, where a finding is the checker's alone.
//!
//! Last, how far the dictionary alone separates a sentence's own
//! translation from its neighbours': the share of gold 1-1 beads whose
//! Chinese finds no dictionary partner in its own English, and the share
//! whose Chinese finds one in the English of the bead before or after.
//!
//! `VERBOSE=1` lists every miss and every false finding; `DOUBT_MARGIN=X`
//! sets the checker's doubt margin (default 0.5, 0 turns it off) to trade
//! recall of deleted sentences for false findings.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use duizhao::check::{Checker, FindingKind, Review};
use duizhao::lexicon::{lexical_match, Lexicon};
use duizhao::numbers::{self, MatchQuality, Qualifier, Value};
use duizhao::{Aligner, Alignment, Bead, Document, Lang};
use rayon::prelude::*;

/// The checker under test: default settings, or the doubt margin given in
/// `DOUBT_MARGIN`.
fn checker() -> Checker {
    match std::env::var("DOUBT_MARGIN")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        Some(m) => Checker::new().doubt_margin(m),
        None => Checker::new(),
    }
}

/// A clean pair with its reference alignment.
struct Pair {
    name: String,
    zh: Vec<String>,
    en: Vec<String>,
    gold: Alignment,
}

impl Pair {
    /// Indices of the gold 1-1 beads.
    fn one_to_one(&self) -> Vec<usize> {
        let beads = self.gold.beads.iter().enumerate();
        beads
            .filter(|(_, b)| b.shape() == (1, 1))
            .map(|(k, _)| k)
            .collect()
    }

    /// How the dictionary tells a sentence's own translation from its
    /// neighbours': of the gold 1-1 beads whose Chinese has dictionary
    /// words, those whose Chinese finds no partner in its own English, and
    /// those whose Chinese finds one in the English of the bead before or
    /// after (what the aligner may pair it with once its own is deleted).
    fn lexical_separation(&self) -> (usize, usize, usize) {
        let lex = Lexicon::bundled();
        let beads = &self.gold.beads;
        let (mut own_none, mut neighbour_some, mut n) = (0, 0, 0);
        for k in self.one_to_one() {
            let (i, j) = (beads[k].zh.start, beads[k].en.start);
            let zh: Vec<_> = lex.zh_words(&self.zh[i]);
            let zh: Vec<_> = zh
                .into_iter()
                .filter(|w| !w.translations.is_empty())
                .collect();
            if zh.is_empty() {
                continue;
            }
            let matched = |j: usize| {
                let en = lex.en_words(&self.en[j]);
                lexical_match(&[&zh[..]], &[&en[..]]).zh_matched > 0
            };
            n += 1;
            own_none += usize::from(!matched(j));
            let around = [k.checked_sub(1), Some(k + 1)];
            let neighbours = around.into_iter().flatten().filter_map(|k| beads.get(k));
            neighbour_some += usize::from(neighbours.flat_map(|b| b.en.clone()).any(matched));
        }
        (own_none, neighbour_some, n)
    }

    fn docs(&self) -> (Document, Document) {
        (
            Document::presegmented(self.zh.join("\n"), Lang::Zh),
            Document::presegmented(self.en.join("\n"), Lang::En),
        )
    }
}

fn parse_ids(s: &str) -> Option<Vec<usize>> {
    let inner = s.trim().strip_prefix('[')?.strip_suffix(']')?;
    inner
        .split(',')
        .filter(|t| !t.trim().is_empty())
        .map(|t| t.trim().parse().ok())
        .collect()
}

/// A gold ladder (`[0,1]:[0]` per line) as an alignment, in order.
fn parse_ladder(text: &str) -> Option<Alignment> {
    let mut beads = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (a, b) = line.split_once(':')?;
        beads.push((parse_ids(a)?, parse_ids(b)?));
    }
    // Empty sides sit where the running position is.
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    for (zh, en) in beads {
        let zr = match (zh.first(), zh.last()) {
            (Some(&f), Some(&l)) => f..l + 1,
            _ => i..i,
        };
        let er = match (en.first(), en.last()) {
            (Some(&f), Some(&l)) => f..l + 1,
            _ => j..j,
        };
        i = zr.end.max(i);
        j = er.end.max(j);
        out.push(Bead {
            zh: zr,
            en: er,
            confidence: 1.0,
        });
    }
    out.sort_by_key(|b| (b.zh.start, b.en.start));
    Some(Alignment {
        beads: out,
        score: 1.0,
    })
}

fn lines(path: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(text.lines().map(|l| l.trim().to_string()).collect())
}

fn mac_dev(shared: &Path) -> Vec<Pair> {
    let dir = shared.join("corpora/mac-dev");
    let mut names: Vec<String> = match std::fs::read_dir(dir.join("gold")) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                e.file_name()
                    .to_str()
                    .and_then(|n| n.strip_suffix(".align"))
                    .map(str::to_string)
            })
            .collect(),
        Err(_) => {
            eprintln!("note: {} not found; MAC-Dev skipped", dir.display());
            return vec![];
        }
    };
    names.sort();
    names
        .into_iter()
        .filter_map(|n| {
            let zh = lines(&dir.join("zh").join(&n))?;
            let en = lines(&dir.join("en").join(&n))?;
            let gold = parse_ladder(
                &std::fs::read_to_string(dir.join("gold").join(format!("{n}.align"))).ok()?,
            )?;
            if zh.iter().chain(&en).any(|l| l.is_empty()) {
                eprintln!("note: mac-dev/{n} has blank lines; skipped");
                return None;
            }
            Some(Pair {
                name: format!("mac-dev/{n}"),
                zh,
                en,
                gold,
            })
        })
        .collect()
}

/// The bundled figure fixture: one sentence per line, each line translating
/// the same line of the other file.
fn figure_fixture(root: &Path) -> Option<Pair> {
    let dir = root.join("tests/fixtures/check");
    let zh = lines(&dir.join("figures.zh.txt"))?;
    let en = lines(&dir.join("figures.en.txt"))?;
    let beads = (0..zh.len().min(en.len()))
        .map(|i| Bead {
            zh: i..i + 1,
            en: i..i + 1,
            confidence: 1.0,
        })
        .collect();
    Some(Pair {
        name: "fixture/figures".into(),
        zh,
        en,
        gold: Alignment { beads, score: 1.0 },
    })
}

/// The seed pair, one sentence per line, with its true alignment. It holds
/// real translation errors, so it serves for injections only, not for
/// counting false findings.
fn seed(root: &Path) -> Option<Pair> {
    let dir = root.join("tests/fixtures/check");
    let nonblank = |v: Vec<String>| v.into_iter().filter(|l| !l.is_empty()).collect::<Vec<_>>();
    Some(Pair {
        name: "seed".into(),
        zh: nonblank(lines(&dir.join("seed.zh.txt"))?),
        en: nonblank(lines(&dir.join("seed.en.txt"))?),
        gold: parse_ladder(&std::fs::read_to_string(dir.join("seed.align")).ok()?)?,
    })
}

const FIGURE_KINDS: [FindingKind; 4] = [
    FindingKind::FigureMissing,
    FindingKind::FigureAdded,
    FindingKind::FigureAltered,
    FindingKind::QualifierDropped,
];

/// Which 1-1 beads of an alignment count as untouched.
#[derive(Clone, Copy)]
enum Among<'a> {
    /// Every 1-1 bead.
    All,
    /// 1-1 beads whose two sentences the gold alignment pairs with some
    /// translation: a sentence the gold leaves unaligned is a real
    /// omission or addition, and a finding on it no false alarm.
    Translated(&'a Alignment),
    /// 1-1 beads that are gold beads too: the aligner got them right, so a
    /// finding there is the checker's alone.
    Right(&'a Alignment),
}

/// Untouched 1-1 beads (of `alignment`), and among them those with a
/// figure or omission finding.
fn flagged_one_to_one(review: &Review, alignment: &Alignment, among: Among<'_>) -> (usize, usize) {
    let translated = |g: &Alignment, b: &Bead| {
        let zh_paired = g
            .beads
            .iter()
            .any(|x| x.zh.contains(&b.zh.start) && !x.en.is_empty());
        let en_paired = g
            .beads
            .iter()
            .any(|x| x.en.contains(&b.en.start) && !x.zh.is_empty());
        zh_paired && en_paired
    };
    let ones: Vec<usize> = alignment
        .beads
        .iter()
        .enumerate()
        .filter(|(_, b)| b.shape() == (1, 1))
        .filter(|(_, b)| match among {
            Among::All => true,
            Among::Translated(g) => translated(g, b),
            Among::Right(g) => g.beads.iter().any(|x| x.zh == b.zh && x.en == b.en),
        })
        .map(|(i, _)| i)
        .collect();
    let flagged = ones
        .iter()
        .filter(|&&b| {
            review.findings.iter().any(|f| {
                f.bead == b
                    && (FIGURE_KINDS.contains(&f.kind)
                        || f.kind == FindingKind::Omission
                        || f.kind == FindingKind::PartialOmission)
            })
        })
        .count();
    (flagged, ones.len())
}

#[derive(Default, Clone, Copy)]
struct Tally {
    trials: usize,
    found: usize,
}

impl Tally {
    fn add(&mut self, found: bool) {
        self.trials += 1;
        self.found += usize::from(found);
    }
}

/// Gold beads on either side of a deletion given to the aligner.
const WINDOW: usize = 12;

/// Remove the English of 1-1 gold bead `k`, realign the surrounding window
/// of gold beads with the aligner, and see whether its Chinese is reported.
fn deletion_found(pair: &Pair, k: usize) -> Option<(bool, bool, usize)> {
    let target = pair.gold.beads.get(k)?;
    let (zh_lo, zh, en_lo, mut en) = window(pair, k)?;
    en.remove(target.en.start - en_lo);
    let (zh, en, alignment, review) = realigned(&zh, &en);
    let i = target.zh.start - zh_lo;
    let reported_at = |i: usize| {
        review.findings.iter().any(|f| {
            matches!(f.kind, FindingKind::Omission | FindingKind::PartialOmission)
                && f.zh_sentences.contains(&i)
        })
    };
    let found = reported_at(i);
    // A reviewer sent to the sentence before or after still finds the gap.
    let near = found || reported_at(i + 1) || i.checked_sub(1).is_some_and(reported_at);
    let words = Lexicon::bundled()
        .zh_words(zh.sentence_text(i))
        .iter()
        .filter(|w| !w.translations.is_empty())
        .count();
    if !found && std::env::var_os("VERBOSE").is_some() {
        let bead = alignment.beads.iter().find(|b| b.zh.contains(&i));
        println!(
            "missed deletion {} zh {} ({words} words): {} | bead {:?}",
            pair.name,
            target.zh.start,
            zh.sentence_text(i),
            bead.map(|b| (
                b.kind(),
                b.en.clone()
                    .map(|j| en.sentence_text(j).to_string())
                    .collect::<Vec<_>>()
            ))
        );
    }
    Some((found, near, words))
}

/// The sentences of the gold beads around bead `k` (twelve each side, all
/// with `WHOLE=1`): first Chinese index, Chinese lines, first English index,
/// English lines.
fn window(pair: &Pair, k: usize) -> Option<(usize, Vec<&str>, usize, Vec<&str>)> {
    let beads = &pair.gold.beads;
    let window = if std::env::var_os("WHOLE").is_some() {
        &beads[..]
    } else {
        &beads[k.saturating_sub(WINDOW)..(k + WINDOW + 1).min(beads.len())]
    };
    let zh_lo = window.iter().map(|b| b.zh.start).min()?;
    let zh_hi = window.iter().map(|b| b.zh.end).max()?;
    let en_lo = window.iter().map(|b| b.en.start).min()?;
    let en_hi = window.iter().map(|b| b.en.end).max()?;
    Some((
        zh_lo,
        as_strs(pair.zh.get(zh_lo..zh_hi)?),
        en_lo,
        as_strs(pair.en.get(en_lo..en_hi)?),
    ))
}

/// Lines of a window aligned by the aligner and reviewed.
fn realigned(zh: &[&str], en: &[&str]) -> (Document, Document, Alignment, Review) {
    let zh = Document::presegmented(zh.join("\n"), Lang::Zh);
    let en = Document::presegmented(en.join("\n"), Lang::En);
    let alignment = Aligner::new().align(&zh, &en);
    let review = checker().check(&zh, &en, &alignment);
    (zh, en, alignment, review)
}

fn as_strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// Insert `added` (an English sentence of another text) after the English
/// of 1-1 gold bead `k`, realign the window around it with the aligner, and
/// see whether it is reported as an addition.
fn addition_found(pair: &Pair, k: usize, added: &str) -> Option<bool> {
    let target = pair.gold.beads.get(k)?;
    let (_, zh, en_lo, mut en) = window(pair, k)?;
    let j = target.en.end - en_lo;
    en.insert(j, added);
    let (zh, _, alignment, review) = realigned(&zh, &en);
    let found = review
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::Addition && f.en_sentences.contains(&j));
    if !found && std::env::var_os("VERBOSE").is_some() {
        let bead = alignment.beads.iter().find(|b| b.en.contains(&j));
        println!(
            "missed addition {} after en {}: {added} | bead {:?}",
            pair.name,
            target.en.start,
            bead.map(|b| (
                b.kind(),
                b.zh.clone()
                    .map(|i| zh.sentence_text(i).to_string())
                    .collect::<Vec<_>>()
            ))
        );
    }
    Some(found)
}

/// Unrelated English sentences inserted, reported as additions.
const ADDED: &str = "added sentence";

/// Deletions reported at the deleted sentence or at one next to it.
const NEAR: &str = "deleted, reported within ±1";

/// Size classes of deleted sentences, by dictionary words.
const SIZES: [(&str, usize); 3] = [
    ("deleted, < 5 words", 0),
    ("deleted, 5-9 words", 5),
    ("deleted, ≥ 10 words", 10),
];

/// One figure injection: the modified sentence texts and what must be found.
struct Injection {
    kind: &'static str,
    zh_line: Option<String>,
    en_line: Option<String>,
    expect: &'static [FindingKind],
}

fn replace(s: &str, r: Range<usize>, with: &str) -> Option<String> {
    let mut out = String::new();
    out.push_str(s.get(..r.start)?);
    out.push_str(with);
    out.push_str(s.get(r.end..)?);
    Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Group a whole number with commas: 1070000 → "1,070,000".
fn grouped(x: f64) -> String {
    let digits = format!("{}", x.round() as i64);
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The injections possible on one 1-1 bead with an exactly matched figure pair.
fn injections(zh: &str, en: &str) -> Vec<Injection> {
    let zf = numbers::extract(zh, Lang::Zh);
    let ef = numbers::extract(en, Lang::En);
    let cmp = numbers::compare(&zf, &ef);
    let mut out = Vec::new();
    for m in &cmp.matched {
        if m.quality != MatchQuality::Exact {
            continue;
        }
        let (Some(z), Some(e)) = (zf.get(m.zh), ef.get(m.en)) else {
            continue;
        };
        if z.vague || e.vague {
            continue;
        }
        let Some(etext) = en.get(e.span.clone()) else {
            continue;
        };
        let Some(ztext) = zh.get(z.span.clone()) else {
            continue;
        };
        // Only figures the checker reports on: written with digits (or 万/亿).
        let digits = |t: &str| {
            t.chars()
                .any(|c| c.is_ascii_digit() || c == '万' || c == '亿')
        };
        if !digits(etext) || !digits(ztext) {
            continue;
        }
        out.push(Injection {
            kind: "figure dropped",
            zh_line: None,
            en_line: replace(en, e.span.clone(), ""),
            expect: &[FindingKind::FigureMissing, FindingKind::FigureAltered],
        });
        // Change the leading digit (a change of the last digit of a rounded
        // figure, 107,000 → 107,003, may be a legitimate rounding).
        // In dates and years, the last digit (a valid date stays valid).
        let calendar = matches!(e.value, Value::Year(_) | Value::Date { .. });
        let mut digit_at = etext.char_indices().filter(|(_, c)| c.is_ascii_digit());
        let pick = if calendar {
            digit_at.next_back()
        } else {
            digit_at.next()
        };
        if let Some((k, d)) = pick {
            let v = d.to_digit(10).unwrap_or(0);
            let nd = char::from_digit(if v >= 7 { v - 5 } else { v + 3 }, 10).unwrap_or('1');
            let at = e.span.start + k;
            out.push(Injection {
                kind: "digit changed",
                zh_line: None,
                en_line: replace(en, at..at + 1, &nd.to_string()),
                expect: &[FindingKind::FigureAltered, FindingKind::FigureMissing],
            });
        }
        if let Value::Number(x) = e.value {
            let plain = etext.chars().all(|c| c.is_ascii_digit() || c == ',');
            if plain && x >= 10.0 && x.fract() == 0.0 {
                out.push(Injection {
                    kind: "×10",
                    zh_line: None,
                    en_line: replace(en, e.span.clone(), &grouped(x * 10.0)),
                    expect: &[FindingKind::FigureAltered, FindingKind::FigureMissing],
                });
            }
        }
        if let Some(k) = ztext.find('万') {
            let at = z.span.start + k;
            out.push(Injection {
                kind: "万→千",
                zh_line: replace(zh, at..at + '万'.len_utf8(), "千"),
                en_line: None,
                expect: &[FindingKind::FigureAltered, FindingKind::FigureMissing],
            });
        }
        if z.qualifier == Qualifier::Exact
            && matches!(z.value, Value::Number(_) | Value::Percent(_))
        {
            out.push(Injection {
                kind: "qualifier dropped",
                zh_line: replace(zh, z.span.end..z.span.end, "以上"),
                en_line: None,
                expect: &[FindingKind::QualifierDropped],
            });
        }
    }
    out
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("DUIZHAO_SHARED").ok())
        .map(PathBuf::from)
        .or_else(|| {
            ["../shared", "../../shared"]
                .iter()
                .map(|p| root.join(p))
                .find(|p| p.join("corpora/mac-dev").is_dir())
        })
        .unwrap_or_else(|| root.join("../shared"));
    let mut pairs = mac_dev(&shared);
    pairs.extend(figure_fixture(&root));
    pairs.extend(seed(&root));
    if pairs.is_empty() {
        eprintln!("no clean pairs found");
        return;
    }
    let started = std::time::Instant::now();
    let reviewer = checker();

    // False findings on untouched 1-1 beads.
    let mut gold_false = (0, 0);
    let mut pred_false = (0, 0);
    let mut all_false = (0, 0);
    let mut right_false = (0, 0);
    for p in pairs.iter().filter(|p| p.name != "seed") {
        let (zh, en) = p.docs();
        let review = reviewer.check(&zh, &en, &p.gold);
        if std::env::var_os("VERBOSE").is_some() {
            for f in &review.findings {
                if p.gold
                    .beads
                    .get(f.bead)
                    .is_some_and(|b| b.shape() == (1, 1))
                {
                    println!("{} gold bead {}: {}", p.name, f.bead, f.message);
                }
            }
        }
        let (f, n) = flagged_one_to_one(&review, &p.gold, Among::All);
        gold_false = (gold_false.0 + f, gold_false.1 + n);
        let pred = Aligner::new().align(&zh, &en);
        let review = reviewer.check(&zh, &en, &pred);
        if std::env::var_os("VERBOSE").is_some() {
            for f in &review.findings {
                let one = pred.beads.get(f.bead).is_some_and(|b| b.shape() == (1, 1));
                let counted = FIGURE_KINDS.contains(&f.kind)
                    || matches!(f.kind, FindingKind::Omission | FindingKind::PartialOmission);
                if one && counted {
                    println!("{} aligned bead {}: {}", p.name, f.bead, f.message);
                }
            }
        }
        let (f, n) = flagged_one_to_one(&review, &pred, Among::Translated(&p.gold));
        pred_false = (pred_false.0 + f, pred_false.1 + n);
        let (f, n) = flagged_one_to_one(&review, &pred, Among::All);
        all_false = (all_false.0 + f, all_false.1 + n);
        let (f, n) = flagged_one_to_one(&review, &pred, Among::Right(&p.gold));
        right_false = (right_false.0 + f, right_false.1 + n);
    }

    // Gold unaligned sentences reported as omissions or additions, and gold
    // merged beads (2-1, 1-2, …) with an omission or addition finding.
    let (mut unaligned, mut unaligned_found, mut merged, mut merged_flagged) = (0, 0, 0, 0);
    for p in pairs.iter().filter(|p| p.name != "seed") {
        let (zh, en) = p.docs();
        let review = reviewer.check(&zh, &en, &p.gold);
        for (b, bead) in p.gold.beads.iter().enumerate() {
            let here = |kinds: &[FindingKind]| {
                review
                    .findings
                    .iter()
                    .any(|f| f.bead == b && kinds.contains(&f.kind))
            };
            if bead.is_unaligned() {
                unaligned += 1;
                unaligned_found += usize::from(here(&[
                    FindingKind::Omission,
                    FindingKind::Addition,
                    FindingKind::PageFurniture,
                ]));
            } else if bead.shape() != (1, 1) {
                merged += 1;
                let flagged = here(&[
                    FindingKind::Omission,
                    FindingKind::Addition,
                    FindingKind::PartialOmission,
                ]);
                merged_flagged += usize::from(flagged);
                if flagged && std::env::var_os("VERBOSE").is_some() {
                    for f in review.findings.iter().filter(|f| f.bead == b) {
                        println!("{} merged gold bead {b}: {}", p.name, f.message);
                    }
                }
            }
        }
    }

    // Deleted sentences, realigned.
    let mut tallies: BTreeMap<&'static str, Tally> = BTreeMap::new();
    for p in &pairs {
        let found: Vec<(bool, bool, usize)> = p
            .one_to_one()
            .par_iter()
            .filter_map(|&k| deletion_found(p, k))
            .collect();
        for (f, near, words) in found {
            tallies.entry("deleted sentence").or_default().add(f);
            tallies.entry(NEAR).or_default().add(near);
            let genre = if p.name.starts_with("mac-dev") {
                "deleted, literary (MAC-Dev)"
            } else {
                "deleted, news (seed, fixture)"
            };
            tallies.entry(genre).or_default().add(f);
            if let Some((size, _)) = SIZES.iter().rev().find(|(_, min)| words >= *min) {
                tallies.entry(size).or_default().add(f);
            }
        }
    }

    // Added sentences: an English sentence of the next pair (one of ten
    // words or more) after the English of every other 1-1 bead, realigned.
    for (n, p) in pairs.iter().enumerate() {
        let other = &pairs[(n + 1) % pairs.len()];
        let long: Vec<&str> = other
            .en
            .iter()
            .map(String::as_str)
            .filter(|l| l.split_whitespace().count() >= 10)
            .collect();
        if long.is_empty() {
            continue;
        }
        let ones: Vec<usize> = p.one_to_one().into_iter().step_by(2).collect();
        let found: Vec<bool> = ones
            .par_iter()
            .enumerate()
            .filter_map(|(t, &k)| addition_found(p, k, long[(t * 7) % long.len()]))
            .collect();
        for f in found {
            tallies.entry(ADDED).or_default().add(f);
        }
    }

    // Figures, with the gold alignment.
    for p in &pairs {
        let results: Vec<(&'static str, bool)> = p
            .gold
            .beads
            .par_iter()
            .enumerate()
            .filter(|(_, b)| b.shape() == (1, 1))
            .flat_map_iter(|(bi, b)| {
                let (i, j) = (b.zh.start, b.en.start);
                let (zs, es) = (&p.zh[i], &p.en[j]);
                injections(zs, es).into_iter().map(move |inj| {
                    let mut zh = p.zh.clone();
                    let mut en = p.en.clone();
                    if let Some(z) = &inj.zh_line {
                        zh[i] = z.clone();
                    }
                    if let Some(e) = &inj.en_line {
                        en[j] = e.clone();
                    }
                    let zd = Document::presegmented(zh.join("\n"), Lang::Zh);
                    let ed = Document::presegmented(en.join("\n"), Lang::En);
                    let review = checker().check(&zd, &ed, &p.gold);
                    let found = review
                        .findings
                        .iter()
                        .any(|f| f.bead == bi && inj.expect.contains(&f.kind));
                    if !found && std::env::var_os("VERBOSE").is_some() {
                        println!(
                            "missed {} {} bead {bi}: {} | {}",
                            inj.kind,
                            p.name,
                            zd.sentence_text(i),
                            ed.sentence_text(j)
                        );
                    }
                    (inj.kind, found)
                })
            })
            .collect();
        for (k, f) in results {
            tallies.entry(k).or_default().add(f);
        }
    }

    println!(
        "clean pairs: {} ({} Chinese sentences)",
        pairs.len(),
        pairs.iter().map(|p| p.zh.len()).sum::<usize>()
    );
    println!(
        "{:<30} {:>7} {:>7} {:>8}",
        "injection", "trials", "found", "recall"
    );
    // The deletions first, then their breakdown, then the figures.
    let order = |k: &str| {
        [
            "deleted sentence",
            NEAR,
            "deleted, news (seed, fixture)",
            "deleted, literary (MAC-Dev)",
            "deleted, ≥ 10 words",
            "deleted, 5-9 words",
            "deleted, < 5 words",
        ]
        .iter()
        .position(|x| *x == k)
        .unwrap_or(usize::MAX)
    };
    let mut rows: Vec<(&&str, &Tally)> = tallies.iter().collect();
    rows.sort_by_key(|(k, _)| order(k));
    for (k, t) in rows {
        println!(
            "{:<30} {:>7} {:>7} {:>8.3}",
            k,
            t.trials,
            t.found,
            t.found as f64 / t.trials.max(1) as f64
        );
    }
    let rate = |(f, n): (usize, usize)| f as f64 / n.max(1) as f64 * 100.0;
    println!(
        "untouched 1-1 beads with a figure or omission finding: {}/{} = {:.2}% (gold alignment), {}/{} = {:.2}% (aligner)",
        gold_false.0,
        gold_false.1,
        rate(gold_false),
        pred_false.0,
        pred_false.1,
        rate(pred_false)
    );
    println!(
        "  aligner, with its 1-1 beads over sentences the gold leaves untranslated: {}/{} = {:.2}%",
        all_false.0,
        all_false.1,
        rate(all_false)
    );
    println!(
        "  aligner, only the 1-1 beads it got right (gold beads too): {}/{} = {:.2}%",
        right_false.0,
        right_false.1,
        rate(right_false)
    );
    println!(
        "gold unaligned sentences reported (omission, addition or furniture): {unaligned_found}/{unaligned}"
    );
    println!(
        "gold merged beads with an omission, addition or partial-omission finding: {merged_flagged}/{merged} = {:.2}%",
        rate((merged_flagged, merged))
    );
    // How far the dictionary alone can tell a sentence's translation from
    // its neighbours' (all clean pairs, then the literary ones).
    for (label, literary) in [("all", false), ("MAC-Dev", true)] {
        let (mut own_none, mut neighbour_some, mut n) = (0, 0, 0);
        for p in pairs
            .iter()
            .filter(|p| !literary || p.name.starts_with("mac-dev"))
        {
            let (a, b, c) = p.lexical_separation();
            (own_none, neighbour_some, n) = (own_none + a, neighbour_some + b, n + c);
        }
        println!(
            "gold 1-1 beads ({label}) whose Chinese finds no dictionary partner in its own English: {own_none}/{n} = {:.1}%; one in a neighbour bead's English: {neighbour_some}/{n} = {:.1}%",
            rate((own_none, n)),
            rate((neighbour_some, n))
        );
    }
    println!("time: {:.1?}", started.elapsed());
}
