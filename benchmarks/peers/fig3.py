"""Figure 3 workload in numpy: Partially Synthetic training, the same N real samples every
generation plus n synthetic ones from the previous model, recording the measures the harness
records per generation (sigma, sup norm, L1 and L2 to p^(0) and p^(1), entropy, support size).

The real sample (N draws from p^(0)) is drawn once per run, as in the harness. Tokens outside
supp(p^(0)) are dropped up front (they can never appear), which favours numpy.
loop:       one run at a time, a Python loop over generations.
vectorised: all runs at once, one rng.multinomial call per generation on a (runs x tokens) matrix.
"""
import time

import numpy as np


def _measures(P, p0, p1):
    """Per row of P (models as probabilities): the recorded measures, summed into a checksum."""
    logs = np.log(np.where(P > 0, P, 1.0))
    sigma = (P * P).sum(axis=-1)
    sup = P.max(axis=-1)
    l1_0 = np.abs(P - p0).sum(axis=-1)
    l1_1 = np.abs(P - p1).sum(axis=-1)
    l2_0 = ((P - p0) ** 2).sum(axis=-1)
    l2_1 = ((P - p1) ** 2).sum(axis=-1)
    entropy = -(P * logs).sum(axis=-1)
    support = (P > 0).sum(axis=-1)
    return sigma, sup, l1_0, l1_1, np.sqrt(l2_0), np.sqrt(l2_1), l2_0, l2_1, entropy, support


def _loop(rng, p0, N, n, generations, runs):
    total = 0.0
    for _ in range(runs):
        real = rng.multinomial(N, p0)
        p1 = real / N
        p = p1
        records = [_measures(p, p0, p1)]
        for _m in range(2, generations + 1):
            p = (real + rng.multinomial(n, p)) / (N + n)
            records.append(_measures(p, p0, p1))
        total += float(sum(np.sum(r) for r in records))
    return total


def _vectorised(rng, p0, N, n, generations, runs):
    real = rng.multinomial(N, np.broadcast_to(p0, (runs, p0.size)))
    p1 = real / N
    P = p1
    total = float(sum(np.sum(r) for r in _measures(P, p0, p1)))
    for _m in range(2, generations + 1):
        P = (real + rng.multinomial(n, P)) / (N + n)
        total += float(sum(np.sum(r) for r in _measures(P, p0, p1)))
    return total


def partially_synthetic(p, N, n, generations, runs, seed, method):
    """Seconds to simulate `runs` Partially Synthetic runs of `generations` generations."""
    rng = np.random.default_rng(seed)
    p0 = np.asarray(p, dtype=np.float64)
    p0 = p0[p0 > 0]
    body = _loop if method == "loop" else _vectorised
    t0 = time.perf_counter()
    checksum = body(rng, p0, N, n, generations, runs)
    return {"seconds": time.perf_counter() - t0, "checksum": checksum}
