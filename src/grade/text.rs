//! The words a learner reads for each decision, and the coding rule behind it.
use super::result::Decision;

/// Why an item got its credit, in plain words.
pub fn reason(d: Decision) -> &'static str {
    match d {
        Decision::Exact => "Correct.",
        Decision::Alternate => "Correct: an accepted alternate code.",
        Decision::MissingPlaceholder => "Right code, but the placeholder X's are missing or misplaced.",
        Decision::WrongSeventh => "Right code, wrong 7th character (it tells the encounter type, e.g. initial, subsequent or sequela).",
        Decision::MissingSeventh => "Right code, but it needs a 7th character to be complete.",
        Decision::Laterality => "Right condition and site, wrong side (right, left, bilateral or unspecified).",
        Decision::SameSubcategory => "Right subcategory, but not the most specific code.",
        Decision::SameCategory => "Right category (first three characters), wrong code within it.",
        Decision::SameBlock => "Right group of categories, but a different category.",
        Decision::SameChapter => "Right chapter, but a different kind of condition.",
        Decision::Modifier => "Right procedure code, wrong modifiers (partial credit, \"P\").",
        Decision::Units => "Right procedure code, wrong units (partial credit, \"P\").",
        Decision::ModifierAndUnits => "Right procedure code, wrong modifiers and units (partial credit, \"P\").",
        Decision::Wrong => "Not the expected code.",
        Decision::Missing => "This code was expected but not entered.",
        Decision::OptionalOmitted => "Optional code left out: it does not affect the score.",
        Decision::Extra => "Not in the answer key: extra codes lower the score (over-coding).",
    }
}

/// The guideline behind a decision (practice mode).
pub fn rule(d: Decision) -> Option<&'static str> {
    Some(match d {
        Decision::MissingPlaceholder => {
            "ICD-10-CM guideline I.A.4: where a 7th character is required and the code has fewer than six characters, the placeholder X fills the empty positions."
        }
        Decision::WrongSeventh | Decision::MissingSeventh => {
            "ICD-10-CM guideline I.A.5: codes that require a 7th character are invalid without it; for injuries A is the initial encounter, D subsequent, S sequela."
        }
        Decision::Laterality => "ICD-10-CM guideline I.B.13: codes identify the side; use unspecified only when the record does not say.",
        Decision::SameSubcategory | Decision::SameCategory => {
            "ICD-10-CM guideline I.B.2: report codes to the highest number of characters available, matching what the record documents."
        }
        Decision::Modifier | Decision::Units | Decision::ModifierAndUnits => {
            "Modifiers and units are part of the procedure line; AAPC scoring gives partial credit (\"P\") for a right code with wrong modifiers or units."
        }
        Decision::Extra => "Code only conditions and services the record documents (AHIMA/AAPC: over-coding counts against accuracy).",
        _ => return None,
    })
}

/// The sequencing guideline.
pub const SEQUENCING_RULE: &str = "Principal (inpatient, Section II) or first-listed (outpatient, Section IV.G) diagnosis: the condition chiefly responsible for the encounter is listed first.";
