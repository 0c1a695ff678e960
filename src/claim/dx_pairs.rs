//! Rules between diagnoses: duplicates, Excludes1/Excludes2 notes (from the code, its
//! ancestors, its block and chapter), and the sequencing of [`super::dx_sequence`].
use super::check::{Ctx, Dx};
use super::dx_sequence::SeqNotes;
use crate::icd10cm::{dotted, NoteKind, NoteView};
use crate::normalize::normalize_code;
use crate::finding::Location;
use crate::rules::{finding, RuleId};

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
    const KINDS: [NoteKind; 4] = [NoteKind::Excludes1, NoteKind::Excludes2, NoteKind::CodeFirst, NoteKind::UseAdditionalCode];
    let notes: Vec<Option<Notes>> = dxs
        .iter()
        .map(|d| {
            let mut n = Notes { excludes1: Vec::new(), excludes2: Vec::new(), code_first: Vec::new(), use_additional: Vec::new() };
            // The code's own notes, its ancestors', its block's and its chapter's.
            for note in cm.notes_applying(d.icd?, e, &KINDS) {
                match note.kind {
                    NoteKind::Excludes1 => n.excludes1.push(note),
                    NoteKind::Excludes2 => n.excludes2.push(note),
                    NoteKind::CodeFirst => n.code_first.push(note),
                    NoteKind::UseAdditionalCode => n.use_additional.push(note),
                    _ => {}
                }
            }
            Some(n)
        })
        .collect();
    excludes(ctx, &dxs, &notes, &vintage);
    let seq: Vec<Option<SeqNotes<'_>>> =
        notes.iter().map(|n| n.as_ref().map(|n| SeqNotes { code_first: &n.code_first, use_additional: &n.use_additional })).collect();
    super::dx_sequence::check(ctx, &dxs, &seq, &vintage);
}

fn covering<'n>(notes: &'n [NoteView], code: &str) -> Option<&'n NoteView> {
    notes.iter().find(|n| n.refs.iter().any(|r| r.matches(code)))
}

/// An Excludes2 note naming `code`, other than a chapter's: a chapter's Excludes2 notes draw
/// the chapter's boundary ("certain infectious and parasitic diseases (A00-B99)" under every
/// body-system chapter), so telling a coder that both codes may be reported adds nothing.
fn covering_specific<'n>(notes: &'n [NoteView], code: &str) -> Option<&'n NoteView> {
    notes.iter().filter(|n| !n.at.starts_with("Chapter ")).find(|n| n.refs.iter().any(|r| r.matches(code)))
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
        ctx.push(f.at(Location::Diagnosis(b.pos)));
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
                        .at(Location::Diagnosis(b.pos)),
                    );
                }
                continue;
            }
            let e2 = covering_specific(&na.excludes2, &b.code).or_else(|| covering_specific(&nb.excludes2, &a.code));
            if let Some(note) = e2 {
                ctx.push(
                    finding(
                        RuleId::DxExcl2,
                        format!("{ca} and {cb} may be reported together when both conditions are present (Excludes2 note at {}: \"{}\")", note.at, short(&note.text)),
                        vintage.clone(),
                    )
                    .at(Location::Diagnosis(b.pos)),
                );
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
