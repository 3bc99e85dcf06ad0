/** House style of the plots: the font, the default colours by layer kind, the dash pattern. */

/** The font every text of a plot uses (installed here; resvg is pointed at it). */
export const PLOT_FONT = "DejaVu Sans";

/** Default colours by layer kind: faint runs in amber, their mean in red, bounds in blue. */
export const PLOT_COLORS = {
  lines: "#e8a817",
  line: "#d62728",
  dashed: "#1f5fbf",
  points: "#222222",
  band: "#1f5fbf",
  histogram: "#8a8a8a",
  rule: "#d62728",
  text: "#333333",
} as const;

/** Dash pattern of dashed lines and rules, in pixels. */
export const DASH: readonly number[] = [6, 4];
