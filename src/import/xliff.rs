//! XLIFF 1.2 (with the `.sdlxliff` and `.mqxliff` flavours of Trados and
//! memoQ) and XLIFF 2.x.
//!
//! * 1.2: every `<trans-unit>` (in `<file>`s and `<group>`s, not in
//!   `<alt-trans>`) with its `<source>` and `<target>`; a `translate="no"`
//!   unit is skipped. When the unit has a `<seg-source>` split into
//!   `<mrk mtype="seg" mid="…">` segments (what Trados writes), each segment
//!   is a unit, paired with the target's segment of the same `mid`; its id is
//!   the `mid` when those are unique in the file (Trados numbers segments
//!   through the file), else `unit-id#mid`.
//! * 2.x: every `<unit>`'s `<segment>`s (not `<ignorable>`), each with its
//!   `<source>` and `<target>`; the id is the unit's, or `unit-id#segment-id`
//!   for a unit of several segments.
//!
//! Languages come from `source-language`/`target-language` (1.2) or
//! `srcLang`/`trgLang` (2.x).

use std::collections::HashSet;

use super::inline::inline_text;
use super::xml::{local, Element};
use super::Segment;

/// The segments of an XLIFF document and its declared languages.
pub(crate) struct Xliff {
    /// `1` or `2`.
    pub(crate) major: u8,
    pub(crate) segments: Vec<Segment>,
    /// (source, target) language tags as declared, per `<file>` for 1.2.
    pub(crate) languages: Vec<(Option<String>, Option<String>)>,
    /// Units skipped: `translate="no"`.
    pub(crate) skipped: usize,
}

/// Read an XLIFF document from its root element.
pub(crate) fn read(root: &Element) -> std::result::Result<Xliff, String> {
    if local(&root.name) != "xliff" {
        return Err(format!(
            "not an XLIFF file: the root element is <{}>, not <xliff>",
            root.name
        ));
    }
    let version = root.attr("version").unwrap_or("");
    let namespace = root.attr("xmlns").unwrap_or("");
    let major = if version.starts_with('2') || namespace.contains(":xliff:document:2") {
        2
    } else if version.starts_with('1')
        || namespace.contains(":xliff:document:1")
        || !root.find_all("trans-unit", &[]).is_empty()
    {
        1
    } else {
        2
    };
    if major == 2 {
        Ok(read_v2(root))
    } else {
        Ok(read_v1(root))
    }
}

fn read_v1(root: &Element) -> Xliff {
    let mut out = Xliff {
        major: 1,
        segments: Vec::new(),
        languages: Vec::new(),
        skipped: 0,
    };
    // Segments from <mrk mtype="seg">: (segment, unit id, mid), ids decided
    // at the end.
    let mut marked: Vec<(usize, String, String)> = Vec::new();
    for (group, file) in root.find_all("file", &[]).into_iter().enumerate() {
        out.languages.push((
            file.attr("source-language").map(str::to_string),
            file.attr("target-language").map(str::to_string),
        ));
        let units = file.find_all("trans-unit", &["alt-trans"]);
        for (n, tu) in units.into_iter().enumerate() {
            if tu.attr("translate") == Some("no") {
                out.skipped += 1;
                continue;
            }
            let id = tu
                .attr("id")
                .map_or_else(|| (n + 1).to_string(), str::to_string);
            let target = tu.child("target");
            let source_segs = tu.child("seg-source").map(mrk_segments).unwrap_or_default();
            if source_segs.is_empty() {
                out.segments.push(Segment {
                    id,
                    source: tu.child("source").map(inline_text).unwrap_or_default(),
                    target: target.map(inline_text),
                    group,
                });
                continue;
            }
            let target_segs = target.map(mrk_segments).unwrap_or_default();
            if target_segs.is_empty() && target.is_some() && source_segs.len() > 1 {
                // A target not split into segments: the unit as a whole.
                let source: Vec<String> = source_segs.into_iter().map(|(_, t)| t).collect();
                out.segments.push(Segment {
                    id,
                    source: source.join(" "),
                    target: target.map(inline_text),
                    group,
                });
                continue;
            }
            let whole_target = target.map(inline_text);
            let single = source_segs.len() == 1;
            let mut used = HashSet::new();
            for (mid, source) in source_segs {
                let found = target_segs.iter().find(|(m, _)| *m == mid);
                let target = match found {
                    Some((m, t)) => {
                        used.insert(m.clone());
                        Some(t.clone())
                    }
                    None if single && target_segs.is_empty() => whole_target.clone(),
                    None => None,
                };
                marked.push((out.segments.len(), id.clone(), mid));
                out.segments.push(Segment {
                    id: String::new(),
                    source,
                    target,
                    group,
                });
            }
            for (mid, t) in target_segs.into_iter().filter(|(m, _)| !used.contains(m)) {
                marked.push((out.segments.len(), id.clone(), mid));
                out.segments.push(Segment {
                    id: String::new(),
                    source: String::new(),
                    target: Some(t),
                    group,
                });
            }
        }
    }
    let mids: HashSet<&str> = marked.iter().map(|(_, _, m)| m.as_str()).collect();
    let unique = mids.len() == marked.len();
    for (i, unit, mid) in &marked {
        if let Some(s) = out.segments.get_mut(*i) {
            s.id = if unique {
                mid.clone()
            } else {
                format!("{unit}#{mid}")
            };
        }
    }
    out
}

/// The `<mrk mtype="seg">` segments below `e`, as (mid, text).
fn mrk_segments(e: &Element) -> Vec<(String, String)> {
    let mut out = Vec::new();
    collect_mrk(e, &mut out);
    out
}

fn collect_mrk(e: &Element, out: &mut Vec<(String, String)>) {
    for c in e.elements() {
        if local(&c.name) == "mrk" && c.attr("mtype") == Some("seg") {
            let mid = c
                .attr("mid")
                .map_or_else(|| (out.len() + 1).to_string(), str::to_string);
            out.push((mid, inline_text(c)));
        } else {
            collect_mrk(c, out);
        }
    }
}

fn read_v2(root: &Element) -> Xliff {
    let mut out = Xliff {
        major: 2,
        segments: Vec::new(),
        languages: vec![(
            root.attr("srcLang").map(str::to_string),
            root.attr("trgLang").map(str::to_string),
        )],
        skipped: 0,
    };
    for (group, file) in root.find_all("file", &[]).into_iter().enumerate() {
        for (n, unit) in file.find_all("unit", &[]).into_iter().enumerate() {
            if unit.attr("translate") == Some("no") {
                out.skipped += 1;
                continue;
            }
            let uid = unit
                .attr("id")
                .map_or_else(|| (n + 1).to_string(), str::to_string);
            let segments: Vec<&Element> = unit.elements().filter(|e| e.name == "segment").collect();
            let several = segments.len() > 1;
            for (k, seg) in segments.into_iter().enumerate() {
                let id = if several {
                    let sid = seg
                        .attr("id")
                        .map_or_else(|| (k + 1).to_string(), str::to_string);
                    format!("{uid}#{sid}")
                } else {
                    uid.clone()
                };
                out.segments.push(Segment {
                    id,
                    source: seg.child("source").map(inline_text).unwrap_or_default(),
                    target: seg.child("target").map(inline_text),
                    group,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::xml::parse;
    use super::*;

    fn segments(xml: &str) -> Vec<(String, String, Option<String>)> {
        let x = read(&parse(xml).unwrap()).unwrap();
        x.segments
            .into_iter()
            .map(|s| (s.id, s.source, s.target))
            .collect()
    }

    fn seg(id: &str, s: &str, t: Option<&str>) -> (String, String, Option<String>) {
        (id.into(), s.into(), t.map(str::to_string))
    }

    #[test]
    fn xliff12_units_with_inline_tags_and_alt_trans() {
        let got = segments(
            r#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
            <file source-language="zh-CN" target-language="en-US" datatype="plaintext" original="a.txt"><body>
              <group id="g"><trans-unit id="t1">
                <source>增长<g id="1">10.7万</g><x id="2"/>人<bpt id="3">&lt;b&gt;</bpt>。<ept id="3">&lt;/b&gt;</ept></source>
                <target state="translated">Up <g id="1">107,000</g> people.</target>
                <alt-trans><source>旧</source><target>Old</target></alt-trans>
              </trans-unit></group>
              <trans-unit id="t2"><source>没有译文。</source></trans-unit>
              <trans-unit id="t3" translate="no"><source>代码</source></trans-unit>
            </body></file></xliff>"#,
        );
        assert_eq!(
            got,
            vec![
                seg("t1", "增长10.7万人。", Some("Up 107,000 people.")),
                seg("t2", "没有译文。", None),
            ]
        );
    }

    #[test]
    fn trados_segments_pair_by_mid() {
        let got = segments(
            r#"<xliff version="1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">
            <file source-language="zh-CN" target-language="en-US"><body>
              <trans-unit id="6f0c"><source>一。二。</source>
                <seg-source><g id="1"><mrk mtype="seg" mid="4">一。</mrk><mrk mtype="seg" mid="5">二。</mrk></g></seg-source>
                <target><g id="1"><mrk mtype="seg" mid="4">One.</mrk><mrk mtype="seg" mid="5"/></g></target>
              </trans-unit>
              <trans-unit id="7a1d"><source>三。</source>
                <seg-source><mrk mtype="seg" mid="6">三<mrk mtype="x-sdl-comment">!</mrk>。</mrk></seg-source>
                <target><mrk mtype="seg" mid="6">Three<mrk mtype="x-sdl-deleted"> 3</mrk>.</mrk></target>
              </trans-unit>
            </body></file></xliff>"#,
        );
        assert_eq!(
            got,
            vec![
                seg("4", "一。", Some("One.")),
                seg("5", "二。", Some("")),
                seg("6", "三!。", Some("Three.")),
            ]
        );
    }

    #[test]
    fn repeated_mids_are_qualified_by_the_unit() {
        let got = segments(
            r#"<xliff version="1.2"><file><body>
              <trans-unit id="a"><source>一</source><seg-source><mrk mtype="seg" mid="1">一</mrk></seg-source></trans-unit>
              <trans-unit id="b"><source>二</source><seg-source><mrk mtype="seg" mid="1">二</mrk></seg-source><target>Two</target></trans-unit>
            </body></file></xliff>"#,
        );
        assert_eq!(
            got,
            vec![seg("a#1", "一", None), seg("b#1", "二", Some("Two"))]
        );
    }

    #[test]
    fn xliff2_units_and_segments() {
        let x = read(
            &parse(
                r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en">
                <file id="f1">
                  <unit id="u1"><originalData><data id="d1">&lt;br/&gt;</data></originalData>
                    <segment id="s1"><source>第一<pc id="1">句</pc>。<ph id="2" dataRef="d1"/></source><target>First <pc id="1">sentence</pc>.</target></segment>
                    <ignorable><source> </source></ignorable>
                    <segment id="s2"><source>第二句。</source></segment>
                  </unit>
                  <group id="g"><unit id="u2"><segment><source>A<cp hex="0009"/>B</source><target>A B</target></segment></unit></group>
                </file></xliff>"#,
            )
            .unwrap(),
        )
        .unwrap();
        assert_eq!(x.major, 2);
        assert_eq!(x.languages, vec![(Some("zh-CN".into()), Some("en".into()))]);
        let got: Vec<_> = x
            .segments
            .into_iter()
            .map(|s| (s.id, s.source, s.target))
            .collect();
        assert_eq!(
            got,
            vec![
                seg("u1#s1", "第一句。", Some("First sentence.")),
                seg("u1#s2", "第二句。", None),
                seg("u2", "A\tB", Some("A B")),
            ]
        );
    }

    #[test]
    fn another_root_is_not_xliff() {
        let e = read(&parse("<html><body/></html>").unwrap()).err().unwrap();
        assert!(e.contains("<html>"), "{e}");
    }
}
