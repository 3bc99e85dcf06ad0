"""Binomial(n, p) draws, vectorised: rng.binomial(n, p, size) (the peer of src/sample binomial)."""
import numpy as np

from timing import per_call


def draws(n, p, size, seed, budget_s):
    """Seconds per call of rng.binomial(n, p, size) (size draws into one array)."""
    rng = np.random.default_rng(seed)
    seconds, calls, checksum = per_call(lambda: int(rng.binomial(n, p, size).sum()), budget_s)
    return {"seconds": seconds, "calls": calls, "checksum": checksum}
