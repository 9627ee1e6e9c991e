/**
 * ECM lattice KMC (review §2.1, Fig. 1; models.md §10.2 Dirkmann-type): an active top
 * electrode (Ag / Cu anode) and an inert bottom cathode around an nx-by-nz electrolyte lattice.
 * Site states: 0 empty, 1 cation (M+), 2 metal (M0).
 *   oxidation   (empty, next to the anode or to metal above V/2)  K exp(alpha z q eta / kT)
 *   hop         (cation -> empty) M nu exp(-(E_hop - z q a E_par/2)/kT)
 *   reduction   (cation next to the cathode, or to metal at a lower potential than the ion's
 *               site: the cathodic side of a bipolar cluster, Yang et al. 2014)  kRed exp(alpha z q eta/kT)
 *   nucleation  (other cations)   kNuc exp(alpha z q eta/kT)   (isolated reduction in the dielectric)
 * K (s^-1, `redox`) is the oxidation (ion-supply) rate constant of the anode, M the ion-mobility
 * prefactor (dimensionless multiplier of nu); kRed and kNuc are fixed material rates (reduction
 * on a metal surface much faster than isolated nucleation), so K and M are two independent
 * scales: the map is not a function of M/K alone (it was when reduction also scaled with K);
 * eta is the local overpotential taken as the potential drop across one site (z q a |E|).
 * The potential is re-solved (resistor network: metal gM, electrolyte gO) every `updateEvery`
 * events; metal connected to the cathode therefore carries the cathode potential and the field
 * concentrates at its tip. The run stops when metal bridges the electrodes.
 * @module physics/kmc/ecm-lattice
 */
import { KB, Q } from '../../units/constants.js';
import { Rng } from '../../rng/rng.js';
import { Fenwick } from './fenwick.js';
import { drawEvent, type KmcDraw } from './gillespie.js';
import { makeStencil, clearStencil, addFace } from '../linear/stencil.js';
import { KrylovWork, pcg } from '../linear/krylov.js';

/** ECM lattice parameters (SI unless stated). */
export interface EcmParams {
  nx: number; nz: number; a: number; nu: number; t: number; zIon: number;
  eHop: number; mobility: number; redox: number; alpha: number; kRed: number; kNuc: number;
  gM: number; gO: number; voltage: number; updateEvery: number; maxEvents: number;
}

/** Defaults (hand-chosen for the growth-mode map; not fitted): kNuc 0.01/s is comparable to the hop rate at M = 1e-3 (about 0.02/s), so slow ions nucleate within a few sites of the anode. */
export const ECM_DEFAULTS: EcmParams = {
  nx: 24, nz: 16, a: 0.5e-9, nu: 1e13, t: 300, zIon: 1,
  eHop: 0.7 * Q, mobility: 1, redox: 1e3, alpha: 0.3, kRed: 1e4, kNuc: 1e-2,
  gM: 1e-2, gO: 1e-9, voltage: 1, updateEvery: 25, maxEvents: 40000,
};

const NEV = 6;

/** Result of one growth run. */
export interface EcmGrowth {
  state: Uint8Array; bridged: boolean; time: number; events: number;
  /** Mean height of the metal (0 = cathode, 1 = anode). */
  metalCentroid: number;
  /** Height of the first metal that formed (0..1), and at which electrode the first 25 % of the metal sat. */
  earlyCentroid: number;
  /** Connected metal clusters (4-neighbour; deposits on the same electrode count as one) and metal sites. */
  clusters: number; metal: number;
  /** Metal sites with 3 or more metal neighbours (compactness) over all metal sites. */
  compactness: number;
  /** Metal sites with exactly one metal neighbour (tips) over all metal sites. */
  tipFraction: number;
  /** Clusters touching neither electrode (discrete nanoclusters in the film). */
  freeClusters: number;
  /** Share of the metal in the largest connected cluster (continuity). */
  largestFraction: number;
  /** Tips (one metal neighbour, off the electrode rows) of the largest cluster per row of its height. */
  branching: number;
  /** Metal sites of the largest cluster over its bounding-box area (denseness). */
  largestFill: number;
}

/** Run one ECM growth at constant voltage until bridging or maxEvents. */
export function ecmGrow(p: EcmParams, seed: number): EcmGrowth {
  const { nx, nz } = p;
  const m = nx * nz;
  const st = new Uint8Array(m);
  const psi = new Float64Array(m), b = new Float64Array(m);
  const A = makeStencil(nx, nz), W = new KrylovWork(nx, nz);
  const tree = new Fenwick(m * NEV);
  const rng = new Rng(seed).stream('ecm');
  const kT = KB * p.t, zqa2 = (p.zIon * Q * p.a) / 2;
  const draw: KmcDraw = { event: -1, dt: 0 };
  const solve = () => {
    clearStencil(A); b.fill(0);
    const g = (k: number) => (st[k] === 2 ? p.gM : p.gO);
    for (let j = 0; j < nz; j++) for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      if (i < nx - 1) addFace(A, k, k + 1, 1 / (0.5 / g(k) + 0.5 / g(k + 1)), 'x');
      if (j < nz - 1) addFace(A, k, k + nx, 1 / (0.5 / g(k) + 0.5 / g(k + nx)), 'z');
    }
    for (let i = 0; i < nx; i++) { A.c[i] += 2 * g(i); const kt = (nz - 1) * nx + i; A.c[kt] += 2 * g(kt); b[kt] += 2 * g(kt) * p.voltage; }
    pcg(A, b, psi, W, 1e-9, 2000);
  };
  const field = (k: number) => {
    const i = k % nx, j = (k - i) / nx;
    const up = j < nz - 1 ? psi[k + nx] : p.voltage, dn = j > 0 ? psi[k - nx] : 0;
    const lf = i > 0 ? psi[k - 1] : psi[k], rt = i < nx - 1 ? psi[k + 1] : psi[k];
    return Math.hypot((up - dn) / (2 * p.a), (rt - lf) / (2 * p.a));
  };
  const refresh = (k: number, raw: boolean) => {
    const set = raw ? (e: number, r: number) => tree.setRaw(e, r) : (e: number, r: number) => tree.set(e, r);
    const i = k % nx, j = (k - i) / nx, base = k * NEV;
    for (let e = 0; e < NEV; e++) set(base + e, 0);
    const half = 0.5 * p.voltage;
    if (st[k] === 0) {
      // oxidation from the anode or from metal at anode potential (the anode grown into the film)
      let src = j === nz - 1, top = p.voltage;
      if (i > 0 && st[k - 1] === 2 && psi[k - 1] > half) { src = true; top = psi[k - 1]; }
      if (i < nx - 1 && st[k + 1] === 2 && psi[k + 1] > half) { src = true; top = psi[k + 1]; }
      if (j < nz - 1 && st[k + nx] === 2 && psi[k + nx] > half) { src = true; top = psi[k + nx]; }
      if (src) { const eta = p.zIon * Q * Math.max(top - psi[k], 0) * 0.5; set(base + 5, p.redox * Math.exp(Math.min(p.alpha * eta / kT, 40))); }
      return;
    }
    if (st[k] !== 1) return;
    const nb = [i > 0 ? k - 1 : -1, i < nx - 1 ? k + 1 : -1, j > 0 ? k - nx : -1, j < nz - 1 ? k + nx : -1];
    let touching = j === 0;
    for (let d = 0; d < 4; d++) {
      const q = nb[d];
      if (q >= 0 && st[q] === 2 && psi[q] < psi[k]) touching = true; // metal cathodic relative to the ion (bipolar cluster)
      if (q < 0 || st[q] !== 0) continue;
      let low = zqa2 * (psi[k] - psi[q]) / p.a;
      if (low > p.eHop) low = p.eHop;
      set(base + d, p.mobility * p.nu * Math.exp(-(p.eHop - low) / kT));
    }
    const eta = p.zIon * Q * p.a * field(k);
    set(base + 4, (touching ? p.kRed : p.kNuc) * Math.exp(Math.min(p.alpha * eta / kT, 40)));
  };
  const touch = (k: number) => {
    const i = k % nx, j = (k - i) / nx;
    refresh(k, false);
    if (i > 0) refresh(k - 1, false);
    if (i < nx - 1) refresh(k + 1, false);
    if (j > 0) refresh(k - nx, false);
    if (j < nz - 1) refresh(k + nx, false);
  };
  const rebuild = () => { solve(); for (let k = 0; k < m; k++) refresh(k, true); tree.rebuild(); };
  rebuild();
  let t = 0, events = 0, since = 0, bridged = false, firstZ = -1;
  const metalOrder: number[] = [];
  while (events < p.maxEvents) {
    const d = drawEvent(tree, rng, draw);
    if (d.event < 0) break;
    t += d.dt;
    const k = Math.floor(d.event / NEV), e = d.event - k * NEV;
    if (e < 4) { const q = e === 0 ? k - 1 : e === 1 ? k + 1 : e === 2 ? k - nx : k + nx; st[q] = 1; st[k] = 0; touch(k); touch(q); }
    else if (e === 4) { st[k] = 2; metalOrder.push(k); if (firstZ < 0) firstZ = Math.floor(k / nx); touch(k); since = p.updateEvery; }
    else { st[k] = 1; touch(k); }
    events++;
    if (++since >= p.updateEvery) { since = 0; rebuild(); if (connected(st, nx, nz)) { bridged = true; break; } }
  }
  return { state: st, bridged, time: t, events, ...morphology(st, nx, nz, metalOrder) };
}

/** Whether metal connects the bottom row to the top row. */
function connected(st: Uint8Array, nx: number, nz: number): boolean {
  const seen = new Uint8Array(nx * nz), stack: number[] = [];
  for (let i = 0; i < nx; i++) if (st[i] === 2) { seen[i] = 1; stack.push(i); }
  while (stack.length) {
    const k = stack.pop()!;
    const i = k % nx, j = (k - i) / nx;
    if (j === nz - 1) return true;
    for (const q of [i > 0 ? k - 1 : -1, i < nx - 1 ? k + 1 : -1, j > 0 ? k - nx : -1, k + nx]) if (q >= 0 && q < nx * nz && !seen[q] && st[q] === 2) { seen[q] = 1; stack.push(q); }
  }
  return false;
}

function morphology(st: Uint8Array, nx: number, nz: number, order: number[]) {
  const m = nx * nz;
  let metal = 0, zs = 0, comp = 0, tips = 0;
  const nbOf = (k: number, same: (q: number) => boolean) => {
    const i = k % nx, j = (k - i) / nx;
    return (i > 0 && same(k - 1) ? 1 : 0) + (i < nx - 1 && same(k + 1) ? 1 : 0) + (j > 0 && same(k - nx) ? 1 : 0) + (j < nz - 1 && same(k + nx) ? 1 : 0);
  };
  for (let k = 0; k < m; k++) {
    if (st[k] !== 2) continue;
    metal++; zs += Math.floor(k / nx) + 0.5;
    const nb = nbOf(k, (q) => st[q] === 2);
    if (nb >= 3) comp++;
    if (nb === 1) tips++;
  }
  // connected metal (4-neighbour); metal touching an electrode is connected through it, so all
  // cathode-side deposits form one cluster and all anode-side deposits another
  const lab = new Int32Array(m).fill(-1);
  let clusters = 0;
  const flood = (seeds: number[]) => {
    clusters++;
    const stack = seeds.slice();
    for (const k of seeds) lab[k] = clusters;
    while (stack.length) {
      const q = stack.pop()!;
      const qi = q % nx, qj = (q - qi) / nx;
      for (const r of [qi > 0 ? q - 1 : -1, qi < nx - 1 ? q + 1 : -1, qj > 0 ? q - nx : -1, qj < nz - 1 ? q + nx : -1]) if (r >= 0 && st[r] === 2 && lab[r] < 0) { lab[r] = clusters; stack.push(r); }
    }
  };
  const bottom: number[] = [], top: number[] = [];
  for (let i = 0; i < nx; i++) { if (st[i] === 2) bottom.push(i); const kt = (nz - 1) * nx + i; if (st[kt] === 2) top.push(kt); }
  if (bottom.length) flood(bottom);
  const topFree = top.filter((k) => lab[k] < 0);
  if (topFree.length) flood(topFree);
  const onElectrodes = clusters;
  for (let k = 0; k < m; k++) if (st[k] === 2 && lab[k] < 0) flood([k]);
  // the largest cluster: its share of the metal, its tips (one metal neighbour, not on an
  // electrode row) per row of its height (branching), and its fill of its bounding box
  const size = new Int32Array(clusters + 1);
  for (let k = 0; k < m; k++) if (lab[k] > 0) size[lab[k]]++;
  let big = 0;
  for (let c = 1; c <= clusters; c++) if (size[c] > size[big]) big = c;
  let bigTips = 0, i0 = nx, i1 = -1, j0 = nz, j1 = -1;
  for (let k = 0; k < m; k++) {
    if (big === 0 || lab[k] !== big) continue;
    const i = k % nx, j = (k - i) / nx;
    i0 = Math.min(i0, i); i1 = Math.max(i1, i); j0 = Math.min(j0, j); j1 = Math.max(j1, j);
    if (j > 0 && j < nz - 1 && nbOf(k, (q) => lab[q] === big) === 1) bigTips++;
  }
  const early = order.slice(0, Math.max(1, Math.ceil(order.length / 4)));
  const ez = early.reduce((s, k) => s + Math.floor(k / nx) + 0.5, 0) / (early.length || 1);
  return {
    metalCentroid: metal ? zs / metal / nz : NaN, earlyCentroid: order.length ? ez / nz : NaN,
    clusters, metal, compactness: metal ? comp / metal : 0, tipFraction: metal ? tips / metal : 0,
    freeClusters: clusters - onElectrodes, largestFraction: metal ? size[big] / metal : 0, branching: big ? bigTips / (j1 - j0 + 1) : 0,
    largestFill: big ? size[big] / ((i1 - i0 + 1) * (j1 - j0 + 1)) : 0,
  };
}

/** Growth-mode label from the morphology (thresholds documented in {@link classifyGrowth}). */
export interface GrowthMode { origin: 'inert' | 'active'; shape: 'dense' | 'branched' | 'clusters' }

/**
 * Classify from the final lattice: origin from the early-metal centroid (< 0.5: grew from the
 * inert cathode); shape 'clusters' when 3 or more metal clusters float in the film (not
 * touching an electrode: a chain of discrete nanoclusters), else 'branched' when the largest
 * cluster has 0.6 or more side tips per row of its height (dendrites), else 'dense' (one
 * continuous filament). The 0.6 threshold sits between the seeded values of the two high-mobility
 * corners on the default 24 x 16 lattice (0.69-1.19 at K = 1e-4 /s, 0.44-0.56 at K = 1e4 /s,
 * seeds 1-3), so it separates them with little margin.
 */
export function classifyGrowth(g: EcmGrowth): GrowthMode {
  const origin = g.earlyCentroid < 0.5 ? 'inert' : 'active';
  const shape = g.freeClusters >= 3 ? 'clusters' : g.branching >= 0.6 ? 'branched' : 'dense';
  return { origin, shape };
}

/** Growth-mode map over mobility x redox rate (one seeded run per cell). */
export function growthMap(p: EcmParams, mobilities: number[], redoxRates: number[], seed: number) {
  const cells: Array<{ mobility: number; redox: number; mode: GrowthMode; growth: EcmGrowth }> = [];
  for (const mobility of mobilities) for (const redox of redoxRates) {
    const growth = ecmGrow({ ...p, mobility, redox }, seed);
    cells.push({ mobility, redox, mode: classifyGrowth(growth), growth });
  }
  return cells;
}
