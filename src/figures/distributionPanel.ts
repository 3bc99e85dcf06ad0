/** A panel of an initial distribution p: probability p_i against token index i on a log y axis (top rows of Figures 2 and 4). */
import type { PlotPanel } from "../report/index.ts";

/**
 * p_i against i = 1..s, log y; tokens with p_i = 0 are left out (the log axis drops them), so the
 * line ends at the support; `xMax` shows only tokens 1..xMax. Source: Figures 2 and 4 (top rows).
 * @example distributionPanel({ title: "S0 = 0.1", p: [0.5, 0.5, 0] }).layers[0].kind; // => "line"
 */
export function distributionPanel(options: { title: string; p: ArrayLike<number>; label?: string; color?: string; width?: number; height?: number; yDomain?: [number, number]; xMax?: number }): PlotPanel {
  const s = Math.min(options.p.length, options.xMax ?? options.p.length);
  const x = Array.from({ length: s }, (_, i) => i + 1);
  const y = Array.from(options.p).slice(0, s);
  return {
    title: options.title,
    width: options.width ?? 300,
    height: options.height ?? 150,
    x: { label: "token i", domain: [1, s] },
    y: { label: "p_i", scale: "log", domain: options.yDomain },
    layers: [
      { kind: "line", x, y, label: options.label, color: options.color ?? "#6a3d9a", strokeWidth: 1.6 },
      { kind: "points", x, y, shape: "circle", size: 10, color: options.color ?? "#6a3d9a" },
    ],
  };
}
