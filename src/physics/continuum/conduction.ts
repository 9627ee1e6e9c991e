/**
 * Electronic conduction of the continuum solver: the cell conductivity, the unit-voltage
 * potential and the device conductance, and where the Joule power is released.
 *
 * Ohmic (band / hopping) part (models.md §9.1):
 *   sigma_ohm = (sigmaIns + sigmaMet (n/nMax)^p) exp(-Eac/k (1/T - 1/T0)).
 *
 * Direct tunnelling through an insulating layer at the bottom (inert) electrode (Simmons, J. Appl.
 * Phys. 34, 1793 (1963); the exponential gap law I ~ exp(-g/g0) of the Stanford/PKU RRAM model,
 * Guan, Yu, Wong, IEEE EDL 33, 1405 (2012), g0 = 0.25 nm, models.md §4.1): electrons cross a
 * layer of thickness d between the electrode and the conducting filament with the specific
 * resistance R_t = rho0 e^{d/lambda}, in parallel with the layer's own ohmic resistance
 * R_o = sum dz/sigma_ohm, however few vacancies it holds, so a gap thinner than a few lambda is
 * not insulating. Per column, with smooth weights w_j = 1 / (1 + (sigma_ohm,j / sigma_c)^2)
 * (1 in an insulating cell, 0 in a conducting one) and P_j = w_0 ... w_j,
 *   d = sum_j dz_j P_j,   R_o = sum_j dz_j P_j / sigma_ohm,j,   f = R_o / R_t,
 *   sigma_j = sigma_ohm,j (1 + f) / (1 + f (1 - P_j)),
 * i.e. the fraction P_j of cell j belongs to the barrier, whose conductivity is raised by 1 + f,
 * and the rest is in series with it: the barrier conducts 1/(1/R_o + 1/R_t) per area, a
 * conducting cell (P -> 0) keeps sigma_ohm, and sigma is continuous in n and T (no switch when
 * a cell crosses sigma_c; an empty and a nearly empty thin layer conduct alike).
 *
 * Power release: the ohmic part of the power of each face is shared between its two half-cells
 * in proportion to their resistances (I^2 R of each half). Tunnelling electrons cross the gap
 * ballistically and release their energy in the electrode they enter, within an inelastic mean
 * free path (hot-electron relaxation; Simmons 1963; for filaments Ielmini, IEEE TED 58, 4309
 * (2011) places the RESET heating in the filament, not in the gap): under negative bias (electrons
 * flow from the filament into the bottom electrode) it goes to the heat-sunk electrode, under
 * positive bias it is released in the first non-depleted cell of the column (the filament tip).
 * @module physics/continuum/conduction
 */
import { KB } from '../../units/constants.js';
import { clearStencil, addFace, type Stencil5 } from '../linear/stencil.js';
import { pcg, type KrylovWork, type SolveInfo } from '../linear/krylov.js';
import type { ContinuumGrid } from './grid.js';
import type { ContinuumParams } from './params.js';

/**
 * Fill sigma (total) and sigmaTun (tunnelling part) from n and T (T = null: at T0 everywhere,
 * the conductivity a read at ambient temperature sees), and collector[i] = index of the first
 * conducting cell (sigma_ohm > sigma_c) of column i (-1 when none or tunnelling is off).
 */
export function conductivity(p: ContinuumParams, g: ContinuumGrid, n: Float64Array, T: Float64Array | null, sigma: Float64Array, sigmaTun: Float64Array, collector: Int32Array): void {
  const { nx, nz, m, dzRow } = g;
  const ea = p.eAc / KB, it0 = 1 / p.t0;
  for (let k = 0; k < m; k++) {
    const x = n[k] / p.nMax;
    const base = p.sigmaIns + p.sigmaMet * Math.pow(x > 0 ? x : 0, p.sigmaPow);
    sigma[k] = T === null ? base : base * Math.exp(-ea * (1 / T[k] - it0));
    sigmaTun[k] = 0;
  }
  collector.fill(-1);
  if (!(p.tunnelRho > 0)) return;
  const isc = 1 / p.tunnelSigma, lam = p.tunnelLength;
  for (let i = 0; i < nx; i++) {
    let d = 0, ro = 0, prod = 1, j = 0;
    for (; j < nz && prod > 1e-9; j++) {
      const k = j * nx + i, r = sigma[k] * isc;
      prod *= 1 / (1 + r * r);
      d += dzRow[j] * prod; ro += (dzRow[j] * prod) / sigma[k];
      if (collector[i] < 0 && r > 1) collector[i] = k;
    }
    const f = ro / (p.tunnelRho * Math.exp(d / lam));
    if (!(f > 1e-12)) continue;
    prod = 1;
    for (let q = 0; q < j; q++) {
      const k = q * nx + i, r = sigma[k] * isc;
      prod *= 1 / (1 + r * r);
      const add = (sigma[k] * f * prod) / (1 + f * (1 - prod));
      sigmaTun[k] = add; sigma[k] += add;
    }
  }
}

/**
 * Unit-voltage Laplace solve div(sigma grad phi) = 0, phi = 0 at the bottom and 1 at the top
 * electrode (half-cell conductances to both), by PCG warm-started from phi. Fills gTop, gBot
 * (electrode half-cell conductances per column) and returns the device conductance
 * G = sum_i gTop_i (1 - phi_top,i) (S) with the solver report.
 */
export function unitPotential(A: Stencil5, b: Float64Array, W: KrylovWork, g: ContinuumGrid, sigma: Float64Array, phi: Float64Array, gTop: Float64Array, gBot: Float64Array): { info: SolveInfo; g: number } {
  const { nx, nz, dx, dzRow, ax, az } = g;
  clearStencil(A); b.fill(0);
  const hx = dx / 2;
  for (let j = 0; j < nz; j++) {
    const hz0 = dzRow[j] / 2, hz1 = j + 1 < nz ? dzRow[j + 1] / 2 : 0;
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      if (i < nx - 1) addFace(A, k, k + 1, ax[k] / (hx / sigma[k] + hx / sigma[k + 1]), 'x');
      if (j < nz - 1) addFace(A, k, k + nx, az[k] / (hz0 / sigma[k] + hz1 / sigma[k + nx]), 'z');
    }
  }
  const hb = dzRow[0] / 2, ht = dzRow[nz - 1] / 2;
  for (let i = 0; i < nx; i++) {
    const kb = i, kt = (nz - 1) * nx + i;
    gBot[i] = (az[kb] * sigma[kb]) / hb; A.c[kb] += gBot[i];
    gTop[i] = (az[kt] * sigma[kt]) / ht; A.c[kt] += gTop[i]; b[kt] += gTop[i];
  }
  const info = pcg(A, b, phi, W, 1e-10, 4000);
  let G = 0;
  for (let i = 0; i < nx; i++) G += gTop[i] * (1 - phi[(nz - 1) * nx + i]);
  return { info, g: G };
}

/**
 * Joule power per cell (W) for the potential psi (V) with vDev across the device. Each face's
 * I^2 (R_a + R_b) is split as I^2 R_a, I^2 R_b between its half-cells; of a cell's share, the
 * tunnelling fraction sigmaTun/sigma is moved to the collector of its column (vDev > 0) or
 * dropped into the bottom electrode (vDev <= 0), see the module header. Sums to I vDev minus the
 * power dropped into the electrode.
 */
export function joulePower(g: ContinuumGrid, sigma: Float64Array, sigmaTun: Float64Array, collector: Int32Array, psi: Float64Array, vDev: number, gTop: Float64Array, gBot: Float64Array, out: Float64Array): void {
  const { nx, nz, dx, dzRow, ax, az, m } = g;
  out.fill(0);
  const hx = dx / 2;
  for (let j = 0; j < nz; j++) {
    const hz0 = dzRow[j] / 2, hz1 = j + 1 < nz ? dzRow[j + 1] / 2 : 0;
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      if (i < nx - 1) {
        const ra = hx / sigma[k], rb = hx / sigma[k + 1], d = psi[k] - psi[k + 1];
        const q = (ax[k] * d * d) / (ra + rb) / (ra + rb);
        out[k] += q * ra; out[k + 1] += q * rb;
      }
      if (j < nz - 1) {
        const ra = hz0 / sigma[k], rb = hz1 / sigma[k + nx], d = psi[k] - psi[k + nx];
        const q = (az[k] * d * d) / (ra + rb) / (ra + rb);
        out[k] += q * ra; out[k + nx] += q * rb;
      }
    }
  }
  for (let i = 0; i < nx; i++) {
    const kb = i, kt = (nz - 1) * nx + i;
    out[kb] += gBot[i] * psi[kb] * psi[kb];
    const d = vDev - psi[kt]; out[kt] += gTop[i] * d * d;
  }
  for (let k = 0; k < m; k++) {
    if (!(sigmaTun[k] > 0)) continue;
    const moved = out[k] * (sigmaTun[k] / sigma[k]);
    out[k] -= moved;
    const c = collector[k % nx];
    if (vDev > 0 && c >= 0) out[c] += moved;
  }
}
