"""A seeded claim mix for the Python and Spark tests and the benchmark: professional
claims with 1-12 diagnoses and 1-20 lines from common codes, a few with errors."""
import json
import random

DIAGNOSES = [
    "J18.9", "J15.9", "I10", "E11.9", "E78.5", "N18.30", "I50.9", "J44.1", "K21.9", "M54.50", "R07.9", "Z79.4",
    "F41.9", "E66.9", "J06.9", "N39.0", "M17.11", "R51.9", "Z00.00", "G47.33", "E03.9", "I25.10", "S72.001A",
    "W19.XXXA", "T36.0X1A", "T36.01A", "K35.2", "Z23", "M25.561", "H10.9", "J02.9", "R05.9",
]
PROCEDURES = [
    "99213", "99214", "99203", "71046", "93000", "85025", "80053", "36415", "83036", "81003", "94640", "J1100",
    "96372", "20610", "11102", "73560", "87880", "90471", "90686", "99396", "G0439", "82947", "80061", "97110",
]


def claims(n, seed=42):
    """`n` claims as dicts with ids `c0`, `c1`, ...; the same for a given seed."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        ndx = rng.randint(1, 12)
        dx = [{"code": rng.choice(DIAGNOSES)} for _ in range(ndx)]
        lines = []
        for j in range(rng.randint(1, 20)):
            ptr = "ABCD"[: rng.randint(1, min(ndx, 4))]
            lines.append({
                "dateFrom": "2026-04-15", "pos": "11", "code": rng.choice(PROCEDURES),
                "modifiers": ["25"] if j % 5 == 0 else [], "units": rng.randint(1, 2),
                "pointers": list(ptr), "charge": rng.randint(50, 450),
            })
        out.append({
            "id": f"c{i}", "claimType": "professional",
            "patient": {"sex": rng.choice("FM"), "dateOfBirth": "1961-07-04"},
            "diagnoses": dx, "lines": lines,
        })
    return out


def claims_json(n, seed=42):
    return [json.dumps(c, separators=(",", ":")) for c in claims(n, seed)]
