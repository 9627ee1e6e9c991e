/**
 * Potential and steady Joule temperature of a KMC lattice device at unit device voltage
 * (shared by the VCM lattice and the ECM cell). Sites k = j nx + i on an nx-by-nz lattice of
 * spacing a between a bottom electrode (row -1, potential 0) and a top electrode (row nz,
 * potential 1) that contacts the columns with contact[i] = 1; each site has a conductance gs[k]
 * (filled by the caller), a face between two sites conducts 1 / (0.5/g1 + 0.5/g2), a boundary
 * site 2 g to its electrode.
 *   potential:  sum over faces g_f (psiU_k - psiU_q) = 0 inside, psiU = 0 / 1 at the electrodes
 *   conductance g = sum over top faces 2 gs (1 - psiU)                        (S)
 *   heat:       the Joule power per site at unit voltage (half of each face's dissipation to
 *               each end) into a thermal network of bond conductance kappa a heatSpread (a slab
 *               of depth a times a 3D spreading factor), electrodes held at T0: dTU (K / V^2).
 * Both networks are linear with occupancy-dependent conductances, so at device voltage vd the
 * potential is vd psiU and the temperature T0 + vd^2 dTU: a voltage step alone is an exact
 * rescaling, and a solve is needed only after the occupancy changed.
 * Small lattices use a banded Cholesky (sites numbered along the shorter side, half bandwidth
 * min(nx, nz)) refactored from the first band row whose entries changed; large ones a
 * warm-started line-preconditioned CG (tolerance 1e-10). The heat factor is made once (kappa is
 * uniform).
 * @module physics/kmc/lattice-fields
 */
import { makeStencil, clearStencil, addFace, type Stencil5 } from '../linear/stencil.js';
import { KrylovWork, pcg } from '../linear/krylov.js';
import { bandCholesky, bandSolve } from '../../math/banded.js';

/** Unit-voltage fields of one lattice (see the module header). */
export class LatticeFields {
  readonly nx: number; readonly nz: number; readonly m: number;
  /** Site conductances (S), filled by the caller before solve(). */
  readonly gs: Float64Array;
  /** Potential at unit device voltage (1) and temperature rise per V^2 (K / V^2). */
  readonly psiU: Float64Array; readonly dTU: Float64Array;
  /** Device conductance at the last solve (S). */
  g = 0;
  private readonly gk: number; private readonly contact: Uint8Array;
  private readonly A: Stencil5; private readonly W: KrylovWork; private readonly b: Float64Array; private readonly power: Float64Array;
  private readonly band: Float64Array | null; private readonly heatBand: Float64Array | null; private heatFactored = false;
  private readonly colMajor: boolean; private readonly bw: number; private readonly xb: Float64Array;
  /** First band row whose entries changed since the stored factor (m: none). */
  private dirtyFrom = 0;

  /** kappa: thermal conductivity (W/m/K); heatSpread: 3D spreading factor of a lattice bond. */
  constructor(nx: number, nz: number, a: number, kappa: number, heatSpread: number, contact: Uint8Array) {
    this.nx = nx; this.nz = nz;
    const m = (this.m = nx * nz);
    this.gk = kappa * a * heatSpread; this.contact = contact;
    this.gs = new Float64Array(m); this.psiU = new Float64Array(m); this.dTU = new Float64Array(m);
    this.A = makeStencil(nx, nz); this.W = new KrylovWork(nx, nz); this.b = new Float64Array(m); this.power = new Float64Array(m);
    this.colMajor = nz < nx; this.bw = this.colMajor ? nz : nx;
    const direct = m * this.bw * this.bw <= 4e6; // n w^2 flops per factorisation
    this.band = direct ? new Float64Array(m * (this.bw + 1)) : null; this.heatBand = direct ? new Float64Array(m * (this.bw + 1)) : null;
    this.xb = new Float64Array(direct ? m : 0);
  }

  private bandRow(k: number): number {
    if (!this.colMajor) return k;
    const i = k % this.nx;
    return i * this.nz + (k - i) / this.nx;
  }

  /** Sites k and q changed conductance: their faces enter band rows from min(row) - bw on. */
  mark(k: number, q: number): void {
    if (!this.band) return;
    const low = Math.min(this.bandRow(k), this.bandRow(q)) - this.bw;
    if (low < this.dirtyFrom) this.dirtyFrom = low > 0 ? low : 0;
  }

  /** Every conductance may have changed (refactor from row 0). */
  markAll(): void { this.dirtyFrom = 0; }

  /** Solve psiU, g and dTU for the conductances in gs. */
  solve(): void {
    const { A, b, psiU, gs, dTU, power, nx, nz } = this;
    clearStencil(A); b.fill(0);
    for (let j = 0; j < nz; j++) for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      if (i < nx - 1) addFace(A, k, k + 1, 1 / (0.5 / gs[k] + 0.5 / gs[k + 1]), 'x');
      if (j < nz - 1) addFace(A, k, k + nx, 1 / (0.5 / gs[k] + 0.5 / gs[k + nx]), 'z');
    }
    for (let i = 0; i < nx; i++) {
      A.c[i] += 2 * gs[i];
      const kt = (nz - 1) * nx + i;
      if (this.contact[i]) { A.c[kt] += 2 * gs[kt]; b[kt] += 2 * gs[kt]; }
    }
    this.solveSpd(this.band, true, psiU, this.dirtyFrom);
    let g = 0;
    for (let i = 0; i < nx; i++) { const kt = (nz - 1) * nx + i; if (this.contact[i]) g += 2 * gs[kt] * (1 - psiU[kt]); }
    this.g = g;
    // Joule power per site at unit device voltage (half of each bond's dissipation to each end)
    power.fill(0);
    for (let j = 0; j < nz; j++) for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      if (i < nx - 1) { const q = 0.5 / (0.5 / gs[k] + 0.5 / gs[k + 1]) * (psiU[k] - psiU[k + 1]) ** 2; power[k] += q; power[k + 1] += q; }
      if (j < nz - 1) { const q = 0.5 / (0.5 / gs[k] + 0.5 / gs[k + nx]) * (psiU[k] - psiU[k + nx]) ** 2; power[k] += q; power[k + nx] += q; }
    }
    for (let i = 0; i < nx; i++) { power[i] += 2 * gs[i] * psiU[i] ** 2; const kt = (nz - 1) * nx + i; if (this.contact[i]) power[kt] += 2 * gs[kt] * (1 - psiU[kt]) ** 2; }
    // steady heat on the same lattice, electrodes at T0 (zero boundary values for the rise)
    clearStencil(A);
    const gk = this.gk;
    for (let j = 0; j < nz; j++) for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      b[k] = power[k];
      if (i < nx - 1) addFace(A, k, k + 1, gk, 'x');
      if (j < nz - 1) addFace(A, k, k + nx, gk, 'z');
    }
    for (let i = 0; i < nx; i++) { A.c[i] += 2 * gk; A.c[(nz - 1) * nx + i] += 2 * gk; }
    this.solveSpd(this.heatBand, !this.heatFactored, dTU);
    this.heatFactored = true;
    this.dirtyFrom = this.m;
  }

  /**
   * x = A^-1 b for the stencil and right-hand side in this.A / this.b: banded Cholesky (factored
   * when `factor`, else the stored factor is reused) on small lattices, warm-started
   * line-preconditioned CG on large ones. `from`: first row whose entries changed since the
   * stored factor (rows below keep their factor).
   */
  private solveSpd(band: Float64Array | null, factor: boolean, x: Float64Array, from = 0): void {
    const { A, b, xb } = this;
    if (!band) { pcg(A, b, x, this.W, 1e-10, 2000); return; }
    const { nx, nz } = this, w = this.bw, W = w + 1, m = this.m, cm = this.colMajor;
    if (factor) {
      band.fill(0, from * W);
      for (let k = 0; k < m; k++) {
        const i = k % nx, j = (k - i) / nx, r = cm ? i * nz + j : k;
        if (r < from) continue;
        band[r * W + w] = A.c[k];
        // couplings to the lower-numbered neighbours: r - 1 and r - w
        if (cm) { if (j > 0) band[r * W + w - 1] = -A.s[k]; if (i > 0) band[r * W] = -A.w[k]; }
        else { if (i > 0) band[r * W + w - 1] = -A.w[k]; if (j > 0) band[r * W] = -A.s[k]; }
      }
      const bad = bandCholesky(m, w, band, from);
      if (bad) throw new Error(`LatticeFields: network matrix not positive definite at band row ${bad - 1}`);
    }
    if (!cm) { x.set(b); bandSolve(m, w, band, x); return; }
    for (let k = 0; k < m; k++) { const i = k % nx; xb[i * nz + (k - i) / nx] = b[k]; }
    bandSolve(m, w, band, xb);
    for (let k = 0; k < m; k++) { const i = k % nx; x[k] = xb[i * nz + (k - i) / nx]; }
  }
}
