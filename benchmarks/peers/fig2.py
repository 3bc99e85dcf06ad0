"""Figure 2 workload in numpy: Fully Synthetic chains run to collapse,
p^(m) = Multinomial(n, p^(m-1)) / n, T = first m with one token left.

loop:       the idiomatic version, one run at a time, a Python loop over generations calling
            rng.multinomial on the live tokens only (dead tokens are dropped after each generation,
            so a generation costs O(live tokens), as in the harness).
vectorised: all runs at once, one rng.multinomial call per generation on a (live runs x tokens)
            matrix of probabilities; runs leave the matrix when they collapse, and token columns
            dead in every live run are dropped.
"""
import time

import numpy as np


def _loop(rng, p, n, runs, cap):
    live0 = p[p > 0]
    times = []
    for _ in range(runs):
        q = live0
        T = None
        for m in range(1, cap + 1):
            x = rng.multinomial(n, q)
            x = x[x > 0]
            if x.size == 1:
                T = m
                break
            q = x / n
        times.append(T)
    return times


def _vectorised(rng, p, n, runs, cap):
    P = np.tile(p[p > 0], (runs, 1))
    run_ids = np.arange(runs)
    T = np.zeros(runs, dtype=np.int64)
    for m in range(1, cap + 1):
        X = rng.multinomial(n, P)
        done = X.max(axis=1) == n
        T[run_ids[done]] = m
        keep = ~done
        if not keep.any():
            break
        X = X[keep]
        run_ids = run_ids[keep]
        X = X[:, (X > 0).any(axis=0)]
        P = X / n
    return [int(t) if t > 0 else None for t in T]


def collapse_times(p, ns, runs, cap_per_n, cap_base, seed, method):
    """Seconds per n (and in all) of `runs` chains to collapse for each n in ns; cap = cap_per_n * n + cap_base."""
    rng = np.random.default_rng(seed)
    pv = np.asarray(p, dtype=np.float64)
    body = _loop if method == "loop" else _vectorised
    per_n = []
    checksum = 0
    for n in ns:
        cap = cap_per_n * n + cap_base
        t0 = time.perf_counter()
        T = body(rng, pv, n, runs, cap)
        per_n.append(time.perf_counter() - t0)
        checksum += sum(t for t in T if t is not None)
    return {"seconds": sum(per_n), "perN": per_n, "checksum": checksum}
