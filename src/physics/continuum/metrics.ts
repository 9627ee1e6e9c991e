/**
 * Filament geometry from a vacancy map: length along the filament axis, width, gap and the
 * residual vacancies in the gap, and radial profiles (for the Soret ring).
 *
 * Sub-cell definitions (so that the numbers are not multiples of the grid spacing): the axis
 * profile and each row's radial profile are reconstructed piecewise-linearly between cell
 * centres (constant from the last centre to the wall). The length is the measure of the set
 * {z : n_axis(z) >= thr}; the width of a row is twice the radius at which n(r) falls below
 * thr; the width of the filament is the mean over the filament rows weighted by the part of
 * each row's height that lies in the filament. The residue is the number of vacancies in
 * excess of the initial background n0 inside the gap rows and the filament footprint.
 * @module physics/continuum/metrics
 */
import type { ContinuumSolver } from './solver.js';

/** Geometry of the filament at a density threshold (fraction of nMax). */
export interface FilamentGeometry {
  /** Height (m) of the part of the axis at or above threshold (sub-cell, interpolated). */
  length: number;
  /** Remaining gap (m): thickness - length. */
  gap: number;
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
 * (k + 0.5) h and constant beyond the first and last centre.
 */
export function aboveMeasure(f: ArrayLike<number>, h: number, thr: number): number {
  const m = f.length;
  let s = 0;
  if (f[0] >= thr) s += h / 2;
  if (f[m - 1] >= thr) s += h / 2;
  for (let k = 0; k + 1 < m; k++) {
    const a = f[k] - thr, b = f[k + 1] - thr;
    if (a >= 0 && b >= 0) s += h;
    else if (a >= 0 || b >= 0) s += h * Math.max(a, b) / (Math.abs(a) + Math.abs(b));
  }
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
  const axis = new Float64Array(s.nz);
  for (let j = 0; j < s.nz; j++) axis[j] = n[j * s.nx + ic];
  const length = aboveMeasure(axis, s.dz, thr);
  // width: rows weighted by the fraction of the row height that belongs to the filament
  let wsum = 0, wgt = 0, wmax = 0;
  for (let j = 0; j < s.nz; j++) {
    const w = rowWidth(s, n, j, thr);
    if (w <= 0) continue;
    const frow = aboveMeasure([j > 0 ? 0.5 * (axis[j - 1] + axis[j]) : axis[j], axis[j], j + 1 < s.nz ? 0.5 * (axis[j] + axis[j + 1]) : axis[j]], s.dz / 2, thr) / (1.5 * s.dz);
    wsum += w * frow; wgt += frow; if (w > wmax) wmax = w;
  }
  const width = wgt > 0 ? wsum / wgt : 0;
  const baseWidth = rowWidth(s, n, 0, thr);
  const half = Math.max(wmax / 2, s.dx);
  let ions = 0, vol = 0;
  for (let j = 0; j < s.nz; j++) {
    if (axis[j] >= thr) continue;
    for (let i = 0; i < s.nx; i++) {
      const k = j * s.nx + i;
      const d = s.p.geometry === 0 ? s.xc[k] : Math.abs(s.xc[k] - s.xc[ic]);
      if (d <= half) { ions += Math.max(n[k] - s.p.n0, 0) * s.vol[k]; vol += s.vol[k]; }
    }
  }
  let dens = 0;
  if (vol > 0) { for (let j = 0; j < s.nz; j++) if (axis[j] < thr) for (let i = 0; i < s.nx; i++) { const k = j * s.nx + i; const d = s.p.geometry === 0 ? s.xc[k] : Math.abs(s.xc[k] - s.xc[ic]); if (d <= half) dens += n[k] * s.vol[k]; } dens /= vol; }
  return { length, gap: s.p.thickness - length, width, baseWidth, gapIons: ions, gapDensity: dens };
}

/** Density along the radial (x) direction in row j. */
export function radialProfile(s: ContinuumSolver, j: number, n: Float64Array = s.n): Float64Array {
  return n.slice(j * s.nx, (j + 1) * s.nx);
}
