//! Differential test against the I/OCE as ported by pyoce 0.1.0 (PyPI; Python >= 3.12): seeded
//! random outpatient facility claims through both, compared per line, per diagnosis and per
//! claim, edit by edit.
//!
//! Which claimlint rule answers for which I/OCE edit is the catalogue's business
//! (`src/rules/catalogue.tsv`, column `ioce_edit`: the I/OCE edit number(s) a rule implements).
//! The in-scope edits are exactly the ones that column names, and on them the test asserts 100 %
//! agreement. The corpus spans I/OCE 26.0.5 .. 27.1.0 (2025-01-01 .. 2026-06-30); on claims the
//! I/OCE stops on (a non-zero return code: invalid bill type, dates...) only its pre-processing
//! edits are compared. Every disagreement, with its claim, goes to
//! `target/ioce-diff.txt`.
//!
//! Skipped, with a message, only where Python 3.12 with pyoce is absent (`scripts/setup.sh`
//! installs it), and never under CI (`CI` set) unless `CLAIMLINT_SKIP_PYTHON` is. Default: 300 claims; `CLAIMLINT_FULL=1`: 6,000;
//! `CLAIMLINT_IOCE_CLAIMS` sets the number.
mod common;
#[path = "ioce/corpus.rs"]
mod corpus;
#[path = "mce/corpus.rs"]
mod mce_corpus;
#[path = "ioce/oracle.rs"]
mod oracle;
#[path = "ioce/tables.rs"]
mod tables;

use claimlint::claim::{check_claim_value, CheckOptions, Json};
use oracle::{Answer, Oracle, Place};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::time::Instant;

/// The catalogue's rule → I/OCE edit numbers, and whether they come from the `ioce_edit`
/// column (asserted) or, while that column is absent, from "IOCE n" in `cms_ref` (reported only).
struct Scope {
    edits_of_rule: BTreeMap<String, Vec<u32>>,
    declared: bool,
}

/// Leading edit numbers of a catalogue cell: "6", "6 INVALID_PROCEDURE", "6/124", "106, 108 ...".
fn leading_numbers(cell: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for tok in cell.split([' ', ',', ';', '/', '+']).filter(|t| !t.is_empty()) {
        match tok.parse() {
            Ok(n) => out.push(n),
            Err(_) => break,
        }
    }
    out
}

fn scope() -> Scope {
    let text = std::fs::read_to_string(common::root().join("src/rules/catalogue.tsv")).expect("catalogue");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let column = header.iter().position(|h| h.starts_with("ioce"));
    let cms_ref = header.iter().position(|h| *h == "cms_ref").expect("cms_ref column");
    let mut edits_of_rule = BTreeMap::new();
    for l in lines {
        let f: Vec<&str> = l.split('\t').collect();
        let edits = match column {
            Some(c) => leading_numbers(f.get(c).copied().unwrap_or_default()),
            None => f.get(cms_ref).copied().unwrap_or_default().split(';').filter_map(|part| part.trim().strip_prefix("IOCE ")).flat_map(leading_numbers).collect(),
        };
        if !edits.is_empty() {
            edits_of_rule.insert(f[0].to_owned(), edits);
        }
    }
    Scope { edits_of_rule, declared: column.is_some() }
}

/// The comparison key of an edit: the catalogue's edit group it belongs to ("6" or "6+124" when
/// one rule answers for both), so a rule covering two edits matches either.
struct Groups {
    of_edit: BTreeMap<u32, String>,
    of_rule: BTreeMap<String, String>,
}

fn groups(scope: &Scope) -> Groups {
    // Edits one rule names together are one group; groups sharing an edit merge.
    let mut sets: Vec<BTreeSet<u32>> = Vec::new();
    for edits in scope.edits_of_rule.values() {
        let mut merged: BTreeSet<u32> = edits.iter().copied().collect();
        sets.retain(|s| {
            let overlaps = !s.is_disjoint(&merged);
            if overlaps {
                merged.extend(s);
            }
            !overlaps
        });
        sets.push(merged);
    }
    let mut of_edit = BTreeMap::new();
    for s in &sets {
        let key = s.iter().map(u32::to_string).collect::<Vec<_>>().join("+");
        for e in s {
            of_edit.insert(*e, key.clone());
        }
    }
    let of_rule = scope.edits_of_rule.iter().map(|(rule, edits)| (rule.clone(), of_edit[&edits[0]].clone())).collect();
    Groups { of_edit, of_rule }
}

/// Where a claimlint finding points, in the I/OCE's places.
fn place(location: &str) -> Place {
    let index = |prefix: &str| location.strip_prefix(prefix).and_then(|rest| rest.split('/').next()?.parse::<usize>().ok());
    if let Some(i) = index("/lines/") {
        Place::Line(i)
    } else if let Some(i) = index("/diagnoses/") {
        Place::Dx(i)
    } else if let Some(i) = index("/reasonForVisit/") {
        Place::Rfv(i)
    } else {
        Place::Claim
    }
}

/// claimlint's findings as (place, edit group), read from the serialised result (the output
/// shape callers see). The second set: rules with no I/OCE edit, by rule id.
fn ours(result: &Value, groups: &Groups) -> (BTreeSet<(Place, String)>, BTreeSet<String>) {
    let mut mapped = BTreeSet::new();
    let mut other = BTreeSet::new();
    for f in result["findings"].as_array().into_iter().chain(result["inputErrors"].as_array()).flatten() {
        let rule = f["rule"].as_str().unwrap_or_default();
        let at = f.get("location").or_else(|| f.get("at")).and_then(Value::as_str).unwrap_or_default();
        match groups.of_rule.get(rule) {
            Some(g) => {
                mapped.insert((place(at), g.clone()));
            }
            None => {
                other.insert(rule.to_owned());
            }
        }
    }
    (mapped, other)
}

/// In-scope I/OCE edits claimlint does not fully agree on yet — issue 19 is done when this is
/// empty. Each: edit group, the lowest agreement (%) accepted on the full corpus (a ratchet a few
/// points under the last measurement), and the cause found. On the full corpus an edit listed here
/// must stay at or above its floor and must leave the list once it reaches 100 %; every other
/// in-scope edit must agree 100 % on any corpus.
const PENDING: &[(&str, f64, &str)] = &[];

/// The corpus seed (the side-by-side bench uses the same).
const SEED: u64 = 0x494f_4345_3237;

/// Edits the I/OCE raises before it stops on a claim (return codes 13-19): invalid date,
/// date out of range, invalid bill type, invalid receipt date.
const PREPROCESSING: [u32; 4] = [23, 24, 118, 119];

#[derive(Default)]
struct Tally {
    both: usize,
    pyoce_only: usize,
    claimlint_only: usize,
    examples_pyoce: Vec<String>,
    examples_claimlint: Vec<String>,
}

fn claim_count() -> usize {
    let full = std::env::var("CLAIMLINT_FULL").is_ok_and(|v| v == "1");
    std::env::var("CLAIMLINT_IOCE_CLAIMS").ok().and_then(|s| s.parse().ok()).unwrap_or(if full { 6_000 } else { 300 })
}

#[test]
fn claimlint_agrees_with_the_ioce_edit_by_edit() {
    let oracle = match Oracle::open() {
        Ok(o) => o,
        Err(why) if std::env::var_os("CI").is_none() || std::env::var_os("CLAIMLINT_SKIP_PYTHON").is_some() => {
            eprintln!("SKIPPED ioce_differential: {why}");
            return;
        }
        Err(why) => panic!("ioce_differential cannot run under CI: {why}"),
    };
    let n = claim_count();
    let pools = tables::Pools::load(&common::data_dir());
    let claims = corpus::generate(&pools, SEED, n);

    let wall = Instant::now();
    let run = oracle.run(&claims);
    let pyoce_wall = wall.elapsed().as_secs_f64();
    assert_eq!(run.answers.len(), claims.len(), "one pyoce answer per claim");

    let engine = common::engine().get();
    let opts = CheckOptions::default();
    let trees: Vec<Json> = claims.iter().map(|c| serde_json::from_value(c.clone()).expect("claim tree")).collect();
    let start = Instant::now();
    let results: Vec<_> = trees.iter().map(|t| check_claim_value(engine, t, &opts)).collect();
    let claimlint_seconds = start.elapsed().as_secs_f64();

    let scope = scope();
    let groups = groups(&scope);
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let mut unmapped_pyoce: BTreeMap<u32, usize> = BTreeMap::new();
    let mut unmapped_claimlint: BTreeMap<String, usize> = BTreeMap::new();
    let mut not_processed: BTreeMap<i64, usize> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut wrong_release = Vec::new();
    let mut diff = String::new();
    let mut agreeing = 0usize;
    let mut compared = 0usize;
    for (c, r) in claims.iter().zip(&results) {
        let id = c["id"].as_str().expect("id");
        let a: &Answer = &run.answers[id];
        if let Some(e) = &a.error {
            errors.push(format!("{id}: {e}"));
            continue;
        }
        // The I/OCE release pyoce applied is the one in force on the statement from-date.
        let from = c["statementFrom"].as_str().unwrap_or_default();
        if a.return_code == 0 && pools.release_on(from) != Some(a.version.as_str()) {
            wrong_release.push(format!("{id}: from {from}, pyoce used {}", a.version));
        }
        // A claim the I/OCE stops on (non-zero return code) carries only its pre-processing edits.
        let stopped = a.return_code != 0;
        if stopped {
            *not_processed.entry(a.return_code).or_default() += 1;
        }
        let compare = |g: &String| !stopped || PREPROCESSING.iter().any(|e| groups.of_edit.get(e) == Some(g));
        compared += 1;
        let theirs: BTreeSet<(Place, String)> =
            a.edits.iter().filter_map(|(p, e)| Some((p.clone(), groups.of_edit.get(e)?.clone()))).filter(|(_, g)| compare(g)).collect();
        for (_, e) in a.edits.iter().filter(|(_, e)| !groups.of_edit.contains_key(e)) {
            *unmapped_pyoce.entry(*e).or_default() += 1;
        }
        let result = serde_json::to_value(r).expect("result JSON");
        let (mine, other) = ours(&result, &groups);
        let mine: BTreeSet<(Place, String)> = mine.into_iter().filter(|(_, g)| compare(g)).collect();
        for rule in other {
            *unmapped_claimlint.entry(rule).or_default() += 1;
        }
        let mut same = true;
        for item in theirs.union(&mine) {
            let (p, g) = item;
            let t = tally.entry(g.clone()).or_default();
            let (in_pyoce, in_claimlint) = (theirs.contains(item), mine.contains(item));
            if in_pyoce && in_claimlint {
                t.both += 1;
                continue;
            }
            same = false;
            let who = if in_pyoce { "pyoce only" } else { "claimlint only" };
            let line = format!("claim {id} {p} edit {g}: {who}");
            let _ = writeln!(diff, "{line}\n  pyoce: {:?}\n  claimlint: {}\n  claim: {c}", a.edits, findings_summary(&result));
            if in_pyoce {
                t.pyoce_only += 1;
                if t.examples_pyoce.len() < 3 {
                    t.examples_pyoce.push(format!("{line} | {c}"));
                }
            } else {
                t.claimlint_only += 1;
                if t.examples_claimlint.len() < 3 {
                    t.examples_claimlint.push(format!("{line} | {c}"));
                }
            }
        }
        agreeing += usize::from(same);
    }

    let diff_path = common::root().join("target/ioce-diff.txt");
    let _ = std::fs::write(&diff_path, format!("# claimlint vs pyoce 0.1.0: {n} claims, seed {SEED:#x}; one block per (claim, place, edit)\n{diff}"));
    eprintln!(
        "I/OCE edits in scope ({}): {}",
        if scope.declared { "catalogue column ioce_edit" } else { "no ioce_edit column yet: 'IOCE n' in cms_ref, reported, not asserted" },
        scope.edits_of_rule.iter().map(|(r, e)| format!("{r}={e:?}")).collect::<Vec<_>>().join(" ")
    );
    eprintln!("{:<12} {:>8} {:>8} {:>11} {:>15} {:>9}", "I/OCE edit", "both", "pyoce", "pyoce only", "claimlint only", "agree %");
    for (g, t) in &tally {
        let fired = t.both + t.pyoce_only + t.claimlint_only;
        let pct = if fired == 0 { 100.0 } else { 100.0 * t.both as f64 / fired as f64 };
        eprintln!("{g:<12} {:>8} {:>8} {:>11} {:>15} {pct:>8.2}%", t.both, t.both + t.pyoce_only, t.pyoce_only, t.claimlint_only);
        for ex in t.examples_pyoce.iter().chain(&t.examples_claimlint) {
            eprintln!("    {}", truncate(ex, 600));
        }
    }
    eprintln!("I/OCE edits pyoce fired that no catalogue rule answers for (edit: times): {unmapped_pyoce:?}");
    eprintln!("claimlint rules with no I/OCE edit (rule: claims): {unmapped_claimlint:?}");
    eprintln!("claims the I/OCE stopped on, compared on edits {PREPROCESSING:?} only (return code: claims): {not_processed:?}; pyoce errors: {}", errors.len());
    for e in errors.iter().take(5) {
        eprintln!("    {e}");
    }
    eprintln!(
        "claims agreeing on every in-scope edit: {agreeing} of {compared} ({:.2} %); disagreements written to {}",
        100.0 * agreeing as f64 / compared.max(1) as f64,
        diff_path.display()
    );
    eprintln!(
        "throughput on {n} claims (test build; benches/ioce_side_by_side.rs measures release): claimlint native {:.0} claims/s ({claimlint_seconds:.3} s); pyoce {:.0} claims/s ({:.3} s in process(), {pyoce_wall:.1} s wall with start-up) — claimlint {:.1}x",
        n as f64 / claimlint_seconds,
        n as f64 / run.seconds.max(1e-9),
        run.seconds,
        run.seconds / claimlint_seconds.max(1e-9)
    );

    assert!(errors.len() * 100 <= claims.len(), "pyoce failed on {} claims", errors.len());
    assert!(wrong_release.is_empty(), "pyoce applied another I/OCE release than the from-date's: {:?}", &wrong_release[..wrong_release.len().min(5)]);
    let stopped: usize = not_processed.values().sum();
    assert!(stopped * 100 <= claims.len() * 15, "the I/OCE stopped on {stopped} of {n} claims; the generator should keep return codes 0");
    if scope.declared {
        let full = n >= 5_000;
        let pending = |g: &str| PENDING.iter().find(|p| p.0 == g);
        let mut failures = Vec::new();
        for (g, t) in &tally {
            let fired = t.both + t.pyoce_only + t.claimlint_only;
            let pct = 100.0 * t.both as f64 / fired.max(1) as f64;
            match pending(g) {
                None if t.pyoce_only + t.claimlint_only > 0 => failures.push(format!("edit {g}: {pct:.2} % (must be 100 %)")),
                Some((_, floor, _)) if full && pct < *floor => failures.push(format!("edit {g}: {pct:.2} % (below its floor {floor} %)")),
                Some(_) if full && t.pyoce_only + t.claimlint_only == 0 => failures.push(format!("edit {g}: 100 % — remove it from PENDING")),
                _ => {}
            }
        }
        assert!(failures.is_empty(), "claimlint vs the I/OCE on in-scope edits: {failures:?} (table above, all cases in {})", diff_path.display());
        eprintln!("pending in-scope edits (not yet 100 %, causes in PENDING): {:?}", PENDING.iter().map(|p| p.0).collect::<Vec<_>>());
        if full {
            for g in groups.of_rule.values().collect::<BTreeSet<_>>() {
                let fired = tally.get(g).map_or(0, |t| t.both + t.pyoce_only);
                assert!(fired >= 20, "in-scope I/OCE edit {g} fired only {fired} times in the corpus; sample it more (tests/ioce/corpus.rs)");
            }
        }
    }
}

fn findings_summary(result: &Value) -> String {
    result["findings"]
        .as_array()
        .into_iter()
        .chain(result["inputErrors"].as_array())
        .flatten()
        .map(|f| format!("{}@{}", f["rule"].as_str().unwrap_or_default(), f.get("location").and_then(Value::as_str).unwrap_or("-")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn truncate(s: &str, n: usize) -> String {
    if s.len() <= n {
        s.to_owned()
    } else {
        let mut end = n;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}…", &s[..end])
    }
}
