/**
 * The 2-simplex Delta^2 as a plot panel (Figure 1): a distribution p = (p1, p2, p3) is drawn at
 * x = p2 + p3 / 2, y = (sqrt 3 / 2) p3, so the vertices e1, e2, e3 sit at (0, 0), (1, 0), (1/2, sqrt 3 / 2).
 */
import { PLOT_COLORS } from "./style.ts";
import type { Numbers, PlotLayer, PlotPanel } from "./types.ts";

const H = Math.sqrt(3) / 2;
const TOLERANCE = 1e-9;

function checkPoint(p: Numbers, name: string): void {
  if (p === null || typeof p !== "object" || p.length !== 3) throw new RangeError(`${name} must have 3 entries (a point of the 2-simplex)`);
  for (let i = 0; i < 3; i++) {
    const v = p[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v < -TOLERANCE) throw new RangeError(`${name}[${i}] must be finite and >= 0, got ${v}`);
  }
  const sum = p[0] + p[1] + p[2];
  if (Math.abs(sum - 1) > TOLERANCE) throw new RangeError(`${name} must sum to 1, sums to ${sum}`);
}

/**
 * Planar coordinates of p in Delta^2: [p2 + p3 / 2, (sqrt 3 / 2) p3] (unchecked).
 * @example simplexXY([0, 0, 1]); // => [0.5, 0.8660254037844386]
 */
export function simplexXY(p: Numbers): [number, number] {
  return [p[1] + p[2] / 2, H * p[2]];
}

/** Options of `simplexPanel`. */
export interface SimplexPanelOptions {
  title?: string;
  /** Distributions drawn as dots (e.g. the 81 conditional distributions p^(m) of Figure 1). */
  points?: ReadonlyArray<Numbers>;
  /** Paths p^(0), p^(1), ... drawn as faint lines. */
  trajectories?: ReadonlyArray<ReadonlyArray<Numbers>>;
  /** Names of the three vertices (default "token 1", "token 2", "token 3"). */
  vertexLabels?: readonly [string, string, string];
  pointLabel?: string;
  pointColor?: string;
  trajectoryLabel?: string;
  trajectoryColor?: string;
  /** Width of the panel in pixels (default 240); the height keeps the triangle equilateral. */
  size?: number;
}

/**
 * A PlotPanel showing points and trajectories on the 2-simplex, with the triangle and its vertex
 * labels and no axes; put several side by side in a PlotSpec for p^(0), p^(10), ...
 * @example simplexPanel({ title: "m = 0", points: [[0.5, 0.3, 0.2]] }).layers.length; // => 4
 */
export function simplexPanel(options: SimplexPanelOptions): PlotPanel {
  if (options === null || typeof options !== "object") throw new TypeError("options must be an object");
  const layers: PlotLayer[] = [{ kind: "line", x: [0, 1, 0.5, 0], y: [0, 0, H, 0], color: "#777777", strokeWidth: 1 }];
  if (options.trajectories !== undefined) {
    if (!Array.isArray(options.trajectories)) throw new TypeError("trajectories must be an array of paths");
    const series = options.trajectories.map((path, r) => {
      if (!Array.isArray(path)) throw new TypeError(`trajectories[${r}] must be an array of points`);
      const x: number[] = [];
      const y: number[] = [];
      path.forEach((p, m) => {
        checkPoint(p, `trajectories[${r}][${m}]`);
        const [a, b] = simplexXY(p);
        x.push(a);
        y.push(b);
      });
      return { x, y };
    });
    layers.push({ kind: "lines", series, label: options.trajectoryLabel, color: options.trajectoryColor ?? PLOT_COLORS.lines, opacity: 0.5, strokeWidth: 0.8 });
  }
  if (options.points !== undefined) {
    if (!Array.isArray(options.points)) throw new TypeError("points must be an array of distributions");
    const x: number[] = [];
    const y: number[] = [];
    options.points.forEach((p, i) => {
      checkPoint(p, `points[${i}]`);
      const [a, b] = simplexXY(p);
      x.push(a);
      y.push(b);
    });
    layers.push({ kind: "points", x, y, shape: "circle", size: 22, opacity: 0.7, label: options.pointLabel, color: options.pointColor ?? "#1f5fbf" });
  }
  const names = options.vertexLabels ?? ["token 1", "token 2", "token 3"];
  if (!Array.isArray(names) || names.length !== 3) throw new RangeError("vertexLabels must have 3 names");
  const text = { kind: "text", fontSize: 10, color: "#333333" } as const;
  layers.push({ ...text, x: [0, 1], y: [0, 0], text: [String(names[0]), String(names[1])], baseline: "top", dy: 4 });
  layers.push({ ...text, x: [0.5], y: [H], text: [String(names[2])], baseline: "bottom", dy: -4 });
  const size = options.size ?? 240;
  const xDomain: [number, number] = [-0.14, 1.14];
  const yDomain: [number, number] = [-0.12, H + 0.1];
  const height = Math.round((size * (yDomain[1] - yDomain[0])) / (xDomain[1] - xDomain[0]));
  return {
    title: options.title,
    width: size,
    height,
    x: { label: "p2 + p3/2", domain: xDomain, hidden: true },
    y: { label: "(√3/2) p3", domain: yDomain, hidden: true },
    layers,
  };
}
