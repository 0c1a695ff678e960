//! Reads the CMS HCPCS ANWEB fixed-width file (record layout `HCPC20xx_recordlayout.txt`).
//!
//! RIC 3 = first line of a procedure code, 4 = its description continuations; RIC 7/8 the same
//! for modifiers (modifier in columns 4–5). One record may run past 320 characters (trailing
//! spaces) and the file ends with a blank trailer line; both are tolerated.
use super::files::{self, Source};
use crate::blob::columns::{build, DeltaCol, FixedKeys, NulStrs, U32Col};
use crate::blob::{BlobWriter, Vintage};
use crate::compile::{err, Result, SearchDoc};
use crate::procedure::hcpcs::{HcpcsSection, HcpcsTable, SECTION, VERSION};
use crate::system::System;
use std::path::Path;

/// One code or modifier as the file states it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    pub code: String,
    /// Continuation texts joined by one space, each part trimmed.
    pub long: String,
    pub short: String,
    pub added: u32,
    pub action_effective: u32,
    pub terminated: u32,
    pub action: u8,
    pub coverage: u8,
    pub betos: String,
    pub tos: String,
    pub pricing: String,
    pub multiple_pricing: u8,
    pub lab_cert: String,
    pub xref: String,
}

/// The parsed file.
#[derive(Debug, Clone, Default)]
pub struct Anweb {
    pub codes: Vec<Record>,
    pub modifiers: Vec<Record>,
    /// e.g. `2026 January`.
    pub label: String,
    /// Release effective date (yyyymmdd).
    pub release: u32,
    pub source_name: String,
    pub sha256: String,
}

/// Columns `a..=b` (1-based, as in the record layout), trimmed.
fn col(line: &str, a: usize, b: usize) -> &str {
    line.get(a - 1..b.min(line.len())).unwrap_or("").trim()
}

/// Slots of width `w` in columns `a..=b`, blanks dropped, concatenated.
fn slots(line: &str, a: usize, b: usize, w: usize) -> String {
    let raw = line.get(a - 1..b.min(line.len())).unwrap_or("");
    raw.as_bytes().chunks(w).map(|c| String::from_utf8_lossy(c).trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

fn date(line: &str, a: usize, b: usize, what: &str, lineno: usize) -> Result<u32> {
    let s = col(line, a, b);
    if s.is_empty() {
        return Ok(0);
    }
    s.parse().map_err(|_| err(format!("HCPCS line {lineno}: bad {what} `{s}`")))
}

fn byte(line: &str, at: usize) -> u8 {
    line.as_bytes().get(at - 1).copied().unwrap_or(b' ')
}

/// Parses the ANWEB text into codes and modifiers, in file order.
pub fn parse(text: &str) -> Result<(Vec<Record>, Vec<Record>)> {
    let mut codes: Vec<Record> = Vec::new();
    let mut mods: Vec<Record> = Vec::new();
    let mut last_is_mod = None;
    for (n, line) in text.split('\n').enumerate() {
        let line = line.trim_end_matches('\r');
        let lineno = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let ric = byte(line, 11);
        let part = col(line, 12, 91).to_owned();
        match ric {
            b'3' | b'7' => {
                let is_mod = ric == b'7';
                let code = if is_mod { col(line, 4, 5) } else { col(line, 1, 5) }.to_owned();
                if code.is_empty() {
                    return Err(err(format!("HCPCS line {lineno}: record without a code")));
                }
                let r = Record {
                    code,
                    long: part,
                    short: col(line, 92, 119).to_owned(),
                    added: date(line, 269, 276, "added date", lineno)?,
                    action_effective: date(line, 277, 284, "action effective date", lineno)?,
                    terminated: date(line, 285, 292, "termination date", lineno)?,
                    action: byte(line, 293),
                    coverage: byte(line, 230),
                    betos: col(line, 257, 259).to_owned(),
                    tos: slots(line, 261, 265, 1),
                    pricing: slots(line, 120, 127, 2),
                    multiple_pricing: byte(line, 128),
                    lab_cert: slots(line, 181, 204, 3),
                    xref: slots(line, 205, 229, 5),
                };
                if is_mod { mods.push(r) } else { codes.push(r) }
                last_is_mod = Some(is_mod);
            }
            b'4' | b'8' => {
                let is_mod = ric == b'8';
                if last_is_mod != Some(is_mod) {
                    return Err(err(format!("HCPCS line {lineno}: continuation record without its first line")));
                }
                let target = if is_mod { mods.last_mut() } else { codes.last_mut() };
                let r = target.ok_or_else(|| err(format!("HCPCS line {lineno}: orphan continuation")))?;
                if !part.is_empty() {
                    if !r.long.is_empty() {
                        r.long.push(' ');
                    }
                    r.long.push_str(&part);
                }
            }
            other => return Err(err(format!("HCPCS line {lineno}: unknown record identification code `{}`", other as char))),
        }
    }
    Ok((codes, mods))
}

/// `2026 January` and 20260101 from a name like `HCPC2026_JAN_ANWEB_...`.
fn release_of(name: &str) -> (String, u32) {
    const MONTHS: [(&str, &str, u32); 4] = [("_jan", "January", 1), ("_apr", "April", 4), ("_jul", "July", 7), ("_oct", "October", 10)];
    let lower = name.to_ascii_lowercase();
    let year: u32 = lower
        .find("hcpc")
        .and_then(|i| lower.get(i + 4..i + 8))
        .and_then(|y| y.parse().ok())
        .unwrap_or(0);
    let (mname, m) = MONTHS.iter().find(|(k, _, _)| lower.contains(k)).map(|(_, n, m)| (*n, *m)).unwrap_or(("January", 1));
    (format!("{year} {mname}"), year * 10_000 + m * 100 + 1)
}

/// Finds and parses the ANWEB file (plain `*anweb*.txt`, or inside the CMS zip).
pub fn read(data_dir: &Path) -> Result<Option<Anweb>> {
    let dir = data_dir.join("hcpcs");
    let pred = |n: &str| n.contains("anweb") && n.ends_with(".txt") && !n.contains("correction");
    let Some(src) = files::find(&dir, pred)? else { return Ok(None) };
    from_source(&src).map(Some)
}

/// Parses an already-read ANWEB source.
pub fn from_source(src: &Source) -> Result<Anweb> {
    let text = files::ascii_text(src)?;
    let (codes, modifiers) = parse(&text).map_err(|e| err(format!("{}: {}", src.name, e.0)))?;
    let (label, release) = release_of(&src.name);
    Ok(Anweb { codes, modifiers, label, release, source_name: src.name.clone(), sha256: src.sha256.clone() })
}

struct TableBytes {
    codes: Vec<u8>,
    long: Vec<u8>,
    short: Vec<u8>,
    added: Vec<u8>,
    eff: Vec<u8>,
    term: Vec<u8>,
    action: Vec<u8>,
    coverage: Vec<u8>,
    betos: Vec<u8>,
    tos: Vec<u8>,
    pricing: Vec<u8>,
    mult: Vec<u8>,
    lab: Vec<u8>,
    xref: Vec<u8>,
}

fn table_bytes(recs: &[Record], width: u8, pool: &mut build::StrPoolBuilder) -> Result<TableBytes> {
    let mut sorted: Vec<&Record> = recs.iter().collect();
    sorted.sort_by(|a, b| a.code.cmp(&b.code));
    if sorted.windows(2).any(|w| w[0].code == w[1].code) {
        return Err(err("HCPCS: duplicate code in the ANWEB file"));
    }
    let keys = |f: &dyn Fn(&Record) -> &str, w: u8| build::fixed_keys(&sorted.iter().map(|r| f(r)).collect::<Vec<_>>(), w);
    Ok(TableBytes {
        codes: keys(&|r| &r.code, width),
        long: build::deltas(sorted.iter().map(|r| pool.intern(&r.long))),
        short: build::deltas(sorted.iter().map(|r| pool.intern(&r.short))),
        added: build::u32s(sorted.iter().map(|r| r.added)),
        eff: build::u32s(sorted.iter().map(|r| r.action_effective)),
        term: build::u32s(sorted.iter().map(|r| r.terminated)),
        action: sorted.iter().map(|r| r.action).collect(),
        coverage: sorted.iter().map(|r| r.coverage).collect(),
        betos: keys(&|r| &r.betos, 3),
        tos: keys(&|r| &r.tos, 5),
        pricing: keys(&|r| &r.pricing, 8),
        mult: sorted.iter().map(|r| r.multiple_pricing).collect(),
        lab: keys(&|r| &r.lab_cert, 24),
        xref: keys(&|r| &r.xref, 25),
    })
}

fn table<'a>(b: &'a TableBytes, width: u8) -> HcpcsTable<'a> {
    let rows = (b.codes.len() / usize::from(width)) as u32;
    HcpcsTable {
        codes: FixedKeys { width, bytes: &b.codes },
        long: DeltaCol::new(rows, &b.long),
        short: DeltaCol::new(rows, &b.short),
        added: U32Col(&b.added),
        action_effective: U32Col(&b.eff),
        terminated: U32Col(&b.term),
        action: &b.action,
        coverage: &b.coverage,
        betos: FixedKeys { width: 3, bytes: &b.betos },
        tos: FixedKeys { width: 5, bytes: &b.tos },
        pricing: FixedKeys { width: 8, bytes: &b.pricing },
        multiple_pricing: &b.mult,
        lab_cert: FixedKeys { width: 24, bytes: &b.lab },
        xref: FixedKeys { width: 25, bytes: &b.xref },
    }
}

/// Adds the `hcpcs` section and returns one search document per code and modifier.
pub fn add_section(w: &mut BlobWriter, a: &Anweb) -> Result<Vec<SearchDoc>> {
    let mut pool = build::StrPoolBuilder::default();
    let codes = table_bytes(&a.codes, 5, &mut pool)?;
    let mods = table_bytes(&a.modifiers, 2, &mut pool)?;
    let data = pool.finish_nul();
    let window_end = (a.release / 10_000) * 10_000 + 1231;
    let section = HcpcsSection {
        label: &a.label,
        window: (a.release, window_end),
        codes: table(&codes, 5),
        modifiers: table(&mods, 2),
        strings: NulStrs::new(&data),
    };
    w.add_section(SECTION, VERSION, &section).map_err(|e| err(format!("hcpcs section: {e}")))?;
    w.manifest.counts.push(("hcpcs.codes".into(), a.codes.len() as u64));
    w.manifest.counts.push(("hcpcs.modifiers".into(), a.modifiers.len() as u64));
    let current = a.codes.iter().filter(|r| r.terminated == 0 || r.terminated >= a.release).count();
    w.manifest.counts.push(("hcpcs.codes_current".into(), current as u64));
    w.manifest.vintages.push(Vintage {
        system: "hcpcs".into(),
        label: a.label.clone(),
        valid_from: a.release,
        valid_to: window_end,
        source: format!("CMS HCPCS Level II {} alpha-numeric file ({}); earlier dates answered from each code's added and termination dates", a.label, a.source_name),
    });
    w.manifest.sources.push(crate::blob::SourceFile { name: a.source_name.clone(), sha256: a.sha256.clone(), role: format!("hcpcs {} codes and modifiers", a.label) });
    let doc = |r: &Record, system: System| SearchDoc {
        system,
        code: r.code.clone(),
        text: r.long.clone(),
        extra: vec![r.short.clone()],
        billable: r.terminated == 0 || r.terminated >= a.release,
    };
    Ok(a.codes.iter().map(|r| doc(r, System::Hcpcs)).chain(a.modifiers.iter().map(|r| doc(r, System::Modifier))).collect())
}
