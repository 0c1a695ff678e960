import os
import pathlib
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(pathlib.Path(__file__).parent))


@pytest.fixture(scope="session")
def blob_path():
    p = pathlib.Path(os.environ.get("CLAIMLINT_TEST_BLOB", REPO / "pkg" / "codesets.blob"))
    if not p.is_file():
        pytest.fail(f"{p} missing: run scripts/build.sh first")
    return str(p)


@pytest.fixture(scope="session")
def validator(blob_path):
    import claimlint

    return claimlint.Validator(blob_path)
