"""The exact Fully Synthetic chain for s = 2 in numpy: the (n+1) x (n+1) binomial transition
matrix K[i, j] = P(Bin(n, i/n) = j), then with the transient states 1..n-1:
E[T] by numpy.linalg.solve((I - Q) t = 1), P(limit = delta_1) by a second right-hand side, and
rho_m = P(||p^(m)||_inf = 1), m = 0..M, by propagating the law of the count. (The harness also
computes the first-loss time and S_m; this peer does the dense solve that dominates.)
"""
import math
import time

import numpy as np


def _log_binomial_rows(n, probs):
    """log P(Bin(n, q) = j) for each q in probs (rows) and j = 0..n (columns); q in (0, 1)."""
    j = np.arange(n + 1)
    log_fact = np.concatenate(([0.0], np.cumsum(np.log(np.arange(1, n + 1)))))
    log_choose = log_fact[n] - log_fact[j] - log_fact[n - j]
    q = np.asarray(probs)[:, None]
    return log_choose + j * np.log(q) + (n - j) * np.log1p(-q)


def two_tokens(p1, n, M, seed):
    """Seconds to build and solve the s = 2 chain with p^(0) = (p1, 1 - p1) and sample size n."""
    del seed
    t0 = time.perf_counter()
    inner = np.arange(1, n) / n
    K = np.exp(_log_binomial_rows(n, inner))  # rows: transient states i = 1..n-1
    start = np.exp(_log_binomial_rows(n, [p1]))[0]
    Q = K[:, 1:n]
    A = np.eye(n - 1) - Q
    rhs = np.stack([np.ones(n - 1), K[:, n]], axis=1)
    sol = np.linalg.solve(A, rhs)
    expected_T = 1.0 + start[1:n] @ sol[:, 0]
    absorbed_1 = start[n] + start[1:n] @ sol[:, 1]
    law = start.copy()
    rho = [0.0, float(law[0] + law[n])]
    for _m in range(2, M + 1):
        nxt = law[1:n] @ K
        nxt[0] += law[0]
        nxt[n] += law[n]
        law = nxt
        rho.append(float(law[0] + law[n]))
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "expectedCollapseTime": float(expected_T), "absorption": float(absorbed_1), "checksum": float(sum(rho))}
