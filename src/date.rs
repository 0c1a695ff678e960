//! Calendar dates for dates of service and code validity windows.
//!
//! Stored as `yyyymmdd` in a `u32`, which orders correctly and is what CMS files use.
use core::fmt;
use serde::{Deserialize, Serialize};

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date(u32);

impl Date {
    /// Latest representable date; used for "no end date".
    pub const MAX: Date = Date(9999_1231);
    /// Earliest representable date.
    pub const MIN: Date = Date(1900_0101);

    /// Builds a date from parts; `None` when the day does not exist.
    pub fn from_ymd(y: u32, m: u32, d: u32) -> Option<Date> {
        if !(1900..=9999).contains(&y) || !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
            return None;
        }
        // Bounded above (y <= 9999, m <= 12, d <= 31), so this is at most 9999_1231.
        Some(Date(y.checked_mul(10_000)?.checked_add(m.checked_mul(100)?)?.checked_add(d)?))
    }

    /// From the packed `yyyymmdd` number, validating it.
    pub fn from_yyyymmdd(n: u32) -> Option<Date> {
        Date::from_ymd(n / 10_000, (n / 100) % 100, n % 100)
    }

    /// The packed `yyyymmdd` number.
    pub fn yyyymmdd(self) -> u32 {
        self.0
    }

    pub fn year(self) -> u32 {
        self.0 / 10_000
    }
    pub fn month(self) -> u32 {
        (self.0 / 100) % 100
    }
    pub fn day(self) -> u32 {
        self.0 % 100
    }

    /// Parses `YYYY-MM-DD`, `YYYYMMDD` or `MM/DD/YYYY` (the forms people and CMS files use).
    pub fn parse(s: &str) -> Option<Date> {
        let s = crate::normalize::trim(s);
        let b = s.as_bytes();
        // At most eight ASCII digits: the value fits a u32, digit by digit.
        let num = |x: &[u8]| -> Option<u32> {
            if x.is_empty() || !x.iter().all(u8::is_ascii_digit) {
                return None;
            }
            Some(x.iter().fold(0u32, |n, d| n.saturating_mul(10).saturating_add(u32::from(d.saturating_sub(b'0')))))
        };
        match b.len() {
            8 => Date::from_yyyymmdd(num(b)?),
            10 if b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') => {
                Date::from_ymd(num(b.get(0..4)?)?, num(b.get(5..7)?)?, num(b.get(8..10)?)?)
            }
            10 if b.get(2) == Some(&b'/') && b.get(5) == Some(&b'/') => {
                Date::from_ymd(num(b.get(6..10)?)?, num(b.get(0..2)?)?, num(b.get(3..5)?)?)
            }
            _ => None,
        }
    }

    /// Parses the CMS Julian form `YYYYDDD` used by the add-on code file.
    pub fn from_julian(s: &str) -> Option<Date> {
        let s = s.trim();
        if s.len() != 7 || !s.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let y: u32 = s.get(0..4)?.parse().ok()?;
        let mut doy: u32 = s.get(4..7)?.parse().ok()?;
        for m in 1..=12 {
            let dim = days_in_month(y, m);
            if doy <= dim {
                return Date::from_ymd(y, m, doy);
            }
            doy = doy.checked_sub(dim)?;
        }
        None
    }

    /// Days since 1970-01-01 (may be negative).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil, in i64. Even for an arbitrary packed `u32` (e.g. a
        // deserialised value) year <= 429_496 and month, day < 100, so every intermediate is
        // below 2^28 in magnitude: the saturating forms never saturate and equal plain `+ - *`.
        let (y, m, d) = (i64::from(self.year()), i64::from(self.month()), i64::from(self.day()));
        let y = if m <= 2 { y.saturating_sub(1) } else { y };
        let era = if y >= 0 { y } else { y.saturating_sub(399) } / 400;
        let yoe = y.saturating_sub(era.saturating_mul(400));
        let mp = m.saturating_add(9) % 12;
        let doy = (mp.saturating_mul(153).saturating_add(2) / 5).saturating_add(d).saturating_sub(1);
        let doe = yoe.saturating_mul(365).saturating_add(yoe / 4).saturating_sub(yoe / 100).saturating_add(doy);
        era.saturating_mul(146_097).saturating_add(doe).saturating_sub(719_468)
    }

    /// Inverse of [`Date::days_since_epoch`]; `None` outside the representable range.
    pub fn from_days_since_epoch(z: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days with checked steps: any overflow (only possible for
        // `z` near the ends of `i64`) is `None`, and so is any year outside 1900..=9999.
        let z = z.checked_add(719_468)?;
        let era = if z >= 0 { z } else { z.checked_sub(146_096)? } / 146_097;
        let doe = z.checked_sub(era.checked_mul(146_097)?)?; // [0, 146_096]
        let yoe = doe.checked_sub(doe / 1460)?.checked_add(doe / 36_524)?.checked_sub(doe / 146_096)? / 365; // [0, 399]
        let y = yoe.checked_add(era.checked_mul(400)?)?;
        let doy = doe.checked_sub(yoe.checked_mul(365)?.checked_add(yoe / 4)?.checked_sub(yoe / 100)?)?; // [0, 365]
        let mp = doy.checked_mul(5)?.checked_add(2)? / 153; // [0, 11]
        let d = doy.checked_sub(mp.checked_mul(153)?.checked_add(2)? / 5)?.checked_add(1)?; // [1, 31]
        let m = if mp < 10 { mp.checked_add(3)? } else { mp.checked_sub(9)? }; // [1, 12]
        let y = if m <= 2 { y.checked_add(1)? } else { y };
        Date::from_ymd(u32::try_from(y).ok()?, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
    }

    /// The day before, if representable.
    pub fn pred(self) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_sub(1)?)
    }

    /// Whole years from `birth` to `self` (age on this date), `None` if born later.
    pub fn years_since(self, birth: Date) -> Option<u32> {
        if birth > self {
            return None;
        }
        let mut years = self.year().checked_sub(birth.year())?;
        if (self.month(), self.day()) < (birth.month(), birth.day()) {
            years = years.checked_sub(1)?;
        }
        Some(years)
    }

    /// Today's date in UTC, from the platform clock (native only; the wasm face passes it in).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap_or(0)).unwrap_or(Date::MIN)
    }
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = (self.year(), self.month(), self.day());
        if y > 9999 {
            return write!(f, "{y:04}-{m:02}-{d:02}");
        }
        // Ten bytes written at once: messages print dates often, and `write!` with widths is slow.
        let digit = |v: u32| char::from_digit(v % 10, 10).map_or(b'0', |c| c as u8);
        let b = [digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), b'-', digit(m / 10), digit(m), b'-', digit(d / 10), digit(d)];
        f.write_str(core::str::from_utf8(&b).unwrap_or("0000-00-00"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_iso_dates_with_zero_padding() {
        for (y, m, d, text) in [(2026, 4, 1, "2026-04-01"), (2024, 12, 31, "2024-12-31"), (1901, 1, 9, "1901-01-09"), (2015, 10, 1, "2015-10-01")] {
            let date = Date::from_ymd(y, m, d).unwrap();
            assert_eq!(date.to_string(), text);
            assert_eq!(Date::parse(text), Some(date));
        }
    }

    #[test]
    fn parses_the_forms_cms_and_people_use() {
        let d = Date::from_ymd(2026, 4, 1).unwrap();
        for s in ["2026-04-01", "20260401", "04/01/2026", " 2026-04-01 "] {
            assert_eq!(Date::parse(s), Some(d), "{s}");
        }
        for s in ["2026-02-30", "2026-13-01", "abc", "", "2026-4-1", "99999999"] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
        assert_eq!(Date::from_julian("2013091"), Date::from_ymd(2013, 4, 1));
        assert_eq!(Date::from_julian("2024366"), Date::from_ymd(2024, 12, 31));
        assert_eq!(Date::from_julian("2023366"), None);
    }

    #[test]
    fn epoch_round_trip_and_age() {
        for n in [1900_01_01, 1970_01_01, 2000_02_29, 2024_12_31, 9999_12_31] {
            let d = Date::from_yyyymmdd(n).unwrap();
            assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), Some(d));
        }
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        let dob = Date::parse("2000-06-15").unwrap();
        assert_eq!(Date::parse("2026-06-14").unwrap().years_since(dob), Some(25));
        assert_eq!(Date::parse("2026-06-15").unwrap().years_since(dob), Some(26));
        assert_eq!(Date::parse("2026-03-01").unwrap().pred(), Date::parse("2026-02-28"));
    }

    #[test]
    fn every_representable_day_round_trips_in_order() {
        let (lo, hi) = (Date::MIN.days_since_epoch(), Date::MAX.days_since_epoch());
        let mut prev = None;
        for z in lo..=hi {
            let d = Date::from_days_since_epoch(z).unwrap();
            assert_eq!(d.days_since_epoch(), z);
            assert!(prev < Some(d));
            assert_eq!(Date::from_yyyymmdd(d.yyyymmdd()), Some(d));
            prev = Some(d);
        }
        assert_eq!(prev, Some(Date::MAX));
    }

    #[test]
    fn hostile_day_counts_and_packed_values_do_not_panic() {
        for z in [i64::MIN, i64::MIN + 1, -719_469, -25_568, i64::MAX - 719_468, i64::MAX] {
            assert_eq!(Date::from_days_since_epoch(z), None, "{z}");
        }
        assert_eq!(Date::MIN.days_since_epoch(), -25_567);
        assert_eq!(Date::MIN.pred(), None);
        assert_eq!(Date::from_days_since_epoch(Date::MAX.days_since_epoch() + 1), None);
        // Any packed value (a deserialised `Date` is not validated) still counts days.
        for n in [0, 1, 99, 1_0000, 19_991_399, u32::MAX] {
            let _ = Date(n).days_since_epoch();
            let _ = Date(n).years_since(Date::MIN);
        }
    }
}
