/**
 * Filament geometry from a vacancy map: length along the filament axis, width, gap and the
 * residual vacancies in the gap, and radial profiles (for the Soret ring).
 *
 * Sub-cell definitions (so that the numbers are not multiples of the grid spacing): the axis
 * profile and each row's radial profile are reconstructed piecewise-linearly between cell
 * centres (constant from the last centre to the wall or electrode; rows may have different
 * heights). The length is the measure of the set {z : n_axis(z) >= thr}; the width of a row is
 * twice the radius at which n(r) falls below thr; the width of the filament is the mean over
 * the rows weighted by the part of each row's height that lies in the filament. The residue is
 * the number of vacancies in excess of the initial background n0 inside the gap rows and the
 * filament footprint.
 * @module physics/continuum/metrics
 */
import type { ContinuumSolver } from './solver.js';

/** Geometry of the filament at a density threshold (fraction of nMax). */
export interface FilamentGeometry {
  /** Height (m) of the part of the axis at or above threshold (sub-cell, interpolated). */
  length: number;
  /** Remaining gap (m): thickness - length. */
  gap: number;
  /** The gap in rows: sum over rows of the part of the row height below threshold on the axis. */
  gapRows: number;
  /** Mean full width (m) of the above-threshold region over the filament rows (interpolated). */
  width: number;
  /** Full width at the bottom row (m). */
  baseWidth: number;
  /** Vacancies (count) above the background n0 in the gap rows (axis below threshold) within the filament footprint. */
  gapIons: number;
  /** Mean density in that gap region (m^-3), background included. */
  gapDensity: number;
}

/** Index of the axis column: i = 0 (axisymmetric) or the centre column (planar). */
export function axisColumn(s: ContinuumSolver): number {
  return s.p.geometry === 0 ? 0 : Math.floor(s.nx / 2);
}

/**
 * Measure of {u in [0, L] : f(u) >= thr} for f linear between the samples f[k] at centres
 * (k + 0.5) h and constant beyond the first and last centre (uniform spacing h, L = m h).
 */
export function aboveMeasure(f: ArrayLike<number>, h: number, thr: number): number {
  const c = Array.from({ length: f.length }, (_, k) => (k + 0.5) * h);
  return aboveMeasureOn(f, c, 0, f.length * h, thr);
}

/**
 * Measure of {u in [a, b] : f(u) >= thr} for f linear between the samples f[k] at the
 * increasing positions c[k] and constant outside [c[0], c[m-1]].
 */
export function aboveMeasureOn(f: ArrayLike<number>, c: ArrayLike<number>, a: number, b: number, thr: number): number {
  const m = f.length;
  if (!(b > a) || m === 0) return 0;
  // pieces: [a, c0] constant f0; [c_k, c_k+1] linear; [c_m-1, b] constant
  let s = 0;
  const seg = (u0: number, u1: number, f0: number, f1: number) => {
    const lo = Math.max(u0, a), hi = Math.min(u1, b);
    if (!(hi > lo)) return;
    // f on [u0, u1] linear; restrict to [lo, hi]
    const at = (u: number) => (u1 > u0 ? f0 + ((f1 - f0) * (u - u0)) / (u1 - u0) : f0);
    const g0 = at(lo) - thr, g1 = at(hi) - thr;
    if (g0 >= 0 && g1 >= 0) s += hi - lo;
    else if (g0 >= 0 || g1 >= 0) s += ((hi - lo) * Math.max(g0, g1)) / (Math.abs(g0) + Math.abs(g1));
  };
  seg(Math.min(a, c[0]), c[0], f[0], f[0]);
  for (let k = 0; k + 1 < m; k++) seg(c[k], c[k + 1], f[k], f[k + 1]);
  seg(c[m - 1], Math.max(b, c[m - 1]), f[m - 1], f[m - 1]);
  return s;
}

/** Full width (m) of the above-threshold region of row j around the axis (interpolated). */
function rowWidth(s: ContinuumSolver, n: Float64Array, j: number, thr: number): number {
  const ic = axisColumn(s), row = j * s.nx;
  if (n[row + ic] < thr) return 0;
  const edge = (dir: number): number => {
    let i = ic;
    while (i + dir >= 0 && i + dir < s.nx && n[row + i + dir] >= thr) i += dir;
    const last = (i - ic) * dir;
    if (i + dir < 0 || i + dir >= s.nx) return last + 0.5; // reaches the wall
    const a = n[row + i] - thr, b = thr - n[row + i + dir];
    return last + a / (a + b); // distance (cells) from the axis centre to the crossing
  };
  if (s.p.geometry === 0) return 2 * (edge(1) + 0.5) * s.dx;
  return (edge(1) + edge(-1)) * s.dx;
}

/** Filament geometry of the map n (default: the solver's current map) at threshold frac*nMax. */
export function filamentGeometry(s: ContinuumSolver, frac = 0.3, n: Float64Array = s.n): FilamentGeometry {
  const thr = frac * s.p.nMax;
  const ic = axisColumn(s);
  const { nz, nx, dzRow } = s;
  const axis = new Float64Array(nz), zAxis = new Float64Array(nz);
  for (let j = 0; j < nz; j++) { axis[j] = n[j * nx + ic]; zAxis[j] = s.zc[j * nx + ic]; }
  const L = s.p.thickness;
  const length = aboveMeasureOn(axis, zAxis, 0, L, thr);
  // width: rows weighted by the fraction of the row height that belongs to the filament
  let wsum = 0, wgt = 0, wmax = 0, gapRows = 0, z0 = 0;
  for (let j = 0; j < nz; j++) {
    const z1 = z0 + dzRow[j];
    const frow = aboveMeasureOn(axis, zAxis, z0, z1, thr) / dzRow[j];
    gapRows += 1 - frow;
    z0 = z1;
    const w = rowWidth(s, n, j, thr);
    if (w <= 0) continue;
    wsum += w * frow; wgt += frow; if (w > wmax) wmax = w;
  }
  const width = wgt > 0 ? wsum / wgt : 0;
  const baseWidth = rowWidth(s, n, 0, thr);
  const half = Math.max(wmax / 2, s.dx);
  let ions = 0, vol = 0, dens = 0;
  for (let j = 0; j < nz; j++) {
    if (axis[j] >= thr) continue;
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const d = s.p.geometry === 0 ? s.xc[k] : Math.abs(s.xc[k] - s.xc[ic]);
      if (d <= half) { ions += Math.max(n[k] - s.p.n0, 0) * s.vol[k]; dens += n[k] * s.vol[k]; vol += s.vol[k]; }
    }
  }
  return { length, gap: L - length, gapRows, width, baseWidth, gapIons: ions, gapDensity: vol > 0 ? dens / vol : 0 };
}

/** Density along the radial (x) direction in row j. */
export function radialProfile(s: ContinuumSolver, j: number, n: Float64Array = s.n): Float64Array {
  return n.slice(j * s.nx, (j + 1) * s.nx);
}
