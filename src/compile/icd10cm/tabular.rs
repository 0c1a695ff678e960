//! Reads the CMS ICD-10-CM tabular XML (as shipped in the `simple-icd-10-cm` wheels).
//!
//! 7th characters are expanded exactly as CMS does in its order file: a `sevenChrDef`
//! applies to every leaf below it; codes shorter than six characters are padded with the
//! placeholder X; and notes of the form "7th characters D and S do not apply to codes in
//! category S06 with 6th character 7 ... or 8" remove those combinations.
use super::model::*;
use crate::compile::xml_tree::{self, Element};
use crate::compile::{err, Result};
use crate::icd10cm::NoteKind;

/// Parses the tabular XML into an edition (label and window are set by the caller).
pub fn parse_tabular(xml: &[u8]) -> Result<Edition> {
    let root = xml_tree::parse(xml)?;
    if root.name != "ICD10CM.tabular" {
        return Err(err(format!("not an ICD-10-CM tabular file (root element <{}>)", root.name)));
    }
    let mut ed = Edition::default();
    for ch in root.children_named("chapter") {
        let number: u8 = ch.child_text("name").and_then(|n| n.parse().ok()).ok_or_else(|| err("chapter without a number"))?;
        let mut chapter = TabularChapter { number, title: clean(ch.child_text("desc").unwrap_or("")), blocks: Vec::new() };
        let mut block_notes = Vec::new();
        let (mut chapter_span, mut chapter_end): (Option<String>, Option<String>) = (None, None);
        for sec in ch.children_named("section") {
            let id = sec.attr("id").unwrap_or("");
            let (first, last) = id.split_once('-').unwrap_or((id, id));
            let block = TabularBlock { first: first.replace('.', ""), last: last.replace('.', ""), title: clean(sec.child_text("desc").unwrap_or("")) };
            // The categories written in the block, first to last: the label can differ from
            // them ("J40-J4A" ends with J47, J4A standing after J44).
            // A heading block with no codes of its own ("T20-T32" over T20-T25 ... T26-T28)
            // covers the blocks its label spans.
            let names: Vec<String> = sec.children_named("diag").filter_map(|d| d.child_text("name")).map(|n| n.replace('.', "")).collect();
            let (a, z) = match (names.first(), names.last()) {
                (Some(a), Some(z)) => {
                    chapter_span.get_or_insert_with(|| a.clone());
                    chapter_end = Some(z.clone());
                    (a.clone(), z.clone())
                }
                _ => (block.first.clone(), block.last.clone()),
            };
            block_notes.extend(scope_notes(sec, &Scope { label: id.to_owned(), first: a, last: z, adverse_effects: false }));
            chapter.blocks.push(block);
            for d in sec.children_named("diag") {
                walk(d, &Inherited::default(), &mut ed)?;
            }
        }
        if let (Some(first), Some(last)) = (chapter_span, chapter_end) {
            let scope = Scope { label: format!("Chapter {number}"), first, last, adverse_effects: false };
            ed.notes.extend(scope_notes(ch, &scope));
        }
        ed.notes.extend(block_notes);
        ed.chapters.push(chapter);
    }
    ed.tabular_order = ed.codes.iter().map(|c| c.code.clone()).collect();
    ed.codes.sort_by(|a, b| a.code.cmp(&b.code));
    ed.codes.dedup_by(|a, b| a.code == b.code);
    Ok(ed)
}

/// 7th-character rules in force at a node.
#[derive(Default, Clone)]
struct Inherited {
    seventh: Vec<(char, String)>,
    /// (6th character, excluded 7th characters) from "do not apply" notes.
    exclusions: Vec<(char, Vec<char>)>,
}

const NOTE_KINDS: [(&str, NoteKind); 8] = [
    ("excludes1", NoteKind::Excludes1),
    ("excludes2", NoteKind::Excludes2),
    ("codeFirst", NoteKind::CodeFirst),
    ("useAdditionalCode", NoteKind::UseAdditionalCode),
    ("codeAlso", NoteKind::CodeAlso),
    ("includes", NoteKind::Includes),
    ("inclusionTerm", NoteKind::InclusionTerm),
    ("notes", NoteKind::Note),
];

/// The notes written directly under a chapter or block element.
fn scope_notes(el: &Element, scope: &Scope) -> Vec<TabularNote> {
    let mut out = Vec::new();
    // Only the kinds that name codes: a chapter's includes and general notes are long texts
    // no rule reads.
    for (tag, kind) in NOTE_KINDS.into_iter().filter(|(_, k)| super::note_refs::REFERENCE_KINDS.contains(k)) {
        for block in el.children_named(tag) {
            let mut scope = scope.clone();
            for n in block.children_named("note") {
                let text = clean(&n.text);
                // The series' first note can narrow it: "Code first, for adverse effects, ...".
                if text.to_ascii_lowercase().contains("for adverse effects") {
                    scope.adverse_effects = true;
                    scope.label = format!("{}, adverse effects", scope.label);
                }
                if !text.is_empty() {
                    out.push(TabularNote { code: String::new(), kind, text, scope: Some(scope.clone()) });
                }
            }
        }
    }
    out
}

fn walk(diag: &Element, inherited: &Inherited, ed: &mut Edition) -> Result<()> {
    let name = diag.child_text("name").ok_or_else(|| err("<diag> without <name>"))?;
    let code = name.replace('.', "");
    let title = clean(diag.child_text("desc").unwrap_or(""));
    let mut here = inherited.clone();
    if let Some(def) = diag.child("sevenChrDef") {
        here.seventh = def
            .children_named("extension")
            .filter_map(|e| Some((e.attr("char")?.chars().next()?, clean(&e.text))))
            .collect();
    }
    // "7th characters D and S do not apply ..." stands under sevenChrNote or plain notes.
    for tag in ["sevenChrNote", "notes"] {
        for note in diag.children_named(tag) {
            for n in note.children_named("note") {
                here.exclusions.extend(parse_seventh_exclusion(&n.text));
            }
        }
    }
    for (tag, kind) in NOTE_KINDS {
        for block in diag.children_named(tag) {
            for n in block.children_named("note") {
                let text = clean(&n.text);
                if !text.is_empty() {
                    ed.notes.push(TabularNote { code: code.clone(), kind, text, scope: None });
                }
            }
        }
    }
    if let Some(note) = diag.child("sevenChrNote") {
        for n in note.children_named("note") {
            ed.notes.push(TabularNote { code: code.clone(), kind: NoteKind::SeventhCharacter, text: clean(&n.text), scope: None });
        }
    }
    let kids: Vec<&Element> = diag.children_named("diag").collect();
    if !kids.is_empty() {
        ed.codes.push(TabularCode { code, title, billable: false, extension: false, needs_seventh: false });
        for k in kids {
            walk(k, &here, ed)?;
        }
    } else if !here.seventh.is_empty() && code.len() < 7 {
        let mut base = code.clone();
        while base.len() < 6 {
            base.push('X');
        }
        let sixth = base.chars().nth(5).unwrap_or('X');
        ed.codes.push(TabularCode { code: code.clone(), title, billable: false, extension: false, needs_seventh: true });
        for (ch, text) in &here.seventh {
            let excluded = here.exclusions.iter().any(|(six, sevens)| *six == sixth && sevens.contains(ch));
            if !excluded {
                ed.codes.push(TabularCode {
                    code: format!("{base}{ch}"),
                    title: text.clone(),
                    billable: true,
                    extension: true,
                    needs_seventh: false,
                });
            }
        }
    } else {
        ed.codes.push(TabularCode { code, title, billable: true, extension: false, needs_seventh: false });
    }
    Ok(())
}

/// Parses "7th characters D and S do not apply to codes in category S06 with 6th character 7
/// - ..., or 8 - ..." into `[('7', ['D','S']), ('8', ['D','S'])]`.
pub fn parse_seventh_exclusion(note: &str) -> Vec<(char, Vec<char>)> {
    let lower = note.to_ascii_lowercase();
    let Some(pos) = lower.find("do not apply") else { return Vec::new() };
    let head = note.get(..pos).unwrap_or("");
    let head = head.trim_start_matches(|c: char| !c.is_ascii_digit()).trim_start_matches(|c: char| c.is_ascii_digit());
    let sevens: Vec<char> = head
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect();
    let tail = lower.get(pos..).unwrap_or("");
    let Some(six_at) = tail.find("6th character") else { return Vec::new() };
    let rest = tail.get(six_at + "6th character".len()..).unwrap_or("");
    // The 6th characters are the single characters that start a "X - description" item.
    let mut sixes = Vec::new();
    for part in rest.split(", or").flat_map(|p| p.split(" or ")) {
        let p = part.trim();
        if let Some(c) = p.chars().next() {
            if c.is_ascii_alphanumeric() && p.get(1..).is_some_and(|r| r.trim_start().starts_with('-')) {
                sixes.push(c.to_ascii_uppercase());
            }
        }
    }
    sixes.into_iter().map(|s| (s, sevens.clone())).collect()
}

/// Collapses whitespace (the XML has tabs and runs of spaces inside text).
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seventh_character_exclusion_note() {
        let n = "7th characters D and S do not apply to codes in category S06 with 6th character 7 - death due to brain injury prior to regaining consciousness, or 8 - death due to other cause prior to regaining consciousness.";
        assert_eq!(parse_seventh_exclusion(n), vec![('7', vec!['D', 'S']), ('8', vec!['D', 'S'])]);
        assert!(parse_seventh_exclusion("The appropriate 7th character is to be added").is_empty());
    }
}
