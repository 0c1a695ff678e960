"""Validate a claims Parquet file on Spark with claimlint.

    python examples/spark_claims.py --blob ../pkg/codesets.blob --generate 100000 claims.parquet out.parquet
    python examples/spark_claims.py --blob ../pkg/codesets.blob claims.parquet out.parquet

The input has a `claim_id` column and a `claim` column of JSON text (one claim each, as in
src/rules/schemas/claim.schema.json). The output adds `worst` (error, warning, info or null),
`rules` (the rule ids that fired) and `result` (the full result as JSON).
"""
import argparse
import os
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tests"))


def write_claims(path: str, n: int, seed: int = 42) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from claim_mix import claims_json

    texts = claims_json(n, seed)
    table = pa.table({"claim_id": [f"c{i}" for i in range(n)], "claim": texts})
    pq.write_table(table, path, row_group_size=5000)  # row groups Spark can split between tasks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--blob", required=True, help="the compiled code-set blob")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--today", default="2026-05-01", help="the date the future-date edit compares with")
    ap.add_argument("--generate", type=int, metavar="N", help="first write N generated claims to INPUT")
    ap.add_argument("input")
    ap.add_argument("output")
    a = ap.parse_args()
    if a.generate:
        write_claims(a.input, a.generate)

    from pyspark.sql import SparkSession

    from claimlint.spark import validate_claims

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers use this interpreter
    spark = SparkSession.builder.master(a.master).appName("claimlint").config("spark.ui.showConsoleProgress", "false").getOrCreate()
    t = time.perf_counter()
    results = validate_claims(spark.read.parquet(a.input), str(pathlib.Path(a.blob).resolve()), today=a.today)
    results.write.mode("overwrite").parquet(a.output)
    n = spark.read.parquet(a.output).count()
    print(f"{n} claims in {time.perf_counter() - t:.1f} s on {a.master}")
    results.groupBy("worst").count().show()
    spark.stop()


if __name__ == "__main__":
    main()
