//! Compile side of `crate::ioce`: the decoded CMS I/OCE tables (`<data>/ioce/*.tsv.gz`, see
//! the README there) → the `ioce` section. Only the columns the in-scope edits read are kept;
//! adjacent version ranges of a key whose kept columns are equal are merged.
mod approval;
mod programs;
mod table;
// ioce-c: edits 98, 99 (data_capc, data_apc, offset_codepair from pyoce).
mod capc_order;
mod pyoce_tables;

use crate::blob::{BlobWriter, SourceFile, Vintage};
use crate::compile::{err, Result};
use crate::ioce::data::{addon_map, dx_flag, hcpcs_flag, modifier_flag, revenue_flag, service_flag, IoceSection, Release, SECTION, VERSION};
use std::path::Path;
use table::{Built, Rows, Tsv};

/// Adds the `ioce` section when the data directory has the I/OCE tables; otherwise nothing.
pub fn add_section(w: &mut BlobWriter, data_dir: &Path) -> Result<()> {
    let dir = data_dir.join("ioce");
    if !dir.join("version_range.tsv.gz").is_file() {
        return Ok(());
    }
    let mut sources = Vec::new();
    let mut open = |stem: &str| -> Result<Tsv> {
        let t = Tsv::read(&dir.join(format!("{stem}.tsv.gz")))?;
        sources.push(SourceFile { name: format!("ioce/{stem}.tsv.gz"), sha256: t.sha256.clone(), role: format!("CMS I/OCE table {stem}") });
        Ok(t)
    };
    let releases = read_releases(&open("version_range")?)?;
    let mut si: Vec<String> = Vec::new();
    let data_hcpcs = open("data_hcpcs")?;
    let hcpcs = read_hcpcs(&data_hcpcs, &mut si)?;
    let revenue = read_revenue(&open("data_revenue")?, &mut si)?;
    let modifiers = read_flags(&open("data_modifier")?, "modifier", &modifier_flag::COLUMNS, |_| true)?;
    let dx_table = open("data_dx10")?;
    let dx = read_flags(&dx_table, "diagnosis", &dx_flag::COLUMNS, |f| f & dx_flag::UNACCEPTABLE_PDX != 0)?;
    let mut addon = Rows::default();
    for (stem, bit) in addon_map::FILES {
        read_pairs(&open(stem)?, "addon", "addon_primary", bit, &mut addon)?;
    }
    let mut device = Rows::default();
    read_pairs(&open("map_device_procedure")?, "code1", "code2", 1, &mut device)?;
    let mut modifier_pairs = Rows::default();
    read_pairs(&open("map_modifier_conflict")?, "modifier1", "modifier2", 1, &mut modifier_pairs)?;
    let modifier_pairs = modifier_pairs.build(4);
    // ioce-c: the tables extracted from pyoce (optional; see pyoce_tables).
    let pyoce = pyoce_tables::read(&crate::compile::sources::default_cache_dir().join(pyoce_tables::CACHE_FOLDER), &mut si)?;
    // Observation and blood flags (edits 43, 44, 51, 53, 58, 73, 79): a table of their own;
    // ioce-21: with the APC status indicator of the conditionally packaged codes (edits 21, 38).
    let hcpcs_services = read_services(&data_hcpcs, &open("map_composite")?, pyoce.as_ref().map(|p| &p.apc_si))?.build(5);
    let mut imrt = Rows::default();
    read_pairs(&open("map_imrt")?, "code1", "code2", 1, &mut imrt)?;
    let imrt = imrt.build(10);
    // I/OCE edits 29, 35, 81, 109, 116, 133, 190, 191: program lists.
    let programs = programs::read_programs(&data_hcpcs)?.build(5);
    let mental_dx = programs::read_mental_dx(&dx_table)?.build(7);
    // I/OCE edits 67, 69, 110, 124, 134: approval and termination dates.
    let approvals = approval::read_approvals(&data_hcpcs)?.build(5);
    // I/OCE edit 104.
    let rhc_conflicts = programs::read_rhc_conflicts(&open("map_conflict_rhc")?)?.build(7);
    drop((data_hcpcs, dx_table));
    let (pyoce_source, pyoce_files) = match &pyoce {
        Some(p) => (format!("; comprehensive-APC rank, APC status indicators and pass-through device pairs from {}", p.provenance), p.sources.clone()),
        None => ("; without the comprehensive-APC rank, APC status indicators and pass-through device pairs (scripts/ioce_pyoce_tables.py not run): I/OCE edits 98 and 99 are not checked, and conditionally packaged codes are not paid in their APCs (edits 21, 38)".to_owned(), Vec::new()),
    };
    let (capc_rank, apc_status, device_offsets) = match pyoce {
        Some(p) => (p.capc_rank, p.apc_status, p.device_offsets),
        None => (Rows::default().build(5), Rows::default().build(5), Rows::default().build(10)),
    };

    let (hcpcs, revenue, modifiers, dx) = (hcpcs.build(5), revenue.build(4), modifiers.build(2), dx.build(7));
    let (addon, device) = (addon.build_merged_flags(10), device.build_merged_flags(10));
    let (first, last) = match (releases.first(), releases.last()) {
        (Some(f), Some(l)) => (f.clone(), l.clone()),
        _ => return Err(err("ioce/version_range.tsv.gz: no releases")),
    };
    let label = format!("I/OCE {} to {}", first.id, last.id);
    let section = IoceSection {
        label: &label,
        releases: releases.clone(),
        status_indicators: si.iter().map(String::as_str).collect(),
        hcpcs: hcpcs.view(),
        revenue: revenue.view(),
        modifiers: modifiers.view(),
        dx: dx.view(),
        addon_pairs: addon.view(),
        device_pairs: device.view(),
        modifier_pairs: modifier_pairs.view(),
        hcpcs_services: hcpcs_services.view(),
        imrt_pairs: imrt.view(),
        programs: programs.view(),
        mental_dx: mental_dx.view(),
        approvals: approvals.view(),
        rhc_conflicts: rhc_conflicts.view(),
        capc_rank: capc_rank.view(),
        apc_status: apc_status.view(),
        device_offsets: device_offsets.view(),
    };
    w.add_section(SECTION, VERSION, &section).map_err(|e| err(format!("ioce section: {e}")))?;
    for (name, b) in [("hcpcs", &hcpcs), ("revenue", &revenue), ("modifiers", &modifiers), ("dx", &dx), ("addon_pairs", &addon), ("device_pairs", &device), ("modifier_pairs", &modifier_pairs), ("hcpcs_services", &hcpcs_services), ("imrt_pairs", &imrt), ("programs", &programs), ("mental_dx", &mental_dx), ("approvals", &approvals), ("rhc_conflicts", &rhc_conflicts), ("capc_rank", &capc_rank), ("apc_status", &apc_status), ("device_offsets", &device_offsets)] {
        w.manifest.counts.push((format!("ioce.{name}.rows"), b.len() as u64));
    }
    w.manifest.vintages.push(Vintage {
        system: "ioce".into(),
        label: format!("{} to {}", first.id, last.id),
        valid_from: first.from,
        valid_to: last.to,
        source: format!("CMS Integrated Outpatient Code Editor data tables, versions 20.2.27 to 27.1.0, as decoded from PyPI pyoce 0.1.0 (ioce/*.tsv.gz){pyoce_source}"),
    });
    w.manifest.sources.extend(sources);
    w.manifest.sources.extend(pyoce_files);
    Ok(())
}

fn read_releases(t: &Tsv) -> Result<Vec<Release>> {
    let (v, id, from, to) = (t.col("version")?, t.col("version_id")?, t.col("date_started")?, t.col("date_ended")?);
    let mut out = Vec::new();
    for (n, r) in t.rows.iter().enumerate() {
        out.push(Release { version: t.num(r, v, n)?, id: r[id].clone(), from: t.num(r, from, n)?, to: t.num(r, to, n)? });
    }
    out.sort_by_key(|r| r.version);
    Ok(out)
}

fn intern(si: &mut Vec<String>, s: &str) -> u32 {
    match si.iter().position(|x| x == s) {
        Some(i) => i as u32,
        None => {
            si.push(s.to_owned());
            (si.len() - 1) as u32
        }
    }
}

fn read_hcpcs(t: &Tsv, si: &mut Vec<String>) -> Result<Rows> {
    let (key, s, lo_age, hi_age) = (t.col("hcpcs")?, t.col("status_indicator")?, t.col("lo_age")?, t.col("hi_age")?);
    let flag_cols = hcpcs_flag::COLUMNS.iter().map(|c| t.col(c)).collect::<Result<Vec<_>>>()?;
    let apc = t.col("apc")?;
    let (trauma, trauma_cc) = (t.col("trauma_revenue_code")?, t.col("trauma_critical_care")?);
    let cols_34x = hcpcs_flag::SERVICES_34X_COLUMNS
        .iter()
        .map(|c| t.col(c))
        .collect::<Result<Vec<_>>>()?;
    let mut rows = Rows::default();
    for (n, r) in t.rows.iter().enumerate() {
        let mut flags = t.flags(r, &flag_cols, n)?;
        if t.flags(r, &cols_34x, n)? != 0 {
            flags |= hcpcs_flag::SERVICE_34X;
        }
        if r[apc] == "05041" {
            flags |= hcpcs_flag::CRITICAL_CARE_APC;
        }
        for (col, bit) in [(trauma, hcpcs_flag::TRAUMA_RESPONSE), (trauma_cc, hcpcs_flag::TRAUMA_CRITICAL_CARE)] {
            if r[col] == "1" {
                flags |= bit;
            }
        }
        let (lo, hi): (u32, u32) = (t.num(r, lo_age, n)?, t.num(r, hi_age, n)?);
        let attrs = intern(si, &r[s]) | lo.min(255) << 8 | hi.min(255) << 16;
        rows.push(&r[key], t.range(r, n)?, flags, attrs);
    }
    Ok(rows)
}

fn read_revenue(t: &Tsv, si: &mut Vec<String>) -> Result<Rows> {
    let (key, s) = (t.col("revenue_code")?, t.col("status_indicator")?);
    let flag_cols = revenue_flag::COLUMNS.iter().map(|c| t.col(c)).collect::<Result<Vec<_>>>()?;
    let mut rows = Rows::default();
    for (n, r) in t.rows.iter().enumerate() {
        let flags = t.flags(r, &flag_cols, n)?;
        rows.push(&r[key], t.range(r, n)?, flags, intern(si, &r[s]));
    }
    Ok(rows)
}

/// A keyed table with some 0/1 columns as flags; rows `keep` rejects are left out.
fn read_flags(t: &Tsv, key: &str, columns: &[&str], keep: impl Fn(u32) -> bool) -> Result<Rows> {
    let key = t.col(key)?;
    let flag_cols = columns.iter().map(|c| t.col(c)).collect::<Result<Vec<_>>>()?;
    let mut rows = Rows::default();
    for (n, r) in t.rows.iter().enumerate() {
        let flags = t.flags(r, &flag_cols, n)?;
        if keep(flags) {
            rows.push(&r[key], t.range(r, n)?, flags, 0);
        }
    }
    Ok(rows)
}

/// ioce-21: the [`service_flag`] rows, with the imaging composite family of the codes
/// `map_composite` lists, and each conditionally packaged (Q1, Q2, Q3) or comprehensive
/// observation (J2) code with 1 + the status-indicator index of its APC in attrs, per version
/// (when `apc_si` is given).
fn read_services(t: &Tsv, composites: &Tsv, apc_si: Option<&std::collections::BTreeMap<(String, u8), u32>>) -> Result<Rows> {
    let (key, s, apc) = (t.col("hcpcs")?, t.col("status_indicator")?, t.col("apc")?);
    let flag_cols = service_flag::COLUMNS.iter().map(|c| t.col(c)).collect::<Result<Vec<_>>>()?;
    let (code, composite_apc, list) = (composites.col("hcpcs")?, composites.col("composite_apc")?, composites.col("list_type")?);
    let mut family: std::collections::BTreeMap<(&str, u8), u32> = std::collections::BTreeMap::new();
    for (n, r) in composites.rows.iter().enumerate() {
        let bit = match r[composite_apc].as_str() {
            "08004" => service_flag::IMAGING_ULTRASOUND,
            "08005" | "08006" => service_flag::IMAGING_CT,
            "08007" | "08008" => service_flag::IMAGING_MRI,
            _ => 0,
        };
        let (lo, hi) = composites.range(r, n)?;
        if r[list] == "A" && bit != 0 {
            for v in lo..=hi {
                family.insert((r[code].as_str(), v), bit);
            }
        }
    }
    let mut rows = Rows::default();
    for (n, r) in t.rows.iter().enumerate() {
        let flags = t.flags(r, &flag_cols, n)?;
        let (lo, hi) = t.range(r, n)?;
        let conditional = apc_si.filter(|_| matches!(r[s].as_str(), "Q1" | "Q2" | "Q3" | "J2"));
        for v in lo..=hi {
            let flags = flags | family.get(&(r[key].as_str(), v)).copied().unwrap_or(0);
            let attrs = conditional.and_then(|m| m.get(&(r[apc].clone(), v))).map_or(0, |i| i + 1);
            if flags != 0 || attrs != 0 {
                rows.push(&r[key], (v, v), flags, attrs);
            }
        }
    }
    Ok(rows)
}

/// A map of code pairs (both five characters, or both two for modifiers).
fn read_pairs(t: &Tsv, a: &str, b: &str, bit: u32, rows: &mut Rows) -> Result<()> {
    let (a, b) = (t.col(a)?, t.col(b)?);
    for (n, r) in t.rows.iter().enumerate() {
        if r[a].len() != r[b].len() || !matches!(r[a].len(), 2 | 5) {
            return Err(err(format!("{}: row {}: codes `{}` `{}` are not both 5 (or 2) characters", t.name, n + 2, r[a], r[b])));
        }
        rows.push(&format!("{}{}", r[a], r[b]), t.range(r, n)?, bit, 0);
    }
    Ok(())
}

impl Built {
    fn view(&self) -> crate::ioce::data::Versioned<'_> {
        use crate::blob::columns::{FixedKeys, U16Col};
        crate::ioce::data::Versioned {
            keys: FixedKeys { width: self.width, bytes: &self.keys },
            range: U16Col(&self.range),
            class: U16Col(&self.class),
            palette: self.palette.clone(),
        }
    }
}
