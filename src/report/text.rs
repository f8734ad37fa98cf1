//! The terminal report: beads with findings, grouped by paragraph, both sides
//! shown with their evidence highlighted, then a summary by kind.
//!
//! Evidence is coloured by severity with ANSI escapes when `color` is on, and
//! wrapped in `[[…]]` otherwise.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{pieces, shown, Marks, Report, GAP};
use crate::check::{FindingKind, Severity};
use crate::document::Document;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

fn fg(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Info => "\x1b[36m",
    }
}

fn bg(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "\x1b[41;97m",
        Severity::Warning => "\x1b[43;30m",
        Severity::Info => "\x1b[46;30m",
    }
}

/// Write the terminal report.
pub fn write(report: &Report<'_>, out: &mut dyn Write, color: bool) -> io::Result<()> {
    let review = report.review;
    let beads = &report.alignment.beads;
    let paint = |s: &str, code: &str| -> String {
        if color {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    if let Some(title) = report.title {
        writeln!(out, "{}", paint(&format!("duizhao check — {title}"), BOLD))?;
    }
    writeln!(
        out,
        "{} {} · {} Chinese / {} English sentences · alignment score {:.2}",
        beads.len(),
        if report.units.is_some() {
            "units"
        } else {
            "beads"
        },
        report.zh.len(),
        report.en.len(),
        report.alignment.score
    )?;
    if !report.looks_like_translation() {
        let warning = "the English does not look like a translation of the Chinese: \
                       the findings below assume it is";
        writeln!(out, "{}", paint(warning, fg(Severity::Warning)))?;
    }

    // Findings by bead, in order.
    let mut by_bead: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, f) in review.findings.iter().enumerate() {
        by_bead.entry(f.bead).or_default().push(i);
    }
    let zh_marks = Marks::new(review, report.zh, true);
    let en_marks = Marks::new(review, report.en, false);
    let mut last_group = None;
    for (&b, fs) in &by_bead {
        let (zh_range, en_range) = match beads.get(b) {
            Some(bead) => (bead.zh.clone(), bead.en.clone()),
            None => (0..0, 0..0),
        };
        // Show the sentences findings point to, too (a sentence the review
        // merged into this bead sits in the bead before or after).
        let pointed = || {
            fs.iter()
                .filter_map(|&i| review.findings.get(i))
                .filter(|f| f.kind != FindingKind::PageFurniture)
        };
        let zh_shown = shown(
            zh_range,
            pointed().flat_map(|f| f.zh_sentences.iter().copied()),
        );
        let en_shown = shown(
            en_range,
            pointed().flat_map(|f| f.en_sentences.iter().copied()),
        );
        let zh_start = zh_shown.first().copied();
        let en_start = en_shown.first().copied();
        // Units of a bilingual file are grouped by the file's parts (its
        // XLIFF <file>s), kept in their paragraphs.
        let unit_group = |p: usize| format!("file {}", p + 1);
        let group = paragraph_of(report.zh, zh_start)
            .map(|p| match report.units {
                Some(_) => unit_group(p),
                None => format!("paragraph {}", p + 1),
            })
            .or_else(|| {
                report
                    .units
                    .and_then(|_| paragraph_of(report.en, en_start).map(unit_group))
            })
            .or_else(|| {
                paragraph_of(report.en, en_start).map(|p| format!("English paragraph {}", p + 1))
            })
            .unwrap_or_else(|| "unplaced".to_string());
        if last_group.as_ref() != Some(&group) {
            writeln!(out)?;
            let rule = "─".repeat(60usize.saturating_sub(group.chars().count()));
            writeln!(out, "{}", paint(&format!("── {group} {rule}"), DIM))?;
            last_group = Some(group);
        }
        let shape = beads.get(b).map_or_else(String::new, |bead| {
            format!("{}-{}", bead.zh.len(), bead.en.len())
        });
        let name = match report.unit(b) {
            Some(id) => format!("unit {id}"),
            None => format!("bead {b}"),
        };
        writeln!(out, "{}", paint(&format!("{name}  {shape}"), BOLD))?;
        let side = |doc: &Document,
                    ids: &[usize],
                    marks: &Marks,
                    label: &str,
                    out: &mut dyn Write|
         -> io::Result<()> {
            let mut line = String::new();
            let mut last = None;
            for &i in ids {
                let Some(s) = doc.sentences().get(i) else {
                    continue;
                };
                if !line.is_empty() {
                    line.push(' ');
                }
                if last.is_some_and(|l: usize| l + 1 < i) {
                    line.push_str(&paint(GAP, DIM));
                    line.push(' ');
                }
                last = Some(i);
                for p in pieces(doc.text(), s.span.clone(), marks.of(i), review) {
                    let t = doc.text().get(p.range.clone()).unwrap_or("");
                    match p.severity {
                        Some(sev) if color => line.push_str(&format!("{}{t}{RESET}", bg(sev))),
                        Some(_) => line.push_str(&format!("[[{t}]]")),
                        None => line.push_str(t),
                    }
                }
            }
            if ids.is_empty() {
                line = paint("(nothing)", DIM);
            }
            writeln!(out, "  {} │ {line}", paint(label, DIM))
        };
        side(report.zh, &zh_shown, &zh_marks, "zh", out)?;
        side(report.en, &en_shown, &en_marks, "en", out)?;
        for &i in fs {
            let f = &review.findings[i];
            writeln!(
                out,
                "  {} {}  {}",
                paint(&format!("{:<7}", f.severity.name()), fg(f.severity)),
                paint(&format!("{:<17}", f.kind.name()), BOLD),
                f.message
            )?;
        }
    }

    // Summary.
    writeln!(out)?;
    writeln!(out, "{}", paint("Summary", BOLD))?;
    let s = &review.summary;
    for kind in FindingKind::ALL {
        let n = s.count(kind);
        if n > 0 {
            let sev = review.severity_of(kind).unwrap_or(kind.severity());
            writeln!(
                out,
                "  {} {:<18} {n:>4}",
                paint(&format!("{:<7}", sev.name()), fg(sev)),
                kind.name()
            )?;
        }
    }
    let total = s.total();
    writeln!(
        out,
        "  {} finding{}: {} error{}, {} warning{}, {} info",
        total,
        if total == 1 { "" } else { "s" },
        s.errors,
        if s.errors == 1 { "" } else { "s" },
        s.warnings,
        if s.warnings == 1 { "" } else { "s" },
        s.infos
    )?;
    Ok(())
}

/// The paragraph of sentence `i`, if there is one to show.
fn paragraph_of(doc: &Document, i: Option<usize>) -> Option<usize> {
    doc.sentences().get(i?).map(|s| s.paragraph)
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{docs, ladder};
    use crate::check::{check, Checker, FindingKind};
    use crate::report::{Format, Report};

    fn render(color: bool) -> String {
        let (zh, en) = docs(
            &[
                "第一句话很长。",
                "得道者多助，失道者寡助。",
                "他说了很多话。",
            ],
            &["The first sentence is long.", "He said 得道者 a lot."],
        );
        let a = ladder(&[(1, 1), (1, 0), (1, 1)]);
        let review = check(&zh, &en, &a);
        let mut out = Vec::new();
        Report::new(&zh, &en, &a, &review)
            .titled("zh.txt ↔ en.txt")
            .write(Format::Text, &mut out, color)
            .unwrap_or_default();
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn plain_report_marks_evidence_and_summarises() {
        let text = render(false);
        assert!(text.contains("[[得道者多助，失道者寡助。]]"), "{text}");
        assert!(text.contains("He said [[得道者]] a lot."), "{text}");
        assert!(text.contains("── paragraph 1 "), "{text}");
        assert!(text.contains("omission"), "{text}");
        assert!(
            text.contains("2 findings: 1 error, 1 warning, 0 info"),
            "{text}"
        );
        assert!(!text.contains('\x1b'));
    }

    /// A sentence translated twice, first at the start and again at the end
    /// of a long text: the `inconsistent` finding at the end names the first
    /// translation, and the report printed every sentence in between (on a
    /// 30 MB line of repeated text, tens of megabytes). It shows the two
    /// with a gap marked.
    #[test]
    fn far_inconsistent_translation_does_not_print_the_text_between() {
        let n = 200;
        let zh: Vec<String> = (0..n)
            .map(|k| match k {
                0 | 199 => "这是一个重复出现的很长的句子。".to_string(),
                _ => format!("第{k}句话讲的是另外一件事情。"),
            })
            .collect();
        let en: Vec<String> = (0..n)
            .map(|k| match k {
                0 => "This is a long sentence that appears twice.".to_string(),
                199 => "Here a long sentence shows up for a second time.".to_string(),
                _ => format!("Sentence number {k} talks about another matter."),
            })
            .collect();
        let zh: Vec<&str> = zh.iter().map(String::as_str).collect();
        let en: Vec<&str> = en.iter().map(String::as_str).collect();
        let (zd, ed) = docs(&zh, &en);
        let a = ladder(&vec![(1, 1); n]);
        let review = Checker::new().doubt_margin(0.0).check(&zd, &ed, &a);
        let far = review
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::Inconsistent)
            .unwrap_or_else(|| panic!("no inconsistent finding: {:#?}", review.findings));
        assert_eq!((far.bead, far.en_sentences.clone()), (199, vec![0, 199]));
        let mut out = Vec::new();
        Report::new(&zd, &ed, &a, &review)
            .write(Format::Text, &mut out, false)
            .unwrap_or_default();
        let text = String::from_utf8(out).unwrap_or_default();
        assert!(
            text.contains("This is a long sentence that appears twice.]] … [[Here a long"),
            "{text}"
        );
        assert!(!text.contains("Sentence number 100 "), "{text}");
    }

    #[test]
    fn colour_report_uses_ansi_instead_of_markers() {
        let text = render(true);
        assert!(
            text.contains("\x1b[41;97m得道者多助，失道者寡助。\x1b[0m"),
            "{text}"
        );
        assert!(!text.contains("[["));
    }
}
