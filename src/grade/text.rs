//! The words a learner reads for each decision, and the coding rule behind it.
//!
//! A rule is cited only where it applies to the two codes compared: the 7th-character
//! meanings of chapters 19 and 20 only for injury and external-cause codes, I.B.2 (full
//! code) only for a header (see `rules::dx_entry`), AAPC scoring only under the AAPC preset.
use super::model::Rubric;
use super::result::Decision;

/// What a reason or rule depends on besides the decision.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub rubric: Rubric,
    /// Points the decision earned (0 means "no credit").
    pub credit: f64,
    /// The entered code, cleaned (empty when nothing was entered).
    pub entered: &'a str,
}

/// Why an item got its credit, in plain words.
pub fn reason(d: Decision, cx: Context<'_>) -> String {
    let partial = match cx.rubric {
        Rubric::Aapc => " (partial credit, \"P\")",
        Rubric::Hierarchical => " (partial credit)",
    };
    let credited = cx.credit > 0.0;
    match d {
        Decision::Exact => "Correct.".into(),
        Decision::Alternate => "Correct: an accepted alternate code.".into(),
        Decision::MissingPlaceholder => "Right code, but the placeholder X's are missing or misplaced.".into(),
        Decision::WrongSeventh => "Right code, wrong 7th character.".into(),
        Decision::MissingSeventh => "Right code, but it needs a 7th character to be complete.".into(),
        Decision::Laterality => "Right condition and site, wrong side (right, left, bilateral or unspecified).".into(),
        Decision::WrongIntent => "Right drug or substance, wrong intent: the 6th character tells accidental (1), intentional self-harm (2), assault (3), undetermined (4), adverse effect (5) or underdosing (6).".into(),
        Decision::SameSubcategory => "Right subcategory, but a different code within it.".into(),
        Decision::SameCategory => "Right category (first three characters), but a different code within it.".into(),
        Decision::SameBlock if credited => "Right group of categories, but a different category.".into(),
        Decision::SameBlock => "A different condition (same group of categories, different category): no credit.".into(),
        Decision::SameChapter if credited => "Right chapter, but a different category.".into(),
        Decision::SameChapter => "A different condition (same chapter, different category): no credit.".into(),
        Decision::Modifier => format!("Right procedure code, wrong modifiers{partial}."),
        Decision::Units => format!("Right procedure code, wrong units{partial}."),
        Decision::ModifierAndUnits => format!("Right procedure code, wrong modifiers and units{partial}."),
        Decision::Wrong => "Not the expected code.".into(),
        Decision::Missing => "This code was expected but not entered.".into(),
        Decision::OptionalOmitted => "Optional code left out: it does not affect the score.".into(),
        Decision::Extra => "Not in the answer key: extra codes lower the score (over-coding).".into(),
    }
}

/// Injury (S, T) and external-cause (V–Y) codes share the A / D / S 7th characters.
fn encounter_seventh(code: &str) -> bool {
    matches!(code.chars().next(), Some('S' | 'T' | 'V' | 'W' | 'X' | 'Y'))
}

/// The guideline behind a decision, when one applies to the codes compared.
pub fn rule(d: Decision, cx: Context<'_>) -> Option<String> {
    Some(match d {
        Decision::MissingPlaceholder => {
            "ICD-10-CM guideline I.A.4: where a 7th character is required and the code has fewer than six characters, the placeholder X fills the empty positions.".into()
        }
        Decision::WrongSeventh | Decision::MissingSeventh if encounter_seventh(cx.entered) => {
            "ICD-10-CM guideline I.A.5: codes that require a 7th character are invalid without it. For injuries and external causes (I.C.19.a, I.C.20) A is the initial encounter, D subsequent, S sequela.".into()
        }
        Decision::WrongSeventh | Decision::MissingSeventh => {
            "ICD-10-CM guideline I.A.5: codes that require a 7th character are invalid without it; the category's own 7th-character list gives their meanings.".into()
        }
        Decision::Laterality => {
            "ICD-10-CM guideline I.B.13: codes identify the side; use unspecified only when the record does not say.".into()
        }
        Decision::WrongIntent => {
            "ICD-10-CM guideline I.C.19.e.5: poisoning, adverse effect and underdosing are told apart by the 6th character. Code the intent the record documents; when intent is unknown or unspecified code accidental, and undetermined only when the record says intent cannot be determined.".into()
        }
        Decision::Modifier | Decision::Units | Decision::ModifierAndUnits => match cx.rubric {
            Rubric::Aapc => "AAPC scoring gives partial credit (\"P\") for the right procedure code with wrong modifiers or units.".into(),
            Rubric::Hierarchical => return None,
        },
        Decision::Extra => match cx.rubric {
            Rubric::Aapc => "AAPC scoring divides by the larger of the codes entered and the codes expected, so an extra code counts against the score.".into(),
            Rubric::Hierarchical => return None,
        },
        _ => return None,
    })
}

/// The sequencing guideline.
pub const SEQUENCING_RULE: &str = "Principal (inpatient, Section II) or first-listed (outpatient, Section IV.G) diagnosis: the condition chiefly responsible for the encounter is listed first.";
