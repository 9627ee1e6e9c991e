/**
 * VCM lattice KMC (models.md §10.2): oxygen vacancies on an nx-by-nz square lattice (spacing a)
 * between an inert bottom electrode (row -1) and an oxygen-exchange top electrode (row nz).
 *
 * Events and rates (Gamma = nu exp(-(E - dE)/kB T), lowering dE capped at E):
 *   hop k -> k'          E_hop(k) (+ E_lat sideways) - z q a E_par / 2   (E_par: field along the hop)
 *   generation (empty)   E_gen(k) - gamma max(-E_z, 0) - eNbrZ n_z - eNbrX n_x   (Frenkel pair, the
 *                        O ion drifts up to the top electrode, so only the field component that
 *                        pushes it there assists, and only in columns with ionic contact; n_z,
 *                        n_x occupied vertical / lateral neighbours or electrodes: bond weakening
 *                        next to vacancies. It is needed because a partial vacancy chain carries
 *                        no current here (no trap-assisted tunnelling, g_O / g_V = 5e-7), so there
 *                        is no Joule-heating feedback before bridging, and in 2D a one-site bump
 *                        on the electrode hardly raises the field: without it (eNbrZ = 0) forming
 *                        advances as a flat front from the bottom near 4 V, not a filament)
 *   recombination (V)    E_rec    - gamma E_up, times exp(-(depth from top)/lambdaRec)
 *                        (O ions return from the top electrode under reverse bias; needs oxygen > 0)
 *   injection  (top row, empty)   E_ex - z q a E_z / 2      (vacancy from the reservoir, top positive)
 *   extraction (top row, vacancy) E_ex + z q a E_z / 2      (vacancy into the reservoir, top negative)
 *   (recombination, injection and extraction also need ionic contact of the column)
 * Every `updateEvery` events (default 1: a filament that advances by one site changes the field
 * at its tip at once, so a runaway is not held back to the next voltage step) and at each voltage
 * step the potential (resistor network: site conductance gV for a vacancy, gO for oxide, gM for
 * metal mask sites) and the steady temperature (thermal network, kappa, electrodes at T0) are
 * updated and all rates rebuilt. The networks are re-solved (LatticeFields: banded Cholesky or CG)
 * only when the occupancy changed; a voltage step alone rescales them exactly (solveFields).
 * Between updates a changed site refreshes its own and its neighbours' events in O(log n) each.
 * The field E_z of a site is a central difference over the actual distances (half a site to an
 * electrode surface).
 * Confinement masks (review §4, Figs. 11-12): `eaDrop` lowers the migration barrier of a bond
 * by the mean of its two sites' drops (symmetric: detailed balance at zero field; the exchange
 * with the top electrode is the bond to a site of drop 0, lowered by half: dislocation pipe);
 * `trap` binds a vacancy (hops out cost trap/2 more, in trap/2 less); `genDrop` lowers E_gen; `metal`
 * marks fixed conductive sites (nanocrystal / nanodot on the bottom electrode: local field
 * enhancement); `contact` restricts the top electrode's electrical contact to some columns
 * (graphene-edge electrode) and `ionic` (default: = contact) its ionic contact (nanopore in an
 * ion-blocking but conducting graphene layer).
 * @module physics/kmc/vcm-lattice
 */
import { Q } from '../../units/constants.js';
import type { Rng } from '../../rng/rng.js';
import { LatticeKmc } from './lattice-kmc.js';
import { LatticeFields } from './lattice-fields.js';

/** Parameters of the VCM lattice (SI). */
export interface VcmParams {
  nx: number; nz: number; a: number; nu: number; t0: number; zIon: number;
  eHop: number; eLat: number; eGen: number; eRec: number; eEx: number; gammaGen: number; lambdaRec: number; eNbrZ: number; eNbrX: number;
  gV: number; gO: number; gM: number; kappa: number; heatSpread: number;
  fill0: number; rSeries: number; compliance: number; updateEvery: number;
}

/**
 * Defaults (hand-calibrated, not fitted): generation 2.4 eV with a 1.84 e nm bond-polarisation
 * factor and 0.6 eV lowering next to a vacancy / electrode along z, so that forming happens near
 * 2-3 V on a 10 V/s sweep over 5 nm as a single percolating filament; hop 1.2 eV,
 * recombination 1.2 eV (models.md §9.2 ranges 0.6-1.5 eV); site conductances 2 mS / 1 nS.
 */
export const VCM_DEFAULTS: VcmParams = {
  nx: 20, nz: 10, a: 0.5e-9, nu: 1e13, t0: 300, zIon: 2,
  eHop: 1.2 * Q, eLat: 0, eGen: 2.4 * Q, eRec: 1.2 * Q, eEx: 1.2 * Q, gammaGen: 1.84 * Q * 1e-9, lambdaRec: 2, eNbrZ: 0.6 * Q, eNbrX: 0,
  gV: 2e-3, gO: 1e-9, gM: 1e-2, kappa: 3, heatSpread: 20,
  fill0: 0.05, rSeries: 1000, compliance: 100e-6, updateEvery: 1,
};

/** Confinement masks (length nx*nz except contact and ionic: length nx; ionic defaults to contact). */
export interface VcmMasks { eaDrop?: Float64Array; trap?: Float64Array; genDrop?: Float64Array; metal?: Uint8Array; contact?: Uint8Array; ionic?: Uint8Array }

const NEV = 7; // per site: 4 hops (-x,+x,-z,+z), generation, recombination, exchange

/** A VCM lattice device with its KMC state. */
export class VcmLattice extends LatticeKmc {
  readonly p: VcmParams; readonly m: number;
  readonly occ: Uint8Array; readonly psi: Float64Array; readonly T: Float64Array;
  readonly eaDrop: Float64Array; readonly trap: Float64Array; readonly genDrop: Float64Array; readonly metal: Uint8Array; readonly contact: Uint8Array; readonly ionic: Uint8Array;
  v = 0; current = 0; g = 0; events = 0;
  /** Executed events by kind: hops -x, +x, -z, +z, generation, recombination, exchange. */
  readonly eventCounts = new Float64Array(NEV);
  /** Oxygen ions stored at the top electrode (made by generation, used by recombination). */
  oxygen = 0;
  /** Unit-voltage potential and temperature (shared lattice solver). */
  private readonly fields: LatticeFields;
  /** Occupancy changed since the last unit solve. */
  private dirty = true;
  private sinceUpdate = 0; private vSource = 0;
  private readonly seen: Uint8Array; private readonly stack: Int32Array;

  constructor(p: VcmParams, rng: Rng, masks: VcmMasks = {}) {
    super(p.nx, p.nz, NEV, p.nu);
    this.p = p;
    const m = (this.m = p.nx * p.nz);
    this.occ = new Uint8Array(m); this.psi = new Float64Array(m); this.T = new Float64Array(m).fill(p.t0);
    this.eaDrop = masks.eaDrop ?? new Float64Array(m); this.trap = masks.trap ?? new Float64Array(m); this.genDrop = masks.genDrop ?? new Float64Array(m); this.metal = masks.metal ?? new Uint8Array(m);
    this.contact = masks.contact ?? new Uint8Array(p.nx).fill(1); this.ionic = masks.ionic ?? this.contact;
    this.fields = new LatticeFields(p.nx, p.nz, p.a, p.kappa, p.heatSpread, this.contact);
    this.seen = new Uint8Array(m); this.stack = new Int32Array(m);
    for (let k = 0; k < m; k++) if (!this.metal[k] && rng.next() < p.fill0) this.occ[k] = 1;
  }

  /**
   * Tunnelling gap (m): distance from the top of the tallest vacancy cluster connected to the
   * bottom electrode (4-neighbour) to the top electrode; 0 when the filament bridges.
   */
  filamentGap(): number {
    const { nx, nz } = this.p;
    const seen = new Uint8Array(this.m), stack: number[] = [];
    let top = -1;
    for (let i = 0; i < nx; i++) if (this.occ[i] || this.metal[i]) { seen[i] = 1; stack.push(i); }
    while (stack.length) {
      const k = stack.pop()!;
      const i = k % nx, j = (k - i) / nx;
      if (j > top) top = j;
      const nb = [i > 0 ? k - 1 : -1, i < nx - 1 ? k + 1 : -1, j > 0 ? k - nx : -1, j < nz - 1 ? k + nx : -1];
      for (const q of nb) if (q >= 0 && !seen[q] && (this.occ[q] || this.metal[q])) { seen[q] = 1; stack.push(q); }
    }
    return (nz - 1 - top) * this.p.a;
  }

  /**
   * Whether a conducting path (vacancies or metal, 4-neighbour) joins the bottom electrode to a
   * top-row site in contact with the top electrode: the topological SET / RESET criterion.
   */
  bridged(): boolean {
    const { nx, nz } = this.p;
    const seen = this.seen, stack = this.stack;
    seen.fill(0);
    let n = 0;
    for (let i = 0; i < nx; i++) if (this.occ[i] || this.metal[i]) { seen[i] = 1; stack[n++] = i; }
    while (n > 0) {
      const k = stack[--n];
      const i = k % nx, j = (k - i) / nx;
      if (j === nz - 1 && this.contact[i]) return true;
      const a = i > 0 ? k - 1 : -1, b = i < nx - 1 ? k + 1 : -1, c = j > 0 ? k - nx : -1, e = j < nz - 1 ? k + nx : -1;
      if (a >= 0 && !seen[a] && (this.occ[a] || this.metal[a])) { seen[a] = 1; stack[n++] = a; }
      if (b >= 0 && !seen[b] && (this.occ[b] || this.metal[b])) { seen[b] = 1; stack[n++] = b; }
      if (c >= 0 && !seen[c] && (this.occ[c] || this.metal[c])) { seen[c] = 1; stack[n++] = c; }
      if (e >= 0 && !seen[e] && (this.occ[e] || this.metal[e])) { seen[e] = 1; stack[n++] = e; }
    }
    return false;
  }

  /** Declare the occupancy edited from outside (occ is public): the next solveFields re-solves the networks. */
  markChanged(): void { this.dirty = true; this.fields.markAll(); }

  /** Vacancy count. */
  vacancies(): number { let s = 0; for (let k = 0; k < this.m; k++) s += this.occ[k]; return s; }

  /**
   * Potential and temperature at source voltage vSource; rebuild all rates. Both networks are
   * linear with occupancy-dependent (not temperature-dependent) conductances, so the potential
   * is vd psiU and the temperature T0 + vd^2 dTU with psiU, dTU the solutions for a unit device
   * voltage vd: they are re-solved (warm-started CG) only after the occupancy changed, and a
   * voltage step alone (a ramp) is an exact rescaling.
   */
  solveFields(vSource: number): void {
    this.vSource = vSource;
    if (this.dirty) this.solveUnit();
    const { p, psi, T } = this;
    const { psiU, dTU } = this.fields;
    const g = this.g;
    let cur = vSource * g / (1 + p.rSeries * g);
    if (cur > p.compliance) cur = p.compliance;
    const vd = g > 0 ? cur / g : 0;
    this.v = vd; this.current = cur;
    const vd2 = vd * vd;
    for (let k = 0; k < this.m; k++) { psi[k] = vd * psiU[k]; T[k] = p.t0 + vd2 * dTU[k]; }
    for (let k = 0; k < this.m; k++) this.refreshSite(k, true);
    this.tree.rebuild();
    this.sinceUpdate = 0;
  }

  /** Unit-voltage potential, device conductance g and unit-voltage temperature rise (LatticeFields). */
  private solveUnit(): void {
    const { p, fields } = this;
    const gs = fields.gs;
    for (let k = 0; k < this.m; k++) gs[k] = this.metal[k] ? p.gM : this.occ[k] ? p.gV : p.gO;
    fields.solve();
    this.g = fields.g;
    this.dirty = false;
  }



  /** Recompute the NEV event rates of site k. */
  protected refreshSite(k: number, raw: boolean): void {
    const { p, occ, psi, T } = this;
    const { nx, nz } = p;
    const i = k % nx, j = (k - i) / nx;
    const base = k * NEV;
    const zqa2 = (p.zIon * Q * p.a) / 2;
    if (this.metal[k]) { for (let e = 0; e < NEV; e++) this.put(raw, base + e, 0); return; }
    // upward field by a central difference over the actual distances: an electrode surface is
    // half a site from the boundary row's centre; a top site without contact has a zero-flux face
    const top = j < nz - 1 ? psi[k + nx] : this.contact[i] ? this.v : psi[k];
    const dz = (j > 0 ? p.a : 0.5 * p.a) + (j < nz - 1 ? p.a : this.contact[i] ? 0.5 * p.a : 0);
    const ez = ((j > 0 ? psi[k - nx] : 0) - top) / dz;
    if (occ[k]) {
      for (let d = 0; d < 4; d++) {
        const q = d === 0 ? (i > 0 ? k - 1 : -1) : d === 1 ? (i < nx - 1 ? k + 1 : -1) : d === 2 ? (j > 0 ? k - nx : -1) : (j < nz - 1 ? k + nx : -1);
        if (q < 0 || occ[q] || this.metal[q]) { this.put(raw, base + d, 0); continue; }
        const epar = (psi[k] - psi[q]) / p.a;
        // migration barrier of the bond k-q: the mask lowers it by the mean of the two sites'
        // drops, and a trap (binding energy) raises the barrier out of it by half the binding
        // difference and lowers the one into it by the same, so detailed balance holds at zero field
        const eh = p.eHop - 0.5 * (this.eaDrop[k] + this.eaDrop[q]) + 0.5 * (this.trap[k] - this.trap[q]);
        const e0 = (d < 2 ? eh + p.eLat : eh);
        this.put(raw, base + d, this.rate(e0 > 0 ? e0 : 0, zqa2 * epar, 0.5 * (T[k] + T[q])));
      }
      this.put(raw, base + 4, 0);
      this.put(raw, base + 5, this.oxygen > 0 && this.ionic[i] ? this.rate(p.eRec, p.gammaGen * (ez > 0 ? ez : 0), T[k]) * Math.exp(-(nz - 1 - j) / p.lambdaRec) : 0);
      this.put(raw, base + 6, j === nz - 1 && this.ionic[i] ? this.rate(p.eEx - 0.5 * this.eaDrop[k] + 0.5 * this.trap[k], zqa2 * ez, T[k]) : 0);
    } else {
      for (let d = 0; d < 4; d++) this.put(raw, base + d, 0);
      const nz1 = (j === 0 || occ[k - nx] || this.metal[k - nx] ? 1 : 0) + (j < nz - 1 && (occ[k + nx] || this.metal[k + nx]) ? 1 : 0);
      const nx1 = (i > 0 && occ[k - 1] ? 1 : 0) + (i < nx - 1 && occ[k + 1] ? 1 : 0);
      const eg = p.eGen - this.genDrop[k] - p.eNbrZ * nz1 - p.eNbrX * nx1;
      // the O ion of the Frenkel pair drifts up to the top electrode: only a field pushing it
      // upward (ez < 0) assists, and only columns with ionic contact let it leave
      this.put(raw, base + 4, this.ionic[i] ? this.rate(eg > 0 ? eg : 0, p.gammaGen * (ez < 0 ? -ez : 0), T[k]) : 0);
      this.put(raw, base + 5, 0);
      this.put(raw, base + 6, j === nz - 1 && this.ionic[i] ? this.rate(p.eEx - 0.5 * this.eaDrop[k] - 0.5 * this.trap[k], -zqa2 * ez, T[k]) : 0);
    }
  }


  /**
   * Run events for a duration at fixed source voltage (fields re-solved every updateEvery
   * events). Returns the number of events executed.
   */
  advance(duration: number, rng: Rng, maxEvents = 1e6): number {
    const tEnd = this.t + duration;
    let nEv = 0;
    while (nEv < maxEvents) {
      const ev = this.next(rng, tEnd);
      if (ev < 0) break;
      const k = Math.floor(ev / NEV), e = ev - k * NEV;
      const { nx } = this.p;
      // the changed sites' faces enter the network matrix: refactor from their band rows on
      this.fields.mark(k, e === 0 ? k - 1 : e === 1 ? k + 1 : e === 2 ? k - nx : e === 3 ? k + nx : k);
      if (e < 4) {
        const q = e === 0 ? k - 1 : e === 1 ? k + 1 : e === 2 ? k - nx : k + nx;
        this.occ[k] = 0; this.occ[q] = 1; this.touch(k); this.touch(q);
      } else if (e === 4) {
        this.occ[k] = 1; this.oxygen++; this.touch(k);
      } else if (e === 5) {
        if (this.oxygen > 0) { this.occ[k] = 0; this.oxygen--; this.touch(k); }
      } else {
        this.occ[k] = this.occ[k] ? 0 : 1; this.touch(k);
      }
      nEv++; this.events++; this.eventCounts[e]++; this.dirty = true;
      if (++this.sinceUpdate >= this.p.updateEvery) this.solveFields(this.vSource);
    }
    return nEv;
  }
}
