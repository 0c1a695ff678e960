#!/usr/bin/env python3
"""Extracts the three CMS I/OCE tables the shared decoded data leaves out (it skips them as
"pricing") from the table database shipped in PyPI pyoce==0.1.0, keeping only the columns the
edits read, never an amount:

  data_capc.tsv.gz        hcpcs, rank, lo_version, hi_version
                          (the comprehensive-APC rank that picks the primary J1 procedure)
  data_apc.tsv.gz         apc, status_indicator, lo_version, hi_version
  offset_codepair.tsv.gz  list_id, code1, code2, date_activated, lo_version, hi_version
                          (pass-through device + procedure pairs, edits 98 and 105)
  PROVENANCE.tsv          package, version, database file, its sha256, tables and row counts

    python ioce_pyoce_tables.py OUTDIR

Run with the Python that has pyoce 0.1.0 (scripts/python-env.sh). pyoce keeps its database as
an LMDB environment (one sub-database per CMS table; keys are the table's key columns joined
with "|", values are Python marshal dicts); pyoce inflates it from pyoce/data/pyoce.mdb.xz into
~/.cache/pyoce on first use; this script reads it through pyoce's own provider. The files are
gzip level 9 with mtime 0, so the same database gives the same bytes.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import marshal
import os
import sys

import pyoce

TABLES = {
    # sub-database: (header, function of (key fields, value dict) -> row fields)
    "data_capc": (["hcpcs", "rank", "lo_version", "hi_version"], lambda k, v: [k[0], v["rank"]]),
    "data_apc": (["apc", "status_indicator", "lo_version", "hi_version"], lambda k, v: [k[0], v["status_indicator"]]),
    "offset_codepair": (
        ["list_id", "code1", "code2", "date_activated", "lo_version", "hi_version"],
        lambda k, v: [k[0], k[1], k[2], v["date_activated"]],
    ),
}


def database():
    """pyoce's opened LMDB environment (pyoce inflates its bundled archive on first use) and the
    path of its database file."""
    from pyoce.dao.provider import LmdbDataProvider

    env = LmdbDataProvider.get_instance().env
    path = env.path()
    if not os.path.isfile(path):
        sys.exit(f"pyoce's table database {path} is not a file")
    return env, path


def field(x) -> str:
    if x is None or x is False:
        return "0"
    if x is True:
        return "1"
    s = str(x)
    if any(c in s for c in "\t\r\n"):
        sys.exit(f"unexpected separator in value {s!r}")
    return s


def gz_tsv(header, rows) -> bytes:
    text = "".join("\t".join(r) + "\n" for r in [header, *rows]).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text)
    return buf.getvalue()


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main(out: str) -> None:
    if pyoce.__version__ != "0.1.0":
        sys.exit(f"pyoce {pyoce.__version__} installed; the I/OCE tables are read from pyoce 0.1.0")
    env, path = database()
    os.makedirs(out, exist_ok=True)
    counts = []
    for name, (header, pick) in TABLES.items():
        rows = []
        with env.begin(db=env.open_db(name.encode(), create=False)) as txn:
            for k, v in txn.cursor():
                key = bytes(k).decode("utf-8").split("|")
                value = marshal.loads(bytes(v))
                rows.append([field(x) for x in pick(key, value)] + [field(value["lo_version"]), field(value["hi_version"])])
        rows.sort()
        data = gz_tsv(header, rows)
        with open(os.path.join(out, f"{name}.tsv.gz.tmp"), "wb") as f:
            f.write(data)
        os.replace(os.path.join(out, f"{name}.tsv.gz.tmp"), os.path.join(out, f"{name}.tsv.gz"))
        counts.append(f"{name}={len(rows)}")
    provenance = [
        ["package", "version", "database", "database_sha256", "tables"],
        ["pyoce", pyoce.__version__, "pyoce/data/pyoce.mdb.xz (inflated)", sha256_file(path), ",".join(counts)],
    ]
    with open(os.path.join(out, "PROVENANCE.tsv"), "w", encoding="utf-8") as f:
        f.write("".join("\t".join(r) + "\n" for r in provenance))
    print(f"I/OCE tables from pyoce {pyoce.__version__}: {', '.join(counts)} -> {out}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
