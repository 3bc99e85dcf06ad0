"""Per-call timing of a numpy call, the way the harness's micro benchmarks time theirs."""
import statistics
import time


def per_call(fn, budget_s, samples=15):
    """Median over `samples` batches of the mean time of one fn() call, in seconds.

    The batch size is grown until one batch takes budget_s / samples; the batches then run back
    to back. Returns (seconds per call, calls timed, sum of fn's results)."""
    fn()
    fn()
    target = budget_s / samples
    batch = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(batch):
            fn()
        if time.perf_counter() - t0 >= target or batch >= 1 << 24:
            break
        batch *= 2
    times = []
    checksum = 0
    for _ in range(samples):
        acc = 0
        t0 = time.perf_counter()
        for _ in range(batch):
            acc += fn()
        times.append((time.perf_counter() - t0) / batch)
        checksum += acc
    return statistics.median(times), batch * samples, int(checksum)
