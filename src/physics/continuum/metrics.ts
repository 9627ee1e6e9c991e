/**
 * Filament geometry from a vacancy map: length along the filament axis, width, gap and the
 * residual vacancies in the gap, and radial profiles (for the Soret ring).
 * @module physics/continuum/metrics
 */
import type { ContinuumSolver } from './solver.js';

/** Geometry of the filament at a density threshold (fraction of nMax). */
export interface FilamentGeometry {
  /** Total height (m) of the axis cells above threshold. */
  length: number;
  /** Remaining gap to the top electrode (m). */
  gap: number;
  /** Mean full width (m) of the above-threshold region over the filament rows. */
  width: number;
  /** Full width at the bottom row (m). */
  baseWidth: number;
  /** Vacancies (count) in the gap rows (axis below threshold) within the filament footprint. */
  gapIons: number;
  /** Mean density in that gap region (m^-3). */
  gapDensity: number;
}

/** Index of the axis column: i = 0 (axisymmetric) or the centre column (planar). */
export function axisColumn(s: ContinuumSolver): number {
  return s.p.geometry === 0 ? 0 : Math.floor(s.nx / 2);
}

/** Full width (m) of the above-threshold run in row j that contains the axis column. */
function rowWidth(s: ContinuumSolver, n: Float64Array, j: number, thr: number): number {
  const ic = axisColumn(s);
  if (n[j * s.nx + ic] < thr) return 0;
  let hi = ic;
  while (hi + 1 < s.nx && n[j * s.nx + hi + 1] >= thr) hi++;
  if (s.p.geometry === 0) return 2 * (hi + 1) * s.dx;
  let lo = ic;
  while (lo - 1 >= 0 && n[j * s.nx + lo - 1] >= thr) lo--;
  return (hi - lo + 1) * s.dx;
}

/** Filament geometry of the map n (default: the solver's current map) at threshold frac*nMax. */
export function filamentGeometry(s: ContinuumSolver, frac = 0.3, n: Float64Array = s.n): FilamentGeometry {
  const thr = frac * s.p.nMax;
  const ic = axisColumn(s);
  // length: axis cells above threshold (the filament may grow from either electrode)
  let rows = 0, wsum = 0, wmax = 0;
  for (let j = 0; j < s.nz; j++) {
    if (n[j * s.nx + ic] < thr) continue;
    rows++;
    const w = rowWidth(s, n, j, thr);
    wsum += w; if (w > wmax) wmax = w;
  }
  const length = rows * s.dz;
  const width = rows > 0 ? wsum / rows : 0;
  const baseWidth = rowWidth(s, n, 0, thr);
  const half = Math.max(wmax / 2, s.dx);
  let ions = 0, vol = 0;
  for (let j = 0; j < s.nz; j++) {
    if (n[j * s.nx + ic] >= thr) continue;
    for (let i = 0; i < s.nx; i++) {
      const k = j * s.nx + i;
      const d = s.p.geometry === 0 ? s.xc[k] : Math.abs(s.xc[k] - s.xc[ic]);
      if (d <= half) { ions += n[k] * s.vol[k]; vol += s.vol[k]; }
    }
  }
  return { length, gap: s.p.thickness - length, width, baseWidth, gapIons: ions, gapDensity: vol > 0 ? ions / vol : 0 };
}

/** Density along the radial (x) direction in row j. */
export function radialProfile(s: ContinuumSolver, j: number, n: Float64Array = s.n): Float64Array {
  return n.slice(j * s.nx, (j + 1) * s.nx);
}
