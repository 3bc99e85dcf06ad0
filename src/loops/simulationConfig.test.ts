import { describe, expect, it } from "vitest";
import { checkSimulationConfig, type SimulationConfig } from "./simulationConfig.ts";

const base: SimulationConfig = { setting: "fully-synthetic", p0: [0.5, 0.5], n: 10, generations: 5 };

function throwsNaming(config: unknown, kind: typeof RangeError | typeof TypeError, name: string): void {
  expect(() => checkSimulationConfig(config as SimulationConfig)).toThrow(kind);
  expect(() => checkSimulationConfig(config as SimulationConfig)).toThrow(new RegExp(`^${name.replace(/[[\]]/g, "\\$&")}`));
}

describe("checkSimulationConfig", () => {
  it("accepts a valid configuration and fills defaults", () => {
    const c = checkSimulationConfig(base);
    expect(c.stopAtCollapse).toBe(false);
    expect(c.realSample).toBeNull();
    expect(c.schedule.corpusSize).toBe(10);
    expect(checkSimulationConfig({ ...base, setting: "accumulate" }).N).toBe(10);
  });
  it("rejects bad p0, n, N, K, generations, setting by name", () => {
    throwsNaming({ ...base, p0: [0.5, 0.6] }, RangeError, "p0");
    throwsNaming({ ...base, p0: [0.5, NaN] }, TypeError, "p0[1]");
    throwsNaming({ ...base, p0: [1.5, -0.5] }, RangeError, "p0[1]");
    throwsNaming({ ...base, n: 0 }, RangeError, "n");
    throwsNaming({ ...base, n: 2.5 }, TypeError, "n");
    throwsNaming({ ...base, generations: 0 }, RangeError, "generations");
    throwsNaming({ ...base, setting: "half-synthetic" }, RangeError, "setting");
    throwsNaming({ ...base, setting: "partially-synthetic", N: -1 }, RangeError, "N");
    throwsNaming({ ...base, setting: "partially-synthetic", N: 0 }, RangeError, "N");
    throwsNaming({ ...base, setting: "partially-synthetic" }, TypeError, "N");
    throwsNaming({ ...base, setting: "most-recent", K: 0 }, RangeError, "K");
    throwsNaming({ ...base, setting: "most-recent", K: 11 }, RangeError, "K");
    throwsNaming({ ...base, setting: "most-recent" }, TypeError, "K");
    throwsNaming({ ...base, realData: "recycled" }, RangeError, "realData");
    throwsNaming({ ...base, stopAtCollapse: "yes" }, TypeError, "stopAtCollapse");
    throwsNaming({ ...base, setting: "accumulate", n: 1000, generations: 3e6 }, RangeError, "generations");
  });
  it("checks a given real sample: integers, length s, total = corpus size, not with fresh data", () => {
    expect(checkSimulationConfig({ ...base, realSample: [4, 6] }).realSample).toEqual(Int32Array.of(4, 6));
    throwsNaming({ ...base, realSample: [4, 5] }, RangeError, "realSample");
    throwsNaming({ ...base, realSample: [4, 6, 0] }, RangeError, "realSample");
    throwsNaming({ ...base, realSample: [4.5, 5.5] }, TypeError, "realSample[0]");
    throwsNaming({ ...base, realSample: [-1, 11] }, RangeError, "realSample[0]");
    throwsNaming({ ...base, realData: "fresh", realSample: [4, 6] }, RangeError, "realSample");
  });
});
