/**
 * Finite-volume grid of the continuum solver: nx columns of equal width dx (r or x) and nz
 * rows whose heights may be refined toward the bottom (inert) electrode.
 *
 * Row heights (one-sided hyperbolic-tangent stretching, Vinokur, J. Comput. Phys. 50, 215
 * (1983)): the row faces are
 *
 *   z_j = L [1 + tanh(beta (j/nz - 1)) / tanh(beta)],   j = 0..nz,
 *
 * with beta > 0 chosen (bisection) so that the bottom row is dzBottom high; the heights then
 * grow smoothly (ratio of neighbours -> e^{2 beta / nz}) toward the top electrode. dzBottom = 0,
 * or >= L/nz, gives the uniform grid. A thin depleted layer at the inert electrode (the RESET
 * gap, review Fig. 8j,k) is then resolved by several rows without refining the whole film.
 *
 * Axisymmetric (geometry 0): cell volume pi (r_{i+1}^2 - r_i^2) dz_j, radial face area
 * 2 pi r_{i+1} dz_j, axial face area pi (r_{i+1}^2 - r_i^2). Planar (geometry 1): a slab of
 * depth = width. Face distances between row centres are h_j = (dz_j + dz_{j+1}) / 2.
 * @module physics/continuum/grid
 */

/** Geometry arrays of one grid (SI). Index k = j*nx + i, i fast. */
export interface ContinuumGrid {
  nx: number; nz: number; m: number;
  /** Column width (m). */
  dx: number;
  /** Row heights dz_j (m), length nz. */
  dzRow: Float64Array;
  /** Row faces z_j (m), length nz + 1, z_0 = 0, z_nz = thickness. */
  zFace: Float64Array;
  /** Distance between the centres of rows j and j+1 (m), length nz - 1. */
  hz: Float64Array;
  /** Cell centres (m), length m. */
  xc: Float64Array; zc: Float64Array;
  /** Cell volumes, x-face areas (face right of cell k), z-face areas (face above cell k). */
  vol: Float64Array; ax: Float64Array; az: Float64Array;
}

/**
 * Row heights of the one-sided tanh stretching (see module header). Throws on a non-positive
 * thickness or nz < 1; dzBottom <= 0 or >= thickness/nz gives uniform rows.
 */
export function rowHeights(thickness: number, nz: number, dzBottom: number): Float64Array {
  if (!(thickness > 0) || !(nz >= 1)) throw new RangeError(`rowHeights: thickness ${thickness}, nz ${nz}`);
  const out = new Float64Array(nz);
  const uniform = thickness / nz;
  if (!(dzBottom > 0) || dzBottom >= uniform * (1 - 1e-12)) { out.fill(uniform); return out; }
  const first = (beta: number) => thickness * (1 + Math.tanh(beta * (1 / nz - 1)) / Math.tanh(beta));
  // first(beta) falls monotonically from L/nz (beta -> 0) toward 0 (beta -> inf)
  let lo = 1e-8, hi = 1;
  while (first(hi) > dzBottom) { hi *= 2; if (hi > 1e3) throw new RangeError(`rowHeights: dzBottom ${dzBottom} too small for nz ${nz}`); }
  for (let it = 0; it < 200 && hi - lo > 1e-14 * hi; it++) { const mid = 0.5 * (lo + hi); if (first(mid) > dzBottom) lo = mid; else hi = mid; }
  const beta = 0.5 * (lo + hi), tb = Math.tanh(beta);
  let prev = 0;
  for (let j = 1; j <= nz; j++) {
    const z = j === nz ? thickness : thickness * (1 + Math.tanh(beta * (j / nz - 1)) / tb);
    out[j - 1] = z - prev; prev = z;
  }
  return out;
}

/** Build the grid of a cell of the given width (radius) and thickness. */
export function makeGrid(geometry: number, width: number, thickness: number, nx: number, nz: number, dzBottom: number): ContinuumGrid {
  const m = nx * nz, dx = width / nx;
  const dzRow = rowHeights(thickness, nz, dzBottom);
  const zFace = new Float64Array(nz + 1);
  for (let j = 0; j < nz; j++) zFace[j + 1] = zFace[j] + dzRow[j];
  zFace[nz] = thickness;
  const hz = new Float64Array(Math.max(0, nz - 1));
  for (let j = 0; j + 1 < nz; j++) hz[j] = 0.5 * (dzRow[j] + dzRow[j + 1]);
  const f = () => new Float64Array(m);
  const g: ContinuumGrid = { nx, nz, m, dx, dzRow, zFace, hz, xc: f(), zc: f(), vol: f(), ax: f(), az: f() };
  for (let j = 0; j < nz; j++) for (let i = 0; i < nx; i++) {
    const k = j * nx + i, dz = dzRow[j];
    g.xc[k] = (i + 0.5) * dx; g.zc[k] = 0.5 * (zFace[j] + zFace[j + 1]);
    if (geometry === 0) {
      g.vol[k] = Math.PI * (2 * i + 1) * dx * dx * dz;
      g.ax[k] = 2 * Math.PI * (i + 1) * dx * dz;
      g.az[k] = Math.PI * (2 * i + 1) * dx * dx;
    } else {
      g.vol[k] = dx * dz * width; g.ax[k] = dz * width; g.az[k] = dx * width;
    }
  }
  return g;
}
