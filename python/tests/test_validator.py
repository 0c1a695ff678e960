"""The Python face against the same blob the native tests read."""
import json
import os
import pathlib
import subprocess

import pytest

import claimlint
from claim_mix import claims, claims_json

TODAY = "2026-05-01"
REPO = pathlib.Path(__file__).resolve().parents[2]


def test_check_code_answers_like_the_engine(validator):
    c = validator.check_code("icd10cm", "T36.01A", on="2026-03-15")
    assert c["state"] == "invalid_format"
    assert c["findings"][0]["rule"] == "DX-7TH"
    assert c["findings"][0]["suggestions"][0]["code"] == "T36.0X1A"
    j = validator.check_code("icd10cm", "j159")
    assert (j["code"], j["state"], j["billable"]) == ("J15.9", "billable", True)
    assert validator.check_code("hcpcs", "J1100", on="2026-04-15")["state"] == "billable"
    assert validator.check_code("modifier", "LT")["state"] == "billable"
    assert "icd10cm" in validator.info()["systems"]


def test_bad_arguments_raise_value_errors_naming_them(validator, blob_path, tmp_path):
    with pytest.raises(ValueError, match="system"):
        validator.check_code("snomed", "J15.9")
    with pytest.raises(ValueError, match="on="):
        validator.check_code("icd10cm", "J15.9", on="15/03/2026")
    with pytest.raises(ValueError, match="today="):
        validator.check_claims([{}], today="yesterday")
    with pytest.raises(OSError):
        claimlint.Validator(str(tmp_path / "missing.blob"))
    broken = tmp_path / "broken.blob"
    broken.write_bytes(pathlib.Path(blob_path).read_bytes()[:1000])
    with pytest.raises(ValueError, match="BLOB_"):
        claimlint.Validator(str(broken))


def test_a_claim_as_dict_or_text_gives_the_same_result(validator):
    c = claims(1, seed=7)[0]
    r = validator.check_claim(c, today=TODAY)
    assert r["id"] == "c0"
    assert r == validator.check_claim(json.dumps(c), today=TODAY)
    assert r == validator.check_claim(json.dumps(c).encode(), today=TODAY)
    bad = validator.check_claim('{"diagnoses": [{"code": 5}]', today=TODAY)
    assert [e["rule"] for e in bad["inputErrors"]] == ["CLAIM-INPUT"]
    odd = {"diagnoses": [{"code": 5}], "lines": "none", "extra": [1.5, None]}
    typed = validator.check_claim(odd, today=TODAY)
    assert typed["inputErrors"], "a claim of the wrong shape gives input errors, not an exception"
    assert typed == validator.check_claim(json.dumps(odd), today=TODAY)


def test_batch_keeps_order_and_equals_single_claims(validator):
    mix = claims(500, seed=3)
    mix[10] = {"diagnoses": "not a list"}
    single = [validator.check_claim(c, today=TODAY) for c in mix]
    assert validator.check_claims(mix, today=TODAY) == single
    assert validator.check_claims(mix, today=TODAY, threads=1) == single
    texts = [json.dumps(c) for c in mix]
    assert validator.check_claims(texts, today=TODAY) == single
    as_json = validator.check_claims_json(texts + [None], today=TODAY)
    assert [json.loads(r) for r in as_json[:-1]] == single
    assert json.loads(as_json[-1])["inputErrors"], "None is read as null: an input error"
    assert any(r["findings"] for r in single) and any(not r["findings"] for r in single)


def test_batch_equals_the_command_line_batch(validator, blob_path, tmp_path):
    cli = REPO / "target" / "release" / "claimlint"
    if not cli.exists():
        pytest.skip("no release CLI built")
    lines = claims_json(300, seed=11)
    src = tmp_path / "claims.jsonl"
    src.write_text("\n".join(lines) + "\n")
    out = subprocess.run([str(cli), "claim", "--blob", blob_path, "--today", TODAY, "--jsonl", str(src)],
                         capture_output=True, text=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    assert out.stdout.splitlines() == validator.check_claims_json(lines, today=TODAY)
