//! Rules between diagnoses: duplicates, Excludes1/Excludes2 notes (from the code, its
//! ancestors, its block and chapter), and the sequencing of [`super::dx_sequence`].
use super::check::{Ctx, Dx};
use crate::icd10cm::{code_letter, dotted, Icd10Cm, NoteKind, NoteRow};
use crate::normalize::normalize_code;
use crate::finding::Location;
use crate::rules::{finding, RuleId};
use core::ops::Range;
use std::sync::Arc;

/// The tabular notes that bear on pairs of diagnoses.
const KINDS: [NoteKind; 4] = [NoteKind::Excludes1, NoteKind::Excludes2, NoteKind::CodeFirst, NoteKind::UseAdditionalCode];

/// The notes applying to each diagnosis (from the code, its ancestors, its block and
/// chapter), gathered once as row handles: `rows[k]` for diagnosis `k`, `None` when the code
/// is not billable in the edition.
pub(crate) struct DxNotes<'n, 'a> {
    pub cm: &'n Icd10Cm<'a>,
    pub edition: usize,
    rows: Vec<Option<Arc<[NoteRow]>>>,
}

impl DxNotes<'_, '_> {
    /// The notes of diagnosis `k`.
    pub fn of(&self, k: usize) -> Option<&[NoteRow]> {
        self.rows.get(k)?.as_deref()
    }
}

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let dxs = std::mem::take(&mut ctx.dx);
    duplicates(ctx, &dxs);
    if let (Some(cm), Some(e)) = (ctx.engine.icd10cm.as_ref(), ctx.edition) {
        let rows = dxs.iter().map(|d| d.icd.map(|i| cm.note_rows_applying(i, e, &KINDS))).collect();
        let notes = DxNotes { cm, edition: e, rows };
        let vintage = Some(cm.vintage_name(e));
        excludes(ctx, &dxs, &notes, &vintage);
        super::dx_sequence::check(ctx, &dxs, &notes, &vintage);
    }
    ctx.dx = dxs;
}

/// The notes of each diagnosis that can pair it with another: its Excludes1 notes, and its
/// Excludes2 notes other than a chapter's (a chapter's Excludes2 notes draw the chapter's
/// boundary, "certain infectious and parasitic diseases (A00-B99)" under every body-system
/// chapter, so telling a coder that both codes may be reported adds nothing). Sorted out once
/// per claim, in stored order, into one list, rather than once per pair.
struct PairNotes {
    rows: Vec<NoteRow>,
    /// Per diagnosis: where its Excludes1 and its Excludes2 rows are in `rows`; `None` for a
    /// diagnosis without notes.
    spans: Vec<Option<(Range<usize>, Range<usize>)>>,
    /// Per diagnosis: the first characters its Excludes1 rows name, and its Excludes2 rows
    /// (their [`NoteRow::letters`] OR-ed): a pair whose other code starts with none of them
    /// is passed over without walking the rows.
    letters: Vec<(u64, u64)>,
}

impl PairNotes {
    fn of(n: &DxNotes<'_, '_>, count: usize) -> PairNotes {
        let mut rows = Vec::new();
        let mut letters = Vec::with_capacity(count);
        let spans = (0..count)
            .map(|k| {
                let Some(notes) = n.of(k) else {
                    letters.push((0, 0));
                    return None;
                };
                let first = rows.len();
                rows.extend(notes.iter().copied().filter(|r| r.kind == NoteKind::Excludes1));
                let second = rows.len();
                rows.extend(notes.iter().copied().filter(|r| r.kind == NoteKind::Excludes2 && !n.cm.note_row_is_chapter(*r)));
                let union = |r: &[NoteRow]| r.iter().fold(0u64, |m, r| m | r.letters);
                letters.push((union(rows.get(first..second).unwrap_or(&[])), union(rows.get(second..).unwrap_or(&[]))));
                Some((first..second, second..rows.len()))
            })
            .collect();
        PairNotes { rows, spans, letters }
    }

    /// The first characters diagnosis `k`'s Excludes1 and Excludes2 rows name.
    fn letters(&self, k: usize) -> (u64, u64) {
        self.letters.get(k).copied().unwrap_or((0, 0))
    }

    /// The Excludes1 and the Excludes2 rows of diagnosis `k`.
    fn get(&self, k: usize) -> Option<(&[NoteRow], &[NoteRow])> {
        let (e1, e2) = self.spans.get(k)?.as_ref()?;
        Some((self.rows.get(e1.clone())?, self.rows.get(e2.clone())?))
    }
}

/// The first of `rows` naming `code`, whose first character is `letter` ([`code_letter`]);
/// `letters`: the rows' letters OR-ed, so a code none of them can name is passed at once.
fn covering(n: &DxNotes<'_, '_>, rows: &[NoteRow], letters: u64, code: &str, letter: u64) -> Option<NoteRow> {
    if letters & letter == 0 {
        return None;
    }
    rows.iter().copied().find(|r| r.letters & letter != 0 && n.cm.note_row_covers(*r, code))
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
fn excludes(ctx: &mut Ctx<'_, '_>, dxs: &[Dx], notes: &DxNotes<'_, '_>, vintage: &Option<String>) {
    let pair_notes = PairNotes::of(notes, dxs.len());
    // Each diagnosis's first character as a letter bit, found once rather than once per pair.
    let first: Vec<u64> = dxs.iter().map(|d| code_letter(&d.code)).collect();
    for (j, b) in dxs.iter().enumerate() {
        let Some((nb1, nb2)) = pair_notes.get(j) else { continue };
        let ((lb1, lb2), fb) = (pair_notes.letters(j), first.get(j).copied().unwrap_or(0));
        for (i, a) in dxs.iter().enumerate().take(j) {
            if a.code == b.code {
                continue;
            }
            let Some((na1, na2)) = pair_notes.get(i) else { continue };
            let ((la1, la2), fa) = (pair_notes.letters(i), first.get(i).copied().unwrap_or(0));
            // Neither code's notes can name the other: nothing to find for this pair.
            if (la1 | la2) & fb == 0 && (lb1 | lb2) & fa == 0 {
                continue;
            }
            let e1 = covering(notes, na1, la1, &b.code, fb)
                .map(|n| (n, &a.code))
                .or_else(|| covering(notes, nb1, lb1, &a.code, fa).map(|n| (n, &b.code)));
            if let Some((row, owner)) = e1 {
                if !overridden(ctx, &a.code, &b.code) {
                    let Some((at, text)) = notes.cm.note_row_quote(row, notes.edition) else { continue };
                    let (ca, cb, owner) = (dotted(&a.code), dotted(&b.code), dotted(owner));
                    ctx.push(
                        finding(
                            RuleId::DxExcl1,
                            format!(
                                "{ca} and {cb} are not coded together: an Excludes1 note at {at} (for {owner}) says \"{}\". If the conditions are unrelated, add an excludes1Overrides entry with the reason",
                                short(text)
                            ),
                            vintage.clone(),
                        )
                        .at(Location::Diagnosis(b.pos)),
                    );
                }
                continue;
            }
            let e2 = covering(notes, na2, la2, &b.code, fb).or_else(|| covering(notes, nb2, lb2, &a.code, fa));
            if let Some((at, text)) = e2.and_then(|row| notes.cm.note_row_quote(row, notes.edition)) {
                let (ca, cb) = (dotted(&a.code), dotted(&b.code));
                ctx.push(
                    finding(
                        RuleId::DxExcl2,
                        format!("{ca} and {cb} may be reported together when both conditions are present (Excludes2 note at {at}: \"{}\")", short(text)),
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
