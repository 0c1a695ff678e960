"""claimlint: validate US medical billing codes and claims against official CMS code sets.

    >>> import claimlint
    >>> v = claimlint.Validator("pkg/codesets.blob")
    >>> v.check_code("icd10cm", "T36.01A", on="2026-03-15")["state"]
    'invalid_format'
    >>> results = v.check_claims(claims, today="2026-05-01")   # every core, input order

`Validator.check_claims_json` takes and returns JSON text, for columns from Arrow, Polars or
Spark (see `claimlint.spark` for a PySpark `mapInArrow` example).
"""
from ._claimlint import Validator, __version__

__all__ = ["Validator", "__version__"]
