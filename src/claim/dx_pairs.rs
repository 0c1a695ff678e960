//! Rules between diagnoses: duplicates, Excludes1/Excludes2 notes, code-first and
//! use-additional-code sequencing (etiology before manifestation).
use super::check::{Ctx, Dx};
use super::data::MceFlag;
use crate::finding::Severity;
use crate::icd10cm::{dotted, NoteKind, NoteView};
use crate::normalize::normalize_code;
use crate::rules::{finding, finding_with, RuleId};

/// The tabular notes that bear on one diagnosis, gathered once from the code and its ancestors.
struct Notes {
    excludes1: Vec<NoteView>,
    excludes2: Vec<NoteView>,
    code_first: Vec<NoteView>,
    use_additional: Vec<NoteView>,
}

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let dxs = ctx.dx.clone();
    duplicates(ctx, &dxs);
    let (Some(cm), Some(e)) = (ctx.engine.icd10cm.as_ref(), ctx.edition) else { return };
    let vintage = Some(cm.vintage_name(e));
    let notes: Vec<Option<Notes>> = dxs
        .iter()
        .map(|d| {
            let i = d.icd?;
            let mut n = Notes { excludes1: Vec::new(), excludes2: Vec::new(), code_first: Vec::new(), use_additional: Vec::new() };
            let mut chain = vec![i];
            chain.extend(cm.ancestors(i));
            const KINDS: [NoteKind; 4] = [NoteKind::Excludes1, NoteKind::Excludes2, NoteKind::CodeFirst, NoteKind::UseAdditionalCode];
            for c in chain {
                for note in cm.notes_of_kinds(c, e, &KINDS) {
                    match note.kind {
                        NoteKind::Excludes1 => n.excludes1.push(note),
                        NoteKind::Excludes2 => n.excludes2.push(note),
                        NoteKind::CodeFirst => n.code_first.push(note),
                        NoteKind::UseAdditionalCode => n.use_additional.push(note),
                        _ => {}
                    }
                }
            }
            Some(n)
        })
        .collect();
    excludes(ctx, &dxs, &notes, &vintage);
    sequence(ctx, &dxs, &notes, &vintage);
}

fn covering<'n>(notes: &'n [NoteView], code: &str) -> Option<&'n NoteView> {
    notes.iter().find(|n| n.refs.iter().any(|r| r.matches(code)))
}

/// DX-DUP (MCE 3): a secondary diagnosis equal to the principal. DX-REPEAT: a secondary
/// diagnosis repeating an earlier secondary (no MCE edit; the repeat adds nothing).
fn duplicates(ctx: &mut Ctx<'_, '_>, dxs: &[Dx]) {
    for (j, b) in dxs.iter().enumerate() {
        if b.code.is_empty() {
            continue;
        }
        let Some(a) = dxs.iter().take(j).find(|a| a.code == b.code) else { continue };
        let (la, lb) = (letter(a.pos), letter(b.pos));
        let f = if a.pos == 0 {
            finding(RuleId::DxDup, format!("diagnosis {lb} repeats the principal diagnosis {} ({la}); remove the duplicate", dotted(&b.code)), None)
        } else {
            finding(RuleId::DxRepeat, format!("diagnosis {lb} repeats {} (diagnosis {la}); report each code once", dotted(&b.code)), None)
        };
        ctx.push(f.at(format!("/diagnoses/{}", b.pos)));
    }
}

fn letter(pos: usize) -> String {
    super::model::dx_label(pos)
}

/// True when the claim carries an override with a reason for the pair.
fn overridden(ctx: &Ctx<'_, '_>, a: &str, b: &str) -> bool {
    ctx.claim.excludes1_overrides.iter().any(|o| {
        let codes: Vec<String> = o.codes.iter().map(|c| normalize_code(c).text).collect();
        !o.reason.trim().is_empty() && codes.iter().any(|c| c == a) && codes.iter().any(|c| c == b)
    })
}

/// DX-EXCL1 (warning, overridable) and DX-EXCL2 (info), reported once per pair at the later code.
fn excludes(ctx: &mut Ctx<'_, '_>, dxs: &[Dx], notes: &[Option<Notes>], vintage: &Option<String>) {
    for (j, b) in dxs.iter().enumerate() {
        for (i, a) in dxs.iter().enumerate().take(j) {
            if a.code == b.code {
                continue;
            }
            let (na, nb) = (notes.get(i).and_then(Option::as_ref), notes.get(j).and_then(Option::as_ref));
            let (Some(na), Some(nb)) = (na, nb) else { continue };
            let (ca, cb) = (dotted(&a.code), dotted(&b.code));
            let e1 = covering(&na.excludes1, &b.code).map(|n| (n, &ca)).or_else(|| covering(&nb.excludes1, &a.code).map(|n| (n, &cb)));
            if let Some((note, owner)) = e1 {
                if !overridden(ctx, &a.code, &b.code) {
                    ctx.push(
                        finding(
                            RuleId::DxExcl1,
                            format!(
                                "{ca} and {cb} are not coded together: an Excludes1 note at {} (for {owner}) says \"{}\". If the conditions are unrelated, add an excludes1Overrides entry with the reason",
                                note.at,
                                short(&note.text)
                            ),
                            vintage.clone(),
                        )
                        .at(format!("/diagnoses/{}", b.pos)),
                    );
                }
                continue;
            }
            let e2 = covering(&na.excludes2, &b.code).or_else(|| covering(&nb.excludes2, &a.code));
            if let Some(note) = e2 {
                ctx.push(
                    finding(
                        RuleId::DxExcl2,
                        format!("{ca} and {cb} may be reported together when both conditions are present (Excludes2 note at {}: \"{}\")", note.at, short(&note.text)),
                        vintage.clone(),
                    )
                    .at(format!("/diagnoses/{}", b.pos)),
                );
            }
        }
    }
}

/// DX-SEQ: a code with a "code first" note listed before the condition it names, a
/// manifestation without its underlying condition, or a "use additional code" listed first.
fn sequence(ctx: &mut Ctx<'_, '_>, dxs: &[Dx], notes: &[Option<Notes>], vintage: &Option<String>) {
    let mce_on = ctx.dos;
    for (j, b) in dxs.iter().enumerate() {
        let Some(nb) = notes.get(j).and_then(Option::as_ref) else { continue };
        let cb = dotted(&b.code);
        let at = format!("/diagnoses/{}", b.pos);
        if !nb.code_first.is_empty() {
            let after = dxs.iter().enumerate().skip(j.saturating_add(1)).find(|(_, a)| covering(&nb.code_first, &a.code).is_some());
            let before = dxs.iter().take(j).any(|a| covering(&nb.code_first, &a.code).is_some());
            if let (Some((_, a)), false) = (after, before) {
                let note = covering(&nb.code_first, &a.code).map(|n| n.at.clone()).unwrap_or_default();
                ctx.push(
                    finding(
                        RuleId::DxSeq,
                        format!("list {} before {cb}: the \"code first\" note at {note} puts the underlying condition first", dotted(&a.code)),
                        vintage.clone(),
                    )
                    .at(at.clone()),
                );
            } else if after.is_none() && !before {
                let manifestation = match (ctx.data, mce_on) {
                    (Some(d), Some(on)) => d.mce_flags(&b.code, on).is_some_and(|f| f & MceFlag::Manifestation.bit() != 0),
                    _ => false,
                };
                if manifestation {
                    let names: Vec<String> = nb.code_first.iter().flat_map(|n| n.refs.iter().map(|r| r.display())).take(6).collect();
                    let list = if names.is_empty() { String::new() } else { format!(" (for example {})", names.join(", ")) };
                    ctx.push(
                        finding(
                            RuleId::DxSeq,
                            format!("{cb} is a manifestation code; report its underlying condition first{list}"),
                            vintage.clone(),
                        )
                        .at(at.clone()),
                    );
                }
            }
        }
        // "Use additional code" names codes that follow this one.
        for (i, a) in dxs.iter().enumerate().take(j) {
            if a.pos == 0 {
                if let Some(note) = covering(&nb.use_additional, &a.code) {
                    ctx.push(
                        finding_with(
                            RuleId::DxSeq,
                            Severity::Info,
                            format!(
                                "{} is listed first, but the \"use additional code\" note at {} makes it a secondary code to {cb}",
                                dotted(&a.code),
                                note.at
                            ),
                            vintage.clone(),
                        )
                        .at(format!("/diagnoses/{i}")),
                    );
                }
            }
        }
    }
}

/// Note text cut for messages.
fn short(text: &str) -> String {
    let t: String = text.chars().take(120).collect();
    if t.len() < text.len() {
        format!("{t}…")
    } else {
        t
    }
}
