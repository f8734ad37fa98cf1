//! How far can a reviewer trust `duizhao check` on real translations of
//! other genres than fiction? Two measurements in one table, per genre of
//! `corpora/genres/` (news wire, finance news, a government report, statutes
//! in Simplified and Traditional Chinese, medical abstracts, a speech, a
//! white paper — published human translations, read from the shared data):
//!
//! * **precision**: error and warning findings per 100 Chinese sentences on
//!   the untouched pair (a published translation: nearly every finding is a
//!   false alarm, though its README names a few real differences);
//! * **recall on injected faults**, one fault per trial, the pair realigned
//!   and reviewed whole each time, on 1-1 beads the aligner is confident of
//!   and the review is silent on:
//!   - *deleted*: the English sentence removed; found when an `omission` or
//!     `partial-omission` names the Chinese sentence;
//!   - *digits*: the leading digit of an English figure written in digits
//!     changed (107,000 → 207,000); found when a figure finding names the bead's
//!     sentences;
//!   - *words*: an English number word that matches a Chinese numeral
//!     changed ("three" → "four");
//!   - *title*: as *digits*, in a heading (a line without sentence-final
//!     punctuation: a headline, "Article 7", a chapter title);
//!   - *qualifier*: 以上 added after a Chinese figure the English gives bare;
//!     found as `qualifier-dropped` (at any severity: a bound dropped from a
//!     figure of three or more significant digits, 逾52.4%, is reported as
//!     info; the column *qual e+w* counts only warnings);
//!   - *currency*: the currency of an English amount changed (NT$ → US$,
//!     yuan → dollars); found as `figure-altered`;
//!   - *place*, *person*, *org*: a name of a place, a person or an
//!     organisation that the Chinese sentence gives and the English renders
//!     (美国 / "United States", 习近平 / "Xi Jinping", 国务院 / "State
//!     Council", from the lists below) swapped in the English for another of
//!     the same type that neither text names elsewhere ("Japan", "Li
//!     Keqiang", "World Bank"); found as `name-altered`.
//!   - *dropped*: the first such name deleted from the English, with the
//!     word that leads it in ("in Guangdong", "the Ministry of Finance") and
//!     a possessive; found as `name-missing` (a second mention of the
//!     name in the document, or a back-reference left in the sentence,
//!     rightly keeps it quiet).
//!
//! ```text
//! cargo run --release --example genres [-- SHARED_DIR]
//! ```
//!
//! `SHARED_DIR` defaults to `$DUIZHAO_SHARED`, else `../shared` beside the
//! crate. `VERBOSE=1` prints every finding on the untouched pairs and every
//! missed injection. `MAX_TRIALS=N` bounds the trials of one kind per genre
//! (default 25).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use duizhao::check::{FindingKind, Review, Severity};
use duizhao::numbers::{self, MatchQuality, Value};
use duizhao::pipeline::{self, AlignedDocuments};
use duizhao::Lang;
use rayon::prelude::*;

/// Kinds of injected fault, in table order.
const KINDS: [&str; 11] = [
    "deleted",
    "digits",
    "words",
    "title",
    "qualifier",
    "qual e+w",
    "currency",
    "place",
    "person",
    "org",
    "dropped",
];

/// A name for the name trials: its Chinese forms (simplified), its English
/// forms (the first is what a swap writes), and a group a swap stays in
/// (a Chinese person becomes a Chinese person).
type NameEntry = (&'static [&'static str], &'static [&'static str], u8);

const PLACES: &[NameEntry] = &[
    (
        &["美国"],
        &["United States", "US", "U.S.", "USA", "America"],
        0,
    ),
    (&["中国"], &["China"], 0),
    (&["日本"], &["Japan"], 0),
    (&["英国"], &["Britain", "UK", "United Kingdom"], 0),
    (&["法国"], &["France"], 0),
    (&["德国"], &["Germany"], 0),
    (&["俄罗斯"], &["Russia"], 0),
    (&["印度"], &["India"], 0),
    (&["加拿大"], &["Canada"], 0),
    (&["澳大利亚"], &["Australia"], 0),
    (&["北京"], &["Beijing"], 0),
    (&["上海"], &["Shanghai"], 0),
    (&["广东"], &["Guangdong"], 0),
    (&["湖北"], &["Hubei"], 0),
    (&["武汉"], &["Wuhan"], 0),
    (&["四川"], &["Sichuan"], 0),
    (&["台湾"], &["Taiwan"], 0),
    (&["香港"], &["Hong Kong"], 0),
    (&["澳门"], &["Macao", "Macau"], 0),
    (&["纽约"], &["New York"], 0),
    (&["华盛顿"], &["Washington"], 0),
    (&["加州", "加利福尼亚"], &["California"], 0),
    (&["明尼苏达"], &["Minnesota"], 0),
    (&["得克萨斯", "德克萨斯"], &["Texas"], 0),
    (&["台北"], &["Taipei"], 0),
    (&["高雄"], &["Kaohsiung"], 0),
    (&["深圳"], &["Shenzhen"], 0),
    (&["新疆"], &["Xinjiang"], 0),
    (&["亚洲"], &["Asia"], 0),
    (&["欧洲"], &["Europe"], 0),
    (&["非洲"], &["Africa"], 0),
];

const PERSONS: &[NameEntry] = &[
    (&["习近平"], &["Xi Jinping", "Xi"], 0),
    (&["李克强"], &["Li Keqiang"], 0),
    (&["毛泽东"], &["Mao Zedong"], 0),
    (&["邓小平"], &["Deng Xiaoping"], 0),
    (&["孙中山"], &["Sun Yat-sen"], 0),
    (&["江泽民"], &["Jiang Zemin"], 0),
    (&["胡锦涛"], &["Hu Jintao"], 0),
    (&["王毅"], &["Wang Yi"], 0),
    (&["拜登"], &["Joe Biden", "Biden"], 1),
    (&["特朗普"], &["Donald Trump", "Trump"], 1),
    (&["奥巴马"], &["Barack Obama", "Obama"], 1),
    (&["弗洛伊德"], &["George Floyd", "Floyd"], 1),
];

const ORGS: &[NameEntry] = &[
    (
        &["世界卫生组织", "世卫组织"],
        &["World Health Organization", "WHO"],
        0,
    ),
    (&["联合国"], &["United Nations", "UN"], 0),
    (&["国务院"], &["State Council"], 0),
    (
        &["全国人民代表大会", "全国人大"],
        &["National People's Congress", "NPC"],
        0,
    ),
    (&["中国共产党"], &["Communist Party of China", "CPC"], 0),
    (&["美联储"], &["Federal Reserve"], 0),
    (&["国家统计局"], &["National Bureau of Statistics"], 0),
    (&["财政部"], &["Ministry of Finance"], 0),
    (
        &["疾病控制与预防中心", "疾控中心"],
        &["Centers for Disease Control and Prevention", "CDC"],
        0,
    ),
    (
        &["证券交易委员会"],
        &["Securities and Exchange Commission", "SEC"],
        0,
    ),
    (&["世界银行"], &["World Bank"], 0),
    (
        &["国际货币基金组织"],
        &["International Monetary Fund", "IMF"],
        0,
    ),
    (
        &["世界贸易组织", "世贸组织"],
        &["World Trade Organization", "WTO"],
        0,
    ),
    (&["外交部"], &["Ministry of Foreign Affairs"], 0),
    (&["商务部"], &["Ministry of Commerce"], 0),
    (&["中央军事委员会"], &["Central Military Commission"], 0),
    (&["最高人民法院"], &["Supreme People's Court"], 0),
    (&["最高人民检察院"], &["Supreme People's Procuratorate"], 0),
    (
        &["中国人民政治协商会议", "政协"],
        &[
            "Chinese People's Political Consultative Conference",
            "CPPCC",
        ],
        0,
    ),
    (&["中国人民银行"], &["People's Bank of China"], 0),
    (&["行政院"], &["Executive Yuan"], 0),
    (&["立法院"], &["Legislative Yuan"], 0),
    (
        &["金融监督管理委员会"],
        &["Financial Supervisory Commission"],
        0,
    ),
];

/// Byte ranges of `word` in `text` as a whole word.
fn whole_words(text: &str, word: &str) -> Vec<std::ops::Range<usize>> {
    text.match_indices(word)
        .filter(|(k, m)| {
            let before = text[..*k].chars().next_back();
            let after = text[k + m.len()..].chars().next();
            let edge = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric());
            edge(before) && edge(after)
        })
        .map(|(k, m)| k..k + m.len())
        .collect()
}

/// The English sentence `et` with every English form of `entry` replaced by
/// `with`, if the sentence gives one.
fn swapped(et: &str, entry: &NameEntry, with: &str) -> Option<String> {
    let mut forms: Vec<&str> = entry.1.to_vec();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    let mut text = et.to_string();
    let mut any = false;
    for f in forms {
        let spans = whole_words(&text, f);
        for span in spans.into_iter().rev() {
            text = replaced(&text, span, with);
            any = true;
        }
    }
    any.then_some(text)
}

/// The English sentence `et` with every English form of `entry` deleted,
/// with the word that led it in ("in", "the", "of") and a possessive, if the
/// sentence gives one.
fn dropped(et: &str, entry: &NameEntry) -> Option<String> {
    let mut forms: Vec<&str> = entry.1.to_vec();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    let mut text = et.to_string();
    let mut any = false;
    for f in forms {
        for span in whole_words(&text, f).into_iter().rev() {
            let mut start = span.start;
            let before = text[..start].trim_end();
            if let Some(k) = before.rfind(' ').map(|k| k + 1).or(Some(0)) {
                let word = before[k..].to_lowercase();
                if matches!(
                    word.as_str(),
                    "in" | "the" | "of" | "by" | "from" | "at" | "to"
                ) {
                    start = k;
                }
            }
            let mut end = span.end;
            for p in ["'s", "’s"] {
                if text[end..].starts_with(p) {
                    end += p.len();
                }
            }
            text = replaced(&text, start..end, "");
            any = true;
        }
    }
    let text = text
        .replace("  ", " ")
        .replace(" ,", ",")
        .replace(" .", ".");
    any.then(|| text.trim().to_string())
}

/// Name trials of one 1-1 bead: a name the Chinese sentence gives and the
/// English renders, swapped for another of its list and group that neither
/// document names; and the first such name deleted from the English.
fn name_trials(
    zt: &str,
    et: &str,
    zh_all: &str,
    en_all: &str,
) -> Vec<(&'static str, String, String)> {
    let zs = duizhao::lang::to_simplified(zt);
    let mut out = Vec::new();
    let mut deleted = false;
    for (kind, list) in [("place", PLACES), ("person", PERSONS), ("org", ORGS)] {
        for (k, entry) in list.iter().enumerate() {
            if !entry.0.iter().any(|z| zs.contains(z)) {
                continue;
            }
            if !deleted {
                if let Some(text) = dropped(et, entry) {
                    let what = format!("{} / {} dropped: {text}", entry.0[0], entry.1[0]);
                    out.push(("dropped", text, what));
                    deleted = true;
                }
            }
            let other = (1..list.len())
                .map(|d| &list[(k + d) % list.len()])
                .filter(|o| o.2 == entry.2)
                .find(|o| {
                    !o.0.iter().any(|z| zh_all.contains(z))
                        && !o.1.iter().any(|e| !whole_words(en_all, e).is_empty())
                });
            let Some(other) = other else { continue };
            if let Some(text) = swapped(et, entry, other.1[0]) {
                let what = format!("{} / {} → {}: {text}", entry.0[0], entry.1[0], other.1[0]);
                out.push((kind, text, what));
                break;
            }
        }
    }
    out
}

/// One injected fault: the changed texts, and what a finding must name.
struct Trial {
    kind: &'static str,
    zh: String,
    en: String,
    /// The Chinese sentence the finding must name.
    zh_sentence: usize,
    what: String,
}

fn shared_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::args()
        .nth(1)
        .or_else(|| std::env::var("DUIZHAO_SHARED").ok())
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"))
}

fn loud(review: &Review) -> impl Iterator<Item = &duizhao::Finding> {
    review
        .findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Error | Severity::Warning))
}

/// The text of `doc` with `span` replaced by `with`.
fn replaced(text: &str, span: std::ops::Range<usize>, with: &str) -> String {
    let mut s = String::with_capacity(text.len() + with.len());
    s.push_str(&text[..span.start]);
    s.push_str(with);
    s.push_str(&text[span.end..]);
    s
}

const NUMBER_WORDS: [&str; 10] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// "three" → "four" ("ten" → "nine"), keeping a capital.
fn next_number_word(w: &str) -> Option<String> {
    let lower = w.to_ascii_lowercase();
    let k = NUMBER_WORDS.iter().position(|&n| n == lower)?;
    let next = NUMBER_WORDS[if k + 1 == NUMBER_WORDS.len() {
        k - 1
    } else {
        k + 1
    }];
    Some(if w.starts_with(|c: char| c.is_ascii_uppercase()) {
        let mut c = next.chars();
        c.next()
            .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
            .unwrap_or_default()
    } else {
        next.to_string()
    })
}

/// The figure text with its leading digit changed (1 → 2, …, 9 → 1).
fn bumped_digit(s: &str) -> Option<String> {
    let k = s.find(|c: char| c.is_ascii_digit())?;
    let d = s[k..].chars().next()?.to_digit(10)?;
    let n = if d == 9 { 1 } else { d + 1 };
    Some(replaced(s, k..k + 1, &n.to_string()))
}

/// The amount with another currency.
fn other_currency(s: &str) -> Option<String> {
    for (from, to) in [
        ("NT$", "US$"),
        ("HK$", "US$"),
        ("US$", "HK$"),
        ("yuan", "dollars"),
        ("RMB", "USD"),
        ("dollars", "euros"),
        ("$", "€"),
    ] {
        if let Some(k) = s.find(from) {
            return Some(replaced(s, k..k + from.len(), to));
        }
    }
    None
}

/// The trials of one clean pair.
fn trials(clean: &AlignedDocuments, review: &Review, max: usize) -> Vec<Trial> {
    let (zh, en) = (&clean.zh, &clean.en);
    let noisy: std::collections::HashSet<usize> = loud(review).map(|f| f.bead).collect();
    let mut out: BTreeMap<&'static str, Vec<Trial>> = BTreeMap::new();
    for (b, bead) in clean.alignment.beads.iter().enumerate() {
        if bead.zh.len() != 1 || bead.en.len() != 1 || bead.confidence < 0.8 || noisy.contains(&b) {
            continue;
        }
        let (i, j) = (bead.zh.start, bead.en.start);
        let zs = zh.sentences()[i].span.clone();
        let es = en.sentences()[j].span.clone();
        let (zt, et) = (&zh.text()[zs.clone()], &en.text()[es.clone()]);
        let mut push = |kind: &'static str, zh_text: String, en_text: String, what: String| {
            out.entry(kind).or_default().push(Trial {
                kind,
                zh: zh_text,
                en: en_text,
                zh_sentence: i,
                what,
            });
        };
        if et.split_whitespace().count() >= 4 {
            // A sentence that is a whole line goes with its line break, as
            // an editor deletes a line.
            let text = en.text();
            let line_start = es.start == 0 || text[..es.start].ends_with('\n');
            let whole = if line_start && text[es.end..].starts_with('\n') {
                es.start..es.end + 1
            } else {
                es.clone()
            };
            push(
                "deleted",
                zh.text().to_string(),
                replaced(text, whole, ""),
                format!("{zt} / {et}"),
            );
        }
        let zh_all = duizhao::lang::to_simplified(zh.text());
        for (kind, text, what) in name_trials(zt, et, &zh_all, en.text()) {
            push(
                kind,
                zh.text().to_string(),
                replaced(en.text(), es.clone(), &text),
                what,
            );
        }
        let zf = numbers::extract(zt, Lang::Zh);
        let ef = numbers::extract(et, Lang::En);
        let heading = !zt
            .trim_end()
            .ends_with(['。', '！', '？', '；', '：', '”', '」']);
        for m in numbers::compare(&zf, &ef).matched {
            if m.quality != MatchQuality::Exact {
                continue;
            }
            let (f, g) = (&zf[m.zh], &ef[m.en]);
            let (ztext, etext) = (&zt[f.span.clone()], &et[g.span.clone()]);
            let at = es.start + g.span.start..es.start + g.span.end;
            let digits = etext.chars().any(|c| c.is_ascii_digit());
            let zh_digits = ztext.chars().any(|c| c.is_ascii_digit());
            if digits && (heading || !matches!(g.value, Value::Reference { .. })) {
                if let Some(changed) = bumped_digit(etext) {
                    push(
                        if heading { "title" } else { "digits" },
                        zh.text().to_string(),
                        replaced(en.text(), at.clone(), &changed),
                        format!("{ztext} / {etext} → {changed}"),
                    );
                }
            }
            if !digits && !zh_digits && !f.vague {
                if let Some(w) = etext.split_whitespace().find_map(next_number_word) {
                    let old = etext
                        .split_whitespace()
                        .find(|x| next_number_word(x).is_some())
                        .unwrap_or("");
                    let changed = etext.replacen(old, &w, 1);
                    push(
                        "words",
                        zh.text().to_string(),
                        replaced(en.text(), at.clone(), &changed),
                        format!("{ztext} / {etext} → {changed}"),
                    );
                }
            }
            if let Value::Money { .. } = g.value {
                if let Some(changed) = other_currency(etext) {
                    push(
                        "currency",
                        zh.text().to_string(),
                        replaced(en.text(), at.clone(), &changed),
                        format!("{ztext} / {etext} → {changed}"),
                    );
                }
            }
            // As a reviser would: a figure in digits on both sides, not a range.
            let bare = f.qualifier == numbers::Qualifier::Exact
                && matches!(
                    f.value,
                    Value::Number(_) | Value::Percent(_) | Value::Money { .. }
                )
                && !matches!(g.value, Value::Range { .. });
            if bare && !f.vague && digits && zh_digits {
                let end = zs.start + f.span.end;
                push(
                    "qualifier",
                    replaced(zh.text(), end..end, "以上"),
                    en.text().to_string(),
                    format!("{ztext}以上 / {etext}"),
                );
            }
        }
    }
    // Spread the trials of a kind over the document.
    out.into_values()
        .flat_map(|v| {
            let step = v.len().div_ceil(max).max(1);
            v.into_iter().step_by(step).collect::<Vec<_>>()
        })
        .collect()
}

/// Whether the review of the changed pair reports the fault, at error or
/// warning level (or, for `any`, at any level).
fn found(trial: &Trial, review: &Review, any: bool) -> bool {
    let names = |f: &&duizhao::Finding| f.zh_sentences.contains(&trial.zh_sentence);
    let kinds: &[FindingKind] = match trial.kind {
        "deleted" => &[FindingKind::Omission, FindingKind::PartialOmission],
        "qualifier" => &[FindingKind::QualifierDropped],
        "currency" => &[FindingKind::FigureAltered],
        "place" | "person" | "org" => &[FindingKind::NameAltered],
        "dropped" => &[FindingKind::NameMissing],
        _ => &[
            FindingKind::FigureAltered,
            FindingKind::FigureMissing,
            FindingKind::FigureAdded,
        ],
    };
    review
        .findings
        .iter()
        .filter(|f| any || matches!(f.severity, Severity::Error | Severity::Warning))
        .filter(names)
        .any(|f| kinds.contains(&f.kind))
}

fn main() {
    let dir = shared_dir().join("corpora/genres");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no genre corpus at {} (give SHARED_DIR)", dir.display());
        std::process::exit(2);
    };
    let verbose = std::env::var("VERBOSE").is_ok();
    let max: usize = std::env::var("MAX_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(25);
    let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    println!(
        "{:<38} {:>5} {:>5} {:>7}  {}",
        "genre",
        "zh",
        "e+w",
        "/100",
        KINDS.map(|k| format!("{k:>11}")).join("")
    );
    let (mut all_sent, mut all_loud) = (0, 0);
    let mut totals: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for path in names.iter().filter(|p| p.join("zh.txt").is_file()) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let clean = match pipeline::align_files(&path.join("zh.txt"), &path.join("en.txt"), false) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{name}: {e}");
                continue;
            }
        };
        let review = clean.review();
        let n = clean.zh.len();
        let l = loud(&review).count();
        if verbose {
            for f in loud(&review) {
                println!("  {name} bead {}: {}", f.bead, f.message);
            }
        }
        let results: Vec<(&'static str, bool, String)> = trials(&clean, &review, max)
            .into_par_iter()
            .filter_map(|t| {
                let changed = pipeline::align_texts(t.zh.clone(), t.en.clone(), false).ok()?;
                let review = changed.review();
                let any = t.kind == "qualifier";
                let mut out = vec![(t.kind, found(&t, &review, any), t.what.clone())];
                if any {
                    out.push(("qual e+w", found(&t, &review, false), t.what));
                }
                Some(out)
            })
            .flatten()
            .collect();
        let mut cells = String::new();
        for kind in KINDS {
            let of: Vec<_> = results.iter().filter(|r| r.0 == kind).collect();
            let hit = of.iter().filter(|r| r.1).count();
            let t = totals.entry(kind).or_default();
            t.0 += hit;
            t.1 += of.len();
            cells.push_str(&if of.is_empty() {
                format!("{:>11}", "–")
            } else {
                format!("{:>11}", format!("{hit}/{}", of.len()))
            });
            if verbose {
                for r in of.iter().filter(|r| !r.1) {
                    println!("  {name} missed {kind}: {}", r.2);
                }
            }
        }
        all_sent += n;
        all_loud += l;
        println!(
            "{name:<38} {n:>5} {l:>5} {:>7.1}  {cells}",
            100.0 * l as f64 / n.max(1) as f64
        );
    }
    let mut cells = String::new();
    for kind in KINDS {
        let (hit, n) = totals.get(kind).copied().unwrap_or((0, 0));
        cells.push_str(&format!(
            "{:>11}",
            if n == 0 {
                "–".to_string()
            } else {
                format!("{:.2}", hit as f64 / n as f64)
            }
        ));
    }
    println!(
        "{:<38} {all_sent:>5} {all_loud:>5} {:>7.1}  {cells}",
        "all",
        100.0 * all_loud as f64 / all_sent.max(1) as f64
    );
}
