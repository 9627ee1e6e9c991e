/**
 * Field-driven generation and recombination of oxygen vacancies in the continuum solver
 * (Frenkel-pair formation V_O + O_i; models.md §4.2 and §10.2):
 *
 *   generation     G = g (nMax - n) (1 - o/nMax),   g = nu exp(-max(E_G - p F, 0) / kB T)
 *   recombination  R = kR n o / nMax,               kR = nu exp(-E_R / kB T)      (m^-3 s^-1)
 *   dn/dt = do/dt = G - R        (one V_O and one O_i made or removed per event)
 *
 * g is the rate per lattice-oxygen site (nMax - n sites per volume, the O ion needing a free
 * interstitial site: the same exclusion as in transport): McPherson-type bond breaking whose
 * barrier E_G is lowered by the driving field F (the field component that pushes the O ion
 * toward the exchanging electrode, see drivingField) times an effective dipole p
 * (Padovani, Larcher et al., IEEE TED 62, 1998 (2015): p = p0 (2 + kappa)/3, the Lorentz local
 * field; PKU MC p_g = (dt/t0) exp(-(E_a - gamma E)/kT) with gamma = 1 e nm; the Stanford&ASU
 * gap model's generation term exp(-E_ag/kT) exp(gamma a0 q V/(L kT)); the lattice KMC of this
 * project, src/physics/kmc/vcm-lattice.ts, with 1.84 e nm). The lowering is capped at E_G, as
 * the hopping law caps its own. Recombination is an O_i meeting a V_O (Padovani: "recombination
 * when O_i meets V_O"): first order in each density, field independent (the field acts on the
 * O_i through its transport, which the solver carries), activation E_R.
 * Detailed balance at zero field: G = R gives n o / ((nMax - n)(nMax - o)) = exp(-(E_G - E_R)/kB T).
 *
 * The reaction is a local (per cell) operator, split from transport in each backward-Euler
 * pass of the solver. The reaction keeps c = n - o, so backward Euler over dt is one equation
 * in n' (o' = n' - c; solved for the increment n' - n so that slow rates are not lost to
 * round-off):
 *   F(n') = n' - n - dt [g (nMax - n')(nMax - n' + c) - kR n' (n' - c)] / nMax = 0,
 * a quadratic with F <= 0 at lo = max(c, 0) (no O ion or no vacancy left: only generation) and
 * F >= 0 at hi = min(nMax, nMax + c) (a species at nMax: only recombination), so it has exactly
 * one root in [lo, hi]. The step therefore keeps 0 <= n, o <= nMax, conserves n - o in every
 * cell exactly and has the equilibrium above as its fixed point for any dt (g and kR are taken
 * at the pass's field and temperature).
 * @module physics/continuum/generation
 */
import { KB } from '../../units/constants.js';
import type { ContinuumGrid } from './grid.js';
import type { ContinuumParams } from './params.js';

/**
 * Driving field of generation per cell (V/m): the component of the field that pushes an O ion
 * (negative) up toward the oxygen-exchanging top electrode, max(d psi / dz, 0) = max(-E_z, 0),
 * by a central difference over the rows (over the true distance to the electrode surface in
 * the boundary rows). As in the lattice KMC of this project (and the PKU MC, where the O ion of
 * a pair drifts to the anode): a pair whose O ion is pushed toward the inert electrode cannot
 * separate (it has nowhere to go), so a reverse (RESET) field does not assist generation.
 */
export function drivingField(g: ContinuumGrid, psi: Float64Array, vDev: number, out: Float64Array): Float64Array {
  const { nx, nz, zc } = g;
  const L = g.zFace[nz];
  for (let j = 0; j < nz; j++) {
    const zb = j === 0 ? 0 : zc[(j - 1) * nx], zt = j === nz - 1 ? L : zc[(j + 1) * nx];
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const dpz = ((j === nz - 1 ? vDev : psi[k + nx]) - (j === 0 ? 0 : psi[k - nx])) / (zt - zb);
      out[k] = dpz > 0 ? dpz : 0;
    }
  }
  return out;
}

/** Generation rate per lattice-oxygen site g (1/s) at driving field e (V/m) and temperature T (K). */
export function generationRate(p: ContinuumParams, e: number, T: number): number {
  let low = p.pGen * e;
  if (low > p.eGen) low = p.eGen;
  return p.nu * Math.exp(-(p.eGen - low) / (KB * T));
}

/** Recombination coefficient kR (1/s): R = kR n o / nMax (m^-3 s^-1). */
export function recombinationRate(p: ContinuumParams, T: number): number {
  return p.nu * Math.exp(-p.eRec / (KB * T));
}

/**
 * The root in [lo, hi] of A x^2 + B x + C (the caller guarantees a sign change: value <= 0 at lo,
 * >= 0 at hi). Both roots by the cancellation-free formula; the one in the interval (with a
 * round-off margin), clamped; bisection if round-off left neither inside.
 */
function rootIn(A: number, B: number, C: number, lo: number, hi: number): number {
  const tol = 1e-12 * Math.max(Math.abs(lo), Math.abs(hi), 1e-300);
  let x = NaN;
  if (Math.abs(A) * hi <= 1e-14 * Math.abs(B)) x = -C / B; // linear
  else {
    const d = B * B - 4 * A * C;
    const q = -0.5 * (B + (B >= 0 ? 1 : -1) * Math.sqrt(d > 0 ? d : 0));
    const r1 = q / A, r2 = q !== 0 ? C / q : r1;
    x = r1 >= lo - tol && r1 <= hi + tol ? r1 : r2;
  }
  if (!(x >= lo - tol && x <= hi + tol)) {
    let a = lo, b = hi;
    for (let it = 0; it < 200 && b - a > tol; it++) { const m = 0.5 * (a + b); if ((A * m + B) * m + C > 0) b = m; else a = m; }
    x = 0.5 * (a + b);
  }
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * Zero-field equilibrium vacancy density of a closed cell with n - o = c at temperature T:
 * the root in [max(c, 0), min(nMax, nMax + c)] of n (n - c) = K (nMax - n)(nMax - n + c),
 * K = exp(-(E_G - E_R)/kB T) (detailed balance).
 */
export function equilibriumVacancies(p: ContinuumParams, c: number, T: number): number {
  const K = Math.exp(-(p.eGen - p.eRec) / (KB * T)), N = p.nMax;
  return rootIn(1 - K, K * (2 * N + c) - c, -K * N * (N + c), c > 0 ? c : 0, c < 0 ? N + c : N);
}

/**
 * Backward-Euler reaction step over dt in every cell (see the module header), in place on n
 * and o, with the pass's driving field e (V/m, drivingField) and temperature T (K). Returns the
 * net number of pairs made (generated minus recombined, count) over the grid.
 */
export function reactionStep(p: ContinuumParams, dt: number, e: Float64Array, T: Float64Array, vol: Float64Array, n: Float64Array, o: Float64Array): number {
  const N = p.nMax;
  let made = 0;
  for (let k = 0; k < n.length; k++) {
    const kT = KB * T[k];
    let low = p.pGen * e[k];
    if (low > p.eGen) low = p.eGen;
    const gd = (dt * p.nu * Math.exp(-(p.eGen - low) / kT)) / N;
    const rd = (dt * p.nu * Math.exp(-p.eRec / kT)) / N;
    // in the increment d = n' - n = o' - o (accurate however small the change):
    // F = d - gd (N - n - d)(N - o - d) + rd (n + d)(o + d) = A d^2 + B d + C, B > 0
    // (a species above nMax, left by the lagged exclusion of a transport pass: no generation)
    const n0 = n[k], o0 = o[k], a1 = N - n0, a2 = N - o0;
    const gk = a1 > 0 && a2 > 0 ? gd : 0, hi = a1 < a2 ? a1 : a2;
    const A = rd - gk, B = 1 + gk * (a1 + a2) + rd * (n0 + o0), C = rd * n0 * o0 - gk * a1 * a2;
    const d = rootIn(A, B, C, -(n0 < o0 ? n0 : o0), hi > 0 ? hi : 0);
    made += d * vol[k];
    n[k] = n0 + d; o[k] = o0 + d;
  }
  return made;
}
