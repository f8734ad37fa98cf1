//! TBX termbases (ISO 30042) as glossaries.
//!
//! Both generations are read: TBX 2 (`<martif>`: TBX-Basic, TBX-Default;
//! `<termEntry>`, `<langSet xml:lang="…">`, terms in `<tig>` or
//! `<ntig><termGrp>`) and TBX 3 (`<tbx>`: TBX-Core, TBX-Basic, DCA or DCT
//! style; `<conceptEntry>`, `<langSec xml:lang="…">`, `<termSec>`). Element
//! names are compared without their namespace prefix. An entry's Chinese
//! terms (`zh`, `zh-CN`, `zh-Hant-TW`, …) each become a glossary term whose
//! English forms are the entry's English terms; an English term marked
//! deprecated or superseded (`administrativeStatus`, `normativeAuthorization`)
//! is not an acceptable form. A language section without a language tag is
//! told by its script.

use crate::import::{tag_lang, xml};
use crate::lang::{is_han, Lang};

use xml::{Element, Node};

/// One concept of a termbase: its Chinese terms and its acceptable English
/// terms.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Entry {
    pub(super) zh: Vec<String>,
    pub(super) en: Vec<String>,
}

/// The concepts of a TBX document, in order. Errors (one line each): not
/// well-formed XML, a root other than `<martif>` or `<tbx>`, no entry at all.
pub(super) fn entries(text: &str) -> Result<Vec<Entry>, String> {
    let root = xml::parse(text)?;
    let kind = xml::local(&root.name);
    if kind != "martif" && kind != "tbx" {
        return Err(format!(
            "not a TBX termbase: the root element is <{}>, not <martif> or <tbx>",
            root.name
        ));
    }
    let mut concepts = Vec::new();
    descendants(&root, &["termEntry", "conceptEntry"], &mut concepts);
    if concepts.is_empty() {
        return Err("the TBX file holds no <termEntry> or <conceptEntry>".to_string());
    }
    Ok(concepts.into_iter().map(entry).collect())
}

/// Elements below `e` whose local name is one of `names`, in document order,
/// not looking inside those found.
fn descendants<'a>(e: &'a Element, names: &[&str], out: &mut Vec<&'a Element>) {
    for child in e.elements() {
        if names.contains(&xml::local(&child.name)) {
            out.push(child);
        } else {
            descendants(child, names, out);
        }
    }
}

/// The text of an element and of all elements inside it, white space
/// collapsed.
fn text_of(e: &Element) -> String {
    fn gather(e: &Element, out: &mut String) {
        for n in &e.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(c) => gather(c, out),
            }
        }
    }
    let mut raw = String::new();
    gather(e, &mut raw);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a term group says its term must not be used.
fn deprecated(group: &Element) -> bool {
    let mut notes = Vec::new();
    descendants(
        group,
        &["termNote", "administrativeStatus", "normativeAuthorization"],
        &mut notes,
    );
    notes.iter().any(|n| {
        let status = xml::local(&n.name) != "termNote"
            || matches!(
                n.attr("type"),
                Some("administrativeStatus" | "normativeAuthorization")
            );
        let value = text_of(n).to_ascii_lowercase();
        status && (value.contains("deprecated") || value.contains("superseded"))
    })
}

/// The language of a language section: its tag, else the script of its terms.
fn language(section: &Element, terms: &[String]) -> Option<Lang> {
    let tag = section.attr("xml:lang").or_else(|| section.attr("lang"));
    match tag {
        Some(t) => tag_lang(t),
        None if terms.iter().any(|t| t.chars().any(is_han)) => Some(Lang::Zh),
        None if terms
            .iter()
            .any(|t| t.chars().any(|c| c.is_ascii_alphabetic())) =>
        {
            Some(Lang::En)
        }
        None => None,
    }
}

fn entry(concept: &Element) -> Entry {
    let mut out = Entry::default();
    let mut sections = Vec::new();
    descendants(concept, &["langSet", "langSec"], &mut sections);
    for section in sections {
        // Term groups; a section holding its terms directly is one group.
        let mut groups = Vec::new();
        descendants(section, &["tig", "ntig", "termSec"], &mut groups);
        if groups.is_empty() {
            groups.push(section);
        }
        let mut all = Vec::new();
        let mut usable = Vec::new();
        for group in groups {
            let mut terms = Vec::new();
            descendants(group, &["term"], &mut terms);
            let terms: Vec<String> = terms
                .into_iter()
                .map(text_of)
                .filter(|t| !t.is_empty())
                .collect();
            if !deprecated(group) {
                usable.extend(terms.iter().cloned());
            }
            all.extend(terms);
        }
        match language(section, &all) {
            // A Chinese term is looked for whatever its status: the source
            // may well use a deprecated one.
            Some(Lang::Zh) => out.zh.extend(all),
            Some(Lang::En) => out.en.extend(usable),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASIC: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en-US">
 <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
 <text><body>
  <termEntry id="c1">
   <descrip type="subjectField">drugs</descrip>
   <langSet xml:lang="zh-CN"><tig><term>禁毒合作</term></tig></langSet>
   <langSet xml:lang="en-US">
    <tig><term>counternarcotics cooperation</term></tig>
    <tig><term>drug control cooperation</term></tig>
    <tig><term>anti-drug cooperation</term>
     <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
   </langSet>
   <langSet xml:lang="fr"><tig><term>coopération antidrogue</term></tig></langSet>
  </termEntry>
  <termEntry id="c2">
   <langSet xml:lang="zh-Hant-TW"><ntig><termGrp><term>衛生福利部</term></termGrp></ntig></langSet>
   <langSet xml:lang="en"><ntig><termGrp><term>Ministry of <hi type="bold">Health</hi> and Welfare</term></termGrp></ntig></langSet>
  </termEntry>
 </body></text>
</martif>"#;

    const CORE: &str = r#"<?xml version="1.0"?>
<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <tbxHeader><fileDesc><sourceDesc><p>v3</p></sourceDesc></fileDesc></tbxHeader>
 <text><body>
  <conceptEntry id="1">
   <langSec xml:lang="zh"><termSec><term>兰德公司</term></termSec></langSec>
   <langSec xml:lang="en"><termSec><term>RAND Corporation</term></termSec><termSec><term>RAND</term></termSec></langSec>
  </conceptEntry>
  <conceptEntry id="2"><langSec xml:lang="de"><termSec><term>Haus</term></termSec></langSec></conceptEntry>
 </body></text>
</tbx>"#;

    #[test]
    fn tbx_basic_entries_keep_usable_english_terms() {
        let e = entries(BASIC).unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].zh, vec!["禁毒合作"]);
        assert_eq!(
            e[0].en,
            vec!["counternarcotics cooperation", "drug control cooperation"]
        );
        assert_eq!(e[1].zh, vec!["衛生福利部"]);
        assert_eq!(e[1].en, vec!["Ministry of Health and Welfare"]);
    }

    #[test]
    fn tbx_core_entries_and_other_languages() {
        let e = entries(CORE).unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].zh, vec!["兰德公司"]);
        assert_eq!(e[0].en, vec!["RAND Corporation", "RAND"]);
        assert_eq!(e[1], Entry::default());
    }

    #[test]
    fn dct_style_status_and_untagged_sections() {
        let dct = r#"<tbx type="TBX-Basic" style="dct" xmlns:basic="http://www.tbxinfo.net/ns/basic">
<text><body><conceptEntry id="1">
 <langSec><termSec><term>众议长</term></termSec></langSec>
 <langSec><termSec><term>Speaker of the House</term></termSec>
  <termSec><term>House leader</term><basic:administrativeStatus>supersededTerm-admn-sts</basic:administrativeStatus></termSec></langSec>
</conceptEntry></body></text></tbx>"#;
        let e = entries(dct).unwrap();
        assert_eq!(e[0].zh, vec!["众议长"]);
        assert_eq!(e[0].en, vec!["Speaker of the House"]);
    }

    #[test]
    fn not_a_termbase_is_one_line() {
        for bad in [
            "<martif><text><body><termEntry>",
            "<xliff version=\"1.2\"></xliff>",
            "<martif><text><body/></text></martif>",
            "<martif>&lol9;</martif>",
        ] {
            let err = entries(bad).unwrap_err();
            assert!(!err.contains('\n') && !err.is_empty(), "{bad}: {err}");
        }
    }
}
