import { describe, expect, it } from "vitest";
import { worstRowMeasurement } from "./worstRow.ts";

describe("worstRowMeasurement", () => {
  const rows = [
    { label: "a", predicted: 1, estimate: 0.5, lo: 0.4, hi: 0.6 },
    { label: "b", predicted: 1, estimate: 0.9, lo: 0.85, hi: 0.95 },
    { label: "c", predicted: 1, estimate: 1.1, lo: 1.05, hi: 1.15 },
  ];
  it("reports a refuted row first", () => {
    expect(worstRowMeasurement("atMost", rows, 10, "x").estimate).toBe(1.1);
  });
  it("else the row with the least slack", () => {
    expect(worstRowMeasurement("atMost", rows.slice(0, 2), 10, "x").estimate).toBe(0.9);
    expect(worstRowMeasurement("atLeast", rows.map((r) => ({ ...r, predicted: 0.3 })), 10, "x").estimate).toBe(0.5);
  });
  it("states the reported row's width as its epsilon, not the widest row's", () => {
    expect(worstRowMeasurement("atMost", rows.slice(0, 2), 10, "x").epsilon).toBeCloseTo(0.1, 12);
  });
    it("for equalities, the largest discrepancy in half-widths", () => {
    const eq = [
      { label: "a", predicted: 0, estimate: 0.1, lo: -0.5, hi: 0.7 },
      { label: "b", predicted: 0, estimate: 0.05, lo: -0.01, hi: 0.11 },
    ];
    expect(worstRowMeasurement("equals", eq, 10, "x").estimate).toBe(0.05);
  });
});
