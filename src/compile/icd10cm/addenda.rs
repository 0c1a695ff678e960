//! Reads the CMS ICD-10-CM order-file addenda (`icd10cm_order_addenda_2027.txt`) and applies it
//! to the previous fiscal year's edition, so a year whose full tabular XML is not at hand is
//! still loaded exactly.
//!
//! Layout (fixed columns, like the order file): the action `Add:`, `Delete:`, `Revise from:` or
//! `Revise to:` padded to 13 characters, the order flag (1 billable, 0 header), a space, the
//! code without its dot (7), a space, the short title (60), a space, the long title. A code
//! that turns from billable into a header is `Delete: 1 X` followed by `Add: 0 X`. A summary
//! ("Headers ... Codes ... 74879 codes in icd10cm_order_2027.txt") follows the changes.
use super::model::{Edition, TabularCode};
use crate::compile::{err, Result};
use std::collections::{BTreeMap, BTreeSet};

/// One changed code: the addenda's order flag and long title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub code: String,
    pub billable: bool,
    pub title: String,
}

/// The changes of one addenda file, and the counts its summary states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Addenda {
    pub added: Vec<Change>,
    pub deleted: Vec<Change>,
    /// The new titles (`Revise to:` lines).
    pub revised: Vec<Change>,
    /// Billable codes and headers in the new order file, from the summary.
    pub codes_after: Option<usize>,
    pub headers_after: Option<usize>,
    /// The same for the previous year's order file.
    pub codes_before: Option<usize>,
    pub headers_before: Option<usize>,
}

/// True when the text looks like an order-file addenda (its first line is a change).
pub fn is_addenda(text: &str) -> bool {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    ["Add:", "Delete:", "Revise from:", "Revise to:"].iter().any(|p| first.starts_with(p))
}

/// Parses the addenda text.
pub fn parse_addenda(text: &str) -> Result<Addenda> {
    let mut a = Addenda::default();
    let mut section = "";
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let action = ["Add:", "Delete:", "Revise from:", "Revise to:"].into_iter().find(|p| line.starts_with(p));
        let Some(action) = action else {
            summary_line(line.trim(), &mut section, &mut a);
            continue;
        };
        let bad = |what: &str| err(format!("addenda line {}: {what}", n + 1));
        let flag = line.get(13..14).ok_or_else(|| bad("too short"))?;
        let code = line.get(15..22).map(str::trim).ok_or_else(|| bad("no code"))?;
        let title = line.get(84..).map(str::trim).unwrap_or("");
        if !(flag == "0" || flag == "1") || code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(bad("not in the CMS order-file addenda layout (action, flag in column 14, code, short and long title)"));
        }
        if title.is_empty() {
            return Err(bad("no long title"));
        }
        let change = Change { code: code.to_owned(), billable: flag == "1", title: title.to_owned() };
        match action {
            "Add:" => a.added.push(change),
            "Delete:" => a.deleted.push(change),
            "Revise to:" => a.revised.push(change),
            _ => {}
        }
    }
    if a.added.is_empty() && a.deleted.is_empty() && a.revised.is_empty() && a.codes_after.is_none() {
        return Err(err("no Add:, Delete: or Revise lines and no summary: not an ICD-10-CM order-file addenda"));
    }
    Ok(a)
}

/// Reads "74879 codes in icd10cm_order_2027.txt" style summary lines.
fn summary_line<'s>(line: &'s str, section: &mut &'s str, a: &mut Addenda) {
    if line == "Headers" || line == "Codes" {
        *section = line;
        return;
    }
    let mut words = line.split_whitespace();
    let (Some(count), Some(what), Some("in"), Some(file)) = (words.next(), words.next(), words.next(), words.next()) else { return };
    let Ok(count) = count.parse::<usize>() else { return };
    if what != "headers" && what != "codes" {
        return;
    }
    // The file named first in each block is the previous year's.
    let before = match (*section, what) {
        ("Headers", "headers") => &mut a.headers_before,
        ("Codes", "codes") => &mut a.codes_before,
        _ => return,
    };
    if before.is_none() && !file.is_empty() {
        *before = Some(count);
    } else if what == "headers" {
        a.headers_after = Some(count);
    } else {
        a.codes_after = Some(count);
    }
}

/// The changes that turn edition `prev` into `next` (both read from CMS files): what an
/// addenda file would list. Titles compare as full descriptions.
pub fn diff(prev: &Edition, next: &Edition) -> Addenda {
    let old = descriptions(prev);
    let new = descriptions(next);
    let mut a = Addenda::default();
    for (code, (billable, title)) in &new {
        match old.get(code) {
            None => a.added.push(Change { code: code.clone(), billable: *billable, title: title.clone() }),
            Some((b, _)) if b != billable => {
                a.deleted.push(Change { code: code.clone(), billable: *b, title: title.clone() });
                a.added.push(Change { code: code.clone(), billable: *billable, title: title.clone() });
            }
            Some((_, t)) if t != title => a.revised.push(Change { code: code.clone(), billable: *billable, title: title.clone() }),
            Some(_) => {}
        }
    }
    for (code, (billable, title)) in &old {
        if !new.contains_key(code) {
            a.deleted.push(Change { code: code.clone(), billable: *billable, title: title.clone() });
        }
    }
    a.codes_after = Some(next.billable_count());
    a.headers_after = Some(next.header_count());
    a
}

/// Code → (billable, full description as the order file writes it).
fn descriptions(ed: &Edition) -> BTreeMap<String, (bool, String)> {
    let own: BTreeMap<&str, &TabularCode> = ed.codes.iter().map(|c| (c.code.as_str(), c)).collect();
    ed.codes.iter().map(|c| (c.code.clone(), (c.billable, full_title(c, &own)))).collect()
}

/// A 7th-character code's description is its parent's title plus the character's text.
fn full_title(c: &TabularCode, codes: &BTreeMap<&str, &TabularCode>) -> String {
    if !c.extension {
        return c.title.clone();
    }
    let base = c.code.get(..6).unwrap_or(&c.code).trim_end_matches('X');
    match codes.get(base) {
        Some(p) => format!("{}, {}", p.title, c.title),
        None => c.title.clone(),
    }
}

/// Applies the changes to the previous edition. Codes kept from it keep their notes; codes new
/// in this edition are listed in `notes_unavailable` (their category's notes still apply).
pub fn apply(prev: &Edition, a: &Addenda) -> Result<Edition> {
    let mut codes: BTreeMap<String, TabularCode> = prev.codes.iter().map(|c| (c.code.clone(), c.clone())).collect();
    for d in &a.deleted {
        if codes.remove(&d.code).is_none() {
            return Err(err(format!("addenda deletes {} but the {} edition has no such code", d.code, prev.label)));
        }
    }
    for add in &a.added {
        let code = TabularCode { code: add.code.clone(), title: add.title.clone(), billable: add.billable, extension: false, needs_seventh: false };
        if codes.insert(add.code.clone(), code).is_some() {
            return Err(err(format!("addenda adds {}, which the {} edition already has", add.code, prev.label)));
        }
    }
    for r in &a.revised {
        let parent_title = codes.get(r.code.get(..6).unwrap_or("").trim_end_matches('X')).map(|p| p.title.clone());
        let c = codes.get_mut(&r.code).ok_or_else(|| err(format!("addenda revises {}, which is not in the edition", r.code)))?;
        // A 7th-character code stores only the character's text after its parent's title.
        c.title = match parent_title.filter(|_| c.extension) {
            Some(p) => r.title.strip_prefix(&format!("{p}, ")).unwrap_or(&r.title).to_owned(),
            None => r.title.clone(),
        };
    }
    // A new header whose billable children all add a 7th character needs one.
    let with_seventh: BTreeSet<String> = a
        .added
        .iter()
        .filter(|c| c.billable && c.code.len() == 7)
        .map(|c| c.code.get(..6).unwrap_or("").trim_end_matches('X').to_owned())
        .collect();
    let existed: BTreeSet<&str> = prev.codes.iter().map(|c| c.code.as_str()).collect();
    for add in a.added.iter().filter(|c| !c.billable && !existed.contains(c.code.as_str())) {
        if let Some(c) = codes.get_mut(&add.code) {
            c.needs_seventh = add.code.len() < 7 && with_seventh.contains(&add.code);
        }
    }
    let mut ed = Edition { chapters: prev.chapters.clone(), ..Edition::default() };
    ed.codes = codes.into_values().collect();
    let kept: BTreeSet<&str> = ed.codes.iter().map(|c| c.code.as_str()).collect();
    ed.notes = prev.notes.iter().filter(|n| n.scope.is_some() || kept.contains(n.code.as_str())).cloned().collect();
    // Tabular order: the previous edition's, less deleted codes; new codes take their place
    // when the reader builds the outline.
    ed.tabular_order = prev.tabular_order.iter().filter(|c| kept.contains(c.as_str())).cloned().collect();
    ed.notes_unavailable = ed.codes.iter().filter(|c| !existed.contains(c.code.as_str())).map(|c| c.code.clone()).collect();
    check_counts(prev, &ed, a)?;
    Ok(ed)
}

/// The result must have the counts the addenda summary states (when it states them and the
/// previous edition matched the summary's "before" counts).
fn check_counts(prev: &Edition, ed: &Edition, a: &Addenda) -> Result<()> {
    let pairs = [
        ("billable codes", a.codes_before, prev.billable_count(), a.codes_after, ed.billable_count()),
        ("headers", a.headers_before, prev.header_count(), a.headers_after, ed.header_count()),
    ];
    for (what, before, had, after, has) in pairs {
        if before.is_some_and(|b| b == had) && after.is_some_and(|x| x != has) {
            return Err(err(format!(
                "after applying the addenda the edition has {has} {what}, but the addenda summary says {}",
                after.unwrap_or(0)
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(action: &str, flag: char, code: &str, title: &str) -> String {
        format!("{action:<13}{flag} {code:<7} {:<60} {title}\r\n", title.get(..title.len().min(60)).unwrap_or(title))
    }

    fn code(c: &str, billable: bool, title: &str) -> TabularCode {
        TabularCode { code: c.into(), title: title.into(), billable, extension: false, needs_seventh: false }
    }

    #[test]
    fn billable_code_turning_into_a_header_keeps_its_notes() {
        let mut text = line("Delete:", '1', "D691", "Qualitative platelet defects");
        text += &line("Add:", '0', "D691", "Qualitative platelet defects");
        text += &line("Add:", '1', "D6911", "Glanzmann thrombasthenia");
        text += &line("Delete:", '1', "D692", "Other nonthrombocytopenic purpura");
        text += &line("Revise from:", '1', "D690", "Allergic purpura");
        text += &line("Revise to:", '1', "D690", "Allergic purpura, revised");
        text += "\r\nCodes\r\n      2 codes in icd10cm_order_2026.txt\r\n      2 codes in icd10cm_order_2027.txt\r\n";
        let a = parse_addenda(&text).unwrap();
        assert_eq!((a.added.len(), a.deleted.len(), a.revised.len()), (2, 2, 1));
        assert_eq!((a.codes_before, a.codes_after), (Some(2), Some(2)));
        let prev = Edition {
            label: "FY2026".into(),
            codes: vec![code("D69", false, "Purpura"), code("D690", true, "Allergic purpura"), code("D691", true, "Qualitative platelet defects"), code("D692", true, "Other")],
            notes: vec![super::super::model::TabularNote { code: "D691".into(), kind: crate::icd10cm::NoteKind::Excludes1, text: "x (D68.-)".into(), scope: None }],
            ..Edition::default()
        };
        let ed = apply(&prev, &a).unwrap();
        let got: Vec<(&str, bool, &str)> = ed.codes.iter().map(|c| (c.code.as_str(), c.billable, c.title.as_str())).collect();
        assert_eq!(
            got,
            [("D69", false, "Purpura"), ("D690", true, "Allergic purpura, revised"), ("D691", false, "Qualitative platelet defects"), ("D6911", true, "Glanzmann thrombasthenia")]
        );
        assert_eq!(ed.notes.len(), 1, "D69.1 keeps its note as a header");
        assert_eq!(ed.notes_unavailable, ["D6911"]);
        // The same changes found by comparing full editions.
        let d = diff(&prev, &ed);
        assert_eq!(apply(&prev, &d).unwrap().codes, ed.codes);
    }

    #[test]
    fn a_summary_that_disagrees_is_an_error() {
        let text = line("Add:", '1', "D6911", "Glanzmann thrombasthenia") + "Codes\n 1 codes in a.txt\n 5 codes in b.txt\n";
        let prev = Edition { codes: vec![code("D690", true, "Allergic purpura")], ..Edition::default() };
        assert!(apply(&prev, &parse_addenda(&text).unwrap()).is_err());
        assert!(parse_addenda("A000 Cholera\n").is_err());
        assert!(!is_addenda("A000    Cholera"));
    }
}
