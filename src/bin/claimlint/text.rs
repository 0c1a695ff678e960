//! Text for a person at a terminal: one line per code or hit, findings indented beneath,
//! and an indented outline for the larger reports (info, describe, grade).
use claimlint::claim::ClaimResult;
use claimlint::search::SearchHit;
use claimlint::{CodeCheck, Finding};
use serde_json::Value;
use std::fmt::Write;

/// `  error   DX-7TH  message  (at /lines/0)` and a `use: …` line per suggestion.
pub fn findings(out: &mut String, list: &[Finding], indent: &str) {
    for f in list {
        let severity = serde_json::to_value(f.severity).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let at = f.pointer().filter(|l| !l.is_empty()).map(|l| format!("  (at {l})")).unwrap_or_default();
        let _ = writeln!(out, "{indent}{severity:<7} {:<12} {}{at}", f.rule, f.message);
        for s in &f.suggestions {
            let _ = writeln!(out, "{indent}        use {}{}", s.code, s.description.as_deref().map(|d| format!("  {d}")).unwrap_or_default());
        }
    }
}

/// `J15.9  billable  Unspecified bacterial pneumonia  [ICD-10-CM FY2026]` and its findings.
pub fn code_check(c: &CodeCheck) -> String {
    let state = serde_json::to_value(c.state).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    let code = if c.code.is_empty() { c.input.as_str() } else { c.code.as_str() };
    let mut s = format!("{code}  {state}");
    if let Some(d) = &c.description {
        let _ = write!(s, "  {d}");
    }
    if let Some(v) = &c.vintage {
        let _ = write!(s, "  [{v}]");
    }
    s.push('\n');
    for x in c.completions.iter().take(10) {
        let _ = writeln!(s, "  > {}{}", x.code, x.description.as_deref().map(|d| format!("  {d}")).unwrap_or_default());
    }
    findings(&mut s, &c.findings, "  ");
    s
}

/// A claim's verdict line, then its findings and input errors.
pub fn claim(r: &ClaimResult, label: &str) -> String {
    let errors = r.findings.iter().chain(&r.input_errors).filter(|f| f.severity == claimlint::Severity::Error).count();
    let all = r.findings.len().saturating_add(r.input_errors.len());
    let id = r.id.as_deref().map(|i| format!(" {i}")).unwrap_or_default();
    let mut s = format!("{label}{id}: {all} finding(s), {errors} error(s)\n");
    if let Some(p) = &r.payer_pack {
        let _ = writeln!(s, "  {p}");
    }
    findings(&mut s, &r.input_errors, "  ");
    findings(&mut s, &r.findings, "  ");
    s
}

/// `J15.9  Unspecified bacterial pneumonia  (icd10cm, billable)`.
pub fn hit(h: &SearchHit) -> String {
    format!("{}  {}  ({}{})", h.code, h.description, h.system, if h.billable { ", billable" } else { "" })
}

/// An indented outline of any JSON value: `key: value`, lists with `-`.
pub fn outline(v: &Value) -> String {
    let mut s = String::new();
    walk(&mut s, v, 0);
    s
}

fn walk(s: &mut String, v: &Value, depth: usize) {
    let pad = "  ".repeat(depth);
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                if is_scalar(x) {
                    let _ = writeln!(s, "{pad}{k}: {}", scalar(x));
                } else if x.as_array().is_some_and(Vec::is_empty) || x.as_object().is_some_and(serde_json::Map::is_empty) {
                    continue;
                } else {
                    let _ = writeln!(s, "{pad}{k}:");
                    walk(s, x, depth.saturating_add(1));
                }
            }
        }
        Value::Array(items) => {
            for x in items {
                if is_scalar(x) {
                    let _ = writeln!(s, "{pad}- {}", scalar(x));
                } else {
                    // Objects in a list: their first line carries the dash.
                    let mut inner = String::new();
                    walk(&mut inner, x, 0);
                    for (i, l) in inner.lines().enumerate() {
                        let _ = writeln!(s, "{pad}{}{l}", if i == 0 { "- " } else { "  " });
                    }
                }
            }
        }
        _ => {
            let _ = writeln!(s, "{pad}{}", scalar(v));
        }
    }
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Object(_) | Value::Array(_))
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "—".into(),
        other => other.to_string(),
    }
}
