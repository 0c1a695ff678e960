//! Reading the decoded I/OCE TSV files and packing versioned rows.
use crate::blob::columns::build;
use crate::compile::sources::sha256_hex;
use crate::compile::{err, Result};
use std::io::Read;
use std::path::Path;

/// A gzip TSV table: header names and rows of fields.
pub struct Tsv {
    pub name: String,
    pub sha256: String,
    header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Tsv {
    pub fn read(path: &Path) -> Result<Tsv> {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let gz = std::fs::read(path).map_err(|e| err(format!("{}: {e}", path.display())))?;
        let mut text = String::new();
        flate2::read::GzDecoder::new(gz.as_slice()).read_to_string(&mut text).map_err(|e| err(format!("{name}: {e}")))?;
        let mut lines = text.lines();
        let header: Vec<String> = lines.next().unwrap_or("").split('\t').map(str::to_owned).collect();
        let mut rows = Vec::new();
        for (n, l) in lines.enumerate() {
            let r: Vec<String> = l.split('\t').map(str::to_owned).collect();
            if r.len() != header.len() {
                return Err(err(format!("{name}: line {}: {} fields, the header has {}", n + 2, r.len(), header.len())));
            }
            rows.push(r);
        }
        Ok(Tsv { name, sha256: sha256_hex(&gz), header, rows })
    }

    pub fn col(&self, c: &str) -> Result<usize> {
        self.header.iter().position(|h| h == c).ok_or_else(|| err(format!("{}: no column `{c}`", self.name)))
    }

    pub fn num<T: std::str::FromStr>(&self, r: &[String], c: usize, n: usize) -> Result<T> {
        r[c].parse().map_err(|_| err(format!("{}: line {}: `{}` is not a number", self.name, n + 2, r[c])))
    }

    /// Bit i set when column `cols[i]` is 1.
    pub fn flags(&self, r: &[String], cols: &[usize], n: usize) -> Result<u32> {
        let mut f = 0u32;
        for (bit, &c) in cols.iter().enumerate() {
            match r[c].as_str() {
                "0" => {}
                "1" => f |= 1 << bit,
                v => return Err(err(format!("{}: line {}: flag `{}` is `{v}`, not 0 or 1", self.name, n + 2, self.header[c]))),
            }
        }
        Ok(f)
    }

    /// `(lo_version, hi_version)`.
    pub fn range(&self, r: &[String], n: usize) -> Result<(u8, u8)> {
        Ok((self.num(r, self.col("lo_version")?, n)?, self.num(r, self.col("hi_version")?, n)?))
    }
}

/// Versioned rows before packing.
#[derive(Default)]
pub struct Rows(Vec<(String, u8, u8, u32, u32)>);

impl Rows {
    pub fn push(&mut self, key: &str, (lo, hi): (u8, u8), flags: u32, attrs: u32) {
        self.0.push((key.to_owned(), lo, hi, flags, attrs));
    }

    /// Sorted by key then first version; adjacent ranges with equal columns merged.
    pub fn build(mut self, width: u8) -> Built {
        self.0.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        let mut merged: Vec<(String, u8, u8, u32, u32)> = Vec::new();
        for r in self.0 {
            match merged.last_mut() {
                Some(m) if m.0 == r.0 && m.3 == r.3 && m.4 == r.4 && m.2.checked_add(1) == Some(r.1) => m.2 = r.2,
                _ => merged.push(r),
            }
        }
        pack(merged, width)
    }

    /// For pair maps from several files: rows of one key whose ranges are equal are one row
    /// with the files' bits ORed, then packed as [`Rows::build`]. Overlapping unequal ranges
    /// of one key from different files are split per version.
    pub fn build_merged_flags(self, width: u8) -> Built {
        let mut per: std::collections::BTreeMap<(String, u8), u32> = std::collections::BTreeMap::new();
        for (k, lo, hi, f, _) in self.0 {
            for v in lo..=hi {
                *per.entry((k.clone(), v)).or_default() |= f;
            }
        }
        let mut rows = Rows::default();
        for ((k, v), f) in per {
            rows.push(&k, (v, v), f, 0);
        }
        rows.build(width)
    }
}

fn pack(rows: Vec<(String, u8, u8, u32, u32)>, width: u8) -> Built {
    let w = usize::from(width);
    let mut keys = Vec::with_capacity(rows.len() * w);
    for r in &rows {
        assert!(r.0.len() <= w && !r.0.contains(' '), "I/OCE key `{}` does not fit width {w}", r.0);
        keys.extend_from_slice(r.0.as_bytes());
        keys.resize(keys.len() + (w - r.0.len()), b' ');
    }
    let mut palette: Vec<(u32, u32)> = rows.iter().map(|r| (r.3, r.4)).collect();
    palette.sort_unstable();
    palette.dedup();
    let class = rows.iter().map(|r| u16::try_from(palette.binary_search(&(r.3, r.4)).expect("in the palette")).expect("under 65,536 classes"));
    Built {
        width,
        len: rows.len(),
        keys,
        range: build::u16s(rows.iter().map(|r| u16::from(r.1) << 8 | u16::from(r.2))),
        class: build::u16s(class),
        palette,
    }
}

/// Packed columns of one versioned table.
pub struct Built {
    pub width: u8,
    len: usize,
    pub keys: Vec<u8>,
    pub range: Vec<u8>,
    pub class: Vec<u8>,
    pub palette: Vec<(u32, u32)>,
}

impl Built {
    pub fn len(&self) -> usize {
        self.len
    }
}
