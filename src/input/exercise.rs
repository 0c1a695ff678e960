//! Readers for the grading inputs: an exercise (plain or sealed key) and a learner's answer.
use super::{boolean, list, number, object, one_of, string, strings, whole_u32, Bad};
use crate::claim::Json;
use crate::grade::{Answer, AnswerProcedure, Exercise, Key, KeyCode, KeyProcedure, Mode, Rubric, SealedDx, SealedKey, SealedProcedure, WeightOverrides};

/// An exercise (`grade/exercise.schema.json`).
pub fn exercise(v: &Json<'_>) -> Result<Exercise, Bad> {
    let o = object(v)?;
    Ok(Exercise {
        id: o.or_default("id", string)?,
        title: o.or_default("title", string)?,
        scenario: o.or_default("scenario", string)?,
        date_of_service: o.opt("dateOfService", string)?,
        rubric: o.or_default("rubric", |v| one_of(v, &[("aapc", Rubric::Aapc), ("hierarchical", Rubric::Hierarchical)]))?,
        weights: o.opt("weights", weights)?,
        mode: o.or_default("mode", |v| one_of(v, &[("practice", Mode::Practice), ("exam", Mode::Exam)]))?,
        attempts: o.opt("attempts", whole_u32)?,
        key: o.opt("key", key)?,
        sealed: o.opt("sealed", sealed)?,
    })
}

fn weights(v: &Json<'_>) -> Result<WeightOverrides, Bad> {
    let o = object(v)?;
    Ok(WeightOverrides {
        wrong_seventh: o.opt("wrongSeventh", number)?,
        missing_seventh: o.opt("missingSeventh", number)?,
        placeholder: o.opt("placeholder", number)?,
        laterality: o.opt("laterality", number)?,
        subcategory: o.opt("subcategory", number)?,
        category: o.opt("category", number)?,
        block: o.opt("block", number)?,
        chapter: o.opt("chapter", number)?,
        modifier: o.opt("modifier", number)?,
        units: o.opt("units", number)?,
        modifier_and_units: o.opt("modifierAndUnits", number)?,
        sequencing: o.opt("sequencing", number)?,
        extra: o.opt("extra", number)?,
    })
}

fn key(v: &Json<'_>) -> Result<Key, Bad> {
    let o = object(v)?;
    Ok(Key {
        principal: o.opt("principal", key_code)?,
        other_diagnoses: o.or_default("otherDiagnoses", |v| list(v, key_code))?,
        procedures: o.or_default("procedures", |v| list(v, key_procedure))?,
    })
}

fn key_code(v: &Json<'_>) -> Result<KeyCode, Bad> {
    let o = object(v)?;
    Ok(KeyCode {
        code: o.or_default("code", string)?,
        optional: o.or_default("optional", boolean)?,
        alternates: o.or_default("alternates", strings)?,
        explanation: o.opt("explanation", string)?,
    })
}

fn key_procedure(v: &Json<'_>) -> Result<KeyProcedure, Bad> {
    let o = object(v)?;
    Ok(KeyProcedure {
        code: o.or_default("code", string)?,
        modifiers: o.or_default("modifiers", strings)?,
        optional_modifiers: o.or_default("optionalModifiers", strings)?,
        units: o.opt("units", whole_u32)?,
        optional: o.or_default("optional", boolean)?,
        alternates: o.or_default("alternates", strings)?,
        explanation: o.opt("explanation", string)?,
    })
}

fn sealed(v: &Json<'_>) -> Result<SealedKey, Bad> {
    let o = object(v)?;
    Ok(SealedKey {
        salt: o.or_default("salt", string)?,
        principal: o.opt("principal", sealed_dx)?,
        other_diagnoses: o.or_default("otherDiagnoses", |v| list(v, sealed_dx))?,
        procedures: o.or_default("procedures", |v| list(v, sealed_procedure))?,
        reveal: o.opt("reveal", string)?,
    })
}

fn sealed_dx(v: &Json<'_>) -> Result<SealedDx, Bad> {
    let o = object(v)?;
    Ok(SealedDx {
        optional: o.or_default("optional", boolean)?,
        full: o.or_default("full", string)?,
        full_x: o.or_default("fullX", string)?,
        base_x: o.opt("baseX", string)?,
        sub: o.or_default("sub", strings)?,
        category: o.or_default("category", string)?,
        block: o.opt("block", string)?,
        chapter: o.opt("chapter", string)?,
        alternates: o.or_default("alternates", strings)?,
    })
}

fn sealed_procedure(v: &Json<'_>) -> Result<SealedProcedure, Bad> {
    let o = object(v)?;
    Ok(SealedProcedure {
        optional: o.or_default("optional", boolean)?,
        code: o.or_default("code", string)?,
        alternates: o.or_default("alternates", strings)?,
        modifiers: o.or_default("modifiers", string)?,
        optional_modifiers: o.or_default("optionalModifiers", strings)?,
        units: o.or_default("units", string)?,
    })
}

/// A learner's answer.
pub fn answer(v: &Json<'_>) -> Result<Answer, Bad> {
    let o = object(v)?;
    Ok(Answer {
        principal: o.opt("principal", string)?,
        other_diagnoses: o.or_default("otherDiagnoses", strings)?,
        procedures: o.or_default("procedures", |v| list(v, answer_procedure))?,
    })
}

fn answer_procedure(v: &Json<'_>) -> Result<AnswerProcedure, Bad> {
    let o = object(v)?;
    Ok(AnswerProcedure {
        code: o.or_default("code", string)?,
        modifiers: o.or_default("modifiers", strings)?,
        units: o.opt("units", whole_u32)?,
    })
}
