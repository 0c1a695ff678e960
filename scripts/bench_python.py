"""Python baseline: simple_icd_10_cm (is_valid_item, is_leaf) over the same inputs as the
native benchmark. Usage: python3 bench_python.py INPUTS.json OUT.json"""
import json
import sys
import time

import simple_icd_10_cm as cm

inputs = json.load(open(sys.argv[1]))
start = time.perf_counter()
for s in inputs:
    if cm.is_valid_item(s):
        cm.is_leaf(s)
elapsed = time.perf_counter() - start
json.dump({"package": "simple-icd-10-cm 1.5.0", "inputs": len(inputs), "us_per_input": elapsed * 1e6 / len(inputs)}, open(sys.argv[2], "w"))
