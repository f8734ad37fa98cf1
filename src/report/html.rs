//! The HTML report: one self-contained page (inline CSS and JavaScript, no
//! network), Chinese and English side by side, one row per bead.
//!
//! A sticky header gives the counts per kind; each count links to the first
//! finding of its kind and each kind has a checkbox filter. Evidence is
//! highlighted in place, coloured by severity, and every finding has an
//! anchor (`#f3`) as every bead does (`#b12`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use super::{pieces, Marks, Report};
use crate::check::{FindingKind, Severity};
use crate::document::Document;

/// Escape text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Write the HTML report.
pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(report).as_bytes())
}

/// The HTML report as a string.
pub fn render(report: &Report<'_>) -> String {
    let review = report.review;
    let beads = &report.alignment.beads;
    let s = &review.summary;
    let mut h = String::with_capacity(64 * 1024 + report.zh.text().len() * 3);
    let title = report
        .title
        .unwrap_or("Chinese original ↔ English translation");
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"duizhao {}\">\n\
         <title>Translation review — {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title)
    );

    // Header: title, totals by severity, one chip per kind.
    let _ = write!(
        h,
        "<header class=\"top\">\n<div class=\"bar\">\n<div class=\"brand\"><span class=\"logo\" lang=\"zh\">对照</span>\
         <div><h1>Translation review</h1><p class=\"sub\">{} · {} · {} Chinese / {} English sentences · alignment score {:.2}</p>{}</div></div>\n\
         <div class=\"totals\"><span class=\"tot sev-error\">{}</span><span class=\"tot sev-warning\">{}</span><span class=\"tot sev-info\">{}</span></div>\n</div>\n\
         <nav class=\"filters\" aria-label=\"Filter findings by kind\">\n",
        escape(title),
        if report.units.is_some() {
            plural(beads.len(), "unit", "units")
        } else {
            plural(beads.len(), "bead", "beads")
        },
        report.zh.len(),
        report.en.len(),
        report.alignment.score,
        if report.looks_like_translation() {
            ""
        } else {
            "<p class=\"not-translation\">The English does not look like a translation of the Chinese: the findings below assume it is.</p>"
        },
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        s.infos.to_string() + " info",
    );
    let mut first_of: BTreeMap<FindingKind, usize> = BTreeMap::new();
    for (i, f) in review.findings.iter().enumerate() {
        first_of.entry(f.kind).or_insert(i);
    }
    for kind in FindingKind::ALL {
        let Some(&first) = first_of.get(&kind) else {
            continue;
        };
        let k = kind.name();
        let _ = writeln!(
            h,
            "<span class=\"chip sev-{sev}\"><input type=\"checkbox\" id=\"k-{k}\" data-kind=\"{k}\" checked>\
             <label for=\"k-{k}\">{label}</label><a class=\"count\" href=\"#f{first}\" title=\"Go to the first of the {label}\">{n}</a></span>",
            sev = review.severity_of(kind).unwrap_or(kind.severity()).name(),
            label = kind.label(),
            n = s.count(kind),
        );
    }
    if review.findings.is_empty() {
        h.push_str("<span class=\"clean\">No findings: every sentence found its counterpart and every figure matched.</span>\n");
    } else {
        h.push_str("<label class=\"toggle\"><input type=\"checkbox\" id=\"only\"> Only beads with findings</label>\n");
    }
    h.push_str("</nav>\n</header>\n<main>\n");
    h.push_str(
        "<div class=\"colhead\"><div></div><div lang=\"zh\">中文原文</div><div>English translation</div></div>\n",
    );

    // Findings attached to each bead, and sentences claimed as furniture.
    let mut by_bead: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut zh_furniture = BTreeSet::new();
    let mut en_furniture = BTreeSet::new();
    for (i, f) in review.findings.iter().enumerate() {
        by_bead.entry(f.bead).or_default().push(i);
        if f.kind == FindingKind::PageFurniture {
            zh_furniture.extend(f.zh_sentences.iter().copied());
            en_furniture.extend(f.en_sentences.iter().copied());
        }
    }
    let zh_marks = Marks::new(review, report.zh, true);
    let en_marks = Marks::new(review, report.en, false);
    // Low-confidence findings by the sentences they name (a bead's first
    // sentence finds the few that may cover the bead), in order.
    let mut low_zh: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut low_en: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, f) in review.findings.iter().enumerate() {
        if f.kind == FindingKind::LowConfidence {
            for &i in &f.zh_sentences {
                low_zh.entry(i).or_default().push(k);
            }
            for &j in &f.en_sentences {
                low_en.entry(j).or_default().push(k);
            }
        }
    }
    let mut last_para: Option<(usize, usize)> = None;
    for (b, bead) in beads.iter().enumerate() {
        let attached = by_bead.get(&b).map(Vec::as_slice).unwrap_or(&[]);
        // A sentence the review merged into a neighbouring bead points there.
        let candidates = if !bead.zh.is_empty() {
            low_zh.get(&bead.zh.start)
        } else if !bead.en.is_empty() {
            low_en.get(&bead.en.start)
        } else {
            None
        };
        let merged_into = candidates
            .into_iter()
            .flatten()
            .filter_map(|&k| review.findings.get(k))
            .find(|f| {
                f.bead != b
                    && bead.zh.clone().all(|i| f.zh_sentences.contains(&i))
                    && bead.en.clone().all(|i| f.en_sentences.contains(&i))
            })
            .map(|f| f.bead);
        let mut zh_cell = side(report, report.zh, bead.zh.clone(), &zh_marks, true);
        let mut en_cell = side(report, report.en, bead.en.clone(), &en_marks, false);
        if let Some(n) = merged_into {
            let gap = format!("<a class=\"gap merged\" href=\"#b{n}\">reviewed with bead {n}</a>");
            if bead.zh.is_empty() {
                zh_cell.html = gap;
            } else if bead.en.is_empty() {
                en_cell.html = gap;
            }
        }
        let furniture = (!bead.zh.is_empty() || !bead.en.is_empty())
            && bead.zh.clone().all(|i| zh_furniture.contains(&i))
            && bead.en.clone().all(|i| en_furniture.contains(&i));
        let (zh_html, en_html) = if furniture {
            // Page furniture: the empty side needs no marker.
            let blank = |c: &Cell, empty: bool| if empty { String::new() } else { c.html.clone() };
            (
                blank(&zh_cell, bead.zh.is_empty()),
                blank(&en_cell, bead.en.is_empty()),
            )
        } else {
            (zh_cell.html.clone(), en_cell.html.clone())
        };
        let mut kinds: BTreeSet<&str> = attached
            .iter()
            .filter_map(|&i| review.findings.get(i))
            .map(|f| f.kind.name())
            .collect();
        kinds.extend(zh_cell.kinds.iter().chain(&en_cell.kinds));
        let worst = attached
            .iter()
            .filter_map(|&i| review.findings.get(i))
            .map(|f| f.severity)
            .max();
        let para = para_key(report, bead.zh.start, bead.en.start, &bead.zh, &bead.en);
        let new_para = para.is_some() && para != last_para && last_para.is_some();
        if para.is_some() {
            last_para = para.map(|(z, e)| {
                let zl = bead
                    .zh
                    .end
                    .checked_sub(1)
                    .and_then(|i| report.zh.sentences().get(i))
                    .map_or(z, |s| s.paragraph);
                let el = bead
                    .en
                    .end
                    .checked_sub(1)
                    .and_then(|i| report.en.sentences().get(i))
                    .map_or(e, |s| s.paragraph);
                (zl, el)
            });
        }
        let mut class = String::from("bead");
        if new_para && !furniture {
            class.push_str(" para");
        }
        if bead.zh.is_empty() || bead.en.is_empty() {
            class.push_str(" unaligned");
        }
        if furniture {
            class.push_str(" furniture");
        }
        if let Some(w) = worst {
            let _ = write!(class, " worst-{}", w.name());
        }
        let label = match report.unit(b) {
            Some(id) => escape(id),
            None => b.to_string(),
        };
        let what = if report.units.is_some() {
            format!("Unit {label} (bead {b})")
        } else {
            format!("Bead {b}")
        };
        let _ = write!(
            h,
            "<section class=\"{class}\" id=\"b{b}\" data-kinds=\"{}\">\
             <div class=\"gutter\"><a href=\"#b{b}\" title=\"{what}, confidence {:.2}\">{label}</a><span class=\"shape\">{}-{}</span></div>\n\
             <div class=\"side zh\" lang=\"zh-Hans\">{}</div>\n<div class=\"side en\" lang=\"en\">{}</div>\n",
            kinds.into_iter().collect::<Vec<_>>().join(" "),
            bead.confidence,
            bead.zh.len(),
            bead.en.len(),
            zh_html,
            en_html,
        );
        if !attached.is_empty() {
            h.push_str("<ol class=\"findings\">\n");
            for &i in attached {
                let Some(f) = review.findings.get(i) else {
                    continue;
                };
                // "figure missing: 2022年5月 …" shows as label and message.
                let (label, msg) = match f.message.split_once(": ") {
                    Some((head, rest)) if !head.contains('"') && head.len() < 48 => (head, rest),
                    _ => (f.kind.name(), f.message.as_str()),
                };
                let _ = writeln!(
                    h,
                    "<li class=\"finding sev-{sev}\" id=\"f{i}\" data-kind=\"{k}\"><a class=\"sev\" href=\"#f{i}\" title=\"{k}\">{sev}</a>\
                     <span class=\"kind\">{label}</span><span class=\"msg\">{msg}</span></li>",
                    sev = f.severity.name(),
                    k = f.kind.name(),
                    label = escape(label),
                    msg = escape(msg),
                );
            }
            h.push_str("</ol>\n");
        }
        h.push_str("</section>\n");
    }
    let _ = write!(
        h,
        "</main>\n<footer>Generated by duizhao {} · highlights mark the evidence of each finding (hover for the message, click to jump to it) · \
         <span class=\"sw sev-error\"></span>error <span class=\"sw sev-warning\"></span>warning <span class=\"sw sev-info\"></span>info</footer>\n\
         <script>{JS}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    h
}

/// The (Chinese, English) paragraphs a bead starts in.
fn para_key(
    report: &Report<'_>,
    zi: usize,
    ei: usize,
    zh: &Range<usize>,
    en: &Range<usize>,
) -> Option<(usize, usize)> {
    let z = (!zh.is_empty())
        .then(|| report.zh.sentences().get(zi).map(|s| s.paragraph))
        .flatten();
    let e = (!en.is_empty())
        .then(|| report.en.sentences().get(ei).map(|s| s.paragraph))
        .flatten();
    match (z, e) {
        (None, None) => None,
        (z, e) => Some((z.unwrap_or(usize::MAX), e.unwrap_or(usize::MAX))),
    }
}

struct Cell {
    html: String,
    kinds: BTreeSet<&'static str>,
}

/// The sentences of one side of a bead, with evidence highlighted.
fn side(report: &Report<'_>, doc: &Document, range: Range<usize>, marks: &Marks, zh: bool) -> Cell {
    let review = report.review;
    let mut html = String::new();
    let mut kinds = BTreeSet::new();
    if range.is_empty() {
        let what = if zh {
            "no Chinese source"
        } else {
            "not translated"
        };
        html.push_str(&format!("<span class=\"gap\">{what}</span>"));
        return Cell { html, kinds };
    }
    let describe = |fs: &[usize]| -> (String, String, String) {
        let found: Vec<_> = fs.iter().filter_map(|&i| review.findings.get(i)).collect();
        let ks: BTreeSet<&str> = found.iter().map(|f| f.kind.name()).collect();
        let ids: Vec<String> = fs.iter().map(|i| i.to_string()).collect();
        let msgs: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        (
            ks.into_iter().collect::<Vec<_>>().join(" "),
            ids.join(" "),
            escape(&msgs.join("\n")),
        )
    };
    for i in range {
        let Some(sentence) = doc.sentences().get(i) else {
            continue;
        };
        let ps = pieces(doc.text(), sentence.span.clone(), marks.of(i), review);
        for p in &ps {
            for &f in &p.findings {
                if let Some(x) = review.findings.get(f) {
                    kinds.insert(x.kind.name());
                }
            }
        }
        let prefix = if zh { "z" } else { "e" };
        let whole = ps.len() == 1 && !ps[0].findings.is_empty();
        if whole {
            let p = &ps[0];
            let (k, ids, title) = describe(&p.findings);
            let sev = p.severity.unwrap_or(Severity::Info).name();
            let _ = write!(
                html,
                "<span class=\"s whole sev-{sev}\" id=\"{prefix}{i}\" data-k=\"{k}\" data-f=\"{ids}\" title=\"{title}\">{}</span> ",
                escape(doc.text().get(p.range.clone()).unwrap_or(""))
            );
            continue;
        }
        let _ = write!(html, "<span class=\"s\" id=\"{prefix}{i}\">");
        for p in &ps {
            let t = escape(doc.text().get(p.range.clone()).unwrap_or(""));
            match p.severity {
                Some(sev) => {
                    let (k, ids, title) = describe(&p.findings);
                    let _ = write!(
                        html,
                        "<mark class=\"sev-{}\" data-k=\"{k}\" data-f=\"{ids}\" title=\"{title}\">{t}</mark>",
                        sev.name()
                    );
                }
                None => html.push_str(&t),
            }
        }
        html.push_str("</span> ");
    }
    Cell { html, kinds }
}

const CSS: &str = r#"
:root{
  --bg:#f4f3ef;--paper:#fff;--ink:#1c2330;--muted:#6b7280;--rule:#e4e2dc;
  --err:#b42318;--err-bg:#fef3f2;--err-mark:#fdd3cf;
  --warn:#a15c07;--warn-bg:#fffaeb;--warn-mark:#fde4a0;
  --info:#1d5fb8;--info-bg:#eff6ff;--info-mark:#d6e6fb;
  --zh:"Noto Serif CJK SC","Source Han Serif SC","Songti SC","STSong","SimSun","Noto Serif CJK TC",serif;
  --en:"Charter","Bitstream Charter","Iowan Old Style","Source Serif Pro","Georgia","Noto Serif",serif;
  --ui:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
}
*{box-sizing:border-box}
html{scroll-padding-top:150px}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 var(--ui);-webkit-font-smoothing:antialiased}
header.top{position:sticky;top:0;z-index:10;background:rgba(255,255,255,.97);border-bottom:1px solid var(--rule);box-shadow:0 2px 8px rgba(28,35,48,.06)}
.bar,.filters{max-width:1360px;margin:0 auto;padding-left:1.5rem;padding-right:1.5rem}
.bar{display:flex;align-items:center;justify-content:space-between;gap:1rem;padding-top:.8rem;padding-bottom:.45rem}
.brand{display:flex;align-items:center;gap:.85rem;min-width:0}
.logo{font-family:var(--zh);font-size:1.35rem;font-weight:700;color:#fff;background:var(--ink);border-radius:8px;padding:.2rem .5rem;letter-spacing:.05em}
h1{font-size:1.1rem;margin:0;font-weight:650;letter-spacing:-.01em}
.sub{margin:.05rem 0 0;color:var(--muted);font-size:.82rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.not-translation{margin:.2rem 0 0;color:var(--warn);font-size:.82rem;font-weight:600}
.totals{display:flex;gap:.4rem;flex-shrink:0}
.tot{font-weight:600;font-size:.8rem;padding:.2rem .65rem;border-radius:999px}
.tot.sev-error{background:var(--err-bg);color:var(--err)}
.tot.sev-warning{background:var(--warn-bg);color:var(--warn)}
.tot.sev-info{background:var(--info-bg);color:var(--info)}
.filters{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;padding-top:.25rem;padding-bottom:.7rem}
.chip{display:inline-flex;align-items:center;gap:.3rem;border:1px solid var(--rule);border-radius:999px;padding:.12rem .2rem .12rem .5rem;font-size:.8rem;background:#fff;user-select:none}
.chip input{margin:0;accent-color:var(--ink)}
.chip label{cursor:pointer}
.chip .count{font-weight:700;text-decoration:none;border-radius:999px;padding:0 .45rem;min-width:1.5rem;text-align:center;color:#fff}
.chip.sev-error{border-color:#f5c2bd}.chip.sev-error .count{background:var(--err)}
.chip.sev-warning{border-color:#f3d68a}.chip.sev-warning .count{background:var(--warn)}
.chip.sev-info{border-color:#bfd5f5}.chip.sev-info .count{background:var(--info)}
.toggle{margin-left:auto;font-size:.8rem;color:var(--muted);display:inline-flex;gap:.35rem;align-items:center;cursor:pointer}
.clean{font-size:.85rem;color:#067647;font-weight:600}
main{max-width:1360px;margin:1.2rem auto 3rem;padding:0 1.5rem}
.colhead,section.bead{display:grid;grid-template-columns:2.6rem minmax(0,1fr) minmax(0,1fr);column-gap:1.6rem}
.colhead{font-size:.72rem;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);font-weight:600;padding:0 1rem .45rem}
section.bead{background:var(--paper);padding:.6rem 1rem;border-left:3px solid transparent;border-top:1px solid #f1efea;scroll-margin-top:150px}
section.bead:first-of-type{border-radius:8px 8px 0 0}
section.bead.para{margin-top:.7rem;border-top:0;border-radius:8px 8px 0 0;box-shadow:0 -1px 0 var(--rule)}
section.bead.furniture{padding-top:.2rem;padding-bottom:.2rem;border-top-color:transparent}
section.bead.furniture ol.findings{margin-top:.25rem}
section.bead.worst-error{border-left-color:var(--err)}
section.bead.worst-warning{border-left-color:#e8a317}
section.bead.worst-info{border-left-color:#8db4ea}
.gutter{font:11px/1.9 var(--ui);color:#9aa1ad;text-align:right;padding-top:.15rem}
.gutter a{color:inherit;text-decoration:none;font-weight:600;overflow-wrap:anywhere}
.gutter a:hover{color:var(--ink)}
.shape{display:block;font-size:10px;line-height:1.2;opacity:.8}
.side.zh{font:16.5px/1.9 var(--zh);text-align:justify}
.side.en{font:16px/1.7 var(--en);hyphens:auto}
.gap{display:inline-block;color:var(--muted);font:italic 12.5px/1.6 var(--ui);border:1px dashed #cfd3da;border-radius:6px;padding:.05rem .55rem;margin-top:.2rem}
a.gap.merged{color:var(--info);border-color:#bfd5f5;text-decoration:none;font-style:normal}
section.unaligned .gap{background:repeating-linear-gradient(135deg,#fafafa,#fafafa 6px,#f3f3f3 6px,#f3f3f3 12px)}
mark{color:inherit;border-radius:3px;padding:.05em .12em;cursor:pointer;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.sev-error{background:var(--err-mark);box-shadow:inset 0 -2px 0 var(--err)}
mark.sev-warning{background:var(--warn-mark);box-shadow:inset 0 -2px 0 #e8a317}
mark.sev-info{background:var(--info-mark)}
.s.whole{border-radius:3px;cursor:pointer;-webkit-box-decoration-break:clone;box-decoration-break:clone;padding:.05em .1em}
.s.whole.sev-error{background:var(--err-bg);text-decoration:underline wavy var(--err);text-decoration-thickness:1px;text-underline-offset:4px}
.s.whole.sev-warning{background:var(--warn-bg);text-decoration:underline wavy #e8a317;text-decoration-thickness:1px;text-underline-offset:4px}
.s.whole.sev-info{background:transparent}
.muted{background:none!important;box-shadow:none!important;text-decoration:none!important}
section.furniture .side{color:#8a909b;font-size:13.5px;line-height:1.6}
section.furniture{background:#fbfbf9}
ol.findings{grid-column:2/4;list-style:none;margin:.45rem 0 .15rem;padding:0;display:flex;flex-direction:column;gap:.25rem}
li.finding{display:flex;gap:.6rem;align-items:baseline;font-size:.84rem;line-height:1.45;padding:.3rem .65rem;border-radius:6px;scroll-margin-top:170px}
li.finding.sev-error{background:var(--err-bg)}
li.finding.sev-warning{background:var(--warn-bg)}
li.finding.sev-info{background:var(--info-bg)}
li.finding .sev{font-weight:700;text-transform:uppercase;font-size:.66rem;letter-spacing:.06em;text-decoration:none;min-width:4.2rem}
li.finding.sev-error .sev{color:var(--err)}
li.finding.sev-warning .sev{color:var(--warn)}
li.finding.sev-info .sev{color:var(--info)}
li.finding .kind{font-weight:600;white-space:nowrap;color:var(--ink)}
li.finding .kind::first-letter{text-transform:uppercase}
li.finding .msg{color:#374151;font-family:var(--ui)}
li.finding:target{outline:2px solid var(--ink);outline-offset:1px}
.flash{animation:flash 1.2s ease-out}
@keyframes flash{from{box-shadow:0 0 0 4px rgba(28,35,48,.25)}to{box-shadow:0 0 0 0 rgba(28,35,48,0)}}
footer{max-width:1360px;margin:0 auto 2rem;padding:0 1.5rem;color:var(--muted);font-size:.78rem}
.sw{display:inline-block;width:.7rem;height:.7rem;border-radius:2px;margin:0 .25rem 0 .6rem;vertical-align:-1px}
.sw.sev-error{background:var(--err-mark);box-shadow:inset 0 -2px 0 var(--err)}
.sw.sev-warning{background:var(--warn-mark)}
.sw.sev-info{background:var(--info-mark)}
@media (max-width:820px){
  .colhead{display:none}
  section.bead{grid-template-columns:2rem minmax(0,1fr)}
  .side.en{grid-column:2}
  ol.findings{grid-column:1/3}
  .totals{display:none}
}
@media print{header.top{position:static;box-shadow:none}.filters input,.toggle{display:none}}
"#;

const JS: &str = r#"
(function(){
  var boxes=[].slice.call(document.querySelectorAll('input[data-kind]'));
  var only=document.getElementById('only');
  function apply(){
    var off={};
    boxes.forEach(function(b){if(!b.checked)off[b.dataset.kind]=1;});
    [].forEach.call(document.querySelectorAll('[data-k]'),function(el){
      var ks=el.dataset.k.split(' ').filter(Boolean);
      el.classList.toggle('muted',ks.length>0&&ks.every(function(k){return off[k];}));
    });
    [].forEach.call(document.querySelectorAll('li.finding'),function(li){li.hidden=!!off[li.dataset.kind];});
    [].forEach.call(document.querySelectorAll('section.bead'),function(s){
      var items=[].slice.call(s.querySelectorAll('li.finding'));
      var any=items.some(function(li){return !li.hidden;});
      var list=s.querySelector('ol.findings');
      if(list)list.hidden=!any;
      s.hidden=!!(only&&only.checked&&!any);
    });
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  if(only)only.addEventListener('change',apply);
  function go(id){
    var el=document.getElementById(id);
    if(!el)return;
    var box=document.querySelector('input[data-kind="'+el.dataset.kind+'"]');
    if(box&&!box.checked){box.checked=true;apply();}
    var sec=el.closest('section');
    if(sec&&sec.hidden){sec.hidden=false;}
    location.hash=id;
    el.classList.remove('flash');void el.offsetWidth;el.classList.add('flash');
  }
  document.addEventListener('click',function(e){
    var t=e.target.closest('[data-f]');
    if(t){var ids=t.dataset.f.split(' ');if(ids[0]){e.preventDefault();go('f'+ids[0]);}return;}
    var a=e.target.closest('a.count');
    if(a){e.preventDefault();go(a.getAttribute('href').slice(1));}
  });
  apply();
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use crate::check::tests::{docs, ladder};

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;"
        );
    }

    #[test]
    fn page_has_a_row_per_bead_anchors_and_escaped_text() {
        let (zh, en) = docs(
            &[
                "第一句话<script>很长。",
                "得道者多助，失道者寡助。",
                "他说了很多话。",
            ],
            &[
                "The first <b>sentence</b> is long.",
                "He said 得道者 a lot.",
            ],
        );
        let a = ladder(&[(1, 1), (1, 0), (1, 1)]);
        let review = check(&zh, &en, &a);
        let page = render(&Report::new(&zh, &en, &a, &review).titled("a <title>"));
        assert_eq!(page.matches("<section class=\"bead").count(), 3);
        assert!(!page.contains("<script>很长"));
        assert!(page.contains("第一句话&lt;script&gt;很长。"));
        assert!(page.contains("The first &lt;b&gt;sentence&lt;/b&gt; is long."));
        assert!(page.contains("<title>Translation review — a &lt;title&gt;</title>"));
        assert!(page.contains("id=\"f0\""));
        assert!(page.contains("href=\"#f0\""));
        assert!(page.contains("<span class=\"gap\">not translated</span>"));
        assert!(page.contains("<mark class=\"sev-warning\" data-k=\"untranslated\""));
        assert!(page.contains("data-kind=\"omission\" checked"));
        assert!(!page.contains("http://") && !page.contains("https://"));
    }
}
