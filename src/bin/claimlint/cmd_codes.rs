//! `claimlint codes --system S [--billable] [--on DATE]`: every code of one system valid on
//! a date, one per line (`CODE  description` as text, `{code, description, billable}` as JSON).
use crate::args::{self, CodeArgs};
use crate::out::{Fail, Out, Outcome};
use claimlint::icd10cm::dotted;
use claimlint::procedure::format::CPT_MODIFIERS;
use claimlint::procedure::Table;
use claimlint::{CodeTable, Date, Engine, System};
use serde::Serialize;

#[derive(clap::Args, Debug)]
pub struct CodesArgs {
    #[command(flatten)]
    pub code: CodeArgs,
    /// Billable codes only (ICD-10-CM: leaves out category and subcategory headers).
    #[arg(long)]
    pub billable: bool,
}

#[derive(Serialize)]
struct Listed {
    code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    billable: bool,
}

pub fn run(a: CodesArgs, out: &mut Out) -> Outcome {
    let bytes = a.code.blob.read()?;
    let engine = args::open(&bytes)?;
    let mut emit = |l: Listed| -> Result<(), Fail> {
        if a.billable && !l.billable {
            return Ok(());
        }
        if out.is_text() {
            out.line(&match l.description {
                Some(d) => format!("{}\t{d}", l.code),
                None => l.code,
            })
        } else {
            out.json_line(&l)
        }
    };
    match a.code.system {
        System::Icd10cm => icd10cm(&engine, a.code.on, &mut emit)?,
        System::Hcpcs => hcpcs(&engine, Table::Codes, a.code.on, &mut emit)?,
        System::Modifier => {
            hcpcs(&engine, Table::Modifiers, a.code.on, &mut emit)?;
            let cpt = engine.procedures.as_ref().and_then(|p| p.cpt.as_ref());
            for m in CPT_MODIFIERS {
                emit(Listed { code: (*m).to_owned(), description: cpt.and_then(|c| c.modifier_description(m)).map(str::to_owned), billable: true })?;
            }
        }
        System::Icd10pcs => icd10pcs(&engine, a.code.on, &mut emit)?,
        System::Cpt => {
            let cpt = engine.procedures.as_ref().and_then(|p| p.cpt.as_ref()).ok_or("this blob has no CPT section")?;
            for i in 0..cpt.len() {
                emit(Listed { code: cpt.code(i).to_owned(), description: cpt.description(i).map(str::to_owned), billable: true })?;
            }
        }
    }
    Ok(0)
}

type Emit<'e> = dyn FnMut(Listed) -> Result<(), Fail> + 'e;

fn icd10cm(engine: &Engine<'_>, on: Option<Date>, emit: &mut Emit<'_>) -> Result<(), Fail> {
    let cm = engine.icd10cm.as_ref().ok_or("this blob has no icd10cm section")?;
    let e = match on {
        Some(d) => cm.edition_for(d).ok_or_else(|| format!("no ICD-10-CM edition for {d}"))?,
        None => cm.latest(),
    };
    for i in (0..cm.len()).filter(|&i| cm.exists(i, e)) {
        emit(Listed { code: dotted(cm.code(i)), description: cm.description(i, e), billable: cm.billable(i, e) })?;
    }
    Ok(())
}

fn hcpcs(engine: &Engine<'_>, t: Table, on: Option<Date>, emit: &mut Emit<'_>) -> Result<(), Fail> {
    let h = engine.procedures.as_ref().and_then(|p| p.hcpcs.as_ref()).ok_or("this blob has no HCPCS section")?;
    let on = within(h.window(), on, &h.vintage_name())?.0;
    for i in (0..h.len(t)).filter(|&i| h.valid_on(t, i, on)) {
        emit(Listed { code: h.code(t, i).to_owned(), description: h.short(t, i).map(str::to_owned), billable: true })?;
    }
    Ok(())
}

fn icd10pcs(engine: &Engine<'_>, on: Option<Date>, emit: &mut Emit<'_>) -> Result<(), Fail> {
    let pcs = engine.procedures.as_ref().and_then(|p| p.pcs.as_ref()).ok_or("this blob has no ICD-10-PCS section")?;
    let on = within(pcs.window(), on, &pcs.vintage_name())?.1;
    let mut last = "";
    for r in (0..pcs.rows()).filter(|&r| pcs.row_valid_on(r, on)) {
        let code = pcs.code(r);
        if code != last {
            emit(Listed { code: code.to_owned(), description: None, billable: true })?;
            last = code;
        }
    }
    Ok(())
}

/// The date to list on: `(on or the window's first day, on or its last day)`, or an error
/// when `on` is outside the loaded release's window.
fn within(window: Option<(Date, Date)>, on: Option<Date>, release: &str) -> Result<(Date, Date), Fail> {
    let (from, to) = window.ok_or_else(|| format!("{release}: window unreadable"))?;
    match on {
        Some(d) if d < from || d > to => Err(format!("the loaded {release} answers {from} to {to}, not {d}").into()),
        Some(d) => Ok((d, d)),
        None => Ok((from, to)),
    }
}
