"""The I/OCE as a test oracle: claimlint outpatient claims (JSON lines on stdin) through pyoce.

Reads one claimlint claim JSON per line (claimType "outpatient"), converts it to a pyoce claim,
runs pyoce's I/OCE, and writes one JSON line per claim with the I/OCE edit numbers that fired:

    {"id": "7", "version": "27.1.0", "returnCode": 0,
     "claim": [23], "dx": {"0": [1]}, "rfv": {"0": [5]}, "lines": {"1": [6, 22]}}

`dx` positions are claimlint's `diagnoses` (0 = principal, then the secondary list), `rfv` its
`reasonForVisit`, `lines` its `lines`; an edit on a line's HCPCS, service date, revenue code or
modifiers counts for the line. `claim` holds edits of the claim's edit lists that no line or
diagnosis carries. A claim pyoce cannot process gets {"id": ..., "error": "..."}. The last line
is {"done": n, "seconds": s, "cpu_seconds": c}: wall and CPU time pyoce spent in process() on the
claims (after one warm-up claim; conversion and output excluded).

Usage: python pyoce_oracle.py [--passes N] < claims.jsonl > answers.jsonl (Python >= 3.12,
pyoce==0.1.0); --passes runs the corpus N times for a steadier rate (answers of the last pass).
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from typing import Any

import pyoce

SEX = {"M": "1", "F": "2", "U": "0"}
CLAIM_LISTS = (
    "claimRejectionEditList",
    "claimDenialEditList",
    "claimReturnToProviderEditList",
    "claimSuspensionEditList",
    "lineRejectionEditList",
    "lineDenialEditList",
)


def yyyymmdd(value: Any) -> str | None:
    """claimlint dates are YYYY-MM-DD; the I/OCE takes YYYYMMDD. Anything else is passed as typed."""
    if not isinstance(value, str):
        return None
    return value.replace("-", "") if len(value) == 10 and value[4] == "-" and value[7] == "-" else value


def bill_type(value: Any) -> Any:
    """claimlint takes the UB-04 form "0131" or the I/OCE's "131"; the I/OCE only the latter."""
    if isinstance(value, str) and len(value) == 4 and value.startswith("0"):
        return value[1:]
    return value


def age_of(patient: dict[str, Any], on: str | None) -> str | None:
    if patient.get("age") is not None:
        return str(patient["age"])
    dob = patient.get("dateOfBirth")
    if not dob or not on:
        return None
    try:
        born, day = date.fromisoformat(dob), date.fromisoformat(on)
    except ValueError:
        return None
    years = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    return str(years)


def dx_code(d: Any) -> str:
    return (d.get("code") if isinstance(d, dict) else d) or ""


def units(value: Any) -> str | None:
    if value is None:
        return None
    return str(int(value)) if float(value).is_integer() else str(value)


def pyoce_claim(c: dict[str, Any], index: int) -> dict[str, Any]:
    """claimlint's outpatient claim JSON as pyoce's input dict."""
    patient = c.get("patient") or {}
    out: dict[str, Any] = {
        "claimId": str(c.get("id", index)),
        "billType": bill_type(c.get("billType")),
        "dateStarted": yyyymmdd(c.get("statementFrom")),
        "dateEnded": yyyymmdd(c.get("statementThrough")),
        "receiptDate": yyyymmdd(c.get("receiptDate")),
        "conditionCodeInputList": list(c.get("conditionCodes") or []),
        "occurrenceCodeInputList": [o.get("code") if isinstance(o, dict) else o for o in c.get("occurrenceCodes") or []],
        "valueCodeInputList": [
            {"code": v.get("code"), "value": None if v.get("amount", v.get("value")) is None else str(v.get("amount", v.get("value")))}
            for v in c.get("valueCodes") or []
        ],
    }
    age = age_of(patient, c.get("statementFrom"))
    if age is not None:
        out["age"] = age
    if patient.get("sex") is not None:
        out["sex"] = SEX.get(patient["sex"], str(patient["sex"]))
    if c.get("opps") is not None:
        out["oppsFlag"] = "1" if c["opps"] else "2"
    # claimlint's dischargeStatus (UB-04 FL 17) is the I/OCE's patient status.
    status = c.get("dischargeStatus", c.get("patientStatus"))
    if status is not None:
        out["patientStatus"] = status
    dxs = c.get("diagnoses") or []
    if dxs:
        out["principalDiagnosisCode"] = {"diagnosis": dx_code(dxs[0])}
    out["secondaryDiagnosisCodeList"] = [{"diagnosis": dx_code(d)} for d in dxs[1:]]
    out["reasonForVisitDiagnosisCodeList"] = [{"diagnosis": dx_code(d)} for d in c.get("reasonForVisit") or []]
    lines = []
    for line in c.get("lines") or []:
        item: dict[str, Any] = {
            "serviceDate": yyyymmdd(line.get("dateFrom")),
            "revenueCode": line.get("revenueCode") or "",
            "hcpcs": line.get("code") or "",
            "hcpcsModifierInputList": [{"hcpcsModifier": m} for m in line.get("modifiers") or []],
            "unitsInput": units(line.get("units")),
        }
        if line.get("charge") is not None:
            item["charge"] = f"{float(line['charge']):.2f}"
        lines.append(item)
    out["lineItemList"] = lines
    return out


def edits(values: list[str]) -> list[int]:
    return sorted({int(v) for v in values if str(v).strip()})


def answer(claim_id: str, result: dict[str, Any]) -> dict[str, Any]:
    """The edits that fired, by where they sit."""
    placed: set[int] = set()
    dx: dict[str, list[int]] = {}
    principal = result.get("principalDiagnosisCode")
    dx_rows = ([principal] if principal else []) + list(result.get("secondaryDiagnosisCodeList") or [])
    for i, d in enumerate(dx_rows):
        if e := edits(d.get("editList") or []):
            dx[str(i)] = e
            placed.update(e)
    rfv: dict[str, list[int]] = {}
    for i, d in enumerate(result.get("reasonForVisitDiagnosisCodeList") or []):
        if e := edits(d.get("editList") or []):
            rfv[str(i)] = e
            placed.update(e)
    lines: dict[str, list[int]] = {}
    for i, li in enumerate(result.get("lineItemList") or []):
        raw = list(li.get("hcpcsEditList") or []) + list(li.get("serviceDateEditList") or []) + list(li.get("revenueEditList") or [])
        for m in li.get("hcpcsModifierInputList") or []:
            raw += list(m.get("editList") or [])
        if e := edits(raw):
            lines[str(i)] = e
            placed.update(e)
    every: list[str] = []
    for name in CLAIM_LISTS:
        every += list(result.get(name) or [])
    info = result.get("processingInformation") or {}
    return {
        "id": claim_id,
        "version": info.get("version"),
        "returnCode": info.get("returnCode"),
        "claim": [e for e in edits(every) if e not in placed],
        "dx": dx,
        "rfv": rfv,
        "lines": lines,
    }


def main() -> None:
    passes = int(sys.argv[sys.argv.index("--passes") + 1]) if "--passes" in sys.argv else 1
    engine = pyoce.IoceComponent()
    claims = []
    for index, text in enumerate(sys.stdin):
        if text.strip():
            c = json.loads(text)
            claims.append((str(c.get("id", index)), c, index))
    inputs = []
    for claim_id, c, index in claims:
        try:
            inputs.append((claim_id, pyoce_claim(c, index), None))
        except Exception as e:  # an unconvertible claim is reported, not fatal to the corpus
            inputs.append((claim_id, None, f"{type(e).__name__}: {e}"))
    if inputs and inputs[0][1] is not None:
        engine.process(inputs[0][1])  # warm-up: pyoce loads its tables on the first claim
    rows: list[dict[str, Any]] = []
    wall = cpu = 0.0
    for _ in range(passes):
        rows = []
        for claim_id, data, error in inputs:
            if data is None:
                rows.append({"id": claim_id, "error": error})
                continue
            w, c = time.perf_counter(), time.process_time()
            try:
                result = engine.process(data)
            except Exception as e:  # an oracle failure is reported per claim
                rows.append({"id": claim_id, "error": f"{type(e).__name__}: {e}"})
                continue
            finally:
                wall += time.perf_counter() - w
                cpu += time.process_time() - c
            rows.append(answer(claim_id, result))
    out = sys.stdout
    for row in rows:
        out.write(json.dumps(row, separators=(",", ":")) + "\n")
    out.write(json.dumps({"done": len(rows) * passes, "seconds": round(wall, 4), "cpu_seconds": round(cpu, 4)}) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
