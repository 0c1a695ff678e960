//! ICD-10-CM in the blob: every code of every loaded edition, stored once.
//!
//! Codes live in one sorted fixed-width table (no dots). Per code, one byte says in which
//! editions it exists and is billable, so a code and title unchanged between editions cost
//! nothing twice. 7th-character codes store only the 7th character's text; their full
//! description is the parent's title plus that text, as in the CMS order file.
#[cfg(not(target_arch = "wasm32"))]
mod near_memo;
mod note_rows;
mod notes;
mod row_memo;
mod section;

pub use note_rows::{code_letter, NoteRow};
pub use notes::{NoteKind, NoteRef, NoteView};
pub use section::{Icd10Cm, Icd10CmCodes, Icd10CmSection, TitleChanges, CODES_SECTION, CODES_VERSION, SECTION, VERSION};

/// Inserts the dot after the category (`S72001A` → `S72.001A`).
pub fn dotted(code: &str) -> String {
    match (code.get(..3), code.get(3..)) {
        (Some(cat), Some(rest)) if !rest.is_empty() => {
            // Built by hand: messages call this for every code they name, and `format!` costs
            // more than the copy.
            let mut s = String::with_capacity(code.len().saturating_add(1));
            s.push_str(cat);
            s.push('.');
            s.push_str(rest);
            s
        }
        _ => code.to_owned(),
    }
}
