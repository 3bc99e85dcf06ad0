/**
 * The calibration plot: detection probability against the discrepancy, one panel per power
 * family, with the 95% Clopper-Pearson band of each rate, the 95% level and the stated epsilon.
 * @example calibrationPlotSpec(report).panels.length === report.power.length; // => true
 */
import type { PlotSpec } from "../report/index.ts";
import type { CalibrationReport } from "./types.ts";

export function calibrationPlotSpec(r: CalibrationReport): PlotSpec {
  return {
    title: "Calibration: detection probability against the size of the discrepancy",
    parameters: { "per-check delta": r.defaultDelta, "seeds per size": r.seeds.power },
    seed: r.seed,
    note: "95% Clopper-Pearson band; dashed: 95% detection; vertical: the epsilon the check states",
    columns: 3,
    panels: r.power.map((p) => ({
      title: p.family,
      width: 300,
      height: 180,
      x: { label: "discrepancy" },
      y: { label: "P(refuted)", domain: [0, 1] as [number, number] },
      layers: [
        { kind: "band", x: p.curve.map((c) => c.discrepancy), lower: p.curve.map((c) => c.detected.lo), upper: p.curve.map((c) => c.detected.hi) },
        { kind: "line", x: p.curve.map((c) => c.discrepancy), y: p.curve.map((c) => c.detected.rate) },
        { kind: "points", x: p.curve.map((c) => c.discrepancy), y: p.curve.map((c) => c.detected.rate), shape: "circle", size: 30 },
        { kind: "rule", y: 0.95, dashed: true },
        ...(Number.isFinite(p.statedEpsilon) ? [{ kind: "rule" as const, x: p.statedEpsilon }] : []),
      ],
    })),
    legend: false,
  };
}
