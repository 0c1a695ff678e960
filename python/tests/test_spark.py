"""The PySpark example on a local Spark session: findings over >= 100k generated claims equal
the single-process results. CI (CI or CLAIMLINT_FULL set) requires PySpark; elsewhere the
test is skipped when PySpark is not installed."""
import os
import sys

import pytest

if os.environ.get("CI") or os.environ.get("CLAIMLINT_FULL"):
    import pyspark  # noqa: F401  (CI must run this test)
else:
    pytest.importorskip("pyspark")

import pathlib

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "examples"))
import spark_claims  # noqa: E402

N = int(os.environ.get("CLAIMLINT_SPARK_CLAIMS", "100000"))
TODAY = "2026-05-01"


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The workers run the interpreter running this test (the one the wheel is installed in).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    s = (SparkSession.builder.master("local[2]").appName("claimlint-test")
         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
         .config("spark.sql.files.maxPartitionBytes", str(1 << 20))
         .config("spark.sql.execution.arrow.maxRecordsPerBatch", "5000")
         .getOrCreate())
    yield s
    s.stop()


def test_spark_findings_equal_single_process(spark, validator, blob_path, tmp_path):
    import pyarrow.parquet as pq

    from claimlint.spark import validate_claims

    src = str(tmp_path / "claims.parquet")
    spark_claims.write_claims(src, N)
    table = pq.read_table(src)
    ids, texts = table.column("claim_id").to_pylist(), table.column("claim").to_pylist()
    assert len(texts) >= 100_000 or N < 100_000

    df = spark.read.parquet(src)
    assert df.rdd.getNumPartitions() > 1, "the claims should spread over both local cores"
    rows = validate_claims(df, blob_path, today=TODAY).collect()
    by_id = {r["claim_id"]: r for r in rows}
    assert len(by_id) == len(ids) == len(rows)

    single = validator.check_claims_json(texts, today=TODAY)
    assert [by_id[i]["result"] for i in ids] == single
    # The summary columns agree with the results they summarise.
    worst = {r["worst"] for r in rows}
    assert "error" in worst and None in worst
    errors = sum(1 for r in rows if r["worst"] == "error")
    assert errors == sum(1 for s in single if '"severity":"error"' in s)
