"""numpy peer of the collapse-harness benchmarks: a JSON-lines server.

Spawned once per benchmark run as `python3 benchmarks/peers/peer.py`. Each stdin line is a request
{"op": "<module>.<function>", "args": {...}}; each answer is one stdout line of JSON. Every op
draws its inputs and builds its generator before the timed region, times only its inner loop with
time.perf_counter, and returns a checksum of what it drew so that the work cannot be skipped.
A line {"op": "info"} returns the Python and numpy versions.
"""
import json
import platform
import sys
import traceback

import numpy as np

import binomial
import exact_chain
import fig2
import fig3
import multinomial

MODULES = {
    "multinomial": multinomial,
    "binomial": binomial,
    "fig2": fig2,
    "fig3": fig3,
    "exact_chain": exact_chain,
}


def info(_args):
    return {"python": platform.python_version(), "numpy": np.__version__}


def dispatch(request):
    op = request["op"]
    args = request.get("args", {})
    if op == "info":
        return info(args)
    module, _, name = op.partition(".")
    return getattr(MODULES[module], name)(**args)


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            answer = {"ok": True, "result": dispatch(json.loads(line))}
        except Exception as err:  # reported to the harness, which fails the benchmark
            answer = {"ok": False, "error": f"{type(err).__name__}: {err}", "trace": traceback.format_exc()}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
