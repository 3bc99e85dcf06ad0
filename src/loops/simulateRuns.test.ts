import { describe, expect, it } from "vitest";
import { simulateRuns } from "./simulateRuns.ts";
import type { SimulationConfig } from "./simulationConfig.ts";

const config: SimulationConfig = { setting: "partially-synthetic", p0: [0.5, 0.3, 0.2], n: 10, N: 20, generations: 5 };

class Stop extends Error {}

describe("simulateRuns", () => {
  it("makes each run's generator when the run starts: the first runs of 2e7 finish at once (eagerly, 10 s and 1.4 GB of generators first)", () => {
    const started = Date.now();
    let done = 0;
    expect(() =>
      simulateRuns(1, config, 2e7, (d) => {
        done = d;
        if (d === 3) throw new Stop();
      }),
    ).toThrow(Stop);
    expect(done).toBe(3);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("run r is the same whatever the first run and the number of runs", () => {
    const all = simulateRuns(4, config, 6);
    expect(JSON.stringify(simulateRuns(4, config, 3, undefined, 3))).toBe(JSON.stringify(all.slice(3)));
    expect(JSON.stringify(simulateRuns(4, config, 2))).toBe(JSON.stringify(all.slice(0, 2)));
  });
});
