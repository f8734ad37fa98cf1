//! Does the layout of a text change how well it aligns? MAC-Dev written out
//! in the layouts users hand us, aligned as plain text, scored in the gold's
//! line space; and long documents made by concatenation.
//!
//! ```text
//! cargo run --release --example layouts [-- SHARED_DIR]
//! ```
//!
//! The corpora are read from `SHARED_DIR`, else `$DUIZHAO_SHARED`, else
//! `../shared` or `../../shared` beside the crate (`…/corpora/mac-dev`,
//! `…/corpora/genres`); nothing is copied.
//!
//! Layouts of the six MAC-Dev chapters (one sentence a line in the corpus):
//! * **presegmented**: the lines with `--presegmented` (the reference);
//! * **lines, plain text**: the same files without the flag, as `align`
//!   reads them (`pipeline::segment_texts`);
//! * **lines, rules**: the same files cut by the segmenter's rules, the
//!   detection of one sentence a line bypassed (each line then is a
//!   paragraph: what the aligner alone makes of it);
//! * **paragraphs, blank lines**: the gold links grouped into paragraphs of
//!   about five Chinese lines, the same grouping on both sides, lines joined
//!   (Chinese without a space, English with one), paragraphs separated by a
//!   blank line;
//! * **paragraphs, one a line**: the same, one paragraph a line;
//! * **zh paragraph lines, en lines**: Chinese one paragraph a line, English
//!   one sentence a line;
//! * **en paragraphs cut in two**: as "paragraphs, blank lines", each English
//!   paragraph of four lines or more split in the middle;
//! * **paragraphs inside web-page debris**: as "paragraphs, blank lines",
//!   with navigation, byline, share buttons, related links and copyright
//!   lines of a saved web page before and after the article on both sides;
//! * **one sentence a line, CRLF** and **paragraphs, CRLF**: as the plain
//!   layouts, with Windows line ends.
//!
//! Sentences found by the segmenter are mapped back to the gold's lines by
//! their byte spans; beads that share a line are merged into one link. Then
//! strict P/R/F1 in the convention of `duizhao eval`. Where the segmenter
//! does not find every line boundary of joined lines, no alignment can
//! score 1: the note gives what the gold alignment itself scores when
//! carried through the same segmentation.
//!
//! Long documents: the six chapters aligned as one pair (presegmented, and in
//! the plain-text layouts); the nine genre pairs and the six chapters concatenated into
//! one pair, as plain text (unaligned sentences counted, against the same
//! pairs aligned one by one; the MAC-Dev part scored in line space); the
//! bundled seed article repeated 100 times (1-1 beads per copy).

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

use duizhao::eval::{self, Counts, Link};
use duizhao::pipeline;
use duizhao::{Aligner, Alignment, Document, Lang};

fn shared_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut candidates: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if let Some(d) = std::env::var_os("DUIZHAO_SHARED") {
        candidates.push(PathBuf::from(d));
    }
    candidates.push(root.join("../shared"));
    candidates.push(root.join("../../shared"));
    candidates
        .into_iter()
        .find(|d| d.join("corpora/mac-dev").is_dir())
}

/// A text built from gold lines, with the byte range of every line in it.
struct Built {
    text: String,
    lines: Vec<Range<usize>>,
}

impl Built {
    fn new() -> Built {
        Built {
            text: String::new(),
            lines: Vec::new(),
        }
    }

    /// Append gold line `line` (its text), after `sep`.
    fn push(&mut self, sep: &str, line: &str) {
        self.text.push_str(sep);
        let start = self.text.len();
        self.text.push_str(line);
        self.lines.push(start..self.text.len());
    }

    /// The text put between `before` and `after`, which hold no gold line.
    fn wrapped(self, before: &str, after: &str) -> Built {
        let shift = before.len();
        Built {
            text: format!("{before}{}{after}", self.text),
            lines: self
                .lines
                .iter()
                .map(|l| l.start + shift..l.end + shift)
                .collect(),
        }
    }

    /// The text with CRLF line ends (the gold lines hold no line end).
    fn crlf(self) -> Built {
        let mut b = Built::new();
        let mut last = 0;
        for l in &self.lines {
            b.text
                .push_str(&self.text[last..l.start].replace('\n', "\r\n"));
            b.push("", &self.text[l.clone()]);
            last = l.end;
        }
        b.text.push_str(&self.text[last..].replace('\n', "\r\n"));
        b
    }

    /// The gold lines a byte span overlaps.
    fn lines_of(&self, span: &Range<usize>) -> Range<usize> {
        let first = self.lines.partition_point(|l| l.end <= span.start);
        let last = self.lines.partition_point(|l| l.start < span.end);
        first..last.max(first)
    }
}

/// One MAC-Dev chapter: its lines and gold links.
struct Chapter {
    name: String,
    zh: Vec<String>,
    en: Vec<String>,
    gold: Vec<Link>,
}

fn read_lines(p: &Path) -> Vec<String> {
    std::fs::read_to_string(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn chapters(mac: &Path) -> Vec<Chapter> {
    ["001", "002", "003", "004", "005", "006"]
        .iter()
        .map(|n| Chapter {
            name: n.to_string(),
            zh: read_lines(&mac.join("zh").join(n)),
            en: read_lines(&mac.join("en").join(n)),
            gold: eval::read_ladder(&mac.join("gold").join(format!("{n}.align")))
                .unwrap_or_else(|e| panic!("{n}: {e}")),
        })
        .collect()
}

/// Gold links grouped into paragraphs of about `size` Chinese lines:
/// (Chinese line ids, English line ids) per paragraph.
fn paragraphs(gold: &[Link], size: usize) -> Vec<(Vec<usize>, Vec<usize>)> {
    let mut out = Vec::new();
    let (mut z, mut e) = (Vec::new(), Vec::new());
    for link in gold {
        z.extend(&link.zh);
        e.extend(&link.en);
        if z.len() >= size {
            out.push((std::mem::take(&mut z), std::mem::take(&mut e)));
        }
    }
    if !z.is_empty() || !e.is_empty() {
        out.push((z, e));
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Layout {
    Presegmented,
    Lines,
    LinesRules,
    ParagraphsBlank,
    ParagraphLines,
    ZhParagraphsEnLines,
    EnParagraphsCut,
    PageDebris,
    LinesCrlf,
    ParagraphsCrlf,
}

impl Layout {
    const ALL: [Layout; 10] = [
        Layout::Presegmented,
        Layout::Lines,
        Layout::LinesRules,
        Layout::ParagraphsBlank,
        Layout::ParagraphLines,
        Layout::ZhParagraphsEnLines,
        Layout::EnParagraphsCut,
        Layout::PageDebris,
        Layout::LinesCrlf,
        Layout::ParagraphsCrlf,
    ];

    fn name(self) -> &'static str {
        match self {
            Layout::Presegmented => "presegmented (reference)",
            Layout::Lines => "one sentence a line, plain text",
            Layout::LinesRules => "one sentence a line, cut by rules",
            Layout::ParagraphsBlank => "paragraphs, blank lines between",
            Layout::ParagraphLines => "paragraphs, one a line",
            Layout::ZhParagraphsEnLines => "zh paragraph lines, en sentence lines",
            Layout::EnParagraphsCut => "en paragraphs cut in two",
            Layout::PageDebris => "paragraphs inside web-page debris",
            Layout::LinesCrlf => "one sentence a line, CRLF",
            Layout::ParagraphsCrlf => "paragraphs, CRLF, blank lines between",
        }
    }
}

/// Write a side of a chapter in paragraphs: `groups` of line ids, lines
/// joined with `join`, paragraphs separated by `sep`.
fn write_paragraphs(lines: &[String], groups: &[Vec<usize>], join: &str, sep: &str) -> Built {
    let mut b = Built::new();
    for (k, g) in groups.iter().filter(|g| !g.is_empty()).enumerate() {
        for (x, &id) in g.iter().enumerate() {
            let s = match (k, x) {
                (0, 0) => "",
                (_, 0) => sep,
                _ => join,
            };
            b.push(s, &lines[id]);
        }
    }
    b.text.push('\n');
    b
}

fn write_lines(lines: &[String]) -> Built {
    let mut b = Built::new();
    for (k, l) in lines.iter().enumerate() {
        b.push(if k == 0 { "" } else { "\n" }, l);
    }
    b.text.push('\n');
    b
}

/// The chapter's two sides written in `layout`.
fn build(ch: &Chapter, layout: Layout) -> (Built, Built) {
    let groups = paragraphs(&ch.gold, 5);
    let zg: Vec<Vec<usize>> = groups.iter().map(|g| g.0.clone()).collect();
    let eg: Vec<Vec<usize>> = groups.iter().map(|g| g.1.clone()).collect();
    match layout {
        Layout::Presegmented | Layout::Lines | Layout::LinesRules => {
            (write_lines(&ch.zh), write_lines(&ch.en))
        }
        Layout::ParagraphsBlank => (
            write_paragraphs(&ch.zh, &zg, "", "\n\n"),
            write_paragraphs(&ch.en, &eg, " ", "\n\n"),
        ),
        Layout::ParagraphLines => (
            write_paragraphs(&ch.zh, &zg, "", "\n"),
            write_paragraphs(&ch.en, &eg, " ", "\n"),
        ),
        Layout::ZhParagraphsEnLines => {
            (write_paragraphs(&ch.zh, &zg, "", "\n"), write_lines(&ch.en))
        }
        Layout::EnParagraphsCut => {
            let cut: Vec<Vec<usize>> = eg
                .iter()
                .flat_map(|g| {
                    if g.len() >= 4 {
                        let (a, b) = g.split_at(g.len() / 2);
                        vec![a.to_vec(), b.to_vec()]
                    } else {
                        vec![g.clone()]
                    }
                })
                .collect();
            (
                write_paragraphs(&ch.zh, &zg, "", "\n\n"),
                write_paragraphs(&ch.en, &cut, " ", "\n\n"),
            )
        }
        Layout::PageDebris => (
            write_paragraphs(&ch.zh, &zg, "", "\n\n").wrapped(ZH_DEBRIS.0, ZH_DEBRIS.1),
            write_paragraphs(&ch.en, &eg, " ", "\n\n").wrapped(EN_DEBRIS.0, EN_DEBRIS.1),
        ),
        Layout::LinesCrlf => (write_lines(&ch.zh).crlf(), write_lines(&ch.en).crlf()),
        Layout::ParagraphsCrlf => (
            write_paragraphs(&ch.zh, &zg, "", "\n\n").crlf(),
            write_paragraphs(&ch.en, &eg, " ", "\n\n").crlf(),
        ),
    }
}

/// What a saved web page holds around an article: navigation, bylines,
/// share buttons, related links, copyright (before, after).
const ZH_DEBRIS: (&str, &str) = (
    "首页 > 新闻中心 > 文化\n2023-05-12 08:30 来源：本网 编辑：王明\n字号：大 中 小 打印本页 关闭窗口\n\n",
    "\n分享到：微信 微博 QQ空间\n相关新闻\n· 读书月活动下周开幕\n· 本市图书馆延长开放时间\n版权所有 © 2023 本网 保留所有权利\n京ICP备12345678号\n",
);
const EN_DEBRIS: (&str, &str) = (
    "Home > News > Culture\nPublished: 2023-05-12 08:30 | Source: staff | Editor: Wang Ming\nFont size: A A A | Print | Close\n\n",
    "\nShare: WeChat Weibo Facebook\nRelated stories\n- Reading month opens next week\n- City libraries extend opening hours\nCopyright © 2023. All rights reserved.\nContact us | Privacy policy | Terms of use\n",
);

/// The two documents of a layout, segmented as the command line would.
fn documents(zh: &Built, en: &Built, layout: Layout) -> (Document, Document) {
    match layout {
        Layout::Presegmented => (
            Document::presegmented(zh.text.clone(), Lang::Zh),
            Document::presegmented(en.text.clone(), Lang::En),
        ),
        Layout::LinesRules => (
            Document::segment(zh.text.clone(), Lang::Zh),
            Document::segment(en.text.clone(), Lang::En),
        ),
        _ => {
            let pair = pipeline::segment_texts(zh.text.clone(), en.text.clone(), false)
                .unwrap_or_else(|e| panic!("{e}"));
            (pair.zh, pair.en)
        }
    }
}

/// The alignment's beads as links between gold lines: sentences mapped to
/// the lines they overlap, beads that share a line merged. Only the beads
/// whose sentences fall in `zh_lines` × `en_lines` (line ids of `zb`/`eb`)
/// are kept, renumbered from 0.
fn line_links(
    alignment: &Alignment,
    zh: &Document,
    en: &Document,
    zb: &Built,
    eb: &Built,
    zh_lines: Range<usize>,
    en_lines: Range<usize>,
) -> Vec<Link> {
    let mut out: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let side = |doc: &Document, b: &Built, ids: Range<usize>, keep: &Range<usize>| {
        let mut v: Vec<usize> = ids
            .flat_map(|i| b.lines_of(&doc.sentences()[i].span))
            .filter(|l| keep.contains(l))
            .map(|l| l - keep.start)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    for bead in &alignment.beads {
        let z = side(zh, zb, bead.zh.clone(), &zh_lines);
        let e = side(en, eb, bead.en.clone(), &en_lines);
        if z.is_empty() && e.is_empty() {
            continue;
        }
        let overlaps = out
            .last()
            .is_some_and(|(pz, pe): &(Vec<usize>, Vec<usize>)| {
                z.first()
                    .is_some_and(|&a| pz.last().is_some_and(|&b| a <= b))
                    || e.first()
                        .is_some_and(|&a| pe.last().is_some_and(|&b| a <= b))
            });
        if overlaps {
            if let Some((pz, pe)) = out.last_mut() {
                pz.extend(z);
                pe.extend(e);
                pz.sort_unstable();
                pz.dedup();
                pe.sort_unstable();
                pe.dedup();
            }
        } else {
            out.push((z, e));
        }
    }
    out.into_iter().map(|(z, e)| Link::new(z, e)).collect()
}

/// The gold alignment carried through a segmentation: each gold link
/// becomes the sentences its lines fall in, links that share a sentence are
/// merged, and the result is mapped back to lines. Its strict F1 against the
/// gold is the most any aligner can score on these sentences.
fn gold_through(gold: &[Link], zh: &Document, en: &Document, zb: &Built, eb: &Built) -> Vec<Link> {
    let sentences = |doc: &Document, b: &Built, ids: &[usize]| -> Option<Range<usize>> {
        let hit: Vec<usize> = (0..doc.len())
            .filter(|&i| {
                let lines = b.lines_of(&doc.sentences()[i].span);
                ids.iter().any(|l| lines.contains(l))
            })
            .collect();
        Some(*hit.first()?..*hit.last()? + 1)
    };
    let mut beads: Vec<duizhao::Bead> = Vec::new();
    let (mut zi, mut ej) = (0, 0);
    for link in gold {
        let z = sentences(zh, zb, &link.zh).unwrap_or(zi..zi);
        let e = sentences(en, eb, &link.en).unwrap_or(ej..ej);
        let merge = beads.last().is_some_and(|p: &duizhao::Bead| {
            (!z.is_empty() && z.start < p.zh.end) || (!e.is_empty() && e.start < p.en.end)
        });
        match beads.last_mut() {
            Some(p) if merge => {
                p.zh = p.zh.start.min(z.start)..p.zh.end.max(z.end);
                p.en = p.en.start.min(e.start)..p.en.end.max(e.end);
            }
            _ => beads.push(duizhao::Bead {
                zh: z.clone(),
                en: e.clone(),
                confidence: 1.0,
            }),
        }
        zi = zi.max(z.end);
        ej = ej.max(e.end);
    }
    let a = Alignment { beads, score: 1.0 };
    line_links(&a, zh, en, zb, eb, 0..zb.lines.len(), 0..eb.lines.len())
}

fn row(name: &str, c: &Counts, secs: f64, extra: &str) {
    let s = c.scores();
    println!(
        "| {name} | {:.3} | {:.3} | **{:.3}** | {:.3} | {secs:.2} s | {extra} |",
        s.strict.precision, s.strict.recall, s.strict.f1, s.lax.f1
    );
}

fn unaligned(a: &Alignment) -> usize {
    a.beads
        .iter()
        .filter(|b| b.is_unaligned())
        .map(|b| b.zh.len() + b.en.len())
        .sum()
}

fn main() {
    let Some(shared) = shared_dir() else {
        eprintln!("MAC-Dev not found (../shared/corpora/mac-dev): nothing to measure");
        std::process::exit(1);
    };
    let mac = shared.join("corpora/mac-dev");
    let chs = chapters(&mac);
    let aligner = Aligner::new();

    println!("## MAC-Dev, six chapters, chapter by chapter\n");
    println!("| layout | strict P | strict R | strict F1 | lax F1 | time | note |");
    println!("|---|---|---|---|---|---|---|");
    for layout in Layout::ALL {
        let mut total = Counts::default();
        let started = Instant::now();
        let mut sentences = (0, 0);
        let mut ceiling = Counts::default();
        for ch in &chs {
            let (zb, eb) = build(ch, layout);
            let (zh, en) = documents(&zb, &eb, layout);
            sentences.0 += zh.len();
            sentences.1 += en.len();
            let a = aligner.align(&zh, &en);
            let pred = line_links(&a, &zh, &en, &zb, &eb, 0..zb.lines.len(), 0..eb.lines.len());
            total.add(&eval::score(&ch.gold, &pred));
            let best = gold_through(&ch.gold, &zh, &en, &zb, &eb);
            ceiling.add(&eval::score(&ch.gold, &best));
        }
        let note = format!(
            "{} zh / {} en sentences; the gold through this segmentation scores {:.3}",
            sentences.0,
            sentences.1,
            ceiling.scores().strict.f1
        );
        row(
            layout.name(),
            &total,
            started.elapsed().as_secs_f64(),
            &note,
        );
    }

    println!("\n## Long documents\n");
    println!("| case | strict P | strict R | strict F1 | lax F1 | time | note |");
    println!("|---|---|---|---|---|---|---|");
    // The six chapters as one pair.
    let gold_all: Vec<Link> = {
        let (mut oz, mut oe) = (0, 0);
        let mut v = Vec::new();
        for ch in &chs {
            for l in &ch.gold {
                v.push(Link::new(
                    l.zh.iter().map(|i| i + oz).collect::<Vec<_>>(),
                    l.en.iter().map(|j| j + oe).collect::<Vec<_>>(),
                ));
            }
            oz += ch.zh.len();
            oe += ch.en.len();
        }
        v
    };
    let all = Chapter {
        name: "all".into(),
        zh: chs.iter().flat_map(|c| c.zh.clone()).collect(),
        en: chs.iter().flat_map(|c| c.en.clone()).collect(),
        gold: gold_all,
    };
    for layout in [
        Layout::Presegmented,
        Layout::Lines,
        Layout::LinesRules,
        Layout::ParagraphsBlank,
        Layout::ZhParagraphsEnLines,
        Layout::EnParagraphsCut,
        Layout::PageDebris,
    ] {
        let (zb, eb) = build(&all, layout);
        let (zh, en) = documents(&zb, &eb, layout);
        let started = Instant::now();
        let a = aligner.align(&zh, &en);
        let secs = started.elapsed().as_secs_f64();
        let pred = line_links(&a, &zh, &en, &zb, &eb, 0..zb.lines.len(), 0..eb.lines.len());
        let c = eval::score(&all.gold, &pred);
        let note = format!("{} unaligned of {}", unaligned(&a), zh.len() + en.len());
        row(
            &format!("MAC-Dev as one pair ({}), {}", all.name, layout.name()),
            &c,
            secs,
            &note,
        );
    }

    // Genre pairs and MAC-Dev chapters concatenated, as plain text.
    let genres_dir = shared.join("corpora/genres");
    let mut genres: Vec<(String, String, String)> = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&genres_dir) {
        let mut dirs: Vec<PathBuf> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for d in dirs {
            let read = |f: &str| duizhao::input::read_path(&d.join(f)).map(|x| x.text);
            if let (Ok(z), Ok(e)) = (read("zh.txt"), read("en.txt")) {
                let name = d
                    .file_name()
                    .map_or(String::new(), |n| n.to_string_lossy().into_owned());
                genres.push((name, z, e));
            }
        }
    }
    let mut cz = Built::new();
    let mut ce = Built::new();
    let mut pieces: Vec<(String, String)> =
        genres.iter().map(|g| (g.1.clone(), g.2.clone())).collect();
    let mac_first = pieces.len();
    for ch in &chs {
        pieces.push((ch.zh.join("\n"), ch.en.join("\n")));
    }
    let mut per_pair_unaligned = 0;
    let mut per_pair_sentences = 0;
    let started = Instant::now();
    for (z, e) in &pieces {
        let p =
            pipeline::segment_texts(z.clone(), e.clone(), false).unwrap_or_else(|e| panic!("{e}"));
        let a = aligner.align(&p.zh, &p.en);
        per_pair_unaligned += unaligned(&a);
        per_pair_sentences += p.zh.len() + p.en.len();
    }
    let per_pair_secs = started.elapsed().as_secs_f64();
    // MAC-Dev lines are recorded as gold lines; genre text as one opaque line
    // per document (never scored).
    for (k, (z, e)) in pieces.iter().enumerate() {
        let sep = if k == 0 { "" } else { "\n\n" };
        if k < mac_first {
            cz.push(sep, z.trim_end());
            ce.push(sep, e.trim_end());
        } else {
            let ch = &chs[k - mac_first];
            for (x, l) in ch.zh.iter().enumerate() {
                cz.push(if x == 0 { sep } else { "\n" }, l);
            }
            for (x, l) in ch.en.iter().enumerate() {
                ce.push(if x == 0 { sep } else { "\n" }, l);
            }
        }
    }
    cz.text.push('\n');
    ce.text.push('\n');
    let p = pipeline::segment_texts(cz.text.clone(), ce.text.clone(), false)
        .unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    let a = aligner.align(&p.zh, &p.en);
    let secs = started.elapsed().as_secs_f64();
    let (gz, ge) = (mac_first, mac_first);
    let pred = line_links(
        &a,
        &p.zh,
        &p.en,
        &cz,
        &ce,
        gz..cz.lines.len(),
        ge..ce.lines.len(),
    );
    let c = eval::score(&all.gold, &pred);
    row(
        &format!(
            "{} genre pairs + 6 MAC-Dev chapters as one pair (MAC-Dev part scored)",
            genres.len()
        ),
        &c,
        secs,
        &format!(
            "{} unaligned of {}; pair by pair {} of {} ({per_pair_secs:.2} s)",
            unaligned(&a),
            p.zh.len() + p.en.len(),
            per_pair_unaligned,
            per_pair_sentences
        ),
    );

    // The seed article repeated 100 times.
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/global-times-2023-fentanyl");
    let read = |f: &str| std::fs::read_to_string(seed.join(f)).unwrap_or_default();
    let (sz, se) = (read("zh.txt"), read("en.txt"));
    if !sz.is_empty() && !se.is_empty() {
        let one = pipeline::segment_texts(sz.clone(), se.clone(), false)
            .unwrap_or_else(|e| panic!("{e}"));
        let a1 = aligner.align(&one.zh, &one.en);
        let ones = |a: &Alignment| a.beads.iter().filter(|b| b.shape() == (1, 1)).count();
        let rep = |t: &str| vec![t.trim_end(); 100].join("\n\n") + "\n";
        let p =
            pipeline::segment_texts(rep(&sz), rep(&se), false).unwrap_or_else(|e| panic!("{e}"));
        let started = Instant::now();
        let a = aligner.align(&p.zh, &p.en);
        let secs = started.elapsed().as_secs_f64();
        println!(
            "| seed article repeated 100 times | | | | | {secs:.2} s | {:.1} 1-1 beads per copy (alone: {}); {} unaligned of {} (alone: {} of {}) |",
            ones(&a) as f64 / 100.0,
            ones(&a1),
            unaligned(&a),
            p.zh.len() + p.en.len(),
            unaligned(&a1),
            one.zh.len() + one.en.len()
        );
    }
}
