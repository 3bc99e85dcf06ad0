import { describe, expect, it } from "vitest";
import { meanAndError, meanByIndex } from "./meanByIndex.ts";
import { absorptionTime, runStudy } from "./runStudy.ts";
import { summaryNumber, summaryNumbers } from "./summaryNumber.ts";

describe("absorptionTime", () => {
  it("is the end of the first run of K Dirac masses after m = 0", () => {
    expect(absorptionTime([0.5, 1, 0.9, 1, 1], 2)).toBe(4);
    expect(absorptionTime([0.5, 1, 0.9, 1, 1], 1)).toBe(1);
    expect(absorptionTime([1, 0.5, 1], 2)).toBeNull();
    expect(absorptionTime([0.5, 0.6], 1)).toBeNull();
  });
});

describe("runStudy", () => {
  it("averages all runs, keeps the first `drawn`, and records T per run", () => {
    const config = { setting: "fully-synthetic" as const, p0: [0.5, 0.5], n: 4, generations: 30 };
    const s = runStudy(1, config, 6, 2, 1);
    expect(s.sigmaRuns).toHaveLength(2);
    expect(s.T).toHaveLength(6);
    expect(s.absorbed).toEqual(s.T);
    const all = runStudy(1, config, 6, 6);
    expect(s.meanSigma).toEqual(meanByIndex(all.sigmaRuns));
    expect(all.sigmaRuns.slice(0, 2)).toEqual(s.sigmaRuns);
  });
});

describe("meanByIndex, meanAndError, summaryNumber", () => {
  it("compute pointwise means, mean and standard error with missing values, and 6-digit rounding", () => {
    expect(meanByIndex([[0, 2], [2, 4, 9]])).toEqual([1, 3]);
    expect(meanAndError([1, 3, null])).toEqual({ mean: 2, se: 1, count: 2, missing: 1 });
    expect(meanAndError([null]).missing).toBe(1);
    expect(summaryNumber(1 / 3)).toBe(0.333333);
    expect(summaryNumbers([2 / 3, null], 2)).toEqual([0.67, null]);
  });
});
