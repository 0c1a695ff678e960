//! Edit rows as read from any PTP source format, before encoding.

/// One edit row. Dates are yyyymmdd; 0 means unknown effective date / no deletion date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EditRow {
    pub column_one: [u8; 5],
    pub column_two: [u8; 5],
    pub effective: u32,
    pub deletion: u32,
    /// CMS modifier indicator digit: 0, 1 or 9.
    pub indicator: u8,
    /// Index into [`Rationales`].
    pub rationale: u8,
}

/// Rationale texts seen so far (CMS uses about a dozen; the encoding allows 16).
#[derive(Debug, Default, Clone)]
pub struct Rationales {
    pub texts: Vec<String>,
    last: usize,
}

impl Rationales {
    /// Index of a rationale text, adding it when new.
    pub fn intern(&mut self, text: &[u8]) -> Result<u8, String> {
        let text = String::from_utf8_lossy(text);
        let text = text.trim();
        if self.texts.get(self.last).is_some_and(|t| t == text) {
            return Ok(self.last as u8);
        }
        let i = match self.texts.iter().position(|t| t == text) {
            Some(i) => i,
            None => {
                if self.texts.len() >= 16 {
                    return Err(format!("more than 16 distinct PTP rationales (new: {text:?})"));
                }
                self.texts.push(text.to_owned());
                self.texts.len() - 1
            }
        };
        self.last = i;
        Ok(i as u8)
    }
}

/// One table as read: rows plus what the manifest says about it.
#[derive(Debug, Clone, Default)]
pub struct RawTable {
    pub rows: Vec<EditRow>,
    /// Release date (yyyymmdd), from the file name.
    pub release: u32,
    /// True for the derived tables, which lack effective dates.
    pub effective_unknown: bool,
    /// First day of a dated history merged in (the I/OCE's 2019-07-01), 0 when none: rows
    /// effective that day may have started earlier; rows without an effective date end before it.
    pub history_start: u32,
    /// Short provenance for the vintage text, e.g. `derived` or `CMS v30.2`.
    pub provenance: String,
    /// (file name, sha256) of every part read.
    pub files: Vec<(String, String)>,
}

/// Parses a 5-character code field.
pub fn code(field: &[u8]) -> Option<[u8; 5]> {
    let f = field.trim_ascii();
    let c: [u8; 5] = f.try_into().ok()?;
    c.iter().all(u8::is_ascii_alphanumeric).then(|| c.map(|b| b.to_ascii_uppercase()))
}

/// Parses `YYYYMMDD` (validated as a calendar date).
pub fn date(field: &[u8]) -> Option<u32> {
    let f = field.trim_ascii();
    let n: u32 = std::str::from_utf8(f).ok()?.parse().ok()?;
    (f.len() == 8 && crate::date::Date::from_yyyymmdd(n).is_some()).then_some(n)
}

/// Parses the modifier indicator digit.
pub fn indicator(field: &[u8]) -> Option<u8> {
    match field.trim_ascii() {
        b"0" => Some(0),
        b"1" => Some(1),
        b"9" => Some(9),
        _ => None,
    }
}
