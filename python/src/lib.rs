//! `claimlint` for Python: `Validator(path)` opens a compiled blob once; `check_code`,
//! `check_claim`, and `check_claims` / `check_claims_json` for many claims, which release the
//! GIL and run on every core (rayon), results in input order.
use claimlint::claim::{check_claim_value, CheckOptions, Json};
use claimlint::search::{search, SearchOptions};
use claimlint::{Date, OwnedEngine, System};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use pythonize::{depythonize, pythonize};
use serde::Serialize;

/// A validator over one compiled code-set blob (`claimlint compile`). Thread-safe; open once.
#[pyclass(frozen, module = "claimlint")]
struct Validator {
    engine: OwnedEngine,
}

fn to_py<'py, T: Serialize>(py: Python<'py>, v: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize(py, v).map_err(|e| PyValueError::new_err(e.to_string()))
}

fn date(s: Option<&str>, what: &str) -> PyResult<Option<Date>> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Date::parse(s).map(Some).ok_or_else(|| PyValueError::new_err(format!("{what}={s:?} is not a date (YYYY-MM-DD)"))),
    }
}

fn options(today: Option<&str>, payer: Option<String>) -> PyResult<CheckOptions> {
    let today = date(today, "today")?.unwrap_or_else(Date::today_utc);
    // `..default()` keeps this valid as CheckOptions gains options.
    #[allow(clippy::needless_update)]
    let o = CheckOptions { today: Some(today), payer: payer.filter(|p| !p.trim().is_empty()), ..CheckOptions::default() };
    Ok(o)
}

/// A claim as Python gives it: a dict (or any JSON-like value), or JSON text as str or bytes.
fn claim_bytes(obj: &Bound<'_, PyAny>) -> PyResult<Option<Vec<u8>>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(s.to_str()?.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Some(b.as_bytes().to_vec()));
    }
    Ok(None)
}

/// Reads a claim: JSON text is parsed on the worker; other objects are read here (GIL held).
enum Input {
    Text(Vec<u8>),
    Tree(Json<'static>),
}

fn read_input(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
    if let Some(b) = claim_bytes(obj)? {
        return Ok(Input::Text(b));
    }
    depythonize::<Json<'static>>(obj).map(Input::Tree).map_err(|e| PyValueError::new_err(format!("not a claim: {e}")))
}

fn check_input(engine: &claimlint::Engine<'_>, input: &Input, opts: &CheckOptions) -> claimlint::claim::ClaimResult {
    match input {
        Input::Text(b) => claimlint::batch::check_json_bytes(engine, b, opts),
        Input::Tree(v) => check_claim_value(engine, v, opts),
    }
}

/// Runs `f` on a pool of `threads` workers, or on the global pool (every core).
fn on_pool<R: Send>(threads: Option<usize>, f: impl FnOnce() -> R + Send) -> PyResult<R> {
    match threads {
        None | Some(0) => Ok(f()),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map(|pool| pool.install(f))
            .map_err(|e| PyValueError::new_err(format!("thread pool: {e}"))),
    }
}

#[pymethods]
impl Validator {
    /// Opens the blob at `path` (checksum verified). Raises OSError or ValueError (with the code).
    #[new]
    fn new(path: std::path::PathBuf) -> PyResult<Validator> {
        let bytes = std::fs::read(&path).map_err(|e| PyOSError::new_err(format!("{}: {e}", path.display())))?;
        OwnedEngine::open(bytes)
            .map(|engine| Validator { engine })
            .map_err(|e| PyValueError::new_err(format!("{}: {e} ({})", path.display(), e.code())))
    }

    /// Format, vintages, counts, sections and sources of the blob.
    fn info<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.engine.get().info())
    }

    /// One code: `{system, input, code, state, billable, description, vintage, completions, findings}`.
    #[pyo3(signature = (system, code, on=None))]
    fn check_code<'py>(&self, py: Python<'py>, system: &str, code: &str, on: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        let s = System::parse(system)
            .ok_or_else(|| PyValueError::new_err(format!("system={system:?}: use icd10cm, icd10pcs, hcpcs, cpt or modifier")))?;
        to_py(py, &self.engine.get().check_code(s, code, date(on, "on")?))
    }

    /// Codes by code, prefix or words: a list of `{system, code, description, billable, spans}`.
    #[pyo3(signature = (query, systems=None, limit=10, billable_only=false, on=None))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        query: &str,
        systems: Option<Vec<String>>,
        limit: usize,
        billable_only: bool,
        on: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut o = SearchOptions { limit, billable_only, on: date(on, "on")?, ..Default::default() };
        for s in systems.unwrap_or_default() {
            o.systems.push(System::parse(&s).ok_or_else(|| PyValueError::new_err(format!("system {s:?} is not a code system")))?);
        }
        to_py(py, &search(self.engine.get(), query, &o))
    }

    /// One claim (dict, or JSON str/bytes): `{id, payerPack, findings, inputErrors}`.
    /// Malformed claims come back as `inputErrors`, never as exceptions.
    #[pyo3(signature = (claim, today=None, payer=None))]
    fn check_claim<'py>(&self, py: Python<'py>, claim: &Bound<'py, PyAny>, today: Option<&str>, payer: Option<String>) -> PyResult<Bound<'py, PyAny>> {
        let opts = options(today, payer)?;
        let input = read_input(claim)?;
        to_py(py, &check_input(self.engine.get(), &input, &opts))
    }

    /// Many claims (dicts, or JSON str/bytes) → a list of results in the same order. Checks
    /// run without the GIL on `threads` workers (default: every core).
    #[pyo3(signature = (claims, today=None, payer=None, threads=None))]
    fn check_claims<'py>(
        &self,
        py: Python<'py>,
        claims: &Bound<'py, PyAny>,
        today: Option<&str>,
        payer: Option<String>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let opts = options(today, payer)?;
        let inputs = claims.try_iter()?.map(|c| read_input(&c?)).collect::<PyResult<Vec<Input>>>()?;
        let engine = self.engine.get();
        let results = py.detach(|| {
            on_pool(threads, || {
                use rayon::prelude::*;
                inputs.par_iter().map(|i| check_input(engine, i, &opts)).collect::<Vec<_>>()
            })
        })?;
        results.iter().map(|r| to_py(py, r)).collect()
    }

    /// Many claims as JSON text (e.g. a column from Arrow, Polars or Spark; None counts as
    /// `null`) → one JSON result string each, in order. No Python objects are built per claim,
    /// and the checks and serialisation run without the GIL on every core.
    #[pyo3(signature = (claims, today=None, payer=None, threads=None))]
    fn check_claims_json(
        &self,
        py: Python<'_>,
        claims: &Bound<'_, PyAny>,
        today: Option<&str>,
        payer: Option<String>,
        threads: Option<usize>,
    ) -> PyResult<Vec<String>> {
        let opts = options(today, payer)?;
        let mut texts: Vec<Vec<u8>> = Vec::new();
        for c in claims.try_iter()? {
            let c = c?;
            texts.push(if c.is_none() {
                b"null".to_vec()
            } else {
                claim_bytes(&c)?.ok_or_else(|| PyValueError::new_err("check_claims_json takes JSON text (str or bytes); use check_claims for dicts"))?
            });
        }
        let engine = self.engine.get();
        py.detach(|| {
            on_pool(threads, || {
                claimlint::batch::check_claims_with(engine, &texts, &opts, |r| r.to_json())
            })
        })
    }
}

#[pymodule]
fn _claimlint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Validator>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
