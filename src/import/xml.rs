//! A small element tree read with quick-xml, for the XLIFF and TMX readers.
//!
//! The whole document is read into memory (inputs are capped by
//! [`crate::input::MAX_INPUT_BYTES`]); nesting deeper than [`MAX_DEPTH`] is
//! refused, so that walking the tree can never exhaust the stack.

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

/// Deepest nesting of elements accepted.
pub(crate) const MAX_DEPTH: usize = 200;

/// One element: its qualified name, attributes and content.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Element {
    /// The qualified name as written (`trans-unit`, `sdl:seg-defs`).
    pub(crate) name: String,
    /// Attributes as (qualified name, value), in order.
    pub(crate) attrs: Vec<(String, String)>,
    /// Child elements and text, in order.
    pub(crate) children: Vec<Node>,
}

/// A piece of element content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of attribute `key` (its qualified name), if present.
    pub(crate) fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements, in order.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> + '_ {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// Elements named `name` below this one, in document order; the search
    /// descends neither into the elements found nor into those named in `skip`.
    pub(crate) fn find_all<'a>(&'a self, name: &str, skip: &[&str]) -> Vec<&'a Element> {
        let mut out = Vec::new();
        self.collect(name, skip, &mut out);
        out
    }

    fn collect<'a>(&'a self, name: &str, skip: &[&str], out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            } else if !skip.contains(&e.name.as_str()) {
                e.collect(name, skip, out);
            }
        }
    }
}

/// The name of the root element, when `text` looks like XML: a prolog
/// (declaration, comments, document type) and then an element start.
pub(crate) fn root_name(text: &str) -> Option<&str> {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        if let Some(r) = rest.strip_prefix("<?") {
            rest = r.split_once("?>")?.1.trim_start();
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.split_once("-->")?.1.trim_start();
        } else if let Some(r) = rest.strip_prefix("<!") {
            // A document type; an internal subset in brackets is skipped whole.
            let end = match (r.find('['), r.find('>')) {
                (Some(b), Some(g)) if b < g => r.find("]>").map(|i| i + 2)?,
                (_, Some(g)) => g + 1,
                _ => return None,
            };
            rest = r.get(end..)?.trim_start();
        } else {
            let r = rest.strip_prefix('<')?;
            let end = r
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(r.len());
            let name = r.get(..end)?;
            return (!name.is_empty()).then_some(name);
        }
    }
}

/// The part of a qualified name after its prefix.
pub(crate) fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

/// Parse `text` into its root element; the error is one line saying where
/// the document is not well-formed.
pub(crate) fn parse(text: &str) -> std::result::Result<Element, String> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let line = |pos: u64| -> usize {
        let pos = usize::try_from(pos).unwrap_or(usize::MAX).min(text.len());
        text.as_bytes()
            .get(..pos)
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
            + 1
    };
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let msg = e.to_string().replace(['\n', '\r'], " ");
                return Err(format!(
                    "not well-formed XML (line {}): {msg}",
                    line(reader.error_position())
                ));
            }
        };
        let text_of = |s: &str, stack: &mut Vec<Element>| -> std::result::Result<(), String> {
            match stack.last_mut() {
                Some(top) => {
                    push_text(top, s);
                    Ok(())
                }
                None if s.trim().is_empty() => Ok(()),
                None => Err(format!(
                    "not XML: text outside the root element (line {})",
                    line(reader.buffer_position())
                )),
            }
        };
        match event {
            Event::Start(e) => {
                if root.is_some() {
                    return Err(format!(
                        "not well-formed XML (line {}): a second root element",
                        line(reader.buffer_position())
                    ));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(format!(
                        "elements nested more than {MAX_DEPTH} deep (line {})",
                        line(reader.buffer_position())
                    ));
                }
                let name = e.name().as_ref().to_string();
                let mut attrs = Vec::new();
                for a in e.attributes() {
                    let a = a.map_err(|err| {
                        format!(
                            "not well-formed XML (line {}): {err}",
                            line(reader.buffer_position())
                        )
                    })?;
                    let key = a.key.as_ref().to_string();
                    let value = a.normalized_value(XmlVersion::Implicit1_0).map_err(|err| {
                        format!(
                            "not well-formed XML (line {}): {err}",
                            line(reader.buffer_position())
                        )
                    })?;
                    attrs.push((key, value.into_owned()));
                }
                stack.push(Element {
                    name,
                    attrs,
                    children: Vec::new(),
                });
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Err(format!(
                        "not well-formed XML (line {}): an end tag without start",
                        line(reader.buffer_position())
                    ));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(done)),
                    None => root = Some(done),
                }
            }
            Event::Text(t) => text_of(&t.xml10_content(), &mut stack)?,
            Event::CData(c) => text_of(&c.xml10_content(), &mut stack)?,
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = r.xml10_content();
                        match name.as_ref() {
                            "lt" => "<".into(),
                            "gt" => ">".into(),
                            "amp" => "&".into(),
                            "quot" => "\"".into(),
                            "apos" => "'".into(),
                            other => {
                                return Err(format!(
                                    "not well-formed XML (line {}): undefined entity &{other};",
                                    line(reader.buffer_position())
                                ))
                            }
                        }
                    }
                    Err(e) => {
                        return Err(format!(
                            "not well-formed XML (line {}): {e}",
                            line(reader.buffer_position())
                        ))
                    }
                };
                text_of(&c, &mut stack)?;
            }
            Event::Eof => break,
            // Declarations, comments, processing instructions, document types.
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!(
            "not well-formed XML: the file ends inside <{}>",
            open.name
        ));
    }
    root.ok_or_else(|| "not XML: no element found".to_string())
}

/// Append text to an element, merging it with a text node just before.
fn push_text(e: &mut Element, s: &str) {
    if let Some(Node::Text(t)) = e.children.last_mut() {
        t.push_str(s);
    } else if !s.is_empty() {
        e.children.push(Node::Text(s.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_text_and_entities() {
        let root = parse(
            "<?xml version=\"1.0\"?>\n<!-- c --><a x=\"1 &amp; 2\"><b>t&lt;u&#x4E00;</b><c/><![CDATA[<d>]]></a>",
        )
        .unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.attr("x"), Some("1 & 2"));
        assert_eq!(
            root.child("b").unwrap().children,
            vec![Node::Text("t<u一".into())]
        );
        assert!(root.child("c").unwrap().children.is_empty());
        assert_eq!(root.children.last(), Some(&Node::Text("<d>".into())));
    }

    #[test]
    fn malformed_documents_are_one_line_errors() {
        for bad in [
            "<a><b></a>",
            "<a>",
            "<a>&nbsp;</a>",
            "plain text",
            "<a/><b/>",
            "",
            "<a x=\"1></a>",
        ] {
            let e = parse(bad).unwrap_err();
            assert!(!e.contains('\n'), "{bad}: {e}");
        }
        assert!(parse("<a>\n<b>\n</a>").unwrap_err().contains("line"));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = "<g>".repeat(MAX_DEPTH + 1) + &"</g>".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).unwrap_err().contains("nested"));
        let ok = "<g>".repeat(MAX_DEPTH) + &"</g>".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn root_names_after_the_prolog() {
        assert_eq!(
            root_name("\u{feff}<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">"),
            Some("xliff")
        );
        assert_eq!(
            root_name("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\"><tmx>"),
            Some("tmx")
        );
        assert_eq!(root_name("<!-- x --><x:xliff>"), Some("x:xliff"));
        assert_eq!(root_name("hello <b>"), None);
        assert_eq!(local("sdl:seg"), "seg");
    }
}
