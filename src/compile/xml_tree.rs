//! A minimal element tree over quick-xml, enough for the CMS tabular files.
use crate::compile::{err, Result};
use quick_xml::events::Event;
use quick_xml::Reader;

/// One XML element with its text and children.
#[derive(Debug, Default, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }
    pub fn children_named<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Element> + 's {
        self.children.iter().filter(move |c| c.name == name)
    }
    /// Text of a direct child, trimmed.
    pub fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name).map(|c| c.text.trim())
    }
}

/// Parses a whole document into its root element.
pub fn parse(xml: &[u8]) -> Result<Element> {
    let mut reader = Reader::from_reader(xml);
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut buf = Vec::new();
    loop {
        let ev = reader.read_event_into(&mut buf).map_err(|e| err(format!("XML error at byte {}: {e}", reader.buffer_position())))?;
        match ev {
            Event::Start(e) => stack.push(element(&e)?),
            Event::Empty(e) => {
                let el = element(&e)?;
                stack.last_mut().ok_or_else(|| err("XML nesting"))?.children.push(el);
            }
            Event::End(_) => {
                let el = stack.pop().ok_or_else(|| err("XML nesting"))?;
                stack.last_mut().ok_or_else(|| err("XML nesting: unbalanced end tag"))?.children.push(el);
            }
            Event::Text(t) => {
                let s = t.unescape().map_err(|e| err(format!("XML text: {e}")))?;
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&s);
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    let mut doc = stack.pop().ok_or_else(|| err("empty XML"))?;
    if !stack.is_empty() {
        return Err(err("XML ended inside an element"));
    }
    doc.children.pop().ok_or_else(|| err("XML has no root element"))
}

fn element(e: &quick_xml::events::BytesStart<'_>) -> Result<Element> {
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|x| err(format!("XML attribute: {x}")))?;
        let v = a.unescape_value().map_err(|x| err(format!("XML attribute: {x}")))?;
        attrs.push((String::from_utf8_lossy(a.key.as_ref()).into_owned(), v.into_owned()));
    }
    Ok(Element { name, attrs, ..Default::default() })
}
