//! Code queries: exact code and code prefix, with or without the dot, any case.
use crate::blob::columns::CodeTable;
use super::eval::Ctx;
use super::rank::{key, TopK, TIER_EXACT, TIER_PREFIX};

/// The query as a code (upper case, no dot), when it looks like one: one word of letters
/// and digits (one dot allowed), holding a digit, or two letters (a modifier).
pub fn as_code(raw: &str) -> Option<String> {
    let t = raw.trim();
    if t.is_empty() || t.len() > 10 || t.contains(char::is_whitespace) {
        return None;
    }
    if !t.chars().all(|c| c.is_ascii_alphanumeric() || c == '.') || t.matches('.').count() > 1 {
        return None;
    }
    let code: String = t.chars().filter(|c| *c != '.').map(|c| c.to_ascii_uppercase()).collect();
    let modifier_like = code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic());
    (code.chars().any(|c| c.is_ascii_digit()) || modifier_like).then_some(code)
}

/// Adds exact and prefix code hits (at most `limit` per system) to `top`.
pub fn code_matches(ctx: &Ctx<'_, '_, '_>, code: &str, top: &mut TopK<usize>, limit: usize) {
    let digits = code.chars().any(|c| c.is_ascii_digit());
    if let (Some(cm), Some(e), true) = (ctx.cm, ctx.edition, ctx.icd_allowed) {
        let mut taken = 0usize;
        for i in cm.prefix_range(code) {
            if taken >= limit {
                break;
            }
            if !cm.exists(i, e) || (ctx.billable_only && !cm.billable(i, e)) {
                continue;
            }
            let exact = cm.code(i) == code;
            if !exact && !digits {
                break;
            }
            let tier = if exact { TIER_EXACT } else { TIER_PREFIX };
            top.push(key(tier, false, true, 0, 0, false, i), i);
            taken = taken.saturating_add(1);
        }
    }
    for (g, allowed) in ctx.ix.s.groups.iter().zip(&ctx.groups_allowed) {
        if !allowed {
            continue;
        }
        let mut taken = 0usize;
        for i in g.codes.prefix_range(code.as_bytes()) {
            if taken >= limit {
                break;
            }
            let billable = g.billable.get(i).copied().unwrap_or(0) != 0;
            if ctx.billable_only && !billable {
                continue;
            }
            let exact = g.codes.key(i) == Some(code.as_bytes());
            if !exact && !digits {
                break;
            }
            let doc = (g.first_doc as usize).saturating_add(i);
            let tier = if exact { TIER_EXACT } else { TIER_PREFIX };
            top.push(key(tier, false, true, 0, 0, false, doc), doc);
            taken = taken.saturating_add(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::as_code;

    #[test]
    fn code_shapes() {
        assert_eq!(as_code(" k35.2 ").as_deref(), Some("K352"));
        assert_eq!(as_code("E0100").as_deref(), Some("E0100"));
        assert_eq!(as_code("lt").as_deref(), Some("LT"));
        assert_eq!(as_code("htn"), None);
        assert_eq!(as_code("type 2"), None);
    }
}
