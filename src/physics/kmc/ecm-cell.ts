/**
 * ECM cell for switching cycles (review §2.1, §4.2; models.md §8.1, §10.2): an Ag anode on top
 * (row nz), an inert cathode at the bottom (row -1), an nx-by-nz film lattice of spacing a.
 * Site states: 0 empty, 1 Ag+ ion, 2 Ag metal. Unlike the growth-map lattice (ecm-lattice.ts,
 * constant voltage, one-way redox) every redox step here has its reverse, so the same cell forms,
 * RESETs and SETs under a swept voltage with a series resistor and current compliance.
 *
 * Rates Gamma = nu exp(-(E - dE) / kB T) (lowering dE capped at E; T the site's Joule
 * temperature; z = 1; psi the site potentials, V the anode potential):
 *   hop k -> q (ion to an empty site)  E = (h_k + h_q)/2 + (b_k - b_q)/2,  dE = z q (psi_k - psi_q)/2
 *      h: migration barrier of a site (host, pipe), b: binding energy of an ion there (disorder);
 *      the bond rule keeps detailed balance at zero field (equilibrium occupancy ~ exp(b/kT))
 *   reduction (ion k with a metal or cathode neighbour m)   E = E_red + b_k/2,  dE = alpha z q max_m(psi_k - psi_m)
 *   nucleation (ion k without one)                          E = E_nuc + b_k/2,  dE = alpha z q a |grad psi|
 *   oxidation (metal k with a non-metal film neighbour s)  E = E_red + dG - b_k/2,  dE = (1 - alpha) z q max_s(psi_k - psi_s)
 *   anode injection (empty top-row site k)                 E = E_an + dG - b_k/2,   dE = (1 - alpha) z q (V - psi_k)
 *   anode deposition (ion in the top row)                  E = E_an + b_k/2,        dE = alpha z q (psi_k - V)
 * dG (> 0) is the free energy of Ag+ in the film above Ag metal: at zero bias a filament is stable
 * and ions are rare (occupancy ~ exp(-dG/kT)). Each interface is a Butler-Volmer pair with
 * exchange rate nu exp(-E/kT) and transfer coefficient alpha: the filament surface (E_red) and the
 * active anode (E_an, the ion supply; in JART ECM the two interfaces carry their own exchange
 * currents j0 A_k, and in the growth-map lattice the anode oxidation rate is its own parameter).
 * Conduction: metal sites gM, others gO (ions do not conduct electrons); the potential and the
 * steady Joule temperature are those of LatticeFields, re-solved after every event that changes
 * metal (reduction, nucleation, oxidation), and rescaled exactly on a voltage step. A RESET of a
 * bridged filament starts thermally (the wire is equipotential with the film next to it, so only
 * its Joule temperature speeds up oxidation); once it breaks, the gap takes the voltage and the
 * remaining filament piece on the positive side dissolves electrochemically.
 * Ag bookkeeping: `fromAnode` = injections - depositions, so ions + metal - fromAnode is
 * constant (tested).
 * @module physics/kmc/ecm-cell
 */
import { Q } from '../../units/constants.js';
import type { Rng } from '../../rng/rng.js';
import { LatticeKmc } from './lattice-kmc.js';
import { LatticeFields } from './lattice-fields.js';

/** ECM cell parameters (SI; energies in J). */
export interface EcmCellParams {
  nx: number; nz: number; a: number; nu: number; t0: number; zIon: number;
  /** Ag+ migration barrier of the host (used where the hop mask is absent). */
  eHop: number;
  /** Reduction barrier of Ag+ next to film metal at zero overpotential (oxidation E_red + dG); dG the free energy of Ag+ in the film above Ag metal. */
  eRed: number; dG: number;
  /** Deposition barrier of Ag+ onto the anode at zero overpotential (injection E_an + dG): the ion supply. */
  eAn: number;
  /** Barrier of isolated reduction in the film (nucleation). */
  eNuc: number;
  /** Cathodic transfer coefficient (anodic 1 - alpha). */
  alpha: number;
  gM: number; gO: number; kappa: number; heatSpread: number;
  rSeries: number; compliance: number;
}

/**
 * Defaults (assumed within the published classes, not fitted to a device): a 0.25 nm and nu 1e13 Hz
 * (models.md §8.1); alpha 0.5 (0.3-0.5 there); Ag+ hop 0.6 eV (0.3-1 eV in ECM hosts, §8.1);
 * filament exchange E_red 0.6 eV; dG 0.5 eV: Ag is nearly insoluble in Si (solution enthalpy of
 * order 2 eV from its ~1e16 cm^-3 solubility at 1200 C [recalled]), 0.5 eV is a low value that
 * keeps the equilibrium Ag+ occupancy next to metal ~4e-9 and a filament's surface oxidation
 * (E_red + dG = 1.1 eV) at ~3e-6 /s per atom: non-volatile, as Ag / a-Si and epiRAM cells are;
 * anode E_an 0.2 eV, so that its injection barrier E_an + dG is 0.7 eV (the ion supply: forming at
 * ~5-7 V on a 10 V/s ramp over 4 nm, SET near 2 V); isolated nucleation 0.9 eV. Chosen after a scan of dG at a fixed
 * 0.7 eV injection barrier (C2C CV(V_set) of the Ag/SiGe pipe / Ag/a-Si pair, 4-6 devices x 8-10
 * cycles: 40 / 33 % at 0.15 eV, 12 / 31 % at 0.3, 15 / 19 % at 0.4, 8.6 / 16 % at 0.5): larger dG
 * narrows both (the SET is set off by oxidising the electrode-side Ag, whose barrier E_red + dG
 * the field then has to remove); the B1 gates fail at every value. Site conductances gM 10 mS (Ag
 * resistivity 1.6e-8 Ohm m over one site is 64 Ohm) and gO 1 nS (film leakage, HRS ~1e9 Ohm); heat:
 * a-Si kappa 1.5 W/m/K with a spreading factor of 500, which makes the thermal resistance of a
 * one-site filament across the 4 nm film ~1e6 K/W (the order used for filaments in compact RESET
 * models [recalled]); series resistor 1 kOhm and 100 uA compliance as the VCM lattice.
 */
export const ECM_CELL_DEFAULTS: EcmCellParams = {
  nx: 16, nz: 16, a: 0.25e-9, nu: 1e13, t0: 300, zIon: 1,
  eHop: 0.6 * Q, eRed: 0.6 * Q, dG: 0.5 * Q, eAn: 0.2 * Q, eNuc: 0.9 * Q, alpha: 0.5,
  gM: 1e-2, gO: 1e-9, kappa: 1.5, heatSpread: 500, rSeries: 1000, compliance: 100e-6,
};

/** Check a parameter set (returned unchanged): a clear error names the field and the value. */
export function checkEcmParams(p: EcmCellParams): EcmCellParams {
  const bad = (f: string, v: unknown, want: string) => { throw new Error(`EcmCell: ${f} = ${String(v)}: expected ${want}`); };
  for (const f of ['nx', 'nz'] as const) if (!Number.isInteger(p[f]) || p[f] < 1) bad(f, p[f], 'an integer >= 1');
  for (const f of ['a', 'nu', 't0', 'zIon', 'gM', 'gO', 'kappa', 'heatSpread', 'compliance'] as const) if (!(Number.isFinite(p[f]) && p[f] > 0)) bad(f, p[f], 'a finite number > 0');
  for (const f of ['eHop', 'eRed', 'dG', 'eAn', 'eNuc', 'rSeries'] as const) if (!(Number.isFinite(p[f]) && p[f] >= 0)) bad(f, p[f], 'a finite number >= 0 (energies in J)');
  if (!(p.alpha >= 0 && p.alpha <= 1)) bad('alpha', p.alpha, 'a transfer coefficient in [0, 1]');
  return p;
}

/** Per-site masks (length nx*nz): migration barrier h (J, default eHop) and ion binding energy b (J, default 0). */
export interface EcmMasks { hop?: Float64Array; bind?: Float64Array }

const NEV = 7; // per site: 4 hops (-x,+x,-z,+z), reduction / nucleation, oxidation, anode exchange

/** An ECM cell with its KMC state (see the module header for the events). */
export class EcmCell extends LatticeKmc {
  readonly p: EcmCellParams; readonly m: number;
  readonly st: Uint8Array; readonly psi: Float64Array; readonly T: Float64Array;
  readonly hop: Float64Array; readonly bind: Float64Array;
  v = 0; current = 0; g = 0; events = 0;
  /** Ag taken from the anode (injections minus depositions onto it). */
  fromAnode = 0;
  /** Executed events by slot: hops -x, +x, -z, +z, reduction / nucleation, oxidation, anode exchange. */
  readonly eventCounts = new Float64Array(NEV);
  private readonly fields: LatticeFields;
  private dirty = true; private vSource = 0;
  private readonly seen: Uint8Array; private readonly stack: Int32Array;
  private readonly dist: Int32Array; private readonly deque: Int32Array;

  /** A cell with an empty film (the rng is not used: the film starts free of Ag; kept for the SweepDevice factory signature). */
  constructor(p: EcmCellParams, _init?: Rng, masks: EcmMasks = {}) {
    super(checkEcmParams(p).nx, p.nz, NEV, p.nu);
    this.p = p;
    const m = (this.m = p.nx * p.nz);
    for (const [name, x] of Object.entries(masks)) {
      if (!x) continue;
      if (x.length !== m) throw new Error(`EcmCell: mask ${name} has length ${x.length}, expected nx*nz = ${m}`);
      for (let k = 0; k < m; k++) if (!Number.isFinite(x[k])) throw new Error(`EcmCell: mask ${name}[${k}] = ${x[k]}: expected a finite energy (J)`);
    }
    this.st = new Uint8Array(m); this.psi = new Float64Array(m); this.T = new Float64Array(m).fill(p.t0);
    this.hop = masks.hop ?? new Float64Array(m).fill(p.eHop); this.bind = masks.bind ?? new Float64Array(m);
    this.fields = new LatticeFields(p.nx, p.nz, p.a, p.kappa, p.heatSpread, new Uint8Array(p.nx).fill(1));
    this.seen = new Uint8Array(m); this.stack = new Int32Array(m);
    this.dist = new Int32Array(m); this.deque = new Int32Array(4 * m + 4);
  }

  /** Ag+ ions and Ag metal sites in the film. */
  count(): { ions: number; metal: number } {
    let ions = 0, metal = 0;
    for (let k = 0; k < this.m; k++) { if (this.st[k] === 1) ions++; else if (this.st[k] === 2) metal++; }
    return { ions, metal };
  }

  /** Declare the state edited from outside (st is public): the next solveFields re-solves the fields. */
  markChanged(): void { this.dirty = true; this.fields.markAll(); }

  /** Copy another cell's film state and anode ledger (same parameters and masks assumed). */
  copyState(src: EcmCell): void { this.st.set(src.st); this.fromAnode = src.fromAnode; this.markChanged(); }

  /** SET criterion: metal connects the bottom electrode to the top electrode (4-neighbour). */
  bridged(): boolean { return this.path(2); }

  /**
   * RESET criterion: no path of metal or ion sites joins the electrodes. An atom oxidised in
   * place inside the wire (a surface exchange, undone by its re-reduction within microseconds)
   * does not count as a rupture; the break counts once the ion has left it.
   */
  ruptured(): boolean { return !this.path(1); }

  /** Whether sites with state >= minState connect the bottom row to the top row (4-neighbour). */
  private path(minState: number): boolean {
    const { nx, nz } = this.p;
    const seen = this.seen, stack = this.stack, st = this.st;
    seen.fill(0);
    let n = 0;
    for (let i = 0; i < nx; i++) if (st[i] >= minState) { seen[i] = 1; stack[n++] = i; }
    while (n > 0) {
      const k = stack[--n];
      const i = k % nx, j = (k - i) / nx;
      if (j === nz - 1) return true;
      if (i > 0 && !seen[k - 1] && st[k - 1] >= minState) { seen[k - 1] = 1; stack[n++] = k - 1; }
      if (i < nx - 1 && !seen[k + 1] && st[k + 1] >= minState) { seen[k + 1] = 1; stack[n++] = k + 1; }
      if (j > 0 && !seen[k - nx] && st[k - nx] >= minState) { seen[k - nx] = 1; stack[n++] = k - nx; }
      if (!seen[k + nx] && st[k + nx] >= minState) { seen[k + nx] = 1; stack[n++] = k + nx; }
    }
    return false;
  }

  /**
   * Gap (m): a times the least number of non-metal sites on a 4-neighbour path from the bottom
   * row to the top row, i.e. the fewest Ag atoms that would reconnect the electrodes (0-1 BFS:
   * metal sites cost 0, others 1); 0 when bridged.
   */
  filamentGap(): number {
    const { nx, nz } = this.p, m = this.m, st = this.st, dist = this.dist, dq = this.deque, L = dq.length;
    dist.fill(m + 1);
    // ring-buffer deque: cost-0 steps go to the front, cost-1 steps to the back; at most one push
    // per relaxation (<= 4 per site) so 4 m + 4 slots never overflow
    let head = 0, tail = 0;
    const push = (q: number, zero: boolean) => { if (zero) { head = (head - 1 + L) % L; dq[head] = q; } else { dq[tail] = q; tail = (tail + 1) % L; } };
    for (let i = 0; i < nx; i++) { const zero = st[i] === 2; dist[i] = zero ? 0 : 1; push(i, zero); }
    let best = m + 1;
    while (head !== tail) {
      const k = dq[head]; head = (head + 1) % L;
      const i = k % nx, j = (k - i) / nx, dk = dist[k];
      if (j === nz - 1 && dk < best) best = dk;
      for (let d = 0; d < 4; d++) {
        const q = d === 0 ? (i > 0 ? k - 1 : -1) : d === 1 ? (i < nx - 1 ? k + 1 : -1) : d === 2 ? (j > 0 ? k - nx : -1) : (j < nz - 1 ? k + nx : -1);
        if (q < 0) continue;
        const zero = st[q] === 2, dq1 = dk + (zero ? 0 : 1);
        if (dq1 < dist[q]) { dist[q] = dq1; push(q, zero); }
      }
    }
    return best * this.p.a;
  }

  /**
   * Source voltage vSource through the series resistor, current capped at the compliance: the
   * device voltage is v = I / g. Potential v psiU and temperature T0 + v^2 dTU (LatticeFields);
   * all rates rebuilt.
   */
  solveFields(vSource: number): void {
    this.vSource = vSource;
    const { p, fields, psi, T } = this;
    if (this.dirty) {
      const gs = fields.gs;
      for (let k = 0; k < this.m; k++) gs[k] = this.st[k] === 2 ? p.gM : p.gO;
      fields.solve();
      this.g = fields.g; this.dirty = false;
    }
    const g = this.g;
    let cur = vSource * g / (1 + p.rSeries * g);
    if (cur > p.compliance) cur = p.compliance;
    const vd = g > 0 ? cur / g : 0;
    this.v = vd; this.current = cur;
    const vd2 = vd * vd, psiU = fields.psiU, dTU = fields.dTU;
    for (let k = 0; k < this.m; k++) { psi[k] = vd * psiU[k]; T[k] = p.t0 + vd2 * dTU[k]; }
    for (let k = 0; k < this.m; k++) this.refreshSite(k, true);
    this.tree.rebuild();
  }



  /** Recompute the NEV event rates of site k. */
  protected refreshSite(k: number, raw: boolean): void {
    const { p, st, psi, T, hop, bind } = this;
    const { nx, nz } = p;
    const i = k % nx, j = (k - i) / nx, base = k * NEV, s = st[k];
    const zq = p.zIon * Q;
    if (s === 0) {
      for (let e = 0; e < 6; e++) this.put(raw, base + e, 0);
      this.put(raw, base + 6, j === nz - 1 ? this.rate(p.eAn + p.dG - 0.5 * bind[k], (1 - p.alpha) * zq * (this.v - psi[k]), T[k]) : 0);
      return;
    }
    const nb0 = i > 0 ? k - 1 : -1, nb1 = i < nx - 1 ? k + 1 : -1, nb2 = j > 0 ? k - nx : -1, nb3 = j < nz - 1 ? k + nx : -1;
    if (s === 1) {
      let etaC = -Infinity;
      for (let d = 0; d < 4; d++) {
        const q = d === 0 ? nb0 : d === 1 ? nb1 : d === 2 ? nb2 : nb3;
        if (q >= 0 && st[q] === 2 && psi[k] - psi[q] > etaC) etaC = psi[k] - psi[q];
        if (q < 0 || st[q] !== 0) { this.put(raw, base + d, 0); continue; }
        const e0 = 0.5 * (hop[k] + hop[q]) + 0.5 * (bind[k] - bind[q]);
        this.put(raw, base + d, this.rate(e0 > 0 ? e0 : 0, 0.5 * zq * (psi[k] - psi[q]), 0.5 * (T[k] + T[q])));
      }
      if (j === 0 && psi[k] > etaC) etaC = psi[k]; // the cathode (potential 0) is a metal neighbour
      if (etaC > -Infinity) this.put(raw, base + 4, this.rate(p.eRed + 0.5 * bind[k], p.alpha * zq * etaC, T[k]));
      else {
        const up = j < nz - 1 ? psi[k + nx] : this.v, dn = j > 0 ? psi[k - nx] : 0;
        const lf = i > 0 ? psi[k - 1] : psi[k], rt = i < nx - 1 ? psi[k + 1] : psi[k];
        const drop = 0.5 * Math.hypot(up - dn, rt - lf); // potential drop over one site, |grad psi| a
        this.put(raw, base + 4, this.rate(p.eNuc + 0.5 * bind[k], p.alpha * zq * drop, T[k]));
      }
      this.put(raw, base + 5, 0);
      this.put(raw, base + 6, j === nz - 1 ? this.rate(p.eAn + 0.5 * bind[k], p.alpha * zq * (psi[k] - this.v), T[k]) : 0);
      return;
    }
    // metal: oxidation if it has a non-metal film neighbour
    for (let e = 0; e < 4; e++) this.put(raw, base + e, 0);
    let etaA = -Infinity;
    for (let d = 0; d < 4; d++) {
      const q = d === 0 ? nb0 : d === 1 ? nb1 : d === 2 ? nb2 : nb3;
      if (q >= 0 && st[q] !== 2 && psi[k] - psi[q] > etaA) etaA = psi[k] - psi[q];
    }
    this.put(raw, base + 4, 0);
    this.put(raw, base + 5, etaA > -Infinity ? this.rate(p.eRed + p.dG - 0.5 * bind[k], (1 - p.alpha) * zq * etaA, T[k]) : 0);
    this.put(raw, base + 6, 0);
  }


  /**
   * Run events for a duration at the present source voltage; fields re-solved (and all rates
   * rebuilt) after every event that changes metal. Returns the number of events executed.
   */
  advance(duration: number, rng: Rng, maxEvents = 1e6): number {
    const tEnd = this.t + duration;
    const { nx } = this.p;
    let nEv = 0;
    while (nEv < maxEvents) {
      const ev = this.next(rng, tEnd);
      if (ev < 0) break;
      const k = Math.floor(ev / NEV), e = ev - k * NEV;
      if (e < 4) {
        const q = e === 0 ? k - 1 : e === 1 ? k + 1 : e === 2 ? k - nx : k + nx;
        this.st[k] = 0; this.st[q] = 1; this.touch(k); this.touch(q);
      } else if (e === 4) {
        this.st[k] = 2; this.fields.mark(k, k); this.dirty = true;
      } else if (e === 5) {
        this.st[k] = 1; this.fields.mark(k, k); this.dirty = true;
      } else {
        if (this.st[k] === 0) { this.st[k] = 1; this.fromAnode++; } else { this.st[k] = 0; this.fromAnode--; }
        this.touch(k);
      }
      nEv++; this.events++; this.eventCounts[e]++;
      if (this.dirty) this.solveFields(this.vSource);
    }
    return nEv;
  }
}
