//! Reads the CMS ICD-10-CM order file ("Code Descriptions in Tabular Order"), the fixed-width
//! alternative to the tabular XML: order number (5), space, code (7), space, billable flag (1),
//! space, short title (60), space, long title.
use super::model::{Edition, TabularCode};
use crate::compile::{err, Result};

/// Parses an order file's text. Titles are the long titles; no notes or chapters.
pub fn parse_order(text: &str) -> Result<Edition> {
    let mut ed = Edition::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let code = line.get(6..13).map(str::trim).ok_or_else(|| err(format!("order file line {}: too short", n + 1)))?;
        let flag = line.get(14..15).ok_or_else(|| err(format!("order file line {}: no billable flag", n + 1)))?;
        let long = line.get(77..).map(str::trim).unwrap_or("");
        if code.is_empty() || !(flag == "0" || flag == "1") {
            return Err(err(format!("order file line {}: not in the CMS order-file layout", n + 1)));
        }
        ed.codes.push(TabularCode {
            code: code.to_owned(),
            title: long.to_owned(),
            billable: flag == "1",
            extension: false,
            needs_seventh: false,
        });
    }
    ed.codes.sort_by(|a, b| a.code.cmp(&b.code));
    // A header whose billable children are all 7-character codes needs a 7th character.
    let billable7: std::collections::HashSet<String> =
        ed.codes.iter().filter(|c| c.billable && c.code.len() == 7).map(|c| c.code[..6].trim_end_matches('X').to_owned()).collect();
    for c in ed.codes.iter_mut() {
        if !c.billable && c.code.len() < 7 && billable7.contains(&c.code) {
            c.needs_seventh = true;
        }
    }
    Ok(ed)
}

/// Decodes order-file bytes (ASCII in practice; Windows-1252 tolerated).
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}
