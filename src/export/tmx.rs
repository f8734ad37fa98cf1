//! Translation memories in TMX 1.4b, the exchange format of CAT tools.
//!
//! One `<tu>` per aligned bead (1-1, 1-n, n-1), each holding a Chinese and an
//! English `<tuv>` and the bead's confidence, sentence indices and shape as
//! `x-duizhao-*` properties. Unaligned sentences (1-0, 0-1 beads) are left out
//! unless asked for; they are then one-sided units with a `<note>`.

use std::borrow::Cow;
use std::io::Write;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::{round3, AlignedPair};
use crate::align::Bead;
use crate::error::{Error, Result};
use crate::lang::Lang;

/// Settings of the TMX writer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TmxOptions {
    /// Keep 1-0 and 0-1 beads, as units with a single `<tuv>` and a `<note>`.
    pub include_unaligned: bool,
    /// An identifier of the document pair, written in the header as an
    /// `x-duizhao-doc` property.
    pub doc_id: Option<String>,
}

/// Write `pair` as a TMX 1.4b document (UTF-8, indented by two spaces).
///
/// Text is escaped for XML; characters that XML 1.0 forbids (C0 controls
/// other than tab, line feed and carriage return; U+FFFE, U+FFFF) are removed.
pub fn write_tmx<W: Write>(out: W, pair: &AlignedPair<'_>, options: &TmxOptions) -> Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    write_document(&mut w, pair, options).map_err(|e| Error::io(e, None))?;
    w.get_mut().write_all(b"\n").map_err(|e| Error::io(e, None))
}

type XmlWriter<W> = Writer<W>;

fn write_document<W: Write>(
    w: &mut XmlWriter<W>,
    pair: &AlignedPair<'_>,
    options: &TmxOptions,
) -> std::io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::DocType(BytesText::from_escaped(
        r#"tmx SYSTEM "tmx14.dtd""#,
    )))?;
    w.write_event(Event::Start(
        BytesStart::new("tmx").with_attributes([("version", "1.4")]),
    ))?;
    let header = BytesStart::new("header").with_attributes([
        ("creationtool", "duizhao"),
        ("creationtoolversion", env!("CARGO_PKG_VERSION")),
        ("segtype", "sentence"),
        ("o-tmf", "duizhao"),
        ("adminlang", "en"),
        ("srclang", Lang::Zh.code()),
        ("datatype", "plaintext"),
    ]);
    w.write_event(Event::Start(header))?;
    if let Some(id) = &options.doc_id {
        prop(w, "x-duizhao-doc", id)?;
    }
    let score = format!("{:.3}", round3(pair.alignment.score));
    prop(w, "x-duizhao-document-score", &score)?;
    w.write_event(Event::End(BytesEnd::new("header")))?;
    w.write_event(Event::Start(BytesStart::new("body")))?;
    for (n, bead) in pair.alignment.beads.iter().enumerate() {
        if bead.is_unaligned() && !options.include_unaligned {
            continue;
        }
        write_unit(w, pair, bead, n + 1)?;
    }
    w.write_event(Event::End(BytesEnd::new("body")))?;
    w.write_event(Event::End(BytesEnd::new("tmx")))
}

/// One `<tu>`; `tuid` is the bead's 1-based position in the alignment, so it
/// stays the same whether or not unaligned beads are written.
fn write_unit<W: Write>(
    w: &mut XmlWriter<W>,
    pair: &AlignedPair<'_>,
    bead: &Bead,
    tuid: usize,
) -> std::io::Result<()> {
    let tuid = tuid.to_string();
    w.write_event(Event::Start(
        BytesStart::new("tu").with_attributes([("tuid", tuid.as_str())]),
    ))?;
    if bead.en.is_empty() {
        note(w, "Chinese text without English counterpart")?;
    } else if bead.zh.is_empty() {
        note(w, "English text without Chinese source")?;
    }
    prop(w, "x-duizhao-kind", &bead.kind())?;
    prop(
        w,
        "x-duizhao-score",
        &format!("{:.3}", round3(bead.confidence)),
    )?;
    prop(w, "x-duizhao-zh-ids", &ids(&bead.zh))?;
    prop(w, "x-duizhao-en-ids", &ids(&bead.en))?;
    if !bead.zh.is_empty() {
        tuv(w, Lang::Zh, &pair.zh_text(bead))?;
    }
    if !bead.en.is_empty() {
        tuv(w, Lang::En, &pair.en_text(bead))?;
    }
    w.write_event(Event::End(BytesEnd::new("tu")))
}

fn tuv<W: Write>(w: &mut XmlWriter<W>, lang: Lang, text: &str) -> std::io::Result<()> {
    w.write_event(Event::Start(
        BytesStart::new("tuv").with_attributes([("xml:lang", lang.code())]),
    ))?;
    text_element(w, "seg", None, text)?;
    w.write_event(Event::End(BytesEnd::new("tuv")))
}

fn prop<W: Write>(w: &mut XmlWriter<W>, kind: &str, value: &str) -> std::io::Result<()> {
    text_element(w, "prop", Some(("type", kind)), value)
}

fn note<W: Write>(w: &mut XmlWriter<W>, text: &str) -> std::io::Result<()> {
    text_element(w, "note", None, text)
}

/// `<name attr>text</name>` on one line, the text escaped and cleaned.
fn text_element<W: Write>(
    w: &mut XmlWriter<W>,
    name: &str,
    attr: Option<(&str, &str)>,
    text: &str,
) -> std::io::Result<()> {
    let mut start = BytesStart::new(name);
    if let Some(a) = attr {
        start.push_attribute(a);
    }
    w.write_event(Event::Start(start))?;
    // Always write the text event, even when empty: it keeps the writer from
    // indenting the end tag, which would add white space to the content.
    w.write_event(Event::Text(BytesText::from_escaped(escape_text(text))))?;
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// True for characters XML 1.0 allows in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escape `<`, `&` and `>`, write carriage returns as a character reference (a parser
/// would turn a literal one into a line feed) and drop forbidden characters.
fn escape_text(text: &str) -> Cow<'_, str> {
    let clean: Cow<'_, str> = if text.chars().all(is_xml_char) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    };
    let escaped = quick_xml::escape::partial_escape(clean);
    if escaped.contains('\r') {
        Cow::Owned(escaped.replace('\r', "&#13;"))
    } else {
        escaped
    }
}

fn ids(r: &std::ops::Range<usize>) -> String {
    r.clone()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Alignment;
    use crate::document::Document;

    fn render(zh: &str, en: &str, beads: Vec<Bead>, options: &TmxOptions) -> String {
        let zh = Document::presegmented(zh.to_string(), Lang::Zh);
        let en = Document::presegmented(en.to_string(), Lang::En);
        let alignment = Alignment { beads, score: 0.5 };
        let pair = AlignedPair {
            zh: &zh,
            en: &en,
            alignment: &alignment,
        };
        let mut out = Vec::new();
        write_tmx(&mut out, &pair, options).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn bead(zh: std::ops::Range<usize>, en: std::ops::Range<usize>) -> Bead {
        Bead {
            zh,
            en,
            confidence: 0.9,
        }
    }

    #[test]
    fn forbidden_characters_are_dropped_and_markup_escaped() {
        assert_eq!(escape_text("a\u{1}b\u{FFFF}c"), "abc");
        assert_eq!(escape_text("<a & \"b\">"), "&lt;a &amp; \"b\"&gt;");
        assert_eq!(escape_text("x\ry"), "x&#13;y");
        assert_eq!(escape_text("tab\there 你好 😀"), "tab\there 你好 😀");
    }

    #[test]
    fn unaligned_beads_are_left_out_unless_asked() {
        let beads = vec![bead(0..1, 0..1), bead(1..2, 1..1), bead(2..2, 1..2)];
        let zh = "一。\n二。\n";
        let en = "One.\nExtra.\n";
        let plain = render(zh, en, beads.clone(), &TmxOptions::default());
        assert_eq!(plain.matches("<tu ").count(), 1);
        assert!(!plain.contains("<note>"));
        let all = render(
            zh,
            en,
            beads,
            &TmxOptions {
                include_unaligned: true,
                doc_id: Some("d1".into()),
            },
        );
        assert_eq!(all.matches("<tu ").count(), 3);
        assert!(all.contains("<note>Chinese text without English counterpart</note>"));
        assert!(all.contains("<note>English text without Chinese source</note>"));
        assert!(all.contains(r#"<prop type="x-duizhao-doc">d1</prop>"#));
        assert!(all.contains(r#"<tu tuid="3">"#));
        // A one-sided unit holds one tuv.
        let third = &all[all.find(r#"<tu tuid="3">"#).unwrap()..];
        assert!(!third.contains(r#"xml:lang="zh""#));
    }

    #[test]
    fn segments_hold_no_added_white_space() {
        let out = render(
            "你好。\n",
            "Hello.\n",
            vec![bead(0..1, 0..1)],
            &Default::default(),
        );
        assert!(out.contains("<seg>你好。</seg>"), "{out}");
        assert!(out.contains("<seg>Hello.</seg>"), "{out}");
        assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert!(out.ends_with("</tmx>\n"));
    }
}
