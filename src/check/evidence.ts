/** Number formatting for evidence lines: 4 significant digits, exponent form when tiny or huge. */
export function formatEvidenceNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a < 1e-3 || a >= 1e6) return x.toExponential(3);
  return Number(x.toPrecision(4)).toString();
}
