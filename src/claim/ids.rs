//! Identifier checks: NPI (Luhn with the 80840 card-issuer prefix) and NDC (11 digits, 5-4-2).

/// Why an NPI is not valid, or `None` when it is.
pub fn npi_problem(raw: &str) -> Option<String> {
    let t = raw.trim();
    if t.len() != 10 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!("NPI `{}` must be exactly 10 digits", clip(t)));
    }
    // Luhn over "80840" + the first nine digits; the tenth is the check digit.
    let digits: Vec<u32> = b"80840".iter().chain(t.as_bytes()).map(|b| u32::from(b.saturating_sub(b'0'))).collect();
    let Some((&check, body)) = digits.split_last() else { return Some("NPI is empty".into()) };
    let mut sum = 0u32;
    for (k, &d) in body.iter().rev().enumerate() {
        let v = if k % 2 == 0 { d.saturating_mul(2) } else { d };
        sum = sum.saturating_add(if v > 9 { v.saturating_sub(9) } else { v });
    }
    let expected = (10u32.saturating_sub(sum % 10)) % 10;
    (expected != check).then(|| format!("NPI {t} fails the check digit (expected last digit {expected}); it is mistyped or not an NPI"))
}

/// Why an NDC is not in the 11-digit billing form, with the padded form when it can be fixed.
pub fn ndc_problem(raw: &str) -> Option<(String, Option<String>)> {
    let t = raw.trim();
    if t.bytes().all(|b| b.is_ascii_digit()) && t.len() == 11 {
        return None;
    }
    let parts: Vec<&str> = t.split('-').collect();
    if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
        let padded = match lens.as_slice() {
            [5, 4, 2] => return None,
            [4, 4, 2] | [5, 3, 2] | [5, 4, 1] => {
                let widths = [5usize, 4, 2];
                Some(parts.iter().zip(widths).map(|(p, w)| format!("{p:0>w$}")).collect::<String>())
            }
            _ => None,
        };
        return Some((
            match &padded {
                Some(p) => format!("NDC {t} is in the 10-digit package form; bill it as 11 digits (5-4-2): {p}"),
                None => format!("NDC {t} is not a 10- or 11-digit NDC"),
            },
            padded,
        ));
    }
    Some((format!("NDC `{}` must be 11 digits (5-4-2, hyphens optional)", clip(t)), None))
}

fn clip(s: &str) -> String {
    s.chars().take(24).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npi_luhn_with_prefix() {
        assert_eq!(npi_problem("1234567893"), None);
        assert!(npi_problem("1234567890").is_some());
        assert!(npi_problem("12345").is_some());
    }

    #[test]
    fn ndc_forms() {
        assert_eq!(ndc_problem("00002143380"), None);
        assert_eq!(ndc_problem("00002-1433-80"), None);
        assert_eq!(ndc_problem("0002-1433-80").and_then(|p| p.1), Some("00002143380".into()));
        assert!(ndc_problem("abc").is_some());
    }
}
