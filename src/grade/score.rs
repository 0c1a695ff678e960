//! Pairs entered codes with expected codes and turns the pairs into credit and a score.
use super::compare::{compare_dx, compare_proc};
use super::entries::{Entry, EntryKind, Expected, ExpectedKind};
use super::model::Rubric;
use super::result::{round, Decision, Field, Item, Mark, Sequencing};
use super::text;
use super::weights::Weights;

/// Expected index → entry index and decision.
pub type Pairs = Vec<Option<(usize, Decision)>>;

/// Best-first matching: the closest relation wins, then an entry in the same field.
pub fn pair(expected: &[Expected<'_>], entries: &[Entry]) -> Pairs {
    let mut cands = Vec::new();
    for (ei, e) in expected.iter().enumerate() {
        for (ai, a) in entries.iter().enumerate() {
            let d = match (&e.kind, &a.kind) {
                (ExpectedKind::Dx(k), EntryKind::Dx(p)) => compare_dx(k, p),
                (ExpectedKind::Proc(k), EntryKind::Proc(p)) => compare_proc(k, p),
                _ => None,
            };
            if let Some(d) = d {
                let same_field = u8::from(e.field != a.field);
                cands.push((d, same_field, ei, ai));
            }
        }
    }
    // Every candidate differs (its indices do): an unstable sort orders them the same way.
    cands.sort_unstable();
    let mut pairs: Pairs = vec![None; expected.len()];
    let mut used = vec![false; entries.len()];
    for (d, _, ei, ai) in cands {
        let free_e = pairs.get(ei).is_some_and(|p| p.is_none());
        let free_a = used.get(ai).is_some_and(|u| !u);
        if free_e && free_a {
            if let Some(slot) = pairs.get_mut(ei) {
                *slot = Some((ai, d));
            }
            if let Some(u) = used.get_mut(ai) {
                *u = true;
            }
        }
    }
    // Leftovers in the same field are "wrong" (something else was entered in its place).
    for (ei, e) in expected.iter().enumerate() {
        if e.optional || pairs.get(ei).is_some_and(|p| p.is_some()) {
            continue;
        }
        let same_kind = |a: &Entry| {
            matches!(
                (&e.kind, &a.kind),
                (ExpectedKind::Dx(_), EntryKind::Dx(_))
                    | (ExpectedKind::Proc(_), EntryKind::Proc(_))
            )
        };
        let pick = (0..entries.len())
            .filter(|ai| !used.get(*ai).copied().unwrap_or(true))
            .filter(|ai| entries.get(*ai).is_some_and(same_kind))
            .min_by_key(|ai| (entries.get(*ai).map(|a| a.field != e.field), *ai));
        if let Some(ai) = pick {
            if let Some(slot) = pairs.get_mut(ei) {
                *slot = Some((ai, Decision::Wrong));
            }
            if let Some(u) = used.get_mut(ai) {
                *u = true;
            }
        }
    }
    pairs
}

/// Credit for a decision under the weights.
pub fn credit(d: Decision, w: &Weights) -> f64 {
    match d {
        Decision::Exact | Decision::Alternate => 1.0,
        Decision::MissingPlaceholder => w.placeholder,
        Decision::WrongSeventh => w.wrong_seventh,
        Decision::MissingSeventh => w.missing_seventh,
        Decision::Laterality => w.laterality,
        Decision::SameSubcategory | Decision::WrongIntent => w.subcategory,
        Decision::SameCategory => w.category,
        Decision::SameBlock => w.block,
        Decision::SameChapter => w.chapter,
        Decision::Modifier => w.modifier,
        Decision::Units => w.units,
        Decision::ModifierAndUnits => w.modifier_and_units,
        Decision::Wrong | Decision::Missing | Decision::OptionalOmitted | Decision::Extra => 0.0,
    }
}

fn mark(d: Decision, credit: f64) -> Mark {
    match d {
        Decision::Exact | Decision::Alternate => Mark::Correct,
        Decision::Missing => Mark::Missing,
        Decision::OptionalOmitted => Mark::NotScored,
        _ if credit > 0.0 => Mark::Partial,
        _ => Mark::Incorrect,
    }
}

/// Builds the graded items (without practice rules) and the sequencing verdict.
pub fn items(
    rubric: Rubric,
    expected: &[Expected<'_>],
    entries: &[Entry],
    pairs: &Pairs,
    w: &Weights,
) -> (Vec<Item>, Option<Sequencing>) {
    let mut items = Vec::new();
    let mut sequencing = None;
    for (ei, e) in expected.iter().enumerate() {
        let pair = pairs.get(ei).copied().flatten();
        let entry = pair.and_then(|(ai, _)| entries.get(ai));
        let decision = match pair {
            Some((_, d)) => d,
            None if e.optional => Decision::OptionalOmitted,
            None => Decision::Missing,
        };
        let mut c = credit(decision, w);
        if e.field == Field::Principal {
            let (seq, penalty) = sequence(entry, entries, pairs, c, w);
            c = (c - penalty).max(0.0);
            sequencing = Some(seq);
        }
        let c = round(c, 3);
        let cx = text::Context {
            rubric,
            credit: c,
            entered: entry.map_or("", Entry::code),
        };
        items.push(Item {
            field: e.field,
            expected: e.label.clone(),
            answered: entry.map(|a| a.label.clone()),
            decision,
            mark: mark(decision, c),
            credit: c,
            reason: text::reason(decision, cx),
            rule: text::rule(decision, cx),
            explanation: e.explanation.clone(),
        });
    }
    (items, sequencing)
}

/// Was the expected principal entered first? Returns the verdict and the points it costs.
fn sequence(
    entry: Option<&Entry>,
    entries: &[Entry],
    pairs: &Pairs,
    credit: f64,
    w: &Weights,
) -> (Sequencing, f64) {
    let rule = Some(text::SEQUENCING_RULE.to_owned());
    match entry {
        Some(a) if a.field == Field::Principal => (
            Sequencing {
                correct: true,
                penalty: 0.0,
                reason: "The principal diagnosis is listed first.".into(),
                rule,
            },
            0.0,
        ),
        Some(_) => {
            let penalty = round(credit * w.sequencing, 3);
            let reason = "The principal diagnosis was entered, but not first; it belongs in the principal (first-listed) field.";
            (
                Sequencing {
                    correct: false,
                    penalty,
                    reason: reason.into(),
                    rule,
                },
                penalty,
            )
        }
        None => {
            let first = entries.iter().position(|a| a.field == Field::Principal);
            let other_expected = first.is_some_and(|ai| {
                pairs
                    .iter()
                    .flatten()
                    .any(|(i, d)| *i == ai && *d != Decision::Wrong)
            });
            let reason = match first {
                None => "No principal diagnosis was entered.",
                Some(_) if other_expected => "The code listed first is a secondary diagnosis; another condition was chiefly responsible for the encounter.",
                Some(_) => "The code listed first is not the principal diagnosis.",
            };
            (
                Sequencing {
                    correct: false,
                    penalty: 0.0,
                    reason: reason.into(),
                    rule,
                },
                0.0,
            )
        }
    }
}

/// Indices of the entries matched to nothing.
pub fn unmatched(entries: &[Entry], pairs: &Pairs) -> Vec<usize> {
    (0..entries.len())
        .filter(|ai| !pairs.iter().flatten().any(|(i, _)| i == ai))
        .collect()
}

/// Extras: entries matched to nothing.
pub fn extras(rubric: Rubric, entries: &[Entry], unmatched: &[usize]) -> Vec<Item> {
    unmatched
        .iter()
        .filter_map(|ai| entries.get(*ai))
        .map(|a| {
            (
                a,
                text::Context {
                    rubric,
                    credit: 0.0,
                    entered: a.code(),
                },
            )
        })
        .map(|(a, cx)| Item {
            field: a.field,
            expected: None,
            answered: Some(a.label.clone()),
            decision: Decision::Extra,
            mark: Mark::Incorrect,
            credit: 0.0,
            reason: text::reason(Decision::Extra, cx),
            rule: text::rule(Decision::Extra, cx),
            explanation: None,
        })
        .collect()
}

/// (earned, possible) under the rubric's denominator.
pub fn totals(
    rubric: Rubric,
    items: &[Item],
    extras: &[Item],
    entered: usize,
    w: &Weights,
) -> (f64, f64) {
    let earned: f64 = items.iter().map(|i| i.credit).sum();
    let key = items
        .iter()
        .filter(|i| i.decision != Decision::OptionalOmitted)
        .count() as f64;
    let possible = match rubric {
        Rubric::Aapc => key.max(entered as f64),
        Rubric::Hierarchical => key + w.extra * extras.len() as f64,
    };
    (round(earned, 3), round(possible, 3))
}
