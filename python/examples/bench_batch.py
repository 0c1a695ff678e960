"""Claims per second through the Python package: one process on one thread, one process
on every core (check_claims_json), and PySpark local[N] (mapInArrow), on the same claims.

    python examples/bench_batch.py --blob ../pkg/codesets.blob --claims 100000 --out bench.json
"""
import argparse
import json
import os
import pathlib
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

TODAY = "2026-05-01"


def rate(n, seconds):
    return {"claims": n, "seconds": round(seconds, 3), "per_second": round(n / max(seconds, 1e-9))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--blob", required=True)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--master", default=f"local[{os.cpu_count()}]")
    ap.add_argument("--out")
    a = ap.parse_args()

    import claimlint
    import pyarrow.parquet as pq
    import spark_claims

    v = claimlint.Validator(a.blob)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "claims.parquet")
        spark_claims.write_claims(src, a.claims)
        texts = pq.read_table(src).column("claim").to_pylist()

        t = time.perf_counter()
        v.check_claims_json(texts, today=TODAY, threads=1)
        one = rate(len(texts), time.perf_counter() - t)
        t = time.perf_counter()
        v.check_claims_json(texts, today=TODAY)
        every = rate(len(texts), time.perf_counter() - t)

        from pyspark.sql import SparkSession

        from claimlint.spark import validate_claims

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        spark = (SparkSession.builder.master(a.master).appName("claimlint-bench").config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                 .config("spark.sql.files.maxPartitionBytes", str(1 << 20)).getOrCreate())
        df = spark.read.parquet(src)
        # A first small job warms the JVM and the Python workers (each opens the blob once).
        validate_claims(df.limit(1000), a.blob, today=TODAY).count()
        t = time.perf_counter()
        out = os.path.join(tmp, "out.parquet")
        validate_claims(df, a.blob, today=TODAY).write.parquet(out)
        sp = rate(len(texts), time.perf_counter() - t)
        spark.stop()

    report = {"cores": os.cpu_count(), "load_average": round(os.getloadavg()[0], 1), "single_process_1_thread": one, "single_process_all_cores": every,
              "spark": {"master": a.master, **sp}}
    print(json.dumps(report, indent=2))
    if a.out:
        pathlib.Path(a.out).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
