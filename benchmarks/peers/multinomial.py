"""Multinomial(n, p) single draws with numpy.random.Generator.multinomial (the peer of
src/sample multinomial / multinomialOnSupport)."""
import numpy as np

from timing import per_call


def draw(n, p, seed, budget_s):
    """Seconds per rng.multinomial(n, p) call; p is given by the harness (same vector both sides)."""
    rng = np.random.default_rng(seed)
    pv = np.asarray(p, dtype=np.float64)
    seconds, calls, checksum = per_call(lambda: int(rng.multinomial(n, pv)[0]), budget_s)
    return {"seconds": seconds, "calls": calls, "checksum": checksum}
