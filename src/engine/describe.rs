//! Code details for display: description, hierarchy, notes.
use crate::blob::columns::CodeTable;
use super::check::CodeSummary;
use crate::date::Date;
use crate::icd10cm::{dotted, Icd10Cm, NoteView};
use crate::normalize::normalize_code;
use serde::{Deserialize, Serialize};

/// What a code is, for a detail pane.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Description {
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub billable: bool,
    pub vintage: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chapter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Notes written under the code and its ancestors, nearest first.
    pub notes: Vec<NoteView>,
    /// Said when the code's own tabular notes are not in the loaded sources (a code added by
    /// an addenda file): the notes listed are its ancestors' only.
    #[serde(rename = "notesUnavailable", skip_serializing_if = "Option::is_none")]
    pub notes_unavailable: Option<String>,
}

fn edition(cm: &Icd10Cm<'_>, dos: Option<Date>) -> Option<usize> {
    match dos {
        Some(d) => cm.edition_for(d),
        None => Some(cm.latest()),
    }
}

pub(super) fn icd10cm(cm: &Icd10Cm<'_>, raw: &str, dos: Option<Date>) -> Option<Description> {
    let n = normalize_code(raw);
    let i = cm.find(&n.text)?;
    let e = edition(cm, dos)?;
    if !cm.exists(i, e) {
        return None;
    }
    let code = cm.code(i);
    let (block, chapter) = match cm.block_and_chapter(code) {
        Some((range, title, ch, ch_title)) => (Some(format!("{range} {title}")), Some(format!("Chapter {ch}: {ch_title}"))),
        None => (None, None),
    };
    let mut notes = cm.notes_at(i, e);
    for a in cm.ancestors(i) {
        notes.extend(cm.notes_at(a, e));
    }
    // Block and chapter notes that name codes apply to every code below them.
    use crate::icd10cm::NoteKind::*;
    notes.extend(cm.scoped_notes(i, e, &[Excludes1, Excludes2, CodeFirst, UseAdditionalCode, CodeAlso]));
    Some(Description {
        code: dotted(code),
        description: cm.description(i, e),
        billable: cm.billable(i, e),
        vintage: cm.vintage_name(e),
        chapter,
        block,
        parent: cm.parent(i).map(|p| dotted(cm.code(p))),
        notes,
        notes_unavailable: cm.own_notes_unavailable(i, e).then(|| {
            format!(
                "{} is new in {}: its own tabular notes are not in the sources loaded (CMS published only the code and its title \
                 in the order-file addenda); the notes shown are those of its categories, which still apply",
                dotted(code),
                cm.label(e)
            )
        }),
    })
}

pub(super) fn icd10cm_children(cm: &Icd10Cm<'_>, raw: &str, dos: Option<Date>) -> Vec<CodeSummary> {
    let n = normalize_code(raw);
    let (Some(i), Some(e)) = (cm.find(&n.text), edition(cm, dos)) else { return Vec::new() };
    cm.children(i, e).into_iter().map(|j| summary(cm, j, e)).collect()
}

/// A code as shown in lists.
pub(super) fn summary(cm: &Icd10Cm<'_>, i: usize, e: usize) -> CodeSummary {
    CodeSummary { code: dotted(cm.code(i)), description: cm.description(i, e), billable: cm.billable(i, e) }
}
