//! Invariants of the whole pipeline over arbitrary text pairs: segmentation
//! loses nothing, alignment covers every sentence once in order, the TSV and
//! JSON-lines exports round-trip, and an alignment scored against itself is
//! perfect.

use duizhao::eval;
use duizhao::export::{self, AlignedPair, TsvColumns};
use duizhao::{Aligner, Alignment, Document, Lang};
use proptest::prelude::*;

/// Pieces text is built from: Han, Latin, digits, final marks of both
/// languages, quotes, line breaks, emoji, combining marks, zero-width and
/// other odd spaces, and the characters the TSV export must escape.
const PIECES: &[&str] = &[
    "中国",
    "经济增长",
    "他说",
    "美国芬太尼危机",
    "的",
    "了",
    "Hello",
    "the",
    "economy",
    "grew",
    "U.S.",
    "Mr.",
    "Wang",
    " ",
    "  ",
    "2023",
    "5.5%",
    "10.7万",
    "。",
    "！",
    "？",
    "……",
    ".",
    "!",
    "?",
    "...",
    "“",
    "”",
    "「",
    "」",
    "《",
    "》",
    "，",
    ",",
    "；",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\\",
    "😀",
    "👩‍👩‍👧",
    "e\u{301}",
    "\u{300}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{3000}",
    "\u{A0}",
    "Ａ",
    "1.",
    "•",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

/// A pair of texts that segments to at least one sentence a side.
fn pair() -> impl Strategy<Value = (String, String)> {
    (text(), text()).prop_filter("both sides need a sentence", |(a, b)| {
        !a.trim().is_empty() && !b.trim().is_empty()
    })
}

/// Spans are in order, on character boundaries, trimmed and non-empty, and
/// everything between them is white space: no text is lost.
fn check_spans(doc: &Document) -> std::result::Result<(), TestCaseError> {
    let text = doc.text();
    let mut pos = 0;
    for s in doc.sentences() {
        prop_assert!(
            s.span.start >= pos,
            "spans overlap or go back: {:?}",
            s.span
        );
        let gap = text.get(pos..s.span.start);
        prop_assert!(gap.is_some(), "span start off a char boundary");
        prop_assert!(
            gap.unwrap_or_default().trim().is_empty(),
            "text lost between sentences: {gap:?}"
        );
        let body = text.get(s.span.clone());
        prop_assert!(body.is_some(), "span off a char boundary: {:?}", s.span);
        let body = body.unwrap_or_default();
        prop_assert!(!body.is_empty());
        prop_assert_eq!(body, body.trim());
        pos = s.span.end;
    }
    let tail = text.get(pos..).unwrap_or("x");
    prop_assert!(tail.trim().is_empty(), "text lost at the end: {tail:?}");
    Ok(())
}

/// Every sentence of both documents is in exactly one bead, beads in order.
fn check_cover(a: &Alignment, n: usize, m: usize) -> std::result::Result<(), TestCaseError> {
    let (mut i, mut j) = (0, 0);
    for b in &a.beads {
        prop_assert!(!(b.zh.is_empty() && b.en.is_empty()), "empty bead");
        prop_assert_eq!(b.zh.start, i, "Chinese side not contiguous");
        prop_assert_eq!(b.en.start, j, "English side not contiguous");
        prop_assert!(b.zh.end >= b.zh.start && b.en.end >= b.en.start);
        prop_assert!((0.0..=1.0).contains(&b.confidence), "{}", b.confidence);
        i = b.zh.end;
        j = b.en.end;
    }
    prop_assert_eq!((i, j), (n, m), "beads do not cover the documents");
    prop_assert!((0.0..=1.0).contains(&a.score));
    Ok(())
}

fn ids(r: &std::ops::Range<usize>) -> String {
    r.clone()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn check_exports(pair: &AlignedPair<'_>) -> std::result::Result<(), TestCaseError> {
    let beads = &pair.alignment.beads;
    // TSV, full columns, read back with the csv crate.
    let mut tsv = Vec::new();
    prop_assert!(export::write_tsv(&mut tsv, pair, TsvColumns::Full).is_ok());
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .has_headers(true)
        .from_reader(tsv.as_slice());
    let header = reader
        .headers()
        .map(|h| h.iter().collect::<Vec<_>>().join(" "))
        .ok();
    prop_assert_eq!(header, Some("zh_ids en_ids kind score zh en".to_string()));
    let rows: Vec<csv::StringRecord> = reader.records().filter_map(|r| r.ok()).collect();
    prop_assert_eq!(rows.len(), beads.len(), "one TSV row per bead");
    for (row, bead) in rows.iter().zip(beads) {
        prop_assert_eq!(row.len(), 6);
        prop_assert_eq!(row[0].to_string(), ids(&bead.zh));
        prop_assert_eq!(row[1].to_string(), ids(&bead.en));
        prop_assert_eq!(row[2].to_string(), bead.kind());
        prop_assert_eq!(duizhao::export::unescape_cell(&row[4]), pair.zh_text(bead));
        prop_assert_eq!(duizhao::export::unescape_cell(&row[5]), pair.en_text(bead));
    }
    // JSON lines: one object per bead with the same ids and texts.
    let mut jsonl = Vec::new();
    prop_assert!(export::write_jsonl(&mut jsonl, pair).is_ok());
    let text = String::from_utf8(jsonl);
    prop_assert!(text.is_ok());
    let text = text.unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    prop_assert_eq!(lines.len(), beads.len());
    for (line, bead) in lines.iter().zip(beads) {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| TestCaseError::fail(format!("{e}: {line}")))?;
        let zh_ids: Vec<usize> = bead.zh.clone().collect();
        let en_ids: Vec<usize> = bead.en.clone().collect();
        prop_assert_eq!(&v["zh_ids"], &serde_json::json!(zh_ids));
        prop_assert_eq!(&v["en_ids"], &serde_json::json!(en_ids));
        prop_assert_eq!(
            v["zh"].as_str().map(str::to_string),
            Some(pair.zh_text(bead))
        );
        prop_assert_eq!(
            v["en"].as_str().map(str::to_string),
            Some(pair.en_text(bead))
        );
    }
    Ok(())
}

/// Scored against itself, an alignment with any two-sided link is perfect.
fn check_self_eval(a: &Alignment) -> std::result::Result<(), TestCaseError> {
    let links = eval::links(a);
    let scores = eval::score(&links, &links).scores();
    if links.iter().any(|l| l.is_two_sided()) {
        prop_assert_eq!(scores.strict.f1, 1.0);
        prop_assert_eq!(scores.lax.f1, 1.0);
    } else {
        prop_assert_eq!(scores.strict.precision, 1.0);
    }
    Ok(())
}

fn check_all(zh: Document, en: Document) -> std::result::Result<(), TestCaseError> {
    check_spans(&zh)?;
    check_spans(&en)?;
    let alignment = Aligner::new().align(&zh, &en);
    check_cover(&alignment, zh.len(), en.len())?;
    let pair = AlignedPair {
        zh: &zh,
        en: &en,
        alignment: &alignment,
    };
    check_exports(&pair)?;
    check_self_eval(&alignment)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn segmented_pairs_keep_every_invariant((zh, en) in pair()) {
        check_all(Document::segment(zh, Lang::Zh), Document::segment(en, Lang::En))?;
    }

    #[test]
    fn presegmented_pairs_keep_every_invariant((zh, en) in pair()) {
        check_all(Document::presegmented(zh, Lang::Zh), Document::presegmented(en, Lang::En))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Texts of a few hundred sentences take the coarse-to-fine path.
    #[test]
    fn long_pairs_keep_every_invariant(
        zh in prop::collection::vec(text(), 100..160),
        en in prop::collection::vec(text(), 100..200),
    ) {
        let zh = zh.join("。\n");
        let en = en.join(".\n");
        check_all(Document::presegmented(zh, Lang::Zh), Document::presegmented(en, Lang::En))?;
    }
}

#[test]
fn empty_documents_align_to_nothing() {
    let zh = Document::segment(String::new(), Lang::Zh);
    let en = Document::segment("One sentence.".to_string(), Lang::En);
    let a = Aligner::new().align(&zh, &en);
    assert_eq!(a.beads.len(), 1);
    assert_eq!((a.beads[0].zh.clone(), a.beads[0].en.clone()), (0..0, 0..1));
    let a = Aligner::new().align(&zh, &Document::segment(String::new(), Lang::En));
    assert!(a.beads.is_empty());
}
