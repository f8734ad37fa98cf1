//! The review as an Excel workbook (`.xlsx`), the way reviewers of CAT-tool
//! output read findings.
//!
//! * **Findings**: one row per finding — unit (or bead), severity, kind, the
//!   Chinese and the English concerned with the finding's evidence in
//!   coloured bold, the evidence as text, the message, and an empty status
//!   column for the reviewer (a drop-down of `open`, `fixed`, `accepted`,
//!   `false alarm`);
//! * **Aligned**: the bilingual table, one row per unit or bead, with its
//!   shape, confidence and the kinds of its findings, evidence highlighted;
//! * **Summary**: the counts by kind and severity.
//!
//! Every sheet has its header row frozen and an autofilter. Cells longer than
//! Excel's limit (32,767 UTF-16 units) are cut with an ellipsis.
//! [`aligned_workbook`] writes the bilingual table alone (`align --format xlsx`).

use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;

use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::{pieces, shown, Marks, Report, GAP};
use crate::check::{FindingKind, Review, Severity};
use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};
use crate::export::AlignedPair;

/// Longest cell written, in UTF-16 units (Excel allows 32,767).
const MAX_CELL: usize = 32_000;

/// Values offered in the status column.
const STATUS: [&str; 4] = ["open", "fixed", "accepted", "false alarm"];

fn xlsx_err(e: XlsxError) -> Error {
    Error::new(ErrorKind::Io, format!("writing the spreadsheet: {e}"))
}

/// Write the review workbook of `report` to `out`.
pub fn write(report: &Report<'_>, out: &mut dyn Write) -> Result<()> {
    let bytes = review_workbook(report)?;
    out.write_all(&bytes).map_err(|e| Error::io(e, None))
}

/// The cell formats of a workbook.
struct Styles {
    header: Format,
    wrap: Format,
    plain: Format,
    number: Format,
    severity: [Format; 3],
    evidence: [Format; 3],
}

impl Styles {
    fn new() -> Styles {
        let top = Format::new().set_align(FormatAlign::Top);
        let fill = |rgb: u32| top.clone().set_background_color(Color::RGB(rgb)).set_bold();
        let mark = |rgb: u32| Format::new().set_bold().set_font_color(Color::RGB(rgb));
        Styles {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE7E6E6))
                .set_border_bottom(FormatBorder::Thin),
            wrap: top.clone().set_text_wrap(),
            plain: top.clone(),
            number: top.clone().set_num_format("0.00"),
            // Info, warning, error.
            severity: [fill(0xDDEBF7), fill(0xFFEB9C), fill(0xFFC7CE)],
            evidence: [mark(0x1F4E79), mark(0x9C5700), mark(0xC00000)],
        }
    }

    fn index(sev: Severity) -> usize {
        match sev {
            Severity::Info => 0,
            Severity::Warning => 1,
            Severity::Error => 2,
        }
    }
}

/// The workbook of a review: findings, aligned table, summary.
pub fn review_workbook(report: &Report<'_>) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let title = report
        .title
        .unwrap_or("Chinese original ↔ English translation");
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("Translation review — {title}"))
            .set_comment(format!("Written by duizhao {}", env!("CARGO_PKG_VERSION"))),
    );
    let styles = Styles::new();
    findings_sheet(wb.add_worksheet(), report, &styles).map_err(xlsx_err)?;
    let pair = AlignedPair {
        zh: report.zh,
        en: report.en,
        alignment: report.alignment,
    };
    aligned_sheet(
        wb.add_worksheet(),
        &pair,
        report.units,
        Some(report.review),
        &styles,
    )
    .map_err(xlsx_err)?;
    summary_sheet(wb.add_worksheet(), report, &styles).map_err(xlsx_err)?;
    wb.save_to_buffer().map_err(xlsx_err)
}

/// A workbook holding the aligned pair alone, one row per bead (or unit,
/// when `unit_ids` names them).
pub fn aligned_workbook(pair: &AlignedPair<'_>, unit_ids: Option<&[String]>) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let styles = Styles::new();
    aligned_sheet(wb.add_worksheet(), pair, unit_ids, None, &styles).map_err(xlsx_err)?;
    wb.save_to_buffer().map_err(xlsx_err)
}

/// Header row, frozen, with an autofilter over `rows` data rows, and widths.
fn header(
    ws: &mut Worksheet,
    names: &[&str],
    widths: &[f64],
    rows: usize,
    styles: &Styles,
) -> std::result::Result<(), XlsxError> {
    for (c, (name, width)) in names.iter().zip(widths).enumerate() {
        let c = col(c);
        ws.write_string_with_format(0, c, *name, &styles.header)?;
        ws.set_column_width(c, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, row(rows), col(names.len().saturating_sub(1)))?;
    Ok(())
}

fn row(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn col(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The id column's name and a bead's id: the unit id when the report has
/// them, else the bead number.
fn id_of(units: Option<&[String]>, bead: usize) -> String {
    units
        .and_then(|u| u.get(bead).cloned())
        .unwrap_or_else(|| bead.to_string())
}

fn id_name(units: Option<&[String]>) -> &'static str {
    if units.is_some() {
        "Unit"
    } else {
        "Bead"
    }
}

fn findings_sheet(
    ws: &mut Worksheet,
    report: &Report<'_>,
    styles: &Styles,
) -> std::result::Result<(), XlsxError> {
    ws.set_name("Findings")?;
    let review = report.review;
    header(
        ws,
        &[
            id_name(report.units),
            "Severity",
            "Kind",
            "Chinese",
            "English",
            "Evidence",
            "Message",
            "Status",
        ],
        &[12.0, 10.0, 18.0, 50.0, 60.0, 28.0, 60.0, 12.0],
        review.findings.len(),
        styles,
    )?;
    for (i, f) in review.findings.iter().enumerate() {
        let r = row(i + 1);
        let (zh_range, en_range) = match report.alignment.beads.get(f.bead) {
            Some(b) => (b.zh.clone(), b.en.clone()),
            None => (0..0, 0..0),
        };
        let zh_shown = shown(zh_range, f.zh_sentences.iter().copied());
        let en_shown = shown(en_range, f.en_sentences.iter().copied());
        let zh_marks = Marks::of_spans(report.zh, f.zh_spans.iter().map(|s| (i, s.clone())));
        let en_marks = Marks::of_spans(report.en, f.en_spans.iter().map(|s| (i, s.clone())));
        ws.write_string_with_format(r, 0, id_of(report.units, f.bead), &styles.plain)?;
        ws.write_string_with_format(
            r,
            1,
            f.severity.name(),
            &styles.severity[Styles::index(f.severity)],
        )?;
        ws.write_string_with_format(r, 2, f.kind.name(), &styles.plain)?;
        let zh = side_text(report.zh, &zh_shown, &zh_marks, review, "");
        rich_cell(ws, r, 3, &zh, styles)?;
        let en = side_text(report.en, &en_shown, &en_marks, review, " ");
        rich_cell(ws, r, 4, &en, styles)?;
        let evidence = |doc: &Document, spans: &[Range<usize>]| -> String {
            spans
                .iter()
                .filter_map(|s| doc.text().get(s.clone()))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        let (ze, ee) = (
            evidence(report.zh, &f.zh_spans),
            evidence(report.en, &f.en_spans),
        );
        let evidence = match (ze.is_empty(), ee.is_empty()) {
            (false, false) => format!("{ze} ↔ {ee}"),
            (false, true) => ze,
            _ => ee,
        };
        ws.write_string_with_format(r, 5, cut(&evidence), &styles.wrap)?;
        ws.write_string_with_format(r, 6, cut(&f.message), &styles.wrap)?;
    }
    if !review.findings.is_empty() {
        let status = DataValidation::new()
            .allow_list_strings(&STATUS)?
            .ignore_blank(true);
        ws.add_data_validation(1, 7, row(review.findings.len()), 7, &status)?;
    }
    Ok(())
}

fn aligned_sheet(
    ws: &mut Worksheet,
    pair: &AlignedPair<'_>,
    units: Option<&[String]>,
    review: Option<&Review>,
    styles: &Styles,
) -> std::result::Result<(), XlsxError> {
    ws.set_name("Aligned")?;
    let beads = &pair.alignment.beads;
    let mut names = vec![id_name(units), "Shape", "Confidence", "Chinese", "English"];
    let mut widths = vec![12.0, 8.0, 11.0, 60.0, 70.0];
    if review.is_some() {
        names.push("Findings");
        widths.push(30.0);
    }
    header(ws, &names, &widths, beads.len(), styles)?;
    let empty = Review::default();
    let review_or_empty = review.unwrap_or(&empty);
    let (zh_marks, en_marks) = (
        Marks::new(review_or_empty, pair.zh, true),
        Marks::new(review_or_empty, pair.en, false),
    );
    let mut kinds: BTreeMap<usize, Vec<FindingKind>> = BTreeMap::new();
    for f in &review_or_empty.findings {
        let k = kinds.entry(f.bead).or_default();
        if !k.contains(&f.kind) {
            k.push(f.kind);
        }
    }
    for (b, bead) in beads.iter().enumerate() {
        let r = row(b + 1);
        ws.write_string_with_format(r, 0, id_of(units, b), &styles.plain)?;
        ws.write_string_with_format(r, 1, bead.kind(), &styles.plain)?;
        ws.write_number_with_format(r, 2, bead.confidence, &styles.number)?;
        let zh_ids: Vec<usize> = bead.zh.clone().collect();
        let zh = side_text(pair.zh, &zh_ids, &zh_marks, review_or_empty, "");
        rich_cell(ws, r, 3, &zh, styles)?;
        let en_ids: Vec<usize> = bead.en.clone().collect();
        let en = side_text(pair.en, &en_ids, &en_marks, review_or_empty, " ");
        rich_cell(ws, r, 4, &en, styles)?;
        if review.is_some() {
            let k: Vec<&str> = kinds
                .get(&b)
                .map(|k| k.iter().map(|k| k.name()).collect())
                .unwrap_or_default();
            ws.write_string_with_format(r, 5, k.join(", "), &styles.wrap)?;
        }
    }
    Ok(())
}

fn summary_sheet(
    ws: &mut Worksheet,
    report: &Report<'_>,
    styles: &Styles,
) -> std::result::Result<(), XlsxError> {
    ws.set_name("Summary")?;
    let s = &report.review.summary;
    let by_kind: Vec<FindingKind> = FindingKind::ALL
        .into_iter()
        .filter(|&k| s.count(k) > 0)
        .collect();
    header(
        ws,
        &["Severity", "Kind", "Findings"],
        &[12.0, 22.0, 10.0],
        by_kind.len(),
        styles,
    )?;
    for (n, kind) in by_kind.iter().enumerate() {
        let r = row(n + 1);
        let sev = kind.severity();
        ws.write_string_with_format(r, 0, sev.name(), &styles.severity[Styles::index(sev)])?;
        ws.write_string_with_format(r, 1, kind.name(), &styles.plain)?;
        ws.write_number_with_format(r, 2, s.count(*kind) as f64, &styles.plain)?;
    }
    // Totals and the pair, below the table (outside the filter).
    let mut r = row(by_kind.len() + 2);
    let units = if report.units.is_some() {
        "units"
    } else {
        "beads"
    };
    let facts: [(&str, String); 8] = [
        ("errors", s.errors.to_string()),
        ("warnings", s.warnings.to_string()),
        ("info", s.infos.to_string()),
        ("findings", s.total().to_string()),
        (units, report.alignment.beads.len().to_string()),
        ("Chinese sentences", report.zh.len().to_string()),
        ("English sentences", report.en.len().to_string()),
        ("alignment score", format!("{:.2}", report.alignment.score)),
    ];
    for (name, value) in facts {
        ws.write_string_with_format(r, 1, name, &styles.header)?;
        ws.write_string_with_format(r, 2, value, &styles.plain)?;
        r += 1;
    }
    if let Some(title) = report.title {
        ws.write_string_with_format(r, 1, "file", &styles.header)?;
        ws.write_string_with_format(r, 2, cut(title), &styles.plain)?;
    }
    Ok(())
}

/// The text of sentences `ids` of `doc`, joined by `sep` (a gap between
/// sentences not adjacent marked), in pieces marked with the severity of
/// the evidence they carry.
fn side_text(
    doc: &Document,
    ids: &[usize],
    marks: &Marks,
    review: &Review,
    sep: &str,
) -> Vec<(Option<Severity>, String)> {
    let mut out: Vec<(Option<Severity>, String)> = Vec::new();
    let mut last = None;
    for &i in ids {
        let Some(s) = doc.sentences().get(i) else {
            continue;
        };
        if !out.is_empty() && !sep.is_empty() {
            out.push((None, sep.to_string()));
        }
        if last.is_some_and(|l: usize| l + 1 < i) {
            out.push((None, format!("{GAP}{sep}")));
        }
        last = Some(i);
        for p in pieces(doc.text(), s.span.clone(), marks.of(i), review) {
            let t = doc.text().get(p.range.clone()).unwrap_or("");
            match out.last_mut() {
                Some((sev, text)) if *sev == p.severity => text.push_str(t),
                _ => out.push((p.severity, t.to_string())),
            }
        }
    }
    out
}

/// Write pieces as a rich string (plain when nothing is marked), cut to
/// Excel's limit.
fn rich_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    parts: &[(Option<Severity>, String)],
    styles: &Styles,
) -> std::result::Result<(), XlsxError> {
    let mut budget = MAX_CELL;
    let mut cut_parts: Vec<(Option<Severity>, String)> = Vec::new();
    for (sev, text) in parts {
        if budget == 0 {
            break;
        }
        let (kept, used) = take_utf16(text, budget);
        budget -= used;
        if !kept.is_empty() {
            cut_parts.push((*sev, kept.to_string()));
        }
        if kept.len() < text.len() {
            cut_parts.push((None, "…".to_string()));
            break;
        }
    }
    if cut_parts.iter().all(|(sev, _)| sev.is_none()) {
        let text: String = cut_parts.into_iter().map(|(_, t)| t).collect();
        ws.write_string_with_format(r, c, text, &styles.wrap)?;
        return Ok(());
    }
    let plain = Format::default();
    let segments: Vec<(&Format, &str)> = cut_parts
        .iter()
        .map(|(sev, t)| {
            let f = match sev {
                Some(s) => &styles.evidence[Styles::index(*s)],
                None => &plain,
            };
            (f, t.as_str())
        })
        .collect();
    ws.write_rich_string_with_format(r, c, &segments, &styles.wrap)?;
    Ok(())
}

/// The longest prefix of `s` of at most `max` UTF-16 units, and its length in them.
fn take_utf16(s: &str, max: usize) -> (&str, usize) {
    let mut used = 0;
    for (i, ch) in s.char_indices() {
        if used + ch.len_utf16() > max {
            return (s.get(..i).unwrap_or(""), used);
        }
        used += ch.len_utf16();
    }
    (s, used)
}

/// `s` cut to Excel's cell limit.
fn cut(s: &str) -> String {
    let (kept, _) = take_utf16(s, MAX_CELL);
    if kept.len() < s.len() {
        format!("{kept}…")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cut_at_the_limit() {
        assert_eq!(take_utf16("a😀b", 2), ("a", 1));
        assert_eq!(take_utf16("a😀b", 3), ("a😀", 3));
        let long = "字".repeat(MAX_CELL + 5);
        assert_eq!(cut(&long).chars().count(), MAX_CELL + 1);
        assert_eq!(cut("short"), "short");
    }
}
