//! The text of a segment with its inline markup taken out.
//!
//! Paired and placeholder codes of XLIFF and TMX are handled alike: elements
//! that only wrap text (`<g>`, `<mrk>`, `<pc>`, `<hi>`) keep their text;
//! those holding native code (`<bpt>`, `<ept>`, `<it>`, `<ph>`, `<ut>`, and
//! `<sub>` flows inside them) or standing for it (`<x/>`, `<bx/>`, `<ex/>`,
//! `<sc/>`, `<ec/>`, `<sm/>`, `<em/>`) add nothing; `<cp hex="…"/>` is its
//! character. Text marked deleted by Trados' tracked changes is left out.

use super::xml::{local, Element, Node};

/// The text of `e` without inline codes.
pub(crate) fn inline_text(e: &Element) -> String {
    let mut out = String::new();
    push(e, &mut out);
    out
}

fn push(e: &Element, out: &mut String) {
    for node in &e.children {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Element(c) => match local(&c.name) {
                "bpt" | "ept" | "it" | "ph" | "ut" | "sub" | "x" | "bx" | "ex" | "sc" | "ec"
                | "sm" | "em" | "originalData" | "note" | "notes" => {}
                "cp" => {
                    if let Some(ch) = c
                        .attr("hex")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                    {
                        out.push(ch);
                    }
                }
                "mrk" if c.attr("mtype") == Some("x-sdl-deleted") => {}
                _ => push(c, out),
            },
        }
    }
}
