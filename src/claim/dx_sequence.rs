//! DX-SEQ: the order of diagnoses that the Tabular List's notes and guideline I.C.19.e set.
//!
//! A "code first" note on A naming B puts B before A; a "use additional code" note on A
//! naming B puts B after A. Where a note links a drug or toxin code (T36-T65) to another
//! diagnosis, guideline I.C.19.e orders them by the code's intent character: a poisoning
//! (1-4) comes before its manifestations; the nature of an adverse effect (5) or of an
//! underdosing (6) comes before the drug code. When two of these disagree about a pair, the
//! finding says so instead of picking one.
use super::check::{Ctx, Dx};
use super::data::MceFlag;
use super::dx_pairs::DxNotes;
use crate::finding::{Location, Severity};
use crate::icd10cm::{code_letter, dotted, NoteKind, NoteRow};
use crate::rules::{finding, finding_with, RuleId};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    CodeFirst,
    UseAdditional,
    Guideline,
}

/// One reason for an order: `first` (index into the diagnoses) goes before `second`.
struct Order {
    first: usize,
    second: usize,
    source: Source,
    /// Where the reason is written: the note's code, block or chapter, or the guideline.
    at: String,
}

/// The drug and toxin codes by intent character (guideline I.C.19.e).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Drug {
    Poisoning,
    AdverseEffect,
    Underdosing,
}

fn drug(code: &str) -> Option<Drug> {
    let b = code.as_bytes();
    let cat = code.get(1..3)?.parse::<u8>().ok()?;
    if b.first() != Some(&b'T') || !(36..=65).contains(&cat) || b.len() != 7 {
        return None;
    }
    match b.get(5)? {
        b'1'..=b'4' => Some(Drug::Poisoning),
        b'5' if cat <= 50 => Some(Drug::AdverseEffect),
        b'6' if cat <= 50 => Some(Drug::Underdosing),
        _ => None,
    }
}

/// A note of `kind` among `rows` naming `other`, unless it also names the code it is written
/// for (such notes describe their own codes, e.g. "for codes G31.0-G31.83 ... to identify").
fn naming(notes: &DxNotes<'_, '_>, rows: &[NoteRow], kind: NoteKind, other: &str, own: &str) -> Option<NoteRow> {
    let letter = code_letter(other);
    rows.iter().copied().find(|n| n.kind == kind && n.letters & letter != 0 && notes.cm.note_row_covers(*n, other) && !notes.cm.note_row_covers(*n, own))
}

pub(crate) fn check(ctx: &mut Ctx<'_, '_>, dxs: &[Dx], notes: &DxNotes<'_, '_>, vintage: &Option<String>) {
    let mut orders: Vec<Order> = Vec::new();
    for (x, a) in dxs.iter().enumerate() {
        let Some(na) = notes.of(x) else { continue };
        if !na.iter().any(|n| matches!(n.kind, NoteKind::CodeFirst | NoteKind::UseAdditionalCode)) {
            continue;
        }
        // The first characters these notes name: a code starting with another is not linked.
        let letters = na.iter().filter(|n| matches!(n.kind, NoteKind::CodeFirst | NoteKind::UseAdditionalCode)).fold(0u64, |m, n| m | n.letters);
        for (y, b) in dxs.iter().enumerate() {
            if x == y || a.code == b.code || letters & code_letter(&b.code) == 0 {
                continue;
            }
            let mut linked = false;
            if let Some(n) = naming(notes, na, NoteKind::CodeFirst, &b.code, &a.code) {
                orders.push(Order { first: y, second: x, source: Source::CodeFirst, at: notes.cm.note_row_at(n) });
                linked = true;
            }
            if let Some(n) = naming(notes, na, NoteKind::UseAdditionalCode, &b.code, &a.code) {
                orders.push(Order { first: x, second: y, source: Source::UseAdditional, at: notes.cm.note_row_at(n) });
                linked = true;
            }
            // The guideline orders a drug code against the condition it caused, not against
            // companion codes (Z91.12- underdosing of a regimen, external causes).
            let condition = a.code.as_bytes().first().is_some_and(|c| (b'A'..=b'R').contains(c));
            if linked && condition {
                match drug(&b.code) {
                    Some(Drug::Poisoning) => orders.push(Order { first: y, second: x, source: Source::Guideline, at: "I.C.19.e".into() }),
                    Some(_) => orders.push(Order { first: x, second: y, source: Source::Guideline, at: "I.C.19.e".into() }),
                    None => {}
                }
            }
        }
    }
    // A "code first" note is met when any code it names comes before (it lists choices).
    orders.retain(|o| {
        o.source != Source::CodeFirst
            || !notes.of(o.second).is_some_and(|n| {
                let own = dxs.get(o.second).map_or("", |d| d.code.as_str());
                dxs.iter().take(o.second).any(|d| naming(notes, n, NoteKind::CodeFirst, &d.code, own).is_some())
            })
    });
    report(ctx, dxs, &orders, vintage);
    manifestations(ctx, dxs, notes, vintage);
    first_listed_drug(ctx, dxs, vintage);
}

/// One finding per pair: the notes disagree, or the codes stand in the wrong order.
fn report(ctx: &mut Ctx<'_, '_>, dxs: &[Dx], orders: &[Order], vintage: &Option<String>) {
    let mut pairs: Vec<(usize, usize)> = orders.iter().map(|o| (o.first.min(o.second), o.first.max(o.second))).collect();
    pairs.sort_unstable();
    pairs.dedup();
    for (p, q) in pairs {
        let here: Vec<&Order> = orders.iter().filter(|o| (o.first.min(o.second), o.first.max(o.second)) == (p, q)).collect();
        let forward: Vec<&&Order> = here.iter().filter(|o| o.first == p).collect();
        let backward: Vec<&&Order> = here.iter().filter(|o| o.first == q).collect();
        let (Some(dp), Some(dq)) = (dxs.get(p), dxs.get(q)) else { continue };
        let (cp, cq) = (dotted(&dp.code), dotted(&dq.code));
        if let (Some(f), Some(b)) = (forward.first(), backward.first()) {
            ctx.push(
                finding_with(
                    RuleId::DxSeq,
                    Severity::Info,
                    format!(
                        "the notes disagree on the order of {cp} and {cq}: {} puts {cp} first, {} puts {cq} first; sequence them as the record supports",
                        describe(f),
                        describe(b)
                    ),
                    vintage.clone(),
                )
                .at(Location::Diagnosis(dq.pos)),
            );
            continue;
        }
        // All reasons agree; a finding only when the claim lists the pair the other way.
        let Some(o) = backward.first() else { continue };
        let (Some(d1), Some(d2)) = (dxs.get(o.first), dxs.get(o.second)) else { continue };
        let (first, second) = (dotted(&d1.code), dotted(&d2.code));
        let at = Location::Diagnosis(d2.pos);
        let best = here.iter().find(|o| o.source == Source::CodeFirst).or_else(|| here.iter().find(|o| o.source == Source::Guideline)).unwrap_or(o);
        let message = match best.source {
            Source::CodeFirst => format!("list {first} before {second}: the \"code first\" note at {} puts the underlying condition first", best.at),
            Source::UseAdditional => {
                format!("{second} is listed before {first}, but the \"use additional code\" note at {} makes it a secondary code to {first}", best.at)
            }
            Source::Guideline => format!("list {first} before {second}: {}", guideline(&d1.code, &d2.code)),
        };
        let f = if best.source == Source::UseAdditional { finding_with(RuleId::DxSeq, Severity::Info, message, vintage.clone()) } else { finding(RuleId::DxSeq, message, vintage.clone()) };
        ctx.push(f.at(at));
    }
}

fn describe(o: &Order) -> String {
    match o.source {
        Source::CodeFirst => format!("the \"code first\" note at {}", o.at),
        Source::UseAdditional => format!("the \"use additional code\" note at {}", o.at),
        Source::Guideline => "guideline I.C.19.e".into(),
    }
}

fn guideline(first: &str, second: &str) -> &'static str {
    match (drug(first), drug(second)) {
        (Some(Drug::Poisoning), _) => "a poisoning code comes before the conditions it caused (guideline I.C.19.e)",
        (_, Some(Drug::AdverseEffect)) => "the nature of an adverse effect comes before the drug code (guideline I.C.19.e)",
        _ => "the condition comes before the underdosing code (guideline I.C.19.e)",
    }
}

/// A manifestation code (MCE) whose "code first" condition is not on the claim at all.
fn manifestations(ctx: &mut Ctx<'_, '_>, dxs: &[Dx], notes: &DxNotes<'_, '_>, vintage: &Option<String>) {
    for (j, b) in dxs.iter().enumerate() {
        let Some(nb) = notes.of(j) else { continue };
        let has_code_first = nb.iter().any(|n| n.kind == NoteKind::CodeFirst);
        if !has_code_first || dxs.iter().any(|a| a.code != b.code && naming(notes, nb, NoteKind::CodeFirst, &a.code, &b.code).is_some()) {
            continue;
        }
        // `b.mce`: the MCE flags on the claim's date, looked up once per diagnosis.
        let manifestation = b.mce.is_some_and(|f| f & MceFlag::Manifestation.bit() != 0);
        if manifestation {
            let names: Vec<String> = nb
                .iter()
                .filter(|n| n.kind == NoteKind::CodeFirst)
                .filter_map(|n| notes.cm.note_row_view(*n, notes.edition))
                .flat_map(|n| n.refs.into_iter().map(|r| r.display()))
                .take(6)
                .collect();
            let list = if names.is_empty() { String::new() } else { format!(" (for example {})", names.join(", ")) };
            let cb = dotted(&b.code);
            ctx.push(
                finding(RuleId::DxSeq, format!("{cb} is a manifestation code; report its underlying condition first{list}"), vintage.clone())
                    .at(Location::Diagnosis(b.pos)),
            );
        }
    }
}

/// Guideline I.C.19.e: an underdosing code is never first-listed, and the nature of an
/// adverse effect is listed before the drug code.
fn first_listed_drug(ctx: &mut Ctx<'_, '_>, dxs: &[Dx], vintage: &Option<String>) {
    let Some(first) = dxs.first().filter(|d| d.pos == 0) else { return };
    let kind = drug(&first.code);
    let condition = dxs.iter().skip(1).find(|d| d.code.as_bytes().first().is_some_and(|c| (b'A'..=b'R').contains(c)));
    let (Some(kind @ (Drug::AdverseEffect | Drug::Underdosing)), Some(c)) = (kind, condition) else { return };
    let (code, cond) = (dotted(&first.code), dotted(&c.code));
    let f = if kind == Drug::Underdosing {
        finding(RuleId::DxSeq, format!("{code} is an underdosing code, which is never first-listed (guideline I.C.19.e); list the condition, such as {cond}, first"), vintage.clone())
    } else {
        finding_with(
            RuleId::DxSeq,
            Severity::Info,
            format!("{code} is an adverse-effect code; the nature of the adverse effect, such as {cond}, is listed first (guideline I.C.19.e)"),
            vintage.clone(),
        )
    };
    ctx.push(f.at(Location::Diagnosis(0)));
}
