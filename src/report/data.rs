//! Findings for machines: JSON (summary and findings), JSON lines (one
//! finding per line) and TSV (one finding per row, with a header).
//!
//! Every finding carries its evidence twice: as byte spans (`zh_spans`,
//! `en_spans`) and as text (`zh_evidence`, `en_evidence`); when the pair was
//! read from a bilingual file, also its unit's id (`unit`, a column after
//! `bead` in TSV).

use std::io::Write;

use serde::Serialize;

use super::Report;
use crate::check::{Finding, Summary};
use crate::error::{Error, ErrorKind, Result};

/// A finding with the text of its evidence.
#[derive(Serialize)]
struct Record<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    zh_evidence: Vec<&'a str>,
    en_evidence: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    zh_sentences: usize,
    en_sentences: usize,
    beads: usize,
    score: f64,
    summary: &'a Summary,
    findings: Vec<Record<'a>>,
}

fn records<'a>(report: &Report<'a>) -> Vec<Record<'a>> {
    let zh = report.zh.text();
    let en = report.en.text();
    report
        .review
        .findings
        .iter()
        .map(|f| Record {
            finding: f,
            unit: report.unit(f.bead),
            zh_evidence: f
                .zh_spans
                .iter()
                .filter_map(|s| zh.get(s.clone()))
                .collect(),
            en_evidence: f
                .en_spans
                .iter()
                .filter_map(|s| en.get(s.clone()))
                .collect(),
        })
        .collect()
}

fn json_err(e: serde_json::Error) -> Error {
    Error::new(ErrorKind::Io, format!("writing JSON: {e}"))
}

/// One pretty-printed JSON document with the summary and all findings.
pub fn write_json(report: &Report<'_>, out: &mut dyn Write) -> Result<()> {
    let doc = JsonReport {
        title: report.title,
        zh_sentences: report.zh.len(),
        en_sentences: report.en.len(),
        beads: report.alignment.beads.len(),
        score: report.alignment.score,
        summary: &report.review.summary,
        findings: records(report),
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(json_err)?;
    writeln!(out).map_err(|e| Error::io(e, None))
}

/// One JSON object per finding, one per line.
pub fn write_jsonl(report: &Report<'_>, out: &mut dyn Write) -> Result<()> {
    for r in records(report) {
        serde_json::to_writer(&mut *out, &r).map_err(json_err)?;
        writeln!(out).map_err(|e| Error::io(e, None))?;
    }
    Ok(())
}

/// Tab-separated findings: `severity kind bead zh_sentences en_sentences
/// zh_evidence en_evidence message` (lists joined by `,` and ` | `).
pub fn write_tsv(report: &Report<'_>, out: &mut dyn Write) -> Result<()> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out);
    let err = |e: csv::Error| Error::new(ErrorKind::Io, format!("writing TSV: {e}"));
    let units = report.units.is_some();
    let mut head = vec!["severity", "kind", "bead"];
    if units {
        head.push("unit");
    }
    head.extend([
        "zh_sentences",
        "en_sentences",
        "zh_evidence",
        "en_evidence",
        "message",
    ]);
    w.write_record(&head).map_err(err)?;
    let join = |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
    for r in records(report) {
        let f = r.finding;
        let mut row = vec![
            f.severity.name().to_string(),
            f.kind.name().to_string(),
            f.bead.to_string(),
        ];
        if units {
            row.push(r.unit.unwrap_or("").to_string());
        }
        row.extend([
            join(&f.zh_sentences),
            join(&f.en_sentences),
            r.zh_evidence.join(" | "),
            r.en_evidence.join(" | "),
            f.message.clone(),
        ]);
        w.write_record(&row).map_err(err)?;
    }
    w.flush().map_err(|e| Error::io(e, None))
}

#[cfg(test)]
mod tests {
    use crate::check::check;
    use crate::check::tests::{docs, ladder};
    use crate::report::{Format, Report};

    fn render(format: Format) -> String {
        let (zh, en) = docs(
            &[
                "第一句话很长。",
                "得道者多助，失道者寡助。",
                "他说了很多话。",
            ],
            &["The first sentence is long.", "He said a lot\tof things."],
        );
        let a = ladder(&[(1, 1), (1, 0), (1, 1)]);
        let review = check(&zh, &en, &a);
        let mut out = Vec::new();
        Report::new(&zh, &en, &a, &review)
            .write(format, &mut out, false)
            .unwrap_or_default();
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn json_has_summary_and_evidence_text() {
        let v: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap_or_default();
        assert_eq!(v["summary"]["errors"], 1);
        assert_eq!(v["findings"][0]["kind"], "omission");
        assert_eq!(
            v["findings"][0]["zh_evidence"][0],
            "得道者多助，失道者寡助。"
        );
        assert_eq!(v["findings"][0]["zh_spans"][0]["start"], 22);
        assert_eq!(v["beads"], 3);
    }

    #[test]
    fn jsonl_is_one_finding_per_line() {
        let text = render(Format::Jsonl);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1);
        let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap_or_default();
        assert_eq!(v["severity"], "error");
    }

    #[test]
    fn tsv_has_a_header_and_a_row_per_finding() {
        let text = render(Format::Tsv);
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("severity\tkind\tbead\tzh_sentences\ten_sentences\tzh_evidence\ten_evidence\tmessage")
        );
        let row: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
        assert_eq!(row[..5], ["error", "omission", "1", "1", ""]);
        assert_eq!(row[5], "得道者多助，失道者寡助。");
        assert_eq!(lines.next(), None);
    }
}
