//! TMX 1.4 (and 1.1–1.3) translation memories.
//!
//! Every `<tu>` of the `<body>` is a unit, its id the `tuid` attribute, else
//! its position (1-based). Its Chinese and English variants are the first
//! `<tuv>`s whose `xml:lang` (`lang` in TMX 1.1) is a Chinese tag (`zh`,
//! `zh-CN`, `zh-TW`, `zh-Hant`, `cmn`…) and an English one (`en`, `en-US`…).
//! A unit with neither is skipped; one with only one of them is one-sided.

use super::inline::inline_text;
use super::xml::{local, Element};
use super::{tag_lang, Unit};
use crate::lang::Lang;

/// The units of a TMX document, and the language tags of the variants that
/// were neither Chinese nor English.
pub(crate) struct Tmx {
    pub(crate) units: Vec<Unit>,
    pub(crate) other_languages: Vec<String>,
    /// Units without a Chinese or English variant.
    pub(crate) skipped: usize,
}

/// Read a TMX document from its root element.
pub(crate) fn read(root: &Element) -> std::result::Result<Tmx, String> {
    if local(&root.name) != "tmx" {
        return Err(format!(
            "not a TMX file: the root element is <{}>, not <tmx>",
            root.name
        ));
    }
    let body = root
        .child("body")
        .ok_or_else(|| "not a TMX file: no <body>".to_string())?;
    let mut out = Tmx {
        units: Vec::new(),
        other_languages: Vec::new(),
        skipped: 0,
    };
    for (n, tu) in body.find_all("tu", &[]).into_iter().enumerate() {
        let id = tu
            .attr("tuid")
            .map_or_else(|| (n + 1).to_string(), str::to_string);
        let (mut zh, mut en) = (None, None);
        for tuv in tu.elements().filter(|e| e.name == "tuv") {
            let tag = tuv
                .attr("xml:lang")
                .or_else(|| tuv.attr("lang"))
                .unwrap_or("");
            let text = || tuv.child("seg").map(inline_text).unwrap_or_default();
            match tag_lang(tag) {
                Some(Lang::Zh) if zh.is_none() => zh = Some(text()),
                Some(Lang::En) if en.is_none() => en = Some(text()),
                Some(_) => {}
                None => {
                    let tag = if tag.is_empty() { "(none)" } else { tag };
                    if !out.other_languages.iter().any(|t| t == tag) {
                        out.other_languages.push(tag.to_string());
                    }
                }
            }
        }
        if zh.is_none() && en.is_none() {
            out.skipped += 1;
            continue;
        }
        out.units.push(Unit {
            id,
            zh: zh.unwrap_or_default(),
            en: en.unwrap_or_default(),
            group: 0,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::xml::parse;
    use super::*;

    #[test]
    fn variants_by_language_tag() {
        let t = read(
            &parse(
                r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header srclang="zh-CN" adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x" creationtool="x" creationtoolversion="1"/>
<body>
  <tu tuid="7"><prop type="x">p</prop><tuv xml:lang="EN-US"><seg>Up <bpt i="1">&lt;b&gt;</bpt>10%<ept i="1">&lt;/b&gt;</ept>.</seg></tuv><tuv xml:lang="zh-Hant"><seg>上升<hi x="1">10%</hi>。</seg></tuv></tu>
  <tu><tuv lang="zh"><seg>没有英文。</seg></tuv><tuv xml:lang="de"><seg>Deutsch</seg></tuv></tu>
  <tu><tuv xml:lang="fr"><seg>Français</seg></tuv></tu>
</body></tmx>"#,
            )
            .unwrap(),
        )
        .unwrap();
        let got: Vec<_> = t
            .units
            .iter()
            .map(|u| (u.id.as_str(), u.zh.as_str(), u.en.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![("7", "上升10%。", "Up 10%."), ("2", "没有英文。", "")]
        );
        assert_eq!(t.other_languages, vec!["de", "fr"]);
        assert_eq!(t.skipped, 1);
    }

    #[test]
    fn another_root_is_not_tmx() {
        assert!(read(&parse("<xliff/>").unwrap())
            .err()
            .unwrap()
            .contains("<xliff>"));
        assert!(read(&parse("<tmx/>").unwrap())
            .err()
            .unwrap()
            .contains("<body>"));
    }
}
