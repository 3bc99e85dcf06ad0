/**
 * Dense LU factorisation with partial pivoting on a flat row-major Float64Array, and the
 * matching solve for several right-hand sides. Right-looking, row-oriented (the inner loop runs
 * along contiguous rows); multipliers that are exactly zero are skipped and each row remembers
 * where its last non-zero entry is, so banded or block-triangular matrices cost less than dim^3.
 */

/** An LU factorisation P A = L U stored in place (unit lower L below the diagonal, U on and above). */
export interface LuFactors {
  readonly dim: number;
  /** L and U packed row-major, `dim * dim` entries. */
  readonly lu: Float64Array;
  /** Row `i` of P A is row `perm[i]` of A. */
  readonly perm: Int32Array;
}

/** Panel width of the blocked factorisation. */
const PANEL = 32;
/** Column tile of the trailing update (a tile of the panel's U rows stays in cache). */
const TILE = 512;

/**
 * Factorises the dim x dim row-major matrix `a` in place (a is overwritten by L and U).
 * Blocked right-looking LU with partial pivoting: a panel of PANEL columns is factorised, then
 * the trailing rows receive the panel's rank-PANEL update four pivot rows at a time (row i is
 * loaded once per four updates instead of once per update). Cost at most (2/3) dim^3 flops.
 * Throws a RangeError when a pivot is exactly zero (singular).
 * @example luFactor(Float64Array.of(0, 1, 1, 0), 2).perm; // => Int32Array [1, 0]
 */
export function luFactor(a: Float64Array, dim: number): LuFactors {
  if (a.length !== dim * dim) throw new RangeError(`a must have dim * dim = ${dim * dim} entries, has ${a.length}`);
  const perm = new Int32Array(dim);
  const rowEnd = new Int32Array(dim);
  for (let i = 0; i < dim; i++) {
    perm[i] = i;
    let end = 0;
    const ri = i * dim;
    for (let j = dim - 1; j >= 0; j--) {
      if (a[ri + j] !== 0) {
        end = j + 1;
        break;
      }
    }
    rowEnd[i] = end;
  }
  for (let k0 = 0; k0 < dim; k0 += PANEL) {
    const k1 = Math.min(k0 + PANEL, dim);
    factorPanel(a, dim, k0, k1, perm, rowEnd);
    // U12: rows k0..k1-1, columns k1.. (unit lower triangular solve with L11)
    for (let i = k0 + 1; i < k1; i++) {
      const ri = i * dim;
      for (let t = k0; t < i; t++) {
        const l = a[ri + t];
        if (l === 0) continue;
        const rt = t * dim;
        const end = rowEnd[t];
        for (let j = k1; j < end; j++) a[ri + j] -= l * a[rt + j];
        if (rowEnd[i] < end) rowEnd[i] = end;
      }
    }
    trailingUpdate(a, dim, k0, k1, rowEnd);
  }
  return { dim, lu: a, perm };
}

function factorPanel(a: Float64Array, dim: number, k0: number, k1: number, perm: Int32Array, rowEnd: Int32Array): void {
  for (let k = k0; k < k1; k++) {
    let p = k;
    let best = Math.abs(a[k * dim + k]);
    for (let i = k + 1; i < dim; i++) {
      const v = Math.abs(a[i * dim + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (best === 0 || !Number.isFinite(best)) throw new RangeError(`a is singular (zero pivot in column ${k})`);
    const rk = k * dim;
    if (p !== k) {
      const rp = p * dim;
      for (let j = 0; j < dim; j++) {
        const t = a[rk + j];
        a[rk + j] = a[rp + j];
        a[rp + j] = t;
      }
      const tp = perm[k];
      perm[k] = perm[p];
      perm[p] = tp;
      const te = rowEnd[k];
      rowEnd[k] = rowEnd[p];
      rowEnd[p] = te;
    }
    const pivot = a[rk + k];
    const end = Math.min(rowEnd[k], k1);
    for (let i = k + 1; i < dim; i++) {
      const ri = i * dim;
      const aik = a[ri + k];
      if (aik === 0) continue;
      const f = aik / pivot;
      a[ri + k] = f;
      for (let j = k + 1; j < end; j++) a[ri + j] -= f * a[rk + j];
      if (rowEnd[i] < end) rowEnd[i] = end;
    }
  }
}

/** A22 -= L21 U12 for rows k1.., columns k1.., with the panel columns k0..k1-1. */
function trailingUpdate(a: Float64Array, dim: number, k0: number, k1: number, rowEnd: Int32Array): void {
  let panelEnd = k1;
  for (let t = k0; t < k1; t++) if (rowEnd[t] > panelEnd) panelEnd = rowEnd[t];
  for (let j0 = k1; j0 < panelEnd; j0 += TILE) {
    const jTile = Math.min(j0 + TILE, panelEnd);
    for (let i = k1; i < dim; i++) {
      const ri = i * dim;
      let touched = false;
      let t = k0;
      for (; t + 3 < k1; t += 4) {
        const l0 = a[ri + t];
        const l1 = a[ri + t + 1];
        const l2 = a[ri + t + 2];
        const l3 = a[ri + t + 3];
        if (l0 === 0 && l1 === 0 && l2 === 0 && l3 === 0) continue;
        const end = Math.min(jTile, Math.max(rowEnd[t], rowEnd[t + 1], rowEnd[t + 2], rowEnd[t + 3]));
        const r0 = t * dim;
        const r1 = r0 + dim;
        const r2 = r1 + dim;
        const r3 = r2 + dim;
        for (let j = j0; j < end; j++) {
          a[ri + j] -= l0 * a[r0 + j] + l1 * a[r1 + j] + l2 * a[r2 + j] + l3 * a[r3 + j];
        }
        touched = true;
      }
      for (; t < k1; t++) {
        const l = a[ri + t];
        if (l === 0) continue;
        const end = Math.min(jTile, rowEnd[t]);
        const rt = t * dim;
        for (let j = j0; j < end; j++) a[ri + j] -= l * a[rt + j];
        touched = true;
      }
      if (touched && rowEnd[i] < jTile) {
        let end = k1;
        for (let u = k0; u < k1; u++) if (a[ri + u] !== 0 && rowEnd[u] > end) end = rowEnd[u];
        if (rowEnd[i] < Math.min(end, jTile)) rowEnd[i] = Math.min(end, jTile);
      }
    }
  }
}

/**
 * Solves A X = B for X given the factors of A; `b` is row-major dim x nrhs and is not modified.
 * Returns X, row-major dim x nrhs.
 * @example luSolve(luFactor(Float64Array.of(2, 0, 0, 4), 2), Float64Array.of(2, 8), 1); // => Float64Array [1, 2]
 */
export function luSolve(f: LuFactors, b: Float64Array, nrhs: number): Float64Array {
  const { dim, lu, perm } = f;
  if (b.length !== dim * nrhs) throw new RangeError(`b must have dim * nrhs = ${dim * nrhs} entries, has ${b.length}`);
  const x = new Float64Array(dim * nrhs);
  for (let i = 0; i < dim; i++) {
    const src = perm[i] * nrhs;
    for (let c = 0; c < nrhs; c++) x[i * nrhs + c] = b[src + c];
  }
  for (let i = 1; i < dim; i++) {
    const ri = i * dim;
    const xi = i * nrhs;
    for (let j = 0; j < i; j++) {
      const l = lu[ri + j];
      if (l === 0) continue;
      const xj = j * nrhs;
      for (let c = 0; c < nrhs; c++) x[xi + c] -= l * x[xj + c];
    }
  }
  for (let i = dim - 1; i >= 0; i--) {
    const ri = i * dim;
    const xi = i * nrhs;
    for (let j = i + 1; j < dim; j++) {
      const u = lu[ri + j];
      if (u === 0) continue;
      const xj = j * nrhs;
      for (let c = 0; c < nrhs; c++) x[xi + c] -= u * x[xj + c];
    }
    const d = lu[ri + i];
    for (let c = 0; c < nrhs; c++) x[xi + c] /= d;
  }
  return x;
}
