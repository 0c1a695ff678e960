//! Numbers in finding messages (units, charges) written exactly as Rust's `{}` writes an
//! `f64` — the shortest digits that read back as the same number, in plain decimal notation
//! (`2.5`, `1e21` as `1000000000000000000000`, `-0`, `inf`, `NaN`) — without core's float
//! formatter (Grisu and Dragon4 with their tables, ~14 KB of the wasm module).
//!
//! The number's exact decimal expansion comes from a small base-10⁹ big integer; for each
//! length from 1 digit up, the two decimals of that length around it (rounded down and up)
//! are read back with `str::parse` (which the module carries anyway) and the first length
//! that reads back wins, the nearer candidate first and upward on a tie, as Dragon4 rounds.
//! Only messages call this, so speed does not matter; a test holds it to `format!("{}")`.
use core::fmt;

/// `x` as `{}` writes it.
pub struct Shortest(pub f64);

impl fmt::Display for Shortest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&shortest(self.0))
    }
}

/// `x` as `format!("{x}")` writes it.
pub fn shortest(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return format!("{sign}0");
    }
    let (digits, point) = shortest_digits(x.abs());
    format!("{sign}{}", plain(&digits, point))
}

/// Digits `d1 d2 ...` and exponent `k` of 0.d1d2... × 10^k, written without an exponent.
fn plain(digits: &str, point: i32) -> String {
    let len = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    let zeros = |n: i32| "0".repeat(usize::try_from(n).unwrap_or(0));
    if point <= 0 {
        format!("0.{}{digits}", zeros(point.saturating_neg()))
    } else if point < len {
        match digits.split_at_checked(usize::try_from(point).unwrap_or(0)) {
            Some((int, frac)) => format!("{int}.{frac}"),
            None => digits.to_owned(),
        }
    } else {
        format!("{digits}{}", zeros(point.saturating_sub(len)))
    }
}

/// The shortest digits (no trailing zeros) and decimal exponent of a finite positive `x`.
fn shortest_digits(x: f64) -> (String, i32) {
    let (exact, point) = exact_digits(x);
    let reads_back = |digits: &str, point: i32| format!("0.{digits}e{point}").parse::<f64>().ok() == Some(x);
    for len in 1..exact.len() {
        let Some((head, rest)) = exact.split_at_checked(len) else { continue };
        let (up, up_point) = round_up(head, point);
        let down_ok = reads_back(head, point);
        let up_ok = reads_back(&up, up_point);
        // The nearer of the two first: up when the rest is half or more (an exact half, as
        // at 2^-25 = 2.98023223876953125e-8, rounds up as Dragon4 does).
        let up_nearer = rest.as_bytes().first().is_some_and(|&d| d >= b'5');
        match (down_ok, up_ok) {
            (true, true) if up_nearer => return (up, up_point),
            (true, _) => return (trimmed(head), point),
            (false, true) => return (up, up_point),
            (false, false) => {}
        }
    }
    (exact, point)
}

/// `digits` plus one in its last place (a carry out of the first digit raises the exponent),
/// without trailing zeros.
fn round_up(digits: &str, point: i32) -> (String, i32) {
    let mut out: Vec<u8> = digits.bytes().collect();
    for d in out.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d = d.saturating_add(1);
            return (trimmed(&String::from_utf8_lossy(&out)), point);
        }
    }
    ("1".into(), point.saturating_add(1))
}

fn trimmed(digits: &str) -> String {
    digits.trim_end_matches('0').to_owned()
}

/// One billion: a limb of the big integer holds nine decimal digits.
const LIMB: u64 = 1_000_000_000;

/// All decimal digits of a finite positive `x` (no leading or trailing zeros) and the
/// exponent `k` with x = 0.digits × 10^k. x = m × 2^e exactly; for e < 0 that is
/// m × 5^-e / 10^-e, so the digits are those of the integer m × 2^e or m × 5^-e.
fn exact_digits(x: f64) -> (String, i32) {
    let bits = x.to_bits();
    let fraction = bits & ((1 << 52) - 1);
    let biased = i32::try_from(bits >> 52).unwrap_or(0);
    let (m, e) = if biased == 0 { (fraction, -1074) } else { (fraction | (1 << 52), biased.saturating_sub(1075)) };
    let mut n: Vec<u64> = vec![m % LIMB, (m / LIMB) % LIMB, m / (LIMB * LIMB)];
    // 2^29 and 5^13 are the largest powers whose product with a limb fits a u64.
    let (base, big, per_big, times) = if e >= 0 { (2, 1 << 29, 29, e) } else { (5, 1_220_703_125, 13, e.saturating_neg()) };
    for _ in 0..times.checked_div(per_big).unwrap_or(0) {
        multiply(&mut n, big);
    }
    for _ in 0..times.checked_rem(per_big).unwrap_or(0) {
        multiply(&mut n, base);
    }
    let mut text = String::new();
    for (i, limb) in n.iter().rev().enumerate() {
        if i == 0 {
            text.push_str(&limb.to_string());
        } else {
            text.push_str(&format!("{limb:09}"));
        }
    }
    let all = text.trim_start_matches('0');
    let scale = if e >= 0 { 0 } else { e.saturating_neg() };
    let point = i32::try_from(all.len()).unwrap_or(i32::MAX).saturating_sub(scale);
    (trimmed(all), point)
}

/// `n *= factor` for a small factor, limbs least significant first.
fn multiply(n: &mut Vec<u64>, factor: u64) {
    let mut carry = 0u64;
    for limb in n.iter_mut() {
        let v = limb.saturating_mul(factor).saturating_add(carry);
        *limb = v % LIMB;
        carry = v / LIMB;
    }
    while carry > 0 {
        n.push(carry % LIMB);
        carry /= LIMB;
    }
}

#[cfg(test)]
mod tests {
    use super::shortest;

    /// A small deterministic generator (xorshift64*), so a failure names a reproducible case.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
    }

    fn same(x: f64) {
        assert_eq!(shortest(x), format!("{x}"), "bits {:#x}", x.to_bits());
    }

    #[test]
    fn edge_values_print_as_format_prints_them() {
        for x in [
            0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1.5, 2.5, 99_999.0, 99_999.5, 100_000.0, 10_000_000.0, 9_999_999.99, 145.0, 62.5, 0.005,
            1e-7, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 123_456_789.012_345_68, 5e-324, -5e-324, 2.225_073_858_507_201e-308,
            f64::MIN_POSITIVE, f64::MAX, f64::MIN, f64::EPSILON, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 9_007_199_254_740_993.0,
            0.000_1, 1.0 / 3.0, 2.0 / 3.0, 1e300, 1e-300, 4.35, 0.015, 1.005, 100.001,
        ] {
            same(x);
        }
        for p in -1074..=1023 {
            same(2f64.powi(p));
            same(-(2f64.powi(p)));
        }
        for p in -323..=308 {
            same(format!("1e{p}").parse().expect("power of ten"));
        }
    }

    #[test]
    fn units_and_charges_print_as_format_prints_them() {
        // What claims hold: units with up to four decimals, charges in cents and fractions
        // of cents, up to beyond the 837's amount field.
        for i in 0..50_000u32 {
            same(f64::from(i) / 10_000.0);
            same(f64::from(i) / 100.0 + 9_999_000.0);
            same(-(f64::from(i) / 1_000.0));
            same(f64::from(i) * 3.3);
        }
    }

    #[test]
    fn random_bit_patterns_print_as_format_prints_them() {
        // CLAIMLINT_FULL=1 (CI) runs eight times as many.
        let n = if std::env::var_os("CLAIMLINT_FULL").is_some() { 400_000 } else { 50_000 };
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..n {
            let x = f64::from_bits(rng.next());
            same(x);
            // Numbers of ordinary size, where messages' values lie.
            same(f64::from_bits((rng.next() & 0x000f_ffff_ffff_ffff) | (0x3f0u64 + rng.next() % 0x60) << 52));
        }
    }
}
