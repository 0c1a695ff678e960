//! Credit per decision, by preset. Each is a fraction of one expected code's point.
//!
//! `aapc` follows AAPC Practicode: a diagnosis is right or wrong (no hierarchy credit), a
//! right CPT code with wrong modifiers or units earns "P" (half here; AAPC does not publish
//! the fraction), optional codes cost nothing when left out, and over-coding counts through
//! the denominator `max(entered, key)`. Secondary order is not scored; a principal that is
//! entered but not first earns nothing (the principal field was wrong).
//!
//! `hierarchical` is claimlint's own: credit falls with distance in the ICD-10-CM tree
//! (7th character and placeholder slips cost little; a different category — another condition —
//! earns nothing, even in the same block or chapter, unless an exercise sets `block`/`chapter`),
//! each extra code adds half a point to the denominator, and a misplaced principal loses a
//! quarter of its point. Exercises may override any weight.
use super::model::Rubric;
use serde::{Deserialize, Serialize};

/// Resolved weights used by the grader.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Weights {
    pub wrong_seventh: f64,
    pub missing_seventh: f64,
    pub placeholder: f64,
    pub laterality: f64,
    pub subcategory: f64,
    pub category: f64,
    pub block: f64,
    pub chapter: f64,
    /// Procedure: right code, wrong modifiers.
    pub modifier: f64,
    /// Procedure: right code, wrong units.
    pub units: f64,
    /// Procedure: right code, wrong modifiers and units.
    pub modifier_and_units: f64,
    /// Fraction of the principal's credit lost when it is entered but not first.
    pub sequencing: f64,
    /// Points each extra (unmatched) code adds to the denominator (hierarchical only; the
    /// `aapc` preset uses `max(entered, key)` instead).
    pub extra: f64,
}

impl Weights {
    pub fn preset(rubric: Rubric) -> Weights {
        match rubric {
            Rubric::Aapc => Weights {
                wrong_seventh: 0.0,
                missing_seventh: 0.0,
                placeholder: 0.0,
                laterality: 0.0,
                subcategory: 0.0,
                category: 0.0,
                block: 0.0,
                chapter: 0.0,
                modifier: 0.5,
                units: 0.5,
                modifier_and_units: 0.5,
                sequencing: 1.0,
                extra: 1.0,
            },
            Rubric::Hierarchical => Weights {
                wrong_seventh: 0.75,
                missing_seventh: 0.5,
                placeholder: 0.75,
                laterality: 0.5,
                subcategory: 0.5,
                category: 0.25,
                block: 0.0,
                chapter: 0.0,
                modifier: 0.75,
                units: 0.75,
                modifier_and_units: 0.5,
                sequencing: 0.25,
                extra: 0.5,
            },
        }
    }

    /// Every weight's exact bits, in field order: identifies the weights in an exam's hash
    /// binding without formatting floats.
    pub fn fingerprint(&self) -> String {
        [
            self.wrong_seventh,
            self.missing_seventh,
            self.placeholder,
            self.laterality,
            self.subcategory,
            self.category,
            self.block,
            self.chapter,
            self.modifier,
            self.units,
            self.modifier_and_units,
            self.sequencing,
            self.extra,
        ]
        .iter()
        .map(|w| format!("{:x}", w.to_bits()))
        .collect::<Vec<_>>()
        .join(",")
    }

    /// The preset with an exercise's overrides applied (each clamped to 0..=1).
    pub fn resolve(rubric: Rubric, o: Option<&WeightOverrides>) -> Weights {
        let mut w = Weights::preset(rubric);
        let Some(o) = o else { return w };
        let set = |slot: &mut f64, v: Option<f64>| {
            if let Some(v) = v.filter(|v| v.is_finite()) {
                *slot = v.clamp(0.0, 1.0);
            }
        };
        set(&mut w.wrong_seventh, o.wrong_seventh);
        set(&mut w.missing_seventh, o.missing_seventh);
        set(&mut w.placeholder, o.placeholder);
        set(&mut w.laterality, o.laterality);
        set(&mut w.subcategory, o.subcategory);
        set(&mut w.category, o.category);
        set(&mut w.block, o.block);
        set(&mut w.chapter, o.chapter);
        set(&mut w.modifier, o.modifier);
        set(&mut w.units, o.units);
        set(&mut w.modifier_and_units, o.modifier_and_units);
        set(&mut w.sequencing, o.sequencing);
        set(&mut w.extra, o.extra);
        w
    }
}

/// Per-exercise changes to a preset; absent fields keep the preset's value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WeightOverrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wrong_seventh: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing_seventh: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub laterality: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subcategory: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chapter: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier_and_units: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequencing: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra: Option<f64>,
}
