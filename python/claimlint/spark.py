"""claimlint on Spark: validate a claims table with `mapInArrow`, one Validator per Python
worker, each Arrow batch checked by `Validator.check_claims_json` without the GIL.

    from pyspark.sql import SparkSession
    from claimlint.spark import validate_claims

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    claims = spark.read.parquet("claims.parquet")            # columns: claim_id, claim (JSON text)
    results = validate_claims(claims, "/dbfs/claimlint/codesets.blob", today="2026-05-01")
    results.write.parquet("claim_findings.parquet")           # claim_id, worst, findings, result (JSON)

The blob must be readable at the same path on every executor (a Databricks Volume or DBFS
path, a shared mount, or `spark.sparkContext.addFile(path)` with `blob="codesets.blob"`
and `from_spark_files=True`).
"""
from __future__ import annotations

import functools
import json
from typing import Iterator, Optional

_validators: dict = {}


def _validator(blob: str, from_spark_files: bool):
    """One Validator per Python worker process and blob (workers are reused between tasks)."""
    key = (blob, from_spark_files)
    if key not in _validators:
        from claimlint import Validator

        path = blob
        if from_spark_files:
            from pyspark import SparkFiles

            path = SparkFiles.get(blob)
        _validators[key] = Validator(path)
    return _validators[key]


def _worst(result: dict) -> Optional[str]:
    order = {"info": 0, "warning": 1, "error": 2}
    found = [f["severity"] for f in result["findings"] + result["inputErrors"]]
    return max(found, key=order.__getitem__) if found else None


def check_batches(batches: Iterator, *, blob: str, today: Optional[str], payer: Optional[str], id_column: str,
                  claim_column: str, threads: int, from_spark_files: bool) -> Iterator:
    """The mapInArrow function: Arrow record batches in, (id, worst, rules, result) batches out."""
    import pyarrow as pa

    v = _validator(blob, from_spark_files)
    for batch in batches:
        texts = batch.column(claim_column).to_pylist()
        results = v.check_claims_json(texts, today=today, payer=payer, threads=threads)
        parsed = [json.loads(r) for r in results]
        yield pa.RecordBatch.from_arrays(
            [
                batch.column(id_column),
                pa.array([_worst(p) for p in parsed], pa.string()),
                pa.array([sorted({f["rule"] for f in p["findings"] + p["inputErrors"]}) for p in parsed], pa.list_(pa.string())),
                pa.array(results, pa.string()),
            ],
            names=[id_column, "worst", "rules", "result"],
        )


def validate_claims(df, blob: str, *, today: Optional[str] = None, payer: Optional[str] = None, id_column: str = "claim_id",
                    claim_column: str = "claim", threads: int = 1, from_spark_files: bool = False):
    """A DataFrame of `id_column, worst, rules, result`: one row per claim of `df`.

    `claim_column` holds each claim as JSON text. `threads=1` leaves parallelism to Spark (one
    task per core); `today` fixes the date the future-date edit compares with.
    """
    fn = functools.partial(check_batches, blob=blob, today=today, payer=payer, id_column=id_column,
                           claim_column=claim_column, threads=threads, from_spark_files=from_spark_files)
    id_type = df.schema[id_column].dataType.simpleString()
    return df.mapInArrow(fn, f"{id_column} {id_type}, worst string, rules array<string>, result string")
